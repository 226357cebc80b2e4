//! The timeline of a document: its events in order of time.
//!
//! [`TimelineBuilder`] reads a text: it takes or infers the document's date
//! ([`crate::document::infer_date`]), extracts the mentions, anchors relative ones (to the
//! document's date, or to the last date mentioned before them: [`Anchoring`]), finds the events
//! ([`crate::event::events`]), merges repeated mentions of one event and orders them.
//!
//! The order: by first instant, a longer period before a shorter one that starts with it (the
//! month before its first day), then by position in the text; undated events last, in text
//! order. "The 1970s" comes before "15 October 2025"; a day inside a month sorts inside it.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::ops::Range;

use chrono::{Datelike, NaiveDateTime};
use serde::Serialize;

use crate::document::{DateSource, DocumentDate, infer_with};
use crate::event::{Event, events_folded};
use crate::expr::{CenturySaid, DecadeSaid, Expr, MonthSaid, YearSaid};
use crate::extract::{Extractor, Mention, Prepared};
use crate::lexicon::MonthFamily;
use crate::resolve::Anchor;
use crate::value::{Grain, Point, Value};

/// What relative expressions ("أمس", "الشهر المقبل", "بعد يومين") are read against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Anchoring {
    /// The document's date: the reading of news, where "أمس" is the day before publication.
    #[default]
    Document,
    /// The last date mentioned before them, at the grain they need (a day for "بعد يومين", a
    /// year for "الشهر المقبل"), else the document's date: the reading of narratives and
    /// histories ("وصل في 3 آذار 1990، وفي اليوم التالي...").
    LastMentioned,
}

/// Reads documents into timelines. A plain value, like [`Extractor`].
///
/// ```
/// use tarikh::{Anchor, TimelineBuilder};
///
/// let text = "وصل الوزير إلى دمشق أمس الاثنين 9 تموز 2012، وسيغادرها غدا.";
/// let fallback = Anchor::from_ymd(2026, 1, 1).unwrap();
/// let tl = TimelineBuilder::new().build_inferred(text, fallback);
/// assert_eq!(tl.reference.anchor.to_string(), "2012-07-10");
/// let dates: Vec<String> = tl.events.iter().map(|e| e.value.unwrap().to_string()).collect();
/// assert_eq!(dates, ["2012-07-09", "2012-07-11"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TimelineBuilder {
    extractor: Extractor,
    anchoring: Anchoring,
    merge: bool,
}

impl TimelineBuilder {
    /// News reading: the default [`Extractor`], relative expressions against the document's
    /// date, repeated events merged.
    pub const fn new() -> TimelineBuilder {
        TimelineBuilder {
            extractor: Extractor::new(),
            anchoring: Anchoring::Document,
            merge: true,
        }
    }

    /// Sets the extractor (its policy, week start and Hijri rules).
    pub const fn extractor(mut self, extractor: Extractor) -> TimelineBuilder {
        self.extractor = extractor;
        self
    }

    /// Sets what relative expressions are read against.
    pub const fn anchoring(mut self, anchoring: Anchoring) -> TimelineBuilder {
        self.anchoring = anchoring;
        self
    }

    /// Whether repeated mentions of one event (same date, same family) become one entry.
    pub const fn merge(mut self, merge: bool) -> TimelineBuilder {
        self.merge = merge;
        self
    }

    /// The timeline of `text` written on the date `reference` says.
    pub fn build(&self, text: &str, reference: &DocumentDate) -> Timeline {
        self.build_read(&self.extractor.prepare(text), reference)
    }

    /// [`TimelineBuilder::build`] on a text already read ([`Extractor::prepare`]): its mentions
    /// are resolved by the extractor that read it.
    pub fn build_read(&self, read: &Prepared<'_>, reference: &DocumentDate) -> Timeline {
        let text = read.text();
        let mut ms = read.extract(&reference.anchor);
        absorb_weekdays(text, &mut ms);
        if self.anchoring == Anchoring::LastMentioned {
            self.reanchor(read, &mut ms, reference.anchor);
        }
        let evs = events_folded(text, read.folded(), &ms, reference);
        let evs = if self.merge { merge(evs) } else { evs };
        Timeline {
            reference: reference.clone(),
            events: order(evs),
        }
    }

    /// The timeline of `text`, its date inferred from the text (see
    /// [`crate::document::infer_date`]), else `fallback`.
    pub fn build_inferred(&self, text: &str, fallback: Anchor) -> Timeline {
        let read = self.extractor.prepare(text);
        let mut ms = read.extract(&fallback);
        let reference = infer_with(&read, &ms, fallback);
        absorb_weekdays(text, &mut ms);
        if reference.source == crate::document::DateSource::Fallback
            && self.anchoring == Anchoring::Document
        {
            let evs = events_folded(text, read.folded(), &ms, &reference);
            let evs = if self.merge { merge(evs) } else { evs };
            return Timeline {
                reference,
                events: order(evs),
            };
        }
        self.build_read(&read, &reference)
    }

    /// Re-reads each relative mention against the last date mentioned before it at the grain
    /// it needs. One extraction per distinct anchor, at most [`MAX_ANCHORS`] of them.
    fn reanchor(&self, read: &Prepared<'_>, ms: &mut [Mention], doc: Anchor) {
        let mut wanted: Vec<(usize, Anchor)> = Vec::new();
        let mut last: Vec<(Grain, chrono::NaiveDate)> = Vec::new();
        for (i, m) in ms.iter().enumerate() {
            if let Some(need) = needs(&m.expr)
                && let Some(&(_, day)) = last.iter().rev().find(|(g, _)| *g <= need)
            {
                let a = Anchor::new(day);
                if a != doc {
                    wanted.push((i, a));
                }
            }
            // The value a later mention would be read against (its own, once re-read).
            let value = wanted
                .last()
                .filter(|(j, _)| *j == i)
                .and_then(|&(_, a)| self.reread(read, &m.span, a))
                .map_or(m.value, |r| r.value);
            if let (Some(g), Some(d)) = (value.grain(), value.first_day())
                && matches!(value, Value::Point(_))
            {
                last.push((g, d));
            }
        }
        let mut cache: HashMap<Anchor, Vec<Mention>> = HashMap::new();
        for (i, a) in wanted {
            if !cache.contains_key(&a) {
                if cache.len() >= MAX_ANCHORS {
                    continue;
                }
                cache.insert(a, read.extract(&a));
            }
            let Some(slot) = ms.get_mut(i) else { continue };
            if let Some(found) = cache
                .get(&a)
                .and_then(|all| all.iter().find(|r| r.span == slot.span))
            {
                *slot = found.clone();
            }
        }
    }

    fn reread(&self, read: &Prepared<'_>, span: &Range<usize>, a: Anchor) -> Option<Mention> {
        read.extract(&a).into_iter().find(|r| r.span == *span)
    }
}

/// Drops a bare weekday that follows a relative day ("يوم غد الجمعة"): it names the same day,
/// which the relative day already gives.
fn absorb_weekdays(text: &str, ms: &mut Vec<Mention>) {
    let bare_weekday = |m: &Mention| {
        matches!(&m.expr, Expr::Date(d) if d.weekday.is_some() && d.day.is_none()
            && d.month.is_none() && d.relative_day.is_none() && d.week.is_none())
    };
    let relative_day = |m: &Mention| {
        matches!(&m.expr, Expr::Date(d) if d.relative_day.is_some() && d.weekday.is_none()
            && d.day.is_none())
    };
    let mut keep = vec![true; ms.len()];
    for (i, pair) in ms.windows(2).enumerate() {
        if let [a, b] = pair
            && relative_day(a)
            && bare_weekday(b)
            && crate::document::adjacent(text, &a.span, &b.span)
            && let Some(k) = keep.get_mut(i + 1)
        {
            *k = false;
        }
    }
    let mut flags = keep.into_iter();
    ms.retain(|_| flags.next().unwrap_or(true));
}

/// The most anchors [`Anchoring::LastMentioned`] re-reads a text against.
pub const MAX_ANCHORS: usize = 32;

/// The grain of the reference a relative expression needs, or `None` for an absolute one.
fn needs(e: &Expr) -> Option<Grain> {
    match e {
        Expr::Date(d) => {
            if d.relative_day.is_some() || d.week.is_some() {
                return Some(Grain::Day);
            }
            if d.weekday.is_some() && d.day.is_none() {
                return Some(Grain::Day);
            }
            if matches!(d.month, Some(MonthSaid::Relative(_))) {
                return Some(Grain::Month);
            }
            if d.year.is_none() && matches!(d.month, Some(MonthSaid::Named { .. }))
                || matches!(d.year, Some(YearSaid::Relative(_)))
                || matches!(d.decade, Some(DecadeSaid::Relative(_)))
                || matches!(d.century, Some(CenturySaid::Relative(_)))
            {
                return Some(Grain::Year);
            }
            None
        }
        Expr::Relative { unit, .. } => Some(unit.grain().max(Grain::Day)),
        Expr::Range(a, b) => needs(a).max(needs(b)),
        _ => None,
    }
}

/// The events of a document in order of time, with the document's date.
///
/// Its JSON is `{"reference": {...}, "events": [...]}`, each event as in `tarikh timeline
/// --format json` (see [`Event`]).
///
/// ```
/// use tarikh::{Anchor, TimelineBuilder};
/// use tarikh::document::DocumentDate;
///
/// let text = "وكانت الدورة الأولى قد أقيمت في صيف 2010. وافتتح الوزير المعرض في 5 تشرين الأول 2025.";
/// let tl = TimelineBuilder::new().build(text, &DocumentDate::given(Anchor::from_ymd(2025, 10, 5).unwrap()));
/// let values: Vec<String> = tl.dated().map(|e| e.value.unwrap().to_string()).collect();
/// assert_eq!(values, ["2010-SU", "2025-10-05"]);
/// let json = serde_json::to_value(&tl).unwrap();
/// assert_eq!(json["events"][1]["dated_by"], "explicit");
/// assert_eq!(json["reference"]["source"], "given");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    /// The document's date, and how it was found.
    pub reference: DocumentDate,
    /// The events: dated ones by time, then undated ones in text order.
    pub events: Vec<Event>,
}

/// How the date column of [`Timeline::render`] is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateStyle {
    /// ISO dates (`2025-12-23`, `2025-10`, `1970s`).
    #[default]
    Iso,
    /// Arabic dates with month names of a family (`23 كانون الأول 2025`).
    Arabic(MonthFamily),
}

impl Timeline {
    /// The dated events.
    pub fn dated(&self) -> impl Iterator<Item = &Event> {
        self.events.iter().filter(|e| e.value.is_some())
    }

    /// The family of month names the text uses most (Syriac when it names no month).
    pub fn month_family(&self) -> MonthFamily {
        let mut counts: Vec<(MonthFamily, usize)> = Vec::new();
        let mut count = |e: &Expr| {
            let mut visit = |d: &crate::expr::DateExpr| {
                if let Some(MonthSaid::Named { family, .. }) = d.month
                    && !matches!(family, MonthFamily::Hijri | MonthFamily::Numbered)
                {
                    match counts.iter_mut().find(|(f, _)| *f == family) {
                        Some(c) => c.1 += 1,
                        None => counts.push((family, 1)),
                    }
                }
            };
            match e {
                Expr::Date(d) => visit(d),
                Expr::Range(a, b) => {
                    for x in [a, b] {
                        if let Expr::Date(d) = x.as_ref() {
                            visit(d);
                        }
                    }
                }
                _ => {}
            }
        };
        for e in &self.events {
            for m in &e.mentions {
                count(&m.expr);
            }
        }
        counts
            .into_iter()
            .max_by_key(|(_, n)| *n)
            .map_or(MonthFamily::Syriac, |(f, _)| f)
    }

    /// A rendering for terminals: one line per event, the date column first, how the event got
    /// its date, the family of its trigger (`·` for a dated clause without one), then its
    /// clause wrapped in Unicode directional isolates (U+2067 … U+2069), so that the Arabic
    /// reads right to left without pulling the date column out of place. Clauses longer than
    /// `width` characters are shortened around their trigger.
    ///
    /// ```
    /// use tarikh::{Anchor, TimelineBuilder};
    /// use tarikh::document::DocumentDate;
    /// use tarikh::timeline::DateStyle;
    ///
    /// let text = "وقال الوزير في مؤتمر صحفي يوم 24 كانون الأول 2025 إن الزيارة ناجحة.";
    /// let doc = DocumentDate::given(Anchor::from_ymd(2025, 12, 24).unwrap());
    /// let tl = TimelineBuilder::new().build(text, &doc);
    /// let out = tl.render(DateStyle::Iso, 100);
    /// assert!(out.contains("2025-12-24  explicit   conference    \u{2067}"));
    /// ```
    pub fn render(&self, style: DateStyle, width: usize) -> String {
        let mut out = String::new();
        let r = &self.reference;
        let _ = match (r.source, &r.evidence_text) {
            (DateSource::Given, _) => write!(out, "document date {} (given)", r.anchor),
            (DateSource::Fallback, _) => write!(
                out,
                "document date {} (nothing in the text: the fallback)",
                r.anchor
            ),
            (s, Some(said)) => write!(
                out,
                "document date {} (inferred, {}: \u{2068}{said}\u{2069}, confidence {:.2})",
                r.anchor,
                s.as_str().replace('_', " "),
                r.confidence
            ),
            (s, None) => write!(
                out,
                "document date {} (inferred, {}, confidence {:.2})",
                r.anchor,
                s.as_str().replace('_', " "),
                r.confidence
            ),
        };
        out.push_str("\n\n");
        let rows: Vec<(String, &Event)> = self
            .events
            .iter()
            .map(|e| {
                (
                    e.value
                        .map_or_else(|| "—".to_string(), |v| label(&v, style)),
                    e,
                )
            })
            .collect();
        let col = rows
            .iter()
            .map(|(d, _)| d.chars().count())
            .max()
            .unwrap_or(0);
        let mut undated_header = false;
        let isolate = matches!(style, DateStyle::Arabic(_));
        for (date, e) in rows {
            if e.value.is_none() && !undated_header {
                undated_header = true;
                out.push_str("\nundated:\n");
            }
            let pad = col.saturating_sub(date.chars().count());
            // An Arabic date is right-to-left text of its own: isolated, it keeps its place.
            let date = if isolate && e.value.is_some() {
                format!("\u{2068}{date}\u{2069}")
            } else {
                date
            };
            let clause = shorten(&e.text, e.trigger.as_ref().map(|t| &t.span), &e.span, width);
            let _ = writeln!(
                out,
                "{date}{:pad$}  {:<9}  {:<12}  \u{2067}{clause}\u{2069}",
                "",
                e.dated_by.as_str(),
                e.family().unwrap_or("·"),
            );
        }
        out
    }
}

/// A person's label for a value.
pub fn label(v: &Value, style: DateStyle) -> String {
    match v {
        Value::Point(p) => point_label(p, style),
        Value::Range(a, b) => {
            let a = a.map_or_else(|| "…".to_string(), |p| point_label(&p, style));
            let b = b.map_or_else(|| "…".to_string(), |p| point_label(&p, style));
            format!("{a} – {b}")
        }
        other => other.to_string(),
    }
}

fn point_label(p: &Point, style: DateStyle) -> String {
    match (p, style) {
        (Point::Decade(d), DateStyle::Iso) => format!("{}s", i64::from(*d) * 10),
        (Point::Century(c), DateStyle::Iso) => format!("{}s", i64::from(*c) * 100),
        (_, DateStyle::Iso) => p.to_string(),
        (Point::Day(d), DateStyle::Arabic(f)) => {
            format!("{} {} {}", d.day(), month_name(d.month(), f), d.year())
        }
        (Point::Month { year, month }, DateStyle::Arabic(f)) => {
            format!("{} {year}", month_name(*month, f))
        }
        (Point::Year(y), DateStyle::Arabic(_)) => format!("{y}"),
        (Point::Decade(d), DateStyle::Arabic(_)) => {
            let y = i64::from(*d) * 10;
            format!("{y}–{}", y + 9)
        }
        (Point::Century(c), DateStyle::Arabic(_)) => {
            format!("القرن {}", i64::from(*c) + 1)
        }
        (Point::Time { at, .. }, DateStyle::Arabic(f)) => format!(
            "{} {} {} {}",
            at.day(),
            month_name(at.month(), f),
            at.year(),
            at.format("%H:%M")
        ),
        (other, DateStyle::Arabic(_)) => other.to_string(),
    }
}

/// Month names for display, by family (Hijri and numbered fall back to Syriac).
fn month_name(m: u32, family: MonthFamily) -> &'static str {
    let m = u8::try_from(m.clamp(1, 12)).unwrap_or(1);
    crate::lexicon::month_name(m, family)
        .filter(|_| !matches!(family, MonthFamily::Hijri | MonthFamily::Numbered))
        .or_else(|| crate::lexicon::month_name(m, MonthFamily::Syriac))
        .unwrap_or("")
}

/// The clause on one line, at most `width` characters, keeping the trigger in view.
fn shorten(
    text: &str,
    trigger: Option<&Range<usize>>,
    span: &Range<usize>,
    width: usize,
) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}' | '\u{202A}'..='\u{202E}'))
        .collect();
    let n = flat.chars().count();
    if n <= width || width < 8 {
        return flat;
    }
    // Where the trigger starts, in chars of the clause.
    let at = trigger
        .and_then(|t| text.get(..t.start.saturating_sub(span.start)))
        .map_or(0, |s| s.chars().count());
    let chars: Vec<char> = flat.chars().collect();
    let mut start = at.saturating_sub(width / 3).min(n - width);
    let mut end = (start + width - 2).min(n);
    // Cut between words.
    if start > 0 {
        let word_start = (start..at.max(start)).find(|&i| chars.get(i) == Some(&' '));
        start = word_start.map_or(start, |i| i + 1);
    }
    if end < n {
        let word_end = (start..end).rev().find(|&i| chars.get(i) == Some(&' '));
        end = word_end.filter(|&i| i > at).unwrap_or(end);
    }
    let body: String = chars.get(start..end).unwrap_or(&[]).iter().collect();
    let mut s = String::new();
    if start > 0 {
        s.push('…');
    }
    s.push_str(body.trim());
    if end < n {
        s.push('…');
    }
    s
}

/// Merges later mentions of an event into the first: same date, same trigger family.
fn merge(evs: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::with_capacity(evs.len());
    // (date, family) → the entry that has it; the spans of each entry's mentions.
    let mut index: HashMap<(Value, &'static str), usize> = HashMap::new();
    let mut spans: Vec<HashSet<(usize, usize)>> = Vec::with_capacity(evs.len());
    for e in evs {
        let key = e.value.filter(|_| e.trigger.is_some());
        let hit = key.and_then(|v| {
            e.triggers
                .iter()
                .find_map(|t| index.get(&(v, t.family)).copied())
        });
        if let Some(k) = hit
            && let (Some(o), Some(seen)) = (out.get_mut(k), spans.get_mut(k))
        {
            o.repeats.push(e.span.clone());
            o.dated_by = o.dated_by.min(e.dated_by);
            for m in e.mentions {
                if seen.insert((m.span.start, m.span.end)) {
                    o.mentions.push(m);
                }
            }
            continue;
        }
        if let Some(v) = key {
            for t in &e.triggers {
                index.entry((v, t.family)).or_insert(out.len());
            }
        }
        spans.push(
            e.mentions
                .iter()
                .map(|m| (m.span.start, m.span.end))
                .collect(),
        );
        out.push(e);
    }
    out
}

/// The sort key of a dated value: first instant, then the longer period first.
fn key(v: &Value) -> Option<(NaiveDateTime, std::cmp::Reverse<NaiveDateTime>)> {
    let a = v.first_instant().or_else(|| v.last_instant())?;
    let b = v.last_instant().unwrap_or(NaiveDateTime::MAX);
    Some((a, std::cmp::Reverse(b)))
}

/// Compares two events in timeline order (undated last); ties are left to a stable sort.
pub fn compare(a: &Event, b: &Event) -> Ordering {
    match (
        a.value.as_ref().and_then(key),
        b.value.as_ref().and_then(key),
    ) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn order(mut evs: Vec<Event>) -> Vec<Event> {
    evs.sort_by(compare);
    evs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needs_by_expression() {
        let x = Extractor::new();
        let a = Anchor::from_ymd(2025, 12, 24).unwrap();
        let need = |s: &str| needs(&x.parse(s, &a).unwrap().expr);
        assert_eq!(need("أمس"), Some(Grain::Day));
        assert_eq!(need("الشهر المقبل"), Some(Grain::Month));
        assert_eq!(need("3 آذار"), Some(Grain::Year));
        assert_eq!(need("3 آذار 2012"), None);
        assert_eq!(need("بعد يومين"), Some(Grain::Day));
    }

    #[test]
    fn narrative_anchoring() {
        let text = "وصل الوفد إلى القاهرة في 3 آذار 1990، وفي اليوم التالي التقى الرئيس. ثم غادر بعد يومين.";
        let doc = DocumentDate::given(Anchor::from_ymd(2025, 12, 24).unwrap());
        let news = TimelineBuilder::new().build(text, &doc);
        let story = TimelineBuilder::new()
            .anchoring(Anchoring::LastMentioned)
            .build(text, &doc);
        let dates = |t: &Timeline| -> Vec<String> {
            t.dated().map(|e| e.value.unwrap().to_string()).collect()
        };
        assert_eq!(dates(&news)[0], "1990-03-03");
        assert!(dates(&news).iter().any(|d| d.starts_with("2025")));
        assert_eq!(dates(&story), ["1990-03-03", "1990-03-04", "1990-03-06"]);
    }

    #[test]
    fn labels() {
        assert_eq!(
            label(&Value::Point(Point::Decade(197)), DateStyle::Iso),
            "1970s"
        );
        let d = chrono::NaiveDate::from_ymd_opt(2025, 12, 23).unwrap();
        assert_eq!(
            label(
                &Value::Point(Point::Day(d)),
                DateStyle::Arabic(MonthFamily::Syriac)
            ),
            "23 كانون الأول 2025"
        );
    }

    #[test]
    fn shorten_keeps_the_trigger() {
        let text = "أ ".repeat(50) + "زيارة" + &" ب".repeat(50);
        let at = text.find("زيارة").unwrap();
        let s = shorten(&text, Some(&(at..at + 10)), &(0..text.len()), 40);
        assert!(s.contains("زيارة"));
        assert!(s.chars().count() <= 40);
    }
}
