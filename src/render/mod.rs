//! Timelines to look at: SVG and a self-contained HTML page.
//!
//! [`Timeline::to_svg`] draws the dated events on a horizontal time axis (time runs left to
//! right), and lists the undated ones below it; [`Timeline::to_html`] puts that picture in one
//! HTML file beside the list of events, above the article's text, each event linking to the
//! clause it was read from (`#c-N`, N its index in the timeline; its sentence, `#s-N`, when the
//! clause cannot be marked on its own), which is then highlighted. Both are written as text: no browser, no
//! font and no script is needed to produce or to read them.
//!
//! - **The axis adapts to the span**: ticks of days for a week of events, of months for a season,
//!   of years or decades for history. When the events sit in groups far apart (the seed article's
//!   1970s and late 2025), the axis is broken: each group gets its own stretch with its own scale,
//!   and the gap between them is drawn as a break labelled with its length ("45 عامًا").
//! - **Markers**: a dot for a day or a time, a bar for a week, a month, a year or a range (dashed
//!   towards an open end), a faded band for a decade or a century.
//! - **Labels** are cards above the axis, joined to their marker by a leader line: a few words
//!   of the event's clause around its trigger, right to left (`direction="rtl"`), and under them
//!   the date in Arabic (with the month names the text uses) and in ISO form. Cards never
//!   overlap: each takes the lowest row where it fits, and no leader line crosses a card.
//! - Every event is a `<g class="event">` with `data-index` (its place in
//!   [`Timeline::events`]), `data-value` (its ISO-TimeML value) and, for a dated event, `data-x`:
//!   the x coordinate of the instant the timeline sorts it by, so that `data-x` never decreases in
//!   timeline order.
//!
//! Text widths are estimated per character (Arabic, Latin and digits in common sans-serif fonts),
//! generously, so that cards hold their text in the usual fonts.
//!
//! ```
//! use tarikh::{Anchor, TimelineBuilder};
//! use tarikh::document::DocumentDate;
//!
//! let text = "زار الوزير موسكو في 23 كانون الأول 2025. وكانت العلاقات قد بدأت في سبعينيات القرن الماضي.";
//! let tl = TimelineBuilder::new().build(text, &DocumentDate::given(Anchor::from_ymd(2025, 12, 24).unwrap()));
//! let svg = tl.to_svg();
//! assert!(svg.starts_with("<svg"));
//! assert!(svg.contains("2025-12-23") && svg.contains("23 كانون الأول 2025"));
//! let html = tl.to_html(text);
//! assert!(html.contains("<svg") && html.contains(r##"href="#c-1""##));
//! ```

mod html;
mod svg;

use chrono::{Datelike, Months, NaiveDate, NaiveDateTime, NaiveTime};

use crate::event::{DatedBy, Event};
use crate::lexicon::MonthFamily;
use crate::timeline::{DateStyle, Timeline, label};
use crate::value::{Grain, Point, Season, Value};

/// How a timeline is drawn.
///
/// ```
/// use tarikh::render::Options;
/// use tarikh::MonthFamily;
///
/// let o = Options::new().width(900).month_family(MonthFamily::Egyptian).title("زيارة موسكو");
/// assert_eq!(o.width_px(), 900);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    width: u32,
    family: Option<MonthFamily>,
    title: Option<String>,
}

impl Options {
    /// A drawing 1200 pixels wide, with the month names the text uses most and no title.
    pub const fn new() -> Options {
        Options {
            width: 0,
            family: None,
            title: None,
        }
    }

    /// The width of the picture in pixels (at least 480).
    pub const fn width(mut self, px: u32) -> Options {
        self.width = px;
        self
    }

    /// The family of month names for Arabic dates (default: the one the text uses most).
    pub const fn month_family(mut self, family: MonthFamily) -> Options {
        self.family = Some(family);
        self
    }

    /// A title above the picture (default: "الخط الزمني").
    pub fn title(mut self, title: impl Into<String>) -> Options {
        self.title = Some(title.into());
        self
    }

    /// The width the picture will have, in pixels.
    pub fn width_px(&self) -> u32 {
        if self.width == 0 {
            DEFAULT_WIDTH
        } else {
            self.width.max(MIN_WIDTH)
        }
    }

    fn title_text(&self) -> &str {
        self.title.as_deref().unwrap_or("الخط الزمني")
    }
}

const DEFAULT_WIDTH: u32 = 1200;
const MIN_WIDTH: u32 = 480;

impl Timeline {
    /// The timeline as a standalone SVG picture (see [`crate::render`]).
    ///
    /// ```
    /// use tarikh::{Anchor, TimelineBuilder};
    /// use tarikh::document::DocumentDate;
    ///
    /// let text = "وصل الوزير إلى دمشق في 9 تموز 2012، والتقى الرئيس في 10 تموز 2012.";
    /// let tl = TimelineBuilder::new().build(text, &DocumentDate::given(Anchor::from_ymd(2012, 7, 10).unwrap()));
    /// let svg = tl.to_svg();
    /// assert_eq!(svg.matches(r#"<g class="event dated"#).count(), 2);
    /// assert!(svg.contains(r#"direction="rtl""#));
    /// ```
    pub fn to_svg(&self) -> String {
        svg(self, &Options::new())
    }

    /// The timeline as one self-contained HTML page (XHTML-compatible): the picture, the list
    /// of events beside it, and `text` (the text the timeline was built from) with the sentence
    /// of each event linked and highlighted (see [`crate::render`]).
    ///
    /// ```
    /// use tarikh::{Anchor, TimelineBuilder};
    /// use tarikh::document::DocumentDate;
    ///
    /// let text = "وصل الوزير إلى دمشق في 9 تموز 2012 & التقى الرئيس.";
    /// let tl = TimelineBuilder::new().build(text, &DocumentDate::given(Anchor::from_ymd(2012, 7, 10).unwrap()));
    /// let page = tl.to_html(text);
    /// assert!(page.starts_with("<!DOCTYPE html>"));
    /// assert!(page.contains(r#"<span class="s" id="s-0">"#) && page.contains("&amp;"));
    /// assert!(!page.contains("<script"));
    /// ```
    pub fn to_html(&self, text: &str) -> String {
        html(self, text, &Options::new())
    }
}

/// The timeline as a standalone SVG picture, drawn with `options`.
///
/// ```
/// use tarikh::{Anchor, TimelineBuilder, render};
/// use tarikh::document::DocumentDate;
///
/// let text = "افتتح الوزير المعرض في 5 تشرين الأول 2025.";
/// let tl = TimelineBuilder::new().build(text, &DocumentDate::given(Anchor::from_ymd(2025, 10, 5).unwrap()));
/// let svg = render::svg(&tl, &render::Options::new().width(800));
/// assert!(svg.contains(r#"width="800""#));
/// ```
pub fn svg(tl: &Timeline, options: &Options) -> String {
    let layout = Layout::new(tl, options, false);
    svg::write(tl, &layout, options, None)
}

/// The timeline and `text` as one self-contained HTML page, the picture drawn with `options`
/// (its width defaults to 860 pixels here, to leave room for the list beside it).
///
/// ```
/// use tarikh::{Anchor, TimelineBuilder, render};
/// use tarikh::document::DocumentDate;
///
/// let text = "افتتح الوزير المعرض في 5 تشرين الأول 2025.";
/// let tl = TimelineBuilder::new().build(text, &DocumentDate::given(Anchor::from_ymd(2025, 10, 5).unwrap()));
/// let page = render::html(&tl, text, &render::Options::new().title("المعرض"));
/// assert!(page.contains("<title>المعرض</title>"));
/// ```
pub fn html(tl: &Timeline, text: &str, options: &Options) -> String {
    let options = if options.width == 0 {
        options.clone().width(HTML_WIDTH)
    } else {
        options.clone()
    };
    html::write(tl, text, &options)
}

const HTML_WIDTH: u32 = 860;

// ---------------------------------------------------------------------------------------------
// Text measures.

/// Font sizes and line heights of the drawing.
const EXCERPT_SIZE: f64 = 13.0;
const EXCERPT_LINE: f64 = 17.0;
const DATE_SIZE: f64 = 11.0;
const DATE_LINE: f64 = 15.0;
const TICK_SIZE: f64 = 11.0;
const CARD_PAD_X: f64 = 8.0;
const CARD_PAD_Y: f64 = 6.0;
const NUMBER_ROOM: f64 = 18.0;
const CARD_MAX_INNER: f64 = 196.0;
/// The widest a card grows to keep its Arabic and ISO dates on one line.
const DATE_ROOM: f64 = 236.0;
const CARD_GAP: f64 = 8.0;
const ROW_GAP: f64 = 10.0;
const MARGIN: f64 = 24.0;
const BREAK_GAP: f64 = 56.0;
const LEADER_ROOM: f64 = 22.0;
/// Above this many dated events, cards are placed by rows alone, without keeping leader lines
/// off other cards (which costs a pass over every card placed for each card).
const STRICT_LIMIT: usize = 300;

/// An estimate of the advance width of `s` at `size` pixels, on the generous side for the
/// common sans-serif fonts (DejaVu Sans, Noto, Segoe UI, Tahoma, Arial).
pub(crate) fn text_width(s: &str, size: f64) -> f64 {
    let em: f64 = s
        .chars()
        .map(|c| match c {
            ' ' => 0.32,
            '0'..='9' => 0.64,
            '.' | ',' | ':' | ';' | '،' | '؛' | '\'' | '!' | '|' | 'i' | 'l' => 0.36,
            'A'..='Z' => 0.72,
            'a'..='z' => 0.6,
            '-' | '(' | ')' | '«' | '»' | '“' | '”' | '"' => 0.42,
            '–' | '—' | '…' | '·' => 0.7,
            // Diacritics and bidi controls take no room.
            '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200E}'
            | '\u{200F}' => 0.0,
            // Arabic letters: wide ones (س ش ص ض) and the rest.
            'س' | 'ش' | 'ص' | 'ض' => 0.9,
            '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FEFF}' => 0.56,
            _ => 0.64,
        })
        .sum();
    // Measured in Chromium with DejaVu Sans, the estimate is within 2% of regular text; 6% on
    // top for other fonts.
    em * size * 1.06
}

/// [`text_width`] for bold text (bold DejaVu Sans is up to 9% wider than regular).
pub(crate) fn bold_width(s: &str, size: f64) -> f64 {
    text_width(s, size) * 1.1
}

/// Whitespace folded to single spaces, bidi controls dropped.
fn flat(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if matches!(c, '\u{2066}'..='\u{2069}' | '\u{202A}'..='\u{202E}' | '\u{200E}' | '\u{200F}')
        {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// A few words of an event's clause for its label: from its trigger on, or from the short word
/// before it (the clause from its start when it has no trigger), as much as `lines` lines of `width` pixels
/// at `size` hold, with "…" where words were left out.
pub(crate) fn excerpt(e: &Event, width: f64, size: f64, lines: usize) -> Vec<String> {
    let focus = e
        .trigger
        .as_ref()
        .map(|t| t.span.start.saturating_sub(e.span.start));
    let words: Vec<(usize, &str)> = word_offsets(&e.text);
    let n = words.len();
    // From the trigger, or from the short word that governs it (خلال، في، مع، عقب).
    let at = focus.map_or(0, |f| {
        let i = words.iter().rposition(|(o, _)| *o <= f).unwrap_or(0);
        let governed = i
            .checked_sub(1)
            .and_then(|j| words.get(j))
            .is_some_and(|(_, w)| w.chars().all(char::is_alphabetic) && w.chars().count() <= 4);
        if governed { i - 1 } else { i }
    });
    let budget = width * lines as f64;
    // Words after the focus first, then before it while there is room.
    let mut start = at;
    let mut end = at;
    let mut used = 0.0;
    let ellipsis = text_width("… ", size);
    let cost = |w: &str| text_width(w, size) + text_width(" ", size);
    while end < n {
        let Some((_, w)) = words.get(end) else { break };
        let c = cost(w);
        if used + c + 2.0 * ellipsis > budget * 0.92 {
            break;
        }
        used += c;
        end += 1;
    }
    while start > 0 {
        let Some((_, w)) = words.get(start - 1) else {
            break;
        };
        let c = cost(w);
        if used + c + 2.0 * ellipsis > budget * 0.92 {
            break;
        }
        used += c;
        start -= 1;
    }
    if start == end {
        // One long word: show it anyway, wrap_words cuts it.
        end = (start + 1).min(n);
    }
    let mut picked: Vec<String> = words
        .get(start..end)
        .unwrap_or(&[])
        .iter()
        .map(|(_, w)| (*w).to_string())
        .collect();
    if start > 0
        && let Some(first) = picked.first_mut()
    {
        first.insert(0, '…');
    }
    if end < n
        && let Some(last) = picked.last_mut()
    {
        last.push('…');
    }
    wrap_words(&picked, width, size, lines)
}

/// The words of `s` (whitespace-separated, bidi controls dropped) with their byte offsets.
fn word_offsets(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() || matches!(c, '\u{2066}'..='\u{2069}' | '\u{202A}'..='\u{202E}') {
            if let Some(st) = start.take()
                && let Some(w) = s.get(st..i)
            {
                out.push((st, w));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start
        && let Some(w) = s.get(st..)
    {
        out.push((st, w));
    }
    out
}

/// Words into at most `lines` lines of `width` pixels; a word too long for a line is cut.
fn wrap_words(words: &[String], width: f64, size: f64, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for w in words {
        let candidate = if line.is_empty() {
            w.clone()
        } else {
            format!("{line} {w}")
        };
        if text_width(&candidate, size) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            out.push(std::mem::take(&mut line));
        }
        line = cut(w, width, size);
        if out.len() >= lines {
            break;
        }
    }
    if !line.is_empty() && out.len() < lines {
        out.push(line);
    }
    if out.len() > lines {
        out.truncate(lines);
    }
    // Words left out after the last line: say so.
    let shown: usize = out.iter().map(|l| l.split(' ').count()).sum();
    if shown < words.len()
        && let Some(last) = out.last_mut()
        && !last.ends_with('…')
    {
        while text_width(&format!("{last}…"), size) > width && last.pop().is_some() {}
        last.push('…');
    }
    out
}

/// `s` cut to `width` pixels, with "…" when cut.
pub(crate) fn cut(s: &str, width: f64, size: f64) -> String {
    if text_width(s, size) <= width {
        return s.to_string();
    }
    let room = width - text_width("…", size);
    let mut out = String::new();
    let mut used = 0.0;
    for c in s.chars() {
        let w = text_width(c.encode_utf8(&mut [0u8; 4]), size);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

// ---------------------------------------------------------------------------------------------
// Dates in words.

/// The date of a value in Arabic: month names of `family`, decades and centuries in words.
pub(crate) fn arabic_date(v: &Value, family: MonthFamily) -> String {
    match v {
        Value::Point(p) => arabic_point(p, family),
        Value::Range(a, b) => {
            let a = a.map_or_else(|| "…".to_string(), |p| arabic_point(&p, family));
            let b = b.map_or_else(|| "…".to_string(), |p| arabic_point(&p, family));
            format!("{a} – {b}")
        }
        _ => label(v, DateStyle::Arabic(family)),
    }
}

fn arabic_point(p: &Point, family: MonthFamily) -> String {
    const ORDINAL: [&str; 4] = ["الأول", "الثاني", "الثالث", "الرابع"];
    let nth = |n: u32| {
        usize::try_from(n.saturating_sub(1))
            .ok()
            .and_then(|i| ORDINAL.get(i))
            .copied()
            .unwrap_or("")
    };
    match *p {
        Point::Decade(d) => arabic_decade(d),
        Point::Century(c) => arabic_century(c),
        Point::Season { year, season } => {
            let name = match season {
                Season::Spring => "ربيع",
                Season::Summer => "صيف",
                Season::Autumn => "خريف",
                Season::Winter => "شتاء",
            };
            format!("{name} {year}")
        }
        Point::Quarter { year, quarter } => format!("الربع {} من {year}", nth(quarter)),
        Point::Half { year, half } => format!("النصف {} من {year}", nth(half)),
        Point::Week { year, week } => format!("الأسبوع {week} من {year}"),
        _ => label(&Value::Point(*p), DateStyle::Arabic(family)),
    }
}

/// The ISO form of a value for people: `2025-12-23`, `2025-10`, `1970s`, `2025-12-23 – 2025-12-24`.
pub(crate) fn iso_date(v: &Value) -> String {
    label(v, DateStyle::Iso)
}

fn arabic_decade(d: i32) -> String {
    const NAMES: [&str; 10] = [
        "العقد الأول من",
        "العقد الثاني من",
        "عشرينيات",
        "ثلاثينيات",
        "أربعينيات",
        "خمسينيات",
        "ستينيات",
        "سبعينيات",
        "ثمانينيات",
        "تسعينيات",
    ];
    let century = d.div_euclid(10);
    let i = usize::try_from(d.rem_euclid(10)).unwrap_or(0);
    match NAMES.get(i) {
        Some(name) => format!("{name} {}", arabic_century(century)),
        None => format!("{}", i64::from(d) * 10),
    }
}

/// `19` → "القرن العشرين" (the 1900s, as Arabic news names them).
fn arabic_century(c: i32) -> String {
    const ORDINALS: [&str; 21] = [
        "الأول",
        "الثاني",
        "الثالث",
        "الرابع",
        "الخامس",
        "السادس",
        "السابع",
        "الثامن",
        "التاسع",
        "العاشر",
        "الحادي عشر",
        "الثاني عشر",
        "الثالث عشر",
        "الرابع عشر",
        "الخامس عشر",
        "السادس عشر",
        "السابع عشر",
        "الثامن عشر",
        "التاسع عشر",
        "العشرين",
        "الحادي والعشرين",
    ];
    let n = i64::from(c) + 1;
    match usize::try_from(n - 1).ok().and_then(|i| ORDINALS.get(i)) {
        Some(o) => format!("القرن {o}"),
        None => format!("القرن {n}"),
    }
}

/// The month's name in `family` ("كانون الأول").
pub(crate) fn month_name(year: i32, month: u32, family: MonthFamily) -> String {
    let full = label(
        &Value::Point(Point::Month { year, month }),
        DateStyle::Arabic(family),
    );
    let suffix = format!(" {year}");
    full.strip_suffix(&suffix).unwrap_or(&full).to_string()
}

/// A length of time in Arabic, with the number agreement Arabic wants ("عامان", "3 أعوام",
/// "45 عامًا").
pub(crate) fn arabic_length(seconds: f64) -> String {
    let days = seconds / 86_400.0;
    let (n, forms) = if days >= 365.0 {
        ((days / 365.2425).round(), ["عام", "عامان", "أعوام", "عامًا"])
    } else if days >= 45.0 {
        ((days / 30.44).round(), ["شهر", "شهران", "أشهر", "شهرًا"])
    } else {
        (days.round().max(1.0), ["يوم", "يومان", "أيام", "يومًا"])
    };
    let [one, two, few, many] = forms;
    let n = n as i64;
    match n {
        1 => one.to_string(),
        2 => two.to_string(),
        3..=10 => format!("{n} {few}"),
        _ => format!("{n} {many}"),
    }
}

/// The Arabic name of how an event got its date.
pub(crate) fn dated_by_ar(d: DatedBy) -> &'static str {
    match d {
        DatedBy::Explicit => "تاريخ صريح",
        DatedBy::Inherited => "تاريخ موروث من الجملة",
        DatedBy::Document => "تاريخ النص",
        DatedBy::None => "بلا تاريخ",
    }
}

/// The colour of a marker by how its event got its date.
pub(crate) fn colour(d: DatedBy) -> &'static str {
    match d {
        DatedBy::Explicit => "#1d4ed8",
        DatedBy::Inherited => "#7c3aed",
        DatedBy::Document => "#b45309",
        DatedBy::None => "#6b7280",
    }
}

// ---------------------------------------------------------------------------------------------
// Layout.

fn secs(t: NaiveDateTime) -> f64 {
    t.and_utc().timestamp() as f64
}

fn from_secs(s: f64) -> Option<NaiveDateTime> {
    chrono::DateTime::from_timestamp(s as i64, 0).map(|d| d.naive_utc())
}

/// How a dated event is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Mark {
    /// A dot at `x`.
    Dot,
    /// A bar from `x0` to `x1`; the ends that are open.
    Bar { open_start: bool, open_end: bool },
    /// A faded band from `x0` to `x1`.
    Band,
}

/// A tick step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    Days(u32),
    Months(u32),
    Years(i32),
}

impl Step {
    fn approx_days(self) -> f64 {
        match self {
            Step::Days(n) => f64::from(n),
            Step::Months(n) => f64::from(n) * 30.44,
            Step::Years(n) => f64::from(n) * 365.2425,
        }
    }

    /// The least room a tick of this step needs, in pixels.
    fn room(self) -> f64 {
        match self {
            Step::Days(_) => 26.0,
            Step::Months(_) => 80.0,
            Step::Years(_) => 42.0,
        }
    }

    fn floor(self, t: NaiveDateTime) -> Option<NaiveDate> {
        let d = t.date();
        match self {
            // Weeks from a Monday (ISO weeks, as the crate counts them).
            Step::Days(7) => d.checked_sub_days(chrono::Days::new(u64::from(
                d.weekday().num_days_from_monday(),
            ))),
            Step::Days(_) => Some(d),
            Step::Months(n) => {
                let m0 = d.month0() - d.month0() % n.max(1);
                NaiveDate::from_ymd_opt(d.year(), m0 + 1, 1)
            }
            Step::Years(n) => {
                NaiveDate::from_ymd_opt(d.year() - d.year().rem_euclid(n.max(1)), 1, 1)
            }
        }
    }

    fn next(self, d: NaiveDate) -> Option<NaiveDate> {
        match self {
            Step::Days(n) => d.checked_add_days(chrono::Days::new(u64::from(n))),
            Step::Months(n) => d.checked_add_months(Months::new(n)),
            Step::Years(n) => NaiveDate::from_ymd_opt(d.year().checked_add(n)?, d.month(), d.day()),
        }
    }
}

const STEPS: [Step; 16] = [
    Step::Days(1),
    Step::Days(2),
    Step::Days(7),
    Step::Months(1),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
    Step::Years(20),
    Step::Years(50),
    Step::Years(100),
    Step::Years(200),
    Step::Years(500),
    Step::Years(1000),
];

/// A stretch of the axis with its own linear scale.
#[derive(Debug, Clone)]
pub(crate) struct Segment {
    /// The first and last instants of its events.
    pub g0: f64,
    pub g1: f64,
    pub t0: f64,
    pub t1: f64,
    pub x0: f64,
    pub x1: f64,
    pub step: Step,
    pub ticks: Vec<NaiveDate>,
}

impl Segment {
    pub fn x(&self, t: f64) -> f64 {
        let span = (self.t1 - self.t0).max(1.0);
        let x = self.x0 + (t - self.t0) / span * (self.x1 - self.x0);
        x.clamp(self.x0, self.x1)
    }
}

/// A dated event placed on the axis.
#[derive(Debug, Clone)]
pub(crate) struct Placed {
    /// Index in `Timeline::events`.
    pub index: usize,
    /// Its number for people (1-based, timeline order).
    pub number: usize,
    /// How it got its date.
    pub dated_by: DatedBy,
    pub mark: Mark,
    /// The x of the instant the timeline sorts it by.
    pub x: f64,
    pub x0: f64,
    pub x1: f64,
    /// Where the leader line meets the axis.
    pub lead: f64,
    pub card: Card,
}

/// A label card.
#[derive(Debug, Clone)]
pub(crate) struct Card {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub row: usize,
    pub excerpt: Vec<String>,
    pub arabic: String,
    pub iso: String,
    /// ISO on the Arabic date's line (else on a line of its own).
    pub iso_inline: bool,
}

/// Everything the SVG writer needs, in pixels.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    pub width: f64,
    pub height: f64,
    pub axis_y: f64,
    pub plot_top: f64,
    pub segments: Vec<Segment>,
    pub placed: Vec<Placed>,
    /// Undated events: index in `Timeline::events`, number, excerpt line, x, y (right edge).
    pub undated: Vec<(usize, usize, String, f64, f64)>,
    pub undated_title_y: f64,
    pub legend_y: f64,
    pub family: MonthFamily,
}

/// The instants an event covers: (sort instant, first, last, open start, open end).
fn extent(v: &Value) -> Option<(f64, f64, f64, bool, bool)> {
    let first = v.first_instant();
    let last = v.last_instant();
    let key = first.or(last)?;
    let a = first.unwrap_or(key);
    let b = last.unwrap_or(key);
    Some((secs(key), secs(a), secs(b), first.is_none(), last.is_none()))
}

fn mark_of(v: &Value) -> Mark {
    match v {
        Value::Point(p) => match p.grain() {
            Grain::Decade | Grain::Century => Mark::Band,
            Grain::Second | Grain::Minute | Grain::Hour | Grain::PartOfDay | Grain::Day => {
                Mark::Dot
            }
            _ => Mark::Bar {
                open_start: false,
                open_end: false,
            },
        },
        Value::Range(a, b) => Mark::Bar {
            open_start: a.is_none(),
            open_end: b.is_none(),
        },
        _ => Mark::Dot,
    }
}

/// Groups of events close in time: a gap becomes a break in the axis when it is longer than
/// half of the whole span and three times the groups on either side (at most three breaks).
fn clusters(extents: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut sorted: Vec<(f64, f64)> = extents.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let Some(&(lo, _)) = sorted.first() else {
        return Vec::new();
    };
    let hi = sorted.iter().map(|e| e.1).fold(lo, f64::max);
    let total = (hi - lo).max(1.0);
    // Runs of overlapping extents, and the gaps between them.
    let mut runs: Vec<(f64, f64)> = Vec::new();
    for (a, b) in sorted {
        match runs.last_mut() {
            Some(r) if a <= r.1 => r.1 = r.1.max(b),
            _ => runs.push((a, b)),
        }
    }
    let month = 31.0 * 86_400.0;
    let mut gaps: Vec<(f64, usize)> = runs
        .windows(2)
        .enumerate()
        .filter_map(|(i, w)| match w {
            [x, y] => Some((y.0 - x.1, i)),
            _ => None,
        })
        .collect();
    gaps.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut breaks: Vec<usize> = Vec::new();
    for (gap, i) in gaps {
        if breaks.len() >= 3 || gap < total * 0.35 {
            break;
        }
        breaks.push(i);
    }
    breaks.sort_unstable();
    // Merge runs between breaks; keep a break only if the gap dwarfs its neighbours.
    let mut groups: Vec<(f64, f64)> = Vec::new();
    let mut cur: Option<(f64, f64)> = None;
    for (i, r) in runs.iter().enumerate() {
        cur = Some(match cur {
            Some(c) => (c.0, c.1.max(r.1)),
            None => *r,
        });
        if breaks.contains(&i)
            && let Some(c) = cur.take()
        {
            groups.push(c);
        }
    }
    if let Some(c) = cur {
        groups.push(c);
    }
    // A break must be long against both sides.
    let mut out: Vec<(f64, f64)> = Vec::new();
    for g in groups {
        match out.last_mut() {
            Some(prev) => {
                let gap = g.0 - prev.1;
                let side = (prev.1 - prev.0).max(g.1 - g.0).max(month);
                if gap > 3.0 * side {
                    out.push(g);
                } else {
                    prev.1 = prev.1.max(g.1);
                }
            }
            None => out.push(g),
        }
    }
    out
}

/// Picks the tick step for a stretch of `days` days drawn over `px` pixels.
fn step_for(days: f64, px: f64) -> Step {
    STEPS
        .iter()
        .copied()
        .find(|s| days / s.approx_days() * s.room() <= px)
        .unwrap_or(Step::Years(1000))
}

impl Layout {
    pub(crate) fn new(tl: &Timeline, options: &Options, links: bool) -> Layout {
        let width = f64::from(options.width_px());
        let family = options.family.unwrap_or_else(|| tl.month_family());
        let mut dated: Vec<(usize, f64, f64, f64, bool, bool, Mark)> = Vec::new();
        let mut undated_idx: Vec<usize> = Vec::new();
        for (i, e) in tl.events.iter().enumerate() {
            match e.value.as_ref().and_then(|v| extent(v).map(|x| (v, x))) {
                Some((v, (k, a, b, os, oe))) => dated.push((i, k, a, b, os, oe, mark_of(v))),
                None => undated_idx.push(i),
            }
        }
        // Segments.
        let extents: Vec<(f64, f64)> = dated
            .iter()
            .map(|&(_, k, a, b, os, oe, _)| {
                // Open ends do not stretch the axis.
                let a = if os { k } else { a };
                let b = if oe { k } else { b };
                (a.min(k), b.max(k))
            })
            .collect();
        let groups = clusters(&extents);
        let n = groups.len().max(1) as f64;
        let usable = width - 2.0 * MARGIN - BREAK_GAP * (n - 1.0);
        let weights: Vec<f64> = groups
            .iter()
            .map(|g| {
                let inside = extents.iter().filter(|e| e.0 >= g.0 && e.0 <= g.1).count();
                inside as f64 + 1.0
            })
            .collect();
        let total_w: f64 = weights.iter().sum::<f64>().max(1.0);
        let min_px = (usable / n).min(170.0);
        let mut widths: Vec<f64> = weights
            .iter()
            .map(|w| (usable * w / total_w).max(min_px))
            .collect();
        let sum: f64 = widths.iter().sum::<f64>().max(1.0);
        for w in &mut widths {
            *w *= usable / sum;
        }
        let mut segments = Vec::new();
        let mut x = MARGIN;
        for (g, w) in groups.iter().zip(&widths) {
            let span = g.1 - g.0;
            let pad = (span * 0.06).max(86_400.0 * 2.0);
            let days = (span + 2.0 * pad) / 86_400.0;
            let step = step_for(days, *w);
            let lo = from_secs(g.0 - pad)
                .and_then(|t| step.floor(t))
                .unwrap_or(NaiveDate::MIN);
            let mut ticks = vec![lo];
            let mut t = lo;
            while secs(t.and_time(NaiveTime::MIN)) < g.1 + pad {
                let Some(next) = step.next(t) else { break };
                t = next;
                ticks.push(t);
                if ticks.len() > 400 {
                    break;
                }
            }
            let t0 = secs(lo.and_time(NaiveTime::MIN));
            let t1 = secs(t.and_time(NaiveTime::MIN));
            segments.push(Segment {
                g0: g.0,
                g1: g.1,
                t0,
                t1,
                x0: x,
                x1: x + w,
                step,
                ticks,
            });
            x += w + BREAK_GAP;
        }
        let seg_of = |t: f64| -> Option<&Segment> {
            segments
                .iter()
                .find(|s| t >= s.t0 && t <= s.t1)
                .or_else(|| {
                    segments
                        .iter()
                        .min_by(|a, b| dist(a, t).total_cmp(&dist(b, t)))
                })
        };
        // Markers and cards.
        let mut placed: Vec<Placed> = Vec::new();
        let inner_max = CARD_MAX_INNER.min((width - 2.0 * MARGIN) * 0.5);
        for (number, &(index, k, a, b, os, oe, mark)) in dated.iter().enumerate() {
            let Some(e) = tl.events.get(index) else {
                continue;
            };
            let Some(seg) = seg_of(k) else { continue };
            let xk = seg.x(k);
            let (x0, x1) = match mark {
                Mark::Dot => (xk, xk),
                _ => {
                    let x0 = if os { seg.x0 } else { seg.x(a) };
                    let x1 = if oe { seg.x1 } else { seg.x(b) };
                    (x0.min(xk), x1.max(x0 + 4.0))
                }
            };
            let lead = match mark {
                Mark::Dot => xk,
                _ => (x0 + x1) / 2.0,
            };
            let Some(v) = e.value.as_ref() else { continue };
            let arabic = arabic_date(v, family);
            let iso = iso_date(v);
            let excerpt_lines = excerpt(e, inner_max - NUMBER_ROOM, EXCERPT_SIZE, 2);
            let ex_w = excerpt_lines
                .iter()
                .map(|l| text_width(l, EXCERPT_SIZE))
                .fold(0.0, f64::max)
                + NUMBER_ROOM;
            let ar_w = bold_width(&arabic, DATE_SIZE);
            let iso_w = text_width(&iso, DATE_SIZE);
            let iso_inline = ar_w + iso_w + 14.0 <= inner_max.max(DATE_ROOM);
            let date_w = if iso_inline {
                ar_w + iso_w + 14.0
            } else {
                ar_w.max(iso_w)
            };
            let inner = ex_w.max(date_w).min(inner_max.max(date_w));
            let lines = excerpt_lines.len();
            let h = 2.0 * CARD_PAD_Y
                + lines as f64 * EXCERPT_LINE
                + if iso_inline { 1.0 } else { 2.0 } * DATE_LINE;
            placed.push(Placed {
                index,
                number: number + 1,
                dated_by: e.dated_by,
                mark,
                x: xk,
                x0,
                x1,
                lead,
                card: Card {
                    x: 0.0,
                    y: 0.0,
                    w: inner + 2.0 * CARD_PAD_X,
                    h,
                    row: 0,
                    excerpt: excerpt_lines,
                    arabic,
                    iso,
                    iso_inline,
                },
            });
        }
        // Rows: every card in a row has the row's height. A card takes the lowest row where it
        // overlaps no card, no leader line crosses it and its own leader crosses no card, adding
        // at most one row for that; else the lowest row where it overlaps no card (its leader
        // then runs behind the cards below it: events of the same day or of days close by).
        let card_h = placed.iter().map(|p| p.card.h).fold(0.0, f64::max);
        // Cards of each row: left, right, lead.
        let mut rows_of: Vec<Vec<(f64, f64, f64)>> = Vec::new();
        let strict_ok = placed.len() <= STRICT_LIMIT;
        for p in &mut placed {
            let w = p.card.w;
            let lo = MARGIN / 2.0;
            let hi = (width - MARGIN / 2.0 - w).max(lo);
            let top = rows_of.len();
            let fits = |row: usize, strict: bool| {
                [0.5, 0.8, 0.2, 0.95, 0.05].iter().find_map(|f| {
                    let left = (p.lead - w * f).clamp(lo, hi);
                    let right = left + w;
                    let apart = rows_of.get(row).is_none_or(|cards| {
                        cards
                            .iter()
                            .all(|&(l, rt, _)| right + CARD_GAP <= l || left >= rt + CARD_GAP)
                    });
                    let leaders = !strict
                        || rows_of.iter().enumerate().all(|(r, cards)| {
                            cards.iter().all(|&(l, rt, ld)| {
                                // A leader from a higher row passes through my row: not across me.
                                let theirs = r <= row || ld < left - 3.0 || ld > right + 3.0;
                                // My leader passes through lower rows: not across their cards.
                                let mine = r >= row || p.lead < l - 3.0 || p.lead > rt + 3.0;
                                theirs && mine
                            })
                        });
                    (apart && leaders).then_some(left)
                })
            };
            let strict = if strict_ok {
                (0..=top).find_map(|r| fits(r, true).map(|x| (r, x)))
            } else {
                None
            };
            let (row, left) = strict
                .or_else(|| (0..=top).find_map(|r| fits(r, false).map(|x| (r, x))))
                .unwrap_or((top, (p.lead - w / 2.0).clamp(lo, hi)));
            p.card.x = left;
            p.card.row = row;
            p.card.h = card_h;
            while rows_of.len() <= row {
                rows_of.push(Vec::new());
            }
            if let Some(cards) = rows_of.get_mut(row) {
                cards.push((left, left + w, p.lead));
            }
        }
        let rows = placed.iter().map(|p| p.card.row + 1).max().unwrap_or(0);
        let title_h = if links { 16.0 } else { 64.0 };
        let plot_top = title_h;
        let axis_y = plot_top + rows as f64 * (card_h + ROW_GAP) + LEADER_ROOM + 8.0;
        for p in &mut placed {
            p.card.y = axis_y - LEADER_ROOM - card_h - p.card.row as f64 * (card_h + ROW_GAP);
        }
        let ticks_bottom = axis_y + 48.0;
        let legend_y = ticks_bottom + 8.0;
        // Undated events, right to left in columns.
        let mut undated = Vec::new();
        let undated_title_y = legend_y + 40.0;
        let cols: usize = if width >= 900.0 { 2 } else { 1 };
        let col_w = (width - 2.0 * MARGIN) / cols as f64;
        let per_col = undated_idx.len().div_ceil(cols);
        let line_h = 20.0;
        for (j, &i) in undated_idx.iter().enumerate() {
            let Some(e) = tl.events.get(i) else { continue };
            let col = j / per_col.max(1);
            let row = j % per_col.max(1);
            let right = width - MARGIN - col as f64 * col_w;
            let y = undated_title_y + 12.0 + (row as f64 + 1.0) * line_h;
            let line = excerpt(e, col_w - 60.0, 12.0, 1).join(" ");
            undated.push((i, dated.len() + j + 1, line, right, y));
        }
        let height = if undated.is_empty() || links {
            legend_y + 28.0
        } else {
            undated_title_y + 12.0 + per_col as f64 * line_h + 24.0
        };
        Layout {
            width,
            height,
            axis_y,
            plot_top,
            segments,
            placed,
            undated,
            undated_title_y,
            legend_y,
            family,
        }
    }
}

fn dist(s: &Segment, t: f64) -> f64 {
    if t < s.t0 {
        s.t0 - t
    } else if t > s.t1 {
        t - s.t1
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_lengths() {
        let year = 365.2425 * 86_400.0;
        assert_eq!(arabic_length(45.0 * year), "45 عامًا");
        assert_eq!(arabic_length(2.0 * year), "عامان");
        assert_eq!(arabic_length(5.0 * year), "5 أعوام");
        assert_eq!(arabic_length(3.0 * 86_400.0), "3 أيام");
    }

    #[test]
    fn decades_in_words() {
        assert_eq!(arabic_decade(197), "سبعينيات القرن العشرين");
        assert_eq!(arabic_decade(201), "العقد الثاني من القرن الحادي والعشرين");
        assert_eq!(arabic_century(19), "القرن العشرين");
    }

    #[test]
    fn steps_adapt_to_the_span() {
        assert_eq!(step_for(7.0, 800.0), Step::Days(1));
        assert_eq!(step_for(90.0, 800.0), Step::Days(7));
        assert!(matches!(step_for(400.0, 800.0), Step::Months(_)));
        assert!(matches!(step_for(60.0 * 365.0, 800.0), Step::Years(y) if y >= 5));
    }

    #[test]
    fn far_groups_break_the_axis() {
        let y = |n: f64| n * 365.2425 * 86_400.0;
        let g = clusters(&[(y(0.0), y(10.0)), (y(55.8), y(55.8)), (y(55.9), y(56.0))]);
        assert_eq!(g.len(), 2);
        let g = clusters(&[(0.0, 86_400.0), (3.0 * 86_400.0, 4.0 * 86_400.0)]);
        assert_eq!(g.len(), 1);
    }

    #[test]
    fn periods_in_words() {
        let f = MonthFamily::Syriac;
        let season = Value::Point(Point::Season {
            year: 2019,
            season: Season::Autumn,
        });
        assert_eq!(arabic_date(&season, f), "خريف 2019");
        let q = Value::Point(Point::Quarter {
            year: 2012,
            quarter: 1,
        });
        assert_eq!(arabic_date(&q, f), "الربع الأول من 2012");
        let r = Value::Range(Some(Point::Year(2010)), None);
        assert_eq!(arabic_date(&r, f), "2010 – …");
    }

    #[test]
    fn month_names_by_family() {
        assert_eq!(month_name(2025, 12, MonthFamily::Syriac), "كانون الأول");
        assert_eq!(month_name(2025, 12, MonthFamily::Egyptian), "ديسمبر");
    }
}
