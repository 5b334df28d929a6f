"""The accessibility statement's settings and the bits of it that come from them (docs/accessibility.md).

Who runs this copy of the site, how to reach them about accessibility, how soon they reply, and when
the statement was prepared and last reviewed all come from `extra.owner` in the config, so a council's
copy shows the council's own details. mkdocs-council.yml blanks every one of them, so a council that
forgets one gets a clear error instead of the national project's details.

    extra:
      owner:
        name: Harbourside Borough Council
        accessibility_contact: {email: accessibility@harbourside.example, phone: "01632 960 123"}
        response_days: 5                    # working days
        statement_prepared: "2026-12-01"    # the day the statement was first written
        statement_reviewed: "2026-12-01"    # the day someone last checked it against the site

The two dates are settings, not the build date: preparing and reviewing the statement are things a
person does on a given day, and a build on another day must not claim a review that did not happen.

Pure: the settings in, a checked Owner (or every problem, in one OwnerError) out, and escaped text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from markupsafe import Markup

from macros.errors import SettingsError
from macros.markup import md_heading, render

PAGE = "accessibility.md"  # the statement, in docs/: a site that publishes it must give every setting
KEYS = ("name", "accessibility_contact", "response_days", "statement_prepared", "statement_reviewed")
CONTACT_KEYS = ("email", "phone", "url", "other")

_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{5,}[0-9]$")
_URL = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)
_TEXT = re.compile(r"^[^<>{}]{3,300}$")  # shown as written; no markup, and no Jinja

# What each setting is for, as the error for a missing one says it.
_HELP = {
    "name": "the name of the organisation that runs this website, e.g. name: Harbourside Borough Council",
    "accessibility_contact": "how readers reach you about accessibility: at least one of email, phone, url and "
                             "other (any other way, in words), e.g. "
                             "accessibility_contact: {email: accessibility@example.gov.uk}",
    "response_days": "how many working days you take to reply to a request, a whole number, e.g. response_days: 10",
    "statement_prepared": "the day the accessibility statement was first prepared, in quotes, "
                          "e.g. statement_prepared: \"2026-11-21\"",
    "statement_reviewed": "the day the accessibility statement was last reviewed, in quotes, "
                          "e.g. statement_reviewed: \"2026-12-01\"",
}


class OwnerError(SettingsError):
    """Every problem found in `extra.owner`, one line each."""

    subject = "The accessibility statement settings"
    advice = ("Fix each line above, then build again. The settings go under extra: owner: in the config "
              "file named; see examples/harbourside/mkdocs.yml.")


@dataclass(frozen=True)
class Contact:
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    other: str | None = None  # any other way, in plain words (the model statement's "other contact details")


@dataclass(frozen=True)
class Owner:
    name: str
    contact: Contact
    response_days: int
    prepared: dt.date
    reviewed: dt.date


def read_owner(extra: dict | None, where: str) -> Owner:
    """The checked `extra.owner` block; `where` is the config file as an editor would name it."""
    block = (extra or {}).get("owner")
    setting = "extra.owner"
    if not isinstance(block, dict):
        raise OwnerError([f"{where}: {setting}: missing; it needs {', '.join(KEYS)}. " + _HELP["name"]])
    problems: list[str] = []
    for key in block:
        if key not in KEYS:
            problems.append(f"{where}: {setting}.{key}: not a known setting; expected one of: {', '.join(KEYS)}")

    def missing(key: str) -> None:
        problems.append(f"{where}: {setting}.{key}: missing; give {_HELP[key]}")

    name = block.get("name")
    if name is None or (isinstance(name, str) and not name.strip()):
        missing("name")
        name = ""
    elif not isinstance(name, str):
        problems.append(f"{where}: {setting}.name: expected text; give {_HELP['name']}")
        name = ""

    contact = _contact(block.get("accessibility_contact"), where, f"{setting}.accessibility_contact", problems)

    days = block.get("response_days")
    if days is None:
        missing("response_days")
        days = 0
    elif isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 60:
        problems.append(f"{where}: {setting}.response_days: {days!r} is not a number of working days from 1 to 60; "
                        f"give {_HELP['response_days']}")
        days = 0

    prepared = _date(block, "statement_prepared", where, setting, problems, missing)
    reviewed = _date(block, "statement_reviewed", where, setting, problems, missing)
    if prepared and reviewed and reviewed < prepared:
        problems.append(f"{where}: {setting}.statement_reviewed: {reviewed.isoformat()} is before "
                        f"statement_prepared ({prepared.isoformat()}); a statement is reviewed after it is prepared")
    if problems:
        raise OwnerError(problems)
    return Owner(name=name.strip(), contact=contact, response_days=days, prepared=prepared, reviewed=reviewed)


def _contact(block, where: str, setting: str, problems: list[str]) -> Contact:
    if block is None:
        problems.append(f"{where}: {setting}: missing; give {_HELP['accessibility_contact']}")
        return Contact()
    if not isinstance(block, dict):
        problems.append(f"{where}: {setting}: expected email, phone or url; give {_HELP['accessibility_contact']}")
        return Contact()
    found: dict[str, str] = {}
    for key, value in block.items():
        if key not in CONTACT_KEYS:
            problems.append(f"{where}: {setting}.{key}: not a known setting; expected one of: {', '.join(CONTACT_KEYS)}")
            continue
        if value is None:
            continue
        text = " ".join(str(value).split()) if isinstance(value, (str, int)) and not isinstance(value, bool) else None
        rule = {"email": _EMAIL, "phone": _PHONE, "url": _URL, "other": _TEXT}[key]
        if not text or not rule.match(text):
            example = {"email": "accessibility@example.gov.uk", "phone": "\"01632 960 123\"",
                       "url": "https://www.example.gov.uk/contact",
                       "other": "write to Accessibility, Town Hall, Harbourside"}[key]
            problems.append(f"{where}: {setting}.{key}: {value!r} is not {_KIND[key]}; e.g. {key}: {example}")
            continue
        found[key] = text
    if not found and not any(p.startswith(f"{where}: {setting}.") for p in problems):
        problems.append(f"{where}: {setting}: has no email, phone, url or other; "
                        f"give {_HELP['accessibility_contact']}")
    return Contact(**found)


_KIND = {"email": "an email address", "phone": "a phone number (digits, spaces, brackets, '-' and a leading '+')",
         "url": "a web address starting with https:// or http://",
         "other": "a line of plain text (no HTML)"}


def _date(block, key: str, where: str, setting: str, problems: list[str], missing) -> dt.date | None:
    value = block.get(key)
    if value is None:
        missing(key)
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):  # YAML reads an unquoted 2026-11-21 as a date
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        problems.append(f"{where}: {setting}.{key}: {value!r} is not a day written as YYYY-MM-DD; give {_HELP[key]}")
        return None


# --- What the page shows ---------------------------------------------------------------------------------

def long_date(day: dt.date) -> Markup:
    """'21 November 2026', marked up as a <time> with its machine-readable day."""
    return Markup('<time datetime="{}">{} {}</time>').format(day.isoformat(), day.day, day.strftime("%B %Y"))


def owner_name(owner: Owner) -> str:
    """The organisation's name, safe inside a Markdown paragraph or heading."""
    return md_heading(owner.name)


def response_time(owner: Owner) -> str:
    days = owner.response_days
    return f"{days} working day{'s' if days != 1 else ''}"


def tel_href(phone: str) -> str:
    """'01632 960 123' -> 'tel:+441632960123'; a number with its own country code keeps it."""
    digits = re.sub(r"[^0-9+]", "", phone.replace("(0)", ""))  # +44 (0)1632: the 0 is not dialled from abroad
    if digits.startswith("+"):
        return "tel:" + digits
    if digits.startswith("0"):
        return "tel:+44" + digits[1:]  # the statement follows the UK model; a national number is a UK one
    return "tel:" + digits


def contact_list(owner: Owner) -> str:
    """The ways to reach the organisation, as a list: email, phone and web address as links, then any other way."""
    c = owner.contact
    return render("accessibility_contact.html", email=c.email, phone=c.phone,
                  tel=tel_href(c.phone) if c.phone else None, url=c.url, other=c.other)
