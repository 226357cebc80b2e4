//! The seed article (examples/data/seed-sy-ru-moscow.txt): every date a reader sees, and no other.

use tarikh::{Anchor, Extractor, MentionType, Value};

fn seed() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/seed-sy-ru-moscow.txt"
    ))
    .unwrap()
}

fn concrete(text: &str, anchor: &Anchor) -> Vec<(String, String)> {
    Extractor::new()
        .extract(text, anchor)
        .into_iter()
        .filter(|m| !matches!(m.value, Value::Vague(_)))
        .map(|m| {
            assert_eq!(&text[m.span.clone()], m.text, "span and text agree");
            (m.text, m.value.to_string())
        })
        .collect()
}

#[test]
fn seed_dates_with_anchor_of_publication() {
    let text = seed();
    let anchor = Anchor::from_ymd(2025, 12, 24).unwrap();
    let got = concrete(&text, &anchor);
    let want = [
        ("الثلاثاء 23 كانون الأول", "2025-12-23"),
        ("اليوم", "2025-12-24"),
        ("الأربعاء 24 من كانون الأول", "2025-12-24"),
        ("اليوم", "2025-12-24"),
        ("15 من تشرين الأول الماضي", "2025-10-15"),
        ("سبعينيات القرن الماضي", "197"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn seed_december_dates_stay_in_2025_after_new_year() {
    let text = seed();
    let anchor = Anchor::from_ymd(2026, 1, 5).unwrap();
    let got = concrete(&text, &anchor);
    let value_of = |t: &str| got.iter().find(|(x, _)| x == t).map(|(_, v)| v.clone());
    assert_eq!(
        value_of("الثلاثاء 23 كانون الأول").as_deref(),
        Some("2025-12-23")
    );
    assert_eq!(
        value_of("الأربعاء 24 من كانون الأول").as_deref(),
        Some("2025-12-24")
    );
    assert_eq!(
        value_of("15 من تشرين الأول الماضي").as_deref(),
        Some("2025-10-15")
    );
}

#[test]
fn seed_vague_mentions_are_dates_without_a_day() {
    let text = seed();
    let anchor = Anchor::from_ymd(2025, 12, 24).unwrap();
    for m in Extractor::new().extract(&text, &anchor) {
        if let Value::Vague(_) = m.value {
            assert_eq!(m.kind, MentionType::Date);
            assert!(m.value.first_day().is_none());
        }
    }
}
