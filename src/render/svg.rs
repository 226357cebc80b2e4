//! The SVG writer: a [`Layout`] as text.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate, NaiveTime};

use super::{
    CARD_PAD_X, CARD_PAD_Y, DATE_LINE, DATE_SIZE, EXCERPT_LINE, EXCERPT_SIZE, Layout, MARGIN, Mark,
    Segment, Step, TICK_SIZE, arabic_date, arabic_length, colour, dated_by_ar, flat, iso_date,
    month_name, secs, text_width,
};
use crate::document::DateSource;
use crate::event::DatedBy;
use crate::timeline::Timeline;
use crate::timeml::escape;

/// The fonts asked for, Arabic-capable first.
pub(crate) const FONTS: &str =
    "'Noto Sans Arabic', 'Noto Naskh Arabic', 'Segoe UI', Tahoma, 'DejaVu Sans', Arial, sans-serif";

fn n(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// Right-to-left text whose start (its right end) is at `x`.
#[allow(clippy::too_many_arguments)]
fn rtl(out: &mut String, class: &str, x: f64, y: f64, size: f64, fill: &str, extra: &str, s: &str) {
    let _ = write!(
        out,
        r#"<text class="{class}" x="{}" y="{}" font-size="{}" fill="{fill}" direction="rtl" unicode-bidi="embed" text-anchor="start"{extra}>{}</text>"#,
        n(x),
        n(y),
        n(size),
        escape(s)
    );
}

/// Left-to-right text anchored at `x` (`anchor`: start, middle or end).
#[allow(clippy::too_many_arguments)]
fn ltr(
    out: &mut String,
    class: &str,
    x: f64,
    y: f64,
    size: f64,
    fill: &str,
    anchor: &str,
    s: &str,
) {
    let _ = write!(
        out,
        r#"<text class="{class}" x="{}" y="{}" font-size="{}" fill="{fill}" direction="ltr" text-anchor="{anchor}">{}</text>"#,
        n(x),
        n(y),
        n(size),
        escape(s)
    );
}

/// Writes the picture. `links`: inside the HTML page, the id each event's card links to (by
/// index in the timeline).
pub(crate) fn write(
    tl: &Timeline,
    l: &Layout,
    options: &super::Options,
    links: Option<&[String]>,
) -> String {
    let embedded = links.is_some();
    let mut o = String::with_capacity(16 * 1024);
    let (w, h) = (n(l.width), n(l.height));
    let title = options.title_text();
    let _ = write!(
        o,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="tarikh-timeline" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONTS}" role="img" aria-labelledby="tarikh-title">"#
    );
    let _ = write!(
        o,
        r#"<title id="tarikh-title">{}</title>"#,
        escape(&format!(
            "{title}: {} أحداث مؤرخة، {} بلا تاريخ",
            l.placed.len(),
            l.undated.len()
        ))
    );
    let _ = write!(
        o,
        r##"<rect class="background" width="{w}" height="{h}" fill="#ffffff"/>"##
    );
    if !embedded {
        header(&mut o, tl, l, title);
    }

    // Bands behind everything.
    o.push_str(r#"<g class="bands">"#);
    for p in l.placed.iter().filter(|p| p.mark == Mark::Band) {
        let Some(e) = tl.events.get(p.index) else {
            continue;
        };
        let _ = write!(
            o,
            r#"<rect class="band" data-index="{}" x="{}" y="{}" width="{}" height="{}" fill="{}" fill-opacity="0.09"/>"#,
            p.index,
            n(p.x0),
            n(l.plot_top),
            n((p.x1 - p.x0).max(2.0)),
            n(l.axis_y - l.plot_top),
            colour(e.dated_by)
        );
    }
    o.push_str("</g>");

    axis(&mut o, l);

    // Leaders, behind the cards.
    o.push_str(r#"<g class="leaders">"#);
    for p in &l.placed {
        let c = colour(p.dated_by);
        let _ = write!(
            o,
            r#"<line class="leader" data-index="{}" x1="{}" y1="{}" x2="{}" y2="{}" stroke="{c}" stroke-opacity="0.6" stroke-width="1"/>"#,
            p.index,
            n(p.lead),
            n(p.card.y + p.card.h),
            n(p.lead),
            n(l.axis_y - 7.0)
        );
    }
    o.push_str("</g>");

    // Events in timeline order.
    o.push_str(r#"<g class="events">"#);
    for p in &l.placed {
        let Some(e) = tl.events.get(p.index) else {
            continue;
        };
        let Some(v) = e.value.as_ref() else { continue };
        let c = colour(e.dated_by);
        let _ = write!(
            o,
            r#"<g class="event dated {}" id="event-{}" data-index="{}" data-value="{}" data-x="{}" data-family="{}">"#,
            e.dated_by.as_str(),
            p.number,
            p.index,
            escape(&v.to_string()),
            n(p.x),
            e.family().unwrap_or("")
        );
        let link = links.and_then(|ids| ids.get(p.index));
        if let Some(id) = link {
            let _ = write!(o, r##"<a href="#{id}">"##);
        }
        let _ = write!(
            o,
            "<title>{}</title>",
            escape(&format!(
                "{} — {} — {} — {}",
                arabic_date(v, l.family),
                iso_date(v),
                dated_by_ar(e.dated_by),
                flat(&e.text)
            ))
        );
        let card = &p.card;
        // Marker.
        match p.mark {
            Mark::Dot => {
                let _ = write!(
                    o,
                    r##"<circle class="marker dot" cx="{}" cy="{}" r="6" fill="{c}" stroke="#ffffff" stroke-width="2"/>"##,
                    n(p.x),
                    n(l.axis_y)
                );
            }
            Mark::Bar {
                open_start,
                open_end,
            } => {
                let open = open_start || open_end;
                let _ = write!(
                    o,
                    r#"<rect class="marker bar" x="{}" y="{}" width="{}" height="10" rx="3" fill="{c}" fill-opacity="{}"{}/>"#,
                    n(p.x0),
                    n(l.axis_y - 5.0),
                    n((p.x1 - p.x0).max(6.0)),
                    if open { "0.35" } else { "0.85" },
                    if open {
                        format!(r#" stroke="{c}" stroke-dasharray="4 3""#)
                    } else {
                        String::new()
                    }
                );
            }
            Mark::Band => {
                let _ = write!(
                    o,
                    r#"<rect class="marker band-mark" x="{}" y="{}" width="{}" height="12" rx="2" fill="{c}" fill-opacity="0.3"/>"#,
                    n(p.x0),
                    n(l.axis_y - 6.0),
                    n((p.x1 - p.x0).max(6.0))
                );
            }
        }
        // Card.
        let _ = write!(
            o,
            r##"<rect class="card" x="{}" y="{}" width="{}" height="{}" rx="6" fill="#ffffff" stroke="{c}" stroke-opacity="0.6"/>"##,
            n(card.x),
            n(card.y),
            n(card.w),
            n(card.h)
        );
        let right = card.x + card.w - CARD_PAD_X;
        let left = card.x + CARD_PAD_X;
        let mut y = card.y + CARD_PAD_Y + EXCERPT_SIZE;
        ltr(
            &mut o,
            "number",
            left,
            y,
            10.0,
            c,
            "start",
            &p.number.to_string(),
        );
        for line in &card.excerpt {
            rtl(
                &mut o,
                "excerpt",
                right,
                y,
                EXCERPT_SIZE,
                "#111827",
                "",
                line,
            );
            y += EXCERPT_LINE;
        }
        y += DATE_LINE - EXCERPT_LINE + 1.0;
        rtl(
            &mut o,
            "date-ar",
            right,
            y,
            DATE_SIZE,
            "#374151",
            r#" font-weight="bold""#,
            &card.arabic,
        );
        if card.iso_inline {
            ltr(
                &mut o, "date-iso", left, y, DATE_SIZE, "#6b7280", "start", &card.iso,
            );
        } else {
            y += DATE_LINE;
            ltr(
                &mut o, "date-iso", right, y, DATE_SIZE, "#6b7280", "end", &card.iso,
            );
        }
        if link.is_some() {
            o.push_str("</a>");
        }
        o.push_str("</g>");
    }
    o.push_str("</g>");

    legend(&mut o, l);
    // In the page, the list beside the picture gives the undated events.
    if !embedded {
        undated(&mut o, tl, l);
    }
    o.push_str("</svg>");
    o
}

fn header(o: &mut String, tl: &Timeline, l: &Layout, title: &str) {
    let right = l.width - MARGIN;
    rtl(
        o,
        "title",
        right,
        30.0,
        20.0,
        "#111827",
        r#" font-weight="bold""#,
        title,
    );
    let r = &tl.reference;
    let day = crate::value::Value::Point(crate::value::Point::Day(r.anchor.date()));
    let how = match r.source {
        DateSource::Given => "معطى".to_string(),
        DateSource::Fallback => "لا تاريخ في النص: تاريخ اليوم".to_string(),
        _ => match &r.evidence_text {
            Some(said) => format!("مستنتج من «{}»", flat(said)),
            None => "مستنتج من النص".to_string(),
        },
    };
    let line = format!("تاريخ النص: {} ({how})", arabic_date(&day, l.family));
    rtl(o, "reference", right, 52.0, 12.0, "#4b5563", "", &line);
    ltr(
        o,
        "reference-iso",
        MARGIN,
        52.0,
        12.0,
        "#4b5563",
        "start",
        &r.anchor.to_string(),
    );
}

fn axis(o: &mut String, l: &Layout) {
    o.push_str(r#"<g class="axis">"#);
    let y = l.axis_y;
    // The right ends of the last tick labels drawn (minor, major), across stretches.
    let mut drawn = (f64::NEG_INFINITY, f64::NEG_INFINITY);
    for (i, s) in l.segments.iter().enumerate() {
        let _ = write!(
            o,
            r##"<line class="axis-line" x1="{}" y1="{}" x2="{}" y2="{}" stroke="#1f2937" stroke-width="1.5"/>"##,
            n(s.x0),
            n(y),
            n(s.x1),
            n(y)
        );
        ticks(o, l, s, &mut drawn);
        if let Some(next) = l.segments.get(i + 1) {
            // The break: slashes at both ends, a dotted gap, its length above.
            for x in [s.x1, next.x0] {
                let _ = write!(
                    o,
                    r##"<line class="break" x1="{}" y1="{}" x2="{}" y2="{}" stroke="#1f2937" stroke-width="1.5"/>"##,
                    n(x - 3.0),
                    n(y + 7.0),
                    n(x + 3.0),
                    n(y - 7.0)
                );
            }
            let _ = write!(
                o,
                r##"<line class="gap" x1="{}" y1="{}" x2="{}" y2="{}" stroke="#9ca3af" stroke-width="1.5" stroke-dasharray="2 4"/>"##,
                n(s.x1 + 6.0),
                n(y),
                n(next.x0 - 6.0),
                n(y)
            );
            let mid = (s.x1 + next.x0) / 2.0;
            let gap = next.g0 - s.g1;
            let label = arabic_length(gap.max(0.0));
            rtl(
                o,
                "gap-label",
                mid + text_width(&label, 10.0) / 2.0,
                y - 10.0,
                10.0,
                "#6b7280",
                "",
                &label,
            );
        }
    }
    o.push_str("</g>");
}

/// The ticks of a stretch with their labels: a minor row (day numbers, month names or years)
/// and a major row (the month and year, or the year, where it changes).
fn ticks(o: &mut String, l: &Layout, s: &Segment, drawn: &mut (f64, f64)) {
    let y = l.axis_y;
    let (mut last_minor, mut last_major) = *drawn;
    let mut prev: Option<NaiveDate> = None;
    for &t in &s.ticks {
        let x = s.x(secs(t.and_time(NaiveTime::MIN)));
        let _ = write!(
            o,
            r##"<line class="tick" x1="{}" y1="{}" x2="{}" y2="{}" stroke="#1f2937"/>"##,
            n(x),
            n(y),
            n(x),
            n(y + 5.0)
        );
        let (minor, major) = match s.step {
            Step::Days(_) => {
                let changed = prev.is_none_or(|p| p.month() != t.month() || p.year() != t.year());
                (
                    t.day().to_string(),
                    changed.then(|| {
                        format!("{} {}", month_name(t.year(), t.month(), l.family), t.year())
                    }),
                )
            }
            Step::Months(_) => {
                let changed = prev.is_none_or(|p| p.year() != t.year());
                (
                    month_name(t.year(), t.month(), l.family),
                    changed.then(|| t.year().to_string()),
                )
            }
            Step::Years(_) => (t.year().to_string(), None),
        };
        prev = Some(t);
        let mw = text_width(&minor, TICK_SIZE);
        let mx = x.clamp(mw / 2.0 + 2.0, l.width - mw / 2.0 - 2.0);
        if mx - mw / 2.0 >= last_minor + 6.0 {
            tick_label(o, "tick-label", mx, y + 19.0, &minor, "#374151");
            last_minor = mx + mw / 2.0;
        }
        if let Some(major) = major {
            let jw = text_width(&major, TICK_SIZE);
            let jx = x.clamp(jw / 2.0 + 2.0, l.width - jw / 2.0 - 2.0);
            if jx - jw / 2.0 >= last_major + 8.0 {
                tick_label(o, "tick-major", jx, y + 35.0, &major, "#111827");
                last_major = jx + jw / 2.0;
            }
        }
    }
    *drawn = (last_minor, last_major);
}

fn tick_label(o: &mut String, class: &str, x: f64, y: f64, s: &str, fill: &str) {
    let _ = write!(
        o,
        r#"<text class="{class}" x="{}" y="{}" font-size="{}" fill="{fill}" direction="rtl" unicode-bidi="embed" text-anchor="middle">{}</text>"#,
        n(x),
        n(y),
        n(TICK_SIZE),
        escape(s)
    );
}

fn legend(o: &mut String, l: &Layout) {
    o.push_str(r#"<g class="legend">"#);
    let y = l.legend_y + 12.0;
    let mut x = l.width - MARGIN;
    let kinds: Vec<DatedBy> = [DatedBy::Explicit, DatedBy::Inherited, DatedBy::Document]
        .into_iter()
        .filter(|d| l.placed.iter().any(|p| p.dated_by == *d))
        .collect();
    let shapes = [
        ("dot", "يوم"),
        ("bar", "شهر أو فترة"),
        ("band", "عقد أو قرن"),
    ];
    for d in kinds {
        let c = colour(d);
        let _ = write!(
            o,
            r#"<circle cx="{}" cy="{}" r="5" fill="{c}"/>"#,
            n(x - 5.0),
            n(y - 4.0)
        );
        let label = dated_by_ar(d);
        rtl(o, "legend-label", x - 14.0, y, 11.0, "#374151", "", label);
        x -= 14.0 + text_width(label, 11.0) + 22.0;
    }
    x -= 10.0;
    for (shape, label) in shapes {
        match shape {
            "dot" => {
                let _ = write!(
                    o,
                    r##"<circle cx="{}" cy="{}" r="5" fill="#4b5563"/>"##,
                    n(x - 5.0),
                    n(y - 4.0)
                );
            }
            "bar" => {
                let _ = write!(
                    o,
                    r##"<rect x="{}" y="{}" width="18" height="8" rx="2" fill="#4b5563"/>"##,
                    n(x - 18.0),
                    n(y - 8.0)
                );
            }
            _ => {
                let _ = write!(
                    o,
                    r##"<rect x="{}" y="{}" width="18" height="12" fill="#4b5563" fill-opacity="0.25"/>"##,
                    n(x - 18.0),
                    n(y - 10.0)
                );
            }
        }
        let off = if shape == "dot" { 14.0 } else { 24.0 };
        rtl(o, "legend-label", x - off, y, 11.0, "#374151", "", label);
        x -= off + text_width(label, 11.0) + 22.0;
    }
    o.push_str("</g>");
}

fn undated(o: &mut String, tl: &Timeline, l: &Layout) {
    if l.undated.is_empty() {
        return;
    }
    o.push_str(r#"<g class="undated">"#);
    rtl(
        o,
        "undated-title",
        l.width - MARGIN,
        l.undated_title_y,
        13.0,
        "#111827",
        r#" font-weight="bold""#,
        "أحداث بلا تاريخ",
    );
    for (index, number, line, right, y) in &l.undated {
        let Some(e) = tl.events.get(*index) else {
            continue;
        };
        let _ = write!(
            o,
            r#"<g class="event undated" id="event-{number}" data-index="{index}" data-value="" data-family="{}">"#,
            e.family().unwrap_or("")
        );
        let _ = write!(o, "<title>{}</title>", escape(&flat(&e.text)));
        ltr(
            o,
            "number",
            *right,
            *y,
            10.0,
            colour(DatedBy::None),
            "end",
            &number.to_string(),
        );
        rtl(o, "excerpt", right - 26.0, *y, 12.0, "#374151", "", line);
        o.push_str("</g>");
    }
    o.push_str("</g>");
}
