"""The printable handbook (learn/handbook.md): each module's prose from its page, its questions as a
worksheet, the answers and a short appendix."""

from pathlib import Path

from macros.components.component import Component, Context, Example, Macro, UnknownIdError
from macros.components.course import module, module_page
from macros.components.handbook import render


def module_prose(ctx: Context, module_id: str) -> str:
    """A module page's own prose, for the printable handbook (render.py says what is taken)."""
    try:
        prose = render.module_prose(module_page(ctx, module(ctx, module_id)), module_id)
    except render.ProseNotFound as err:
        raise UnknownIdError(str(err)) from None
    return render.prefix_ids(ctx.build.render_markdown(prose), f"handbook-{module_id}")


def handbook_intro(ctx: Context, module_id: str) -> str:
    """A module's heading, summary, objectives and key points, for the printable handbook."""
    return render.module_intro(module(ctx, module_id), ctx.content)


def handbook_questions(ctx: Context, module_id: str) -> str:
    """A module's questions as a worksheet to answer on paper; the answers are in the appendix."""
    return render.worksheet(module(ctx, module_id), ctx.content)


def handbook_part(ctx: Context, name: str) -> str:
    """The handbook's contents, or a part of its appendix: answers, terms, frameworks, definitions or sources."""
    if name not in render.PARTS:
        raise UnknownIdError(f"unknown handbook part {name!r}; expected one of: {', '.join(render.PARTS)}")
    pages = {m: module_page(ctx, m) for m in ctx.content.modules}
    return render.part(name, ctx.content, pages, ctx.links)


def build_date(ctx: Context) -> str:
    """The day the site was built, as '22 November 2026' (SOURCE_DATE_EPOCH when set)."""
    return ctx.build.build_day


COMPONENT = Component(
    "handbook", Path(__file__).parent,
    macros=(Macro("module_prose", module_prose, examples=(Example(("what-it-is",), "learn/handbook.md"),)), Macro("handbook_intro", handbook_intro, examples=(Example(("what-it-is",), "learn/handbook.md"),)),
            Macro("handbook_questions", handbook_questions, examples=(Example(("what-it-is",), "learn/handbook.md"),)), Macro("handbook_part", handbook_part, examples=(Example(("answers",), "learn/handbook.md"),)),
            Macro("build_date", build_date)),
    # Not the whole course: the page's reflections (module_reflection) bring its script and styles, and the
    # learning log's script is for the log's own page.
    styles=("handbook.css",), requires=("citations",))
