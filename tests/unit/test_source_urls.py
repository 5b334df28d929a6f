"""A source's web address and what we know of it (url_status, moved_to, archive_url, checked).

The data rules give one file:line:column line per problem; the rendering says each state in words,
and a dead address is never a live link.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from macros.components.citations import render as citations
from macros.dates import parse_date
from macros.links import Links
from macros.models import Source
from tests.unit.test_load_errors import data_copy, edit, line_of, problems  # noqa: F401  (fixture and helpers)

GUARDIAN = '    url: "http://www.guardian.co.uk/society/2008/jul/16/longtermcare"\n    url_status: historical\n'
OLD = "http://www.guardian.co.uk/society/2008/jul/16/longtermcare"
NEW = "https://www.theguardian.com/society/2008/jul/16/longtermcare"
ARCHIVE = "https://web.archive.org/web/2010/http://www.guardian.co.uk/society/2008/jul/16/longtermcare"


def with_fields(data_dir, fields: str) -> None:
    """Replace the Guardian source's url lines with `fields` (YAML lines at record indentation)."""
    edit(data_dir, "sources.yml", GUARDIAN, fields)


# --- The data rules ----------------------------------------------------------------------------------------


def test_every_state_with_its_fields_loads(data_copy):
    from macros.load import load_content

    with_fields(data_copy, f'    url: "{OLD}"\n    url_status: dead\n    checked: "2025-03-04"\n'
                           f'    archive_url: "{ARCHIVE}"\n')
    source = load_content(data_copy).sources["guardian-2008"]
    assert (source.url_status, source.archive_url, source.checked.text) == ("dead", ARCHIVE, "2025-03-04")


def test_an_unknown_url_status_lists_the_four(data_copy):
    edit(data_copy, "sources.yml", "url_status: historical\n    cited_in: [seed-p2p-foundation]\n    note: \"A summary",
         "url_status: gone\n    cited_in: [seed-p2p-foundation]\n    note: \"A summary")
    n = line_of(data_copy, "sources.yml", "url_status: gone")
    [line] = problems(data_copy)
    assert line == (f"data/sources.yml:{n}:17: source 'jrf-outside-paid-employment' field 'url_status': "
                    "expected one of: historical, current, moved, dead; got 'gone'")


def test_moved_needs_moved_to_and_checked(data_copy):
    with_fields(data_copy, f'    url: "{OLD}"\n    url_status: moved\n')
    n = line_of(data_copy, "sources.yml", "url_status: moved")
    assert problems(data_copy) == [
        f"data/sources.yml:{n}:17: source 'guardian-2008' field 'url_status': url_status 'moved' needs checked: "
        'the day you found it, as "YYYY-MM-DD"',
        f"data/sources.yml:{n}:17: source 'guardian-2008' field 'url_status': url_status 'moved' needs moved_to: "
        "the address url now redirects to",
    ]


def test_moved_to_only_with_moved(data_copy):
    with_fields(data_copy, f'    url: "{OLD}"\n    url_status: current\n    moved_to: "{NEW}"\n')
    n = line_of(data_copy, "sources.yml", "moved_to:")
    [line] = problems(data_copy)
    assert line == (f"data/sources.yml:{n}:5: source 'guardian-2008' field 'moved_to': moved_to is only for "
                    "url_status: moved (this source has 'current'); set url_status: moved or remove moved_to")


def test_dead_needs_the_day_it_was_checked(data_copy):
    with_fields(data_copy, f'    url: "{OLD}"\n    url_status: dead\n')
    [line] = problems(data_copy)
    assert "field 'url_status': url_status 'dead' needs checked: the day you found it" in line


@pytest.mark.parametrize("field, value", [
    ("url_status", "current"), ("archive_url", f'"{ARCHIVE}"'), ("moved_to", f'"{NEW}"'), ("checked", '"2025-03-04"'),
])
def test_address_fields_need_a_url(data_copy, field, value):
    with_fields(data_copy, f"    {field}: {value}\n")
    lines = (data_copy / "sources.yml").read_text(encoding="utf-8").splitlines()
    start = line_of(data_copy, "sources.yml", "id: guardian-2008")
    n = next(i for i, line in enumerate(lines, 1) if i > start and line.startswith(f"    {field}: "))
    found = problems(data_copy)
    assert (f"data/sources.yml:{n}:5: source 'guardian-2008' field '{field}': '{field}' describes the source's "
            f"web address, but it has no url; add url or remove {field}") in found


@pytest.mark.parametrize("status, message", [
    ("historical", "url_status 'historical' means the address has not been checked; "
                   "set url_status to current, moved or dead"),
    (None, "checked needs a url_status saying what the check found; set url_status to current, moved or dead"),
])
def test_checked_says_what_the_check_found(data_copy, status, message):
    status_line = f"    url_status: {status}\n" if status else ""
    with_fields(data_copy, f'    url: "{OLD}"\n{status_line}    checked: "2025-03-04"\n')
    n = line_of(data_copy, "sources.yml", "checked:")
    [line] = problems(data_copy)
    assert line == f"data/sources.yml:{n}:5: source 'guardian-2008' field 'checked': {message}"


@pytest.mark.parametrize("value, message", [
    ('"2025-02-30"', "'2025-02-30' is not a real day: February 2025 has 28 days"),
    ('"March 2025"', "'March 2025' is not in the right form. A day as 'YYYY-MM-DD', e.g. '2025-03-04', in quotes."),
    ("2025-03-04", "expected text, got the date 2025-03-04 (put dates and numbers meant as text in quotes)"),
])
def test_checked_is_a_real_day_in_quotes(data_copy, value, message):
    with_fields(data_copy, f'    url: "{OLD}"\n    url_status: current\n    checked: {value}\n')
    [line] = problems(data_copy)
    assert "source 'guardian-2008' field 'checked': " + message in line


def test_archive_is_another_address(data_copy):
    with_fields(data_copy, f'    url: "{OLD}"\n    url_status: historical\n    archive_url: "{OLD}"\n')
    [line] = problems(data_copy)
    assert line.endswith("field 'archive_url': archive_url is the same address as url; "
                         "give the other address or remove archive_url")


# --- What readers see --------------------------------------------------------------------------------------

CHECKED = parse_date("2025-03-04")
BASE = Source("s", "web-page", ("Guardian",), "Long-term care", year=2008, url=OLD)


def reference(**fields) -> str:
    return str(citations.harvard(dataclasses.replace(BASE, **fields)))


def hrefs(html: str) -> list[str]:
    return re.findall(r'<a href="([^"]+)"', html)


def test_no_status_is_a_plain_link():
    html = reference()
    assert html.endswith(f' Available at: <a href="{OLD}" rel="nofollow noopener">{OLD}</a>.')


def test_current_links_and_says_when_it_was_accessed():
    html = reference(url_status="current", checked=CHECKED)
    assert html.endswith(f' Available at: <a href="{OLD}" rel="nofollow noopener">{OLD}</a> (Accessed: 4 March 2025).')


def test_historical_keeps_its_warning():
    html = reference(url_status="historical")
    assert hrefs(html) == [OLD]
    assert html.endswith('<span class="url-status">(address as recorded in the sources; it may no longer work)</span>.')


def test_moved_links_the_new_address_and_names_the_old():
    html = reference(url_status="moved", moved_to=NEW, checked=CHECKED)
    assert hrefs(html) == [NEW]
    assert html.endswith(
        f' Available at: <a href="{NEW}" rel="nofollow noopener">{NEW}</a> <span class="url-status">(moved from the '
        f'address recorded in the sources, <span class="url-text">{OLD}</span>; checked 4 March 2025)</span>.')


def test_dead_is_text_not_a_link_and_links_the_archive():
    html = reference(url_status="dead", checked=CHECKED, archive_url=ARCHIVE)
    assert hrefs(html) == [ARCHIVE]
    assert html.endswith(
        f' Formerly available at: <span class="url-text">{OLD}</span> <span class="url-status">(no longer online; '
        f'checked 4 March 2025)</span>. Archived copy: <a href="{ARCHIVE}" rel="nofollow noopener">{ARCHIVE}</a>.')


def test_dead_without_an_archive_says_so():
    html = reference(url_status="dead", checked=CHECKED)
    assert hrefs(html) == []
    assert "no longer online" in html and "No archived copy is known." in html


def test_an_archive_is_offered_beside_a_live_address_too():
    html = reference(url_status="historical", archive_url=ARCHIVE)
    assert hrefs(html) == [OLD, ARCHIVE]


def test_the_preview_text_says_the_state_in_words():
    text = citations.reference_text(dataclasses.replace(BASE, url_status="dead", checked=CHECKED, archive_url=ARCHIVE))
    assert text.endswith(f"Formerly available at: {OLD} (no longer online; checked 4 March 2025). "
                         f"Archived copy: {ARCHIVE}.")


def test_addresses_are_escaped():
    html = reference(url="https://example.org/?a=1&b=<2>", url_status="dead", checked=CHECKED)
    assert "https://example.org/?a=1&amp;b=&lt;2&gt;" in html and "<2>" not in html


def test_the_bibliography_shows_each_state(content):
    sources = {
        "dead-one": dataclasses.replace(BASE, id="dead-one", url_status="dead", checked=CHECKED, archive_url=ARCHIVE),
        "moved-one": dataclasses.replace(BASE, id="moved-one", url_status="moved", moved_to=NEW, checked=CHECKED),
    }
    html = citations.bibliography(dataclasses.replace(content, sources={**content.sources, **sources}),
                                  Links.for_page("sources/"))
    dead = html.split('id="dead-one"', 1)[1].split("</li>", 1)[0]
    moved = html.split('id="moved-one"', 1)[1].split("</li>", 1)[0]
    assert "no longer online" in dead and hrefs(dead) == [ARCHIVE]
    assert "moved from the address recorded in the sources" in moved and hrefs(moved) == [NEW]
