"""scripts/compare_builds.py on two small hand-made sites: each kind of difference is found and reported."""

from __future__ import annotations

import json

import pytest

from scripts.compare_builds import compare_sites, format_report, main


def _site(root, files: dict[str, str]):
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


def _mkdocs_index(entries):
    return json.dumps({"config": {}, "docs": [{"location": k, "title": t, "text": x} for k, t, x in entries]})


def _zensical_index(entries):
    return json.dumps({"config": {}, "items": [{"location": k, "title": t, "text": x, "level": 1}
                                               for k, t, x in entries]})


PAGE = '<meta name="generator" content="{}"><a href="../history/">History</a> <a class="glossary-term" href="#nef">NEF</a>'


@pytest.fixture
def sites(tmp_path):
    a = _site(tmp_path / "a", {
        "index.html": PAGE.format("mkdocs-1.6.1") + '<script src="assets/app.js"></script>',
        "assets/app.js": "",
        "history/index.html": PAGE.format("mkdocs-1.6.1"),
        "history/embed.html": PAGE.format("mkdocs-1.6.1"),
        "embed/timeline/index.html": '<a href="../../history/">History</a>',
        "about/index.html": "<p>About</p>",
        "search/search_index.json": _mkdocs_index([("", "Home", "<p>Hello &amp; welcome</p>"),
                                                   ("history/", "History", "<p>The 1970s</p>")]),
        "csp.txt": "default-src 'none'; script-src 'self' 'sha256-abc'",
        "data/timeline.json": "[]",
        "sitemap.xml": "<urlset><url><loc>https://x.org/</loc><lastmod>2023-11-14</lastmod></url>"
                       "<url>\n <loc>https://x.org/history/</loc>\n <lastmod>2023-11-14</lastmod>\n</url></urlset>",
    })
    b = _site(tmp_path / "b", {
        "index.html": PAGE.format("zensical") + '<script src="assets/bundle.js"></script>',
        "history/index.html": PAGE.format("zensical").replace('<a class="glossary-term" href="#nef">NEF</a>', "NEF"),
        "history/embed.html": PAGE.format("zensical"),
        "glossary/index.html": "<p>Glossary</p>",
        "search.json": _zensical_index([("", "Home", "<p>Hello  &amp;   welcome</p>"),
                                        ("history/", "History", "<p>The 1980s</p>")]),
        # As MiniJinja writes it: '/' escaped; and no dates.
        "sitemap.xml": "<urlset><url><loc>https:&#x2f;&#x2f;x.org&#x2f;</loc></url></urlset>",
    })
    return a, b


def test_each_kind_of_difference_is_found(sites):
    a, b = sites
    sections = {s.name.split(" (")[0]: s for s in compare_sites(a, b)}
    assert (sections["pages"].only_a, sections["pages"].only_b) == (["about/index.html"], ["glossary/index.html"])
    # The same words in another index format and other white space are the same text; other words are not.
    search = sections["search index"]
    assert search.count_a == search.count_b == 2 and not search.only_a and not search.only_b
    assert [c.split(":")[0] for c in search.changed] == ["history/"] and "1970s" in search.changed[0]
    # A view that differs only in the generator's <meta> is the same view.
    embeds = sections["embeddable views"]
    assert embeds.only_a == ["embed/timeline/index.html"] and not embeds.changed
    assert sections["csp.txt"].changed == ["B: no csp.txt"]
    sitemap = sections["sitemap"]
    assert sitemap.only_a == ["https://x.org/history/"] and sitemap.changed == ["https://x.org/: 2023-11-14 vs no date"]
    assert sections["open data"].only_a == ["data/timeline.json"]
    assert sections["glossary marks"].changed == ["history/index.html: 1 vs 0"]
    assert sections["missing files that pages link to"].only_b == ["assets/bundle.js"]
    assert sections["missing files that pages link to"].only_a == []


def test_the_same_site_is_the_same_in_every_kind(sites):
    a, _ = sites
    assert all(s.same for s in compare_sites(a, a))


def test_the_report_counts_and_gives_the_first_examples(sites):
    a, b = sites
    report = format_report(compare_sites(a, b), "mkdocs", "zensical", limit=1)
    assert report.splitlines()[0] == "Comparing A = mkdocs with B = zensical"
    assert "pages (HTML files, embeds aside): 3 in A, 3 in B; 1 only in A, 1 only in B, 0 different" in report
    assert "      about/index.html" in report and "B: no csp.txt" in report


def test_exit_code_is_0_whatever_differs_and_2_for_a_missing_site(sites, capsys):
    a, b = sites
    assert main([str(a), str(b)]) == 0 and "Comparing" in capsys.readouterr().out
    assert main([str(a), str(b / "nowhere")]) == 2
    assert "nowhere" in capsys.readouterr().err
