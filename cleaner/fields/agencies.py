"""Wire agencies: their canonical spellings and the other names credits give them."""

from __future__ import annotations

import re
import unicodedata

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


def _agency_lookup() -> dict[str, str]:
    lookup = {}
    for canonical, aliases in AGENCIES.items():
        for spelling in (canonical, *aliases):
            lookup[fold(spelling)] = canonical
    return lookup


def fold(text: str) -> str:
    """The form in which two spellings of a name compare equal: NFKC, case-folded, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


AGENCY_OF: dict[str, str] = _agency_lookup()
LEADING_THE = re.compile(r"^the\s+")


def canonical_agency(name: str) -> str | None:
    """The canonical spelling of a wire agency ("Agence France-Presse" -> "AFP"), else None."""
    folded = fold(name).strip(" .,:;-–—()[]")
    folded = LEADING_THE.sub("", folded)
    return AGENCY_OF.get(folded) or AGENCY_OF.get("the " + folded)
