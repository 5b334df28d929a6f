"""Every page can be found and shared, and stays light.

A unique title and a meta description of its own on every page; embeds need a title and a description
too, but may share them. The first view of any page (its HTML and the site's stylesheets, scripts and
images it references, gzipped as a server would send them) stays within a budget; `make bench` prints
the figures (bench/page_weight.py).
"""

from html.parser import HTMLParser

import pytest

from bench.page_weight import BUDGET, weights

pytestmark = pytest.mark.build


def is_embed(rel: str) -> bool:
    return rel.endswith("embed.html") or rel.startswith("embed/")


def pages(site_dir):
    return sorted(p for p in site_dir.rglob("*.html") if p.name != "404.html")


class _Head(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title, self.description, self._in_title = None, None, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "title" and self.title is None:
            self._in_title, self.title = True, ""
        elif tag == "meta" and (a.get("name") or "").lower() == "description" and self.description is None:
            self.description = a.get("content") or ""

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def head(path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_page_has_a_unique_title_and_description(site_dir):
    titles, descriptions, problems = {}, {}, []
    for page in pages(site_dir):
        found = head(page)
        name = page.relative_to(site_dir).as_posix()
        title, description = (found.title or "").strip(), (found.description or "").strip()
        if not title:
            problems.append(f"{name} has no <title>")
        if not description:
            problems.append(f'{name} has no <meta name="description">')
        elif not is_embed(name) and len(description) < 50:
            problems.append(f"{name} has no useful meta description: {description!r}")
        if not is_embed(name):
            titles.setdefault(title, []).append(name)
            descriptions.setdefault(description, []).append(name)
    assert not problems, "\n".join(problems)
    assert not {t: p for t, p in titles.items() if len(p) > 1}, "pages share a title"
    assert not {d: p for d, p in descriptions.items() if len(p) > 1}, "pages share a description"


def test_every_page_first_view_is_within_the_weight_budget(site_dir):
    over = {rel: gz for rel, (_, gz) in weights(site_dir).items() if gz > BUDGET}
    assert not over, f"pages over the {BUDGET // 1024} KB gzipped budget:\n" + "\n".join(
        f"  {rel}: {gz / 1024:.1f} KB" for rel, gz in sorted(over.items(), key=lambda kv: -kv[1]))
