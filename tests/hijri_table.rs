//! Checks the Umm al-Qura conversion against every month of the published table
//! (tests/data/hijri-ummalqura-month-starts.csv, see tests/data/NOTICE-hijri.md), and
//! round-trip properties of both rule sets.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use tarikh::hijri::{self, HijriDate, Rules, Used};

struct TableRow {
    year: i32,
    month: u8,
    length: u8,
    first: NaiveDate,
}

fn load_table() -> Vec<TableRow> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/hijri-ummalqura-month-starts.csv"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("hijri_year,hijri_month,month_length,gregorian_first_day")
    );
    lines
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.trim().split(',').collect();
            assert_eq!(fields.len(), 4, "{line}");
            TableRow {
                year: fields[0].parse().unwrap(),
                month: fields[1].parse().unwrap(),
                length: fields[2].parse().unwrap(),
                first: NaiveDate::parse_from_str(fields[3], "%Y-%m-%d").unwrap(),
            }
        })
        .collect()
}

#[test]
fn every_umm_al_qura_month_matches_the_table() {
    let table = load_table();
    assert_eq!(table.len(), 1896);
    let mut checked = 0;
    for m in &table {
        let what = format!("{}-{:02}", m.year, m.month);
        // Month start and length.
        assert_eq!(
            hijri::month_start(m.year, m.month, Rules::UmmAlQura),
            Ok((m.first, m.length, Used::UmmAlQura)),
            "{what}"
        );
        // First day, both ways.
        let first = HijriDate::new(m.year, m.month, 1).unwrap();
        assert_eq!(
            hijri::to_gregorian(first, Rules::UmmAlQura),
            Ok((m.first, Used::UmmAlQura)),
            "{what}"
        );
        assert_eq!(
            hijri::from_gregorian(m.first, Rules::UmmAlQura),
            Ok((first, Used::UmmAlQura)),
            "{what}"
        );
        // Last day, both ways.
        let last_day = m.first + Days::new(u64::from(m.length) - 1);
        let last = HijriDate::new(m.year, m.month, m.length).unwrap();
        assert_eq!(
            hijri::to_gregorian(last, Rules::UmmAlQura),
            Ok((last_day, Used::UmmAlQura)),
            "{what}"
        );
        assert_eq!(
            hijri::from_gregorian(last_day, Rules::UmmAlQura),
            Ok((last, Used::UmmAlQura)),
            "{what}"
        );
        // The day after the last does not exist.
        let past = HijriDate {
            day: m.length + 1,
            ..last
        };
        assert!(
            hijri::to_gregorian(past, Rules::UmmAlQura).is_err(),
            "{what}"
        );
        checked += 1;
    }
    // Months are contiguous.
    for pair in table.windows(2) {
        assert_eq!(
            pair[0].first + Days::new(u64::from(pair[0].length)),
            pair[1].first
        );
    }
    println!("checked {checked} Umm al-Qura months against the published table");
    assert_eq!(checked, 1896);
}

fn tabular_date() -> impl Strategy<Value = HijriDate> {
    (1..=1600i32, 1..=12u8, 1..=30u8).prop_filter_map("day exists", |(year, month, day)| {
        let (_, length, _) = hijri::month_start(year, month, Rules::Tabular).ok()?;
        (day <= length).then_some(HijriDate { year, month, day })
    })
}

fn umm_al_qura_date() -> impl Strategy<Value = HijriDate> {
    (1343..=1500i32, 1..=12u8, 1..=31u8).prop_filter_map("day exists", |(year, month, day)| {
        let (_, length, _) = hijri::month_start(year, month, Rules::UmmAlQura).ok()?;
        (day <= length).then_some(HijriDate { year, month, day })
    })
}

fn gregorian_in(first: NaiveDate, last: NaiveDate) -> impl Strategy<Value = NaiveDate> {
    let span = (last - first).num_days();
    (0..=span).prop_map(move |offset| first + chrono::Duration::days(offset))
}

fn tabular_span() -> (NaiveDate, NaiveDate) {
    let first = hijri::month_start(1, 1, Rules::Tabular).unwrap().0;
    let (start, length, _) = hijri::month_start(1600, 12, Rules::Tabular).unwrap();
    (first, start + Days::new(u64::from(length) - 1))
}

fn umm_al_qura_span() -> (NaiveDate, NaiveDate) {
    let first = hijri::month_start(1343, 1, Rules::UmmAlQura).unwrap().0;
    let (start, length, _) = hijri::month_start(1500, 12, Rules::UmmAlQura).unwrap();
    (first, start + Days::new(u64::from(length) - 1))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn tabular_hijri_round_trip(date in tabular_date()) {
        let (gregorian, used) = hijri::to_gregorian(date, Rules::Tabular).unwrap();
        prop_assert_eq!(used, Used::Tabular);
        prop_assert_eq!(hijri::from_gregorian(gregorian, Rules::Tabular), Ok((date, Used::Tabular)));
    }

    #[test]
    fn tabular_gregorian_round_trip(
        gregorian in gregorian_in(tabular_span().0, tabular_span().1)
    ) {
        let (date, used) = hijri::from_gregorian(gregorian, Rules::Tabular).unwrap();
        prop_assert_eq!(used, Used::Tabular);
        prop_assert!((1..=1600).contains(&date.year));
        prop_assert_eq!(hijri::to_gregorian(date, Rules::Tabular), Ok((gregorian, Used::Tabular)));
    }

    #[test]
    fn umm_al_qura_hijri_round_trip(date in umm_al_qura_date()) {
        let (gregorian, used) = hijri::to_gregorian(date, Rules::UmmAlQura).unwrap();
        prop_assert_eq!(used, Used::UmmAlQura);
        prop_assert_eq!(
            hijri::from_gregorian(gregorian, Rules::UmmAlQura),
            Ok((date, Used::UmmAlQura))
        );
    }

    #[test]
    fn umm_al_qura_gregorian_round_trip(
        gregorian in gregorian_in(umm_al_qura_span().0, umm_al_qura_span().1)
    ) {
        let (date, used) = hijri::from_gregorian(gregorian, Rules::UmmAlQura).unwrap();
        prop_assert_eq!(used, Used::UmmAlQura);
        prop_assert!((1343..=1500).contains(&date.year));
        prop_assert_eq!(
            hijri::to_gregorian(date, Rules::UmmAlQura),
            Ok((gregorian, Used::UmmAlQura))
        );
    }

    #[test]
    fn next_day_is_next_hijri_day(date in umm_al_qura_date(), rules in prop_oneof![Just(Rules::UmmAlQura), Just(Rules::Tabular)]) {
        // Consecutive Gregorian days give consecutive Hijri days (or the first of the next month).
        if let Ok((gregorian, _)) = hijri::to_gregorian(date, rules) {
            let next = gregorian.succ_opt().unwrap();
            let (h, _) = hijri::from_gregorian(next, rules).unwrap();
            let expected_same_month = HijriDate { day: date.day + 1, ..date };
            let expected_next_month = if date.month == 12 {
                HijriDate { year: date.year + 1, month: 1, day: 1 }
            } else {
                HijriDate { month: date.month + 1, day: 1, ..date }
            };
            prop_assert!(h == expected_same_month || h == expected_next_month, "{} -> {}", date, h);
        }
    }

    #[test]
    fn never_panics(year in any::<i32>(), month in any::<u8>(), day in any::<u8>(), days in any::<i32>()) {
        let date = HijriDate { year, month, day };
        let _ = HijriDate::new(year, month, day);
        let _ = hijri::month_name(month);
        for rules in [Rules::UmmAlQura, Rules::Tabular] {
            let _ = hijri::to_gregorian(date, rules);
            let _ = hijri::month_start(year, month, rules);
            if let Some(g) = NaiveDate::from_num_days_from_ce_opt(days) {
                let _ = hijri::from_gregorian(g, rules);
            }
        }
    }
}
