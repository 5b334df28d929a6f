"""Each course module reads as plain English: a Flesch reading ease of 60 or more (scripts/reading_ease.py)."""

import pytest

from scripts import reading_ease

MODULES = ["what-it-is", "origins", "telling-apart", "levels-and-stages", "values-in-practice", "your-placement"]


@pytest.fixture(scope="module")
def scores():
    return reading_ease.scores()


def test_every_module_is_measured(scores):
    assert list(scores) == MODULES


@pytest.mark.parametrize("module_id", MODULES)
def test_module_reads_as_plain_english(scores, module_id):
    assert scores[module_id] >= reading_ease.TARGET, (
        f"{module_id} scores {scores[module_id]:.1f}; shorten its sentences and use shorter words "
        f"(run: python scripts/reading_ease.py)")


def test_the_measure_leaves_out_macros_and_link_addresses():
    text = reading_ease.page_prose(
        "---\ntitle: T\n---\n\n# Heading\n\n{{ module_intro('x') }}\n\nSee the [Glossary](../glossary.md#co-design) now\n"
    )
    assert "module_intro" not in text and "glossary.md" not in text
    assert "See the Glossary now." in text
