//! Calendar: the dated obligations of an agreement in the window around the chosen date (the
//! period running then and the next, see `iop_core::window`), drawn a part at a time so that a
//! thousand payers never block the page.

use crate::format;
use crate::state::{AppState, View};
use iop_core::calendar::{obligations_calendar_with, EventKind};
use iop_core::window::{Outside, Window};
use iop_core::Known;
use leptos::prelude::*;

/// Rows drawn at first, and added by "Visa fler".
const ROWS: usize = 200;

#[component]
pub fn Calendar(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let id = StoredValue::new(id);
    let shown = RwSignal::new(ROWS);
    move || {
        let l = lang.get();
        let Some(a) = state.agreement(&id.get_value()) else {
            return view! { <p>{l.t("Avtalet finns inte längre.", "The agreement no longer exists.")}</p> }.into_any();
        };
        let window = Window::around(&a, state.at.get());
        let lead = state.lead.get();
        let events = window.map_or_else(Vec::new, |w| obligations_calendar_with(&a, w, lead));
        let note = window.and_then(|w| Outside::of(&a, w).note(w));
        let total = events.len();
        let limit = shown.get();
        let rows: Vec<_> = events
            .iter()
            .take(limit)
            .map(|e| {
                let kind = match e.kind {
                    EventKind::Payment => l.t("Utbetalning", "Payment"),
                    EventKind::Plan => l.t("Plan", "Plan"),
                    EventKind::Report => l.t("Rapport", "Report"),
                    EventKind::Meeting => l.t("Möte", "Meeting"),
                    EventKind::PeriodEnd => l.t("Periodens slut", "End of period"),
                    EventKind::RenewalDecision => l.t("Beslut om förlängning", "Renewal decision"),
                };
                let date = match e.date {
                    Known::Known(d) => d.to_string(),
                    Known::Unknown => l.pick(
                        format!("utan datum (avtalsår från {})", e.year_start),
                        format!("no date (agreement year from {})", e.year_start),
                    ),
                };
                view! {
                    <tr data-kind=e.kind.key()>
                        <td class:unknown=!e.date.is_known()>{date}</td>
                        <td>{kind}</td>
                        <td>{l.pick(e.text(&a), e.text_en(&a))}</td>
                        <td class="num">{e.amount.map(|v| format::money(v, l))}</td>
                    </tr>
                }
            })
            .collect();
        let more = (total > limit).then(|| {
            view! {
                <p class="no-print" role="status">
                    {l.pick(format!("Visar {limit} av {total} rader. "), format!("Showing {limit} of {total} rows. "))}
                    <button type="button" on:click=move |_| shown.update(|n| *n += ROWS)>
                        {l.pick(format!("Visa {ROWS} till"), format!("Show {ROWS} more"))}
                    </button>
                </p>
            }
        });
        let name = crate::format::name(&a.name, l);
        let a = StoredValue::new(a);
        let events = StoredValue::new(events);
        view! {
            <h2 id="cal-heading">{l.pick(format!("Kalender: {name}"), format!("Calendar: {name}"))}</h2>
            <div class="field no-print">
                <label for="cal-at">{l.t("Perioden som löper på", "The period running on")}</label>
                <input id="cal-at" type="date" prop:value=state.at.get_untracked().to_string()
                    on:change=move |ev| { if let Ok(d) = event_target_value(&ev).parse() { shown.set(ROWS); state.at.set(d); } } />
            </div>
            <crate::views::lead::LeadTime />
            {note.map(|n| view! { <p class="window-note">{l.pick(n.sv, n.en)}" "{l.t("Välj ett annat datum för andra perioder.", "Choose another date for other periods.")}</p> })}
            <p class="no-print">
                <button type="button" on:click=move |_| state.go(View::Detail(id.get_value()))>{l.t("Till avtalet", "To the agreement")}</button>
                " "
                <button type="button" on:click=move |_| {
                    let ics = a.with_value(|a| events.with_value(|ev| iop_core::export::calendar_ics(a, ev, crate::state::now())));
                    let file = a.with_value(|a| format!("{}.ics", a.id));
                    let _ = crate::download::offer(&file, "text/calendar", &ics);
                }>{l.t("Ladda ner kalenderfil (.ics)", "Download calendar file (.ics)")}</button>
            </p>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="cal-heading">
            <table class="calendar" aria-labelledby="cal-heading">
                <thead><tr>
                    <th scope="col">{l.t("Datum", "Date")}</th>
                    <th scope="col">{l.t("Slag", "Kind")}</th>
                    <th scope="col">{l.t("Vad", "What")}</th>
                    <th scope="col" class="num">{l.t("Belopp", "Amount")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            </div>
            {more}
        }
        .into_any()
    }
}
