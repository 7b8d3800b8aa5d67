"""Bytes -> text: byte-order marks, declared charsets, detection; and HTML-or-text sniffing."""

from __future__ import annotations

import codecs
import re
import unicodedata

from cleaner.errors import Rejection
from cleaner.model import Decoded, Format

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
MAGIC = (
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"RIFF", "RIFF media"),
    (b"\x7fELF", "ELF executable"),
    (b"BM", None),  # too short to trust alone; left to the control-character test
)
# A few invalid bytes in otherwise valid UTF-8 are damage, not another encoding (tuned by hand on
# dumps with stray Latin-1 bytes): above this share, the text is decoded by detection instead.
STRAY_BYTES_MAX_SHARE = 0.002
# Share of control characters above which decoded "text" is binary data (text has almost none).
BINARY_CONTROL_SHARE = 0.05
# Share of NUL bytes in one byte lane that marks BOM-less UTF-16 (ASCII text in UTF-16 has ~50%).
UTF16_NUL_LANE_SHARE = 0.4
SNIFF_CHARS = 4096
UTF8_NAMES = frozenset({"utf-8", "utf8"})
# A page may open with a script (a redirect stub has nothing else); a renderer's dump never prints one.
HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|script)\b", re.I | re.S)
# XML that is a list of links, not a page: a feed or a sitemap would read as an article of titles and dates.
NOT_A_PAGE_XML = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<\?[^>]*>\s*)*<(?P<root>rss|feed|rdf:RDF|urlset|sitemapindex)\b",
    re.I | re.S)
XML_ROOT_KINDS = {"rss": "RSS feed", "feed": "Atom feed", "rdf:rdf": "RSS feed", "urlset": "XML sitemap",
                  "sitemapindex": "XML sitemap"}
HTML_TAG = re.compile(r"<(p|div|a|span|br|meta|script|article|section|h[1-6]|li|table|link|title)\b[^>]*>", re.I)
# A dump mentioning a few tags in prose is still text; a page has many.
HTML_MIN_TAGS = 5
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# A soft hyphen is invisible where the word is not broken; left in, it splits the word for every search and
# token count ("Wäh\u00adrend"). In HTML it is often written as a character reference.
SOFT_HYPHEN = "\u00ad"
SOFT_HYPHEN_REFERENCE = re.compile(r"&(?:shy|#173|#[xX]00[aA][dD]|#[xX][aA][dD]);")


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a document; a warning names the encoding whenever it was not plain UTF-8."""
    if not data.strip():
        raise Rejection("empty input", stage="decode")
    _reject_binary_magic(data)
    text, encoding, warnings = _to_text(data, declared)
    decoded = text
    if _may_hold_nul(data, encoding) and "\x00" in text:
        text = text.replace("\x00", "")
        warnings.append("removed NUL characters")
    if not text.strip():
        raise Rejection("empty input", stage="decode")
    _reject_binary_text(text)
    _reject_link_lists(text)
    fmt = sniff_format(text)
    normalised = normalise_characters(text, fmt)
    utf8 = data if normalised is decoded and _as_it_stood(data, encoding, warnings) else None
    return Decoded(text=normalised, format=fmt, encoding=encoding, warnings=tuple(warnings), utf8=utf8)


def _as_it_stood(data: bytes, encoding: str, warnings: list[str]) -> bool:
    """Whether the data decoded as UTF-8 without a byte-order mark or a repair: it is then the text's UTF-8."""
    return encoding == "utf-8" and not warnings and not data.startswith(codecs.BOM_UTF8)


def normalise_characters(text: str, fmt: Format) -> str:
    """No soft hyphens, and a dump's characters composed (NFC: a page may spell "ü" as "u" and a combining
    mark), so that the same word is the same string wherever it came from. A page's markup is not composed
    here: its scripts and data can be megabytes that take a tenth of a second to check; the record's strings
    are composed when it is assembled (`compose`)."""
    if fmt is Format.TEXT:
        text = compose(text)
    elif "&" in text:
        text = SOFT_HYPHEN_REFERENCE.sub("", text)
    return text.replace(SOFT_HYPHEN, "") if SOFT_HYPHEN in text else text


def compose(text: str) -> str:
    """The text in Unicode NFC; ASCII text as it is (`isascii` is a flag test in CPython)."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def _to_text(data: bytes, declared: str | None) -> tuple[str, str, list[str]]:
    for bom, codec in BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), codec.removesuffix("-sig"), _note(codec)
    utf16 = _bomless_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16, _note(utf16)
    if declared and _is_known_codec(declared):
        try:
            return data.decode(declared), declared.lower(), _note(declared)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        return _damaged_or_detected(data, exc)


def _damaged_or_detected(data: bytes, exc: UnicodeDecodeError) -> tuple[str, str, list[str]]:
    text = data.decode("utf-8", errors="replace")
    valid = data.decode("utf-8", errors="ignore")
    bad = text.count("\ufffd") - valid.count("\ufffd")
    # Without any valid multi-byte sequence the text is in a single-byte encoding, not damaged UTF-8.
    has_utf8 = any(ord(ch) > 127 for ch in valid)
    if has_utf8 and bad <= max(1, len(data) * STRAY_BYTES_MAX_SHARE):
        return text, "utf-8", [f"decoded as utf-8 with {bad} invalid byte(s) replaced (first at {exc.start})"]
    from bs4.dammit import UnicodeDammit  # only here: importing bs4 costs every worker a third of a second

    dammit = UnicodeDammit(data, ["utf-8", "windows-1252"], is_html=b"<" in data[:SNIFF_CHARS])
    if dammit.unicode_markup is None:
        raise Rejection("cannot decode input in any known encoding", stage="decode")
    encoding = dammit.original_encoding or "unknown"
    return dammit.unicode_markup, encoding, [f"decoded as {encoding} (not valid utf-8)"]


def _may_hold_nul(data: bytes, encoding: str) -> bool:
    """Whether the decoded text may hold a NUL character. In UTF-8 only a NUL byte decodes to one, and
    looking for the byte is a memchr, where the search of a text beyond Latin-1 is a loop over its characters."""
    return encoding not in UTF8_NAMES or b"\x00" in data


def _bomless_utf16(data: bytes) -> str | None:
    sample = data[:SNIFF_CHARS]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) / len(odd) > UTF16_NUL_LANE_SHARE and even.count(0) < len(even) * 0.05:
        return "utf-16-le"
    if even.count(0) / len(even) > UTF16_NUL_LANE_SHARE and odd.count(0) < len(odd) * 0.05:
        return "utf-16-be"
    return None


def _note(codec: str) -> list[str]:
    name = codec.lower().removesuffix("-sig")
    return [] if name in ("utf-8", "utf8") else [f"decoded as {name}"]


def _is_known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except (LookupError, ValueError):  # ValueError: a name with a null character in it
        return False
    return True


def _reject_binary_magic(data: bytes) -> None:
    for magic, what in MAGIC:
        if what and data.startswith(magic):
            raise Rejection(f"binary input ({what}), not a page", stage="decode")


def _reject_binary_text(text: str) -> None:
    sample = text[: SNIFF_CHARS * 4]
    controls = len(CONTROL.findall(sample)) + sample.count("\ufffd")
    if controls > len(sample) * BINARY_CONTROL_SHARE:
        raise Rejection("binary input (control bytes), not a page", stage="decode")


def _reject_link_lists(text: str) -> None:
    found = NOT_A_PAGE_XML.match(text[:SNIFF_CHARS])
    if found:
        raise Rejection(f"{XML_ROOT_KINDS[found['root'].casefold()]}, not a page", stage="decode")


def sniff_format(text: str) -> Format:
    """HTML or a text dump, decided by content rather than file name."""
    head = text[:SNIFF_CHARS]
    if HTML_START.match(head) or len(HTML_TAG.findall(head)) >= HTML_MIN_TAGS:
        return Format.HTML
    return Format.TEXT
