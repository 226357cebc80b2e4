//! TimeML output: the text with a `TIMEX3` element around each mention.
//!
//! The document is well-formed XML: a `DCT` element holds the reference date as a `TIMEX3` with
//! `functionInDocument="CREATION_TIME"`, and `TEXT` holds the input with its characters escaped
//! and each mention wrapped in `<TIMEX3 tid type value>`. Stripping the tags and unescaping
//! `TEXT` gives the input back byte for byte.
//!
//! TimeML has no range type. A range ("23–24 كانون الأول") is written as a `DURATION` whose
//! `beginPoint` and `endPoint` name two empty (non-consuming) `TIMEX3` elements that follow it,
//! one for each end, as ISO-TimeML prescribes for anchored durations.

use std::fmt::Write;

use crate::extract::{Mention, MentionType};
use crate::resolve::Anchor;
use crate::value::{Grain, Point, Value};

/// Escapes text for XML character data and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Kept as a reference: parsers turn a literal CR LF into LF.
            '\r' => out.push_str("&#13;"),
            // Characters XML 1.0 forbids are replaced rather than written.
            c if (c < ' ' && !matches!(c, '\t' | '\n')) || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                out.push('\u{FFFD}');
            }
            c => out.push(c),
        }
    }
    out
}

fn timex_type(kind: MentionType) -> &'static str {
    match kind {
        MentionType::Date => "DATE",
        MentionType::Time => "TIME",
        MentionType::Range | MentionType::Duration => "DURATION",
        MentionType::Set => "SET",
    }
}

fn point_type(p: &Point) -> &'static str {
    match p {
        Point::Time { .. } | Point::PartOfDay { .. } => "TIME",
        _ => "DATE",
    }
}

/// The length of a range in its ends' grain (`P2D` for 23–24 December), or `PX` + unit when it
/// is not a whole count.
fn range_length(start: &Point, end: &Point) -> String {
    match (start, end) {
        (Point::Day(a), Point::Day(b)) => format!("P{}D", (*b - *a).num_days() + 1),
        (
            Point::Month {
                year: y1,
                month: m1,
            },
            Point::Month {
                year: y2,
                month: m2,
            },
        ) => {
            let n = i64::from(*y2 - *y1) * 12 + i64::from(*m2) - i64::from(*m1) + 1;
            format!("P{n}M")
        }
        (Point::Year(a), Point::Year(b)) => format!("P{}Y", i64::from(*b) - i64::from(*a) + 1),
        (Point::Decade(a), Point::Decade(b)) => format!("P{}DE", i64::from(*b) - i64::from(*a) + 1),
        _ => match start.grain() {
            Grain::Second | Grain::Minute | Grain::Hour => "PTXH".to_string(),
            Grain::Week => "PXW".to_string(),
            Grain::Month => "PXM".to_string(),
            Grain::Year | Grain::Decade | Grain::Century => "PXY".to_string(),
            _ => "PXD".to_string(),
        },
    }
}

/// Writes `text` as a TimeML document, each mention tagged, with `reference` as the DCT.
/// Mentions must be those of `text`, in order and without overlaps (as
/// [`crate::Extractor::extract`] returns them).
///
/// ```
/// use tarikh::{Anchor, Extractor, timeml};
///
/// let text = "زار الوزير موسكو الثلاثاء 23 كانون الأول & عاد.";
/// let anchor = Anchor::from_ymd(2025, 12, 24).unwrap();
/// let xml = timeml::to_timeml(text, &Extractor::new().extract(text, &anchor), &anchor);
/// assert!(xml.contains(r#"<TIMEX3 tid="t1" type="DATE" value="2025-12-23">الثلاثاء 23 كانون الأول</TIMEX3>"#));
/// assert!(xml.contains("&amp; عاد."));
/// ```
pub fn to_timeml(text: &str, mentions: &[Mention], reference: &Anchor) -> String {
    let mut out = String::with_capacity(text.len() * 2 + 256);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n");
    let _ = writeln!(
        out,
        "<DCT><TIMEX3 tid=\"t0\" type=\"{}\" value=\"{reference}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{reference}</TIMEX3></DCT>",
        if reference.time().is_some() {
            "TIME"
        } else {
            "DATE"
        },
    );
    out.push_str("<TEXT>");
    let mut at = 0usize;
    let mut tid = 1usize;
    for m in mentions {
        if m.span.start < at || m.span.end > text.len() {
            continue;
        }
        out.push_str(&escape(text.get(at..m.span.start).unwrap_or("")));
        let body = escape(text.get(m.span.clone()).unwrap_or(""));
        match m.value {
            Value::Range(a, b) => {
                let (t, tb, te) = (tid, tid + 1, tid + 2);
                tid += 3;
                let length = match (a, b) {
                    (Some(a), Some(b)) => range_length(&a, &b),
                    _ => "PXD".to_string(),
                };
                let _ = write!(
                    out,
                    "<TIMEX3 tid=\"t{t}\" type=\"DURATION\" value=\"{length}\" beginPoint=\"t{tb}\" endPoint=\"t{te}\">{body}</TIMEX3>"
                );
                for (id, end) in [(tb, a), (te, b)] {
                    match end {
                        Some(p) => {
                            let _ = write!(
                                out,
                                "<TIMEX3 tid=\"t{id}\" type=\"{}\" value=\"{p}\"/>",
                                point_type(&p)
                            );
                        }
                        None => {
                            let _ =
                                write!(out, "<TIMEX3 tid=\"t{id}\" type=\"DATE\" value=\"XXXX\"/>");
                        }
                    }
                }
            }
            _ => {
                let _ = write!(
                    out,
                    "<TIMEX3 tid=\"t{tid}\" type=\"{}\" value=\"{}\">{body}</TIMEX3>",
                    timex_type(m.kind),
                    escape(&m.value.to_string())
                );
                tid += 1;
            }
        }
        at = m.span.end;
    }
    out.push_str(&escape(text.get(at..).unwrap_or("")));
    out.push_str("</TEXT>\n</TimeML>\n");
    out
}
