"""The induction course for placement students: overview, module intro, checks of understanding, reflection,
previous/next links, the learning log and the facilitator notes.

Everything is complete HTML without JavaScript: a question's <details> "Show the answer" holds the right
answer, the feedback for every option and the links to read more. learn.js (beside it) adds the
"Check answer" buttons, the live feedback, saved progress and the learning log on top.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from macros.components.citations.render import cite
from macros.links import Links
from macros.markup import md_heading, render, templates
from macros.models import Content, Module, Question

WORDS_PER_MINUTE = 200
TYPE_HINTS = {"single": "Choose one answer.", "multiple": "Choose every answer that applies.",
              "true-false": "Say whether the statement is true or false, then choose the reason.",
              "classify": "Choose a category for each example."}

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_TAG = re.compile(r"<[^>]+>")
_ATTR_LIST = re.compile(r"\{\s*[#.][^}]*\}")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")

# The one browser-storage key for a student's progress, written into every course element's data-learn-key
# (learn.js reads it there). A new shape of the stored data would take a new key (":v2").
STORAGE_KEY = "coproduction-explainer:learn:v1"
templates().globals["learn_key"] = STORAGE_KEY


def count_words(text: str) -> int:
    return len(_WORD.findall(text or ""))


def module_words(module: Module) -> int:
    """The words the course macros put on a module's page from course.yml (facilitator notes excluded)."""
    texts = [*module.objectives, *module.key_points, *(r.prompt for r in module.reflection)]
    for question in module.questions:
        texts.append(question.prompt)
        texts += [f"{o.text} {o.feedback}" for o in question.options]
        texts += [f"{i.text} {i.feedback}" for i in question.items]
    return sum(count_words(t) for t in texts)


def page_text(markdown: str) -> str:
    """A page's own words: no front matter, macro calls, HTML tags, attribute lists or link addresses."""
    text = _FRONT_MATTER.sub("", markdown or "")
    text = _ATTR_LIST.sub(" ", _TAG.sub(" ", _TEMPLATE.sub(" ", text)))
    return _LINK.sub(r"\1", text)


def page_words(markdown: str) -> int:
    return count_words(page_text(markdown))


def reading_minutes(module: Module, markdown: str = "") -> int:
    """Estimated minutes to read a module's page: every word of it at 200 a minute, rounded up, at least 1."""
    return max(1, math.ceil((page_words(markdown) + module_words(module)) / WORDS_PER_MINUTE))


def _minutes(n: int) -> str:
    return f"{n} minute{'s' if n != 1 else ''}"


def course_overview(content: Content, links: Links, pages: dict[str, str] | None = None) -> str:
    """The modules in order; `pages` holds each module page's Markdown ({module id: text}) for its reading time."""
    modules = [
        {"module": m, "number": n, "href": links.module(m.id), "questions": len(m.questions),
         "reading": _minutes(reading_minutes(m, (pages or {}).get(m.id, "")))}
        for n, m in enumerate(content.modules.values(), 1)]
    return render("course_overview.html", modules=modules, log=links.page("learn-log"))


def module_intro(module_id: str, content: Content, links: Links, markdown: str = "") -> str:
    module = content.modules[module_id]
    number = list(content.modules).index(module_id) + 1
    return render("course_intro.html", module=module, number=number, total=len(content.modules),
                  reading=_minutes(reading_minutes(module, markdown)))


def _question_view(question: Question, number: int, total: int, content: Content, links: Links,
                   titles: Mapping[str, str]) -> dict:
    see = links.page(question.see.page) + (f"#{question.see.anchor}" if question.see.anchor else "")
    view = {"q": question, "number": number, "total": total, "key": f"q-{question.id}",
            "hint": TYPE_HINTS[question.type], "see": see,
            "see_title": titles.get(question.see.page) or question.see.page,
            "sources": cite(question.sources, content, links)}
    if question.type == "classify":
        typology = content.typologies[question.scale]
        view["typology"] = typology
        view["typology_href"] = links.typology(typology.id)
        view["names"] = {c.ref: c.name for c in typology.categories}
    return view


def module_questions(module_id: str, content: Content, links: Links, reset: bool = True,
                     titles: Mapping[str, str] | None = None) -> str:
    """A module's questions. `titles` ({page key: the page's own title}) names the page each "Read more" links to."""
    """Every check of understanding of a module, with its progress line and (unless reset=False) the reset control."""
    module = content.modules[module_id]
    total = len(module.questions)
    questions = [_question_view(q, n, total, content, links, titles or {}) for n, q in enumerate(module.questions, 1)]
    return render("course_questions.html", module=module, questions=questions, reset=reset)


def module_reflection(module_id: str, content: Content, links: Links) -> str:
    module = content.modules[module_id]
    return render("course_reflection.html", module=module, log=links.page("learn-log"))


def module_next(module_id: str, content: Content, links: Links) -> str:
    ids = list(content.modules)
    at = ids.index(module_id)

    def entry(i: int) -> dict | None:
        if not 0 <= i < len(ids):
            return None
        return {"number": i + 1, "module": content.modules[ids[i]], "href": links.module(ids[i])}

    return render("course_next.html", previous=entry(at - 1), next=entry(at + 1), log=links.page("learn-log"),
                  overview=links.page("learn"))


def learning_log(content: Content, links: Links) -> str:
    modules = [{"module": m, "number": n, "href": links.module(m.id)}
               for n, m in enumerate(content.modules.values(), 1)]
    return render("course_log.html", modules=modules)


def progress_reset() -> str:
    return render("course_reset.html")


def facilitator_notes(module_id: str, content: Content, links: Links) -> str:
    """The session plan for supervisors: timings, discussion questions and an activity. Headings are Markdown
    so they reach the page's table of contents."""
    module = content.modules[module_id]
    notes = module.facilitator
    parts = [
        render("course_facilitator_intro.html", module=module, href=links.module(module.id), notes=notes,
               minutes=_minutes(notes.minutes)),
        "## Timings", render("course_facilitator_timings.html", notes=notes, module=module),
        "## Discussion questions", render("course_facilitator_discussion.html", notes=notes),
        f"## Activity: {md_heading(notes.activity_title)}"
        + (f" {{ #{notes.activity_anchor} }}" if notes.activity_anchor else ""), render("course_facilitator_activity.html", notes=notes),
    ]
    return "\n\n".join(parts)

