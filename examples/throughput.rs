//! Extraction throughput on a file, for `perf stat` or `valgrind --tool=callgrind`, whose CPU
//! time and instruction counts stay meaningful on a busy machine where criterion's wall clock
//! does not.
//!
//! ```sh
//! cargo build --release --example throughput
//! perf stat -e task-clock target/release/examples/throughput tests/data/ant-jawharafm-sample.jsonl 20
//! perf stat -e task-clock target/release/examples/throughput --doc article.txt
//! ```
//! A `.jsonl` file is read as articles (`text`, and `date` as the reference); `--doc FILE` reads
//! one whole file as a single document. Prints bytes, mentions and MB/s of wall clock.

use std::time::Instant;

use tarikh::{Anchor, Extractor};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let doc = args.first().is_some_and(|a| a == "--doc");
    if doc {
        args.remove(0);
    }
    let path = args
        .first()
        .ok_or("usage: throughput [--doc] FILE [REPEAT]")?;
    let repeat: usize = args.get(1).map_or(Ok(1), |r| r.parse())?;
    let data = std::fs::read_to_string(path)?;
    let fallback = Anchor::from_ymd(2025, 12, 24).ok_or("a valid date")?;
    let articles: Vec<(String, Anchor)> = if doc {
        vec![(data, fallback)]
    } else {
        data.lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|o| {
                let text = o.get("text")?.as_str()?.to_string();
                let date = o.get("date").and_then(|d| d.as_str());
                let anchor = date
                    .and_then(|d| d.get(..10))
                    .and_then(|d| d.parse().ok())
                    .unwrap_or(fallback);
                Some((text, anchor))
            })
            .collect()
    };
    let bytes: usize = articles.iter().map(|(t, _)| t.len()).sum::<usize>() * repeat;
    let x = Extractor::new();
    let start = Instant::now();
    let mut mentions = 0;
    for _ in 0..repeat {
        for (text, anchor) in &articles {
            mentions += x.extract(text, anchor).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{bytes} bytes, {mentions} mentions, {:.1} MB/s (wall clock)",
        bytes as f64 / secs / 1e6
    );
    Ok(())
}
