"""The search index holds text that macros generate from data, not only the Markdown prose."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parents[2]


def _normalise(text: str) -> str:
    return " ".join(html.unescape(text).split())


@pytest.fixture(scope="module")
def index_text(site_dir) -> str:
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    return _normalise(" ".join(doc["title"] + " " + doc["text"] for doc in index["docs"]))


def _load(name: str) -> dict:
    return yaml.load((ROOT / "data" / name).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def test_index_holds_a_verbatim_definition(index_text):
    assert "the outcome of synergistic cooperation" in index_text


def test_index_holds_every_timeline_event_title(index_text):
    titles = [event["title"] for event in _load("timeline.yml")["events"]]
    assert titles, "data/timeline.yml has no events"
    missing = [title for title in titles if _normalise(title) not in index_text]
    assert not missing, f"timeline titles missing from search/search_index.json: {missing}"


def test_index_holds_every_definition_verbatim(index_text):
    texts = [d["text"] for d in _load("definitions.yml")["definitions"]]
    missing = [text[:80] for text in texts if _normalise(text) not in index_text]
    assert not missing, f"definitions missing from search/search_index.json: {missing}"
