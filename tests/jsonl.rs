//! `tarikh extract --jsonl` (and `timeline --jsonl`): the same output whatever the number of
//! threads, in input order, with an error line for each malformed line; and a directory of .txt
//! files as input.

use std::path::PathBuf;
use std::process::{Command, Output};

fn tarikh(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .args(args)
        .output()
        .expect("the tarikh binary runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tarikh-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}

/// The bundled sample's first 300 articles with malformed lines mixed in: not JSON, no text,
/// a text that is not a string, invalid UTF-8, blank lines, and an article without a date.
fn input() -> (Vec<u8>, Vec<String>) {
    let sample = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/ant-jawharafm-sample.jsonl"
    ))
    .expect("the bundled sample");
    let mut data = Vec::new();
    // What each output line must answer, in order: an article id, or "line N" for an error.
    let mut want = Vec::new();
    let mut lineno = 0;
    let push = |data: &mut Vec<u8>, line: &[u8]| {
        data.extend_from_slice(line);
        data.push(b'\n');
    };
    for (k, line) in sample.lines().take(300).enumerate() {
        let obj: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        push(&mut data, line.as_bytes());
        lineno += 1;
        want.push(obj["id"].as_str().expect("an id").to_string());
        match k % 37 {
            5 => {
                push(&mut data, b"{\"id\": \"broken\", \"text\": ");
                lineno += 1;
                want.push(format!("line {lineno}"));
            }
            11 => {
                push(&mut data, b"{\"id\": 7, \"title\": \"no text\"}");
                lineno += 1;
                want.push(format!("line {lineno}"));
            }
            17 => {
                push(
                    &mut data,
                    b"{\"id\": \"bytes\", \"text\": \"\xff\xfe 23 \"}",
                );
                lineno += 1;
                want.push(format!("line {lineno}"));
            }
            23 => {
                push(&mut data, b"   ");
                push(&mut data, b"");
                lineno += 2;
            }
            29 => {
                push(
                    &mut data,
                    b"{\"id\": \"undated\", \"text\": \"\xd8\xa3\xd9\x85\xd8\xb3\"}",
                );
                lineno += 1;
                want.push("undated".to_string());
            }
            31 => {
                push(&mut data, b"[1, 2, 3]");
                lineno += 1;
                want.push(format!("line {lineno}"));
            }
            _ => {}
        }
    }
    (data, want)
}

#[test]
fn jsonl_output_is_the_same_on_any_number_of_threads_and_in_order() {
    let dir = scratch("jsonl");
    let (data, want) = input();
    let path = dir.join("in.jsonl");
    std::fs::write(&path, &data).expect("write the input");
    let path = path.to_string_lossy().into_owned();
    let run = |threads: &str| {
        let out = tarikh(&[
            "extract",
            "--jsonl",
            "--ref",
            "2025-12-24",
            "--threads",
            threads,
            &path,
        ]);
        // Malformed lines make the exit status 1, and the run goes on.
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "nothing on stderr when it is not a terminal"
        );
        String::from_utf8(out.stdout).expect("UTF-8 output")
    };
    let one = run("1");
    for threads in ["2", "3", "8"] {
        assert!(
            one == run(threads),
            "--threads {threads} differs from --threads 1"
        );
    }
    let got: Vec<String> = one
        .lines()
        .map(|l| {
            let obj: serde_json::Value = serde_json::from_str(l).expect("JSON output");
            if obj.get("error").is_some() {
                format!("line {}", obj["line"])
            } else {
                assert!(
                    obj["mentions"].is_array() && obj["reference"].is_object(),
                    "{l}"
                );
                obj["id"].as_str().expect("an id").to_string()
            }
        })
        .collect();
    assert_eq!(got, want);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_directory_of_txt_files_gives_one_line_per_file_in_sorted_order() {
    let dir = scratch("dir");
    std::fs::write(dir.join("b.txt"), "وصل الوزير أمس إلى تونس.").expect("write");
    std::fs::write(dir.join("a.txt"), "الثلاثاء 23 كانون الأول").expect("write");
    std::fs::write(dir.join("c.md"), "not a .txt file").expect("write");
    std::fs::write(dir.join("d.txt"), b"\xff").expect("write");
    let path = dir.to_string_lossy().into_owned();
    for threads in ["1", "2"] {
        let out = tarikh(&[
            "extract",
            "--ref",
            "2025-12-24",
            "--threads",
            threads,
            &path,
        ]);
        assert_eq!(out.status.code(), Some(1), "d.txt is not UTF-8");
        let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).expect("JSON output"))
            .collect();
        let ids: Vec<&str> = lines.iter().filter_map(|l| l["id"].as_str()).collect();
        assert_eq!(ids, ["a.txt", "b.txt", "d.txt"]);
        assert_eq!(lines[0]["mentions"][0]["value"], "2025-12-23");
        assert_eq!(lines[1]["mentions"][0]["value"], "2025-12-23");
        assert!(lines[2]["error"].is_string());
        let out = tarikh(&[
            "timeline",
            "--ref",
            "2025-12-24",
            "--threads",
            threads,
            &path,
        ]);
        let ids: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|l| l["id"].as_str().map(String::from))
            .collect();
        assert_eq!(ids, ["a.txt", "b.txt", "d.txt"]);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Many more chunks than the threads may read ahead of the writing (the bundled sample three
/// times over, about 3.5 MB, read in chunks of about 128 KB), on standard input: the chunks
/// come back in order, each line answered once, with any number of threads.
#[test]
fn many_chunks_come_back_in_order_on_standard_input() {
    let sample = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/ant-jawharafm-sample.jsonl"
    ))
    .expect("the bundled sample");
    let input = sample.repeat(3);
    let lines = input.lines().count();
    let run = |threads: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tarikh"))
            .args([
                "extract",
                "--jsonl",
                "--ref",
                "2025-12-24",
                "--threads",
                threads,
            ])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("the tarikh binary runs");
        let mut stdin = child.stdin.take().expect("its standard input");
        let input = input.clone();
        let writer = std::thread::spawn(move || {
            std::io::Write::write_all(&mut stdin, input.as_bytes()).expect("write the input")
        });
        let out = child.wait_with_output().expect("the run ends");
        writer.join().expect("the input is written");
        assert!(out.status.success());
        String::from_utf8(out.stdout).expect("UTF-8 output")
    };
    // The `id` of each JSON line, in order.
    let ids = |text: &str| -> Vec<String> {
        text.lines()
            .map(|l| {
                let obj: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
                obj["id"].as_str().expect("an id").to_string()
            })
            .collect()
    };
    let one = run("1");
    let (got, want) = (ids(&one), ids(&input));
    assert_eq!(got.len(), lines);
    assert_eq!(got, want);
    for threads in ["2", "5"] {
        assert!(one == run(threads), "--threads {threads} differs");
    }
}
