"""The rule matcher: RE2's set must propose every rule Python's `re` would match."""

import re

import pytest
import re2

from cleaner.rules.loader import Rule, load_ruleset
from cleaner.rules.matcher import SetMatcher, UnionMatcher, re2_superset
from cleaner.model import Action

SAMPLES = (
    "Home", "Skip to main content", "Watch video 02:49", "Teilen\u00a0Drucken", "© 2024 Télévision Ltd. All rights reserved.",
    "3 Kommentare", "Photo: Julia Hitz", "Advertisement", "ADVERTISEMENT", "Published: 15.12.2015",
    "By Jane Doe", "The minister said on Tuesday that talks would go on.", "Ｈｏｍｅ", "Mehr zum Thema",
    "Share this article (opens in new window)", "Posted in: Politics, World", "We use cookies to improve this site.",
)


def _rule(pattern: str, flags: int = re.IGNORECASE, search: bool = False) -> Rule:
    return Rule(id="t", concept="t", action=Action.DROP, pattern=re.compile(pattern, flags), search=search)


def _first_match(rules, text):
    return next((r.id for r in rules if r.matches(text)), None)


@pytest.mark.parametrize("matcher_type", [SetMatcher, UnionMatcher])
def test_packaged_rules_give_the_same_first_match_as_trying_each_rule(matcher_type):
    rules = load_ruleset().all_rules()
    matcher = matcher_type.build(rules)
    for text in SAMPLES:
        assert _first_match(matcher.candidates(text), text) == _first_match(rules, text), text


def test_unicode_classes_keep_pythons_meaning():
    source = re2_superset(re.compile(r"\w+\s\d+"))
    assert re2.fullmatch(source, "Télé\u00a0٣")  # accented letters, a no-break space, an Arabic-Indic digit
    assert not re2.fullmatch(source, "abc 1x")


def test_zero_width_assertions_are_dropped_for_a_wider_match():
    source = re2_superset(re.compile(r"(?<!\w)_(?=\S)x\b"))
    assert re2.fullmatch(source, "_x")
    assert source.count("(") == 0


@pytest.mark.parametrize("pattern", [r"(a)\1", r"a{,3}", r"(?>ab)c", r"[\S]x"])
def test_patterns_re2_cannot_express_have_no_translation(pattern):
    assert re2_superset(re.compile(pattern)) is None


def test_an_untranslatable_rule_is_always_a_candidate():
    rules = (_rule(r"(ab)\1"), _rule("home"))
    matcher = SetMatcher.build(rules)
    assert matcher.always == (0,)
    assert [r.pattern.pattern for r in matcher.candidates("abab")] == [r"(ab)\1"]
    assert matcher.candidates("Home")[-1].pattern.pattern == "home"


def test_candidates_keep_rule_order_and_skip_blocks_longer_than_every_rule():
    rules = (_rule("share", search=True), _rule("share this"), _rule(".*this.*", search=True))
    matcher = SetMatcher.build(rules)
    assert [r.pattern.pattern for r in matcher.candidates("Share this")] == ["share", "share this", ".*this.*"]
    assert matcher.candidates("share " * 100) == ()


def test_case_folding_matches_like_python():
    rules = (_rule("straße|élysée"),)
    matcher = SetMatcher.build(rules)
    assert matcher.candidates("STRASSE") == () and not rules[0].matches("STRASSE")
    assert matcher.candidates("ÉLYSÉE") == rules


def test_bounded_repeats_become_unbounded_for_a_small_automaton():
    source = re2_superset(re.compile(r"(follow us)( on)?.{0,80}|x{2}"))
    assert ".{0,}" in source and "x{2}" in source
    assert re2.fullmatch(source, "follow us on " + "y" * 200)


def test_text_re2_cannot_encode_gets_every_rule_tried():
    rules = (_rule("home"), _rule("share"))
    assert SetMatcher.build(rules).candidates("home\ud800") == rules
