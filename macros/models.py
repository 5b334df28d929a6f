"""Typed records for every collection. Plain dataclasses: no I/O, no mkdocs, nothing of ours."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_EXACT = re.compile(r"^\d{4}(-\d{2}){0,2}$")


@dataclass(frozen=True)
class FuzzyDate:
    """A span of possible dates. `exact` is true only when the source gives a single day, month or year."""

    text: str
    start: tuple[int, int, int]
    end: tuple[int, int, int]
    exact: bool
    label: str

    @property
    def start_year(self) -> int:
        return self.start[0]

    @property
    def end_year(self) -> int:
        return self.end[0]

    @property
    def iso(self) -> str:
        """A valid value for <time datetime>: the date itself when exact, else its earliest year."""
        return self.text if _EXACT.match(self.text) else f"{self.start[0]:04d}"


@dataclass(frozen=True)
class Source:
    id: str
    kind: str
    authors: tuple[str, ...]
    title: str
    year: int | None = None
    date: FuzzyDate | None = None
    container: str | None = None
    details: str | None = None
    publisher: str | None = None
    place: str | None = None
    url: str | None = None
    url_status: str | None = None  # historical, current, moved or dead (see data/README.md)
    moved_to: str | None = None  # with url_status 'moved': where url now redirects
    archive_url: str | None = None  # an archived copy of url, where one is known
    checked: FuzzyDate | None = None  # the day url was last checked
    people: tuple[str, ...] = ()
    cited_in: tuple[str, ...] = ()
    seed: bool = False
    note: str | None = None
    local: bool = False  # from a council's local data folder, not the national data


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    sort_name: str
    role: str
    bio: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Era:
    id: str
    title: str
    start: int
    end: int
    summary: str


@dataclass(frozen=True)
class VocabularyTerm:
    """An entry in a closed vocabulary: a timeline theme or a definition emphasis."""

    id: str
    label: str
    description: str


@dataclass(frozen=True)
class Event:
    id: str
    date: FuzzyDate
    title: str
    summary: str
    people: tuple[str, ...]
    sources: tuple[str, ...]
    themes: tuple[str, ...]
    era: str
    date_note: str | None = None
    milestone: bool = False  # named on the time axis, by its short_title
    short_title: str | None = None
    local: bool = False


@dataclass(frozen=True)
class Definition:
    id: str
    label: str
    text: str
    attribution: str
    source: str
    gloss: str
    emphases: tuple[str, ...]
    people: tuple[str, ...] = ()
    via: str | None = None
    locator: str | None = None
    year: int | None = None
    local: bool = False


@dataclass(frozen=True)
class Category:
    id: str
    typology: str
    name: str
    description: str
    quote: str | None = None
    quote_source: str | None = None

    @property
    def ref(self) -> str:
        return f"{self.typology}/{self.id}"


@dataclass(frozen=True)
class Typology:
    id: str
    name: str
    summary: str
    sources: tuple[str, ...]
    categories: tuple[Category, ...]
    people: tuple[str, ...] = ()


@dataclass(frozen=True)
class Case:
    id: str
    title: str
    place: str
    summary: str
    sources: tuple[str, ...]
    illustrates: tuple[str, ...]
    contrasts: tuple[str, ...] = ()
    date: FuzzyDate | None = None
    lesson: str | None = None
    quote: str | None = None
    quote_source: str | None = None
    people: tuple[str, ...] = ()
    local: bool = False


@dataclass(frozen=True)
class GlossaryTerm:
    id: str
    term: str
    definition: str
    tooltip: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    see_also: tuple[str, ...] = ()
    local: bool = False


@dataclass(frozen=True)
class Statement:
    """One statement of the self-assessment, rated 1 to 5 under one of SCIE's six key features."""

    id: str
    feature: str  # 'scie-features/<category id>'
    text: str
    next_step: str
    sources: tuple[str, ...]
    cases: tuple[str, ...] = ()
    definitions: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    local: bool = False


@dataclass(frozen=True)
class ScalePoint:
    """One answer of the self-assessment's scale; `value` is None for "don't know"."""

    id: str
    label: str
    description: str
    value: int | None = None


@dataclass(frozen=True)
class Column:
    id: str
    label: str


@dataclass(frozen=True)
class Row:
    id: str
    label: str
    cells: tuple[str, ...]  # in column order
    sources: tuple[str, ...]
    glossary: str | None = None


@dataclass(frozen=True)
class Comparison:
    id: str
    title: str
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class CrosswalkCell:
    row: str  # a category ref, 'typology-id/category-id'
    column: str  # a typology id
    relation: str  # close | partial | none
    matches: tuple[str, ...]  # category refs in the column's typology
    reasoning: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Crosswalk:
    """A matrix: categories of one framework down the side, other frameworks across the top."""

    id: str
    title: str
    caption: str
    rows: tuple[str, ...]  # category refs
    columns: tuple[str, ...]  # typology ids
    cells: tuple[CrosswalkCell, ...]
    summary: str | None = None

    def cell(self, row: str, column: str) -> CrosswalkCell:
        return next(c for c in self.cells if c.row == row and c.column == column)


@dataclass(frozen=True)
class Choice:
    """An option of a single or multiple question, or a reason of a true-false one."""

    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class ClassifyItem:
    text: str
    answer: str  # a category ref in the question's scale
    feedback: str


@dataclass(frozen=True)
class SeeAlso:
    page: str  # a page key in render/links.py
    anchor: str | None = None


@dataclass(frozen=True)
class Question:
    """A check of understanding. `type` is single, multiple, true-false or classify.

    single and multiple use `prompt` and `options`; true-false uses `statement`, `answer` and `options`
    (its reasons); classify uses `prompt`, `scale` (a typology id) and `items`. `kind` is "scene" or "recall".
    """

    id: str
    type: str
    prompt: str
    see: SeeAlso
    sources: tuple[str, ...]
    options: tuple[Choice, ...] = ()
    answer: bool | None = None
    scale: str | None = None
    items: tuple[ClassifyItem, ...] = ()
    kind: str = "recall"  # "scene": a placement scene to apply a framework to; "recall": what a source says

    @property
    def correct(self) -> tuple[Choice, ...]:
        return tuple(o for o in self.options if o.correct)


@dataclass(frozen=True)
class ReflectionPrompt:
    id: str
    prompt: str


@dataclass(frozen=True)
class Timing:
    minutes: int
    activity: str


@dataclass(frozen=True)
class FacilitatorNotes:
    minutes: int
    timings: tuple[Timing, ...]
    discussion: tuple[str, ...]
    activity_title: str
    activity_steps: tuple[str, ...]
    activity_anchor: str | None = None  # the heading's old id, kept after a change of title


@dataclass(frozen=True)
class Module:
    """A module of the induction course; its page is docs/learn/<id>.md."""

    id: str
    title: str
    summary: str
    objectives: tuple[str, ...]
    key_points: tuple[str, ...]
    sources: tuple[str, ...]
    questions: tuple[Question, ...]
    reflection: tuple[ReflectionPrompt, ...]
    facilitator: FacilitatorNotes


@dataclass
class Content:
    """Every collection, keyed by id in file order, plus the reverse links pages need.

    Each collection's records are in the field named after it (its schema's top-level key); the field's type
    names the record's dataclass, which the loader fills in (macros/load.py).
    """

    sources: dict[str, Source] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    eras: dict[str, Era] = field(default_factory=dict)
    themes: dict[str, VocabularyTerm] = field(default_factory=dict)
    emphases: dict[str, VocabularyTerm] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    definitions: dict[str, Definition] = field(default_factory=dict)
    typologies: dict[str, Typology] = field(default_factory=dict)
    cases: dict[str, Case] = field(default_factory=dict)
    terms: dict[str, GlossaryTerm] = field(default_factory=dict)
    comparisons: dict[str, Comparison] = field(default_factory=dict)
    crosswalks: dict[str, Crosswalk] = field(default_factory=dict)
    modules: dict[str, Module] = field(default_factory=dict)  # the induction course, in course order
    statements: dict[str, Statement] = field(default_factory=dict)  # the self-assessment, in feature order
    scale_points: dict[str, ScalePoint] = field(default_factory=dict)
    # The registry the content was loaded with (a macros.collections.Collections): each collection's name,
    # file, description and fields. Typed loosely so these records need nothing of ours.
    collections: Any = field(default=None, repr=False, compare=False)
    # Each validated data file as read (collection name -> {top key: [records]}), for the open-data downloads.
    documents: dict[str, dict] = field(default_factory=dict, repr=False, compare=False)
    # A council's local data files as read (collection name -> document), published separately.
    local_documents: dict[str, dict] = field(default_factory=dict, repr=False, compare=False)
    # The council's name, shown on each local record ("Local · Harbourside Borough Council").
    local_name: str | None = None

    def counts(self) -> dict[str, int]:
        """How many records each collection holds, national and local together: the pages' `counts`."""
        return {c.name: len(getattr(self, c.name)) for c in self.collections or ()}

    @property
    def categories(self) -> dict[str, Category]:
        return {c.ref: c for t in self.typologies.values() for c in t.categories}

    def events_of(self, person_id: str) -> list[Event]:
        return [e for e in self.events.values() if person_id in e.people]

    def definitions_of(self, person_id: str) -> list[Definition]:
        return [d for d in self.definitions.values() if person_id in d.people]

    def cases_of(self, person_id: str) -> list[Case]:
        return [c for c in self.cases.values() if person_id in c.people]

    def sources_of(self, person_id: str) -> list[Source]:
        """Works by the person, then works that mention them, without repeats."""
        ids = [s.id for s in self.sources.values() if person_id in s.people]
        ids += [s for s in self.people[person_id].sources if s not in ids]
        return [self.sources[i] for i in ids]

    def cases_illustrating(self, category_ref: str) -> list[Case]:
        return [c for c in self.cases.values() if category_ref in c.illustrates]

    def cases_contrasting(self, category_ref: str) -> list[Case]:
        return [c for c in self.cases.values() if category_ref in c.contrasts]

    def events_in(self, era_id: str) -> list[Event]:
        return [e for e in self.events.values() if e.era == era_id]
