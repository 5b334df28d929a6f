"""What the adapter does differently under Zensical, whose macros extension runs define_env for every page with a
page that has no `.file`, and which resolves every relative href and src from the source file's folder.

- links.from_source_folder: the rewrite of href and src (and of page_link's bare address), and what it leaves alone;
- the Build kept between pages, and read again once a data file, a page or the config changes;
- the macros' links on a Zensical page, rebased once even when a macro renders others inside it (the handbook).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from macros.adapters import mkdocs as adapter
from macros.config_file import read_config
from macros.links import from_source_folder

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("markup", "page_url", "src_uri", "expected"), [
    # history.md is built at history/: Zensical reads 'data/x.csv' from docs/ and writes '../data/x.csv'.
    ('<a href="../data/x.csv">', "history/", "history.md", '<a href="data/x.csv">'),
    ('<a href="../../history/#a"><img src="../../assets/x.png">', "learn/origins/", "learn/origins.md",
     '<a href="../history/#a"><img src="../assets/x.png">'),
    ('<a href="./">', "learn/origins/", "learn/origins.md", '<a href="origins/">'),
    ('<a href="../?a=1&amp;b=2#x">', "learn/origins/", "learn/origins.md", '<a href="./?a=1&amp;b=2#x">'),
    # A page_link() value, which a page puts in its own <a href="...">.
    ("../../glossary/", "learn/handbook/", "learn/handbook.md", "../glossary/"),
    # Left alone: other sites, anchors, root-relative addresses, data- attributes and text.
    ('<a href="https://x.org/a"><a href="#top"><a href="/404.html">', "learn/origins/", "learn/origins.md",
     '<a href="https://x.org/a"><a href="#top"><a href="/404.html">'),
    ('<div data-href="../x/">Cite: ../x/</div>', "history/", "history.md", '<div data-href="../x/">Cite: ../x/</div>'),
    ("22 November 2026", "history/", "history.md", "22 November 2026"),
    ("Typologies", "history/", "history.md", "Typologies"),
    # An index.md page is built in its own source folder: nothing to change.
    ('<a href="../data/x.csv">', "learn/", "learn/index.md", '<a href="../data/x.csv">'),
    ('<a href="data/x.csv">', "", "index.md", '<a href="data/x.csv">'),
])
def test_from_source_folder(markup, page_url, src_uri, expected):
    assert from_source_folder(markup, page_url, src_uri) == expected


class Env:
    """The little of a macros environment define_env uses. With `page`, as Zensical calls it; without, as
    mkdocs-macros does, whose env.page raises before any page is rendered."""

    def __init__(self, conf: dict, page=None):
        self.conf, self._page, self.variables, self.macros = conf, page, {}, {}

    @property
    def page(self):
        if self._page is None:
            raise AttributeError("Too early: page information is not available at this stage!")
        return self._page

    def macro(self, function, name):
        self.macros[name] = function


def zensical_page(src_uri: str, url: str):
    return SimpleNamespace(path=src_uri, url=url, meta={})  # Zensical's page: no `.file`


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A copy of the pages and the data, and the config as a generator gives it to define_env."""
    shutil.copytree(ROOT / "docs", tmp_path / "docs", ignore=shutil.ignore_patterns("assets"))
    shutil.copytree(ROOT / "data", tmp_path / "data")
    monkeypatch.delenv("DATA_DIR", raising=False)
    monkeypatch.setenv("SITE_URL", "")
    adapter._last_build.clear()
    yield tmp_path, lambda: {**read_config(ROOT / "mkdocs.yml"), "docs_dir": str(tmp_path / "docs")}
    adapter._last_build.clear()


def _touch(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_zensical_pages_share_one_build_until_an_input_changes(project):
    folder, conf = project
    config = conf()  # Zensical passes the same config to every page
    first, second = Env(config, zensical_page("history.md", "history/")), Env(config, zensical_page("about.md", "about/"))
    adapter.define_env(first)
    adapter.define_env(second)
    assert second.variables["content"] is first.variables["content"], "the data was read again for the second page"

    for changed in (folder / "data" / "timeline.yml", folder / "docs" / "people.md"):
        before = second.variables["content"]
        _touch(changed)
        again = Env(config, zensical_page("history.md", "history/"))
        adapter.define_env(again)
        assert again.variables["content"] is not before, f"a change to {changed.name} was not picked up"


def test_mkdocs_reads_the_inputs_at_every_define_env(project):
    _folder, conf = project
    first, second = Env(conf()), Env(conf())  # mkdocs serve: a new config, and define_env, for each rebuild
    adapter.define_env(first)
    adapter.define_env(second)
    assert second.variables["content"] is not first.variables["content"]
    assert not adapter._last_build, "mkdocs builds were kept"


def test_links_on_a_zensical_page_are_rebased_once(project):
    _folder, conf = project
    page = zensical_page("learn/handbook.md", "learn/handbook/")
    env = Env(conf(), page)
    adapter.define_env(env)
    assert env.macros["page_link"]("glossary") == "../glossary/"
    # The module's prose is rendered with the site's macros: its citations must not be rebased twice.
    prose = env.macros["module_prose"]("what-it-is")
    assert 'href="../sources/#' in prose
    assert 'href="../../sources/#' not in prose and 'href="sources/#' not in prose
    assert page.meta["assets"]["styles"], "the page has no component assets"


def test_links_on_a_mkdocs_page_keep_the_page_address(project):
    _folder, conf = project
    env = Env(conf())
    adapter.define_env(env)
    env._page = SimpleNamespace(file=SimpleNamespace(src_uri="learn/handbook.md"), url="learn/handbook/", meta={})
    assert env.macros["page_link"]("glossary") == "../../glossary/"
