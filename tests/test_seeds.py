"""The two seed dumps, checked against the published requirements field by field."""

from __future__ import annotations

import pytest

import cleaner
from tests.conftest import SEEDS

DW_SEED = SEEDS / "000_3fbdafa27ab83beb.txt"
AFP_SEED = SEEDS / "003_6618c4effffb78b3.txt"


@pytest.fixture(scope="module")
def dw(request):
    return cleaner.clean(DW_SEED.read_bytes(), id="dw").to_dict()


@pytest.fixture(scope="module")
def afp():
    return cleaner.clean(AFP_SEED.read_bytes(), id="afp").to_dict()


@pytest.mark.parametrize(
    "field, value",
    [
        ("title", "Kerry in Moscow to bridge differences over Syria"),
        ("site", "DW"),
        ("section", "News"),
        ("date", "2015-12-15"),
        ("byline", None),
        ("authors", []),
        ("lead", "US Secretary of State John Kerry has arrived in Moscow for a critical meeting to keep momentum "
                 "going on Syria peace talks. A number of tough issues are on the agenda."),
    ],
)
def test_dw_seed_field(dw, valid, field, value):
    valid(dw)
    assert dw[field] == value, f"{field}: {dw[field]!r}"


def test_dw_seed_body_structure(dw):
    kinds = [b["kind"] for b in dw["blocks"]]
    assert kinds[0] == "lead"
    assert kinds.count("paragraph") == 15
    headings = [b["text"] for b in dw["blocks"] if b["kind"] == "heading"]
    assert headings == ["Differences over Assad", "Focus on IS"]
    assert dw["text"].startswith(dw["lead"])
    assert dw["text"].endswith("between the Syrian regime and rebels would be necessary.")
    assert "Kerry in Moscow to bridge differences over Syria" not in dw["text"]


def test_dw_seed_removed_chrome_has_rule_ids(dw):
    removed = {r["text"]: r for r in dw["removed"]}
    expected = [
        "1. Inhalt", "2. Navigation", "3. Weitere Inhalte", "4. Metanavigation", "5. Suche",
        "6. Choose from 30 Languages", "Watch video 02:49", "Kerry in Moscow to push Syria peace plan",
        "Watch video 00:32", "Obama warns 'IS' leaders: 'You are next'", "DW recommends",
        "Audios and videos on the topic",
    ]
    for text in expected:
        assert text in removed, f"not removed: {text}"
        assert removed[text]["rule"] and removed[text]["concept"]
        assert text not in dw["text"]
    assert removed["Watch video 02:49"]["concept"] == "video_teaser"
    assert removed["1. Inhalt"]["position"] == 2


@pytest.mark.parametrize(
    "field, value",
    [
        ("title", "Kerry seeks an end to Syrian civil war in Moscow talks"),
        ("agency", "AFP"),
        ("authors", []),
        ("lead", None),
        ("date", "2015-12-16T00:43:03"),
        ("categories", ["Mid-East", "Americas"]),
    ],
)
def test_afp_seed_field(afp, valid, field, value):
    valid(afp)
    assert afp[field] == value, f"{field}: {afp[field]!r}"


def test_afp_seed_caption_and_text(afp):
    assert len(afp["captions"]) == 1 and afp["captions"][0].endswith("Photo: AFP")
    paragraphs = [b["text"] for b in afp["blocks"]]
    assert len(paragraphs) == 10
    assert paragraphs[0].startswith("US Secretary of State John Kerry brought his campaign")
    assert paragraphs[-1].endswith("17-nation International Syria Support Group.")
    for chrome in ("Photo: AFP", "Source:", "Posted in:", "Disqus"):
        assert chrome not in afp["text"]
    disqus = [r for r in afp["removed"] if r["text"] == "blog comments powered by Disqus"]
    assert disqus and disqus[0]["rule"] == "generic.comments_widget.disqus"
