"""No page's main text is longer than 3,000 words (scripts/page_words.py): long pages lead with a summary
and give their full records pages of their own. The bibliography and the printable handbook are exempt."""

import pytest

from scripts.page_words import EXEMPT, LIMIT, page_words

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def counts(site_dir):
    return page_words(site_dir)


def test_the_count_covers_every_page_but_the_embeds(counts, site_dir):
    assert {"", "history/", "definitions/", "typologies/", "about/"} <= set(counts)
    assert not [p for p in counts if p.startswith("embed/")], "embeds show one view each and are not counted"
    assert EXEMPT <= set(counts), f"an exempt page no longer exists; update EXEMPT in scripts/page_words.py: {EXEMPT - set(counts)}"
    assert all(words > 0 for words in counts.values()), [p for p, w in counts.items() if not w]


def test_no_page_is_longer_than_the_limit(counts):
    over = {path: words for path, words in counts.items() if path not in EXEMPT and words > LIMIT}
    assert not over, (
        f"these pages have more than {LIMIT:,} words of main text (everything inside <article>):\n"
        + "\n".join(f"  /{path}: {words:,} words, {words - LIMIT:,} too many" for path, words in sorted(over.items()))
        + "\nLead the page with a short summary and give its full records pages of their own (keep a short "
          "entry with the old #anchor on this page), or cut what each entry repeats. "
          "Measure with: python scripts/page_words.py SITE_DIR")
