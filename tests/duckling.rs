//! Duckling's Arabic time corpus, read under `Policy::Future` with weeks starting on Monday.
//!
//! `tests/data/duckling-known-failures.tsv` lists each phrase we do not (yet) read as Duckling
//! does, with the reason. The test fails if a listed phrase starts passing, so the list stays
//! true, and if fewer than 160 of the 180 lines pass.

use std::collections::HashMap;

use serde_json::Value as Json;
use tarikh::{Anchor, Extractor, Policy, Value};

fn ours(v: &Value) -> String {
    v.to_string()
}

#[test]
fn duckling_corpus() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let corpus = std::fs::read_to_string(format!("{dir}/duckling-ar-time.jsonl")).unwrap();
    let known = std::fs::read_to_string(format!("{dir}/duckling-known-failures.tsv")).unwrap();
    let known: HashMap<&str, &str> = known
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .collect();
    let x = Extractor::new().policy(Policy::Future);
    let (mut pass, mut total) = (0, 0);
    let mut unexpected = Vec::new();
    for line in corpus.lines() {
        let case: Json = serde_json::from_str(line).unwrap();
        let text = case["text"].as_str().unwrap();
        let anchor: Anchor = case["ref"].as_str().unwrap().parse().unwrap();
        let got = x.parse(text, &anchor);
        let ok = match case["kind"].as_str().unwrap() {
            "none" => x.extract(text, &anchor).is_empty(),
            _ => got
                .as_ref()
                .is_ok_and(|m| ours(&m.value) == case["value"].as_str().unwrap()),
        };
        total += 1;
        let shown = match &got {
            Ok(m) => ours(&m.value),
            Err(e) => e.to_string(),
        };
        match (ok, known.get(text)) {
            (true, None) => pass += 1,
            (true, Some(_)) => unexpected.push(format!("now passes, remove from the list: {text}")),
            (false, Some(_)) => {}
            (false, None) => unexpected.push(format!(
                "{text}\twant {}\tgot {shown}",
                case["value"].as_str().unwrap_or("none")
            )),
        }
    }
    println!("duckling: {pass} of {total} pass");
    assert!(unexpected.is_empty(), "{}", unexpected.join("\n"));
    assert!(pass >= 160, "only {pass} of {total} pass");
}
