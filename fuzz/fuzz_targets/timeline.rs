//! `TimelineBuilder` on any text (see tests/hostile_support/checks.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/hostile_support/checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::timeline(data));
