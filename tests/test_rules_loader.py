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


def packaged_rule(rule_id: str):
    return next(r for r in load_ruleset().all_rules() if r.id == rule_id)


@pytest.mark.parametrize(
    "rule_id, block, removed",
    [
        ("generic.paywall.donate", "I would like to contribute", True),
        ("generic.paywall.donate", "Support independent fact-checking. Become a member!", True),
        ("generic.paywall.donate", "I would like to thank the volunteers who cleared the beach.", False),
        ("generic.paywall.help_appeal",
         "Our only agenda is to publish the truth so you can be an informed participant in democracy. We need your help.",
         True),
        ("generic.paywall.help_appeal", "Police said the boy was last seen on Friday. We need your help.", False),
        ("generic.paywall.help_appeal", "“We need your help,” the mayor told residents of the flooded district.", False),
        ("generic.related.box", "More by Marta Campabadal Graus", True),
        ("generic.embed.raw_markup",
         '<a href="https://twitter.com/hashtag/Dolphins?src=hash">#Dolphins</a> coach Mike McDaniel said', True),
        ("generic.embed.raw_markup", 'Scripts in an SVG do not run from an image tag (<img src="/image.svg">).', False),
        ("generic.embed.age_gate", "Please enter your date of birth to view this video", True),
        ("generic.caption.agency_credit", "The candidate speaks during a campaign event in Philadelphia. (AP)", True),
        ("generic.caption.agency_credit", "Fans wait outside the stadium on Sunday. (AP Photo/Jane Roe)", True),
        ("generic.caption.agency_credit", "The ruling was first reported by the wire service (AP).", False),
        ("generic.advertising.affiliate",
         "If you buy something using links in our stories, we may earn a commission.", True),
        ("generic.advertising.affiliate",
         "If you make a purchase by clicking one of the links, we may earn an affiliate fee.", True),
        ("generic.recipe.nutrition_heading", "Nutrition Facts (per serving)", True),
        ("generic.recipe.nutrition_summary", "702 Calories 33g Fat 98g Carbs 8g Protein", True),
        ("generic.recipe.nutrition_summary", "The bar has 9g of protein and 200 calories.", False),
        ("generic.recipe.nutrition_panel",
         "Nutrition Facts Servings Per Recipe 8 Calories 701.9 % Daily Value * Total Fat 32.9g 42%", True),
        ("generic.recipe.nutrition_panel", "Read the Nutrition Facts label to find foods low in sodium.", False),
        ("generic.legal.print_edition",
         'This story was originally published in our Nov/Dec 2023 issue as "Moth to a Flame."', True),
        ("generic.legal.print_edition", "This article was originally published in March 2022.", False),
        ("generic.author_bio.role",
         "Kaitlyn Moore writes about trending issues and community news across South Jersey for the Courier Post.", True),
        ("generic.author_bio.role", "Alyse Whitney (she/her) is Cosmopolitan’s first-ever food columnist.", True),
        ("generic.author_bio.role", "Goodman writes about the forum in his book, which he calls a safari.", False),
        ("generic.comments_widget.letters_prompt",
         "The Gazette is committed to publishing a diversity of letters to the editor. We’d like to hear what you think "
         "about this or any of our articles. Here are some tips.", True),
        ("generic.comments_widget.letters_prompt",
         "In letters to the editor, readers said the bridge toll was too high and asked the council to act.", False),
    ],
)
def test_packaged_chrome_rules_take_the_chrome_and_leave_the_story(rule_id, block, removed):
    assert bool(packaged_rule(rule_id).matches(block)) is removed
