"""The self-assessment's data and worksheet (components/self_assessment): statements under SCIE's six key
features, the scale, the Local badge, clear errors for bad data, and plain English."""

import dataclasses
import re
import shutil
from pathlib import Path

import pytest

from macros.components.self_assessment import render
from macros.errors import ContentError
from macros.links import Links
from macros.load import load_content
from scripts import reading_ease

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def content():
    return load_content(DATA)


@pytest.fixture
def data_copy(tmp_path) -> Path:
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


def _problems(data_dir: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(data_dir)
    return [str(p) for p in caught.value.problems]


def _edit(data_dir: Path, file: str, old: str, new: str) -> None:
    path = data_dir / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_key_feature_has_two_to_four_statements(content):
    features = render.features(content)
    assert [c.id for c, _ in features] == [c.id for c in content.typologies[render.FEATURES].categories]
    assert all(2 <= len(statements) <= 4 for _, statements in features)


def test_the_worksheet_has_a_fieldset_per_feature_and_a_radio_group_per_statement(content):
    html = render.worksheet(content, Links.for_page("self-assessment/"))
    assert html.count('<fieldset class="sa-feature"') == 6
    assert html.count('<fieldset class="sa-statement"') == len(content.statements)
    for statement in content.statements:
        names = re.findall(rf'name="sa-{statement}" id="sa-{statement}-([^"]+)"', html)
        assert names == ["1", "2", "3", "4", "5", render.DONT_KNOW]
        for value in names:
            assert f'<label for="sa-{statement}-{value}">' in html
    # The rule's numbers reach the script from the one place they are set.
    assert f'data-sa-transformative-from="{render.RULE.transformative_from}"' in html


def test_the_rule_is_written_out_from_the_same_numbers(content):
    text = re.sub(r"<[^>]+>", "", render.levels(content, Links.for_page("self-assessment/")))
    assert "Descriptive: a project score below 3." in text
    assert "Transformative: a score of 4 or more, with every key feature at 3 or more." in text
    assert "our reading of the sources" in text


def test_a_local_statement_carries_the_local_badge(content):
    statement = dataclasses.replace(next(iter(content.statements.values())), id="our-own", local=True)
    local = dataclasses.replace(content, statements={**content.statements, "our-own": statement},
                                local_name="Harbourside Borough Council")
    html = render.worksheet(local, Links.for_page("self-assessment/"))
    block = html[html.index('id="sa-q-our-own"'):]
    assert 'data-local="true"' in html and "Local · Harbourside Borough Council" in block[:1500]


def test_a_scale_without_its_five_points_is_refused(content):
    points = dict(content.scale_points)
    points.pop("mostly")
    with pytest.raises(render.ScaleError, match="1, 2, 3, 4 and 5 once each"):
        render.scale(dataclasses.replace(content, scale_points=points))


def test_a_statement_outside_the_key_features_names_its_line(data_copy):
    _edit(data_copy, "self-assessment.yml", "feature: scie-features/assets-with-skills",
          "feature: levels/descriptive")
    [problem] = _problems(data_copy)
    assert problem.startswith("data/self-assessment.yml:") and "ask-what-people-offer" in problem


def test_an_unknown_feature_is_named_with_the_known_ones(data_copy):
    _edit(data_copy, "self-assessment.yml", "feature: scie-features/assets-with-skills",
          "feature: scie-features/assets")
    [problem] = _problems(data_copy)
    assert problem.startswith("data/self-assessment.yml:") and "scie-features/assets" in problem


def test_a_score_out_of_range_names_its_line(data_copy):
    _edit(data_copy, "self-assessment-scale.yml", "value: 5", "value: 6")
    [problem] = _problems(data_copy)
    assert problem.startswith("data/self-assessment-scale.yml:")


def test_statements_and_next_steps_read_as_plain_english(content):
    text = " ".join(f"{reading_ease.sentence(s.text)} {reading_ease.sentence(s.next_step)}"
                    for s in content.statements.values())
    assert reading_ease._flesch(text) >= reading_ease.TARGET
