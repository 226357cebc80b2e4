//! The folded view of a text used for matching, with a map back to the original.
//!
//! Folding removes what Arabic writers add or drop freely (diacritics, tatweel, bidi marks),
//! unifies what has several code points for one meaning (alef forms, digit systems, dashes,
//! commas, spaces) and lowercases ASCII. It never merges letters that real text keeps apart:
//! ى/ي and ة/ه stay distinct and are matched by the lexicon.
//!
//! Every byte of the folded text remembers the byte range of the original character it came
//! from, so a match in the folded text maps back to a span of the original on char boundaries.

use std::ops::Range;

/// A folded copy of a text and the map from its bytes back to the original.
///
/// ```
/// use tarikh::normalize::Normalized;
///
/// let text = "٢٣ كانونَ الأوّل";
/// let n = Normalized::new(text);
/// assert_eq!(n.as_str(), "23 كانون الاول");
/// // "كانون" in the folded text maps back to "كانونَ" in the original.
/// let f = n.as_str().find("كانون").unwrap();
/// let span = n.original_span(f..f + "كانون".len());
/// assert_eq!(&text[span], "كانونَ");
/// ```
#[derive(Debug, Clone)]
pub struct Normalized {
    folded: String,
    /// For each byte of `folded`: the original byte offset where its source character starts.
    starts: Vec<u32>,
    /// For each byte of `folded`: the original byte offset just past its source character,
    /// extended over the dropped marks (diacritics, tatweel) that follow it.
    ends: Vec<u32>,
    original_len: usize,
}

/// What one original character becomes in the folded text.
enum Fold {
    Keep,
    Drop,
    /// A dropped mark that belongs to the preceding letter (diacritics, tatweel).
    DropMark,
    To(char),
}

fn fold_char(c: char) -> Fold {
    match c {
        // Tashkeel, tanwin, superscript alef, Quranic marks; tatweel.
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}' => Fold::DropMark,
        '\u{0640}' => Fold::DropMark,
        // Bidi controls, zero-width characters, Arabic letter mark, soft hyphen, BOM.
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{061C}'
        | '\u{00AD}'
        | '\u{FEFF}' => Fold::Drop,
        // Alef forms.
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' => Fold::To('ا'),
        // Persian/Urdu letter forms seen in Arabic text.
        'ی' => Fold::To('ي'),
        'ک' => Fold::To('ك'),
        'ە' => Fold::To('ه'),
        // Digits: Arabic-Indic and Persian.
        '\u{0660}'..='\u{0669}' => digit(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => digit(c as u32 - 0x06F0),
        // Fullwidth digits.
        '\u{FF10}'..='\u{FF19}' => digit(c as u32 - 0xFF10),
        // Dashes and minus signs.
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => {
            Fold::To('-')
        }
        // Commas, semicolons, question mark, slashes, decimal and thousands separators.
        '،' | '\u{FF0C}' => Fold::To(','),
        '؛' => Fold::To(';'),
        '؟' => Fold::To('?'),
        '\u{2044}' | '\u{2215}' | '\u{FF0F}' => Fold::To('/'),
        '\u{066B}' => Fold::To('.'),
        '\u{066C}' => Fold::To(','),
        '\u{066A}' => Fold::To('%'),
        // Spaces of every width.
        '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}'
        | '\t'
        | '\r' => Fold::To(' '),
        'A'..='Z' => Fold::To(c.to_ascii_lowercase()),
        _ => Fold::Keep,
    }
}

fn digit(d: u32) -> Fold {
    char::from_digit(d, 10).map_or(Fold::Keep, Fold::To)
}

impl Normalized {
    /// Folds `text` in one pass.
    pub fn new(text: &str) -> Normalized {
        let mut folded = String::with_capacity(text.len());
        let mut starts = Vec::with_capacity(text.len());
        let mut ends = Vec::with_capacity(text.len());
        // Index in `ends` of the bytes of the last kept character, to extend over trailing marks.
        let mut last_kept: Option<usize> = None;
        for (i, c) in text.char_indices() {
            let end = i + c.len_utf8();
            let out = match fold_char(c) {
                Fold::Keep => c,
                Fold::To(t) => t,
                Fold::Drop => continue,
                Fold::DropMark => {
                    if let Some(k) = last_kept {
                        for e in ends.iter_mut().skip(k) {
                            *e = end as u32;
                        }
                    }
                    continue;
                }
            };
            last_kept = Some(folded.len());
            let mut buf = [0u8; 4];
            let s = out.encode_utf8(&mut buf);
            folded.push_str(s);
            for _ in 0..s.len() {
                starts.push(i as u32);
                ends.push(end as u32);
            }
        }
        Normalized {
            folded,
            starts,
            ends,
            original_len: text.len(),
        }
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.folded
    }

    /// Maps a byte range of the folded text to the byte range of the original text it came
    /// from. The result always lies on char boundaries of the original.
    pub fn original_span(&self, folded: Range<usize>) -> Range<usize> {
        if folded.start >= folded.end {
            let at = self.original_offset(folded.start);
            return at..at;
        }
        let start = self
            .starts
            .get(folded.start)
            .map_or(self.original_len, |&s| s as usize);
        let end = self
            .ends
            .get(folded.end - 1)
            .map_or(self.original_len, |&e| e as usize);
        start..end.max(start)
    }

    /// Maps a byte offset of the folded text to the original text (the start of the character
    /// it came from; the end of the original for the end of the folded text).
    pub fn original_offset(&self, folded: usize) -> usize {
        self.starts
            .get(folded)
            .map_or(self.original_len, |&s| s as usize)
    }
}

/// Folds a string without keeping the map: for word tables and tests.
pub fn fold(text: &str) -> String {
    Normalized::new(text).folded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_what_writers_vary() {
        let cases = [
            ("أإآٱ", "اااا"),
            ("٢٠٢٥ ۱۴۰۳", "2025 1403"),
            ("كانونَ الأوّلْ", "كانون الاول"),
            ("شـــباط", "شباط"),
            ("23–24", "23-24"),
            ("أمس، الاثنين", "امس, الاثنين"),
            ("1\u{200F}2\u{200E}/3", "12/3"),
            ("GMT", "gmt"),
            // ى and ة are kept apart from ي and ه.
            ("الأولى السنة", "الاولى السنة"),
        ];
        for (input, want) in cases {
            assert_eq!(fold(input), want, "{input}");
        }
    }

    #[test]
    fn spans_map_back_with_trailing_marks() {
        let text = "في ١٥ تشرينَ";
        let n = Normalized::new(text);
        let f = n.as_str().find("تشرين").unwrap_or(0);
        let span = n.original_span(f..f + "تشرين".len());
        assert_eq!(&text[span], "تشرينَ");
        let d = n.as_str().find("15").unwrap_or(0);
        assert_eq!(&text[n.original_span(d..d + 2)], "١٥");
    }

    #[test]
    fn empty_and_all_dropped() {
        let n = Normalized::new("");
        assert_eq!(n.original_span(0..0), 0..0);
        let n = Normalized::new("\u{064E}\u{0640}\u{200F}");
        assert_eq!(n.as_str(), "");
        assert_eq!(n.original_offset(0), 7);
    }
}
