"""The worked council example (examples/harbourside, a fictional council): its branding and local records.

Built once with --strict from its own small config, which inherits mkdocs-council.yml and so mkdocs.yml.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import HARBOURSIDE, ROOT, build_site

pytestmark = pytest.mark.build

NAME = "Harbourside Borough Council"
BADGE = f'<span class="local-badge">Local · {NAME}</span>'
SITE_NAMES = ("Co-production explained: Harbourside", "Co-production explained")


def local_ids(file: str, top_key: str) -> list[str]:
    return [r["id"] for r in yaml.safe_load((HARBOURSIDE / "data" / file).read_text(encoding="utf-8"))[top_key]]


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def normalise(text: str) -> str:
    """The council's site name is its own; everything else about a national record must match."""
    return text.replace(*SITE_NAMES)


# --- The council's local records, with the badge, wherever they appear ------------------------------

def _after_id(page_html: str, record_id: str, length: int = 1500) -> str:
    start = page_html.index(f'id="{record_id}"')
    return page_html[start:start + length]


@pytest.mark.parametrize("page, file, top_key", [
    ("history/index.html", "timeline.yml", "events"),
    ("definitions/index.html", "definitions.yml", "definitions"),
    ("examples/index.html", "cases.yml", "cases"),
    ("glossary/index.html", "glossary.yml", "terms"),
    ("sources/index.html", "sources.yml", "sources"),
])
def test_local_records_appear_with_the_badge_and_council_name(harbourside_site_dir, page, file, top_key):
    text = read(harbourside_site_dir, page)
    for record_id in local_ids(file, top_key):
        assert BADGE in _after_id(text, record_id), f"{page}: {record_id} has no badge"


def test_a_local_statement_is_rated_under_its_key_feature_with_the_badge(harbourside_site_dir):
    text = read(harbourside_site_dir, "self-assessment/index.html")
    [statement_id] = local_ids("self-assessment.yml", "statements")
    feature = text[text.index('id="sa-break-down-barriers"'):]
    feature = feature[:feature.index('<fieldset class="sa-feature"')] if '<fieldset class="sa-feature"' in feature else feature
    block = _after_id(feature, f"sa-q-{statement_id}")
    assert BADGE in block and f'name="sa-{statement_id}"' in block


def test_local_definition_is_in_the_table_and_the_compare_picker(harbourside_site_dir):
    table = read(harbourside_site_dir, "definitions/at-a-glance/index.html")
    row = re.search(r'<tr data-definition="harbourside-strategy">.*?</tr>', table, re.S).group(0)
    assert BADGE in row
    text = read(harbourside_site_dir, "definitions/index.html")
    picker = re.search(r'<li data-choice="harbourside-strategy">.*?</li>', text, re.S).group(0)
    assert f"Local · {NAME}" in picker


def test_local_timeline_events_carry_filter_data(harbourside_site_dir):
    text = read(harbourside_site_dir, "history/index.html")
    for event_id in local_ids("timeline.yml", "events"):
        item = re.search(rf'<li class="timeline-event" data-event="{event_id}"[^>]*>', text).group(0)
        assert 'data-local="true"' in item and 'data-themes="' in item
    total = len(re.findall(r'<li class="timeline-event"', text))
    assert f"{total} of {total} events" in text


def test_local_records_are_found_by_search(harbourside_site_dir):
    index = json.loads(read(harbourside_site_dir, "search/search_index.json"))
    docs = [d for d in index["docs"] if f"Local · {NAME}" in d["text"] + d["title"]]
    locations = {d["location"].split("#")[0] for d in docs}
    assert {"history/", "definitions/", "examples/", "glossary/", "sources/"} <= locations, locations
    assert any("Tenants and housing staff set up a repairs panel" in d["title"] + d["text"] for d in docs)


# --- Branding ---------------------------------------------------------------------------------------

def test_the_logo_and_colours_are_applied(harbourside_site_dir):
    page = read(harbourside_site_dir, "index.html")
    # Decorative inside the header link, which is named after the site.
    assert re.search(r'aria-label="[^"]+"[^>]*>\s*<img src="assets/council/logo.svg" alt="">', page)
    assert (harbourside_site_dir / "assets/council/logo.svg").read_bytes() == (HARBOURSIDE / "logo.svg").read_bytes()
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)
    assert stylesheets.index("assets/council/colours.css") > stylesheets.index("assets/explainer.css")
    css = read(harbourside_site_dir, "assets/council/colours.css")
    assert "--md-primary-fg-color: #1d4f6e;" in css and "--md-accent-fg-color: #8a3b12;" in css
    assert re.search(r"<title>[^<]*Co-production explained: Harbourside</title>", page)


def test_the_national_site_has_no_council_branding(site_dir):
    page = read(site_dir, "index.html")
    assert "assets/council/" not in page and not (site_dir / "assets/council").exists()
    for rel in ("history/index.html", "definitions/index.html", "examples/index.html", "glossary/index.html"):
        assert "local-badge" not in read(site_dir, rel)


# --- National content unchanged ---------------------------------------------------------------------

BLOCKS = {  # page -> pattern for one national record's markup, keyed by its id
    "history/index.html": r'<li class="timeline-event" data-event="([^"]+)".*?</article>',
    "definitions/at-a-glance/index.html": r'<tr data-definition="([^"]+)">.*?</tr>',
    "glossary/index.html": r'<dt id="([^"]+)".*?</dd>',
    # Each example's section; not the page's "Reuse this page" area, which lists the page's own data.
    "examples/index.html": r'<h2 id="(?!reuse-this-page")([^"]+)".*?</section>',
}


@pytest.mark.parametrize("page", BLOCKS)
def test_every_national_record_is_still_there_unchanged(site_dir, harbourside_site_dir, page):
    national = {m.group(1): m.group(0) for m in re.finditer(BLOCKS[page], read(site_dir, page), re.S)}
    council = {m.group(1): m.group(0) for m in re.finditer(BLOCKS[page], read(harbourside_site_dir, page), re.S)}
    assert national, f"test setup: nothing matched on {page}"
    for record_id, block in national.items():
        assert normalise(council.get(record_id, "")) == normalise(block), f"{page}: {record_id} differs"
    extra = set(council) - set(national)
    assert extra and all(BADGE in council[i] for i in extra), extra


def test_national_open_data_is_unchanged_and_local_records_are_published_apart(site_dir, harbourside_site_dir):
    national = {p.relative_to(site_dir / "data").as_posix() for p in (site_dir / "data").rglob("*") if p.is_file()}
    for rel in national - {"README.txt"}:
        assert (harbourside_site_dir / "data" / rel).read_bytes() == (site_dir / "data" / rel).read_bytes(), rel
    for file, stem in (("timeline.yml", "timeline"), ("cases.yml", "cases"), ("glossary.yml", "glossary"),
                       ("definitions.yml", "definitions"), ("sources.yml", "sources")):
        published = json.loads(read(harbourside_site_dir, f"data/local-{stem}.json"))
        assert published == yaml.safe_load((HARBOURSIDE / "data" / file).read_text(encoding="utf-8"))
        assert (harbourside_site_dir / "data" / f"local-{stem}.csv").is_file()
    open_data = read(harbourside_site_dir, "open-data/index.html")
    assert "local-timeline.json" in open_data and "Local: dated timeline events" in open_data
    assert "local-timeline.json" in read(harbourside_site_dir, "history/index.html")


def test_local_records_appear_in_the_embeds(harbourside_site_dir):
    embeds = harbourside_site_dir / "embed"
    if not embeds.is_dir():
        pytest.skip("this build publishes no embeds")
    for view in ("timeline", "definitions-table", "glossary"):
        page = embeds / view / "index.html"
        if page.is_file():
            assert BADGE in page.read_text(encoding="utf-8"), f"embed/{view} has no local badge"


# --- The council config stays in step with mkdocs.yml -----------------------------------------------

@pytest.mark.parametrize("council_base, site_base", [("mkdocs-council.yml", "mkdocs.yml"),
                                                      ("mkdocs-council-offline.yml", "mkdocs-offline.yml")])
def test_the_council_base_lists_what_the_site_lists_from_two_folders_down(council_base, site_base):
    """mkdocs replaces inherited lists and resolves paths from the council's folder, so they are repeated."""
    def load(name):
        return yaml.load((ROOT / name).read_text(encoding="utf-8"), Loader=_Loader)

    council, site, main = load(council_base), load(site_base), load("mkdocs.yml")
    assert council["INHERIT"] == site_base
    assert council["hooks"] == ["../../" + h for h in main["hooks"]]
    assert council["watch"] == ["../../" + w for w in main["watch"]]
    assert council["docs_dir"] == "../../docs" and council["theme"] == {"custom_dir": "../../overrides"}

    def plugin_names(plugins):
        return [next(iter(p)) if isinstance(p, dict) else p for p in plugins]

    site_plugins = site.get("plugins", main["plugins"])
    assert plugin_names(council["plugins"]) == plugin_names(site_plugins)
    macros = next(p["macros"] for p in council["plugins"] if isinstance(p, dict) and "macros" in p)
    site_macros = next(p["macros"] for p in site_plugins if isinstance(p, dict) and "macros" in p)
    assert macros == {**site_macros, "module_name": "../../" + site_macros["module_name"]}


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: None)


# --- Refusals ---------------------------------------------------------------------------------------

def council_copy(tmp_path: Path, **council_changes) -> Path:
    """A copy of the example in a folder of its own, with the site's paths written out in full."""
    folder = tmp_path / "mytown"
    shutil.copytree(HARBOURSIDE, folder)
    base = yaml.load((ROOT / "mkdocs-council.yml").read_text(encoding="utf-8"), Loader=_Loader)
    config = yaml.safe_load((folder / "mkdocs.yml").read_text(encoding="utf-8"))
    config["extra"]["council"].update(council_changes)
    # The base's paths, written out; not its extra, whose blank owner settings the copy fills in itself.
    absolute = json.loads(json.dumps({k: v for k, v in base.items() if k not in ("INHERIT", "extra")}).replace(
        '"../../', f'"{ROOT.as_posix()}/'))
    config.update(absolute, INHERIT=str(ROOT / "mkdocs.yml"))
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return folder


def test_a_copy_anywhere_builds_when_its_paths_are_written_out(tmp_path):
    folder = council_copy(tmp_path)
    result = build_site(tmp_path / "site", config=folder / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    assert BADGE in read(tmp_path / "site", "history/index.html")


def test_a_colour_that_fails_contrast_refuses_the_build_with_a_clear_message(tmp_path):
    folder = council_copy(tmp_path, colours={"primary": "#66aacc", "accent": "#8a3b12"})
    result = build_site(tmp_path / "site", config=folder / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and not (tmp_path / "site" / "index.html").exists()
    assert re.search(r'mytown/mkdocs\.yml: extra\.council\.colours\.primary: "#66aacc" has a contrast ratio of '
                     r'2\.\d\d:1 .* needs at least 4\.5:1 for text\. Try "#[0-9a-f]{6}"', output), output
    assert "Traceback" not in output


def test_a_broken_local_file_fails_with_its_path_and_no_traceback(tmp_path):
    folder = council_copy(tmp_path)
    timeline = folder / "data" / "timeline.yml"
    timeline.write_text(timeline.read_text(encoding="utf-8") + "  - id: broken\n   date: 2024\n", encoding="utf-8")
    result = build_site(tmp_path / "site", config=folder / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.search(r"mytown/data/timeline\.yml:\d+:\d+: this is not valid YAML", output), output
    assert "Traceback" not in output
