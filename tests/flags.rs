//! Flags a reader relies on: weekdays and dual dates that contradict each other are reported,
//! not hidden; consistent ones raise nothing.

use tarikh::{Anchor, Extractor, Flag};

fn flags(text: &str) -> Vec<(String, Vec<Flag>)> {
    let anchor = Anchor::from_ymd(2025, 12, 24).unwrap();
    Extractor::new()
        .extract(text, &anchor)
        .into_iter()
        .map(|m| (m.text, m.flags))
        .collect()
}

#[test]
fn weekday_contradicting_a_full_date_is_flagged() {
    let got = flags("الأحد 23 كانون الأول 2025");
    assert_eq!(
        got[0].1,
        vec![Flag::WeekdayMismatch {
            said: chrono::Weekday::Sun,
            actual: chrono::Weekday::Tue
        }]
    );
    assert!(flags("الثلاثاء 23 كانون الأول 2025")[0].1.is_empty());
}

#[test]
fn weekday_contradicting_a_relative_day_is_flagged() {
    // 2025-12-23 is a Tuesday.
    assert!(flags("أمس الثلاثاء")[0].1.is_empty());
    assert!(matches!(
        flags("أمس الخميس")[0].1[..],
        [Flag::WeekdayMismatch { .. }]
    ));
}

#[test]
fn dual_dates_must_agree() {
    let ok = flags("السبت 1 رمضان 1446هـ الموافق 1 آذار 2025");
    assert_eq!(ok.len(), 2);
    assert!(
        ok.iter().all(|(_, f)| !f.contains(&Flag::CalendarMismatch)),
        "{ok:?}"
    );
    let bad = flags("1 رمضان 1446هـ الموافق 2 آذار 2025");
    assert_eq!(bad.len(), 2);
    assert!(
        bad.iter().all(|(_, f)| f.contains(&Flag::CalendarMismatch)),
        "{bad:?}"
    );
}

#[test]
fn a_hijri_mention_keeps_what_was_written() {
    let anchor = Anchor::from_ymd(2025, 12, 24).unwrap();
    let m = &Extractor::new().extract("في 1 رمضان 1446هـ", &anchor)[0];
    let tarikh::Expr::Date(d) = &m.expr else {
        panic!("{:?}", m.expr)
    };
    assert_eq!(d.calendar, Some(tarikh::Calendar::Hijri));
    assert_eq!(
        (d.day, d.year),
        (Some(1), Some(tarikh::YearSaid::Number(1446)))
    );
    assert_eq!(m.value.to_string(), "2025-03-01");
}

#[test]
fn a_future_cue_is_reported() {
    let got = flags("سيعقد المؤتمر في 20 كانون الأول");
    assert_eq!(got[0].0, "20 كانون الأول");
    assert!(got[0].1.contains(&Flag::FutureCue));
}

#[test]
fn hijri_values_say_which_rules_made_them() {
    use tarikh::hijri::Used;
    let got = flags("1 رمضان 1446هـ و1 رمضان 1200هـ و1 آذار 2025");
    assert_eq!(
        got[0].1,
        vec![Flag::HijriRules {
            used: Used::UmmAlQura
        }]
    );
    assert_eq!(
        got[1].1,
        vec![Flag::HijriRules {
            used: Used::Tabular
        }]
    );
    assert!(got[2].1.is_empty());
}
