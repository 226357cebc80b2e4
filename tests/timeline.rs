//! Timelines: the seed article without a reference date, hand-checked articles under
//! tests/data/timelines/ (one `.txt` and one `.json` each), and properties of the order.

use std::path::Path;

use proptest::prelude::*;
use tarikh::document::{DateSource, DocumentDate};
use tarikh::event::{DatedBy, Event};
use tarikh::timeline::compare;
use tarikh::{Anchor, Extractor, Timeline, TimelineBuilder, Value};

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// Builds a timeline as the command line does: the given date, else the inferred one.
fn timeline(text: &str, given: Option<Anchor>, fallback: Anchor) -> Timeline {
    let b = TimelineBuilder::new();
    match given {
        Some(a) => b.build(text, &DocumentDate::given(a)),
        None => b.build_inferred(text, fallback),
    }
}

fn dated(tl: &Timeline) -> Vec<(String, Option<String>)> {
    tl.dated()
        .map(|e| {
            (
                e.value.map(|v| v.to_string()).unwrap_or_default(),
                e.family().map(str::to_string),
            )
        })
        .collect()
}

/// Every dated event carries a value that a mention of the text gave, or the document's date.
fn check_dates_come_from_mentions(text: &str, tl: &Timeline) {
    let found = Extractor::new().extract(text, &tl.reference.anchor);
    for e in &tl.events {
        let Some(v) = e.value else {
            assert_eq!(e.dated_by, DatedBy::None);
            continue;
        };
        if e.dated_by == DatedBy::Document {
            assert_eq!(v.first_day(), Some(tl.reference.anchor.date()));
            continue;
        }
        assert!(!e.mentions.is_empty(), "{:?} has no mention", e.text);
        for m in &e.mentions {
            assert_eq!(m.value, v, "{:?}", e.text);
            assert!(found.iter().any(|f| f.span == m.span && f.value == v));
            assert_eq!(&text[m.span.clone()], m.text);
        }
    }
}

#[test]
fn seed_without_a_reference_date() {
    let text =
        read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/seed-sy-ru-moscow.txt"));
    // Far from the article's date: the year must come from the text.
    for fallback in [(2026, 11, 29), (2027, 6, 1), (2025, 3, 1)] {
        let fallback = Anchor::from_ymd(fallback.0, fallback.1, fallback.2).unwrap();
        let tl = timeline(&text, None, fallback);
        assert_eq!(tl.reference.anchor.to_string(), "2025-12-24");
        assert_eq!(tl.reference.source, DateSource::RelativeDay);
        let values: Vec<String> = dated(&tl).into_iter().map(|(v, _)| v).collect();
        let mut distinct = values.clone();
        distinct.dedup();
        assert_eq!(distinct, ["197", "2025-10-15", "2025-12-23", "2025-12-24"]);
        let families: Vec<Option<&str>> = tl.dated().map(Event::family).collect();
        assert!(families.contains(&Some("reception")));
        assert!(families.contains(&Some("meeting")));
        assert!(families.contains(&Some("conference")));
        // The fall of the former government is not dated to the 1970s it follows.
        assert!(
            tl.events
                .iter()
                .any(|e| e.family() == Some("fall") && e.value.is_none())
        );
        check_dates_come_from_mentions(&text, &tl);
    }
}

#[derive(serde::Deserialize)]
struct Case {
    #[serde(rename = "ref")]
    given: Option<String>,
    fallback: String,
    reference: String,
    basis: String,
    timeline: Vec<(String, Option<String>)>,
}

#[test]
fn hand_checked_articles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/timelines");
    let mut n = 0;
    let mut failures = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    for path in paths {
        let case: Case = serde_json::from_str(&read(&path)).unwrap();
        let text = read(&path.with_extension("txt"));
        let given = case.given.as_deref().map(|d| d.parse::<Anchor>().unwrap());
        let tl = timeline(&text, given, case.fallback.parse().unwrap());
        check_dates_come_from_mentions(&text, &tl);
        let got = (
            tl.reference.anchor.to_string(),
            tl.reference.source.as_str().to_string(),
            dated(&tl),
        );
        let want = (case.reference, case.basis, case.timeline);
        if got != want {
            failures.push(format!(
                "{}:\n  got  {got:?}\n  want {want:?}",
                path.display()
            ));
        }
        n += 1;
    }
    assert!(n >= 8, "only {n} articles");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn json_has_the_contract_fields() {
    let text = "وصل الوزير إلى دمشق يوم الاثنين 9 تموز 2012 في زيارة رسمية.";
    let tl = timeline(
        text,
        Some(Anchor::from_ymd(2012, 7, 10).unwrap()),
        Anchor::from_ymd(2012, 7, 10).unwrap(),
    );
    let j = serde_json::to_value(&tl.events).unwrap();
    let e = &j[0];
    for field in [
        "value", "start", "end", "grain", "trigger", "text", "span", "dated_by", "mentions",
    ] {
        assert!(e.get(field).is_some(), "{field}");
    }
    assert_eq!(e["value"], "2012-07-09");
    assert_eq!(e["start"], "2012-07-09");
    assert_eq!(e["grain"], "day");
    assert_eq!(e["trigger"], "وصل");
    assert_eq!(e["dated_by"], "explicit");
    let span = e["span"].as_array().unwrap();
    let (a, b) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[a..b], e["text"].as_str().unwrap());
}

const EVENTS: [&str; 6] = [
    "زار الوزير بيروت",
    "عقد المجلس اجتماعا",
    "وقعت الحكومة اتفاقية",
    "انطلق المهرجان",
    "وقع انفجار في المدينة",
    "أعلنت الوزارة نتائج الانتخابات",
];

fn sentence((ev, d, m, y): (usize, u32, usize, i32)) -> String {
    let ev = EVENTS[ev % EVENTS.len()];
    let month =
        tarikh::lexicon::month_name((m % 12) as u8 + 1, tarikh::MonthFamily::Syriac).unwrap();
    format!("{ev} في {d} {month} {y}.")
}

fn point_value(g: u8, y: i32, m: u32, d: u32) -> Value {
    use tarikh::Point;
    let day = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    match g % 5 {
        0 => Value::Point(Point::Day(day)),
        1 => Value::Point(Point::Month { year: y, month: m }),
        2 => Value::Point(Point::Year(y)),
        3 => Value::Point(Point::Decade(y / 10)),
        _ => Value::Range(
            Some(Point::Day(day)),
            Some(Point::Day(day + chrono::Days::new(u64::from(d)))),
        ),
    }
}

fn event_with(v: Value) -> Event {
    Event {
        trigger: None,
        triggers: Vec::new(),
        span: 0..0,
        text: String::new(),
        sentence: 0,
        value: Some(v),
        dated_by: DatedBy::Explicit,
        mentions: Vec::new(),
        repeats: Vec::new(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The order is a total order, and consistent with time: what ends before another starts
    /// comes first; what starts earlier comes first.
    #[test]
    fn order_is_total_and_follows_time(
        xs in proptest::collection::vec((0u8..5, 1900i32..2100, 1u32..13, 1u32..29), 3..12)
    ) {
        let evs: Vec<Event> = xs.iter().map(|&(g, y, m, d)| event_with(point_value(g, y, m, d))).collect();
        for a in &evs {
            prop_assert_eq!(compare(a, a), std::cmp::Ordering::Equal);
            for b in &evs {
                prop_assert_eq!(compare(a, b), compare(b, a).reverse());
                let (va, vb) = (a.value.unwrap(), b.value.unwrap());
                if va.first_instant() < vb.first_instant() {
                    prop_assert_eq!(compare(a, b), std::cmp::Ordering::Less);
                }
                for c in &evs {
                    if compare(a, b).is_le() && compare(b, c).is_le() {
                        prop_assert!(compare(a, c).is_le());
                    }
                }
            }
        }
    }

    /// With only absolute dates, the order of the sentences does not change the timeline, and
    /// no event carries a date that no mention gave.
    #[test]
    fn shuffled_sentences_same_timeline(
        parts in proptest::collection::vec((0usize..6, 1u32..29, 0usize..12, 1950i32..2030), 1..7),
        seed in any::<u64>(),
    ) {
        let doc = DocumentDate::given(Anchor::from_ymd(2025, 12, 24).unwrap());
        let text: String = parts.iter().map(|&p| sentence(p)).collect::<Vec<_>>().join(" ");
        let mut shuffled = parts.clone();
        // A Fisher–Yates shuffle driven by the seed.
        let mut s = seed;
        for i in (1..shuffled.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let j = (s >> 33) as usize % (i + 1);
            shuffled.swap(i, j);
        }
        let text2: String = shuffled.iter().map(|&p| sentence(p)).collect::<Vec<_>>().join(" ");
        let a = TimelineBuilder::new().build(&text, &doc);
        let b = TimelineBuilder::new().build(&text2, &doc);
        let values = |t: &Timeline| t.dated().map(|e| e.value.unwrap().to_string()).collect::<Vec<_>>();
        prop_assert_eq!(values(&a), values(&b));
        let mut fa = dated(&a);
        let mut fb = dated(&b);
        fa.sort();
        fb.sort();
        prop_assert_eq!(fa, fb);
        check_dates_come_from_mentions(&text, &a);
        check_dates_come_from_mentions(&text2, &b);
    }

    /// Any text: no panic, and every date comes from a mention.
    #[test]
    fn any_text_any_date(text in "[ ،.؟\n\"«»0-9٠-٩a-zاأبتثجحخدذرزسشصضطظعغفقكلمنهويةىء]{0,200}") {
        let tl = TimelineBuilder::new().build_inferred(&text, Anchor::from_ymd(2025, 12, 24).unwrap());
        check_dates_come_from_mentions(&text, &tl);
        let _ = tl.render(tarikh::timeline::DateStyle::Iso, 40);
    }
}
