//! Command-line arguments, read by hand to keep the dependency list short.

use tarikh::{Anchor, Policy};

pub const USAGE: &str = "\
usage:
  tarikh parse    [--ref DATE] [--policy news|future|past] [EXPR...]
  tarikh extract  [--ref DATE] [--policy P] [--format json|timeml] [--jsonl] [--threads N]
                  [--lossy] [FILE]
  tarikh timeline [--ref DATE] [--policy P] [--format text|json|svg|html] [--dates iso|arabic]
                  [--jsonl] [--threads N] [FILE]

DATE is YYYY-MM-DD or YYYY-MM-DDTHH:MM. Without --ref the reference date is inferred from the
text, or else today's date; the output says which (reference.source: given|inferred|clock).
With no FILE (or FILE '-') input is read from standard input. With --jsonl each input line is a
JSON object {\"id\", \"text\", \"date\"?} and each output line answers one input line, in order.
extract --format timeml writes the text as TimeML (TIMEX3 around each mention, the reference as
DCT); timeline --format svg draws the timeline, --format html writes one self-contained page
with the picture, the events and the text.";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Parse,
    Extract,
    Timeline,
    Help,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    /// `extract --format timeml`.
    Timeml,
    /// `timeline --format svg`.
    Svg,
    /// `timeline --format html`.
    Html,
}

#[derive(Debug, Clone)]
pub struct Args {
    pub command: Command,
    pub reference: Option<Anchor>,
    pub policy: Policy,
    pub jsonl: bool,
    pub threads: usize,
    pub lossy: bool,
    pub format: Format,
    /// `--dates arabic`: the text timeline writes dates with Arabic month names.
    pub arabic_dates: bool,
    pub positional: Vec<String>,
}

impl Args {
    pub fn parse(mut it: impl Iterator<Item = String>) -> Result<Args, String> {
        let command = match it.next().as_deref() {
            Some("parse") => Command::Parse,
            Some("extract") => Command::Extract,
            Some("timeline") => Command::Timeline,
            Some("-h" | "--help" | "help") => Command::Help,
            Some(other) => return Err(format!("unknown command {other:?}")),
            None => return Err("no command given".to_string()),
        };
        let mut args = Args {
            command,
            reference: None,
            policy: Policy::News,
            jsonl: false,
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            lossy: false,
            format: Format::Text,
            arabic_dates: false,
            positional: Vec::new(),
        };
        let mut json_default = true;
        while let Some(a) = it.next() {
            let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
            match a.as_str() {
                "--ref" => {
                    let v = value("--ref")?;
                    args.reference = Some(v.parse::<Anchor>().map_err(|e| e.to_string())?);
                }
                "--policy" => args.policy = value("--policy")?.parse()?,
                "--jsonl" => args.jsonl = true,
                "--lossy" => args.lossy = true,
                "--threads" => {
                    let v = value("--threads")?;
                    args.threads =
                        v.parse::<usize>().ok().filter(|&n| n >= 1).ok_or_else(|| {
                            format!("--threads takes a positive number, not {v:?}")
                        })?;
                }
                "--format" => {
                    json_default = false;
                    args.format = match value("--format")?.as_str() {
                        "text" => Format::Text,
                        "json" => Format::Json,
                        "timeml" => Format::Timeml,
                        "svg" => Format::Svg,
                        "html" => Format::Html,
                        f => {
                            return Err(format!(
                                "unknown format {f:?}: expected text, json, svg or html (timeline), json or timeml (extract)"
                            ));
                        }
                    }
                }
                "--dates" => {
                    args.arabic_dates = match value("--dates")?.as_str() {
                        "iso" => false,
                        "arabic" => true,
                        d => {
                            return Err(format!(
                                "unknown date style {d:?}: expected iso or arabic"
                            ));
                        }
                    }
                }
                "-h" | "--help" => args.command = Command::Help,
                "--" => args.positional.extend(it.by_ref()),
                s if s.starts_with("--") => return Err(format!("unknown option {s}")),
                _ => args.positional.push(a),
            }
        }
        if json_default && args.command == Command::Timeline && args.jsonl {
            args.format = Format::Json;
        }
        let fits = match args.command {
            Command::Extract => matches!(args.format, Format::Text | Format::Json | Format::Timeml),
            Command::Timeline => !matches!(args.format, Format::Timeml),
            _ => true,
        };
        if !fits {
            return Err(format!(
                "--format {} does not apply to this command",
                format!("{:?}", args.format).to_lowercase()
            ));
        }
        if args.jsonl && matches!(args.format, Format::Timeml | Format::Svg | Format::Html) {
            return Err(
                "--format timeml, svg and html write one document: not with --jsonl".to_string(),
            );
        }
        Ok(args)
    }
}
