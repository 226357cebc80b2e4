//! The word tables: every word the recognizer knows, by kind, in one place.
//!
//! Each table is data: adding a spelling is adding one line. Keys are written as Arabic is
//! written (with hamza forms); they are folded the same way as the text when the lexicon is
//! built, so "أبريل" also matches "ابريل" and "إبريل". Words are looked up whole first, then with
//! the clitics و ف ب ل ك and the article ال peeled off (see [`Lexicon::classify`]).

use std::sync::LazyLock;

use chrono::Weekday;

use crate::expr::Feast;
use crate::normalize::fold;
use crate::value::{DayPart, Season, Unit, Vague};

/// The calendar a month name belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Calendar {
    /// The Gregorian calendar, named with any of the four families of month names.
    Gregorian,
    /// The Islamic (Hijri) calendar.
    Hijri,
}

/// Which family of names a Gregorian month was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MonthFamily {
    /// كانون الثاني، شباط، آذار... (Levant, Iraq).
    Syriac,
    /// يناير، فبراير، مارس... (Egypt, Gulf).
    Egyptian,
    /// جانفي، فيفري، أفريل... (Algeria, Tunisia).
    Maghrebi,
    /// يوليوز، غشت، شتنبر... (Morocco).
    Moroccan,
    /// محرم... ذو الحجة.
    Hijri,
    /// A month given by number ("شهر 3", "الشهر التاسع").
    Numbered,
}

/// The first word of a two-word month name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthHead {
    /// كانون: الثاني = January, الأول = December.
    Kanun,
    /// تشرين: الأول = October, الثاني = November.
    Tishrin,
    /// ربيع: الأول = 3, الآخر/الثاني = 4 (Hijri). Alone, "spring".
    Rabi,
    /// جمادى: الأولى = 5, الآخرة/الثانية = 6 (Hijri).
    Jumada,
    /// ذو/ذي: القعدة = 11, الحجة = 12 (Hijri).
    Dhu,
}

/// How a period is divided: early, middle, late.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// مطلع، بداية، أوائل: the first third.
    Early,
    /// منتصف، أواسط: the middle (the 15th of a month).
    Mid,
    /// أواخر، نهاية: the last third.
    Late,
}

/// A relative direction: الماضي، المقبل، الجاري.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// الماضي، السابق، الفائت، المنصرم.
    Past,
    /// الجاري، الحالي، هذا.
    Current,
    /// المقبل، القادم، التالي.
    Future,
}

/// A preposition or particle the grammar cares about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prep {
    /// في
    In,
    /// من
    From,
    /// منذ
    Since,
    /// قبل
    Before,
    /// بعد
    After,
    /// خلال
    During,
    /// حتى، لغاية
    Until,
    /// إلى
    To,
    /// بين
    Between,
    /// عند، حوالي، نحو، قرابة، بحدود: read past, not part of the expression.
    Around,
    /// مدة، لمدة، طوال، طيلة
    For,
}

/// How a day part shifts an hour on the 12-hour clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meridiem {
    /// Hours stay as said (صباحا، فجرا).
    Am,
    /// 12 stays 12, 1–11 move to the afternoon (ظهرا).
    Noon,
    /// Hours 1–11 move to the afternoon or evening (عصرا، مساء، العشاء).
    Pm,
    /// Night: 1–5 stay, 6–11 move to the evening (ليلا).
    Night,
}

/// What a word is to the recognizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lex {
    /// A one-word month name.
    Month {
        /// 1–12.
        month: u8,
        /// The family of names.
        family: MonthFamily,
        /// True for names that are also common words (مارس، ماي، آب، صفر، رمضان...): read as a
        /// month only in date context.
        ambiguous: bool,
    },
    /// The first word of a two-word month name.
    MonthHead(MonthHead),
    /// A weekday name.
    Weekday(Weekday),
    /// A number word.
    Number {
        /// Its value.
        value: u32,
        /// True for ordinals (الثالث، الأولى).
        ordinal: bool,
    },
    /// عشر، عشرة: the teen marker (and ten).
    Ten,
    /// A unit noun: يوم، أسبوعين، أشهر...
    Unit {
        /// The unit.
        unit: Unit,
        /// 1 singular, 2 dual, 0 plural.
        count: u8,
    },
    /// اليوم، أمس، غدا: a day relative to the anchor.
    RelDay(i8),
    /// الماضي، المقبل، الجاري...
    Dir(Direction),
    /// هذا، هذه.
    This,
    /// A preposition.
    Prep(Prep),
    /// و alone (or split from a number).
    And,
    /// مطلع، منتصف، أواخر...
    Part(Part),
    /// أول/آخر as "first"/"last" of a series, and الأخير.
    Last,
    /// A season name.
    Season(Season),
    /// فصل ("season").
    SeasonWord,
    /// A day part, with how it shifts hours.
    DayPart(DayPart, Meridiem),
    /// الظهر، العصر، المغرب: prayer times usable after قبل/بعد.
    Prayer(Meridiem),
    /// ربع، نصف، ثلث: fractions of an hour (and quarter/half of a year).
    Fraction(u8),
    /// إلا ("minus" on the clock).
    Except,
    /// دقيقة/دقائق.
    Minute,
    /// بتوقيت.
    Zone,
    /// A decade name: السبعينيات = 7.
    Decade(u8),
    /// كل ("every").
    Every,
    /// يوميا، أسبوعيا...: every one unit.
    Adverb(Unit),
    /// الآن، مؤخرا، مستقبلا...
    Vague(Vague),
    /// م، ميلادي: the Gregorian era.
    EraAd,
    /// هـ، هجري: the Hijri era.
    EraAh,
    /// الموافق ("corresponding to").
    Corresponding,
    /// الذي/التي/الي: relative pronoun in "اليوم الذي بعد الغد".
    Which,
    /// عدة، بضعة: "some" before a plural unit ("عدة سنوات" = `PXY`).
    Several,
    /// The first word of a feast's name (عيد، رأس، عاشوراء...): see [`FEASTS`].
    FeastHead,
    /// وقت ("time"), in "في وقت سابق/لاحق".
    Moment,
    /// ابتداء، اعتبارا، انطلاقا: "starting" (from a date on).
    Starting,
    /// The dual in construct before two names: يومي (الجمعة والسبت), عامي (2008 و2012),
    /// شهري (يوليو وأغسطس).
    Pair(Unit),
}

/// The words, by table. Spellings are folded when the lexicon is built.
const MONTHS: &[(&str, u8, MonthFamily, bool)] = &[
    // Syriac (the two-word ones are MonthHead + ordinal).
    ("شباط", 2, MonthFamily::Syriac, false),
    ("آذار", 3, MonthFamily::Syriac, false),
    ("نيسان", 4, MonthFamily::Syriac, false),
    ("أيار", 5, MonthFamily::Syriac, false),
    ("حزيران", 6, MonthFamily::Syriac, false),
    ("تموز", 7, MonthFamily::Syriac, false),
    ("آب", 8, MonthFamily::Syriac, true),
    ("أيلول", 9, MonthFamily::Syriac, false),
    // Egyptian / Gulf.
    ("يناير", 1, MonthFamily::Egyptian, false),
    ("فبراير", 2, MonthFamily::Egyptian, false),
    ("مارس", 3, MonthFamily::Egyptian, true),
    ("أبريل", 4, MonthFamily::Egyptian, false),
    ("إبريل", 4, MonthFamily::Egyptian, false),
    ("مايو", 5, MonthFamily::Egyptian, false),
    ("مايه", 5, MonthFamily::Egyptian, false),
    ("يونيو", 6, MonthFamily::Egyptian, false),
    ("يونيه", 6, MonthFamily::Egyptian, false),
    ("يوليو", 7, MonthFamily::Egyptian, false),
    ("يوليه", 7, MonthFamily::Egyptian, false),
    ("أغسطس", 8, MonthFamily::Egyptian, false),
    ("أغسطوس", 8, MonthFamily::Egyptian, false),
    ("اغسطس", 8, MonthFamily::Egyptian, false),
    ("سبتمبر", 9, MonthFamily::Egyptian, false),
    ("أكتوبر", 10, MonthFamily::Egyptian, false),
    ("اكتوبر", 10, MonthFamily::Egyptian, false),
    ("نوفمبر", 11, MonthFamily::Egyptian, false),
    ("ديسمبر", 12, MonthFamily::Egyptian, false),
    // Maghrebi (Algeria, Tunisia).
    ("جانفي", 1, MonthFamily::Maghrebi, false),
    ("فيفري", 2, MonthFamily::Maghrebi, false),
    ("أفريل", 4, MonthFamily::Maghrebi, false),
    ("ماي", 5, MonthFamily::Maghrebi, true),
    ("جوان", 6, MonthFamily::Maghrebi, true),
    ("جويلية", 7, MonthFamily::Maghrebi, false),
    ("جويليه", 7, MonthFamily::Maghrebi, false),
    ("أوت", 8, MonthFamily::Maghrebi, true),
    // Moroccan.
    ("يوليوز", 7, MonthFamily::Moroccan, false),
    ("غشت", 8, MonthFamily::Moroccan, false),
    ("شتنبر", 9, MonthFamily::Moroccan, false),
    ("نونبر", 11, MonthFamily::Moroccan, false),
    ("دجنبر", 12, MonthFamily::Moroccan, false),
    // Hijri (the two-word ones are MonthHead + a second word).
    ("محرم", 1, MonthFamily::Hijri, true),
    ("صفر", 2, MonthFamily::Hijri, true),
    ("رجب", 7, MonthFamily::Hijri, true),
    ("شعبان", 8, MonthFamily::Hijri, true),
    ("رمضان", 9, MonthFamily::Hijri, true),
    ("شوال", 10, MonthFamily::Hijri, true),
];

const MONTH_HEADS: &[(&str, MonthHead)] = &[
    ("كانون", MonthHead::Kanun),
    ("تشرين", MonthHead::Tishrin),
    ("ربيع", MonthHead::Rabi),
    ("جمادى", MonthHead::Jumada),
    ("جمادي", MonthHead::Jumada),
    ("ذو", MonthHead::Dhu),
    ("ذي", MonthHead::Dhu),
];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("الأحد", Weekday::Sun),
    ("الاثنين", Weekday::Mon),
    ("الإثنين", Weekday::Mon),
    ("الاتنين", Weekday::Mon),
    ("ثلاثاء", Weekday::Tue),
    ("ثلاثا", Weekday::Tue),
    ("أربعاء", Weekday::Wed),
    ("أربعا", Weekday::Wed),
    ("خميس", Weekday::Thu),
    ("جمعة", Weekday::Fri),
    ("جمعه", Weekday::Fri),
    ("سبت", Weekday::Sat),
];

/// Number words: (spelling, value, ordinal).
const NUMBERS: &[(&str, u32, bool)] = &[
    ("واحد", 1, false),
    ("واحدة", 1, false),
    ("أحد", 1, false),
    ("إحدى", 1, false),
    ("اثنان", 2, false),
    ("اثنين", 2, false),
    ("اثنتان", 2, false),
    ("اثنتين", 2, false),
    ("اثنا", 2, false),
    ("اثني", 2, false),
    ("اثنتا", 2, false),
    ("اثنتي", 2, false),
    ("ثلاث", 3, false),
    ("ثلاثة", 3, false),
    ("ثلاثه", 3, false),
    ("أربع", 4, false),
    ("أربعة", 4, false),
    ("خمس", 5, false),
    ("خمسة", 5, false),
    ("ست", 6, false),
    ("ستة", 6, false),
    ("سبع", 7, false),
    ("سبعة", 7, false),
    ("ثمان", 8, false),
    ("ثماني", 8, false),
    ("ثمانية", 8, false),
    ("تسع", 9, false),
    ("تسعة", 9, false),
    ("عشرون", 20, false),
    ("عشرين", 20, false),
    ("ثلاثون", 30, false),
    ("ثلاثين", 30, false),
    ("أربعون", 40, false),
    ("أربعين", 40, false),
    ("خمسون", 50, false),
    ("خمسين", 50, false),
    ("ستون", 60, false),
    ("ستين", 60, false),
    ("سبعون", 70, false),
    ("سبعين", 70, false),
    ("ثمانون", 80, false),
    ("ثمانين", 80, false),
    ("تسعون", 90, false),
    ("تسعين", 90, false),
    ("مائة", 100, false),
    ("مئة", 100, false),
    ("أول", 1, true),
    ("أولى", 1, true),
    ("ثاني", 2, true),
    ("ثان", 2, true),
    ("ثانية", 2, true),
    ("ثالث", 3, true),
    ("ثالثة", 3, true),
    ("رابع", 4, true),
    ("رابعة", 4, true),
    ("خامس", 5, true),
    ("خامسة", 5, true),
    ("سادس", 6, true),
    ("سادسة", 6, true),
    ("سابع", 7, true),
    ("سابعة", 7, true),
    ("ثامن", 8, true),
    ("ثامنة", 8, true),
    ("تاسع", 9, true),
    ("تاسعة", 9, true),
    ("عاشر", 10, true),
    ("عاشرة", 10, true),
    ("حادي", 1, true),
    ("حادية", 1, true),
    // "غرة رمضان": the first day of a month.
    ("غرة", 1, true),
];

/// Unit nouns: (spelling, unit, count: 1 singular, 2 dual, 0 plural).
const UNITS: &[(&str, Unit, u8)] = &[
    ("يوم", Unit::Day, 1),
    ("يوما", Unit::Day, 1),
    ("أيام", Unit::Day, 0),
    ("يومين", Unit::Day, 2),
    ("يومان", Unit::Day, 2),
    ("أسبوع", Unit::Week, 1),
    ("أسبوعا", Unit::Week, 1),
    ("أسابيع", Unit::Week, 0),
    ("أسبوعين", Unit::Week, 2),
    ("أسبوعان", Unit::Week, 2),
    ("شهر", Unit::Month, 1),
    ("شهرا", Unit::Month, 1),
    ("أشهر", Unit::Month, 0),
    ("شهور", Unit::Month, 0),
    ("شهرين", Unit::Month, 2),
    ("شهران", Unit::Month, 2),
    ("عام", Unit::Year, 1),
    ("عاما", Unit::Year, 1),
    ("أعوام", Unit::Year, 0),
    ("عامين", Unit::Year, 2),
    ("عامان", Unit::Year, 2),
    ("سنة", Unit::Year, 1),
    ("سنه", Unit::Year, 1),
    ("سنوات", Unit::Year, 0),
    ("سنين", Unit::Year, 0),
    ("سنتين", Unit::Year, 2),
    ("سنتان", Unit::Year, 2),
    ("ساعة", Unit::Hour, 1),
    ("ساعه", Unit::Hour, 1),
    ("ساعات", Unit::Hour, 0),
    ("ساعتين", Unit::Hour, 2),
    ("ساعتان", Unit::Hour, 2),
    ("ثوان", Unit::Second, 0),
    ("ثواني", Unit::Second, 0),
    ("ثانيتين", Unit::Second, 2),
    ("عقد", Unit::Decade, 1),
    ("عقدا", Unit::Decade, 1),
    ("عقود", Unit::Decade, 0),
    ("عقدين", Unit::Decade, 2),
    ("قرن", Unit::Century, 1),
    ("قرنا", Unit::Century, 1),
    ("قرون", Unit::Century, 0),
    ("قرنين", Unit::Century, 2),
];

const REL_DAYS: &[(&str, i8)] = &[
    ("اليوم", 0),
    ("أمس", -1),
    ("الأمس", -1),
    ("البارحة", -1),
    ("البارحه", -1),
    ("امبارح", -1),
    ("مبارح", -1),
    ("غدا", 1),
    ("غد", 1),
    ("الغد", 1),
    ("بكرة", 1),
    ("بكره", 1),
    ("بكرا", 1),
];

const DIRECTIONS: &[(&str, Direction)] = &[
    ("الماضي", Direction::Past),
    ("الماضية", Direction::Past),
    ("الماض", Direction::Past),
    ("الفائت", Direction::Past),
    ("الفائتة", Direction::Past),
    ("الفايت", Direction::Past),
    ("المنصرم", Direction::Past),
    ("المنصرمة", Direction::Past),
    ("السابق", Direction::Past),
    ("السابقة", Direction::Past),
    ("المنقضي", Direction::Past),
    ("المنقضية", Direction::Past),
    ("الفارط", Direction::Past),
    ("الفارطة", Direction::Past),
    ("الماضيين", Direction::Past),
    ("الماضيتين", Direction::Past),
    ("الأخير", Direction::Past),
    ("الأخيرة", Direction::Past),
    ("الأخيرين", Direction::Past),
    ("المقبل", Direction::Future),
    ("المقبلة", Direction::Future),
    ("القادم", Direction::Future),
    ("القادمة", Direction::Future),
    ("التالي", Direction::Future),
    ("التالية", Direction::Future),
    ("الجاي", Direction::Future),
    ("الجاية", Direction::Future),
    ("الآتي", Direction::Future),
    ("الآتية", Direction::Future),
    ("الموالي", Direction::Future),
    ("الموالية", Direction::Future),
    ("المقبلين", Direction::Future),
    ("القادمين", Direction::Future),
    ("الجاري", Direction::Current),
    ("الجارية", Direction::Current),
    ("الحالي", Direction::Current),
    ("الحالية", Direction::Current),
];

const PREPS: &[(&str, Prep)] = &[
    ("في", Prep::In),
    ("فى", Prep::In),
    ("من", Prep::From),
    ("منذ", Prep::Since),
    ("مذ", Prep::Since),
    ("قبل", Prep::Before),
    ("بعد", Prep::After),
    ("خلال", Prep::During),
    ("طوال", Prep::For),
    ("طيلة", Prep::For),
    ("حتى", Prep::Until),
    ("لغاية", Prep::Until),
    ("إلى", Prep::To),
    ("الى", Prep::To),
    ("بين", Prep::Between),
    ("عند", Prep::Around),
    ("حوالي", Prep::Around),
    ("حوالى", Prep::Around),
    ("نحو", Prep::Around),
    ("قرابة", Prep::Around),
    ("بحدود", Prep::Around),
    ("تمام", Prep::Around),
    ("مدة", Prep::For),
];

const PARTS: &[(&str, Part)] = &[
    ("مطلع", Part::Early),
    ("بداية", Part::Early),
    ("بدايات", Part::Early),
    ("أوائل", Part::Early),
    ("مستهل", Part::Early),
    ("منتصف", Part::Mid),
    ("أواسط", Part::Mid),
    ("وسط", Part::Mid),
    ("نص", Part::Mid),
    ("أواخر", Part::Late),
    ("نهاية", Part::Late),
    ("نهايات", Part::Late),
    ("ختام", Part::Late),
    ("موفى", Part::Late),
];

const DAY_PARTS: &[(&str, DayPart, Meridiem)] = &[
    ("صباحا", DayPart::Morning, Meridiem::Am),
    ("صباح", DayPart::Morning, Meridiem::Am),
    ("صبحا", DayPart::Morning, Meridiem::Am),
    ("صبح", DayPart::Morning, Meridiem::Am),
    ("فجرا", DayPart::Morning, Meridiem::Am),
    ("فجر", DayPart::Morning, Meridiem::Am),
    ("ضحى", DayPart::Morning, Meridiem::Am),
    ("ظهرا", DayPart::Afternoon, Meridiem::Noon),
    ("ظهيرة", DayPart::Afternoon, Meridiem::Noon),
    ("عصرا", DayPart::Afternoon, Meridiem::Pm),
    ("مساء", DayPart::Evening, Meridiem::Pm),
    ("مساءا", DayPart::Evening, Meridiem::Pm),
    ("مسا", DayPart::Evening, Meridiem::Pm),
    ("عشية", DayPart::Evening, Meridiem::Pm),
    ("عشاء", DayPart::Evening, Meridiem::Pm),
    ("ليلا", DayPart::Night, Meridiem::Night),
    ("ليل", DayPart::Night, Meridiem::Night),
    ("ليلة", DayPart::Night, Meridiem::Night),
];

const PRAYERS: &[(&str, Meridiem)] = &[
    ("ظهر", Meridiem::Noon),
    ("عصر", Meridiem::Pm),
    ("مغرب", Meridiem::Pm),
];

const DECADES: &[(&str, u8)] = &[
    ("عشرينيات", 2),
    ("ثلاثينيات", 3),
    ("أربعينيات", 4),
    ("خمسينيات", 5),
    ("ستينيات", 6),
    ("سبعينيات", 7),
    ("ثمانينيات", 8),
    ("تسعينيات", 9),
    ("عشرينات", 2),
    ("ثلاثينات", 3),
    ("أربعينات", 4),
    ("خمسينات", 5),
    ("ستينات", 6),
    ("سبعينات", 7),
    ("ثمانينات", 8),
    ("تسعينات", 9),
];

const SEASONS: &[(&str, Season)] = &[
    ("ربيع", Season::Spring),
    ("صيف", Season::Summer),
    ("خريف", Season::Autumn),
    ("شتاء", Season::Winter),
];

const VAGUE: &[(&str, Vague)] = &[
    ("الآن", Vague::Present),
    ("الان", Vague::Present),
    ("حاليا", Vague::Present),
    ("حالا", Vague::Present),
    ("مؤخرا", Vague::Past),
    ("سابقا", Vague::Past),
    ("قديما", Vague::Past),
    ("مستقبلا", Vague::Future),
    ("لاحقا", Vague::Future),
    ("قريبا", Vague::Future),
];

const ADVERBS: &[(&str, Unit)] = &[
    ("يوميا", Unit::Day),
    ("أسبوعيا", Unit::Week),
    ("شهريا", Unit::Month),
    ("سنويا", Unit::Year),
];

/// Everything else: one word, one class.
const OTHERS: &[(&str, Lex)] = &[
    ("عشر", Lex::Ten),
    ("عشرة", Lex::Ten),
    ("عشره", Lex::Ten),
    ("هذا", Lex::This),
    ("هذه", Lex::This),
    ("هاذا", Lex::This),
    ("و", Lex::And),
    ("آخر", Lex::Last),
    ("فصل", Lex::SeasonWord),
    ("ربع", Lex::Fraction(15)),
    ("ربعا", Lex::Fraction(15)),
    ("نصف", Lex::Fraction(30)),
    ("ثلث", Lex::Fraction(20)),
    ("إلا", Lex::Except),
    ("دقيقة", Lex::Minute),
    ("دقيقه", Lex::Minute),
    ("دقائق", Lex::Minute),
    ("دقايق", Lex::Minute),
    ("توقيت", Lex::Zone),
    ("كل", Lex::Every),
    ("م", Lex::EraAd),
    ("ميلادي", Lex::EraAd),
    ("ميلادية", Lex::EraAd),
    ("للميلاد", Lex::EraAd),
    ("ه", Lex::EraAh),
    ("هـ", Lex::EraAh),
    ("هجري", Lex::EraAh),
    ("هجرية", Lex::EraAh),
    ("للهجرة", Lex::EraAh),
    ("موافق", Lex::Corresponding),
    ("عيد", Lex::FeastHead),
    ("رأس", Lex::FeastHead),
    ("عاشوراء", Lex::FeastHead),
    ("كريسماس", Lex::FeastHead),
    ("مولد", Lex::FeastHead),
    ("إسراء", Lex::FeastHead),
    ("وقفة", Lex::FeastHead),
    ("وقت", Lex::Moment),
    ("يومي", Lex::Pair(Unit::Day)),
    ("عامي", Lex::Pair(Unit::Year)),
    ("سنتي", Lex::Pair(Unit::Year)),
    ("شهري", Lex::Pair(Unit::Month)),
    ("ابتداء", Lex::Starting),
    ("اعتبارا", Lex::Starting),
    ("انطلاقا", Lex::Starting),
    ("عدة", Lex::Several),
    ("بضعة", Lex::Several),
    ("بضع", Lex::Several),
    ("الذي", Lex::Which),
    ("التي", Lex::Which),
    ("الي", Lex::Which),
    ("اللي", Lex::Which),
];

/// The standard name of each month in each Gregorian family, for messages and display.
const MONTH_NAMES: [(MonthFamily, [&str; 12]); 4] = [
    (
        MonthFamily::Syriac,
        [
            "كانون الثاني",
            "شباط",
            "آذار",
            "نيسان",
            "أيار",
            "حزيران",
            "تموز",
            "آب",
            "أيلول",
            "تشرين الأول",
            "تشرين الثاني",
            "كانون الأول",
        ],
    ),
    (
        MonthFamily::Egyptian,
        [
            "يناير",
            "فبراير",
            "مارس",
            "أبريل",
            "مايو",
            "يونيو",
            "يوليو",
            "أغسطس",
            "سبتمبر",
            "أكتوبر",
            "نوفمبر",
            "ديسمبر",
        ],
    ),
    (
        MonthFamily::Maghrebi,
        [
            "جانفي",
            "فيفري",
            "مارس",
            "أفريل",
            "ماي",
            "جوان",
            "جويلية",
            "أوت",
            "سبتمبر",
            "أكتوبر",
            "نوفمبر",
            "ديسمبر",
        ],
    ),
    (
        MonthFamily::Moroccan,
        [
            "يناير",
            "فبراير",
            "مارس",
            "أبريل",
            "ماي",
            "يونيو",
            "يوليوز",
            "غشت",
            "شتنبر",
            "أكتوبر",
            "نونبر",
            "دجنبر",
        ],
    ),
];

/// The standard name of month `month` (1–12) in a family: "شباط", "فبراير", "فيفري"; Hijri
/// names for [`MonthFamily::Hijri`]; `None` for numbered months and out-of-range numbers.
///
/// ```
/// use tarikh::lexicon::{month_name, MonthFamily};
///
/// assert_eq!(month_name(12, MonthFamily::Syriac), Some("كانون الأول"));
/// assert_eq!(month_name(8, MonthFamily::Moroccan), Some("غشت"));
/// assert_eq!(month_name(9, MonthFamily::Hijri), Some("رمضان"));
/// assert_eq!(month_name(13, MonthFamily::Egyptian), None);
/// ```
pub fn month_name(month: u8, family: MonthFamily) -> Option<&'static str> {
    if family == MonthFamily::Hijri {
        return crate::hijri::month_name(month);
    }
    let idx = usize::from(month.checked_sub(1)?);
    MONTH_NAMES
        .iter()
        .find(|(f, _)| *f == family)
        .and_then(|(_, names)| names.get(idx).copied())
}

/// Month names that are read as months only with a day or a year, even after a preposition:
/// آب (also the city إب once folded, and "father"), أوت ("out"), صفر ("zero"), رجب (a name).
/// Written folded.
pub const STRICT_MONTHS: &[&str] = &["اب", "اوت", "صفر", "رجب"];

/// Feast names, word by word as folded text (after the clitics of the first word). Longest
/// first where one name begins another.
pub const FEASTS: &[(&[&str], Feast)] = &[
    (&["عيد", "الفطر"], Feast::EidAlFitr),
    (&["عيد", "الاضحى"], Feast::EidAlAdha),
    (&["عيد", "الاضحي"], Feast::EidAlAdha),
    (&["يوم", "عرفة"], Feast::Arafa),
    (&["يوم", "عرفات"], Feast::Arafa),
    (&["وقفة", "عرفة"], Feast::Arafa),
    (&["وقفة", "عرفات"], Feast::Arafa),
    (&["راس", "السنة", "الهجرية"], Feast::HijriNewYear),
    (&["راس", "السنة", "الهجري"], Feast::HijriNewYear),
    (&["راس", "السنة", "الميلادية"], Feast::NewYear),
    (&["راس", "السنة"], Feast::NewYear),
    (&["يوم", "عاشوراء"], Feast::Ashura),
    (&["عاشوراء"], Feast::Ashura),
    (&["المولد", "النبوي"], Feast::Mawlid),
    (&["ليلة", "الاسراء", "والمعراج"], Feast::IsraMiraj),
    (&["الاسراء", "والمعراج"], Feast::IsraMiraj),
    (&["ليلة", "القدر"], Feast::LaylatAlQadr),
    (&["عيد", "الميلاد"], Feast::Christmas),
    (&["الكريسماس"], Feast::Christmas),
    (&["كريسماس"], Feast::Christmas),
    (&["عيد", "الفصح"], Feast::Easter),
    (&["عيد", "القيامة"], Feast::Easter),
];

/// Words after a feast's name that say the Orthodox churches date it.
pub const ORTHODOX: &[&str] = &["الشرقي", "الارثوذكسي", "الارثوذكسية", "الشرقية", "للارثوذكس"];

/// Epithets after a feast's name, read as part of it.
pub const FEAST_EPITHETS: &[&str] = &["المبارك", "المجيد", "السعيد", "الشريف"];

/// A word looked up, with what was peeled off it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// The class of the word.
    pub lex: Lex,
    /// Bytes of attached clitics (و ف ب ل ك) before the word proper.
    pub clitic_len: u8,
    /// The word carried the article ال.
    pub article: bool,
    /// The clitics included ل or ب (as in "لعام", "بشهر").
    pub preposition: bool,
}

/// The lexicon: every table folded into one map.
#[derive(Debug)]
pub struct Lexicon {
    /// Every word and its class, chained by [`slot`]: `next` is the index + 1 of the next word
    /// in the same slot, 0 at the end.
    words: Vec<Word>,
    /// For each [`slot`]: the index + 1 in `words` of its first word, 0 for none. Most words
    /// of a text are not date words and land in an empty slot, without hashing the whole word.
    heads: Box<[u16; SLOTS]>,
    /// For each [`tail_bit`]: set if some word that [`Lexicon::classify`] finds can end with
    /// those bytes. Peeling clitics never changes the end of a word, so most words of a text
    /// are turned away by one bit before any lookup.
    tails: Box<[u64; TAIL_WORDS]>,
    /// The words found whole, without peeling a clitic (the entries, and the entries after
    /// the article): most words that get past `tails`. Open addressing by [`end_hash`]: the
    /// index + 1 in `wholes`, 0 for none.
    whole_slots: Box<[u16; WHOLE_SLOTS]>,
    wholes: Vec<Whole>,
}

/// A word found whole, with what [`Lexicon::classify`] finds for it.
#[derive(Debug)]
struct Whole {
    /// Its [`end_key`].
    key: u64,
    /// Its first eight bytes ([`head8`]).
    head: u64,
    /// Its length in bytes.
    len: usize,
    /// All of it if it is longer than the sixteen bytes of `head` and `key`, else nothing.
    long: Box<[u8]>,
    entry: Entry,
}

const WHOLE_SLOTS: usize = 1 << 11;

/// Rows of all the tables: a bound on the entries.
const ROWS: usize = REL_DAYS.len()
    + WEEKDAYS.len()
    + MONTHS.len()
    + MONTH_HEADS.len()
    + DIRECTIONS.len()
    + VAGUE.len()
    + PREPS.len()
    + OTHERS.len()
    + NUMBERS.len()
    + UNITS.len()
    + PARTS.len()
    + DAY_PARTS.len()
    + PRAYERS.len()
    + DECADES.len()
    + SEASONS.len()
    + ADVERBS.len();

// Every entry and every entry after the article get a slot, and the table stays at most half
// full: a probe ends soon on an empty slot.
const _: () = assert!(4 * ROWS <= WHOLE_SLOTS);

#[derive(Debug)]
struct Word {
    text: Box<str>,
    /// The first eight bytes of `text`: most keys fit, and comparing a number is cheaper than
    /// calling `memcmp`.
    head: u64,
    lex: Lex,
    next: u16,
}

/// The first eight bytes of `w` as a number, zero-padded.
#[inline]
pub(crate) fn head8(w: &[u8]) -> u64 {
    match w.first_chunk::<8>() {
        Some(k) => u64::from_le_bytes(*k),
        None => short8(w),
    }
}

/// A word of fewer than eight bytes as a number, zero-padded: two overlapping loads, cheaper
/// than a loop or the call to `memcpy` a copy of unknown length becomes.
#[inline]
fn short8(w: &[u8]) -> u64 {
    let n = w.len();
    if let (Some(lo), Some(hi)) = (w.first_chunk::<4>(), w.last_chunk::<4>()) {
        return u64::from(u32::from_le_bytes(*lo))
            | (u64::from(u32::from_le_bytes(*hi)) << (8 * (n.min(8) - 4)));
    }
    if let (Some(lo), Some(hi)) = (w.first_chunk::<2>(), w.last_chunk::<2>()) {
        return u64::from(u16::from_le_bytes(*lo))
            | (u64::from(u16::from_le_bytes(*hi)) << (8 * (n - 2)));
    }
    w.first().map_or(0, |&b| u64::from(b))
}

const SLOT_BITS: u32 = 13;
const SLOTS: usize = 1 << SLOT_BITS;

/// A slot for a word from its length and its first and last two bytes.
#[inline]
fn slot(w: &[u8]) -> usize {
    let n = w.len();
    let first = match w {
        [a, b, ..] => u64::from(u16::from_le_bytes([*a, *b])),
        [a] => u64::from(*a),
        [] => 0,
    };
    let last = match w {
        [.., a, b] => u64::from(u16::from_le_bytes([*a, *b])),
        _ => 0,
    };
    let h = (n as u64)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(first.wrapping_mul(0xC2B2_AE3D_27D4_EB4F))
        .wrapping_add(last.wrapping_mul(0x1656_67B1_9E37_79F9));
    (h >> (64 - SLOT_BITS)) as usize
}

const TAIL_BITS: u32 = 16;
const TAIL_WORDS: usize = 1 << (TAIL_BITS - 6);
/// How many bytes at the end of a word [`tail_bit`] reads: four Arabic letters.
const TAIL_LEN: usize = 8;

/// A word's last [`TAIL_LEN`] bytes, read as a little-endian number; a shorter word fills the
/// high bytes and leaves the low ones zero. A word has no zero byte, so the number also tells
/// its length.
#[inline]
fn end_key(w: &[u8]) -> u64 {
    match w.last_chunk::<TAIL_LEN>() {
        Some(k) => u64::from_le_bytes(*k),
        None => short8(w)
            .checked_shl(8 * (TAIL_LEN - w.len()) as u32)
            .unwrap_or(0),
    }
}

/// A hash of an [`end_key`]: its top [`TAIL_BITS`] are the word's [`tail_bit`], the bits
/// below pick its slot among the [`Lexicon`]'s whole words.
#[inline]
fn end_hash(key: u64) -> u64 {
    // Both halves of the full product: a short word's bytes are all in the high bytes of its
    // key, and the high half mixes them as the low half cannot.
    let p = u128::from(key) * 0x9E37_79B9_7F4A_7C15;
    (p >> 64) as u64 ^ p as u64
}

/// A bit for a word's end: see [`end_key`].
#[inline]
fn tail_bit(w: &[u8]) -> usize {
    (end_hash(end_key(w)) >> (64 - TAIL_BITS)) as usize
}

/// By word length: the bytes of the [`TAIL_LEN`] before a word's end that are the word's own,
/// for words [`Lexicon::classify`] looks up (one to forty bytes); none for the empty word.
static TAIL_MASK: [u64; 41] = tail_masks();

// Evaluated at compile time: an index out of range would fail the build, not a run.
#[allow(clippy::indexing_slicing)]
const fn tail_masks() -> [u64; 41] {
    let mut masks = [u64::MAX; 41];
    masks[0] = 0;
    let mut n = 1;
    while n < TAIL_LEN {
        masks[n] = u64::MAX << (8 * (TAIL_LEN - n));
        n += 1;
    }
    masks
}

/// What [`Lexicon::classify`] may peel off the front of a word before a lookup: و/ف, then
/// ب/ل/ك, then the article; or و/ف and the لل of ل + ال.
fn clitic_chains() -> Vec<String> {
    let mut chains = Vec::new();
    for c1 in ["", "و", "ف"] {
        for c2 in ["", "ب", "ل", "ك"] {
            for a in ["", "ال"] {
                chains.push(format!("{c1}{c2}{a}"));
            }
        }
        chains.push(format!("{c1}لل"));
    }
    chains
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::build);

impl Lexicon {
    /// The shared lexicon, built once.
    pub fn get() -> &'static Lexicon {
        &LEXICON
    }

    fn build() -> Lexicon {
        let mut keys: Vec<(String, Lex)> = Vec::with_capacity(ROWS);
        let mut add = |w: &str, lex: Lex| keys.push((fold(w), lex));
        // Specific tables first: the first spelling wins on a clash.
        for &(w, d) in REL_DAYS {
            add(w, Lex::RelDay(d));
        }
        for &(w, d) in WEEKDAYS {
            add(w, Lex::Weekday(d));
        }
        for &(w, month, family, ambiguous) in MONTHS {
            add(
                w,
                Lex::Month {
                    month,
                    family,
                    ambiguous,
                },
            );
        }
        for &(w, h) in MONTH_HEADS {
            add(w, Lex::MonthHead(h));
        }
        for &(w, d) in DIRECTIONS {
            add(w, Lex::Dir(d));
        }
        for &(w, v) in VAGUE {
            add(w, Lex::Vague(v));
        }
        for &(w, p) in PREPS {
            add(w, Lex::Prep(p));
        }
        for &(w, l) in OTHERS {
            add(w, l);
        }
        for &(w, value, ordinal) in NUMBERS {
            add(w, Lex::Number { value, ordinal });
        }
        for &(w, unit, count) in UNITS {
            add(w, Lex::Unit { unit, count });
        }
        for &(w, p) in PARTS {
            add(w, Lex::Part(p));
        }
        for &(w, p, m) in DAY_PARTS {
            add(w, Lex::DayPart(p, m));
        }
        for &(w, m) in PRAYERS {
            add(w, Lex::Prayer(m));
        }
        for &(w, d) in DECADES {
            add(w, Lex::Decade(d));
        }
        for &(w, s) in SEASONS {
            add(w, Lex::Season(s));
        }
        for &(w, u) in ADVERBS {
            add(w, Lex::Adverb(u));
        }
        // A stable sort keeps the spellings of a word in table order: the first is kept.
        keys.sort_by(|a, b| a.0.cmp(&b.0));
        keys.dedup_by(|later, first| later.0 == first.0);
        let mut words = Vec::with_capacity(keys.len());
        let mut heads = Box::new([0u16; SLOTS]);
        let mut tails = Box::new([0u64; TAIL_WORDS]);
        let chains = clitic_chains();
        let mut buf = String::new();
        // A found word is a chain of clitics before an entry, or و/ف + لل before an entry
        // without its article ("للان" is ل + "الان" written with one lam). A clitic is peeled
        // only if two letters are left after it ("له" is not ل + "ه").
        let chains: Vec<&str> = chains.iter().map(String::as_str).collect();
        let lam_lam = ["لل", "ولل", "فلل"];
        let ends = keys.iter().flat_map(|(text, _)| {
            let bare = text.strip_prefix("ال").filter(|b| !b.is_empty());
            [
                (text.as_str(), chains.as_slice()),
                (bare.unwrap_or(""), lam_lam.as_slice()),
            ]
        });
        for (text, chains) in ends {
            for &c in chains {
                let peeled_alone = !c.is_empty() && !c.ends_with("ال") && !c.ends_with("لل");
                if text.is_empty() || (peeled_alone && text.chars().nth(1).is_none()) {
                    continue;
                }
                buf.clear();
                buf.push_str(c);
                buf.push_str(text);
                let bit = tail_bit(buf.as_bytes());
                if let Some(w) = tails.get_mut(bit >> 6) {
                    *w |= 1 << (bit & 63);
                }
                // A word of at least TAIL_LEN bytes ends the same whatever is before it.
                if text.len() >= TAIL_LEN {
                    break;
                }
            }
        }
        // Each entry whole, then after the article unless that is an entry too: what the first
        // lookup of [`Lexicon::classify_any`] finds.
        let mut whole_slots = Box::new([0u16; WHOLE_SLOTS]);
        let mut wholes: Vec<Whole> = Vec::with_capacity(2 * keys.len());
        let mut insert = |text: &[u8], lex: Lex, article: bool| {
            let key = end_key(text);
            // Never full (see WHOLE_SLOTS): an empty slot is always found.
            let mut s = (end_hash(key) >> 32) as usize % WHOLE_SLOTS;
            while whole_slots.get(s % WHOLE_SLOTS).is_some_and(|&at| at != 0) {
                s += 1;
            }
            let Some(at) = whole_slots.get_mut(s % WHOLE_SLOTS) else {
                return;
            };
            wholes.push(Whole {
                key,
                head: head8(text),
                len: text.len(),
                long: if text.len() > 2 * TAIL_LEN {
                    text.into()
                } else {
                    Box::default()
                },
                entry: Entry {
                    lex,
                    clitic_len: 0,
                    article,
                    preposition: false,
                },
            });
            *at = u16::try_from(wholes.len()).unwrap_or(0);
        };
        for (text, lex) in &keys {
            insert(
                text.as_bytes(),
                *lex,
                text.starts_with("ال") && text.len() > 4,
            );
        }
        let mut buf = Vec::with_capacity(64);
        for (text, lex) in &keys {
            buf.clear();
            buf.extend_from_slice(AL);
            buf.extend_from_slice(text.as_bytes());
            if keys
                .binary_search_by(|k| k.0.as_bytes().cmp(buf.as_slice()))
                .is_err()
            {
                insert(&buf, *lex, true);
            }
        }
        for (text, lex) in keys {
            let Some(head) = heads.get_mut(slot(text.as_bytes())) else {
                continue;
            };
            words.push(Word {
                head: head8(text.as_bytes()),
                text: text.into_boxed_str(),
                lex,
                next: *head,
            });
            *head = u16::try_from(words.len()).unwrap_or(0);
        }
        Lexicon {
            words,
            heads,
            tails,
            whole_slots,
            wholes,
        }
    }

    /// Whether some word that [`Lexicon::classify`] finds ends like `word`: false for most
    /// words of a text, with no false negatives.
    #[cfg(test)]
    fn may_end(&self, word: &[u8]) -> bool {
        self.tail_set(tail_bit(word))
    }

    #[inline]
    fn tail_set(&self, bit: usize) -> bool {
        self.tails
            .get(bit >> 6)
            .is_some_and(|w| (w >> (bit & 63)) & 1 == 1)
    }

    /// Looks a folded word up exactly.
    #[inline]
    pub fn lookup(&self, word: &str) -> Option<Lex> {
        self.lookup_bytes(word.as_bytes())
    }

    #[inline]
    fn lookup_bytes(&self, word: &[u8]) -> Option<Lex> {
        let mut at = self.heads.get(slot(word)).copied().unwrap_or(0);
        if at == 0 {
            return None;
        }
        let head = head8(word);
        while let Some(w) = usize::from(at)
            .checked_sub(1)
            .and_then(|k| self.words.get(k))
        {
            if w.head == head
                && w.text.len() == word.len()
                && (word.len() <= 8 || w.text.as_bytes() == word)
            {
                return Some(w.lex);
            }
            at = w.next;
        }
        None
    }

    /// Classifies a folded word: whole first, then with the conjunctions و/ف, the prepositions
    /// ب/ل/ك and the article ال peeled off, in that order.
    ///
    /// ```
    /// use tarikh::lexicon::{Lex, Lexicon};
    ///
    /// let lex = Lexicon::get();
    /// let e = lex.classify(&tarikh::normalize::fold("وبالأمس")).unwrap();
    /// assert_eq!(e.lex, Lex::RelDay(-1));
    /// assert_eq!(e.clitic_len, "وب".len() as u8);
    /// assert!(lex.classify("بين").is_some()); // a word of its own, not ب + ين
    /// ```
    #[inline]
    pub fn classify(&self, word: &str) -> Option<Entry> {
        self.classify_span(word.as_bytes(), 0, word.len())
    }

    /// [`Lexicon::classify`] of the word `text[start..end]`, which must begin and end on
    /// character boundaries. The end filter turns most words away: it reads the eight bytes
    /// before `end` at once, those of the word before too when the word is short, and masks
    /// them off, cheaper than gathering a short word's bytes. Most words it lets through are
    /// found whole with the same key; the rest have their clitics peeled.
    #[inline]
    pub(crate) fn classify_span(&self, text: &[u8], start: usize, end: usize) -> Option<Entry> {
        let n = end.wrapping_sub(start);
        let &mask = TAIL_MASK.get(n)?;
        let key = match end.checked_sub(TAIL_LEN).and_then(|k| text.get(k..end)) {
            Some(last) => u64::from_le_bytes(last.try_into().unwrap_or([0; TAIL_LEN])) & mask,
            None => end_key(text.get(start..end)?),
        };
        let h = end_hash(key);
        if !self.tail_set((h >> (64 - TAIL_BITS)) as usize) {
            return None;
        }
        let word = text.get(start..end)?;
        match self.whole(word, key, h) {
            Some(e) => Some(e),
            None => self.classify_peeled(word),
        }
    }

    /// The entry of `word` if it is found whole, from its [`end_key`] and [`end_hash`].
    #[inline]
    fn whole(&self, word: &[u8], key: u64, h: u64) -> Option<Entry> {
        let first = (h >> 32) as usize % WHOLE_SLOTS;
        for s in first..first + WHOLE_SLOTS {
            let at = *self.whole_slots.get(s % WHOLE_SLOTS)?;
            let w = self.wholes.get(usize::from(at).checked_sub(1)?)?;
            // The key is the last eight bytes and the head the first eight: together the whole
            // of a word up to sixteen bytes.
            if w.key == key
                && w.len == word.len()
                && (word.len() <= TAIL_LEN
                    || (w.head == head8(word) && (word.len() <= 2 * TAIL_LEN || *w.long == *word)))
            {
                return Some(w.entry);
            }
        }
        None
    }

    /// `Lexicon::classify_any` of a word that is not found whole.
    #[cold]
    #[inline(never)]
    fn classify_peeled(&self, word: &[u8]) -> Option<Entry> {
        self.peel(word)
    }

    /// [`Lexicon::classify`] without the filter on word ends and the table of whole words, on
    /// the bytes of a folded word: what the tests hold the filters to.
    #[cfg(test)]
    fn classify_any(&self, word: &[u8]) -> Option<Entry> {
        if let Some(e) = self.try_word(word, 0, false) {
            return Some(e);
        }
        self.peel(word)
    }

    /// `Lexicon::classify_any` after the whole word: with its clitics peeled.
    fn peel(&self, word: &[u8]) -> Option<Entry> {
        // و/ف, then ب/ل/ك, each at most once.
        let conj = strip_any(word, &[WAW, FA]);
        if let Some(rest) = conj
            && let Some(e) = self.try_word(rest, word.len() - rest.len(), false)
        {
            return Some(e);
        }
        let base = conj.unwrap_or(word);
        let rest = strip_any(base, &[BA, LAM, KAF])?;
        let clitic = word.len() - rest.len();
        if let Some(e) = self.try_word(rest, clitic, true) {
            return Some(e);
        }
        // ل + ال is written لل: restore the article ("للعام"), after ل only: "كلاب" is not
        // ك + الاب. The ل stays in the span: it is also the article's lam.
        if base.starts_with(LAM) && rest.starts_with(LAM) && !rest.starts_with(AL) {
            // On the stack: `word` is at most 40 bytes.
            let mut buf = [0u8; 48];
            let n = ALEF.len() + rest.len();
            buf.get_mut(..ALEF.len())?.copy_from_slice(ALEF);
            buf.get_mut(ALEF.len()..n)?.copy_from_slice(rest);
            let conj = conj.map_or(0, |c| word.len() - c.len());
            return self.try_word(buf.get(..n)?, conj, true);
        }
        None
    }

    #[inline]
    fn try_word(&self, word: &[u8], clitic: usize, preposition: bool) -> Option<Entry> {
        let entry = |lex, article| Entry {
            lex,
            clitic_len: clitic.min(255) as u8,
            article,
            preposition,
        };
        if let Some(l) = self.lookup_bytes(word) {
            return Some(entry(l, word.starts_with(AL) && word.len() > 4));
        }
        let bare = word.strip_prefix(AL)?;
        if bare.is_empty() {
            return None;
        }
        self.lookup_bytes(bare).map(|l| entry(l, true))
    }
}

/// The clitics and the article, as folded bytes.
const WAW: &[u8] = "و".as_bytes();
const FA: &[u8] = "ف".as_bytes();
const BA: &[u8] = "ب".as_bytes();
const LAM: &[u8] = "ل".as_bytes();
const KAF: &[u8] = "ك".as_bytes();
const ALEF: &[u8] = "ا".as_bytes();
const AL: &[u8] = "ال".as_bytes();

/// `w` without the first of `prefixes` it starts with, if at least two characters are left.
fn strip_any<'a>(w: &'a [u8], prefixes: &[&[u8]]) -> Option<&'a [u8]> {
    prefixes
        .iter()
        .find_map(|p| w.strip_prefix(*p))
        .filter(|r| r.len() > r.first().map_or(0, |&b| utf8_len(b)))
}

/// The length of a UTF-8 character from its first byte.
#[inline]
fn utf8_len(b: u8) -> usize {
    match b {
        0..0xE0 => 1 + usize::from(b >= 0xC0),
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(w: &str) -> Option<Lex> {
        Lexicon::get().classify(&fold(w)).map(|e| e.lex)
    }

    #[test]
    fn short_words_load_as_their_bytes() {
        let w = b"abcdefgh";
        for n in 0..8 {
            let want = w
                .iter()
                .take(n)
                .enumerate()
                .fold(0u64, |k, (s, &b)| k | (u64::from(b) << (8 * s)));
            assert_eq!(short8(w.get(..n).unwrap_or(&[])), want, "{n}");
            assert_eq!(head8(w.get(..n).unwrap_or(&[])), want, "{n}");
        }
        assert_eq!(head8(w), u64::from_le_bytes(*w));
    }

    /// The filter on word ends turns away no word the lexicon knows: every entry behind every
    /// chain of clitics, and every word of the bundled texts and cases.
    #[test]
    fn end_filter_turns_away_no_known_word() {
        let lex = Lexicon::get();
        let mut words: Vec<String> = Vec::new();
        for w in &lex.words {
            for c in clitic_chains() {
                words.push(format!("{c}{}", w.text));
                if let Some(rest) = w.text.strip_prefix("ال") {
                    words.push(format!("{c}{rest}"));
                }
            }
        }
        let data = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
        for entry in std::fs::read_dir(data).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            words.extend(
                fold(&text)
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|w| !w.is_empty())
                    .map(str::to_string),
            );
        }
        assert!(words.len() > 100_000, "{} words", words.len());
        let mut known = 0;
        for w in &words {
            if w.len() <= 40 && lex.classify_any(w.as_bytes()).is_some() {
                known += 1;
                assert!(lex.may_end(w.as_bytes()), "{w}");
            }
        }
        assert!(known > 10_000, "{known} known words");
    }

    /// A word in its text, whose end filter reads the bytes before it, is classified as the
    /// model classifies it alone: at the start of the text and after other words.
    #[test]
    fn words_in_text_agree_with_model() {
        let lex = Lexicon::get();
        let mut words: Vec<String> = lex.words.iter().map(|w| w.text.to_string()).collect();
        for c in clitic_chains() {
            words.push(format!("{c}ه"));
            words.push(format!("{c}اليوم"));
        }
        words.extend(["م", "x", "ab", "tn", "ان", "له"].map(String::from));
        let mut checked = 0;
        for pad in ["", "a", "ab ", "xyz, ", "\u{0628}\u{0629} "] {
            let mut text = String::from(pad);
            let mut spans = Vec::new();
            for w in &words {
                spans.push((text.len(), text.len() + w.len()));
                text.push_str(w);
                text.push(' ');
            }
            for (start, end) in spans {
                let word = text.as_bytes().get(start..end).unwrap_or(&[]);
                let want = model(lex, std::str::from_utf8(word).unwrap_or(""));
                let got = lex.classify_span(text.as_bytes(), start, end);
                assert_eq!(got, want, "{pad:?} {word:?}");
                checked += usize::from(want.is_some());
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn month_families_and_variants() {
        let cases: &[(&str, u8)] = &[
            ("شباط", 2),
            ("آذار", 3),
            ("اذار", 3),
            ("أيار", 5),
            ("يناير", 1),
            ("إبريل", 4),
            ("ابريل", 4),
            ("يونيه", 6),
            ("أغسطوس", 8),
            ("جانفي", 1),
            ("فيفري", 2),
            ("جويلية", 7),
            ("أوت", 8),
            ("يوليوز", 7),
            ("غشت", 8),
            ("شتنبر", 9),
            ("نونبر", 11),
            ("دجنبر", 12),
            ("وشباط", 2),
            ("بشباط", 2),
        ];
        for &(w, m) in cases {
            match class(w) {
                Some(Lex::Month { month, .. }) => assert_eq!(month, m, "{w}"),
                other => panic!("{w}: {other:?}"),
            }
        }
    }

    #[test]
    fn clitics_and_article() {
        let lex = Lexicon::get();
        let e = lex.classify(&fold("للعام")).map(|e| (e.lex, e.article));
        assert_eq!(
            e,
            Some((
                Lex::Unit {
                    unit: Unit::Year,
                    count: 1
                },
                true
            ))
        );
        assert_eq!(class("والثلاثاء"), Some(Lex::Weekday(Weekday::Tue)));
        assert_eq!(class("الأحد"), Some(Lex::Weekday(Weekday::Sun)));
        assert_eq!(
            class("أحد"),
            Some(Lex::Number {
                value: 1,
                ordinal: false
            })
        );
        assert_eq!(class("غداً"), Some(Lex::RelDay(1)));
        assert_eq!(class("البارحة"), Some(Lex::RelDay(-1)));
        assert_eq!(class("الماضي"), Some(Lex::Dir(Direction::Past)));
        assert_eq!(class("السبعينيات"), Some(Lex::Decade(7)));
        // Words that only look like clitic + date word stay unknown.
        for w in ["بكل", "لكن", "والد", "فيه", "ليس"] {
            assert!(!matches!(class(w), Some(Lex::Month { .. })), "{w}");
        }
    }

    fn strip<'a>(w: &'a str, prefixes: &[&str]) -> Option<&'a str> {
        prefixes
            .iter()
            .find_map(|p| w.strip_prefix(p))
            .filter(|r| r.chars().nth(1).is_some())
    }

    /// The lookup as first written, without filters: the model the filters must agree with.
    fn model(lex: &Lexicon, word: &str) -> Option<Entry> {
        let get = |w: &str| lex.words.iter().find(|k| &*k.text == w).map(|k| k.lex);
        let try_word = |w: &str, clitic: usize, preposition: bool| {
            let entry = |lex, article| Entry {
                lex,
                clitic_len: clitic.min(255) as u8,
                article,
                preposition,
            };
            if let Some(l) = get(w) {
                return Some(entry(l, w.starts_with("ال") && w.len() > 4));
            }
            let bare = w.strip_prefix("ال")?;
            if bare.is_empty() {
                return None;
            }
            get(bare).map(|l| entry(l, true))
        };
        if word.is_empty() || word.len() > 40 {
            return None;
        }
        if let Some(e) = try_word(word, 0, false) {
            return Some(e);
        }
        let conj = strip(word, &["و", "ف"]);
        if let Some(rest) = conj
            && let Some(e) = try_word(rest, word.len() - rest.len(), false)
        {
            return Some(e);
        }
        let base = conj.unwrap_or(word);
        let rest = strip(base, &["ب", "ل", "ك"])?;
        let clitic = word.len() - rest.len();
        if let Some(e) = try_word(rest, clitic, true) {
            return Some(e);
        }
        if base.starts_with("لل") && rest.starts_with('ل') && !rest.starts_with("ال") {
            let conj = conj.map_or(0, |c| word.len() - c.len());
            return try_word(&format!("ا{rest}"), conj, true);
        }
        None
    }

    #[test]
    fn filters_agree_with_model() {
        let lex = Lexicon::get();
        let mut words = crate::testdata::sample_words();
        // Every key with every prefix classify peels, and a few short words.
        for k in lex.words.iter().map(|w| &w.text) {
            for p in [
                "", "و", "ف", "ب", "ل", "ك", "وب", "فل", "ال", "وال", "بال", "وبال", "لل", "ولل",
            ] {
                words.push(format!("{p}{k}"));
                if let Some(rest) = k.strip_prefix("ال") {
                    words.push(format!("{p}{rest}"));
                }
            }
        }
        words.extend(["م", "ه", "و", "له", "لله", "ولله", "x", "ab", "لab"].map(String::from));
        let mut found = 0;
        for w in &words {
            let want = model(lex, w);
            assert_eq!(lex.classify(w), want, "{w}");
            found += usize::from(want.is_some());
        }
        assert!(found > 1000, "{found} of {}", words.len());
    }
}
