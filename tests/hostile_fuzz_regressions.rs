//! Replays every input the fuzzers once crashed on (fuzz/regressions/<target>/) through the
//! same checks the fuzz targets run, so a fixed crash stays fixed without cargo-fuzz.

#[path = "hostile_support/checks.rs"]
mod checks;

use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return 0;
    };
    let mut n = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let result = std::panic::catch_unwind(|| check(&data));
        assert!(result.is_ok(), "{} fails again", path.display());
        n += 1;
    }
    n
}

#[test]
fn extract_regressions() {
    replay("extract", checks::extract);
}

#[test]
fn parse_regressions() {
    replay("parse", checks::parse);
}

#[test]
fn normalize_regressions() {
    replay("normalize", checks::normalize);
}

#[test]
fn timeline_regressions() {
    replay("timeline", checks::timeline);
}

#[test]
fn hijri_regressions() {
    // hijri/crash-f8c3…: tabular 29 Dhu al-Hijja 1342 and Umm al-Qura 1 Muharram 1343 were
    // both 1924-08-01 under Rules::UmmAlQura.
    assert!(replay("hijri", checks::hijri) >= 1);
}

/// The seed corpora's kinds of input pass the checks too (a smoke test of the harness).
#[test]
fn checks_accept_ordinary_input() {
    let mut data = vec![0u8; 5];
    data.extend_from_slice("الثلاثاء 23 كانون الأول، 31 شباط 2025".as_bytes());
    checks::extract(&data);
    checks::parse(&data);
    checks::normalize(&data);
    checks::timeline(&data);
    checks::hijri(&[0, 0x52, 0x05, 0, 0, 12, 29, 0, 0, 0]);
}
