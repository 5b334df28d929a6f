"""The accessibility statement's settings (extra.owner) and the text they put on the page (macros/components/accessibility/render.py)."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from macros.components.accessibility import render as a
from tests.conftest import HARBOURSIDE, ROOT

WHERE = "councils/mytown/mkdocs.yml"


def owner_block(**changes) -> dict:
    block = {"name": "Mytown Council", "accessibility_contact": {"email": "access@mytown.example"},
             "response_days": 10, "statement_prepared": "2026-11-21", "statement_reviewed": "2026-12-01"}
    block.update(changes)
    return {key: value for key, value in block.items() if value is not ...}


def problems(extra) -> list[str]:
    with pytest.raises(a.OwnerError) as caught:
        a.read_owner(extra, WHERE)
    return caught.value.problems


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: None)


@pytest.mark.parametrize("config", [ROOT / "mkdocs.yml", HARBOURSIDE / "mkdocs.yml"], ids=["national", "harbourside"])
def test_the_shipped_settings_are_complete(config):
    extra = yaml.load(config.read_text(encoding="utf-8"), Loader=_Loader)["extra"]
    owner = a.read_owner(extra, config.name)
    assert owner.name and owner.response_days >= 1 and owner.reviewed >= owner.prepared


@pytest.mark.parametrize("base", ["mkdocs-council.yml", "mkdocs-council-offline.yml"])
def test_the_council_bases_blank_every_setting_so_none_is_inherited(base):
    """mkdocs merges extra from mkdocs.yml; a council that forgets a setting must not show the national one."""
    owner = yaml.load((ROOT / base).read_text(encoding="utf-8"), Loader=_Loader)["extra"]["owner"]
    assert owner == {key: None for key in a.KEYS}
    found = problems({"owner": owner})
    for key in a.KEYS:
        assert any(f"{WHERE}: extra.owner.{key}: missing; give " in p for p in found), key


def test_a_complete_block_reads():
    owner = a.read_owner({"owner": owner_block(statement_prepared=dt.date(2026, 11, 21))}, WHERE)
    assert owner == a.Owner(name="Mytown Council", contact=a.Contact(email="access@mytown.example"),
                            response_days=10, prepared=dt.date(2026, 11, 21), reviewed=dt.date(2026, 12, 1))


@pytest.mark.parametrize("extra, expected", [
    ({}, f"{WHERE}: extra.owner: missing"),
    ({"owner": "Mytown"}, f"{WHERE}: extra.owner: missing"),
    ({"owner": owner_block(name=...)}, f"{WHERE}: extra.owner.name: missing; give the name of the organisation"),
    ({"owner": owner_block(name="  ")}, f"{WHERE}: extra.owner.name: missing"),
    ({"owner": owner_block(name=["a"])}, f"{WHERE}: extra.owner.name: expected text"),
    ({"owner": owner_block(accessibility_contact=...)}, f"{WHERE}: extra.owner.accessibility_contact: missing"),
    ({"owner": owner_block(accessibility_contact={})},
     f"{WHERE}: extra.owner.accessibility_contact: has no email, phone, url or other"),
    ({"owner": owner_block(accessibility_contact="access@mytown.example")},
     f"{WHERE}: extra.owner.accessibility_contact: expected email, phone or url"),
    ({"owner": owner_block(accessibility_contact={"email": "not an address"})},
     f"{WHERE}: extra.owner.accessibility_contact.email: 'not an address' is not an email address"),
    ({"owner": owner_block(accessibility_contact={"phone": "call us"})},
     f"{WHERE}: extra.owner.accessibility_contact.phone: 'call us' is not a phone number"),
    ({"owner": owner_block(accessibility_contact={"url": "javascript:alert(1)"})},
     f"{WHERE}: extra.owner.accessibility_contact.url: 'javascript:alert(1)' is not a web address"),
    ({"owner": owner_block(accessibility_contact={"other": "<script>x</script>"})},
     f"{WHERE}: extra.owner.accessibility_contact.other: '<script>x</script>' is not a line of plain text"),
    ({"owner": owner_block(accessibility_contact={"other": "{{ config }}"})},
     f"{WHERE}: extra.owner.accessibility_contact.other: '{{{{ config }}}}' is not a line of plain text"),
    ({"owner": owner_block(accessibility_contact={"fax": "01632 960 000"})},
     f"{WHERE}: extra.owner.accessibility_contact.fax: not a known setting"),
    ({"owner": owner_block(response_days=...)}, f"{WHERE}: extra.owner.response_days: missing"),
    ({"owner": owner_block(response_days="ten")}, f"{WHERE}: extra.owner.response_days: 'ten' is not a number"),
    ({"owner": owner_block(response_days=0)}, f"{WHERE}: extra.owner.response_days: 0 is not a number"),
    ({"owner": owner_block(response_days=True)}, f"{WHERE}: extra.owner.response_days: True is not a number"),
    ({"owner": owner_block(statement_prepared=...)}, f"{WHERE}: extra.owner.statement_prepared: missing"),
    ({"owner": owner_block(statement_reviewed="1 December")},
     f"{WHERE}: extra.owner.statement_reviewed: '1 December' is not a day written as YYYY-MM-DD"),
    ({"owner": owner_block(statement_reviewed="2026-11-01")},
     f"{WHERE}: extra.owner.statement_reviewed: 2026-11-01 is before statement_prepared (2026-11-21)"),
    ({"owner": owner_block(phone="01632 960 123")}, f"{WHERE}: extra.owner.phone: not a known setting"),
])
def test_each_problem_is_one_line_naming_the_file_and_setting(extra, expected):
    found = problems(extra)
    assert any(p.startswith(expected) for p in found), found


def test_every_problem_is_reported_at_once_with_how_to_fix_it():
    error = pytest.raises(a.OwnerError, a.read_owner, {"owner": {"response_days": "x"}}, WHERE).value
    report = error.report()
    assert report.startswith("The accessibility statement settings have 5 problems; the site was not built:")
    assert "Fix each line above" in report and "examples/harbourside/mkdocs.yml" in report


@pytest.mark.parametrize("phone, href", [
    ("01632 960 123", "tel:+441632960123"),
    ("+44 (0)1632 960123", "tel:+441632960123"),
    ("+1 555-0100", "tel:+15550100"),
    ("999 123", "tel:999123"),
])
def test_phone_links(phone, href):
    assert a.tel_href(phone) == href


def test_dates_are_long_and_machine_readable():
    assert a.long_date(dt.date(2026, 12, 1)) == '<time datetime="2026-12-01">1 December 2026</time>'


@pytest.mark.parametrize("days, text", [(1, "1 working day"), (5, "5 working days")])
def test_response_time(days, text):
    owner = a.read_owner({"owner": owner_block(response_days=days)}, WHERE)
    assert a.response_time(owner) == text


def test_the_name_is_text_in_markdown_and_html():
    owner = a.read_owner({"owner": owner_block(name="St *Mary's* & <b>Town</b> [Council](http://x)")}, WHERE)
    shown = a.owner_name(owner)
    assert "<b>" not in shown and "&lt;b&gt;" in shown and "&amp;" in shown
    assert "\\*Mary's\\*" in shown and "\\[Council\\]\\(http://x\\)" in shown


def test_the_contact_list_links_each_way_and_escapes_the_text():
    contact = {"email": "access@mytown.example", "phone": "01632 960 123", "url": "https://mytown.example/a?b=1&c=2",
               "other": "write to Access & Inclusion, Town Hall"}
    html = a.contact_list(a.read_owner({"owner": owner_block(accessibility_contact=contact)}, WHERE))
    assert '<a href="mailto:access@mytown.example">access@mytown.example</a>' in html
    assert '<a href="tel:+441632960123">01632 960 123</a>' in html
    assert '<a href="https://mytown.example/a?b=1&amp;c=2">' in html
    assert "<li>write to Access &amp; Inclusion, Town Hall</li>" in html
    assert html.count("<li>") == 4 and "\n\n" not in html


def test_only_the_ways_given_are_listed():
    html = a.contact_list(a.read_owner({"owner": owner_block()}, WHERE))
    assert html.count("<li>") == 1 and "tel:" not in html


def test_the_page_macros():
    from macros.components.accessibility import COMPONENT
    from macros.components.component import Build, Context
    from macros.models import Content

    build = Build(Content(), site_name="Co-production explained: Mytown", pages={a.PAGE: ""},
                  config={"extra": {"owner": owner_block()}}, config_file=WHERE)
    build.states["accessibility"] = COMPONENT.prepare(build)
    shown = {m.name: m.function(Context(build)) for m in COMPONENT.macros}
    assert shown["site_title"] == "Co-production explained: Mytown"
    assert shown["site_owner"] == "Mytown Council"
    assert shown["response_time"] == "10 working days"
    assert shown["statement_prepared"] == '<time datetime="2026-11-21">21 November 2026</time>'
    assert shown["statement_reviewed"] == '<time datetime="2026-12-01">1 December 2026</time>'
    assert "mailto:access@mytown.example" in shown["accessibility_contact"]
