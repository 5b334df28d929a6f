"""macros/postbuild/: the work on a built site folder, on small hand-made pages shaped like material's."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from macros.config_file import read_config
from macros.postbuild import PostBuildError, council_files, frame_component_embeds, publish, run
from macros.postbuild import page_embeds as pe
from macros.postbuild.__main__ import main
from macros.site import Settings
from tests.conftest import HARBOURSIDE, ROOT

SITE_NAME = "Fixture site"

PAGE = """<!doctype html>
<html lang="en" class="no-js">
  <head>
    <meta charset="utf-8">
    <meta name="description" content="Who we are &amp; why">
    {canonical}
    <link rel="icon" href="{up}assets/images/favicon.png">
    <meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.1">
    <title>About us - {site}</title>
    <link rel="stylesheet" href="{up}assets/stylesheets/main.css">
    <link rel="stylesheet" href="https://fonts.example/family.css">
    <link rel="stylesheet" href="{up}assets/components/embeds/embed.css">
    <script>__md_scope=new URL("{up}",location)</script>
    <script src="{up}assets/javascripts/iframe-worker/shim.js"></script>
  </head>
  <body dir="ltr" data-md-color-scheme="default">
    <header class="md-header"><a href="{up}">Home</a></header>
    <div class="md-content" data-md-component="content">
      <article class="md-content__inner md-typeset">
        <h1 id="about">About us</h1>
        <article class="event"><p>See the <a href="{up}history/">history</a> and <a href="#about">the top</a>.</p></article>
        <!-- an </article> in a comment is not the end -->
      </article>
    </div>
    <footer class="md-footer"><a href="{up}sources/">Sources</a></footer>
    <script id="__config" type="application/json">{{"base": "{up}"}}</script>
    <script src="{up}assets/javascripts/bundle.js" defer></script>
    <script src="{up}assets/js/explainer.js" defer></script>
    <script src="{up}assets/components/embeds/embed-this.js" defer></script>
    <script src="{up}assets/components/timeline/timeline.js" defer></script>
  </body>
</html>
"""


def page(up: str = "../", canonical: str = "https://example.org/site/about/") -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return PAGE.format(up=up, canonical=link, site=SITE_NAME)


def settings(tmp_path: Path, *, site_url: str = "https://example.org/site/", directory_urls: bool = True) -> Settings:
    return Settings(config_file=tmp_path / "mkdocs.yml", project_dir=ROOT, data_dir=ROOT / "data",
                    docs_dir=ROOT / "docs", site_name=SITE_NAME, site_url=site_url,
                    use_directory_urls=directory_urls, build_date=datetime.date(2023, 11, 14))


def built_site(tmp_path: Path, files: dict[str, str]) -> Path:
    site = tmp_path / "site"
    for path, text in files.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    return site


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


# --- Page embeds ------------------------------------------------------------------------------------

def test_a_page_embed_is_the_article_with_the_pages_own_styles_and_our_scripts(tmp_path):
    site = built_site(tmp_path, {"about/index.html": page()})
    assert pe.write_page_embeds(site, settings(tmp_path)) == ["about/embed.html"]
    embed = (site / "about" / "embed.html").read_text(encoding="utf-8")
    assert "md-header" not in embed and "md-footer" not in embed and "__md_" not in embed and "__config" not in embed
    assert '<h1 id="about">About us</h1>' in embed and "<!-- an </article> in a comment is not the end -->" in embed
    assert re.findall(r'<link rel="stylesheet" href="([^"]+)">', embed) == [
        "../assets/stylesheets/main.css", "../assets/components/embeds/embed.css"]  # not another host's
    assert re.findall(r'<script src="([^"]+)"', embed) == [
        "../assets/js/explainer.js", "../assets/components/timeline/timeline.js", "../assets/components/embeds/embed.js"]
    assert '<meta name="robots" content="noindex">' in embed
    assert '<link rel="canonical" href="https://example.org/site/about/">' in embed
    assert '<meta name="description" content="Embeddable view. Who we are &amp; why">' in embed
    assert f"<title>About us (embedded view) - {SITE_NAME}</title>" in embed
    assert '<link rel="icon" href="../assets/images/favicon.png">' in embed and '<html lang="en" class="embed-view">' in embed
    # Links that leave the view open in the whole window; a link within it stays in the frame.
    assert '<a href="../history/" target="_top">history</a>' in embed and '<a href="#about">the top</a>' in embed
    assert '<a href="./" target="_top">open the full page</a>' in embed


def test_the_page_gets_its_embed_this_control_in_its_reuse_area_at_the_end_of_its_article(tmp_path):
    site = built_site(tmp_path, {"about/index.html": page()})
    pe.write_page_embeds(site, settings(tmp_path))
    text = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert text.count("data-embed-this") == 1
    area = text[text.index('<section class="reuse"'):]
    control = area[area.index('<details class="embed-this"'):]
    assert area.index(control) < area.index("</section>") < area.index("</article>")
    assert control.index("</details>") < control.index("</section>")
    assert area.split("</article>", 1)[1].lstrip().startswith('</div>\n    <footer class="md-footer">')
    assert "https://example.org/site/about/embed.html" in control and "About us - Fixture site" in control
    assert "data-embed-this" not in (site / "about" / "embed.html").read_text(encoding="utf-8")


def test_running_it_again_changes_nothing(tmp_path):
    site = built_site(tmp_path, {"about/index.html": page(), "index.html": page(up="", canonical="")})
    pe.write_page_embeds(site, settings(tmp_path))
    once = files_of(site)
    pe.write_page_embeds(site, settings(tmp_path))
    assert files_of(site) == once


def test_without_a_site_url_the_canonical_link_is_relative(tmp_path):
    site = built_site(tmp_path, {"index.html": page(up="", canonical="")})
    pe.write_page_embeds(site, settings(tmp_path, site_url=""))
    embed = (site / "embed.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="./">' in embed and 'src="assets/components/embeds/embed.js"' in embed
    assert 'data-embed-src="embed.html"' in (site / "index.html").read_text(encoding="utf-8")


def test_offline_embeds_are_named_after_their_page(tmp_path):
    site = built_site(tmp_path, {"about.html": page(up="", canonical=""), "typologies/compare.html": page()})
    assert pe.write_page_embeds(site, settings(tmp_path, site_url="", directory_urls=False)) == [
        "about.embed.html", "typologies/compare.embed.html"]
    assert '<a href="about.html" target="_top">open the full page</a>' in (site / "about.embed.html").read_text(
        encoding="utf-8")


def test_only_site_pages_get_an_embed(tmp_path):
    site = built_site(tmp_path, {"404.html": page(up=""), "embed/timeline/index.html": page(up="../../"),
                                 "plain.html": "<!doctype html><p>No article here</p>"})
    assert pe.write_page_embeds(site, settings(tmp_path)) == []
    assert "data-embed-this" not in (site / "404.html").read_text(encoding="utf-8")


def test_a_page_whose_article_never_closes_is_refused(tmp_path):
    with pytest.raises(pe.PageShapeError, match="broken.html: the page's <article> is never closed"):
        pe.read_page("broken.html", page().replace("      </article>\n    </div>", "    </div>"), SITE_NAME)


def test_component_embeds_get_framed_links(tmp_path):
    site = built_site(tmp_path, {"embed/timeline/index.html": '<a href="../../history/">h</a> <a href="#e">e</a>'})
    frame_component_embeds(site)
    assert (site / "embed/timeline/index.html").read_text(encoding="utf-8") == (
        '<a href="../../history/" target="_top">h</a> <a href="#e">e</a>')


# --- Files the pages name ---------------------------------------------------------------------------

def test_publish_writes_each_file_and_refuses_a_path_outside_the_site(tmp_path):
    publish(tmp_path, {"assets/components/x/x.js": b"x()", "top.txt": b"t"})
    assert (tmp_path / "assets/components/x/x.js").read_bytes() == b"x()" and (tmp_path / "top.txt").is_file()
    for path in ("../outside.txt", "/etc/x"):
        with pytest.raises(ValueError, match="not a path inside the site"):
            publish(tmp_path, {path: b""})


def test_a_councils_logo_and_colours(tmp_path):
    council = Settings.from_config(read_config(HARBOURSIDE / "mkdocs.yml", {}), HARBOURSIDE / "mkdocs.yml", {}).council
    files = council_files(council)
    assert set(files) == {"assets/council/logo.svg", "assets/council/colours.css"}
    assert files["assets/council/logo.svg"] == (HARBOURSIDE / "logo.svg").read_bytes()
    assert b"--md-primary-fg-color: #1d4f6e;" in files["assets/council/colours.css"]


# --- The whole step ---------------------------------------------------------------------------------

def test_run_does_every_step_on_a_built_folder(tmp_path, content):
    site = built_site(tmp_path, {"index.html": page(up="", canonical=""), "about/index.html": page()})
    source = tmp_path / "fixture.js"
    source.write_text("register('fixture', () => {})", encoding="utf-8")
    run(site, settings(tmp_path), content=content, assets={"assets/components/fixture/fixture.js": source})
    assert (site / "assets/components/fixture/fixture.js").read_bytes() == b"register('fixture',()=>{})"  # minified
    assert (site / "data/timeline.json").is_file() and (site / "data/README.txt").is_file()
    assert (site / "embed.html").is_file() and (site / "about/embed.html").is_file()
    policy = (site / "csp.txt").read_text(encoding="utf-8")
    assert policy.startswith("default-src 'none'; script-src 'self' 'sha256-") and policy.endswith("\n")
    assert not (site / "assets/council").exists()


def test_markup_no_policy_can_allow_stops_the_step_with_one_message(tmp_path, content):
    site = built_site(tmp_path, {"about/index.html": page().replace("<h1 ", '<h1 onclick="go()" ')})
    with pytest.raises(PostBuildError, match=r"without 'unsafe-inline': about/(embed|index).html: line \d+: inline event "
                                             r"handler onclick= on <h1>"):
        run(site, settings(tmp_path), content=content, assets={})


# --- The command line -------------------------------------------------------------------------------

def test_the_command_line(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("DATA_DIR", raising=False)
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: {SITE_NAME}\ndocs_dir: {ROOT / 'docs'}\n", encoding="utf-8")
    site = built_site(tmp_path, {"index.html": page(up="", canonical="")})
    assert main([str(site), "-f", str(config)]) == 0
    assert (site / "csp.txt").is_file() and (site / "data/sources.csv").is_file() and (site / "embed.html").is_file()

    assert main([str(tmp_path / "nowhere"), "-f", str(config)]) == 1
    assert "not a built site (it has no index.html)" in capsys.readouterr().err

    config.write_text(f"site_name: X\ndocs_dir: {ROOT / 'docs'}\nextra:\n  council:\n    name: Y\n"
                      "    colours: {primary: '#66aacc'}\n", encoding="utf-8")
    assert main([str(site), "-f", str(config)]) == 1
    err = capsys.readouterr().err
    assert "The council settings have 1 problem" in err and "Traceback" not in err

    assert main([str(site), "-f", str(tmp_path / "missing.yml")]) == 1
    assert "missing.yml: cannot read the config file" in capsys.readouterr().err


def test_the_command_line_prints_the_policy_and_changes_nothing(tmp_path, capsys):
    site = built_site(tmp_path, {"index.html": page(up="", canonical="")})
    before = files_of(site)
    assert main(["--csp", str(site)]) == 0
    assert capsys.readouterr().out.startswith("default-src 'none'; script-src 'self' 'sha256-")
    assert files_of(site) == before
    (site / "index.html").write_text('<a href="javascript:go()">x</a>', encoding="utf-8")
    assert main(["--csp", str(site)]) == 1
    assert "index.html: line 1: javascript: URL in href= on <a>" in capsys.readouterr().err
