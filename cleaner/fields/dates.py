"""Find the date (with its time and UTC offset when given) in a short text such as a dateline.

The answer is ISO 8601 and never guesses: a time without a zone stays zone-less, a zone word such
as "ET" or "CET" is dropped, and an a/b/yyyy date whose order is unknown is no date at all.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

# Month names per language: one string of space-separated forms (nominative, genitive,
# abbreviations) per month. Croatian is left out: its "listopad" is October, Polish/Czech November.
MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("january jan", "february feb", "march mar", "april apr", "may", "june jun",
           "july jul", "august aug", "september sep sept", "october oct", "november nov",
           "december dec"),
    "de": ("januar jänner jän", "februar feber", "märz mär maerz", "april", "mai", "juni",
           "juli", "august", "september", "oktober okt", "november", "dezember dez"),
    "fr": ("janvier janv", "février fevrier févr fevr", "mars", "avril avr", "mai", "juin",
           "juillet juil", "août aout", "septembre", "octobre", "novembre",
           "décembre decembre déc"),
    "es": ("enero ene", "febrero", "marzo", "abril abr", "mayo", "junio", "julio", "agosto ago",
           "septiembre setiembre", "octubre", "noviembre", "diciembre dic"),
    "pt": ("janeiro", "fevereiro fev", "março marco", "abril", "maio", "junho", "julho",
           "agosto", "setembro set", "outubro out", "novembro", "dezembro"),
    "it": ("gennaio gen", "febbraio", "marzo", "aprile", "maggio mag", "giugno giu",
           "luglio lug", "agosto", "settembre", "ottobre ott", "novembre", "dicembre"),
    "nl": ("januari", "februari", "maart mrt", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "pl": ("styczeń stycznia sty", "luty lutego lut", "marzec marca", "kwiecień kwietnia kwi",
           "maj maja", "czerwiec czerwca cze", "lipiec lipca lip", "sierpień sierpnia sie",
           "wrzesień września wrz", "październik października paź", "listopad listopada lis",
           "grudzień grudnia gru"),
    "ru": ("январь января янв", "февраль февраля фев", "март марта мар", "апрель апреля апр",
           "май мая", "июнь июня июн", "июль июля июл", "август августа авг",
           "сентябрь сентября сен сент", "октябрь октября окт", "ноябрь ноября ноя нояб",
           "декабрь декабря дек"),
    "uk": ("січень січня", "лютий лютого", "березень березня", "квітень квітня",
           "травень травня", "червень червня", "липень липня", "серпень серпня",
           "вересень вересня", "жовтень жовтня", "листопад листопада", "грудень грудня"),
    "tr": ("ocak oca", "şubat subat şub", "mart", "nisan nis", "mayıs mayis", "haziran haz",
           "temmuz tem", "ağustos agustos ağu", "eylül eylul eyl", "ekim eki", "kasım kasim kas",
           "aralık aralik ara"),
    "ro": ("ianuarie ian", "februarie", "martie", "aprilie", "mai", "iunie iun", "iulie iul",
           "august", "septembrie", "octombrie", "noiembrie noi", "decembrie"),
    "scandinavian": ("januari januar", "februari februar", "mars marts", "april", "maj mai",
                     "juni", "juli", "augusti august", "september", "oktober", "november",
                     "december desember des"),
    "cs": ("leden ledna", "únor února", "březen března", "duben dubna", "květen května",
           "červen června", "červenec července", "srpen srpna", "září", "říjen října",
           "listopad listopadu", "prosinec prosince"),
    "sr-bs": ("januar januara", "februar februara", "mart marta", "april aprila", "maj maja",
              "jun juna", "jul jula", "avgust avgusta", "septembar septembra",
              "oktobar oktobra", "novembar novembra", "decembar decembra"),
    "hu": ("január", "február febr", "március márc", "április ápr", "május máj",
           "június jún", "július júl", "augusztus", "szeptember szept", "október",
           "november", "december"),
    "id": ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
           "september", "oktober", "november", "desember"),
    "sw": ("januari", "februari", "machi", "aprili", "mei", "juni", "julai", "agosti",
           "septemba", "oktoba", "novemba", "desemba"),
    "sq": ("janar", "shkurt", "mars", "prill", "maj", "qershor", "korrik", "gusht", "shtator",
           "tetor", "nëntor", "dhjetor"),
    "el": ("ιανουαρίου ιανουάριος", "φεβρουαρίου φεβρουάριος", "μαρτίου μάρτιος",
           "απριλίου απρίλιος", "μαΐου μάιος", "ιουνίου ιούνιος", "ιουλίου ιούλιος",
           "αυγούστου αύγουστος", "σεπτεμβρίου σεπτέμβριος", "οκτωβρίου οκτώβριος",
           "νοεμβρίου νοέμβριος", "δεκεμβρίου δεκέμβριος"),
    "bg-mk-sr": ("януари јануари јануар", "февруари фебруари фебруар", "март", "април",
                 "май мај", "юни јуни јун", "юли јули јул", "август", "септември септембар",
                 "октомври октобар", "ноември новембар", "декември децембар"),
}

# Archives of news sites rarely go further back; an earlier "year" is usually some other number.
MIN_YEAR = 1900
MAX_YEAR = 2100
# A time belongs to a date when it starts this close to it (chars of separators and short words).
TIME_GAP = r"(?:T|[\s,;|·•/\-–—(]*(?:[^\W\d_]{1,6}\.?\s+){0,2})"
# Words that mark a date as an update rather than the publication.
UPDATE_WORDS = re.compile(
    r"(updated?|modified|edited|aktualisiert|geändert|mis à jour|actualizad[oa]|atualizad[oa]"
    r"|aggiornat[oa]|bijgewerkt|zaktualizowano|обновлено|güncelleme|güncellendi)\W{0,3}$",
    re.IGNORECASE,
)
UPDATE_LOOKBEHIND = 30


def _month_lookup() -> dict[str, int]:
    lookup: dict[str, int] = {}
    for months in MONTH_NAMES.values():
        for number, forms in enumerate(months, start=1):
            for form in forms.split():
                lookup[form.casefold()] = number
    return lookup


MONTH_OF: dict[str, int] = _month_lookup()
# The lookahead fails at once where no three letters follow (every month name opens with three, see MONTH_START);
# without it each digit of a text full of numbers was compared with every month name in turn.
_MONTH = (
    r"(?<![^\W\d_])(?=[^\W\d_]{3})(?P<mon>"
    + "|".join(re.escape(form) for form in sorted(MONTH_OF, key=len, reverse=True))
    + r")\.?(?![^\W\d_])"
)
# Every month name above opens with three letters: a text without three letters in a row names no month.
MONTH_START = re.compile(r"[^\W\d_]{3}")
_YEAR = r"(?P<y>\d{4})(?!\d)"
_DAY = r"(?<!\d)(?P<d>\d{1,2})"

NAMED_PATTERNS = (
    # 15 December 2015, 15. Dezember 2015, 15 de diciembre de 2015, 1er janvier 2016
    re.compile(_DAY + r"(?:\.|er|st|nd|rd|th|º|°|-?го)?\s*(?:de\s+|of\s+)?" + _MONTH
               + r",?\s*(?:de\s+|del\s+)?" + _YEAR, re.IGNORECASE),
    # December 15, 2015 ; Dec. 15 2015
    re.compile(_MONTH + r"\s*(?P<d>\d{1,2})(?:st|nd|rd|th)?(?!\d)\.?,?\s*" + _YEAR,
               re.IGNORECASE),
    # 2015. december 15. (Hungarian) ; 2015 Dec 15
    re.compile(r"(?<!\d)(?P<y>\d{4})\.?\s*" + _MONTH + r"\s*(?P<d>\d{1,2})(?!\d)",
               re.IGNORECASE),
)
YMD_PATTERNS = (
    re.compile(r"(?<![\d.])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"),
    re.compile(r"(?<![\d.])(?P<y>\d{4})([/.])(?P<m>\d{1,2})\2(?P<d>\d{1,2})(?![\d/])"),
    re.compile(r"(?P<y>\d{4})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]?"),
)
# 15.12.2015 and 15. 12. 2015: dotted dates are day first wherever they are written.
DOTTED_PATTERN = re.compile(r"(?<![\d.])(?P<a>\d{1,2})\.\s?(?P<b>\d{1,2})\.\s?" + _YEAR)
# 12/15/2015, 15-12-2015: the order depends on the country.
SLASHED_PATTERN = re.compile(r"(?<![\d/-])(?P<a>\d{1,2})([/-])(?P<b>\d{1,2})\2" + _YEAR)
# Every pattern above writes the year in four digits: a text without four digits in a row holds no date, and
# most texts the readers test (a page's lines and attributes) have none, so the month-name scans are skipped.
FOUR_DIGITS = re.compile(r"\d{4}")

_ZONE = (
    r"(?:\s*(?P<zone>Z(?![^\W\d_])|[+-]\d{2}:?\d{2}(?!\d)"
    r"|(?:UTC|GMT)(?:\s*(?P<zsign>[+-])\s*(?P<zh>\d{1,2})(?::?(?P<zm>\d{2}))?)?(?![^\W\d_])))?"
)
_AMPM = r"(?P<ap>[ap]\.?\s?m\.?(?![^\W\d_]))"
TIME_PATTERN = re.compile(
    r"(?<![\d:])(?:(?P<h>\d{1,2})\s?[:h]\s?(?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d)(?:[.,]\d+)?)?(?!\d)"
    r"\s*" + _AMPM.replace("ap>", "ap1>") + "?"
    r"|(?P<h2>\d{1,2})\s*" + _AMPM.replace("ap>", "ap2>") + ")" + _ZONE,
    re.IGNORECASE,
)
TIME_AFTER = re.compile(TIME_GAP + TIME_PATTERN.pattern, re.IGNORECASE)
# A time printed before its date: "3:04 PM ET, Dec. 15, 2015".
TIME_BEFORE = re.compile(TIME_PATTERN.pattern + r"[^\d]{0,15}$", re.IGNORECASE)
TIME_BEFORE_WINDOW = 40


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A calendar date found in a text, with where it was printed."""

    start: int
    end: int
    day: datetime.date


def parse_date(text: str, *, day_first: bool | None = None, not_after: str | None = None) -> str | None:
    """Return the publication date printed in a short text, as ISO 8601, or None.

    Args:
        text: a dateline, title line or attribute value.
        day_first: the order of an a/b/yyyy date; None leaves an ambiguous one unread.
        not_after: an ISO date (the crawl date); later dates are rejected.

    Returns:
        "YYYY-MM-DD", with "THH:MM[:SS]" when a time is given and "Z"/"+HH:MM" when a zone is.
    """
    found = find_dates(text, day_first=day_first, not_after=not_after)
    if not found:
        return None
    chosen = _prefer_publication(text, found)
    return chosen.day.isoformat() + _time_near(text, chosen)


def find_dates(text: str, *, day_first: bool | None = None,
               not_after: str | None = None) -> tuple[DateMatch, ...]:
    """Every valid date in a text, in reading order, overlapping readings removed."""
    if not FOUR_DIGITS.search(text):  # every date pattern spells its year with four digits
        return ()
    candidates = [*_named_dates(text), *_numeric_dates(text, day_first)]
    limit = (not_after or "")[:10]
    if limit:
        candidates = [c for c in candidates if c.day.isoformat() <= limit]
    candidates.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[DateMatch] = []
    for candidate in candidates:
        if not kept or candidate.start >= kept[-1].end:
            kept.append(candidate)
    return tuple(kept)


def _make_date(year: int, month: int, day: int) -> datetime.date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _named_dates(text: str):
    if not MONTH_START.search(text):  # an ISO value: the month-name scans cost ~40 µs on any text
        return
    for pattern in NAMED_PATTERNS:
        for match in pattern.finditer(text):
            month = MONTH_OF[match["mon"].casefold()]
            day = _make_date(int(match["y"]), month, int(match["d"]))
            if day:
                yield DateMatch(match.start(), match.end(), day)


def _numeric_dates(text: str, day_first: bool | None):
    for pattern in YMD_PATTERNS:
        for match in pattern.finditer(text):
            day = _make_date(int(match["y"]), int(match["m"]), int(match["d"]))
            if day:
                yield DateMatch(match.start(), match.end(), day)
    for pattern, order in ((DOTTED_PATTERN, True), (SLASHED_PATTERN, day_first)):
        for match in pattern.finditer(text):
            day = _ordered_date(int(match["a"]), int(match["b"]), int(match["y"]), order)
            if day:
                yield DateMatch(match.start(), match.end(), day)


def _ordered_date(a: int, b: int, year: int, day_first: bool | None) -> datetime.date | None:
    """Read a/b/year; when only one order gives a real date, that one wins."""
    as_day_first = _make_date(year, b, a)
    as_month_first = _make_date(year, a, b)
    if as_day_first and as_month_first and as_day_first != as_month_first:
        if day_first is None:
            return None
        return as_day_first if day_first else as_month_first
    return as_day_first or as_month_first


def _prefer_publication(text: str, found: tuple[DateMatch, ...]) -> DateMatch:
    """The first date not labelled as an update, else the first date."""
    for candidate in found:
        before = text[max(0, candidate.start - UPDATE_LOOKBEHIND):candidate.start]
        if not UPDATE_WORDS.search(before):
            return candidate
    return found[0]


def _time_near(text: str, date: DateMatch) -> str:
    """The ISO time suffix ("THH:MM[:SS][zone]") printed next to a date, or ""."""
    match = TIME_AFTER.match(text, date.end)
    if not match:
        before = text[max(0, date.start - TIME_BEFORE_WINDOW):date.start]
        match = TIME_BEFORE.search(before)
    return _format_time(match) if match else ""


def _format_time(match: re.Match) -> str:
    hour = int(match["h"] if match["h"] is not None else match["h2"])
    ampm = (match["ap1"] or match["ap2"] or "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return ""
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    if hour > 23:
        return ""
    clock = f"T{hour:02d}:{match['mi'] or '00'}"
    if match["s"]:
        clock += f":{match['s']}"
    return clock + _format_zone(match)


def _format_zone(match: re.Match) -> str:
    zone = match["zone"]
    if not zone:
        return ""
    if zone.upper() == "Z":
        return "Z"
    if zone[0] in "+-":
        digits = zone[1:].replace(":", "")
        return f"{zone[0]}{digits[:2]}:{digits[2:]}"
    if not match["zsign"]:
        return "Z"
    return f"{match['zsign']}{int(match['zh']):02d}:{match['zm'] or '00'}"
