"""The self-assessment (self-assessment.yml, self-assessment-scale.yml): how co-productive is a project, by SCIE's
six key features. A worksheet without JavaScript; assess.js keeps the answers and draws the results."""

from pathlib import Path

from macros.components.component import Component, Context, Macro
from macros.components.self_assessment import render


def self_assessment(ctx: Context) -> str:
    """The worksheet, with its results area, on docs/self-assessment.md."""
    return render.worksheet(ctx.content, ctx.links)


def self_assessment_levels(ctx: Context) -> str:
    """How the answers are placed among SCIE's levels, written out from the rule assess.js applies."""
    return render.levels(ctx.content, ctx.links)


COMPONENT = Component(
    "self_assessment", Path(__file__).parent,
    macros=(Macro("self_assessment", self_assessment), Macro("self_assessment_levels", self_assessment_levels,
                                                               scripts=())),
    scripts=("assess.js",), styles=("assess.css",), requires=("citations",))
