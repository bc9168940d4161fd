//! HTML pages to print: the comparison on A4, all text escaped, no script.

use chrono::NaiveDate;

/// The comparison as a standalone HTML page to print on A4: title, date, one row per term,
/// sources, page numbers; all text escaped, no script.
pub fn comparison_html(
    agreements: &[crate::Agreement],
    at: NaiveDate,
    lead: crate::term::Duration,
) -> String {
    use crate::draft::escape_html as e;
    let rows = crate::compare::compare_with(agreements, at, lead);
    let table = crate::compare::side_by_side(&rows);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Jämförelse av IOP {at}</title>\
<style>@page {{ size: A4 landscape; margin: 15mm; @bottom-right {{ content: \"Sida \" counter(page) \" av \" counter(pages); }} }} \
body {{ font: 9pt/1.35 sans-serif; }} table {{ border-collapse: collapse; width: 100%; }} th, td {{ border-bottom: 1px solid #999; padding: 3px 5px; text-align: left; vertical-align: top; }} \
tr {{ page-break-inside: avoid; }} .u {{ font-style: italic; }}</style></head><body>\n\
<h1>Jämförelse av IOP-avtal</h1>\n<p>Per {at}. Folkmängd {}. Okänt = uppgiften finns inte i källan.</p>\n<table><thead><tr><th>Villkor</th>",
        crate::municipality::POPULATION_DATE
    );
    for r in &rows {
        out.push_str(&format!("<th>{}</th>", e(&r.name)));
    }
    out.push_str("</tr></thead><tbody>\n");
    for t in &table {
        out.push_str(&format!(
            "<tr><th>{}{}</th>",
            if t.differs { "≠ " } else { "" },
            e(t.label_sv)
        ));
        for c in &t.cells {
            out.push_str(&format!(
                "<td{}>{}</td>",
                if c.unknown { " class=\"u\"" } else { "" },
                e(&c.sv)
            ));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n<h2>Källor</h2>\n<ul>\n");
    for a in agreements {
        for s in &a.sources {
            out.push_str(&format!(
                "<li>{}: {} ({})</li>\n",
                e(&a.name),
                e(&s.title),
                e(&s.id)
            ));
        }
    }
    out.push_str("</ul>\n</body></html>\n");
    out
}
