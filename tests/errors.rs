//! Every kind of `Error` a caller can meet, its span, its text and its exact message.
//!
//! `ErrorKind::Unsupported` is not here: no input reaches it through the grammar today (it
//! guards ranges between values that are not points, and empty date records).

use chrono::NaiveDate;
use tarikh::{Anchor, Error, ErrorKind, Extractor};

fn parse(input: &str) -> Error {
    let anchor = Anchor::from_ymd(2025, 12, 24).unwrap();
    Extractor::new().parse(input, &anchor).unwrap_err()
}

#[test]
fn no_expression() {
    let e = parse("مرحبا بالعالم");
    assert_eq!(e.kind(), &ErrorKind::NoExpression);
    assert_eq!((e.span(), e.text()), (0..25, "مرحبا بالعالم"));
    assert!(!e.is_invalid_date());
    assert_eq!(
        e.to_string(),
        "no date or time expression found, in \"مرحبا بالعالم\" at bytes 0..25"
    );
    assert_eq!(parse("").to_string(), "no date or time expression found");
}

#[test]
fn not_whole() {
    let e = parse("زار الوزير موسكو أمس");
    assert_eq!(e.kind(), &ErrorKind::NotWhole { found: 1 });
    assert_eq!(
        e.to_string(),
        "the input is not one whole date expression (1 expression and other text found), \
         in \"زار الوزير موسكو أمس\" at bytes 0..37"
    );
    let e = parse("أمس ثم غدا ثم الخميس");
    assert_eq!(e.kind(), &ErrorKind::NotWhole { found: 3 });
    assert!(e.to_string().starts_with(
        "the input is not one whole date expression (3 expressions and other text found)"
    ));
}

#[test]
fn invalid_date() {
    let e = parse("31 شباط 2025");
    assert_eq!(
        e.kind(),
        &ErrorKind::InvalidDate {
            day: 31,
            month: "شباط".to_string(),
            year: Some(2025)
        }
    );
    assert!(e.is_invalid_date());
    assert_eq!(
        e.to_string(),
        "day 31 does not exist in شباط 2025, in \"31 شباط 2025\" at bytes 0..16"
    );
    // The month keeps the family it was written in; without a year none is named.
    assert_eq!(
        parse("31 نيسان").to_string(),
        "day 31 does not exist in نيسان, in \"31 نيسان\" at bytes 0..13"
    );
    assert_eq!(
        parse("في 30 فبراير").to_string(),
        "day 30 does not exist in فبراير, in \"30 فبراير\" at bytes 5..20"
    );
    assert_eq!(
        parse("31/4/2025").to_string(),
        "day 31 does not exist in month 4 2025, in \"31/4/2025\" at bytes 0..9"
    );
    assert_eq!(
        parse("32 آذار 2025").to_string(),
        "day 32 does not exist in آذار 2025, in \"32 آذار 2025\" at bytes 0..16"
    );
    // Hijri months by the Umm al-Qura table: Ramadan 1446 had 29 days.
    assert_eq!(
        parse("30 رمضان 1446").to_string(),
        "day 30 does not exist in رمضان 1446, in \"30 رمضان 1446\" at bytes 0..18"
    );
}

#[test]
fn invalid_time() {
    let e = parse("الساعة 25");
    assert_eq!(
        e.kind(),
        &ErrorKind::InvalidTime {
            hour: 25,
            minute: 0
        }
    );
    assert!(e.is_invalid_date());
    assert_eq!(
        e.to_string(),
        "25:00 is not a time of day, in \"الساعة 25\" at bytes 0..15"
    );
    assert_eq!(
        parse("الساعة 10:75").to_string(),
        "10:75 is not a time of day, in \"الساعة 10:75\" at bytes 0..18"
    );
}

#[test]
fn out_of_range() {
    let last = Anchor::new(NaiveDate::MAX);
    let e = Extractor::new().parse("بعد غد", &last).unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::OutOfRange);
    assert!(e.is_invalid_date());
    assert_eq!(
        e.to_string(),
        "the date is outside the supported range, in \"بعد غد\" at bytes 0..11"
    );
    assert_eq!(
        parse("منذ 300000 عام").to_string(),
        "the date is outside the supported range, in \"منذ 300000 عام\" at bytes 0..20"
    );
}

#[test]
fn invalid_reference() {
    for given in [
        "24/12/2025",
        "2025-13-01",
        "2025-02-30",
        "",
        "tomorrow",
        "2025-12-24T25:00",
    ] {
        let e = given.parse::<Anchor>().unwrap_err();
        assert_eq!(
            e.kind(),
            &ErrorKind::InvalidReference {
                given: given.to_string()
            }
        );
        assert_eq!(
            e.to_string(),
            format!(
                "cannot read the reference date {given:?}: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM"
            )
        );
    }
}

/// Errors from `extract_all` carry the span of the broken expression inside the whole text.
#[test]
fn spans_point_into_running_text() {
    let text = "قال الوزير إن الاجتماع عقد في 31 شباط 2025 في دمشق";
    let anchor = Anchor::from_ymd(2025, 12, 24).unwrap();
    let all = Extractor::new().extract_all(text, &anchor);
    let e = all.iter().find_map(|r| r.as_ref().err()).unwrap();
    assert_eq!(&text[e.span()], "31 شباط 2025");
    assert_eq!(e.text(), "31 شباط 2025");
    assert_eq!(
        e.to_string(),
        "day 31 does not exist in شباط 2025, in \"31 شباط 2025\" at bytes 54..70"
    );
    // Errors are plain values: cloned, compared, sent across threads, boxed.
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(e.clone());
    assert_eq!(boxed.to_string(), e.to_string());
}
