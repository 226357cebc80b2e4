//! Runs `tests/data/cases*.tsv`: each line a text, an anchor, a policy and the mentions expected.

use tarikh::{Anchor, Extractor, Policy};

fn run(file: &str) {
    let path = format!("{}/tests/data/{file}", env!("CARGO_MANIFEST_DIR"));
    let data = std::fs::read_to_string(path).unwrap();
    let mut failures = Vec::new();
    let mut count = 0;
    for (n, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "{file} line {}: {line}", n + 1);
        let anchor: Anchor = cols[1].parse().unwrap();
        let policy: Policy = cols[2].parse().unwrap();
        let want = if cols[3] == "-" {
            String::new()
        } else {
            cols[3].to_string()
        };
        let got: Vec<String> = Extractor::new()
            .policy(policy)
            .extract(cols[0], &anchor)
            .iter()
            .map(|m| format!("{} = {}", m.text, m.value))
            .collect();
        let got = got.join(" ; ");
        count += 1;
        if got != want {
            failures.push(format!(
                "line {}: {}\n   want: {want}\n    got: {got}",
                n + 1,
                cols[0]
            ));
        }
    }
    println!("{file}: {count} cases");
    assert!(
        failures.is_empty(),
        "{file}: {} of {count} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn gregorian_and_relative() {
    run("cases.tsv");
}

#[test]
fn hijri_and_feasts() {
    run("cases-hijri.tsv");
}
