"""Post-nominal letters printed after a name ("Jane Doe, MD, PhD"): kept with the name, as printed."""

from __future__ import annotations

# Post-nominal letters ("Jane Doe, MD, PhD", "Sarah Knowles MW"): part of the name as printed, so they are
# kept after it. Only these open a run of credentials; an unknown acronym after a name is an outlet ("CNN").
CREDENTIALS = frozenset({
    "md", "do", "phd", "dphil", "edd", "psyd", "pharmd", "dds", "dmd", "dvm", "vmd", "od", "dpt", "dnp",
    "rd", "rdn", "ldn", "cdn", "cde", "cdces", "rn", "bsn", "msn", "np", "aprn", "fnp", "lpn", "ibclc",
    "ms", "msc", "ma", "mba", "mph", "msw", "mfa", "med", "bs", "bsc", "ba", "jd", "llm", "esq",
    "cpa", "cfp", "cfa", "chfc", "clu", "cepf", "cfe", "cpp", "psp", "lcsw", "lmft", "lpc", "lmhc",
    "mw", "cscs", "cpt", "faan", "facp", "facs", "faap", "fand", "faclm", "lvt", "dacvb",
})
# Trademark signs some certification boards require after their letters ("CEPF®", "CFP®").
MARKS = "®™℠"
# Further all-capitals credentials after a known one ("MD, FOMA, DABOM") are this short.
MAX_CREDENTIAL_CHARS = 6


def trailing_credentials(piece: str) -> str:
    """The post-nominal letters ending a piece ("MS, RD" of "Jane Doe MS, RD"); "" when there are none.

    The run opens with a known credential; the words after it may be any short all-capitals abbreviation.
    """
    words = piece.split()
    start = len(words)
    while start > 0 and _is_credential_word(words[start - 1]):
        start -= 1
    known = [i for i in range(start, len(words)) if _folded_credential(words[i]) in CREDENTIALS]
    return " ".join(words[known[0]:]) if known else ""


def leading_credential(word: str) -> bool:
    """Whether a word is a known credential ("M.A.", "MBA"), as may open a degree printed alone."""
    return _folded_credential(word) in CREDENTIALS


def continues_credentials(piece: str, after_credential: bool) -> bool:
    """A piece printing only credentials: "MS" after "Jane Doe", or "FOMA" after "Jane Doe, MD"."""
    words = piece.split()
    if not words or not all(map(_is_credential_word, words)):
        return False
    return after_credential or trailing_credentials(piece) == piece


def _folded_credential(word: str) -> str:
    return _bare(word).casefold()


def _bare(word: str) -> str:
    """The letters of a credential as printed: "M.D.," -> "MD", "CEPF®" -> "CEPF" (a registered mark)."""
    return word.strip(",").rstrip(MARKS).replace(".", "")


def _is_credential_word(word: str) -> bool:
    bare = _bare(word)
    if bare.casefold() in CREDENTIALS:
        return True
    return 1 < len(bare) <= MAX_CREDENTIAL_CHARS and bare.isalpha() and bare.isupper()
