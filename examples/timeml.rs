//! Writes the example article as TimeML next to it: `cargo run --example timeml`.

use tarikh::{Anchor, Extractor, timeml};

fn main() -> std::io::Result<()> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data");
    let text = std::fs::read_to_string(format!("{dir}/seed-sy-ru-moscow.txt"))?;
    let anchor = Anchor::from_ymd(2025, 12, 24).unwrap_or(Anchor::new(chrono::NaiveDate::MIN));
    let mentions = Extractor::new().extract(&text, &anchor);
    let xml = timeml::to_timeml(&text, &mentions, &anchor);
    let out = format!("{dir}/seed-sy-ru-moscow.timeml.xml");
    std::fs::write(&out, &xml)?;
    println!("{} mentions written to {out}", mentions.len());
    Ok(())
}
