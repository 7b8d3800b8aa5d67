import pytest

from cleaner.fields.dates import MONTH_OF, MONTH_START, find_dates, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15.12.2015", "2015-12-15"),
        ("15. 12. 2015", "2015-12-15"),
        ("Published: 2015-12-16 0:43:03", "2015-12-16T00:43:03"),
        ("2015-12-16T00:43:03+01:00", "2015-12-16T00:43:03+01:00"),
        ("2015-12-16T00:43:03.123+0100", "2015-12-16T00:43:03+01:00"),
        ("2015-12-16T00:43:03Z", "2015-12-16T00:43:03Z"),
        ("2015/12/16", "2015-12-16"),
        ("December 15, 2015", "2015-12-15"),
        ("15 December 2015", "2015-12-15"),
        ("Tuesday 15th December 2015", "2015-12-15"),
        ("2015年12月15日", "2015-12-15"),
    ],
)
def test_reads_common_formats(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "16 décembre 2015",
        "15. Dezember 2015",
        "15 de diciembre de 2015",
        "15 de dezembro de 2015",
        "15 dicembre 2015",
        "15 december 2015",
        "15 grudnia 2015",
        "15 декабря 2015 г.",
        "15 Aralık 2015",
        "15 decembrie 2015",
    ],
)
def test_reads_month_names_of_many_languages(text):
    assert parse_date(text)[:10] in {"2015-12-15", "2015-12-16"}


def test_keeps_time_and_drops_zone_words_without_guessing():
    assert parse_date("Dec. 15, 2015, 3:04 PM ET") == "2015-12-15T15:04"
    assert parse_date("3:04 PM ET, Dec. 15, 2015") == "2015-12-15T15:04"
    assert parse_date("15 Dec 2015 9:00") == "2015-12-15T09:00"


def test_explicit_zones_are_kept():
    assert parse_date("15.12.2015 | 14:30 UTC") == "2015-12-15T14:30Z"
    assert parse_date("Dec 15, 2015 at 11 pm GMT+2") == "2015-12-15T23:00+02:00"


def test_month_first_when_day_is_over_twelve():
    assert parse_date("12/15/2015") == "2015-12-15"
    assert parse_date("15/12/2015") == "2015-12-15"


def test_ambiguous_order_needs_day_first():
    assert parse_date("05/06/2015") is None
    assert parse_date("05/06/2015", day_first=True) == "2015-06-05"
    assert parse_date("05/06/2015", day_first=False) == "2015-05-06"


@pytest.mark.parametrize("text", ["31.02.2015", "2015-13-01", "32 December 2015", "1/1/1492"])
def test_rejects_impossible_dates(text):
    assert parse_date(text) is None


def test_not_after_rejects_later_dates():
    assert parse_date("2016-01-01", not_after="2015-12-31") is None
    assert parse_date("2015-12-31", not_after="2015-12-31T08:00:00") == "2015-12-31"


def test_prefers_publication_over_update():
    assert parse_date("Updated 2016-01-01, published 2015-12-15") == "2015-12-15"


def test_no_date_in_plain_text():
    assert parse_date("Call 030 1234 5678 before 12:30") is None
    assert parse_date("Page 12 of 2015 results") is None


def test_find_dates_reports_spans():
    text = "From 15.12.2015 to 16.12.2015"
    found = find_dates(text)
    assert [text[f.start:f.end] for f in found] == ["15.12.2015", "16.12.2015"]


def test_every_month_name_opens_with_the_letters_the_quick_test_looks_for():
    assert all(MONTH_START.match(form) for form in MONTH_OF)
