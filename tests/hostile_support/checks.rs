//! The checks behind the fuzz targets (fuzz/fuzz_targets/*.rs), shared with the test that
//! replays fuzz/regressions/: each takes the fuzzer's raw bytes and panics on a broken
//! invariant.
#![allow(
    dead_code,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used
)]

use chrono::{NaiveDate, TimeDelta, Weekday};
use tarikh::hijri::{self, HijriDate, Rules};
use tarikh::normalize::Normalized;
use tarikh::{Anchor, Extractor, Policy, Value};

/// Splits the input into (anchor, policy, text). The first byte picks the anchor's kind (a
/// date near today, a date anywhere chrono can represent, or one of chrono's limits), the next
/// four its day number; the rest, as UTF-8 (lossy), is the text.
pub fn split(data: &[u8]) -> (Anchor, Policy, String) {
    let (anchor, x, text) = split_extractor(data);
    (anchor, x.get_policy(), text)
}

/// Like [`split`], with an extractor whose policy, week start and Hijri rules come from the
/// first byte.
pub fn split_extractor(data: &[u8]) -> (Anchor, Extractor, String) {
    let (head, rest) = data.split_at(data.len().min(5));
    let mut h = [0u8; 5];
    h[..head.len()].copy_from_slice(head);
    let n = i32::from_le_bytes([h[1], h[2], h[3], h[4]]);
    let near = NaiveDate::from_ymd_opt(2025, 12, 24).unwrap_or(NaiveDate::MIN);
    let date = match h[0] % 8 {
        0..=3 => near
            .checked_add_signed(TimeDelta::days(i64::from(n % 40_000)))
            .unwrap_or(near),
        4 => NaiveDate::MIN
            .checked_add_signed(TimeDelta::days(i64::from(n.rem_euclid(800))))
            .unwrap_or(NaiveDate::MIN),
        5 => NaiveDate::MAX
            .checked_sub_signed(TimeDelta::days(i64::from(n.rem_euclid(800))))
            .unwrap_or(NaiveDate::MAX),
        _ => NaiveDate::from_num_days_from_ce_opt(n).unwrap_or(near),
    };
    let policy = match (h[0] >> 3) % 3 {
        0 => Policy::News,
        1 => Policy::Future,
        _ => Policy::Past,
    };
    let rules = if h[0] & 0x20 == 0 {
        Rules::UmmAlQura
    } else {
        Rules::Tabular
    };
    let week_start =
        [Weekday::Mon, Weekday::Sat, Weekday::Sun, Weekday::Fri][usize::from(h[0] >> 6)];
    let x = Extractor::new()
        .policy(policy)
        .hijri_rules(rules)
        .week_start(week_start);
    (
        Anchor::new(date),
        x,
        String::from_utf8_lossy(rest).into_owned(),
    )
}

/// `Extractor::extract_all`: no panic; spans on char boundaries, in order, agreeing with the
/// mention's text and char span; values print and their first day is not after their last.
pub fn extract(data: &[u8]) {
    let (anchor, x, text) = split_extractor(data);
    let all = x.extract_all(&text, &anchor);
    for r in &all {
        let (span, piece) = match r {
            Ok(m) => {
                let _ = m.value.to_string();
                let _ = (m.value.first_day(), m.value.last_day());
                let _ = (m.value.first_instant(), m.value.last_instant());
                // Every point, and every end a range has, lies on chrono's calendar.
                let days = match &m.value {
                    Value::Point(p) => vec![p.days(), p.instants().and_then(|_| p.days())],
                    Value::Range(a, b) => a.iter().chain(b).map(|p| p.days()).collect(),
                    _ => vec![],
                };
                assert!(
                    days.iter().all(Option::is_some),
                    "{} has no days in {text:?}",
                    m.value
                );
                if let (Some(a), Some(b)) = (m.value.first_day(), m.value.last_day()) {
                    assert!(a <= b, "{} starts after it ends in {text:?}", m.value);
                }
                let chars_before = text[..m.span.start].chars().count();
                let chars_in = m.text.chars().count();
                assert_eq!(m.char_span, chars_before..chars_before + chars_in);
                (m.span.clone(), m.text.as_str())
            }
            Err(e) => {
                let _ = e.to_string();
                (e.span(), e.text())
            }
        };
        assert!(
            span.start <= span.end && span.end <= text.len(),
            "{span:?} in {text:?}"
        );
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert_eq!(&text[span.clone()], piece);
    }
    let spans: Vec<_> = all
        .iter()
        .map(|r| match r {
            Ok(m) => m.span.clone(),
            Err(e) => e.span(),
        })
        .collect();
    for w in spans.windows(2) {
        // In order and apart (char offsets are counted in one pass, which needs this).
        assert!(
            w[0].end <= w[1].start,
            "mentions out of order or overlapping: {spans:?} in {text:?}"
        );
    }
}

/// `Extractor::parse`: no panic; an error's span lies inside the input on char boundaries and
/// its message quotes the text there.
pub fn parse(data: &[u8]) {
    let (anchor, x, text) = split_extractor(data);
    match x.parse(&text, &anchor) {
        Ok(m) => {
            let _ = m.value.to_string();
            assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            assert_eq!(&text[m.span.clone()], m.text);
        }
        Err(e) => {
            let span = e.span();
            assert!(span.start <= span.end && span.end <= text.len());
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            assert_eq!(&text[span], e.text());
            assert!(!e.to_string().is_empty());
        }
    }
    // The anchor's own text form reads back.
    let again: tarikh::Anchor = anchor.to_string().parse().unwrap_or(anchor);
    assert_eq!(again.date(), anchor.date());
}

/// The normalizer's offset map: every folded char maps to a non-empty span of the original on
/// char boundaries, monotonically; any folded range maps inside the input; folding is idempotent.
pub fn normalize(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let n = Normalized::new(&text);
    let folded = n.as_str();
    let bounds: Vec<usize> = folded
        .char_indices()
        .map(|(i, _)| i)
        .chain([folded.len()])
        .collect();
    let mut prev_start = 0;
    let mut prev_end = 0;
    for w in bounds.windows(2) {
        let span = n.original_span(w[0]..w[1]);
        assert!(
            span.start < span.end,
            "empty span for a folded char in {text:?}"
        );
        assert!(span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert!(
            span.start >= prev_start && span.start >= prev_end,
            "not monotone in {text:?}"
        );
        assert_eq!(n.original_offset(w[0]), span.start);
        prev_start = span.start;
        prev_end = span.end;
    }
    assert_eq!(n.original_offset(folded.len()), text.len());
    // Arbitrary ranges, including reversed and out of bounds ones, stay inside the input.
    let len = folded.len();
    for (a, b) in [
        (0, len),
        (len / 3, len / 2),
        (len / 2, len / 3),
        (len, len + 7),
        (0, 0),
    ] {
        let span = n.original_span(a..b);
        assert!(span.start <= span.end && span.end <= text.len());
    }
    // Folding is idempotent.
    assert_eq!(tarikh::normalize::fold(folded), folded);
}

/// Hijri conversion round trips under both rule sets; month_start agrees with day 1 and the
/// month's length.
pub fn hijri(data: &[u8]) {
    let mut b = [0u8; 10];
    for (d, s) in b.iter_mut().zip(data) {
        *d = *s;
    }
    let rules = if b[0] & 1 == 0 {
        Rules::UmmAlQura
    } else {
        Rules::Tabular
    };
    let year = i32::from_le_bytes([b[1], b[2], b[3], b[4]]);
    let year = if b[0] & 2 == 0 {
        year.rem_euclid(10_050) - 20
    } else {
        year
    };
    let (month, day) = (b[5], b[6]);

    if let Ok(date) = HijriDate::new(year, month, day) {
        match hijri::to_gregorian(date, rules) {
            Ok((g, _)) => {
                let (back, _) = hijri::from_gregorian(g, rules).expect("round trip");
                assert_eq!(back, date, "via {g}");
            }
            Err(e) => assert!(matches!(e, hijri::HijriError::InvalidDay { .. }), "{e}"),
        }
    }
    if let Ok((first, length, _)) = hijri::month_start(year, month, rules) {
        assert!((28..=31).contains(&length));
        let h = hijri::from_gregorian(first, rules)
            .expect("month start converts")
            .0;
        assert_eq!((h.year, h.month, h.day), (year, month, 1));
        let last = first + TimeDelta::days(i64::from(length) - 1);
        let h = hijri::from_gregorian(last, rules)
            .expect("month end converts")
            .0;
        assert_eq!((h.year, h.month, h.day), (year, month, length));
    }

    let n = i32::from_le_bytes([b[6], b[7], b[8], b[9]]);
    let n = if b[0] & 4 == 0 {
        n.rem_euclid(3_700_000)
    } else {
        n
    };
    if let Some(g) = NaiveDate::from_num_days_from_ce_opt(n)
        && let Ok((h, _)) = hijri::from_gregorian(g, rules)
    {
        let (back, _) = hijri::to_gregorian(h, rules).expect("Hijri date converts back");
        assert_eq!(back, g, "via {h}");
    }
}

/// A span of `text` on char boundaries, holding `piece` when given.
fn check_span(text: &str, span: &std::ops::Range<usize>, piece: Option<&str>) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{span:?} in {text:?}"
    );
    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
    if let Some(p) = piece {
        assert_eq!(&text[span.clone()], p);
    }
}

/// `TimelineBuilder`: no panic; every event, mention, repeat and the evidence of the document's
/// date point into the text on char boundaries; events are in timeline order (dated ones
/// first); rendering and JSON do not panic.
pub fn timeline(data: &[u8]) {
    use tarikh::TimelineBuilder;
    use tarikh::document::DocumentDate;
    use tarikh::timeline::{Anchoring, DateStyle, compare};

    let (anchor, x, text) = split_extractor(data);
    let flags = data.get(5).copied().unwrap_or(0);
    let anchoring = if flags & 1 == 0 {
        Anchoring::Document
    } else {
        Anchoring::LastMentioned
    };
    let builder = TimelineBuilder::new()
        .extractor(x)
        .anchoring(anchoring)
        .merge(flags & 2 == 0);
    let tl = if flags & 4 == 0 {
        builder.build_inferred(&text, anchor)
    } else {
        builder.build(&text, &DocumentDate::given(anchor))
    };
    if let Some(ev) = &tl.reference.evidence {
        check_span(&text, ev, tl.reference.evidence_text.as_deref());
    }
    for e in &tl.events {
        check_span(&text, &e.span, Some(&e.text));
        for m in &e.mentions {
            check_span(&text, &m.span, Some(&m.text));
        }
        for r in &e.repeats {
            check_span(&text, r, None);
        }
        if let Some(v) = &e.value {
            let _ = v.to_string();
        }
    }
    for w in tl.events.windows(2) {
        assert!(
            compare(&w[0], &w[1]) != std::cmp::Ordering::Greater,
            "events out of order in {text:?}"
        );
    }
    let _ = tl.render(DateStyle::Iso, 80);
    let _ = tl.render(
        DateStyle::Arabic(tl.month_family()),
        usize::from(flags >> 3),
    );
    let _ = tl.dated().count();
    // SVG and HTML drawings at a width from the input (0 included), and the TimeML of the text.
    let options = tarikh::render::Options::new().width(u32::from(flags) * 8);
    let _ = tarikh::render::svg(&tl, &options);
    let _ = tarikh::render::html(&tl, &text, &options);
    let _ = tarikh::timeml::to_timeml(&text, &x.extract(&text, &anchor), &anchor);
}
