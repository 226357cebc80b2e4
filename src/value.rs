//! What a mention means: [`Value`], printed as an ISO-TimeML value string.

use std::fmt;

use chrono::{Datelike, Days, Duration as ChronoDuration, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize, Serializer};

/// The unit a value is stated in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grain {
    /// Seconds: `2013-02-12T15:23:24`.
    Second,
    /// Minutes: `2013-02-12T15:20`.
    Minute,
    /// Hours: `2013-02-12T15:00`.
    Hour,
    /// A part of a day: `2025-12-23TEV`.
    PartOfDay,
    /// Days: `2025-12-23`.
    Day,
    /// ISO weeks: `2025-W52`.
    Week,
    /// Months: `2025-10`.
    Month,
    /// Seasons: `2012-SU`.
    Season,
    /// Quarters: `2012-Q1`.
    Quarter,
    /// Halves: `2012-H2`.
    Half,
    /// Years: `2025`.
    Year,
    /// Decades: `197`.
    Decade,
    /// Centuries: `19`.
    Century,
}

impl Grain {
    /// The lowercase name used in JSON (`"day"`, `"month"`...).
    pub fn as_str(self) -> &'static str {
        match self {
            Grain::Second => "second",
            Grain::Minute => "minute",
            Grain::Hour => "hour",
            Grain::PartOfDay => "part_of_day",
            Grain::Day => "day",
            Grain::Week => "week",
            Grain::Month => "month",
            Grain::Season => "season",
            Grain::Quarter => "quarter",
            Grain::Half => "half",
            Grain::Year => "year",
            Grain::Decade => "decade",
            Grain::Century => "century",
        }
    }
}

impl fmt::Display for Grain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A part of the day, as TimeML names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DayPart {
    /// Morning (صباحا، الصبح، فجرا), `MO`: 04:00–11:59.
    Morning,
    /// Afternoon (ظهرا، عصرا، بعد الظهر), `AF`: 12:00–17:59.
    Afternoon,
    /// Evening (مساء), `EV`: 18:00–21:59.
    Evening,
    /// Night (ليلا، الليلة), `NI`: 22:00–23:59.
    Night,
}

impl DayPart {
    fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }

    fn hours(self) -> (u32, u32) {
        match self {
            DayPart::Morning => (4, 11),
            DayPart::Afternoon => (12, 17),
            DayPart::Evening => (18, 21),
            DayPart::Night => (22, 23),
        }
    }
}

/// A season of the northern hemisphere, by astronomical convention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Season {
    /// Spring (الربيع), `SP`: 21 March – 20 June.
    Spring,
    /// Summer (الصيف), `SU`: 21 June – 22 September.
    Summer,
    /// Autumn (الخريف), `FA`: 23 September – 20 December.
    Autumn,
    /// Winter (الشتاء), `WI`: 21 December – 20 March of the next year.
    Winter,
}

impl Season {
    fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Autumn => "FA",
            Season::Winter => "WI",
        }
    }
}

/// A point value: one calendar unit at some grain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Point {
    /// A day.
    Day(NaiveDate),
    /// A month of a year.
    Month {
        /// The year.
        year: i32,
        /// The month, 1–12.
        month: u32,
    },
    /// A year.
    Year(i32),
    /// A decade, by its first three digits: `197` is the 1970s.
    Decade(i32),
    /// A century, by its first two digits: `19` is the 1900s.
    Century(i32),
    /// An ISO week.
    Week {
        /// The ISO week-numbering year.
        year: i32,
        /// The ISO week, 1–53.
        week: u32,
    },
    /// A quarter of a year.
    Quarter {
        /// The year.
        year: i32,
        /// The quarter, 1–4.
        quarter: u32,
    },
    /// A half of a year.
    Half {
        /// The year.
        year: i32,
        /// The half, 1–2.
        half: u32,
    },
    /// A season of a year (winter is the one that starts in December of that year).
    Season {
        /// The year.
        year: i32,
        /// The season.
        season: Season,
    },
    /// A part of a day.
    PartOfDay {
        /// The day.
        date: NaiveDate,
        /// The part.
        part: DayPart,
    },
    /// A time of day, at hour, minute or second grain.
    Time {
        /// The date and time.
        at: NaiveDateTime,
        /// [`Grain::Hour`], [`Grain::Minute`] or [`Grain::Second`].
        grain: Grain,
    },
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn last_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    month_end(ymd(y, m, 1)?)
}

/// The last day of the month of `first`, set by day of the month rather than found as the day
/// before the next month's first (two more conversions). Still `None` for the December of
/// chrono's last year, which the day-before reading had no next month for.
fn month_end(first: NaiveDate) -> Option<NaiveDate> {
    let length = match first.month() {
        2 if first.leap_year() => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        12 if first.year() >= NaiveDate::MAX.year() => return None,
        _ => 31,
    };
    first.with_day(length)
}

impl Point {
    /// The grain of this point.
    pub fn grain(&self) -> Grain {
        match self {
            Point::Day(_) => Grain::Day,
            Point::Month { .. } => Grain::Month,
            Point::Year(_) => Grain::Year,
            Point::Decade(_) => Grain::Decade,
            Point::Century(_) => Grain::Century,
            Point::Week { .. } => Grain::Week,
            Point::Quarter { .. } => Grain::Quarter,
            Point::Half { .. } => Grain::Half,
            Point::Season { .. } => Grain::Season,
            Point::PartOfDay { .. } => Grain::PartOfDay,
            Point::Time { grain, .. } => *grain,
        }
    }

    /// The first and last day this point covers, or `None` outside chrono's range.
    pub fn days(&self) -> Option<(NaiveDate, NaiveDate)> {
        match *self {
            Point::Day(d) => Some((d, d)),
            Point::PartOfDay { date, .. } => Some((date, date)),
            Point::Time { at, .. } => Some((at.date(), at.date())),
            Point::Month { year, month } => {
                let first = ymd(year, month, 1)?;
                Some((first, month_end(first)?))
            }
            Point::Year(y) => Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?)),
            Point::Decade(d) => {
                let y = d.checked_mul(10)?;
                Some((ymd(y, 1, 1)?, ymd(y.checked_add(9)?, 12, 31)?))
            }
            Point::Century(c) => {
                let y = c.checked_mul(100)?;
                Some((ymd(y, 1, 1)?, ymd(y.checked_add(99)?, 12, 31)?))
            }
            Point::Week { year, week } => {
                let first = NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon)?;
                Some((first, first.checked_add_days(Days::new(6))?))
            }
            Point::Quarter { year, quarter } => {
                let m = (quarter.clamp(1, 4) - 1) * 3 + 1;
                Some((ymd(year, m, 1)?, last_of_month(year, m + 2)?))
            }
            Point::Half { year, half } => {
                let m = if half == 2 { 7 } else { 1 };
                Some((ymd(year, m, 1)?, last_of_month(year, m + 5)?))
            }
            Point::Season { year, season } => match season {
                Season::Spring => Some((ymd(year, 3, 21)?, ymd(year, 6, 20)?)),
                Season::Summer => Some((ymd(year, 6, 21)?, ymd(year, 9, 22)?)),
                Season::Autumn => Some((ymd(year, 9, 23)?, ymd(year, 12, 20)?)),
                Season::Winter => Some((ymd(year, 12, 21)?, ymd(year.checked_add(1)?, 3, 20)?)),
            },
        }
    }

    /// The first and last instant this point covers (to the second).
    pub fn instants(&self) -> Option<(NaiveDateTime, NaiveDateTime)> {
        let end_of_day = NaiveTime::from_hms_opt(23, 59, 59)?;
        match *self {
            Point::Time { at, grain } => {
                let span = match grain {
                    Grain::Hour => ChronoDuration::seconds(3599),
                    Grain::Minute => ChronoDuration::seconds(59),
                    _ => ChronoDuration::zero(),
                };
                Some((at, at.checked_add_signed(span)?))
            }
            Point::PartOfDay { date, part } => {
                let (h0, h1) = part.hours();
                Some((date.and_hms_opt(h0, 0, 0)?, date.and_hms_opt(h1, 59, 59)?))
            }
            _ => {
                let (a, b) = self.days()?;
                Some((a.and_time(NaiveTime::MIN), b.and_time(end_of_day)))
            }
        }
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Point::Day(d) => write_day(f, d),
            Point::Month { year, month } => {
                write_year(f, year)?;
                write!(f, "-{month:02}")
            }
            Point::Year(y) => write_year(f, y),
            Point::Decade(d) => write!(f, "{d:03}"),
            Point::Century(c) => write!(f, "{c:02}"),
            Point::Week { year, week } => {
                write_year(f, year)?;
                write!(f, "-W{week:02}")
            }
            Point::Quarter { year, quarter } => {
                write_year(f, year)?;
                write!(f, "-Q{quarter}")
            }
            Point::Half { year, half } => {
                write_year(f, year)?;
                write!(f, "-H{half}")
            }
            Point::Season { year, season } => {
                write_year(f, year)?;
                write!(f, "-{}", season.code())
            }
            Point::PartOfDay { date, part } => {
                write_day(f, date)?;
                write!(f, "T{}", part.code())
            }
            Point::Time { at, grain } => write_time(f, at, grain == Grain::Second),
        }
    }
}

/// `d` as chrono writes it with `%Y-%m-%d`, without reading the format string each time (a
/// tenth of the command line's work went there): years outside 0..=9999 are left to chrono.
fn write_day(f: &mut fmt::Formatter<'_>, d: NaiveDate) -> fmt::Result {
    let mut b = *b"0000-00-00";
    if !digits(&mut b, d) {
        return write!(f, "{}", d.format("%Y-%m-%d"));
    }
    f.write_str(std::str::from_utf8(&b).unwrap_or_default())
}

/// `at` as chrono writes it with `%Y-%m-%dT%H:%M`, and `:%S` after it if `seconds`.
fn write_time(f: &mut fmt::Formatter<'_>, at: NaiveDateTime, seconds: bool) -> fmt::Result {
    use chrono::Timelike;
    let mut b = *b"0000-00-00T00:00:00";
    let n = if seconds { b.len() } else { b.len() - 3 };
    let time = [at.hour(), at.minute(), at.second()];
    if !digits(&mut b, at.date()) {
        let format = if seconds {
            "%Y-%m-%dT%H:%M:%S"
        } else {
            "%Y-%m-%dT%H:%M"
        };
        return write!(f, "{}", at.format(format));
    }
    for (k, v) in time.into_iter().enumerate() {
        put(b.get_mut(11 + 3 * k..13 + 3 * k), v);
    }
    f.write_str(std::str::from_utf8(b.get(..n).unwrap_or_default()).unwrap_or_default())
}

/// Writes the year, month and day of `d` into the first ten bytes of `b` ("YYYY-MM-DD"), if
/// its year has four digits.
fn digits(b: &mut [u8], d: NaiveDate) -> bool {
    let Some(year) = u32::try_from(d.year()).ok().filter(|&y| y <= 9999) else {
        return false;
    };
    put(b.get_mut(..4), year);
    put(b.get_mut(5..7), d.month());
    put(b.get_mut(8..10), d.day());
    true
}

/// `v` in decimal into `out`, zero-padded to its length (the digits that do not fit are lost).
fn put(out: Option<&mut [u8]>, mut v: u32) {
    for slot in out.into_iter().flatten().rev() {
        *slot = b'0' + (v % 10) as u8;
        v /= 10;
    }
}

fn write_year(f: &mut fmt::Formatter<'_>, y: i32) -> fmt::Result {
    if (0..=9999).contains(&y) {
        write!(f, "{y:04}")
    } else {
        write!(f, "{y:+}")
    }
}

/// A length of time: `P3D`, `P2W`, `PT2H`; `PXY` when the number is unsaid ("some years").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Duration {
    /// How many units; `None` for "some" (`PXY`).
    pub count: Option<u32>,
    /// The unit.
    pub unit: Unit,
}

/// A calendar or clock unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
}

impl Unit {
    fn code(self) -> (&'static str, &'static str) {
        match self {
            Unit::Second => ("T", "S"),
            Unit::Minute => ("T", "M"),
            Unit::Hour => ("T", "H"),
            Unit::Day => ("", "D"),
            Unit::Week => ("", "W"),
            Unit::Month => ("", "M"),
            Unit::Year => ("", "Y"),
            Unit::Decade => ("", "DE"),
            Unit::Century => ("", "CE"),
        }
    }

    /// The grain of a point stated in this unit.
    pub fn grain(self) -> Grain {
        match self {
            Unit::Second => Grain::Second,
            Unit::Minute => Grain::Minute,
            Unit::Hour => Grain::Hour,
            Unit::Day => Grain::Day,
            Unit::Week => Grain::Week,
            Unit::Month => Grain::Month,
            Unit::Year => Grain::Year,
            Unit::Decade => Grain::Decade,
            Unit::Century => Grain::Century,
        }
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (t, u) = self.unit.code();
        match self.count {
            Some(n) => write!(f, "P{t}{n}{u}"),
            None => write!(f, "P{t}X{u}"),
        }
    }
}

/// An expression that points at the past, present or future without a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Vague {
    /// `PAST_REF`: سابقا، مؤخرا، في الماضي، خلال العقود الماضية.
    Past,
    /// `PRESENT_REF`: الآن، حاليا.
    Present,
    /// `FUTURE_REF`: مستقبلا، في المستقبل، لاحقا.
    Future,
}

/// A repeating time: كل يوم، أسبوعيا، كل جمعة.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Recurrence {
    /// Every N units: `P1D`, `P1W`.
    Every(Duration),
    /// Every given weekday: `XXXX-WXX-5`.
    Weekday(chrono::Weekday),
}

/// What a mention means, independent of how it was said.
///
/// `Display` (and the serde form) is the ISO-TimeML value string of DESIGN.md "Values":
///
/// ```
/// use chrono::NaiveDate;
/// use tarikh::{Point, Value};
///
/// let d = NaiveDate::from_ymd_opt(2025, 12, 23).unwrap();
/// let v = Value::Range(Some(Point::Day(d)), Some(Point::Day(d.succ_opt().unwrap())));
/// assert_eq!(v.to_string(), "2025-12-23/2025-12-24");
/// assert_eq!(Value::Point(Point::Decade(197)).to_string(), "197");
/// assert_eq!(v.last_day(), NaiveDate::from_ymd_opt(2025, 12, 24));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Value {
    /// One calendar unit.
    Point(Point),
    /// From one point to another, both ends inclusive; `None` for an open end (`..`).
    Range(Option<Point>, Option<Point>),
    /// A length of time.
    Duration(Duration),
    /// A repeating time.
    Set(Recurrence),
    /// Past, present or future without a date.
    Vague(Vague),
}

impl Value {
    /// The grain of the value (of its start for a range).
    pub fn grain(&self) -> Option<Grain> {
        match self {
            Value::Point(p) => Some(p.grain()),
            Value::Range(a, b) => a.or(*b).map(|p| p.grain()),
            Value::Duration(d) => Some(d.unit.grain()),
            Value::Set(Recurrence::Every(d)) => Some(d.unit.grain()),
            Value::Set(Recurrence::Weekday(_)) => Some(Grain::Day),
            Value::Vague(_) => None,
        }
    }

    /// The first day the value covers; `None` for durations, sets, vague values and open starts.
    pub fn first_day(&self) -> Option<NaiveDate> {
        match self {
            // Most values are days: no call to `Point::days`.
            Value::Point(Point::Day(d)) | Value::Range(Some(Point::Day(d)), _) => Some(*d),
            Value::Point(p) => p.days().map(|d| d.0),
            Value::Range(Some(a), _) => a.days().map(|d| d.0),
            _ => None,
        }
    }

    /// The last day the value covers; `None` for durations, sets, vague values and open ends.
    pub fn last_day(&self) -> Option<NaiveDate> {
        match self {
            Value::Point(Point::Day(d)) | Value::Range(_, Some(Point::Day(d))) => Some(*d),
            Value::Point(p) => p.days().map(|d| d.1),
            Value::Range(_, Some(b)) => b.days().map(|d| d.1),
            _ => None,
        }
    }

    /// The first instant the value covers.
    pub fn first_instant(&self) -> Option<NaiveDateTime> {
        match self {
            Value::Point(p) => p.instants().map(|d| d.0),
            Value::Range(Some(a), _) => a.instants().map(|d| d.0),
            _ => None,
        }
    }

    /// The last instant the value covers (to the second).
    pub fn last_instant(&self) -> Option<NaiveDateTime> {
        match self {
            Value::Point(p) => p.instants().map(|d| d.1),
            Value::Range(_, Some(b)) => b.instants().map(|d| d.1),
            _ => None,
        }
    }

    /// True for values that name a place on the calendar (points and ranges).
    pub fn is_dated(&self) -> bool {
        self.first_day().is_some() || self.last_day().is_some()
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Point(p) => p.fmt(f),
            Value::Range(a, b) => {
                match a {
                    Some(p) => p.fmt(f)?,
                    None => f.write_str("..")?,
                }
                f.write_str("/")?;
                match b {
                    Some(p) => p.fmt(f),
                    None => f.write_str(".."),
                }
            }
            Value::Duration(d) => d.fmt(f),
            Value::Set(Recurrence::Every(d)) => d.fmt(f),
            Value::Set(Recurrence::Weekday(w)) => {
                write!(f, "XXXX-WXX-{}", w.number_from_monday())
            }
            Value::Vague(Vague::Past) => f.write_str("PAST_REF"),
            Value::Vague(Vague::Present) => f.write_str("PRESENT_REF"),
            Value::Vague(Vague::Future) => f.write_str("FUTURE_REF"),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Serialize for Point {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The ISO week of a date as a point.
pub(crate) fn week_of(d: NaiveDate) -> Point {
    let w = d.iso_week();
    Point::Week {
        year: w.year(),
        week: w.week(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Days and times are written as chrono writes them with `%Y-%m-%d` and `%H:%M(:%S)`,
    /// across the calendar's range and at its ends.
    #[test]
    fn days_and_times_are_written_as_chrono_writes_them() {
        let mut days = vec![NaiveDate::MIN, NaiveDate::MAX];
        for y in [
            -10_000, -1, 0, 1, 9, 99, 999, 1000, 2025, 9999, 10_000, 200_000,
        ] {
            for (m, d) in [(1, 1), (2, 28), (7, 9), (12, 31)] {
                days.extend(NaiveDate::from_ymd_opt(y, m, d));
            }
        }
        for d in days {
            assert_eq!(Point::Day(d).to_string(), d.format("%Y-%m-%d").to_string());
            for (h, m, s) in [(0, 0, 0), (9, 5, 7), (23, 59, 59)] {
                let Some(at) = d.and_hms_opt(h, m, s) else {
                    continue;
                };
                let minute = Point::Time {
                    at,
                    grain: Grain::Minute,
                };
                let second = Point::Time {
                    at,
                    grain: Grain::Second,
                };
                assert_eq!(minute.to_string(), at.format("%Y-%m-%dT%H:%M").to_string());
                assert_eq!(
                    second.to_string(),
                    at.format("%Y-%m-%dT%H:%M:%S").to_string()
                );
            }
        }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    /// The last day of a month, set by its length, is the day before the next month's first,
    /// and is missing where that is: in every month of ordinary and leap years, centuries and
    /// chrono's first and last years.
    #[test]
    fn month_ends_are_the_days_before_the_next_months() {
        let (min, max) = (NaiveDate::MIN.year(), NaiveDate::MAX.year());
        for y in [
            min,
            min + 1,
            -1,
            0,
            1900,
            2000,
            2023,
            2024,
            2100,
            max - 1,
            max,
        ] {
            for m in 0..=13 {
                let next = if m == 12 {
                    y.checked_add(1).and_then(|ny| ymd(ny, 1, 1))
                } else {
                    ymd(y, m + 1, 1)
                };
                let before_next = ymd(y, m, 1).and(next).and_then(|d| d.pred_opt());
                assert_eq!(last_of_month(y, m), before_next, "{y}-{m}");
            }
        }
    }

    #[test]
    fn value_strings() {
        let t = day(2025, 12, 24).and_hms_opt(10, 0, 0).unwrap_or_default();
        let cases: Vec<(Value, &str)> = vec![
            (Value::Point(Point::Day(day(2025, 12, 23))), "2025-12-23"),
            (
                Value::Point(Point::Month {
                    year: 2025,
                    month: 10,
                }),
                "2025-10",
            ),
            (Value::Point(Point::Year(2025)), "2025"),
            (Value::Point(Point::Decade(197)), "197"),
            (Value::Point(Point::Century(19)), "19"),
            (
                Value::Point(Point::Week {
                    year: 2025,
                    week: 52,
                }),
                "2025-W52",
            ),
            (
                Value::Point(Point::Quarter {
                    year: 2012,
                    quarter: 1,
                }),
                "2012-Q1",
            ),
            (
                Value::Point(Point::Half {
                    year: 2012,
                    half: 2,
                }),
                "2012-H2",
            ),
            (
                Value::Point(Point::Season {
                    year: 2012,
                    season: Season::Summer,
                }),
                "2012-SU",
            ),
            (
                Value::Point(Point::Time {
                    at: t,
                    grain: Grain::Hour,
                }),
                "2025-12-24T10:00",
            ),
            (
                Value::Point(Point::PartOfDay {
                    date: day(2025, 12, 23),
                    part: DayPart::Evening,
                }),
                "2025-12-23TEV",
            ),
            (Value::Range(Some(Point::Year(2007)), None), "2007/.."),
            (
                Value::Duration(Duration {
                    count: Some(3),
                    unit: Unit::Day,
                }),
                "P3D",
            ),
            (
                Value::Duration(Duration {
                    count: Some(2),
                    unit: Unit::Hour,
                }),
                "PT2H",
            ),
            (
                Value::Duration(Duration {
                    count: None,
                    unit: Unit::Year,
                }),
                "PXY",
            ),
            (
                Value::Set(Recurrence::Weekday(chrono::Weekday::Fri)),
                "XXXX-WXX-5",
            ),
            (Value::Vague(Vague::Past), "PAST_REF"),
        ];
        for (v, s) in cases {
            assert_eq!(v.to_string(), s);
        }
    }

    #[test]
    fn bounds_of_points() {
        let p = Point::Week {
            year: 2025,
            week: 52,
        };
        assert_eq!(p.days(), Some((day(2025, 12, 22), day(2025, 12, 28))));
        let w = Point::Season {
            year: 2012,
            season: Season::Winter,
        };
        assert_eq!(w.days(), Some((day(2012, 12, 21), day(2013, 3, 20))));
        assert_eq!(
            Point::Month {
                year: 2024,
                month: 2
            }
            .days(),
            Some((day(2024, 2, 1), day(2024, 2, 29)))
        );
        assert_eq!(Point::Year(i32::MAX).days(), None);
    }
}
