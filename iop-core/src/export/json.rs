//! JSON: the comparison, the calendar and a termination outcome, amounts as decimal strings and
//! unknowns as `null`.

use super::per_inhabitant_ore;
use crate::breach::TerminationOutcome;
use crate::calendar::Event;
use crate::compare::ComparisonRow;
use crate::known::Known;
use crate::money::Sek;
use crate::term::{Duration, Status};
use chrono::NaiveDate;
use serde_json::{json, Value};

fn money(v: Known<Sek>) -> Value {
    v.map_or_null(|s| Value::String(s.to_plain()))
}

trait OrNull<T> {
    fn map_or_null(self, f: impl FnOnce(T) -> Value) -> Value;
}

impl<T> OrNull<T> for Known<T> {
    fn map_or_null(self, f: impl FnOnce(T) -> Value) -> Value {
        match self {
            Known::Known(v) => f(v),
            Known::Unknown => Value::Null,
        }
    }
}

fn date(v: Known<NaiveDate>) -> Value {
    v.map_or_null(|d| Value::String(d.to_string()))
}

fn opt_date(v: Known<Option<NaiveDate>>) -> Value {
    // Until further notice is known, not unknown: never the `null` of an unknown.
    v.map_or_null(|d| {
        d.map_or(Value::String("open_ended".into()), |d| {
            Value::String(d.to_string())
        })
    })
}

/// `first_period`, `extension`, … or `null`.
fn status(v: Known<Status>) -> Value {
    v.map_or_null(|s| Value::String(s.key().into()))
}

/// The comparison as JSON: `{"at": DATE, "agreements": [...]}`; amounts as decimal strings
/// (per inhabitant rounded to the öre, half away from zero), unknowns as `null`.
pub fn comparison_json(rows: &[ComparisonRow], at: NaiveDate) -> Value {
    let agreements: Vec<Value> = rows
        .iter()
        .map(|r| {
            let (notice_days, notice_months) = match r.notice {
                Known::Known(Some(Duration::Days(d))) => (json!(d), Value::Null),
                Known::Known(Some(Duration::Months(m))) => (Value::Null, json!(m)),
                Known::Known(None) => (json!(0), json!(0)),
                Known::Unknown => (Value::Null, Value::Null),
            };
            json!({
                "id": r.id,
                "name": r.name,
                "municipality": r.municipality,
                "county": r.county,
                "kommunkod": r.kommunkod,
                "organisation": r.organisation,
                "start": date(r.start),
                "end": opt_date(r.end),
                "status": status(r.status),
                "extension": match r.status { Known::Known(Status::Extension(n)) => json!(n), _ => Value::Null },
                "period_end": opt_date(r.period_end),
                "decision_due": date(r.decision_due.value),
                "annual_sek": money(r.annual.value),
                "annual_max_sek": money(r.annual_max.value),
                "total_sek": money(r.total.value),
                "per_inhabitant_sek": per_inhabitant_ore(r.per_inhabitant.value).map_or_null(|d| Value::String(d.to_string())),
                "population_date": crate::municipality::POPULATION_DATE.to_string(),
                "payers": r.payers.iter().map(|(name, share, annual)| json!({
                    "name": name, "share": share, "annual_sek": money(*annual),
                })).collect::<Vec<_>>(),
                "renewal": serde_json::to_value(r.renewal).unwrap_or(Value::Null),
                "term_months": r.term_months.map_or_null(|m| json!(m)),
                "cure_days": r.cure_days.map_or_null(|d| d.map_or(Value::Null, |d| json!(d))),
                "notice_days": notice_days,
                "notice_months": notice_months,
                "meetings_per_year": r.meetings_per_year.map_or_null(|m| json!(m)),
                "services": r.services,
                "exclusions": r.exclusions,
                "explanations": {
                    "annual": r.annual.explanation,
                    "total": r.total.explanation,
                    "per_inhabitant": r.per_inhabitant.explanation,
                    "decision_due": r.decision_due.explanation,
                },
            })
        })
        .collect();
    json!({ "at": at.to_string(), "agreements": agreements })
}

/// The calendar of `agreement` as JSON: a list of `{date, kind, description, amount_sek,
/// payer}`.
pub fn calendar_json(agreement: &crate::Agreement, events: &[Event]) -> Value {
    Value::Array(
        events
            .iter()
            .map(|e| {
                json!({
                    "date": date(e.date),
                    "agreement_year_start": e.year_start.to_string(),
                    "kind": e.kind.key(),
                    "description": e.text(agreement),
                    "amount_sek": e.amount.map_or(Value::Null, money),
                    "payer": e.payer.and_then(|i| agreement.funding.split.payer_name(i)),
                })
            })
            .collect(),
    )
}

/// The termination outcome as JSON.
pub fn termination_json(o: &TerminationOutcome) -> Value {
    json!({
        "effective_date": o.effective_date.map(|d| d.to_string()),
        "ends_by_expiry_first": o.effective_date.is_none(),
        "in_breach": o.in_breach,
        "paid_sek": money(o.paid),
        "unpaid_sek": money(o.unpaid),
        "repayment_min_sek": money(o.repayment_min),
        "repayment_max_sek": money(o.repayment_max),
        "explanation": o.explanation,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::compare;
    use crate::presets;

    #[test]
    fn comparison_json_has_the_contract_fields() {
        let at = presets::date(2026, 11, 22);
        let v = comparison_json(&compare(&presets::all(), at), at);
        let by_id = |id: &str| {
            v["agreements"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["id"] == id)
                .unwrap()
                .clone()
        };
        let k = by_id("kalmar-2025-2027");
        assert_eq!(k["annual_sek"], "1000000.00");
        assert_eq!(k["total_sek"], "3000000.00");
        assert_eq!(k["per_inhabitant_sek"], "13.75");
        assert_eq!(k["payers"][0]["annual_sek"], "500000.00");
        assert_eq!(k["cure_days"], 30);
        assert_eq!(by_id("linkoping-2019")["annual_sek"], Value::Null);
    }
}
