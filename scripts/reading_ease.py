"""Print the Flesch reading ease of each course module: `python scripts/reading_ease.py`.

A module's text is its page's own prose (docs/learn/<id>.md without front matter, macro calls, HTML,
headings' attribute lists or link addresses) plus its data in data/course.yml: summary, objectives, key
points, and each question's prompt, options, items and feedback. Quoted definitions are exempt: they
reach the page through macros, which are left out. The target is 60 or more (plain English).
Needs textstat (requirements-test.txt).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from macros.render.course import page_text  # noqa: E402  (one definition of a page's own words)

TARGET = 60.0


def sentence(text: str) -> str:
    """Text as one sentence: list items and option labels often lack a full stop."""
    text = " ".join(text.split())
    return text if not text or text[-1] in ".?!" else text + "."


def page_prose(markdown: str) -> str:
    """A page's own prose: no front matter, macro calls, HTML, attribute lists or link addresses."""
    text = page_text(markdown)
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        lines = [re.sub(r"^\s*(#+|[-*]|\d+\.)\s+", "", line) for line in block.splitlines()]
        block = " ".join(line.strip() for line in lines if line.strip())
        block = re.sub(r"[*_`]", "", block)
        if block:
            paragraphs.append(sentence(block))
    return "\n".join(paragraphs)


def module_data_text(module: dict) -> str:
    parts = [module["summary"], *module["objectives"], *module["key_points"]]
    for q in module["questions"]:
        parts.append(q.get("prompt") or q.get("statement") or "")
        for choice in q.get("options", []) + q.get("reasons", []):
            parts += [choice["text"], choice["feedback"]]
        for item in q.get("items", []):
            parts += [item["text"], item["feedback"]]
    return "\n".join(sentence(p) for p in parts if p)


def module_texts(root: Path = ROOT) -> dict[str, str]:
    """Each module id to the text its reading ease is measured on."""
    course = yaml.safe_load((root / "data" / "course.yml").read_text(encoding="utf-8"))
    texts = {}
    for module in course["modules"]:
        page = root / "docs" / "learn" / f"{module['id']}.md"
        prose = page_prose(page.read_text(encoding="utf-8")) if page.is_file() else ""
        texts[module["id"]] = prose + "\n" + module_data_text(module)
    return texts


def scores(root: Path = ROOT) -> dict[str, float]:
    import textstat

    textstat.set_lang("en_US")
    return {mid: textstat.flesch_reading_ease(text) for mid, text in module_texts(root).items()}


def main() -> int:
    results = scores()
    width = max(len(m) for m in results)
    for module_id, score in results.items():
        mark = "" if score >= TARGET else f"  (below {TARGET:.0f})"
        print(f"{module_id:<{width}}  {score:5.1f}{mark}")
    return 0 if all(s >= TARGET for s in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
