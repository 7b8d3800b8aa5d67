import lxml.html

from cleaner.fields.html_dateline import PrintedDate, visible_dateline
from cleaner.fields.page import PageFacts, read_head
from cleaner.fields.text_index import index_text


def facts_of(body: str) -> PageFacts:
    tree = lxml.html.document_fromstring(f"<html><head></head><body>{body}</body></html>")
    return PageFacts(tree, read_head(tree), None, None, "2026-06-01", index_text(tree))


def test_plain_dateline_is_no_update():
    assert visible_dateline(facts_of('<h1>Headline here</h1><p class="date">March 3, 2025</p>')) == \
        PrintedDate("2025-03-03", False)


def test_date_after_an_update_label_is_an_update():
    found = visible_dateline(facts_of('<h1>Headline here</h1><p>Last updated on <a href="/x">March 12, 2026</a></p>'))
    assert found == PrintedDate("2026-03-12", True)


def test_date_in_an_update_classed_part_makes_its_line_an_update():
    found = visible_dateline(facts_of('<h1>Headline here</h1><div class="entry-meta">By Jane Doe '
                                      '<span class="updated-on">12th February 2025</span></div>'))
    assert found == PrintedDate("2025-02-12", True)


def test_update_and_publication_on_one_line_give_the_publication():
    found = visible_dateline(facts_of('<h1>Headline here</h1><span class="posted-on"><time class="updated">'
                                      'May 21, 2025</time> <time class="entry-date published">April 24, 2025'
                                      '</time></span>'))
    assert found == PrintedDate("2025-04-24", False)


def test_label_far_from_its_date_opens_a_sentence_not_a_dateline():
    filler = "<p>Text.</p>" * 30
    found = visible_dateline(facts_of(f'<h1>Headline here</h1>{filler}<p>Update note: this post was first '
                                      'published on the 21st of June 2017 and revised since.</p>'))
    assert found is None


def test_a_date_in_a_picture_caption_is_no_dateline():
    caption = ('<figure><img src="a.jpg"><figcaption><span class="text-time-black">The sun rises over an oil field '
               'March 24, 2014 near Lost Hills.</span></figcaption></figure>')
    assert visible_dateline(facts_of(f"<h1>Headline here</h1>{caption}<p>Story text.</p>")) is None


def test_a_date_labelled_date_in_a_fact_list_is_the_dateline():
    filler = "<p>Story text that runs on.</p>" * 45
    found = visible_dateline(facts_of(f"<h1>Headline here</h1>{filler}<ul><li><strong>Date</strong> 19.01.2020</li></ul>"))
    assert found == PrintedDate("2020-01-19", False)


def test_the_footer_of_the_headline_block_prints_the_dateline():
    page = ('<div class="headline"><h1>Headline here</h1><div class="headline__footer"><div class="timestamp">'
            'Published 8:00 PM EST, Tue December 19, 2023</div></div></div><p>Story text.</p>')
    assert visible_dateline(facts_of(page)) == PrintedDate("2023-12-19T20:00", False)


def test_a_date_in_the_page_footer_is_no_dateline():
    filler = "<p>Story text that runs on.</p>" * 12
    page = f'<h1>Headline here</h1>{filler}<div class="site-footer"><p class="date">December 19, 2023</p></div>'
    assert visible_dateline(facts_of(page)) is None


def test_a_time_in_a_sentence_is_no_dateline():
    filler = "<span>Vol 7</span>" * 6
    page = ('<p class="date">Published on <time>25.06.2019</time></p>' + filler + '<h1>Headline here</h1><p><span>'
            'Preprints (earlier versions) of this paper are available at <a href="/p/1">https://preprints.example.org'
            '/p/1</a>, first published <time datetime="04.Apr.2019">04.04.2019</time>.</span></p>')
    assert visible_dateline(facts_of(page)) == PrintedDate("2019-06-25", False)


def test_a_time_in_a_long_header_block_is_the_dateline():
    page = ('<h1>Headline here</h1><div class="article-header"><span>Music</span> <span>Music News</span> '
            '<time datetime="2019-11-19T05:04:02+00:00">November 19, 2019 12:04AM ET</time> <div class="ad">'
            'advertisement: the sponsor of this page would like to tell you about a product you may need</div></div>')
    assert visible_dateline(facts_of(page)) == PrintedDate("2019-11-19T00:04", False)


def test_a_time_in_a_long_byline_is_the_dateline():
    page = ('<h1>Headline here</h1><div>By Jane Doe, Senior Political Correspondent, and John Roe, Chief Economics '
            'Editor, The Coastal Gazette | <time datetime="2025-03-03">March 3, 2025</time></div>')
    assert visible_dateline(facts_of(page)) == PrintedDate("2025-03-03", False)


def titled_facts(title: str, body: str) -> PageFacts:
    tree = lxml.html.document_fromstring(f"<html><head><title>{title}</title></head><body>{body}</body></html>")
    return PageFacts(tree, read_head(tree), None, None, "2026-06-01", index_text(tree))


def test_a_heading_rewording_the_title_anchors_the_dateline():
    story = "<p>Story text that runs on for a while.</p>" * 20
    page = ('<h2>Your cart</h2><h3 class="kicker">blog | February 01, 2022</h3>'
            f'<h2>7 Ways to Help You Transition to a Plant Based Diet</h2>{story}')
    found = visible_dateline(titled_facts("7 Ways to Transition to a Plant-Based Diet | Koia", page))
    assert found == PrintedDate("2022-02-01", False)


def test_a_teaser_heading_after_the_story_anchors_no_dateline():
    story = "<p>Story text that runs on for a while.</p>" * 20
    page = (f'<div class="quote">Seven ways to a plant diet</div>{story}<h3>7 Ways to Transition to a Plant-Based '
            'Diet</h3><p class="date">September 15, 2023</p>')
    assert visible_dateline(titled_facts("Koia | 7 Ways to Transition to a Plant-Based Diet", page)) is None


def test_a_post_time_label_with_a_numeric_date_in_the_page_order_is_a_dateline():
    filler = "<p>Story text that runs on.</p>" * 45
    tree = lxml.html.document_fromstring(f'<html lang="en"><body><h1>Headline here</h1>{filler}'
                                         '<div>Post time: 01-04-2024</div></body></html>')
    facts = PageFacts(tree, read_head(tree), None, None, "2026-06-01", index_text(tree))
    assert visible_dateline(facts) == PrintedDate("2024-01-04", False)
