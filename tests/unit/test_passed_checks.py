"""A data file that passed its schema is not checked again while nothing it depends on changes (passed_checks.py);
a change to the file, to any schema or to the checking code is checked again, and a file with problems
reports them on every build."""

import shutil
from pathlib import Path

import pytest

from macros import load, passed_checks, schema
from macros.errors import ContentError

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture
def checks(tmp_path, monkeypatch):
    """A private folder of marks, and a count of the files the schema check reads."""
    folder = tmp_path / "marks"
    folder.mkdir(mode=0o700)
    monkeypatch.setattr(passed_checks, "_folder", lambda: folder)
    checked = []
    real = load.validate

    def counting(parsed, *args, **kwargs):
        checked.append(parsed.name)
        return real(parsed, *args, **kwargs)

    monkeypatch.setattr(load, "validate", counting)
    load._checked.clear()  # nothing kept in this process either: as in a new build
    yield checked
    load._checked.clear()


def _copy(tmp_path) -> Path:
    return Path(shutil.copytree(DATA, tmp_path / "data"))


def _load_afresh(data: Path):
    load._checked.clear()
    return load.load_content(data)


def test_an_unchanged_file_is_not_checked_again(tmp_path, checks):
    data = _copy(tmp_path)
    first = _load_afresh(data)
    assert "data/timeline.yml" in checks
    checks.clear()
    second = _load_afresh(data)
    assert checks == []
    assert second == first


def test_an_edited_file_is_checked_again_and_its_problem_reported_every_time(tmp_path, checks):
    data = _copy(tmp_path)
    _load_afresh(data)
    timeline = data / "timeline.yml"
    timeline.write_text(timeline.read_text(encoding="utf-8").replace("    title:", "    titel:", 1), encoding="utf-8")
    for _ in range(2):
        checks.clear()
        with pytest.raises(ContentError) as caught:
            _load_afresh(data)
        assert checks == ["data/timeline.yml"]
        assert any("'titel' is not a known field" in str(p) for p in caught.value.problems)


def test_a_changed_schema_or_checking_code_checks_every_file_again(tmp_path, checks, monkeypatch):
    data = _copy(tmp_path)
    _load_afresh(data)
    themes = data / "schemas" / "themes.schema.json"
    themes.write_text(themes.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    checks.clear()
    _load_afresh(data)
    assert len(checks) == len(list(data.glob("*.yml")))  # every schema is part of every file's mark
    checks.clear()
    monkeypatch.setattr(passed_checks, "_engine", lambda: b"another version of schema.py")
    _load_afresh(data)
    assert len(checks) == len(list(data.glob("*.yml")))


@pytest.mark.parametrize("kind", ["writable by others", "a link"])
def test_marks_are_kept_only_in_a_folder_no_one_else_can_write_to(tmp_path, monkeypatch, kind):
    monkeypatch.setattr(passed_checks.tempfile, "gettempdir", lambda: str(tmp_path))
    folder = tmp_path / f"coproduction-explainer-checks-{passed_checks.os.getuid()}"  # ours, but:
    if kind == "a link":
        (tmp_path / "elsewhere").mkdir()
        folder.symlink_to(tmp_path / "elsewhere")
    else:
        folder.mkdir()
        folder.chmod(0o777)
    passed_checks._folder.cache_clear()
    try:
        assert passed_checks._folder() is None
        passed_checks.mark_passed("x")
        assert not passed_checks.passed("x")
    finally:
        passed_checks._folder.cache_clear()


def test_a_build_whose_files_all_passed_does_not_need_jsonschema(tmp_path, checks):
    data = _copy(tmp_path)
    _load_afresh(data)
    schema.validator_for.cache_clear()
    checks.clear()
    _load_afresh(data)
    assert checks == [] and schema.validator_for.cache_info().currsize == 0
