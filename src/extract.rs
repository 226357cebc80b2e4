//! The API: [`Extractor`] finds and resolves expressions; [`Mention`] is what it returns.

use std::cell::{Cell, RefCell};
use std::ops::Range;

use chrono::Weekday;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::error::{Error, ErrorKind};
use crate::expr::Expr;
use crate::hijri;
use crate::lexicon::{Lex, Prep};
use crate::normalize::{Normalized, Spans};
use crate::recognize::{Found, recognize};
use crate::resolve::{Anchor, Ctx, Cue, Flag, Policy, resolve};
use crate::token::{Kind, Token, tokenize_normalized};
use crate::value::{Grain, Point, Value};

/// The TimeML type of a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum MentionType {
    /// A calendar date or period: `2025-12-23`, `2025-10`, `197`, `PAST_REF`.
    Date,
    /// A time of day or part of day: `2025-12-24T10:00`, `2025-12-23TEV`.
    Time,
    /// A range between two dates or times.
    Range,
    /// A length of time: `P3D`.
    Duration,
    /// A repeating time: `P1W`, `XXXX-WXX-5`.
    Set,
}

impl MentionType {
    /// `"DATE"`, `"TIME"`, `"RANGE"`, `"DURATION"` or `"SET"`.
    pub fn as_str(self) -> &'static str {
        match self {
            MentionType::Date => "DATE",
            MentionType::Time => "TIME",
            MentionType::Range => "RANGE",
            MentionType::Duration => "DURATION",
            MentionType::Set => "SET",
        }
    }
}

/// One date or time expression found in a text, and what it means.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte range in the original text (on char boundaries).
    pub span: Range<usize>,
    /// The same range in Unicode scalar values, for Python and JavaScript users.
    pub char_span: Range<usize>,
    /// The text at `span`.
    pub text: String,
    /// What the text said.
    pub expr: Expr,
    /// What it means.
    pub value: Value,
    /// Its TimeML type.
    pub kind: MentionType,
    /// The grain of the value (`None` for vague values).
    pub grain: Option<Grain>,
    /// Things worth knowing: a weekday that contradicts the date, a year chosen by a tense cue.
    pub flags: Vec<Flag>,
}

impl Serialize for Mention {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Mention", 10)?;
        st.serialize_field("start", &self.span.start)?;
        st.serialize_field("end", &self.span.end)?;
        st.serialize_field("char_start", &self.char_span.start)?;
        st.serialize_field("char_end", &self.char_span.end)?;
        st.serialize_field("text", &self.text)?;
        st.serialize_field("type", &self.kind)?;
        st.serialize_field("value", &self.value)?;
        st.serialize_field("grain", &self.grain)?;
        if !self.flags.is_empty() {
            st.serialize_field("flags", &self.flags)?;
        }
        st.serialize_field("expr", &self.expr)?;
        st.end()
    }
}

/// Finds Arabic date expressions and resolves them. A plain value: build it once, share it
/// across threads, call it as often as you like. It never reads the clock.
///
/// ```
/// use tarikh::{Anchor, Extractor};
///
/// let text = "لقاء الشيباني وبوتين جاء خلال زيارة إلى موسكو، الثلاثاء 23 كانون الأول.";
/// let anchor = Anchor::from_ymd(2025, 12, 24).unwrap();
/// let mentions = Extractor::new().extract(text, &anchor);
/// assert_eq!(mentions.len(), 1);
/// assert_eq!(mentions[0].text, "الثلاثاء 23 كانون الأول");
/// assert_eq!(mentions[0].value.to_string(), "2025-12-23");
/// assert_eq!(&text[mentions[0].span.clone()], mentions[0].text);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extractor {
    policy: Policy,
    week_start: Weekday,
    hijri: hijri::Rules,
}

// Built once, shared by every thread: no interior mutability, no locks.
const _: fn() = || {
    fn shareable<T: Send + Sync + Copy>() {}
    shareable::<Extractor>();
};

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

/// What a text is read into: its folded copy, its words, its expressions and their spans.
struct Lists {
    norm: Normalized,
    toks: Vec<Token>,
    found: Vec<Found>,
    spans: Vec<Range<usize>>,
}

impl Lists {
    const fn new() -> Lists {
        Lists {
            norm: Normalized::empty(),
            toks: Vec::new(),
            found: Vec::new(),
            spans: Vec::new(),
        }
    }

    /// Runs `f` with this thread's lists, kept from one call to the next: a parse or an
    /// article then allocates and frees none of them (for a short expression some 300 of its
    /// 9,000 instructions; for a news article about 900). Only capacity is carried over: each
    /// use clears the lists first, and lists a long text grew are dropped after it. A call
    /// inside (or after the thread's lists are gone) gets lists of its own. Inlined, with
    /// `trim`: out of line they cost a parse some 20 instructions more.
    #[inline(always)]
    fn with(f: impl FnOnce(&mut Lists)) {
        let mut f = Some(f);
        let _ = LISTS.try_with(|kept| {
            if let Ok(mut lists) = kept.try_borrow_mut()
                && let Some(f) = f.take()
            {
                f(&mut lists);
                lists.trim();
            }
        });
        if let Some(f) = f {
            f(&mut Lists::new());
        }
    }

    /// Drops lists grown past what is worth keeping.
    #[inline(always)]
    fn trim(&mut self) {
        self.norm.trim(KEPT_TEXT);
        if self.toks.capacity() > KEPT_TOKENS {
            self.toks = Vec::new();
        }
        if self.found.capacity() > KEPT_FOUND {
            self.found = Vec::new();
        }
        if self.spans.capacity() > KEPT_FOUND {
            self.spans = Vec::new();
        }
    }
}

thread_local! {
    static LISTS: RefCell<Lists> = const { RefCell::new(Lists::new()) };
}

/// The most words (a text of about 40 KB), bytes of folded text and expressions whose lists
/// are kept for the next text (see [`Lists::with`]).
const KEPT_TOKENS: usize = 1 << 13;
const KEPT_TEXT: usize = 1 << 16;
const KEPT_FOUND: usize = 1 << 9;

/// The expressions found in a text before resolution, in order, and their spans in the
/// original. Two lists rather than one of pairs, so that the expressions stay where the grammar
/// put them instead of being moved into a new list.
#[derive(Debug, Default)]
struct Finds {
    found: Vec<Found>,
    spans: Vec<Range<usize>>,
}

/// A text read by [`Extractor::prepare`]: its expressions found, waiting for an anchor.
#[derive(Debug)]
pub struct Prepared<'t> {
    extractor: Extractor,
    text: &'t str,
    norm: Normalized,
    toks: Vec<Token>,
    finds: Finds,
}

impl Prepared<'_> {
    /// The folded copy of the text, with its map back.
    pub(crate) fn folded(&self) -> &Normalized {
        &self.norm
    }

    /// The text that was read.
    pub fn text(&self) -> &str {
        self.text
    }

    /// The mentions of the text against `anchor`: the same as [`Extractor::extract`].
    pub fn extract(&self, anchor: &Anchor) -> Vec<Mention> {
        let mut out = Vec::new();
        self.resolve_into(anchor, &mut out);
        out
    }

    /// The mentions and errors of the text against `anchor`: the same as
    /// [`Extractor::extract_all`].
    pub fn extract_all(&self, anchor: &Anchor) -> Vec<Result<Mention, Error>> {
        let mut out = Vec::new();
        self.resolve_into(anchor, &mut out);
        out
    }

    /// Resolves what was found against `anchor`, appending to `out`. Each mention gets a copy
    /// of its expression: the text may be resolved again.
    fn resolve_into<O: Out>(&self, anchor: &Anchor, out: &mut Vec<O>) {
        self.extractor.resolve_into(
            self.text,
            &self.norm,
            &self.toks,
            self.finds.found.as_slice(),
            &self.finds.spans,
            false,
            anchor,
            out,
        );
    }
}

impl Extractor {
    /// An extractor with the news policy, weeks starting on Monday (ISO weeks) and Umm al-Qura
    /// Hijri dates.
    pub const fn new() -> Extractor {
        Extractor {
            policy: Policy::News,
            week_start: Weekday::Mon,
            hijri: hijri::Rules::UmmAlQura,
        }
    }

    /// Sets how underspecified expressions are read (see [`Policy`]).
    pub const fn policy(mut self, policy: Policy) -> Extractor {
        self.policy = policy;
        self
    }

    /// Sets the first day of the week for "الأسبوع الماضي" and friends. With Monday (the
    /// default) weeks are ISO weeks (`2025-W52`); with any other day they are day ranges.
    pub const fn week_start(mut self, day: Weekday) -> Extractor {
        self.week_start = day;
        self
    }

    /// Sets the rules for Hijri dates (Umm al-Qura by default, tabular outside its table).
    pub const fn hijri_rules(mut self, rules: hijri::Rules) -> Extractor {
        self.hijri = rules;
        self
    }

    /// The policy in use.
    pub const fn get_policy(&self) -> Policy {
        self.policy
    }

    /// Finds every date and time expression in `text` and resolves it against `anchor`.
    /// Expressions that name no real date ("31 شباط 2025") are skipped; use
    /// [`Extractor::extract_all`] to see them as errors.
    pub fn extract(&self, text: &str, anchor: &Anchor) -> Vec<Mention> {
        let mut out = Vec::new();
        self.extract_into(text, anchor, STRETCH, &mut out);
        out
    }

    /// Like [`Extractor::extract`], but keeps what could not be resolved as errors, in order.
    ///
    /// ```
    /// use tarikh::{Anchor, Extractor};
    ///
    /// let anchor = Anchor::from_ymd(2025, 3, 1).unwrap();
    /// let all = Extractor::new().extract_all("من 31 شباط 2025 إلى اليوم", &anchor);
    /// assert!(all.iter().any(|r| r.is_err()));
    /// ```
    pub fn extract_all(&self, text: &str, anchor: &Anchor) -> Vec<Result<Mention, Error>> {
        let mut out = Vec::new();
        self.extract_into(text, anchor, STRETCH, &mut out);
        out
    }

    /// Extracts from `text` a stretch of about `stretch` bytes at a time, cut after a line
    /// break, or after a sentence's full stop in a line longer than that ([`sentence_end`]). No
    /// expression, clause or pair of dates crosses either, and whether the last word before a
    /// piece was من (which makes "المقرر" after a clause mark a plan) is handed on, so the
    /// result is the same as reading the text whole; but a long document's folded copy and
    /// words stay small enough to sit in the processor's cache, and its memory stays bounded.
    fn extract_into<O: Out>(&self, text: &str, anchor: &Anchor, stretch: usize, out: &mut Vec<O>) {
        Lists::with(|lists| self.extract_with(text, anchor, stretch, lists, out));
    }

    /// [`Extractor::extract_into`] with lists to read each stretch into.
    fn extract_with<O: Out>(
        &self,
        text: &str,
        anchor: &Anchor,
        stretch: usize,
        lists: &mut Lists,
        out: &mut Vec<O>,
    ) {
        let bytes = text.as_bytes();
        let mut start = 0;
        let mut chars_before = 0;
        // Where the last search for a line break began, and what it found: a long line is cut
        // at many full stops, and is searched for its end once.
        let mut known: Option<(usize, Option<usize>)> = None;
        // Whether the last word before the piece was من: its sense reaches over the clause
        // mark the piece starts with ("من. المقرر" is a plan), and the piece is told.
        let mut min_before = false;
        while start < text.len() {
            // The next line break after `stretch` bytes; if that line goes on for another
            // stretch, the next full stop ending a sentence in it; or the end.
            let from = start.saturating_add(stretch.max(1));
            let line = match known {
                Some((searched, found)) if searched <= from && found.is_none_or(|l| l >= from) => {
                    found
                }
                _ => {
                    let found = bytes
                        .get(from..)
                        .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
                        .map(|at| from + at);
                    known = Some((from, found));
                    found
                }
            };
            let (cut, mark) = match line {
                Some(at) if at - from < stretch => (at, 1),
                _ => match sentence_end(bytes, from, line.unwrap_or(text.len())) {
                    Some(at) => (at, 2),
                    None => (line.unwrap_or(text.len()), 1),
                },
            };
            // The piece keeps its line break (or full stop and space), and the next piece
            // starts with it: each side sees the break as in the whole text.
            let end = (cut + mark).min(text.len());
            let Some(piece) = text.get(start..end) else {
                break;
            };
            let first = out.len();
            // As `prepare` and `resolve_into` do, into the lists.
            let Lists {
                norm,
                toks,
                found,
                spans,
            } = lists;
            norm.refold(piece);
            tokenize_normalized(norm, toks);
            self.find_into(norm, toks, found, spans);
            self.resolve_into(
                piece,
                norm,
                toks,
                found.drain(..),
                spans,
                min_before,
                anchor,
                out,
            );
            // The last word of the piece, for the first clause of the next.
            if let Some(min) = last_word_is_min(norm.as_str(), toks) {
                min_before = min;
            }
            if start > 0 {
                for o in out.get_mut(first..).unwrap_or(&mut []) {
                    o.shift(start, chars_before);
                }
            }
            if end >= text.len() {
                break;
            }
            chars_before += count_chars(text.get(start..cut).unwrap_or(""));
            start = cut;
        }
    }

    /// Reads `text` once (folds it, splits it into words, finds its expressions) so that it can
    /// be resolved against several anchors without reading it again: inferring a document's
    /// date, then extracting against that date, reads the text once.
    ///
    /// ```
    /// use tarikh::{Anchor, Extractor};
    ///
    /// let x = Extractor::new();
    /// let read = x.prepare("وصل الوفد أمس");
    /// let a = read.extract(&Anchor::from_ymd(2025, 12, 24).unwrap());
    /// let b = read.extract(&Anchor::from_ymd(2012, 7, 10).unwrap());
    /// assert_eq!((a[0].value.to_string(), b[0].value.to_string()), ("2025-12-23".into(), "2012-07-09".into()));
    /// assert_eq!(a, x.extract("وصل الوفد أمس", &Anchor::from_ymd(2025, 12, 24).unwrap()));
    /// ```
    pub fn prepare<'t>(&self, text: &'t str) -> Prepared<'t> {
        let norm = Normalized::new(text);
        let mut toks = Vec::new();
        tokenize_normalized(&norm, &mut toks);
        let finds = self.find(&norm, &toks);
        Prepared {
            extractor: *self,
            text,
            norm,
            toks,
            finds,
        }
    }

    /// Reads `input` as one whole expression. Leading and trailing prepositions that carry no
    /// meaning (في، عند، حوالي) and punctuation are allowed around it.
    ///
    /// ```
    /// use tarikh::{Anchor, Extractor, ErrorKind};
    ///
    /// let anchor = Anchor::from_ymd(2013, 2, 12).unwrap();
    /// let x = Extractor::new();
    /// assert_eq!(x.parse("في الأول من آذار", &anchor).unwrap().value.to_string(), "2013-03-01");
    /// let err = x.parse("زار الوزير موسكو أمس", &anchor).unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::NotWhole { .. }));
    /// ```
    pub fn parse(&self, input: &str, anchor: &Anchor) -> Result<Mention, Error> {
        // The result is put in one place and moved once, when returned.
        let mut slot = None;
        Lists::with(|lists| {
            self.parse_into(input, anchor, lists, &mut slot);
        });
        slot.unwrap_or_else(|| Err(Error::new(ErrorKind::NoExpression, 0..input.len(), input)))
    }

    /// [`Extractor::parse`] with lists for the words and the expressions, into `slot`. Kept
    /// out of line: inlined into the closure that lends it the lists, the mention it builds
    /// was copied twice more on its way to `slot` (some 60 instructions).
    #[inline(never)]
    fn parse_into(
        &self,
        input: &str,
        anchor: &Anchor,
        lists: &mut Lists,
        slot: &mut Option<Result<Mention, Error>>,
    ) {
        let Lists {
            norm, toks, found, ..
        } = lists;
        norm.refold(input);
        let norm: &Normalized = norm;
        tokenize_normalized(norm, toks);
        let toks: &[Token] = toks;
        found.clear();
        recognize(norm.as_str(), toks, found);
        // As `find` does, without a list of spans: only the one expression's is needed.
        let mut map = norm.spans();
        // The first expression's span, kept: the only one needed. Expressions without one are
        // dropped, in a second pass that is almost never needed.
        let mut span = None;
        let mut spanless = false;
        for f in found.iter() {
            match span_of(&mut map, toks, f) {
                None => spanless = true,
                s if span.is_none() => span = s,
                Some(_) => {}
            }
        }
        if spanless {
            let mut map = norm.spans();
            found.retain(|f| span_of(&mut map, toks, f).is_some());
        }
        let whole = 0..input.len();
        let (Some(first), Some(span)) = (found.first(), span) else {
            *slot = Some(Err(Error::new(ErrorKind::NoExpression, whole, input)));
            return;
        };
        let covered = first.first..first.last;
        let ignorable = |i: usize, t: &Token| {
            covered.contains(&i)
                || matches!(t.kind, Kind::Punct(_))
                || matches!(
                    t.entry.map(|e| e.lex),
                    Some(Lex::Prep(Prep::In | Prep::Around)) | Some(Lex::And)
                )
        };
        let count = found.len();
        if count > 1 || !toks.iter().enumerate().all(|(i, t)| ignorable(i, t)) {
            *slot = Some(Err(Error::new(
                ErrorKind::NotWhole { found: count },
                whole,
                input,
            )));
            return;
        }
        // One result, into a slot rather than a list; the expression moves into it.
        let spans = std::slice::from_ref(&span);
        self.resolve_into(
            input,
            norm,
            toks,
            found.drain(..),
            spans,
            false,
            anchor,
            slot,
        );
    }

    fn find(&self, norm: &Normalized, toks: &[Token]) -> Finds {
        let mut finds = Finds::default();
        self.find_into(norm, toks, &mut finds.found, &mut finds.spans);
        finds
    }

    /// The expressions of `toks` and their spans in the original text, into emptied lists.
    fn find_into(
        &self,
        norm: &Normalized,
        toks: &[Token],
        found: &mut Vec<Found>,
        spans: &mut Vec<Range<usize>>,
    ) {
        found.clear();
        spans.clear();
        recognize(norm.as_str(), toks, found);
        spans.reserve(found.len());
        // The expressions come in order, so their spans are mapped front to back.
        let mut map = norm.spans();
        found.retain(|f| {
            let span = span_of(&mut map, toks, f);
            spans.extend(span.clone());
            span.is_some()
        });
    }

    /// Resolves the found expressions in order into `out`, which keeps every result or only
    /// the mentions: [`Extractor::extract`] then needs no second pass to drop the errors.
    /// `min_before`: the last word before `text`, when it is a piece of a longer text, was من.
    #[allow(clippy::too_many_arguments)]
    fn resolve_into(
        &self,
        text: &str,
        norm: &Normalized,
        toks: &[Token],
        found: impl FoundList,
        spans: &[Range<usize>],
        min_before: bool,
        anchor: &Anchor,
        out: &mut impl Sink,
    ) {
        // Asked only by the readings a future cue can change (see `Cue`).
        let mut cues = FutureCues::new(norm.as_str(), toks);
        cues.prev_min = min_before;
        let cues = Cell::new(cues);
        let mut chars = CharCounter::default();
        let pairs = corresponding_pairs(toks, found.as_slice());
        let paired = |k: usize| pairs.binary_search(&k).is_ok();
        out.reserve(found.as_slice().len());
        // The first and last day of the previous expression, if it resolved.
        let mut prev_days = None;
        for (k, (item, span)) in found.into_iter().zip(spans).enumerate() {
            let first = item.found().first;
            let ask = || {
                let mut c = cues.get();
                let future = c.at(first);
                cues.set(c);
                future
            };
            let ctx = Ctx {
                anchor: *anchor,
                policy: self.policy,
                week_start: self.week_start,
                hijri: self.hijri,
                future_cue: Cue(&ask),
            };
            let span = span.clone();
            let piece = text.get(span.clone()).unwrap_or("");
            let (value, flags) = match resolve(&item.found().expr, &ctx) {
                Ok(resolved) => resolved,
                Err(kind) => {
                    prev_days = None;
                    out.put_error(|| Error::new(kind, span, piece));
                    continue;
                }
            };
            let mut m = Mention {
                kind: kind_of(&value),
                grain: value.grain(),
                char_span: chars.span(text, &span),
                text: piece.to_string(),
                span: span.clone(),
                expr: item.into_expr(),
                value,
                flags,
            };
            // Two dates given as one day ("1 رمضان 1446هـ الموافق 2 آذار 2025") must agree.
            let after_pair = k.checked_sub(1).is_some_and(paired);
            let days = (paired(k) || after_pair).then(|| (m.value.first_day(), m.value.last_day()));
            if let (Some(a), Some(b)) = (prev_days, days)
                && after_pair
                && a != b
            {
                m.flags.push(Flag::CalendarMismatch);
                // The previous expression resolved, so it is the last one out.
                if let Some(p) = out.last_mention() {
                    p.flags.push(Flag::CalendarMismatch);
                }
            }
            prev_days = days;
            out.put_mention(m);
        }
    }
}

/// The found expressions that [`Extractor::resolve_into`] reads: borrowed from a text that may
/// be resolved again, or drained from a list read once (each expression moves into its
/// mention).
trait FoundList: IntoIterator<Item: Take> {
    /// The expressions, in order.
    fn as_slice(&self) -> &[Found];
}

impl FoundList for &[Found] {
    fn as_slice(&self) -> &[Found] {
        self
    }
}

impl FoundList for std::vec::Drain<'_, Found> {
    fn as_slice(&self) -> &[Found] {
        std::vec::Drain::as_slice(self)
    }
}

/// One found expression of a [`FoundList`], and how its mention gets the expression.
trait Take {
    /// The expression and its tokens.
    fn found(&self) -> &Found;
    /// The expression, for the mention: copied when borrowed, moved when owned.
    fn into_expr(self) -> Expr;
}

impl Take for &Found {
    fn found(&self) -> &Found {
        self
    }
    fn into_expr(self) -> Expr {
        self.expr.clone()
    }
}

impl Take for Found {
    fn found(&self) -> &Found {
        self
    }
    fn into_expr(self) -> Expr {
        self.expr
    }
}

/// The span in the original text of the tokens of `f`, through `map`.
fn span_of(map: &mut Spans, toks: &[Token], f: &Found) -> Option<Range<usize>> {
    let start = toks.get(f.first)?.core_start() as usize;
    let end = toks.get(f.last.checked_sub(1)?)?.end as usize;
    Some(map.span(start..end))
}

/// Where [`Extractor::resolve_into`] puts its results: a list of [`Out`], or the one slot that
/// [`Extractor::parse`] needs, which costs no allocation.
trait Sink {
    /// Makes room for `n` more results.
    fn reserve(&mut self, n: usize);
    /// The last result put, if it is a mention.
    fn last_mention(&mut self) -> Option<&mut Mention>;
    /// Puts a mention.
    fn put_mention(&mut self, m: Mention);
    /// Puts an error, made only if it is kept.
    fn put_error(&mut self, e: impl FnOnce() -> Error);
}

impl<O: Out> Sink for Vec<O> {
    fn reserve(&mut self, n: usize) {
        Vec::reserve(self, n);
    }
    fn last_mention(&mut self) -> Option<&mut Mention> {
        self.last_mut().and_then(O::mention)
    }
    #[inline(always)]
    fn put_mention(&mut self, m: Mention) {
        self.push(O::from_mention(m));
    }
    fn put_error(&mut self, e: impl FnOnce() -> Error) {
        self.extend(O::from_error(e));
    }
}

/// Keeps the last result only.
impl Sink for Option<Result<Mention, Error>> {
    fn reserve(&mut self, _: usize) {}
    fn last_mention(&mut self) -> Option<&mut Mention> {
        self.as_mut().and_then(|r| r.as_mut().ok())
    }
    fn put_mention(&mut self, m: Mention) {
        *self = Some(Ok(m));
    }
    fn put_error(&mut self, e: impl FnOnce() -> Error) {
        *self = Some(Err(e()));
    }
}

/// What [`Extractor::resolve_into`] fills: every result, or only the mentions.
trait Out: Sized {
    /// Wraps a mention.
    fn from_mention(m: Mention) -> Self;
    /// Wraps an error, made only if it is kept; `None` drops it.
    fn from_error(e: impl FnOnce() -> Error) -> Option<Self>;
    /// The mention inside, if there is one.
    fn mention(&mut self) -> Option<&mut Mention>;
    /// Moves the spans on by `bytes` and `chars`: the offset of the piece of text read.
    fn shift(&mut self, bytes: usize, chars: usize);
}

impl Mention {
    fn shift(&mut self, bytes: usize, chars: usize) {
        self.span = self.span.start + bytes..self.span.end + bytes;
        self.char_span = self.char_span.start + chars..self.char_span.end + chars;
    }
}

/// Texts longer than this are read a stretch at a time (see `Extractor::extract_into`).
const STRETCH: usize = 1 << 16;

/// The first full stop in `bytes[from..upto]` that ends a sentence, where a long line may be
/// cut: followed by a space, so that it is no decimal point and no part of a date ("12.7.2012",
/// which no space breaks), and a clause mark for the future-tense cues (whose one state from
/// clause to clause, whether the last word was من, is handed to the next piece).
fn sentence_end(bytes: &[u8], from: usize, upto: usize) -> Option<usize> {
    bytes
        .get(from..upto)
        .and_then(|rest| rest.windows(2).position(|w| w == b". "))
        .map(|k| from + k)
}

impl Out for Mention {
    fn from_mention(m: Mention) -> Mention {
        m
    }
    fn from_error(_: impl FnOnce() -> Error) -> Option<Mention> {
        None
    }
    fn mention(&mut self) -> Option<&mut Mention> {
        Some(self)
    }
    fn shift(&mut self, bytes: usize, chars: usize) {
        Mention::shift(self, bytes, chars);
    }
}

impl Out for Result<Mention, Error> {
    fn from_mention(m: Mention) -> Self {
        Ok(m)
    }
    fn from_error(e: impl FnOnce() -> Error) -> Option<Self> {
        Some(Err(e()))
    }
    fn mention(&mut self) -> Option<&mut Mention> {
        self.as_mut().ok()
    }
    fn shift(&mut self, bytes: usize, chars: usize) {
        match self {
            Ok(m) => m.shift(bytes, chars),
            Err(e) => e.shift(bytes),
        }
    }
}

/// Indices `i` of found expressions followed by "الموافق" and expression `i + 1`.
fn corresponding_pairs(toks: &[Token], found: &[Found]) -> Vec<usize> {
    if found.len() < 2 {
        // No pair (every parse).
        return Vec::new();
    }
    found
        .windows(2)
        .enumerate()
        .filter(|(_, w)| {
            let between = match w {
                [a, b] => toks.get(a.last..b.first).unwrap_or(&[]),
                _ => &[],
            };
            // Most gaps between expressions fail `all` at their first word: test it first.
            between.iter().all(|t| {
                matches!(t.kind, Kind::Punct(',' | '(' | ')' | '-'))
                    || t.entry
                        .is_some_and(|e| matches!(e.lex, Lex::Corresponding | Lex::Prep(Prep::In)))
            }) && between
                .iter()
                .any(|t| t.entry.is_some_and(|e| e.lex == Lex::Corresponding))
        })
        .map(|(i, _)| i)
        .collect()
}

fn kind_of(v: &Value) -> MentionType {
    match v {
        Value::Point(Point::Time { .. } | Point::PartOfDay { .. }) => MentionType::Time,
        Value::Point(_) | Value::Vague(_) => MentionType::Date,
        Value::Range(..) => MentionType::Range,
        Value::Duration(_) => MentionType::Duration,
        Value::Set(_) => MentionType::Set,
    }
}

/// Counts chars up to increasing byte offsets, in one pass over the text.
#[derive(Default)]
struct CharCounter {
    byte: usize,
    chars: usize,
}

/// The number of chars in `s`: its bytes that do not continue a char (`10xxxxxx`). Blocks of
/// 64 bytes are summed into one byte each, which the compiler does 16 bytes per vector step;
/// the last, short block is copied into a block of zeros (each zero a char, taken off after)
/// rather than read a byte at a time, since the stretch between two spans is often short.
/// `str::chars().count()` reads a word at a time, and byte by byte below 32 bytes.
fn count_chars(s: &str) -> usize {
    let starts = |b: &[u8; 64]| {
        let n = b
            .iter()
            .fold(0u8, |n, &b| n.wrapping_add(u8::from((b as i8) >= -0x40)));
        usize::from(n)
    };
    let blocks = s.as_bytes().chunks_exact(64);
    let tail = blocks.remainder();
    let mut last = [0u8; 64];
    if let Some(head) = last.get_mut(..tail.len()) {
        head.copy_from_slice(tail);
    }
    blocks
        .filter_map(|b| <&[u8; 64]>::try_from(b).ok())
        .map(starts)
        .sum::<usize>()
        + starts(&last)
        - (64 - tail.len())
}

impl CharCounter {
    fn to(&mut self, text: &str, byte: usize) -> usize {
        if byte == self.byte {
            // Nothing to count: a span at the start of the text (every parse).
            return self.chars;
        }
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += text.get(self.byte..byte).map_or(0, count_chars);
        self.byte = byte;
        self.chars
    }

    fn span(&mut self, text: &str, span: &Range<usize>) -> Range<usize> {
        let a = self.to(text, span.start);
        let b = self.to(text, span.end);
        a..b
    }
}

/// Which clauses point to the future: سوف، سـ + an imperfect verb, من المقرر/المنتظر/المتوقع.
/// Small and `Copy`, so that resolution can ask it through a shared [`Cell`].
#[derive(Clone, Copy)]
struct FutureCues<'a> {
    folded: &'a str,
    toks: &'a [Token],
    /// The next token to read, and whether the last word before it was من.
    next: usize,
    prev_min: bool,
    /// The clause read last (token range) and whether it points to the future.
    clause: (usize, usize),
    future: bool,
}

/// Nouns that begin like a future verb (سـ + ي/ت/ن).
const NOT_VERBS: &[&str] = &[
    "سياسة",
    "سياسي",
    "سياسية",
    "سياسيا",
    "سياسيين",
    "سياسيون",
    "سياسات",
    "سيارة",
    "سيارات",
    "سياق",
    "سياحة",
    "سياحي",
    "سياحية",
    "سيد",
    "سيدة",
    "سيدات",
    "سيطرة",
    "سيطرته",
    "سيناء",
    "سينما",
    "سينمائي",
    "سيناريو",
    "سيول",
    "سيف",
    "سيرة",
    "سير",
    "سيرا",
    "ستة",
    "ستين",
    "ستون",
    "ستار",
    "ستوديو",
    "سنة",
    "سنوات",
    "سنوي",
    "سنوية",
    "سنويا",
    "سنين",
    "سنتين",
    "سنتان",
    "سندات",
    "سند",
    "سنغافورة",
    "سنغال",
    "سنت",
    "سيادة",
    "سيادي",
    "سيادية",
    "ستائر",
    "سيرفر",
    "سيليكون",
    "سيمفونية",
    "سيبيريا",
    "سيدني",
    "سنوسي",
    "ستراتيجية",
    "سنبلة",
    "سيئة",
    "سيئ",
];

/// What one word says about the tense of its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Sense {
    /// سوف، سـ + an imperfect verb, يعتزم: a cue wherever it stands.
    future: bool,
    /// المقرر، المنتظر، المتوقع، المزمع: a cue right after من.
    planned: bool,
    /// A past form of كان, with its conjunction.
    kana: bool,
    /// من، ومن، فمن.
    min: bool,
}

/// The first letters below in UTF-8, as the two bytes of the word's first letter.
const SEEN: [u8; 2] = [0xD8, 0xB3]; // س
const KAF: [u8; 2] = [0xD9, 0x83]; // ك
const MEEM: [u8; 2] = [0xD9, 0x85]; // م
const YEH: [u8; 2] = [0xD9, 0x8A]; // ي
const TEH: [u8; 2] = [0xD8, 0xAA]; // ت
const ALEF: [u8; 2] = [0xD8, 0xA7]; // ا

/// Reads a word of a clause (its bytes in the folded text). Most words are none of the cue
/// words, so one dispatch on their first letter sends them away before any comparison of
/// whole words. The cue words begin with distinct letters, so at most one test applies.
#[inline(always)]
fn sense(w: &[u8]) -> Sense {
    let [a, b, rest @ ..] = w else {
        return Sense::default();
    };
    match [*a, *b] {
        // Without its conjunction (و or ف).
        [0xD9, 0x88 | 0x81] => sense_bare(rest),
        SEEN | KAF | MEEM => sense_bare(w),
        // The whole word, conjunction and all.
        YEH | TEH => Sense {
            future: w == "يعتزم".as_bytes() || w == "تعتزم".as_bytes(),
            ..Sense::default()
        },
        ALEF if matches!(w.len(), 12 | 14) => Sense {
            planned: ["المقرر", "المنتظر", "المتوقع", "المزمع"]
                .iter()
                .any(|k| w == k.as_bytes()),
            ..Sense::default()
        },
        // ستنطلق is a future verb already.
        _ => Sense::default(),
    }
}

/// [`sense`] for a word without its conjunction: سوف، سيتم or a future verb; كان and its
/// forms; من.
#[inline(always)]
fn sense_bare(bare: &[u8]) -> Sense {
    let mut s = Sense::default();
    match bare {
        [a, b, ..] if [*a, *b] == SEEN => {
            s.future = bare == "سوف".as_bytes() || bare == "سيتم".as_bytes() || is_future_verb(bare)
        }
        [a, b, ..] if [*a, *b] == KAF => {
            s.kana = ["كان", "كانت", "كانوا", "كانا", "كنا", "كنت"]
                .iter()
                .any(|k| bare == k.as_bytes())
        }
        [a, b, ..] if [*a, *b] == MEEM => s.min = bare == "من".as_bytes(),
        _ => {}
    }
    s
}

/// A token's bytes in the folded text (its text, without the check for char boundaries).
fn bytes_of<'a>(t: &Token, folded: &'a str) -> &'a [u8] {
    folded
        .as_bytes()
        .get(t.start as usize..t.end as usize)
        .unwrap_or(&[])
}

/// سـ + ي/ت/ن and at least five letters, and not a noun that begins so: a future verb.
fn is_future_verb(w: &[u8]) -> bool {
    // س, then ي, ت or ن, in UTF-8.
    let starts = matches!(
        w,
        [0xD8, 0xB3, 0xD9, 0x8A, ..] | [0xD8, 0xB3, 0xD8, 0xAA, ..] | [0xD8, 0xB3, 0xD9, 0x86, ..]
    );
    // Characters are the bytes that do not continue one.
    let chars = || w.iter().filter(|&&b| b & 0xC0 != 0x80).count();
    starts && chars() >= 5 && !NOT_VERBS.iter().any(|n| n.as_bytes() == w)
}

impl<'a> FutureCues<'a> {
    fn new(folded: &'a str, toks: &'a [Token]) -> FutureCues<'a> {
        FutureCues {
            folded,
            toks,
            next: 0,
            prev_min: false,
            clause: (0, 0),
            future: false,
        }
    }

    /// Whether the clause of token `token` points to the future. Mentions come in order, so
    /// the clauses are read once, front to back, and only those holding a mention asked about
    /// are examined; the answer does not depend on which tokens were asked about before.
    fn at(&mut self, token: usize) -> bool {
        if token >= self.toks.len() {
            return false;
        }
        if (self.clause.0..self.clause.1).contains(&token) {
            return self.future;
        }
        if token < self.next {
            *self = FutureCues::new(self.folded, self.toks);
        }
        let toks = self.toks;
        // Clauses run from a clause mark (or `next`) to the next mark: the clause of `token`
        // starts at the last mark after `next` up to it. Found by looking back from `token`,
        // so the clauses skipped since the last question are not split one by one.
        let start = toks
            .get(self.next + 1..=token)
            .and_then(|before| before.iter().rposition(is_clause_mark))
            .map_or(self.next, |k| self.next + 1 + k);
        // Only the last word before the clause matters to it; `prev_min` already says whether
        // the last word before `next` was من.
        if let Some(min) = toks
            .get(self.next..start)
            .and_then(|skipped| last_word_is_min(self.folded, skipped))
        {
            self.prev_min = min;
        }
        let mut future = false;
        // "وكان من المتوقع", "كان سيزور": a future seen from the past is no cue.
        let mut after_kana = 0u8;
        // The clause ends at the next mark, found in the same pass as its words are read.
        let mut end = toks.len();
        for (k, t) in toks.iter().enumerate().skip(start) {
            if t.kind != Kind::Word {
                if k > start && is_clause_mark(t) {
                    end = k;
                    break;
                }
                continue;
            }
            let w = sense(bytes_of(t, self.folded));
            let cue = w.future || (self.prev_min && w.planned);
            future |= cue && after_kana == 0;
            after_kana = if w.kana {
                3
            } else {
                after_kana.saturating_sub(1)
            };
            self.prev_min = w.min;
        }
        self.next = end;
        self.clause = (start, end);
        self.future = future;
        future
    }
}

/// Whether the last word of `toks` is من (with و or ف), `None` if they hold no word: what a
/// clause tells the next ([`FutureCues`]).
fn last_word_is_min(folded: &str, toks: &[Token]) -> Option<bool> {
    let t = toks.iter().rev().find(|t| t.kind == Kind::Word)?;
    Some(sense(bytes_of(t, folded)).min)
}

fn is_clause_mark(t: &Token) -> bool {
    matches!(
        t.kind,
        Kind::Punct(',' | ';' | '.' | '!' | '?' | ':' | '\n')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts read one after another into the lists kept on the thread give what texts read
    /// into new lists give: nothing of a longer text read before is left over, by extract or
    /// by parse, whichever ran last.
    #[test]
    fn kept_lists_forget_the_last_text() {
        let x = Extractor::new();
        let anchor = Anchor::from_ymd(2025, 12, 24).unwrap_or_else(|| unreachable!());
        let long = "في 23 كانون الأول 2025، وأمس، ومن 1 إلى 3 آذار\n".repeat(2000);
        let texts = [
            long.as_str(),
            "أمس",
            "",
            "الثلاثاء 23 كانون الأول",
            "من 23 إلى 24 كانون الأول",
            long.as_str(),
            "٢٣ رمضان ١٤٤٦هـ",
            "لا تاريخ هنا",
            "أمس",
        ];
        for t in texts {
            let fresh = x.prepare(t);
            assert_eq!(x.extract_all(t, &anchor), fresh.extract_all(&anchor), "{t}");
            assert_eq!(x.extract(t, &anchor), fresh.extract(&anchor), "{t}");
            let whole = x.parse(t, &anchor);
            let mentions = fresh.extract_all(&anchor);
            if let Ok(m) = &whole {
                assert_eq!(mentions.len(), 1, "{t}");
                assert_eq!(
                    mentions.first().and_then(|r| r.as_ref().ok()),
                    Some(m),
                    "{t}"
                );
            }
        }
    }

    /// Reading a long text a stretch of lines at a time finds the same mentions and errors,
    /// with the same spans, as reading it whole: cut after every line and after a few.
    #[test]
    fn stretches_of_lines_read_as_the_whole() {
        let data = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
        let mut texts: Vec<String> = ["cases.tsv", "cases-hijri.tsv", "ant-jawharafm-sample.jsonl"]
            .iter()
            .map(|f| std::fs::read_to_string(format!("{data}/{f}")).unwrap_or_default())
            .map(|t| t.replace("\\n", "\n"))
            .collect();
        texts.push(
            "\n\nأمس\n\r\nفي 23 كانون الأول 2025\n1 رمضان 1446هـ\nالموافق 1 آذار 2025\n\u{064E}اليوم\n"
                .to_string(),
        );
        texts.push("من 31 شباط 2025\nإلى اليوم 24:99\n".repeat(20));
        // Long lines, cut after full stops: the sample as one line, and sentences whose last
        // word carries into the next clause ("من. المقرر": a future cue), decimals and dates
        // with points.
        let sample = texts.get(2).map_or("", |t| t.as_str());
        let lines: Vec<&str> = sample.lines().take(60).collect();
        texts.push(lines.join(" "));
        texts.push(
            "وقال من. المقرر عقد الاجتماع في 20 كانون الأول. ارتفع 3. 5 بالمئة في 12.7.2012. \
             وصل أمس. ومن. المنتظر أن يزور موسكو في 15 من تشرين الأول. "
                .repeat(30),
        );
        // The same across line breaks.
        texts.push("قال إن من\nالمقرر عقد الاجتماع في 20 كانون الأول\nوصل أمس\n".repeat(30));
        let x = Extractor::new();
        let anchor = Anchor::from_ymd(2025, 12, 24).unwrap_or_else(|| unreachable!());
        for text in &texts {
            assert!(text.len() > 100);
            let mut whole: Vec<Result<Mention, Error>> = Vec::new();
            x.extract_into(text, &anchor, usize::MAX, &mut whole);
            assert_eq!(whole, x.prepare(text).extract_all(&anchor));
            for stretch in [0, 1, 40, 1000, 30_000] {
                let mut pieces: Vec<Result<Mention, Error>> = Vec::new();
                x.extract_into(text, &anchor, stretch, &mut pieces);
                assert_eq!(pieces, whole, "stretch {stretch}");
                let mut found: Vec<Mention> = Vec::new();
                x.extract_into(text, &anchor, stretch, &mut found);
                let ok: Vec<Mention> = whole.iter().filter_map(|r| r.clone().ok()).collect();
                assert_eq!(found, ok, "stretch {stretch}");
            }
        }
    }

    /// The word tests as they were written before [`sense`], on strings: its reference.
    fn is_future_word(w: &str) -> bool {
        let w = w
            .strip_prefix('و')
            .or_else(|| w.strip_prefix('ف'))
            .unwrap_or(w);
        if w == "سوف" || w == "سيتم" {
            return true;
        }
        let mut cs = w.chars();
        if cs.next() != Some('س') || !matches!(cs.next(), Some('ي' | 'ت' | 'ن')) {
            return false;
        }
        w.chars().count() >= 5 && !NOT_VERBS.contains(&w)
    }

    fn is_kana(w: &str) -> bool {
        let w = w
            .strip_prefix('و')
            .or_else(|| w.strip_prefix('ف'))
            .unwrap_or(w);
        matches!(w, "كان" | "كانت" | "كانوا" | "كانا" | "كنا" | "كنت")
    }

    fn sense_by_strings(w: &str) -> Sense {
        Sense {
            future: is_future_word(w) || matches!(w, "يعتزم" | "تعتزم" | "ستنطلق"),
            planned: matches!(w, "المقرر" | "المنتظر" | "المتوقع" | "المزمع"),
            kana: is_kana(w),
            min: matches!(w, "من" | "ومن" | "فمن"),
        }
    }

    #[test]
    fn future_words() {
        for w in ["سيزور", "ستعقد", "سنعمل", "وسيلتقي", "سوف"] {
            assert!(is_future_word(w), "{w}");
            assert!(sense(w.as_bytes()).future, "{w}");
        }
        for w in ["سياسة", "سنة", "ستة", "سيارة", "سوريا", "سبت"] {
            assert!(!is_future_word(w), "{w}");
            assert!(!sense(w.as_bytes()).future, "{w}");
        }
    }

    #[test]
    fn sense_agrees_with_string_matching() {
        // Every cue word, with and without a conjunction, and every word of the bundled texts.
        let mut words: Vec<String> = [
            "سوف",
            "سيتم",
            "من",
            "كان",
            "كانت",
            "كانوا",
            "كانا",
            "كنا",
            "كنت",
            "المقرر",
            "المنتظر",
            "المتوقع",
            "المزمع",
            "يعتزم",
            "تعتزم",
            "ستنطلق",
            "سيزور",
            "س",
            "سي",
            "سيت",
            "ستن",
            "سنعم",
            "",
        ]
        .iter()
        .chain(NOT_VERBS)
        .flat_map(|w| {
            [
                w.to_string(),
                format!("و{w}"),
                format!("ف{w}"),
                format!("وو{w}"),
            ]
        })
        .collect();
        for file in [
            "tests/data/ant-jawharafm-sample.jsonl",
            "tests/data/cases.tsv",
        ] {
            let text = std::fs::read_to_string(file).unwrap_or_default();
            let norm = Normalized::new(&text);
            let mut toks = Vec::new();
            tokenize_normalized(&norm, &mut toks);
            words.extend(
                toks.iter()
                    .filter(|t| t.kind == Kind::Word)
                    .map(|t| t.text(norm.as_str()).to_string()),
            );
        }
        assert!(words.len() > 10_000);
        for w in &words {
            assert_eq!(sense(w.as_bytes()), sense_by_strings(w), "{w}");
        }
    }

    /// The clause reading as first written, from the start of the text for each question:
    /// the reference for [`FutureCues::at`].
    fn future_by_walking(folded: &str, toks: &[Token], token: usize) -> bool {
        let (mut next, mut prev_min) = (0, false);
        let min = |t: &Token| matches!(t.text(folded), "من" | "ومن" | "فمن");
        while next < toks.len() && token < toks.len() {
            let start = next;
            let end = toks
                .get(start + 1..)
                .and_then(|rest| rest.iter().position(is_clause_mark))
                .map_or(toks.len(), |k| start + 1 + k);
            let clause = toks.get(start..end).unwrap_or(&[]);
            next = end;
            if token >= end {
                if let Some(t) = clause.iter().rev().find(|t| t.kind == Kind::Word) {
                    prev_min = min(t);
                }
                continue;
            }
            let mut future = false;
            let mut after_kana = 0u8;
            for t in clause.iter().filter(|t| t.kind == Kind::Word) {
                let w = t.text(folded);
                let cue = is_future_word(w)
                    || (prev_min && matches!(w, "المقرر" | "المنتظر" | "المتوقع" | "المزمع"))
                    || matches!(w, "يعتزم" | "تعتزم" | "ستنطلق");
                future |= cue && after_kana == 0;
                after_kana = if is_kana(w) {
                    3
                } else {
                    after_kana.saturating_sub(1)
                };
                prev_min = min(t);
            }
            return future;
        }
        false
    }

    #[test]
    fn future_cues_answer_alike_whatever_was_asked_before() {
        let text = crate::testdata::sample();
        let mut lines: Vec<String> = text.lines().take(80).map(str::to_string).collect();
        // Clause marks in a row, at the start and end, words after them, من before a clause.
        lines.extend(
            [
                ", من، المقرر أن يزور الوفد موسكو الثلاثاء. وقال إنه سيزور 3 آذار",
                "..،، 5 ، 6 ; ومن . المتوقع 7 آذار ؟ كان سيزور 4 نيسان",
                "سوف",
                "",
                "، ، ،",
            ]
            .map(str::to_string),
        );
        let mut futures = 0;
        for line in &lines {
            let norm = Normalized::new(line);
            let mut toks = Vec::new();
            tokenize_normalized(&norm, &mut toks);
            let reference = |t: usize| future_by_walking(norm.as_str(), &toks, t);
            for step in [1, 2, 3, 17] {
                let mut cues = FutureCues::new(norm.as_str(), &toks);
                for t in (0..toks.len() + 2).step_by(step) {
                    assert_eq!(cues.at(t), reference(t), "token {t} of {line}");
                    futures += usize::from(reference(t));
                }
                // Asked again from the start: read again from the start.
                for t in [0, toks.len() / 2, 1] {
                    assert_eq!(cues.at(t), reference(t), "token {t} of {line}");
                }
            }
        }
        assert!(futures > 100, "{futures}");
    }

    #[test]
    fn chars_are_counted_as_str_counts_them() {
        let text = crate::testdata::sample();
        let mut ends: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        ends.truncate(5000);
        for &e in &ends {
            let s = text.get(..e).unwrap();
            assert_eq!(count_chars(s), s.chars().count());
        }
        for s in ["", "a", "é", "ب", "😀", "a😀بé\n", &"ب".repeat(300), &text] {
            assert_eq!(count_chars(s), s.chars().count(), "{s}");
        }
    }
}
