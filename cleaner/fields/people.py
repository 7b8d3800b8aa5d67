"""Read a byline: the people who wrote an article and the wire agency it came from."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from cleaner.fields.credentials import continues_credentials, leading_credential, trailing_credentials
from cleaner.fields.dates import find_dates

# Canonical spelling of each wire agency, then the other spellings found in credits.
AGENCIES: dict[str, tuple[str, ...]] = {
    "AFP": ("agence france-presse", "agence france presse"),
    "AP": ("associated press", "the associated press", "ap news"),
    "Reuters": ("thomson reuters", "reuters news"),
    "dpa": ("deutsche presse-agentur", "deutsche presse agentur"),
    "EFE": ("agencia efe",),
    "ANSA": (),
    "Xinhua": ("xinhua news agency", "xinhuanet"),
    "Kyodo": ("kyodo news",),
    "PTI": ("press trust of india",),
    "IANS": ("indo-asian news service",),
    "KNA": ("katholische nachrichten-agentur",),
    "epd": ("evangelischer pressedienst",),
    "UPI": ("united press international",),
    "Bloomberg": ("bloomberg news",),
    "PA": ("pa media", "press association", "pa wire", "pa news"),
    "AAP": ("australian associated press",),
    "CP": ("the canadian press", "canadian press"),
    "Yonhap": ("yonhap news agency", "yonhap news"),
    "TASS": ("itar-tass", "itar tass"),
    "RIA": ("ria novosti",),
    "Anadolu": ("anadolu agency", "anadolu ajansı", "anadolu ajansi"),
    "APA": ("austria presse agentur",),
    "SDA": ("keystone-sda", "schweizerische depeschenagentur"),
    "ANP": (),
    "Belga": (),
    "Lusa": (),
    "Europa Press": (),
    "Interfax": (),
    "IRNA": (),
    "Bernama": (),
    "Antara": (),
    "PAP": ("polska agencja prasowa",),
    "ČTK": ("ctk",),
    "MTI": (),
    "dapd": (),
    "NTB": (),
    "TT": (),
    "Ritzau": (),
}

# Labels that open a byline; stripped before the names are read.
LEADING_LABELS = re.compile(
    r"^(?:(?:written|reported|reporting|text|words|story|compiled|article|post|posted|review|guide)"
    r"\s+by|(?:this|the)\s+(?:blog\s+)?(?:post|article|story|piece|guide)\s+(?:was\s+)?(?:written|reported)\s+by"
    r"|by|von|par|por|di|da|door"
    r"|av|przez|от|yazan|autor(?:in|a|es)?|author(?:s)?|auteur(?:e|s)?|text|texto|testo"
    r"|reporter|written|story|posted\s+by|source|quelle|fuente|fonte|bron|źródło|источник|kaynak)"
    r"(?:\s*:\s*|\s+|$)",
    re.IGNORECASE,
)
# A segment opened by one of these credits a picture or an editor, not the text.
NOT_AUTHOR_LABELS = re.compile(
    r"^(?:photo(?:graph)?s?|pictures?|image|images|credits?|foto(?:s|grafie)?|bild(?:er)?"
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
    r"|(?:editing|edited|additional reporting|photos?|pictures?|(?:medically\s+)?reviewed"
    r"|fact[- ]checked|updated)\s+by\b|(?:with\s+)?contributions?\s+from\b"
    r"|(?:last\s+)?(?:updated?|published|posted|modified)\s+(?:on|at)\b"
    r"|last\s+(?:updated?|modified)\b|sponsored\b))",
    re.IGNORECASE,
)
NAME_SEPARATORS = re.compile(
    r"\s*(?:[,;|&/+•·●⋅∙]|\s[-–—]\s|\s(?:and|und|et|y|e|en|i|и|ve|og|och|with|mit|avec|con|com)\s)\s*",
    re.IGNORECASE,
)
# Words naming a newsroom or a group rather than a person.
NEWSROOM_WORDS = re.compile(
    r"(?<![^\W_])(?:staff|desk|editorial|editors?|newsroom|redaktion|rédaction|redacción|redação"
    r"|redazione|redactie|redakcja|team|board|agencies|agency|agences|agenturen|wires?|news service"
    r"|correspondents?|contributors?|admin|administrator|webmaster|guest|anonymous|press release"
    r"|media|news|online|digital|network|bureau|times|journal|tribune|gazette|magazine|chronicle"
    r"|telegraph|authors?|bio|biography|profile|follow|posts"
    r"|articles|read more|view|about|contact|share|subscribe|sponsored|updated?|published|medically|last"
    r"|insights?|tips|history|blog|home|category|undefined|null|none|sign in|log in|login"
    # organisations: a clinic, a foundation or a company is no person
    r"|foundation|institute|association|university|college|school|academy|clinic|hospital|dentistry"
    r"|company|inc|llc|ltd|gmbh|corp|corporation|group|society|council|department|labs?|studios?"
    r"|services|solutions|books|daily|weekly"
    # departments named after a job title ("Head of Marketing and Community Development")
    r"|development|operations|communications|community|public relations)(?![^\W_])",
    re.IGNORECASE,
)
# Job titles that follow a name ("Jane Doe, Senior Editor"); the name ends where they begin.
ROLE_WORDS = re.compile(
    r"(?<![^\W_])(?:senior|chief|editor|editors|correspondent|reporter|writer|journalist"
    r"|columnist|contributor|producer|analyst|director|professor|president|founder|ceo"
    r"|manager|head of|deputy|associate|staff|intern|fellow|host|anchor|photographer"
    r"|redakteur(?:in)?|korrespondent(?:in)?|journalistin?|autorin?|marketing|coordinator|co"
    r"|co-founder|cofounder|content|specialist|strategist|consultant|expert|reviewer|lead"
    r"|engineer|developer|designer|officer|partner|owner|vp|researcher|scientist|advisor"
    r"|certified|licensed|registered|former)(?![^\W_])",
    re.IGNORECASE,
)
PLACE_SUFFIX = re.compile(r"\s+(?:in|aus|en|à|from|reporting from|em|a)\s+\S.*$", re.IGNORECASE)
NAME_PARTICLES = frozenset({
    "van", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "von", "zu", "le", "la",
    "bin", "ibn", "al", "el", "ter", "ten", "y", "e", "mc", "st.", "d'",
})
WEB_ADDRESS = re.compile(r"\w\.(?:com|org|net|io|co|de|fr|uk|info|gov|edu)\b|https?:|www\.", re.IGNORECASE)
EMAIL = re.compile(r"\S+@\S+\.\w+|@\w+")
BRACKETS = re.compile(r"[(\[](?P<inner>[^)\]]*)[)\]]")
# A bracketed maiden name, nickname or pen name kept with the name: one or two capitalised words.
NAME_IN_BRACKETS = re.compile(r"^[^\W\d_][^\W\d_'-]*(?:[ '-][^\W\d_]+)?$")
# Weekday names printed after a byline ("Jeff Foust Monday"): a dateline glued to the name.
WEEKDAYS = re.compile(
    r"\s*,?\s*\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b.*$|\s*,?\s*\b(?:montag|dienstag|mittwoch"
    r"|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes"
    r"|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì)\b.*$",
    re.IGNORECASE)
# Style rules that leaked into a byline's text (".css-1x{color:red}").
CSS_RULE = re.compile(r"[^\s{}]*\{[^{}]*\}")
# Separators a byline's layout leaves at its ends ("By Monroe Roark -").
EDGE_SEPARATORS = " \t-–—|•·●⋅∙:,;/"
# A person's name is short; a longer segment is a sentence that happened to sit in a byline.
MAX_NAME_WORDS = 5
# A site name this long is a brand, not a family name a person might carry ("Post", "Sun").
MIN_BRAND_CHARS = 6
MAX_NAME_CHARS = 60
# An all-capitals site name this long is an outlet's initials ("CBC", "NPR"), not a first name.
MIN_INITIALS_SITE_CHARS = 3


@dataclass(frozen=True, slots=True)
class Byline:
    """A byline as printed, the names of its authors and its wire agency."""

    byline: str | None
    authors: tuple[str, ...] = ()
    agency: str | None = None


def _agency_lookup() -> dict[str, str]:
    lookup = {}
    for canonical, aliases in AGENCIES.items():
        for spelling in (canonical, *aliases):
            lookup[_fold(spelling)] = canonical
    return lookup


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


AGENCY_OF: dict[str, str] = _agency_lookup()


def canonical_agency(name: str) -> str | None:
    """The canonical spelling of a wire agency ("Agence France-Presse" -> "AFP"), else None."""
    folded = _fold(name).strip(" .,:;-–—()[]")
    folded = re.sub(r"^the\s+", "", folded)
    return AGENCY_OF.get(folded) or AGENCY_OF.get("the " + folded)


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
        kept.setdefault(_fold(bare), name)
    return tuple(kept.values())


def _segments(text: str) -> list[str]:
    """Split a byline at inner labels ("Source:", "Published:") and remove dates and e-mails."""
    text = EMAIL.sub(" ", text)
    for found in reversed(find_dates(text)):
        text = text[:found.start] + " ; " + text[found.end:]
    text = BRACKETS.sub(_bracketed_agency, text)
    return [part.strip() for part in SEGMENT_LABELS.split(text) if part.strip()]


def _bracketed_agency(match: re.Match) -> str:
    """Keep "(AFP)" or "(dpa/AFP)" as credits; a short word or two in brackets is part of the name as
    printed ("Paramita (Guha) Ghosh", "Jean-Luc Aufranc (CNXSoft)"); other brackets go."""
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
        name = _person_name(bare, site, lowercase=lowercase) if bare else None
        if name:
            authors.append(f"{name} {credentials}".strip())
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


def _person_name(piece: str, site: str | None, *, lowercase: bool = False) -> str | None:
    """The person's name in a piece of a byline, or None when it is not one."""
    piece = _cut_weekday(_cut_at_repeat(PLACE_SUFFIX.sub("", piece)))
    piece = _drop_avatar_initials(_cut_trailing_caps(_cut_role(piece))).strip(" .,:;-–—'\"*{}<>")
    piece = _undouble(piece)
    if ":" in piece or WEB_ADDRESS.search(piece):
        return None
    if not piece or len(piece) > MAX_NAME_CHARS or len(piece.split()) > MAX_NAME_WORDS:
        return None
    if any(ch.isdigit() for ch in piece) or NEWSROOM_WORDS.search(piece) or ROLE_WORDS.search(piece):
        return None
    if site and _is_site_name(piece, site):
        return None
    if _opens_like_no_name(piece):
        return None
    if not (_looks_capitalised(piece) or lowercase and piece.islower()) or _is_acronym(piece):
        return None
    return piece.title() if piece.isupper() else piece


def _opens_like_no_name(piece: str) -> bool:
    """ "The Commercial Appeal" is a newspaper; "M.A. Journalism" a degree, not a person."""
    first = piece.split()[0]
    if first.casefold() == "the":
        return True
    return ("." in first or first.isupper()) and leading_credential(first)


def _cut_weekday(piece: str) -> str:
    """ "Jeff Foust Monday" -> "Jeff Foust"; a lone "Monday" is dropped, "Billy Sunday" kept."""
    cut = WEEKDAYS.sub("", piece)
    return cut if len(cut.split()) >= 2 or not cut.strip() else piece


def _cut_at_repeat(piece: str) -> str:
    """ "Jane Doe Jane Doe is a reporter …" -> "Jane Doe": a byline followed by the author's bio."""
    words = piece.split()
    for start in range(2, len(words) - 1):
        if words[start:start + 2] == words[:2]:
            return " ".join(words[:start])
    return piece


def _cut_role(piece: str) -> str:
    """ "Jane Doe Senior Editor" -> "Jane Doe": a role word after two or more name words."""
    match = ROLE_WORDS.search(piece)
    if match and len(piece[:match.start()].split()) >= 2:
        return piece[:match.start()]
    return piece


def _undouble(piece: str) -> str:
    """ "Courtney Carr Courtney Carr" -> "Courtney Carr": a name printed twice (link and tooltip)."""
    words = piece.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half and words[:half] == words[half:]:
        return " ".join(words[:half])
    return piece


def _cut_trailing_caps(piece: str) -> str:
    """ "Brian Truitt USA TODAY" -> "Brian Truitt": an all-capitals outlet after a mixed-case name."""
    words = piece.split()
    while len(words) > 2 and words[-1].isupper() and len(words[-1]) > 1 and not words[0].isupper():
        words.pop()
    return " ".join(words)


def _drop_avatar_initials(piece: str) -> str:
    """ "CM Craig McCarthy" -> "Craig McCarthy": the initials an avatar placeholder printed first."""
    words = piece.split()
    if len(words) >= 3 and words[0].isupper() and words[0] == "".join(w[0] for w in words[1:3]):
        return " ".join(words[1:])
    return piece


def _is_site_name(piece: str, site: str) -> bool:
    folded, site_folded = _fold(piece), _fold(site)
    bare_site = re.sub(r"^(?:www\.)?(.+?)(?:\.\w{2,3})+$", r"\1", site_folded)
    if folded in {site_folded, bare_site, "the " + site_folded} or site_folded == "the " + folded:
        return True
    # The brand written longer than the site name: "Business Insider" on "Insider".
    if len(bare_site) >= MIN_BRAND_CHARS and folded.endswith(" " + bare_site):
        return True
    # A desk of an outlet known by its initials: "CBC Arts" on "CBC".
    return site.isupper() and len(site) >= MIN_INITIALS_SITE_CHARS and folded.startswith(site_folded + " ")


def _is_acronym(piece: str) -> bool:
    """A lone upper-case token ("CNN", "BBC") names an organisation, not a person."""
    return len(piece.split()) == 1 and piece.isupper()


def _looks_capitalised(piece: str) -> bool:
    """Every word of a several-word name is capitalised (name particles aside); caseless scripts pass.

    A single word passes in any case: user names ("srauturier") are printed as authors.
    """
    words = [w.strip("()") for w in piece.split() if any(ch.isalpha() for ch in w)]
    if not words:
        return False
    cased = [w for w in words if any(ch.isupper() or ch.islower() for ch in w)]
    if len(words) == 1 or not cased:
        return True
    return all(w[0].isupper() or w.casefold() in NAME_PARTICLES for w in cased)
