"""Where each kind of record lives on the site, as URLs relative to the page being rendered."""

from __future__ import annotations

from dataclasses import dataclass

# Page keys to their source files in docs/. Render functions name pages only through these keys.
PAGES = {
    "home": "index.md",
    "history": "history.md",
    "definitions": "definitions.md",
    "typologies": "typologies/index.md",
    "compare": "typologies/compare.md",
    "people": "people.md",
    "examples": "examples.md",
    "sources": "sources.md",
    "glossary": "glossary.md",
    "about": "about.md",
    "open-data": "open-data.md",
    "learn": "learn/index.md",
    "learn-log": "learn/log.md",
}


@dataclass(frozen=True)
class Links:
    """Builds links from the current page. `root` is the relative path from that page to the site root."""

    root: str = ""
    directory_urls: bool = True

    @classmethod
    def for_page(cls, page_url: str, directory_urls: bool = True) -> "Links":
        depth = page_url.strip("/").count("/") + 1 if page_url.strip("/") else 0
        if not directory_urls and page_url and not page_url.endswith("/"):
            depth -= 1  # 'history.html' sits in the root folder
        return cls("../" * depth, directory_urls)

    def page(self, key: str) -> str:
        return self.src(PAGES[key])

    def src(self, source_path: str) -> str:
        """The page built from a source file in docs/ ("learn/origins.md")."""
        path = source_path.removesuffix(".md")
        if self.directory_urls:
            path = "" if path == "index" else path.removesuffix("/index").removesuffix("index") + "/"
            return (self.root + path) or "./"
        return self.root + path + ".html"

    def to(self, key: str, anchor: str) -> str:
        return f"{self.page(key)}#{anchor}"

    def source(self, source_id: str) -> str:
        return self.to("sources", source_id)

    def person(self, person_id: str) -> str:
        return self.to("people", person_id)

    def event(self, event_id: str) -> str:
        return self.to("history", event_id)

    def definition(self, definition_id: str) -> str:
        return self.to("definitions", definition_id)

    def typology(self, typology_id: str) -> str:
        return self.to("typologies", typology_id)

    def category(self, ref: str) -> str:
        return self.to("typologies", ref.replace("/", "--"))

    def case(self, case_id: str) -> str:
        return self.to("examples", case_id)

    def term(self, term_id: str) -> str:
        return self.to("glossary", term_id)

    def module(self, module_id: str) -> str:
        """A course module's page, docs/learn/<id>.md."""
        return self.src(f"learn/{module_id}.md")
