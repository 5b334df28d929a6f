"""The accessibility statement's details, from the site's settings (extra.owner), checked once per build."""

from pathlib import Path

from macros.components.accessibility import render
from macros.components.component import Build, Component, Context, Macro
from macros.markup import md_heading


def owner(build: Build):
    """The checked owner block, wherever the statement is published (a SettingsError names what is wrong)."""
    if render.PAGE not in build.pages:
        return None
    return render.read_owner(build.config.get("extra"), build.config_file)


def _owner(ctx: Context):
    return ctx.state("accessibility")


COMPONENT = Component(
    "accessibility", Path(__file__).parent,
    macros=tuple(Macro(name, function) for name, function in (
        ("site_title", lambda ctx: md_heading(ctx.build.site_name)),
        ("site_owner", lambda ctx: render.owner_name(_owner(ctx))),
        ("accessibility_contact", lambda ctx: render.contact_list(_owner(ctx))),
        ("response_time", lambda ctx: render.response_time(_owner(ctx))),
        ("statement_prepared", lambda ctx: str(render.long_date(_owner(ctx).prepared))),
        ("statement_reviewed", lambda ctx: str(render.long_date(_owner(ctx).reviewed))),
    )),
    prepare=owner)
