//! `linear/<input>/<n>x`: one document made of n copies of a base text. Linear cost means the
//! throughput stays the same as n grows: the bundled sample as one document, the sample as one
//! long line, and a dense list of dates with no punctuation between them.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use tarikh::Extractor;

fn dense_dates() -> String {
    let months = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران"];
    let mut s = String::new();
    let mut i = 0usize;
    while s.len() < 64 << 10 {
        let month = months.get(i % months.len()).copied().unwrap_or("آذار");
        s.push_str(&format!("{} {month} {} و", 1 + i % 28, 1990 + i % 40));
        i += 1;
    }
    s
}

fn linear(c: &mut Criterion) {
    let x = Extractor::new();
    let anchor = common::anchor();
    let sample: Vec<String> = common::sample().into_iter().map(|a| a.text).collect();
    let bases = [
        ("sample", sample.join("\n"), [1, 10, 100]),
        (
            "long-line",
            sample.join(" ").replace('\n', " "),
            [1, 10, 30],
        ),
        ("dense-dates", dense_dates(), [1, 10, 100]),
    ];
    let mut g = c.benchmark_group("linear");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    for (name, base, times) in &bases {
        let per_copy = x.extract(base, &anchor).len();
        assert!(per_copy > 0, "{name}");
        for &n in times {
            let text = base.repeat(n);
            // Copies join without a separator, so a copy's last word may meet the next one's
            // first: count once, then assert the count stays the same.
            let want = x.extract(&text, &anchor).len();
            assert!(want >= per_copy * n - n, "{name} {n}x: {want}");
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new(*name, format!("{n}x")), &text, |b, t| {
                b.iter(|| assert_eq!(x.extract(black_box(t), &anchor).len(), want))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, linear);
criterion_main!(benches);
