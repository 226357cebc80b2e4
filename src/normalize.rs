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
    /// The folded characters whose bytes do not map one to one onto the original (another
    /// length, trailing dropped marks, or something dropped before them), by folded offset.
    /// Every other character is a byte-for-byte stretch of the original, shifted by the offset
    /// the piece before it leaves: most text needs no entry at all, so the map costs a few
    /// bytes per change instead of eight per byte.
    pieces: Vec<Piece>,
    /// Where the folded text has a character other than ASCII and the Arabic letters
    /// U+0621..U+064A, in order: the few places where the tokenizer must look at characters
    /// one by one ([`Normalized::others`]).
    others: Vec<usize>,
    original_len: usize,
}

/// One folded character and the original bytes it came from.
#[derive(Debug, Clone, Copy)]
struct Piece {
    /// Where the character starts in the folded text.
    at: u32,
    /// Its length in the folded text.
    len: u32,
    /// Where its source character starts in the original.
    start: u32,
    /// Just past its source character, extended over the dropped marks (diacritics, tatweel)
    /// that follow it.
    end: u32,
}

impl Piece {
    /// Original offset minus folded offset for the characters after this piece.
    fn shift(&self) -> usize {
        (self.end as usize).saturating_sub(self.at as usize + self.len as usize)
    }
}

/// What one original character becomes in the folded text.
enum Fold {
    Keep,
    Drop,
    /// A dropped mark that belongs to the preceding letter (diacritics, tatweel).
    DropMark,
    To(char),
}

#[inline]
fn fold_char(c: char) -> Fold {
    // The common cases first: ASCII, and Arabic letters that stay as they are.
    match c {
        'a'..='z' | '0'..='9' | ' ' | '\n' | '!'..='/' | ':'..='@' | '['..='`' | '{'..='~' => {
            return Fold::Keep;
        }
        '\u{0621}' | '\u{0624}' | '\u{0626}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => {
            return Fold::Keep;
        }
        _ => {}
    }
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

/// ASCII bytes that folding keeps: all but capitals, tab and CR.
const ASCII_PLAIN: u128 = !((((1u128 << 26) - 1) << b'A') | (1 << b'\t') | (1 << b'\r'));
/// Second bytes after 0xD8 (U+0600..U+063F, by their low six bits) of the Arabic letters that
/// folding keeps: U+0621 ء, U+0624 ؤ, U+0626..U+063A.
const D8_PLAIN: u64 = (1 << 0x21) | (1 << 0x24) | (((1 << 0x15) - 1) << 0x26);
/// The same after 0xD9 (U+0640..U+067F): U+0641..U+064A.
const D9_PLAIN: u64 = ((1 << 10) - 1) << 0x01;

/// By first byte: which second bytes make a character that folding keeps (all, for a plain
/// ASCII byte), and that character's length (0 if it is never plain).
static PLAIN_MASK: [u64; 256] = plain_table().0;
static PLAIN_LEN: [u8; 256] = plain_table().1;

// Evaluated at compile time: an index out of range would fail the build, not a run.
#[allow(clippy::indexing_slicing)]
const fn plain_table() -> ([u64; 256], [u8; 256]) {
    let mut mask = [0u64; 256];
    let mut len = [0u8; 256];
    let mut b = 0;
    while b < 0x80 {
        if (ASCII_PLAIN >> b) & 1 == 1 {
            mask[b] = u64::MAX;
            len[b] = 1;
        }
        b += 1;
    }
    mask[0xD8] = D8_PLAIN;
    len[0xD8] = 2;
    mask[0xD9] = D9_PLAIN;
    len[0xD9] = 2;
    (mask, len)
}

/// The end of the stretch from `i` of characters that folding keeps as they are and that can
/// be told from their bytes alone (ASCII but capitals, tab and CR; Arabic letters but the alef
/// forms): most of any text.
///
/// Sixteen bytes at a time while they are all plain, tested together (each byte's test is
/// independent of the others', so the processor and the compiler's vector code run them side
/// by side, where a character-by-character walk waits on each step's load); the last few
/// characters one at a time.
#[inline]
fn plain_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<16>) {
        // The bytes before each of the sixteen, read from the text where there is one before
        // the first: one load instead of shifting the round's bytes over by one.
        let bad = match i
            .checked_sub(1)
            .and_then(|j| bytes.get(j..))
            .and_then(<[u8]>::first_chunk::<16>)
        {
            Some(before) => not_plain_after(before, chunk),
            None => not_plain(0, chunk),
        };
        if bad != 0 {
            // The stretch ends at the first character that is not plain: at a byte that is
            // not, or at the lead before a continuation that is not (the round's first byte
            // is a continuation only after a round that ended with its lead).
            let at = (bad.trailing_zeros() / 8) as usize;
            let cont = chunk.get(at).is_some_and(|&b| b & 0xC0 == 0x80);
            return i + at - usize::from(cont);
        }
        // Sixteen bytes on, whatever they end with: a lead byte last (0xD8 or 0xD9, the only
        // leads a round passes) has its continuation judged with it, as the next round's first
        // byte. The step does not wait on the round's bytes.
        i += 16;
    }
    // Back to the lead whose continuation no round judged.
    if bytes.get(i).is_some_and(|&b| b & 0xC0 == 0x80) {
        i -= 1;
    }
    run_end(bytes, i, &PLAIN_MASK, &PLAIN_LEN)
}

/// A byte for each of sixteen bytes, starting on a character boundary after byte `prev`, one
/// if it is not part of a plain character (as [`PLAIN_MASK`] says), zero if it is, in a
/// little-endian `u128`: byte `k` of the chunk is byte `k` of the number, so the first bad byte
/// is the number's trailing zeros over eight. A lead byte last is judged with its continuation
/// in the next round. A continuation byte is judged with the lead before it.
///
/// The bytes are read back as a number rather than gathered into a bit mask: the vector code
/// hands the sixteen bytes over as they are, where packing them into sixteen bits takes a
/// dozen shuffles and shifts per round.
#[inline]
fn not_plain(prev: u8, chunk: &[u8; 16]) -> u128 {
    let mut before = [prev; 16];
    if let (Some(dst), Some(src)) = (before.get_mut(1..), chunk.get(..15)) {
        dst.copy_from_slice(src);
    }
    not_plain_after(&before, chunk)
}

/// [`not_plain`] given the byte before each of the sixteen.
#[inline]
fn not_plain_after(before: &[u8; 16], chunk: &[u8; 16]) -> u128 {
    let mut bad = [0u8; 16];
    for ((out, &b), &p) in bad.iter_mut().zip(chunk.iter()).zip(before.iter()) {
        let upper = b.wrapping_sub(b'A') < 26;
        let control = b == b'\t' || b == b'\r';
        // Leads other than 0xD8/0xD9 (and the three- and four-byte leads) are never plain.
        let lead = b >= 0xC0 && b & 0xFE != 0xD8;
        // A continuation's lead is 0xD8 or 0xD9 wherever it matters: any other lead is bad
        // itself, and comes first. The code point minus U+0600 is the lead's low bit and the
        // continuation's low six bits: U+0621, U+0624, U+0626..U+063A, U+0641..U+064A.
        let v = ((p & 1) << 6) | (b & 0x3F);
        let letter =
            v == 0x21 || v == 0x24 || v.wrapping_sub(0x26) < 0x15 || v.wrapping_sub(0x41) < 0x0A;
        let continuation = b & 0xC0 == 0x80 && !letter;
        *out = u8::from(upper | control | lead | continuation);
    }
    u128::from_le_bytes(bad)
}

/// The end of the run from `i` of characters in a byte class: `len[b]` is the length of a
/// character starting with byte `b` (0 if none belongs), and bit `next & 0x3F` of `mask[b]` says
/// whether the character with that second byte belongs. One table lookup per character and no
/// branch but the loop's. The tokenizer's letter runs use it; the normalizer uses it for the
/// last characters of a stretch after [`plain_end`]'s rounds of sixteen bytes.
#[inline]
pub(crate) fn run_end(bytes: &[u8], mut i: usize, mask: &[u64; 256], len: &[u8; 256]) -> usize {
    while let Some(&b) = bytes.get(i) {
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        let m = mask.get(usize::from(b)).copied().unwrap_or(0);
        let l = len.get(usize::from(b)).copied().unwrap_or(0);
        let step = usize::from(l) * ((m >> (next & 0x3F)) & 1) as usize;
        if step == 0 {
            break;
        }
        i += step;
    }
    i
}

/// Adds a piece to the map. The first one reserves room for about one piece per 128 bytes of
/// text (news has one per 230 or so, mostly commas), so that the map is not copied as it grows;
/// most short inputs need no piece and no allocation at all.
#[inline]
fn push_piece(pieces: &mut Vec<Piece>, text_len: usize, piece: Piece) {
    if pieces.capacity() == 0 {
        pieces.reserve(text_len / 128 + 4);
    }
    pieces.push(piece);
}

/// U+0621..U+064A: the Arabic letters (and tatweel) that the tokenizer's fast path takes as
/// letters from their bytes.
#[inline]
pub(crate) fn is_arabic_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c)
}

fn digit(d: u32) -> Fold {
    char::from_digit(d, 10).map_or(Fold::Keep, Fold::To)
}

impl Normalized {
    /// Folds `text` in one pass.
    pub fn new(text: &str) -> Normalized {
        let mut n = Normalized {
            // Allocated here at its size: `refold` then only checks that it fits.
            folded: String::with_capacity(text.len()),
            pieces: Vec::new(),
            others: Vec::new(),
            original_len: 0,
        };
        n.refold(text);
        n
    }

    /// A value that holds no text and no buffer yet, for [`Normalized::refold`].
    pub(crate) const fn empty() -> Normalized {
        Normalized {
            folded: String::new(),
            pieces: Vec::new(),
            others: Vec::new(),
            original_len: 0,
        }
    }

    /// Drops the buffers if a text longer than `max` bytes grew them: what is kept for the
    /// next text stays small.
    pub(crate) fn trim(&mut self, max: usize) {
        if self.folded.capacity() > max {
            *self = Normalized::empty();
        }
    }

    /// Folds `text` in place of what this value held, reusing its buffers: the same result as
    /// [`Normalized::new`], without allocating when the buffers are large enough already.
    pub(crate) fn refold(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let folded = &mut self.folded;
        let pieces = &mut self.pieces;
        let others = &mut self.others;
        folded.clear();
        folded.reserve(text.len());
        pieces.clear();
        others.clear();
        // Original offset minus folded offset for a character that maps one to one.
        let mut shift = 0usize;
        let mut i = 0usize;
        while i < bytes.len() {
            if i == folded.len() + shift {
                // Every character so far maps one to one: copy stretches of characters kept as
                // they are in one go, and fold the commonest stops from their bytes without
                // decoding or leaving this loop. The alef forms أ إ آ (a few in every sentence)
                // become a bare alef of the same length, which needs no piece in the map; the
                // Arabic comma, semicolon, question mark and Arabic-Indic digits become one
                // ASCII byte, with a piece.
                let mut run = i;
                loop {
                    i = plain_end(bytes, i);
                    let ascii = match bytes.get(i..) {
                        Some([0xD8, 0xA2 | 0xA3 | 0xA5, ..]) => {
                            folded.push_str(text.get(run..i).unwrap_or(""));
                            folded.push('ا');
                            i += 2;
                            run = i;
                            continue;
                        }
                        Some([0xD8, 0x8C, ..]) => b',',
                        Some([0xD8, 0x9B, ..]) => b';',
                        Some([0xD8, 0x9F, ..]) => b'?',
                        Some([0xD9, d @ 0xA0..=0xA9, ..]) => b'0' + (d - 0xA0),
                        _ => break,
                    };
                    folded.push_str(text.get(run..i).unwrap_or(""));
                    push_piece(
                        pieces,
                        text.len(),
                        Piece {
                            at: folded.len() as u32,
                            len: 1,
                            start: i as u32,
                            end: (i + 2) as u32,
                        },
                    );
                    folded.push(char::from(ascii));
                    i += 2;
                    shift += 1;
                    run = i;
                }
                if i > run {
                    folded.push_str(text.get(run..i).unwrap_or(""));
                }
                if i >= bytes.len() {
                    break;
                }
            }
            let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else {
                break;
            };
            let end = i + c.len_utf8();
            let out = match fold_char(c) {
                Fold::Keep => c,
                Fold::To(t) => t,
                Fold::Drop => {
                    i = end;
                    continue;
                }
                Fold::DropMark => {
                    // The mark belongs to the last kept character: extend its end over it.
                    if let Some(last) = folded.chars().next_back() {
                        let len = last.len_utf8();
                        let at = folded.len() - len;
                        match pieces.last_mut() {
                            Some(p) if p.at as usize == at => p.end = end as u32,
                            _ => push_piece(
                                pieces,
                                text.len(),
                                Piece {
                                    at: at as u32,
                                    len: len as u32,
                                    start: (at + shift) as u32,
                                    end: end as u32,
                                },
                            ),
                        }
                        shift = end.saturating_sub(folded.len());
                    }
                    i = end;
                    continue;
                }
            };
            let at = folded.len();
            folded.push(out);
            // The stretches above are ASCII and Arabic letters: only here can another
            // character come in.
            if !out.is_ascii() && !is_arabic_letter(out) {
                others.push(at);
            }
            if out.len_utf8() != c.len_utf8() || i != at + shift {
                push_piece(
                    pieces,
                    text.len(),
                    Piece {
                        at: at as u32,
                        len: out.len_utf8() as u32,
                        start: i as u32,
                        end: end as u32,
                    },
                );
                shift = end.saturating_sub(folded.len());
            }
            i = end;
        }
        self.original_len = text.len();
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.folded
    }

    /// The folded offsets, in order, of the characters that are neither ASCII nor Arabic
    /// letters U+0621..U+064A: between two of them, every byte of 0x80 or more belongs to an
    /// Arabic letter, which lets the tokenizer find a word's end at the first ASCII byte.
    pub(crate) fn others(&self) -> &[usize] {
        &self.others
    }

    /// The original byte range of the character that folded byte `at` belongs to (`at` must be
    /// inside the folded text), given `k`, the number of pieces that start at or before `at`.
    fn source(&self, k: usize, at: usize) -> (usize, usize) {
        let prev = k.checked_sub(1).and_then(|k| self.pieces.get(k));
        if let Some(p) = prev
            && at < (p.at + p.len) as usize
        {
            return (p.start as usize, p.end as usize);
        }
        let shift = prev.map_or(0, Piece::shift);
        // The character around `at`: back to its first byte, which gives its length.
        let bytes = self.folded.as_bytes();
        let mut c = at;
        while c > 0 && bytes.get(c).is_some_and(|&b| b & 0xC0 == 0x80) {
            c -= 1;
        }
        let len = match bytes.get(c) {
            Some(0xF0..) => 4,
            Some(0xE0..) => 3,
            Some(0xC0..) => 2,
            _ => 1,
        };
        (c + shift, c + len + shift)
    }

    /// The number of pieces that start at or before folded byte `at`.
    fn pieces_upto(&self, at: usize) -> usize {
        self.pieces.partition_point(|p| p.at as usize <= at)
    }

    /// [`Normalized::original_span`], with `upto` counting the pieces up to a folded byte.
    fn span_with(
        &self,
        folded: Range<usize>,
        mut upto: impl FnMut(usize) -> usize,
    ) -> Range<usize> {
        let mut offset = |at: usize| {
            if at < self.folded.len() {
                self.source(upto(at), at).0
            } else {
                self.original_len
            }
        };
        if folded.start >= folded.end {
            let at = offset(folded.start);
            return at..at;
        }
        let start = offset(folded.start);
        let last = folded.end - 1;
        let end = if last < self.folded.len() {
            self.source(upto(last), last).1
        } else {
            self.original_len
        };
        start..end.max(start)
    }

    /// Maps a byte range of the folded text to the byte range of the original text it came
    /// from. The result always lies on char boundaries of the original.
    pub fn original_span(&self, folded: Range<usize>) -> Range<usize> {
        self.span_with(folded, |at| self.pieces_upto(at))
    }

    /// Maps a byte offset of the folded text to the original text (the start of the character
    /// it came from; the end of the original for the end of the folded text).
    pub fn original_offset(&self, folded: usize) -> usize {
        if folded < self.folded.len() {
            self.source(self.pieces_upto(folded), folded).0
        } else {
            self.original_len
        }
    }

    /// A map for spans asked front to back, as the found expressions are.
    pub(crate) fn spans(&self) -> Spans<'_> {
        Spans {
            norm: self,
            upto: 0,
            known: usize::MAX,
            plain: 0..0,
            shift: 0,
        }
    }
}

/// [`Normalized::original_span`] for spans asked in order: the pieces are walked forward from
/// where the last span left them instead of searched for twice per span. A span before the last
/// one is searched for; the answers are the same either way.
pub(crate) struct Spans<'a> {
    norm: &'a Normalized,
    /// The number of pieces up to the last folded byte asked about.
    upto: usize,
    /// The `upto` that `plain` and `shift` were worked out for (`usize::MAX` for none).
    known: usize,
    /// The folded bytes between the piece before `upto` and the next one: each character
    /// there maps one to one, `shift` bytes on in the original.
    plain: Range<usize>,
    shift: usize,
}

impl Spans<'_> {
    /// `self.span(at..at).start`: where in the original the character at folded byte `at`
    /// starts. Between two pieces that is `at` plus the shift the first leaves, with no
    /// search: what the event scan asks for every word.
    pub(crate) fn start(&mut self, at: usize) -> usize {
        if self.known != self.upto {
            let norm = self.norm;
            let prev = self.upto.checked_sub(1).and_then(|k| norm.pieces.get(k));
            let from = prev.map_or(0, |p| (p.at + p.len) as usize);
            let to = norm
                .pieces
                .get(self.upto)
                .map_or(norm.folded.len(), |p| p.at as usize)
                .min(norm.folded.len());
            self.plain = from..to;
            self.shift = prev.map_or(0, Piece::shift);
            self.known = self.upto;
        }
        let boundary = || {
            self.norm
                .folded
                .as_bytes()
                .get(at)
                .is_some_and(|&b| b & 0xC0 != 0x80)
        };
        if self.plain.contains(&at) && boundary() {
            return at + self.shift;
        }
        self.span(at..at).start
    }

    /// The original byte range of folded range `folded`.
    pub(crate) fn span(&mut self, folded: Range<usize>) -> Range<usize> {
        let norm = self.norm;
        let upto = &mut self.upto;
        norm.span_with(folded, |at| {
            let pieces = &norm.pieces;
            let behind = upto
                .checked_sub(1)
                .and_then(|k| pieces.get(k))
                .is_some_and(|p| p.at as usize > at);
            if behind {
                *upto = norm.pieces_upto(at);
            }
            while pieces.get(*upto).is_some_and(|p| p.at as usize <= at) {
                *upto += 1;
            }
            *upto
        })
    }
}

/// Folds a string without keeping the map: for word tables and tests.
pub fn fold(text: &str) -> String {
    Normalized::new(text).folded
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Folding into a value that held another text gives what folding afresh gives: the text
    /// and the span of every folded character.
    #[test]
    fn refolding_forgets_the_last_text() {
        let texts = [
            "٢٣ كانونَ الأوّل، أمس",
            "plain ASCII",
            "",
            "ـــ\u{200F}إلى ١٥ رمضان؟",
            "\tA\r\nB",
        ];
        let mut n = Normalized::new("تـــجـــربـــةٌ، ٍطويلة\u{00A0}جداً ".repeat(50).as_str());
        for t in texts {
            n.refold(t);
            let fresh = Normalized::new(t);
            assert_eq!(n.as_str(), fresh.as_str(), "{t:?}");
            for (at, c) in fresh.as_str().char_indices() {
                let r = at..at + c.len_utf8();
                assert_eq!(n.original_span(r.clone()), fresh.original_span(r), "{t:?}");
            }
            let all = 0..n.as_str().len();
            assert_eq!(
                n.original_span(all.clone()),
                fresh.original_span(all),
                "{t:?}"
            );
        }
    }

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

    /// The map as it was first written, a pair of offsets per folded byte: the model the sparse
    /// map must agree with.
    fn model(text: &str) -> (String, Vec<u32>, Vec<u32>) {
        let (mut folded, mut starts, mut ends) = (String::new(), Vec::new(), Vec::new());
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
            folded.push(out);
            for _ in 0..out.len_utf8() {
                starts.push(i as u32);
                ends.push(end as u32);
            }
        }
        (folded, starts, ends)
    }

    fn agrees_with_model(text: &str) {
        let n = Normalized::new(text);
        let (folded, starts, ends) = model(text);
        assert_eq!(n.as_str(), folded, "{text:?}");
        let len = folded.len();
        for a in 0..=len + 1 {
            let want = starts.get(a).map_or(text.len(), |&s| s as usize);
            assert_eq!(n.original_offset(a), want, "{text:?} offset {a}");
            for b in a + 1..=len + 1 {
                let end = ends.get(b - 1).map_or(text.len(), |&e| e as usize);
                assert_eq!(
                    n.original_span(a..b),
                    want..end.max(want),
                    "{text:?} {a}..{b}"
                );
            }
        }
    }

    /// The forward map gives what [`Normalized::original_span`] gives, for spans asked in
    /// order (as the found expressions are), and for spans asked in any order.
    fn spans_agree_with_original_span(text: &str, order: &[usize]) {
        let n = Normalized::new(text);
        let len = n.as_str().len();
        let mut all: Vec<Range<usize>> = (0..=len + 1)
            .flat_map(|a| (a..=len + 1).map(move |b| a..b))
            .collect();
        let check = |all: &[Range<usize>]| {
            let mut map = n.spans();
            for r in all {
                assert_eq!(
                    map.span(r.clone()),
                    n.original_span(r.clone()),
                    "{text:?} {r:?}"
                );
                // The start alone, from the same map, before and after the span.
                let at = r.start;
                let want = n.original_span(at..at).start;
                assert_eq!(map.start(at), want, "{text:?} start {at}");
                assert_eq!(map.start(r.end), n.original_span(r.end..r.end).start);
            }
        };
        check(&all);
        // Shuffled by `order`, so that some spans come before the last one asked.
        for (k, &o) in order.iter().enumerate() {
            let (a, b) = (k % all.len().max(1), o % all.len().max(1));
            all.swap(a, b);
        }
        check(&all);
    }

    #[test]
    fn sparse_map_agrees_with_model() {
        for text in [
            "",
            "abc",
            "في ١٥ تشرينَ",
            "\u{064E}x",
            "\u{200F}\u{064E}ab\u{200F}\u{064E}\u{064E}c",
            "شـــباط ٢٠٢٥، أمس—اليوم",
            "A\u{00A0}B\tC\r\n",
            "١\u{200F}٢\u{0651}",
            // Runs longer than a round of the scanner, ended by each kind of stop.
            "السلام عليكم ورحمة الله وبركاته أيها الناس",
            "في الساعة الثامنة صباحا، إلى المساء؛ لماذا؟ ٢٠٢٥ آخر",
            "abcdefghijklmnopqrstuvwxyz أَ إِ آً end",
            "كتبكتبكتبكتبكتبكتبكتب\u{0651}\u{064E}كتبكتبكتبكتبكتبكتبكتب\u{0640}",
            "abcdefghijklmnopqrstuvwxyz\u{0301}",
        ] {
            agrees_with_model(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn sparse_map_agrees_with_model_on_any_mix(
            chars in proptest::collection::vec(proptest::sample::select(vec![
                'a', 'Z', ' ', '\t', '\r', '\n', '5', 'ا', 'أ', 'إ', 'آ', 'ٱ', 'ء', 'ؤ', 'ب', 'ي',
                'ی', '٣', '٠', '۴', '\u{FF15}', '\u{064E}', '\u{0651}', '\u{0640}', '\u{0670}',
                '\u{200F}', '\u{FEFF}', '\u{00AD}', '–', '\u{2212}', '،', '؛', '؟', '\u{066B}',
                '\u{00A0}', '\u{3000}', '😀', 'é', 'ؠ', 'ػ',
            ]), 0..40)
        ) {
            let text: String = chars.into_iter().collect();
            agrees_with_model(&text);
        }
    }

    #[test]
    fn plain_stretches_are_what_folding_keeps() {
        for c in (0..=0x7FF).filter_map(char::from_u32) {
            let s = c.to_string();
            let plain = plain_end(s.as_bytes(), 0) == s.len();
            if plain {
                assert!(matches!(fold_char(c), Fold::Keep), "{c:?}");
            }
            let letter = matches!(c, '\u{0621}' | '\u{0624}' | '\u{0626}'..='\u{063A}' | '\u{0641}'..='\u{064A}');
            let ascii = c.is_ascii() && !c.is_ascii_uppercase() && c != '\t' && c != '\r';
            assert_eq!(plain, letter || ascii, "{c:?}");
        }
    }

    /// Mostly plain letters and spaces, as in running text, so that runs go past a round of
    /// [`plain_end`]'s sixteen bytes, with a few of every kind of stop.
    fn running_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        let plain = proptest::sample::select(vec!['ب', 'ا', 'ي', ' ', 'ء', 'ؤ', 'ك', 'x', '.']);
        let stop = proptest::sample::select(vec![
            'أ', 'إ', 'آ', '،', '؛', '؟', '٣', '٠', '\u{0651}', 'Q', '\t', 'é', '😀', '\u{200F}',
        ]);
        let one = proptest::prop_oneof![8 => plain, 1 => stop];
        proptest::collection::vec(one, 0..80).prop_map(|cs| cs.into_iter().collect())
    }

    /// [`Normalized::others`] against the folded text read character by character.
    fn others_are_every_other_character(text: &str) {
        let n = Normalized::new(text);
        let want: Vec<usize> = n
            .as_str()
            .char_indices()
            .filter(|&(_, c)| !c.is_ascii() && !is_arabic_letter(c))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(n.others(), want, "{text:?}");
    }

    #[test]
    fn others_are_what_the_folded_text_has_besides_ascii_and_arabic_letters() {
        for text in [
            "",
            "ابن «سينا» — 😀 é",
            "كانونَ الأوّل ٢٠٢٥ ـ یک ک",
            "\u{0620}\u{063B}\u{064B}\u{066E}\u{06A9}\u{FB50}",
        ] {
            others_are_every_other_character(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn sparse_map_agrees_with_model_on_running_text(text in running_text()) {
            agrees_with_model(&text);
        }

        #[test]
        fn others_agree_with_the_folded_text(text in running_text()) {
            others_are_every_other_character(&text);
        }

        #[test]
        fn forward_spans_agree_with_original_span(
            text in running_text(),
            order in proptest::collection::vec(0usize..10_000, 0..200),
        ) {
            spans_agree_with_original_span(&text, &order);
        }

        #[test]
        fn plain_end_agrees_with_run_end(text in running_text()) {
            let bytes = text.as_bytes();
            for (i, _) in text.char_indices() {
                proptest::prop_assert_eq!(
                    plain_end(bytes, i),
                    run_end(bytes, i, &PLAIN_MASK, &PLAIN_LEN),
                    "{:?} from {}", text, i
                );
            }
        }
    }

    /// Every one- and two-byte character at every place of a sixteen-byte round, between
    /// plain letters, ends a plain stretch where the character-by-character walk does.
    #[test]
    fn sixteen_at_once_agree_with_one_at_a_time() {
        for c in (0..=0x7FF).filter_map(char::from_u32) {
            for lead in ["", "a", "ب", "aب"] {
                for filler in ["ب", "a", "ي "] {
                    let s = format!("{lead}{}{c}{}", filler.repeat(9), filler.repeat(12));
                    let bytes = s.as_bytes();
                    for (i, _) in s.char_indices() {
                        assert_eq!(
                            plain_end(bytes, i),
                            run_end(bytes, i, &PLAIN_MASK, &PLAIN_LEN),
                            "{s:?} from {i}"
                        );
                    }
                }
            }
        }
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
