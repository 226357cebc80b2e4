//! SVG and HTML timelines: well-formed XML (read by a small XML reader below), every event
//! drawn and listed, the order kept along the axis, labels that never overlap, an axis that
//! adapts to the span, and links from each event to its sentence.

use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::process::{Command, Stdio};

use tarikh::document::DocumentDate;
use tarikh::{Anchor, Timeline, TimelineBuilder};

const SEED: &str = include_str!("../examples/data/seed-sy-ru-moscow.txt");

// ---------------------------------------------------------------------------------------------
// A small XML reader: elements, attributes, text, the five entities and character references;
// the prolog, comments and a DOCTYPE are skipped. Anything else is an error.

#[derive(Debug, Clone)]
enum Node {
    El(El),
    Text(String),
}

#[derive(Debug, Clone)]
struct El {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
}

impl El {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|c| c.split_whitespace().any(|w| w == class))
    }

    /// Every element below this one (and itself), depth first.
    fn all(&self) -> Vec<&El> {
        let mut out = vec![self];
        for c in &self.children {
            if let Node::El(e) = c {
                out.extend(e.all());
            }
        }
        out
    }

    fn text(&self) -> String {
        let mut s = String::new();
        for c in &self.children {
            match c {
                Node::Text(t) => s.push_str(t),
                Node::El(e) => s.push_str(&e.text()),
            }
        }
        s
    }

    fn num(&self, name: &str) -> f64 {
        self.attr(name)
            .unwrap_or_else(|| panic!("<{}> has no {name}", self.name))
            .parse()
            .unwrap()
    }
}

struct Reader<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    fn rest(&self) -> &'a str {
        &self.s[self.at..]
    }

    fn err<T>(&self, what: &str) -> Result<T, String> {
        let near: String = self.rest().chars().take(40).collect();
        Err(format!("{what} at byte {}: {near:?}", self.at))
    }

    fn skip_ws(&mut self) {
        let n = self.rest().len() - self.rest().trim_start().len();
        self.at += n;
    }

    /// Skips `<?...?>`, `<!--...-->` and `<!DOCTYPE ...>`; true if one was skipped.
    fn skip_misc(&mut self) -> Result<bool, String> {
        for (open, close) in [("<?", "?>"), ("<!--", "-->"), ("<!DOCTYPE", ">")] {
            if self.rest().starts_with(open) {
                match self.rest().find(close) {
                    Some(i) => {
                        self.at += i + close.len();
                        return Ok(true);
                    }
                    None => return self.err("unclosed markup"),
                }
            }
        }
        Ok(false)
    }

    fn name(&mut self) -> Result<String, String> {
        let n: String = self
            .rest()
            .chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
            .collect();
        if n.is_empty() || n.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
            return self.err("bad name");
        }
        self.at += n.len();
        Ok(n)
    }

    fn unescape(&self, raw: &str) -> Result<String, String> {
        let mut out = String::new();
        let mut rest = raw;
        while let Some(i) = rest.find('&') {
            out.push_str(&rest[..i]);
            let Some(j) = rest[i..].find(';') else {
                return self.err("& without ;");
            };
            let ent = &rest[i + 1..i + j];
            match ent {
                "amp" => out.push('&'),
                "lt" => out.push('<'),
                "gt" => out.push('>'),
                "quot" => out.push('"'),
                "apos" => out.push('\''),
                _ if ent.starts_with("#x") => out.push(
                    u32::from_str_radix(&ent[2..], 16)
                        .ok()
                        .and_then(char::from_u32)
                        .ok_or("bad reference")?,
                ),
                _ if ent.starts_with('#') => out.push(
                    ent[1..]
                        .parse::<u32>()
                        .ok()
                        .and_then(char::from_u32)
                        .ok_or("bad reference")?,
                ),
                _ => return self.err(&format!("unknown entity &{ent};")),
            }
            rest = &rest[i + j + 1..];
        }
        out.push_str(rest);
        Ok(out)
    }

    fn element(&mut self) -> Result<El, String> {
        if !self.rest().starts_with('<') {
            return self.err("expected <");
        }
        self.at += 1;
        let name = self.name()?;
        let mut attrs: Vec<(String, String)> = Vec::new();
        loop {
            let before = self.at;
            self.skip_ws();
            if self.rest().starts_with("/>") {
                self.at += 2;
                return Ok(El {
                    name,
                    attrs,
                    children: Vec::new(),
                });
            }
            if self.rest().starts_with('>') {
                self.at += 1;
                break;
            }
            if self.at == before {
                return self.err("expected space before attribute");
            }
            let k = self.name()?;
            if !self.rest().starts_with('=') {
                return self.err("expected =");
            }
            self.at += 1;
            let q = match self.rest().chars().next() {
                Some(q @ ('"' | '\'')) => q,
                _ => return self.err("unquoted attribute"),
            };
            self.at += 1;
            let Some(end) = self.rest().find(q) else {
                return self.err("unclosed attribute");
            };
            let raw = &self.rest()[..end];
            if raw.contains('<') {
                return self.err("< in attribute");
            }
            let v = self.unescape(raw)?;
            self.at += end + 1;
            if attrs.iter().any(|(a, _)| *a == k) {
                return self.err(&format!("duplicate attribute {k}"));
            }
            attrs.push((k, v));
        }
        let mut children = Vec::new();
        loop {
            if self.rest().starts_with("</") {
                self.at += 2;
                let close = self.name()?;
                if close != name {
                    return self.err(&format!("</{close}> closes <{name}>"));
                }
                self.skip_ws();
                if !self.rest().starts_with('>') {
                    return self.err("expected >");
                }
                self.at += 1;
                return Ok(El {
                    name,
                    attrs,
                    children,
                });
            }
            if self.rest().starts_with("<!--") {
                self.skip_misc()?;
                continue;
            }
            if self.rest().starts_with('<') {
                children.push(Node::El(self.element()?));
                continue;
            }
            let end = self
                .rest()
                .find('<')
                .ok_or(format!("<{name}> not closed"))?;
            let raw = &self.rest()[..end];
            children.push(Node::Text(self.unescape(raw)?));
            self.at += end;
        }
    }
}

/// Reads a document: one root element, nothing but markup and whitespace around it.
fn parse(doc: &str) -> Result<El, String> {
    let mut r = Reader { s: doc, at: 0 };
    loop {
        r.skip_ws();
        if !r.skip_misc()? {
            break;
        }
    }
    let root = r.element()?;
    loop {
        r.skip_ws();
        if !r.skip_misc()? {
            break;
        }
    }
    if !r.rest().is_empty() {
        return r.err("content after the root element");
    }
    Ok(root)
}

#[test]
fn the_reader_rejects_what_is_not_xml() {
    assert!(parse("<a><b></a></b>").is_err());
    assert!(parse("<a x=1/>").is_err());
    assert!(parse("<a>&nbsp;</a>").is_err());
    assert!(parse("<a>x < y</a>").is_err());
    assert!(parse("<a/><b/>").is_err());
    assert!(parse("<a x='1' x='2'/>").is_err());
    let ok =
        parse("<?xml version=\"1.0\"?><!DOCTYPE a><a x=\"&lt;1&gt;\">t &amp; &#1587;</a>").unwrap();
    assert_eq!(ok.attr("x"), Some("<1>"));
    assert_eq!(ok.text(), "t & س");
}

// ---------------------------------------------------------------------------------------------
// Helpers.

fn seed() -> Timeline {
    TimelineBuilder::new().build_inferred(SEED, Anchor::from_ymd(2026, 1, 5).unwrap())
}

fn build(text: &str, y: i32, m: u32, d: u32) -> Timeline {
    TimelineBuilder::new().build(
        text,
        &DocumentDate::given(Anchor::from_ymd(y, m, d).unwrap()),
    )
}

/// The event groups of a picture, by their index in the timeline.
fn events(root: &El) -> Vec<&El> {
    let mut evs: Vec<&El> = root
        .all()
        .into_iter()
        .filter(|e| e.name == "g" && e.has_class("event"))
        .collect();
    evs.sort_by_key(|e| e.attr("data-index").unwrap().parse::<usize>().unwrap());
    evs
}

/// Every event is drawn once, with its value; dated ones in timeline order along the axis,
/// each marker where the timeline sorts it.
fn check_events(tl: &Timeline, root: &El) {
    check_drawn(tl, root, true);
}

/// As [`check_events`]; `undated`: the undated events are in the picture too (in the page they
/// are in the list beside it).
fn check_drawn(tl: &Timeline, root: &El, undated: bool) {
    let evs = events(root);
    let drawn = if undated {
        tl.events.len()
    } else {
        tl.dated().count()
    };
    let indices: BTreeSet<usize> = evs
        .iter()
        .map(|e| e.attr("data-index").unwrap().parse().unwrap())
        .collect();
    assert_eq!(evs.len(), drawn, "one group per event");
    assert_eq!(indices, (0..drawn).collect(), "every event once");
    let mut last_x = f64::NEG_INFINITY;
    for (g, e) in evs.iter().zip(&tl.events) {
        let whole = g.text();
        if let Some(t) = &e.trigger {
            assert!(
                whole.contains(&t.text),
                "event {:?} lacks its trigger",
                e.text
            );
        }
        match e.value {
            Some(v) => {
                assert!(g.has_class("dated"));
                assert_eq!(g.attr("data-value"), Some(v.to_string().as_str()));
                let x = g.num("data-x");
                assert!(x >= last_x, "x goes back at {v}: {x} < {last_x}");
                last_x = x;
                let marker = g.all().into_iter().find(|c| c.has_class("marker")).unwrap();
                let open = matches!(
                    v,
                    tarikh::Value::Range(None, _) | tarikh::Value::Range(_, None)
                );
                let mx = if marker.name == "circle" {
                    marker.num("cx")
                } else {
                    marker.num("x")
                };
                if !open {
                    assert!(
                        (mx - x).abs() < 0.06,
                        "marker of {v} at {mx}, sorted at {x}"
                    );
                }
                // The date under the label, in ISO form.
                assert!(
                    g.all().iter().any(|c| c.has_class("date-iso"))
                        && g.all().iter().any(|c| c.has_class("date-ar")),
                    "{v} has its dates"
                );
            }
            None => assert!(g.has_class("undated")),
        }
    }
}

/// A box of text, estimated independently of the renderer: 0.6 em a character (0.3 for a
/// space), the height of the font.
fn text_box(t: &El) -> (f64, f64, f64, f64) {
    let size = t.num("font-size");
    let s = t.text();
    let w: f64 = s
        .chars()
        .map(|c| if c == ' ' { 0.3 } else { 0.6 })
        .sum::<f64>()
        * size;
    let (x, y) = (t.num("x"), t.num("y"));
    let rtl = t.attr("direction") == Some("rtl");
    let (l, r) = match (t.attr("text-anchor").unwrap_or("start"), rtl) {
        ("middle", _) => (x - w / 2.0, x + w / 2.0),
        ("start", true) | ("end", false) => (x - w, x),
        _ => (x, x + w),
    };
    (l, y - size, r, y + 0.3 * size)
}

fn overlap(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

fn rect(e: &El) -> (f64, f64, f64, f64) {
    let (x, y) = (e.num("x"), e.num("y"));
    (x, y, x + e.num("width"), y + e.num("height"))
}

/// Cards do not overlap each other; their texts overlap no other card's text.
fn check_labels(root: &El) {
    let evs = events(root);
    let cards: Vec<(f64, f64, f64, f64)> = evs
        .iter()
        .flat_map(|g| g.all())
        .filter(|e| e.has_class("card"))
        .map(rect)
        .collect();
    for (i, a) in cards.iter().enumerate() {
        for b in cards.iter().skip(i + 1) {
            assert!(!overlap(*a, *b), "cards overlap: {a:?} {b:?}");
        }
    }
    let texts: Vec<(usize, (f64, f64, f64, f64))> = evs
        .iter()
        .enumerate()
        .flat_map(|(i, g)| {
            g.all()
                .into_iter()
                .filter(|e| e.name == "text")
                .map(move |t| (i, text_box(t)))
        })
        .collect();
    for (i, (gi, a)) in texts.iter().enumerate() {
        for (gj, b) in texts.iter().skip(i + 1) {
            if gi != gj {
                assert!(!overlap(*a, *b), "labels overlap: {a:?} {b:?}");
            }
        }
    }
    // Tick labels of one row do not overlap either.
    let mut rows: HashMap<String, Vec<(f64, f64, f64, f64)>> = HashMap::new();
    for t in root
        .all()
        .into_iter()
        .filter(|e| e.has_class("tick-label") || e.has_class("tick-major"))
    {
        rows.entry(t.attr("y").unwrap().to_string())
            .or_default()
            .push(text_box(t));
    }
    for boxes in rows.values() {
        for (i, a) in boxes.iter().enumerate() {
            for b in boxes.iter().skip(i + 1) {
                assert!(!overlap(*a, *b), "tick labels overlap: {a:?} {b:?}");
            }
        }
    }
}

fn tick_labels(root: &El) -> Vec<String> {
    root.all()
        .into_iter()
        .filter(|e| e.has_class("tick-label"))
        .map(El::text)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The seed article.

#[test]
fn seed_svg_is_well_formed_and_complete() {
    let tl = seed();
    let svg = tl.to_svg();
    let root = parse(&svg).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(root.name, "svg");
    assert_eq!(root.attr("xmlns"), Some("http://www.w3.org/2000/svg"));
    check_events(&tl, &root);
    check_labels(&root);
    // The 1970s and late 2025: a broken axis, the gap labelled in years.
    let all = root.all();
    assert_eq!(all.iter().filter(|e| e.has_class("break")).count(), 2);
    let gap = all
        .iter()
        .find(|e| e.has_class("gap-label"))
        .unwrap()
        .text();
    assert!(gap.contains("عام"), "{gap}");
    // A faded band for the decade; Arabic labels right to left.
    assert_eq!(all.iter().filter(|e| e.has_class("band")).count(), 1);
    for t in all
        .iter()
        .filter(|e| e.has_class("excerpt") || e.has_class("date-ar"))
    {
        assert_eq!(t.attr("direction"), Some("rtl"));
        assert_eq!(t.attr("text-anchor"), Some("start"));
    }
    let text = root.text();
    assert!(text.contains("سبعينيات القرن العشرين") && text.contains("1970s"));
    assert!(text.contains("23 كانون الأول 2025") && text.contains("2025-12-23"));
    assert!(text.contains("أحداث بلا تاريخ"));
}

#[test]
fn seed_html_is_one_well_formed_page_with_links() {
    let tl = seed();
    let page = tl.to_html(SEED);
    assert!(page.starts_with("<!DOCTYPE html>"));
    let root = parse(&page).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(root.name, "html");
    let all = root.all();
    // Self-contained: no script, nothing fetched.
    assert!(
        !all.iter()
            .any(|e| matches!(e.name.as_str(), "script" | "link" | "img" | "iframe"))
    );
    for e in &all {
        for (k, v) in &e.attrs {
            if k == "href" || k == "src" {
                assert!(v.starts_with('#'), "{k}={v} leaves the page");
            }
        }
    }
    let style = all.iter().find(|e| e.name == "style").unwrap().text();
    assert!(style.contains(".s:target"));
    // The picture inside, every event in it.
    let svg = all.iter().find(|e| e.name == "svg").unwrap();
    check_drawn(&tl, svg, false);
    check_labels(svg);
    // The list beside it: one item per event, each linking to an existing sentence.
    let ids: HashMap<&str, &El> = all
        .iter()
        .filter_map(|e| e.attr("id").map(|i| (i, *e)))
        .collect();
    let items: Vec<&&El> = all.iter().filter(|e| e.name == "li").collect();
    assert_eq!(items.len(), tl.events.len());
    let mut clauses = 0;
    for li in items {
        let a = li.all().into_iter().find(|e| e.name == "a").unwrap();
        let target = a.attr("href").unwrap().trim_start_matches('#');
        let t = ids
            .get(target)
            .unwrap_or_else(|| panic!("no element {target}"));
        assert!(t.has_class("s") || t.has_class("c"), "{target}");
        clauses += usize::from(t.has_class("c"));
    }
    assert!(clauses >= tl.events.len() / 2, "{clauses} links to clauses");
    // Each event's sentence holds its clause; a clause link lands on the clause itself, inside
    // the sentence; the picture's cards link where the list does.
    for (i, e) in tl.events.iter().enumerate() {
        let s = ids.get(format!("s-{}", e.sentence).as_str()).unwrap();
        assert!(s.text().contains(&e.text));
        if let Some(c) = ids.get(format!("c-{i}").as_str()) {
            assert_eq!(c.text(), e.text);
            assert!(s.all().iter().any(|k| k.attr("id") == c.attr("id")));
        }
    }
    let card_links: Vec<&str> = svg
        .all()
        .into_iter()
        .filter(|e| e.name == "a")
        .filter_map(|e| e.attr("href"))
        .collect();
    assert_eq!(card_links.len(), tl.dated().count());
    for h in card_links {
        assert!(ids.contains_key(h.trim_start_matches('#')), "{h}");
    }
    // The article gives the text back, once the links to the events are left out.
    let article = all.iter().find(|e| e.name == "article").unwrap();
    fn plain(e: &El, out: &mut String) {
        for c in &e.children {
            match c {
                Node::Text(t) => out.push_str(t),
                Node::El(k) if k.name == "h2" || k.has_class("back") => {}
                Node::El(k) => plain(k, out),
            }
        }
    }
    let mut text = String::new();
    plain(article, &mut text);
    assert_eq!(text, SEED);
    // Dates the events took are marked.
    let marks: Vec<String> = article
        .all()
        .into_iter()
        .filter(|e| e.has_class("timex"))
        .map(El::text)
        .collect();
    assert!(
        marks.iter().any(|m| m.contains("23 كانون الأول")),
        "{marks:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Scales, labels, escaping.

#[test]
fn a_week_of_events_is_drawn_in_days() {
    let text = "وصل الوفد إلى القاهرة يوم 3 آذار 2024. والتقى الوزير في 4 آذار 2024. \
                وعقد مؤتمرا صحفيا في 6 آذار 2024. وغادر في 9 آذار 2024.";
    let tl = build(text, 2024, 3, 10);
    let root = parse(&tl.to_svg()).unwrap();
    check_events(&tl, &root);
    check_labels(&root);
    let ticks = tick_labels(&root);
    assert!(
        ticks
            .iter()
            .all(|t| t.parse::<u32>().is_ok_and(|d| d <= 31)),
        "{ticks:?}"
    );
    assert!(ticks.len() >= 7);
    assert!(!root.all().iter().any(|e| e.has_class("break")));
    assert!(root.text().contains("آذار 2024"));
}

#[test]
fn decades_of_events_are_drawn_in_years() {
    let text = "تأسست الشركة عام 1962. وتوسعت في 1975. واندمجت في 1983. وأفلست في 1999. وأعيد افتتاحها في 2004.";
    let tl = build(text, 2010, 1, 1);
    let root = parse(&tl.to_svg()).unwrap();
    check_events(&tl, &root);
    check_labels(&root);
    let ticks = tick_labels(&root);
    assert!(
        ticks
            .iter()
            .all(|t| t.len() == 4 && t.parse::<i32>().is_ok()),
        "{ticks:?}"
    );
    // Years are bars.
    assert!(root.all().iter().filter(|e| e.has_class("bar")).count() >= 4);
}

#[test]
fn crowded_days_stack_without_overlap() {
    let mut text = String::new();
    for d in 1..=28 {
        text.push_str(&format!(
            "وعقد الوزير اجتماعا مع وفد رقم {d} في {d} شباط 2023. "
        ));
    }
    text.push_str("والتقى الرئيس في 14 شباط 2023.");
    let tl = build(&text, 2023, 3, 1);
    assert!(tl.dated().count() >= 28);
    for width in [1200, 860, 480] {
        let svg = tarikh::render::svg(&tl, &tarikh::render::Options::new().width(width));
        let root = parse(&svg).unwrap();
        check_events(&tl, &root);
        check_labels(&root);
        for c in root.all().into_iter().filter(|e| e.has_class("card")) {
            let (l, _, r, _) = rect(c);
            assert!(
                l >= 0.0 && r <= f64::from(width),
                "card outside the picture: {l}..{r}"
            );
        }
    }
}

#[test]
fn months_ranges_and_open_ranges() {
    let text = "وكانت المفاوضات قد بدأت في تشرين الأول 2025. وعقدت القمة من 23 إلى 25 تشرين الثاني 2025. \
                وتستمر الحملة ابتداء من 1 كانون الأول 2025. وزار الرئيس المعرض في 5 كانون الأول 2025.";
    let tl = build(text, 2025, 12, 6);
    let root = parse(&tl.to_svg()).unwrap();
    check_events(&tl, &root);
    check_labels(&root);
    assert!(root.all().iter().filter(|e| e.has_class("bar")).count() >= 2);
}

#[test]
fn text_is_escaped() {
    let text = "قال المدير إن <الشركة> & \"شركاءها\" عقدوا اجتماعا في 3 آذار 2024.";
    let tl = build(text, 2024, 3, 10);
    let svg = tl.to_svg();
    let root = parse(&svg).unwrap();
    check_events(&tl, &root);
    assert!(root.text().contains("<الشركة> &"));
    let page = tl.to_html(text);
    let root = parse(&page).unwrap();
    assert!(root.text().contains("<الشركة> & \"شركاءها\""));
}

#[test]
fn empty_and_undated_timelines() {
    for text in ["", "لا شيء هنا.", "زار الوزير المعرض. والتقى الرئيس."]
    {
        let tl = build(text, 2024, 3, 10);
        let root = parse(&tl.to_svg()).unwrap();
        check_events(&tl, &root);
        let root = parse(&tl.to_html(text)).unwrap();
        assert_eq!(root.name, "html");
        check_drawn(
            &tl,
            root.all().into_iter().find(|e| e.name == "svg").unwrap(),
            false,
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The command line.

fn tarikh(args: &[&str], input: &str) -> (String, bool) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // A command that refuses its arguments may not read its input.
    let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    let out = child.wait_with_output().unwrap();
    (String::from_utf8(out.stdout).unwrap(), out.status.success())
}

#[test]
fn command_line_formats() {
    let (svg, ok) = tarikh(&["timeline", "--format", "svg"], SEED);
    assert!(ok);
    assert_eq!(parse(&svg).unwrap().name, "svg");
    let (page, ok) = tarikh(
        &["timeline", "--ref", "2025-12-24", "--format", "html"],
        SEED,
    );
    assert!(ok);
    let root = parse(&page).unwrap();
    assert!(root.all().iter().any(|e| e.name == "svg"));
    let (xml, ok) = tarikh(
        &["extract", "--ref", "2025-12-24", "--format", "timeml"],
        SEED,
    );
    assert!(ok);
    let root = parse(&xml).unwrap();
    assert_eq!(root.name, "TimeML");
    let timexes = root
        .all()
        .into_iter()
        .filter(|e| e.name == "TIMEX3")
        .count();
    assert!(timexes > 5);
    let body = root.all().into_iter().find(|e| e.name == "TEXT").unwrap();
    assert_eq!(body.text(), SEED, "the tags stripped, the text comes back");
    let dct = root.all().into_iter().find(|e| e.name == "DCT").unwrap();
    assert_eq!(dct.text(), "2025-12-24");
    // Formats that do not fit the command are refused.
    assert!(!tarikh(&["extract", "--format", "svg"], SEED).1);
    assert!(!tarikh(&["timeline", "--format", "timeml"], SEED).1);
    assert!(!tarikh(&["timeline", "--jsonl", "--format", "html"], "").1);
}

#[test]
fn every_hand_checked_article_renders() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/timelines");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let tl =
            TimelineBuilder::new().build_inferred(&text, Anchor::from_ymd(2026, 1, 5).unwrap());
        let root = parse(&tl.to_svg()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        check_events(&tl, &root);
        check_labels(&root);
        let page = parse(&tl.to_html(&text)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let svg = page.all().into_iter().find(|e| e.name == "svg").unwrap();
        check_drawn(&tl, svg, false);
        seen += 1;
    }
    assert!(seen >= 8);
}

#[test]
fn far_apart_and_extreme_dates() {
    // Spread over the centuries: one linear axis.
    let text = "بني المعبد في عام 120. وجدد في 1510. وزاره الوزير في 3 آذار 2024. ويتوقع أن يكتمل الترميم في عام 2090. \
                وكان الموقع مأهولا في القرن الثالث.";
    let tl = build(text, 2024, 3, 10);
    assert!(tl.dated().count() >= 4);
    let root = parse(&tl.to_svg()).unwrap();
    check_events(&tl, &root);
    check_labels(&root);
    // Two groups eighteen centuries apart: a broken axis.
    let text = "بني المعبد في عام 120. وكان الموقع مأهولا في القرن الثالث. وزاره الوزير في 3 آذار 2024. \
                وسيفتتح في 2025.";
    let tl = build(text, 2024, 3, 10);
    let root = parse(&tl.to_svg()).unwrap();
    check_events(&tl, &root);
    check_labels(&root);
    let breaks = root.all().iter().filter(|e| e.has_class("break")).count();
    assert!(breaks >= 2, "{breaks} break marks");
    for x in root.all().iter().filter_map(|e| e.attr("data-x")) {
        assert!(x.parse::<f64>().unwrap().is_finite());
    }
}

#[test]
fn a_page_for_another_text_is_still_well_formed() {
    let tl = seed();
    for other in ["", "x", "نص آخر قصير.", "<&>"] {
        let root = parse(&tl.to_html(other)).unwrap();
        assert_eq!(root.name, "html");
    }
}

mod random {
    use super::*;
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "زار الوزير موسكو",
        "في 23 كانون الأول 2025",
        "أمس",
        "في سبعينيات القرن الماضي",
        "من 3 إلى 5 آذار 2024",
        "ابتداء من 1 أيار 2026",
        "في صيف 2010",
        "عام 1990",
        "والتقى الرئيس",
        "خلال مؤتمر صحفي",
        "، ",
        ". ",
        "\n",
        " & ",
        "<b>",
        "\"",
        "\u{2067}",
        "ـــ",
        "في الربع الأول من 2012",
        "يوم الثلاثاء",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn any_text_renders_well_formed(picks in proptest::collection::vec(0..PIECES.len(), 0..40), width in 300u32..1600) {
            let text: String = picks.iter().map(|&i| PIECES[i]).collect::<Vec<_>>().join(" ");
            let tl = build(&text, 2025, 12, 24);
            let svg = tarikh::render::svg(&tl, &tarikh::render::Options::new().width(width));
            let root = parse(&svg).unwrap();
            check_events(&tl, &root);
            check_labels(&root);
            let page = parse(&tl.to_html(&text)).unwrap();
            prop_assert_eq!(page.name.as_str(), "html");
        }
    }
}
