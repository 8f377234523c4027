#!/usr/bin/env python3
"""Builds the seed corpora of the fuzz targets from ../shared/corpus, locales/ and the test
fixtures, one directory per target under OUT (nothing is copied into the repository).

usage: fuzz/seed.py SOURCE_DIR SHARED_DIR OUT"""
import hashlib
import pathlib
import re
import sys

MAX_SEED = 64 * 1024  # larger seeds slow every mutation down; the hostile-size tests cover size

src, shared, out = (pathlib.Path(a) for a in sys.argv[1:4])
counts = {}


def put(target, data):
    if isinstance(data, str):
        data = data.encode()
    if len(data) > MAX_SEED:
        return
    d = out / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()).write_bytes(data)
    counts[target] = counts.get(target, 0) + 1


def files(root, *patterns):
    if not root.is_dir():
        return []
    return sorted(p for pat in patterns for p in root.rglob(pat) if p.is_file())


def spec_examples(path):
    """The Markdown of every example of a CommonMark-style spec (→ stands for a tab)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    fence = "`" * 32 + " example"
    for m in re.finditer(re.escape(fence) + r"[^\n]*\n(.*?)\n\.\n", text, re.S):
        yield (m.group(1) + "\n").replace("\u2192", "\t")


def fixture_examples(path):
    """The page of every example of tests/fixtures/extract/*.txt."""
    text = path.read_text(encoding="utf-8")
    for m in re.finditer(r"~~~~~~~~ example:[^\n]*\n(.*?)\n\.\n", text, re.S):
        yield (m.group(1) + "\n").replace("\u2192", "\t").replace("\u240d", "\r")


pages = [p.read_bytes() for p in files(shared / "corpus", "*.md")]
pages.append((src / "locales/privacy.md").read_bytes())
for spec in files(shared / "corpus/commonmark-spec", "*.txt"):
    pages += [e.encode() for e in spec_examples(spec)]
for fixture in files(src / "tests/fixtures/extract", "*.txt"):
    pages += [e.encode() for e in fixture_examples(fixture)]
for page in pages:
    put("extract", page)
    put("identity", page)

# Catalogs: every PO and POT; every XLIFF (both versions are in locales/ and the fixtures).
# A large catalog also gives a seed of its first entries.
for po in files(src / "locales", "*.po", "*.pot") + files(src / "tests/fixtures/catalog", "*.po", "*.pot") \
        + files(shared / "corpus", "*.po", "*.pot"):
    data = po.read_bytes()
    put("po_read", data)
    put("po_read", b"\n\n".join(data.split(b"\n\n")[:25]) + b"\n")
for xlf in files(src / "locales", "*.xlf") + files(src / "tests/fixtures", "*.xlf") + files(shared, "*.xlf"):
    data = xlf.read_bytes()
    put("xliff_read", data)
    for close, tail in ((b"</trans-unit>", b"\n</body></file></xliff>\n"), (b"</unit>", b"\n</file></xliff>\n")):
        ends = [m.end() for m in re.finditer(re.escape(close), data)]
        for n in (1, 8, 30):
            if len(ends) > n:
                put("xliff_read", data[:ends[n - 1]] + tail)

# Translations: msgstrs of the bundled catalogs, NUL-separated, after a byte picking the page.
msgstr = re.compile(r'^msgstr "(.*)"$', re.M)
for i, po in enumerate(files(src / "locales", "*.po")):
    targets = [t.encode().decode("unicode_escape").encode("latin-1") for t in
               msgstr.findall(po.read_text(encoding="utf-8"))[1:40]]
    put("structure", bytes([i % 8]) + b"\0".join(targets))
# Units for the XLIFF round trip: source, context, notes, from the bundled page's paragraphs.
paragraphs = (src / "locales/privacy.md").read_text(encoding="utf-8").split("\n\n")
for i in range(0, min(len(paragraphs), 60), 6):
    fields = []
    for j, p in enumerate(paragraphs[i:i + 6]):
        fields += [p, "ctx" if j % 2 else "", "Paragraph\nline %d" % j]
    put("xliff_roundtrip", "\0".join(fields))

# Dates: every date action of the corpus and the bundled page, and the layouts Hugo documents.
actions = set()
for page in pages:
    actions.update(re.findall(rb"\{\{[^{}]*(?:Format|dateFormat)[^{}]*\}\}", page))
layouts = [b"January 2, 2006", b"2006-01-02", b"Mon Jan 2 15:04:05 MST 2006", b"02/01/06 3:04PM",
           b"Monday, 02-Jan-06 15:04:05 -0700", b":date_full", b":date_long", b":date_medium",
           b":date_short", b"2006-01-02T15:04:05Z07:00", b"Jan _2 15:04:05.000000"]
for i, text in enumerate(sorted(actions) + layouts):
    put("date_layout", bytes([i % 6]) + text)

for target in sorted(counts):
    print("%-16s %5d seeds" % (target, counts[target]))
