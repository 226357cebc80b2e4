//! A document as a whole: its sentences and clause pieces, and its own date.
//!
//! [`sentences`] splits a text at the marks Arabic news uses (. ؟ ! and line breaks end a
//! sentence; ، ؛ , ; divide it), keeping quotations that close on the same line intact.
//! [`infer_date`] finds the date a document was written from what it says about itself: a
//! dateline, "اليوم، الأربعاء 24 من كانون الأول", "أمس الاثنين 9 تموز", a weekday that fixes the
//! year of a yearless date, the latest full date. It never reads the clock: the caller passes
//! the fallback.

use std::ops::Range;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;

use crate::expr::{DateExpr, Expr, YearSaid};
use crate::extract::{Extractor, Mention, Prepared};
use crate::resolve::{Anchor, Flag};
use crate::value::{Point, Value};

/// A piece of a sentence between two clause marks (، ؛ , ;).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Byte range in the original text, trimmed of spaces and marks.
    pub span: Range<usize>,
    /// True when the piece follows a semicolon (a clause break in any case), false after a
    /// comma (which may only separate an apposition) and for the first piece of a sentence.
    pub after_semicolon: bool,
    /// True when the piece opens a complement or reported speech (إن، أن...): set by
    /// [`crate::event`], false from [`sentences`].
    pub after_complement: bool,
}

/// A sentence: a byte range of the original text and its pieces, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the original text, trimmed of spaces and the closing mark.
    pub span: Range<usize>,
    /// The pieces between clause marks; never empty.
    pub pieces: Vec<Piece>,
}

/// The closing quotation mark of an opening one.
pub(crate) fn closer_of(c: char) -> Option<char> {
    match c {
        '"' => Some('"'),
        '“' => Some('”'),
        '«' => Some('»'),
        '„' => Some('“'),
        _ => None,
    }
}

/// The first opening quotation mark of `text` at or after byte `from`: where it is, where the
/// quotation inside it starts, and the mark that closes it. Only the bytes that may start one
/// are decoded.
pub(crate) fn next_quote(text: &str, from: usize) -> Option<(usize, usize, char)> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        // Eight bytes at once while none is `"` or the first byte of « (C2) or “ „ (E2): quotes
        // are rare. The bytes these stand for never continue a character, so landing inside
        // one does no harm.
        if let Some(chunk) = bytes.get(i..i + 8) {
            let mut a = [0u8; 8];
            a.copy_from_slice(chunk);
            let x = u64::from_le_bytes(a);
            let zero = |y: u64| y.wrapping_sub(ONES) & !y;
            let found = zero(x ^ (ONES * 0x22)) | zero(x ^ (ONES * 0xC2)) | zero(x ^ (ONES * 0xE2));
            if found & HIGH == 0 {
                i += 8;
                continue;
            }
        }
        let at = |k: usize| bytes.get(i + k).copied();
        // " « “ „
        let may = b == b'"'
            || (b == 0xC2 && at(1) == Some(0xAB))
            || (b == 0xE2 && at(1) == Some(0x80) && matches!(at(2), Some(0x9C | 0x9E)));
        if may
            && let Some(open) = text.get(i..).and_then(|r| r.chars().next())
            && let Some(close) = closer_of(open)
        {
            return Some((i, i + open.len_utf8(), close));
        }
        i += utf8_len(b);
    }
    None
}

/// The length of the UTF-8 sequence a byte starts (1 for a byte that starts none): the loops
/// over the bytes of a text step over whole characters.
fn utf8_len(b: u8) -> usize {
    match b {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xFF => 4,
        _ => 1,
    }
}

/// How far a quotation is looked for (bytes): keeps the split linear on lines full of quotes.
const QUOTE_LOOKAHEAD: usize = 4000;

fn is_digit(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c))
}

/// Splits a text into sentences and their pieces.
///
/// A sentence ends at `.` (not between digits), `؟`, `?`, `!`, `…` and line breaks; inside it,
/// `،` `,` `؛` `;` separate pieces. Marks inside a quotation that closes on the same line do not
/// split; a quotation left open is not a quotation.
///
/// ```
/// use tarikh::document::sentences;
///
/// let text = "قال الوزير: «وصلنا، والحمد لله». ثم غادر، مساء الأحد.\nزيارة سابقة";
/// let s = sentences(text);
/// assert_eq!(s.len(), 3);
/// assert_eq!(&text[s[0].span.clone()], "قال الوزير: «وصلنا، والحمد لله»");
/// assert_eq!(s[0].pieces.len(), 1);
/// assert_eq!(s[1].pieces.len(), 2);
/// assert_eq!(&text[s[2].span.clone()], "زيارة سابقة");
/// ```
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut pieces: Vec<Piece> = Vec::new();
    let mut piece_start = 0usize;
    let mut after_semicolon = false;
    let bytes = text.as_bytes();
    let mut i = 0usize;
    // Only the marks and quotes matter: the bytes between them are passed over without
    // decoding a character.
    loop {
        i = next_may_mark(bytes, i);
        let Some(&b) = bytes.get(i) else {
            break;
        };
        if !may_mark(bytes, i, b) {
            i += utf8_len(b);
            continue;
        }
        let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
            i += 1;
            continue;
        };
        let end = i + c.len_utf8();
        if let Some(close) = closer_of(c) {
            let rest = text.get(end..).unwrap_or("");
            let line = rest.split('\n').next().unwrap_or("");
            let window = line.get(..QUOTE_LOOKAHEAD.min(line.len())).unwrap_or(line);
            // Everything up to the closing quote is inside the quotation.
            i = match window.find(close) {
                Some(at) => end + at + close.len_utf8(),
                None => end,
            };
            continue;
        }
        let prev = || text.get(..i).and_then(|r| r.chars().next_back());
        let next = || text.get(end..).and_then(|r| r.chars().next());
        match c {
            // A decimal point or a thousands comma (3.5, 1,200) splits nothing.
            '.' | ',' if is_digit(prev()) && is_digit(next()) => {}
            '.' | '؟' | '?' | '!' | '…' | '\n' => {
                push_piece(text, &mut pieces, piece_start..i, after_semicolon);
                push_sentence(&mut out, &mut pieces);
                piece_start = end;
                after_semicolon = false;
            }
            '،' | ',' | '؛' | ';' => {
                push_piece(text, &mut pieces, piece_start..i, after_semicolon);
                piece_start = end;
                after_semicolon = matches!(c, '؛' | ';');
            }
            _ => {}
        }
        i = end;
    }
    push_piece(text, &mut pieces, piece_start..text.len(), after_semicolon);
    push_sentence(&mut out, &mut pieces);
    out
}

/// Whether the character at byte `i` (whose first byte is `b`) may be a mark or a quote that
/// [`sentences`] acts on: . ؟ ? ! … and a line break, ، , ؛ ;, and the opening quotes " “ « „.
fn may_mark(bytes: &[u8], i: usize, b: u8) -> bool {
    let at = |k: usize| bytes.get(i + k).copied();
    match b {
        b'"' | b'.' | b'?' | b'!' | b'\n' | b',' | b';' => true,
        // ، ؛ ؟
        0xD8 => matches!(at(1), Some(0x8C | 0x9B | 0x9F)),
        // «
        0xC2 => at(1) == Some(0xAB),
        // “ „ …
        0xE2 => at(1) == Some(0x80) && matches!(at(2), Some(0x9C | 0x9E | 0xA6)),
        _ => false,
    }
}

/// The first character boundary from `i` (itself a boundary) where [`may_mark`] may hold, or
/// one near the end of the text: sixteen bytes are tested at a time, each with the byte before
/// it, for an ASCII mark or quote, a lead of « “ „ … (0xC2, 0xE2), or one of ، ؛ ؟ (0xD8 then
/// 0x8C, 0x9B or 0x9F); the compiler runs the sixteen tests side by side. Arabic text has a
/// mark every hundred bytes or so: the bytes between are passed over without stepping through
/// their characters.
fn next_may_mark(bytes: &[u8], mut i: usize) -> usize {
    let start = i;
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<16>) {
        let before = match i.checked_sub(1).and_then(|j| bytes.get(j..)) {
            Some(b) => b.first_chunk::<16>().copied().unwrap_or([0; 16]),
            None => {
                let mut b = [0u8; 16];
                if let (Some(dst), Some(src)) = (b.get_mut(1..), chunk.get(..15)) {
                    dst.copy_from_slice(src);
                }
                b
            }
        };
        let mut flags = [0u8; 16];
        for ((f, &b), &p) in flags.iter_mut().zip(chunk).zip(&before) {
            // Compared one value at a time, not matched against a set: a set becomes a table
            // lookup per byte, and the sixteen are no longer tested side by side.
            let ascii = (b == b'"')
                | (b == b'.')
                | (b == b'?')
                | (b == b'!')
                | (b == b'\n')
                | (b == b',')
                | (b == b';');
            let lead = (b == 0xC2) | (b == 0xE2);
            let arabic = (p == 0xD8) & ((b == 0x8C) | (b == 0x9B) | (b == 0x9F));
            *f = u8::from(ascii | lead | arabic);
        }
        let flags = u128::from_le_bytes(flags);
        if flags != 0 {
            let at = i + (flags.trailing_zeros() / 8) as usize;
            // A flag on ، ؛ ؟ is on its second byte.
            let cont = bytes.get(at).is_some_and(|&b| b & 0xC0 == 0x80);
            return (at - usize::from(cont)).max(start);
        }
        i += 16;
    }
    // Back to the first byte of a character the last round ended inside: its bytes were
    // passed over, not its mark.
    while i > start && bytes.get(i).is_some_and(|&b| b & 0xC0 == 0x80) {
        i -= 1;
    }
    i
}

/// The sentence split as first written, one character at a time: the model [`sentences`]
/// must agree with.
#[cfg(test)]
fn sentences_slow(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut pieces: Vec<Piece> = Vec::new();
    let mut piece_start = 0usize;
    let mut after_semicolon = false;
    let mut quote_until: Option<usize> = None;
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        if let Some(end) = quote_until {
            if i < end {
                prev = Some(c);
                continue;
            }
            quote_until = None;
        }
        if let Some(close) = closer_of(c) {
            let rest = text.get(i + c.len_utf8()..).unwrap_or("");
            let line = rest.split('\n').next().unwrap_or("");
            let window = line.get(..QUOTE_LOOKAHEAD.min(line.len())).unwrap_or(line);
            if let Some(at) = window.find(close) {
                quote_until = Some(i + c.len_utf8() + at + close.len_utf8());
            }
            prev = Some(c);
            continue;
        }
        let end = i + c.len_utf8();
        match c {
            '.' if is_digit(prev) && is_digit(next) => {}
            '.' | '؟' | '?' | '!' | '…' | '\n' => {
                push_piece(text, &mut pieces, piece_start..i, after_semicolon);
                push_sentence(&mut out, &mut pieces);
                piece_start = end;
                after_semicolon = false;
            }
            '،' | ',' | '؛' | ';' => {
                if c == ',' && is_digit(prev) && is_digit(next) {
                    prev = Some(c);
                    continue;
                }
                push_piece(text, &mut pieces, piece_start..i, after_semicolon);
                piece_start = end;
                after_semicolon = matches!(c, '؛' | ';');
            }
            _ => {}
        }
        prev = Some(c);
    }
    push_piece(text, &mut pieces, piece_start..text.len(), after_semicolon);
    push_sentence(&mut out, &mut pieces);
    out
}

fn is_filler(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | '،'
                | ','
                | '؛'
                | ';'
                | ':'
                | '-'
                | '–'
                | '—'
                | '\u{200F}'
                | '\u{200E}'
                | '\u{061C}'
        )
}

fn trim(text: &str, span: Range<usize>) -> Option<Range<usize>> {
    let s = text.get(span.clone())?;
    let start_trim = s.len() - s.trim_start_matches(is_filler).len();
    let t = s.trim_matches(is_filler);
    // Arabic letters and ASCII first, without the Unicode tables.
    let alphanumeric = |c: char| {
        matches!(c, '\u{0621}'..='\u{064A}') || c.is_ascii_alphanumeric() || c.is_alphanumeric()
    };
    if !t.chars().any(alphanumeric) {
        return None;
    }
    let start = span.start + start_trim;
    Some(start..start + t.len())
}

fn push_piece(text: &str, pieces: &mut Vec<Piece>, span: Range<usize>, after_semicolon: bool) {
    if let Some(span) = trim(text, span) {
        pieces.push(Piece {
            span,
            after_semicolon: after_semicolon && !pieces.is_empty(),
            after_complement: false,
        });
    }
}

fn push_sentence(out: &mut Vec<Sentence>, pieces: &mut Vec<Piece>) {
    let (Some(first), Some(last)) = (pieces.first(), pieces.last()) else {
        return;
    };
    let span = first.span.start..last.span.end;
    out.push(Sentence {
        span,
        pieces: std::mem::take(pieces),
    });
}

/// Where a document's reference date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// Given by the caller.
    Given,
    /// A date at the head of the text ("رام الله 12-7-2012 -", "30 نيسان 2012 03:04").
    Dateline,
    /// A relative day next to a date: "اليوم، الأربعاء 24 من كانون الأول", "أمس الاثنين 9 تموز".
    RelativeDay,
    /// The latest date with a weekday and no year, its year chosen so that they agree.
    WeekdayAgreement,
    /// The latest full date (day, month and year) in the text.
    LatestDate,
    /// Nothing in the text: the caller's fallback.
    Fallback,
}

impl DateSource {
    /// `"given"`, `"dateline"`, `"relative_day"`, `"weekday_agreement"`, `"latest_date"` or
    /// `"fallback"`.
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Given => "given",
            DateSource::Dateline => "dateline",
            DateSource::RelativeDay => "relative_day",
            DateSource::WeekdayAgreement => "weekday_agreement",
            DateSource::LatestDate => "latest_date",
            DateSource::Fallback => "fallback",
        }
    }

    /// True when the date was read from the text.
    pub fn is_inferred(self) -> bool {
        !matches!(self, DateSource::Given | DateSource::Fallback)
    }
}

/// A document's reference date, how it was found and how sure that is.
///
/// Its JSON is the `reference` object of the command line: `{"date", "source":
/// "given|inferred|fallback", "basis", "confidence", "evidence": [b0, b1], "evidence_text"}`
/// (the last four only for an inferred date).
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentDate {
    /// The date (and time, from a dateline that gives one).
    pub anchor: Anchor,
    /// Where it came from.
    pub source: DateSource,
    /// From 0 (the fallback) to 1 (given by the caller).
    pub confidence: f32,
    /// The byte range of the text it was read from.
    pub evidence: Option<Range<usize>>,
    /// The text at `evidence`.
    pub evidence_text: Option<String>,
}

impl Serialize for DocumentDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("date", &self.anchor.to_string())?;
        let source = match self.source {
            DateSource::Given => "given",
            DateSource::Fallback => "fallback",
            _ => "inferred",
        };
        m.serialize_entry("source", source)?;
        if self.source.is_inferred() {
            m.serialize_entry("basis", self.source.as_str())?;
            m.serialize_entry("confidence", &self.confidence)?;
            if let Some(e) = &self.evidence {
                m.serialize_entry("evidence", &[e.start, e.end])?;
            }
            if let Some(t) = &self.evidence_text {
                m.serialize_entry("evidence_text", t)?;
            }
        }
        m.end()
    }
}

impl DocumentDate {
    /// A date the caller gives: confidence 1.
    ///
    /// ```
    /// use tarikh::Anchor;
    /// use tarikh::document::{DateSource, DocumentDate};
    ///
    /// let d = DocumentDate::given(Anchor::from_ymd(2025, 12, 24).unwrap());
    /// assert_eq!(d.source, DateSource::Given);
    /// ```
    pub fn given(anchor: Anchor) -> DocumentDate {
        DocumentDate {
            anchor,
            source: DateSource::Given,
            confidence: 1.0,
            evidence: None,
            evidence_text: None,
        }
    }
}

/// Confidence of each kind of evidence.
const CONF_DATELINE: f32 = 0.95;
const CONF_RELATIVE_EXPLICIT: f32 = 0.95;
const CONF_RELATIVE_WEEKDAY: f32 = 0.85;
const CONF_RELATIVE_YEARLESS: f32 = 0.6;
const CONF_WEEKDAY: f32 = 0.5;
const CONF_LATEST: f32 = 0.4;
/// Confidence added when "اليوم الأربعاء" elsewhere agrees with the date found.
const CONF_WEEKDAY_HINT: f32 = 0.1;

/// How the year of a date was known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YearBy {
    Written,
    Weekday,
    Guessed,
}

fn date_expr(m: &Mention) -> Option<&DateExpr> {
    match &m.expr {
        Expr::Date(d) => Some(d),
        _ => None,
    }
}

/// The day a mention names, if it names a calendar day (with day and month written), and how
/// its year was known.
fn calendar_day(m: &Mention) -> Option<(NaiveDate, YearBy)> {
    let d = date_expr(m)?;
    if d.day.is_none() || d.month.is_none() || d.relative_day.is_some() {
        return None;
    }
    let day = match m.value {
        Value::Point(Point::Day(x)) => x,
        Value::Point(Point::Time { at, .. }) => at.date(),
        Value::Point(Point::PartOfDay { date, .. }) => date,
        _ => return None,
    };
    let mismatch = m
        .flags
        .iter()
        .any(|f| matches!(f, Flag::WeekdayMismatch { .. }));
    let by = match (d.year, d.weekday) {
        (Some(YearSaid::Number(_)), _) => YearBy::Written,
        (None, Some(_)) if !mismatch => YearBy::Weekday,
        (None, _) => YearBy::Guessed,
        (Some(YearSaid::Relative(_)), _) => YearBy::Guessed,
    };
    Some((day, by))
}

/// The relative day (اليوم 0, أمس -1...) a mention says, with no calendar date.
fn relative_day(m: &Mention) -> Option<(i32, Option<Weekday>)> {
    let d = date_expr(m)?;
    let r = d.relative_day?;
    if d.day.is_some() || d.month.is_some() || d.time.is_some() && r != 0 {
        return None;
    }
    Some((r, d.weekday))
}

/// Only spaces, commas, dashes, colons and parentheses between two mentions.
pub(crate) fn adjacent(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    a.end <= b.start
        && b.start - a.end <= 12
        && text.get(a.end..b.start).is_some_and(|gap| {
            gap.chars().all(|c| {
                c.is_whitespace()
                    || matches!(c, '،' | ',' | '-' | '–' | ':' | '(' | ')' | '\u{200F}')
            })
        })
}

fn shift(day: NaiveDate, by: i32) -> Option<NaiveDate> {
    let n = Days::new(u64::from(by.unsigned_abs()));
    if by >= 0 {
        day.checked_add_days(n)
    } else {
        day.checked_sub_days(n)
    }
}

/// Whether a string holds more than `n` words (runs of letters): read only as far as the
/// word after the `n`th, not to its end (the text before a mention can be most of an article).
fn more_words_than(s: &str, n: usize) -> bool {
    s.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .nth(n)
        .is_some()
}

/// A date mention standing at the head of the text, as datelines do: at most five words before
/// it on its line, nothing that ends a sentence, and a line break, a dash, a colon or a
/// parenthesis after it.
fn is_dateline(text: &str, m: &Mention) -> bool {
    let line_start = text
        .get(..m.span.start)
        .and_then(|s| s.rfind('\n'))
        .map_or(0, |i| i + 1);
    let before = text.get(line_start..m.span.start).unwrap_or("");
    let head = text.get(..line_start).unwrap_or("");
    if more_words_than(head, 0)
        || more_words_than(before, 5)
        || before.contains(['.', '؟', '?', '!'])
    {
        return false;
    }
    let after = text.get(m.span.end..).unwrap_or("");
    let after = after.trim_start_matches([' ', '\t', '\u{200F}']);
    after.is_empty()
        || after.starts_with(['\n', '\r', '-', '–', '—', ':', '(', '|', '/'])
        || after.starts_with("(")
}

/// Infers the date a text was written from what it says, reading underspecified dates against
/// `fallback` (say, today's date, or an archive's date). The strongest evidence wins:
///
/// 1. a dateline with a full date (0.95);
/// 2. a relative day next to a date: "اليوم، الأربعاء 24 من كانون الأول" is the 24th,
///    "أمس الاثنين 9 تموز" the 10th (0.95 with a year written, 0.85 with a weekday that fixes
///    the year, 0.6 otherwise);
/// 3. a dateline whose year comes from its weekday, or the latest such date in the text (0.5);
/// 4. the latest full date in the text (0.4);
/// 5. the fallback (0).
///
/// A weekday said with a relative day ("اليوم الأربعاء") moves a date found by (3) or (4) to the
/// first day on or after it that falls on that weekday.
///
/// ```
/// use tarikh::{Anchor, Extractor};
/// use tarikh::document::{infer_date, DateSource};
///
/// let text = "وقال الشيباني في مؤتمر صحفي اليوم، الأربعاء 24 من كانون الأول، إن العلاقات جيدة.";
/// let fallback = Anchor::from_ymd(2026, 11, 29).unwrap();
/// let d = infer_date(text, &Extractor::new(), fallback);
/// assert_eq!(d.anchor.to_string(), "2025-12-24");
/// assert_eq!(d.source, DateSource::RelativeDay);
/// assert!(d.confidence > 0.8);
/// ```
pub fn infer_date(text: &str, extractor: &Extractor, fallback: Anchor) -> DocumentDate {
    infer_prepared(&extractor.prepare(text), fallback)
}

/// [`infer_date`] on a text already read by [`Extractor::prepare`], so that extracting against
/// the date found does not read the text again.
pub fn infer_prepared(read: &Prepared<'_>, fallback: Anchor) -> DocumentDate {
    let ms = read.extract(&fallback);
    infer_with(read, &ms, fallback)
}

/// [`infer_date`] on mentions already extracted against `fallback`. When the year of the date
/// found came from a weekday or from the fallback, and the text writes a year of its own (the
/// latest one not after the fallback's), the text is read again against that year: "الثلاثاء 23
/// كانون الأول" in an article that speaks of 2014 is in 2014, not in the year nearest the clock.
/// A second reading that would date the text before that year is dropped.
pub(crate) fn infer_with(read: &Prepared<'_>, ms: &[Mention], fallback: Anchor) -> DocumentDate {
    let text = read.text();
    let d = infer_from_mentions(text, ms, fallback);
    let year_from_context = matches!(
        d.source,
        DateSource::RelativeDay | DateSource::WeekdayAgreement | DateSource::Dateline
    ) && d.confidence < CONF_DATELINE;
    if !year_from_context {
        return d;
    }
    let Some(year) = latest_written_year(ms, fallback.date().year()) else {
        return d;
    };
    if year == fallback.date().year() || year == d.anchor.date().year() {
        return d;
    }
    let Some(base) = NaiveDate::from_ymd_opt(year, 7, 1).map(Anchor::new) else {
        return d;
    };
    let again = infer_from_mentions(text, &read.extract(&base), base);
    // A text is not written before the years it speaks of.
    if again.source == d.source && again.anchor.date().year() >= year {
        again
    } else {
        d
    }
}

/// The latest Gregorian year written in full in the text, not after `limit`.
fn latest_written_year(ms: &[Mention], limit: i32) -> Option<i32> {
    let written = |e: &Expr| match e {
        Expr::Date(d) => {
            matches!(d.year, Some(YearSaid::Number(_)))
                && !matches!(d.calendar, Some(crate::lexicon::Calendar::Hijri))
        }
        _ => false,
    };
    ms.iter()
        .filter(|m| match &m.expr {
            Expr::Range(a, b) => written(a) || written(b),
            e => written(e),
        })
        .filter_map(|m| m.value.last_day().map(|d| d.year()))
        .filter(|&y| y <= limit)
        .max()
}

/// [`infer_date`] on mentions already extracted against `fallback`, without a second reading.
pub fn infer_from_mentions(text: &str, ms: &[Mention], fallback: Anchor) -> DocumentDate {
    let mut d = infer_core(text, ms, fallback);
    d.evidence_text = d
        .evidence
        .as_ref()
        .and_then(|e| text.get(e.clone()))
        .map(str::to_string);
    d
}

fn infer_core(text: &str, ms: &[Mention], fallback: Anchor) -> DocumentDate {
    let found = |day: NaiveDate, source, confidence, m: &Mention| DocumentDate {
        anchor: Anchor::new(day),
        source,
        confidence,
        evidence: Some(m.span.clone()),
        evidence_text: None,
    };
    // 1. A dateline with its year written (and its time, if given).
    if let Some(m) = ms.first().filter(|m| is_dateline(text, m))
        && let Some((day, YearBy::Written)) = calendar_day(m)
    {
        let anchor = match m.value {
            Value::Point(Point::Time { at, .. }) => Anchor::at(at),
            _ => Anchor::new(day),
        };
        return DocumentDate {
            anchor,
            source: DateSource::Dateline,
            confidence: CONF_DATELINE,
            evidence: Some(m.span.clone()),
            evidence_text: None,
        };
    }
    // 2. A relative day next to a date, or one mention saying both.
    let mut best: Option<DocumentDate> = None;
    let mut consider = |d: DocumentDate| {
        if best.as_ref().is_none_or(|b| d.confidence > b.confidence) {
            best = Some(d);
        }
    };
    for (i, m) in ms.iter().enumerate() {
        let Some((r, _)) = relative_day(m) else {
            if let Some(d) = date_expr(m)
                && let Some(r) = d.relative_day
                && let Some((day, by)) = calendar_day_of_combined(m)
                && let Some(doc) = shift(day, -r)
            {
                consider(found(doc, DateSource::RelativeDay, relative_conf(by), m));
            }
            continue;
        };
        let Some(next) = ms.get(i + 1) else { continue };
        if !adjacent(text, &m.span, &next.span) {
            continue;
        }
        if let Some((day, by)) = calendar_day(next)
            && let Some(doc) = shift(day, -r)
        {
            let mut d = found(doc, DateSource::RelativeDay, relative_conf(by), m);
            d.evidence = Some(m.span.start..next.span.end);
            consider(d);
        }
    }
    if let Some(b) = best.take_if(|b| b.confidence >= CONF_RELATIVE_WEEKDAY) {
        return b;
    }
    // The weekday of the document, from "اليوم الأربعاء", "أمس الاثنين" or "يوم غد الجمعة".
    let doc_weekday = ms.iter().enumerate().find_map(|(i, m)| {
        let (r, w) = relative_day(m)?;
        let w = w.or_else(|| {
            let next = ms.get(i + 1)?;
            let d = date_expr(next)?;
            let bare = d.day.is_none() && d.month.is_none() && d.relative_day.is_none();
            (bare && adjacent(text, &m.span, &next.span))
                .then_some(d.weekday)
                .flatten()
        })?;
        let mut day = w;
        for _ in 0..(-r).rem_euclid(7) {
            day = day.succ();
        }
        Some(day)
    });
    // 3. A dateline dated by its weekday, or the latest weekday-dated day.
    let weekday_dated: Vec<(NaiveDate, &Mention)> = ms
        .iter()
        .filter_map(|m| match calendar_day(m) {
            Some((d, YearBy::Weekday)) => Some((d, m)),
            _ => None,
        })
        .collect();
    let adjust = |d: DocumentDate| adjust_to_weekday(d, doc_weekday);
    if let Some((day, m)) = ms.first().filter(|m| is_dateline(text, m)).and_then(|m| {
        weekday_dated
            .first()
            .filter(|(_, w)| w.span == m.span)
            .copied()
    }) {
        return found(day, DateSource::Dateline, CONF_RELATIVE_WEEKDAY, m);
    }
    if let Some(b) = best {
        return b;
    }
    if let Some((day, m)) = weekday_dated.iter().max_by_key(|(d, _)| *d) {
        return adjust(found(*day, DateSource::WeekdayAgreement, CONF_WEEKDAY, m));
    }
    // 4. The latest full date (or the end of a range of full dates).
    if let Some((day, m)) = ms
        .iter()
        .filter_map(|m| match calendar_day(m) {
            Some((d, YearBy::Written)) => Some((d, m)),
            _ => written_range_end(m).map(|d| (d, m)),
        })
        .max_by_key(|(d, _)| *d)
    {
        return adjust(found(day, DateSource::LatestDate, CONF_LATEST, m));
    }
    DocumentDate {
        anchor: fallback,
        source: DateSource::Fallback,
        confidence: 0.0,
        evidence: None,
        evidence_text: None,
    }
}

/// The last day of a range of calendar days whose year is written ("07 و08 أفريل 2014").
fn written_range_end(m: &Mention) -> Option<NaiveDate> {
    let Expr::Range(a, b) = &m.expr else {
        return None;
    };
    let written = |e: &Expr| matches!(e, Expr::Date(d) if d.day.is_some() && matches!(d.year, Some(YearSaid::Number(_))));
    if !(written(a) || written(b)) {
        return None;
    }
    match m.value {
        Value::Range(_, Some(Point::Day(d))) => Some(d),
        _ => None,
    }
}

fn relative_conf(by: YearBy) -> f32 {
    match by {
        YearBy::Written => CONF_RELATIVE_EXPLICIT,
        YearBy::Weekday => CONF_RELATIVE_WEEKDAY,
        YearBy::Guessed => CONF_RELATIVE_YEARLESS,
    }
}

/// A mention that says a relative day and a calendar day at once.
fn calendar_day_of_combined(m: &Mention) -> Option<(NaiveDate, YearBy)> {
    let d = date_expr(m)?;
    d.day?;
    d.month?;
    let mut plain = m.clone();
    if let Expr::Date(e) = &mut plain.expr {
        e.relative_day = None;
    }
    calendar_day(&plain)
}

fn adjust_to_weekday(mut d: DocumentDate, weekday: Option<Weekday>) -> DocumentDate {
    let Some(w) = weekday else { return d };
    let mut day = d.anchor.date();
    for _ in 0..7 {
        if day.weekday() == w {
            d.anchor = Anchor::new(day);
            d.confidence += CONF_WEEKDAY_HINT;
            return d;
        }
        match day.succ_opt() {
            Some(n) => day = n,
            None => return d,
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_only_as_far_as_needed() {
        let count = |s: &str| {
            s.split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .count()
        };
        for s in [
            "",
            " ،. 23 ",
            "دمشق",
            "دمشق - سانا:",
            "وقال الوزير في مؤتمر صحفي عقده اليوم",
            "a b c d e f",
            "  كتب 12 x  ",
        ] {
            for n in 0..8 {
                assert_eq!(more_words_than(s, n), count(s) > n, "{s:?} {n}");
            }
        }
    }

    fn infer(text: &str) -> DocumentDate {
        let fallback = Anchor::from_ymd(2026, 11, 29).unwrap();
        infer_date(text, &Extractor::new(), fallback)
    }

    #[test]
    fn sentences_agree_with_model() {
        let mut texts = crate::testdata::sample_lines_and(&[
            "قال: «وصلنا، والحمد لله». ثم غادر، مساء الأحد.\nزيارة",
            "\"مفتوح، بلا إغلاق. ثم „هنا“ و“هناك” 3.5 و 1,200؛ نعم؟ لا! …\n",
            "«",
            "\"",
            "..",
            "1.2.3",
            "،،؛؛",
            "",
            "a\"b\nc\"d",
            "“a„b“c”",
        ]);
        texts.push(crate::testdata::sample());
        for t in &texts {
            assert_eq!(sentences(t), sentences_slow(t), "{t}");
        }
    }

    /// Every mark and quote at every place of a sixteen-byte round, after Arabic letters, ASCII
    /// and other characters, splits as the character-at-a-time model splits.
    #[test]
    fn marks_split_alike_wherever_they_fall() {
        let marks = [
            "،", "؛", "؟", ".", ",", ";", "?", "!", "\n", "…", "«ب»", "“ب”", "„ب“", "\"ب\"", "3.5",
        ];
        for fill in ["ب", "a", "ب a", "é", "\u{064C}"] {
            for n in 0..40 {
                for mark in marks {
                    let t = format!("{}{mark}{}ب", fill.repeat(n), "ت".repeat(n % 7));
                    assert_eq!(sentences(&t), sentences_slow(&t), "{t:?}");
                }
            }
        }
    }

    #[test]
    fn splits_sentences_and_pieces() {
        let text = "بلغت 67.3 مليار دولار، في 2011؛ وقال: \"نعم، لا\". وهو “مفتوح، جدا\nسطر";
        let s = sentences(text);
        let got: Vec<Vec<&str>> = s
            .iter()
            .map(|s| s.pieces.iter().map(|p| &text[p.span.clone()]).collect())
            .collect();
        assert_eq!(
            got,
            vec![
                vec!["بلغت 67.3 مليار دولار", "في 2011", "وقال: \"نعم، لا\""],
                vec!["وهو “مفتوح", "جدا"],
                vec!["سطر"],
            ]
        );
        assert!(s[0].pieces[2].after_semicolon);
        assert!(!s[0].pieces[1].after_semicolon);
    }

    #[test]
    fn empty_and_marks_only() {
        assert!(sentences("").is_empty());
        assert!(sentences(" .، ؟\n\n").is_empty());
    }

    #[test]
    fn relative_day_next_to_a_date() {
        let d = infer("وقال اليوم، الأربعاء 24 من كانون الأول، إن");
        assert_eq!(d.anchor.to_string(), "2025-12-24");
        let d = infer("وكان الوزير قد وصل أمس الاثنين 9 تموز 2012 إلى دمشق");
        assert_eq!(d.anchor.to_string(), "2012-07-10");
        assert_eq!(d.confidence, CONF_RELATIVE_EXPLICIT);
    }

    #[test]
    fn datelines() {
        let d = infer("رام الله 12-7-2012 - قال الرئيس إن");
        assert_eq!(
            (d.anchor.to_string().as_str(), d.source),
            ("2012-07-12", DateSource::Dateline)
        );
        let d = infer("30 نيسان 2012 03:04\nقال الرئيس");
        assert_eq!(d.anchor.to_string(), "2012-04-30T03:04");
        // A date inside the first sentence is not a dateline.
        let d =
            infer("أعلنت وزارة الداخلية في بلاغ لها عن إيقاف 16 عنصرا يوم 8 أفريل 2014 في الروحية.");
        assert_eq!(d.source, DateSource::LatestDate);
    }

    #[test]
    fn weekday_fixes_the_year() {
        let d = infer("زار الوزير موسكو الثلاثاء 23 كانون الأول.");
        assert_eq!(d.anchor.to_string(), "2025-12-23");
        assert_eq!(d.source, DateSource::WeekdayAgreement);
        // "اليوم الأربعاء" elsewhere moves it to the next Wednesday.
        let d = infer("زار الوزير موسكو الثلاثاء 23 كانون الأول. وقال اليوم الأربعاء إن");
        assert_eq!(d.anchor.to_string(), "2025-12-24");
    }

    #[test]
    fn year_from_the_text_before_the_clock() {
        // 15 April is a Tuesday in 2014 and 2025: the text speaks of 2014.
        let d = infer("انطلقت صباح اليوم الثلاثاء 15 أفريل فعاليات الدورة الأولى لسنة 2014.");
        assert_eq!(d.anchor.to_string(), "2014-04-15");
        // A year the text looks back on does not pull the date before it.
        let d = infer("افتتح اليوم، الأحد 5 تشرين الأول، المعرض. وكانت الدورة السابقة في صيف 2010.");
        assert_eq!(d.anchor.to_string(), "2025-10-05");
    }

    #[test]
    fn nothing_to_go_on() {
        let d = infer("لا تاريخ هنا.");
        assert_eq!(d.source, DateSource::Fallback);
        assert_eq!(d.confidence, 0.0);
    }
}
