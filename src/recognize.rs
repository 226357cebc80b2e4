//! The grammar: patterns over tokens that produce an [`Expr`]. No dates are computed here.
//!
//! Recognition scans the tokens left to right. At a token that can begin an expression it tries
//! the patterns below and keeps the longest match; then it continues after that match. Each
//! pattern is a small function over token positions, returning what it read and where it
//! stopped. Prepositions that carry no meaning of their own (في، عند، حوالي) are never part of a
//! match; those that do (منذ، قبل، بعد، من...إلى) are.

use std::sync::LazyLock;

use chrono::Weekday;

use crate::expr::{
    CenturySaid, DateExpr, DecadeSaid, Expr, MonthSaid, Nth, NthOf, Shift, TimeSaid, YearSaid,
};
use crate::lexicon::{
    Calendar, Direction, FEAST_EPITHETS, FEASTS, Lex, Meridiem, MonthFamily, MonthHead, ORTHODOX,
    Part, Prep, STRICT_MONTHS,
};
use crate::token::{Kind, Token};
use crate::value::{DayPart, Duration, Recurrence, Season, Unit, Vague};

/// A match: tokens `first..last` and what they said.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub first: usize,
    pub last: usize,
    pub expr: Expr,
}

/// Finds every expression in the tokens, in order, without overlaps.
pub(crate) fn recognize(text: &str, toks: &[Token], out: &mut Vec<Found>) {
    let p = P { t: toks, s: text };
    let mut i = 0;
    // Most tokens are words with no entry, links (و، في، إلى) or punctuation: one pass over the
    // slice steps over them to the next token that may begin something.
    while let Some(k) = toks
        .get(i..)
        .and_then(|rest| rest.iter().position(|t| t.starts))
    {
        i += k;
        if p.can_start(i)
            && let Some((expr, end)) = p.any(i)
            && end > i
        {
            out.push(Found {
                first: i,
                last: end,
                expr,
            });
            i = end;
            continue;
        }
        i += 1;
    }
}

type R<T> = Option<(T, usize)>;

/// Whether a token may begin an expression, from the token alone: of the words with no entry
/// only "ال" (before digits: "الـ15"), no punctuation, and no word whose class only links or
/// follows ([`P::can_start`] asks the rest, which needs the neighbours). The tokenizer records
/// the answer in [`Token::starts`]; `tokens_know_whether_they_may_start` holds it to this.
pub(crate) fn may_start(t: &Token) -> bool {
    if let Some(e) = &t.entry {
        return !matches!(
            e.lex,
            Lex::And
                | Lex::EraAd
                | Lex::EraAh
                | Lex::Which
                | Lex::Except
                | Lex::Minute
                | Lex::Prep(Prep::In | Prep::Around | Prep::To | Prep::For)
        );
    }
    match t.kind {
        Kind::Word => t.end - t.start == 4,
        Kind::Number { .. } => true,
        Kind::Punct(_) => false,
    }
}

/// A feast name: its words after the first, and the feast.
type FeastRest = (&'static [&'static str], crate::expr::Feast);

/// A feast name's first word and the names it begins.
type FeastNames = (&'static str, Vec<FeastRest>);

/// The first words of the feast names by their length in bytes, each with the rest of the
/// names it begins: most words have a length no feast name begins with, and the others are
/// compared with two or three words at most.
static FEAST_HEADS: LazyLock<Vec<Vec<FeastNames>>> = LazyLock::new(|| {
    let mut by_len: Vec<Vec<FeastNames>> = Vec::new();
    for (words, feast) in FEASTS {
        let Some((h, rest)) = words.split_first() else {
            continue;
        };
        if by_len.len() <= h.len() {
            by_len.resize(h.len() + 1, Vec::new());
        }
        let Some(heads) = by_len.get_mut(h.len()) else {
            continue;
        };
        // In the order of FEASTS, where the longest name comes first.
        match heads.iter_mut().find(|(w, _)| w == h) {
            Some((_, names)) => names.push((rest, *feast)),
            None => heads.push((h, vec![(rest, *feast)])),
        }
    }
    by_len
});

fn dir_offset(d: Direction) -> i32 {
    match d {
        Direction::Past => -1,
        Direction::Current => 0,
        Direction::Future => 1,
    }
}

// The date patterns, as bits of [`P::date_starts`].
const D_FEAST: u16 = 1;
const D_NTH: u16 = 1 << 1;
const D_DAY_MONTH: u16 = 1 << 2;
const D_NUMERIC: u16 = 1 << 3;
const D_WEEKDAY: u16 = 1 << 4;
const D_REL_DAY: u16 = 1 << 5;
const D_CYCLE: u16 = 1 << 6;
const D_PERIOD: u16 = 1 << 7;
const D_PART: u16 = 1 << 8;
const D_YEAR: u16 = 1 << 9;

struct P<'a> {
    t: &'a [Token],
    s: &'a str,
}

impl<'a> P<'a> {
    // ---- token access -------------------------------------------------------------------

    fn lex(&self, i: usize) -> Option<Lex> {
        self.t.get(i).and_then(|t| t.entry).map(|e| e.lex)
    }

    fn has_article(&self, i: usize) -> bool {
        self.t
            .get(i)
            .and_then(|t| t.entry)
            .is_some_and(|e| e.article)
    }

    fn has_clitic(&self, i: usize) -> bool {
        self.t
            .get(i)
            .and_then(|t| t.entry)
            .is_some_and(|e| e.clitic_len > 0)
    }

    /// The word after its clitics.
    fn core(&self, i: usize) -> &'a str {
        self.t
            .get(i)
            .and_then(|t| self.s.get(t.core_start() as usize..t.end as usize))
            .unwrap_or("")
    }

    fn word(&self, i: usize) -> &'a str {
        self.t.get(i).map_or("", |t| t.text(self.s))
    }

    /// The bytes of [`P::core`]: tokens lie on character boundaries, so comparing bytes gives
    /// the same answers as comparing strings without checking the boundaries again.
    fn core_bytes(&self, i: usize) -> &'a [u8] {
        self.t
            .get(i)
            .and_then(|t| {
                self.s
                    .as_bytes()
                    .get(t.core_start() as usize..t.end as usize)
            })
            .unwrap_or(b"")
    }

    /// The token at `i` begins with و, clitics included: its first two bytes, as tokens lie
    /// on character boundaries.
    fn starts_with_waw(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| {
            self.s
                .as_bytes()
                .get(t.start as usize..t.end as usize)
                .is_some_and(|b| b.starts_with("و".as_bytes()))
        })
    }

    /// The token at `i` is exactly `w`, clitics included.
    fn word_is(&self, i: usize, w: &str) -> bool {
        self.t.get(i).is_some_and(|t| {
            (t.end - t.start) as usize == w.len()
                && self.s.as_bytes().get(t.start as usize..t.end as usize) == Some(w.as_bytes())
        })
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    fn adjacent(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.space_before)
    }

    fn digits(&self, i: usize) -> Option<(u32, u16)> {
        match self.t.get(i)?.kind {
            // Ten digits and more may have saturated the value: not a number we can use.
            Kind::Number { value, digits } if digits < 10 => Some((value, digits)),
            _ => None,
        }
    }

    fn is_prep(&self, i: usize, p: Prep) -> bool {
        matches!(self.lex(i), Some(Lex::Prep(q)) if q == p)
    }

    fn is_unit(&self, i: usize, u: Unit) -> Option<u8> {
        match self.lex(i) {
            Some(Lex::Unit { unit, count }) if unit == u => Some(count),
            _ => None,
        }
    }

    fn dir(&self, i: usize) -> Option<Direction> {
        match self.lex(i) {
            Some(Lex::Dir(d)) => Some(d),
            _ => None,
        }
    }

    fn is_last(&self, i: usize) -> bool {
        if matches!(self.lex(i), Some(Lex::Last)) {
            return true;
        }
        // One spelling per length: one comparison at most, of a length known where it is made
        // (so no call to compare memory).
        let c = self.core_bytes(i);
        match c.len() {
            8 => c == "اخير".as_bytes(),
            10 => c == "اخيرة".as_bytes(),
            12 => c == "الاخير".as_bytes(),
            14 => c == "الاخيرة".as_bytes(),
            _ => false,
        }
    }

    fn skip_comma(&self, i: usize) -> usize {
        if self.punct(i, ',') { i + 1 } else { i }
    }

    /// Skips a preposition that only links parts of one date: من، في، ب/ل attached are handled
    /// by the lexicon.
    fn skip_link(&self, i: usize) -> usize {
        if self.is_prep(i, Prep::From) || self.is_prep(i, Prep::In) {
            i + 1
        } else {
            i
        }
    }

    /// An hour in words without الساعة: a feminine word with the article ("الثالثة",
    /// "الحادية عشرة", "الواحدة"), not "الأولى" (the first one).
    fn feminine_hour(&self, j: usize) -> bool {
        matches!(
            self.lex(j),
            Some(Lex::Number { value: 2..=12, .. })
                | Some(Lex::Number {
                    value: 1,
                    ordinal: false
                })
        ) && self.has_article(j)
            && self.core(j).ends_with('ة')
    }

    /// What [`Token::starts`] could not tell from the token alone, asked only of tokens that
    /// start: whether the neighbours let it begin something.
    fn can_start(&self, i: usize) -> bool {
        let Some(t) = self.t.get(i) else {
            return false;
        };
        match (&t.kind, &t.entry) {
            // "الـ15": the article alone (the only word with no entry that starts) before a
            // number.
            (Kind::Word, None) => self.digits(i + 1).is_some(),
            (Kind::Word, Some(_)) => true,
            // Not the decimals of "34.6".
            (Kind::Number { .. }, _) => {
                !(i >= 2
                    && self.adjacent(i)
                    && self.adjacent(i - 1)
                    && (self.punct(i - 1, '.') || self.punct(i - 1, ','))
                    && self.digits(i - 2).is_some())
            }
            (Kind::Punct(_), _) => false,
        }
    }

    // ---- numbers ------------------------------------------------------------------------

    /// A number in words: "الخامس عشر", "ثلاث وعشرون", "الحادية عشرة". Returns the value and
    /// whether it was an ordinal.
    fn number_words(&self, i: usize) -> R<(u32, bool)> {
        match self.lex(i)? {
            Lex::Number { value, ordinal } if value < 10 => {
                let mut v = value;
                let mut j = i + 1;
                if matches!(self.lex(j), Some(Lex::Ten)) && !self.has_clitic(j) {
                    v += 10;
                    j += 1;
                } else if let Some(t) = self.tens_after(j) {
                    v += t.0;
                    j = t.1;
                }
                Some(((v, ordinal), j))
            }
            Lex::Number { value, ordinal } => Some(((value, ordinal), i + 1)),
            Lex::Ten => Some(((10, self.has_article(i)), i + 1)),
            _ => None,
        }
    }

    /// "وعشرون" or "و عشرون" after a units word.
    fn tens_after(&self, j: usize) -> R<u32> {
        let (at, attached) = if matches!(self.lex(j), Some(Lex::And)) {
            (j + 1, false)
        } else {
            (j, true)
        };
        if attached && !self.starts_with_waw(at) {
            return None;
        }
        match self.lex(at) {
            Some(Lex::Number { value, .. }) if value >= 20 && value % 10 == 0 && value < 100 => {
                Some((value, at + 1))
            }
            _ => None,
        }
    }

    /// Any number: digits (with an optional "الـ" before them) or words.
    fn number(&self, i: usize) -> R<(u32, bool)> {
        if let Some((v, _)) = self.digits(i) {
            return Some(((v, false), i + 1));
        }
        if self.word_is(i, "ال")
            && self.adjacent(i + 1)
            && let Some((v, _)) = self.digits(i + 1)
        {
            return Some(((v, true), i + 2));
        }
        self.number_words(i)
    }

    fn day_number(&self, i: usize) -> R<u8> {
        if let Some((v, d)) = self.digits(i) {
            return (d <= 2 && (1..=31).contains(&v)).then_some((v as u8, i + 1));
        }
        // In words a day is an ordinal ("الخامس عشر"); "ثلاثة"/"ست" are counts.
        let ((v, ordinal), j) = self.number(i)?;
        (ordinal && (1..=31).contains(&v)).then_some((v as u8, j))
    }

    /// One or two digits that cannot be a day (0, 32–99).
    fn impossible_day(&self, i: usize) -> R<u8> {
        let (v, d) = self.digits(i)?;
        (d <= 2 && (v == 0 || v > 31))
            .then(|| u8::try_from(v).ok())
            .flatten()
            .map(|v| (v, i + 1))
    }

    // ---- calendar words -----------------------------------------------------------------

    /// A weekday name with the article ("الثلاثاء"), or without it after يوم/كل: "ثلاثا" and
    /// "أربعاً" alone are numbers, "جمعه" a noun.
    fn weekday(&self, i: usize) -> R<Weekday> {
        let w = match self.lex(i)? {
            Lex::Weekday(w) => w,
            _ => return None,
        };
        let after_day = i.checked_sub(1).is_some_and(|p| {
            (self.is_unit(p, Unit::Day) == Some(1) && !self.has_article(p))
                || matches!(self.lex(p), Some(Lex::Every))
        });
        (self.has_article(i) || after_day).then_some((w, i + 1))
    }

    /// Any weekday name, with or without the article, and the bare "احد"/"اثنين": for patterns
    /// that are dates on their own ("ثاني أربعاء من أكتوبر", "أحد الأسبوع الماضي").
    fn weekday_any(&self, i: usize) -> R<Weekday> {
        match self.lex(i)? {
            Lex::Weekday(w) => Some((w, i + 1)),
            _ => None,
        }
    }

    /// A weekday, also the bare "احد"/"اثنين" that are numbers elsewhere.
    fn weekday_loose(&self, i: usize) -> R<Weekday> {
        self.weekday_any(i).or_else(|| match self.core(i) {
            "احد" => Some((Weekday::Sun, i + 1)),
            "اثنين" => Some((Weekday::Mon, i + 1)),
            _ => None,
        })
    }

    /// A month name (one or two words), "شهر 3", "الشهر التاسع", "الشهر الماضي", "هذا الشهر".
    /// Returns the month, its calendar and whether the name is unambiguous.
    fn month(&self, i: usize) -> R<(MonthSaid, Calendar, bool)> {
        let named = |m: u8, f: MonthFamily| MonthSaid::Named {
            month: m,
            family: f,
        };
        match self.lex(i)? {
            Lex::Month {
                month,
                family,
                ambiguous,
            } => {
                let cal = if family == MonthFamily::Hijri {
                    Calendar::Hijri
                } else {
                    Calendar::Gregorian
                };
                Some(((named(month, family), cal, !ambiguous), i + 1))
            }
            Lex::MonthHead(h) => {
                let second = self.lex(i + 1);
                let ord = match second {
                    Some(Lex::Number {
                        value,
                        ordinal: true,
                    }) => Some(value),
                    Some(Lex::Number { value: 2, .. }) => Some(2),
                    _ => None,
                };
                // "ربيع الآخر", "جمادى الآخرة": asked only of the heads that take it.
                let last =
                    || self.is_last(i + 1) || matches!(self.core(i + 1), "الاخر" | "الاخرة" | "اخر");
                let (m, fam) = match (h, ord) {
                    (MonthHead::Kanun, Some(1)) => (12, MonthFamily::Syriac),
                    (MonthHead::Kanun, Some(2)) => (1, MonthFamily::Syriac),
                    (MonthHead::Tishrin, Some(1)) => (10, MonthFamily::Syriac),
                    (MonthHead::Tishrin, Some(2)) => (11, MonthFamily::Syriac),
                    (MonthHead::Rabi, Some(1)) => (3, MonthFamily::Hijri),
                    (MonthHead::Rabi, Some(2)) => (4, MonthFamily::Hijri),
                    (MonthHead::Rabi, _) if last() => (4, MonthFamily::Hijri),
                    (MonthHead::Jumada, Some(1)) => (5, MonthFamily::Hijri),
                    (MonthHead::Jumada, Some(2)) => (6, MonthFamily::Hijri),
                    (MonthHead::Jumada, _) if last() => (6, MonthFamily::Hijri),
                    (MonthHead::Dhu, _) => match self.core(i + 1) {
                        "القعدة" | "القعده" | "قعدة" => (11, MonthFamily::Hijri),
                        "الحجة" | "الحجه" | "حجة" => (12, MonthFamily::Hijri),
                        _ => return None,
                    },
                    _ => return None,
                };
                let cal = if fam == MonthFamily::Hijri {
                    Calendar::Hijri
                } else {
                    Calendar::Gregorian
                };
                Some(((named(m, fam), cal, true), i + 2))
            }
            Lex::Unit {
                unit: Unit::Month,
                count: 1,
            } => {
                let j = i + 1;
                if let Some(((m, cal, _), k)) = self.month_name_only(j) {
                    return Some(((m, cal, true), k));
                }
                if let Some(d) = self.dir(j) {
                    return self.has_article(i).then_some((
                        (
                            MonthSaid::Relative(dir_offset(d)),
                            Calendar::Gregorian,
                            true,
                        ),
                        j + 1,
                    ));
                }
                let ((n, ordinal), k) = self.number(j)?;
                // "شهر واحد" is one month of time, not January.
                if !(1..=12).contains(&n) || (n == 1 && !ordinal && self.digits(j).is_none()) {
                    return None;
                }
                // "الشهر التاسع" needs the ordinal; "شهر 3" / "شهر ثلاثة" the bare noun.
                if self.has_article(i) && !ordinal {
                    return None;
                }
                // "للشهر الثالث على التوالي": a count of months, not the third month.
                if self.core(k) == "على" && self.core(k + 1) == "التوالي" {
                    return None;
                }
                Some((
                    (
                        named(n as u8, MonthFamily::Numbered),
                        Calendar::Gregorian,
                        true,
                    ),
                    k,
                ))
            }
            Lex::This => {
                self.is_unit(i + 1, Unit::Month)?;
                Some(((MonthSaid::Relative(0), Calendar::Gregorian, true), i + 2))
            }
            _ => None,
        }
    }

    /// A month, then the same month in another family: "أكتوبر/تشرين الأول",
    /// "تشرين الأول (أكتوبر)", "مايو أيار".
    fn month_doubled(&self, i: usize) -> R<(MonthSaid, Calendar, bool)> {
        let ((m, cal, strong), j) = self.month(i)?;
        let MonthSaid::Named { month, .. } = m else {
            return Some(((m, cal, strong), j));
        };
        let (open, k) = match self.t.get(j).map(|t| t.kind) {
            Some(Kind::Punct('(')) => (true, j + 1),
            Some(Kind::Punct('/' | '-' | ',')) => (false, j + 1),
            _ => (false, j),
        };
        if let Some(((MonthSaid::Named { month: m2, .. }, cal2, _), l)) = self.month_name_only(k)
            && m2 == month
            && cal2 == cal
        {
            let end = if open && self.punct(l, ')') { l + 1 } else { l };
            return Some(((m, cal, true), end));
        }
        Some(((m, cal, strong), j))
    }

    fn month_name_only(&self, i: usize) -> R<(MonthSaid, Calendar, bool)> {
        match self.lex(i)? {
            Lex::Month { .. } | Lex::MonthHead(_) => self.month(i),
            _ => None,
        }
    }

    /// A year: "2025", "عام 2025", "سنة 2014م", "العام الماضي", "هذه السنة", "1446هـ".
    /// `bare` allows a plain four-digit number.
    fn year(&self, i: usize, bare: bool) -> R<(YearSaid, Option<Calendar>)> {
        // "عامي 2008 و2012": the dual construct names years too.
        let pair = matches!(self.lex(i), Some(Lex::Pair(Unit::Year)));
        if let Some(count) = self.is_unit(i, Unit::Year).or(pair.then_some(1)) {
            if count != 1 {
                return None;
            }
            let j = i + 1;
            if let Some((v, d)) = self.digits(j)
                && (1..=4).contains(&d)
                && v >= 1
            {
                let (cal, k) = self.era(j + 1);
                return Some(((YearSaid::Number(v as i32), cal), k));
            }
            if let Some(d) = self.dir(j)
                && self.has_article(i)
            {
                // "العام الماضي 2011": the number wins.
                if let Some((v, 4)) = self.digits(j + 1) {
                    let (cal, k) = self.era(j + 2);
                    return Some(((YearSaid::Number(v as i32), cal), k));
                }
                return Some(((YearSaid::Relative(dir_offset(d)), None), j + 1));
            }
            return None;
        }
        if matches!(self.lex(i), Some(Lex::This)) && self.is_unit(i + 1, Unit::Year) == Some(1) {
            return Some(((YearSaid::Relative(0), None), i + 2));
        }
        let (v, d) = self.digits(i)?;
        if !(1..=4).contains(&d) || v == 0 {
            return None;
        }
        let (mut cal, mut k) = self.era(i + 1);
        // "1500 م" after a race is metres: a spaced "م" marks a year only in date context.
        if cal == Some(Calendar::Gregorian)
            && self.core(i + 1) == "م"
            && !self.adjacent(i + 1)
            && !bare
        {
            (cal, k) = (None, i + 1);
        }
        // "6002م" is a height, not a year; "4×100م" is a race: a year under 1000 marked م needs
        // a preposition or a Hijri year before it ("(15ه/ 636م)").
        let early_context =
            self.temporal_before(i) || i.checked_sub(1).is_some_and(|p| self.punct(p, '/'));
        let plausible = match cal {
            Some(Calendar::Hijri) => v <= 1600,
            _ => v <= 2200 && (v >= 1000 || early_context),
        };
        if plausible && (cal.is_some() || (bare && d == 4)) {
            return Some(((YearSaid::Number(v as i32), cal), k));
        }
        None
    }

    /// An era marker after a year: م، ميلادي، هـ، هجري.
    fn era(&self, i: usize) -> (Option<Calendar>, usize) {
        match self.lex(i) {
            Some(Lex::EraAd) => (Some(Calendar::Gregorian), i + 1),
            Some(Lex::EraAh) => (Some(Calendar::Hijri), i + 1),
            _ => (None, i),
        }
    }

    /// What may follow a day and month: ", 2025", "من عام 2014", "لعام 2014", "الماضي".
    fn year_tail(&self, i: usize, e: &mut DateExpr) -> usize {
        for start in [i, self.skip_comma(i)] {
            for j in [start, self.skip_link(start)] {
                if let Some(((y, cal), k)) = self.year(j, true) {
                    e.year = Some(y);
                    if cal.is_some() {
                        e.calendar = cal;
                    }
                    return k;
                }
            }
        }
        if let Some(d) = self.dir(i) {
            e.direction = Some(d);
            return i + 1;
        }
        i
    }

    // ---- top level ----------------------------------------------------------------------

    fn any(&self, i: usize) -> R<Expr> {
        let t = self.t.get(i)?;
        // Most numbers are counts, prices and scores ("قتل 12 شخصا", "بنسبة 5%", "3 آلاف"):
        // unless what follows can go on with them, only a year (four digits, after a
        // preposition) could start here. Ten digits and more are no number the patterns use.
        if let Kind::Number { digits, .. } = t.kind
            && (digits >= 10 || (digits != 4 && !self.goes_on_from_number(i + 1)))
        {
            return None;
        }
        let lex = t.entry.map(|e| e.lex);
        // Most numbers in words are ordinals and counts of other things ("المرحلة الأولى",
        // "ثلاثة لاعبين"): every pattern that begins with one goes on with a word the lexicon
        // knows, a number, و or a separator. Only "الاثنين" and "الأحد", weekdays too, stand
        // alone.
        if matches!(
            lex,
            Some(Lex::Number { value: 3.., .. } | Lex::Number { ordinal: true, .. } | Lex::Ten)
        ) && !self.goes_on_from_number_word(i + 1)
        {
            return None;
        }
        // قبل، منذ، بعد، خلال begin a count of time ("قبل ثلاثة أيام", "منذ سنوات", "خلال الأيام
        // الثلاثة الماضية") or a day ("بعد غد"): a number, a word the lexicon knows, or the
        // article before digits ("قبل الـ24 ساعة") comes next. Most are followed by anything else
        // ("بعد ذلك", "خلال زيارته").
        if matches!(
            lex,
            Some(Lex::Prep(
                Prep::Before | Prep::Since | Prep::After | Prep::During
            ))
        ) && !self.goes_on_from_time_preposition(i + 1)
        {
            return None;
        }
        // As in `date_starts`, each pattern by the first words it can begin with: a range with
        // من/بين, a named pair or whatever starts a date, a time or a day number; counts with
        // a number ("ال" before digits too) or a unit.
        let number = matches!(t.kind, Kind::Number { .. })
            || matches!(lex, Some(Lex::Number { .. } | Lex::Ten))
            || self.word_is(i, "ال");
        // The date patterns that can begin here, kept for `date_from`: من and بين begin none.
        let (dated, starts) = match lex {
            // "من"/"بين" then the first end, or a named pair before it.
            Some(Lex::Prep(Prep::From | Prep::Between)) => (
                matches!(self.lex(i + 1), Some(Lex::Pair(_)))
                    || self.time_word(i + 1)
                    || self.date_starts(i + 1) != 0,
                0,
            ),
            Some(Lex::Pair(_)) => (true, self.date_starts(i)),
            _ => {
                let starts = self.date_starts(i);
                (self.time_word(i) || starts != 0, starts)
            }
        };
        let unit = matches!(lex, Some(Lex::Unit { .. }));
        let mut best: R<Expr> = None;
        let mut consider = |r: R<Expr>| {
            if let Some((e, end)) = r
                && best.as_ref().is_none_or(|b| end > b.1)
            {
                best = Some((e, end));
            }
        };
        // The date and the datetime here: the range reads them too (its first end, a prefix
        // shared by both ends), so they are read once and passed down.
        let (date, datetime) = if dated {
            let date = self.date_from(i, starts);
            (date, self.datetime_from(i, date))
        } else {
            (None, None)
        };
        if dated {
            consider(self.range(i, date, datetime));
        }
        if matches!(lex, Some(Lex::Starting | Lex::Part(Part::Early))) {
            consider(self.starting_from(i));
        }
        if dated {
            consider(datetime.map(|(d, j)| (Expr::Date(d), j)));
        }
        if number
            || unit
            || matches!(
                lex,
                Some(Lex::Prep(
                    Prep::Before | Prep::Since | Prep::After | Prep::During
                ))
            )
        {
            consider(self.relative(i));
        }
        if number || unit || matches!(lex, Some(Lex::Several)) {
            consider(self.quantity(i));
        }
        if matches!(lex, Some(Lex::Adverb(_) | Lex::Every)) {
            consider(self.set(i));
        }
        if unit || matches!(lex, Some(Lex::Vague(_) | Lex::Moment | Lex::This)) {
            consider(self.vague(i));
        }
        best
    }

    /// Every pattern at `i`, without the first-word tests of [`P::any`].
    #[cfg(test)]
    fn any_all(&self, i: usize) -> R<Expr> {
        let mut best: R<Expr> = None;
        let mut consider = |r: R<Expr>| {
            if let Some((e, end)) = r
                && best.as_ref().is_none_or(|b| end > b.1)
            {
                best = Some((e, end));
            }
        };
        let date = self.date(i);
        consider(self.range(i, date, self.datetime_from(i, date)));
        consider(self.starting_from(i));
        consider(self.datetime(i).map(|(d, j)| (Expr::Date(d), j)));
        consider(self.relative(i));
        consider(self.quantity(i));
        consider(self.set(i));
        consider(self.vague(i));
        best
    }

    /// Whether the token at `j`, after a number of one to three or five to nine digits, can
    /// go on with it in some pattern: a separator of a date, a time or a range (- / . :), a
    /// link (من، في، إلى، حتى, و), a month, a unit, an era, the minutes or the part of day of
    /// a time (و، إلا، صباحا، بعد الظهر، هذا المساء). The patterns read nothing else after a bare
    /// number: before anything else ("20 شخصا", "5%", "3 آلاف", another number, the end) the
    /// number is a count, and nothing starts at it.
    fn goes_on_from_number(&self, j: usize) -> bool {
        let Some(n) = self.t.get(j) else {
            return false;
        };
        match (n.kind, n.entry) {
            // "12.7.2012" is the only pattern a point goes on with.
            (Kind::Punct('.'), _) => self.punct(j + 2, '.'),
            (Kind::Punct(c), _) => matches!(c, '-' | '/' | ':'),
            (Kind::Number { .. }, _) => false,
            (Kind::Word, None) => self.word_is(j, "و"),
            (Kind::Word, Some(e)) => {
                (e.clitic_len > 0 && self.starts_with_waw(j))
                    || matches!(
                        e.lex,
                        Lex::Prep(
                            Prep::From
                                | Prep::In
                                | Prep::To
                                | Prep::Until
                                | Prep::Before
                                | Prep::After
                        ) | Lex::Month { .. }
                            | Lex::MonthHead(_)
                            | Lex::Unit { .. }
                            | Lex::This
                            | Lex::EraAd
                            | Lex::EraAh
                            | Lex::And
                            | Lex::Except
                            | Lex::DayPart(..)
                            | Lex::Prayer(_)
                    )
            }
        }
    }

    /// Whether the token at `j`, after a number in words, can go on with it in some pattern: a
    /// word the lexicon knows (a unit, a month, a weekday, من، عشر, the tens), a number, و on
    /// its own ("الحادي و عشرين"), or a separator of a range or a time ("الثانية - الرابعة").
    fn goes_on_from_number_word(&self, j: usize) -> bool {
        self.t.get(j).is_some_and(|n| match (n.kind, n.entry) {
            (Kind::Number { .. }, _) | (Kind::Word, Some(_)) => true,
            (Kind::Word, None) => self.word_is(j, "و"),
            (Kind::Punct(c), _) => matches!(c, '-' | '/' | ':'),
        })
    }

    /// Whether the token at `j`, after قبل، منذ، بعد or خلال, can go on with it: a number, a word
    /// the lexicon knows (a unit, a number in words, أمس/غد), or the article before digits.
    fn goes_on_from_time_preposition(&self, j: usize) -> bool {
        self.t.get(j).is_some_and(|n| match (n.kind, n.entry) {
            (Kind::Number { .. }, _) | (Kind::Word, Some(_)) => true,
            (Kind::Word, None) => self.word_is(j, "ال"),
            (Kind::Punct(_), _) => false,
        })
    }

    /// A time can start at `i`: a number, "الساعة", an hour in words, or a day part before
    /// its day.
    fn time_word(&self, i: usize) -> bool {
        match self.t.get(i).map(|t| (t.kind, t.entry.map(|e| e.lex))) {
            Some((Kind::Number { .. }, _)) => true,
            Some((_, Some(lex))) => matches!(
                lex,
                Lex::Number { .. } | Lex::DayPart(..) | Lex::Prayer(_) | Lex::Unit { .. }
            ),
            _ => false,
        }
    }

    // ---- dates and times ----------------------------------------------------------------

    /// A date, a time, or a date with a time or day part.
    fn datetime(&self, i: usize) -> R<DateExpr> {
        self.datetime_from(i, self.date(i))
    }

    /// [`P::datetime`] given [`P::date`] at `i`.
    fn datetime_from(&self, i: usize, date: R<DateExpr>) -> R<DateExpr> {
        let mut dt = date;
        self.datetime_into(i, &mut dt);
        dt
    }

    /// Makes `dt`, [`P::date`] at `i`, into [`P::datetime`] there: in place and out of line, for
    /// the reason given at [`P::date_into`].
    #[inline(never)]
    fn datetime_into(&self, i: usize, dt: &mut R<DateExpr>) {
        // Without a date here, only a time can start.
        if !self.time_word(i) && dt.is_none() {
            return;
        }
        // A day part before a day: "مساء أمس", "صباح الثلاثاء".
        if let Some((part, j)) = self.day_part_word(i)
            && self.feast_name(i).is_none()
            && let Some((mut d, k)) = self.date(self.skip_link(j))
            && d.time.is_none()
        {
            d.day_part = Some(part);
            *dt = Some((d, k));
            return;
        }
        let Some((d, j)) = dt.as_mut() else {
            *dt = self.time_then_day(i);
            return;
        };
        // A time or day part after the day, maybe after من/في or حوالي (at most one of them
        // is there: each place is tried once).
        let k0 = self.skip_comma(*j);
        let k1 = self.skip_link(k0);
        let k2 = k0 + usize::from(self.is_prep(k0, Prep::Around));
        if d.time.is_none()
            && let Some((t, l)) = self
                .time(k0)
                .or_else(|| (k1 != k0).then(|| self.time(k1)).flatten())
                .or_else(|| (k2 != k0).then(|| self.time(k2)).flatten())
        {
            d.time = Some(t);
            *j = l;
        }
        if d.time.is_none()
            && d.day_part.is_none()
            && let Some((p, l)) = self.day_part_word(*j)
            && (d.relative_day.is_some() || d.day.is_some() || d.weekday.is_some())
        {
            d.day_part = Some(p);
            *j = l;
        }
    }

    /// A time, then maybe its day: "الساعة 3 مساء اليوم", "العاشرة من صباح اليوم".
    fn time_then_day(&self, i: usize) -> R<DateExpr> {
        let (t, j) = self.time(i)?;
        let k = self.skip_link(self.skip_comma(j));
        if let Some((day, l)) = self.date(k)
            && day.time.is_none()
            && (day.relative_day.is_some() || day.weekday.is_some() || day.day.is_some())
        {
            return Some((merge_time(day, t), l));
        }
        Some((
            DateExpr {
                time: Some(t),
                ..DateExpr::default()
            },
            j,
        ))
    }

    /// A day part word usable before or after a day: صباح، مساء، ليلة، فجر، ظهر، عصر.
    fn day_part_word(&self, i: usize) -> R<DayPart> {
        match self.lex(i)? {
            Lex::DayPart(p, _) => Some((p, i + 1)),
            Lex::Prayer(Meridiem::Noon) => Some((DayPart::Afternoon, i + 1)),
            Lex::Prayer(_) if self.core(i).ends_with("عصر") => Some((DayPart::Afternoon, i + 1)),
            _ => None,
        }
    }

    /// A calendar date of any kind, without a time.
    fn date(&self, i: usize) -> R<DateExpr> {
        self.date_from(i, self.date_starts(i))
    }

    /// Which of the date patterns can match at `i`, by its first token alone: each pattern
    /// begins with a few kinds of word, and most positions where a date is tried (after "من",
    /// at a number word) begin none of them. A bit set over-approximates: a pattern whose bit
    /// is set may still fail, one whose bit is clear cannot match.
    ///
    /// The few words the patterns read by spelling rather than by class are told apart by
    /// their class too, as the lexicon gives the same class to a word with or without clitics
    /// (`spelled_words_have_their_class` checks it): a feast's first word is a `FeastHead`, يوم
    /// (one day) or ليلة (night); "احد"/"اثنين" are numbers; "الأخير"/"الأخيرة" are directions
    /// (or `Last`), while "اخير"/"اخيرة" and the "ال" of "الـ15" have no entry.
    fn date_starts(&self, i: usize) -> u16 {
        let Some(t) = self.t.get(i) else {
            return 0;
        };
        let lex = match (t.kind, t.entry) {
            (Kind::Punct(_), _) => return 0,
            (Kind::Number { .. }, _) => return D_DAY_MONTH | D_NUMERIC | D_YEAR,
            (Kind::Word, None) => {
                return match t.end - t.start {
                    4 if self.word_is(i, "ال") => D_DAY_MONTH,
                    8 | 10 if self.is_last(i) => D_NTH,
                    _ => 0,
                };
            }
            (Kind::Word, Some(e)) => e.lex,
        };
        match lex {
            Lex::FeastHead => D_FEAST,
            // A day in words is an ordinal: "ثلاثة" begins no date, "احد"/"اثنين" a weekday.
            Lex::Number {
                value,
                ordinal: true,
            } => D_DAY_MONTH | D_NTH | D_FEAST | if value == 1 { D_REL_DAY } else { 0 },
            Lex::Number { value: ..=2, .. } => D_WEEKDAY,
            Lex::Ten | Lex::Month { .. } => D_DAY_MONTH,
            Lex::MonthHead(h) => D_DAY_MONTH | if h == MonthHead::Rabi { D_PERIOD } else { 0 },
            Lex::Weekday(_) => D_NTH | D_DAY_MONTH | D_NUMERIC | D_WEEKDAY,
            Lex::Unit { unit, count } => {
                let mut m = D_YEAR;
                if count == 1 {
                    m |= D_CYCLE;
                    m |= match unit {
                        // يوم begins "يوم عرفة" too.
                        Unit::Day => D_DAY_MONTH | D_NUMERIC | D_WEEKDAY | D_REL_DAY | D_FEAST,
                        Unit::Week => D_NTH,
                        Unit::Month => D_DAY_MONTH,
                        Unit::Century => D_PERIOD,
                        _ => 0,
                    };
                }
                m
            }
            Lex::Pair(_) => D_YEAR,
            // "هذا" and "هذه" begin a date only before a date word: "هذا الشهر", "هذه الليلة".
            Lex::This if self.t.get(i + 1).is_some_and(|t| t.entry.is_some()) => {
                D_DAY_MONTH | D_WEEKDAY | D_REL_DAY | D_CYCLE | D_PERIOD | D_YEAR
            }
            // "اليوم الثالث من أكتوبر"; أمس and غدا begin no n-th day.
            Lex::RelDay(0) => D_NTH | D_REL_DAY,
            Lex::RelDay(_) => D_REL_DAY,
            // ليلة begins "ليلة القدر".
            Lex::DayPart(DayPart::Night, _) => D_REL_DAY | D_FEAST,
            Lex::DayPart(..) => D_REL_DAY,
            // "قبل أمس", "بعد غد".
            Lex::Prep(Prep::Before | Prep::After)
                if matches!(self.lex(i + 1), Some(Lex::RelDay(_))) =>
            {
                D_REL_DAY
            }
            Lex::Decade(_) | Lex::Season(_) | Lex::SeasonWord => D_PERIOD,
            Lex::Fraction(_) => D_PERIOD | D_PART,
            Lex::Part(_) => D_PART,
            Lex::Last => D_NTH,
            // "الأخير" is a direction too.
            Lex::Dir(_) if self.is_last(i) => D_NTH,
            _ => 0,
        }
    }

    /// [`P::date`] given [`P::date_starts`] at `i`.
    fn date_from(&self, i: usize, starts: u16) -> R<DateExpr> {
        let mut best = None;
        if starts != 0 {
            self.date_into(i, starts, &mut best);
        }
        best
    }

    /// The longest date at `i` into `best`, which starts empty. Kept behind a reference and
    /// out of line: a local `best` is split into its fields by the optimizer across the
    /// inlined patterns, and put back together field by field on every return, found or not.
    #[inline(never)]
    fn date_into(&self, i: usize, starts: u16, best: &mut R<DateExpr>) {
        let mut consider = |r: R<DateExpr>| {
            if let Some((_, end)) = r
                && best.as_ref().is_none_or(|b| end > b.1)
            {
                *best = r;
            }
        };
        let on = |bit: u16| starts & bit != 0;
        if on(D_FEAST) {
            consider(self.feast(i));
        }
        if on(D_NTH) {
            consider(self.nth(i));
        }
        if on(D_DAY_MONTH) {
            consider(self.day_month(i));
        }
        if on(D_NUMERIC) {
            consider(self.numeric(i));
        }
        if on(D_WEEKDAY) {
            consider(self.weekday_date(i));
        }
        if on(D_REL_DAY) {
            consider(self.relative_day(i));
        }
        if on(D_CYCLE) {
            consider(self.cycle(i));
        }
        if on(D_PERIOD) {
            consider(self.period(i));
        }
        if on(D_PART) {
            consider(self.part_of(i));
        }
        if on(D_YEAR) {
            consider(self.year_alone(i));
        }
    }

    /// Every date pattern at `i`, without [`P::date_starts`]: what the fast path must agree with.
    #[cfg(test)]
    fn date_all(&self, i: usize) -> R<DateExpr> {
        let mut best: R<DateExpr> = None;
        let mut consider = |r: R<DateExpr>| {
            if let Some((e, end)) = r
                && best.as_ref().is_none_or(|b| end > b.1)
            {
                best = Some((e, end));
            }
        };
        consider(self.feast(i));
        consider(self.nth(i));
        consider(self.day_month(i));
        consider(self.numeric(i));
        consider(self.weekday_date(i));
        consider(self.relative_day(i));
        consider(self.cycle(i));
        consider(self.period(i));
        consider(self.part_of(i));
        consider(self.year_alone(i));
        best
    }

    /// \[weekday \[,\]\] \[يوم\] day \[من\] month \[year | الماضي\].
    fn day_month(&self, i: usize) -> R<DateExpr> {
        let mut e = DateExpr::default();
        let mut j = i;
        if let Some((w, k)) = self.weekday_prefix(j) {
            e.weekday = Some(w);
            j = k;
        }
        if self.is_unit(j, Unit::Day) == Some(1) && !self.has_article(j) {
            j += 1;
        }
        // A day then a month: "23 كانون الأول", "الخامس عشر من آذار", "25 - يناير - 2012".
        // Days 0 and 32–99 before a month are kept so that resolution reports them.
        if let Some((day, k)) = self.day_number(j).or_else(|| self.impossible_day(j)) {
            let mut m = k;
            let separated = self.punct(m, '-') || self.punct(m, '/');
            if separated {
                m += 1;
            }
            m = self.skip_link(m);
            // "4/صفر" and "1- صفر" are scores: a separator only before an unambiguous name.
            // "أول أب" is "the first father": a strict month needs a day in digits or a year.
            if let Some(((month, cal, _), l)) = self
                .month_doubled(m)
                .filter(|x| !separated || x.0.2)
                .filter(|x| {
                    !STRICT_MONTHS.contains(&self.core(m))
                        || self.digits(j).is_some()
                        || self.year(self.skip_comma(x.1), true).is_some()
                })
            {
                e.day = Some(day);
                e.month = Some(month);
                e.calendar = Some(cal);
                let mut l = l;
                if (self.punct(l, '-') || self.punct(l, '/')) && self.digits(l + 1).is_some() {
                    l += 1;
                }
                let end = self.year_tail(l, &mut e);
                return Some((e, end));
            }
            // A weekday and a day alone: "السبت السادس عشر".
            if e.weekday.is_some() && self.number_words(j).is_some() {
                e.day = Some(day);
                return Some((e, k));
            }
            return None;
        }
        // A month then maybe a day: "يوليو 13", "آذار 2012", "تشرين الأول الماضي".
        let ((month, cal, strong), k) = self.month_doubled(j)?;
        e.month = Some(month);
        e.calendar = Some(cal);
        let mut end = k;
        if let Some((day, l)) = self.day_number(k)
            && self.digits(k).is_some()
            && self.digits(l).is_none()
            && !matches!(self.lex(l), Some(Lex::Unit { .. }))
            && !self.punct(l, ':')
        {
            e.day = Some(day);
            end = self.skip_comma(l);
            if self.year(end, true).is_none() {
                end = l;
            }
        }
        end = self.year_tail(end, &mut e);
        // An ambiguous month name alone needs date context: a day, a year, "شهر", a direction,
        // or a temporal preposition before it.
        let context = strong
            || e.day.is_some()
            || e.year.is_some()
            || e.direction.is_some()
            || e.weekday.is_some()
            || (self.temporal_before(j) && !STRICT_MONTHS.contains(&self.core(j)));
        context.then_some((e, end))
    }

    fn temporal_before(&self, i: usize) -> bool {
        let Some(prev) = i.checked_sub(1) else {
            return false;
        };
        matches!(
            self.lex(prev),
            Some(Lex::Prep(
                Prep::In
                    | Prep::Since
                    | Prep::During
                    | Prep::Until
                    | Prep::To
                    | Prep::From
                    | Prep::Before
                    | Prep::After
            )) | Some(Lex::Part(_))
        )
    }

    /// "الثلاثاء،", "يوم الخميس", "الخميس الموافق".
    fn weekday_prefix(&self, i: usize) -> R<Weekday> {
        let mut j = i;
        if self.is_unit(j, Unit::Day) == Some(1)
            && !self.has_article(j)
            && self.weekday(j + 1).is_some()
        {
            j += 1;
        }
        let (w, mut k) = self.weekday(j)?;
        k = self.skip_comma(k);
        if matches!(self.lex(k), Some(Lex::Corresponding)) {
            k += 1;
        }
        if self.is_prep(k, Prep::In) {
            k += 1;
        }
        Some((w, k))
    }

    /// A weekday alone or with a direction or a week: "الثلاثاء الماضي", "يوم الجمعة",
    /// "الأحد من الأسبوع الماضي", "ثلاثاء الأسبوع الفائت", "هذا الاثنين".
    fn weekday_date(&self, i: usize) -> R<DateExpr> {
        let mut e = DateExpr::default();
        let mut j = i;
        let this = matches!(self.lex(j), Some(Lex::This));
        if this {
            j += 1;
        }
        if self.is_unit(j, Unit::Day) == Some(1)
            && !self.has_article(j)
            && self.weekday(j + 1).is_some()
        {
            j += 1;
        }
        let (w, mut k) = self.weekday(j).or_else(|| {
            // "احد الأسبوع الماضي": the bare number-words only before a week.
            let (w, k) = self.weekday_loose(j)?;
            self.is_unit(self.skip_link(k), Unit::Week).map(|_| (w, k))
        })?;
        e.weekday = Some(w);
        if this {
            e.direction = Some(Direction::Current);
        }
        if let Some(d) = self.dir(k) {
            e.direction = Some(d);
            k += 1;
        } else {
            let l = self.skip_link(k);
            let (week, m) = self.week_rel(l).unzip();
            if let (Some(week), Some(m)) = (week, m) {
                e.week = Some(week);
                k = m;
            }
        }
        Some((e, k))
    }

    /// "الأسبوع الماضي", "هذا الأسبوع", "الأسبوع الحالي".
    fn week_rel(&self, i: usize) -> R<i32> {
        if matches!(self.lex(i), Some(Lex::This)) && self.is_unit(i + 1, Unit::Week) == Some(1) {
            return Some((0, i + 2));
        }
        if self.is_unit(i, Unit::Week) == Some(1) && self.has_article(i) {
            let d = self.dir(i + 1)?;
            return Some((dir_offset(d), i + 2));
        }
        None
    }

    /// Numeric dates: 23/12/2025, 2025-12-23, 23-12-2025, 12.7.2012, 2/2013, 21/09 after a
    /// weekday or يوم.
    fn numeric(&self, i: usize) -> R<DateExpr> {
        let mut e = DateExpr::default();
        let mut j = i;
        let mut context = false;
        if let Some((w, k)) = self.weekday_prefix(j) {
            e.weekday = Some(w);
            j = k;
            context = true;
        }
        if self.is_unit(j, Unit::Day) == Some(1) && !self.has_article(j) {
            j += 1;
            context = true;
        }
        let (a, da) = self.digits(j)?;
        let sep = match self.t.get(j + 1)?.kind {
            Kind::Punct(c @ ('/' | '-' | '.')) if self.adjacent(j + 1) || c != '.' => c,
            _ => return None,
        };
        let tight = |k: usize| self.adjacent(k) && self.adjacent(k + 1);
        let spaced = !tight(j + 1);
        let (b, db) = self.digits(j + 2)?;
        let third = if self.punct(j + 3, sep) && tight(j + 3) != spaced {
            self.digits(j + 4)
        } else {
            None
        };
        let valid = |y: u32, m: u32, d: u32| {
            chrono::NaiveDate::from_ymd_opt(y as i32, m, d).is_some() && (1..=12).contains(&m)
        };
        match third {
            Some((c, dc)) => {
                let (y, m, d) = if da == 4 && db <= 2 && dc <= 2 {
                    (a, b, c)
                } else if dc == 4 && da <= 2 && db <= 2 {
                    if b <= 12 { (c, b, a) } else { (c, a, b) }
                } else {
                    return None;
                };
                if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
                    return None;
                }
                // Impossible days (31/2) still read as a date; resolution reports them.
                let _ = valid;
                e.day = Some(d as u8);
                e.month = Some(MonthSaid::Named {
                    month: m as u8,
                    family: MonthFamily::Numbered,
                });
                e.year = Some(YearSaid::Number(y as i32));
                e.calendar = Some(Calendar::Gregorian);
                let (cal, k) = self.era(j + 5);
                if let Some(cal) = cal {
                    e.calendar = Some(cal);
                }
                Some((e, k))
            }
            None if sep == '/' && !spaced => {
                if db == 4 && da <= 2 && (1..=12).contains(&a) {
                    // "2/2013": a month.
                    e.month = Some(MonthSaid::Named {
                        month: a as u8,
                        family: MonthFamily::Numbered,
                    });
                    e.year = Some(YearSaid::Number(b as i32));
                    e.calendar = Some(Calendar::Gregorian);
                    return Some((e, j + 3));
                }
                if context && da <= 2 && db <= 2 && (1..=12).contains(&b) && (1..=31).contains(&a) {
                    e.day = Some(a as u8);
                    e.month = Some(MonthSaid::Named {
                        month: b as u8,
                        family: MonthFamily::Numbered,
                    });
                    e.calendar = Some(Calendar::Gregorian);
                    return Some((e, j + 3));
                }
                None
            }
            None => None,
        }
    }

    /// اليوم، أمس، غدا، أول أمس، بعد غد، يوم غد، اليوم الماضي، اليوم الذي بعد الغد.
    fn relative_day(&self, i: usize) -> R<DateExpr> {
        let mut j = i;
        let mut e = DateExpr::default();
        // "في هذا اليوم".
        if matches!(self.lex(j), Some(Lex::This)) && matches!(self.lex(j + 1), Some(Lex::RelDay(0)))
        {
            e.relative_day = Some(0);
            return Some((e, j + 2));
        }
        // "يوم", "اليوم الذي", "اليوم الي", "اليوم القبل" before a relative phrase.
        let lead =
            self.is_unit(j, Unit::Day) == Some(1) || matches!(self.lex(j), Some(Lex::RelDay(0)));
        if lead {
            let mut k = j + 1;
            if matches!(self.lex(k), Some(Lex::Which)) {
                k += 1;
            }
            if let Some((d, mut l)) = self.shifted_day(k)
                && (k > j + 1 || d != 0)
            {
                e.relative_day = Some(d);
                // "يوم غد الجمعة": the weekday names the same day.
                if let Some((w, m)) = self.weekday(l)
                    && self.day_number(m).is_none()
                {
                    e.weekday = Some(w);
                    l = m;
                }
                return Some((e, l));
            }
            // "اليوم الماضي" = yesterday, "اليوم التالي" = tomorrow.
            if matches!(self.lex(j), Some(Lex::RelDay(0)))
                && let Some(d) = self.dir(j + 1)
                && d != Direction::Current
            {
                e.relative_day = Some(dir_offset(d));
                return Some((e, j + 2));
            }
        }
        // "الليلة", "هذه الليلة": tonight; "الليلة الماضية": last night.
        let this = usize::from(matches!(self.lex(j), Some(Lex::This)));
        // "الليلة الفاصلة بين..." is a night described, not tonight (asked last: most words
        // here are no night).
        let described = || {
            self.t
                .get(j + this + 1)
                .is_some_and(|t| t.entry.is_none() && t.kind == Kind::Word)
                && self.core(j + this + 1).starts_with("ال")
        };
        if let Some(Lex::DayPart(DayPart::Night, _)) = self.lex(j + this)
            && (this == 1 || self.has_article(j))
            && self.core(j + this).ends_with("ليلة")
            && !described()
        {
            let k = j + this + 1;
            let (off, k) = match self.dir(k) {
                Some(Direction::Past) => (-1, k + 1),
                _ => (0, k),
            };
            e.relative_day = Some(off);
            e.day_part = Some(DayPart::Night);
            return Some((e, k));
        }
        let (mut d, mut k) = self.shifted_day(j)?;
        // "اليوم السابع عشر" is "the seventeenth day", not today.
        if matches!(self.lex(j), Some(Lex::RelDay(0)))
            && matches!(self.lex(k), Some(Lex::Number { ordinal: true, .. }))
        {
            return None;
        }
        // "أمس الأول": the day before yesterday.
        if d == -1
            && self.has_article(k)
            && matches!(
                self.lex(k),
                Some(Lex::Number {
                    value: 1,
                    ordinal: true,
                })
            )
        {
            d = -2;
            k += 1;
        }
        e.relative_day = Some(d);
        j = k;
        // "أمس الاثنين": the weekday names the same day (unless a date follows it).
        if let Some((w, l)) = self.weekday(j)
            && self.day_number(l).is_none()
        {
            e.weekday = Some(w);
            j = l;
        }
        Some((e, j))
    }

    /// أمس، غدا، أول أمس، قبل أمس، بعد غد.
    fn shifted_day(&self, i: usize) -> R<i32> {
        match self.lex(i)? {
            // "بكرة القدم" is ب + كرة ("with the ball"), not "بكرة" (tomorrow).
            Lex::RelDay(1)
                if self.core(i).starts_with("بكر")
                    && self.core(i + 1).starts_with("ال")
                    && self.lex(i + 1).is_none() =>
            {
                None
            }
            Lex::RelDay(d) => Some((i32::from(d), i + 1)),
            Lex::Number {
                value: 1,
                ordinal: true,
            } => {
                let k = if self.is_prep(i + 1, Prep::From) {
                    i + 2
                } else {
                    i + 1
                };
                (matches!(self.lex(k), Some(Lex::RelDay(-1)))).then_some((-2, k + 1))
            }
            Lex::Prep(Prep::Before) => {
                (matches!(self.lex(i + 1), Some(Lex::RelDay(-1)))).then_some((-2, i + 2))
            }
            Lex::Prep(Prep::After) => {
                (matches!(self.lex(i + 1), Some(Lex::RelDay(1)))).then_some((2, i + 2))
            }
            _ => None,
        }
    }

    /// الأسبوع/الشهر/العام/العقد/القرن + الماضي/المقبل/الحالي, هذا الأسبوع...
    fn cycle(&self, i: usize) -> R<DateExpr> {
        let mut e = DateExpr::default();
        let (this, j) = if matches!(self.lex(i), Some(Lex::This)) {
            (true, i + 1)
        } else {
            (false, i)
        };
        let Some(Lex::Unit { unit, count: 1 }) = self.lex(j) else {
            return None;
        };
        let (off, end) = if this {
            (0, j + 1)
        } else {
            if !self.has_article(j) {
                return None;
            }
            // "الأسبوع قبل الماضي", "العام ما قبل الماضي": two back.
            let before = if self.core(j + 1) == "ما" {
                j + 2
            } else {
                j + 1
            };
            if self.is_prep(before, Prep::Before) && self.dir(before + 1) == Some(Direction::Past) {
                (-2, before + 2)
            } else {
                let d = self.dir(j + 1)?;
                // "العقد الأخير من عمره": "the last" of something else, not of the anchor's.
                if matches!(self.core(j + 1), "الاخير" | "الاخيرة") {
                    return None;
                }
                (dir_offset(d), j + 2)
            }
        };
        match unit {
            Unit::Week => e.week = Some(off),
            Unit::Month => e.month = Some(MonthSaid::Relative(off)),
            Unit::Year => {
                if let Some((v, 4)) = self.digits(end) {
                    e.year = Some(YearSaid::Number(v as i32));
                    return Some((e, end + 1));
                }
                e.year = Some(YearSaid::Relative(off));
            }
            Unit::Decade => e.decade = Some(DecadeSaid::Relative(off)),
            Unit::Century => e.century = Some(CenturySaid::Relative(off)),
            _ => return None,
        }
        Some((e, end))
    }

    /// The n-th weekday, week or day of a month:
    /// "آخر اثنين من شهر آذار", "الثلاثاء الأولى من أكتوبر", "اليوم الثالث من أكتوبر",
    /// "الأسبوع الأخير في الشهر التاسع سنة 2014".
    fn nth(&self, i: usize) -> R<DateExpr> {
        let ord_at = |k: usize| -> R<i8> {
            if self.is_last(k) {
                return Some((-1, k + 1));
            }
            match self.lex(k)? {
                Lex::Number {
                    value,
                    ordinal: true,
                } if (1..=5).contains(&value) => Some((value as i8, k + 1)),
                _ => None,
            }
        };
        let mut j = i;
        let (n, of) = if let Some((n, k)) = ord_at(j) {
            // Ordinal first: "ثالث ثلاثاء", "آخر يوم", "اول اسبوع", "ثالث يوم ثلاثاء".
            j = k;
            if self.is_unit(j, Unit::Day) == Some(1) && self.weekday(j + 1).is_some() {
                j += 1;
            }
            if let Some((w, k)) = self.weekday_loose(j) {
                j = k;
                (n, NthOf::Weekday(w))
            } else if self.is_unit(j, Unit::Week) == Some(1) {
                j += 1;
                (n, NthOf::Week)
            } else if self.is_unit(j, Unit::Day) == Some(1) {
                j += 1;
                (n, NthOf::Day)
            } else {
                return None;
            }
        } else {
            // Noun first: "الثلاثاء الأولى", "الأسبوع الأخير", "اليوم الثالث".
            let of = if let Some((w, k)) = self.weekday(j) {
                j = k;
                NthOf::Weekday(w)
            } else if self.is_unit(j, Unit::Week) == Some(1) && self.has_article(j) {
                j += 1;
                NthOf::Week
            } else if matches!(self.lex(j), Some(Lex::RelDay(0))) {
                j += 1;
                NthOf::Day
            } else {
                return None;
            };
            let (n, k) = if of == NthOf::Day {
                // "اليوم الخامس عشر من" is day 15: any ordinal.
                if self.is_last(j) {
                    (-1, j + 1)
                } else {
                    let ((v, ord), k) = self.number_words(j)?;
                    if !ord || !(1..=31).contains(&v) {
                        return None;
                    }
                    (v as i8, k)
                }
            } else {
                ord_at(j)?
            };
            j = k;
            (n, of)
        };
        // Then "من/في/ب" + a month.
        let l = if self.is_prep(j, Prep::From) || self.is_prep(j, Prep::In) {
            j + 1
        } else {
            j
        };
        let ((month, cal, _), m) = self.month(l)?;
        if l == j
            && !self
                .t
                .get(l)
                .and_then(|t| t.entry)
                .is_some_and(|e| e.preposition)
        {
            return None;
        }
        let mut e = DateExpr {
            month: Some(month),
            calendar: Some(cal),
            ..DateExpr::default()
        };
        if of == NthOf::Day && n > 0 {
            e.day = Some(n as u8);
        } else {
            e.nth = Some(Nth { n, of });
        }
        // "السنة القادمة" after the month, or a year.
        let mut end = self.year_tail(m, &mut e);
        if end == m
            && let Some((d, k)) = self.cycle(m)
            && d.year.is_some()
        {
            e.year = d.year;
            end = k;
        }
        Some((e, end))
    }

    /// Decades, centuries, seasons, quarters, halves.
    fn period(&self, i: usize) -> R<DateExpr> {
        let mut e = DateExpr::default();
        match self.lex(i)? {
            Lex::Decade(d) => {
                e.decade = Some(DecadeSaid::Digit(d));
                let mut j = i + 1;
                if let Some((c, k)) = self.century(j) {
                    e.century = Some(c);
                    j = k;
                } else if let Some((v, _)) = self.digits(j).filter(|_| self.adjacent(j)) {
                    // "سبعينيات 19" is rare; ignore.
                    let _ = v;
                }
                Some((e, j))
            }
            Lex::Unit {
                unit: Unit::Century,
                count: 1,
            } => {
                if let Some(h) = self.hijri_century(i) {
                    return Some(h);
                }
                let (c, j) = self.century(i)?;
                e.century = Some(c);
                Some((e, j))
            }
            Lex::Season(_) | Lex::SeasonWord | Lex::This | Lex::MonthHead(MonthHead::Rabi) => {
                self.season(i)
            }
            Lex::Fraction(f @ (15 | 30)) if self.has_article(i) => {
                let ((n, ord), j) = self.number_words(i + 1)?;
                let max = if f == 15 { 4 } else { 2 };
                if !ord || !(1..=max).contains(&n) {
                    return None;
                }
                if f == 15 {
                    e.quarter = Some(n as u8);
                } else {
                    e.half = Some(n as u8);
                }
                let k = self.year_tail(j, &mut e);
                e.year?;
                Some((e, k))
            }
            _ => None,
        }
    }

    /// "القرن العشرين", "القرن الـ20", "القرن الماضي", "القرن الحادي والعشرين".
    fn century(&self, i: usize) -> R<CenturySaid> {
        self.is_unit(i, Unit::Century)?;
        let j = i + 1;
        if let Some(d) = self.dir(j) {
            return Some((CenturySaid::Relative(dir_offset(d)), j + 1));
        }
        let ((n, _), k) = self.number(j)?;
        (1..=100)
            .contains(&n)
            .then_some((CenturySaid::Ordinal(n as i32), k))
    }

    /// "القرن الرابع الهجري": a century counted in Hijri years.
    fn hijri_century(&self, i: usize) -> R<DateExpr> {
        let (c @ CenturySaid::Ordinal(_), j) = self.century(i)? else {
            return None;
        };
        if !matches!(self.lex(j), Some(Lex::EraAh)) {
            return None;
        }
        Some((
            DateExpr {
                century: Some(c),
                calendar: Some(Calendar::Hijri),
                ..DateExpr::default()
            },
            j + 1,
        ))
    }

    /// "فصل الصيف", "صيف 2012", "الشتاء الماضي", "هذا الصيف".
    fn season(&self, i: usize) -> R<DateExpr> {
        let mut j = i;
        let mut context = false;
        let mut e = DateExpr::default();
        if matches!(self.lex(j), Some(Lex::This)) {
            e.direction = Some(Direction::Current);
            j += 1;
            context = true;
        }
        if matches!(self.lex(j), Some(Lex::SeasonWord)) {
            j += 1;
            context = true;
        }
        let s = match self.lex(j)? {
            Lex::Season(s) => s,
            Lex::MonthHead(MonthHead::Rabi) if self.month(j).is_none() => Season::Spring,
            _ => return None,
        };
        e.season = Some(s);
        j += 1;
        let k = self.year_tail(j, &mut e);
        if k == j
            && let Some((d, l)) = self.cycle(self.skip_link(j))
            && d.year.is_some()
        {
            e.year = d.year;
            return Some((e, l));
        }
        (context || k > j).then_some((e, k))
    }

    /// A feast's name: "عيد الفطر", "عيد الأضحى 2013", "رأس السنة الهجرية", "عيد الميلاد
    /// الأرثوذكسي", "ثاني أيام عيد الفطر", "ثالث ثلاثاء بعد كريسماس 2014".
    fn feast_name(&self, i: usize) -> R<(crate::expr::Feast, bool)> {
        // Most positions start no feast name: look the first word up once.
        if self.t.get(i).is_none_or(|t| t.kind != Kind::Word) {
            return None;
        }
        let first = self.core_bytes(i);
        let names = FEAST_HEADS
            .get(first.len())?
            .iter()
            .find(|(h, _)| h.as_bytes() == first)?;
        let (feast, mut j) = names.1.iter().find_map(|(rest, feast)| {
            rest.iter()
                .enumerate()
                .all(|(k, w)| self.core_bytes(i + 1 + k) == w.as_bytes())
                .then_some((*feast, i + 1 + rest.len()))
        })?;
        if FEAST_EPITHETS.contains(&self.core(j)) {
            j += 1;
        }
        let orthodox = ORTHODOX.contains(&self.core(j));
        if orthodox {
            j += 1;
        }
        Some(((feast, orthodox), j))
    }

    fn feast(&self, i: usize) -> R<DateExpr> {
        let mut e = DateExpr::default();
        let mut j = i;
        // "ثاني أيام عيد الفطر": the n-th day of the feast.
        if let Some(Lex::Number {
            value,
            ordinal: true,
        }) = self.lex(j)
            && (1..=4).contains(&value)
            && self.is_unit(j + 1, Unit::Day) == Some(0)
        {
            e.nth = Some(Nth {
                n: value as i8,
                of: NthOf::Day,
            });
            j += 2;
        } else if let Some(Lex::Number {
            value,
            ordinal: true,
        }) = self.lex(j)
            && (1..=5).contains(&value)
        {
            // "ثالث ثلاثاء بعد كريسماس": the n-th weekday after the feast.
            let mut k = j + 1;
            if self.is_unit(k, Unit::Day) == Some(1) {
                k += 1;
            }
            let (w, l) = self.weekday_any(k)?;
            if !self.is_prep(l, Prep::After) {
                return None;
            }
            e.nth = Some(Nth {
                n: value as i8,
                of: NthOf::Weekday(w),
            });
            j = l + 1;
        }
        let ((feast, orthodox), k) = self.feast_name(j)?;
        e.feast = Some(feast);
        e.orthodox = orthodox;
        let end = self.year_tail(k, &mut e);
        Some((e, end))
    }

    /// مطلع/منتصف/أواخر + a month, a year, a decade or a century: "منتصف آذار",
    /// "أواخر العام الماضي", "بداية الشهر الجاري", "نهاية 2012", "أوائل التسعينيات".
    /// "ابتداء من 1 تموز", "بداية من جويلية 2015", "اعتبارا من الغد": from a date on.
    fn starting_from(&self, i: usize) -> R<Expr> {
        let starting = matches!(self.lex(i), Some(Lex::Starting))
            || (matches!(self.lex(i), Some(Lex::Part(Part::Early))) && self.core(i) == "بداية");
        if !starting || !self.is_prep(i + 1, Prep::From) {
            return None;
        }
        let (d, k) = self.datetime(i + 2)?;
        Some((
            Expr::Range(
                Box::new(Expr::Date(d)),
                Box::new(Expr::Vague(Vague::Future)),
            ),
            k,
        ))
    }

    fn part_of(&self, i: usize) -> R<DateExpr> {
        let part = match self.lex(i)? {
            Lex::Part(p) => p,
            Lex::Fraction(30) if self.is_unit(i + 1, Unit::Month).is_some() => Part::Mid,
            _ => return None,
        };
        let j = self.skip_link(i + 1);
        let (mut e, k) = if let Some(x) = self.day_month(j).filter(|x| x.0.day.is_none()) {
            x
        } else if let Some(x) = self.period(j).or_else(|| self.cycle(j)) {
            x
        } else if let Some(((y, cal), k)) = self.year(j, true) {
            (
                DateExpr {
                    year: Some(y),
                    calendar: cal,
                    ..DateExpr::default()
                },
                k,
            )
        } else if let Some(Lex::Unit { unit, count: 1 }) = self.lex(j)
            && self.has_article(j)
        {
            // "نهاية العام", "مطلع الشهر": the current one.
            let mut e = DateExpr::default();
            match unit {
                Unit::Year => e.year = Some(YearSaid::Relative(0)),
                Unit::Month => e.month = Some(MonthSaid::Relative(0)),
                Unit::Week => e.week = Some(0),
                _ => return None,
            }
            (e, j + 1)
        } else {
            return None;
        };
        if e.weekday.is_some() || e.nth.is_some() {
            return None;
        }
        e.part = Some(part);
        Some((e, k))
    }

    /// A year alone: "عام 2012", "2012م", "العام الماضي", or four digits after a preposition.
    fn year_alone(&self, i: usize) -> R<DateExpr> {
        let bare = self.temporal_before(i)
            && self
                .digits(i)
                .is_some_and(|(v, d)| d == 4 && (1000..=2100).contains(&v));
        let ((y, cal), j) = self.year(i, bare)?;
        // "2011 شخصا" is a count, not a year.
        if self.year_marker_absent(i) && matches!(self.lex(j), Some(Lex::Unit { .. })) {
            return None;
        }
        Some((
            DateExpr {
                year: Some(y),
                calendar: cal,
                ..DateExpr::default()
            },
            j,
        ))
    }

    fn year_marker_absent(&self, i: usize) -> bool {
        self.digits(i).is_some()
    }

    // ---- clock times --------------------------------------------------------------------

    /// "الساعة 3 و15 دقيقة عصرا", "15:15", "الثالثة وربع بعد الظهر", "الساعة 12 الا ربع".
    fn time(&self, i: usize) -> R<TimeSaid> {
        let mut j = i;
        let clock = self.is_unit(j, Unit::Hour) == Some(1) && self.has_article(j);
        if clock {
            j += 1;
        }
        let mut t = TimeSaid {
            hour: 0,
            minute: None,
            second: None,
            meridiem: None,
        };
        let mut hhmm = false;
        if let Some((h, dh)) = self.digits(j) {
            // After "الساعة", hours and minutes past the clock's are kept for resolution to report.
            if dh > 2 || (h > 24 && !clock) {
                return None;
            }
            t.hour = h as u8;
            j += 1;
            if self.punct(j, ':') && self.adjacent(j) && self.adjacent(j + 1) {
                let (m, dm) = self.digits(j + 1)?;
                if dm != 2 || (m > 59 && !clock) {
                    return None;
                }
                t.minute = Some(m as u8);
                j += 2;
                hhmm = true;
                if self.punct(j, ':') && self.adjacent(j) && self.adjacent(j + 1) {
                    let (s, ds) = self.digits(j + 1)?;
                    if ds != 2 || s > 59 {
                        return None;
                    }
                    t.second = Some(s as u8);
                    j += 2;
                }
            }
        } else if clock || self.feminine_hour(j) {
            let ((mut h, _), mut k) = self.number_words(j)?;
            // "الرابعة وأربعون دقيقة": the tens belong to the minutes.
            if h > 24
                && let Some(Lex::Number { value, .. }) = self.lex(j)
            {
                h = value;
                k = j + 1;
            }
            if !(1..=24).contains(&h) {
                return None;
            }
            t.hour = h as u8;
            j = k;
        } else {
            return None;
        }
        if !hhmm {
            j = self.clock_minutes(j, &mut t);
        }
        let (mer, k) = self.meridiem(j);
        // "3 صباحا" is a time; "24 الليل" in a list is not: digits without الساعة or hh:mm
        // need an hour on the 12-hour clock and a day-part adverb right after them.
        if !clock
            && !hhmm
            && self.digits(i).is_some()
            && (t.hour > 12 || k != j + 1 || self.has_article(j))
        {
            return None;
        }
        t.meridiem = mer;
        j = k;
        // A time zone: "بتوقيت GMT", "بتوقيت مكة المكرمة".
        if matches!(self.lex(j), Some(Lex::Zone))
            && self.t.get(j + 1).is_some_and(|t| t.kind == Kind::Word)
        {
            j += 2;
            if self.core(j).starts_with("ال") && self.t.get(j).and_then(|t| t.entry).is_none() {
                j += 1;
            }
        }
        if !(clock || hhmm || t.meridiem.is_some()) {
            return None;
        }

        Some((t, j))
    }

    /// Minutes after an hour: "و15 دقيقة", "وربع", "الا ثلث", "وخمس وأربعون دقيقة".
    fn clock_minutes(&self, j: usize, t: &mut TimeSaid) -> usize {
        let and = matches!(self.lex(j), Some(Lex::And));
        let k = if and { j + 1 } else { j };
        let attached_and = !and && self.starts_with_waw(k) && self.has_clitic(k);
        if and || attached_and {
            if let Some(Lex::Fraction(f)) = self.lex(k) {
                t.minute = Some(f);
                return k + 1;
            }
            if let Some(((m, _), l)) = self.number(k)
                && (1..=59).contains(&m)
            {
                let mut l = l;
                if matches!(self.lex(l), Some(Lex::Minute)) {
                    l += 1;
                }
                t.minute = Some(m as u8);
                return l;
            }
            return j;
        }
        if matches!(self.lex(j), Some(Lex::Except)) {
            let (sub, l) = match self.lex(j + 1) {
                Some(Lex::Fraction(f)) => (u32::from(f), j + 2),
                _ => match self.number(j + 1) {
                    Some(((m, _), l)) if (1..=59).contains(&m) => (
                        m,
                        if matches!(self.lex(l), Some(Lex::Minute)) {
                            l + 1
                        } else {
                            l
                        },
                    ),
                    _ => return j,
                },
            };
            t.hour = if t.hour == 0 { 23 } else { t.hour - 1 };
            t.minute = Some((60 - sub) as u8);
            return l;
        }
        j
    }

    /// صباحا، مساء، بعد الظهر، قبل المغرب، هذا الصباح، هذه الليلة، الصبح، العصر.
    fn meridiem(&self, j: usize) -> (Option<Meridiem>, usize) {
        match self.lex(j) {
            Some(Lex::DayPart(_, m)) => (Some(m), j + 1),
            // "الظهر", "العصر"; bare "ظهر" is also the verb "appeared".
            Some(Lex::Prayer(m)) if self.has_article(j) => (Some(m), j + 1),
            Some(Lex::Prep(p @ (Prep::Before | Prep::After))) => match self.lex(j + 1) {
                Some(Lex::Prayer(m)) => {
                    let m = if p == Prep::Before && m == Meridiem::Noon {
                        Meridiem::Am
                    } else if m == Meridiem::Noon {
                        Meridiem::Pm
                    } else {
                        m
                    };
                    (Some(m), j + 2)
                }
                _ => (None, j),
            },
            Some(Lex::This) => match self.lex(j + 1) {
                Some(Lex::DayPart(_, m)) => (Some(m), j + 2),
                _ => (None, j),
            },
            _ => (None, j),
        }
    }

    // ---- relative spans, durations, sets, vague -----------------------------------------

    /// قبل/منذ/بعد/خلال + a count of units; "الأيام الثلاثة الماضية"; "خلال الأشهر الماضية".
    fn relative(&self, i: usize) -> R<Expr> {
        match self.lex(i)? {
            Lex::Prep(p @ (Prep::Before | Prep::Since | Prep::After | Prep::During)) => {
                let j = i + 1;
                // "عاما بعد عام", "يوما بعد يوم": year after year, not a year later.
                if p == Prep::After
                    && let (Some(Lex::Unit { unit: u1, .. }), Some(Lex::Unit { unit: u2, .. })) =
                        (i.checked_sub(1).and_then(|b| self.lex(b)), self.lex(j))
                    && u1 == u2
                {
                    return None;
                }
                if let Some(((count, unit), k)) = self.count_unit(j) {
                    // "قبل عام 2011" is a year, not an offset.
                    if self.digits(k).is_some_and(|(_, d)| d == 4) {
                        return None;
                    }
                    // "خلال الأيام الثلاثة الماضية" is handled as a span below.
                    if let Some(span) = self.last_n(j) {
                        return Some(span);
                    }
                    // "بعد ستة أعوام من اندلاع الانتفاضة", "قبل عامين من الانتخابات": counted
                    // from another event, not from the anchor: a length of time.
                    if matches!(p, Prep::Before | Prep::After)
                        && (self.is_prep(k, Prep::From) || self.core(k) == "على")
                    {
                        return Some((
                            Expr::Duration(Duration {
                                count: Some(count),
                                unit,
                            }),
                            k,
                        ));
                    }
                    let shift = match p {
                        Prep::Before | Prep::Since => Shift::Ago,
                        Prep::After => Shift::Later,
                        _ => Shift::Within,
                    };
                    return Some((Expr::Relative { count, unit, shift }, k));
                }
                if let Some(span) = self.last_n(j) {
                    return Some(span);
                }
                // "منذ سنوات", "خلال العقود الماضية", "في الأيام المقبلة".
                self.vague_plural(j, p)
            }
            _ => self.last_n(i),
        }
    }

    /// N + unit, a dual unit, or a lone singular unit (count 1).
    fn count_unit(&self, i: usize) -> R<(u32, Unit)> {
        if let Some(Lex::Unit { unit, count }) = self.lex(i) {
            if self.has_article(i) {
                return None;
            }
            // "شهر رمضان", "شهر آذار" name a month, not one month of time.
            if count == 1 && self.month_name_only(i + 1).is_some() {
                return None;
            }
            return match count {
                1 => Some(((1, unit), i + 1)),
                2 => Some(((2, unit), i + 1)),
                _ => None,
            };
        }
        let ((n, ordinal), j) = self.number(i)?;
        if ordinal || n == 0 {
            return None;
        }
        match self.lex(j)? {
            Lex::Unit { unit, count }
                if count != 2 && !self.has_article(j) && !self.has_clitic(j) =>
            {
                Some(((n, unit), j + 1))
            }
            _ => None,
        }
    }

    /// "الأيام الثلاثة الماضية", "الأسابيع الثلاثة القادمة", "العامين الماضيين",
    /// "الـ24 ساعة الماضية", "السنوات العشر الأخيرة".
    fn last_n(&self, i: usize) -> R<Expr> {
        let (count, unit, j) = if let Some(Lex::Unit { unit, count }) = self.lex(i) {
            if !self.has_article(i) || count == 1 {
                return None;
            }
            if count == 2 {
                (2, unit, i + 1)
            } else {
                let ((n, _), k) = self.number(i + 1)?;
                (n, unit, k)
            }
        } else {
            let ((n, _), k) = self.number(i)?;
            if !self.word_is(i, "ال") && !self.has_article(i) {
                return None;
            }
            match self.lex(k)? {
                Lex::Unit { unit, .. } => (n, unit, k + 1),
                _ => return None,
            }
        };
        if count == 0 {
            return None;
        }
        let d = self.dir(j)?;
        let shift = match d {
            Direction::Past => Shift::LastN,
            Direction::Future => Shift::NextN,
            Direction::Current => return None,
        };
        Some((Expr::Relative { count, unit, shift }, j + 1))
    }

    fn vague_plural(&self, j: usize, p: Prep) -> R<Expr> {
        let Some(Lex::Unit { count: 0, .. }) = self.lex(j) else {
            return None;
        };
        let k = if self.core(j + 1) == "القليلة" {
            j + 2
        } else {
            j + 1
        };
        let v = match (self.dir(k), p) {
            (Some(Direction::Past), _) => (Vague::Past, k + 1),
            (Some(Direction::Future), _) => (Vague::Future, k + 1),
            (None, Prep::Since | Prep::Before) if !self.has_article(j) => (Vague::Past, j + 1),
            _ => return None,
        };
        Some((Expr::Vague(v.0), v.1))
    }

    /// Durations: "ثلاثة أيام", "3 أسابيع", "يومين", "لمدة أسبوع", "عدة سنوات".
    fn quantity(&self, i: usize) -> R<Expr> {
        // "شهر واحد", "يوم واحد": one unit, said with the number after it.
        if let Some(Lex::Unit { unit, count: 1 }) = self.lex(i)
            && !self.has_article(i)
            && matches!(
                self.lex(i + 1),
                Some(Lex::Number {
                    value: 1,
                    ordinal: false,
                })
            )
        {
            return Some((
                Expr::Duration(Duration {
                    count: Some(1),
                    unit,
                }),
                i + 2,
            ));
        }
        // "لمدة أسبوع", "طوال عام": one unit after a preposition of duration.
        if let Some(Lex::Unit { unit, count: 1 }) = self.lex(i)
            && !self.has_article(i)
            && i.checked_sub(1).is_some_and(|p| self.is_prep(p, Prep::For))
        {
            return Some((
                Expr::Duration(Duration {
                    count: Some(1),
                    unit,
                }),
                i + 1,
            ));
        }
        if matches!(self.lex(i), Some(Lex::Several)) {
            if let Some(Lex::Unit { unit, count: 0 }) = self.lex(i + 1) {
                return Some((Expr::Duration(Duration { count: None, unit }), i + 2));
            }
            return None;
        }
        if let Some(Lex::Unit { unit, count: 2 }) = self.lex(i) {
            if self.has_article(i) {
                return None;
            }
            return Some((
                Expr::Duration(Duration {
                    count: Some(2),
                    unit,
                }),
                i + 1,
            ));
        }
        let ((n, _), k) = self.number(i).filter(|((_, ord), _)| !ord)?;
        // A four-digit number before a unit is more often a count of things than of years.
        match self.lex(k)? {
            Lex::Unit { unit, count }
                if count != 2 && !self.has_article(k) && !self.has_clitic(k) && n > 0 =>
            {
                if matches!(unit, Unit::Hour) && self.punct(k + 1, ':') {
                    return None;
                }
                Some((
                    Expr::Duration(Duration {
                        count: Some(n),
                        unit,
                    }),
                    k + 1,
                ))
            }
            _ => None,
        }
    }

    /// "كل يوم", "كل يوم جمعة", "كل أسبوعين", "يوميا", "أسبوعيا".
    fn set(&self, i: usize) -> R<Expr> {
        match self.lex(i)? {
            Lex::Adverb(unit) => Some((
                Expr::Set(Recurrence::Every(Duration {
                    count: Some(1),
                    unit,
                })),
                i + 1,
            )),
            Lex::Every => {
                let j = i + 1;
                if let Some((w, k)) = self.weekday(j) {
                    return Some((Expr::Set(Recurrence::Weekday(w)), k));
                }
                if self.is_unit(j, Unit::Day) == Some(1)
                    && let Some((w, k)) = self.weekday_loose(j + 1)
                {
                    return Some((Expr::Set(Recurrence::Weekday(w)), k));
                }
                let ((n, unit), k) = self.count_unit(j)?;
                Some((
                    Expr::Set(Recurrence::Every(Duration {
                        count: Some(n),
                        unit,
                    })),
                    k,
                ))
            }
            _ => None,
        }
    }

    /// الآن، حاليا، مؤخرا، سابقا، مستقبلا، في الماضي، في المستقبل، في هذه اللحظة.
    fn vague(&self, i: usize) -> R<Expr> {
        match self.lex(i)? {
            Lex::Vague(v) => Some((Expr::Vague(v), i + 1)),
            // "في وقت سابق", "في وقت لاحق".
            Lex::Moment => match self.core(i + 1) {
                "سابق" => Some((Expr::Vague(Vague::Past), i + 2)),
                "لاحق" | "قريب" => Some((Expr::Vague(Vague::Future), i + 2)),
                _ => None,
            },
            // "في الأيام المقبلة", "الأشهر القليلة الماضية".
            Lex::Unit { count: 0, .. } if self.has_article(i) => {
                let j = if self.core(i + 1) == "القليلة" {
                    i + 2
                } else {
                    i + 1
                };
                match self.dir(j)? {
                    Direction::Past => Some((Expr::Vague(Vague::Past), j + 1)),
                    Direction::Future => Some((Expr::Vague(Vague::Future), j + 1)),
                    Direction::Current => None,
                }
            }
            Lex::This if self.core(i + 1) == "اللحظة" => {
                Some((Expr::Vague(Vague::Present), i + 2))
            }
            _ => None,
        }
    }

    // ---- ranges -------------------------------------------------------------------------

    /// "من X إلى Y", "بين X و Y", "23–24 كانون الأول", "23 و24 كانون الأول", "يوليو 13-15",
    /// "2007-2011", "من الساعة 3 الى الساعة 4 بعد العصر". `date` and `datetime` are
    /// [`P::date`] and [`P::datetime`] at `i`, which [`P::any`] reads anyway.
    fn range(&self, i: usize, date: R<DateExpr>, datetime: R<DateExpr>) -> R<Expr> {
        let (mut from_at, mut between) = match self.lex(i) {
            Some(Lex::Prep(Prep::From)) => (i + 1, false),
            Some(Lex::Prep(Prep::Between)) => (i + 1, true),
            _ => (i, false),
        };
        // "يومي الجمعة والسبت", "بين يومي الإثنين والثلاثاء", "شهري يوليو وأغسطس": two named
        // days or months, taken as the span from one to the other.
        let named_pair = match self.lex(from_at) {
            Some(Lex::Pair(Unit::Day)) => self.weekday_any(from_at + 1).is_some(),
            Some(Lex::Pair(Unit::Month)) => self.month_name_only(from_at + 1).is_some(),
            _ => false,
        };
        if named_pair {
            from_at += 1;
            between = true;
        }
        let marked = from_at > i;
        // A date-ish prefix shared by both ends: "الخميس من الساعة 9 حتى 11".
        if !marked
            && let Some((prefix, j)) = date
            && prefix.time.is_none()
            && self.is_prep(j, Prep::From)
            && let Some((Expr::Range(a, b), k)) = {
                let date = self.date(j);
                self.range(j, date, self.datetime_from(j, date))
            }
            && let (Expr::Date(a), Expr::Date(b)) = (*a, *b)
            && a.time.is_some()
            && b.time.is_some()
        {
            let a = merge_time(prefix, a.time?);
            let b = merge_time(prefix, b.time?);
            return Some((
                Expr::Range(Box::new(Expr::Date(a)), Box::new(Expr::Date(b))),
                k,
            ));
        }
        // "يوليو 13-15", "تموز 13 الى 15": a month, then a day range.
        if !marked
            && let Some(((month, cal, _), j)) = self.month(i)
            && let Some((d1, k)) = self.day_number(j)
            && self.digits(j).is_some()
            && let Some(l) = self.range_sep(k, false)
            && let Some((d2, m)) = self.day_number(l)
            && self.digits(l).is_some()
        {
            let mut a = DateExpr {
                day: Some(d1),
                month: Some(month),
                calendar: Some(cal),
                ..DateExpr::default()
            };
            let mut b = a;
            b.day = Some(d2);
            let end = self.year_tail(m, &mut b);
            a.year = b.year;
            return Some((
                Expr::Range(Box::new(Expr::Date(a)), Box::new(Expr::Date(b))),
                end,
            ));
        }
        let full = if marked {
            self.datetime(from_at)
        } else {
            datetime
        };
        let (a, j) = self.range_start(from_at, full)?;
        let k = self.range_sep(j, between)?;
        let to = matches!(self.lex(j), Some(Lex::Prep(Prep::To | Prep::Until)));
        if !(marked
            || self.punct(j, '-')
            || matches!(self.lex(j), Some(Lex::And))
            || self.has_clitic(j)
            || to)
        {
            return None;
        }
        let (b, end) = match self.datetime(k) {
            Some(x) => x,
            // "2007-2011", "من 2007 إلى 2011": a bare year ends a range of years.
            None if a.year.is_some() && a.month.is_none() => {
                let (v, _) = self
                    .digits(k)
                    .filter(|&(v, d)| d == 4 && (1000..=2100).contains(&v))?;
                (
                    DateExpr {
                        year: Some(YearSaid::Number(v as i32)),
                        ..DateExpr::default()
                    },
                    k + 1,
                )
            }
            None => return None,
        };
        if !marked && to && b.month.is_none() && b.time.is_none() && b.year.is_none() {
            return None;
        }
        let a_had_month = a.month.is_some();
        let (a, b) = complete_range(a, b)?;
        // Without من/بين, "X و Y" must be two days of one month ("23 و24 كانون الأول"): "2008
        // و2012" are two years.
        let and = matches!(self.lex(j), Some(Lex::And))
            || (self.has_clitic(j) && self.starts_with_waw(j));
        let days = a.day.is_some() && !(and && a_had_month && b.month.is_some());
        let years = a.year.is_some() && a.month.is_none() && !and;
        if !marked && !days && !years {
            return None;
        }
        // "20 و29 ديسمبر" are two days, not the ten between them: the first is a mention of
        // its own (with the month of the second), the second is found next.
        if !marked
            && and
            && !a_had_month
            && let (Some(d1), Some(d2)) = (a.day, b.day)
            && d2 != d1.saturating_add(1)
            && a.time.is_none()
        {
            return Some((Expr::Date(a), j));
        }
        Some((
            Expr::Range(Box::new(Expr::Date(a)), Box::new(Expr::Date(b))),
            end,
        ))
    }

    /// The first end of a range: a full date or time, or a bare day number waiting for its month.
    /// `full` is [`P::datetime`] at `i`.
    fn range_start(&self, i: usize, full: R<DateExpr>) -> R<DateExpr> {
        if let Some((d, j)) = full
            && (d.month.is_some() || d.year.is_some() || d.time.is_some() || d.weekday.is_some())
        {
            return Some((d, j));
        }
        // A year alone: "من 2007 إلى 2011", "2007-2011".
        if let Some((v, 4)) = self.digits(i)
            && (1000..=2100).contains(&v)
        {
            return Some((
                DateExpr {
                    year: Some(YearSaid::Number(v as i32)),
                    ..DateExpr::default()
                },
                i + 1,
            ));
        }
        let (day, j) = self.day_number(i)?;
        Some((
            DateExpr {
                day: Some(day),
                ..DateExpr::default()
            },
            j,
        ))
    }

    /// The word between the ends of a range.
    fn range_sep(&self, j: usize, between: bool) -> Option<usize> {
        if between {
            return match self.lex(j) {
                Some(Lex::And) => Some(j + 1),
                _ if self.starts_with_waw(j) && self.has_clitic(j) => Some(j),
                _ if self.word(j) == "و" => Some(j + 1),
                _ => None,
            };
        }
        if self.punct(j, '-') {
            return Some(j + 1);
        }
        match self.lex(j) {
            Some(Lex::Prep(Prep::To | Prep::Until)) => Some(j + 1),
            Some(Lex::And) => Some(j + 1),
            // "وحتى", "ولغاية".
            _ if self.has_clitic(j)
                && matches!(self.lex(j), Some(Lex::Prep(Prep::Until | Prep::To))) =>
            {
                Some(j + 1)
            }
            _ if self.word(j) == "و" => Some(j + 1),
            // "و24" is "و" + a number.
            _ => None,
        }
    }
}

/// Gives a time to a day.
fn merge_time(mut day: DateExpr, t: TimeSaid) -> DateExpr {
    day.time = Some(t);
    day
}

/// Fills each end of a range from the other: "13 الى 15 تموز" gives the first end its month,
/// "من الساعة 3 الى الساعة 4 بعد العصر" its afternoon.
fn complete_range(mut a: DateExpr, mut b: DateExpr) -> Option<(DateExpr, DateExpr)> {
    if a.day.is_some() && a.month.is_none() && b.month.is_some() {
        a.month = b.month;
        a.calendar = b.calendar;
    }
    if a.month.is_some()
        && a.year.is_none()
        && b.year.is_some()
        && a.day.is_some() == b.day.is_some()
    {
        a.year = b.year;
        if a.calendar.is_none() {
            a.calendar = b.calendar;
        }
    }
    if a.direction.is_none() {
        a.direction = b.direction;
    }
    // A bare number as the second end of a date range: "23–24 كانون الأول" has it first; here
    // "من 23 آذار إلى 2" is not a range.
    if b.is_empty() {
        return None;
    }
    if let (Some(ta), Some(tb)) = (a.time.as_mut(), b.time)
        && ta.meridiem.is_none()
    {
        ta.meridiem = tb.meridiem;
    }
    if a.time.is_some() && b.time.is_some() {
        if a.day.is_none() && a.relative_day.is_none() && a.weekday.is_none() {
            a.relative_day = b.relative_day;
            a.weekday = b.weekday;
            a.day = b.day;
            a.month = b.month;
            a.year = b.year;
        }
        if b.day.is_none() && b.relative_day.is_none() && b.weekday.is_none() {
            b.relative_day = a.relative_day;
            b.weekday = a.weekday;
            b.day = a.day;
            b.month = a.month;
            b.year = a.year;
        }
    }
    // Both ends must be of the same kind of thing.
    let kind = |d: &DateExpr| {
        (
            d.day.is_some() || d.weekday.is_some() || d.relative_day.is_some(),
            d.time.is_some(),
        )
    };
    if kind(&a) != kind(&b)
        && !(a.year.is_some() && b.year.is_some())
        && !(a.month.is_some() && b.month.is_some())
    {
        return None;
    }
    Some((a, b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold;
    use crate::token::tokenize;

    fn found(text: &str) -> Vec<(String, Expr)> {
        let f = fold(text);
        let mut toks = Vec::new();
        tokenize(&f, &mut toks);
        let mut out = Vec::new();
        recognize(&f, &toks, &mut out);
        out.into_iter()
            .map(|m| {
                let s = toks[m.first].core_start() as usize;
                let e = toks[m.last - 1].end as usize;
                (f[s..e].to_string(), m.expr)
            })
            .collect()
    }

    #[test]
    fn finds_the_seed_expressions() {
        let got = found("زيارة إلى موسكو، الثلاثاء 23 كانون الأول.");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "الثلاثاء 23 كانون الاول");
        let got = found("في 15 من تشرين الأول الماضي");
        assert_eq!(got[0].0, "15 من تشرين الاول الماضي");
        match &got[0].1 {
            Expr::Date(d) => {
                assert_eq!(d.day, Some(15));
                assert_eq!(d.direction, Some(Direction::Past));
            }
            e => panic!("{e:?}"),
        }
    }

    /// The bundled texts and test cases, folded and tokenized: news, the data-driven cases,
    /// Duckling's examples and the event dates.
    fn bundled_tokens() -> Vec<(String, Vec<Token>)> {
        let data = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
        let mut files: Vec<_> = std::fs::read_dir(data)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        let mut out = Vec::new();
        for path in files {
            let text = fold(&std::fs::read_to_string(&path).unwrap_or_default());
            let mut toks = Vec::new();
            tokenize(&text, &mut toks);
            out.push((text, toks));
        }
        assert!(out.iter().map(|(_, t)| t.len()).sum::<usize>() > 100_000);
        out
    }

    #[test]
    fn feast_heads_by_length() {
        let mut n = 0;
        for (h, names) in FEAST_HEADS.iter().flatten() {
            for (rest, feast) in names {
                let mut words = vec![*h];
                words.extend(rest.iter());
                assert!(FEASTS.contains(&(&words[..], *feast)), "{words:?}");
                n += 1;
            }
        }
        assert_eq!(n, FEASTS.len());
    }

    /// What `date_starts` assumes of the words the patterns read by spelling: their class,
    /// the same with any clitics before them.
    #[test]
    fn spelled_words_have_their_class() {
        let lexicon = crate::lexicon::Lexicon::get();
        let feast = |l: Option<Lex>| {
            matches!(
                l,
                Some(
                    Lex::FeastHead
                        | Lex::Unit {
                            unit: Unit::Day,
                            count: 1
                        }
                        | Lex::DayPart(DayPart::Night, _)
                )
            )
        };
        let weekday = |l: Option<Lex>| {
            matches!(
                l,
                Some(Lex::Number {
                    value: ..=2,
                    ordinal: false
                })
            )
        };
        let last = |l: Option<Lex>| matches!(l, Some(Lex::Last | Lex::Dir(_)));
        type Check<'c> = &'c dyn Fn(Option<Lex>) -> bool;
        let mut words: Vec<(&str, Check)> = Vec::new();
        for (w, _) in FEASTS {
            words.push((w.first().copied().unwrap_or(""), &feast));
        }
        words.push(("احد", &weekday));
        words.push(("اثنين", &weekday));
        words.push(("الاخير", &last));
        words.push(("الاخيرة", &last));
        let clitics = [
            "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "لل", "ولل", "فلل",
        ];
        for (w, ok) in words {
            assert!(lexicon.classify(w).is_some(), "{w}");
            for c in clitics {
                let text = format!("{c}{w}");
                let mut toks = Vec::new();
                tokenize(&text, &mut toks);
                let p = P { t: &toks, s: &text };
                if p.core(0) == w {
                    assert!(ok(p.lex(0)), "{text}: {:?}", p.lex(0));
                }
            }
        }
    }

    /// At every token of every bundled text, a fast path gives what trying every pattern gives;
    /// at least `least` positions found something.
    fn fast_agrees_with_slow<T: PartialEq + std::fmt::Debug>(
        fast: impl Fn(&P, usize) -> Option<(T, usize)>,
        slow: impl Fn(&P, usize) -> Option<(T, usize)>,
        least: usize,
    ) {
        let mut found = 0;
        for (text, toks) in bundled_tokens() {
            let p = P { t: &toks, s: &text };
            for i in 0..=toks.len() {
                let want = slow(&p, i);
                assert_eq!(fast(&p, i), want, "at {i} in {:?}", toks.get(i));
                found += usize::from(want.is_some());
            }
        }
        assert!(found > least, "{found} found");
    }

    #[test]
    fn date_starts_agrees_with_every_pattern() {
        fast_agrees_with_slow(|p, i| p.date(i), |p, i| p.date_all(i), 1000);
    }

    #[test]
    fn any_agrees_with_every_pattern() {
        fast_agrees_with_slow(|p, i| p.any(i), |p, i| p.any_all(i), 1000);
    }

    /// The main loop tries patterns only at tokens marked [`Token::starts`]: at every token of
    /// the bundled texts where some pattern matches, the mark is set, and it never says more
    /// than [`may_start`].
    #[test]
    fn tokens_know_whether_they_may_start() {
        let mut starts = 0;
        for (text, toks) in bundled_tokens() {
            let p = P { t: &toks, s: &text };
            for (i, t) in toks.iter().enumerate() {
                assert!(!t.starts || may_start(t), "at {i}: {t:?}");
                if p.any_all(i).is_some_and(|(_, end)| end > i) {
                    assert!(t.starts, "at {i}: {t:?}");
                    starts += 1;
                }
            }
        }
        assert!(starts > 1000, "{starts} starts");
    }

    /// Each of `whole` is found as one expression, all of it (but a full stop at the end), and
    /// nothing is found in any of `none`.
    fn found_whole_and_none(whole: &[&str], none: &[&str]) {
        for text in whole {
            let got = found(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].0, fold(text).trim_end_matches('.'), "{text}");
        }
        for text in none {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    /// A number in words begins an expression only before a word that can go on with it; the
    /// weekdays named by numbers stand alone.
    #[test]
    fn numbers_in_words_begin_only_what_goes_on() {
        found_whole_and_none(
            &[
                "الخامس من آذار",
                "الحادي والعشرين من آذار",
                "الحادي و عشرين من آذار",
                "الخامس عشر من شباط",
                "ثلاثة أيام",
                "الثانية عشرة ظهرا",
                "الثانية ظهرا",
                "اول امس",
                "ثاني أيام عيد الفطر",
                "الاثنين",
                "الأحد.",
            ],
            &[
                "المرحلة الأولى.",
                "القناة الثانية، قالت",
                "ثلاثة لاعبين",
                "الأولى التي",
            ],
        );
    }

    /// قبل، منذ، بعد، خلال begin an expression before a number, a word the lexicon knows or
    /// the article before digits, and nothing before any other word.
    #[test]
    fn prepositions_of_time_begin_only_what_goes_on() {
        found_whole_and_none(
            &[
                "قبل ثلاثة أيام",
                "منذ سنوات",
                "بعد غد",
                "بعد 3 أيام",
                "قبل الـ24 ساعة الماضية",
                "خلال الأيام الثلاثة الماضية",
            ],
            &["بعد زيارته", "خلال الاجتماع", "منذ البداية،", "قبل ."],
        );
    }

    #[test]
    fn ambiguous_words_need_context() {
        for text in [
            "مارس الضغط على الحكومة",
            "والده رجب طيب",
            "صفر من الأهداف",
            "الربيع العربي",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        assert_eq!(found("في مارس").len(), 1);
        assert_eq!(found("5 مارس").len(), 1);
    }
}
