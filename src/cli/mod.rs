//! The commands behind `tarikh`.

pub mod args;
mod sorted_json;

use std::borrow::Cow;
use std::io::{self, BufRead, Read, Write};

use chrono::NaiveDate;
use serde_json::{Value as Json, json};
use tarikh::document::{DocumentDate, infer_prepared};
use tarikh::timeline::DateStyle;
use tarikh::{Anchor, Extractor, Mention, Prepared, TimelineBuilder};

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
    decode(&bytes, lossy).map(Cow::into_owned).map_err(|at| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "{name} is not valid UTF-8 at byte {at} (use --lossy to replace invalid bytes)"
            ),
        )
    })
}

/// UTF-8 text from bytes; the offset of the first invalid byte otherwise.
///
/// The bytes are checked by `simdutf8`, many bytes at a time: on Arabic text the standard
/// library's check, a character at a time, took a fifth of `extract --jsonl`'s instructions.
/// Only a line that fails is read again, for the offset of its first invalid byte or its
/// replacement characters.
fn decode(bytes: &[u8], lossy: bool) -> Result<Cow<'_, str>, usize> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(_) if lossy => Ok(String::from_utf8_lossy(bytes)),
        Err(_) => Err(std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), str::len)),
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
    /// [`Reference::json`] printed onto `s`. A date given or from the clock is only
    /// `{"date", "source"}`, written directly; an inferred one goes through the tree (its
    /// confidence prints as the tree prints an `f32`).
    fn push_json(&self, s: &mut String) {
        if self.doc.source.is_inferred() {
            use std::fmt::Write as _;
            let _ = write!(s, "{}", self.json());
            return;
        }
        s.push_str("{\"date\":");
        push_str(s, &self.anchor.to_string());
        s.push_str(",\"source\":");
        push_str(s, self.source);
        s.push('}');
    }

    pub fn json(&self) -> Json {
        let mut j = serde_json::to_value(&self.doc).unwrap_or(Json::Null);
        if let Some(map) = j.as_object_mut() {
            map.insert("date".into(), json!(self.anchor.to_string()));
            map.insert("source".into(), json!(self.source));
        }
        j
    }
}

/// The reference for a text already read: given, else inferred from the text, else the clock.
/// Reading the text once serves both the inference and the extraction against its result.
pub fn reference_read(given: Option<Anchor>, read: &Prepared<'_>) -> Reference {
    if let Some(anchor) = given {
        return Reference {
            anchor,
            source: "given",
            doc: DocumentDate::given(anchor),
        };
    }
    let doc = infer_prepared(read, Anchor::new(today()));
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
            match decode(&buf, args.lossy) {
                Ok(line) if line.trim().is_empty() => {}
                Ok(line) => one(line.trim(), out)?,
                Err(at) => {
                    bad_lines = true;
                    let msg = format!("line {n} is not valid UTF-8 at byte {at} (use --lossy)");
                    writeln!(out, "{}", json!({"line": n, "error": msg}))?;
                }
            }
            buf.clear();
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

/// The input is a directory: answered like JSONL, one line per .txt file.
fn is_dir(args: &Args) -> bool {
    args.positional
        .first()
        .is_some_and(|p| std::path::Path::new(p).is_dir())
}

pub fn run_extract(args: &Args, out: &mut impl Write) -> io::Result<bool> {
    let x = extractor(args);
    if args.jsonl || is_dir(args) {
        return run_lines(args, out, |read, id, reference| {
            extract_line(read, &id, reference)
        });
    }
    let text = read_input(args.positional.first().map(String::as_str), args.lossy)?;
    let read = x.prepare(&text);
    let reference = reference_read(args.reference, &read);
    let ms = read.extract(&reference.anchor);
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
    let timeline = |read: &Prepared<'_>, reference: &Reference| {
        let tl = builder.build_read(read, &reference.doc);
        (tl, reference.json())
    };
    if args.jsonl || is_dir(args) {
        return run_lines(args, out, |read, id, reference| {
            timeline_line(&builder.build_read(read, &reference.doc), &id, reference)
        });
    }
    let text = read_input(args.positional.first().map(String::as_str), args.lossy)?;
    let read = x.prepare(&text);
    let reference = reference_read(args.reference, &read);
    let (tl, r) = timeline(&read, &reference);
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

/// One unit of input: a JSONL line (with its line number) or a whole .txt file of a directory.
enum Item<'a> {
    Line(usize, &'a [u8]),
    File(String, io::Result<Vec<u8>>),
}

/// A run of consecutive input, handed to one worker; its answers come back as one block.
struct Chunk {
    seq: usize,
    items: Items,
}

/// What a chunk holds: whole lines of a JSONL stream as read (split by the worker, not by the
/// reader), or whole files.
enum Items {
    /// Lines numbered from `first`, each ended by `\n` but perhaps the input's last.
    Lines { first: usize, data: Vec<u8> },
    /// Files of a directory, by name, with their bytes or the error reading them.
    Files(Vec<(String, io::Result<Vec<u8>>)>),
}

impl Items {
    /// The bytes of input the chunk holds.
    fn input_len(&self) -> usize {
        match self {
            Items::Lines { data, .. } => data.len(),
            Items::Files(files) => files
                .iter()
                .map(|(_, data)| data.as_ref().map_or(0, Vec::len))
                .sum(),
        }
    }

    /// Calls `f` on each item in order: the lines that are not blank, their ends (`\n`, `\r`)
    /// trimmed, with their line numbers; or the files.
    fn each(self, mut f: impl FnMut(Item<'_>)) {
        match self {
            Items::Lines { first, data } => {
                let mut n = first;
                let mut rest = data.as_slice();
                while !rest.is_empty() {
                    let end = memchr::memchr(b'\n', rest).unwrap_or(rest.len());
                    let (mut line, after) = rest.split_at(end);
                    rest = after.get(1..).unwrap_or_default();
                    while let [head @ .., b'\r'] = line {
                        line = head;
                    }
                    if !line.iter().all(u8::is_ascii_whitespace) {
                        f(Item::Line(n, line));
                    }
                    n += 1;
                }
            }
            Items::Files(files) => {
                for (name, data) in files {
                    f(Item::File(name, data));
                }
            }
        }
    }
}

/// Answers to one chunk: its lines of output, and whether every item succeeded.
struct Answers {
    seq: usize,
    count: usize,
    text: String,
    ok: bool,
}

/// Input bytes per chunk, about (a line is never cut, so a longer line makes a longer chunk),
/// and files per chunk at most: small enough to spread the work evenly over the threads,
/// large enough that handing chunks over costs nothing.
const CHUNK_BYTES: usize = 128 << 10;
const CHUNK_FILES: usize = 32;

/// Where items come from: a JSONL stream, or the sorted .txt files of a directory.
enum Source {
    /// A stream read in blocks of about `block` bytes, and the start of a line read with the
    /// last block, carried over to the next.
    Lines {
        reader: Box<dyn Read + Send>,
        carry: Vec<u8>,
        block: usize,
    },
    Files(std::vec::IntoIter<std::path::PathBuf>),
}

impl Source {
    fn open(path: Option<&str>) -> io::Result<Source> {
        let p = match path {
            None | Some("-") => return Ok(Source::lines(Box::new(io::stdin()), CHUNK_BYTES)),
            Some(p) => p,
        };
        let meta = std::fs::metadata(p)
            .map_err(|e| io::Error::new(e.kind(), format!("cannot read {p}: {e}")))?;
        if meta.is_dir() {
            let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(p)
                .map_err(|e| io::Error::new(e.kind(), format!("cannot read {p}: {e}")))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|x| x == "txt") && f.is_file())
                .collect();
            files.sort();
            return Ok(Source::Files(files.into_iter()));
        }
        let file = std::fs::File::open(p)
            .map_err(|e| io::Error::new(e.kind(), format!("cannot read {p}: {e}")))?;
        Ok(Source::lines(Box::new(file), CHUNK_BYTES))
    }

    fn lines(reader: Box<dyn Read + Send>, block: usize) -> Source {
        Source::Lines {
            reader,
            carry: Vec::new(),
            block: block.max(1),
        }
    }

    /// The next chunk, `None` at the end. `lineno` is the number of lines handed out so far.
    ///
    /// Lines are read straight into the chunk's buffer, a block at a time, and the chunk ends
    /// after the last whole line: the reader copies nothing but the unfinished line it carries
    /// over and looks for no line but the last, so that it takes little of a core the workers
    /// need. It counts the lines to number the next chunk. Newlines are found by `memchr`, many
    /// bytes at a time.
    fn chunk(&mut self, lineno: &mut usize, seq: usize) -> io::Result<Option<Chunk>> {
        match self {
            Source::Lines {
                reader,
                carry,
                block,
            } => {
                let mut data = std::mem::take(carry);
                let mut whole = None;
                let mut eof = false;
                while data.len() < *block || whole.is_none() {
                    let start = data.len();
                    let want = *block;
                    data.reserve(want);
                    // Into the buffer's spare room, which is not zeroed first; only the end of
                    // the input stops it short of `want`.
                    let n = reader.by_ref().take(want as u64).read_to_end(&mut data)?;
                    if let Some(p) = data
                        .get(start..)
                        .and_then(|new| memchr::memrchr(b'\n', new))
                    {
                        whole = Some(start + p + 1);
                    }
                    if n < want {
                        eof = true;
                        break;
                    }
                }
                // At the end of the input its last line is whole too.
                let end = if eof {
                    data.len()
                } else {
                    whole.unwrap_or(data.len())
                };
                *carry = data.get(end..).unwrap_or_default().to_vec();
                data.truncate(end);
                if data.is_empty() {
                    return Ok(None);
                }
                let first = *lineno + 1;
                *lineno += memchr::memchr_iter(b'\n', &data).count();
                if data.last() != Some(&b'\n') {
                    *lineno += 1;
                }
                Ok(Some(Chunk {
                    seq,
                    items: Items::Lines { first, data },
                }))
            }
            Source::Files(files) => {
                let mut items = Vec::new();
                let mut bytes = 0;
                while items.len() < CHUNK_FILES && bytes < CHUNK_BYTES {
                    let Some(path) = files.next() else { break };
                    let name = path
                        .file_name()
                        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                    let data = std::fs::read(&path);
                    bytes += data.as_ref().map_or(0, Vec::len);
                    items.push((name, data));
                }
                Ok((!items.is_empty()).then_some(Chunk {
                    seq,
                    items: Items::Files(items),
                }))
            }
        }
    }
}

/// Shows articles done and articles per second on standard error, only when it is a terminal.
struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    fn new() -> Progress {
        use std::io::IsTerminal;
        if !io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = indicatif::ProgressBar::new_spinner();
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{spinner} {human_pos} articles, {rate} articles/s ({elapsed})",
        ) {
            bar.set_style(style.with_key(
                "rate",
                |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.0}", state.per_sec());
                },
            ));
        }
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        Progress(Some(bar))
    }

    fn add(&self, n: usize) {
        if let Some(bar) = &self.0 {
            bar.inc(n as u64);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish();
        }
    }
}

/// Reads JSONL (`{"id", "text", "date"?}` a line), or every .txt file of a directory (`id` is
/// the file name, in sorted order), and answers each with `f` (from the text, its `id` and its
/// reference), one JSON line each, in input order. `args.threads` threads (this one and the
/// workers) each read the next chunk of lines when they need work and answer it; this thread
/// also writes the answers in order. No more than a few chunks per thread are read ahead of
/// the writing, so memory stays bounded whatever the input's size.
/// A line that cannot be read gives an error object and the run goes on; the result is `false`
/// if any line failed.
fn run_lines(
    args: &Args,
    out: &mut impl Write,
    f: impl Fn(&Prepared<'_>, Json, &Reference) -> String + Sync,
) -> io::Result<bool> {
    let mut source = Source::open(args.positional.first().map(String::as_str))?;
    let answer_chunk = |chunk: Chunk| -> Answers {
        // A timeline's lines take about as many bytes as the articles they answer (an
        // extraction's a quarter): room for a little more, so the answers are not copied as
        // they grow.
        let len = chunk.items.input_len();
        let mut text = String::with_capacity(len.saturating_add(len / 4));
        let mut count = 0;
        let mut ok = true;
        chunk.items.each(|item| {
            let (line, good) = answer_item(args, item, &f);
            text.push_str(&line);
            text.push('\n');
            ok &= good;
            count += 1;
        });
        Answers {
            seq: chunk.seq,
            count,
            text,
            ok,
        }
    };
    let progress = Progress::new();
    let threads = args.threads.max(1);
    let mut all_ok = true;
    if threads == 1 {
        let mut lineno = 0;
        while let Some(chunk) = source.chunk(&mut lineno, 0)? {
            let a = answer_chunk(chunk);
            all_ok &= a.ok;
            out.write_all(a.text.as_bytes())?;
            progress.add(a.count);
        }
        progress.finish();
        return Ok(all_ok);
    }

    use std::sync::Mutex;
    use std::sync::mpsc::{TryRecvError, sync_channel};
    // At most `window` chunks read and not yet written: a chunk is read only with a credit,
    // which comes back when the chunk is written.
    let window = 4 * threads;
    let (credit_tx, credit_rx) = sync_channel::<()>(window);
    for _ in 0..window {
        let _ = credit_tx.send(());
    }
    let credits = Mutex::new(credit_rx);
    // No thread only reads or only writes: whichever thread needs work reads the next chunk,
    // and this thread also answers chunks between writing them (as many threads as cores,
    // none of them taking a core from the others to hand chunks over).
    let input = Mutex::new(Input {
        source,
        lineno: 0,
        seq: 0,
        done: false,
        error: None,
    });
    // The next chunk, with a credit for it; `wait` says whether to wait for a credit (the
    // workers) or to give up at once (this thread, which gives the credits back).
    let take = |wait: bool| -> Option<Chunk> {
        let credit = if wait {
            credits.lock().ok()?.recv().ok()
        } else {
            credits.try_lock().ok()?.try_recv().ok()
        };
        credit?;
        let mut guard = input.lock().ok()?;
        let input = &mut *guard;
        if input.done {
            return None;
        }
        match input.source.chunk(&mut input.lineno, input.seq) {
            Ok(Some(chunk)) => {
                input.seq += 1;
                Some(chunk)
            }
            Ok(None) => {
                input.done = true;
                None
            }
            Err(e) => {
                input.done = true;
                input.error = Some(e);
                None
            }
        }
    };
    let (done_tx, done_rx) = sync_channel::<Answers>(window);
    let written = std::thread::scope(|s| -> io::Result<()> {
        for _ in 1..threads {
            let done = done_tx.clone();
            let (take, answer_chunk) = (&take, &answer_chunk);
            s.spawn(move || {
                while let Some(chunk) = take(true) {
                    if done.send(answer_chunk(chunk)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        // Write in input order: keep early answers until their turn.
        let mut pending: std::collections::BTreeMap<usize, Answers> =
            std::collections::BTreeMap::new();
        let mut next = 0;
        let mut written = Ok(());
        let mut workers = true;
        loop {
            while let Some(a) = pending.remove(&next) {
                next += 1;
                all_ok &= a.ok;
                if written.is_ok() {
                    written = out.write_all(a.text.as_bytes());
                }
                progress.add(a.count);
                let _ = credit_tx.send(());
            }
            if written.is_err() {
                break;
            }
            match done_rx.try_recv() {
                Ok(a) => {
                    pending.insert(a.seq, a);
                    continue;
                }
                Err(TryRecvError::Disconnected) => workers = false,
                Err(TryRecvError::Empty) => {}
            }
            if let Some(chunk) = take(false) {
                let a = answer_chunk(chunk);
                pending.insert(a.seq, a);
                continue;
            }
            if !workers {
                break;
            }
            // Nothing to do here but wait: the chunk whose turn it is is a worker's.
            match done_rx.recv() {
                Ok(a) => {
                    pending.insert(a.seq, a);
                }
                Err(_) => workers = false,
            }
        }
        // Stopped early (the output went away): the workers read no more and stop.
        if let Ok(mut input) = input.lock() {
            input.done = true;
        }
        drop(credit_tx);
        drop(done_rx);
        written
    });
    progress.finish();
    written?;
    match input.into_inner().ok().and_then(|i| i.error) {
        Some(e) => Err(e),
        None => Ok(all_ok),
    }
}

/// The input of [`run_lines`] with more than one thread, shared by the threads that read it.
struct Input {
    source: Source,
    /// Lines handed out so far.
    lineno: usize,
    /// The number of the next chunk.
    seq: usize,
    /// No chunk is left (or reading failed, or the run stopped).
    done: bool,
    error: Option<io::Error>,
}

/// Answers one item: the JSON line to print and whether it succeeded.
fn answer_item(
    args: &Args,
    item: Item<'_>,
    f: &impl Fn(&Prepared<'_>, Json, &Reference) -> String,
) -> (String, bool) {
    match item {
        Item::Line(n, bytes) => {
            let line = match decode(bytes, args.lossy) {
                Ok(s) => s,
                Err(at) => {
                    let e = json!({"line": n, "error": format!("line {n} is not valid UTF-8 at byte {at} (use --lossy)")});
                    return (e.to_string(), false);
                }
            };
            let obj = match serde_json::from_str::<Json>(&line) {
                Ok(obj) => obj,
                Err(err) => {
                    let e = json!({"line": n, "error": format!("line {n} is not JSON: {err}")});
                    return (e.to_string(), false);
                }
            };
            let id = obj.get("id").cloned().unwrap_or(Json::Null);
            let Some(text) = obj.get("text").and_then(Json::as_str) else {
                let e = json!({"id": id, "line": n, "error": format!("line {n} has no \"text\" string")});
                return (e.to_string(), false);
            };
            // A date we cannot read is this line's error (unless --ref overrides it); no date
            // (absent or null) means the reference is inferred from the text.
            let date = match obj.get("date") {
                None | Some(Json::Null) => None,
                Some(Json::String(d)) => {
                    let read = d
                        .parse::<Anchor>()
                        .or_else(|_| d.get(..10).unwrap_or(d).parse::<Anchor>());
                    match read {
                        Ok(a) => Some(a),
                        Err(_) if args.reference.is_some() => None,
                        Err(_) => {
                            let e = json!({"id": id, "line": n, "error": format!("line {n}: cannot read the date {d:?}: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM")});
                            return (e.to_string(), false);
                        }
                    }
                }
                Some(_) if args.reference.is_some() => None,
                Some(_) => {
                    let e = json!({"id": id, "line": n, "error": format!("line {n}: \"date\" is not a string")});
                    return (e.to_string(), false);
                }
            };
            (respond(args, text, id, date, f), true)
        }
        Item::File(name, data) => {
            let text = match data.as_deref().map(|d| decode(d, args.lossy)) {
                Ok(Ok(text)) => text,
                Ok(Err(at)) => {
                    let e = json!({"id": name, "error": format!("{name} is not valid UTF-8 at byte {at} (use --lossy)")});
                    return (e.to_string(), false);
                }
                Err(err) => {
                    let e = json!({"id": name, "error": format!("cannot read {name}: {err}")});
                    return (e.to_string(), false);
                }
            };
            (respond(args, &text, Json::String(name), None, f), true)
        }
    }
}

/// `f`'s answer for one text.
fn respond(
    args: &Args,
    text: &str,
    id: Json,
    date: Option<Anchor>,
    f: &impl Fn(&Prepared<'_>, Json, &Reference) -> String,
) -> String {
    let read = extractor(args).prepare(text);
    let reference = reference_read(args.reference.or(date), &read);
    f(&read, id, &reference)
}

/// One `extract --jsonl` line, `{"id", "mentions", "reference"}`, written directly rather than
/// through a `serde_json::Value` tree (which took more time than finding the dates); the keys
/// come in the sorted order that tree prints, so the bytes are the same.
fn extract_line(read: &Prepared<'_>, id: &Json, reference: &Reference) -> String {
    use std::fmt::Write as _;
    let ms = read.extract(&reference.anchor);
    let mut s = String::with_capacity(64 + ms.len() * 256);
    let _ = write!(s, "{{\"id\":{id},\"mentions\":[");
    for (k, m) in ms.iter().enumerate() {
        if k > 0 {
            s.push(',');
        }
        push_mention(&mut s, m);
    }
    s.push_str("],\"reference\":");
    reference.push_json(&mut s);
    s.push('}');
    s
}

/// One `timeline --jsonl` line, `{"events", "id", "reference"}`, written directly like
/// [`extract_line`]: each event's keys in sorted order, as the `serde_json::Value` tree of
/// [`tarikh::event::Event`]'s JSON prints them.
fn timeline_line(tl: &tarikh::Timeline, id: &Json, reference: &Reference) -> String {
    use std::fmt::Write as _;
    let mut s = String::with_capacity(64 + tl.events.len() * 512);
    s.push_str("{\"events\":[");
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string());
    for (k, e) in tl.events.iter().enumerate() {
        if k > 0 {
            s.push(',');
        }
        let _ = write!(s, "{{\"dated_by\":\"{}\",\"end\":", e.dated_by.as_str());
        push_opt_str(&mut s, day(e.value.and_then(|v| v.last_day())).as_deref());
        s.push_str(",\"family\":");
        push_opt_str(&mut s, e.family());
        s.push_str(",\"grain\":");
        push_opt_str(&mut s, e.value.and_then(|v| v.grain()).map(|g| g.as_str()));
        s.push_str(",\"mentions\":[");
        for (j, m) in e.mentions.iter().enumerate() {
            if j > 0 {
                s.push(',');
            }
            push_mention(&mut s, m);
        }
        s.push(']');
        if !e.repeats.is_empty() {
            s.push_str(",\"repeats\":[");
            for (j, r) in e.repeats.iter().enumerate() {
                if j > 0 {
                    s.push(',');
                }
                let _ = write!(s, "[{},{}]", r.start, r.end);
            }
            s.push(']');
        }
        let _ = write!(s, ",\"span\":[{},{}],\"start\":", e.span.start, e.span.end);
        push_opt_str(&mut s, day(e.value.and_then(|v| v.first_day())).as_deref());
        s.push_str(",\"text\":");
        push_str(&mut s, &e.text);
        s.push_str(",\"trigger\":");
        push_opt_str(&mut s, e.trigger.as_ref().map(|t| t.text.as_str()));
        if e.triggers.len() > 1 {
            s.push_str(",\"triggers\":[");
            for (j, t) in e.triggers.iter().enumerate() {
                if j > 0 {
                    s.push(',');
                }
                push_str(&mut s, &t.text);
            }
            s.push(']');
        }
        s.push_str(",\"value\":");
        push_opt_str(&mut s, e.value.map(|v| v.to_string()).as_deref());
        s.push('}');
    }
    let _ = write!(s, "],\"id\":{id},\"reference\":");
    reference.push_json(&mut s);
    s.push('}');
    s
}

/// A mention's JSON object, keys in sorted order (as a `serde_json::Value` tree prints them).
fn push_mention(s: &mut String, m: &Mention) {
    use std::fmt::Write as _;
    s.push_str("{\"char_end\":");
    push_u64(s, m.char_span.end as u64);
    s.push_str(",\"char_start\":");
    push_u64(s, m.char_span.start as u64);
    s.push_str(",\"end\":");
    push_u64(s, m.span.end as u64);
    s.push_str(",\"expr\":");
    push_sorted(s, &m.expr);
    if !m.flags.is_empty() {
        s.push_str(",\"flags\":");
        push_sorted(s, &m.flags);
    }
    s.push_str(",\"grain\":");
    push_opt_str(s, m.grain.map(|g| g.as_str()));
    s.push_str(",\"start\":");
    push_u64(s, m.span.start as u64);
    s.push_str(",\"text\":");
    push_str(s, &m.text);
    s.push_str(",\"type\":\"");
    s.push_str(m.kind.as_str());
    s.push_str("\",\"value\":");
    // The value's text needs no escaping but is checked as any string is.
    let at = s.len();
    let _ = write!(s, "{}", m.value);
    let value = s.split_off(at);
    push_str(s, &value);
    s.push('}');
}

/// A number in decimal, as `{}` writes it, without the formatting machinery.
fn push_u64(s: &mut String, mut v: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        if let Some(d) = digits.get_mut(at) {
            *d = b'0' + (v % 10) as u8;
        }
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for &d in digits.get(at..).unwrap_or(&[]) {
        s.push(char::from(d));
    }
}

/// A value as its `serde_json::Value` tree prints (keys sorted, `null` if it has none),
/// written without the tree ([`sorted_json`]) unless it holds what only the tree writes.
fn push_sorted<T: serde::Serialize + ?Sized>(s: &mut String, v: &T) {
    if sorted_json::write(s, v).is_err() {
        let tree = serde_json::to_value(v).unwrap_or(Json::Null);
        s.push_str(&tree.to_string());
    }
}

/// A JSON string, escaped as serde_json escapes it: `"` and `\\`, the short forms of backspace,
/// tab, newline, form feed and carriage return, `\u00xx` for the other control characters.
fn push_str(s: &mut String, v: &str) {
    s.push('"');
    let bytes = v.as_bytes();
    let mut from = 0;
    while let Some(i) = next_escape(bytes, from) {
        let Some(&b) = bytes.get(i) else { break };
        s.push_str(v.get(from..i).unwrap_or(""));
        let short = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            b'\t' => "\\t",
            b'\n' => "\\n",
            0x0c => "\\f",
            b'\r' => "\\r",
            _ => "",
        };
        if short.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            s.push_str("\\u00");
            for d in [b >> 4, b & 15] {
                s.push(char::from(HEX.get(usize::from(d)).copied().unwrap_or(b'0')));
            }
        } else {
            s.push_str(short);
        }
        from = i + 1;
    }
    s.push_str(v.get(from..).unwrap_or(""));
    s.push('"');
}

/// The first byte at or after `from` that a JSON string must escape (a control character, `"`
/// or `\\`). Eight bytes are tested at once: most text has none.
fn next_escape(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let escaped = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut a = [0u8; 8];
        a.copy_from_slice(chunk);
        let x = u64::from_le_bytes(a);
        // Whether some byte is below 0x20, or is zero once xored with `"` or `\\`.
        let below = x.wrapping_sub(ONES * 0x20) & !x;
        let q = x ^ (ONES * u64::from(b'"'));
        let bs = x ^ (ONES * u64::from(b'\\'));
        let zero = |y: u64| y.wrapping_sub(ONES) & !y;
        if (below | zero(q) | zero(bs)) & HIGH != 0 {
            break;
        }
        i += 8;
    }
    bytes
        .get(i..)
        .unwrap_or(&[])
        .iter()
        .position(|&b| escaped(b))
        .map(|k| i + k)
}

/// A JSON string, or `null`.
fn push_opt_str(s: &mut String, v: Option<&str>) {
    match v {
        Some(v) => push_str(s, v),
        None => s.push_str("null"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_agrees_with_the_standard_library() {
        let arabic = "في 23 كانون الأول، قال «الوزير» — 😀".as_bytes();
        let mut cases: Vec<Vec<u8>> = vec![Vec::new(), arabic.to_vec(), arabic.repeat(9)];
        // An invalid byte at every place of a long line, and every cut of it.
        let long = arabic.repeat(3);
        for at in 0..long.len() {
            let mut bad = long.clone();
            if let Some(b) = bad.get_mut(at) {
                *b = 0xFF;
            }
            cases.push(bad);
            cases.push(long.get(..at).unwrap_or_default().to_vec());
        }
        for bytes in &cases {
            let want = std::str::from_utf8(bytes).map_err(|e| e.valid_up_to());
            assert_eq!(
                decode(bytes, false).map(Cow::into_owned),
                want.map(str::to_owned),
                "{bytes:?}"
            );
            assert_eq!(
                decode(bytes, true).ok(),
                Some(String::from_utf8_lossy(bytes))
            );
        }
    }

    #[test]
    fn strings_escape_as_serde_json_escapes_them() {
        let mut all: String = (0u8..0x80).map(char::from).collect();
        all.push_str("زيارة \"الوزير\" \\ «اليوم»\u{2067}\u{7f}");
        let long = format!("{all}{all}«زيارة»\u{1f}ab\\cd\"ef{}", "ز".repeat(40));
        for v in [
            all.as_str(),
            "",
            "\"",
            "a\u{1}b",
            "تم\n",
            long.as_str(),
            "12345678\"",
            "1234567\\8",
        ] {
            let mut s = String::new();
            push_str(&mut s, v);
            assert_eq!(s, serde_json::to_string(v).unwrap_or_default(), "{v:?}");
        }
    }

    #[test]
    fn references_print_as_their_tree() {
        let x = Extractor::new();
        let Some(fallback) = Anchor::from_ymd(2026, 1, 1) else {
            return;
        };
        for (text, given) in [
            ("وصل الوزير أمس الاثنين 9 تموز 2012.", None),
            ("رام الله 12-7-2012 - وصل الوزير.", None),
            ("لا تاريخ هنا.", None),
            ("وصل الوزير أمس.", Some(fallback)),
        ] {
            let read = x.prepare(text);
            let mut reference = reference_read(given, &read);
            if given.is_none() && !reference.doc.source.is_inferred() {
                // Not the clock: a fixed fallback, so that the test does not read the date.
                reference.doc = infer_prepared(&read, fallback);
                reference.anchor = reference.doc.anchor;
                reference.source = "clock";
            }
            let mut s = String::new();
            reference.push_json(&mut s);
            assert_eq!(s, reference.json().to_string(), "{text}");
        }
    }

    #[test]
    fn escapes_found_at_every_place() {
        for b in 0..=255u8 {
            for at in 0..17 {
                let mut bytes = vec![b'a'; 17];
                if let Some(x) = bytes.get_mut(at) {
                    *x = b;
                }
                let want = bytes
                    .iter()
                    .position(|&c| c < 0x20 || c == b'"' || c == b'\\');
                assert_eq!(next_escape(&bytes, 0), want, "{b} at {at}");
                // Bytes above 0x7f next to it do not hide it or stand for it.
                let mut high = vec![0xd8u8; 17];
                if let Some(x) = high.get_mut(at) {
                    *x = b;
                }
                let want = high
                    .iter()
                    .position(|&c| c < 0x20 || c == b'"' || c == b'\\');
                assert_eq!(next_escape(&high, 0), want, "{b} at {at} among high bytes");
            }
        }
    }

    /// Hands out its bytes in pieces of the given sizes, in turn, as a pipe may.
    struct Pieces {
        data: Vec<u8>,
        at: usize,
        sizes: Vec<usize>,
        turn: usize,
    }

    impl Read for Pieces {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let size = self.sizes.get(self.turn % self.sizes.len()).copied();
            self.turn += 1;
            let n = size
                .unwrap_or(1)
                .min(buf.len())
                .min(self.data.len() - self.at);
            buf.get_mut(..n)
                .unwrap_or_default()
                .copy_from_slice(self.data.get(self.at..self.at + n).unwrap_or_default());
            self.at += n;
            Ok(n)
        }
    }

    /// Numbered lines.
    type Lines = Vec<(usize, Vec<u8>)>;

    /// The lines as a line-by-line reader finds them: each read up to its `\n`, numbered, its
    /// ends trimmed, the blank ones left out.
    fn lines_one_by_one(data: &[u8]) -> Lines {
        let mut reader = data;
        let mut out = Vec::new();
        let mut n = 0;
        loop {
            let mut buf = Vec::new();
            if reader.read_until(b'\n', &mut buf).unwrap_or(0) == 0 {
                return out;
            }
            n += 1;
            while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                buf.pop();
            }
            if !buf.iter().all(u8::is_ascii_whitespace) {
                out.push((n, buf));
            }
        }
    }

    /// The lines of every chunk `Source::Lines` makes of `data`, and the line count it ends at.
    fn lines_by_chunks(data: &[u8], block: usize, sizes: &[usize]) -> io::Result<(Lines, usize)> {
        let reader = Pieces {
            data: data.to_vec(),
            at: 0,
            sizes: sizes.to_vec(),
            turn: 0,
        };
        let mut source = Source::lines(Box::new(reader), block);
        let mut lineno = 0;
        let mut out = Vec::new();
        let mut seq = 0;
        while let Some(chunk) = source.chunk(&mut lineno, seq)? {
            assert_eq!(chunk.seq, seq);
            seq += 1;
            chunk.items.each(|item| match item {
                Item::Line(n, line) => out.push((n, line.to_vec())),
                // Not from a stream: a line 0 that no line reader gives.
                Item::File(name, _) => out.push((0, name.into_bytes())),
            });
        }
        Ok((out, lineno))
    }

    #[test]
    fn chunks_give_the_lines_a_line_reader_gives() {
        let long = "نص ".repeat(700);
        let texts: Vec<String> = vec![
            String::new(),
            "\n".into(),
            "one".into(),
            "one\n".into(),
            "one\ntwo".into(),
            "\n\n  \n\t\r\nthree\r\n\r\r\nfour\r\r\n\n".into(),
            format!("{{\"text\": \"{long}\"}}\n\n{long}\r\nshort\n{long}"),
            "a\nbb\nccc\ndddd\neeeee\n".repeat(40),
            "\n".repeat(600),
            format!("x\n{}y", "\r".repeat(300)),
        ];
        for text in &texts {
            let data = text.as_bytes();
            let want = lines_one_by_one(data);
            let lines = data.iter().filter(|&&b| b == b'\n').count()
                + usize::from(data.last().is_some_and(|&b| b != b'\n'));
            for block in [1, 2, 3, 7, 64, 4096, CHUNK_BYTES] {
                for sizes in [&[1][..], &[3, 1, 7][..], &[64][..], &[1 << 20][..]] {
                    let got = lines_by_chunks(data, block, sizes).ok();
                    assert_eq!(
                        got,
                        Some((want.clone(), lines)),
                        "block {block}, reads {sizes:?}: {text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn timeline_lines_are_the_value_tree_printed() {
        let texts = [
            "وصل الوزير إلى دمشق الاثنين 9 تموز 2012. وخلال زيارته التقى الرئيس. وبعد سقوط النظام تغير كل شيء.",
            "قال الوزير اليوم إن الاجتماع سيعقد غدا، وإن \"الزيارة\" كانت في 3 آذار 2012.\tثم غادر.",
            "عقد الوزيران لقاء اليوم في الرياض. وقال الوزير إن اللقاء كان مثمرا. اللقاء اليوم.",
            "",
        ];
        let x = Extractor::new();
        let builder = TimelineBuilder::new();
        for text in texts {
            let read = x.prepare(text);
            let reference = reference_read(Anchor::from_ymd(2025, 12, 24), &read);
            let tl = builder.build_read(&read, &reference.doc);
            let id = json!("doc-1");
            let want = json!({
                "id": id,
                "reference": reference.json(),
                "events": serde_json::to_value(&tl.events).unwrap_or(Json::Null),
            });
            assert_eq!(
                timeline_line(&tl, &id, &reference),
                want.to_string(),
                "{text}"
            );
        }
    }
}
