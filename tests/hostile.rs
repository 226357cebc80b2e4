//! Hostile and odd input: nothing panics, overflows or takes more than linear time; spans stay
//! on char boundaries; dates that do not exist are skipped by `extract` and reported by `parse`.
//!
//! Linear time is checked by size, not by the clock: the big inputs below hold hundreds of
//! thousands to millions of tokens, so a quadratic pass over them would not finish within the
//! test run. Debug builds are ~20 times slower than release ones, so the biggest inputs are
//! scaled down there (`BIG`); `cargo test --release --test hostile` runs them at full size.

use chrono::{NaiveDate, Weekday};
use tarikh::{Anchor, ErrorKind, Extractor, Flag, Mention, Policy, Value};

/// Full size in release builds; a twentieth in debug builds.
const BIG: usize = if cfg!(debug_assertions) { 20 } else { 1 };

fn anchor() -> Anchor {
    Anchor::from_ymd(2025, 12, 24).unwrap()
}

/// Extracts and checks what every caller relies on: spans inside the text, on char
/// boundaries, in order, agreeing with `text` and `char_span`.
fn extract_checked(text: &str, anchor: &Anchor, policy: Policy) -> Vec<Mention> {
    let ms = Extractor::new().policy(policy).extract(text, anchor);
    let mut last = 0;
    let mut chars = 0;
    for m in &ms {
        assert!(m.span.start >= last, "out of order at {:?}", m.span);
        assert!(m.span.end <= text.len());
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        assert_eq!(&text[m.span.clone()], m.text);
        chars += text[last..m.span.start].chars().count();
        assert_eq!(m.char_span.start, chars);
        assert_eq!(m.char_span.end, chars + m.text.chars().count());
        chars = m.char_span.start;
        last = m.span.start;
        let _ = m.value.to_string();
    }
    ms
}

fn values(text: &str) -> Vec<String> {
    extract_checked(text, &anchor(), Policy::News)
        .into_iter()
        .map(|m| m.value.to_string())
        .collect()
}

fn parse(text: &str) -> Result<Mention, tarikh::Error> {
    Extractor::new().parse(text, &anchor())
}

#[test]
fn empty_and_blank_text() {
    for text in ["", " ", "\n\n\t", "\u{200F}", "\u{FEFF}"] {
        assert!(values(text).is_empty(), "{text:?}");
        let err = parse(text).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::NoExpression);
        assert_eq!(err.span(), 0..text.len());
    }
    assert_eq!(
        parse("").unwrap_err().to_string(),
        "no date or time expression found"
    );
}

#[test]
fn ten_megabytes_without_a_space() {
    let size = 10_000_000 / BIG;
    for unit in ["ا", "x", "ـ", "\u{064E}", "1-", "٢٣/"] {
        let text = unit.repeat(size / unit.len());
        let ms = extract_checked(&text, &anchor(), Policy::News);
        assert!(ms.len() <= text.len(), "{unit:?}");
    }
    // One word of 10 MB that ends in a date.
    let mut text = "ب".repeat(size / 2);
    text.push_str(" 23 كانون الأول 2025");
    assert_eq!(values(&text), ["2025-12-23"]);
}

#[test]
fn ten_megabytes_of_sentences_on_one_line() {
    // Read a stretch at a time, cut after full stops: each sentence's date is found once,
    // whichever stretch it falls in, with its span in the whole text.
    // Sentences of seven lengths, so that the stretches end at every kind of full stop.
    let sentence = |k: usize| {
        let pad = " جدا".repeat(k % 7);
        format!("وصل الوفد{pad} أمس، ومن. المقرر أن يعود في 20 كانون الأول. ")
    };
    let n = 10_000_000 / BIG / sentence(3).len();
    let text: String = (0..n).map(sentence).collect();
    let ms = extract_checked(&text, &anchor(), Policy::News);
    assert_eq!(ms.len(), 2 * n);
    assert!(
        ms.iter()
            .step_by(2)
            .all(|m| m.value.to_string() == "2025-12-23")
    );
    // "من." then "المقرر": a plan, so the 20th is the coming one.
    assert!(
        ms.iter()
            .skip(1)
            .step_by(2)
            .all(|m| m.value.to_string() == "2026-12-20")
    );
    let last = ms.last().map(|m| m.span.clone()).unwrap_or_default();
    assert_eq!(text.get(last), Some("20 كانون الأول"));
}

#[test]
fn a_megabyte_of_digits() {
    let text = "1234567890".repeat(100_000 / BIG);
    assert!(values(&text).is_empty());
    let text = "٠١٢٣٤٥٦٧٨٩".repeat(50_000 / BIG);
    assert!(values(&text).is_empty());
    // Digit runs of every length next to a month name: no overflow, no date.
    for n in [3, 10, 11, 20, 1000] {
        let text = format!("{} كانون الأول {}", "9".repeat(n), "9".repeat(n));
        let got = values(&text);
        assert!(
            got.iter().all(|v| v.starts_with('2')),
            "{n} digits: {got:?}"
        );
    }
    assert!(parse(&"7".repeat(100_000)).is_err());
}

#[test]
fn a_million_range_fragments() {
    let n = 1_000_000 / BIG;
    let text = "من 1 إلى 2 ".repeat(n);
    let ms = extract_checked(&text, &anchor(), Policy::News);
    // Bare numbers are not dates; whatever is found, the work stayed linear.
    assert!(ms.len() <= n);
    // With a month, each fragment is a range of its own.
    let text = "من 1 إلى 2 آذار، ".repeat(n / 10);
    let ms = extract_checked(&text, &anchor(), Policy::News);
    assert_eq!(ms.len(), n / 10);
    assert!(
        ms.iter()
            .all(|m| m.value.to_string() == "2026-03-01/2026-03-02")
    );
}

#[test]
fn a_hundred_thousand_nested_parentheses() {
    let n = 100_000;
    let text = format!("{}الثلاثاء 23 كانون الأول{}", "(".repeat(n), ")".repeat(n));
    assert_eq!(values(&text), ["2025-12-23"]);
    let text = "(".repeat(n) + &"[{«".repeat(n / 3) + &"﴾".repeat(n);
    assert!(values(&text).is_empty());
    let text = "(اليوم)".repeat(n / BIG);
    assert_eq!(values(&text).len(), n / BIG);
}

#[test]
fn every_unicode_dash_between_days() {
    // General category Pd, the minus signs, and the hyphen-minus.
    let dashes = [
        '-',
        '\u{058A}',
        '\u{05BE}',
        '\u{1400}',
        '\u{1806}',
        '\u{2010}',
        '\u{2011}',
        '\u{2012}',
        '\u{2013}',
        '\u{2014}',
        '\u{2015}',
        '\u{2E17}',
        '\u{2E1A}',
        '\u{2E3A}',
        '\u{2E3B}',
        '\u{2E40}',
        '\u{301C}',
        '\u{3030}',
        '\u{30A0}',
        '\u{FE31}',
        '\u{FE32}',
        '\u{FE58}',
        '\u{FE63}',
        '\u{FF0D}',
        '\u{2212}',
        '\u{10EAD}',
    ];
    for d in dashes {
        for text in [
            format!("23{d}24 كانون الأول 2025"),
            format!("23 {d} 24 كانون الأول 2025"),
            format!("{d}{d}{d}"),
        ] {
            let got = values(&text);
            // The dashes the normalizer folds make a range; the others must not break anything.
            if matches!(
                d,
                '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
            ) && text.starts_with("23")
            {
                assert_eq!(got, ["2025-12-23/2025-12-24"], "{text:?}");
            }
        }
    }
}

/// Every space character (a line feed is not among them: it ends a clause).
#[test]
fn every_unicode_space_between_words() {
    let spaces = [
        ' ', '\t', '\r', '\u{000B}', '\u{000C}', '\u{0085}', '\u{00A0}', '\u{1680}', '\u{2000}',
        '\u{2001}', '\u{2002}', '\u{2003}', '\u{2004}', '\u{2005}', '\u{2006}', '\u{2007}',
        '\u{2008}', '\u{2009}', '\u{200A}', '\u{2028}', '\u{2029}', '\u{202F}', '\u{205F}',
        '\u{3000}',
    ];
    for s in spaces {
        let text = format!("زار{s}موسكو{s}في{s}23{s}كانون{s}الأول{s}2025{s}{s}{s}");
        assert_eq!(values(&text), ["2025-12-23"], "U+{:04X}", s as u32);
        let m = parse(&format!("{s}23{s}كانون{s}الأول{s}2025{s}")).unwrap();
        assert_eq!(m.value.to_string(), "2025-12-23", "U+{:04X}", s as u32);
    }
}

/// The zero digit of every decimal digit system in Unicode 15 (general category Nd).
const ZEROS: &[u32] = &[
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x11F50, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E950,
    0x1FBF0,
];

#[test]
fn every_digit_system() {
    for &zero in ZEROS {
        let digit = |d: u32| char::from_u32(zero + d).unwrap();
        let num = |s: &str| {
            s.chars()
                .map(|c| digit(c.to_digit(10).unwrap()))
                .collect::<String>()
        };
        let text = format!("في {} كانون الأول {}", num("23"), num("2025"));
        let got = values(&text);
        // ASCII, Arabic-Indic, Persian and fullwidth digits are read; others are left alone.
        if [0x30, 0x660, 0x6F0, 0xFF10].contains(&zero) {
            assert_eq!(got, ["2025-12-23"], "U+{zero:04X}");
        } else {
            assert!(
                got.iter().all(|v| v.starts_with("2025-12")),
                "U+{zero:04X}: {got:?}"
            );
        }
        let _ = parse(&format!("{}/{}/{}", num("23"), num("12"), num("2025")));
    }
}

#[test]
fn lone_diacritics_and_tatweel_runs() {
    let marks: String = ('\u{064B}'..='\u{065F}')
        .chain(['\u{0670}', '\u{0640}'])
        .collect();
    for text in [
        marks.clone(),
        marks.repeat(10_000),
        "\u{0640}".repeat(100_000),
        format!("{marks} 23 {marks}كانون الأول 2025{marks}"),
        format!("شـــــــــباط{}", "\u{0651}".repeat(1000)),
        "\u{064E}أمس".to_string(),
        "أمس\u{064E}\u{064E}\u{064E}".to_string(),
    ] {
        let ms = extract_checked(&text, &anchor(), Policy::News);
        for m in &ms {
            // A span never starts on a dropped mark.
            assert!(!m.text.starts_with(|c| marks.contains(c)), "{:?}", m.text);
        }
    }
    let text = "أمسُ";
    let ms = extract_checked(text, &anchor(), Policy::News);
    assert_eq!(ms[0].text, "أمسُ", "trailing marks belong to the word");
    let text = format!("{}23 كانون الأول 2025", "\u{064E}".repeat(5));
    assert_eq!(values(&text), ["2025-12-23"]);
}

#[test]
fn mixed_scripts_and_emoji() {
    let text = "Meeting 😀 on الثلاثاء 23 كانون الأول 2025 👨‍👩‍👧 שלום 23 عالم 🇸🇾 أمس Ωmega ١٢:٣٠";
    let ms = extract_checked(text, &anchor(), Policy::News);
    let got: Vec<_> = ms.iter().map(|m| m.text.as_str()).collect();
    assert!(got.contains(&"الثلاثاء 23 كانون الأول 2025"), "{got:?}");
    assert!(got.contains(&"أمس"), "{got:?}");
    // Char offsets count scalar values, as Python does: the emoji before the date count once each.
    let m = &ms[0];
    assert_eq!(m.char_span.start, text[..m.span.start].chars().count());
}

#[test]
fn bidi_marks_inside_numbers() {
    for mark in [
        '\u{200E}', '\u{200F}', '\u{061C}', '\u{202A}', '\u{202C}', '\u{2066}', '\u{2069}',
    ] {
        let text = format!("في ٢{mark}٣ كانون الأول ٢٠{mark}٢٥");
        let ms = extract_checked(&text, &anchor(), Policy::News);
        assert_eq!(ms.len(), 1, "U+{:04X}", mark as u32);
        assert_eq!(ms[0].value.to_string(), "2025-12-23");
        assert!(ms[0].text.starts_with('٢') && ms[0].text.ends_with('٥'));
        let text = format!("{mark}23{mark}/{mark}12{mark}/{mark}2025{mark}");
        assert_eq!(parse(&text).unwrap().value.to_string(), "2025-12-23");
    }
}

#[test]
fn extreme_years() {
    assert_eq!(values("عام 9999"), ["9999"]);
    // After a month, 9999 may or may not be read as a year; never as another one.
    if let Ok(m) = parse("1 كانون الثاني 9999") {
        assert_eq!(m.value.to_string(), "9999-01-01");
    }
    // Year 0 and years past chrono's reach are not read as years; nothing overflows.
    for text in [
        "عام 0",
        "سنة 0000",
        "عام 99999999999",
        "1 كانون الثاني 99999999999",
        "1/1/99999999999",
        "31/12/0",
        "عام 4294967295",
        "منذ 99999999999 عام",
        "بعد 99999999999 يوما",
        "قبل 4294967296 أسبوعا",
    ] {
        for m in extract_checked(text, &anchor(), Policy::News) {
            if let Value::Point(p) = m.value {
                assert!(p.days().is_some(), "{text:?}: {}", m.value);
            }
        }
        if let Ok(m) = parse(text) {
            assert!(
                m.value.first_day().is_some() || !m.value.is_dated(),
                "{text:?}"
            );
        }
    }
    let err = parse("منذ 999999999 عام").unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::OutOfRange);
    // A number too long for 32 bits is not read as a smaller one.
    assert_eq!(
        parse("خلال 999999999 ساعة").unwrap().value.to_string(),
        "PT999999999H"
    );
    for text in [
        "خلال 99999999999 ساعة",
        "منذ 4294967296 يوما",
        "عام 99999999999",
    ] {
        assert!(values(text).is_empty(), "{text}");
    }
}

#[test]
fn days_zero_and_thirty_two() {
    for (text, day) in [
        ("0 آذار 2025", 0),
        ("32 آذار 2025", 32),
        ("32 من آذار 2025", 32),
        ("00 آذار 2025", 0),
    ] {
        let err = parse(text).unwrap_err();
        assert_eq!(
            err.kind(),
            &ErrorKind::InvalidDate {
                day,
                month: "آذار".to_string(),
                year: Some(2025)
            },
            "{text}"
        );
        assert_eq!(err.span(), 0..text.len());
        // extract skips it: no "آذار 2025" read out of a broken date.
        assert!(
            values(&format!("وقع ذلك في {text} كما قيل")).is_empty(),
            "{text}"
        );
    }
    assert!(parse("0/3/2025").is_err());
    assert!(parse("32/3/2025").is_err());
}

#[test]
fn february_the_thirty_first() {
    let err = parse("31 شباط 2025").unwrap_err();
    assert_eq!(
        err.to_string(),
        "day 31 does not exist in شباط 2025, in \"31 شباط 2025\" at bytes 0..16"
    );
    assert!(err.is_invalid_date());
    let err = parse("31 شباط").unwrap_err();
    assert_eq!(
        err.to_string(),
        "day 31 does not exist in شباط, in \"31 شباط\" at bytes 0..11"
    );
    // In running text the broken date is skipped and the others are kept.
    let text = "وقع في 31 شباط 2025، ثم في الأول من آذار 2025، ثم 30 فبراير، ثم أمس";
    let got = values(text);
    assert_eq!(got, ["2025-03-01", "2025-12-23"]);
    let all = Extractor::new().extract_all(text, &anchor());
    let errs: Vec<_> = all.iter().filter_map(|r| r.as_ref().err()).collect();
    assert_eq!(errs.len(), 2);
    assert_eq!(&text[errs[0].span()], "31 شباط 2025");
    assert_eq!(&text[errs[1].span()], "30 فبراير");
}

#[test]
fn february_the_twenty_ninth() {
    assert_eq!(
        parse("29 شباط 2024").unwrap().value.to_string(),
        "2024-02-29"
    );
    assert_eq!(
        parse("29 فبراير 2000").unwrap().value.to_string(),
        "2000-02-29"
    );
    for text in ["29 شباط 2025", "29 فبراير 1900", "29/2/2023"] {
        let err = parse(text).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::InvalidDate { day: 29, .. }),
            "{text}: {err}"
        );
    }
    // Without a year, the nearest leap year's 29 February.
    assert_eq!(parse("29 شباط").unwrap().value.to_string(), "2024-02-29");
    let a = Anchor::from_ymd(2027, 6, 1).unwrap();
    let m = Extractor::new().parse("29 شباط", &a).unwrap();
    assert_eq!(m.value.to_string(), "2028-02-29");
}

#[test]
fn weekday_contradictions_are_flagged() {
    let m = parse("الأحد 23 كانون الأول 2025").unwrap();
    assert_eq!(m.value.to_string(), "2025-12-23");
    assert_eq!(
        m.flags,
        [Flag::WeekdayMismatch {
            said: Weekday::Sun,
            actual: Weekday::Tue
        }]
    );
    let m = parse("الثلاثاء 23 كانون الأول 2025").unwrap();
    assert!(m.flags.is_empty());
    let m = parse("الجمعة 29 شباط 2024").unwrap();
    assert_eq!(
        m.flags,
        [Flag::WeekdayMismatch {
            said: Weekday::Fri,
            actual: Weekday::Thu
        }]
    );
}

/// Every phrase of the test data, against anchors at chrono's first and last days and near
/// them, under every policy: no panic, and every point lies on chrono's calendar.
#[test]
fn anchors_at_chronos_limits() {
    let mut texts: Vec<String> = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/duckling-ar-time.jsonl"
    ))
    .unwrap()
    .lines()
    .filter(|l| !l.trim().is_empty())
    .map(|l| {
        serde_json::from_str::<serde_json::Value>(l).unwrap()["text"]
            .as_str()
            .unwrap()
            .to_string()
    })
    .collect();
    texts.push(
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/data/seed-sy-ru-moscow.txt"
        ))
        .unwrap(),
    );
    texts.extend(
        [
            "غدا",
            "أمس",
            "بعد غد",
            "الأسبوع المقبل",
            "الشهر الماضي",
            "العام المقبل",
            "القرن المقبل",
            "العقد الماضي",
            "الخميس",
            "الجمعة المقبلة",
            "1 محرم",
            "عيد الفطر",
            "رمضان المقبل",
            "الساعة 23:59",
            "الساعة 24",
            "بعد 3 ساعات",
            "قبل 5 سنوات",
            "منتصف الشهر المقبل",
            "نهاية العام",
            "الربع الأول",
            "صيف العام المقبل",
            "من أمس حتى الغد",
        ]
        .map(String::from),
    );
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let anchors = [
        Anchor::new(NaiveDate::MIN),
        Anchor::new(NaiveDate::MAX),
        Anchor::new(NaiveDate::MIN.succ_opt().unwrap()),
        Anchor::new(NaiveDate::MAX.pred_opt().unwrap()),
        Anchor::at(NaiveDate::MAX.and_hms_opt(23, 59, 59).unwrap()),
        Anchor::at(NaiveDate::MIN.and_hms_opt(0, 0, 0).unwrap()),
        Anchor::new(day(0, 1, 1)),
        Anchor::new(day(-1, 12, 31)),
        Anchor::new(day(622, 7, 19)),
        Anchor::new(day(9999, 12, 31)),
    ];
    for a in &anchors {
        for policy in [Policy::News, Policy::Future, Policy::Past] {
            for text in &texts {
                for m in extract_checked(text, a, policy) {
                    if let Value::Point(p) = m.value {
                        assert!(p.days().is_some(), "{text:?} at {a}: {}", m.value);
                    }
                }
                if let Ok(m) = Extractor::new().policy(policy).parse(text, a)
                    && let Value::Point(p) = m.value
                {
                    assert!(
                        p.days().is_some() && p.instants().is_some(),
                        "{text:?} at {a}"
                    );
                }
            }
        }
    }
    // At the last day, tomorrow is out of range, and says so.
    let err = Extractor::new()
        .parse("غدا", &Anchor::new(NaiveDate::MAX))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the date is outside the supported range, in \"غدا\" at bytes 0..6"
    );
}
