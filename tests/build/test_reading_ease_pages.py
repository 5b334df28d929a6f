"""Every public page reads as plain English: a Flesch reading ease of 60 or more on its own prose.

Measured by scripts/reading_ease.py on the built page's main text (its <article>), so what the macros add
from the data counts too. Quotations (<blockquote>, <q>, anything marked verbatim), titles of works
(<cite>), Harvard references, the Sources page's index of where each source is used, file names and code
are left out. Embeds and the printable handbook are not measured: they repeat other pages.
"""

import pytest

from scripts import reading_ease

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def texts(site_dir):
    return reading_ease.page_texts(site_dir)


def test_every_public_page_is_measured(texts):
    assert {"", "history/", "definitions/", "typologies/", "glossary/", "about/", "learn/what-it-is/"} <= set(texts)
    assert not [p for p in texts if p.startswith(reading_ease.NOT_MEASURED)]
    empty = [p for p, text in texts.items() if len(text.split()) < 20]
    assert not empty, f"these pages gave (almost) no text to measure: {empty}"


def test_every_public_page_reads_as_plain_english(texts):
    below = []
    for path, text in texts.items():
        score = reading_ease._flesch(text)
        if score >= reading_ease.TARGET:
            continue
        hardest = "\n".join(f"      - {s[:200]}" for s in reading_ease.hardest_sentences(text))
        below.append(
            f"  /{path} scores {score:.1f}; the target is {reading_ease.TARGET:.0f}. Its page is "
            f"{reading_ease.source_of(path)}; text it shows from the data (summaries, notes, bios, glosses) "
            f"is edited in data/*.yml. Its longest sentences:\n{hardest}")
    assert not below, (
        "these pages are not plain English yet. Split long sentences (one idea each, about 15-20 words) and "
        "choose short everyday words; quotations are not counted, so leave them as they are:\n"
        + "\n".join(below) + "\nMeasure again with: python scripts/reading_ease.py")


def test_quotations_titles_references_and_code_are_left_out():
    html = """<header><p>Site header words that are not the page.</p></header>
    <article>
      <h1>Our page<a class="headerlink" href="#x">¶</a></h1>
      <p>We say this in our own words</p>
      <blockquote class="verbatim"><p>Quoted incomprehensibility notwithstanding.</p></blockquote>
      <p>Bussu calls it <q>additive, not substitutive</q>, in <cite>Defining Coproduction</cite>.</p>
      <td><span data-verbatim>Marked verbatim.</span> Cell text</td>
      <p class="reference">Bussu, S. (2014) 'Defining Coproduction'.</p>
      <details class="backlinks"><summary>Where this site uses it (1)</summary><ul><li>Glossary: <a href="#g">Co-production</a></li></ul></details>
      <pre><code>&lt;iframe src="x"&gt;</code></pre>
      <td><a href="data/typologies-categories.csv">typologies-categories.csv</a> and sources.schema.json files</td>
      <ul><li>First item<ul><li>Nested item</li></ul></li></ul>
    </article>"""
    assert reading_ease.html_prose(html).splitlines() == [
        "Our page.", "We say this in our own words.", "Bussu calls it , in .", "Cell text.", "and files.",
        "First item.", "Nested item."]
