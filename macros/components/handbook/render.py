"""The printable handbook (docs/learn/handbook.md): the whole course on paper, and a short appendix.

Each module prints its summary, objectives and key points, its own teaching prose taken from its page, its
questions as a worksheet and its reflection prompts. A module page (docs/learn/<id>.md) reads: front matter,
`# Title`, `{{ module_intro('<id>') }}`, the prose, then `## Check your understanding` with the questions, the
reflection and the links onward. The handbook needs only the prose between the intro and the questions.
Taking it from the page, rather than writing it twice, keeps one copy of every sentence.

Two things change on the way: headings go down one level (the handbook's module heading is a level 2),
and every id in the HTML the prose's macros produce gets the module's prefix, so that an id appears only
once in the handbook.

On paper a student cannot press "Check answer", so the questions print with lettered options, and the
answers, with the reason for every option, go to the appendix, out of sight while the student answers.
The appendix also holds what a reader on paper cannot follow a link to: the key terms and frameworks the
modules use, each definition in one line, and every source the handbook cites.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from macros.components.citations.render import harvard, in_text
from macros.components.course.render import page_text
from macros.links import Links
from macros.markup import inline, md_heading, render
from macros.models import Content, Module, Question

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_HEADING = re.compile(r"^(#{1,5}) ", re.M)
_ID_ATTRIBUTE = re.compile(r'\b(id|for|aria-labelledby|aria-describedby|aria-controls)="([^"]*)"')
_FRAGMENT_HREF = re.compile(r'\bhref="#([^"]+)"')
# A Markdown heading's own id, written with attr_list: `### SCIE: sharing power { #scie-share-power }`.
_HEADING_ID = re.compile(r"^(#{1,6} [^\n]*\{[^}\n]*?#)([A-Za-z][\w-]*)", re.M)


class ProseNotFound(ValueError):
    """The module page does not have the layout the handbook relies on."""


def module_prose(page_markdown: str, module_id: str) -> str:
    """The Markdown between a module page's intro macro and its questions, headings one level down."""
    text = _FRONT_MATTER.sub("", page_markdown, count=1)
    intro = re.search(r"^\{\{\s*module_intro\(\s*['\"]" + re.escape(module_id) + r"['\"]\s*\)\s*\}\}\s*$", text, re.M)
    questions = re.search(r"^##[^\n]*\n+\{\{\s*module_questions\(", text[intro.end():] if intro else "", re.M)
    if not intro or not questions:
        raise ProseNotFound(
            f"docs/learn/{module_id}.md: the handbook takes the prose between {{{{ module_intro('{module_id}') }}}} "
            f"and the heading above {{{{ module_questions('{module_id}') }}}}; keep both, in that order")
    prose = text[intro.end(): intro.end() + questions.start()].strip()
    return _HEADING.sub(lambda m: "#" + m.group(1) + " ", prose)


def prefix_ids(html: str, prefix: str) -> str:
    """Give every id in `html` (HTML attributes and Markdown heading ids) the prefix `<prefix>--`, and every reference to one of those ids with it."""
    own = set(re.findall(r'\bid="([^"]+)"', html)) | {m.group(2) for m in _HEADING_ID.finditer(html)}

    def renamed(token: str) -> str:
        return f"{prefix}--{token}" if token in own else token

    def attribute(match: re.Match) -> str:
        name, value = match.groups()
        return f'{name}="' + " ".join(renamed(token) for token in value.split()) + '"'

    html = _ID_ATTRIBUTE.sub(attribute, html)
    html = _HEADING_ID.sub(lambda m: m.group(1) + renamed(m.group(2)), html)
    # Same-page links follow their target when it was renamed here; others still point where they did.
    return _FRAGMENT_HREF.sub(lambda m: f'href="#{renamed(m.group(1))}"', html)


LETTERS = "abcdefghij"
WORKSHEET_HINTS = {
    "single": "Choose one letter.",
    "multiple": "Choose every letter that applies.",
    "true-false": "Say true or false, then choose the letter of the best reason.",
    "classify": "Beside each example, write a category from the list below it.",
}
PARTS = ("contents", "answers", "terms", "frameworks", "definitions", "sources")
# The macros a module page uses to print records, and so cite their sources: cite('a', 'b'), typology('x')...
_RECORD_MACRO = re.compile(r"\{\{\s*(cite|typology|definition_list)\(([^)]*)\)")
_QUOTED = re.compile(r"['\"]([^'\"]+)['\"]")


def source_anchor(source_id: str) -> str:
    return f"handbook-source-{source_id}"


def cite_here(source_ids, content: Content) -> Markup:
    """In-text citations that link to the handbook's own list of sources, not to another page."""
    return Markup("; ").join(
        Markup('<a href="#{}">{}</a>').format(source_anchor(sid), in_text(content.sources[sid])) for sid in source_ids)


def _number(module_id: str, content: Content) -> int:
    return list(content.modules).index(module_id) + 1


def module_anchor(module_id: str) -> str:
    return f"handbook-{module_id}"


def module_intro(module_id: str, content: Content) -> str:
    """A module's heading (each starts a new printed page), summary, objectives and key points."""
    module = content.modules[module_id]
    title = md_heading(f"Module {_number(module_id, content)}: {module.title}")
    heading = f"## {title} {{ #{module_anchor(module_id)} .handbook-part }}"
    return heading + "\n\n" + render("handbook_intro.html", module=module)


def contents(content: Content) -> str:
    """What is in the handbook: each module, then the parts of the appendix, linked to their headings."""
    modules = [{"module": m, "number": n, "anchor": module_anchor(m.id)}
               for n, m in enumerate(content.modules.values(), 1)]
    return render("handbook_contents.html", modules=modules)


def _categories(question: Question, content: Content) -> dict:
    typology = content.typologies[question.scale]
    return {"typology": typology, "names": {c.ref: c.name for c in typology.categories}}


def worksheet(module_id: str, content: Content) -> str:
    """A module's questions to answer on paper: lettered options, and the categories a classify question uses."""
    module = content.modules[module_id]
    questions = []
    for question in module.questions:
        view = {"q": question, "hint": WORKSHEET_HINTS[question.type],
                "options": list(zip(LETTERS, question.options))}
        if question.type == "classify":
            view.update(_categories(question, content))
        questions.append(view)
    return render("handbook_questions.html", module=module, questions=questions)


def _answer_view(question: Question, content: Content) -> dict:
    lettered = list(zip(LETTERS, question.options))
    right = [letter for letter, option in lettered if option.correct]
    if question.type == "classify":
        names = _categories(question, content)["names"]
        answer = None
        reasons = [(f"{letter}. {names[item.answer]}.", item.feedback) for letter, item in zip(LETTERS, question.items)]
    else:
        if question.type == "true-false":
            answer = f"{'True' if question.answer else 'False'}. Reason {right[0]}."
        elif len(right) == 1:
            answer = f"{right[0]}."
        else:
            answer = ", ".join(right[:-1]) + f" and {right[-1]}."
        reasons = [(f"{letter}.", option.feedback) for letter, option in lettered]
    return {"q": question, "answer": answer, "reasons": [(label, inline(why)) for label, why in reasons],
            "sources": cite_here(question.sources, content)}


def answers(content: Content) -> str:
    """Every module's answers, with the reason for each option and the sources, in the course's order."""
    modules = [{"module": m, "number": n, "answers": [_answer_view(q, content) for q in m.questions]}
               for n, m in enumerate(content.modules.values(), 1)]
    return render("handbook_answers.html", modules=modules)


def module_text(module: Module, page_markdown: str) -> str:
    """Every word a student reads in a module: its page's prose and what the course data adds."""
    texts = [page_text(page_markdown), module.summary, *module.objectives, *module.key_points,
             *(r.prompt for r in module.reflection)]
    for question in module.questions:
        texts.append(question.prompt)
        texts += [f"{o.text} {o.feedback}" for o in question.options]
        texts += [f"{i.text} {i.feedback}" for i in question.items]
    return "\n".join(t for t in texts if t)


def _term_forms(term) -> list[str]:
    """The ways a glossary term can appear in a text: 'SCIE (Social Care ...)' as either part, and its tooltip words."""
    name = term.term
    forms = {name, *term.tooltip}
    outside = re.match(r"^(.*?)\s*\((.*)\)\s*$", name)
    if outside:
        forms |= {outside.group(1), outside.group(2)}
    return sorted(f for f in forms if f)


def _mentions(text: str, form: str) -> bool:
    # Words with capitals inside them (SCIE, GPs, KeyRing, King's Fund) must match as written; others in any
    # case ('Time banking', 'time banking'). So the verb 'involve' brings in the organisation Involve: a line
    # too many costs less than a term a student meets in a module and cannot find here.
    flags = 0 if re.search(r"[A-Z].*[A-Z]", form) else re.I
    if " and " in form:  # 'Additive and substitutive' is used when both of its words are
        return all(_mentions(text, part) for part in form.split(" and "))
    return re.search(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", text, flags) is not None


def terms_used(content: Content, pages: dict[str, str]) -> list:
    """The glossary terms that the modules use, in alphabetical order."""
    text = "\n".join(module_text(m, pages.get(m.id, "")) for m in content.modules.values())
    used = [t for t in content.terms.values() if any(_mentions(text, f) for f in _term_forms(t))]
    return sorted(used, key=lambda t: t.term.lower())


def first_sentence(text: str) -> str:
    """The opening sentence of a definition: its one-line form."""
    match = re.match(r"^(.+?[.!?])(?=\s+[A-Z\"“‘(])", text.strip(), re.S)
    return match.group(1) if match else text.strip()


def key_terms(content: Content, pages: dict[str, str]) -> str:
    terms = [{"t": t, "definition": inline(first_sentence(t.definition))} for t in terms_used(content, pages)]
    return render("handbook_terms.html", terms=terms)


def _macro_ids(pages: dict[str, str], name: str) -> list[str]:
    found = []
    for markdown in pages.values():
        for macro, arguments in _RECORD_MACRO.findall(markdown or ""):
            if macro == name:
                found += [i for i in _QUOTED.findall(arguments) if i not in found]
    return found


def frameworks_used(content: Content, pages: dict[str, str]) -> list:
    """The typologies the modules teach or ask about, in the order of the Typologies page."""
    ids = set(_macro_ids(pages, "typology")) | {q.scale for m in content.modules.values() for q in m.questions
                                                 if q.scale}
    return [t for t in content.typologies.values() if t.id in ids]


def frameworks(content: Content, pages: dict[str, str], links: Links) -> str:
    # Each entry keeps the framework's and its categories' ids, linked to the full framework, so links
    # into the handbook's old full copy of the Typologies page still land on them.
    views = [{"t": t, "sources": cite_here(t.sources, content), "href": links.record("typologies", t.id),
              "categories": [(c, inline(c.description)) for c in t.categories]}
             for t in frameworks_used(content, pages)]
    return render("handbook_frameworks.html", frameworks=views)


def definitions(content: Content, links: Links) -> str:
    views = [{"d": d, "gloss": inline(d.gloss), "source": cite_here([d.source], content),
              "href": links.record("definitions", d.id)}
             for d in content.definitions.values()]
    return render("handbook_definitions.html", definitions=views)


def sources_cited(content: Content, pages: dict[str, str]) -> list:
    """Every source the handbook cites, in the modules or the appendix, in bibliography order."""
    ids: set[str] = set()
    for module in content.modules.values():
        ids |= set(module.sources)
        for question in module.questions:
            ids |= set(question.sources)
    ids |= set(_macro_ids(pages, "cite"))
    for typology_id in _macro_ids(pages, "typology"):
        ids |= set(content.typologies[typology_id].sources)
    for definition_id in _macro_ids(pages, "definition_list"):
        ids.add(content.definitions[definition_id].source)
    for typology in frameworks_used(content, pages):
        ids |= set(typology.sources) | {c.quote_source for c in typology.categories if c.quote_source}
    for term in terms_used(content, pages):
        ids |= set(term.sources)
    ids |= {d.source for d in content.definitions.values()}
    cited = [content.sources[i] for i in ids if i in content.sources]
    return sorted(cited, key=lambda s: (in_text(s).lower(), s.title.lower()))


def sources(content: Content, pages: dict[str, str]) -> str:
    entries = [{"s": s, "anchor": source_anchor(s.id), "reference": harvard(s)} for s in sources_cited(content, pages)]
    return render("handbook_sources.html", sources=entries)


def part(name: str, content: Content, pages: dict[str, str], links: Links = Links()) -> str:
    """The contents list, or one part of the handbook's appendix, by name."""
    if name == "contents":
        return contents(content)
    if name == "answers":
        return answers(content)
    if name == "terms":
        return key_terms(content, pages)
    if name == "frameworks":
        return frameworks(content, pages, links)
    if name == "definitions":
        return definitions(content, links)
    if name == "sources":
        return sources(content, pages)
    raise ValueError(f"unknown handbook part {name!r}; expected one of {', '.join(PARTS)}")
