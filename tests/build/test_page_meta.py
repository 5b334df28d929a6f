"""Every page can be found and shared: a unique title and a meta description of its own."""

import re

import pytest

pytestmark = pytest.mark.build


def pages(site_dir):
    return sorted(p for p in site_dir.rglob("*.html") if p.name != "404.html")


def test_every_page_has_a_unique_title_and_description(site_dir):
    titles, descriptions = {}, {}
    for page in pages(site_dir):
        html = page.read_text(encoding="utf-8")
        title = re.search(r"<title>([^<]+)</title>", html)
        description = re.search(r'<meta name="description" content="([^"]+)"', html)
        name = str(page.relative_to(site_dir))
        assert title, f"{name} has no <title>"
        assert description and len(description.group(1)) >= 50, f"{name} has no useful meta description"
        titles.setdefault(title.group(1), []).append(name)
        descriptions.setdefault(description.group(1), []).append(name)
    assert not {t: p for t, p in titles.items() if len(p) > 1}, "pages share a title"
    assert not {d: p for d, p in descriptions.items() if len(p) > 1}, "pages share a description"
