"""The self-assessment (self-assessment.yml, self-assessment-scale.yml): how co-productive is a project, by SCIE's
six key features. A worksheet without JavaScript; assess.js keeps the answers and draws the results."""

from pathlib import Path

from macros.components.component import Component, Context, Macro
from macros.components.embeds.render import Component as Embed
from macros.components.self_assessment import render


def self_assessment(ctx: Context) -> str:
    """The worksheet, with its results area, on docs/self-assessment.md."""
    in_embed = bool(ctx.page and ctx.page.meta.get("embed"))
    return render.worksheet(ctx.content, ctx.links, learning_log=not in_embed)


def self_assessment_log(ctx: Context) -> str:
    """The latest result a student added to their learning log (learn/log.md)."""
    return render.learning_log_entry(ctx.content, ctx.links)


def self_assessment_levels(ctx: Context) -> str:
    """How the answers are placed among SCIE's levels, written out from the rule assess.js applies."""
    return render.levels(ctx.content, ctx.links)


def embeds(content) -> list:
    """The worksheet with its results and the rule, at embed/self-assessment/. Besides the quizzes, the one embed
    that keeps anything: the answers, in the frame's own storage under assess.js's one key."""
    return [Embed("self-assessment", "Where does our project stand? A co-production self-assessment",
                  "the self-assessment",
                  "Rate your project against SCIE's six key features of co-production, and see your strengths and "
                  "next steps. Answers stay in the reader's browser.",
                  (("self_assessment", ()), ("self_assessment_levels", ())), "self-assessment.md", "", 1200)]


COMPONENT = Component(
    "self_assessment", Path(__file__).parent,
    macros=(Macro("self_assessment", self_assessment, scripts=("assess.js",)),
            Macro("self_assessment_levels", self_assessment_levels, scripts=()),
            Macro("self_assessment_log", self_assessment_log, scripts=("assess-log.js",))),
    scripts=("assess.js", "assess-log.js"), styles=("assess.css",), requires=("citations",), embeds=embeds)
