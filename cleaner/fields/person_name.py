"""Tell a person's name from the other words a byline prints: newsrooms, job titles, places, outlets."""

from __future__ import annotations

import re

from cleaner.fields.agencies import fold
from cleaner.fields.credentials import leading_credential

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
    # ... and in other languages: a parliamentary group, a club, a ministry, a publisher, an institute
    r"|fraktion|verein|verband|stiftung|partei|ministerium|ministry|verlag|institut|universität|hochschule"
    r"|landesanstalt|fondation|fundación|fundação|fondazione|université|universidad|università"
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
    r"|certified|licensed|registered|former|special)(?![^\W_])",
    re.IGNORECASE,
)
PLACE_SUFFIX = re.compile(r"\s+(?:in|aus|en|à|from|reporting from|em|a|on behalf of)\s+\S.*$", re.IGNORECASE)
NAME_PARTICLES = frozenset({
    "van", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "von", "zu", "le", "la",
    "bin", "ibn", "al", "el", "ter", "ten", "y", "e", "mc", "st.", "d'",
})
WEB_ADDRESS = re.compile(r"\w\.(?:com|org|net|io|co|de|fr|uk|info|gov|edu)\b|https?:|www\.", re.IGNORECASE)
# Weekday names printed after a byline ("Jeff Foust Monday"): a dateline glued to the name.
WEEKDAYS = re.compile(
    r"\s*,?\s*\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b.*$|\s*,?\s*\b(?:montag|dienstag|mittwoch"
    r"|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes"
    r"|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì)\b.*$",
    re.IGNORECASE)
# A generation printed after a name is part of it ("George T. Conway III"), not an outlet's initials.
GENERATIONAL_SUFFIXES = frozenset({"ii", "iii", "iv", "jr", "sr"})
# A person's name is short; a longer segment is a sentence that happened to sit in a byline.
MAX_NAME_WORDS = 5
# A site name this long is a brand, not a family name a person might carry ("Post", "Sun").
MIN_BRAND_CHARS = 6
MAX_NAME_CHARS = 60
# A nickname or an earlier name printed inside a name: Amanda "Tania Mae" Tan, Jane (Guha) Doe.
NICKNAME_MARKS = "()\"“”‘’"
# An all-capitals site name this long is an outlet's initials ("CBC", "NPR"), not a first name.
MIN_INITIALS_SITE_CHARS = 3


def person_name(piece: str, site: str | None, *, lowercase: bool = False) -> str | None:
    """The person's name in a piece of a byline, or None when it is not one."""
    piece = _cut_weekday(_cut_at_repeat(PLACE_SUFFIX.sub("", piece)))
    piece = _drop_avatar_initials(_cut_trailing_caps(_cut_role(piece))).strip(" .,:;-–—'\"*{}<>")
    piece = _undouble(piece)
    if ":" in piece or WEB_ADDRESS.search(piece):
        return None
    if not piece or len(piece) > MAX_NAME_CHARS or len(piece.split()) > MAX_NAME_WORDS:
        return None
    if any(map(str.isdigit, piece)) or NEWSROOM_WORDS.search(piece) or ROLE_WORDS.search(piece):
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
    while (len(words) > 2 and words[-1].isupper() and len(words[-1]) > 1 and not words[0].isupper()
           and words[-1].rstrip(".").casefold() not in GENERATIONAL_SUFFIXES):
        words.pop()
    return " ".join(words)


def _drop_avatar_initials(piece: str) -> str:
    """ "CM Craig McCarthy" -> "Craig McCarthy": the initials an avatar placeholder printed first."""
    words = piece.split()
    if len(words) >= 3 and words[0].isupper() and words[0] == "".join(w[0] for w in words[1:3]):
        return " ".join(words[1:])
    return piece


def _is_site_name(piece: str, site: str) -> bool:
    folded, site_folded = fold(piece), fold(site)
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
    words = [w.strip(NICKNAME_MARKS) for w in piece.split() if any(map(str.isalpha, w))]
    if not words:
        return False
    cased = [w for w in words if any(map(str.isupper, w)) or any(map(str.islower, w))]
    if len(words) == 1 or not cased:
        return True
    return all(w[0].isupper() or w.casefold() in NAME_PARTICLES for w in cased)


def person_shaped(name: str) -> bool:
    """A first and a last name ("Cory Dransfeldt"): two or three capitalised words of letters."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words)
