//! `tarikh timeline`: text, JSON and JSONL, with the reference inferred from the text.

use std::io::Write;
use std::process::{Command, Stdio};

fn tarikh(args: &[&str], input: &str) -> (String, bool) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (String::from_utf8(out.stdout).unwrap(), out.status.success())
}

const SEED: &str = include_str!("../examples/data/seed-sy-ru-moscow.txt");

#[test]
fn json_with_an_inferred_reference() {
    let (out, ok) = tarikh(&["timeline", "--format", "json"], SEED);
    assert!(ok);
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    // The year is the one nearest today's date in which 24 December is a Wednesday: 2025 for
    // years to come.
    let date = j["reference"]["date"].as_str().unwrap();
    let day = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
    assert_eq!(day.format("%m-%d %a").to_string(), "12-24 Wed");
    let y = &date[..4];
    assert_eq!(j["reference"]["source"], "inferred");
    assert_eq!(j["reference"]["basis"], "relative_day");
    let values: Vec<&str> = j["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["value"].as_str())
        .collect();
    let mut distinct = values.clone();
    distinct.dedup();
    let want = [
        "197".to_string(),
        format!("{y}-10-15"),
        format!("{y}-12-23"),
        format!("{y}-12-24"),
    ];
    assert_eq!(distinct, want);
}

#[test]
fn text_has_the_date_column_first() {
    let (out, ok) = tarikh(&["timeline"], SEED);
    assert!(ok);
    assert!(out.starts_with("document date ") && out.contains("-12-24 (inferred"));
    let rows: Vec<&str> = out.lines().filter(|l| l.starts_with("20")).collect();
    assert_eq!(rows.len(), 4);
    assert!(
        rows.iter()
            .all(|l| l.contains('\u{2067}') && l.ends_with('\u{2069}'))
    );
    let (given, _) = tarikh(
        &["timeline", "--ref", "2025-12-24", "--dates", "arabic"],
        SEED,
    );
    assert!(given.starts_with("document date 2025-12-24 (given)"));
    assert!(given.contains("23 كانون الأول 2025"));
}

#[test]
fn jsonl_uses_each_line_date() {
    let input = concat!(
        r#"{"id": 1, "text": "وصل الوزير إلى دمشق أمس في زيارة رسمية.", "date": "2012-07-10"}"#,
        "\n",
        r#"{"id": 2, "text": "التقى الرئيس اليوم، الأربعاء 24 من كانون الأول، وفدا روسيا."}"#,
        "\n",
        "not json\n",
    );
    let (out, ok) = tarikh(&["timeline", "--jsonl"], input);
    assert!(!ok, "a bad line makes the exit status 1");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[0]["reference"]["source"], "given");
    assert_eq!(lines[0]["events"][0]["value"], "2012-07-09");
    assert_eq!(lines[1]["reference"]["source"], "inferred");
    assert_eq!(
        lines[1]["events"][0]["value"],
        lines[1]["reference"]["date"]
    );
    assert!(lines[2].get("error").is_some());
}
