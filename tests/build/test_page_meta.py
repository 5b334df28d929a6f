"""Every page can be found and shared, and stays light.

A unique title and a meta description of its own on every page; embeds need a title and a description
too, but may share them. The first view of any page (its HTML and the site's stylesheets, scripts and
images it references, gzipped as a server would send them) stays within a budget, and so do our own
scripts on any one page (as built: minified, uncompressed; material's bundle is not ours); `make bench`
prints the figures (bench/page_weight.py).
"""

from html.parser import HTMLParser

import pytest

from bench.page_weight import BUDGET, OWN_JS_TARGET, own_weight, site_url, weights

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


def own_js_over_budget(site_dir) -> dict[str, int]:
    """{page: bytes} of every page (embeds and 404 too) whose own scripts add up to more than OWN_JS_TARGET."""
    base = site_url(site_dir)
    totals = {page.relative_to(site_dir).as_posix(): own_weight(site_dir, page, base)["js"][0]
              for page in sorted(site_dir.rglob("*.html"))}
    return {rel: size for rel, size in totals.items() if size > OWN_JS_TARGET}


def test_no_page_loads_more_than_25_kb_of_our_own_scripts(site_dir):
    over = own_js_over_budget(site_dir)
    assert not over, f"pages loading more than {OWN_JS_TARGET // 1024} KB of our own scripts:\n" + "\n".join(
        f"  {rel}: {size / 1024:.1f} KB" for rel, size in sorted(over.items(), key=lambda kv: -kv[1]))


def test_the_script_budget_counts_our_scripts_and_not_materials(tmp_path):
    """A page with a 30 KB script of ours is over; one whose 30 KB is material's bundle is not."""
    (tmp_path / "assets" / "components" / "big").mkdir(parents=True)
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    (tmp_path / "assets" / "components" / "big" / "big.js").write_text("x" * 30 * 1024, encoding="utf-8")
    (tmp_path / "assets" / "javascripts" / "bundle.js").write_text("x" * 30 * 1024, encoding="utf-8")
    (tmp_path / "assets" / "small.js").write_text("x" * 1024, encoding="utf-8")
    (tmp_path / "ours").mkdir()
    (tmp_path / "ours" / "index.html").write_text(
        '<script src="../assets/small.js"></script><script src="../assets/components/big/big.js" defer></script>',
        encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<script src="assets/javascripts/bundle.js"></script><script src="assets/small.js"></script>', encoding="utf-8")
    assert own_js_over_budget(tmp_path) == {"ours/index.html": 31 * 1024}
