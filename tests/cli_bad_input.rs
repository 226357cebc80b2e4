//! The `tarikh` command under bad input, run as a user runs it: a clear message on standard
//! error, the documented exit status, never a panic message.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_tarikh");

/// Runs `tarikh args...` with `stdin` as standard input.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn stderr(o: &Output) -> String {
    let e = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(!e.contains("panicked"), "panic: {e}");
    e
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// A file of its own for each test, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, data: &[u8]) -> TempFile {
        let dir = std::env::temp_dir().join(format!("tarikh-cli-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, data).unwrap();
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn a_missing_file() {
    for args in [
        &["extract", "/no/such/file.txt"][..],
        &["extract", "--jsonl", "/no/such/file.jsonl"],
    ] {
        let o = run(args, b"");
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(o.stdout.is_empty());
        assert_eq!(
            stderr(&o).lines().next().unwrap(),
            format!(
                "tarikh: cannot read {}: No such file or directory (os error 2)",
                args.last().unwrap()
            )
        );
    }
}

/// A directory is read as its `.txt` files, one line each; a file that is not UTF-8 fails alone.
#[test]
fn a_directory_with_a_bad_file() {
    let dir = std::env::temp_dir().join(format!("tarikh-cli-dir-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("a.txt"), "أمس").unwrap();
    std::fs::write(dir.join("b.txt"), b"x\xff").unwrap();
    std::fs::write(dir.join("c.md"), "غدا").unwrap();
    let path = dir.to_str().unwrap();
    let o = run(&["extract", "--ref", "2025-12-24", path], b"");
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "only the .txt files");
    assert_eq!(lines[0]["id"], "a.txt");
    assert_eq!(lines[0]["mentions"][0]["value"], "2025-12-23");
    assert_eq!(
        lines[1],
        serde_json::json!({"id": "b.txt", "error": "b.txt is not valid UTF-8 at byte 1 (use --lossy)"})
    );
    stderr(&o);
    let o = run(&["extract", "--lossy", "--ref", "2025-12-24", path], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let mut data = "أمس في دمشق".as_bytes().to_vec();
    data.extend_from_slice(b"\xff\xfe and more");
    let f = TempFile::new("bad.txt", &data);
    let o = run(&["extract", "--ref", "2025-12-24", f.path()], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert_eq!(
        stderr(&o).trim_end(),
        format!(
            "tarikh: {} is not valid UTF-8 at byte 20 (use --lossy to replace invalid bytes)",
            f.path()
        )
    );
    // The same on standard input.
    let o = run(&["extract", "--ref", "2025-12-24"], &data);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("standard input is not valid UTF-8 at byte 20"));
    // With --lossy the bad bytes become U+FFFD and the spans count them as such.
    let o = run(
        &["extract", "--lossy", "--ref", "2025-12-24", f.path()],
        b"",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(doc["mentions"][0]["text"], "أمس");
    assert_eq!(doc["mentions"][0]["value"], "2025-12-23");
}

#[test]
fn invalid_utf8_lines_in_parse_fail_alone() {
    let o = run(
        &["parse", "--ref", "2025-12-24"],
        b"\xd8\xa3\xd9\x85\xd8\xb3\n\xff\xfe\n\xd8\xba\xd8\xaf\xd8\xa7\n",
    );
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["value"], "2025-12-23");
    assert_eq!(
        lines[1],
        serde_json::json!({"line": 2, "error": "line 2 is not valid UTF-8 at byte 0 (use --lossy)"})
    );
    assert_eq!(lines[2]["value"], "2025-12-25");
}

#[test]
fn arguments_that_are_not_utf8() {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bad = std::ffi::OsStr::from_bytes(b"\xff\xfe");
        let o = Command::new(BIN).arg("parse").arg(bad).output().unwrap();
        assert_eq!(o.status.code(), Some(2));
        assert!(o.stdout.is_empty());
        assert!(stderr(&o).starts_with("tarikh: argument \"\\xFF\\xFE\" is not valid UTF-8"));
    }
}

#[test]
fn a_malformed_jsonl_line_fails_alone() {
    let input = concat!(
        "{\"id\": 1, \"text\": \"أمس\"}\n",
        "this is not json\n",
        "{\"id\": 3}\n",
        "{\"id\": 4, \"text\": 42}\n",
        "[1, 2]\n",
        "\n",
        "{\"id\": 7, \"text\": \"غدا\", \"date\": \"2025-01-01\"}\n",
    );
    let o = run(&["extract", "--jsonl"], input.as_bytes());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 6, "one answer per non-blank line, in order");
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[0]["mentions"][0]["text"], "أمس");
    assert_eq!(lines[1]["line"], 2);
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap()
            .starts_with("line 2 is not JSON: ")
    );
    assert_eq!(
        lines[2],
        serde_json::json!({"id": 3, "line": 3, "error": "line 3 has no \"text\" string"})
    );
    assert_eq!(lines[3]["line"], 4);
    assert_eq!(lines[4]["line"], 5);
    assert_eq!(lines[5]["id"], 7);
    assert_eq!(lines[5]["reference"]["date"], "2025-01-01");
    assert_eq!(lines[5]["mentions"][0]["value"], "2025-01-02");
}

#[test]
fn invalid_utf8_in_a_jsonl_line() {
    let mut input = b"{\"id\": 1, \"text\": \"\xff\"}\n".to_vec();
    input
        .extend_from_slice("{\"id\": 2, \"text\": \"أمس\", \"date\": \"2025-12-24\"}\n".as_bytes());
    let o = run(&["extract", "--jsonl"], &input);
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines[0],
        serde_json::json!({"line": 1, "error": "line 1 is not valid UTF-8 at byte 19 (use --lossy)"})
    );
    assert_eq!(lines[1]["mentions"][0]["value"], "2025-12-23");
    let o = run(&["extract", "--jsonl", "--lossy"], &input);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn a_malformed_reference() {
    for bad in ["24/12/2025", "2025-02-30", "yesterday", ""] {
        for cmd in ["parse", "extract"] {
            let o = run(&[cmd, "--ref", bad, "أمس"], b"");
            assert_eq!(o.status.code(), Some(2), "{cmd} --ref {bad:?}");
            assert!(o.stdout.is_empty());
            assert_eq!(
                stderr(&o),
                format!(
                    "tarikh: cannot read the reference date {bad:?}: expected YYYY-MM-DD or \
                     YYYY-MM-DDTHH:MM\nrun `tarikh --help` for usage\n"
                )
            );
        }
    }
    let o = run(&["parse", "--ref"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("tarikh: --ref needs a value\n"));
}

#[test]
fn other_bad_arguments_exit_2() {
    for (args, msg) in [
        (
            &["frobnicate"][..],
            "tarikh: unknown command \"frobnicate\"",
        ),
        (&[], "tarikh: no command given"),
        (&["extract", "--bogus"], "tarikh: unknown option --bogus"),
        (
            &["extract", "--threads", "0"],
            "tarikh: --threads takes a positive number, not \"0\"",
        ),
        (
            &["parse", "--policy", "sometimes"],
            "tarikh: unknown policy \"sometimes\": expected news, future or past",
        ),
    ] {
        let o = run(args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&o).lines().next().unwrap(), msg);
    }
}

#[test]
fn parse_failures_are_lines_and_exit_1() {
    let o = run(
        &["parse", "--ref", "2025-12-24", "أمس", "31 شباط 2025"],
        b"",
    );
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<&str> = std::str::from_utf8(&o.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        lines[1],
        r#"{"error":"day 31 does not exist in شباط 2025, in \"31 شباط 2025\" at bytes 0..16","input":"31 شباط 2025"}"#
    );
}

/// `tarikh extract --jsonl big.jsonl | head -1`: the reader goes away, tarikh ends quietly.
#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let line = "{\"id\": 1, \"text\": \"زار الوزير موسكو الثلاثاء 23 كانون الأول، وعاد أمس\", \"date\": \"2025-12-24\"}\n";
    let f = TempFile::new("big.jsonl", line.repeat(20_000).as_bytes());
    for args in [
        &["extract", "--jsonl", f.path()][..],
        &["extract", "--jsonl", "--threads", "1", f.path()],
    ] {
        let mut child = Command::new(BIN)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(first.starts_with("{\"id\":1,"), "{first}");
        // The reader is dropped here: the pipe is closed.
        let o = child.wait_with_output().unwrap();
        assert_eq!(stderr(&o), "", "{args:?}");
        assert_eq!(o.status.code(), Some(0), "{args:?}");
    }
    // The same with a single big document.
    let text = "الثلاثاء 23 كانون الأول، ".repeat(50_000);
    let f = TempFile::new("big.txt", text.as_bytes());
    let mut child = Command::new(BIN)
        .args(["extract", "--ref", "2025-12-24", f.path()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0u8; 16];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut head).unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert_eq!(stderr(&o), "");
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn a_reference_at_chronos_last_day() {
    let o = run(&["parse", "--ref", "+262142-12-31", "غدا", "أمس"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stdout(&o).lines().next().unwrap(),
        r#"{"error":"the date is outside the supported range, in \"غدا\" at bytes 0..6","input":"غدا"}"#
    );
    assert!(stdout(&o).contains(r#""value":"+262142-12-30""#));
    stderr(&o);
}

#[test]
fn jsonl_line_with_an_unreadable_date_is_an_error_and_the_run_goes_on() {
    let input = concat!(
        "{\"id\":1,\"text\":\"وصل أمس\",\"date\":\"2025-12-24\"}\n",
        "{\"id\":2,\"text\":\"وصل أمس\",\"date\":\"24/12/2025\"}\n",
        "{\"id\":3,\"text\":\"وصل أمس\",\"date\":null}\n",
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .args(["extract", "--jsonl"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(input.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    assert!(!out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["mentions"][0]["value"], "2025-12-23");
    assert_eq!(lines[1]["id"], 2);
    assert!(
        lines[1]["error"].as_str().unwrap().contains("24/12/2025"),
        "{}",
        lines[1]
    );
    assert!(lines[2]["mentions"].is_array());
}
