//! The `tarikh` command line: `parse`, `extract`, `timeline`. See `tarikh --help`.

// The same guarantees as the library: no unsafe code, no panicking shortcuts.
#![forbid(unsafe_code)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::todo,
    clippy::unimplemented,
    clippy::unreachable
)]

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

mod cli;

use cli::args::{Args, Command};

fn main() -> ExitCode {
    // `std::env::args` panics on an argument that is not UTF-8: read them as OS strings.
    let raw: Result<Vec<String>, _> = std::env::args_os()
        .skip(1)
        .map(|a| a.into_string())
        .collect();
    let parsed = raw
        .map_err(|a| format!("argument {a:?} is not valid UTF-8"))
        .and_then(|raw| Args::parse(raw.into_iter()));
    let args = match parsed {
        Ok(a) => a,
        Err(msg) => {
            eprintln!("tarikh: {msg}");
            eprintln!("run `tarikh --help` for usage");
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = match args.command {
        Command::Help => {
            let _ = writeln!(out, "{}", cli::args::USAGE);
            Ok(true)
        }
        Command::Parse => cli::run_parse(&args, &mut out),
        Command::Extract => cli::run_extract(&args, &mut out),
        Command::Timeline => cli::run_timeline(&args, &mut out),
    };
    let result = result.and_then(|ok| out.flush().map(|_| ok));
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        // A closed pipe (`tarikh extract big.jsonl | head -1`) ends the run quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tarikh: {e}");
            ExitCode::from(1)
        }
    }
}
