//! Text for the page: Swedish formats of what `iop-core` computes, and "okänt" for unknowns.

use crate::i18n::Lang;
use chrono::NaiveDate;
use iop_core::money::format_decimal_sv;
use iop_core::{Known, Sek};
use rust_decimal::Decimal;

/// `1 000 000 kr`, or `okänt`.
pub fn money(v: Known<Sek>, lang: Lang) -> String {
    match v {
        Known::Known(s) => s.to_string(),
        Known::Unknown => lang.unknown().into(),
    }
}

/// A computed amount: `1 000 000 kr`, `okänt` when a source leaves something out, or `för stort`
/// when the sum does not fit (the core tells them apart).
pub fn figure_money(f: &iop_core::Figure<Sek>, lang: Lang) -> String {
    if f.too_large {
        use iop_core::money::Overflow;
        lang.t(Overflow::SHOWN_SV, Overflow::SHOWN_EN).into()
    } else {
        money(f.value, lang)
    }
}

/// `13,75 kr`, or `okänt`.
pub fn per_inhabitant(v: Known<Decimal>, lang: Lang) -> String {
    match v {
        Known::Known(d) => format!("{} kr", format_decimal_sv(d, Some(2))),
        Known::Unknown => lang.unknown().into(),
    }
}

/// ISO dates are the Swedish standard format (`2025-01-01`).
pub fn date(v: Known<NaiveDate>, lang: Lang) -> String {
    match v {
        Known::Known(d) => d.to_string(),
        Known::Unknown => lang.unknown().into(),
    }
}

/// `2025-01-01 – 2027-12-31`, unknown ends as unknown, open ends as "tills vidare".
pub fn period(start: Known<NaiveDate>, end: Known<Option<NaiveDate>>, lang: Lang) -> String {
    let end = match end {
        Known::Known(Some(d)) => d.to_string(),
        Known::Known(None) => lang.t("tills vidare", "until further notice").into(),
        Known::Unknown => lang.unknown().into(),
    };
    format!("{} – {}", date(start, lang), end)
}

/// An agreement's name as shown: "namnlöst avtal" where it has nothing visible (blank, a
/// zero-width space, only direction marks), so every row and link has words to click.
pub fn name(name: &str, lang: Lang) -> String {
    match iop_core::agreement::visible_text(name) {
        Some(n) => n.to_string(),
        None => lang.t("namnlöst avtal", "unnamed agreement").to_string(),
    }
}
