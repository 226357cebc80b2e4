//! Writes the timeline of the example article as one self-contained HTML page, next to it:
//! `cargo run --example html` writes `examples/data/seed-sy-ru-moscow.timeline.html`. Open it
//! in a browser: the picture, the events beside it, and the article below, where a click on an
//! event highlights the sentence it was read from.

use tarikh::{Anchor, TimelineBuilder, render};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data");
    let text = std::fs::read_to_string(format!("{dir}/seed-sy-ru-moscow.txt"))?;
    // Fixed so that the page does not change with the day it is written (see examples/svg.rs).
    let fallback = Anchor::from_ymd(2026, 1, 5).ok_or("bad fallback date")?;
    let timeline = TimelineBuilder::new().build_inferred(&text, fallback);
    let options = render::Options::new().title("محادثات سورية روسية في موسكو");
    let out = format!("{dir}/seed-sy-ru-moscow.timeline.html");
    std::fs::write(&out, render::html(&timeline, &text, &options))?;
    println!("{} events written to {out}", timeline.events.len());
    Ok(())
}
