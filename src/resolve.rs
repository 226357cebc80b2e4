//! Resolution: an [`Expr`] and an [`Anchor`] under a [`Policy`] give a [`Value`].
//!
//! All calendar arithmetic lives here, on chrono types. The rules, in short (each is tested in
//! `tests/resolve.rs` and shown on [`Policy`]):
//!
//! - A yearless date takes a year by the policy: under [`Policy::News`] the year that puts it
//!   nearest the anchor, unless الماضي/المقبل or a future cue in the clause points one way;
//!   under [`Policy::Future`] the first year in which it falls in or after the anchor's month;
//!   under [`Policy::Past`] the last year in which it falls in or before the anchor's month.
//! - A weekday with a yearless date takes, among the years that the policy allows, the nearest
//!   one in which that day falls on that weekday.
//! - A bare weekday is the nearest one not after the anchor ([`Policy::News`], [`Policy::Past`];
//!   not before it when the clause points to the future), or the next one strictly after the
//!   anchor ([`Policy::Future`]).

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};

use crate::easter;
use crate::error::ErrorKind;
use crate::expr::{
    CenturySaid, DateExpr, DecadeSaid, Expr, Feast, MonthSaid, Nth, NthOf, Shift, TimeSaid,
    YearSaid,
};
use crate::hijri::{self, HijriDate};
use crate::lexicon::{Calendar, Direction, Meridiem, MonthFamily, Part};
use crate::value::{Grain, Point, Unit, Vague, Value, week_of};

/// How underspecified expressions are read: a bare weekday, a yearless date, a clock time
/// without a part of day.
///
/// ```
/// use tarikh::{Anchor, Extractor, Policy};
///
/// // Wednesday 24 December 2025.
/// let anchor = Anchor::from_ymd(2025, 12, 24).unwrap();
/// let news = Extractor::new();
/// let future = Extractor::new().policy(Policy::Future);
/// let past = Extractor::new().policy(Policy::Past);
/// let value = |x: &Extractor, s: &str| x.parse(s, &anchor).unwrap().value.to_string();
///
/// // A bare weekday: the last one (news), the next one (future).
/// assert_eq!(value(&news, "الثلاثاء"), "2025-12-23");
/// assert_eq!(value(&future, "الثلاثاء"), "2025-12-30");
/// // ... unless the clause points to the future.
/// assert_eq!(news.extract("سيزور الوزير موسكو الثلاثاء", &anchor)[0].value.to_string(), "2025-12-30");
/// // A yearless date: the nearest year (news), forward (future), back (past).
/// assert_eq!(value(&news, "3 كانون الثاني"), "2026-01-03");
/// assert_eq!(value(&past, "3 كانون الثاني"), "2025-01-03");
/// assert_eq!(value(&news, "15 تشرين الأول الماضي"), "2025-10-15");
/// assert_eq!(value(&future, "15 تشرين الأول"), "2026-10-15");
/// // A weekday with a yearless date: the nearest year where they agree.
/// assert_eq!(value(&news, "الثلاثاء 23 كانون الأول"), "2025-12-23");
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Policy {
    /// A news reader: the nearest reading, with tense cues from the clause.
    #[default]
    News,
    /// A scheduling assistant (Duckling's convention): underspecified times point forward.
    Future,
    /// An archive: underspecified times point back.
    Past,
}

impl std::str::FromStr for Policy {
    type Err = String;
    fn from_str(s: &str) -> Result<Policy, String> {
        match s {
            "news" => Ok(Policy::News),
            "future" => Ok(Policy::Future),
            "past" => Ok(Policy::Past),
            _ => Err(format!(
                "unknown policy {s:?}: expected news, future or past"
            )),
        }
    }
}

/// The reference date (and maybe time) relative expressions are read against.
///
/// ```
/// use tarikh::Anchor;
///
/// let a: Anchor = "2025-12-24T10:30".parse().unwrap();
/// assert_eq!(a.date().to_string(), "2025-12-24");
/// assert!(a.time().is_some());
/// assert!("24/12/2025".parse::<Anchor>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Anchor {
    date: NaiveDate,
    time: Option<NaiveTime>,
}

impl Anchor {
    /// An anchor on a day, without a time.
    pub fn new(date: NaiveDate) -> Anchor {
        Anchor { date, time: None }
    }

    /// An anchor at an instant.
    pub fn at(datetime: NaiveDateTime) -> Anchor {
        Anchor {
            date: datetime.date(),
            time: Some(datetime.time()),
        }
    }

    /// An anchor from year, month, day; `None` if there is no such day.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Anchor> {
        NaiveDate::from_ymd_opt(year, month, day).map(Anchor::new)
    }

    /// The day.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The time, if one was given.
    pub fn time(&self) -> Option<NaiveTime> {
        self.time
    }

    /// The instant (midnight when no time was given).
    pub fn datetime(&self) -> NaiveDateTime {
        self.date.and_time(self.time.unwrap_or(NaiveTime::MIN))
    }
}

impl std::str::FromStr for Anchor {
    type Err = crate::Error;
    /// Reads `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`.
    fn from_str(s: &str) -> Result<Anchor, crate::Error> {
        let s = s.trim();
        if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return Ok(Anchor::new(d));
        }
        for f in ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"] {
            if let Ok(dt) = NaiveDateTime::parse_from_str(s, f) {
                return Ok(Anchor::at(dt));
            }
        }
        Err(crate::Error::new(
            ErrorKind::InvalidReference {
                given: s.to_string(),
            },
            0..s.len(),
            s,
        ))
    }
}

impl std::fmt::Display for Anchor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.time {
            Some(t) => write!(f, "{}T{}", self.date.format("%Y-%m-%d"), t.format("%H:%M")),
            None => write!(f, "{}", self.date.format("%Y-%m-%d")),
        }
    }
}

/// Something worth telling about a resolved mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", tag = "flag")]
pub enum Flag {
    /// The weekday said does not fall on the date said: "الأحد 23 كانون الأول 2025" (a Tuesday).
    WeekdayMismatch {
        /// The weekday written.
        said: Weekday,
        /// The weekday of the date.
        actual: Weekday,
    },
    /// Two dates given as the same day (الموافق) do not agree.
    CalendarMismatch,
    /// A yearless date took its year from a tense cue in the clause (سـ، سوف، من المقرر).
    FutureCue,
    /// The value was computed from a Hijri date, by these rules (Umm al-Qura, or the tabular
    /// calendar outside its table or on request).
    HijriRules {
        /// The rules that produced the value.
        used: hijri::Used,
    },
}

/// Everything resolution needs besides the expression.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ctx<'a> {
    pub anchor: Anchor,
    pub policy: Policy,
    pub week_start: Weekday,
    pub hijri: hijri::Rules,
    /// Whether the clause points to the future (سوف، سـ + verb, من المقرر).
    pub future_cue: Cue<'a>,
}

/// Whether the clause of an expression points to the future, found out only when asked:
/// finding out means reading the clause, and only a few readings (a yearless date, a bare
/// weekday, خلال under the news policy) depend on it.
#[derive(Clone, Copy)]
pub(crate) struct Cue<'a>(pub &'a dyn Fn() -> bool);

impl Cue<'_> {
    /// Asks.
    pub fn get(&self) -> bool {
        (self.0)()
    }
}

impl std::fmt::Debug for Cue<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Cue(..)")
    }
}

pub(crate) type Resolved = Result<(Value, Vec<Flag>), ErrorKind>;

/// Which way an underspecified expression may go from the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lean {
    /// Nearest either way.
    Near,
    /// Not after the anchor (at the grain compared).
    Back,
    /// Strictly before.
    BackStrict,
    /// Not before the anchor.
    Forward,
    /// Strictly after.
    ForwardStrict,
    /// The anchor's own unit.
    Current,
}

fn lean_for(d: &DateExpr, ctx: &Ctx) -> (Lean, bool) {
    match d.direction {
        Some(Direction::Past) => (Lean::BackStrict, false),
        Some(Direction::Future) => (Lean::ForwardStrict, false),
        Some(Direction::Current) => (Lean::Current, false),
        None => match ctx.policy {
            Policy::News if ctx.future_cue.get() => (Lean::Forward, true),
            Policy::News => (Lean::Near, false),
            Policy::Future => (Lean::Forward, false),
            Policy::Past => (Lean::Back, false),
        },
    }
}

pub(crate) fn resolve(expr: &Expr, ctx: &Ctx) -> Resolved {
    resolve_any(expr, ctx).and_then(within_chrono)
}

/// A point beyond chrono's calendar ("العام المقبل" in chrono's last year) has no first or last
/// day: out of range rather than a value without days.
fn within_chrono(r: (Value, Vec<Flag>)) -> Resolved {
    // A day has both (asked first: most values are days).
    let ok =
        |p: &Point| matches!(p, Point::Day(_)) || (p.days().is_some() && p.instants().is_some());
    let fine = match &r.0 {
        Value::Point(p) => ok(p),
        Value::Range(a, b) => a.as_ref().is_none_or(ok) && b.as_ref().is_none_or(ok),
        _ => true,
    };
    if fine {
        Ok(r)
    } else {
        Err(ErrorKind::OutOfRange)
    }
}

fn resolve_any(expr: &Expr, ctx: &Ctx) -> Resolved {
    match expr {
        Expr::Date(d) => date(d, ctx),
        Expr::Relative { count, unit, shift } => {
            relative(*count, *unit, *shift, ctx).map(|v| (v, vec![]))
        }
        Expr::Range(a, b) => range(a, b, ctx),
        Expr::Duration(d) => Ok((Value::Duration(*d), vec![])),
        Expr::Set(s) => Ok((Value::Set(*s), vec![])),
        Expr::Vague(Vague::Present)
            if ctx.policy == Policy::Future && ctx.anchor.time.is_some() =>
        {
            Ok((
                Value::Point(Point::Time {
                    at: ctx.anchor.datetime(),
                    grain: Grain::Second,
                }),
                vec![],
            ))
        }
        Expr::Vague(v) => Ok((Value::Vague(*v), vec![])),
    }
}

// ---- helpers ------------------------------------------------------------------------------

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn add_months(y: i32, m: u32, delta: i32) -> Option<(i32, u32)> {
    let idx = i64::from(y) * 12 + i64::from(m) - 1 + i64::from(delta);
    let y = i32::try_from(idx.div_euclid(12)).ok()?;
    Some((y, (idx.rem_euclid(12) + 1) as u32))
}

fn shift_date(d: NaiveDate, unit: Unit, n: i64) -> Option<NaiveDate> {
    let months = |k: i64| -> Option<NaiveDate> {
        let k32 = u32::try_from(k.unsigned_abs()).ok()?;
        if k >= 0 {
            d.checked_add_months(Months::new(k32))
        } else {
            d.checked_sub_months(Months::new(k32))
        }
    };
    let days = |k: i64| -> Option<NaiveDate> {
        if k >= 0 {
            d.checked_add_days(Days::new(k.unsigned_abs()))
        } else {
            d.checked_sub_days(Days::new(k.unsigned_abs()))
        }
    };
    match unit {
        Unit::Day => days(n),
        Unit::Week => days(n.checked_mul(7)?),
        Unit::Month => months(n),
        Unit::Year => months(n.checked_mul(12)?),
        Unit::Decade => months(n.checked_mul(120)?),
        Unit::Century => months(n.checked_mul(1200)?),
        Unit::Hour | Unit::Minute | Unit::Second => Some(d),
    }
}

fn month_name(month: u8, family: MonthFamily) -> String {
    crate::lexicon::month_name(month, family)
        .map_or_else(|| format!("month {month}"), str::to_string)
}

fn invalid(day: u8, month: u8, family: MonthFamily, year: Option<i32>) -> ErrorKind {
    ErrorKind::InvalidDate {
        day: u32::from(day),
        month: month_name(month, family),
        year,
    }
}

/// A day in a calendar; Hijri days are converted.
fn calendar_day(cal: Calendar, y: i32, m: u8, d: u8, ctx: &Ctx) -> Option<NaiveDate> {
    match cal {
        Calendar::Gregorian => ymd(y, u32::from(m), u32::from(d)),
        Calendar::Hijri => {
            let h = HijriDate {
                year: y,
                month: m,
                day: d,
            };
            hijri::to_gregorian(h, ctx.hijri).ok().map(|x| x.0)
        }
    }
}

/// First and last Gregorian day of a month in a calendar.
fn calendar_month(cal: Calendar, y: i32, m: u8, ctx: &Ctx) -> Option<(NaiveDate, NaiveDate)> {
    match cal {
        Calendar::Gregorian => Point::Month {
            year: y,
            month: u32::from(m),
        }
        .days(),
        Calendar::Hijri => {
            let (start, len, _) = hijri::month_start(y, m, ctx.hijri).ok()?;
            Some((
                start,
                start.checked_add_days(Days::new(u64::from(len).saturating_sub(1)))?,
            ))
        }
    }
}

fn calendar_year_of(cal: Calendar, d: NaiveDate, ctx: &Ctx) -> i32 {
    match cal {
        Calendar::Gregorian => d.year(),
        Calendar::Hijri => hijri::from_gregorian(d, ctx.hijri).map_or(d.year(), |h| h.0.year),
    }
}

/// Chooses a year for a month/day given without one. `make(y)` gives the first and last day for
/// year `y` (None when that year has no such day); `ok(first)` filters years by that first day
/// (weekday agreement), which `make` has just made.
/// `within_year`: every `make(y)` lies inside Gregorian year `y` and `base` is the anchor's
/// Gregorian year, so a year two away is more than 365 days off and the search can stop sooner.
#[allow(clippy::too_many_arguments)]
fn pick_year(
    base: i32,
    lean: Lean,
    anchor: NaiveDate,
    grain_month: bool,
    make: &dyn Fn(i32) -> Option<(NaiveDate, NaiveDate)>,
    ok: &dyn Fn(NaiveDate) -> bool,
    span: i32,
    within_year: bool,
) -> Option<i32> {
    // Compare at the month grain for Forward/Back (a date in the anchor's month stays in its
    // year), at the day grain for the strict leans.
    let (a_first, a_last) = if grain_month {
        Point::Month {
            year: anchor.year(),
            month: anchor.month(),
        }
        .days()?
    } else {
        (anchor, anchor)
    };
    let mut best: Option<(i64, i32)> = None;
    // Outward from the anchor's year: once a year is found, years two and more further out
    // (each at least 354 days) cannot be nearer; within one calendar year, a year two away is
    // at least 365 days off, so one year further than the nearest is enough.
    // 0, -1, 1, -2, 2, ...: counted, not built (no allocation per step).
    let outward = (0..=2 * span).map(|i| if i % 2 == 1 { -(i + 1) / 2 } else { i / 2 });
    let slack = if within_year { 1 } else { 2 };
    let year = if within_year { 365 } else { 354 };
    for dy in outward {
        if let Some((bd, _)) = best
            && bd < i64::from(dy.abs() - slack) * year
        {
            break;
        }
        let Some(y) = base.checked_add(dy) else {
            continue;
        };
        // Within one calendar year, the anchor's distance to year `y` is known before `make`
        // asks chrono for the day: a year that cannot beat the best (ties go to the past) is
        // skipped. "23 كانون الأول" near 24 December never tries the years around it.
        if within_year && let Some((bd, by)) = best {
            let near = days_to_year(anchor, y);
            if near > bd || (near == bd && y > by) {
                continue;
            }
        }
        let Some((first, last)) = make(y) else {
            continue;
        };
        if !ok(first) {
            continue;
        }
        let allowed = match lean {
            Lean::Near | Lean::Current => true,
            Lean::Back => first <= a_last,
            Lean::BackStrict => last < anchor,
            Lean::Forward => last >= a_first,
            Lean::ForwardStrict => first > anchor,
        };
        if !allowed {
            continue;
        }
        let dist = if last < anchor {
            days_between(last, anchor)
        } else if first > anchor {
            days_between(anchor, first)
        } else {
            0
        };
        // Ties go to the past: news reports more than it announces.
        if best.is_none_or(|(bd, by)| dist < bd || (dist == bd && y < by)) {
            best = Some((dist, y));
        }
    }
    best.map(|b| b.1)
}

/// The days from `a` to `b`, counted by day of the year when they share a year or lie in
/// adjacent ones (as nearly all candidate years do): chrono's subtraction goes through
/// 400-year cycles.
fn days_between(a: NaiveDate, b: NaiveDate) -> i64 {
    let (ya, yb) = (a.year(), b.year());
    let (oa, ob) = (i64::from(a.ordinal()), i64::from(b.ordinal()));
    if ya == yb {
        ob - oa
    } else if ya.checked_add(1) == Some(yb) {
        ob + days_in_year(a) - oa
    } else if yb.checked_add(1) == Some(ya) {
        ob - days_in_year(b) - oa
    } else {
        (b - a).num_days()
    }
}

/// The days of the year `d` is in.
fn days_in_year(d: NaiveDate) -> i64 {
    if d.leap_year() { 366 } else { 365 }
}

/// The fewest days between `anchor` and any day of Gregorian year `y`.
fn days_to_year(anchor: NaiveDate, y: i32) -> i64 {
    let (ay, y) = (i64::from(anchor.year()), i64::from(y));
    let ord = i64::from(anchor.ordinal());
    if y < ay {
        // Back to 31 December of year `y`.
        ord + (ay - y - 1) * 365
    } else if y > ay {
        // On to 1 January of year `y`.
        days_in_year(anchor) - ord + 1 + (y - ay - 1) * 365
    } else {
        0
    }
}

// ---- dates --------------------------------------------------------------------------------

fn date(d: &DateExpr, ctx: &Ctx) -> Resolved {
    let mut flags = Vec::new();
    let point = date_point(d, ctx, &mut flags)?;
    let value = match d.part {
        Some(part) => part_of(point, part)?,
        None => point,
    };
    let value = match (d.time, d.day_part, value) {
        (Some(t), _, Value::Point(p)) => Value::Point(with_time(p, t, d, ctx)?),
        (None, Some(part), Value::Point(Point::Day(day))) => {
            Value::Point(Point::PartOfDay { date: day, part })
        }
        (_, _, v) => v,
    };
    // Say which Hijri rules produced a value read from the Hijri calendar.
    let hijri_said = d.calendar == Some(Calendar::Hijri) || d.feast.and_then(islamic).is_some();
    if hijri_said
        && let Some(day) = value.first_day()
        && let Some(used) = hijri::rules_used(day, ctx.hijri)
    {
        flags.push(Flag::HijriRules { used });
    }
    Ok((value, flags))
}

fn check_weekday(said: Option<Weekday>, day: NaiveDate, flags: &mut Vec<Flag>) {
    if let Some(w) = said
        && day.weekday() != w
    {
        flags.push(Flag::WeekdayMismatch {
            said: w,
            actual: day.weekday(),
        });
    }
}

fn date_point(d: &DateExpr, ctx: &Ctx, flags: &mut Vec<Flag>) -> Result<Value, ErrorKind> {
    let anchor = ctx.anchor.date;
    let cal = d.calendar.unwrap_or(Calendar::Gregorian);
    let point = |p: Point| Ok(Value::Point(p));

    if let Some(feast) = d.feast {
        return point(Point::Day(feast_date(feast, d, ctx)?));
    }
    if let Some(rel) = d.relative_day {
        let day = shift_date(anchor, Unit::Day, i64::from(rel)).ok_or(ErrorKind::OutOfRange)?;
        check_weekday(d.weekday, day, flags);
        return point(Point::Day(day));
    }
    // A Hijri century: the Gregorian years from its first day to its last.
    if let (Some(CenturySaid::Ordinal(n)), Some(Calendar::Hijri)) = (d.century, d.calendar) {
        let first_year = n
            .checked_sub(1)
            .and_then(|c| c.checked_mul(100))
            .ok_or(ErrorKind::OutOfRange)?
            + 1;
        let (first, _) =
            calendar_month(Calendar::Hijri, first_year, 1, ctx).ok_or(ErrorKind::OutOfRange)?;
        let (_, last) = calendar_month(Calendar::Hijri, first_year + 99, 12, ctx)
            .ok_or(ErrorKind::OutOfRange)?;
        return Ok(Value::Range(
            Some(Point::Year(first.year())),
            Some(Point::Year(last.year())),
        ));
    }
    if let Some(c) = d.century
        && d.decade.is_none()
    {
        let v = match c {
            CenturySaid::Ordinal(n) => n - 1,
            CenturySaid::Relative(off) => anchor.year().div_euclid(100) + off,
        };
        return point(Point::Century(v));
    }
    if let Some(dec) = d.decade {
        let v = match (dec, d.century) {
            (DecadeSaid::Relative(off), _) => anchor.year().div_euclid(10) + off,
            (DecadeSaid::Digit(x), Some(c)) => {
                let cent = match c {
                    CenturySaid::Ordinal(n) => n - 1,
                    CenturySaid::Relative(off) => anchor.year().div_euclid(100) + off,
                };
                cent * 10 + i32::from(x)
            }
            (DecadeSaid::Digit(x), None) => {
                // The latest such decade that has begun by the anchor.
                let mut v = anchor.year().div_euclid(100) * 10 + i32::from(x);
                if v * 10 > anchor.year() {
                    v -= 10;
                }
                v
            }
        };
        return point(Point::Decade(v));
    }
    if let Some(w) = d.week
        && d.month.is_none()
    {
        let start = week_start(anchor, ctx.week_start);
        let start = shift_date(start, Unit::Week, i64::from(w)).ok_or(ErrorKind::OutOfRange)?;
        if let Some(wd) = d.weekday {
            let off = (7 + wd.num_days_from_monday() - ctx.week_start.num_days_from_monday()) % 7;
            return point(Point::Day(
                shift_date(start, Unit::Day, i64::from(off)).ok_or(ErrorKind::OutOfRange)?,
            ));
        }
        return week_value(start, ctx);
    }

    let year_explicit = match d.year {
        Some(YearSaid::Number(y)) => Some(y),
        Some(YearSaid::Relative(off)) => Some(calendar_year_of(cal, anchor, ctx) + off),
        None => None,
    };

    // Seasons, quarters, halves.
    if let Some(s) = d.season {
        let make = |y: i32| Point::Season { year: y, season: s }.days();
        let y = match year_explicit {
            Some(y) => y,
            None => {
                let (lean, _) = lean_for(d, ctx);
                let lean = if lean == Lean::Current {
                    Lean::Near
                } else {
                    lean
                };
                pick_year(
                    anchor.year(),
                    lean,
                    anchor,
                    false,
                    &make,
                    &|_| true,
                    2,
                    false,
                )
                .ok_or(ErrorKind::OutOfRange)?
            }
        };
        return point(Point::Season { year: y, season: s });
    }
    if let Some(q) = d.quarter {
        let y = year_explicit.unwrap_or(anchor.year());
        return point(Point::Quarter {
            year: y,
            quarter: u32::from(q),
        });
    }
    if let Some(h) = d.half {
        let y = year_explicit.unwrap_or(anchor.year());
        return point(Point::Half {
            year: y,
            half: u32::from(h),
        });
    }

    match d.month {
        Some(MonthSaid::Relative(off)) => {
            let (y, m) =
                add_months(anchor.year(), anchor.month(), off).ok_or(ErrorKind::OutOfRange)?;
            month_with_day(
                d,
                Calendar::Gregorian,
                y,
                m as u8,
                MonthFamily::Numbered,
                ctx,
                flags,
            )
        }
        Some(MonthSaid::Named { month, family }) => {
            let year = match year_explicit {
                // "رمضان 2019": a Hijri month in a Gregorian year.
                Some(y) if cal == Calendar::Hijri && y > 1700 => hijri_year_in(y, month, ctx)?,
                Some(y) => y,
                None => yearless(d, cal, month, ctx, flags)?,
            };
            month_with_day(d, cal, year, month, family, ctx, flags)
        }
        None => {
            if let Some(day) = d.day {
                // A weekday and a day without a month: "السبت السادس عشر".
                return weekday_and_day(d.weekday, day, ctx).map(|x| Value::Point(Point::Day(x)));
            }
            if let Some(w) = d.weekday {
                return point(Point::Day(bare_weekday(w, d, ctx)));
            }
            if let Some(y) = year_explicit {
                return match cal {
                    Calendar::Gregorian => point(Point::Year(y)),
                    Calendar::Hijri => {
                        let (first, _) =
                            calendar_month(cal, y, 1, ctx).ok_or(ErrorKind::OutOfRange)?;
                        let (_, last) =
                            calendar_month(cal, y, 12, ctx).ok_or(ErrorKind::OutOfRange)?;
                        Ok(Value::Range(
                            Some(Point::Day(first)),
                            Some(Point::Day(last)),
                        ))
                    }
                };
            }
            if d.time.is_some() || d.day_part.is_some() {
                return point(Point::Day(anchor));
            }
            Err(ErrorKind::Unsupported {
                what: "empty date expressions",
            })
        }
    }
}

/// The Hijri month and day of an Islamic feast; `None` for the Christian ones.
fn islamic(feast: Feast) -> Option<(u8, u8)> {
    match feast {
        Feast::EidAlFitr => Some((10, 1)),
        Feast::EidAlAdha => Some((12, 10)),
        Feast::Arafa => Some((12, 9)),
        Feast::HijriNewYear => Some((1, 1)),
        Feast::Ashura => Some((1, 10)),
        Feast::Mawlid => Some((3, 12)),
        Feast::IsraMiraj => Some((7, 27)),
        Feast::LaylatAlQadr => Some((9, 27)),
        Feast::Christmas | Feast::NewYear | Feast::Easter => None,
    }
}

/// The day of a feast, its year from the text or chosen by the policy, then "the n-th day of
/// the feast" or "the n-th weekday after it".
fn feast_date(feast: Feast, d: &DateExpr, ctx: &Ctx) -> Result<NaiveDate, ErrorKind> {
    let anchor = ctx.anchor.date;
    let hijri_feast = islamic(feast);
    // Which calendar's year the text gave: هـ or a small number is Hijri.
    let said = match d.year {
        Some(YearSaid::Number(y)) => Some(y),
        Some(YearSaid::Relative(off)) => Some(anchor.year() + off),
        None => None,
    };
    let hijri_year = |y: i32| d.calendar == Some(Calendar::Hijri) || y < 1700;
    let make = |y: i32| -> Option<NaiveDate> {
        match (hijri_feast, feast) {
            (Some((m, dd)), _) => calendar_day(Calendar::Hijri, y, m, dd, ctx),
            (None, Feast::Christmas) if d.orthodox => ymd(y, 1, 7),
            (None, Feast::Christmas) => ymd(y, 12, 25),
            (None, Feast::NewYear) => ymd(y, 1, 1),
            (None, _) if d.orthodox => easter::orthodox(y),
            (None, _) => easter::western(y),
        }
    };
    let day = match (said, hijri_feast) {
        (Some(y), Some(_)) if hijri_year(y) => make(y),
        (Some(g), Some(_)) => {
            // "عيد الفطر 2013": the feast that falls in Gregorian 2013 (the first, if two do).
            let h = calendar_year_of(
                Calendar::Hijri,
                ymd(g, 1, 1).ok_or(ErrorKind::OutOfRange)?,
                ctx,
            );
            (h..=h.saturating_add(1))
                .filter_map(make)
                .find(|x| x.year() == g)
        }
        (Some(y), None) => make(y),
        (None, _) => {
            let base = match hijri_feast {
                Some(_) => calendar_year_of(Calendar::Hijri, anchor, ctx),
                None => anchor.year(),
            };
            let (lean, _) = lean_for(d, ctx);
            let lean = match lean {
                Lean::Current => Lean::Near,
                Lean::Back => Lean::Back,
                l => l,
            };
            let pair = |y: i32| make(y).map(|x| (x, x));
            // Future/Past compare days for feasts: "عيد الفطر" in February is the coming one.
            let y = pick_year(base, lean, anchor, false, &pair, &|_| true, 2, false);
            y.and_then(make)
        }
    }
    .ok_or(ErrorKind::OutOfRange)?;
    match d.nth {
        Some(Nth { n, of: NthOf::Day }) => {
            shift_date(day, Unit::Day, i64::from(n) - 1).ok_or(ErrorKind::OutOfRange)
        }
        Some(Nth {
            n,
            of: NthOf::Weekday(w),
        }) => {
            let fwd = (7 + w.num_days_from_monday() - day.weekday().num_days_from_monday()) % 7;
            let first = if fwd == 0 { 7 } else { fwd };
            shift_date(day, Unit::Day, i64::from(first) + 7 * (i64::from(n) - 1))
                .ok_or(ErrorKind::OutOfRange)
        }
        _ => Ok(day),
    }
}

/// The Hijri year in which a Hijri month begins during Gregorian year `g`.
fn hijri_year_in(g: i32, month: u8, ctx: &Ctx) -> Result<i32, ErrorKind> {
    let mid = ymd(g, 7, 1).ok_or(ErrorKind::OutOfRange)?;
    let h = hijri::from_gregorian(mid, ctx.hijri)
        .map_err(|_| ErrorKind::OutOfRange)?
        .0
        .year;
    [h - 1, h, h + 1]
        .into_iter()
        .find(|&hy| {
            calendar_month(Calendar::Hijri, hy, month, ctx).is_some_and(|(a, _)| a.year() == g)
        })
        .ok_or(ErrorKind::OutOfRange)
}

/// The year of a yearless month or date.
fn yearless(
    d: &DateExpr,
    cal: Calendar,
    month: u8,
    ctx: &Ctx,
    flags: &mut Vec<Flag>,
) -> Result<i32, ErrorKind> {
    let anchor = ctx.anchor.date;
    let (lean, cue) = lean_for(d, ctx);
    let base = calendar_year_of(cal, anchor, ctx);
    let day = d.day;
    let make = |y: i32| -> Option<(NaiveDate, NaiveDate)> {
        match day {
            Some(dd) => calendar_day(cal, y, month, dd, ctx).map(|x| (x, x)),
            None => calendar_month(cal, y, month, ctx),
        }
    };
    // A Gregorian day or month of year y lies in year y (a Hijri one need not).
    let within = cal == Calendar::Gregorian;
    // A tense cue compares days ("سيعقد في 20 كانون الأول" on the 24th is next year).
    let grain_month = matches!(lean, Lean::Forward | Lean::Back) && !cue;
    if lean == Lean::Current {
        return Ok(base);
    }
    if let (Some(w), Some(_)) = (d.weekday, day) {
        let agrees = |first: NaiveDate| first.weekday() == w;
        if let Some(y) = pick_year(base, lean, anchor, grain_month, &make, &agrees, 28, within) {
            if cue {
                flags.push(Flag::FutureCue);
            }
            return Ok(y);
        }
    }
    let y = pick_year(base, lean, anchor, grain_month, &make, &|_| true, 4, within);
    match y {
        Some(y) => {
            if cue {
                flags.push(Flag::FutureCue);
            }
            Ok(y)
        }
        // No year has that day (31 شباط): report it against the nearest year. A day that
        // some year has was not found because the anchor is at chrono's limits.
        None => Err(match day {
            Some(dd) if dd == 0 || dd > longest_month(cal, month) => {
                invalid(dd, month, family_of(d), None)
            }
            _ => ErrorKind::OutOfRange,
        }),
    }
}

/// The most days month `month` has in any year.
fn longest_month(cal: Calendar, month: u8) -> u8 {
    match (cal, month) {
        (Calendar::Hijri, _) => 30,
        (_, 2) => 29,
        (_, 4 | 6 | 9 | 11) => 30,
        _ => 31,
    }
}

fn family_of(d: &DateExpr) -> MonthFamily {
    match d.month {
        Some(MonthSaid::Named { family, .. }) => family,
        _ => MonthFamily::Numbered,
    }
}

fn month_with_day(
    d: &DateExpr,
    cal: Calendar,
    y: i32,
    m: u8,
    family: MonthFamily,
    ctx: &Ctx,
    flags: &mut Vec<Flag>,
) -> Result<Value, ErrorKind> {
    if let Some(nth) = d.nth {
        // "الأربعاء الثاني من تموز" when the 2nd is a Wednesday: the day, not the 2nd Wednesday.
        if let (NthOf::Weekday(w), Ok(n)) = (nth.of, u8::try_from(nth.n))
            && let Some(day) = calendar_day(cal, y, m, n, ctx)
            && day.weekday() == w
        {
            return Ok(Value::Point(Point::Day(day)));
        }
        return nth_in_month(nth, cal, y, m, ctx);
    }
    match d.day {
        Some(day) => {
            let date = calendar_day(cal, y, m, day, ctx)
                .ok_or_else(|| invalid(day, m, family, Some(y)))?;
            check_weekday(d.weekday, date, flags);
            Ok(Value::Point(Point::Day(date)))
        }
        None => match cal {
            Calendar::Gregorian => {
                if !(1..=12).contains(&m) || ymd(y, 1, 1).is_none() {
                    return Err(ErrorKind::OutOfRange);
                }
                Ok(Value::Point(Point::Month {
                    year: y,
                    month: u32::from(m),
                }))
            }
            Calendar::Hijri => {
                let (a, b) = calendar_month(cal, y, m, ctx).ok_or(ErrorKind::OutOfRange)?;
                Ok(Value::Range(Some(Point::Day(a)), Some(Point::Day(b))))
            }
        },
    }
}

fn nth_in_month(nth: Nth, cal: Calendar, y: i32, m: u8, ctx: &Ctx) -> Result<Value, ErrorKind> {
    let (first, last) = calendar_month(cal, y, m, ctx).ok_or(ErrorKind::OutOfRange)?;
    let day = match nth.of {
        NthOf::Day => {
            if nth.n < 0 {
                last
            } else {
                shift_date(first, Unit::Day, i64::from(nth.n) - 1).ok_or(ErrorKind::OutOfRange)?
            }
        }
        NthOf::Weekday(w) => {
            if nth.n < 0 {
                let back =
                    (7 + last.weekday().num_days_from_monday() - w.num_days_from_monday()) % 7;
                shift_date(last, Unit::Day, -i64::from(back)).ok_or(ErrorKind::OutOfRange)?
            } else {
                let fwd =
                    (7 + w.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
                shift_date(
                    first,
                    Unit::Day,
                    i64::from(fwd) + 7 * (i64::from(nth.n) - 1),
                )
                .ok_or(ErrorKind::OutOfRange)?
            }
        }
        NthOf::Week => {
            // Weeks wholly inside the month.
            let ws = ctx.week_start;
            let fwd = (7 + ws.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
            let first_week =
                shift_date(first, Unit::Day, i64::from(fwd)).ok_or(ErrorKind::OutOfRange)?;
            let start = if nth.n < 0 {
                let end_back =
                    (7 + last.weekday().num_days_from_monday() + 1 - ws.num_days_from_monday()) % 7;
                let last_end = shift_date(last, Unit::Day, -i64::from(end_back))
                    .ok_or(ErrorKind::OutOfRange)?;
                shift_date(last_end, Unit::Day, -6).ok_or(ErrorKind::OutOfRange)?
            } else {
                shift_date(first_week, Unit::Week, i64::from(nth.n) - 1)
                    .ok_or(ErrorKind::OutOfRange)?
            };
            return week_value(start, ctx);
        }
    };
    if day < first || day > last {
        return Err(ErrorKind::OutOfRange);
    }
    Ok(Value::Point(Point::Day(day)))
}

fn week_start(d: NaiveDate, start: Weekday) -> NaiveDate {
    let back = (7 + d.weekday().num_days_from_monday() - start.num_days_from_monday()) % 7;
    d.checked_sub_days(Days::new(u64::from(back))).unwrap_or(d)
}

/// A week starting on `start`: an ISO week when weeks start on Monday, else a day range.
fn week_value(start: NaiveDate, ctx: &Ctx) -> Result<Value, ErrorKind> {
    if ctx.week_start == Weekday::Mon {
        return Ok(Value::Point(week_of(start)));
    }
    let end = shift_date(start, Unit::Day, 6).ok_or(ErrorKind::OutOfRange)?;
    Ok(Value::Range(Some(Point::Day(start)), Some(Point::Day(end))))
}

fn bare_weekday(w: Weekday, d: &DateExpr, ctx: &Ctx) -> NaiveDate {
    let anchor = ctx.anchor.date;
    let back =
        i64::from((7 + anchor.weekday().num_days_from_monday() - w.num_days_from_monday()) % 7);
    let fwd = (7 - back) % 7;
    let (lean, _) = lean_for(d, ctx);
    let offset = match (lean, ctx.policy) {
        (Lean::BackStrict, _) => -(if back == 0 { 7 } else { back }),
        (Lean::ForwardStrict, _) => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        (Lean::Current, Policy::Future) => fwd,
        (Lean::Current, _) => {
            let start = week_start(anchor, ctx.week_start);
            let off = i64::from(
                (7 + w.num_days_from_monday() - ctx.week_start.num_days_from_monday()) % 7,
            );
            return shift_date(start, Unit::Day, off).unwrap_or(anchor);
        }
        (Lean::Forward, Policy::Future) => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        (Lean::Forward, _) => fwd,
        (Lean::Back | Lean::Near, _) => -back,
    };
    shift_date(anchor, Unit::Day, offset).unwrap_or(anchor)
}

fn weekday_and_day(w: Option<Weekday>, day: u8, ctx: &Ctx) -> Result<NaiveDate, ErrorKind> {
    let anchor = ctx.anchor.date;
    let lean = match ctx.policy {
        Policy::Future => Lean::Forward,
        Policy::Past => Lean::Back,
        Policy::News if ctx.future_cue.get() => Lean::Forward,
        Policy::News => Lean::Near,
    };
    let mut best: Option<(i64, NaiveDate)> = None;
    for dm in -24..=24 {
        let Some((y, m)) = add_months(anchor.year(), anchor.month(), dm) else {
            continue;
        };
        let Some(date) = ymd(y, m, u32::from(day)) else {
            continue;
        };
        if w.is_some_and(|w| date.weekday() != w) {
            continue;
        }
        let ok = match lean {
            Lean::Forward => (y, m) >= (anchor.year(), anchor.month()),
            Lean::Back => (y, m) <= (anchor.year(), anchor.month()),
            _ => true,
        };
        let dist = (date - anchor).num_days().abs();
        if ok && best.is_none_or(|(bd, _)| dist < bd) {
            best = Some((dist, date));
        }
    }
    best.map(|b| b.1).ok_or(ErrorKind::InvalidDate {
        day: u32::from(day),
        month: "any nearby month".to_string(),
        year: None,
    })
}

fn part_of(v: Value, part: Part) -> Result<Value, ErrorKind> {
    // A Hijri month is a range of days: thirds of it, or its 15th day.
    if let Value::Range(Some(Point::Day(first)), Some(Point::Day(last))) = v {
        let len = (last - first).num_days() + 1;
        let at = |n: i64| shift_date(first, Unit::Day, n.min(len - 1)).ok_or(ErrorKind::OutOfRange);
        return Ok(match part {
            Part::Early => Value::Range(Some(Point::Day(first)), Some(Point::Day(at(9)?))),
            Part::Mid => Value::Point(Point::Day(at(14)?)),
            Part::Late => Value::Range(Some(Point::Day(at(20)?)), Some(Point::Day(last))),
        });
    }
    let Value::Point(p) = v else {
        return Ok(v);
    };
    let thirds = |a: i64, len: i64| -> (i64, i64) {
        match part {
            Part::Early => (a, a + len / 3 - 1),
            Part::Mid => (a + len / 3, a + 2 * len / 3 - 1),
            Part::Late => (a + 2 * len / 3, a + len - 1),
        }
    };
    match p {
        Point::Month { year, month } => {
            let (first, last) = p.days().ok_or(ErrorKind::OutOfRange)?;
            let day = |n: u32| ymd(year, month, n).ok_or(ErrorKind::OutOfRange);
            Ok(match part {
                Part::Mid => Value::Point(Point::Day(day(15)?)),
                Part::Early => Value::Range(Some(Point::Day(first)), Some(Point::Day(day(10)?))),
                Part::Late => Value::Range(Some(Point::Day(day(21)?)), Some(Point::Day(last))),
            })
        }
        Point::Year(y) => {
            let (a, b) = thirds(1, 12);
            Ok(Value::Range(
                Some(Point::Month {
                    year: y,
                    month: a as u32,
                }),
                Some(Point::Month {
                    year: y,
                    month: b as u32,
                }),
            ))
        }
        Point::Decade(dd) => {
            let (a, b) = match part {
                Part::Early => (0, 3),
                Part::Mid => (4, 6),
                Part::Late => (7, 9),
            };
            Ok(Value::Range(
                Some(Point::Year(dd * 10 + a)),
                Some(Point::Year(dd * 10 + b)),
            ))
        }
        Point::Century(c) => {
            let (a, b) = thirds(0, 10);
            Ok(Value::Range(
                Some(Point::Decade(c * 10 + a as i32)),
                Some(Point::Decade(c * 10 + b as i32)),
            ))
        }
        _ => {
            let (first, last) = p.days().ok_or(ErrorKind::OutOfRange)?;
            let len = (last - first).num_days() + 1;
            let (a, b) = thirds(0, len);
            let at = |n: i64| shift_date(first, Unit::Day, n).ok_or(ErrorKind::OutOfRange);
            Ok(Value::Range(
                Some(Point::Day(at(a)?)),
                Some(Point::Day(at(b.max(a))?)),
            ))
        }
    }
}

fn hour24(t: &TimeSaid) -> u32 {
    let h = u32::from(t.hour);
    match t.meridiem {
        None => h,
        Some(Meridiem::Am) => {
            if h == 12 {
                0
            } else {
                h
            }
        }
        Some(Meridiem::Noon) => {
            if (1..=5).contains(&h) {
                h + 12
            } else {
                h
            }
        }
        Some(Meridiem::Pm) => {
            if (1..=11).contains(&h) {
                h + 12
            } else {
                h
            }
        }
        Some(Meridiem::Night) => match h {
            6..=11 => h + 12,
            12 => 0,
            _ => h,
        },
    }
}

fn with_time(p: Point, t: TimeSaid, d: &DateExpr, ctx: &Ctx) -> Result<Point, ErrorKind> {
    let Point::Day(mut day) = p else {
        return Ok(p);
    };
    let mut h = hour24(&t);
    if h == 24 {
        h = 0;
        day = day.succ_opt().ok_or(ErrorKind::OutOfRange)?;
    }
    let m = u32::from(t.minute.unwrap_or(0));
    let s = u32::from(t.second.unwrap_or(0));
    let time =
        NaiveTime::from_hms_opt(h, m, s).ok_or(ErrorKind::InvalidTime { hour: h, minute: m })?;
    let mut at = day.and_time(time);
    // A clock time alone on the 12-hour clock, read forward: the next such time.
    let dateless =
        d.day.is_none() && d.relative_day.is_none() && d.weekday.is_none() && d.month.is_none();
    if ctx.policy == Policy::Future
        && dateless
        && t.meridiem.is_none()
        && (1..=12).contains(&t.hour)
        && let Some(now) = ctx.anchor.time.map(|x| ctx.anchor.date.and_time(x))
    {
        let pm = at.checked_add_signed(chrono::Duration::hours(12));
        let next_day = at.checked_add_signed(chrono::Duration::days(1));
        for cand in [Some(at), pm.filter(|_| t.hour < 12), next_day]
            .into_iter()
            .flatten()
        {
            if cand >= now {
                at = cand;
                break;
            }
        }
    }
    let grain = if t.second.is_some() {
        Grain::Second
    } else if t.minute.is_some() {
        Grain::Minute
    } else {
        Grain::Hour
    };
    Ok(Point::Time { at, grain })
}

// ---- relative counts ----------------------------------------------------------------------

fn unit_point(d: NaiveDateTime, unit: Unit, ctx: &Ctx) -> Point {
    let day = d.date();
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => Point::Time {
            at: d.with_second(0).unwrap_or(d),
            grain: Grain::Minute,
        },
        Unit::Day => Point::Day(day),
        Unit::Week => {
            if ctx.week_start == Weekday::Mon {
                week_of(day)
            } else {
                Point::Day(week_start(day, ctx.week_start))
            }
        }
        Unit::Month => Point::Month {
            year: day.year(),
            month: day.month(),
        },
        Unit::Year => Point::Year(day.year()),
        Unit::Decade => Point::Decade(day.year().div_euclid(10)),
        Unit::Century => Point::Century(day.year().div_euclid(100)),
    }
}

fn shift_instant(at: NaiveDateTime, unit: Unit, n: i64) -> Option<NaiveDateTime> {
    match unit {
        Unit::Second => at.checked_add_signed(chrono::Duration::try_seconds(n)?),
        Unit::Minute => at.checked_add_signed(chrono::Duration::try_minutes(n)?),
        Unit::Hour => at.checked_add_signed(chrono::Duration::try_hours(n)?),
        _ => Some(shift_date(at.date(), unit, n)?.and_time(at.time())),
    }
}

fn relative(count: u32, unit: Unit, shift: Shift, ctx: &Ctx) -> Result<Value, ErrorKind> {
    let now = ctx.anchor.datetime();
    // Hours from an anchor without a time: only the day is known.
    let unit = match unit {
        Unit::Hour | Unit::Minute | Unit::Second if ctx.anchor.time.is_none() => {
            let days = match unit {
                Unit::Hour => i64::from(count) / 24,
                _ => 0,
            };
            let day = match shift {
                Shift::Ago => shift_date(now.date(), Unit::Day, -days),
                Shift::Later => shift_date(now.date(), Unit::Day, days),
                _ => None,
            };
            if let Some(day) = day {
                return Ok(Value::Point(Point::Day(day)));
            }
            unit
        }
        u => u,
    };
    let n = i64::from(count);
    let at = |k: i64| shift_instant(now, unit, k).ok_or(ErrorKind::OutOfRange);
    Ok(match shift {
        Shift::Ago => {
            let p = unit_point(at(-n)?, unit, ctx);
            Value::Point(match (unit, p) {
                (Unit::Week, _) => Point::Day(at(-n)?.date()),
                _ => p,
            })
        }
        Shift::Later => {
            let p = unit_point(at(n)?, unit, ctx);
            Value::Point(match (unit, p) {
                (Unit::Week, _) => Point::Day(at(n)?.date()),
                _ => p,
            })
        }
        Shift::LastN => {
            if matches!(unit, Unit::Hour | Unit::Minute | Unit::Second) {
                Value::Range(
                    Some(unit_point(at(-n)?, unit, ctx)),
                    Some(unit_point(now, unit, ctx)),
                )
            } else {
                Value::Range(
                    Some(unit_point(at(-n)?, unit, ctx)),
                    Some(unit_point(at(-1)?, unit, ctx)),
                )
            }
        }
        Shift::NextN => Value::Range(
            Some(unit_point(at(1)?, unit, ctx)),
            Some(unit_point(at(n)?, unit, ctx)),
        ),
        // "خلال ثلاثة أعوام": a duration, unless the reading looks ahead ("خلال أسبوعين"
        // in a clause about the future, or under the future policy): then from now to then.
        Shift::Within if ctx.policy != Policy::Future && !ctx.future_cue.get() => {
            Value::Duration(crate::value::Duration {
                count: Some(count),
                unit,
            })
        }
        Shift::Within => {
            let end = at(n)?;
            match ctx.anchor.time {
                Some(_) if !matches!(unit, Unit::Hour | Unit::Minute | Unit::Second) => {
                    let last = end
                        .date()
                        .pred_opt()
                        .and_then(|d| d.and_hms_opt(23, 59, 59))
                        .ok_or(ErrorKind::OutOfRange)?;
                    Value::Range(
                        Some(Point::Time {
                            at: now,
                            grain: Grain::Second,
                        }),
                        Some(Point::Time {
                            at: last,
                            grain: Grain::Second,
                        }),
                    )
                }
                Some(_) => Value::Range(
                    Some(Point::Time {
                        at: now,
                        grain: Grain::Minute,
                    }),
                    Some(Point::Time {
                        at: end,
                        grain: Grain::Minute,
                    }),
                ),
                None => {
                    let last = end.date().pred_opt().ok_or(ErrorKind::OutOfRange)?;
                    Value::Range(
                        Some(Point::Day(now.date())),
                        Some(Point::Day(last.max(now.date()))),
                    )
                }
            }
        }
    })
}

// ---- ranges -------------------------------------------------------------------------------

fn range(a: &Expr, b: &Expr, ctx: &Ctx) -> Resolved {
    let (va, mut flags) = resolve(a, ctx)?;
    // "ابتداء من X": open at the end.
    if let Expr::Vague(Vague::Future) = b {
        let start = match va {
            Value::Point(p) | Value::Range(Some(p), _) => p,
            _ => {
                return Err(ErrorKind::Unsupported {
                    what: "ranges of this kind",
                });
            }
        };
        return Ok((Value::Range(Some(start), None), flags));
    }
    // The second end takes its year from the first, moving on a year if it would come before
    // it: "من 28 كانون الأول إلى 3 كانون الثاني".
    let vb = match (a, b) {
        (Expr::Date(da), Expr::Date(db))
            if db.year.is_none() && db.month.is_some() && da.month.is_some() =>
        {
            let a0 = va.first_day();
            let year =
                a0.map(|d| calendar_year_of(db.calendar.unwrap_or(Calendar::Gregorian), d, ctx));
            let mut fixed = *db;
            fixed.direction = None;
            match year {
                Some(y) => {
                    fixed.year = Some(YearSaid::Number(y));
                    let (v, f) = date(&fixed, ctx)?;
                    if v.first_day() < a0 {
                        fixed.year = Some(YearSaid::Number(y + 1));
                        date(&fixed, ctx)?
                    } else {
                        (v, f)
                    }
                }
                None => date(db, ctx)?,
            }
        }
        // "من الإثنين إلى الجمعة": the second weekday on or after the first.
        (Expr::Date(_), Expr::Date(db))
            if db.weekday.is_some()
                && db.day.is_none()
                && db.week.is_none()
                && db.relative_day.is_none()
                && db.direction.is_none() =>
        {
            let (v, f) = resolve(b, ctx)?;
            match (va.first_day(), v) {
                (Some(a0), Value::Point(Point::Day(x))) if x < a0 => {
                    let back = (a0 - x).num_days();
                    let days = (back + 6) / 7 * 7;
                    let moved = shift_date(x, Unit::Day, days).ok_or(ErrorKind::OutOfRange)?;
                    (Value::Point(Point::Day(moved)), f)
                }
                _ => (v, f),
            }
        }
        _ => resolve(b, ctx)?,
    };
    let (vb, fb) = vb;
    // An end before the start ("2018-2017") is not a range.
    if let (Some(a0), Some(b1)) = (va.first_day(), vb.last_day())
        && b1 < a0
    {
        return Err(ErrorKind::Unsupported {
            what: "ranges that end before they start",
        });
    }
    // Most ends have no flags: the end's list (often the only one) is taken rather than
    // copied.
    if flags.is_empty() {
        flags = fb;
    } else {
        flags.extend(fb);
    }
    let start = match va {
        Value::Point(p) => p,
        Value::Range(Some(p), _) => p,
        _ => {
            return Err(ErrorKind::Unsupported {
                what: "ranges of this kind",
            });
        }
    };
    let end = match vb {
        Value::Point(p) => p,
        Value::Range(_, Some(p)) => p,
        _ => {
            return Err(ErrorKind::Unsupported {
                what: "ranges of this kind",
            });
        }
    };
    Ok((Value::Range(Some(start), Some(end)), flags))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meridiem_hours() {
        let t = |h, m| TimeSaid {
            hour: h,
            minute: None,
            second: None,
            meridiem: m,
        };
        assert_eq!(hour24(&t(3, Some(Meridiem::Pm))), 15);
        assert_eq!(hour24(&t(12, Some(Meridiem::Noon))), 12);
        assert_eq!(hour24(&t(1, Some(Meridiem::Noon))), 13);
        assert_eq!(hour24(&t(8, Some(Meridiem::Night))), 20);
        assert_eq!(hour24(&t(2, Some(Meridiem::Night))), 2);
        assert_eq!(hour24(&t(12, Some(Meridiem::Am))), 0);
    }

    /// [`pick_year`] skips years by their distance before making their day: it agrees with
    /// trying every year of the span, for days, months, weekday filters and every lean.
    #[test]
    fn year_choice_agrees_with_trying_every_year() {
        let leans = [
            Lean::Near,
            Lean::Back,
            Lean::BackStrict,
            Lean::Forward,
            Lean::ForwardStrict,
        ];
        let mut anchors = Vec::new();
        for y in [1999, 2000, 2023, 2024, 2100] {
            for (m, d) in [
                (1, 1),
                (1, 15),
                (2, 28),
                (2, 29),
                (3, 1),
                (6, 30),
                (7, 1),
                (7, 2),
                (12, 24),
                (12, 31),
            ] {
                anchors.extend(ymd(y, m, d));
            }
        }
        let mut checked = 0;
        for anchor in anchors {
            for (month, day) in [(1, 3), (2, 29), (2, 30), (6, 15), (12, 23), (12, 31)] {
                for (weekday, whole_month) in
                    [(None, false), (Some(Weekday::Tue), false), (None, true)]
                {
                    for &lean in &leans {
                        for grain_month in [false, true] {
                            let make = |y: i32| match whole_month {
                                true => Point::Month { year: y, month }.days(),
                                false => ymd(y, month, day).map(|x| (x, x)),
                            };
                            let agrees = |y: i32| {
                                weekday
                                    .is_none_or(|w| make(y).is_some_and(|(x, _)| x.weekday() == w))
                            };
                            let span = if weekday.is_some() { 28 } else { 4 };
                            let base = anchor.year();
                            let got = pick_year(
                                base,
                                lean,
                                anchor,
                                grain_month,
                                &make,
                                &|first: NaiveDate| weekday.is_none_or(|w| first.weekday() == w),
                                span,
                                true,
                            );
                            let (a_first, a_last) = if grain_month {
                                Point::Month {
                                    year: anchor.year(),
                                    month: anchor.month(),
                                }
                                .days()
                                .unwrap_or((anchor, anchor))
                            } else {
                                (anchor, anchor)
                            };
                            let want = (base - span..=base + span)
                                .filter(|&y| agrees(y))
                                .filter_map(|y| make(y).map(|(f, l)| (y, f, l)))
                                .filter(|&(_, f, l)| match lean {
                                    Lean::Near | Lean::Current => true,
                                    Lean::Back => f <= a_last,
                                    Lean::BackStrict => l < anchor,
                                    Lean::Forward => l >= a_first,
                                    Lean::ForwardStrict => f > anchor,
                                })
                                .map(|(y, f, l)| {
                                    let dist = if l < anchor {
                                        (anchor - l).num_days()
                                    } else {
                                        (f - anchor).num_days().max(0)
                                    };
                                    (dist, y)
                                })
                                .min()
                                .map(|(_, y)| y);
                            assert_eq!(got, want, "{anchor} {month}/{day} {weekday:?} {lean:?}");
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 4000);
    }

    #[test]
    fn days_between_agrees_with_chrono() {
        let days: Vec<NaiveDate> = [1899, 1900, 1999, 2000, 2001, 2024, 2025]
            .iter()
            .flat_map(|&y| [(1, 1), (2, 28), (3, 1), (12, 31)].map(|(m, d)| ymd(y, m, d)))
            .flatten()
            .collect();
        for &a in &days {
            for &b in &days {
                assert_eq!(days_between(a, b), (b - a).num_days(), "{a} {b}");
            }
            for y in 1890..2030 {
                let near = [ymd(y, 1, 1), ymd(y, 12, 31)]
                    .into_iter()
                    .flatten()
                    .map(|d| (d - a).num_days().abs())
                    .min();
                let near = if y == a.year() { 0 } else { near.unwrap_or(0) };
                // A bound, exact for the years next to the anchor's.
                let bound = days_to_year(a, y);
                assert!(bound <= near, "{a} {y}");
                assert!(bound == near || (y - a.year()).abs() > 1, "{a} {y}");
            }
        }
    }

    #[test]
    fn month_arithmetic() {
        assert_eq!(add_months(2025, 12, 1), Some((2026, 1)));
        assert_eq!(add_months(2025, 1, -1), Some((2024, 12)));
        assert_eq!(add_months(i32::MAX, 12, 1), None);
    }
}
