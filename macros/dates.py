"""Dates as precise as the sources allow: exact days, months, years, decades, circa and open ranges.

The grammar is small on purpose, so a content editor can learn it from one example:
'2014-07-21', '2009-12', '2008', '1970s', 'late 1970s', 'c. 2000', 'after 2008', 'A to B'.
"""

from __future__ import annotations

import calendar
import re

from macros.models import FuzzyDate

EXAMPLES = "'2014-07-21', '2009-12', '2008', '1970s', 'late 1970s', 'c. 2000', 'after 2008' or a range such as '1980s to 1990s'"

MONTHS = [None, "January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]

# re.ASCII: \d means 0-9 only, not the digits of every script (int() would accept those too).
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$", re.ASCII)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$", re.ASCII)
_YEAR = re.compile(r"^(\d{4})$", re.ASCII)
_DECADE = re.compile(r"^(?:(early|mid|late) )?(\d{3}0)s$", re.ASCII)
_CIRCA = re.compile(r"^c\. (.+)$")
_AFTER = re.compile(r"^after (.+)$")
_PART_OF_DECADE = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}


class DateError(ValueError):
    """The text is not a date in the grammar above, or names a day that does not exist."""


def parse_date(text: str, *, _inner: bool = False) -> FuzzyDate:
    text = text.strip() if isinstance(text, str) else text
    if not isinstance(text, str) or not text:
        raise DateError(f"expected a date such as {EXAMPLES}")
    if not _inner and " to " in text:
        first, _, last = text.partition(" to ")
        a, b = parse_date(first, _inner=True), parse_date(last, _inner=True)
        if b.end < a.start:
            raise DateError(f"the range '{text}' ends before it starts")
        return FuzzyDate(text, a.start, b.end, False, f"{a.label} to {b.label}")
    if m := _DAY.match(text):
        year, month, day = (int(g) for g in m.groups())
        _check_month(text, month)
        last_day = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last_day:
            raise DateError(f"'{text}' is not a real day: {MONTHS[month]} {year} has {last_day} days")
        return FuzzyDate(text, (year, month, day), (year, month, day), True, f"{day} {MONTHS[month]} {year}")
    if m := _MONTH.match(text):
        year, month = int(m.group(1)), int(m.group(2))
        _check_month(text, month)
        last_day = calendar.monthrange(year, month)[1]
        return FuzzyDate(text, (year, month, 1), (year, month, last_day), True, f"{MONTHS[month]} {year}")
    if m := _YEAR.match(text):
        year = int(m.group(1))
        return FuzzyDate(text, (year, 1, 1), (year, 12, 31), True, str(year))
    if m := _DECADE.match(text):
        part, decade = m.group(1), int(m.group(2))
        first, last = _PART_OF_DECADE[part] if part else (0, 9)
        return FuzzyDate(text, (decade + first, 1, 1), (decade + last, 12, 31), False, text)
    if m := _CIRCA.match(text):
        inner = parse_date(m.group(1), _inner=True)
        return FuzzyDate(text, (inner.start[0] - 1, 1, 1), (inner.end[0] + 1, 12, 31), False, f"c. {inner.label}")
    if m := _AFTER.match(text):
        inner = parse_date(m.group(1), _inner=True)
        # The end is open; the span records only the earliest possible date.
        return FuzzyDate(text, inner.end, inner.end, False, f"after {inner.label}")
    raise DateError(f"'{text}' is not a date this site understands; expected {EXAMPLES}")


def _check_month(text: str, month: int) -> None:
    if not 1 <= month <= 12:
        raise DateError(f"'{text}' is not a real date: the month must be 01 to 12")
