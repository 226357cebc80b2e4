//! # tarikh — Arabic date expressions, resolved
//!
//! `tarikh` (تاريخ: "date" and "history") finds the date and time expressions of Arabic text,
//! resolves them against a reference date into [chrono] values, and reports exact spans into
//! the original text.
//!
//! ```
//! use tarikh::{Anchor, Extractor};
//!
//! let text = "وقال الشيباني في مؤتمر صحفي اليوم، الأربعاء 24 من كانون الأول، إن ...";
//! let anchor = Anchor::from_ymd(2025, 12, 24).unwrap();
//! for m in Extractor::new().extract(text, &anchor) {
//!     println!("{} → {} ({})", m.text, m.value, m.kind.as_str());
//! }
//! let found = Extractor::new().extract(text, &anchor);
//! assert_eq!(found[1].value.to_string(), "2025-12-24");
//! assert_eq!(found[1].value.first_day(), chrono::NaiveDate::from_ymd_opt(2025, 12, 24));
//! ```
//!
//! ## Pipeline
//! Text is folded ([`normalize`]) with a map back to the original; split into tokens classified
//! by the word tables ([`lexicon`]); matched by a small grammar into an [`Expr`] (what the text
//! said); and resolved under a [`Policy`] against an [`Anchor`] into a [`Value`] (what it
//! means, printed as an ISO-TimeML string).
//!
//! ## Timelines
//! [`document`] splits a text into sentences and infers the date it was written
//! ([`document::infer_date`]: a dateline, "اليوم، الأربعاء 24 من كانون الأول", a weekday that fixes
//! a year...); [`event`] finds the events by their trigger words and dates each one from the
//! mentions of its clause, its sentence or the sentence it continues; [`timeline`] orders them.
//! [`render`] draws a timeline as SVG, or as one HTML page with the text, each event linked to
//! the clause it was read from ([`Timeline::to_svg`], [`Timeline::to_html`]).
//!
//! ```
//! use tarikh::{Anchor, TimelineBuilder};
//!
//! let text = "استقبل الرئيس في 15 من تشرين الأول الماضي نظيره السوري. \
//!             وقال الوزير في مؤتمر صحفي اليوم، الأربعاء 24 من كانون الأول، إن المحادثات جيدة.";
//! // No reference date: the text's own date is found; the fallback only picks the nearest year.
//! let tl = TimelineBuilder::new().build_inferred(text, Anchor::from_ymd(2026, 6, 1).unwrap());
//! assert_eq!(tl.reference.anchor.to_string(), "2025-12-24");
//! let got: Vec<(String, Option<&str>)> =
//!     tl.dated().map(|e| (e.value.unwrap().to_string(), e.family())).collect();
//! assert_eq!(got, [("2025-10-15".into(), Some("reception")), ("2025-12-24".into(), Some("conference"))]);
//! ```
//!
//! ## Coverage
//! Month names of the Syriac, Egyptian/Gulf, Maghrebi and Moroccan families with their variants,
//! Hijri month names, numbered months, numeric dates in any digit system, years with عام/سنة/م,
//! weekdays, relative days, weeks, months and years, "N units ago/later", parts of periods,
//! seasons, quarters, halves, decades and centuries, ranges, clock times and parts of day,
//! durations and sets.
//!
//! ## Untrusted input
//! Every function takes any `&str` without panicking; work is linear in the input's length.
//! Dates that do not exist ("31 شباط 2025") are skipped by [`Extractor::extract`] and reported as
//! an [`Error`] by [`Extractor::parse`].

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::string_slice,
        clippy::todo,
        clippy::unimplemented,
        clippy::unreachable
    )
)]

pub mod document;
pub mod easter;
mod error;
pub mod event;
mod expr;
mod extract;
pub mod hijri;
pub mod lexicon;
pub mod normalize;
mod recognize;
pub mod render;
mod resolve;
pub mod timeline;
pub mod timeml;
mod token;
mod value;

pub use error::{Error, ErrorKind};
pub use expr::{
    CenturySaid, DateExpr, DecadeSaid, Expr, Feast, MonthSaid, Nth, NthOf, Shift, TimeSaid,
    YearSaid,
};
pub use extract::{Extractor, Mention, MentionType, Prepared};
pub use lexicon::{Calendar, Direction, MonthFamily, Part};
pub use resolve::{Anchor, Flag, Policy};
pub use timeline::{Timeline, TimelineBuilder};
pub use value::{DayPart, Duration, Grain, Point, Recurrence, Season, Unit, Vague, Value};

/// The README's examples, run as doctests so that they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// The bundled sample of tests/data, read by the unit tests that hold a fast path to its model.
#[cfg(test)]
pub(crate) mod testdata {
    /// The JawharaFM sample (one JSON object per line), whole. A missing file fails the test
    /// instead of leaving it nothing to check.
    pub(crate) fn sample() -> String {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/ant-jawharafm-sample.jsonl"
        );
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// The sample's lines (one article each, as JSON), then `more`: texts to hold a fast path
    /// to its model on.
    pub(crate) fn sample_lines_and(more: &[&str]) -> Vec<String> {
        let sample = sample();
        let mut texts: Vec<String> = sample.lines().map(str::to_string).collect();
        texts.extend(more.iter().map(|t| t.to_string()));
        texts
    }

    /// The sample's folded words, in order.
    pub(crate) fn sample_words() -> Vec<String> {
        crate::normalize::fold(&sample())
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    }
}
