//! Tokens of the folded text: words classified by the lexicon, numbers, punctuation.

use crate::lexicon::{Entry, Lexicon};
use crate::normalize::Normalized;

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
    /// The token may begin an expression, as far as it alone can tell
    /// ([`crate::recognize::may_start`]): set here, where the tokenizer knows it at no cost,
    /// so that the grammar steps over the other tokens by one byte each.
    pub starts: bool,
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

/// The article alone, in UTF-8.
const ARTICLE: &[u8; 4] = &[0xD8, 0xA7, 0xD9, 0x84];

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

/// The end of the stretch from `i` of ASCII letters and Arabic letters U+0621..U+064A: Arabic
/// letters four at a time in a `u64` ([`leading_arabic_letters`]), the rest (ASCII letters, the
/// last bytes of the text) one character at a time by the byte tables.
#[inline]
fn arabic_letters_end(bytes: &[u8], mut i: usize) -> usize {
    // Up to eight Arabic letters without a branch on the word's length while sixteen bytes are
    // left: most words are Arabic and shorter, and a loop exit that depends on each word's
    // length is a branch the processor mostly guesses wrong.
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<16>) {
        let (a, b) = chunk.split_at(8);
        let a = a.try_into().map_or(0, u64::from_le_bytes);
        let b = b.try_into().map_or(0, u64::from_le_bytes);
        let first = leading_arabic_letters(a);
        let second = leading_arabic_letters(b);
        let n = first + if first == 4 { second } else { 0 };
        i += 2 * n;
        if n < 8 {
            if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
                return i;
            }
            break;
        }
    }
    // Up to four Arabic letters at a time while eight bytes are left.
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let n = leading_arabic_letters(u64::from_le_bytes(*chunk));
        i += 2 * n;
        if n < 4 {
            // Only an ASCII letter can carry the word on: Arabic letters would have counted.
            if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
                return i;
            }
            break;
        }
    }
    crate::normalize::run_end(bytes, i, &LETTER_MASK, &LETTER_LEN)
}

/// How many of the four two-byte characters in eight bytes (read little-endian, starting on a
/// character boundary) are Arabic letters U+0621..U+064A before the first that is not, tested
/// together. Each lead byte must be 0xD8 or 0xD9; the lead's low bit and the continuation's
/// low six bits give the code point minus U+0600, which must lie in 0x21..=0x4A. In a valid
/// string a continuation byte always follows 0xD8/0xD9; what follows the first failure is not
/// looked at.
#[inline]
fn leading_arabic_letters(x: u64) -> usize {
    const LANES: u64 = 0x00FF_00FF_00FF_00FF;
    const ONES: u64 = 0x0001_0001_0001_0001;
    const BIT7: u64 = 0x0080_0080_0080_0080;
    let lead = x & LANES;
    let cont = (x >> 8) & LANES;
    // Per 16-bit lane every value below is at most 0x1FE: no carry crosses a lane.
    // Bit 8 set where the lead is neither 0xD8 nor 0xD9.
    let bad_lead = ((lead | ONES) ^ (0xD9 * ONES)) + 0xFF * ONES;
    let v = ((lead & ONES) << 6) | (cont & (0x3F * ONES));
    let below_first = !(v + (0x80 - 0x21) * ONES);
    let past_last = v + (0x80 - 0x4B) * ONES;
    let bad = ((bad_lead >> 1) | below_first | past_last) & BIT7;
    (bad.trailing_zeros() / 16) as usize
}

/// The first ASCII byte from `i` (a character boundary), or the end of the text: sixteen bytes
/// tested at a time.
#[inline]
pub(crate) fn first_ascii(bytes: &[u8], mut i: usize) -> usize {
    const HIGH: u128 = u128::from_le_bytes([0x80; 16]);
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<16>) {
        let ascii = !u128::from_le_bytes(*chunk) & HIGH;
        if ascii != 0 {
            return i + (ascii.trailing_zeros() / 8) as usize;
        }
        i += 16;
    }
    bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| b < 0x80))
        .map_or(bytes.len(), |p| i + p)
}

/// Splits a folded text into tokens, appending to `out` (cleared first).
///
/// Letters and digits are split apart ("الـ20" is "ال" + "20", "2025م" is "2025" + "م").
///
/// The folded text's characters other than ASCII and Arabic letters are known
/// ([`Normalized::others`]): between them, a word that begins with a byte of 0x80 or more ends
/// at the first ASCII byte, found sixteen bytes at a time, and its letters need no test.
pub(crate) fn tokenize_normalized(norm: &Normalized, out: &mut Vec<Token>) {
    tokenize_with(norm.as_str(), Some(norm.others()), out);
}

/// [`tokenize_normalized`] of any text, testing the letters of every word: what the tests
/// hold the fast path to, and how they tokenize a string folded on its own.
#[cfg(test)]
pub(crate) fn tokenize(folded: &str, out: &mut Vec<Token>) {
    tokenize_with(folded, None, out);
}

/// Tokenizes `folded`, given the offsets of its characters other than ASCII and Arabic letters
/// U+0621..U+064A if they are known.
fn tokenize_with(folded: &str, others: Option<&[usize]>, out: &mut Vec<Token>) {
    out.clear();
    // News text has a token every five or six bytes: grow once, not a dozen times.
    out.reserve(folded.len() / 5 + 2);
    let lexicon = Lexicon::get();
    let bytes = folded.as_bytes();
    let mut i = 0usize;
    let mut space_before = true;
    // The first of `others` that may lie ahead, and where it is.
    let mut other = 0usize;
    let mut next = others
        .and_then(|o| o.first())
        .copied()
        .unwrap_or(usize::MAX);
    while let Some(&b) = bytes.get(i) {
        if b == b' ' || b == b'\x0b' || b == b'\x0c' {
            space_before = true;
            i += 1;
            continue;
        }
        let start = i;
        // Words first: most tokens are. An Arabic word with no other character before its first
        // ASCII byte ends there, unless an ASCII letter carries it on.
        let mut end = start;
        if b >= 0x80
            && let Some(others) = others
        {
            let ascii = first_ascii(bytes, i);
            if ascii <= next && !bytes.get(ascii).is_some_and(u8::is_ascii_alphabetic) {
                end = ascii;
            } else {
                while others.get(other).is_some_and(|&o| o < i) {
                    other += 1;
                }
                next = others.get(other).copied().unwrap_or(usize::MAX);
            }
        }
        // Otherwise the fast run takes ASCII and Arabic letters; letters of other scripts (and
        // Arabic letters past U+064A) are checked one by one. Digits and punctuation are not
        // looked at as letters.
        if end == start && (b >= 0x80 || b.is_ascii_alphabetic()) {
            end = arabic_letters_end(bytes, i);
            while bytes.get(end).is_some_and(|&b| b >= 0x80)
                && let Some(n) = letter_len(folded, end)
            {
                end = arabic_letters_end(bytes, end + n);
            }
        }
        if end > start {
            i = end;
            out.push(Token {
                start: start as u32,
                end: i as u32,
                kind: Kind::Word,
                entry: None,
                space_before,
                // Of the words with no entry only "ال" may begin something ("الـ15").
                // Tested without a branch on the length, which most words would guess wrong.
                starts: (i - start == ARTICLE.len())
                    & (bytes.get(start..).and_then(<[u8]>::first_chunk::<4>) == Some(ARTICLE)),
            });
            // Most words have no entry and are turned away by their end: the token is written
            // whole first, and only the few that may be known are looked up.
            if let Some(e) = lexicon.classify_span(bytes, start, i)
                && let Some(t) = out.last_mut()
            {
                t.entry = Some(e);
                t.starts = crate::recognize::may_start(t);
            }
            // A word is most often followed by a space: it is passed over here, not by another
            // turn of the loop. A branch rather than arithmetic on the test: guessed right, it
            // lets the next word start before the byte after this one is read.
            if bytes.get(i) == Some(&b' ') {
                space_before = true;
                i += 1;
            } else {
                space_before = false;
            }
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
                    starts: false,
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
            starts: matches!(kind, Kind::Number { .. }),
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
    fn letters_counted_four_at_a_time_agree_with_one_at_a_time() {
        let is_fast = |c: char| ('\u{0621}'..='\u{064A}').contains(&c);
        let count = |s: &str| -> usize {
            let bytes: [u8; 8] = s
                .as_bytes()
                .get(..8)
                .and_then(|b| b.try_into().ok())
                .unwrap_or([0; 8]);
            leading_arabic_letters(u64::from_le_bytes(bytes))
        };
        // Every two-byte character U+0600..U+067F in every lane, after letters and before
        // letters or other characters.
        let others = ['\u{0600}', 'ب', '\u{064B}', '\u{067F}', '\u{0620}'];
        for c in '\u{0600}'..='\u{067F}' {
            for lane in 0..4 {
                for &o in &others {
                    let mut chars = ['ب'; 4];
                    chars[lane] = c;
                    if let Some(next) = chars.get_mut(lane + 1) {
                        *next = o;
                    }
                    let s: String = chars.iter().collect();
                    let want = chars.iter().take_while(|&&c| is_fast(c)).count();
                    assert_eq!(count(&s), want, "{s}");
                }
            }
        }
        // Other scripts, ASCII, and a letter followed by a space.
        for (s, want) in [
            ("abcdefgh", 0),
            ("ab  cdef", 0),
            ("كتب abcd", 3),
            ("ك abcdef", 1),
            ("\u{05D0}\u{05D1}\u{05D2}\u{05D3}", 0),
            ("\u{0400}\u{0401}\u{0402}\u{0403}", 0),
            ("\u{00E9}\u{00E9}\u{00E9}\u{00E9}", 0),
        ] {
            assert_eq!(count(s), want, "{s}");
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

    /// The tokens of a folded text, found with and without [`Normalized::others`].
    fn both_ways(text: &str) -> (String, String) {
        let n = Normalized::new(text);
        let (mut fast, mut slow) = (Vec::new(), Vec::new());
        tokenize_normalized(&n, &mut fast);
        tokenize(n.as_str(), &mut slow);
        (format!("{fast:?}"), format!("{slow:?}"))
    }

    #[test]
    fn words_end_alike_with_and_without_the_other_characters() {
        let long = "والمستشفيات".repeat(3);
        for text in [
            "",
            "كتب",
            "كتب.",
            "في 23 كانون الأول، قال",
            "كتبx يكتب abc كتبé ك«ت» الـ20",
            "ابن\u{0670}سينا ک\u{06A9}ت ل\u{FB50}ا",
            "مستشفى😀مستشفى مستشفى\nمستشفى",
            &long,
            &format!("{long} {long}x {long}é"),
        ] {
            let (fast, slow) = both_ways(text);
            assert_eq!(fast, slow, "{text:?}");
        }
    }

    /// Running text: mostly Arabic letters and spaces, with Latin letters, digits, punctuation
    /// and characters of other scripts here and there, and long words.
    fn running_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        let common = proptest::sample::select(vec!["ب", "ا", "ي", " ", "ة", "كانون", " في "]);
        let rare = proptest::sample::select(vec![
            "x", "Q", "5", ".", "،", "\n", "é", "«", "😀", "\u{0670}", "\u{06A9}", "\u{0651}", "أ",
            "ـ", "\u{0620}", "\u{FB50}", "\u{00A0}",
        ]);
        let one = proptest::prop_oneof![8 => common, 1 => rare];
        proptest::collection::vec(one, 0..60).prop_map(|cs| cs.concat())
    }

    proptest::proptest! {
        #[test]
        fn fast_word_ends_agree_with_letter_by_letter(text in running_text()) {
            let (fast, slow) = both_ways(&text);
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn first_ascii_is_the_first_byte_below_0x80() {
        let text = "كتب".repeat(7) + "x" + &"ب".repeat(20);
        let bytes = text.as_bytes();
        for i in (0..=bytes.len()).filter(|&i| text.is_char_boundary(i)) {
            let want = bytes
                .iter()
                .skip(i)
                .position(|&b| b < 0x80)
                .map_or(bytes.len(), |p| i + p);
            assert_eq!(first_ascii(bytes, i), want, "{i}");
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
