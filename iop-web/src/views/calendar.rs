//! Calendar: the dated obligations of an agreement over its term.

use crate::format;
use crate::state::{AppState, View};
use iop_core::calendar::{obligations_calendar, EventKind};
use iop_core::Known;
use leptos::prelude::*;

#[component]
pub fn Calendar(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let id = StoredValue::new(id);
    move || {
        let l = lang.get();
        let Some(a) = state.agreement(&id.get_value()) else {
            return view! { <p>{l.t("Avtalet finns inte längre.", "The agreement no longer exists.")}</p> }.into_any();
        };
        let events = obligations_calendar(&a, state.at.get());
        let ics_events = events.clone();
        let (aid, aname) = (a.id.clone(), a.name.clone());
        view! {
            <h2 id="cal-heading">{l.pick(format!("Kalender: {}", a.name), format!("Calendar: {}", a.name))}</h2>
            <p class="no-print">
                <button type="button" on:click=move |_| state.view.set(View::Detail(id.get_value()))>{l.t("Till avtalet", "To the agreement")}</button>
                " "
                <button type="button" on:click=move |_| {
                    let ics = iop_core::export::calendar_ics(&aid, &aname, &ics_events, crate::state::now());
                    let _ = crate::download::offer(&format!("{aid}.ics"), "text/calendar", &ics);
                }>{l.t("Ladda ner kalenderfil (.ics)", "Download calendar file (.ics)")}</button>
            </p>
            <table class="calendar" aria-labelledby="cal-heading">
                <thead><tr>
                    <th scope="col">{l.t("Datum", "Date")}</th>
                    <th scope="col">{l.t("Slag", "Kind")}</th>
                    <th scope="col">{l.t("Vad", "What")}</th>
                    <th scope="col" class="num">{l.t("Belopp", "Amount")}</th>
                </tr></thead>
                <tbody>
                    {events.into_iter().map(|e| {
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
                            Known::Unknown => l.pick(format!("okänt (avtalsår från {})", e.year_start), format!("unknown (agreement year from {})", e.year_start)),
                        };
                        view! {
                            <tr data-kind=e.kind.key()>
                                <td class:unknown=!e.date.is_known()>{date}</td>
                                <td>{kind}</td>
                                <td>{e.description.clone()}</td>
                                <td class="num">{e.amount.map(|v| format::money(v, l))}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    }
}
