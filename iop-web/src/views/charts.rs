//! SVG charts, labelled for screen readers and readable in print: money per year over time, and
//! kronor per inhabitant per year. The figures come from `iop-core`; this only draws them.

use crate::i18n::Lang;
use iop_core::money::format_decimal_sv;
use iop_core::reference::Reference;
use iop_core::{Known, Sek};
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

// Coordinates are whole units of the 640-wide view box: finer is invisible, and formatting
// integers keeps float formatting (about 16 KB) out of the module.
const W: i32 = 640;
const H: i32 = 260;
const LEFT: i32 = 110;
const BOTTOM: i32 = 30;
const TOP: i32 = 16;

/// A coordinate, rounded to a whole unit.
fn unit(v: f64) -> i32 {
    v.round() as i32
}

/// One line: a name and its money per calendar year.
pub type Series = (String, Vec<(i32, Known<Sek>)>);

/// Marker shapes and dash patterns, so lines differ without colour too.
const DASH: [&str; 5] = ["", "6 3", "2 3", "10 4 2 4", "1 6"];

/// Money per calendar year, one line per agreement; unknown years leave a gap.
#[component]
pub fn MoneyChart(series: Vec<Series>, lang: Lang) -> impl IntoView {
    let years: Vec<i32> = series
        .iter()
        .flat_map(|(_, s)| s.iter().map(|(y, _)| *y))
        .collect();
    let (Some(&y0), Some(&y1)) = (years.iter().min(), years.iter().max()) else {
        return view! { <p>{lang.t("Inga årsbelopp att visa.", "No yearly amounts to show.")}</p> }
            .into_any();
    };
    let max = series
        .iter()
        .flat_map(|(_, s)| s.iter().filter_map(|(_, v)| v.value().map(|x| x.value())))
        .max()
        .unwrap_or(Decimal::ONE)
        .max(Decimal::ONE);
    let maxf = max.to_f64().unwrap_or(1.0);
    let span = f64::from((y1 - y0).max(1));
    let x = move |y: i32| LEFT + unit(f64::from(y - y0) / span * f64::from(W - LEFT - 20));
    let yv = move |v: f64| H - BOTTOM - unit(v / maxf * f64::from(H - BOTTOM - TOP));
    let desc: String = series
        .iter()
        .map(|(name, s)| {
            let pts: Vec<String> = s
                .iter()
                .map(|(y, v)| {
                    format!(
                        "{y}: {}",
                        v.value()
                            .map_or(lang.unknown().to_string(), |x| x.to_string())
                    )
                })
                .collect();
            format!("{name}: {}", pts.join(", "))
        })
        .collect::<Vec<_>>()
        .join(". ");
    let title = lang.t("Kronor per år över tid", "SEK per year over time");
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-labelledby="money-title money-desc" class="money-chart">
                <title id="money-title">{title}</title>
                <desc id="money-desc">{desc}</desc>
                <line x1=LEFT y1=H - BOTTOM x2=W - 10 y2=H - BOTTOM class="axis" />
                <line x1=LEFT y1=TOP x2=LEFT y2=H - BOTTOM class="axis" />
                <text x=LEFT - 6 y=yv(maxf) + 4 class="tick" text-anchor="end">{format!("{} kr", format_decimal_sv(max, None))}</text>
                <text x=LEFT - 6 y=H - BOTTOM + 4 class="tick" text-anchor="end">"0 kr"</text>
                {(y0..=y1).map(|y| view! { <text x=x(y) y=H - 10 class="tick" text-anchor="middle">{y.to_string()}</text> }).collect_view()}
                {series.iter().enumerate().map(|(i, (name, s))| {
                    // Known points joined; a gap where a year is unknown.
                    let mut segments: Vec<Vec<(i32, i32)>> = vec![vec![]];
                    for (y, v) in s {
                        match v.value() {
                            Some(v) => segments.last_mut().map(|seg| seg.push((x(*y), yv(v.value().to_f64().unwrap_or(0.0))))).unwrap_or(()),
                            None => segments.push(vec![]),
                        }
                    }
                    let class = format!("series s{}", i % 5);
                    view! {
                        <g class=class>
                            <title>{name.clone()}</title>
                            {segments.into_iter().filter(|s| !s.is_empty()).map(|seg| {
                                let pts = seg.iter().map(|(a, b)| format!("{a},{b}")).collect::<Vec<_>>().join(" ");
                                let dots = seg.clone();
                                view! {
                                    <polyline points=pts fill="none" stroke-dasharray=DASH[i % 5] />
                                    {dots.into_iter().map(|(a, b)| view! { <circle cx=a cy=b r="4" /> }).collect_view()}
                                }
                            }).collect_view()}
                        </g>
                    }
                }).collect_view()}
            </svg>
            <figcaption>
                <ul class="legend">
                    {series.iter().enumerate().map(|(i, (name, _))| view! {
                        <li><svg width="28" height="10" aria-hidden="true" class=format!("series s{}", i % 5)><line x1="0" y1="5" x2="28" y2="5" stroke-dasharray=DASH[i % 5] /></svg> {name.clone()}</li>
                    }).collect_view()}
                </ul>
            </figcaption>
        </figure>
    }
    .into_any()
}

/// The words for a reference figure and its source: `Riksgenomsnitt 2023: 2,81 kr per
/// invånare (snitt för alla kommuner, brottsofferjourer).`
pub fn reference_words(r: &Reference, lang: Lang) -> String {
    let v = format_decimal_sv(r.kr_per_inhabitant, Some(2));
    let kind = lang
        .t(r.organisation.sv(), r.organisation.en())
        .to_lowercase();
    lang.pick(
        format!(
            "Riksgenomsnitt {}: {v} kr per invånare ({}, {kind}).",
            r.year, r.what_sv
        ),
        format!(
            "National average {}: {v} SEK per inhabitant ({}, {kind}).",
            r.year, r.what_en
        ),
    )
}

/// A reference figure's source under a chart or legend: publisher, title, date and a link to it.
#[component]
pub fn ReferenceSource(reference: Reference, lang: Lang) -> impl IntoView {
    let r = reference;
    view! {
        <p class="reference-source">
            <svg width="28" height="10" aria-hidden="true" class="reference-key"><line x1="0" y1="5" x2="28" y2="5" /></svg>
            " " {reference_words(&r, lang)} " "
            {lang.t("Källa: ", "Source: ")} {r.publisher} ", "
            <a href=r.address rel="external noopener" target="_blank">{r.title}</a>
            {r.date.map(|d| format!(" ({d})"))} "."
        </p>
    }
}

/// Kronor per inhabitant per year, one bar per agreement; unknown shown as a labelled gap. With
/// a reference figure, a labelled line at its value and its source under the chart.
#[component]
pub fn PerInhabitantChart(
    bars: Vec<(String, Known<Decimal>)>,
    lang: Lang,
    reference: Option<Reference>,
) -> impl IntoView {
    let row_h = 28;
    // Room above the bars for the reference line's label.
    let top = if reference.is_some() { TOP + 16 } else { TOP };
    let height = top + row_h * i32::try_from(bars.len()).unwrap_or(i32::MAX / 64) + 10;
    let label_w = 220;
    let max = bars
        .iter()
        .filter_map(|(_, v)| v.value().copied())
        .chain(reference.as_ref().map(|r| r.kr_per_inhabitant))
        .max()
        .unwrap_or(Decimal::ONE)
        .max(Decimal::ONE);
    let maxf = max.to_f64().unwrap_or(1.0);
    let width_of =
        move |d: &Decimal| unit(d.to_f64().unwrap_or(0.0) / maxf * f64::from(W - label_w - 90));
    let title = lang.pick(
        format!(
            "Kronor per invånare och år (folkmängd {})",
            iop_core::POPULATION_DATE
        ),
        format!(
            "SEK per inhabitant per year (population {})",
            iop_core::POPULATION_DATE
        ),
    );
    let mut desc: String = bars
        .iter()
        .map(|(n, v)| {
            format!(
                "{n}: {}",
                v.value().map_or(lang.unknown().to_string(), |d| format!(
                    "{} kr",
                    format_decimal_sv(*d, Some(2))
                ))
            )
        })
        .collect::<Vec<_>>()
        .join(". ");
    if let Some(r) = &reference {
        desc.push_str(". ");
        desc.push_str(&reference_words(r, lang));
    }
    let line = reference.as_ref().map(|r| {
        let x = label_w + width_of(&r.kr_per_inhabitant);
        let label = lang.pick(
            format!(
                "Riksgenomsnitt {}: {} kr",
                r.year,
                format_decimal_sv(r.kr_per_inhabitant, Some(2))
            ),
            format!(
                "National average {}: {} SEK",
                r.year,
                format_decimal_sv(r.kr_per_inhabitant, Some(2))
            ),
        );
        view! {
            <g class="reference-line">
                <line x1=x y1=top - 4 x2=x y2=height - 6 />
                <text x=x y=top - 8 text-anchor="middle" class="label">{label}</text>
            </g>
        }
    });
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {W} {height}") role="img" aria-labelledby="pi-title pi-desc" class="bar-chart">
                <title id="pi-title">{title}</title>
                <desc id="pi-desc">{desc}</desc>
                {bars.iter().enumerate().map(|(i, (name, v))| {
                    let y = top + row_h * i32::try_from(i).unwrap_or(0);
                    let (w, text) = match v.value() {
                        Some(d) => (width_of(d), format!("{} kr", format_decimal_sv(*d, Some(2)))),
                        None => (0, lang.unknown().to_string()),
                    };
                    view! {
                        <text x=label_w - 8 y=y + 17 text-anchor="end" class="label">{name.clone()}</text>
                        <rect x=label_w y=y + 4 width=w height=row_h - 8 class=format!("bar s{}", i % 5) />
                        <text x=label_w + w + 6 y=y + 17 class="value">{text}</text>
                    }
                }).collect_view()}
                {line}
            </svg>
            {reference.map(|r| view! { <figcaption><ReferenceSource reference=r lang=lang /></figcaption> })}
        </figure>
    }
}
