from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from cleaner.errors import RuleError
from cleaner.model import Format
from cleaner.rules.loader import load_rule_file, load_ruleset, packaged_rule_paths, parse_rule_data


def parse(text: str):
    return parse_rule_data(tomllib.loads(text), "test.toml")


def test_packaged_rules_load_and_ids_are_unique():
    ruleset = load_ruleset()
    ids = [r.id for r in ruleset.all_rules()]
    assert len(ids) == len(set(ids)) > 10
    assert any(f.layout and f.layout.id == "dw" for f in ruleset.layouts)


def test_every_packaged_rule_id_names_its_concept():
    for path in [*packaged_rule_paths()[0], *packaged_rule_paths()[1]]:
        for rule in load_rule_file(path).rules:
            assert rule.concept in rule.id, f"{rule.id} is not named after its concept {rule.concept}"


@pytest.mark.parametrize(
    "body, message",
    [
        ('[nav]\n[[nav.rule]]\nid = "x"\npattern = ""', "rule x: pattern is missing or empty"),
        ('[nav]\n[[nav.rule]]\nid = "x"\npattern = ".*"', "rule x: pattern matches everything"),
        ('[nav]\n[[nav.rule]]\nid = "x"\npattern = "(unclosed"', "rule x: pattern does not compile"),
        ('[nav]\n[[nav.rule]]\npattern = "home"', "has no id"),
        ('[nav]\n[[nav.rule]]\nid = "x"\npattern = "home"\naction = "explode"', "rule x: action must be one of"),
        ('[nav]\n[[nav.rule]]\nid = "x"\npattern = "home"\ncolour = "red"', "rule x: unknown keys"),
        ('[nav]\n[[nav.rule]]\nid = "x"\npattern = "home"\n[[nav.rule]]\nid = "x"\npattern = "menu"', "duplicate rule id x"),
        ('[nav]\n[[nav.rule]]\nid = "x"\naction = "field"\npattern = "home"', "rule x: a field rule needs"),
        ('[nav]\n[[nav.rule]]\nid = "x"\npattern = "(?P<colour>home)"', "rule x: unknown field groups"),
        ('[nav]\n[[nav.rule]]\nid = "x"\npattern = "home"\nzone = "middle"', "rule x: zone must be one of"),
        ('[nav]\n[[nav.rule]]\nid = "x"\npattern = "home"\nkeep_in_extracted = "no"', "rule x: keep_in_extracted must be true or false"),
        ('[nav]\n[[nav.rule]]\nid = "x"\npattern = "home"\nsearch = 1', "rule x: search must be true or false"),
    ],
)
def test_bad_rules_are_rejected_with_the_rule_named(body, message):
    with pytest.raises(RuleError, match=message.replace("(", r"\(")):
        parse(body)


def test_unreadable_rule_file(tmp_path: Path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[nav\n")
    with pytest.raises(RuleError, match="cannot read rule file"):
        load_rule_file(bad)


def test_rule_limits_apply():
    rule = parse('[ads]\n[[ads.rule]]\nid = "a"\npattern = "advertisement"\nmax_chars = 20').rules[0]
    assert rule.matches("Advertisement")
    assert not rule.matches("Advertisement for a very long product name")
    assert not rule.matches("An advertisement")


@pytest.mark.parametrize(
    "block, removed",
    [
        ("MORE: College football 2024 vs. 1984: An in-depth look at realignment", True),
        ("(MORE: Iceland Volcano Eruption: What We Know)", True),
        ("More: the council said on Tuesday it would meet again.", False),
    ],
)
def test_packaged_read_more_rule_takes_a_linked_headline_not_a_sentence(block, removed):
    rule = next(r for r in load_ruleset().all_rules() if r.id == "generic.related.read_more")
    assert bool(rule.matches(block)) is removed


@pytest.mark.parametrize(
    "block, removed",
    [
        ("The plague wiped out half of Europe in the 14th century (Image: GETTY)", True),
        ("Protesters do not want Hong Kong to lose its autonomy (Photo: Jane Roe / Reuters )", True),
        ("The minister (pictured) said the photo was taken in June.", False),
        ("Residents were told to boil their water (see the map: page 4) until Friday.", False),
    ],
)
def test_packaged_labelled_credit_rule_takes_a_caption_closed_by_its_credit(block, removed):
    rule = next(r for r in load_ruleset().all_rules() if r.id == "generic.caption.labelled_credit")
    assert bool(rule.matches(block)) is removed
    assert rule.formats == frozenset({Format.HTML})
