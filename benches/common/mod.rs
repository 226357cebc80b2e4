//! Inputs shared by the benchmarks: the seed article, the bundled ANT sample, and the corpus
//! named by `TARIKH_BENCH_CORPUS` (never committed).

#![allow(dead_code)]

use tarikh::Anchor;

/// One article: its text and its reference date.
pub struct Article {
    pub text: String,
    pub anchor: Anchor,
}

pub fn manifest(path: &str) -> String {
    format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))
}

pub fn seed() -> String {
    std::fs::read_to_string(manifest("examples/data/seed-sy-ru-moscow.txt"))
        .expect("the seed article")
}

/// Articles of a `{"id", "text", "date"?}` JSONL file; lines without a usable date get
/// `fallback` as their reference.
pub fn jsonl(path: &str, fallback: Anchor) -> Vec<Article> {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    data.lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|obj| {
            let text = obj.get("text")?.as_str()?.to_string();
            let anchor = obj
                .get("date")
                .and_then(|d| d.as_str())
                .and_then(|d| d.get(..10))
                .and_then(|d| d.parse::<Anchor>().ok())
                .unwrap_or(fallback);
            Some(Article { text, anchor })
        })
        .collect()
}

/// The bundled sample of the ANT corpus (Apache-2.0, see tests/data/NOTICE-ant.md).
pub fn sample() -> Vec<Article> {
    jsonl(&manifest("tests/data/ant-jawharafm-sample.jsonl"), anchor())
}

/// The corpus named by `TARIKH_BENCH_CORPUS`, if set.
pub fn env_corpus() -> Option<(String, Vec<Article>)> {
    let path = std::env::var("TARIKH_BENCH_CORPUS").ok()?;
    let name = std::path::Path::new(&path)
        .file_stem()
        .map_or("corpus".to_string(), |s| s.to_string_lossy().into_owned());
    Some((name, jsonl(&path, anchor())))
}

pub fn anchor() -> Anchor {
    Anchor::from_ymd(2025, 12, 24).expect("a valid date")
}

pub fn bytes(articles: &[Article]) -> u64 {
    articles.iter().map(|a| a.text.len() as u64).sum()
}
