//! The timeline of the bundled example article, read with no reference date: the article's own
//! date is inferred from what it says ("اليوم، الأربعاء 24 من كانون الأول", and 23 December
//! being a Tuesday in 2025).
//!
//! ```sh
//! cargo run --example timeline              # a table for the terminal
//! cargo run --example timeline -- --arabic  # dates with Arabic month names
//! cargo run --example timeline -- --json    # the JSON of `tarikh timeline --format json`
//! cargo run --example timeline -- FILE      # another article
//! ```

use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{Days, NaiveDate};
use tarikh::timeline::DateStyle;
use tarikh::{Anchor, TimelineBuilder};

const SEED: &str = include_str!("data/seed-sy-ru-moscow.txt");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let arabic = args.iter().any(|a| a == "--arabic");
    let text = match args.iter().find(|a| !a.starts_with("--")) {
        Some(path) => std::fs::read_to_string(path)?,
        None => SEED.to_string(),
    };

    // The library never reads the clock: the caller passes the date to fall back on (and to
    // choose the nearest year for a date written without one). Here, today.
    let secs = SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs();
    let today = NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(secs / 86_400)))
        .ok_or("the clock is out of range")?;

    let timeline = TimelineBuilder::new().build_inferred(&text, Anchor::new(today));
    if json {
        println!("{}", serde_json::to_string_pretty(&timeline)?);
    } else {
        let style = if arabic {
            DateStyle::Arabic(timeline.month_family())
        } else {
            DateStyle::Iso
        };
        print!("{}", timeline.render(style, 90));
    }
    Ok(())
}
