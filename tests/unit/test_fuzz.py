"""Generated data files: valid records load and render escaped; broken ones end in readable lines, never a crash.

Records are appended to a copy of the real glossary (data/glossary.yml) and timeline (data/timeline.yml), so
every reference into them from other files still resolves. `make test` runs a few examples per property
(profile "quick"); `make fuzz` runs many more (HYPOTHESIS_PROFILE=long).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from macros.components.glossary import render as glossary_render
from macros.components.timeline import render as timeline_render
from macros.errors import ContentError
from macros.links import Links
from macros.load import _HTML_TAG, _JINJA, load_content

ROOT = Path(__file__).resolve().parents[2]

# "quick" does not shrink a failure (that can take minutes); run `make fuzz` to get the smallest example.
settings.register_profile("quick", max_examples=12, deadline=None, derandomize=True,
                          phases=[Phase.explicit, Phase.reuse, Phase.generate],
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("long", max_examples=600, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))

# One copy of data/ for the whole module: the schema validators are cached per folder, so reusing it keeps
# each example to one load (about 0.2 s). Each example rewrites one file and the fixture restores it.
_COPY = Path(tempfile.mkdtemp(prefix="fuzz-data-")) / "data"
shutil.copytree(ROOT / "data", _COPY)
REAL = load_content(_COPY)
ORIGINAL = {name: (ROOT / "data" / name).read_text(encoding="utf-8") for name in ("glossary.yml", "timeline.yml")}


@pytest.fixture(scope="module", autouse=True)
def _cleanup():
    yield
    shutil.rmtree(_COPY.parent, ignore_errors=True)


def load_with(file: str, text: str | bytes):
    """load_content on the copy with `file` replaced by `text`; the file is restored afterwards."""
    path = _COPY / file
    try:
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        return load_content(_COPY)
    finally:
        path.write_text(ORIGINAL[file], encoding="utf-8")


def appended(file: str, records: list[dict]) -> str:
    """The real file with `records` added at the end of its list (at two spaces' indentation, as in the file)."""
    dumped = yaml.safe_dump(records, allow_unicode=True, sort_keys=False, width=100)
    return ORIGINAL[file].rstrip("\n") + "\n" + "".join("  " + line for line in dumped.splitlines(True))


# --- Strategies --------------------------------------------------------------------------------------------

ODD = ["\u200f", "\u202e", "\u200d", "\u0301", "\u0338", "\ufeff", "\u00a0", "\u2028", "\U0001f468\u200d\U0001f469",
       "\U0001f600", "\x00", "\x07", "\x1b", "\t", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "\ufffd"]
NASTY = ['" onmouseover="alert(1)', "' onclick='x", "&lt;script&gt;", "&#60;script", "&amp;", "a < b", "5 > 3",
         "x&y", "*stars*", "**strong**", "`code`", "_under_", "[text]", "{ x }", "%", "#", "\\", "\\*"]
# NEL (U+0085) is a line break to YAML, so PyYAML's own dump and load turn it into a space: not ours to test.
# Lone surrogates (category Cs) cannot be stored in a UTF-8 file; written as a "\udc00" escape they are
# invalid YAML, which the loader reports (the arbitrary-bytes test covers broken files).
_text_piece = st.one_of(st.text(st.characters(exclude_characters="\x85", exclude_categories=("Cs",)),
                                min_size=1, max_size=20),
                        st.sampled_from(ODD + NASTY))


def _allowed(text: str) -> bool:
    """What the loader accepts in data text: no template syntax, no HTML tag, no Markdown link (here)."""
    return not _JINJA.search(text) and not _HTML_TAG.search(text) and "](" not in text


text = st.lists(_text_piece, min_size=1, max_size=6).map("".join).filter(_allowed)
long_text = st.integers(2_000, 20_000).map(lambda n: ("Long text " * n)[:n])
any_text = st.one_of(text, text, long_text)
slug = st.from_regex(r"\A[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}\Z").map(lambda s: "zz-fuzz-" + s)


def _subset(ids, min_size=0):
    return st.lists(st.sampled_from(sorted(ids)), min_size=min_size, max_size=3, unique=True)


@st.composite
def glossary_terms(draw):
    ids = draw(st.lists(slug, min_size=1, max_size=3, unique=True))
    used = {w for t in REAL.terms.values() for w in t.tooltip}
    terms = []
    for term_id in ids:
        term = {"id": term_id, "term": draw(any_text), "definition": draw(any_text)}
        if draw(st.booleans()):
            words = draw(st.lists(text.filter(lambda w: len(w) >= 2 and not re.search(r"[*\[\]]", w)
                                                 and w not in used), max_size=2, unique=True))
            used.update(words)
            term["tooltip"] = words
        if draw(st.booleans()):
            term["sources"] = draw(_subset(REAL.sources))
        if draw(st.booleans()):
            term["see_also"] = draw(_subset(set(REAL.terms) | set(ids)))
        terms.append(term)
    return terms


YEAR = st.integers(1800, 2030)
DATE = st.one_of(
    YEAR.map(str),
    st.tuples(YEAR, st.integers(1, 12)).map(lambda t: f"{t[0]}-{t[1]:02d}"),
    st.tuples(YEAR, st.integers(1, 12), st.integers(1, 28)).map(lambda t: f"{t[0]}-{t[1]:02d}-{t[2]:02d}"),
    st.tuples(st.sampled_from(["", "early ", "mid ", "late "]), st.integers(180, 202)).map(lambda t: f"{t[0]}{t[1]}0s"),
    YEAR.map(lambda y: f"c. {y}"), YEAR.map(lambda y: f"after {y}"),
    st.tuples(YEAR, YEAR).map(sorted).map(lambda t: f"{t[0]} to {t[1]}"),
)


@st.composite
def timeline_events(draw):
    events = []
    for event_id in draw(st.lists(slug, min_size=1, max_size=3, unique=True)):
        event = {"id": event_id, "date": draw(DATE), "title": draw(any_text), "summary": draw(any_text),
                 "people": draw(_subset(REAL.people)), "sources": draw(_subset(REAL.sources, 1)),
                 "themes": draw(_subset(REAL.themes, 1))}
        if draw(st.booleans()):
            event["date_note"] = draw(text)
        events.append(event)
    return events


COLLECTIONS = {
    "glossary.yml": (glossary_terms(), ("id", "term", "definition"), "term"),
    "timeline.yml": (timeline_events(), ("id", "date", "title", "summary", "people", "sources", "themes"), "title"),
}


def _nested(depth: int):
    value: object = "x"
    for _ in range(depth):
        value = [value]
    return value


WRONG_VALUES = st.one_of(st.integers(), st.floats(allow_nan=False), st.booleans(), st.none(),
                         st.just({"a": 1}), st.just([{"b": [1, 2]}]), st.integers(60, 1500).map(_nested))
FRAGMENTS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "{{ x }}", "{% raw %}", "{# c #}",
             "<!-- c -->", "<b>", "[x](javascript:alert(1))", "</dd>"]


@st.composite
def broken(draw, file: str):
    """The real file plus generated records, with one mutation that must be reported."""
    records_strategy, required, text_field = COLLECTIONS[file]
    records = draw(records_strategy)
    record = records[draw(st.integers(0, len(records) - 1))]
    kind = draw(st.sampled_from(["wrong-type", "missing", "unknown-field", "bad-id", "fragment", "unknown-ref",
                                 "empty", "raw-control", "tab", "duplicate-key", "recursive-alias", "alias-bomb",
                                 "top-level"]))
    if kind == "wrong-type":
        field = draw(st.sampled_from(required))
        record[field] = draw(WRONG_VALUES)
    elif kind == "missing":
        del record[draw(st.sampled_from(required))]
    elif kind == "unknown-field":
        record[draw(st.sampled_from(["colour", "Term", "ID", "\u200fterm", "\U0001f600", "1"]))] = draw(text)
    elif kind == "bad-id":
        # Each is invalid as it stands: a suffix would mend some of them ("trail-" + "x").
        record["id"] = draw(st.sampled_from(["Upper", "two words", "-lead", "trail-", "a--b", "caf\u00e9",
                                             "\u0661\u0662", "x\u200d", "a_b", "x.y", "", "Caf\u00e9-x"]))
    elif kind == "fragment":
        # A plain-text field (a title, a term) is shown as written, so a Markdown link there is only text.
        plain = next(c for c in REAL.collections if c.file == file).is_plain_text((text_field,))
        fragments = [f for f in FRAGMENTS if not plain or not f.startswith("[")]
        record[text_field] = draw(text) + draw(st.sampled_from(fragments)) + draw(text)
    elif kind == "unknown-ref":
        record["sources"] = ["zz-no-such-source"]
    elif kind == "empty":
        record[text_field] = ""
    dumped = appended(file, records)
    tail_start = len(ORIGINAL[file].rstrip("\n")) + 1
    head, tail = dumped[:tail_start], dumped[tail_start:]
    if kind == "raw-control":  # an unescaped control character, which YAML does not allow in a file
        char = draw(st.sampled_from(["\x00", "\x01", "\x07", "\x1b", "\x7f", "\ufffe"]))
        tail = tail.replace("id: ", f"id: a{char}", 1)
    elif kind == "tab":
        tail = tail.replace("\n    ", "\n\t", 1)
    elif kind == "duplicate-key":
        first, rest = tail.split("\n", 1)
        tail = f"{first}\n    {draw(st.sampled_from(required))}: again\n{rest}"
    elif kind == "recursive-alias":
        tail = tail.replace("  - id:", "  - &self\n    also: *self\n    id:", 1)
    elif kind == "alias-bomb":
        levels = ["    a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        levels += [f"    a{i}: &a{i} [{', '.join(f'*a{i - 1}' for _ in range(9))}]" for i in range(1, 9)]
        tail = tail.replace("  - id:", "  - " + "\n".join(levels).lstrip() + "\n    id:", 1)
    elif kind == "top-level":
        head, tail = draw(st.sampled_from(["", "- a\n", "[]\n", "{}\n", "x\n", f"{file[:-4]}: \n", "terms: 5\n",
                                           "events: x\nterms: x\n", "? [a]\n: b\n"])), ""
    return kind, head + tail


def _problems(file: str, text: str) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_with(file, text)
    return [str(p) for p in caught.value.problems]


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attributes = set(), set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)


def _tags(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


RENDERERS = {
    "glossary.yml": lambda content: glossary_render.glossary(content, Links()),
    "timeline.yml": lambda content: timeline_render.timeline(content, Links()),
}
# The tags and attributes the renderers produce from the real data, plus those the Markdown subset may add.
BASELINE = {file: _tags(render(REAL)) for file, render in RENDERERS.items()}
MARKDOWN_TAGS = {"em", "strong", "code", "a", "br"}  # br: a Markdown hard line break


# --- Properties --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("file", sorted(COLLECTIONS))
@given(data=st.data())
def test_valid_records_load_and_render_escaped(file, data):
    records = data.draw(COLLECTIONS[file][0])
    content = load_with(file, appended(file, records))
    loaded = content.terms if file == "glossary.yml" else content.events
    html = RENDERERS[file](content)
    found = _tags(html)
    assert found.tags <= BASELINE[file].tags | MARKDOWN_TAGS, found.tags - BASELINE[file].tags
    assert found.attributes <= BASELINE[file].attributes | {"href"}, found.attributes - BASELINE[file].attributes
    assert "<script" not in html.lower()
    plain_field = COLLECTIONS[file][2]
    for record in records:
        assert getattr(loaded[record["id"]], plain_field) == record[plain_field]
        # (Quotes in the data never close an attribute: the attribute check above finds no 'onmouseover'.)


@pytest.mark.parametrize("file", sorted(COLLECTIONS))
@given(data=st.data())
def test_broken_records_give_one_readable_line_per_problem(file, data):
    kind, text = data.draw(broken(file))
    found = _problems(file, text)
    assert found, kind
    assert all(line.startswith(f"data/{file}:") for line in found), (kind, found)
    assert all("\n" not in line for line in found), (kind, found)


@pytest.mark.parametrize("file", sorted(COLLECTIONS))
@given(raw=st.one_of(st.binary(max_size=300), st.text(max_size=300),
                     st.lists(st.sampled_from(["terms:", "events:", "\n", "  - ", "id: a", "&x ", "*x", "? ", ": ",
                                               "[", "]", "{", "}", "'", '"', "\t", "#", "|", ">", "!!python/object ",
                                               "!!binary ", "%YAML 1.1\n", "---\n", "...\n", "\ufeff", "\x00"]),
                              max_size=40).map("".join)))
def test_arbitrary_bytes_load_or_fail_readably(file, raw):
    """Whatever is in the file: it loads, or every problem is a readable line about that file."""
    try:
        load_with(file, raw)
    except ContentError as err:
        assert all(str(p).startswith(f"data/{file}:") for p in err.problems), err.problems
