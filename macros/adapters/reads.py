"""Which collections each page reads, so that `mkdocs serve` rebuilds only the pages a data edit changes.

While a page's macros run, every collection they touch is noted against the page: a field of the Content
(`content.events`, and so also `content.events_of(...)`, which reads it), a count (`counts.events`, noted as
"#events", since a page that prints only how many events there are changes only when that number does), and
the state a component prepared before any page (its own reads count for every page that uses it). The notes
are kept between rebuilds (incremental.py) and compared with the collections that changed.
"""

from __future__ import annotations

import dataclasses

from macros.models import Content

COLLECTIONS = tuple(f.name for f in dataclasses.fields(Content) if f.compare and f.default_factory is dict)


class Reads:
    """The collections read by each page (by source path) and by each component's preparation."""

    def __init__(self):
        self.by_page: dict[str, set[str]] = {}
        self.by_state: dict[str, set[str]] = {}
        self.reader: str | None = None  # the page whose macros are running, or "state:<component>"

    def note(self, name: str) -> None:
        if self.reader is not None:
            self.by_page.setdefault(self.reader, set()).add(name)

    def note_state(self, component: str) -> None:
        for name in self.by_state.get(component, ()):
            self.note(name)

    def prepared(self, states: dict, component: str, prepare, build) -> None:
        """Run a component's preparation, noting what it reads under its name."""
        before, self.reader = self.reader, f"state:{component}"
        try:
            states[component] = prepare(build)
        finally:
            self.by_state[component] = self.by_page.pop(f"state:{component}", set())
            self.reader = before


reads = Reads()


class RecordedContent(Content):
    """The same Content, noting each collection read by the page being rendered."""

    def __getattribute__(self, name: str):
        if name in _NOTED:
            reads.note(name)
        return super().__getattribute__(name)


_NOTED = frozenset(COLLECTIONS) | {"local_name"}


def recorded(content: Content) -> RecordedContent:
    return RecordedContent(**{f.name: getattr(content, f.name) for f in dataclasses.fields(Content)})


class RecordedCounts(dict):
    """The pages' `counts`, noting "#<collection>" for each count a page prints."""

    def __getitem__(self, name):
        reads.note(f"#{name}")
        return super().__getitem__(name)


class RecordedStates(dict):
    """The components' prepared states: using one counts as reading what its preparation read."""

    def __getitem__(self, component):
        reads.note_state(component)
        return super().__getitem__(component)


def changed(old: Content, new: Content) -> set[str]:
    """The collections, and counts ("#name"), that differ between two loads of the data."""
    names = {name for name in _NOTED if getattr(old, name) != getattr(new, name)}
    return names | {f"#{name}" for name in COLLECTIONS if len(getattr(old, name)) != len(getattr(new, name))}
