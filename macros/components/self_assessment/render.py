"""The self-assessment: a worksheet of statements under SCIE's six key features, rated from 1 to 5.

Complete HTML without JavaScript: each key feature is a fieldset, each statement a radio group, and each
statement says what to try if the team rates it low, with links to read more. It prints as a paper
worksheet. assess.js (beside it) keeps the answers in the browser and draws the results.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from macros.components.citations.render import cite
from macros.links import Links
from macros.local import badge
from macros.markup import inline, render
from macros.models import Content, ScalePoint, Statement

FEATURES = "scie-features"  # the framework whose categories group the statements (typologies.yml)
LEVELS = "levels"  # SCIE's descriptive, intermediate and transformative levels
STORAGE_KEY = "coproduction-explainer:self-assessment:v1"  # the one key assess.js keeps the answers under
DONT_KNOW = "dont-know"  # the radio value of the answer with no score


@dataclass(frozen=True)
class Rule:
    """Our reading of SCIE's levels, from the average scores (the page writes it out; assess.js applies it).

    Each feature's score is the average of its answered statements ("don't know" counts in none), and the
    project's is the average of the features' scores, so each feature weighs the same."""

    intermediate_from: float = 3.0  # below this: descriptive
    transformative_from: float = 4.0  # and at least `every_feature_from` in every feature
    every_feature_from: float = 3.0


RULE = Rule()


@dataclass(frozen=True)
class Scale:
    points: tuple[ScalePoint, ...]  # 1 to 5, in order
    dont_know: ScalePoint


class ScaleError(ValueError):
    """The scale's points are not 1 to 5 once each, plus one "don't know"."""


def scale(content: Content) -> Scale:
    points = sorted((p for p in content.scale_points.values() if p.value is not None), key=lambda p: p.value)
    unknown = [p for p in content.scale_points.values() if p.value is None]
    if [p.value for p in points] != [1, 2, 3, 4, 5] or len(unknown) != 1:
        raise ScaleError("data/self-assessment-scale.yml: the scale needs the values 1, 2, 3, 4 and 5 once each, "
                         "and one point with no value (\"don't know\")")
    return Scale(tuple(points), unknown[0])


def features(content: Content) -> list[tuple]:
    """[(category, [statements])] in the framework's order, each feature's national statements first."""
    typology = content.typologies[FEATURES]
    by_feature = {c.ref: [] for c in typology.categories}
    for statement in sorted(content.statements.values(), key=lambda s: s.local):
        by_feature[statement.feature].append(statement)
    return [(c, by_feature[c.ref]) for c in typology.categories if by_feature[c.ref]]


def _reading(statement: Statement, content: Content, links: Links) -> list[Markup]:
    """Links to the site's pages about the statement: its examples, definitions and glossary terms."""
    found = [Markup('<a href="{}">{}</a>').format(links.case(i), content.cases[i].title) for i in statement.cases]
    found += [Markup('<a href="{}">{}</a>').format(links.definition(i), f"Definition: {content.definitions[i].label}")
              for i in statement.definitions]
    found += [Markup('<a href="{}">{}</a>').format(links.term(i), content.terms[i].term) for i in statement.terms]
    return found


def worksheet(content: Content, links: Links, learning_log: bool = True) -> str:
    """The worksheet and its results area. `learning_log`: offer "Add this result to my learning log" (not in an
    embed, whose storage is the host page's, not the site's, so the site's learning log would never see it)."""
    the_scale = scale(content)
    views = []
    number = 0
    for category, statements in features(content):
        items = []
        for s in statements:
            number += 1
            items.append({"s": s, "number": number, "badge": badge(s, content), "next_step": inline(s.next_step),
                          "reading": _reading(s, content, links), "cite": cite(s.sources, content, links)})
        views.append({"category": category, "about": inline(category.description), "href": links.category(category.ref),
                      "statements": items})
    level_names = [c.name for c in content.typologies[LEVELS].categories]
    return render("self_assessment.html", features=views, scale=the_scale, total=number, key=STORAGE_KEY,
                  dont_know=DONT_KNOW, rule=RULE, level_names=level_names, page_href=links.page("self-assessment"),
                  log_href=links.page("learn-log") if learning_log else "")


def learning_log_entry(content: Content, links: Links) -> str:
    """The self-assessment's part of the learning log: the result a student last added (assess-log.js fills it
    in from the self-assessment's own key), or how to add one."""
    level_names = [c.name for c in content.typologies[LEVELS].categories]
    return render("self_assessment_log.html", features=[c for c, _ in features(content)], key=STORAGE_KEY,
                  level_names=level_names, href=links.page("self-assessment"))


def levels(content: Content, links: Links) -> str:
    """The rule that places the answers among SCIE's levels, written out, with its sources."""
    typology = content.typologies[LEVELS]
    return render("self_assessment_levels.html", rule=RULE, levels=typology.categories, href=links.typology(LEVELS),
                  cite=cite(typology.sources, content, links))
