//! TimeML output: well-formed, the text comes back byte for byte, and the tags carry the same
//! mentions and values as `extract`.

use tarikh::{Anchor, Extractor, timeml};

/// A minimal XML reader for the subset `to_timeml` writes: elements, attributes, character
/// data with the five entities and numeric references. Returns the unescaped TEXT content and
/// each consuming TIMEX3 as (byte span in that content, attributes).
type Attrs = Vec<(String, String)>;

fn read_text(xml: &str) -> (String, Vec<(std::ops::Range<usize>, Attrs)>) {
    let start = xml.find("<TEXT>").expect("TEXT") + "<TEXT>".len();
    let end = xml.rfind("</TEXT>").expect("/TEXT");
    let body = &xml[start..end];
    let mut text = String::new();
    let mut timexes = Vec::new();
    let mut open: Option<(usize, Attrs)> = None;
    let mut rest = body;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('<') {
            let close = after.find('>').expect("tag end");
            let tag = &after[..close];
            rest = &after[close + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(name, "TIMEX3", "only TIMEX3 inside TEXT");
                let (s, attrs) = open.take().expect("close without open");
                timexes.push((s..text.len(), attrs));
            } else {
                let empty = tag.ends_with('/');
                let tag = tag.trim_end_matches('/');
                let mut parts = tag.splitn(2, ' ');
                assert_eq!(parts.next(), Some("TIMEX3"));
                let mut attrs = Vec::new();
                let mut a = parts.next().unwrap_or("").trim();
                while !a.is_empty() {
                    let eq = a.find("=\"").expect("attr");
                    let name = a[..eq].to_string();
                    let v_end = a[eq + 2..].find('"').expect("attr end") + eq + 2;
                    attrs.push((name, unescape(&a[eq + 2..v_end])));
                    a = a[v_end + 1..].trim();
                }
                if !empty {
                    assert!(open.is_none(), "nested TIMEX3");
                    open = Some((text.len(), attrs));
                }
            }
        } else {
            let next = rest.find('<').unwrap_or(rest.len());
            text.push_str(&unescape(&rest[..next]));
            rest = &rest[next..];
        }
    }
    assert!(open.is_none(), "unclosed TIMEX3");
    (text, timexes)
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let semi = rest[i..].find(';').expect("entity end") + i;
        let ent = &rest[i + 1..semi];
        out.push(match ent {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            e => char::from_u32(e.strip_prefix('#').expect("numeric").parse().unwrap()).unwrap(),
        });
        rest = &rest[semi + 1..];
    }
    out.push_str(rest);
    out
}

const TEXTS: &[&str] = &[
    include_str!("../examples/data/seed-sy-ru-moscow.txt"),
    "زار الوفد <المدينة> & عاد في 23–24 كانون الأول، ثم من 2007 إلى 2011 \"سنوات\".\r\nالساعة 3 عصرا كل يوم.",
    "",
    "لا تاريخ هنا",
];

#[test]
fn stripping_the_tags_gives_the_text_back() {
    let anchor = Anchor::from_ymd(2025, 12, 24).unwrap();
    for text in TEXTS {
        let ms = Extractor::new().extract(text, &anchor);
        let xml = timeml::to_timeml(text, &ms, &anchor);
        assert!(xml.starts_with("<?xml"));
        assert!(xml.contains(r#"<DCT><TIMEX3 tid="t0" type="DATE" value="2025-12-24""#));
        let (back, _) = read_text(&xml);
        assert_eq!(&back, text);
    }
}

#[test]
fn tags_carry_the_mentions_and_values() {
    let anchor = Anchor::from_ymd(2025, 12, 24).unwrap();
    for text in TEXTS {
        let ms = Extractor::new().extract(text, &anchor);
        let xml = timeml::to_timeml(text, &ms, &anchor);
        let (_, timexes) = read_text(&xml);
        assert_eq!(timexes.len(), ms.len());
        for ((span, attrs), m) in timexes.iter().zip(&ms) {
            assert_eq!(span, &m.span);
            let get = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
            match m.value {
                tarikh::Value::Range(a, b) => {
                    assert_eq!(get("type"), Some("DURATION"));
                    let begin = get("beginPoint").unwrap();
                    let end = get("endPoint").unwrap();
                    let point = |id: &str| {
                        let tag = format!("tid=\"{id}\"");
                        let at = xml.find(&tag).unwrap();
                        let v = &xml[at..];
                        let v = &v[v.find("value=\"").unwrap() + 7..];
                        v[..v.find('"').unwrap()].to_string()
                    };
                    assert_eq!(point(begin), a.unwrap().to_string());
                    assert_eq!(point(end), b.unwrap().to_string());
                }
                v => assert_eq!(get("value"), Some(v.to_string().as_str())),
            }
        }
    }
}
