"""A council's own name, logo, colours and local data: the `extra.council` block of its config.

Pure: the block and the path of the config file in, a checked Council (or every problem, in one
CouncilError) out, plus the stylesheet for its colours. macros/site.py reads it once per build into the
build's Settings; the post-build step (macros/postbuild/) writes the logo and stylesheet into the site.

mkdocs does not resolve paths under `extra`, so they are resolved here, relative to the council's
config file, wherever it sits.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from macros import contrast as c
from macros.errors import SettingsError

KEYS = ("name", "logo", "colours", "data")
COLOUR_KEYS = ("primary", "accent", "link_dark", "accent_dark")
LOGO_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".webp")
ASSET_FOLDER = "assets/council"  # in the built site

# Where material uses each colour, so a message can say why a colour fails. Each pair is text on a
# background; every pair needs AA_TEXT (4.5:1).
USES = {
    "primary": "the header background behind white text, the 'Local' badges and the link colour on the white page",
    "accent": "links under the pointer or keyboard focus on the white page, and the background of a hovered button behind white text",
    "link_dark": "the link colour on the dark (slate) page",
    "accent_dark": "links under the pointer or keyboard focus on the dark (slate) page",
}


class CouncilError(SettingsError):
    """Every problem found in a council's settings, one line each."""

    subject = "The council settings"
    advice = ("Fix each line above, then build again. See the README, \"Add your council's name, logo, "
              "colours and local examples\".")


@dataclass(frozen=True)
class Council:
    name: str
    config_file: Path
    logo: Path | None = None
    data: Path | None = None
    data_label: str = ""  # the data folder as shown in messages, e.g. 'examples/harbourside/data'
    primary: c.Rgb | None = None
    accent: c.Rgb | None = None
    link_dark: c.Rgb | None = None
    accent_dark: c.Rgb | None = None

    @property
    def logo_uri(self) -> str | None:
        """Where the logo is published in the built site."""
        return f"{ASSET_FOLDER}/logo{self.logo.suffix.lower()}" if self.logo else None

    @property
    def css_uri(self) -> str | None:
        return f"{ASSET_FOLDER}/colours.css" if self.primary or self.accent else None


def display(path: Path, root: Path | None = None) -> str:
    """A path as an editor would type it: relative to the project folder when inside it, with '/'."""
    root = Path(root or os.getcwd()).resolve()
    path = Path(path).resolve()
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def check_pair(colour: c.Rgb, background: c.Rgb, where: str, key: str, text: str, use: str) -> str | None:
    """A problem line when `colour` and `background` fall below AA, with a suggested passing shade."""
    measured = c.ratio(colour, background)
    if measured >= c.AA_TEXT:
        return None
    suggestion = c.to_hex(c.shade_to_pass(colour, background))
    direction = "darker" if c.luminance(background) > 0.18 else "lighter"
    return (f"{where}: {key}: \"{text}\" has a contrast ratio of {c.format_ratio(measured)} where it is used for "
            f"{use}; WCAG AA needs at least {c.AA_TEXT}:1 for text. Try \"{suggestion}\", the nearest {direction} "
            f"shade that passes.")


def read_council(extra: dict | None, config_file: str | os.PathLike, root: Path | None = None) -> Council | None:
    """The council named in `extra.council`, checked; None when the config has no council block."""
    block = (extra or {}).get("council")
    if block is None:
        return None
    config_file = Path(config_file).resolve()
    where = display(config_file, root)
    folder = config_file.parent
    problems: list[str] = []
    if not isinstance(block, dict):
        raise CouncilError([f"{where}: extra.council: expected a set of fields ({', '.join(KEYS)})"])
    for key in block:
        if key not in KEYS:
            problems.append(f"{where}: extra.council.{key}: not a known setting; expected one of: {', '.join(KEYS)}")
    name = block.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append(f"{where}: extra.council.name: the council's name is required, e.g. name: Harbourside Borough Council")
        name = ""
    logo = _path(block, "logo", folder, where, root, problems, want_dir=False)
    if logo and logo.suffix.lower() not in LOGO_TYPES:
        problems.append(f"{where}: extra.council.logo: '{display(logo, root)}' is not an image this site can use; "
                        f"use one of: {', '.join(LOGO_TYPES)}")
        logo = None
    data = _path(block, "data", folder, where, root, problems, want_dir=True)
    colours = _colours(block.get("colours"), where, problems)
    if problems:
        raise CouncilError(problems)
    return Council(name=name.strip(), config_file=config_file, logo=logo, data=data,
                   data_label=display(data, root) if data else "", **colours)


def _path(block, key, folder: Path, where, root, problems, *, want_dir: bool) -> Path | None:
    value = block.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{where}: extra.council.{key}: expected a path relative to {where}")
        return None
    path = (folder / value.strip()).resolve()
    kind = "folder" if want_dir else "file"
    if not (path.is_dir() if want_dir else path.is_file()):
        problems.append(f"{where}: extra.council.{key}: the {kind} '{display(path, root)}' does not exist "
                        f"(paths are relative to the folder of {where})")
        return None
    return path


def _colours(block, where: str, problems: list[str]) -> dict:
    found: dict[str, c.Rgb | None] = {key: None for key in COLOUR_KEYS}
    if block is None:
        return found
    if not isinstance(block, dict):
        problems.append(f"{where}: extra.council.colours: expected primary and accent, e.g. "
                        "colours: {primary: \"#1d4f6e\", accent: \"#8a3b12\"}")
        return found
    for key, text in block.items():
        if key not in COLOUR_KEYS:
            problems.append(f"{where}: extra.council.colours.{key}: not a known colour; expected one of: "
                            f"{', '.join(COLOUR_KEYS)}")
            continue
        try:
            found[key] = c.parse(text)
        except c.ColourError as err:
            problems.append(f"{where}: extra.council.colours.{key}: {err}")
            continue
        background = c.SLATE_BACKGROUND if key.endswith("_dark") else c.WHITE
        problem = check_pair(found[key], background, where, f"extra.council.colours.{key}", text.strip(), USES[key])
        if problem:
            problems.append(problem)
    return found


def dark_shades(council: Council) -> dict[str, c.Rgb]:
    """The colours used on the dark page: given ones, else the primary and accent lightened until they pass."""
    found = {}
    if council.primary:
        found["link"] = council.link_dark or c.shade_to_pass(council.primary, c.SLATE_BACKGROUND)
    if council.accent:
        found["accent"] = council.accent_dark or c.shade_to_pass(council.accent, c.SLATE_BACKGROUND)
    return found


def colour_css(council: Council) -> str:
    """The stylesheet that applies the council's colours, over docs/assets/explainer.css."""
    light, dark = [], []
    if council.primary:
        p = council.primary
        shades = [("--md-primary-fg-color", c.to_hex(p)),
                  ("--md-primary-fg-color--light", c.to_hex(c.mix(p, c.WHITE, 0.2))),
                  ("--md-primary-fg-color--dark", c.to_hex(c.mix(p, c.BLACK, 0.25)))]
        light += shades + [("--md-typeset-a-color", c.to_hex(p))]
        dark += shades + [("--md-typeset-a-color", c.to_hex(dark_shades(council)["link"]))]
    if council.accent:
        light += [("--md-accent-fg-color", c.to_hex(council.accent)),
                  ("--md-accent-fg-color--transparent", c.to_hex(council.accent) + "1a")]
        accent_dark = c.to_hex(dark_shades(council)["accent"])
        dark += [("--md-accent-fg-color", accent_dark), ("--md-accent-fg-color--transparent", accent_dark + "1a"),
                 # A hovered button is filled with the accent: its text takes the page colour, which passes.
                 ("--md-accent-bg-color", c.to_hex(c.SLATE_BACKGROUND))]

    def block(selector: str, pairs) -> str:
        return selector + " {\n" + "".join(f"  {name}: {value};\n" for name, value in pairs) + "}\n"

    return ("/* The council's colours (extra.council.colours), checked for WCAG AA contrast. "
            "Written by the post-build step (macros/postbuild/). */\n"
            + block(':root,\n[data-md-color-scheme="default"]', light)
            + block('[data-md-color-scheme="slate"]', dark))
