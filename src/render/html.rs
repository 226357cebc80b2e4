//! The HTML writer: one self-contained, XHTML-compatible page.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;

use super::svg::FONTS;
use super::{Layout, Options, arabic_date, colour, dated_by_ar, excerpt, flat, iso_date};
use crate::document::{DateSource, sentences};
use crate::timeline::Timeline;
use crate::timeml::escape;
use crate::value::{Point, Value};

const CSS: &str = r#"
:root { color-scheme: light; }
body { margin: 0; padding: 16px 20px 40px; font-family: FONTS; color: #111827; background: #f3f4f6; line-height: 1.6; }
header h1 { font-size: 22px; margin: 0 0 2px; }
header p { margin: 0 0 12px; color: #4b5563; font-size: 13px; }
.layout { display: grid; grid-template-columns: minmax(0, 860px) minmax(260px, 1fr); gap: 14px; align-items: start; }
figure { margin: 0; background: #ffffff; border: 1px solid #e5e7eb; border-radius: 8px; overflow: hidden; }
figure svg { display: block; width: 100%; height: auto; }
figure svg a:hover .card, figure svg a:focus .card { stroke-width: 2.5; stroke-opacity: 1; }
nav.events { background: #ffffff; border: 1px solid #e5e7eb; border-radius: 8px; padding: 6px 10px 10px; font-size: 13px; }
nav.events h2 { font-size: 14px; margin: 8px 4px 4px; color: #374151; }
nav.events ol { list-style: none; margin: 0; padding: 0; }
nav.events li a { display: block; padding: 4px 8px; margin: 2px 0; border-radius: 6px; color: inherit; text-decoration: none; border-inline-start: 3px solid #9ca3af; }
nav.events li a:hover { background: #f3f4f6; }
nav.events li:target a { background: #fef3c7; }
nav.events .num { display: inline-block; min-width: 1.6em; color: #6b7280; font-size: 11px; }
nav.events .when { font-weight: bold; font-size: 12px; color: #1f2937; }
nav.events .iso { font-weight: normal; color: #6b7280; font-size: 11px; }
nav.events .what { display: block; color: #374151; }
nav.events ol.undated .what { display: inline; }
article { white-space: pre-wrap; background: #ffffff; border: 1px solid #e5e7eb; border-radius: 8px; padding: 14px 20px; margin-top: 14px; font-size: 16px; line-height: 1.9; }
article h2 { white-space: normal; font-size: 14px; margin: 0; color: #374151; }
.s { border-radius: 3px; scroll-margin-top: 30vh; }
.s:target, .s:has(.c:target) { background: #fef9c3; box-shadow: 0 0 0 3px #fef9c3; }
.c:target { background: #fde047; box-shadow: 0 0 0 2px #fde047; border-radius: 3px; }
.c { scroll-margin-top: 30vh; }
.timex { background: #dbeafe; color: inherit; border-radius: 3px; padding: 0 1px; }
.back { font-size: 11px; vertical-align: super; text-decoration: none; color: #1d4ed8; margin-inline-start: 4px; }
footer { margin-top: 10px; font-size: 11px; color: #6b7280; }
@media (max-width: 1000px) { .layout { grid-template-columns: minmax(0, 1fr); } .main { display: contents; } figure { order: 1; } nav.events { order: 2; } article { order: 3; margin-top: 0; } }
"#;

pub(crate) fn write(tl: &Timeline, text: &str, options: &Options) -> String {
    let layout = Layout::new(tl, options, true);
    let marks = Marks::new(tl, text);
    let picture = super::svg::write(tl, &layout, options, Some(&marks.target));
    let title = options.title_text();
    let mut o = String::with_capacity(text.len() * 2 + picture.len() + 8 * 1024);
    o.push_str("<!DOCTYPE html>\n");
    o.push_str(r#"<html xmlns="http://www.w3.org/1999/xhtml" lang="ar" dir="rtl">"#);
    o.push_str("\n<head>\n<meta charset=\"utf-8\"/>\n");
    o.push_str(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<meta name=\"generator\" content=\"tarikh\"/>\n",
    );
    let _ = writeln!(o, "<title>{}</title>", escape(title));
    let _ = writeln!(o, "<style>{}</style>", CSS.replace("FONTS", FONTS));
    o.push_str("</head>\n<body>\n<header>\n");
    let _ = writeln!(o, "<h1>{}</h1>", escape(title));
    let _ = writeln!(o, "<p>{}</p>", reference_line(tl, &layout));
    o.push_str("</header>\n<div class=\"layout\">\n<div class=\"main\">\n<figure dir=\"ltr\">");
    o.push_str(&picture);
    o.push_str("</figure>\n");
    article(&mut o, tl, text, &layout, &marks);
    o.push_str("</div>\n");
    list(&mut o, tl, &layout, &marks.target);
    o.push_str("</div>\n");
    o.push_str(
        "<footer>tarikh: التواريخ مستخرجة آليًا؛ اضغط حدثًا لترى جملته في النص.</footer>\n</body>\n</html>\n",
    );
    o
}

fn reference_line(tl: &Timeline, l: &Layout) -> String {
    let r = &tl.reference;
    let day = Value::Point(Point::Day(r.anchor.date()));
    let how = match r.source {
        DateSource::Given => "معطى".to_string(),
        DateSource::Fallback => "لا تاريخ في النص: تاريخ اليوم".to_string(),
        _ => match &r.evidence_text {
            Some(said) => format!(
                "مستنتج من «{}»، الثقة {:.2}",
                escape(&flat(said)),
                r.confidence
            ),
            None => format!("مستنتج من النص، الثقة {:.2}", r.confidence),
        },
    };
    format!(
        "تاريخ النص: {} · <bdi dir=\"ltr\">{}</bdi> ({how})",
        escape(&arabic_date(&day, l.family)),
        r.anchor
    )
}

/// The events beside the picture, each linking to its sentence.
fn list(o: &mut String, tl: &Timeline, l: &Layout, target: &[String]) {
    o.push_str("<nav class=\"events\" aria-label=\"الأحداث\">\n");
    if !l.placed.is_empty() {
        o.push_str("<h2>الأحداث المؤرخة</h2>\n<ol>\n");
        for p in &l.placed {
            let Some(e) = tl.events.get(p.index) else {
                continue;
            };
            let Some(v) = e.value.as_ref() else { continue };
            let _ = writeln!(
                o,
                "<li id=\"e-{num}\" class=\"{by}\"><a href=\"#{s}\" style=\"border-color: {c}\" title=\"{title}\"><span class=\"num\">{num}</span><span class=\"when\">{ar} · <bdi class=\"iso\" dir=\"ltr\">{iso}</bdi></span><span class=\"what\">{what}</span></a></li>",
                num = p.number,
                by = e.dated_by.as_str(),
                s = target.get(p.index).map_or("", String::as_str),
                c = colour(e.dated_by),
                title = escape(dated_by_ar(e.dated_by)),
                ar = escape(&arabic_date(v, l.family)),
                iso = escape(&iso_date(v)),
                what = escape(&excerpt(e, 300.0, 13.0, 2).join(" ")),
            );
        }
        o.push_str("</ol>\n");
    }
    if !l.undated.is_empty() {
        o.push_str("<h2>أحداث بلا تاريخ</h2>\n<ol class=\"undated\">\n");
        for (index, number, _, _, _) in &l.undated {
            let Some(e) = tl.events.get(*index) else {
                continue;
            };
            let _ = writeln!(
                o,
                "<li id=\"e-{number}\" class=\"none\"><a href=\"#{}\"><span class=\"num\">{number}</span><span class=\"what\">{}</span></a></li>",
                target.get(*index).map_or("", String::as_str),
                escape(&excerpt(e, 280.0, 13.0, 2).join(" ")),
            );
        }
        o.push_str("</ol>\n");
    }
    o.push_str("</nav>\n");
}

/// What the article marks: each event's clause where it nests in its sentence, the dates the
/// events took where they nest, and the id each event links to.
struct Marks {
    sentences: Vec<Range<usize>>,
    /// Clause spans with their ids (`c-N`, N the index in the timeline of the first event
    /// that has it).
    clauses: Vec<(Range<usize>, String)>,
    /// Dated mentions with their values.
    dates: Vec<(Range<usize>, String)>,
    /// By event index: `c-N` for its clause, else `s-N` for its sentence.
    target: Vec<String>,
}

fn inside(a: &Range<usize>, b: &Range<usize>) -> bool {
    b.start <= a.start && a.end <= b.end
}

fn apart(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.end <= b.start || b.end <= a.start
}

impl Marks {
    fn new(tl: &Timeline, text: &str) -> Marks {
        let sentences: Vec<Range<usize>> = sentences(text)
            .into_iter()
            .map(|s| s.span)
            .filter(|r| text.get(r.clone()).is_some())
            .collect();
        let mut target: Vec<String> = tl
            .events
            .iter()
            .map(|e| format!("s-{}", e.sentence))
            .collect();
        // Clauses in text order; the first of two that overlap wins, identical ones are shared.
        let mut order: Vec<usize> = (0..tl.events.len()).collect();
        order.sort_by_key(|&i| tl.events.get(i).map(|e| (e.span.start, e.span.end)));
        let mut clauses: Vec<(Range<usize>, String)> = Vec::new();
        for i in order {
            let Some(e) = tl.events.get(i) else { continue };
            let c = &e.span;
            let nests = c.start < c.end
                && text.get(c.clone()).is_some()
                && sentences.get(e.sentence).is_some_and(|s| inside(c, s));
            if !nests {
                continue;
            }
            if let Some((_, id)) = clauses.iter().find(|(k, _)| k == c) {
                if let Some(t) = target.get_mut(i) {
                    t.clone_from(id);
                }
                continue;
            }
            if clauses.iter().all(|(k, _)| apart(k, c)) {
                let id = format!("c-{i}");
                if let Some(t) = target.get_mut(i) {
                    t.clone_from(&id);
                }
                clauses.push((c.clone(), id));
            }
        }
        clauses.sort_by_key(|(r, _)| r.start);
        // Dates, in order, without overlaps, nesting in a sentence and in or apart from clauses.
        let mut all: Vec<(Range<usize>, String)> = tl
            .events
            .iter()
            .flat_map(|e| e.mentions.iter())
            .map(|m| (m.span.clone(), m.value.to_string()))
            .collect();
        all.sort_by_key(|(r, _)| (r.start, r.end));
        let mut dates: Vec<(Range<usize>, String)> = Vec::with_capacity(all.len());
        for (r, v) in all {
            let fits = dates.last().is_none_or(|(k, _)| r.start >= k.end)
                && text.get(r.clone()).is_some()
                && sentences.iter().any(|s| inside(&r, s))
                && clauses.iter().all(|(c, _)| apart(&r, c) || inside(&r, c));
            if fits {
                dates.push((r, v));
            }
        }
        Marks {
            sentences,
            clauses,
            dates,
            target,
        }
    }
}

/// The text, each sentence a `<span class="s" id="s-N">`, each event's clause a `<span
/// class="c" id="c-N">` inside it (the targets of the event links), each date an event took
/// marked, and after each sentence links back to its events.
fn article(o: &mut String, tl: &Timeline, text: &str, l: &Layout, marks: &Marks) {
    let mut numbers: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut add = |index: usize, number: usize| {
        if let Some(e) = tl.events.get(index) {
            numbers.entry(e.sentence).or_default().push(number);
        }
    };
    for p in &l.placed {
        add(p.index, p.number);
    }
    for (index, number, _, _, _) in &l.undated {
        add(*index, *number);
    }
    // (span, depth, opening tag, closing tags); they nest by construction.
    let mut items: Vec<(Range<usize>, u8, String, String)> = Vec::new();
    for (i, s) in marks.sentences.iter().enumerate() {
        let mut close = "</span>".to_string();
        for n in numbers.get(&i).map_or(&[][..], Vec::as_slice) {
            let _ = write!(close, "<a class=\"back\" href=\"#e-{n}\">{n}</a>");
        }
        items.push((
            s.clone(),
            0,
            format!("<span class=\"s\" id=\"s-{i}\">"),
            close,
        ));
    }
    for (c, id) in &marks.clauses {
        items.push((
            c.clone(),
            1,
            format!("<span class=\"c\" id=\"{id}\">"),
            "</span>".into(),
        ));
    }
    for (r, v) in &marks.dates {
        let v = escape(v);
        items.push((
            r.clone(),
            2,
            format!("<mark class=\"timex\" title=\"{v}\" data-value=\"{v}\">"),
            "</mark>".into(),
        ));
    }
    items.sort_by_key(|(r, depth, _, _)| (r.start, *depth));
    o.push_str("<article lang=\"ar\" dir=\"rtl\"><h2>النص</h2>");
    let mut at = 0usize;
    let mut open: Vec<(usize, &str)> = Vec::new();
    let text_to = |o: &mut String, at: &mut usize, to: usize| {
        if to > *at {
            o.push_str(&escape(text.get(*at..to).unwrap_or("")));
            *at = to;
        }
    };
    for (r, _, tag, close) in &items {
        while let Some(&(end, c)) = open.last() {
            if end > r.start {
                break;
            }
            text_to(o, &mut at, end);
            o.push_str(c);
            open.pop();
        }
        // A span that does not nest in the open one is left unmarked.
        if r.start < at || open.last().is_some_and(|&(end, _)| r.end > end) {
            continue;
        }
        text_to(o, &mut at, r.start);
        o.push_str(tag);
        open.push((r.end, close));
    }
    while let Some((end, c)) = open.pop() {
        text_to(o, &mut at, end);
        o.push_str(c);
    }
    text_to(o, &mut at, text.len());
    o.push_str("</article>\n");
}
