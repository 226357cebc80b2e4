//! `timeline/<input>`: dated events, ordered and merged, from whole articles with their
//! publication date as the document's date (and the seed article with its date inferred).

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tarikh::TimelineBuilder;
use tarikh::document::DocumentDate;

use common::Article;

fn events_of(b: &TimelineBuilder, articles: &[Article]) -> usize {
    articles
        .iter()
        .map(|a| {
            b.build(black_box(&a.text), &DocumentDate::given(a.anchor))
                .events
                .len()
        })
        .sum()
}

fn timeline(c: &mut Criterion) {
    let b = TimelineBuilder::new();
    let mut g = c.benchmark_group("timeline");

    let seed = common::seed();
    let want = b.build_inferred(&seed, common::anchor()).events.len();
    assert!(want > 0);
    g.throughput(Throughput::Bytes(seed.len() as u64));
    g.bench_function("seed", |bench| {
        bench.iter(|| {
            let tl = b.build_inferred(black_box(&seed), common::anchor());
            assert_eq!(tl.events.len(), want);
            tl
        })
    });

    let mut inputs = vec![("ant-sample".to_string(), common::sample())];
    if let Some(corpus) = common::env_corpus() {
        inputs.push(corpus);
    }
    for (name, articles) in &inputs {
        let want = events_of(&b, articles);
        assert!(want > 0, "{name}: no events at all");
        g.throughput(Throughput::Bytes(common::bytes(articles)));
        if common::bytes(articles) > 4 << 20 {
            g.sample_size(10).measurement_time(Duration::from_secs(20));
        }
        g.bench_function(name.as_str(), |bench| {
            bench.iter(|| assert_eq!(events_of(&b, articles), want))
        });
    }
    g.finish();
}

criterion_group!(benches, timeline);
criterion_main!(benches);
