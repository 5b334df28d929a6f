"""The component registry (macros/components/): one folder each, declared once, read by every consumer."""

import re
from pathlib import Path

import pytest

from macros.components import COMPONENTS, NAMES, assets_for, by_name, macro_table, site_assets
from macros.components.component import Build, Component, Context, Macro
from macros.components.timeline import render as timeline
from macros.models import Content

FOLDER = Path(__file__).resolve().parents[2] / "macros" / "components"


def test_each_name_is_a_folder_declaring_the_component_of_that_name():
    assert [c.name for c in COMPONENTS] == list(NAMES)
    for component in COMPONENTS:
        assert component.folder == FOLDER / component.name


def test_every_declared_asset_is_a_file_in_its_components_folder():
    for path, source in site_assets().items():
        assert source.is_file(), (path, source)
        assert source.parent.name == path.split("/")[2] or path == "assets/js/embed-host.js", path


def test_every_script_and_style_in_a_folder_is_declared():
    declared = {source for source in site_assets().values()}
    on_disk = {p for p in FOLDER.glob("*/*") if p.suffix in (".js", ".css")}
    assert on_disk == declared, on_disk ^ declared


def test_every_partial_in_a_folder_is_used_by_its_component_or_a_partial():
    sources = {p: p.read_text(encoding="utf-8") for p in FOLDER.glob("*/*") if p.suffix in (".py", ".html")}
    for partial in FOLDER.glob("*/*.html"):
        users = [p for p, text in sources.items() if p != partial and f'"{partial.name}"' in text]
        assert users, f"{partial} is not rendered or imported anywhere"


def test_a_macro_name_declared_twice_fails_with_both_components():
    twice = (Component("a", FOLDER, macros=(Macro("shown", str),)), Component("b", FOLDER, macros=(Macro("shown", str),)))
    with pytest.raises(ValueError, match="'shown' is declared by both 'a' and 'b'"):
        macro_table(twice)


def test_a_page_gets_the_assets_of_the_components_it_uses_with_what_they_require():
    home = assets_for(set())
    # Every page ends with its Reuse area: its citations' and embed controls' assets are everywhere.
    assert home == {"styles": ["assets/components/citations/cite.css", "assets/components/citations/reuse.css",
                               "assets/components/embeds/embed.css"],
                    "scripts": ["assets/components/citations/cite.js", "assets/components/embeds/embed-this.js"]}
    history = assets_for({"timeline"})
    assert history["scripts"] == ["assets/components/timeline/timeline.js", "assets/components/citations/cite.js",
                                  "assets/components/embeds/embed-this.js"]
    assert "assets/components/tables/tables.js" not in history["scripts"]
    assert "assets/components/tables/tables.css" in assets_for({"typologies"})["styles"]


def test_every_required_component_exists():
    named = by_name()
    for component in COMPONENTS:
        assert set(component.requires) <= set(named), component.name


def test_the_timeline_script_reads_its_settings_from_the_form_that_the_renderer_writes():
    html = timeline.timeline(_content(), _links())
    form = re.search(r"<form[^>]*data-timeline-explorer[^>]*>", html).group(0)
    for name, value in timeline.SCRIPT_SETTINGS.items():
        assert f'data-{name}="{value}"' in form
    script = (FOLDER / "timeline" / "timeline.js").read_text(encoding="utf-8")
    assert not re.search(r"\b(PAGE|MARKS|LANE|MARK|MAX_LANES)\s*=\s*\d", script), "a setting typed again in the script"
    style = (FOLDER / "timeline" / "timeline.css").read_text(encoding="utf-8")
    assert f"min-width: {timeline.AXIS_MIN_WIDTH / 20:g}rem" in style  # 20px to the rem in material
    assert f"var(--tl-lanes, 1) * {timeline.AXIS_LANE}px" in style


def test_a_macro_is_called_with_the_page_it_is_on():
    seen = []
    component = Component("probe", FOLDER, macros=(Macro("probe", lambda ctx, x: seen.append((ctx.src_uri, x)) or ""),))
    [(name, (owner, macro))] = macro_table((component,)).items()
    from macros.components.component import PageInfo

    macro.function(Context(Build(Content()), PageInfo("history.md", "history/", {})), 1)
    assert name == "probe" and owner is component and seen == [("history.md", 1)]


def _content():
    from macros.load import load_content

    return load_content(Path(__file__).resolve().parents[2] / "data")


def _links():
    from macros.links import Links

    return Links.for_page("history/")


def test_the_embed_messages_are_typed_once_and_the_host_script_agrees():
    from macros.components.embeds import render as embeds

    box = str(embeds.box_attributes())
    assert f'data-embed-resize="{embeds.RESIZE_MESSAGE}"' in box and f'data-embed-measure="{embeds.MEASURE_MESSAGE}"' in box
    frame = (FOLDER / "embeds" / "embed.js").read_text(encoding="utf-8")
    assert "coproduction-explainer:" not in frame.split("\n", 5)[-1], "embed.js types a message name again"
    # The host script runs on a council's own page, where it cannot read ours: it states the public protocol
    # (README, "Embed a page or a component"), so a test holds it to the same names.
    host = (FOLDER / "embeds" / "embed-host.js").read_text(encoding="utf-8")
    prefix = embeds.RESIZE_MESSAGE.rsplit(":", 1)[0] + ":"
    assert f'T = "{prefix}"' in host and 'T + "resize"' in host and 'T + "measure"' in host
    assert embeds.RESIZE_MESSAGE == prefix + "resize" and embeds.MEASURE_MESSAGE == prefix + "measure"
    assert f'"iframe[{embeds.OPT_IN_ATTRIBUTE}]"' in host
