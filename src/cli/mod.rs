//! The commands behind `tarikh`.

pub mod args;

use std::io::{self, BufRead, BufReader, Read, Write};

use chrono::NaiveDate;
use serde_json::{Value as Json, json};
use tarikh::document::{DocumentDate, infer_date};
use tarikh::timeline::DateStyle;
use tarikh::{Anchor, Extractor, Mention, TimelineBuilder};

use args::{Args, Format};

/// Today's date from the system clock: the only place tarikh reads the clock.
pub fn today() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i32::try_from(secs / 86_400).unwrap_or(0);
    NaiveDate::from_num_days_from_ce_opt(days.saturating_add(719_163)).unwrap_or_default()
}

fn extractor(args: &Args) -> Extractor {
    Extractor::new().policy(args.policy)
}

/// Reads a whole input (a file, or standard input for none or "-").
pub fn read_input(path: Option<&str>, lossy: bool) -> io::Result<String> {
    let mut bytes = Vec::new();
    let name = match path {
        None | Some("-") => {
            io::stdin().lock().read_to_end(&mut bytes)?;
            "standard input".to_string()
        }
        Some(p) => {
            let meta = std::fs::metadata(p)
                .map_err(|e| io::Error::new(e.kind(), format!("cannot read {p}: {e}")))?;
            if meta.is_dir() {
                return Err(io::Error::other(format!("{p} is a directory, not a file")));
            }
            bytes = std::fs::read(p)
                .map_err(|e| io::Error::new(e.kind(), format!("cannot read {p}: {e}")))?;
            p.to_string()
        }
    };
    decode(bytes, lossy).map_err(|at| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "{name} is not valid UTF-8 at byte {at} (use --lossy to replace invalid bytes)"
            ),
        )
    })
}

/// UTF-8 text from bytes; the offset of the first invalid byte otherwise.
fn decode(bytes: Vec<u8>, lossy: bool) -> Result<String, usize> {
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => Err(e.utf8_error().valid_up_to()),
    }
}

/// The reference a document is read against, and where it came from.
#[derive(Debug, Clone)]
pub struct Reference {
    pub anchor: Anchor,
    pub source: &'static str,
    /// How the date was found (given, inferred from the text, or the clock's fallback).
    pub doc: DocumentDate,
}

impl Reference {
    pub fn json(&self) -> Json {
        let mut j = serde_json::to_value(&self.doc).unwrap_or(Json::Null);
        if let Some(map) = j.as_object_mut() {
            map.insert("date".into(), json!(self.anchor.to_string()));
            map.insert("source".into(), json!(self.source));
        }
        j
    }
}

/// The reference for a text: given, else inferred from the text, else the clock.
pub fn reference_for(given: Option<Anchor>, text: &str) -> Reference {
    reference_with(given, text, &Extractor::new())
}

/// [`reference_for`] with the extractor (policy) the command uses.
pub fn reference_with(given: Option<Anchor>, text: &str, x: &Extractor) -> Reference {
    if let Some(anchor) = given {
        return Reference {
            anchor,
            source: "given",
            doc: DocumentDate::given(anchor),
        };
    }
    let doc = infer_date(text, x, Anchor::new(today()));
    Reference {
        anchor: doc.anchor,
        source: if doc.source.is_inferred() {
            "inferred"
        } else {
            "clock"
        },
        doc,
    }
}

fn mentions_json(ms: &[Mention]) -> Json {
    serde_json::to_value(ms).unwrap_or(Json::Null)
}

pub fn run_parse(args: &Args, out: &mut impl Write) -> io::Result<bool> {
    let anchor = args.reference.unwrap_or_else(|| Anchor::new(today()));
    let x = extractor(args);
    let mut all_ok = true;
    let mut one = |input: &str, out: &mut dyn Write| -> io::Result<()> {
        let line = match x.parse(input, &anchor) {
            Ok(m) => json!({
                "input": input,
                "type": m.kind,
                "value": m.value.to_string(),
                "grain": m.grain,
                "start": m.value.first_day().map(|d| d.to_string()),
                "end": m.value.last_day().map(|d| d.to_string()),
            }),
            Err(e) => {
                all_ok = false;
                json!({"input": input, "error": e.to_string()})
            }
        };
        writeln!(out, "{line}")
    };
    if args.positional.is_empty() {
        // Lines are decoded one by one, so a line that is not UTF-8 fails alone.
        let mut stdin = io::stdin().lock();
        let mut buf = Vec::new();
        let mut n = 0usize;
        let mut bad_lines = false;
        while stdin.read_until(b'\n', &mut buf)? > 0 {
            n += 1;
            match decode(std::mem::take(&mut buf), args.lossy) {
                Ok(line) if line.trim().is_empty() => {}
                Ok(line) => one(line.trim(), out)?,
                Err(at) => {
                    bad_lines = true;
                    let msg = format!("line {n} is not valid UTF-8 at byte {at} (use --lossy)");
                    writeln!(out, "{}", json!({"line": n, "error": msg}))?;
                }
            }
        }
        if bad_lines {
            return Ok(false);
        }
    } else {
        for e in &args.positional {
            one(e, out)?;
        }
    }
    Ok(all_ok)
}

pub fn run_extract(args: &Args, out: &mut impl Write) -> io::Result<bool> {
    let x = extractor(args);
    if args.jsonl {
        return run_jsonl(
            args,
            out,
            |text, reference| json!({"reference": reference.json(), "mentions": mentions_json(&x.extract(text, &reference.anchor))}),
        );
    }
    let text = read_input(args.positional.first().map(String::as_str), args.lossy)?;
    let reference = reference_for(args.reference, &text);
    let ms = x.extract(&text, &reference.anchor);
    if args.format == Format::Timeml {
        write!(
            out,
            "{}",
            tarikh::timeml::to_timeml(&text, &ms, &reference.anchor)
        )?;
        return Ok(true);
    }
    let doc = json!({"reference": reference.json(), "mentions": mentions_json(&ms)});
    writeln!(out, "{doc}")?;
    Ok(true)
}

pub fn run_timeline(args: &Args, out: &mut impl Write) -> io::Result<bool> {
    let x = extractor(args);
    let builder = TimelineBuilder::new().extractor(x);
    let timeline = |text: &str, reference: &Reference| {
        let tl = builder.build(text, &reference.doc);
        (tl, reference.json())
    };
    if args.jsonl {
        return run_jsonl(args, out, |text, reference| {
            let (tl, r) = timeline(text, reference);
            json!({"reference": r, "events": serde_json::to_value(&tl.events).unwrap_or(Json::Null)})
        });
    }
    let text = read_input(args.positional.first().map(String::as_str), args.lossy)?;
    let reference = reference_with(args.reference, &text, &x);
    let (tl, r) = timeline(&text, &reference);
    match args.format {
        Format::Json => {
            let doc = json!({"reference": r, "events": serde_json::to_value(&tl.events).unwrap_or(Json::Null)});
            writeln!(out, "{doc}")?;
        }
        Format::Text => {
            let style = if args.arabic_dates {
                DateStyle::Arabic(tl.month_family())
            } else {
                DateStyle::Iso
            };
            if reference.source == "clock" {
                writeln!(
                    out,
                    "(no date found in the text: read against today's date)"
                )?;
            }
            write!(out, "{}", tl.render(style, TEXT_WIDTH))?;
        }
        Format::Svg => writeln!(out, "{}", tl.to_svg())?,
        Format::Html => write!(out, "{}", tl.to_html(&text))?,
        Format::Timeml => {
            return Err(io::Error::other("--format timeml is a format of extract"));
        }
    }
    Ok(true)
}

/// How many characters of a clause the text rendering shows.
const TEXT_WIDTH: usize = 90;

/// Reads JSONL (`{"id", "text", "date"?}` a line), answers each line with `f`, in input order,
/// using `args.threads` threads on batches of lines. A line that cannot be read gives an error
/// object and the run goes on; the result is `false` if any line failed.
pub fn run_jsonl(
    args: &Args,
    out: &mut impl Write,
    f: impl Fn(&str, &Reference) -> Json + Sync,
) -> io::Result<bool> {
    let input: Box<dyn BufRead> = match args.positional.first().map(String::as_str) {
        None | Some("-") => Box::new(BufReader::new(io::stdin())),
        Some(p) => {
            let file = std::fs::File::open(p)
                .map_err(|e| io::Error::new(e.kind(), format!("cannot read {p}: {e}")))?;
            if file.metadata().is_ok_and(|m| m.is_dir()) {
                return Err(io::Error::other(format!("{p} is a directory, not a file")));
            }
            Box::new(BufReader::with_capacity(1 << 16, file))
        }
    };
    let threads = args.threads.max(1);
    let batch = 64 * threads;
    let mut all_ok = true;
    let mut lines: Vec<(usize, Vec<u8>)> = Vec::with_capacity(batch);
    let mut reader = input;
    let mut lineno = 0usize;
    let answer = |(n, bytes): &(usize, Vec<u8>)| -> (String, bool) {
        let line = match decode(bytes.clone(), args.lossy) {
            Ok(s) => s,
            Err(at) => {
                let e = json!({"line": n, "error": format!("line {n} is not valid UTF-8 at byte {at} (use --lossy)")});
                return (e.to_string(), false);
            }
        };
        match serde_json::from_str::<Json>(&line) {
            Ok(obj) => match obj.get("text").and_then(Json::as_str) {
                Some(text) => {
                    let id = obj.get("id").cloned().unwrap_or(Json::Null);
                    let given = args.reference.or_else(|| {
                        obj.get("date")
                            .and_then(Json::as_str)
                            .and_then(|d| d.get(..10).unwrap_or(d).parse::<Anchor>().ok())
                    });
                    let reference = reference_for(given, text);
                    let mut answer = f(text, &reference);
                    if let Some(map) = answer.as_object_mut() {
                        let mut with_id = serde_json::Map::new();
                        with_id.insert("id".to_string(), id);
                        with_id.extend(std::mem::take(map));
                        answer = Json::Object(with_id);
                    }
                    (answer.to_string(), true)
                }
                None => {
                    let id = obj.get("id").cloned().unwrap_or(Json::Null);
                    let e = json!({"id": id, "line": n, "error": format!("line {n} has no \"text\" string")});
                    (e.to_string(), false)
                }
            },
            Err(err) => {
                let e = json!({"line": n, "error": format!("line {n} is not JSON: {err}")});
                (e.to_string(), false)
            }
        }
    };
    loop {
        lines.clear();
        while lines.len() < batch {
            let mut buf = Vec::new();
            if reader.read_until(b'\n', &mut buf)? == 0 {
                break;
            }
            lineno += 1;
            while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                buf.pop();
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            lines.push((lineno, buf));
        }
        if lines.is_empty() {
            break;
        }
        let answers: Vec<(String, bool)> = if threads == 1 || lines.len() < 2 {
            lines.iter().map(&answer).collect()
        } else {
            let chunk = lines.len().div_ceil(threads);
            std::thread::scope(|s| {
                let handles: Vec<_> = lines
                    .chunks(chunk)
                    .map(|part| s.spawn(|| part.iter().map(&answer).collect::<Vec<_>>()))
                    .collect();
                handles
                    .into_iter()
                    .flat_map(|h| {
                        h.join().unwrap_or_else(|_| {
                            vec![(
                                json!({"error": "internal error while reading this batch"})
                                    .to_string(),
                                false,
                            )]
                        })
                    })
                    .collect()
            })
        };
        for (line, ok) in answers {
            all_ok &= ok;
            writeln!(out, "{line}")?;
        }
    }
    Ok(all_ok)
}
