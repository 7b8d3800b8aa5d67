"""Read a byline: the people who wrote an article and the wire agency it came from."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cleaner.fields.agencies import canonical_agency, fold
from cleaner.fields.credentials import continues_credentials, trailing_credentials
from cleaner.fields.dates import find_dates
from cleaner.fields.person_name import NEWSROOM_WORDS, ROLE_WORDS, WEB_ADDRESS, person_name

# Labels that open a byline; stripped before the names are read.
LEADING_LABELS = re.compile(
    r"^(?:(?:written|reported|reporting|text|words|story|compiled|article|post|posted|review|guide)"
    r"\s+by|(?:photos?|pictures?)\s+and\s+(?:story|text|words)\s+by"
    r"|(?:story|text|words)\s+and\s+(?:photos?|pictures?)\s+by"
    r"|(?:this|the)\s+(?:blog\s+)?(?:post|article|story|piece|guide)\s+(?:was\s+)?(?:written|reported)\s+by"
    r"|by|von|par|por|di|da|door"
    r"|av|przez|от|yazan|autor(?:in|a|es)?|author(?:s)?|auteur(?:e|s)?|text|texto|testo"
    r"|reporter|written|story|posted\s+by|source|quelle|fuente|fonte|bron|źródło|источник|kaynak)"
    r"(?:\s*:\s*|\s+|$)",
    re.IGNORECASE,
)
# A segment opened by one of these credits a picture or an editor, not the text.
NOT_AUTHOR_LABELS = re.compile(
    r"^(?:(?:photo(?:graph)?s?|pictures?)(?!\s+and\s+(?:story|text|words)\b)"
    r"|image|images|credits?|foto(?:s|grafie)?|bild(?:er)?"
    r"|video|illustration|graphics?|grafik|editing|edited|editor|redaktion|redakcja"
    r"|(?:medically\s+)?reviewed|fact[- ]checked|updated\s+by|(?:with\s+)?contributions?\s+from"
    r"|additional reporting|fact[- ]?check(?:ed|ing)?)\b(?:\s+by)?\s*:?",
    re.IGNORECASE,
)
# A segment starting with one of these labels is a date line, not a name.
DATE_LABELS = re.compile(
    r"^(?:published|updated|posted|last updated|date|datum|veröffentlicht|aktualisiert|publié"
    r"|mis à jour|publicado|actualizado|pubblicato|gepubliceerd|opublikowano|опубликовано"
    r"|yayınlanma|stand)\b",
    re.IGNORECASE,
)
# Labels that may sit in the middle of a byline and start a new segment.
SEGMENT_LABELS = re.compile(
    r"\s*(?<![^\W_])(?=(?:(?:source|quelle|fuente|fonte|photo|foto|bild|image|credit|published"
    r"|updated|posted|date|datum|veröffentlicht|aktualisiert|publié|publicado)\s*:"
    r"|(?:editing|edited|additional reporting|(?<!and\s)photos?|(?<!and\s)pictures?|(?:medically\s+)?reviewed"
    r"|fact[- ]checked|updated)\s+by\b|(?:with\s+)?contributions?\s+from\b"
    r"|(?:last\s+)?(?:updated?|published|posted|modified)\s+(?:on|at)\b"
    r"|last\s+(?:updated?|modified)\b|sponsored\b))",
    re.IGNORECASE,
)
NAME_CONJUNCTIONS = r"(?:and|und|et|y|e|en|i|и|ve|og|och|with|mit|avec|con|com)"
# ", and" (the serial comma, an English habit) is one separator: split at the comma alone, "and Tom Watkins"
# would be no name. Only English words: ", y" or ", e" could be an initial ("Lee, E Smith").
NAME_SEPARATORS = re.compile(
    rf"\s*(?:,\s*(?:and|with)\s|[,;|&/+•·●⋅∙]|\s[-–—]\s|\s{NAME_CONJUNCTIONS}\s)\s*",
    re.IGNORECASE,
)
# "Amie Mock as told to Heather Eastman": the speaker's story, written by the name after the label.
AS_TOLD_TO = re.compile(r"^.*?(?<![^\W_])as told to\s+", re.IGNORECASE)
# An address is matched from the start of its run of non-spaces only (where every match starts anyway): tried
# from each character, a long run with no address in it is rescanned to its end once per character.
EMAIL = re.compile(r"(?<!\S)\S+@\S+\.\w+|@\w+")
BRACKETS = re.compile(r"[(\[](?P<inner>[^)\]]*)[)\]]")
# A bracketed maiden name, nickname or pen name kept with the name: one or two capitalised words.
NAME_IN_BRACKETS = re.compile(r"^[^\W\d_][^\W\d_'-]*(?:[ '-][^\W\d_]+)?$")
# Style rules that leaked into a byline's text (".css-1x{color:red}"). Matched from the start of a selector only,
# for the reason EMAIL is.
CSS_RULE = re.compile(r"(?<![^\s{}])[^\s{}]*\{[^{}]*\}")
# Separators a byline's layout leaves at its ends ("By Monroe Roark -").
EDGE_SEPARATORS = " \t-–—|•·●⋅∙:,;/"


@dataclass(frozen=True, slots=True)
class Byline:
    """A byline as printed, the names of its authors and its wire agency."""

    byline: str | None
    authors: tuple[str, ...] = ()
    agency: str | None = None


def parse_byline(text: str, *, site: str | None = None, lowercase: bool = False) -> Byline:
    """Read the authors and the wire agency out of a byline.

    Args:
        text: the byline as printed ("By Jane Doe and John Roe, AFP").
        site: the site's own name, which is never an author.
        lowercase: accept a name written all in lower case ("kirstin boatto"), as a metadata field
            naming the author gives it; in page text such words are a sentence, not a name.

    Returns:
        A Byline; its byline is the trimmed text, or None when it names nobody.
    """
    printed = " ".join(CSS_RULE.sub(" ", text).split()).strip(EDGE_SEPARATORS)
    authors: list[str] = []
    agencies: list[str] = []
    for segment in _segments(printed):
        _read_segment(segment, site, authors, agencies, lowercase=lowercase)
    if not authors and not agencies:
        return Byline(None)
    if authors:
        # The author box repeats the name to open the biography: the byline ends there.
        second = printed.find(authors[0], printed.find(authors[0]) + 1)
        printed = printed[:second].strip(EDGE_SEPARATORS) if second > 0 else printed
    return Byline(printed, distinct_people(authors), agencies[0] if agencies else None)


def distinct_people(names) -> tuple[str, ...]:
    """Each person once, in the first form printed: "Jane Doe, MD" and a later "Jane Doe" are one."""
    kept: dict[str, str] = {}
    for name in names:
        bare = name[:len(name) - len(trailing_credentials(name))].rstrip(" ,")
        kept.setdefault(fold(bare), name)
    return tuple(kept.values())


def combine_bylines(bylines: list[Byline], printed: str | None) -> Byline:
    """The bylines' people (each once) and first agency; printed only when they name someone."""
    authors = _without_titled_repeats(distinct_people(name for b in bylines for name in b.authors))
    agency = next((b.agency for b in bylines if b.agency), None)
    return Byline(printed if (authors or agency) else None, authors, agency)


def _without_titled_repeats(names: tuple[str, ...]) -> tuple[str, ...]:
    """ "Joakim Edin Research" beside "Joakim Edin": the name and its job title printed as one line."""
    return tuple(n for n in names if not any(n.startswith(other + " ") for other in names if other != n))



def _segments(text: str) -> list[str]:
    """Split a byline at inner labels ("Source:", "Published:") and remove dates and e-mails."""
    text = BRACKETS.sub(_bracketed_agency, _without_dates(AS_TOLD_TO.sub("", EMAIL.sub(" ", text))))
    return [part.strip() for part in SEGMENT_LABELS.split(text) if part.strip()]


def _without_dates(text: str) -> str:
    """The text with each date replaced by a separator; joined once (cut out one by one, a text with many dates
    was copied once per date)."""
    pieces: list[str] = []
    copied = 0
    for found in find_dates(text):  # in reading order, without overlaps
        pieces += [text[copied : found.start], " ; "]
        copied = found.end
    return "".join(pieces) + text[copied:]


def _bracketed_agency(match: re.Match) -> str:
    """Keep "(AFP)" or "(dpa/AFP)" as credits; a short word or two in brackets is part of the name as
    printed ("Paramita (Guha) Ghosh", "Jean-Luc Aufranc (CNXSoft)"); other brackets go."""
    if WEB_ADDRESS.search(match["inner"]):
        return match.group()  # "Deutsche Welle (www.dw.com)": a publisher signs with its address
    parts = [p for p in re.split(r"[/,;]", match["inner"]) if p.strip()]
    if parts and all(map(canonical_agency, parts)):
        return " ; " + match["inner"] + " ; "
    inner = match["inner"].strip()
    not_a_name = (NOT_AUTHOR_LABELS, NEWSROOM_WORDS, ROLE_WORDS)
    if NAME_IN_BRACKETS.match(inner) and not any(pattern.search(inner) for pattern in not_a_name):
        return f" ({inner}) "
    return " "


def _read_segment(segment: str, site: str | None, authors: list[str], agencies: list[str], *,
                  lowercase: bool = False) -> None:
    if NOT_AUTHOR_LABELS.match(segment) or DATE_LABELS.match(segment):
        return
    segment = _strip_labels(segment)
    whole_agency = canonical_agency(segment)
    if whole_agency or re.match(r"the\s", segment, re.IGNORECASE):
        # "The Associated Press" is an agency; "The Worcester Telegram & Gazette" a newspaper.
        agencies.extend([whole_agency] if whole_agency else [])
        return
    named_here = credited = False  # the last piece was a name; it (or a piece after it) printed credentials
    after_other = False  # a piece that named no one and no agency came before: an organisation's address
    for piece in NAME_SEPARATORS.split(segment):
        if NOT_AUTHOR_LABELS.match(piece):
            return
        if named_here and continues_credentials(piece, credited):
            authors[-1], credited = f"{authors[-1]}, {piece}", True
            continue
        piece, agency = _split_trailing_agency(_strip_labels(piece))
        piece, leading = _split_leading_agency(piece)
        agencies.extend(found for found in (agency, leading) if found)
        credentials = trailing_credentials(piece)
        bare = piece[:len(piece) - len(credentials)].rstrip(" ,")
        name = person_name(bare, site, lowercase=lowercase) if bare else None
        if name and after_other and len(BRACKETS.sub("", name).split()) == 1:
            name = None  # "SPIEGEL ONLINE, Hamburg, Germany": the places after a publisher are no names
        if name:
            authors.append(f"{name} {credentials}".strip())
        after_other = after_other or bool(bare and not name and not agency and not leading)
        named_here, credited = bool(name), bool(name and credentials)


def _split_trailing_agency(piece: str) -> tuple[str, str | None]:
    """ "John O'Connor The Associated Press" -> ("John O'Connor", "AP"); a lone agency -> ("", agency)."""
    words = piece.split()
    for start in range(len(words)):
        agency = canonical_agency(" ".join(words[start:]))
        if agency:
            return " ".join(words[:start]), agency
    return piece, None


def _split_leading_agency(piece: str) -> tuple[str, str | None]:
    """ "Associated Press Najib Jobain" -> ("Najib Jobain", "AP"): a credit printed again before the next name.

    Only a several-word or all-capitals spelling counts: "Antara" or "Lusa" may be a first name.
    """
    words = piece.split()
    for end in range(len(words) - 1, 0, -1):
        credit = " ".join(words[:end])
        agency = canonical_agency(credit)
        if agency and (end > 1 or credit.isupper()):
            return _strip_labels(" ".join(words[end:])), agency
    return piece, None


def _strip_labels(text: str) -> str:
    previous = None
    while previous != text:
        previous = text
        text = LEADING_LABELS.sub("", text.strip(" \t:-–—,;|.")).strip()
    return text
