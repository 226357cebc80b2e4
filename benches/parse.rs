//! `parse/<kind>`: one short expression of each kind, read whole and resolved.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tarikh::{Anchor, Extractor};

const CASES: &[(&str, &str, &str)] = &[
    ("day", "الثلاثاء 23 كانون الأول", "2025-12-23"),
    ("numeric", "23/12/2025", "2025-12-23"),
    ("month-year", "تشرين الأول 2025", "2025-10"),
    ("maghrebi", "15 جانفي 2017", "2017-01-15"),
    ("hijri", "15 رمضان 1446 هـ", "2025-03-15"),
    ("relative-day", "أمس", "2025-12-23"),
    ("weekday", "الثلاثاء الماضي", "2025-12-23"),
    ("ago", "قبل ثلاثة أيام", "2025-12-21"),
    ("part-of", "منتصف آذار", "2026-03-15"),
    ("decade", "سبعينيات القرن الماضي", "197"),
    ("range", "من 23 إلى 24 كانون الأول", "2025-12-23/2025-12-24"),
    ("time", "الساعة العاشرة صباحا", "2025-12-24T10:00"),
    ("duration", "ثلاثة أيام", "P3D"),
];

fn parse(c: &mut Criterion) {
    let anchor = Anchor::from_ymd(2025, 12, 24).expect("a valid date");
    let x = Extractor::new();
    let mut g = c.benchmark_group("parse");
    for &(kind, input, value) in CASES {
        let want = x
            .parse(input, &anchor)
            .unwrap_or_else(|e| panic!("{kind}: {input}: {e}"));
        assert_eq!(want.value.to_string(), value, "{kind}: {input}");
        g.throughput(Throughput::Bytes(input.len() as u64));
        g.bench_function(kind, |b| {
            b.iter(|| {
                let m = x.parse(black_box(input), &anchor);
                assert!(m.as_ref().is_ok_and(|m| m.value == want.value));
                m
            })
        });
    }
    g.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
