//! Tokens of the folded text: words classified by the lexicon, numbers, punctuation.

use crate::lexicon::{Entry, Lexicon};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A run of letters.
    Word,
    /// A run of ASCII digits (after folding): its value (saturating) and digit count.
    Number {
        /// The value, saturated at `u32::MAX`.
        value: u32,
        /// How many digits were written.
        digits: u16,
    },
    /// One punctuation or symbol character.
    Punct(char),
}

/// A token of the folded text.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// Byte range in the folded text.
    pub start: u32,
    /// End of the byte range in the folded text.
    pub end: u32,
    /// What the token is.
    pub kind: Kind,
    /// The lexicon entry of a word, if it has one.
    pub entry: Option<Entry>,
    /// Whitespace separates this token from the previous one.
    pub space_before: bool,
}

impl Token {
    /// The start of the word proper, after attached clitics.
    pub fn core_start(&self) -> u32 {
        self.start + self.entry.map_or(0, |e| u32::from(e.clitic_len))
    }

    /// The token's text in the folded string.
    pub fn text<'a>(&self, folded: &'a str) -> &'a str {
        folded
            .get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }
}

#[inline]
fn is_letter(c: char) -> bool {
    // Arabic letters and ASCII without the Unicode tables: most of the text.
    match c {
        'a'..='z' | 'A'..='Z' | '\u{0621}'..='\u{064A}' => true,
        '\0'..='\u{7F}' => false,
        _ => c.is_alphabetic(),
    }
}

/// The byte length of the letter at `i`, if there is one.
#[inline]
fn letter_len(folded: &str, i: usize) -> Option<usize> {
    match folded.as_bytes().get(i..)? {
        [b'a'..=b'z' | b'A'..=b'Z', ..] => Some(1),
        // U+0621..U+063F and U+0640..U+064A: Arabic letters (and tatweel, folded away).
        [0xD8, 0xA1..=0xBF, ..] | [0xD9, 0x80..=0x8A, ..] => Some(2),
        [0..=0x7F, ..] | [] => None,
        _ => {
            let c = folded.get(i..)?.chars().next()?;
            is_letter(c).then_some(c.len_utf8())
        }
    }
}

/// By first byte: which second bytes make a letter of the fast path (all, for an ASCII
/// letter), and its length (0 if none): ASCII letters, U+0621..U+063F after 0xD8 and
/// U+0640..U+064A after 0xD9.
static LETTER_MASK: [u64; 256] = letter_table().0;
static LETTER_LEN: [u8; 256] = letter_table().1;

// Evaluated at compile time: an index out of range would fail the build, not a run.
#[allow(clippy::indexing_slicing)]
const fn letter_table() -> ([u64; 256], [u8; 256]) {
    let mut mask = [0u64; 256];
    let mut len = [0u8; 256];
    let mut b = 0;
    while b < 0x80 {
        if (b >= b'a' as usize && b <= b'z' as usize) || (b >= b'A' as usize && b <= b'Z' as usize)
        {
            mask[b] = u64::MAX;
            len[b] = 1;
        }
        b += 1;
    }
    mask[0xD8] = u64::MAX << 0x21; // 0xA1..=0xBF
    len[0xD8] = 2;
    mask[0xD9] = (1 << 0x0B) - 1; // 0x80..=0x8A
    len[0xD9] = 2;
    (mask, len)
}

/// The letters of the fast path by a character's first two bytes (the first in the low byte):
/// the character's length if it is an ASCII letter or an Arabic letter U+0621..U+064A, else
/// [`Step::Stop`]. A two-byte letter counts only with a continuation byte after its lead.
static LETTER_STEP: [Step; 1 << 16] = step_table();

// Evaluated at compile time: an index out of range would fail the build, not a run.
#[allow(clippy::indexing_slicing)]
const fn step_table() -> [Step; 1 << 16] {
    let mut steps = [Step::Stop; 1 << 16];
    let mut key = 0;
    while key < 1 << 16 {
        let (b, next) = (key & 0xFF, key >> 8);
        if (LETTER_MASK[b] >> (next & 0x3F)) & 1 == 1 {
            steps[key] = match LETTER_LEN[b] {
                1 => Step::One,
                2 if next & 0xC0 == 0x80 => Step::Two,
                _ => Step::Stop,
            };
        }
        key += 1;
    }
    steps
}

/// A letter's length in [`LETTER_STEP`], 0 if there is none. An enum, not a number, so the
/// compiler knows a step is at most two and [`arabic_letters_end`] needs no bounds checks.
#[derive(Clone, Copy)]
#[repr(u8)]
enum Step {
    Stop = 0,
    One = 1,
    Two = 2,
}

#[inline]
fn step_of(pair: [u8; 2]) -> usize {
    let key = usize::from(u16::from_le_bytes(pair));
    LETTER_STEP.get(key).map_or(0, |&s| s as usize)
}

/// Letters per round of [`arabic_letters_end`], and the bytes it reads for them.
const ROUND: usize = 16;
const WINDOW: usize = 2 * ROUND + 1;

/// The end of the stretch from `i` of ASCII letters and Arabic letters U+0621..U+064A: one
/// table lookup per letter by its first two bytes, sixteen letters a round with one bounds
/// check, and a branch after the fourth, the sixth, the ninth and the sixteenth (most words
/// have three to seven letters).
///
/// A round reads a fixed window of bytes, enough for its letters of at most two bytes and the
/// second byte of the last; a character that is not a letter has step 0, so the lookups after
/// it stay on it and the last step so far says whether the stretch went on.
#[inline]
fn arabic_letters_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(win) = bytes.get(i..).and_then(<[u8]>::first_chunk::<WINDOW>) {
        let (mut j, mut last) = (0usize, 0usize);
        for k in 0..ROUND {
            // Never more than WINDOW - 3 here: ROUND - 1 steps of at most two.
            let pair = win.get(j..j + 2).and_then(|p| p.try_into().ok());
            last = step_of(pair.unwrap_or([0, 0]));
            j += last;
            if (k == 3 || k == 5 || k == 8) && last == 0 {
                return i + j;
            }
        }
        i += j;
        if last == 0 {
            return i;
        }
    }
    // The last few letters of the text, with the byte tables.
    crate::normalize::run_end(bytes, i, &LETTER_MASK, &LETTER_LEN)
}

/// Splits folded text into tokens, appending to `out` (cleared first).
///
/// Letters and digits are split apart ("الـ20" is "ال" + "20", "2025م" is "2025" + "م").
pub fn tokenize(folded: &str, out: &mut Vec<Token>) {
    out.clear();
    // News text has a token every five or six bytes: grow once, not a dozen times.
    out.reserve(folded.len() / 5 + 2);
    let lexicon = Lexicon::get();
    let bytes = folded.as_bytes();
    let mut i = 0usize;
    let mut space_before = true;
    while let Some(&b) = bytes.get(i) {
        if b == b' ' || b == b'\x0b' || b == b'\x0c' {
            space_before = true;
            i += 1;
            continue;
        }
        let start = i;
        // Words first: most tokens are. The fast run takes ASCII and Arabic letters; letters of
        // other scripts (and Arabic letters past U+064A) are checked one by one.
        let mut end = arabic_letters_end(bytes, i);
        while bytes.get(end).is_some_and(|&b| b >= 0x80)
            && let Some(n) = letter_len(folded, end)
        {
            end = arabic_letters_end(bytes, end + n);
        }
        if end > start {
            i = end;
            out.push(Token {
                start: start as u32,
                end: i as u32,
                kind: Kind::Word,
                entry: None,
                space_before,
            });
            // Most words have no entry and are turned away by their end: the token is written
            // whole first, and only the few that may be known are looked up.
            if let Some(e) = lexicon.classify_span(bytes, start, i)
                && let Some(t) = out.last_mut()
            {
                t.entry = Some(e);
            }
            // A word is most often followed by a space: it is passed over here, not by another
            // turn of the loop.
            space_before = bytes.get(i) == Some(&b' ');
            i += usize::from(space_before);
            continue;
        }
        // A line break ends any expression: it is kept as a token that no pattern crosses.
        if b == b'\n' {
            if !out
                .last()
                .is_some_and(|t: &Token| t.kind == Kind::Punct('\n'))
            {
                out.push(Token {
                    start: i as u32,
                    end: i as u32 + 1,
                    kind: Kind::Punct('\n'),
                    entry: None,
                    space_before,
                });
            }
            space_before = true;
            i += 1;
            continue;
        }
        let kind = if b.is_ascii_digit() {
            let mut value: u32 = 0;
            let mut digits: u16 = 0;
            while let Some(&d) = bytes.get(i).filter(|d| d.is_ascii_digit()) {
                value = value.saturating_mul(10).saturating_add(u32::from(d - b'0'));
                digits = digits.saturating_add(1);
                i += 1;
            }
            Kind::Number { value, digits }
        } else {
            let c = folded
                .get(i..)
                .and_then(|s| s.chars().next())
                .unwrap_or(' ');
            i += c.len_utf8();
            if c.is_whitespace() {
                space_before = true;
                continue;
            }
            Kind::Punct(c)
        };
        out.push(Token {
            start: start as u32,
            end: i as u32,
            kind,
            entry: None,
            space_before,
        });
        space_before = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold;

    #[test]
    fn splits_words_numbers_punct() {
        let text = fold("في 23/12/2025م، الـ20");
        let mut toks = Vec::new();
        tokenize(&text, &mut toks);
        let shown: Vec<String> = toks
            .iter()
            .map(|t| match t.kind {
                Kind::Number { value, .. } => format!("#{value}"),
                _ => t.text(&text).to_string(),
            })
            .collect();
        assert_eq!(
            shown,
            ["في", "#23", "/", "#12", "/", "#2025", "م", ",", "ال", "#20"]
        );
        assert!(toks[1].space_before && !toks[2].space_before);
    }

    #[test]
    fn letter_fast_path_agrees_with_unicode() {
        for c in (0..=0x2FFFF).filter_map(char::from_u32) {
            assert_eq!(
                is_letter(c),
                c.is_alphabetic() && !c.is_ascii_digit(),
                "{c:?}"
            );
        }
    }

    #[test]
    fn letter_steps_are_fast_path_letters() {
        for key in 0..=u16::MAX {
            let pair = key.to_le_bytes();
            let want = if pair[0].is_ascii_alphabetic() {
                1
            } else {
                let c = std::str::from_utf8(&pair)
                    .ok()
                    .and_then(|s| s.chars().next());
                if c.is_some_and(|c| ('\u{0621}'..='\u{064A}').contains(&c)) {
                    2
                } else {
                    0
                }
            };
            assert_eq!(step_of(pair), want, "{pair:02X?}");
        }
    }

    #[test]
    fn letter_len_agrees_with_is_letter() {
        for c in (0..=0x2FFFF).filter_map(char::from_u32) {
            let s = format!("{c}x");
            let want = is_letter(c).then_some(c.len_utf8());
            assert_eq!(letter_len(&s, 0), want, "{c:?}");
        }
    }

    #[test]
    fn letter_stretches_are_letters() {
        for c in (0..=0x7FF).filter_map(char::from_u32) {
            let s = format!("{c}{c}!");
            let end = arabic_letters_end(s.as_bytes(), 0);
            let fast = c.is_ascii_alphabetic() || ('\u{0621}'..='\u{064A}').contains(&c);
            assert_eq!(end, if fast { 2 * c.len_utf8() } else { 0 }, "{c:?}");
            assert!(!fast || is_letter(c), "{c:?}");
        }
    }

    #[test]
    fn long_letter_stretches_end_where_one_at_a_time_ends() {
        let model = |s: &str| -> usize {
            s.char_indices()
                .find(|&(_, c)| {
                    !(c.is_ascii_alphabetic() || ('\u{0621}'..='\u{064A}').contains(&c))
                })
                .map_or(s.len(), |(i, _)| i)
        };
        let stops = [
            ' ', '!', '\u{064B}', '\u{0660}', 'é', '\u{05D0}', '\u{0620}', '\u{06A9}',
        ];
        let fills = ["ب", "ي", "ء", "a", "ـ"];
        for len in 0..14 {
            for fill in fills {
                for (k, stop) in stops.iter().enumerate() {
                    // Letters, one ASCII letter somewhere, the stop, then more letters.
                    let mut s: String = fill.repeat(len);
                    if len > 2 {
                        s.insert(fill.len() * (k % len), 'x');
                    }
                    s.push(*stop);
                    s.push_str("كتب");
                    assert_eq!(arabic_letters_end(s.as_bytes(), 0), model(&s), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn digit_flood_saturates() {
        let text = "9".repeat(100);
        let mut toks = Vec::new();
        tokenize(&text, &mut toks);
        assert_eq!(
            toks[0].kind,
            Kind::Number {
                value: u32::MAX,
                digits: 100
            }
        );
    }
}
