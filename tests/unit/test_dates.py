import pytest

from macros.dates import DateError, parse_date


@pytest.mark.parametrize("text, start, end, exact, label", [
    ("2014-07-21", (2014, 7, 21), (2014, 7, 21), True, "21 July 2014"),
    ("2009-12", (2009, 12, 1), (2009, 12, 31), True, "December 2009"),
    ("2008", (2008, 1, 1), (2008, 12, 31), True, "2008"),
    ("1970s", (1970, 1, 1), (1979, 12, 31), False, "1970s"),
    ("late 1970s", (1976, 1, 1), (1979, 12, 31), False, "late 1970s"),
    ("early 1980s", (1980, 1, 1), (1983, 12, 31), False, "early 1980s"),
    ("c. 2000", (1999, 1, 1), (2001, 12, 31), False, "c. 2000"),
    ("after 2010-04", (2010, 4, 30), (2010, 4, 30), False, "after April 2010"),
    ("1980s to 1990s", (1980, 1, 1), (1999, 12, 31), False, "1980s to 1990s"),
    ("2024-02-29", (2024, 2, 29), (2024, 2, 29), True, "29 February 2024"),
])
def test_parses_dates_as_precisely_as_written(text, start, end, exact, label):
    date = parse_date(text)
    assert (date.start, date.end, date.exact, date.label) == (start, end, exact, label)


@pytest.mark.parametrize("text, message", [
    ("2009-02-29", "February 2009 has 28 days"),
    ("2009-13", "the month must be 01 to 12"),
    ("2009-00-10", "the month must be 01 to 12"),
    ("1970x", "is not a date this site understands"),
    ("1990 to 1980", "ends before it starts"),
    ("", "expected a date such as"),
    ("sometime", "is not a date this site understands"),
])
def test_refuses_impossible_or_unknown_dates(text, message):
    with pytest.raises(DateError, match=message):
        parse_date(text)


@pytest.mark.parametrize("text, iso", [("2014-07-21", "2014-07-21"), ("1970s", "1970"), ("c. 2000", "1999")])
def test_machine_readable_date_is_valid_for_time_element(text, iso):
    assert parse_date(text).iso == iso


def test_only_ascii_digits_make_a_date():
    # Python's \d and int() accept every script's digits; a date must be written with 0-9.
    with pytest.raises(DateError):
        parse_date("\u0661\u0669\u0667\u0660")  # 1970 in Arabic-Indic digits
