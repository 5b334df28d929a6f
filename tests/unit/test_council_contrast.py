"""The contrast arithmetic behind the council colour check (macros/contrast.py)."""

import pytest

from macros import contrast as c


def test_parse_accepts_six_and_three_digit_hex():
    assert c.parse("#1d4f6e") == (0x1D, 0x4F, 0x6E)
    assert c.parse("#FFF") == (255, 255, 255)
    assert c.to_hex((29, 79, 110)) == "#1d4f6e"


@pytest.mark.parametrize("bad", ["1d4f6e", "#12345", "#ggg000", "blue", "", None, 123, "rgb(0,0,0)"])
def test_parse_refuses_anything_else(bad):
    with pytest.raises(c.ColourError, match="is not a colour"):
        c.parse(bad)


def test_ratio_matches_the_wcag_reference_values():
    assert c.ratio(c.BLACK, c.WHITE) == pytest.approx(21.0)
    assert c.ratio(c.WHITE, c.WHITE) == pytest.approx(1.0)
    # #767676 is the lightest grey that passes AA on white; #777777 just fails.
    assert c.ratio(c.parse("#767676"), c.WHITE) == pytest.approx(4.54, abs=0.01)
    assert c.ratio(c.parse("#777777"), c.WHITE) < c.AA_TEXT
    assert c.ratio(c.WHITE, c.parse("#00545c")) == pytest.approx(8.67, abs=0.01)  # the site's own teal


def test_ratio_is_symmetric():
    a, b = c.parse("#8a3b12"), c.parse("#ffffff")
    assert c.ratio(a, b) == c.ratio(b, a)


def test_shade_to_pass_darkens_on_white_and_lightens_on_slate():
    pale = c.parse("#66aacc")
    darker = c.shade_to_pass(pale, c.WHITE)
    assert c.ratio(darker, c.WHITE) >= c.AA_TEXT
    assert c.luminance(darker) < c.luminance(pale)
    # The nearest: one 1% step less towards black would still fail.
    step = next(s for s in range(101) if c.mix(pale, c.BLACK, s / 100) == darker)
    assert c.ratio(c.mix(pale, c.BLACK, (step - 1) / 100), c.WHITE) < c.AA_TEXT
    dark = c.parse("#1d4f6e")
    lighter = c.shade_to_pass(dark, c.SLATE_BACKGROUND)
    assert c.ratio(lighter, c.SLATE_BACKGROUND) >= c.AA_TEXT
    assert c.luminance(lighter) > c.luminance(dark)


def test_a_passing_colour_is_left_alone():
    assert c.shade_to_pass(c.parse("#00545c"), c.WHITE) == c.parse("#00545c")


def test_format_ratio_rounds_down_so_a_shown_pass_is_a_pass():
    assert c.format_ratio(4.499) == "4.49:1"
    assert c.format_ratio(21) == "21.00:1"
