"""The History page's compact timeline and the era pages that hold each event in full.

Checked without mkdocs: every era has its page (docs/history/<era id>.md) and every such page names a real
era; the compact entries keep what timeline.js and old links need, and link to the full record.
"""

from __future__ import annotations

import re
from pathlib import Path

from macros.components.timeline import render as timeline
from macros.links import Links

ROOT = Path(__file__).resolve().parents[2]
ERA_DIR = ROOT / "docs" / timeline.ERA_PAGES
HISTORY = Links.for_page("history/")
_CALL = re.compile(r"\{\{\s*era_page\(\s*(['\"])([^'\"]*)\1\s*\)\s*\}\}")


def test_every_era_has_its_page_and_every_era_page_names_a_real_era(content):
    missing = [e for e in content.eras if not (ERA_DIR / f"{e}.md").is_file()]
    assert not missing, "\n".join(
        f"era '{e}' has no page: add docs/history/{e}.md holding the one line {{{{ era_page('{e}') }}}}"
        for e in missing)
    for page in sorted(ERA_DIR.glob("*.md")):
        called = [m.group(2) for m in _CALL.finditer(page.read_text(encoding="utf-8"))]
        assert called == [page.stem], (
            f"docs/history/{page.name} should hold the one line {{{{ era_page('{page.stem}') }}}}"
            + ("" if page.stem in content.eras else
               f"; but there is no era '{page.stem}' in data/eras.yml: rename or delete the file"))


def test_compact_entries_keep_the_ids_and_link_to_the_full_record(content):
    html = timeline.timeline(content, HISTORY, compact=True)
    for event in content.events.values():
        assert f'<h3 id="{event.id}" class="event-title">' in html
        assert f'id="{event.id}-details"' in html
        assert f'href="../history/{event.era}/#{event.id}"' in html, f"{event.id} does not link to its era's page"
    assert "cite-link" not in html, "citations are given on the era pages, at each event's one address"
    assert "event-meta" not in html
    for era in content.eras.values():
        assert f'href="../history/{era.id}/"' in html


def test_era_page_shows_each_event_in_full_with_its_citation(content):
    era = next(iter(content.eras.values()))
    links = Links.for_page(f"history/{era.id}/")
    html = timeline.era_page(era.id, content, links)
    assert html.startswith(f"# {era.title}")
    events = content.events_in(era.id)
    assert events
    for event in events:
        assert f'<h2 id="{event.id}" class="event-title">' in html
        assert f'data-cite-href="#{event.id}"' in html, "Cite this gives the event's address on this page"
        assert f'href="#cite-{event.id}"' in html, "and links to its citation in the Reuse area"
    others = [e for e in content.events.values() if e.era != era.id]
    assert not any(f'id="{e.id}"' in html for e in others)
    assert html.count('class="cite-link"') == len(events)
    second = list(content.eras.values())[1]
    assert f'href="../../history/{second.id}/"' in html and 'href="../../history/"' in html


def test_era_guide_lists_every_era_with_its_page_and_count(content):
    html = timeline.era_guide(content, HISTORY)
    for era in content.eras.values():
        count = len(content.events_in(era.id))
        assert f'<a href="../history/{era.id}/">' in html
        assert f"{count} event{'' if count == 1 else 's'})" in html


def test_era_pages_work_without_directory_urls(content):
    era = next(iter(content.eras))
    html = timeline.timeline(content, Links.for_page("history.html", directory_urls=False), compact=True)
    assert f'href="history/{era}.html#' in html
