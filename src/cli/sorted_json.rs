//! Compact JSON with every object's keys in sorted order, written straight into a string: what
//! `serde_json::to_value(x)?.to_string()` prints (its objects keep their keys sorted), without
//! building the tree of values, its maps and its strings first. The command line writes each
//! mention's expression and flags with it: through the tree they took about 9,000 instructions
//! a mention, more than finding the mention.
//!
//! Only what the crate's types serialize is written the tree's way: null, booleans, integers,
//! strings, options, sequences, tuples, unit and newtype structs, every kind of enum variant,
//! structs and maps with string keys. A float, or a map key that is not a string, is an error
//! (the caller falls back to the tree).

use std::fmt::{self, Display};

use serde::Serialize;
use serde::ser::{self, Impossible};

/// Writes `value` into `out` as `serde_json::to_value(value)` prints; on an error `out` is left
/// as it was and the error returned.
pub(crate) fn write<T: Serialize + ?Sized>(out: &mut String, value: &T) -> Result<(), Error> {
    let mark = out.len();
    let r = value.serialize(Writer { out });
    if r.is_err() {
        out.truncate(mark);
    }
    r
}

/// Why a value could not be written.
#[derive(Debug)]
pub(crate) struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Error {
        Error(msg.to_string())
    }
}

fn unsupported(what: &str) -> Error {
    Error(format!("{what} is not written in sorted JSON"))
}

struct Writer<'a> {
    out: &'a mut String,
}

/// A unit variant, written as its name; a newtype struct, as what it wraps: alike in values
/// and in map keys.
macro_rules! names_and_wrappers {
    () => {
        fn serialize_unit_variant(
            self,
            _: &'static str,
            _: u32,
            variant: &'static str,
        ) -> Result<(), Error> {
            self.serialize_str(variant)
        }

        fn serialize_newtype_struct<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            value: &T,
        ) -> Result<(), Error> {
            value.serialize(self)
        }
    };
}

/// Narrow integers, written as the wide ones they widen to.
macro_rules! widen {
    ($($narrow:ident: $n:ty => $wide:ident: $w:ty),*) => {$(
        fn $narrow(self, v: $n) -> Result<(), Error> {
            self.$wide(<$w>::from(v))
        }
    )*};
}

impl<'a> ser::Serializer for Writer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Seq<'a>;
    type SerializeTuple = Seq<'a>;
    type SerializeTupleStruct = Seq<'a>;
    type SerializeTupleVariant = Seq<'a>;
    type SerializeMap = Object<'a>;
    type SerializeStruct = Object<'a>;
    type SerializeStructVariant = Object<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }

    widen!(
        serialize_i8: i8 => serialize_i64: i64,
        serialize_i16: i16 => serialize_i64: i64,
        serialize_i32: i32 => serialize_i64: i64,
        serialize_u8: u8 => serialize_u64: u64,
        serialize_u16: u16 => serialize_u64: u64,
        serialize_u32: u32 => serialize_u64: u64
    );

    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        if v < 0 {
            self.out.push('-');
        }
        super::push_u64(self.out, v.unsigned_abs());
        Ok(())
    }

    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        super::push_u64(self.out, v);
        Ok(())
    }

    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        Err(unsupported("a float"))
    }

    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        Err(unsupported("a float"))
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        super::push_str(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        super::push_str(self.out, v);
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        // As the tree holds them: an array of numbers.
        self.out.push('[');
        for (k, b) in v.iter().enumerate() {
            if k > 0 {
                self.out.push(',');
            }
            Writer { out: self.out }.serialize_u8(*b)?;
        }
        self.out.push(']');
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.out.push_str("null");
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }

    names_and_wrappers!();

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.out.push('{');
        super::push_str(self.out, variant);
        self.out.push(':');
        value.serialize(Writer { out: self.out })?;
        self.out.push('}');
        Ok(())
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Seq<'a>, Error> {
        self.out.push('[');
        Ok(Seq {
            out: self.out,
            first: true,
            variant: None,
        })
    }

    fn serialize_tuple(self, len: usize) -> Result<Seq<'a>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Seq<'a>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Seq<'a>, Error> {
        self.out.push('{');
        super::push_str(self.out, variant);
        self.out.push_str(":[");
        Ok(Seq {
            out: self.out,
            first: true,
            variant: Some(variant),
        })
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Object<'a>, Error> {
        Ok(Object::new(self.out, None))
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Object<'a>, Error> {
        Ok(Object::new(self.out, None))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Object<'a>, Error> {
        Ok(Object::new(self.out, Some(variant)))
    }
}

/// An array being written.
struct Seq<'a> {
    out: &'a mut String,
    first: bool,
    /// The variant of a tuple variant, whose object closes after the array.
    variant: Option<&'static str>,
}

impl Seq<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        value.serialize(Writer { out: self.out })
    }

    fn close(self) {
        self.out.push(']');
        if self.variant.is_some() {
            self.out.push('}');
        }
    }
}

/// The four kinds of array serde writes, each through [`Seq::element`] and [`Seq::close`].
macro_rules! seq {
    ($($kind:ident::$add:ident),*) => {$(
        impl ser::$kind for Seq<'_> {
            type Ok = ();
            type Error = Error;

            fn $add<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }

            fn end(self) -> Result<(), Error> {
                self.close();
                Ok(())
            }
        }
    )*};
}

seq!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// An object being written: its members are written apart, each after the other in `buf`,
/// and put in key order at the end. A key given again replaces the earlier member, as in the
/// tree's map.
struct Object<'a> {
    out: &'a mut String,
    /// The variant of a struct variant: `{"variant":{...}}`.
    variant: Option<&'static str>,
    /// Each member: its key (escaped, with quotes) and its value, as ranges of `buf`.
    members: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)>,
    buf: String,
    /// A map's key, waiting for its value.
    key: Option<std::ops::Range<usize>>,
}

impl<'a> Object<'a> {
    fn new(out: &'a mut String, variant: Option<&'static str>) -> Object<'a> {
        // Room for the members of most objects at once, not grown a few bytes at a time.
        Object {
            out,
            variant,
            members: Vec::with_capacity(8),
            buf: String::with_capacity(128),
            key: None,
        }
    }

    fn member<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        let k0 = self.buf.len();
        super::push_str(&mut self.buf, key);
        let k1 = self.buf.len();
        self.value(k0..k1, value)
    }

    fn value<T: Serialize + ?Sized>(
        &mut self,
        key: std::ops::Range<usize>,
        value: &T,
    ) -> Result<(), Error> {
        let v0 = self.buf.len();
        value.serialize(Writer { out: &mut self.buf })?;
        let v1 = self.buf.len();
        self.members.push((key, v0..v1));
        Ok(())
    }

    fn close(mut self) {
        let buf = &self.buf;
        let text = |r: &std::ops::Range<usize>| buf.get(r.clone()).unwrap_or("");
        // Sorted by key, the last of equal keys kept (a stable sort keeps their order).
        self.members.sort_by(|a, b| text(&a.0).cmp(text(&b.0)));
        let out = self.out;
        if let Some(v) = self.variant {
            out.push('{');
            super::push_str(out, v);
            out.push(':');
        }
        out.push('{');
        let mut first = true;
        for (k, (key, value)) in self.members.iter().enumerate() {
            let replaced = self
                .members
                .get(k + 1)
                .is_some_and(|(next, _)| text(next) == text(key));
            if replaced {
                continue;
            }
            if !first {
                out.push(',');
            }
            first = false;
            out.push_str(text(key));
            out.push(':');
            out.push_str(text(value));
        }
        out.push('}');
        if self.variant.is_some() {
            out.push('}');
        }
    }
}

/// Structs and struct variants, each field through [`Object::member`].
macro_rules! object {
    ($($kind:ident),*) => {$(
        impl ser::$kind for Object<'_> {
            type Ok = ();
            type Error = Error;

            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.member(key, value)
            }

            fn end(self) -> Result<(), Error> {
                self.close();
                Ok(())
            }
        }
    )*};
}

object!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Object<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        let k0 = self.buf.len();
        key.serialize(KeyWriter { out: &mut self.buf })?;
        self.key = Some(k0..self.buf.len());
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self
            .key
            .take()
            .ok_or_else(|| unsupported("a value without a key"))?;
        self.value(key, value)
    }

    fn end(self) -> Result<(), Error> {
        self.close();
        Ok(())
    }
}

/// A map key: a string (or a unit variant, written as its name), as the tree takes them.
struct KeyWriter<'a> {
    out: &'a mut String,
}

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        super::push_str(self.out, v);
        Ok(())
    }

    names_and_wrappers!();

    fn serialize_bool(self, _: bool) -> Result<(), Error> {
        Err(unsupported("a key that is not a string"))
    }
    fn serialize_i8(self, _: i8) -> Result<(), Error> {
        Err(unsupported("a key that is not a string"))
    }
    fn serialize_i16(self, _: i16) -> Result<(), Error> {
        Err(unsupported("a key that is not a string"))
    }
    fn serialize_i32(self, _: i32) -> Result<(), Error> {
        Err(unsupported("a key that is not a string"))
    }
    fn serialize_i64(self, _: i64) -> Result<(), Error> {
        Err(unsupported("a key that is not a string"))
    }
    fn serialize_u8(self, _: u8) -> Result<(), Error> {
        Err(unsupported("a key that is not a string"))
    }
    fn serialize_u16(self, _: u16) -> Result<(), Error> {
        Err(unsupported("a key that is not a string"))
    }
    fn serialize_u32(self, _: u32) -> Result<(), Error> {
        Err(unsupported("a key that is not a string"))
    }
    fn serialize_u64(self, _: u64) -> Result<(), Error> {
        Err(unsupported("a key that is not a string"))
    }
    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        Err(unsupported("a key that is not a string"))
    }
    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        Err(unsupported("a key that is not a string"))
    }
    fn serialize_char(self, _: char) -> Result<(), Error> {
        Err(unsupported("a key that is not a string"))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(unsupported("a key that is not a string"))
    }
    fn serialize_none(self) -> Result<(), Error> {
        Err(unsupported("a key that is not a string"))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Error> {
        Err(unsupported("a key that is not a string"))
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Err(unsupported("a key that is not a string"))
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        Err(unsupported("a key that is not a string"))
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(unsupported("a key that is not a string"))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(unsupported("a key that is not a string"))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(unsupported("a key that is not a string"))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(unsupported("a key that is not a string"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(unsupported("a key that is not a string"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(unsupported("a key that is not a string"))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(unsupported("a key that is not a string"))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(unsupported("a key that is not a string"))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;
    use tarikh::{Anchor, Extractor};

    /// What the tree prints, and what [`super::write`] writes (`None` if it would not).
    fn both<T: Serialize + ?Sized>(v: &T) -> (String, Option<String>) {
        let tree = serde_json::to_value(v)
            .map(|t| t.to_string())
            .unwrap_or_default();
        let mut out = String::from("kept");
        let direct = super::write(&mut out, v).ok().map(|()| out.split_off(4));
        (tree, direct)
    }

    fn agrees<T: Serialize + ?Sized>(v: &T) {
        let (tree, direct) = both(v);
        assert_eq!(direct.as_deref(), Some(tree.as_str()));
    }

    /// Every expression and flag found in the bundled sample and the test cases, written as
    /// their trees print them.
    #[test]
    fn mentions_are_written_as_their_trees_print() {
        let x = Extractor::new();
        let mut texts: Vec<String> = Vec::new();
        for file in [
            "tests/data/ant-jawharafm-sample.jsonl",
            "tests/data/cases.tsv",
        ] {
            let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
            // A missing file leaves too few mentions, which fails the test below.
            let data = std::fs::read_to_string(&path).unwrap_or_default();
            texts.extend(data.lines().map(str::to_string));
        }
        let mut mentions = 0;
        let mut flags = 0;
        for anchor in [(2025, 12, 24), (2012, 7, 10)] {
            let Some(anchor) = Anchor::from_ymd(anchor.0, anchor.1, anchor.2) else {
                continue;
            };
            for t in &texts {
                for m in x.extract(t, &anchor) {
                    agrees(&m.expr);
                    agrees(&m.flags);
                    mentions += 1;
                    flags += m.flags.len();
                }
            }
        }
        assert!(
            mentions > 3000 && flags > 10,
            "{mentions} mentions, {flags} flags"
        );
    }

    #[derive(Serialize)]
    struct Unit;

    #[derive(Serialize)]
    struct Newtype(i64);

    #[derive(Serialize)]
    struct Pair(u8, &'static str);

    #[derive(Serialize)]
    #[serde(rename_all = "snake_case")]
    enum Kinds {
        Plain,
        Wrapped(Option<u32>),
        Tupled(i8, char),
        Fields {
            zeta: bool,
            alpha: Vec<u16>,
            mid: Option<&'static str>,
        },
    }

    #[derive(Serialize)]
    #[serde(tag = "kind", rename_all = "snake_case")]
    enum Tagged {
        One { z: i32, a: i32 },
        Two,
    }

    #[derive(Serialize)]
    struct Outer {
        zulu: Kinds,
        alpha: BTreeMap<String, Kinds>,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
        nested: Vec<Tagged>,
        text: &'static str,
        bytes: &'static [u8],
        unit: Unit,
        newtype: Newtype,
        pair: Pair,
        tuple: (i64, u64, bool),
    }

    /// Every kind of value the crate's types could hold: nested objects out of order, enum
    /// variants of every kind, internally tagged ones, maps, escapes, extreme numbers.
    #[test]
    fn every_shape_is_written_as_the_tree_prints_it() {
        let mut alpha = BTreeMap::new();
        alpha.insert("b\"q".to_string(), Kinds::Plain);
        alpha.insert("a\n".to_string(), Kinds::Wrapped(None));
        alpha.insert("ز".to_string(), Kinds::Tupled(-128, '\u{1}'));
        let v = Outer {
            zulu: Kinds::Fields {
                zeta: true,
                alpha: vec![0, u16::MAX],
                mid: Some("«نص»\t\\"),
            },
            alpha,
            skipped: None,
            nested: vec![Tagged::One { z: i32::MIN, a: 0 }, Tagged::Two],
            text: "",
            bytes: &[0, 255],
            unit: Unit,
            newtype: Newtype(i64::MIN),
            pair: Pair(7, "x"),
            tuple: (-1, u64::MAX, false),
        };
        agrees(&v);
        agrees(&Kinds::Wrapped(Some(3)));
        agrees(&Vec::<Kinds>::new());
        agrees(&Option::<Unit>::None);
        agrees("\u{7f}\"");
    }

    /// A value only the tree writes leaves the string as it was.
    #[test]
    fn what_it_cannot_write_is_left_to_the_tree() {
        let mut out = String::from("kept");
        assert!(super::write(&mut out, &(1u8, 2.5f64)).is_err());
        let mut keyed = BTreeMap::new();
        keyed.insert(1u8, "one");
        assert!(super::write(&mut out, &keyed).is_err());
        assert_eq!(out, "kept");
    }
}
