//! Events: the things a text says happened (or will happen), found by trigger words, and the
//! date each one gets from the mentions around it.
//!
//! A trigger is a noun or a verb from the [`TRIGGER_NOUNS`] and [`TRIGGER_VERBS`] tables
//! (زيارة/زار، لقاء/التقى، اجتماع...), recognised with its clitics (وزار، بزيارته، سيزور،
//! للاجتماع). A sentence is cut into clauses at semicolons and at commas or complements (إن،
//! أن) that open a new triggered piece (a comma before an apposition or a date does not end a
//! clause).
//!
//! Dates belong to their stretch of speech: reported speech ("قال اليوم إن الاجتماع سيعقد
//! غدا": اليوم dates the saying, غدا the meeting) and quotations are segments, and a date never
//! dates a trigger of another segment. Within its segment, a trigger takes
//! ([`DatedBy::Explicit`]) the nearest date of its clause after it with no other trigger
//! between ("زار دمشق في 3 آذار"), else the nearest before it, first within its piece of the
//! sentence, then across the clause's commas ("في بلاغ أصدرته، الثلاثاء"); across another
//! trigger only through verbs ("وصل... والتقى") and nouns that took the same date. Else it
//! inherits ([`DatedBy::Inherited`]) a date of the clause before it, or of the clause after it
//! that no other event took or that describes it ("رحلة... والتي ستنطلق العام القادم"); the
//! date of the preceding sentence when its sentence continues that one ("خلال زيارته..."); or
//! the date of the same event told elsewhere ("عقب لقاء جمعه اليوم... أن اللقاء تناول": same
//! word, pointing back with the article, a possessive or a demonstrative, one date in the text).
//! A verb in the present said with حاليا/الآن ("يجري حاليا") takes the document's date
//! ([`DatedBy::Document`]); else the event stays undated ([`DatedBy::None`]).
//!
//! An event whose time the text relates to something else takes no date from elsewhere: after
//! بعد/قبل/منذ ("بعد سقوط النظام"), in the pluperfect ("كانت قد أعلنت"), with a time word of
//! its own ("الانتخابات المقبلة", "زيارة سابقة", "الاتفاقات المبرمة"), asked for ("طالب
//! بتخصيص جلسة"), or near a vague word (مؤخرا، قريبا، حاليا، "حتى الآن"). A clause with a dated
//! mention but no trigger is an event too, with no trigger.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::LazyLock;

use chrono::Datelike;
use serde::Serialize;
use serde::ser::SerializeStruct;

use crate::document::{DocumentDate, Sentence, sentences};
use crate::extract::Mention;
use crate::normalize::{Normalized, fold};
use crate::value::{Point, Vague, Value};

/// Nouns of events, by family. Written as Arabic is written; folded when the table is built.
/// Definite, prepositional and possessive forms (الزيارة، بزيارة، زيارته) are recognised.
pub const TRIGGER_NOUNS: &[(&str, &[&str])] = &[
    ("visit", &["زيارة", "زيارات", "جولة"]),
    (
        "meeting",
        &["لقاء", "لقاءات", "اجتماع", "اجتماعات", "مقابلة"],
    ),
    (
        "talks",
        &["محادثات", "مباحثات", "مفاوضات", "مشاورات", "حوار"],
    ),
    ("summit", &["قمة"]),
    ("conference", &["مؤتمر", "ندوة", "منتدى", "ملتقى", "مؤتمرا"]),
    ("session", &["جلسة", "جلسات", "دورة"]),
    ("reception", &["استقبال"]),
    ("arrival", &["وصول"]),
    ("departure", &["مغادرة", "رحلة"]),
    ("return", &["عودة"]),
    ("signing", &["توقيع"]),
    (
        "agreement",
        &["اتفاق", "اتفاقية", "اتفاقيات", "اتفاقات", "هدنة"],
    ),
    (
        "election",
        &["انتخابات", "انتخاب", "استفتاء", "تصويت", "اقتراع"],
    ),
    (
        "attack",
        &["هجوم", "هجمات", "اعتداء", "اعتداءات", "عملية انتحارية"],
    ),
    ("explosion", &["انفجار", "انفجارات", "تفجير", "تفجيرات"]),
    ("shelling", &["قصف", "غارة", "غارات"]),
    (
        "clash",
        &["اشتباك", "اشتباكات", "معركة", "معارك", "مواجهات"],
    ),
    (
        "arrest",
        &[
            "اعتقال",
            "إيقاف",
            "احتجاز",
            "قبض",
            "توقيف",
            "إطاحة",
            "احتفاظ",
        ],
    ),
    ("release", &["إفراج", "إطلاق سراح"]),
    ("seizure", &["حجز", "ضبط", "مداهمة"]),
    (
        "announcement",
        &["إعلان", "بيان", "بلاغ", "تصريح", "تصريحات", "مداخلة"],
    ),
    ("disclosure", &["كشف"]),
    ("opening", &["افتتاح", "تدشين"]),
    ("launch", &["إطلاق", "انطلاق", "انطلاقة"]),
    ("birth", &["ولادة", "مولود", "مولودة"]),
    ("surgery", &["جراحة"]),
    ("campaign", &["حملة", "حملات"]),
    ("death", &["وفاة", "رحيل", "جنازة", "تشييع"]),
    ("killing", &["مقتل", "اغتيال"]),
    ("injury", &["إصابة", "إصابات"]),
    ("fall", &["سقوط"]),
    ("withdrawal", &["انسحاب"]),
    ("strike", &["إضراب", "إضرابات"]),
    (
        "protest",
        &[
            "احتجاج",
            "احتجاجات",
            "وقفة",
            "تظاهرة",
            "مظاهرة",
            "مظاهرات",
            "مسيرة",
            "اعتصام",
        ],
    ),
    ("match", &["مباراة", "مباريات", "نهائي"]),
    ("win", &["فوز"]),
    (
        "accident",
        &[
            "حادث",
            "حادثة",
            "حريق",
            "غرق",
            "زلزال",
            "فيضان",
            "فيضانات",
            "انهيار",
        ],
    ),
    ("kidnapping", &["اختطاف", "خطف"]),
    ("appointment", &["تعيين", "تنصيب"]),
    ("resignation", &["استقالة"]),
    ("trial", &["محاكمة"]),
    (
        "festival",
        &["مهرجان", "معرض", "حفل", "احتفال", "احتفالية", "أمسية"],
    ),
    ("founding", &["تأسيس"]),
    ("postponement", &["تأجيل"]),
    ("cancellation", &["إلغاء"]),
    ("holding", &["انعقاد"]),
];

/// Verbs of events, by family: (third person masculine past, imperfect stem after the prefix
/// ي/ت/ن, or "" when the imperfect is too ambiguous to use). Their persons, numbers, the future
/// سـ and object pronouns are generated.
pub const TRIGGER_VERBS: &[(&str, &[(&str, &str)])] = &[
    ("visit", &[("زار", "زور")]),
    ("meeting", &[("التقى", "لتقي"), ("اجتمع", "جتمع")]),
    ("talks", &[("تباحث", "تباحث"), ("تفاوض", "تفاوض")]),
    ("reception", &[("استقبل", "ستقبل")]),
    ("arrival", &[("وصل", "صل")]),
    ("departure", &[("غادر", "غادر")]),
    ("return", &[("عاد", "عود")]),
    ("agreement", &[("اتفق", "تفق")]),
    ("election", &[("انتخب", "نتخب")]),
    ("attack", &[("هاجم", "هاجم")]),
    ("explosion", &[("انفجر", "نفجر"), ("فجر", "")]),
    ("shelling", &[("قصف", "قصف")]),
    ("clash", &[("اشتبك", "شتبك")]),
    ("arrest", &[("اعتقل", "عتقل"), ("أوقف", "")]),
    ("release", &[("أفرج", "فرج")]),
    ("seizure", &[("حجز", "")]),
    ("announcement", &[("أعلن", "علن")]),
    ("disclosure", &[("كشف", "كشف")]),
    ("opening", &[("افتتح", "فتتح"), ("دشن", "دشن")]),
    ("launch", &[("أطلق", "طلق"), ("انطلق", "نطلق")]),
    ("death", &[("توفي", "")]),
    ("killing", &[("قتل", ""), ("اغتال", "غتال")]),
    ("injury", &[("أصيب", "")]),
    ("fall", &[("سقط", "سقط")]),
    ("withdrawal", &[("انسحب", "نسحب")]),
    (
        "protest",
        &[("تظاهر", "تظاهر"), ("احتج", "حتج"), ("اعتصم", "عتصم")],
    ),
    ("win", &[("فاز", "فوز")]),
    ("kidnapping", &[("اختطف", "ختطف")]),
    ("resignation", &[("استقال", "ستقيل")]),
    ("cancellation", &[("ألغى", "لغي")]),
    ("decision", &[("قرر", "قرر")]),
    (
        "holding",
        &[
            ("انعقد", "نعقد"),
            ("عقد", "عقد"),
            ("جرى", "جري"),
            ("نظم", "نظم"),
        ],
    ),
];

/// Families that only say that something took place: the other trigger of their clause, if
/// any, names the event better ("عقد الطرفان اجتماعا", "وقع انفجار").
const GENERIC_FAMILIES: &[&str] = &["holding", "decision"];

/// Families that frame another event ("أعلن عن تنظيم وقفة"): the event they frame, if its
/// trigger shares their date, names the entry.
const FRAME_FAMILIES: &[&str] = &["announcement"];

/// How far (bytes) "حاليا"/"الآن" may stand from a trigger to date it to the document's day.
const PRESENT_REACH: usize = 24;

/// Words before a trigger that make its time relative to something else: such an event does
/// not inherit a date ("بعد سقوط النظام").
const RELATIVE_WORDS: &[&str] = &["بعد", "قبل", "عقب", "إثر", "منذ", "قبيل", "حتى", "بعيد"];

/// Words before a trigger that refer back to an event already told: such an event may take the
/// date of the preceding sentence ("خلال زيارته").
const DURING_WORDS: &[&str] = &["خلال", "أثناء", "هامش", "ختام", "مستهل", "غضون"];

/// First words of a sentence that continue the preceding one.
const CONTINUING_OPENERS: &[&str] = &["خلال", "أثناء", "كما", "ثم", "قد", "حيث", "ذلك", "هناك"];

/// Words that open reported speech or a complement ("قال إن...", "أكد أن..."): a new clause
/// when the part they open has a trigger of its own.
const COMPLEMENTIZERS: &[&str] = &[
    "إن",
    "أن",
    "بأن",
    "أنه",
    "أنها",
    "بأنه",
    "بأنها",
    "إنه",
    "إنها",
];

/// Words before a complement that make it no report ("بعد أن", "يجب أن"): it does not open a
/// new segment of speech.
const NOT_REPORTING: &[&str] = &[
    "بعد",
    "قبل",
    "منذ",
    "حتى",
    "دون",
    "بدون",
    "يمكن",
    "يجب",
    "ينبغي",
    "بد",
    "لابد",
    "المقرر",
    "المنتظر",
    "المتوقع",
    "المرتقب",
    "يتوقع",
    "ينتظر",
    "سبق",
    "يريد",
    "تريد",
    "قرر",
    "قررت",
];

/// Relative pronouns: a clause they open describes the one before it ("رحلة... والتي ستنطلق
/// العام القادم"), whose event may take its date.
const RELATIVE_PRONOUNS: &[&str] = &[
    "الذي",
    "التي",
    "الذين",
    "اللذين",
    "اللتين",
    "اللذان",
    "اللتان",
    "اللواتي",
    "اللاتي",
];

/// Families of events that a text tells again as the same occurrence ("عقد لقاء... اللقاء
/// تناول"), not words also used for kinds of things ("الهجوم" a position on the field, "القتل"
/// killing in general, "وصلت النسبة" reached).
const TOLD_AGAIN: &[&str] = &[
    "visit",
    "meeting",
    "talks",
    "summit",
    "conference",
    "session",
    "reception",
    "signing",
    "election",
    "explosion",
    "accident",
    "match",
    "festival",
    "opening",
    "protest",
    "strike",
    "trial",
    "arrest",
    "seizure",
    "campaign",
    "surgery",
];

/// Demonstratives before a trigger: it points back to an event told before ("هذا اللقاء").
const DEMONSTRATIVES: &[&str] = &["هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين"];

/// Words of asking and intending: an event they govern ("طالب أمس بتخصيص جلسة", "دعا إلى
/// عقد اجتماع") has not taken place; it takes only a date said after it.
const IRREALIS: &[&str] = &[
    "طالب",
    "طالبت",
    "طالبوا",
    "يطالب",
    "تطالب",
    "يطالبون",
    "دعا",
    "دعت",
    "دعوا",
    "يدعو",
    "تدعو",
    "يدعون",
    "طلب",
    "طلبت",
    "اقترح",
    "اقترحت",
    "يقترح",
    "تقترح",
    "يعتزم",
    "تعتزم",
    "ينوي",
    "تنوي",
    "مطالبة",
    "مطالبا",
    "مطالبين",
    "داعيا",
    "داعية",
];

/// Words of time that may follow a trigger as its adjective ("الانتخابات المقبلة", "زيارة
/// سابقة", "الاتفاقات المبرمة"): the event has a time of its own, which no date before it in
/// the sentence gives.
const TEMPORAL_ADJECTIVES: &[&str] = &[
    "القادمة",
    "القادم",
    "المقبلة",
    "المقبل",
    "الماضية",
    "الماضي",
    "السابقة",
    "السابق",
    "سابقة",
    "سابق",
    "الأخيرة",
    "الأخير",
    "أخيرة",
    "المرتقبة",
    "المرتقب",
    "المنتظرة",
    "المنتظر",
    "الفارطة",
    "الفارط",
    "المنقضية",
    "المنصرمة",
    "المنصرم",
    "القادمين",
    "المقبلين",
    // Done before: "الاتفاقات المبرمة"
    "المبرمة",
    "المبرم",
    "الممضاة",
    "الموقعة",
    "السالفة",
    "السالف",
];

/// Words before "الآن" that make it "until now", not "now" ("حتى الآن", "لحد الآن").
const UNTIL_WORDS: &[&str] = &["حتى", "لحد", "حد", "لغاية", "غاية"];

/// Verbal nouns in the accusative that read as adverbs, not events ("وصولا إلى", "انطلاقا من").
const ADVERBIAL: &[&str] = &[
    "وصولا",
    "انطلاقا",
    "اعتبارا",
    "استنادا",
    "مرورا",
    "رجوعا",
    "عودا",
    "قياسا",
];

/// Object pronouns and possessives that may follow a trigger.
const SUFFIXES: &[&str] = &["هما", "ها", "هم", "هن", "كم", "نا", "ه", "ك"];

/// For each byte, which of [`SUFFIXES`] end with it: bit `k` for `SUFFIXES[k]`. Most stems end
/// in a letter no pronoun ends in, and are passed over with one load.
static SUFFIXES_ENDING: [u8; 256] = suffixes_ending();

// Evaluated at compile time: an index out of range would fail the build, not a run.
#[allow(clippy::indexing_slicing)]
const fn suffixes_ending() -> [u8; 256] {
    let mut table = [0u8; 256];
    let mut k = 0;
    while k < SUFFIXES.len() {
        let bytes = SUFFIXES[k].as_bytes();
        let last = bytes[bytes.len() - 1] as usize;
        table[last] |= 1 << k;
        k += 1;
    }
    table
}

/// What a trigger word is: the tense of a verb matters for the present ("يجري حاليا").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Form {
    Noun,
    Past,
    /// The imperfect without سـ.
    Present,
    /// The imperfect with سـ.
    Future,
}

/// What a trigger table entry gives: family, form, and the table entry it comes from (its
/// lemma).
type Entry = (&'static str, Form, &'static str);

struct Table {
    /// Folded form → its entry.
    words: WordMap<Entry>,
    /// The entries of words ending in ة or ى, under the form they take before a pronoun
    /// (زيارة → زيارت, التقى → التقا): "زيارته" finds زيارة without building "زيارة".
    alts: WordMap<Entry>,
    /// Which keys of `words` and `alts` may exist, by their first and last two bytes and their
    /// length: most candidates of most words are turned away before any hashing.
    filter: KeyFilter,
    /// The first four bytes (two Arabic letters) of the keys of `words` and `alts`: every
    /// candidate of a stem starts as the stem does, so a stem that starts like no key has none.
    heads: Heads,
    /// The last six bytes of every ending a trigger word can have: a word that ends otherwise
    /// is no trigger, whatever its clitics.
    ends: Ends,
    /// Folded word → the word lists it is in ([`Class`] bits): one lookup per word of the text
    /// answers every "is it one of these words" the dating asks.
    classes: WordMap<u16>,
    class_filter: KeyFilter,
}

/// The word lists a word may be in, as bits of [`Word::class`].
struct Class;

impl Class {
    const RELATIVE: u16 = 1;
    const DURING: u16 = 1 << 1;
    const OPENER: u16 = 1 << 2;
    const COMPLEMENTIZER: u16 = 1 << 3;
    const ADVERBIAL: u16 = 1 << 4;
    const NOT_REPORTING: u16 = 1 << 5;
    const PRONOUN: u16 = 1 << 6;
    const DEMONSTRATIVE: u16 = 1 << 7;
    const IRREALIS: u16 = 1 << 8;
    const TEMPORAL: u16 = 1 << 9;
    const UNTIL: u16 = 1 << 10;
    /// قد, of the pluperfect.
    const QAD: u16 = 1 << 11;
    /// كان and its persons, of the pluperfect.
    const KANA: u16 = 1 << 12;
}

/// The words of the pluperfect ("كانت قد أعلنت").
const QAD: &[&str] = &["قد"];
const KANA: &[&str] = &["كان", "كانت", "كانوا", "كانا", "كانتا"];

/// Each word list of the events and the class bit its words carry.
const CLASS_LISTS: [(&[&str], u16); 13] = [
    (RELATIVE_WORDS, Class::RELATIVE),
    (DURING_WORDS, Class::DURING),
    (CONTINUING_OPENERS, Class::OPENER),
    (COMPLEMENTIZERS, Class::COMPLEMENTIZER),
    (ADVERBIAL, Class::ADVERBIAL),
    (NOT_REPORTING, Class::NOT_REPORTING),
    (RELATIVE_PRONOUNS, Class::PRONOUN),
    (DEMONSTRATIVES, Class::DEMONSTRATIVE),
    (IRREALIS, Class::IRREALIS),
    (TEMPORAL_ADJECTIVES, Class::TEMPORAL),
    (UNTIL_WORDS, Class::UNTIL),
    (QAD, Class::QAD),
    (KANA, Class::KANA),
];
fn verb_forms(past: &str, imperfect: &str) -> Vec<(String, Form)> {
    let mut out = Vec::new();
    if let Some(base) = past.strip_suffix('ى') {
        for s in ["ى", "ت", "يا", "وا", "تا", "ا"] {
            out.push((format!("{base}{s}"), Form::Past));
        }
    } else {
        for s in ["", "ت", "ا", "تا", "وا"] {
            out.push((format!("{past}{s}"), Form::Past));
        }
    }
    if !imperfect.is_empty() {
        let short = imperfect.strip_suffix('ي');
        for p in ["ي", "ت", "ن"] {
            out.push((format!("{p}{imperfect}"), Form::Present));
            out.push((format!("{p}{imperfect}ان"), Form::Present));
            match short {
                Some(s) => out.push((format!("{p}{s}ون"), Form::Present)),
                None => out.push((format!("{p}{imperfect}ون"), Form::Present)),
            }
        }
    }
    out
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut words = WordMap::default();
    // Verbs first: a word that is a noun and a verb (قصف، حجز) is read as the verb, whose
    // tense says more.
    for &(family, verbs) in TRIGGER_VERBS {
        for &(past, imperfect) in verbs {
            for (f, form) in verb_forms(past, imperfect) {
                words.entry(fold(&f)).or_insert((family, form, past));
            }
        }
    }
    for &(family, nouns) in TRIGGER_NOUNS {
        for n in nouns {
            words.entry(fold(n)).or_insert((family, Form::Noun, *n));
        }
    }
    let mut alts = WordMap::default();
    for (k, &e) in &words {
        let alt = if let Some(b) = k.strip_suffix('ة') {
            format!("{b}ت")
        } else if let Some(b) = k.strip_suffix('ى') {
            format!("{b}ا")
        } else {
            continue;
        };
        alts.insert(alt, e);
    }
    let mut filter = KeyFilter::default();
    let mut heads = Heads::default();
    for k in words.keys().chain(alts.keys()) {
        filter.insert(k);
        heads.insert(k);
    }
    // How a word that `Table::stem` finds ends: as a key of `words`, as one with the
    // accusative ا, or as a key of `words` or `alts` with a pronoun.
    let mut ends = Ends::default();
    let mut form = String::new();
    for k in words.keys() {
        ends.insert(k);
        form.clear();
        form.push_str(k);
        form.push('ا');
        ends.insert(&form);
    }
    for k in words.keys().chain(alts.keys()) {
        for suffix in SUFFIXES {
            form.clear();
            form.push_str(k);
            form.push_str(suffix);
            ends.insert(&form);
        }
    }
    let mut classes: WordMap<u16> = WordMap::default();
    for (list, bit) in CLASS_LISTS {
        for w in list {
            *classes.entry(fold(w)).or_default() |= bit;
        }
    }
    let mut class_filter = KeyFilter::default();
    for k in classes.keys() {
        class_filter.insert(k);
    }
    Table {
        words,
        alts,
        filter,
        heads,
        ends,
        classes,
        class_filter,
    }
});

/// A trigger word found in the table.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Found {
    family: &'static str,
    /// Folded bytes of proclitics.
    pre: usize,
    form: Form,
    /// The table entry it comes from.
    lemma: &'static str,
    /// With the article or a possessive: "اللقاء", "زيارته".
    definite: bool,
    /// With a pronoun after it: "زيارته", "التقاه".
    suffixed: bool,
}

/// A folded word looked up in the trigger table, with its clitics peeled off: the family and
/// the number of folded bytes of proclitics and the form of the word. The candidates are tried
/// in a fixed order (the word, then without و/ف; bare, then without ب/ل/ك/س; then without the
/// article; the stem, its accusative, then each pronoun) and the first found wins; none of them
/// is built as a new string.
fn lookup(word: &str) -> Option<Found> {
    if !has_chars(word, 2) {
        return None;
    }
    let t = &*TABLE;
    // Clitics come first: the word ends as the stem's ending does.
    if !t.ends.may_end(word) {
        return None;
    }
    if let Some(f) = t.after_conjunction(word, 0) {
        return Some(f);
    }
    let w1 = word.strip_prefix('و').or_else(|| word.strip_prefix('ف'))?;
    t.after_conjunction(w1, word.len() - w1.len())
}

/// Whether a string has at least `n` characters, counting no further.
fn has_chars(s: &str, n: usize) -> bool {
    n == 0 || s.chars().nth(n - 1).is_some()
}

impl Table {
    /// The word lists a folded word is in.
    fn class(&self, w: &str) -> u16 {
        if self.class_filter.may_hold(w) {
            self.classes.get(w).copied().unwrap_or(0)
        } else {
            0
        }
    }

    /// The entry of a folded key, if any; the filter first.
    fn word(&self, key: &str) -> Option<&Entry> {
        if self.filter.may_hold(key) {
            self.words.get(key)
        } else {
            None
        }
    }

    /// The entry of a word ending in ة or ى under the form it takes before a pronoun.
    fn alt(&self, key: &str) -> Option<&Entry> {
        if self.filter.may_hold(key) {
            self.alts.get(key)
        } else {
            None
        }
    }

    /// A word after its conjunction (`pre` bytes of it), as it is, then without ب/ل/ك/س.
    fn after_conjunction(&self, w1: &str, pre: usize) -> Option<Found> {
        if let Some(f) = self.after_preposition(w1, None, pre) {
            return Some(f);
        }
        let prep = w1
            .chars()
            .next()
            .filter(|c| matches!(c, 'ب' | 'ل' | 'ك' | 'س'))?;
        let w2 = w1.get(prep.len_utf8()..)?;
        self.after_preposition(w2, Some(prep), pre + prep.len_utf8())
    }

    /// A word after its conjunction and preposition (`pre` bytes of them): as it is, then
    /// without the article (not after سـ), then لل read as ل + ال.
    fn after_preposition(&self, w2: &str, prep: Option<char>, pre: usize) -> Option<Found> {
        let future = prep == Some('س');
        if let Some(f) = self.stem(w2, future, pre, 0) {
            return Some(f);
        }
        if !future
            && let Some(s) = w2.strip_prefix("ال")
            && let Some(f) = self.stem(s, future, pre, "ال".len())
        {
            return Some(f);
        }
        if prep == Some('ل')
            && let Some(s) = w2.strip_prefix('ل')
        {
            // لل = ل + ال
            return self.stem(s, future, pre, "ل".len());
        }
        None
    }

    /// A stem (the word without its proclitics) looked up: as it is, in the accusative, then
    /// with each pronoun after it. `pre` is the folded length of the clitics before the
    /// article, `art_len` that of the article.
    fn stem(&self, stem: &str, future_prefix: bool, pre: usize, art_len: usize) -> Option<Found> {
        if !self.heads.may_start(stem) || !has_chars(stem, 2) {
            return None;
        }
        let found = |&(family, form, lemma): &Entry, suffixed: bool| {
            let future = form == Form::Present && future_prefix;
            let form = if future {
                Form::Future
            } else if art_len > 0 {
                // "القصف", "العقد": with the article, a noun.
                Form::Noun
            } else {
                form
            };
            Found {
                family,
                pre: pre + art_len,
                form,
                lemma,
                definite: art_len > 0 || suffixed,
                suffixed,
            }
        };
        if let Some(f) = self.word(stem) {
            return Some(found(f, false));
        }
        // The accusative of a noun: اتفاقا، اجتماعا
        if let Some(s) = stem.strip_suffix('ا').filter(|s| has_chars(s, 3))
            && let Some(f) = self.word(s)
        {
            return Some(found(f, false));
        }
        let mut ending = stem
            .as_bytes()
            .last()
            .and_then(|&b| SUFFIXES_ENDING.get(usize::from(b)))
            .copied()
            .unwrap_or(0);
        // In the order of SUFFIXES, those that end with the stem's last byte.
        while ending != 0 {
            let k = ending.trailing_zeros() as usize;
            ending &= ending - 1;
            let Some(s) = SUFFIXES.get(k).and_then(|suffix| stem.strip_suffix(suffix)) else {
                continue;
            };
            if !has_chars(s, 2) {
                continue;
            }
            if let Some(f) = self.word(s) {
                return Some(found(f, true));
            }
            // زيارته → زيارة, التقاه → التقى
            if let Some(f) = self.alt(s) {
                return Some(found(f, true));
            }
        }
        None
    }
}

/// A hash map of folded words with a cheap hash: the keys are a few bytes of Arabic, built
/// by the crate, so a hash that resists flooding buys nothing.
type WordMap<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;

/// A multiply-rotate hash over eight bytes at a time.
#[derive(Default, Clone, Copy)]
struct WordHasher(u64);

const HASH_K: u64 = 0x9E37_79B9_7F4A_7C15;

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut a = [0u8; 8];
            a.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(a)).wrapping_mul(HASH_K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut a = [0u8; 8];
            for (d, s) in a.iter_mut().zip(rest) {
                *d = *s;
            }
            h = (h.rotate_left(5) ^ u64::from_le_bytes(a) ^ (rest.len() as u64) << 59)
                .wrapping_mul(HASH_K);
        }
        self.0 = h;
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(HASH_K);
    }

    fn finish(&self) -> u64 {
        // The multiply leaves the low bits weak; the table picks its buckets with them.
        self.0 ^ (self.0 >> 31)
    }
}

/// The first four bytes of a set of keys, as a 64 Kbit set (six bits and two of each pair of
/// bytes), and whether any key is shorter than that.
struct Heads {
    bits: Vec<u64>,
    short: bool,
}

impl Default for Heads {
    fn default() -> Heads {
        Heads {
            bits: vec![0; 1024],
            short: false,
        }
    }
}

impl Heads {
    fn bit(key: &str) -> Option<usize> {
        let &[a0, a1, a2, a3, ..] = key.as_bytes() else {
            return None;
        };
        let two = |x: u8, y: u8| usize::from(x & 3) << 6 | usize::from(y & 63);
        Some(two(a0, a1) << 8 | two(a2, a3))
    }

    fn insert(&mut self, key: &str) {
        match Heads::bit(key) {
            Some(bit) => {
                if let Some(w) = self.bits.get_mut(bit >> 6) {
                    *w |= 1 << (bit & 63);
                }
            }
            None => self.short = true,
        }
    }

    /// Whether a key may start as `stem` starts, or be shorter than four bytes. A key that a
    /// prefix of `stem` equals starts with the same four bytes, unless it is shorter.
    fn may_start(&self, stem: &str) -> bool {
        match Heads::bit(stem) {
            Some(bit) => {
                self.short
                    || self
                        .bits
                        .get(bit >> 6)
                        .is_some_and(|w| w >> (bit & 63) & 1 == 1)
            }
            None => true,
        }
    }
}

/// The last six bytes (three Arabic letters) of a set of endings, as a 64 Kbit set by a hash
/// of them, and the endings shorter than that, kept whole. A word whose last six bytes are in
/// no ending, and which ends in none of the short ones, ends in none of the endings; a word
/// shorter than six bytes is not judged. Most words of news are no trigger's word, and about
/// two in three of them (on the bundled sample) are turned away here, before a dozen lookups
/// of their stems.
struct Ends {
    bits: Vec<u64>,
    short: Vec<String>,
}

impl Default for Ends {
    fn default() -> Ends {
        Ends {
            bits: vec![0; 1024],
            short: Vec::new(),
        }
    }
}

/// How many bytes of a word's end [`Ends`] judges it by.
const END_LEN: usize = 6;

impl Ends {
    /// The bit of the last [`END_LEN`] bytes of `w`, if it has that many.
    fn bit(w: &str) -> Option<usize> {
        let b = w.as_bytes();
        let tail = b.get(b.len().checked_sub(END_LEN)?..)?;
        let mut a = [0u8; 8];
        a.get_mut(..END_LEN)?.copy_from_slice(tail);
        Some((u64::from_le_bytes(a).wrapping_mul(HASH_K) >> 48) as usize)
    }

    fn insert(&mut self, ending: &str) {
        match Ends::bit(ending) {
            Some(bit) => {
                if let Some(w) = self.bits.get_mut(bit >> 6) {
                    *w |= 1 << (bit & 63);
                }
            }
            None => {
                if !self.short.iter().any(|s| s == ending) {
                    self.short.push(ending.to_string());
                }
            }
        }
    }

    /// Whether `w` may end in one of the endings.
    fn may_end(&self, w: &str) -> bool {
        let Some(bit) = Ends::bit(w) else {
            return true;
        };
        self.bits
            .get(bit >> 6)
            .is_some_and(|x| x >> (bit & 63) & 1 == 1)
            || self.short.iter().any(|s| w.ends_with(s.as_str()))
    }
}

/// A set of (first two bytes, last two bytes) pairs and a set of lengths, over the keys of a
/// table: a string outside either is no key. Exact for what it holds: no key is turned away.
struct KeyFilter {
    pairs: Vec<u64>,
    lens: u64,
}

impl Default for KeyFilter {
    fn default() -> KeyFilter {
        KeyFilter {
            pairs: vec![0; 1024],
            lens: 0,
        }
    }
}

impl KeyFilter {
    /// The bit of a string: its first and last two bytes, six bits and two of each (the whole
    /// of an Arabic letter's code in UTF-8).
    fn bit(key: &str) -> Option<usize> {
        let b = key.as_bytes();
        let (&[a0, a1, ..], &[.., z0, z1]) = (b, b) else {
            return None;
        };
        let two = |x: u8, y: u8| usize::from(x & 3) << 6 | usize::from(y & 63);
        Some(two(a0, a1) << 8 | two(z0, z1))
    }

    fn len_bit(key: &str) -> u64 {
        1 << key.len().min(63)
    }

    fn insert(&mut self, key: &str) {
        self.lens |= KeyFilter::len_bit(key);
        // Keys of fewer than two bytes are not filtered by their bytes.
        if let Some(bit) = KeyFilter::bit(key)
            && let Some(w) = self.pairs.get_mut(bit >> 6)
        {
            *w |= 1 << (bit & 63);
        }
    }

    fn may_hold(&self, key: &str) -> bool {
        if self.lens & KeyFilter::len_bit(key) == 0 {
            return false;
        }
        match KeyFilter::bit(key) {
            Some(bit) => self
                .pairs
                .get(bit >> 6)
                .is_some_and(|w| w >> (bit & 63) & 1 == 1),
            None => true,
        }
    }
}

/// The trigger word of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Trigger {
    /// The word as written, without the conjunctions, prepositions and article before it.
    pub text: String,
    /// Its byte range in the original text.
    pub span: Range<usize>,
    /// The family of events it names (`"visit"`, `"meeting"`...): see [`TRIGGER_NOUNS`].
    pub family: &'static str,
}

/// Finds the event triggers of a text, in order.
///
/// ```
/// use tarikh::event::triggers;
///
/// let text = "وصل الوزير إلى دمشق وبدأ زيارته بلقاء الرئيس، وسيلتقي غدا نظيره.";
/// let found = triggers(text);
/// let found: Vec<(&str, &str)> = found.iter().map(|t| (t.text.as_str(), t.family)).collect();
/// assert_eq!(found, [("وصل", "arrival"), ("زيارته", "visit"), ("لقاء", "meeting"), ("يلتقي", "meeting")]);
/// ```
pub fn triggers(text: &str) -> Vec<Trigger> {
    scan(text, &Normalized::new(text)).triggers
}

/// A word of the text.
struct Word {
    /// Where it starts in the original text (all the dating asks of a word's place).
    start: usize,
    /// The word lists its folded form without و/ف is in ([`Class`] bits).
    class: u16,
}

impl Word {
    /// Whether the word is in a list of [`Class`].
    fn is(&self, class: u16) -> bool {
        self.class & class != 0
    }
}

struct Scan {
    triggers: Vec<Trigger>,
    /// The form of each trigger.
    forms: Vec<Form>,
    /// The lemma of each trigger, whether it is definite and whether a pronoun follows it.
    lemmas: Vec<(&'static str, bool, bool)>,
    /// Every word.
    words: Vec<Word>,
}

/// The words and triggers of a text, from its folded form `norm`.
///
/// A word is a run of Arabic letters and other alphabetic characters outside ASCII. Between
/// the folded text's characters that are neither ASCII nor Arabic letters
/// ([`Normalized::others`]), a run of bytes of 0x80 and more is a run of Arabic letters: it is
/// a word, ending at the first ASCII byte, found sixteen bytes at a time. Where such a
/// character comes before that byte, the stretch is read a character at a time. Words come in
/// order, so their places in the original are mapped walking forward.
fn scan(text: &str, norm: &Normalized) -> Scan {
    let folded = norm.as_str();
    let bytes = folded.as_bytes();
    let others = norm.others();
    let table = &*TABLE;
    let mut triggers = Vec::new();
    let mut forms = Vec::new();
    let mut lemmas = Vec::new();
    // About one word in every ten bytes of Arabic news: room for most texts at once.
    let mut words = Vec::with_capacity(folded.len() / 8);
    let mut map = norm.spans();
    // What the tables say of each word, kept on the thread (see [`KnownWords`]); a scan
    // inside another on the same thread keeps its own.
    let mut kept = KNOWN.with(|k| k.try_borrow_mut().map(|mut k| std::mem::take(&mut *k)));
    let mut own = KnownWords::default();
    let known = match &mut kept {
        Ok(k) => k,
        Err(_) => &mut own,
    };
    let mut flush = |s: usize, e: usize, triggers: &mut Vec<Trigger>| {
        let Some(w) = folded.get(s..e) else { return };
        let start = map.start(s);
        let Known { class, found } = known.get(table, bytes, s, e, w);
        words.push(Word { start, class });
        if let Some(Found {
            family,
            pre,
            form,
            lemma,
            definite,
            suffixed,
        }) = found
        {
            let tspan = map.span(s + pre..e);
            forms.push(form);
            lemmas.push((lemma, definite, suffixed));
            triggers.push(Trigger {
                text: text.get(tspan.clone()).unwrap_or("").to_string(),
                span: tspan,
                family,
            });
        }
    };
    // The first of `others` that may lie ahead.
    let mut other = 0usize;
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            i += 1;
            continue;
        }
        while others.get(other).is_some_and(|&o| o < i) {
            other += 1;
        }
        let next = others.get(other).copied().unwrap_or(usize::MAX);
        let end = crate::token::first_ascii(bytes, i);
        if end <= next {
            flush(i, end, &mut triggers);
        } else {
            let mut start: Option<usize> = None;
            for (k, c) in folded.get(i..end).unwrap_or("").char_indices() {
                if is_word_char(c) {
                    start.get_or_insert(i + k);
                } else if let Some(s) = start.take() {
                    flush(s, i + k, &mut triggers);
                }
            }
            if let Some(s) = start {
                flush(s, end, &mut triggers);
            }
        }
        i = end;
    }
    if let Ok(k) = kept {
        KNOWN.with(|kept| {
            if let Ok(mut kept) = kept.try_borrow_mut() {
                *kept = k;
            }
        });
    }
    Scan {
        triggers,
        forms,
        lemmas,
        words,
    }
}

/// What the tables say of a folded word: the word lists it is in without و/ف ([`Class`]
/// bits), and the trigger it is, if it is one and no adverb.
#[derive(Clone, Copy)]
struct Known {
    class: u16,
    found: Option<Found>,
}

impl Known {
    fn of(table: &Table, w: &str) -> Known {
        let bare = w
            .strip_prefix('و')
            .or_else(|| w.strip_prefix('ف'))
            .filter(|b| has_chars(b, 2))
            .unwrap_or(w);
        let class = table.class(bare);
        let adverb = class & Class::ADVERBIAL != 0
            || (w.len() != bare.len() && table.class(w) & Class::ADVERBIAL != 0);
        Known {
            class,
            found: if adverb { None } else { lookup(w) },
        }
    }
}

/// The words a thread's scans have seen and what the tables said of them ([`Known::of`],
/// which depends on the word alone), in a table of 8K slots chosen by a hash of the word:
/// news repeats its words (in a tenth of `news.jsonl`, nearly two words in three are found
/// in the table), and a word found is one comparison instead of a dozen lookups with its
/// clitics peeled. A slot is 32 bytes (the word, up to 24 bytes, its classes, and the number
/// of its trigger among those the scans have found, each kept once), so the table (256 KB)
/// stays in the processor's cache; a word takes the slot of its hash from whatever word held
/// it, and longer words are not kept.
#[derive(Default)]
struct KnownWords {
    slots: Vec<KnownSlot>,
    /// The triggers found, each once; a slot holds its trigger's place here plus one, or 0.
    founds: Vec<Found>,
    numbers: HashMap<Found, u16>,
}

#[derive(Clone, Copy)]
struct KnownSlot {
    /// The word's bytes, zero after its end.
    key: [u64; 3],
    /// Its length; more than 24 for an empty slot.
    len: u8,
    class: u16,
    /// Its trigger's place in [`KnownWords::founds`] plus one, or 0 for none.
    found: u16,
}

/// How many slots [`KnownWords`] has: a power of two.
const KNOWN_SLOTS: usize = 1 << 13;

impl KnownWords {
    /// What the tables say of the word `text[s..e]` (`w`, at most 24 bytes to be kept).
    fn get(&mut self, table: &Table, text: &[u8], s: usize, e: usize, w: &str) -> Known {
        let Some(key) = word_key(text, s, e) else {
            return Known::of(table, w);
        };
        let len = (e - s) as u8;
        if self.slots.is_empty() {
            let empty = KnownSlot {
                key: [0; 3],
                len: u8::MAX,
                class: 0,
                found: 0,
            };
            self.slots = vec![empty; KNOWN_SLOTS];
        }
        let h = (key[0] ^ key[1].rotate_left(21) ^ key[2].rotate_left(42) ^ u64::from(len))
            .wrapping_mul(HASH_K);
        let at = (h >> (64 - KNOWN_SLOTS.trailing_zeros())) as usize;
        if let Some(slot) = self.slots.get(at)
            && slot.len == len
            && slot.key == key
        {
            let found = usize::from(slot.found)
                .checked_sub(1)
                .and_then(|k| self.founds.get(k))
                .copied();
            return Known {
                class: slot.class,
                found,
            };
        }
        let known = Known::of(table, w);
        let found = match known.found {
            None => Some(0),
            Some(f) => match self.numbers.get(&f) {
                Some(&n) => Some(n),
                None => u16::try_from(self.founds.len() + 1).ok().inspect(|&n| {
                    self.founds.push(f);
                    self.numbers.insert(f, n);
                }),
            },
        };
        if let (Some(found), Some(slot)) = (found, self.slots.get_mut(at)) {
            *slot = KnownSlot {
                key,
                len,
                class: known.class,
                found,
            };
        }
        known
    }
}

/// For `n` from 0 to 8, the mask of the low `n` bytes of a `u64`: looked up rather than shifted,
/// which would need a branch for 8.
const LOW_BYTES: [u64; 9] = [
    0,
    0xFF,
    0xFFFF,
    0xFF_FFFF,
    0xFFFF_FFFF,
    0xFF_FFFF_FFFF,
    0xFFFF_FFFF_FFFF,
    0xFF_FFFF_FFFF_FFFF,
    u64::MAX,
];

/// The bytes of `text[s..e]`, if there are at most 24, in three little-endian words with zeros
/// after the end: read eight at a time from the text where it goes on far enough.
fn word_key(text: &[u8], s: usize, e: usize) -> Option<[u64; 3]> {
    let n = e.checked_sub(s).filter(|&n| n <= 24)?;
    let mut key = [0u64; 3];
    match text.get(s..s + 24) {
        Some(run) => {
            for (k, (word, chunk)) in key.iter_mut().zip(run.chunks_exact(8)).enumerate() {
                let keep = n.saturating_sub(8 * k).min(8);
                let mask = LOW_BYTES.get(keep).copied().unwrap_or(u64::MAX);
                *word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])) & mask;
            }
        }
        None => {
            let mut b = [0u8; 24];
            b.get_mut(..n)?.copy_from_slice(text.get(s..e)?);
            for (word, chunk) in key.iter_mut().zip(b.chunks_exact(8)) {
                *word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            }
        }
    }
    Some(key)
}

thread_local! {
    /// This thread's [`KnownWords`].
    static KNOWN: std::cell::RefCell<KnownWords> = std::cell::RefCell::new(KnownWords::default());
}

/// A character of a word: an Arabic letter, or an alphabetic character outside ASCII.
fn is_word_char(c: char) -> bool {
    // Arabic letters first, without the Unicode tables: most of the text. The same range as
    // the folded text's `others` leave out, which the scan's fast path relies on.
    crate::normalize::is_arabic_letter(c) || (!c.is_ascii() && c.is_alphabetic())
}

/// How an event got its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DatedBy {
    /// A date mention in its own clause.
    Explicit,
    /// The date of a neighbouring clause, of the preceding sentence it continues, or of the
    /// same event told elsewhere in the text.
    Inherited,
    /// The document's date: a verb in the present said with حاليا or الآن ("يجري حاليا").
    Document,
    /// No date.
    None,
}

impl DatedBy {
    /// `"explicit"`, `"inherited"`, `"document"` or `"none"`.
    pub fn as_str(self) -> &'static str {
        match self {
            DatedBy::Explicit => "explicit",
            DatedBy::Inherited => "inherited",
            DatedBy::Document => "document",
            DatedBy::None => "none",
        }
    }
}

/// Something a text says happened, with the date it got.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// The trigger that names the event; `None` for a dated clause with no trigger word.
    pub trigger: Option<Trigger>,
    /// Every trigger of the event's clause that shares its date, the main one first.
    pub triggers: Vec<Trigger>,
    /// The byte range of its clause in the original text.
    pub span: Range<usize>,
    /// The clause.
    pub text: String,
    /// The index of its sentence.
    pub sentence: usize,
    /// Its date; `None` for an undated event.
    pub value: Option<Value>,
    /// How it got its date.
    pub dated_by: DatedBy,
    /// The mentions that gave the date (for an inherited date, the mentions it came from).
    pub mentions: Vec<Mention>,
    /// The clauses of later mentions of the same event, merged into this one.
    pub repeats: Vec<Range<usize>>,
}

impl Event {
    /// The family of the event's trigger, if it has one.
    pub fn family(&self) -> Option<&'static str> {
        self.trigger.as_ref().map(|t| t.family)
    }
}

impl Serialize for Event {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Event", 12)?;
        let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string());
        st.serialize_field("value", &self.value.map(|v| v.to_string()))?;
        st.serialize_field("start", &day(self.value.and_then(|v| v.first_day())))?;
        st.serialize_field("end", &day(self.value.and_then(|v| v.last_day())))?;
        st.serialize_field("grain", &self.value.and_then(|v| v.grain()))?;
        st.serialize_field("trigger", &self.trigger.as_ref().map(|t| t.text.as_str()))?;
        st.serialize_field("family", &self.family())?;
        st.serialize_field("text", &self.text)?;
        st.serialize_field("span", &[self.span.start, self.span.end])?;
        st.serialize_field("dated_by", &self.dated_by)?;
        st.serialize_field("mentions", &self.mentions)?;
        if self.triggers.len() > 1 {
            let all: Vec<&str> = self.triggers.iter().map(|t| t.text.as_str()).collect();
            st.serialize_field("triggers", &all)?;
        }
        if !self.repeats.is_empty() {
            let spans: Vec<[usize; 2]> = self.repeats.iter().map(|r| [r.start, r.end]).collect();
            st.serialize_field("repeats", &spans)?;
        }
        st.end()
    }
}

/// Triggers of a clause that get one date.
struct Group {
    value: Option<Value>,
    by: DatedBy,
    mentions: Vec<Mention>,
    triggers: Vec<Trigger>,
}

impl Group {
    /// Only triggers that say something took place.
    fn generic(&self) -> bool {
        self.triggers
            .iter()
            .all(|t| GENERIC_FAMILIES.contains(&t.family))
    }
}

/// A clause: a byte range, its triggers and its mentions (indices into the mention list).
struct Clause {
    span: Range<usize>,
    triggers: Vec<usize>,
    mentions: Vec<usize>,
}

/// A mention that can date an event: a calendar date, and not a year before 100 (a number
/// misread as one, "سنه 8 سنوات").
fn is_dated(m: &Mention) -> bool {
    m.value.is_dated() && m.value.first_day().is_none_or(|d| d.year() >= 100)
}

fn distance(a: &Range<usize>, b: &Range<usize>) -> (usize, bool) {
    if b.start >= a.end {
        (b.start - a.end, false)
    } else if a.start >= b.end {
        (a.start - b.end, true)
    } else {
        (0, false)
    }
}

/// The words of a text before an offset (and from `floor` on), nearest first.
fn words_before(words: &[Word], at: usize, floor: usize) -> impl Iterator<Item = &Word> {
    let end = words.partition_point(|w| w.start < at);
    words
        .get(..end)
        .unwrap_or(&[])
        .iter()
        .rev()
        .take_while(move |w| w.start >= floor)
}

/// Finds the events of a text and dates them from `mentions` (extracted from the same text, in
/// order) and the document's date. Events come out in text order; see [`crate::timeline`] for
/// ordering by time.
///
/// ```
/// use tarikh::{Anchor, Extractor};
/// use tarikh::document::DocumentDate;
/// use tarikh::event::{events, DatedBy};
///
/// let text = "وصل الوزير إلى دمشق الاثنين 9 تموز 2012. وخلال زيارته التقى الرئيس. وبعد سقوط النظام تغير كل شيء.";
/// let doc = DocumentDate::given(Anchor::from_ymd(2012, 7, 10).unwrap());
/// let ms = Extractor::new().extract(text, &doc.anchor);
/// let evs = events(text, &ms, &doc);
/// let got: Vec<(&str, Option<String>, DatedBy)> = evs
///     .iter()
///     .map(|e| (e.trigger.as_ref().unwrap().family, e.value.map(|v| v.to_string()), e.dated_by))
///     .collect();
/// assert_eq!(got, [
///     ("arrival", Some("2012-07-09".into()), DatedBy::Explicit),
///     ("visit", Some("2012-07-09".into()), DatedBy::Inherited),
///     ("fall", None, DatedBy::None),
/// ]);
/// ```
pub fn events(text: &str, mentions: &[Mention], doc: &DocumentDate) -> Vec<Event> {
    events_folded(text, &Normalized::new(text), mentions, doc)
}

/// [`events`] with the folded text already made (by [`crate::Extractor::prepare`]).
pub(crate) fn events_folded(
    text: &str,
    norm: &Normalized,
    mentions: &[Mention],
    doc: &DocumentDate,
) -> Vec<Event> {
    let mut scan = scan(text, norm);
    drop_triggers_in_dates(&mut scan, mentions);
    let sents = sentences(text);
    let mut out = Vec::new();
    // Triggers (by start) whose time the text relates to something else: they take no date
    // from elsewhere.
    let mut blocked: HashSet<usize> = HashSet::new();
    let mut prev_date: Option<(Value, Vec<Mention>)> = None;
    let mut ti = 0usize;
    let mut mi = 0usize;
    let near = |span: &Range<usize>, among: &[usize]| -> Option<usize> {
        among.iter().copied().min_by_key(|&i| {
            mentions
                .get(i)
                .map_or((usize::MAX, true), |m| distance(span, &m.span))
        })
    };
    for (si, sent) in sents.iter().enumerate() {
        // A sentence with no trigger and no mention gives no event and no date for the next
        // one to continue from: nothing of it needs reading (and the next trigger and mention
        // lie past it, where `clauses_of` would leave `ti` and `mi`).
        let end = sent.span.end;
        if scan.triggers.get(ti).is_none_or(|t| t.span.start >= end)
            && mentions.get(mi).is_none_or(|m| m.span.start >= end)
        {
            prev_date = None;
            continue;
        }
        let sent = split_complements(sent, &scan.words);
        let segs = Segments::new(text, &sent, &scan.words, mentions);
        let clauses = clauses_of(&sent, &scan.triggers, mentions, &mut ti, &mut mi);
        let opens_continuation = words_before(&scan.words, sent.span.end, sent.span.start)
            .last()
            .is_some_and(|w| w.is(Class::OPENER));
        let dated_of = |c: &Clause| -> Vec<usize> {
            c.mentions
                .iter()
                .copied()
                .filter(|&i| mentions.get(i).is_some_and(is_dated))
                .collect()
        };
        // First pass: the mention each trigger takes in its own clause.
        let mut chosen: Vec<Vec<(usize, Option<usize>)>> = Vec::with_capacity(clauses.len());
        let mut claimed: HashSet<Value> = HashSet::new();
        for c in &clauses {
            let dated = dated_of(c);
            let picks = picks_of(&scan, mentions, c, &dated, &segs);
            for (_, p) in &picks {
                if let Some(m) = p.and_then(|i| mentions.get(i)) {
                    claimed.insert(m.value);
                }
            }
            chosen.push(picks);
        }
        // The dated mentions of each clause: a trigger with none in its clause may inherit one
        // of its own segment of speech from its clause or the clause before it, or one that no
        // other event took from the clause after it.
        let clause_dates: Vec<Vec<usize>> = clauses.iter().map(dated_of).collect();
        let mut inherited: HashSet<Value> = HashSet::new();
        let mut sent_events: Vec<Event> = Vec::new();
        let first_word = |c: &Clause| words_before(&scan.words, c.span.end, c.span.start).last();
        let describes: Vec<bool> = clauses
            .iter()
            .map(|c| first_word(c).is_some_and(|w| w.is(Class::PRONOUN)))
            .collect();
        for (ci, (clause, picks)) in clauses.iter().zip(&chosen).enumerate() {
            let dated = dated_of(clause);
            let free_near = |trig: &Trigger| -> Vec<usize> {
                // Its own clause's dates were for its pick.
                [ci.checked_sub(1), Some(ci + 1)]
                    .into_iter()
                    .flatten()
                    .filter_map(|cj| Some((cj, clause_dates.get(cj)?)))
                    .flat_map(|(cj, ds)| ds.iter().map(move |&i| (cj, i)))
                    .filter(|&(cj, i)| {
                        mentions.get(i).is_some_and(|m| {
                            segs.same(m.span.start, trig.span.start)
                                && (cj < ci
                                    || !claimed.contains(&m.value)
                                    || describes.get(cj) == Some(&true))
                        })
                    })
                    .map(|(_, i)| i)
                    .collect()
            };
            // Vague words of time (حاليا، مؤخرا، قريبا) of the clause.
            let vague: Vec<&Mention> = clause
                .mentions
                .iter()
                .filter_map(|&i| mentions.get(i))
                .filter(|m| matches!(m.value, Value::Vague(_)))
                .collect();
            // "يجري حاليا": a present that a verb in the present tense of the clause is said
            // with, not "حتى الآن".
            let presents: Vec<&Mention> = vague
                .iter()
                .copied()
                .filter(|m| m.value == Value::Vague(Vague::Present))
                .filter(|m| {
                    !words_before(&scan.words, m.span.start, sent.span.start)
                        .next()
                        .is_some_and(|w| w.is(Class::UNTIL))
                })
                .filter(|m| {
                    clause.triggers.iter().any(|&o| {
                        scan.forms.get(o) == Some(&Form::Present)
                            && scan.triggers.get(o).is_some_and(|ot| {
                                segs.same(ot.span.start, m.span.start)
                                    && distance(&ot.span, &m.span).0 <= PRESENT_REACH
                            })
                    })
                })
                .collect();
            let clause_text = text.get(clause.span.clone()).unwrap_or("").to_string();
            // "وبعد انسحاب القوات غادر", "قبل أن يغادر": the clause's time is relative to
            // another event.
            let is_relative = |w: &Word| w.is(Class::RELATIVE);
            let first = first_word(clause);
            let clause_opens_relative = first.is_some_and(is_relative)
                || (first.is_some_and(|w| w.is(Class::COMPLEMENTIZER))
                    && words_before(&scan.words, clause.span.start, sent.span.start)
                        .next()
                        .is_some_and(is_relative));
            // Group the clause's triggers by the date each one gets.
            let mut groups: Vec<Group> = Vec::new();
            for &(t, pick) in picks {
                let Some(trig) = scan.triggers.get(t) else {
                    continue;
                };
                let before = || words_before(&scan.words, trig.span.start, sent.span.start).take(2);
                let near_trigger = |m: &&&Mention| {
                    segs.same(m.span.start, trig.span.start)
                        && distance(&trig.span, &m.span).0 <= PRESENT_REACH
                };
                let own_time = before().any(|w| w.is(Class::RELATIVE))
                    || pluperfect(&scan.words, trig, sent.span.start)
                    || clause_opens_relative
                    || temporal_adjective(&scan.words, trig)
                    || irrealis(&scan.words, trig, sent.span.start)
                    || vague.iter().any(|m| near_trigger(&m));
                let free_near = free_near(trig);
                let (value, by, ms) = if let Some(m) = pick.and_then(|i| mentions.get(i)) {
                    let ms = same_value(mentions, &dated, Some(m.value));
                    (Some(m.value), DatedBy::Explicit, ms)
                } else if presents.iter().any(|m| near_trigger(&m)) {
                    let v = Value::Point(Point::Day(doc.anchor.date()));
                    (Some(v), DatedBy::Document, Vec::new())
                } else if own_time {
                    blocked.insert(trig.span.start);
                    (None, DatedBy::None, Vec::new())
                } else if let Some(m) = near(&trig.span, &free_near).and_then(|i| mentions.get(i)) {
                    inherited.insert(m.value);
                    let ms = same_value(mentions, &free_near, Some(m.value));
                    (Some(m.value), DatedBy::Inherited, ms)
                } else if before().any(|w| w.is(Class::DURING))
                    && let Some((v, ms)) = sent_events
                        .iter()
                        .rev()
                        .filter(|e| {
                            e.trigger
                                .as_ref()
                                .map(|t| t.span.start)
                                .or_else(|| e.mentions.first().map(|m| m.span.start))
                                .is_some_and(|at| segs.same(at, trig.span.start))
                        })
                        .find_map(|e| e.value.map(|v| (v, e.mentions.clone())))
                        .or_else(|| {
                            prev_date
                                .clone()
                                .filter(|_| !segs.reported(trig.span.start))
                        })
                {
                    (Some(v), DatedBy::Inherited, ms)
                } else if let Some((v, ms)) = prev_date.as_ref().filter(|_| opens_continuation) {
                    (Some(*v), DatedBy::Inherited, ms.clone())
                } else {
                    (None, DatedBy::None, Vec::new())
                };
                match groups.iter_mut().find(|g| g.value == value && g.by == by) {
                    Some(g) => g.triggers.push(trig.clone()),
                    None => groups.push(Group {
                        value,
                        by,
                        mentions: ms,
                        triggers: vec![trig.clone()],
                    }),
                }
            }
            // Triggers that only say something took place join the event they hold.
            if groups.iter().any(|g| !g.generic()) {
                let (absorbed, kept): (Vec<Group>, Vec<Group>) = groups
                    .into_iter()
                    .partition(|g| g.generic() && g.by == DatedBy::None);
                groups = kept;
                if let Some(main) = groups.iter_mut().find(|g| !g.generic()) {
                    for g in absorbed {
                        main.triggers.extend(g.triggers);
                    }
                }
            }
            let taken: Vec<Value> = groups.iter().filter_map(|g| g.value).collect();
            for Group {
                value,
                by: dated_by,
                mentions: ms,
                triggers: mut trigs,
            } in groups
            {
                // The main trigger: the first one that names the event, not just its holding or
                // its announcement.
                let names = |t: &Trigger| !GENERIC_FAMILIES.contains(&t.family);
                let framed = |t: &Trigger| names(t) && !FRAME_FAMILIES.contains(&t.family);
                if let Some(k) = trigs
                    .iter()
                    .position(framed)
                    .or_else(|| trigs.iter().position(names))
                {
                    let main = trigs.remove(k);
                    trigs.insert(0, main);
                }
                sent_events.push(Event {
                    trigger: trigs.first().cloned(),
                    triggers: trigs,
                    span: clause.span.clone(),
                    text: clause_text.clone(),
                    sentence: si,
                    value,
                    dated_by,
                    mentions: ms,
                    repeats: Vec::new(),
                });
            }
            // Every other date of the clause: an event with no trigger, one for each date.
            let mut seen: Vec<Value> = taken;
            for &i in &dated {
                let Some(m) = mentions.get(i) else { continue };
                let is_dateline = doc.source == crate::document::DateSource::Dateline
                    && doc.evidence.as_ref() == Some(&m.span);
                if seen.contains(&m.value) || is_dateline {
                    continue;
                }
                seen.push(m.value);
                sent_events.push(Event {
                    trigger: None,
                    triggers: Vec::new(),
                    span: clause.span.clone(),
                    text: clause_text.clone(),
                    sentence: si,
                    value: Some(m.value),
                    dated_by: DatedBy::Explicit,
                    mentions: same_value(mentions, &dated, Some(m.value)),
                    repeats: Vec::new(),
                });
            }
        }
        // A trigger-less date that a triggered event of the sentence inherited is not told twice.
        sent_events
            .retain(|e| e.trigger.is_some() || e.value.is_none_or(|v| !inherited.contains(&v)));
        // The date a following sentence may continue from: the first its own clauses gave.
        prev_date = sent_events
            .iter()
            .find_map(|e| {
                e.value
                    .filter(|_| e.dated_by == DatedBy::Explicit)
                    .map(|v| (v, e.mentions.clone()))
            })
            .or_else(|| {
                sent_events.iter().find_map(|e| {
                    e.value
                        .filter(|_| e.dated_by == DatedBy::Inherited)
                        .map(|v| (v, e.mentions.clone()))
                })
            });
        out.extend(sent_events);
    }
    // Lemmas of the triggers, and whether they point back (اللقاء، هذا اللقاء، زيارته).
    let lemmas: HashMap<usize, (&'static str, bool)> = scan
        .triggers
        .iter()
        .zip(&scan.lemmas)
        .zip(&scan.forms)
        .map(|((t, &(l, definite, suffixed)), &form)| {
            let shown = words_before(&scan.words, t.span.start, 0)
                .next()
                .is_some_and(|w| w.is(Class::DEMONSTRATIVE));
            // A noun points back with the article, a possessive or a demonstrative; a bare
            // verb in the past tells again what the same verb told ("أوقفت ماليزيا...").
            let back = match form {
                Form::Noun => definite || shown,
                Form::Past => !suffixed,
                Form::Present | Form::Future => false,
            };
            (t.span.start, (l, back))
        })
        .collect();
    corefer(out, &blocked, &lemmas)
}

/// A trigger inside a date ("فجر اليوم") is a word of the date, not an event.
fn drop_triggers_in_dates(scan: &mut Scan, mentions: &[Mention]) {
    let keep: Vec<bool> = scan
        .triggers
        .iter()
        .map(|t| {
            let i = mentions.partition_point(|m| m.span.end <= t.span.start);
            !mentions
                .get(i..)
                .unwrap_or(&[])
                .iter()
                .take_while(|m| m.span.start < t.span.end)
                .any(|m| m.span.end > t.span.start)
        })
        .collect();
    let mut k = keep.iter();
    scan.triggers.retain(|_| k.next().copied().unwrap_or(true));
    let mut k = keep.iter();
    scan.forms.retain(|_| k.next().copied().unwrap_or(true));
    let mut k = keep.iter();
    scan.lemmas.retain(|_| k.next().copied().unwrap_or(true));
}

/// Where reported speech opens and where quotations with a date are in a sentence: a date and a
/// trigger of different segments do not belong together ("قال اليوم إن الاجتماع سيعقد..."
/// dates the saying, not the meeting).
struct Segments {
    opens: Vec<usize>,
    quotes: Vec<Range<usize>>,
    /// Where the pieces of the sentence (between commas) start.
    pieces: Vec<usize>,
}

impl Segments {
    fn new(text: &str, sent: &Sentence, words: &[Word], mentions: &[Mention]) -> Segments {
        let from = words.partition_point(|w| w.start < sent.span.start);
        let mut opens = Vec::new();
        let mut prev: Option<&Word> = None;
        for w in words.get(from..).unwrap_or(&[]) {
            if w.start >= sent.span.end {
                break;
            }
            if w.is(Class::COMPLEMENTIZER) && !prev.is_some_and(|p| p.is(Class::NOT_REPORTING)) {
                opens.push(w.start);
            }
            prev = Some(w);
        }
        let mut quotes = Vec::new();
        let body = text.get(sent.span.clone()).unwrap_or("");
        for (s, i) in quotations(body) {
            // A quotation with a date of its own; a name in quotes ("«حوار التوافق
            // الوطني» خلال يونيو") is part of the sentence.
            let q = sent.span.start + s..sent.span.start + i;
            let from = mentions.partition_point(|m| m.span.start < q.start);
            if mentions
                .get(from..)
                .unwrap_or(&[])
                .iter()
                .take_while(|m| m.span.start < q.end)
                .any(is_dated)
            {
                quotes.push(q);
            }
        }
        let pieces = sent.pieces.iter().map(|p| p.span.start).collect();
        Segments {
            opens,
            quotes,
            pieces,
        }
    }

    fn piece(&self, at: usize) -> usize {
        self.pieces.partition_point(|&p| p <= at)
    }

    fn of(&self, at: usize) -> (usize, Option<usize>) {
        let opened = self.opens.partition_point(|&o| o <= at);
        (opened, self.quotes.iter().position(|q| q.contains(&at)))
    }

    /// Whether an offset is in reported speech.
    fn reported(&self, at: usize) -> bool {
        self.opens.first().is_some_and(|&o| o <= at)
    }

    fn same(&self, a: usize, b: usize) -> bool {
        self.of(a) == self.of(b)
    }
}

/// The quotations of a sentence: where each opening mark is and where its closing mark is. A
/// quotation left open ends the search.
fn quotations(body: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some((s, inside, close)) = crate::document::next_quote(body, at) {
        let Some(i) = body
            .get(inside..)
            .and_then(|r| r.find(close))
            .map(|k| inside + k)
        else {
            break;
        };
        out.push((s, i));
        at = i + close.len_utf8();
    }
    out
}

/// "كانت قد أعلنت": the pluperfect tells of a time before the one the text is at.
fn pluperfect(words: &[Word], tr: &Trigger, floor: usize) -> bool {
    // "كانت قد أعلنت", "كانت ... قد تم تأجيلها"
    let before = || words_before(words, tr.span.start, floor).take(10);
    let Some(qad) = before().take(2).position(|w| w.is(Class::QAD)) else {
        return false;
    };
    before().skip(qad + 1).any(|w| w.is(Class::KANA))
}

/// Whether a word of time comes right after a trigger ("الانتخابات \[المقبلة\]").
fn temporal_adjective(words: &[Word], tr: &Trigger) -> bool {
    let i = words.partition_point(|w| w.start < tr.span.end);
    words
        .get(i)
        .is_some_and(|w| w.start.saturating_sub(tr.span.end) <= 2 && w.is(Class::TEMPORAL))
}

/// Whether a word of asking or intending governs a trigger ("طالب أمس بتخصيص جلسة").
fn irrealis(words: &[Word], tr: &Trigger, floor: usize) -> bool {
    words_before(words, tr.span.start, floor)
        .take(5)
        .any(|w| w.is(Class::IRREALIS))
}

/// The dated mention of its clause a trigger takes, of its own segment of speech: the nearest
/// after it with no other trigger between ("زار دمشق في 3 آذار"), else the nearest before it
/// with none between, first within its piece of the sentence, then in the clause's other
/// pieces ("في بلاغ أصدرته، الثلاثاء"); else the dates across other triggers, for
/// [`picks_of`]. Triggers that only say that something took place (عقد، جرى) stand between
/// nothing ("لعقد الجلسة"). A trigger followed by a word of time of its own ("الدورة السابقة أقيمت في صيف
/// 2010") or governed by a word of asking takes only a date after it.
fn pick(
    scan: &Scan,
    mentions: &[Mention],
    t: usize,
    dated: &[usize],
    cl: &ClauseTriggers,
    segs: &Segments,
) -> Pick {
    let Some(tr) = scan.triggers.get(t) else {
        return Pick::Restricted(None);
    };
    // The dates nearest the trigger: a few on each side are enough, and keep a clause of
    // thousands of words linear.
    let at = dated.partition_point(|&i| {
        mentions
            .get(i)
            .is_some_and(|m| m.span.start < tr.span.start)
    });
    let window = dated
        .get(at.saturating_sub(NEAREST)..(at + NEAREST).min(dated.len()))
        .unwrap_or(&[]);
    let cands: Vec<(usize, &Mention)> = window
        .iter()
        .filter_map(|&i| Some((i, mentions.get(i)?)))
        .filter(|(_, m)| segs.same(m.span.start, tr.span.start))
        .collect();
    // Another trigger between a and b.
    let between = |a: usize, b: usize| cl.between(&cl.events, a, b).next().is_some();
    let piece = segs.piece(tr.span.start);
    let after = |same_piece: bool| {
        cands
            .iter()
            .filter(|(_, m)| (segs.piece(m.span.start) == piece) == same_piece)
            .filter(|(_, m)| m.span.start >= tr.span.end && !between(tr.span.end, m.span.start))
            .min_by_key(|(_, m)| m.span.start)
    };
    let before = |same_piece: bool| {
        cands
            .iter()
            .filter(|(_, m)| (segs.piece(m.span.start) == piece) == same_piece)
            .filter(|(_, m)| m.span.end <= tr.span.start && !between(m.span.end, tr.span.start))
            .max_by_key(|(_, m)| m.span.end)
    };
    let floor = segs.pieces.first().copied().unwrap_or(0);
    if temporal_adjective(&scan.words, tr) || irrealis(&scan.words, tr, floor) {
        return Pick::Restricted(after(true).or_else(|| after(false)).map(|&(i, _)| i));
    }
    let direct = after(true)
        .or_else(|| before(true))
        .or_else(|| after(false))
        .or_else(|| before(false));
    if let Some(&(i, _)) = direct {
        return Pick::Direct(i);
    }
    // Across other triggers: nearest first; only through nouns that took the same date.
    let mut across: Vec<(usize, usize, Vec<usize>)> = cands
        .iter()
        .filter_map(|&(i, m)| {
            let (a, b) = if m.span.start >= tr.span.end {
                (tr.span.end, m.span.start)
            } else {
                (m.span.end, tr.span.start)
            };
            let nouns: Vec<usize> = cl.between(&cl.nouns, a, b).take(NEAREST + 1).collect();
            (nouns.len() <= NEAREST).then(|| (distance(&tr.span, &m.span).0, i, nouns))
        })
        .collect();
    across.sort_by_key(|(d, _, _)| *d);
    Pick::Across(across.into_iter().map(|(_, i, ns)| (i, ns)).collect())
}

/// How many dates on each side of a trigger, and nouns between, [`pick`] looks at.
const NEAREST: usize = 8;

/// The triggers of a clause that may stand between a trigger and a date, by start: all but
/// the generic ones, and the nouns among them.
struct ClauseTriggers {
    events: Vec<(usize, usize)>,
    nouns: Vec<(usize, usize)>,
}

impl ClauseTriggers {
    fn new(scan: &Scan, c: &Clause) -> ClauseTriggers {
        let mut events = Vec::new();
        let mut nouns = Vec::new();
        for &o in &c.triggers {
            let Some(ot) = scan.triggers.get(o) else {
                continue;
            };
            if GENERIC_FAMILIES.contains(&ot.family) {
                continue;
            }
            events.push((ot.span.start, o));
            if scan.forms.get(o) == Some(&Form::Noun) {
                nouns.push((ot.span.start, o));
            }
        }
        ClauseTriggers { events, nouns }
    }

    /// The triggers of `list` that start strictly between a and b.
    fn between<'a>(
        &self,
        list: &'a [(usize, usize)],
        a: usize,
        b: usize,
    ) -> impl Iterator<Item = usize> + 'a {
        let from = list.partition_point(|&(s, _)| s <= a);
        list.get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(move |&&(s, _)| s < b)
            .map(|&(_, o)| o)
    }
}

/// What [`pick`] found for a trigger.
enum Pick {
    /// A date with no other trigger between.
    Direct(usize),
    /// Only a date after the trigger, or none: the trigger has a time of its own.
    Restricted(Option<usize>),
    /// Dates across other triggers, nearest first, each with the nouns between.
    Across(Vec<(usize, Vec<usize>)>),
}

/// The dated mention each trigger of a clause takes ([`pick`]). A date across other triggers
/// is taken only through verbs ("وصل... والتقى", "المؤتمر سينطلق يوم 14 ماي") and nouns that
/// took it ("للقاء المحتجين والتفاوض معهم", "مقتل 5 أشخاص في هجوم... فجر اليوم"), not
/// through a noun that has a time of its own ("طالب أمس بتخصيص جلسة... وراء غرق مركب").
fn picks_of(
    scan: &Scan,
    mentions: &[Mention],
    c: &Clause,
    dated: &[usize],
    segs: &Segments,
) -> Vec<(usize, Option<usize>)> {
    let cl = ClauseTriggers::new(scan, c);
    let found: Vec<(usize, Pick)> = c
        .triggers
        .iter()
        .map(|&t| (t, pick(scan, mentions, t, dated, &cl, segs)))
        .collect();
    let mut got: HashMap<usize, Option<usize>> = found
        .iter()
        .map(|(t, p)| {
            let g = match p {
                Pick::Direct(i) => Some(*i),
                Pick::Restricted(i) => *i,
                Pick::Across(_) => None,
            };
            (*t, g)
        })
        .collect();
    // A chain of nouns is short: a few rounds.
    for _ in 0..found.len().min(NEAREST) {
        let mut changed = false;
        for (t, p) in &found {
            let Pick::Across(options) = p else { continue };
            if got.get(t).copied().flatten().is_some() {
                continue;
            }
            let through = options.iter().find(|(i, nouns)| {
                nouns
                    .iter()
                    .all(|o| got.get(o).copied().flatten() == Some(*i))
            });
            if let Some((i, _)) = through {
                got.insert(*t, Some(*i));
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    found
        .iter()
        .map(|(t, _)| (*t, got.get(t).copied().flatten()))
        .collect()
}

/// An undated event whose trigger word (its lemma: لقاء for اللقاء، لقاءات...) has one date
/// elsewhere in the text, given in the clause of a trigger of that word, and which points back
/// (with the article, a demonstrative or a possessive: "اللقاء", "هذا اللقاء", "زيارته") is
/// that event told again ("عقب لقاء جمعه اليوم... وأضاف أن اللقاء تناول..."): it takes that
/// date. "إلى اجتماع رؤساء الكتل" is another meeting. Only families of [`TOLD_AGAIN`], and not
/// triggers with a time of their own (`blocked`).
fn corefer(
    evs: Vec<Event>,
    blocked: &HashSet<usize>,
    lemmas: &HashMap<usize, (&'static str, bool)>,
) -> Vec<Event> {
    let lemma = |t: &Trigger| lemmas.get(&t.span.start).map(|&(l, _)| l);
    let definite = |t: &Trigger| lemmas.get(&t.span.start).is_some_and(|&(_, d)| d);
    let mut dates: HashMap<&'static str, Vec<(Value, Vec<Mention>)>> = HashMap::new();
    for e in &evs {
        let Some(v) = e.value.filter(|_| e.dated_by == DatedBy::Explicit) else {
            continue;
        };
        for l in e.triggers.iter().filter_map(lemma) {
            let ds = dates.entry(l).or_default();
            // A time of a day is that day told again.
            let days = |w: &Value| (w.first_day(), w.last_day());
            if !ds.iter().any(|(d, _)| days(d) == days(&v)) {
                ds.push((v, e.mentions.clone()));
            }
        }
    }
    let donor = |t: &Trigger| -> Option<&(Value, Vec<Mention>)> {
        if blocked.contains(&t.span.start) || !definite(t) || !TOLD_AGAIN.contains(&t.family) {
            return None;
        }
        match lemma(t).and_then(|l| dates.get(l)).map(Vec::as_slice) {
            Some([one]) => Some(one),
            _ => None,
        }
    };
    let mut out = Vec::with_capacity(evs.len());
    for mut e in evs {
        if e.value.is_some() || e.dated_by != DatedBy::None {
            out.push(e);
            continue;
        }
        let mut moved: Vec<(Value, Vec<Mention>, Vec<Trigger>)> = Vec::new();
        let mut kept = Vec::new();
        for t in e.triggers.drain(..) {
            match donor(&t) {
                Some((v, ms)) => match moved.iter_mut().find(|(w, _, _)| w == v) {
                    Some(g) => g.2.push(t),
                    None => moved.push((*v, ms.clone(), vec![t])),
                },
                None => kept.push(t),
            }
        }
        let template = e.clone();
        if kept.is_empty() {
            if let Some((v, ms, ts)) = moved.first().cloned() {
                e.trigger = ts.first().cloned();
                e.triggers = ts;
                e.value = Some(v);
                e.dated_by = DatedBy::Inherited;
                e.mentions = ms;
                moved.remove(0);
            }
        } else {
            e.trigger = kept.first().cloned();
            e.triggers = kept;
        }
        if !e.triggers.is_empty() {
            out.push(e);
        }
        for (v, ms, ts) in moved {
            out.push(Event {
                trigger: ts.first().cloned(),
                triggers: ts,
                value: Some(v),
                dated_by: DatedBy::Inherited,
                mentions: ms,
                ..template.clone()
            });
        }
    }
    out
}

fn same_value(mentions: &[Mention], among: &[usize], v: Option<Value>) -> Vec<Mention> {
    among
        .iter()
        .filter_map(|&i| mentions.get(i))
        .filter(|m| Some(m.value) == v)
        .cloned()
        .collect()
}

/// Splits the pieces of a sentence before the words that open a complement.
fn split_complements(sent: &Sentence, words: &[Word]) -> Sentence {
    let mut pieces = Vec::with_capacity(sent.pieces.len());
    let from = words.partition_point(|w| w.start < sent.span.start);
    let mut ws = words.get(from..).unwrap_or(&[]).iter().peekable();
    for p in &sent.pieces {
        let mut start = p.span.start;
        let mut first = true;
        let mut opens = p.after_complement;
        while let Some(w) = ws.peek() {
            if w.start >= p.span.end {
                break;
            }
            let is_comp = w.start >= p.span.start && w.is(Class::COMPLEMENTIZER);
            if is_comp && w.start > start {
                pieces.push(crate::document::Piece {
                    span: start..w.start,
                    after_semicolon: first && p.after_semicolon,
                    after_complement: opens,
                });
                start = w.start;
                first = false;
                opens = true;
            } else if is_comp {
                opens = true;
            }
            ws.next();
        }
        pieces.push(crate::document::Piece {
            span: start..p.span.end,
            after_semicolon: first && p.after_semicolon,
            after_complement: opens,
        });
    }
    Sentence {
        span: sent.span.clone(),
        pieces,
    }
}

/// Cuts a sentence into clauses: a new clause at a semicolon, and at a piece with a trigger
/// when the clause so far has one already. `ti` and `mi` walk the trigger and mention lists.
fn clauses_of(
    sent: &Sentence,
    triggers: &[Trigger],
    mentions: &[Mention],
    ti: &mut usize,
    mi: &mut usize,
) -> Vec<Clause> {
    let mut clauses: Vec<Clause> = Vec::new();
    for (pi, piece) in sent.pieces.iter().enumerate() {
        // Everything up to the next piece belongs to this one (marks included).
        let limit = sent
            .pieces
            .get(pi + 1)
            .map_or(sent.span.end, |p| p.span.start);
        let mut ts = Vec::new();
        while let Some(t) = triggers.get(*ti) {
            if t.span.start >= limit {
                break;
            }
            if t.span.start >= piece.span.start {
                ts.push(*ti);
            }
            *ti += 1;
        }
        let mut ms = Vec::new();
        while let Some(m) = mentions.get(*mi) {
            if m.span.start >= limit {
                break;
            }
            if m.span.start >= sent.span.start {
                ms.push(*mi);
            }
            *mi += 1;
        }
        let new_clause = match clauses.last() {
            None => true,
            Some(c) => piece.after_semicolon || (!ts.is_empty() && !c.triggers.is_empty()),
        };
        match clauses.last_mut() {
            Some(c) if !new_clause => {
                c.span.end = piece.span.end;
                c.triggers.extend(ts);
                c.mentions.extend(ms);
            }
            _ => clauses.push(Clause {
                span: piece.span.clone(),
                triggers: ts,
                mentions: ms,
            }),
        }
    }
    clauses
}

#[cfg(test)]
mod tests {
    use super::*;

    fn family(w: &str) -> Option<&'static str> {
        lookup(&fold(w)).map(|f| f.family)
    }

    #[test]
    fn triggers_with_clitics() {
        let cases = [
            ("زيارة", Some("visit")),
            ("والزيارة", Some("visit")),
            ("بزيارته", Some("visit")),
            ("زيارتها", Some("visit")),
            ("للزيارة", Some("visit")),
            ("سيزور", Some("visit")),
            ("وزارت", Some("visit")),
            ("التقى", Some("meeting")),
            ("والتقاه", Some("meeting")),
            ("يلتقيان", Some("meeting")),
            ("ستعقد", Some("holding")),
            ("أعلنت", Some("announcement")),
            ("وأكد", None),
            ("وزارة", None),
            ("الوزير", None),
            ("سوريا", None),
            ("وقال", None),
            ("بالإحتفاظ", Some("arrest")),
            ("حملة", Some("campaign")),
        ];
        for (w, want) in cases {
            assert_eq!(family(w), want, "{w}");
        }
    }

    /// The lookup as it was first written, one string at a time: the model [`lookup`] must agree
    /// with.
    fn lookup_slow(word: &str) -> Option<Found> {
        if word.chars().count() < 2 {
            return None;
        }
        let t = &*TABLE;
        for (_, conj_len, w1) in strip_any(word, &["و", "ف"]) {
            for (prep, prep_len, w2) in strip_any(w1, &["ب", "ل", "ك", "س"]) {
                let mut stems = vec![(0, w2)];
                if prep != "س"
                    && let Some(s) = w2.strip_prefix("ال")
                {
                    stems.push(("ال".len(), s));
                }
                if prep == "ل"
                    && let Some(s) = w2.strip_prefix('ل')
                {
                    // لل = ل + ال
                    stems.push(("ل".len(), s));
                }
                for (art_len, stem) in stems {
                    if stem.chars().count() < 2 {
                        continue;
                    }
                    let pre = conj_len + prep_len + art_len;
                    let found = |&(family, form, lemma): &(&'static str, Form, &'static str),
                                 suffixed: bool| {
                        let future = form == Form::Present && prep == "س";
                        let form = if future {
                            Form::Future
                        } else if art_len > 0 {
                            // "القصف", "العقد": with the article, a noun.
                            Form::Noun
                        } else {
                            form
                        };
                        Found {
                            family,
                            pre,
                            form,
                            lemma,
                            definite: art_len > 0 || suffixed,
                            suffixed,
                        }
                    };
                    if let Some(f) = t.words.get(stem) {
                        return Some(found(f, false));
                    }
                    // The accusative of a noun: اتفاقا، اجتماعا
                    if let Some(s) = stem.strip_suffix('ا').filter(|s| s.chars().count() >= 3)
                        && let Some(f) = t.words.get(s)
                    {
                        return Some(found(f, false));
                    }
                    for suffix in SUFFIXES {
                        let Some(s) = stem.strip_suffix(suffix) else {
                            continue;
                        };
                        if s.chars().count() < 2 {
                            continue;
                        }
                        if let Some(f) = t.words.get(s) {
                            return Some(found(f, true));
                        }
                        // زيارته → زيارة, التقاه → التقى
                        let alt = if let Some(b) = s.strip_suffix('ت') {
                            format!("{b}ة")
                        } else if let Some(b) = s.strip_suffix('ا') {
                            format!("{b}ى")
                        } else {
                            continue;
                        };
                        if let Some(f) = t.words.get(&alt) {
                            return Some(found(f, true));
                        }
                    }
                }
            }
        }
        None
    }

    /// The word itself, then the word without each prefix it starts with: (prefix, its length,
    /// the rest).
    fn strip_any<'a>(
        word: &'a str,
        prefixes: &[&'static str],
    ) -> Vec<(&'static str, usize, &'a str)> {
        let mut out = vec![("", 0, word)];
        for &p in prefixes {
            if let Some(rest) = word.strip_prefix(p) {
                out.push((p, p.len(), rest));
            }
        }
        out
    }

    fn key(f: Option<Found>) -> Option<(&'static str, usize, Form, &'static str, bool, bool)> {
        f.map(|f| (f.family, f.pre, f.form, f.lemma, f.definite, f.suffixed))
    }

    #[test]
    fn lookup_agrees_with_model() {
        let mut words = crate::testdata::sample_words();
        // Every key with every chain of clitics and every pronoun, as written and with the
        // letter a pronoun changes (زيارة → زيارت، التقى → التقا).
        let mut keys: Vec<String> = TABLE.words.keys().cloned().collect();
        keys.sort();
        for k in &keys {
            let mut stems = vec![k.clone(), format!("{k}ا")];
            for b in [
                k.strip_suffix('ة').map(|b| format!("{b}ت")),
                k.strip_suffix('ى').map(|b| format!("{b}ا")),
            ]
            .into_iter()
            .flatten()
            .chain([k.clone()])
            {
                for suf in SUFFIXES {
                    stems.push(format!("{b}{suf}"));
                }
            }
            for st in &stems {
                for p in [
                    "", "و", "ف", "ب", "ل", "ك", "س", "وب", "فل", "وس", "ال", "وال", "بال", "وبال",
                    "لل", "ولل", "سال", "ول",
                ] {
                    words.push(format!("{p}{st}"));
                    if let Some(rest) = st.strip_prefix("ال") {
                        words.push(format!("{p}{rest}"));
                    }
                }
            }
        }
        words.extend(["م", "ه", "و", "وا", "لل", "ال", "x", "ab", "لab", "ولا"].map(String::from));
        let mut found = 0;
        for w in &words {
            let want = key(lookup_slow(w));
            assert_eq!(key(lookup(w)), want, "{w}");
            found += usize::from(want.is_some());
        }
        assert!(found > 10_000, "{found} of {}", words.len());
    }

    #[test]
    fn most_words_end_as_no_trigger_does() {
        let words = crate::testdata::sample_words();
        let none: Vec<&String> = words.iter().filter(|w| lookup_slow(w).is_none()).collect();
        let turned = none.iter().filter(|w| !TABLE.ends.may_end(w)).count();
        // On the sample, about two in three.
        assert!(
            turned * 2 > none.len(),
            "{turned} of {} words that are no trigger",
            none.len()
        );
        // Words too short to judge, and words that end as a short ending does.
        let mut ends = Ends::default();
        ends.insert("زيارة");
        ends.insert("قد");
        assert!(ends.may_end("زيارة") && ends.may_end("بالزيارة"));
        assert!(ends.may_end("لقد") && ends.may_end("ي") && ends.may_end("يق"));
        assert!(ends.may_end("abcde") && !ends.may_end("abcdef"));
        assert!(!ends.may_end("الزيارات") && !ends.may_end("لقاء"));
    }

    #[test]
    fn classes_agree_with_the_lists() {
        let lists = CLASS_LISTS;
        let mut words = crate::testdata::sample_words();
        for (list, _) in lists {
            for w in list {
                let f = fold(w);
                words.push(format!("و{f}"));
                words.push(f.chars().skip(1).collect());
                words.push(f);
            }
        }
        let mut hits = 0;
        for w in &words {
            let want = lists
                .iter()
                .filter(|(list, _)| list.iter().any(|x| fold(x) == *w))
                .fold(0, |a, (_, bit)| a | bit);
            assert_eq!(TABLE.class(w), want, "{w}");
            hits += usize::from(want != 0);
        }
        assert!(hits > 1000, "{hits}");
    }

    /// The quotations as first found, one character at a time.
    fn quotations_slow(body: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut open: Option<(usize, char)> = None;
        for (i, c) in body.char_indices() {
            match open {
                Some((s, close)) if c == close => {
                    out.push((s, i));
                    open = None;
                }
                Some(_) => {}
                None => open = crate::document::closer_of(c).map(|close| (i, close)),
            }
        }
        out
    }

    /// The scan's words and triggers, comparable: each word's start and classes, each
    /// trigger with its form and lemma.
    fn scanned(text: &str) -> String {
        let Scan {
            triggers,
            forms,
            lemmas,
            words,
        } = scan(text, &Normalized::new(text));
        let words: Vec<(usize, u16)> = words.iter().map(|w| (w.start, w.class)).collect();
        format!("{words:?} {triggers:?} {forms:?} {lemmas:?}")
    }

    /// The scan as first written, a character at a time over the folded text, each word
    /// looked up afresh: what the fast word ends and the kept lookups are held to.
    fn scanned_by_chars(text: &str) -> String {
        let norm = Normalized::new(text);
        let folded = norm.as_str();
        let table = &*TABLE;
        let (mut triggers, mut forms, mut lemmas, mut words) = (vec![], vec![], vec![], vec![]);
        let mut flush = |s: usize, e: usize| {
            let w = &folded[s..e];
            let Known { class, found } = Known::of(table, w);
            words.push((norm.original_offset(s), class));
            if let Some(f) = found {
                let span = norm.original_span(s + f.pre..e);
                forms.push(f.form);
                lemmas.push((f.lemma, f.definite, f.suffixed));
                triggers.push(Trigger {
                    text: text[span.clone()].to_string(),
                    span,
                    family: f.family,
                });
            }
        };
        let mut start = None;
        for (i, c) in folded.char_indices() {
            if is_word_char(c) {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                flush(s, i);
            }
        }
        if let Some(s) = start {
            flush(s, folded.len());
        }
        format!("{words:?} {triggers:?} {forms:?} {lemmas:?}")
    }

    /// Mixed scripts, marks, and words glued to Latin letters and digits, where the scan
    /// reads a character at a time, among the sample's articles.
    #[test]
    fn scan_agrees_with_a_character_at_a_time() {
        let texts = crate::testdata::sample_lines_and(&[
            "",
            "زار",
            "زارx الوزيرé دمشقΩ وبدأ«زيارته» ١٥ۀ ٱلزيارة كتبx1 ی",
            "ابن\u{0670}سينا زيارة\u{064B}ٌ ل\u{FB50}ا 😀زيارة زيارة😀 Москва زيارته",
            "زيارة\nاجتماع\tلقاء\u{00A0}وصل",
        ]);
        for t in &texts {
            let want = scanned_by_chars(t);
            // Cold and warm: the second scan finds every word kept.
            assert_eq!(scanned(t), want, "{t}");
            assert_eq!(scanned(t), want, "{t}");
        }
    }

    #[test]
    fn suffixes_by_last_byte() {
        for b in 0..=255u8 {
            for (k, suffix) in SUFFIXES.iter().enumerate() {
                let ends = suffix.as_bytes().last() == Some(&b);
                assert_eq!(
                    SUFFIXES_ENDING[usize::from(b)] >> k & 1 == 1,
                    ends,
                    "{b:#x} {suffix}"
                );
            }
        }
    }

    /// A word's key is its bytes and zeros after them, read far from the end of the text or
    /// next to it; a longer word has none.
    #[test]
    fn word_keys_are_the_bytes_of_the_word() {
        let word = "والمستشفياتكتب"; // 28 bytes
        for n in (0..=word.len()).filter(|&n| word.is_char_boundary(n)) {
            let w = &word.as_bytes()[..n];
            let far = format!("{}{}", &word[..n], "x".repeat(30));
            let want = (n <= 24).then(|| {
                let mut b = [0u8; 24];
                b[..n].copy_from_slice(w);
                [0, 8, 16].map(|k| u64::from_le_bytes(b[k..k + 8].try_into().unwrap()))
            });
            assert_eq!(word_key(far.as_bytes(), 0, n), want, "{n}");
            assert_eq!(word_key(w, 0, n), want, "{n} at the end");
        }
    }

    /// A scan while the thread's kept words are lent out (a scan inside another) looks its
    /// words up afresh, and finds what the first finds.
    #[test]
    fn scan_without_the_kept_words() {
        let text = "وصل الوزير إلى دمشق وبدأ زيارته بلقاء الرئيس، وسيلتقي غدا نظيره.";
        let want = scanned(text);
        let inner = KNOWN.with(|k| {
            let _lent = k.borrow_mut();
            scanned(text)
        });
        assert_eq!(inner, want);
        assert!(want.contains("visit"), "{want}");
    }

    #[test]
    fn quotations_agree_with_model() {
        let texts = crate::testdata::sample_lines_and(&[
            "قال «وصلنا» ثم \"غادر\" و“هنا” و„هناك“ و«مفتوح",
            "«»",
            "\"\"\"",
            "“",
            "„“”",
            "a«b\"c»d\"",
            "",
        ]);
        let mut found = 0;
        for t in &texts {
            let want = quotations_slow(t);
            assert_eq!(quotations(t), want, "{t}");
            found += want.len();
        }
        assert!(found > 100, "{found}");
    }

    fn dated(text: &str) -> Vec<(Option<&'static str>, Option<String>, DatedBy)> {
        let doc = DocumentDate::given(
            crate::Anchor::from_ymd(2025, 12, 24).unwrap_or_else(|| unreachable!()),
        );
        let ms = crate::Extractor::new().extract(text, &doc.anchor);
        events(text, &ms, &doc)
            .into_iter()
            .map(|e| (e.family(), e.value.map(|v| v.to_string()), e.dated_by))
            .collect()
    }

    /// A sentence with neither a trigger nor a date between a dated sentence and one that
    /// continues it ("كما ...") ends the continuation, as it did before such sentences were
    /// passed over unread.
    #[test]
    fn a_sentence_without_events_or_dates_ends_the_continuation() {
        let told = "زار الوزير موسكو في 23 كانون الأول 2025.";
        let next = dated(&format!("{told} كما التقى الرئيس."));
        assert_eq!(
            next.get(1),
            Some(&(
                Some("meeting"),
                Some("2025-12-23".into()),
                DatedBy::Inherited
            ))
        );
        let apart = dated(&format!("{told} الطقس بارد جدا. كما التقى الرئيس."));
        assert_eq!(apart.get(1), Some(&(Some("meeting"), None, DatedBy::None)));
    }

    #[test]
    fn present_dates_to_the_document() {
        let got = dated("يعقد الوزراء حاليا اجتماعا في الرياض.");
        assert_eq!(
            got,
            [(
                Some("meeting"),
                Some("2025-12-24".into()),
                DatedBy::Document
            )]
        );
    }

    #[test]
    fn after_and_before_block_inheritance() {
        let got = dated("وصل الوزير في 3 آذار 2012، وبعد انسحاب القوات غادر.");
        assert_eq!(
            got,
            [
                (
                    Some("arrival"),
                    Some("2012-03-03".into()),
                    DatedBy::Explicit
                ),
                // Undated triggers of one clause make one entry.
                (Some("withdrawal"), None, DatedBy::None),
            ]
        );
        // Without بعد, the date of the sentence is inherited.
        let got = dated("وصل الوزير إلى الرياض، الاثنين 3 آذار 2025، والتقى الملك.");
        assert_eq!(
            got,
            [
                (
                    Some("arrival"),
                    Some("2025-03-03".into()),
                    DatedBy::Explicit
                ),
                (
                    Some("meeting"),
                    Some("2025-03-03".into()),
                    DatedBy::Inherited
                ),
            ]
        );
    }

    fn dates(text: &str) -> Vec<(Option<&'static str>, Option<String>)> {
        dated(text)
            .into_iter()
            .filter(|(f, _, _)| f.is_some())
            .map(|(f, v, _)| (f, v))
            .collect()
    }

    #[test]
    fn reported_speech_dates_the_saying() {
        // اليوم dates the saying, غدا the meeting.
        assert_eq!(
            dates("قال الوزير اليوم إن الاجتماع سيعقد غدا."),
            [(Some("meeting"), Some("2025-12-25".into()))]
        );
        assert_eq!(
            dates("قال الوزير اليوم إن الاجتماع كان مثمرا."),
            [(Some("meeting"), None)]
        );
        // A date in a quotation dates nothing outside it.
        assert_eq!(
            dates("وقال في المؤتمر: «الزيارة كانت في 3 آذار 2012»."),
            [
                (Some("conference"), None),
                (Some("visit"), Some("2012-03-03".into()))
            ]
        );
    }

    #[test]
    fn the_date_after_the_trigger_first() {
        assert_eq!(
            dates(
                "تعريفة جديدة ابتداء من يوم 11 ماي 2017، في بلاغ أصدرته الشركة، الثلاثاء 9 ماي 2017."
            ),
            [(Some("announcement"), Some("2017-05-09".into()))]
        );
    }

    #[test]
    fn times_of_their_own() {
        assert_eq!(
            dates("أعلن الحزب أمس استعداده للانتخابات المقبلة."),
            [
                (Some("announcement"), Some("2025-12-23".into())),
                (Some("election"), None)
            ]
        );
        assert_eq!(
            dates("طالب النائب أمس بعقد جلسة خاصة."),
            [(Some("session"), None)]
        );
        assert_eq!(
            dates("وصل الوفد أمس، وكانت الوزارة قد أعلنت عن الموعد."),
            [
                (Some("arrival"), Some("2025-12-23".into())),
                (Some("announcement"), None)
            ]
        );
        assert_eq!(dates("لم يعقد الاجتماع حتى الآن."), [(Some("meeting"), None)]);
        assert_eq!(
            dates("التقى الوزير مؤخرا نظيره، وغادر الرياض الاثنين 22 كانون الأول."),
            [
                (Some("meeting"), None),
                (Some("departure"), Some("2025-12-22".into()))
            ]
        );
    }

    #[test]
    fn an_event_told_again_takes_its_date() {
        assert_eq!(
            dates("عقد الوزيران لقاء اليوم في الرياض. وقال الوزير إن اللقاء كان مثمرا."),
            [
                (Some("meeting"), Some("2025-12-24".into())),
                (Some("meeting"), Some("2025-12-24".into()))
            ]
        );
        // Another meeting, not the one told.
        assert_eq!(
            dates("عقد الوزيران لقاء اليوم في الرياض. وسيحيل المشروع إلى لقاء رؤساء الكتل."),
            [
                (Some("meeting"), Some("2025-12-24".into())),
                (Some("meeting"), None)
            ]
        );
    }

    #[test]
    fn verb_forms_of_defective_verbs() {
        let f: Vec<String> = verb_forms("التقى", "لتقي")
            .into_iter()
            .map(|(w, _)| w)
            .collect();
        for w in [
            "التقى",
            "التقت",
            "التقيا",
            "التقوا",
            "يلتقي",
            "تلتقيان",
            "يلتقون",
        ] {
            assert!(f.iter().any(|x| x == w), "{w}");
        }
    }
}
