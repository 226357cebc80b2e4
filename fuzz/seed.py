#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into fuzz/corpus/<target>/ from the test data:
the Duckling phrases, each sentence and paragraph of the example article, a few hostile
inputs, and Hijri/Gregorian dates near the ends of the tables. Run from anywhere."""
import hashlib, json, os, struct

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)

texts = []
with open(os.path.join(root, "tests/data/duckling-ar-time.jsonl"), encoding="utf-8") as f:
    for line in f:
        if line.strip():
            texts.append(json.loads(line)["text"])
with open(os.path.join(root, "examples/data/seed-sy-ru-moscow.txt"), encoding="utf-8") as f:
    article = f.read()
texts.append(article)
for para in article.split("\n"):
    if para.strip():
        texts.append(para)
        texts.extend(s for s in para.replace("،", ".").split(".") if s.strip())
texts += [
    "31 شباط 2025", "29 شباط 2024", "29 شباط 2025", "0 آذار 2025", "32 آذار", "عام 0",
    "عام 99999999999", "الأحد 23 كانون الأول 2025", "من 1 إلى 2 " * 20, "(" * 50 + "اليوم" + ")" * 50,
    "١\u200f٢/٣\u200e/٢٠٢٥", "ـــــَُِّ", "abc שלום 😀 أمس", "الساعة 25", "1446 هـ", "رمضان 1446",
]

def write(target, blobs):
    d = os.path.join(here, "corpus", target)
    os.makedirs(d, exist_ok=True)
    for b in blobs:
        with open(os.path.join(d, hashlib.sha1(b).hexdigest()), "wb") as f:
            f.write(b)

utf8 = [t.encode("utf-8") for t in texts]
# extract/parse: 5 header bytes (anchor kind and day number), then the text. Kind 0 with
# offset 0 is 2025-12-24; kinds 4 and 5 are near chrono's limits.
headers = [bytes(5), b"\x04\x00\x00\x00\x00", b"\x05\x00\x00\x00\x00", b"\x09" + struct.pack("<i", -4000)]
write("extract", [h + t for t in utf8 for h in headers[:1]] + [h + utf8[-1] for h in headers])
write("timeline", [h + t for t in utf8 for h in headers[:1]] + [h + utf8[-1] for h in headers])
write("parse", [h + t for t in utf8 for h in headers[:1]] + [h + t for t in utf8[-16:] for h in headers])
write("normalize", utf8)
hijri = []
for y, m, d in [(1343, 1, 1), (1446, 9, 29), (1500, 12, 30), (1, 1, 1), (9999, 12, 29), (1342, 12, 29)]:
    hijri.append(b"\x00" + struct.pack("<i", y + 20) + bytes([m, d]) + bytes(3))
    hijri.append(b"\x01" + struct.pack("<i", y + 20) + bytes([m, d]) + bytes(3))
for n in [702_000, 739_000, 227_015, 3_650_000]:
    hijri.append(b"\x00" + bytes(5) + struct.pack("<i", n))
write("hijri", hijri)
print({t: len(os.listdir(os.path.join(here, "corpus", t))) for t in ["extract", "parse", "normalize", "hijri", "timeline"]})
