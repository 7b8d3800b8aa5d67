"""Page structure from block features: the article span of a dump, its headline."""

from __future__ import annotations

from cleaner.model import Block, Kind, Verdict
from cleaner.structure import SPAN_BOUNDARY_COST, SPAN_LINK_COST, SPAN_LIST_LONG_COST, SPAN_SHORT_COST, article_span, extracted_end, is_title_like, span_weight, span_weights, teaser_run_end
from cleaner.structure_title import find_title

KEEP = Verdict(True)
PROSE = "The minister said on Tuesday that the negotiations would continue next week despite objections."


def blocks(*texts: str, kind: Kind = Kind.PARAGRAPH) -> list[Block]:
    return [Block(index=i, text=t, line=i + 1, kind=kind) for i, t in enumerate(texts)]


def test_the_span_is_the_run_with_the_largest_weight():
    assert article_span([-6, 14, 14, -6, 14, -6, -6]) == (1, 5)
    assert article_span([-6, -6]) == (0, 0)


def test_prose_pulls_short_lines_and_link_lists_push():
    prose, short, linked = blocks(PROSE, "Most read")[0], blocks(PROSE, "Most read")[1], Block(index=0, text=PROSE, link_density=0.9)
    assert span_weight(prose, KEEP) > 0 > span_weight(short, KEEP)
    assert span_weight(linked, KEEP) < span_weight(short, KEEP)


def test_only_the_heading_of_a_box_costs_the_boundary():
    box = Verdict(False, "t.box", "related")
    got = span_weights(blocks("Related stories", "Teaser one", PROSE), [box, box, KEEP], frozenset({"t.box"}))
    assert got[0] == -SPAN_BOUNDARY_COST
    assert -SPAN_BOUNDARY_COST < got[1] < 0 < got[2]
    assert span_weights(blocks("Related stories"), [box])[0] > -SPAN_BOUNDARY_COST  # not a box rule


def test_a_box_of_teasers_with_bylines_opens_once():
    box, byline = Verdict(False, "t.box", "related"), Verdict(False, "t.byline", "dateline", into="byline")
    texts = ("Most popular", "First teaser headline here", "By Jo Smith", "Second teaser headline here", PROSE)
    got = span_weights(blocks(*texts), [box, box, byline, box, KEEP], frozenset({"t.box"}))
    assert got[0] == -SPAN_BOUNDARY_COST
    assert got[3] > -SPAN_BOUNDARY_COST  # the same box goes on after the byline


def test_a_headline_over_a_byline_costs_the_boundary():
    texts = ("Second story headline about the port", "By Jo Smith", PROSE)
    verdicts = [KEEP, Verdict(False, "t.byline", "dateline", into="byline"), KEEP]
    assert span_weights(blocks(*texts), verdicts)[0] == -SPAN_BOUNDARY_COST


def test_extractor_output_ends_at_a_boundary_the_text_never_outweighs_again():
    box = -SPAN_BOUNDARY_COST
    assert extracted_end([20, 30, 0, 0, box, 12, 0]) == 4  # a list after the text kept, the box and its teaser not
    assert extracted_end([20, box, 40, 25, 0]) == 5  # the story goes on after a box in its middle
    assert extracted_end([20, 30, -6, -6]) == 4  # no boundary: everything the rules leave


def test_span_ends_where_a_list_of_teasers_starts_under_the_story():
    box = -SPAN_BOUNDARY_COST
    story = [60.0, 80.0, 70.0]
    teasers = [box, 35.0, -6.0, box, 40.0, -6.0, box, 30.0]
    weights = story + teasers
    assert teaser_run_end(weights, 0, len(weights)) == len(story)


def test_span_crosses_a_lone_box_and_stories_after_one():
    box = -SPAN_BOUNDARY_COST
    lone = [60.0, 80.0, 70.0, box, 90.0, 80.0]
    assert teaser_run_end(lone, 0, len(lone)) == len(lone)  # the story goes on after a box in its middle
    stack = [60.0, 80.0, 70.0, box, 200.0, 150.0, box, 90.0]
    assert teaser_run_end(stack, 0, len(stack)) == len(stack)  # full stories between boundaries


def test_span_is_not_cut_when_the_part_above_the_teasers_is_lighter_than_the_rest():
    box = -SPAN_BOUNDARY_COST
    weights = [40.0, 30.0, box, 20.0, box, 300.0, 250.0]  # a box of prose above the headline, the story below
    assert teaser_run_end(weights, 0, len(weights)) == len(weights)


def test_form_options_run_together_are_no_prose_but_brand_names_are():
    from cleaner.structure import is_run_together, word_count

    states = "State AlabamaAlaskaArizonaArkansasCaliforniaColoradoConnecticutDelawareFlorida"
    pickers = "Belgium | DutchBelgium | FrançaisAndorra | CatalàAustria | DeutschBelarus | РусскийBrazil | PortuguêsChile | EspañolCanada | FrançaisEgypt | العربيةFinland | SuomiFrance | Français"
    prose = "Sales of the iPhone, iPad and MacBook rose while YouTube and PlayStation fell in the quarter, analysts said."
    assert is_run_together(states, word_count(states))
    assert is_run_together(pickers, word_count(pickers))
    assert not is_run_together(prose, word_count(prose))


def test_chrome_under_a_short_story_does_not_keep_the_teaser_list_below_it():
    box = -SPAN_BOUNDARY_COST
    story = [70.0, 80.0, 60.0]
    chrome = [-6.0] * 8  # share bar, comment link, "back to top"
    teasers = [box, 70.0, -6.0, box, 70.0, -6.0, box, 70.0, -6.0, box, 60.0]
    weights = story + chrome + teasers
    assert teaser_run_end(weights, 0, len(weights)) == len(story + chrome)


def test_a_linked_headline_over_a_dateline_costs_the_boundary():
    teaser = Block(index=0, text="Ferry company orders two electric boats", line=1, link_density=1.0)
    dateline = Block(index=1, text="March 5, 2024", line=2)
    verdicts = [KEEP, Verdict(False, "t.date", "timestamp", into="date")]
    assert span_weights([teaser, dateline], verdicts)[0] == -SPAN_BOUNDARY_COST
    assert find_title([teaser, dateline], verdicts, start=1) is None  # a linked line is no page headline


def test_a_box_with_a_dateline_before_its_prose_costs_more_than_a_plain_box():
    from cleaner.structure import STORY_BREAK_COST

    box = Verdict(False, "t.box", "related")
    dated = blocks("More on Politics:", "Senate passes the budget", "December 21, 2023 / 8:51 p.m. ET", PROSE)
    plain = blocks("More on Politics:", "Senate passes the budget", PROSE)
    assert span_weights(dated, [box, box, box, KEEP], frozenset({"t.box"}))[0] == -STORY_BREAK_COST
    assert span_weights(plain, [box, box, KEEP], frozenset({"t.box"}))[0] == -SPAN_BOUNDARY_COST


def items(*texts: str) -> list[Block]:
    return blocks(*texts, kind=Kind.LIST_ITEM)


def test_key_points_in_a_short_list_weigh_as_prose_but_a_long_list_of_sentences_does_not():
    points = items("* Rail rivals fear the new timetable will cost them their best routes.", "* Passengers may pay more too.")
    assert [span_weight(b, KEEP, list_run=2) > 0 for b in points] == [True, True]
    assert span_weight(points[0], KEEP, list_run=10) < 0  # a ticker of ten summaries
    teasers = items("* Is an oxygen bar in Delhi selling fresh air?", "* Star couple splits after ten years of marriage..")
    assert [span_weight(b, KEEP, list_run=2) < 0 for b in teasers] == [True, True]


def test_a_list_a_sentence_introduces_pulls_a_little_and_its_sentences_pull():
    listed = items("* What do you love?", "* Mix the butter and the sugar until smooth.")
    got = span_weights([*blocks("Ask yourself these four questions:"), *listed], [KEEP] * 3)
    assert 0 < got[1] < 1 and got[2] > 1
    for label in ("Ingredients:", "Share this on Facebook: 0 Themen:"):
        got = span_weights([*blocks(label), *listed], [KEEP] * 3)
        assert got[1] < 0  # a label is no sentence


def test_an_archive_widget_with_counts_pushes_like_a_link_list():
    archive = "Archive April 2015 (1) November 2013 (1) May 2012 (1) March 2012 (2) July 2011 (2) June 2011 (1)"
    assert span_weight(blocks(archive)[0], KEEP) == -SPAN_LINK_COST
    assert span_weight(blocks(PROSE + " The vote was 12 (4) to 3 (1) in the end, with (2) abstaining.")[0], KEEP) > 0


def test_a_short_sentence_costs_nothing_but_a_label_a_headline_or_a_truncated_teaser_does():
    free = blocks("Fold in the flour.", "See you all at the skate park.")
    assert [span_weight(b, KEEP) for b in free] == [0.0, 0.0]
    costly = blocks("Most read", "Will it ever snow in the city again?", "Facebook launches a ticket service for...")
    assert all(span_weight(b, KEEP) < 0 for b in costly)


def test_a_dateline_in_any_language_is_no_headline_but_a_headline_with_a_date_is():
    for dateline in ("Do 24. Mai 2018, 08:30", "Dienstag, 13. Mai 2014, von Dr. Jane Example", "16 octobre 2011, 10h55 par Jean Exemple"):
        assert not is_title_like(blocks(dateline)[0]), dateline
    assert is_title_like(blocks("The Community Spotlight 2023.12.10")[0])


def test_a_table_row_costs_little_and_weighs_as_text_under_a_sentence_that_introduces_it():
    rows = blocks("1 Kyle Busch 5040", "2 Martin Truex Jr. 5035", kind=Kind.TABLE)
    assert -1.5 < span_weight(rows[0], KEEP) < 0
    intro = Block(index=0, text="The final standings of the season after the last race:", line=1)
    table = [Block(index=i + 1, text=r.text, line=i + 2, kind=Kind.TABLE) for i, r in enumerate(rows)]
    assert all(w > 0 for w in span_weights([intro, *table], [KEEP] * 3)[1:])


def test_a_table_row_is_no_headline():
    assert not is_title_like(blocks("Britax Swingfix M i-Size 500 € ja", kind=Kind.TABLE)[0])


def test_items_of_a_list_that_a_sentence_introduces_pull_a_little_so_a_closing_list_stays_with_the_story():
    intro = Block(index=0, text="Before you start, ask yourself the following two questions about the idea:", line=1)
    items = [Block(index=i + 1, text=t, line=i + 2, kind=Kind.LIST_ITEM) for i, t in enumerate(["* Does it give me energy?", "* Would I do it for free?"])]
    weights = span_weights([intro, *items], [KEEP] * 3)
    assert all(0 < w < 1 for w in weights[1:])
    assert article_span(weights) == (0, 3)



def test_a_linked_list_item_weighs_as_without_its_links_unless_it_is_a_menu_item():
    menu = Block(index=0, text="* Travel", kind=Kind.LIST_ITEM, link_density=0.9)
    product = Block(index=0, text="* Sandisk Ultra flash drive, 64 GB, for 16 euros", kind=Kind.LIST_ITEM, link_density=0.9)
    plain = Block(index=0, text=product.text, kind=Kind.LIST_ITEM)
    assert span_weight(menu, KEEP) == -SPAN_LINK_COST
    assert span_weight(product, KEEP) == span_weight(plain, KEEP) > -SPAN_LINK_COST
    linked = [Block(index=i, text=t, kind=Kind.LIST_ITEM, line=i + 1, link_density=0.95) for i, t in enumerate(("* Cozmo", "* Her"), 1)]
    got = span_weights([*blocks("Our editors recommend these:"), *linked], [KEEP] * 3)
    assert got[1] > 0 and got[2] > 0  # a list a sentence introduces, however linked
    assert span_weight(Block(index=0, text=PROSE, link_density=0.9), KEEP) == -SPAN_LINK_COST  # a linked paragraph


def test_items_of_a_list_without_markers_cost_less_than_a_menu_on_consecutive_lines():
    items = ("Compensates wear very quickly", "Extends the life of the parts", "Evens out scratches and small cracks",
             "Reduces noise and vibration a lot")
    advantages = [Block(index=i, text=t, line=10 + i) for i, t in enumerate(items)]
    menu = [Block(index=i, text=t, line=10 + i) for i, t in enumerate(("Home", "World news", "Business", "Sport"))]
    apart = [Block(index=i, text=t, line=10 + 2 * i) for i, t in enumerate(items)]  # blank lines between: paragraphs
    assert span_weights(advantages, [KEEP] * 4) == [-SPAN_LIST_LONG_COST] * 4
    assert span_weights(menu, [KEEP] * 4) == [-SPAN_SHORT_COST] * 4
    assert span_weights(apart, [KEEP] * 4) == [-SPAN_SHORT_COST] * 4
    assert span_weights(advantages[:3], [KEEP] * 3) == [-SPAN_SHORT_COST] * 3  # too few lines for a list
    broken = [*advantages[:3], Block(index=3, text=PROSE, line=13)]
    assert span_weights(broken, [KEEP] * 4)[:3] == [-SPAN_SHORT_COST] * 3  # a sentence is no item: three lines only
