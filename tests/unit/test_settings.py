"""macros/site.py (one Settings per build) and macros/config_file.py (a mkdocs.yml read without mkdocs)."""

from __future__ import annotations

import datetime

import pytest

from macros.config_file import ConfigFileError, read_config
from macros.council import CouncilError
from macros.site import Settings, build_date, long_date
from tests.conftest import HARBOURSIDE, ROOT


def settings_of(config, environ=None) -> Settings:
    environ = {} if environ is None else environ
    return Settings.from_config(read_config(config, environ), config, environ)


# --- Settings ---------------------------------------------------------------------------------------

def test_the_national_site():
    found = settings_of(ROOT / "mkdocs.yml")
    assert (found.site_name, found.site_url, found.use_directory_urls) == ("Co-production explained", "", True)
    assert (found.project_dir, found.docs_dir, found.data_dir) == (ROOT, ROOT / "docs", ROOT / "data")
    assert found.council is None and found.local_records == {}
    assert found.config_label == "mkdocs.yml"


def test_a_council_gets_the_national_data_and_its_own_records():
    found = settings_of(HARBOURSIDE / "mkdocs.yml", {"SITE_URL": "https://intranet.example/coproduction/"})
    assert found.site_url == "https://intranet.example/coproduction/"
    assert (found.docs_dir, found.data_dir) == (ROOT / "docs", ROOT / "data")
    assert found.council.name == "Harbourside Borough Council" and found.council.logo == HARBOURSIDE / "logo.svg"
    assert found.local_records == {"local_dir": HARBOURSIDE / "data", "local_label": "examples/harbourside/data",
                                   "local_name": "Harbourside Borough Council"}
    assert found.config_label == "examples/harbourside/mkdocs.yml"


def test_the_offline_site_has_no_directory_urls():
    assert settings_of(ROOT / "mkdocs-offline.yml").use_directory_urls is False


def test_data_dir_and_the_build_date_come_from_the_environment(tmp_path):
    found = settings_of(ROOT / "mkdocs.yml", {"DATA_DIR": str(tmp_path), "SOURCE_DATE_EPOCH": "1700000000"})
    assert found.data_dir == tmp_path
    assert (found.build_date, found.build_day, found.build_year) == (datetime.date(2023, 11, 14), "14 November 2023", 2023)


@pytest.mark.parametrize("epoch, day", [("1795000000", "18 November 2026"), ("0", "1 January 1970"),
                                        ("1700000000", "14 November 2023")])
def test_the_build_day_follows_source_date_epoch(epoch, day):
    assert long_date(build_date({"SOURCE_DATE_EPOCH": epoch})) == day


def test_without_source_date_epoch_the_build_date_is_today():
    assert build_date({}) == datetime.datetime.now(datetime.UTC).date()


def test_a_config_mapping_gives_each_build_one_settings_object():
    conf = read_config(ROOT / "mkdocs.yml", {})
    first = Settings.for_build(conf, ROOT / "mkdocs.yml", {})
    assert Settings.for_build(conf, ROOT / "mkdocs.yml", {}) is first
    assert Settings.for_build(conf, HARBOURSIDE / "mkdocs.yml", {}) is not first  # another config: made again
    assert Settings.for_build(dict(read_config(ROOT / "mkdocs.yml", {})), ROOT / "mkdocs.yml", {}) is not first


def test_a_bad_council_block_is_refused_with_every_problem(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: X\nextra:\n  council:\n    logo: nowhere.svg\n    colours: {primary: '#66aacc'}\n",
                      encoding="utf-8")
    with pytest.raises(CouncilError) as raised:
        settings_of(config)
    report = raised.value.report()
    assert "extra.council.name: the council's name is required" in report
    assert "nowhere.svg' does not exist" in report and '"#66aacc" has a contrast ratio' in report


# --- Reading a config file without mkdocs -----------------------------------------------------------

def write(path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_inherit_merges_mappings_and_replaces_lists(tmp_path):
    write(tmp_path / "base.yml", "site_name: Base\nextra: {a: 1, b: {c: 2, d: 3}}\nhooks: [one.py, two.py]\n")
    child = write(tmp_path / "sub" / "child.yml", "INHERIT: ../base.yml\nextra: {b: {d: 4}}\nhooks: [three.py]\n")
    assert read_config(child) == {"site_name": "Base", "extra": {"a": 1, "b": {"c": 2, "d": 4}}, "hooks": ["three.py"]}


@pytest.mark.parametrize("value, environ, expected", [
    ("!ENV SITE_URL", {"SITE_URL": "https://a.example/"}, "https://a.example/"),
    ("!ENV SITE_URL", {}, None),
    ("!ENV [SITE_URL, '']", {}, ""),
    ("!ENV [FIRST, SECOND, fallback]", {"SECOND": "two"}, "two"),
    ("!ENV [FIRST, SECOND, fallback]", {"FIRST": "one", "SECOND": "two"}, "one"),
    ("!ENV [FLAG, false]", {"FLAG": "true"}, True),  # typed as YAML types a scalar, as mkdocs does
    ("!ENV [FLAG, false]", {}, False),
])
def test_env_tags(tmp_path, value, environ, expected):
    assert read_config(write(tmp_path / "mkdocs.yml", f"key: {value}\n"), environ)["key"] == expected


def test_problems_name_the_file(tmp_path):
    with pytest.raises(ConfigFileError, match="missing.yml: cannot read the config file"):
        read_config(tmp_path / "missing.yml")
    with pytest.raises(ConfigFileError, match="bad.yml: not valid YAML"):
        read_config(write(tmp_path / "bad.yml", "a: [1, 2\n"))
    with pytest.raises(ConfigFileError, match="list.yml: expected settings"):
        read_config(write(tmp_path / "list.yml", "- a\n"))
    write(tmp_path / "a.yml", "INHERIT: b.yml\n")
    write(tmp_path / "b.yml", "INHERIT: a.yml\n")
    with pytest.raises(ConfigFileError, match="INHERIT goes round in a circle"):
        read_config(tmp_path / "a.yml")
