"""The induction course (course.yml): modules, checks of understanding, reflection, the learning log and the
supervisors' session plans. learn.js adds the checking and progress, log.js the learning log."""

from pathlib import Path

import yaml

from macros.components.component import Build, Component, Context, Example, Macro
from macros.components.course import render
from macros.components.embeds.render import Component as Embed
from macros.links import PAGES


def page_titles(build: Build) -> dict[str, str]:
    """{page key: the title in the page's front matter}, for "Read more on <title>": typed once, on the page."""
    found = {}
    for key, src in PAGES.items():
        markdown = build.pages.get(src, "")
        if markdown.startswith("---\n") and "\n---" in markdown[3:]:
            meta = yaml.safe_load(markdown[4:markdown.index("\n---", 3)]) or {}
            if isinstance(meta, dict) and meta.get("title"):
                found[key] = str(meta["title"])
    return found


def module(ctx: Context, module_id: str) -> str:
    ctx.known("course module", [module_id], ctx.content.modules)
    return module_id


def module_page(ctx: Context, module_id: str) -> str:
    """A module page's own Markdown (docs/learn/<id>.md), or '' before it is written."""
    return ctx.build.pages.get(f"learn/{module_id}.md", "")


def course_overview(ctx: Context) -> str:
    """The modules in order, with summary, reading time and a link (learn/index.md)."""
    pages = {m: module_page(ctx, m) for m in ctx.content.modules}
    return render.course_overview(ctx.content, ctx.links, pages)


def module_intro(ctx: Context, module_id: str) -> str:
    """Objectives, estimated reading time and key points, at the top of a module's page."""
    markdown = module_page(ctx, module_id) or ctx.page_markdown
    return render.module_intro(module(ctx, module_id), ctx.content, ctx.links, markdown)


def module_questions(ctx: Context, module_id: str, reset: bool = True) -> str:
    """A module's checks of understanding, its progress line and (unless reset=False) "Reset my progress"."""
    return render.module_questions(module(ctx, module_id), ctx.content, ctx.links, reset=reset,
                                   titles=ctx.state("course"))


def module_reflection(ctx: Context, module_id: str) -> str:
    return render.module_reflection(module(ctx, module_id), ctx.content, ctx.links)


def module_next(ctx: Context, module_id: str) -> str:
    """Previous and next module, and the learning log."""
    return render.module_next(module(ctx, module_id), ctx.content, ctx.links)


def learning_log(ctx: Context) -> str:
    """The printable summary of the student's scores and reflections (learn/log.md), filled in by log.js."""
    return render.learning_log(ctx.content, ctx.links)


def facilitator_notes(ctx: Context, module_id: str) -> str:
    """Timings, discussion questions and an activity for a group session on a module."""
    return render.facilitator_notes(module(ctx, module_id), ctx.content, ctx.links)


def progress_reset(ctx: Context) -> str:
    """A "Reset my progress" control, for a page that wants one of its own."""
    return render.progress_reset()


def embeds(content) -> list:
    """A module's checks of understanding and reflection, at embed/quiz-<id>/. Progress is kept in the frame's
    own storage under learn.js's one key (the only thing any embed stores)."""
    return [Embed(f"quiz-{m.id}", f"Check your understanding: {m.title}", "these questions",
                  f"The questions and reflection of the module '{m.title}' of the induction course, ready to embed.",
                  (("module_questions", (m.id,)), ("module_reflection", (m.id,))), f"learn/{m.id}.md",
                  f"q-{m.questions[0].id}", 1200)
            for m in content.modules.values()]


# learn.js works the questions, reflections, progress lines and reset; log.js (after it) the learning log, so only
# the log's page loads it. The introduction, the previous/next links and the session plans need neither
# (Macro.scripts).
_LEARN, _LOG, _STATIC = {"scripts": ("learn.js",)}, {"scripts": ("learn.js", "log.js")}, {"scripts": ()}
_MODULE = (Example(("what-it-is",), "learn/what-it-is.md"),)

COMPONENT = Component(
    "course", Path(__file__).parent,
    macros=(Macro("course_overview", course_overview, **_LEARN), Macro("module_intro", module_intro, examples=_MODULE, **_STATIC),
            Macro("module_questions", module_questions, examples=_MODULE, **_LEARN), Macro("module_reflection", module_reflection, examples=_MODULE, **_LEARN),
            Macro("module_next", module_next, examples=_MODULE, **_STATIC), Macro("learning_log", learning_log, **_LOG),
            Macro("facilitator_notes", facilitator_notes, examples=_MODULE, **_STATIC), Macro("progress_reset", progress_reset, **_LEARN)),
    scripts=("learn.js", "log.js"), styles=("learn.css",), requires=("citations",), prepare=page_titles, embeds=embeds)
