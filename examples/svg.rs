//! Draws the timeline of the example article as SVG, next to it:
//! `cargo run --example svg` writes `examples/data/seed-sy-ru-moscow.timeline.svg`.
//!
//! The article's date is inferred from the text ("اليوم، الأربعاء 24 من كانون الأول"); the
//! fallback date only chooses the nearest year, and is fixed here so that the picture does not
//! change with the day it is drawn.

use tarikh::{Anchor, TimelineBuilder};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data");
    let text = std::fs::read_to_string(format!("{dir}/seed-sy-ru-moscow.txt"))?;
    let fallback = Anchor::from_ymd(2026, 1, 5).ok_or("bad fallback date")?;
    let timeline = TimelineBuilder::new().build_inferred(&text, fallback);
    let out = format!("{dir}/seed-sy-ru-moscow.timeline.svg");
    std::fs::write(&out, timeline.to_svg())?;
    println!(
        "{} events ({} dated) drawn in {out}",
        timeline.events.len(),
        timeline.dated().count()
    );
    Ok(())
}
