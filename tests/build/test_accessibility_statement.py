"""The accessibility statement (docs/accessibility.md) follows the GOV.UK model statement, with its owner's details.

The model's sections are checked by heading and in order. Who runs the site, how to reach them, how soon
they reply and the statement's dates come from `extra.owner` in the config: the national site shows
mkdocs.yml's, the Harbourside example its own and none of the national ones. Each problem listed under
"Non-compliance" names a WCAG 2.2 success criterion by its number and its name. Each check is also run on
the page with its part taken out, to show that it would fail.
"""

from __future__ import annotations

import html as html_lib
import json
import posixpath
import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import HARBOURSIDE, ROOT, build_site

pytestmark = pytest.mark.build

PAGE = "accessibility/index.html"

# The model statement's headings, in its order: (level, heading).
SECTIONS = [
    (2, "How accessible this website is"),
    (2, "Feedback and contact information"),
    (2, "Reporting accessibility problems with this website"),
    (2, "Enforcement procedure"),
    (2, "Technical information about this website's accessibility"),
    (3, "Compliance status"),
    (2, "Non-accessible content"),
    (3, "Non-compliance with the accessibility regulations"),
    (3, "Disproportionate burden"),
    (3, "Content that's not within the scope of the accessibility regulations"),
    (2, "What we're doing to improve accessibility"),
    (2, "Preparation of this accessibility statement"),
]

# WCAG 2.2 level A and AA success criteria, by number (https://www.w3.org/TR/WCAG22/).
WCAG_22 = {
    "1.1.1": "Non-text Content", "1.2.1": "Audio-only and Video-only (Prerecorded)",
    "1.2.2": "Captions (Prerecorded)", "1.2.3": "Audio Description or Media Alternative (Prerecorded)",
    "1.2.4": "Captions (Live)", "1.2.5": "Audio Description (Prerecorded)", "1.3.1": "Info and Relationships",
    "1.3.2": "Meaningful Sequence", "1.3.3": "Sensory Characteristics", "1.3.4": "Orientation",
    "1.3.5": "Identify Input Purpose", "1.4.1": "Use of Color", "1.4.2": "Audio Control",
    "1.4.3": "Contrast (Minimum)", "1.4.4": "Resize Text", "1.4.5": "Images of Text", "1.4.10": "Reflow",
    "1.4.11": "Non-text Contrast", "1.4.12": "Text Spacing", "1.4.13": "Content on Hover or Focus",
    "2.1.1": "Keyboard", "2.1.2": "No Keyboard Trap", "2.1.4": "Character Key Shortcuts",
    "2.2.1": "Timing Adjustable", "2.2.2": "Pause, Stop, Hide", "2.3.1": "Three Flashes or Below Threshold",
    "2.4.1": "Bypass Blocks", "2.4.2": "Page Titled", "2.4.3": "Focus Order", "2.4.4": "Link Purpose (In Context)",
    "2.4.5": "Multiple Ways", "2.4.6": "Headings and Labels", "2.4.7": "Focus Visible",
    "2.4.11": "Focus Not Obscured (Minimum)", "2.5.1": "Pointer Gestures", "2.5.2": "Pointer Cancellation",
    "2.5.3": "Label in Name", "2.5.4": "Motion Actuation", "2.5.7": "Dragging Movements",
    "2.5.8": "Target Size (Minimum)", "3.1.1": "Language of Page", "3.1.2": "Language of Parts",
    "3.2.1": "On Focus", "3.2.2": "On Input", "3.2.3": "Consistent Navigation", "3.2.4": "Consistent Identification",
    "3.2.6": "Consistent Help", "3.3.1": "Error Identification", "3.3.2": "Labels or Instructions",
    "3.3.3": "Error Suggestion", "3.3.4": "Error Prevention (Legal, Financial, Data)", "3.3.7": "Redundant Entry",
    "3.3.8": "Accessible Authentication (Minimum)", "4.1.2": "Name, Role, Value", "4.1.3": "Status Messages",
}
# "2.1.1 (Keyboard)", as the statement cites a criterion: its number, then its name in brackets.
CRITERION = re.compile(r"\b(\d\.\d{1,2}\.\d{1,2}) \(((?:[^()]|\([^()]*\))+)\)")


# --- Reading the page ----------------------------------------------------------------------------------

def text_of(fragment: str) -> str:
    fragment = re.sub(r'<a [^>]*class="headerlink".*?</a>', "", fragment, flags=re.S)
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def plain_quotes(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'")


def article(page_html: str) -> str:
    match = re.search(r"<article\b[^>]*>(.*)</article>", page_html, re.S)
    assert match, "the page has no <article>"
    return match.group(1)


def sections(page_html: str) -> list[tuple[int, str, str]]:
    """(level, heading text, the HTML up to the next heading) for each heading in the article."""
    parts = re.split(r"(<h[1-6]\b[^>]*>.*?</h[1-6]>)", article(page_html), flags=re.S)
    found = []
    for i in range(1, len(parts), 2):
        level = int(parts[i][2])
        found.append((level, plain_quotes(text_of(parts[i])), parts[i + 1]))
    return found


def section(page_html: str, heading: str) -> str | None:
    for _, text, body in sections(page_html):
        if text.lower() == heading.lower():
            return body
    return None


def remove_section(page_html: str, heading: str) -> str:
    """The page without one heading and everything up to the next heading."""
    pattern = r"<h([1-6])\b[^>]*>(?:(?!</h\1>).)*?" + re.escape(heading) + r".*?</h\1>"
    match = re.search(pattern, page_html, re.S)
    assert match, heading
    following = re.compile(r"<h[1-6]\b").search(page_html, match.end())
    return page_html[:match.start()] + page_html[following.start() if following else page_html.index("</article>"):]


# --- The checks: each returns its problems, so it can be run on a broken copy too ---------------------------

def section_problems(page_html: str, site_name: str) -> list[str]:
    found = sections(page_html)
    problems = []
    if not found or found[0][0] != 1 or found[0][1] != f"Accessibility statement for {site_name}":
        problems.append(f"the page should start with the heading 'Accessibility statement for {site_name}', "
                        f"not {found[0][1] if found else 'nothing'!r}")
    headings = [(level, text.lower()) for level, text, _ in found]
    at = 0
    for level, heading in SECTIONS:
        if (level, heading.lower()) not in headings[at:]:
            problems.append(f"missing, or out of order: the h{level} '{heading}'")
            continue
        at = headings.index((level, heading.lower()), at) + 1
    return problems


def owner_problems(page_html: str, owner: dict) -> list[str]:
    problems = []
    intro = text_of(sections(page_html)[0][2]) if sections(page_html) else ""
    if f"This website is run by {owner['name']}." not in intro:
        problems.append(f"the opening does not say 'This website is run by {owner['name']}.'")
    technical = section(page_html, "Technical information about this website's accessibility") or ""
    if f"{owner['name']} is committed to making its website accessible" not in text_of(technical):
        problems.append("the technical information does not name who is committed to making the site accessible")
    contact = owner["accessibility_contact"]
    expected = []
    if contact.get("email"):
        expected.append(f'<a href="mailto:{contact["email"]}">{contact["email"]}</a>')
    if contact.get("phone"):
        expected.append(f'>{contact["phone"]}</a>')
    if contact.get("url"):
        expected.append(f'<a href="{html_lib.escape(contact["url"])}">')
    for heading in ("Feedback and contact information", "Reporting accessibility problems with this website"):
        body = section(page_html, heading) or ""
        problems += [f"'{heading}' does not give {way!r}" for way in expected if way not in body]
        items = [text_of(item) for item in re.findall(r"<li>(.*?)</li>", body, re.S)]
        if contact.get("other") and contact["other"] not in items:
            problems.append(f"'{heading}' does not give {contact['other']!r}")
    days = owner["response_days"]
    feedback = text_of(section(page_html, "Feedback and contact information") or "")
    if f"within {days} working day{'s' if days != 1 else ''}" not in feedback:
        problems.append(f"'Feedback and contact information' does not give the response time, {days} working days")
    preparation = section(page_html, "Preparation of this accessibility statement") or ""
    for key, verb in (("statement_prepared", "prepared on"), ("statement_reviewed", "last reviewed on")):
        if not re.search(rf'{verb}\s+<time datetime="{owner[key]}">', preparation):
            problems.append(f"'Preparation' does not say the statement was {verb} {owner[key]}")
    return problems


def non_compliance_problems(page_html: str) -> list[str]:
    body = section(page_html, "Non-compliance with the accessibility regulations")
    if body is None:
        return ["there is no 'Non-compliance with the accessibility regulations' section"]
    items = [text_of(item) for item in re.findall(r"<li>(.*?)</li>", body, re.S)]
    problems = []
    for item in items:
        cited = CRITERION.findall(item)
        if not cited or "WCAG 2.2 success criterion" not in item:
            problems.append(f"this problem names no WCAG 2.2 success criterion: {item[:100]!r}")
        for number, name in cited:
            if WCAG_22.get(number) != name:
                problems.append(f"{number} ({name}) is not a WCAG 2.2 A or AA criterion; "
                                f"{number} is {WCAG_22.get(number, 'not one')!r}")
    status = text_of(section(page_html, "Compliance status") or "")
    if "Web Content Accessibility Guidelines version 2.2" not in status or "AA standard" not in status:
        problems.append("'Compliance status' does not name the standard, WCAG 2.2 AA")
    if items and "partially compliant" not in status:
        problems.append("problems are listed, but 'Compliance status' does not say 'partially compliant'")
    if not items and "fully compliant" not in status:
        problems.append("no problems are listed, but 'Compliance status' does not say 'fully compliant'")
    return problems


ENFORCEMENT = [
    "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies "
    "(Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018",
    "If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support "
    "Service (EASS)",
    "Northern Ireland",
    "Equality Commission for Northern Ireland",
]


def enforcement_problems(page_html: str) -> list[str]:
    body = section(page_html, "Enforcement procedure")
    if body is None:
        return ["there is no 'Enforcement procedure' section"]
    text = text_of(body)
    problems = [f"'Enforcement procedure' does not say: {line!r}" for line in ENFORCEMENT if line not in text]
    for link in ("https://www.equalityadvisoryservice.com/", "https://www.equalityni.org/"):
        if f'href="{link}"' not in body:
            problems.append(f"'Enforcement procedure' does not link to {link}")
    return problems


def how_tested_problems(page_html: str) -> list[str]:
    text = text_of(section(page_html, "Preparation of this accessibility statement") or "")
    problems = [f"'Preparation' does not say how the site was tested: no {word!r}"
                for word in ("axe-core", "Chromium", "keyboard", "Nu HTML Checker") if word not in text]
    if "screen reader" not in text:
        problems.append("'Preparation' does not say whether the site was tested with a screen reader")
    return problems


# --- Settings ------------------------------------------------------------------------------------------

class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: None)


def owner_settings(config: Path) -> dict:
    owner = yaml.load(config.read_text(encoding="utf-8"), Loader=_Loader)["extra"]["owner"]
    return {**owner, "statement_prepared": str(owner["statement_prepared"]),
            "statement_reviewed": str(owner["statement_reviewed"])}


def site_name(config: Path) -> str:
    return yaml.load(config.read_text(encoding="utf-8"), Loader=_Loader)["site_name"]


NATIONAL = ROOT / "mkdocs.yml"
COUNCIL = HARBOURSIDE / "mkdocs.yml"


@pytest.fixture(scope="module")
def national(site_dir) -> str:
    return (site_dir / PAGE).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def council(harbourside_site_dir) -> str:
    return (harbourside_site_dir / PAGE).read_text(encoding="utf-8")


# --- The tests -------------------------------------------------------------------------------------------

def test_the_statement_has_every_section_of_the_model_in_order(national, council):
    assert section_problems(national, site_name(NATIONAL)) == []
    assert section_problems(council, site_name(COUNCIL)) == []


def test_the_national_statement_shows_the_national_settings(national):
    assert owner_problems(national, owner_settings(NATIONAL)) == []


def test_the_harbourside_statement_shows_its_own_settings_and_none_of_the_national_ones(council):
    mine, national = owner_settings(COUNCIL), owner_settings(NATIONAL)
    assert mine["name"] == "Harbourside Borough Council" and mine != national
    assert owner_problems(council, mine) == []
    text = text_of(article(council))
    assert f"run by {national['name']}." not in text and f"{national['name']} is committed" not in text
    for way in national["accessibility_contact"].values():
        assert str(way) not in text, way
    assert f"within {national['response_days']} working days" not in text


def test_each_listed_problem_names_a_wcag_criterion(national):
    """Problems listed, each with its criterion, and "partially compliant"; or none, and "fully compliant"."""
    assert non_compliance_problems(national) == []


def test_the_enforcement_procedure_names_the_ehrc_and_eass(national, council):
    assert enforcement_problems(national) == []
    assert enforcement_problems(council) == []


def test_the_statement_says_how_the_site_was_tested(national):
    assert how_tested_problems(national) == []


@pytest.mark.parametrize("heading", [heading for _, heading in SECTIONS])
def test_each_check_fails_when_its_section_is_removed(national, heading):
    broken = remove_section(national, heading)
    assert section(broken, heading) is None
    assert any(heading in p for p in section_problems(broken, site_name(NATIONAL)))
    by_section = {
        "Feedback and contact information": owner_problems,
        "Reporting accessibility problems with this website": owner_problems,
        "Technical information about this website's accessibility": owner_problems,
        "Preparation of this accessibility statement": owner_problems,
        "Compliance status": lambda h, *_: non_compliance_problems(h),
        "Non-compliance with the accessibility regulations": lambda h, *_: non_compliance_problems(h),
        "Enforcement procedure": lambda h, *_: enforcement_problems(h),
    }
    if heading in by_section:
        assert by_section[heading](broken, owner_settings(NATIONAL)), f"removing '{heading}' went unnoticed"


def test_each_check_fails_when_its_detail_is_changed(national, council):
    owner = owner_settings(NATIONAL)
    assert owner_problems(national.replace(f"run by {owner['name']}", "run by someone"), owner)
    assert owner_problems(national.replace(f"within {owner['response_days']} working", "within 99 working"), owner)
    assert owner_problems(council, owner)  # Harbourside's page does not show the national details
    # The statement lists no problem today; the checks are shown to work on one that lists a problem.
    none_known = "<p>We know of no content on this website that fails"
    assert none_known in national
    listed = national.replace("fully compliant", "partially compliant").replace(
        none_known, "<ul><li>A problem. This fails WCAG 2.2 success criterion 2.1.1 (Keyboard).</li></ul>"
        + none_known, 1)
    assert non_compliance_problems(listed) == []
    assert non_compliance_problems(listed.replace("2.1.1 (", "2.1.19 (", 1))
    assert non_compliance_problems(listed.replace(" This fails WCAG 2.2 success criterion 2.1.1 (Keyboard).", "", 1))
    assert non_compliance_problems(listed.replace("partially compliant", "fully compliant"))
    assert non_compliance_problems(national.replace("fully compliant", "partially compliant"))
    assert enforcement_problems(national.replace("(EHRC)", ""))
    assert how_tested_problems(national.replace("axe-core", "a tool"))


def _href_target(page: str, href: str) -> str:
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href.split("#")[0]))
    return target + "/index.html" if href.endswith("/") or href in ("", ".", "./") else target


def test_every_page_links_to_the_statement_from_its_footer(site_dir):
    missing = []
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel.endswith("embed.html") or rel.startswith("embed/") or rel == "404.html":
            continue  # embeds have no footer; 404's links are absolute and checked by tests/build/test_links.py
        footer = re.search(r'<footer class="md-footer">(.*?)</footer>', path.read_text(encoding="utf-8"), re.S)
        link = re.search(r'<a href="([^"]*)"[^>]*>Accessibility statement</a>', footer.group(1)) if footer else None
        if not link or posixpath.normpath(_href_target(rel, link.group(1))) != PAGE:
            missing.append(rel)
    assert not missing, f"no footer link to the accessibility statement on: {missing}"


# --- A missing setting stops the build -----------------------------------------------------------------

def council_without(tmp_path: Path, key: str) -> Path:
    """A copy of the Harbourside example with one owner setting left out and the site's paths written out."""
    folder = tmp_path / "mytown"
    shutil.copytree(HARBOURSIDE, folder)
    base = yaml.load((ROOT / "mkdocs-council.yml").read_text(encoding="utf-8"), Loader=_Loader)
    config = yaml.safe_load((folder / "mkdocs.yml").read_text(encoding="utf-8"))
    paths = {k: v for k, v in base.items() if k not in ("INHERIT", "extra")}
    config.update(json.loads(json.dumps(paths).replace('"../../', f'"{ROOT.as_posix()}/')))
    config["INHERIT"] = str(ROOT / "mkdocs-council.yml")  # so the council base's blanks apply
    del config["extra"]["owner"][key]
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return folder / "mkdocs.yml"


def test_a_missing_setting_stops_the_build_and_names_it(tmp_path):
    config = council_without(tmp_path, "response_days")
    result = build_site(tmp_path / "site", config=config)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and not (tmp_path / "site" / "index.html").exists()
    assert re.search(r"mytown/mkdocs\.yml: extra\.owner\.response_days: missing; give how many working days", output), output
    assert "Traceback" not in output
