"""The real content: every collection has a schema, quotations are verbatim, and the required items exist."""

import json
import re
from pathlib import Path

import pytest

from macros.collections import REGISTRY

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SEEDS = ROOT.parent / "shared" / "seeds"


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def seeds() -> str:
    if not SEEDS.is_dir():
        pytest.skip("the seed texts are not beside this checkout (../shared/seeds)")
    return normalise(" ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))))


def test_every_data_file_has_a_schema_and_declares_it():
    data_files = sorted(p.name for p in DATA.glob("*.yml"))
    assert data_files == sorted(c.file for c in REGISTRY), "every data file must be a known collection"
    for collection in REGISTRY:
        schema = DATA / "schemas" / collection.schema
        assert schema.is_file(), f"{collection.file} has no schema {schema.name}"
        first_line = (DATA / collection.file).read_text(encoding="utf-8").splitlines()[0]
        assert first_line == f"# yaml-language-server: $schema=schemas/{collection.schema}"


def test_schemas_are_strict():
    def objects(node):
        if isinstance(node, dict):
            if node.get("type") == "object" and "properties" in node:
                yield node
            for value in node.values():
                yield from objects(value)
        elif isinstance(node, list):
            for value in node:
                yield from objects(value)

    for schema_file in (DATA / "schemas").glob("*.schema.json"):
        for obj in objects(json.loads(schema_file.read_text(encoding="utf-8"))):
            assert obj.get("additionalProperties") is False, f"{schema_file.name}: an object allows unknown fields"


def quotations(content):
    for d in content.definitions.values():
        yield f"definition {d.id}", d.text
    for t in content.typologies.values():
        for c in t.categories:
            if c.quote:
                yield f"category {c.ref}", c.quote
    for c in content.cases.values():
        if c.quote:
            yield f"case {c.id}", c.quote


def test_quotations_are_verbatim_from_the_seeds(content, seeds):
    missing = [where for where, quote in quotations(content) if normalise(quote) not in seeds]
    assert not missing, f"not found word for word in the seed texts: {missing}"


def learn_pages():
    """The course pages' own prose (docs/learn/**), without front matter, macro calls, HTML or link addresses."""
    from scripts.reading_ease import page_prose

    for page in sorted((ROOT / "docs" / "learn").rglob("*.md")):
        yield f"page {page.relative_to(ROOT)}", page_prose(page.read_text(encoding="utf-8"))


REQUIRED = {
    "sources": ["needham-carr-2009", "pestoff-osborne-brandsen-2006", "boyle-harris-2009", "bovaird-2007",
                "fotaki-2011", "alford-2002", "alford-2009", "glynos-speed-2012", "baker-2010", "cahn-2000",
                "burns-2004", "nesta-public-services-inside-out-2010", "nesta-right-here-right-now",
                "jrf-outside-paid-employment", "guardian-2008", "stirling-ely-marshall-2018", "seed-bussu-2014",
                "seed-prescott-2014", "seed-nightingale", "seed-p2p-foundation", "seed-hcct"],
    "people": ["elinor-ostrom", "anna-coote", "edgar-cahn", "david-boyle", "sarah-burns", "sonia-bussu",
               "james-quilligan"],
    "events": ["ostrom-chicago-police", "coote-ippr-kings-fund", "new-public-management", "declining-trust",
               "cahn-no-more-throw-away-people", "revival-turn-of-century", "financial-crisis-austerity",
               "nef-manifesto", "guardian-article", "scie-evidence-base", "nesta-challenge-of-coproduction",
               "nesta-public-services-inside-out", "nesta-right-here-right-now", "rushey-green-award",
               "bussu-defining-coproduction", "prescott-no-single-formula", "living-well-cornwall"],
    "definitions": ["quilligan", "burns-2004-charity", "jrf-clients-alongside-professionals",
                    "valueforpeople-mutuality", "consumer-value-creation", "scie-meeting-of-minds",
                    "scie-way-of-working", "scie-share-power", "bussu-synthesis", "cahn-framing",
                    "stirling-positivist", "stirling-constructivist", "jrf-critical-role", "wicc-individual-level",
                    "guardian-mutual-support", "bussu-shape-services"],
    "typologies": ["production-management-governance", "stages", "levels", "bussu-dimensions",
                   "bussu-motivations", "cahn-values", "scie-features", "generic-institutional",
                   "positivist-constructivist", "production-participation-creation"],
    "cases": ["chicago-policing", "living-well-cornwall", "rushey-green-time-bank", "keyring",
              "family-nurse-partnership", "personal-budgets"],
}


# Every definition of co-production that the five source texts give, one record each.
SOURCE_DEFINITIONS = [
    "quilligan", "burns-2004-charity", "jrf-clients-alongside-professionals", "jrf-critical-role",
    "valueforpeople-mutuality", "consumer-value-creation", "scie-meeting-of-minds", "scie-way-of-working",
    "scie-share-power", "scie-equal-partners", "scie-take-over-work", "bussu-shape-services", "bussu-synthesis",
    "cahn-framing", "stirling-positivist", "stirling-constructivist", "nef-equal-partnership", "guardian-broadening",
    "guardian-mutual-support", "nef-mutual-need", "hcct-critical-role", "hcct-partnership-models",
    "nightingale-strictest-sense", "nightingale-umbrella", "wicc-far-end-of-spectrum", "wicc-individual-level",
]

# Words that identify each of the four definitions added last, as the sources word them.
ADDED_DEFINITIONS = {
    "jrf-critical-role": "critical role that service 'consumers' have in enabling professionals",
    "wicc-individual-level": "On an individual level, co-production is about moving away from",
    "guardian-mutual-support": "people need to be rooted in mutual support networks, and that not everything can be bought",
    "bussu-shape-services": "It’s about users helping shape the services they need",
}


def test_the_definitions_hold_every_definition_the_sources_give(content):
    assert len(SOURCE_DEFINITIONS) == len(set(SOURCE_DEFINITIONS)) == 26
    national = sorted(d.id for d in content.definitions.values() if not d.local)
    missing = sorted(set(SOURCE_DEFINITIONS) - set(national))
    unlisted = sorted(set(national) - set(SOURCE_DEFINITIONS))
    assert not missing, f"definitions the sources give but the data lacks: {missing}"
    assert not unlisted, f"definitions not in SOURCE_DEFINITIONS (add them there if the sources give them): {unlisted}"
    assert len(national) == 26


@pytest.mark.parametrize("definition_id, words", sorted(ADDED_DEFINITIONS.items()))
def test_the_four_added_definitions_quote_their_passage(content, definition_id, words):
    definition = content.definitions[definition_id]
    assert words in definition.text
    assert definition.gloss and definition.emphases and definition.attribution
    assert words not in definition.gloss


@pytest.mark.parametrize("collection", sorted(REQUIRED))
def test_required_records_exist(content, collection):
    missing = [i for i in REQUIRED[collection] if i not in getattr(content, collection)]
    assert not missing


def test_uncertain_dates_stay_uncertain(content):
    assert not content.events["ostrom-chicago-police"].date.exact
    assert content.events["ostrom-chicago-police"].date.label == "1970s"
    assert content.events["bussu-defining-coproduction"].date.exact


def test_typology_categories_match_the_frameworks(content):
    def names(t):
        return [c.id for c in content.typologies[t].categories]

    assert names("stages") == ["co-design", "co-decision-making", "co-delivery", "co-evaluation"]
    assert names("levels") == ["descriptive", "intermediate", "transformative"]
    assert len(names("scie-features")) == 6
    assert len(names("cahn-values")) == 4
    assert len(names("bussu-dimensions")) == 4
    assert len(names("bussu-motivations")) == 3


def test_every_case_links_to_a_typology_category(content):
    for case in content.cases.values():
        assert case.illustrates or case.contrasts, case.id


def test_the_course_covers_every_module_and_question_type(content):
    assert list(content.modules) == ["what-it-is", "origins", "telling-apart", "levels-and-stages",
                                     "values-in-practice", "your-placement"]
    types = {q.type for m in content.modules.values() for q in m.questions}
    assert types == {"single", "multiple", "true-false", "classify"}
    for m in content.modules.values():
        assert 3 <= len(m.questions) <= 5, m.id
        assert (ROOT / "docs" / "learn" / f"{m.id}.md").is_file(), m.id
        assert (ROOT / "docs" / "learn" / "facilitators" / f"{m.id}.md").is_file(), m.id
    assert any(q.type == "classify" for q in content.modules["levels-and-stages"].questions)


def test_course_pages_quote_nothing_directly(seeds):
    """Quotations reach the course pages only through macros (definition_list, typology), which quote the data.

    A page's own prose may use quotation marks for a word or a short phrase, but not for a passage."""
    long_quotes = []
    for where, text in learn_pages():
        for quoted in re.findall(r"[\"“]([^\"”]{40,})[\"”]", text):
            long_quotes.append(f"{where}: {quoted[:60]}")
    assert not long_quotes, long_quotes
