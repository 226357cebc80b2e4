//! What the text said: [`Expr`], before any date is computed.
//!
//! Like jiff's `BrokenDownTime`, a [`DateExpr`] is a record of optional fields filled by the
//! recognizer; [`crate::resolve`] checks and turns it into a [`crate::Value`]. Keeping the two
//! apart lets a caller see what was written ("23 كانون الأول", no year) next to what it means.

use chrono::Weekday;
use serde::Serialize;

use crate::lexicon::{Calendar, Direction, MonthFamily, Part};
use crate::value::{DayPart, Duration, Recurrence, Season, Unit, Vague};

/// A month as written: by name or number, or relative to the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MonthSaid {
    /// A month by name or number.
    Named {
        /// 1–12, in the calendar of the expression.
        month: u8,
        /// The family of names it was written in.
        family: MonthFamily,
    },
    /// الشهر الماضي (-1), الشهر الجاري / هذا الشهر (0), الشهر المقبل (+1).
    Relative(i32),
}

/// A year as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum YearSaid {
    /// An explicit year, in the calendar of the expression.
    Number(i32),
    /// العام الماضي (-1), هذا العام (0), العام المقبل (+1).
    Relative(i32),
}

/// A time of day as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TimeSaid {
    /// The hour as said (0–24).
    pub hour: u8,
    /// Minutes, if said.
    pub minute: Option<u8>,
    /// Seconds, if said.
    pub second: Option<u8>,
    /// Whether the hour is to be read on the 12-hour clock, and how.
    #[serde(skip)]
    pub meridiem: Option<crate::lexicon::Meridiem>,
}

/// Which one of a series inside a month: "the third Tuesday", "the last week".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NthOf {
    /// The n-th given weekday.
    Weekday(Weekday),
    /// The n-th (Monday-starting) week wholly inside the month.
    Week,
    /// The n-th day.
    Day,
}

/// "The n-th X of the month"; `n` is -1 for "the last".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Nth {
    /// 1-based position, or -1 for the last.
    pub n: i8,
    /// What is counted.
    pub of: NthOf,
}

/// A decade as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DecadeSaid {
    /// السبعينيات: the tens digit (7), century from context.
    Digit(u8),
    /// العقد الماضي (-1), العقد الحالي (0).
    Relative(i32),
}

/// A century as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CenturySaid {
    /// القرن العشرين = 20 (its value is `19`, the 1900s).
    Ordinal(i32),
    /// القرن الماضي (-1), القرن الحالي (0).
    Relative(i32),
}

/// A feast that dates an event: Islamic feasts by the Hijri calendar, Christian ones by the
/// Gregorian (or, for the Orthodox, the Julian) computus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Feast {
    /// عيد الفطر: 1 Shawwal.
    EidAlFitr,
    /// عيد الأضحى: 10 Dhu al-Hijja.
    EidAlAdha,
    /// يوم عرفة: 9 Dhu al-Hijja.
    Arafa,
    /// رأس السنة الهجرية: 1 Muharram.
    HijriNewYear,
    /// عاشوراء: 10 Muharram.
    Ashura,
    /// المولد النبوي: 12 Rabi al-Awwal.
    Mawlid,
    /// ليلة الإسراء والمعراج: 27 Rajab.
    IsraMiraj,
    /// ليلة القدر: 27 Ramadan.
    LaylatAlQadr,
    /// عيد الميلاد، الكريسماس: 25 December (7 January for the Orthodox).
    Christmas,
    /// رأس السنة الميلادية: 1 January.
    NewYear,
    /// عيد الفصح: Easter Sunday (Western computus; Orthodox when said).
    Easter,
}

/// A calendar expression: every field optional, as the text gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct DateExpr {
    /// The calendar the day/month/year are in.
    pub calendar: Option<Calendar>,
    /// A century.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub century: Option<CenturySaid>,
    /// A decade.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decade: Option<DecadeSaid>,
    /// A year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<YearSaid>,
    /// A season.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub season: Option<Season>,
    /// A quarter (1–4).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quarter: Option<u8>,
    /// A half (1–2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub half: Option<u8>,
    /// A month.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<MonthSaid>,
    /// A week relative to the anchor's: الأسبوع الماضي = -1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub week: Option<i32>,
    /// The n-th weekday, week or day of the month.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nth: Option<Nth>,
    /// A day of the month.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<u8>,
    /// A weekday.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekday: Option<Weekday>,
    /// A day relative to the anchor: اليوم 0, أمس -1, غدا 1, أول أمس -2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relative_day: Option<i32>,
    /// الماضي/المقبل after a yearless date, a month, a weekday or a season.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// مطلع/منتصف/أواخر.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<Part>,
    /// صباحا، مساء...
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day_part: Option<DayPart>,
    /// A time of day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeSaid>,
    /// A feast, with [`DateExpr::orthodox`] for the Eastern churches. With `nth`, "the n-th
    /// day of the feast" ([`NthOf::Day`]) or "the n-th weekday after it".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feast: Option<Feast>,
    /// The feast is dated by the Orthodox churches (الشرقي، الأرثوذكسي).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub orthodox: bool,
}

impl DateExpr {
    /// True when nothing at all was said.
    pub fn is_empty(&self) -> bool {
        *self == DateExpr::default()
    }

    /// True when the expression names a calendar day with no year and nothing relative.
    pub fn is_yearless_day(&self) -> bool {
        self.day.is_some()
            && self.year.is_none()
            && matches!(self.month, Some(MonthSaid::Named { .. }))
    }
}

/// How a count of units relates to the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Shift {
    /// قبل/منذ N: a point N units before.
    Ago,
    /// بعد N: a point N units after.
    Later,
    /// الأيام الثلاثة الماضية: the N units up to the anchor.
    LastN,
    /// الأسابيع الثلاثة القادمة: the N units after the anchor's unit.
    NextN,
    /// خلال N: from the anchor to N units later.
    Within,
}

/// What the text said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Expr {
    /// A calendar expression.
    Date(DateExpr),
    /// A count of units relative to the anchor.
    Relative {
        /// How many.
        count: u32,
        /// Of what.
        unit: Unit,
        /// Which way.
        shift: Shift,
    },
    /// From one expression to another.
    Range(Box<Expr>, Box<Expr>),
    /// A length of time.
    #[serde(serialize_with = "as_display")]
    Duration(Duration),
    /// A repeating time.
    #[serde(serialize_with = "as_display")]
    Set(Recurrence),
    /// Past, present or future without a date.
    Vague(Vague),
}

fn as_display<T: std::fmt::Display, S: serde::Serializer>(v: &T, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(v)
}

impl std::fmt::Display for Recurrence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::value::Value::Set(*self).fmt(f)
    }
}
