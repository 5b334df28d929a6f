"""The "Reuse this page" area in a real build: one per page, no standalone "Cite this" boxes left in the content,
every item's citation and old anchor reachable, and none of it repeated in the search index."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest

from macros.components.embeds import render as embeds
from macros.postbuild import reuse
from tests.build.test_embeds import all_embeds, site_pages
from tests.conftest import TEST_SITE_URL

pytestmark = pytest.mark.build

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.DOTALL)
QUIET_LINK = re.compile(r'<a class="cite-link" href="#([^"]+)" data-cite-title="[^"]*" data-cite-href="([^"]*)"')


def text_of(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def ids_in(text: str) -> set[str]:
    return {html.unescape(i) for i in re.findall(r'\sid="([^"]+)"', text)}


def url_of(rel: str) -> str:
    return TEST_SITE_URL + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def test_every_page_has_one_reuse_area_at_the_end_of_its_article(site_dir):
    problems, pages = [], site_pages(site_dir)
    assert len(pages) > 60, len(pages)
    for rel in pages:
        text = text_of(site_dir, rel)
        article = ARTICLE.search(text)
        if not article:
            problems.append(f"{rel}: no article")
            continue
        inner = article.group(1)
        if text.count(reuse.AREA_START) != 1 or text.count(f'id="{reuse.HEADING_ID}"') != 1:
            problems.append(f"{rel}: {text.count(reuse.AREA_START)} Reuse areas")
        elif not inner.rstrip().endswith("</section>") or reuse.AREA_START not in inner:
            problems.append(f"{rel}: the Reuse area is not the last thing in the article")
        elif "Cite this page" not in inner.split(reuse.AREA_START)[1]:
            problems.append(f"{rel}: the Reuse area does not cite the page")
    assert not problems, "\n".join(problems)


def test_no_standalone_cite_box_is_left_in_the_content(site_dir, content):
    boxes, quiet = [], 0
    for rel in site_pages(site_dir) + all_embeds(site_dir, content):
        text = text_of(site_dir, rel)
        content_part = text.split(reuse.AREA_START)[0].split(reuse.ITEMS_START)[0]
        boxes += [f"{rel}: {m}" for m in re.findall(r'<details class="cite[^"]*"', content_part)]
        boxes += [f"{rel}: a download line outside the Reuse area" for _ in re.findall(r'class="downloads"', content_part)
                  if not is_embed_or_open_data(rel)]
        quiet += len(QUIET_LINK.findall(content_part))
    assert quiet > 150, f"only {quiet} items link to their citation"
    assert not boxes, "\n".join(boxes[:20])


def is_embed_or_open_data(rel: str) -> bool:
    return rel.startswith(embeds.FOLDER + "/") or rel.endswith("embed.html")


def test_every_items_citation_and_old_anchor_resolve(site_dir, content):
    """Each quiet "Cite this" lands on its item's citation on the same page (or frame); each item's old address
    (where its "Cite this" box used to sit) still lands on the item."""
    problems, checked = [], 0
    for rel in site_pages(site_dir) + all_embeds(site_dir, content):
        text = text_of(site_dir, rel)
        ids = ids_in(text)
        for entry, item_href in QUIET_LINK.findall(text):
            checked += 1
            if entry not in ids:
                problems.append(f"{rel}: 'Cite this' links to #{entry}, which is not on the page")
            target = urljoin(url_of(rel), html.unescape(item_href))
            path, _, fragment = target.partition("#")
            file = path.removeprefix(TEST_SITE_URL)
            file = file + "index.html" if file.endswith("/") or not file else file
            if not (site_dir / file).is_file():
                problems.append(f"{rel}: the item's address {item_href} is not a page")
            elif fragment and unquote(fragment) not in ids_in(text_of(site_dir, file)):
                problems.append(f"{rel}: the item's old anchor {item_href} is not on {file}")
    assert checked > 150, checked
    assert not problems, "\n".join(problems[:20])


def test_the_search_index_repeats_no_citation(site_dir):
    docs = json.loads(text_of(site_dir, "search/search_index.json"))["docs"]
    text = " ".join(d["title"] + " " + d["text"] for d in docs)
    for words in ("Cite this", "Reuse this page", "Co-production explained (2023) ‘", "(Accessed: the date you read it)",
                  "Free to reuse if you credit us", "Embed this"):
        assert words not in text, words
