//! The crate's one error type.

use std::ops::Range;

/// What went wrong, without where.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input holds no date expression.
    NoExpression,
    /// The input holds an expression, but also other text (for [`crate::Extractor::parse`]).
    NotWhole {
        /// How many expressions were found.
        found: usize,
    },
    /// A date that does not exist: "31 شباط 2025".
    InvalidDate {
        /// The day as said.
        day: u32,
        /// The month, as its name in the family it was written in.
        month: String,
        /// The year, when known.
        year: Option<i32>,
    },
    /// A time that does not exist: "الساعة 25".
    InvalidTime {
        /// Hour as said.
        hour: u32,
        /// Minute as said.
        minute: u32,
    },
    /// A date outside the range the crate computes with (years beyond ±262,000).
    OutOfRange,
    /// A reference date the command line or a caller could not read.
    InvalidReference {
        /// The text given.
        given: String,
    },
    /// Something the crate recognizes but cannot compute yet.
    Unsupported {
        /// What it is.
        what: &'static str,
    },
}

/// An error with the byte span of the input it concerns and the text found there.
///
/// ```
/// use tarikh::{Anchor, Extractor, ErrorKind};
///
/// let anchor = Anchor::from_ymd(2025, 1, 1).unwrap();
/// let err = Extractor::new().parse("31 شباط 2025", &anchor).unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::InvalidDate { day: 31, .. }));
/// assert_eq!(err.span(), 0..err.text().len());
/// assert_eq!(err.to_string(), "day 31 does not exist in شباط 2025, in \"31 شباط 2025\" at bytes 0..16");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message())]
pub struct Error {
    kind: ErrorKind,
    span: Range<usize>,
    text: String,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, span: Range<usize>, text: &str) -> Error {
        Error {
            kind,
            span,
            text: text.to_string(),
        }
    }

    /// Moves the span on by `bytes`: the offset of the piece of text it was found in.
    pub(crate) fn shift(&mut self, bytes: usize) {
        self.span = self.span.start + bytes..self.span.end + bytes;
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The byte range of the input concerned.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// The text at that span.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// True when the input was read but names a date or time that does not exist.
    pub fn is_invalid_date(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::InvalidDate { .. } | ErrorKind::InvalidTime { .. } | ErrorKind::OutOfRange
        )
    }

    fn message(&self) -> String {
        let what = match &self.kind {
            ErrorKind::NoExpression => "no date or time expression found".to_string(),
            ErrorKind::NotWhole { found } => format!(
                "the input is not one whole date expression ({found} expression{} and other text found)",
                if *found == 1 { "" } else { "s" }
            ),
            ErrorKind::InvalidDate { day, month, year } => match year {
                Some(y) => format!("day {day} does not exist in {month} {y}"),
                None => format!("day {day} does not exist in {month}"),
            },
            ErrorKind::InvalidTime { hour, minute } => {
                format!("{hour}:{minute:02} is not a time of day")
            }
            ErrorKind::OutOfRange => "the date is outside the supported range".to_string(),
            ErrorKind::InvalidReference { given } => format!(
                "cannot read the reference date {given:?}: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM"
            ),
            ErrorKind::Unsupported { what } => format!("{what} are not supported yet"),
        };
        // A reference date's message already quotes it.
        if self.text.is_empty() || matches!(self.kind, ErrorKind::InvalidReference { .. }) {
            what
        } else {
            format!(
                "{what}, in {:?} at bytes {}..{}",
                self.text, self.span.start, self.span.end
            )
        }
    }
}
