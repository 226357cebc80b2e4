//! `extract/<input>`: whole-text extraction on real news. Throughput is bytes of input text.
//!
//! `cargo bench --bench extract`; set `TARIKH_BENCH_CORPUS=path/to/news.jsonl` to add a corpus.

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tarikh::Extractor;

use common::Article;

fn count_all(x: &Extractor, articles: &[Article]) -> usize {
    articles
        .iter()
        .map(|a| x.extract(black_box(&a.text), &a.anchor).len())
        .sum()
}

fn extract(c: &mut Criterion) {
    // The first use builds the word tables: its cost is the cost of a new Extractor.
    let t = Instant::now();
    let first = Extractor::new().extract("أمس", &common::anchor());
    eprintln!(
        "first use of an Extractor (tables built): {:.3} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    assert_eq!(first.len(), 1);

    let x = Extractor::new();
    let mut g = c.benchmark_group("extract");

    let seed = common::seed();
    let anchor = common::anchor();
    g.throughput(Throughput::Bytes(seed.len() as u64));
    g.bench_function("seed", |b| {
        b.iter(|| {
            let ms = x.extract(black_box(&seed), &anchor);
            assert_eq!(ms.len(), 9);
            ms
        })
    });

    let mut inputs = vec![("ant-sample".to_string(), common::sample())];
    if let Some(corpus) = common::env_corpus() {
        inputs.push(corpus);
    }
    for (name, articles) in &inputs {
        let want = count_all(&x, articles);
        assert!(want > 0, "{name}: no mentions at all");
        g.throughput(Throughput::Bytes(common::bytes(articles)));
        if common::bytes(articles) > 4 << 20 {
            g.sample_size(10).measurement_time(Duration::from_secs(20));
        }
        g.bench_function(name.as_str(), |b| {
            b.iter(|| assert_eq!(count_all(&x, articles), want))
        });
    }
    g.finish();
}

criterion_group!(benches, extract);
criterion_main!(benches);
