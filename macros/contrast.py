"""Colour contrast arithmetic (WCAG 2.x): parse a colour, measure a ratio, find a passing shade.

Pure: no mkdocs, no I/O. Used by the council colour check (macros/council.py).
"""

from __future__ import annotations

import re

Rgb = tuple[int, int, int]

WHITE: Rgb = (255, 255, 255)
BLACK: Rgb = (0, 0, 0)
# material's "slate" (dark) page background: hsla(225deg, 15%, 14%, 1).
SLATE_BACKGROUND: Rgb = (30, 33, 41)
AA_TEXT = 4.5  # WCAG 2.x success criterion 1.4.3, normal-size text

_HEX = re.compile(r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


class ColourError(ValueError):
    """Text that is not a colour this site understands."""


def parse(text: object) -> Rgb:
    """'#1d4f6e' or '#fff' as (r, g, b). Anything else raises ColourError."""
    if not isinstance(text, str) or not _HEX.match(text.strip()):
        raise ColourError(f"{text!r} is not a colour; write it as a hex code such as \"#1d4f6e\" (in quotes)")
    digits = text.strip()[1:]
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return tuple(int(digits[i:i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


def to_hex(rgb: Rgb) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(rgb: Rgb) -> float:
    """Relative luminance, 0 (black) to 1 (white)."""
    r, g, b = (_channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: Rgb, b: Rgb) -> float:
    """The contrast ratio between two colours, 1 to 21, whichever is lighter."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(rgb: Rgb, other: Rgb, amount: float) -> Rgb:
    """`amount` (0 to 1) of the way from rgb towards other."""
    return tuple(round(c + (o - c) * amount) for c, o in zip(rgb, other))  # type: ignore[return-value]


def shade_to_pass(colour: Rgb, against: Rgb, needed: float = AA_TEXT) -> Rgb:
    """The nearest shade of `colour` that reaches `needed` against `against`.

    It darkens towards black when `against` is light, and lightens towards white when it is dark, in
    1% steps, so the suggestion stays recognisably the same hue.
    """
    if ratio(colour, against) >= needed:
        return colour
    target = BLACK if luminance(against) > 0.18 else WHITE
    for step in range(1, 101):
        candidate = mix(colour, target, step / 100)
        if ratio(candidate, against) >= needed:
            return candidate
    return target


def format_ratio(value: float) -> str:
    """Rounded down, so a ratio shown as 4.5:1 really does pass."""
    return f"{int(value * 100) / 100:.2f}:1"
