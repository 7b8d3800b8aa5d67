"""Choose a page's headline: the on-page h1 that agrees with the metadata titles, else a cleaned title."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from cleaner.addresses import host_of
from cleaner.fields.dates import find_dates
from cleaner.fields.page import PageFacts

# An h1 is the headline when it is this similar to a metadata title (tuned on naeb + wcxb-articles).
H1_MATCH = 0.6
# A kicker printed inside the h1 ("News", "Opinion |", "(video)") is this short, and the headline
# left after removing it is at least this long (tuned on naeb).
MAX_KICKER_WORDS = 3
MIN_TRIMMED_WORDS = 4
# Labels naming the kind of piece, not its subject: a media label ending the headline and a section set off
# by a bar.
MEDIA_LABEL = re.compile(r"\s*[(\[](?:videos?|watch|photos?|pictures|gallery|podcast|listen|audio)[)\]]\s*$",
                         re.IGNORECASE)
SECTION_LABELS = frozenset({"opinion", "editorial", "commentary", "analysis", "column", "op-ed", "perspective"})
BRACKETED = re.compile(r"^\s*[(\[][^)\]]{1,20}[)\]]\s*$")
# The only h1 of a page is taken as headline, without a matching metadata title, from this length.
MIN_SOLE_H1_WORDS = 4
# A sole h1 with more than this share of the page's text before it is a section of the story, not its
# headline (tuned on naeb and wcxb-articles: headline h1s had at most 44% of the text before them, the
# section h1s taken for headlines 70% and 74%).
MAX_TEXT_SHARE_BEFORE_SOLE_H1 = 0.5
EARLIER_HEADINGS = "//body//*[self::h2 or self::h3]"
# Headlines are at least this long; a shorter h1 is a logo or a section label.
MIN_TITLE_CHARS = 4
MAX_TITLE_CHARS = 400
# Site affixes ("| The Guardian") are short; a longer part is a piece of the headline.
MAX_AFFIX_WORDS = 4
SEPARATORS = re.compile(r"(\s+[|\-–—·•»/]\s+|\s*::\s*|\s+\|\s*|\s*\|\s+)")
# A dateline printed inside the h1, after the headline (tuned on wcxb-articles).
DATELINE_START = re.compile(r"^\W*(?:posted|published|updated|on|by)\b", re.IGNORECASE)
MAX_TRAILING_DATELINE_CHARS = 80
# Characters a wrong encoding leaves for the ones it lost, and how many a lost character may become.
LOST_CHARACTERS = frozenset("?\ufffd")
MAX_LOST_RUN = 3
# UTF-8 bytes of punctuation and accented letters read as Latin-1: "â" then a C1 control, "Ã" then a letter.
MOJIBAKE = re.compile("[\u00e2\u00c3\u00c2][\u0080-\u00bf]")
PREFIX_SEPARATOR = re.compile(r"^(?P<prefix>[^:]{2,40}):\s+")
# The site's web address opening the title without a separator ("davidbau.com Vibe Coding").
ADDRESS_PREFIX = re.compile(r"^(?P<prefix>(?:www\.)?[\w-]+(?:\.[a-z]{2,6})+)\s+(?=\S)", re.IGNORECASE)
# Metadata titles in order of trust; <title> carries the most site decoration.
META_TITLE_KEYS = ("og:title", "twitter:title", "headline", "sailthru.title", "parsely-title", "title")
HOST_NOISE = re.compile(r"^(?:www\d?|m|amp|edition|en|de|news)\.")
# A title part opening with the host's own name ("UC Davis Health" on ucdavis.edu) names the site
# when that name is at least this long; shorter labels ("bbc", "co") open ordinary words too.
MIN_HOST_LABEL_CHARS = 5


def compact(text: str | None) -> str:
    """Letters and digits only, case-folded: "The Guardian" -> "theguardian"."""
    return "".join(filter(str.isalnum, (text or "").casefold()))


def matches_site(part: str, site: str | None, url: str | None) -> bool:
    """Whether a title part names the site (its declared name or its host name)."""
    key = compact(part)
    if not key:
        return False
    if site and key in (compact(site), compact(re.sub(r"^the\s+", "", site, flags=re.I))):
        return True
    host = HOST_NOISE.sub("", host_of(url) or "")
    labels = [compact(label) for label in host.split(".")[:-1] if label]
    host_key = "".join(labels)
    if _names_site_in_other_words(part, site, labels):
        return True
    if not host_key:
        return False
    if key == host_key or key in labels or key == "".join(_registered_domain(host)):
        return True
    # "Guardian" in "theguardian", "NBA.com" around "nba": close in length, not a headline naming the site.
    shorter, longer = sorted((key, host_key), key=len)
    return len(shorter) >= 3 and shorter in longer and len(shorter) * 2 >= len(longer)


def _registered_domain(host: str) -> list[str]:
    """The last two labels of a host, compacted: "promotions.newegg.com" -> ["newegg", "com"]."""
    return [compact(label) for label in host.split(".")[-2:]]


def _names_site_in_other_words(part: str, site: str | None, labels: list[str]) -> bool:
    """A site name written another way: shortened ("Thrive Internet Marketing" for "… Agency") or
    its host labels in another order ("Bridgestone Tires" on tires.bridgestone.com)."""
    key = compact(part)
    site_key = compact(site)
    if site_key and len(key) >= 3 and len(part.split()) <= MAX_AFFIX_WORDS:
        shorter, longer = sorted((key, site_key), key=len)
        if longer.startswith(shorter) and len(shorter) * 2 >= len(longer):
            return True
    words = [compact(word) for word in part.split()]
    return len(words) >= 2 and all(word in labels for word in words)


def opens_with_host(part: str, url: str | None) -> bool:
    """A short trailing title part opening with the host's name ("UC Davis Children's Hospital" on
    ucdavis.edu); a headline may open with it too, so only read for the last part of a title."""
    host = HOST_NOISE.sub("", host_of(url) or "")
    labels = [compact(label) for label in host.split(".")[:-1] if label]
    key = compact(part)
    return (bool(labels) and len(labels[-1]) >= MIN_HOST_LABEL_CHARS and len(part.split()) <= MAX_AFFIX_WORDS
            and key.startswith(labels[-1]) and key != labels[-1])


def choose_title(facts: PageFacts) -> str | None:
    """The headline: the h1 matching the metadata titles best, else the cleanest metadata title."""
    references = _reference_titles(facts)
    cleaned = [strip_site_affixes(ref, facts.site, facts.url) for ref in references]
    cleaned = [title for title in cleaned if title]
    h1 = _best_heading(facts, references + cleaned)
    if h1:
        heading = _undecorated_heading(_trim_kicker(h1, cleaned), references, facts)
        return repair_text(_without_labels(_restored_characters(heading, cleaned)))
    return page_title(facts)


def _without_labels(title: str) -> str:
    """Drop the labels a site prints around a headline: a media label ending it ("… (video)",
    "… [Watch]") and section labels set off by a bar ("Opinion | … | Editorial")."""
    bare = MEDIA_LABEL.sub("", title)
    parts = [part.strip() for part in re.split(r"\s+\|\s+", bare)]
    while len(parts) > 1 and parts[0].casefold() in SECTION_LABELS:
        parts = parts[1:]
    while len(parts) > 1 and parts[-1].casefold() in SECTION_LABELS:
        parts = parts[:-1]
    kept = " | ".join(parts)
    return kept if len(kept.split()) >= MIN_TRIMMED_WORDS else title


def page_title(facts: PageFacts) -> str | None:
    """The page's own title (its metadata, site affixes stripped), for a page that holds no article:
    the headings on a front page are its teasers'."""
    cleaned = [title for ref in _reference_titles(facts) if (title := strip_site_affixes(ref, facts.site, facts.url))]
    return repair_text(_without_labels(cleaned[0])) if cleaned else None


def repair_text(text: str) -> str:
    """UTF-8 read as Latin-1 ("Investorâ\x80\x99s") decoded again; any other text unchanged."""
    if not MOJIBAKE.search(text):
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def _restored_characters(heading: str, titles: list[str]) -> str:
    """An h1 whose characters the page's encoding lost ("Beginner? Guide") yields to the metadata title
    printing the same headline with them ("Beginner's Guide")."""
    if "?" not in heading and "\ufffd" not in heading:
        return heading
    for title in titles:
        matcher = SequenceMatcher(None, heading, title, autojunk=False)
        changes = [(heading[i1:i2], title[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]
        if changes and all(lost and set(lost) <= LOST_CHARACTERS and len(lost) <= len(kept) <= MAX_LOST_RUN
                           for lost, kept in changes):
            return title
    return heading


def _undecorated_heading(heading: str, references: list[str],
                         facts: PageFacts) -> str:
    """An h1 printing the decorated <title> ("Headline | Section | Site") loses that decoration;
    any other h1 only loses a trailing part naming the site ("Headline – Site")."""
    parts = SEPARATORS.split(heading)
    if len(parts) < 3 or not _names_site(parts[-1], facts):
        return heading
    if heading.casefold() in (reference.casefold() for reference in references):
        return strip_site_affixes(heading, facts.site, facts.url) or heading
    while len(parts) > 2 and _names_site(parts[-1], facts):
        parts = parts[:-2]
    return "".join(parts)


def _names_site(part: str, facts: PageFacts) -> bool:
    return matches_site(part, facts.site, facts.url) or opens_with_host(part, facts.url)


def _trim_kicker(heading: str, titles: list[str]) -> str:
    """Drop a kicker the h1 prints around the headline ("Opinion | …", "… [Watch]").

    Only when a metadata title is exactly the rest of the h1, and the kicker is a few words.
    """
    lowered = heading.lower()
    for title in titles:
        key = title.lower()
        if key == lowered or len(key.split()) < MIN_TRIMMED_WORDS or len(lowered) != len(heading):
            continue
        kicker = lowered[: -len(key)].strip()
        if lowered.endswith(key) and len(kicker.split()) <= MAX_KICKER_WORDS and not kicker.endswith(":"):
            return heading[-len(key):].strip()
        if lowered.startswith(key) and (BRACKETED.match(lowered[len(key):]) or _is_dateline(heading[len(key):])):
            return heading[: len(key)].strip()
    return heading


def _is_dateline(text: str) -> bool:
    """ "Posted on July 1, 2024 by infuy": a date (and byline) the h1 printed after the headline."""
    return bool(DATELINE_START.match(text)) and len(text) <= MAX_TRAILING_DATELINE_CHARS and bool(find_dates(text))


def _reference_titles(facts: PageFacts) -> list[str]:
    found = [facts.meta.first(key) for key in META_TITLE_KEYS]
    found.insert(2, facts.jsonld.headline)
    found += [" ".join(t.split()) for t in facts.head.tagged.title_texts[:1]]
    return [t for t in dict.fromkeys(found) if t and MIN_TITLE_CHARS <= len(t) <= MAX_TITLE_CHARS]


def _headings(facts: PageFacts, references: list[str] = ()) -> list[str]:
    """The texts of the h1s and of the elements marked as headline (itemprop) under body."""
    marked = [e for e in facts.with_itemprop("headline") if e.tag != "meta" and facts.in_body(e)]
    elements = facts.in_document_order(facts.head.tagged.h1s, marked)
    texts = (" ".join(_heading_text(element).split()) for element in elements)
    decoration = _decoration(references)
    return [text for text in dict.fromkeys(texts)
            if MIN_TITLE_CHARS <= len(text) <= MAX_TITLE_CHARS
            and not matches_site(text, facts.site, facts.url) and compact(text) not in decoration]


def _decoration(references: list[str]) -> set[str]:
    """What a decorated metadata title adds around a plainer one ("Engora Data Blog" of "Engora Data Blog:
    Small adventures…" beside "Small adventures…"), compacted: the site's name, never the headline."""
    added = set()
    for title in references:
        for plain in references:
            if len(plain) < len(title) and (title.endswith(plain) or title.startswith(plain)):
                added.add(compact(title.replace(plain, "", 1)))
    return added - {""}


def _heading_text(element) -> str:
    """The heading's text with a line break read as a space ("WEEKEND<br>CODING AGENT"); inline tags
    join their text as printed ("Don<span>'</span>t")."""
    if element.find(".//br") is None:
        return element.text_content()
    pieces = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            pieces.append(" " if child.tag == "br" else _heading_text(child))
        pieces.append(child.tail or "")
    return "".join(pieces)


def _best_heading(facts: PageFacts, references: list[str]) -> str | None:
    headings = _headings(facts, references)
    if not references:
        return headings[0] if len(headings) == 1 else None
    best, best_score = None, 0.0
    for heading in headings:  # the first of the best-scored headings, if it scores H1_MATCH
        floor = max(best_score, H1_MATCH)
        score = max(_similarity(heading, ref, floor) for ref in references)
        if score > best_score and score >= H1_MATCH:
            best, best_score = heading, score
    if best is not None:
        return best
    # A page with one headline-long h1 shows that h1 as its headline even when its SEO title differs.
    sole = facts.head.tagged.h1s
    if len(sole) == 1 and len(headings) >= 1 and headings[0] == " ".join(_heading_text(sole[0]).split()):
        long_enough = len(headings[0].split()) >= MIN_SOLE_H1_WORDS
        return headings[0] if long_enough and not _section_heading(sole[0], facts, references) else None
    return None


def _section_heading(h1, facts: PageFacts, references: list[str]) -> bool:
    """An h1 inside the story's text: most of the page's text stands before it, or an earlier heading
    prints a metadata title (a blog printing its headline as <h2> and the post's sections as <h1>)."""
    if facts.texts.share_before(h1) > MAX_TEXT_SHARE_BEFORE_SOLE_H1:
        return True
    titles = {reference.casefold() for reference in references}
    position = facts.order.get(h1, 0)
    return any(facts.order.get(heading, position) < position
               and " ".join(heading.text_content().split()).casefold() in titles
               for heading in facts.tree.xpath(EARLIER_HEADINGS))


def _similarity(heading: str, reference: str, floor: float = 0.0) -> float:
    """How alike the two read (0 to 1); 0.0 when they cannot reach `floor`, known from the
    upper bounds of the ratio, which cost a fraction of it (a page may have dozens of headings)."""
    a, b = heading.casefold(), reference.casefold()
    if a == b:
        return 1.0
    if len(a) >= MIN_TITLE_CHARS * 3 and a in b:
        return 0.95
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
        return 0.0
    return matcher.ratio()


def strip_site_affixes(title: str, site: str | None, url: str | None) -> str | None:
    """Remove a site name, section or date around a title ("Headline | DW | 19.01.2020")."""
    parts = SEPARATORS.split(" ".join(title.split()))
    texts, separators = parts[::2], parts[1::2]
    low, high = 0, _site_part(texts, site, url)
    while high - low > 1 and _is_affix(texts[high - 1], site, url, texts[low:high]):
        high -= 1
    while high - low > 1 and _is_affix(texts[low], site, url, texts[low:high], leading=True):
        low += 1
    joined = texts[low] + "".join(separators[i - 1] + texts[i] for i in range(low + 1, high))
    prefix = PREFIX_SEPARATOR.match(joined) or ADDRESS_PREFIX.match(joined)
    if prefix and matches_site(prefix["prefix"], site, url):
        joined = joined[prefix.end():]
    joined = joined.strip()
    if not joined or matches_site(joined, site, url):
        return None
    return joined


def _site_part(texts: list[str], site: str | None, url: str | None) -> int:
    """Where the site's name begins the title's trailing decoration ("Headline » SciLogs - Science blogs"):
    what follows it is the site's tagline. The whole title when no part after the first names the site."""
    return next((i for i in range(1, len(texts)) if matches_site(texts[i], site, url)), len(texts))


def _is_affix(part: str, site: str | None, url: str | None, texts: list[str],
              leading: bool = False) -> bool:
    if matches_site(part, site, url) or _is_date(part) or (not leading and opens_with_host(part, url)):
        return True
    # A short trailing part after a long head is the site or section ("… - Politics").
    longest = max(len(t) for t in texts)
    return (not leading and len(part.split()) <= MAX_AFFIX_WORDS and len(part) * 3 <= longest
            and not _is_date(texts[0]))


def _is_date(part: str) -> bool:
    found = find_dates(part)
    return bool(found) and sum(f.end - f.start for f in found) * 2 >= len(part.strip())
