//! Property tests: dates written every way real text writes them are found with their exact
//! span and value; spans stay on char boundaries; folding is idempotent; nothing panics.

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use tarikh::normalize::fold;
use tarikh::{Anchor, Extractor};

const SYRIAC: [&[&str]; 12] = [
    &["كانون الثاني"],
    &["شباط"],
    &["آذار", "اذار"],
    &["نيسان"],
    &["أيار", "ايار"],
    &["حزيران"],
    &["تموز"],
    &["آب"],
    &["أيلول", "ايلول"],
    &["تشرين الأول", "تشرين الاول"],
    &["تشرين الثاني"],
    &["كانون الأول", "كانون الاول"],
];
const EGYPTIAN: [&[&str]; 12] = [
    &["يناير"],
    &["فبراير"],
    &["مارس"],
    &["أبريل", "إبريل", "ابريل"],
    &["مايو"],
    &["يونيو", "يونيه"],
    &["يوليو", "يوليه"],
    &["أغسطس", "اغسطس"],
    &["سبتمبر"],
    &["أكتوبر", "اكتوبر"],
    &["نوفمبر"],
    &["ديسمبر"],
];
const MAGHREBI: [&[&str]; 12] = [
    &["جانفي"],
    &["فيفري"],
    &["مارس"],
    &["أفريل"],
    &["ماي"],
    &["جوان"],
    &["جويلية"],
    &["أوت"],
    &["سبتمبر"],
    &["أكتوبر"],
    &["نوفمبر"],
    &["ديسمبر"],
];
const MOROCCAN: [&[&str]; 12] = [
    &["يناير"],
    &["فبراير"],
    &["مارس"],
    &["أبريل"],
    &["ماي"],
    &["يونيو"],
    &["يوليوز"],
    &["غشت"],
    &["شتنبر"],
    &["أكتوبر"],
    &["نونبر"],
    &["دجنبر"],
];
const WEEKDAYS: [&str; 7] = [
    "الاثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "الأحد",
];
const FILLER: [&str; 16] = [
    "قال",
    "الوزير",
    "الحكومة",
    "أكدت",
    "أهمية",
    "التعاون",
    "البلدين",
    "مجالات",
    "الاقتصاد",
    "المدينة",
    "الشعب",
    "الرئيس",
    "وكالة",
    "الأنباء",
    "تطوير",
    "العلاقات",
];

fn digits(n: u32, system: usize) -> String {
    let base = match system {
        1 => 0x0660,
        2 => 0x06F0,
        _ => return n.to_string(),
    };
    n.to_string()
        .chars()
        .map(|c| char::from_u32(base + c.to_digit(10).unwrap_or(0)).unwrap_or(c))
        .collect()
}

/// Inserts tatweel or diacritics after Arabic letters (never before the first char).
fn sprinkle(s: &str, seed: u64, on: bool) -> String {
    if !on {
        return s.to_string();
    }
    let marks = [
        '\u{0640}', '\u{064E}', '\u{064F}', '\u{0650}', '\u{0651}', '\u{0652}',
    ];
    let mut out = String::new();
    let mut k = seed;
    let letters: Vec<char> = s.chars().collect();
    for (i, c) in letters.iter().enumerate() {
        out.push(*c);
        k = k
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let next_is_letter = letters
            .get(i + 1)
            .is_some_and(|n| ('\u{0621}'..='\u{064A}').contains(n));
        if ('\u{0621}'..='\u{064A}').contains(c) && next_is_letter && (k >> 60) < 4 {
            out.push(marks[((k >> 40) % 6) as usize]);
        }
    }
    out
}

fn filler(seed: u64, n: usize) -> String {
    (0..n)
        .map(|i| FILLER[((seed >> (i * 4)) % 16) as usize])
        .collect::<Vec<_>>()
        .join(" ")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn written_dates_are_found_exactly(
        days in 0i64..146_000,
        family in 0usize..4,
        variant in 0usize..3,
        system in 0usize..3,
        weekday in any::<bool>(),
        prefix in 0usize..5,
        marks in any::<bool>(),
        seed in any::<u64>(),
        before in 0usize..6,
        after in 0usize..6,
    ) {
        let date = NaiveDate::from_ymd_opt(1800, 1, 1).unwrap() + chrono::Duration::days(days);
        prop_assume!(date.year() <= 2200);
        let names = [SYRIAC, EGYPTIAN, MAGHREBI, MOROCCAN][family][date.month0() as usize];
        let month = names[variant % names.len()];
        let mut expr = String::new();
        if prefix == 4 {
            expr.push_str("يوم ");
        }
        if weekday {
            expr.push_str(WEEKDAYS[date.weekday().num_days_from_monday() as usize]);
            expr.push(' ');
        }
        expr.push_str(&format!("{} {} {}", digits(date.day(), system), month, digits(date.year() as u32, system)));
        let expr = sprinkle(&expr, seed, marks);
        let lead = match prefix {
            0 => "و",
            1 => "في ",
            2 => "من ",
            _ => "",
        };
        let head = filler(seed, before);
        let head = if head.is_empty() { String::new() } else { format!("{head} ") };
        let text = format!("{head}{lead}{expr}، {}.", filler(seed.rotate_left(17), after));
        let start = head.len() + lead.len();
        let anchor = Anchor::from_ymd(2025, 12, 24).unwrap();
        let found = Extractor::new().extract(&text, &anchor);
        prop_assert_eq!(found.len(), 1, "{} → {:?}", text, found.iter().map(|m| m.text.clone()).collect::<Vec<_>>());
        let m = &found[0];
        prop_assert_eq!(&m.text, &expr);
        prop_assert_eq!(m.span.clone(), start..start + expr.len());
        prop_assert_eq!(m.value.to_string(), date.to_string());
        prop_assert!(m.flags.is_empty());
    }

    #[test]
    fn extract_never_panics_and_spans_are_char_boundaries(text in "\\PC{0,200}") {
        let anchor = Anchor::from_ymd(2025, 12, 24).unwrap();
        for m in Extractor::new().extract(&text, &anchor) {
            prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            prop_assert!(m.span.start < m.span.end);
            prop_assert_eq!(&text[m.span.clone()], m.text.as_str());
        }
    }

    #[test]
    fn arabic_soup_never_panics(words in proptest::collection::vec(
        prop_oneof![
            Just("من"), Just("إلى"), Just("23"), Just("٢٤"), Just("كانون"), Just("الأول"), Just("الثاني"),
            Just("-"), Just("/"), Just("و"), Just("بين"), Just("الساعة"), Just("إلا"), Just("ربع"),
            Just("الماضي"), Just("عام"), Just("2025"), Just("هـ"), Just("رمضان"), Just("الثلاثاء"),
            Just("قبل"), Just("أيام"), Just("يومين"), Just("منتصف"), Just("القرن"), Just("السبعينيات"),
            Just("،"), Just("\u{0640}"), Just("\u{064E}"), Just("99999999999"), Just("0"), Just("32"),
            Just("شباط"), Just("31"), Just("كل"), Just("يوم"), Just("الأسبوع"), Just("آخر"), Just("اول"),
        ],
        0..40,
    ), sep in prop_oneof![Just(" "), Just(""), Just("\n")]) {
        let text = words.join(sep);
        for anchor in [Anchor::from_ymd(2025, 12, 24).unwrap(), Anchor::new(NaiveDate::MIN), Anchor::new(NaiveDate::MAX)] {
            for m in Extractor::new().extract_all(&text, &anchor).into_iter().flatten() {
                prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            }
        }
    }

    /// The timeline (its event scan, sentence split and kept words) on any text, and on
    /// trigger words glued to other scripts, marks and quotes: no panic, and every event's span
    /// lies on char boundaries of the text.
    #[test]
    fn timeline_never_panics(
        text in "\\PC{0,300}",
        words in proptest::collection::vec(
            prop_oneof![
                Just("زار"), Just("زيارته"), Just("والتقى"), Just("الاجتماع"), Just("وصل"),
                Just("أمس"), Just("23 كانون الأول"), Just("،"), Just("؟"), Just("."), Just("«"),
                Just("»"), Just("“"), Just("\""), Just("x"), Just("é"), Just("😀"), Just("\u{0670}"),
                Just("\u{064B}"), Just("ی"), Just("\n"), Just("…"), Just("Москва"),
                Just("والمستشفياتوالمستشفيات"),
            ],
            0..60,
        ),
        sep in prop_oneof![Just(" "), Just("")],
    ) {
        let anchor = Anchor::from_ymd(2025, 12, 24).unwrap();
        for t in [text, words.join(sep)] {
            let tl = tarikh::TimelineBuilder::new().build_inferred(&t, anchor);
            for e in &tl.events {
                prop_assert!(t.is_char_boundary(e.span.start) && t.is_char_boundary(e.span.end));
            }
        }
    }

    #[test]
    fn folding_is_idempotent(text in "\\PC{0,100}") {
        let once = fold(&text);
        prop_assert_eq!(fold(&once), once);
    }

    #[test]
    fn concatenation_shifts_mentions(a in 0usize..8, b in 0usize..8) {
        let pieces = [
            "وصل الوفد الثلاثاء 23 كانون الأول 2025",
            "في 15 من تشرين الأول الماضي",
            "منذ سبعينيات القرن الماضي",
            "قال أمس إن",
            "الساعة العاشرة صباحا",
            "لا شيء هنا",
            "من 3 إلى 5 آذار 2012",
            "",
        ];
        let (ta, tb) = (pieces[a], pieces[b]);
        let anchor = Anchor::from_ymd(2025, 12, 24).unwrap();
        let x = Extractor::new();
        let ma = x.extract(ta, &anchor);
        let mb = x.extract(tb, &anchor);
        let joined = format!("{ta}\n{tb}");
        let mj = x.extract(&joined, &anchor);
        let shift = ta.len() + 1;
        let want: Vec<(std::ops::Range<usize>, String)> = ma
            .iter()
            .map(|m| (m.span.clone(), m.value.to_string()))
            .chain(mb.iter().map(|m| (m.span.start + shift..m.span.end + shift, m.value.to_string())))
            .collect();
        let got: Vec<(std::ops::Range<usize>, String)> = mj.iter().map(|m| (m.span.clone(), m.value.to_string())).collect();
        prop_assert_eq!(got, want);
    }
}
