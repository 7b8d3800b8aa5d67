"""The scorer on hand-made pairs whose figures were worked out by hand."""

from __future__ import annotations

import pytest

from cleaner.evaluate import (
    BodyScore,
    DateOutcome,
    Gold,
    NameCounts,
    PageScore,
    Prediction,
    SnippetShares,
    author_names,
    normalise,
    score_authors,
    score_body,
    score_date,
    score_page,
    score_snippets,
    score_title,
    shingles,
    summarise,
    tokens,
    worst_pages,
)


def test_tokens_are_unicode_words_with_case_kept():
    assert tokens("Ça va? Très-bien, 2019!") == ["Ça", "va", "Très", "bien", "2019"]


def test_shingles_of_five_tokens_are_two_overlapping_fours():
    assert shingles(["a", "b", "c", "d", "e"]) == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}


def test_a_text_shorter_than_a_shingle_is_one_short_shingle():
    assert shingles(["a", "b"]) == {("a", "b"): 1}
    assert shingles([]) == {}


def test_shingles_are_a_multiset():
    assert shingles(["a"] * 5) == {("a", "a", "a", "a"): 2}


def test_identical_texts_score_one_and_are_exact_despite_punctuation():
    assert score_body("One two, three four five.", "One two three four five") == BodyScore(1.0, 1.0, True)


def test_extra_text_lowers_precision_only():
    # gold a b c d e: shingles abcd, bcde; prediction adds f: abcd, bcde, cdef -> tp 2, fp 1, fn 0
    score = score_body("a b c d e", "a b c d e f")
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == 1.0
    assert score.exact is False
    assert score.f1 == pytest.approx(0.8)


def test_missing_text_lowers_recall_only():
    # gold a..f: abcd, bcde, cdef; prediction a..e: abcd, bcde -> tp 2, fp 0, fn 1
    score = score_body("a b c d e f", "a b c d e")
    assert (score.precision, score.recall) == (1.0, pytest.approx(2 / 3))


def test_case_matters_in_shingles():
    score = score_body("a b c d", "A b c d")
    assert (score.precision, score.recall) == (0.0, 0.0)


def test_repeated_paragraph_counts_twice():
    # gold: x y z w once (1 shingle); prediction twice: xyzw, yzwx, zwxy, wxyz, xyzw -> tp 1, fp 4
    score = score_body("x y z w", "x y z w x y z w")
    assert score.precision == pytest.approx(1 / 5)
    assert score.recall == 1.0


def test_empty_prediction_has_no_precision_and_zero_recall():
    assert score_body("a b c d e", "") == BodyScore(None, 0.0, False)


def test_empty_gold_with_output_has_zero_precision_and_no_recall():
    assert score_body("", "menu home") == BodyScore(0.0, None, False)


def test_empty_gold_and_empty_prediction_is_a_perfect_page():
    assert score_body("", "  ") == BodyScore(1.0, 1.0, True)


def test_normalise_folds_width_case_and_spaces():
    assert normalise("  Ｈｅｌｌｏ\u00a0 WORLD\n") == "hello world"


def test_title_exact_after_normalisation():
    assert score_title("The  Title", "the title") is True
    assert score_title("The Title", "The Title | Site") is False
    assert score_title("The Title", None) is False
    assert score_title(None, "Anything") is None


@pytest.mark.parametrize(
    ("gold", "predicted", "outcome"),
    [
        ("2023-12-22", "2023-12-22", DateOutcome.CORRECT),
        ("2023-12-22", "2023-12-22T23:30:00-05:00", DateOutcome.CORRECT),  # no time-zone conversion
        ("2023-12-22", "2023-12-21", DateOutcome.WRONG),
        ("2023-12-22", "December 22, 2023", DateOutcome.WRONG),  # not a day in ISO form
        ("2023-12-22", None, DateOutcome.MISSING),
        ("2023-12-22", "", DateOutcome.MISSING),
        (None, "2023-12-22", DateOutcome.SPURIOUS),
        (None, None, DateOutcome.ABSENT),
        ("2015-11", "2015-11-03", DateOutcome.CORRECT),  # gold known to the month only
        ("2015-11", "2015-12-03", DateOutcome.WRONG),
    ],
)
def test_date_outcomes(gold, predicted, outcome):
    assert score_date(gold, predicted) is outcome


def test_author_names_split_on_separators_and_conjunctions():
    names = author_names(["By Jane Doe and John Smith", "A. Bé; C|D / E & F", "Ana y Luis", "and Natalie Nguyen"])
    assert names == {"jane doe", "john smith", "a bé", "c", "d", "e", "f", "ana", "luis", "natalie nguyen"}


def test_author_names_keep_conjunction_letters_inside_names():
    assert author_names(["Andy Yates", "Von Miller Jr.", "Kety Brand"]) == {"andy yates", "miller jr", "kety brand"}


def test_authors_counts_per_page():
    assert score_authors(["Jane Doe", "John Smith"], ["by JANE DOE", "Editor"]) == NameCounts(1, 1, 1)


def test_gold_without_authors_makes_every_name_a_false_positive():
    assert score_authors([], ["Staff", "Desk"]) == NameCounts(0, 2, 0)


def test_no_author_gold_is_not_scored():
    assert score_authors(None, ["Staff"]) is None


def test_snippets_are_case_insensitive_substrings():
    shares = score_snippets("The Body text here", ["body TEXT", "absent"], ["Home", "here"])
    assert shares == SnippetShares(0.5, 0.5)


def test_empty_snippet_lists_score_one_and_null_ones_are_not_scored():
    assert score_snippets("", [], []) == SnippetShares(1.0, 1.0)
    assert score_snippets("x", None, None) is None


def _page(page_id: str, precision, recall, **fields) -> PageScore:
    defaults = {"title": None, "date": DateOutcome.ABSENT, "authors": None, "snippets": None}
    return PageScore(page_id, None, BodyScore(precision, recall, False), **(defaults | fields))


def test_summary_takes_f1_of_the_mean_precision_and_recall():
    # P mean over pages with a precision: (1 + 0.5) / 2 = 0.75; R mean: (0.5 + 1 + 0) / 3 = 0.5
    pages = [_page("a", 1.0, 0.5), _page("b", 0.5, 1.0), _page("c", None, 0.0)]
    summary = summarise(pages)
    assert summary.body_precision == pytest.approx(0.75)
    assert summary.body_recall == pytest.approx(0.5)
    assert summary.body_f1 == pytest.approx(2 * 0.75 * 0.5 / 1.25)  # 0.6, not the mean of page F1s


def test_summary_body_accuracy_is_share_of_exact_pages():
    pages = [score_page(Gold("a", "x y"), Prediction("x y")), score_page(Gold("b", "x y"), Prediction("x"))]
    assert summarise(pages).body_accuracy == 0.5


def test_summary_dates_count_correct_wrong_missing_and_spurious_apart():
    outcomes = ["correct", "correct", "wrong", "missing", "spurious", "absent", "absent"]
    summary = summarise([_page(str(i), 1.0, 1.0, date=DateOutcome(o)) for i, o in enumerate(outcomes)])
    assert summary.date_precision == pytest.approx(2 / 3)
    assert summary.date_recall == pytest.approx(2 / 3)
    assert summary.date_f1 == pytest.approx(2 / 3)
    assert (summary.date_spurious, summary.date_no_gold_pages) == (1, 3)


def test_summary_has_no_date_figures_for_a_set_without_date_gold():
    summary = summarise([_page("a", 1.0, 1.0, date=DateOutcome.SPURIOUS)])
    assert (summary.date_f1, summary.date_spurious) == (None, None)


def test_summary_authors_are_micro_averaged():
    # tp 1+0+3 = 4, fp 1+2+0 = 3, fn 1+0+1 = 2 -> P 4/7, R 4/6
    counts = [NameCounts(1, 1, 1), NameCounts(0, 2, 0), NameCounts(3, 0, 1), None]
    summary = summarise([_page(str(i), 1.0, 1.0, authors=c) for i, c in enumerate(counts)])
    assert summary.authors_precision == pytest.approx(4 / 7)
    assert summary.authors_recall == pytest.approx(4 / 6)
    assert summary.authors_f1 == pytest.approx(2 * (4 / 7) * (4 / 6) / (4 / 7 + 4 / 6))


def test_summary_authors_with_nothing_predicted_on_authorless_pages_is_perfect():
    summary = summarise([_page("a", 1.0, 1.0, authors=NameCounts(0, 0, 0))])
    assert (summary.authors_precision, summary.authors_recall) == (1.0, 1.0)


def test_summary_leaves_out_figures_without_gold():
    summary = summarise([_page("a", 1.0, 1.0)])
    assert (summary.title_exact, summary.authors_f1, summary.with_found) == (None, None, None)


def test_summary_snippet_shares_are_page_means():
    pages = [_page("a", 1.0, 1.0, snippets=SnippetShares(1.0, 0.5)), _page("b", 1.0, 1.0, snippets=SnippetShares(0.0, 1.0))]
    summary = summarise(pages)
    assert (summary.with_found, summary.without_absent) == (0.5, 0.75)


def test_score_page_scores_every_field():
    gold = Gold("p", "a b c d", url="u", title="T", authors=("Ann",), date="2020-01-02", with_snippets=("b c",),
                without_snippets=("menu",))
    page = score_page(gold, Prediction("a b c d menu", "t", ("Ann", "Bob"), "2020-01-02"))
    assert page.title is True
    assert page.date is DateOutcome.CORRECT
    assert page.authors == NameCounts(1, 1, 0)
    assert page.snippets == SnippetShares(1.0, 0.0)
    assert page.body.recall == 1.0


def test_worst_pages_ranks_by_page_f1_with_undefined_precision_as_zero():
    pages = [_page("good", 1.0, 1.0), _page("empty", None, 0.0), _page("half", 0.5, 1.0)]
    assert [p.id for p in worst_pages(pages, 2)] == ["empty", "half"]
