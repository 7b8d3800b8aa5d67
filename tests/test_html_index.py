"""Index pages (a front page of teaser cards) give no article; articles with linked headlines stay articles."""

import cleaner
from cleaner.assemble import NO_ARTICLE
from cleaner.fields.page import read_head
from cleaner.segment.html_parse import parse_html

STORIES = [
    ("/news/tram-line-extension", "Council backs tram extension in the north",
     "The city council voted on Tuesday to expand the northern tram line by four stations after years of debate."),
    ("/news/harbour-strike-ends", "Harbour workers end their two-week strike",
     "Dock workers returned to the quays on Monday after the port authority agreed to a new pay scale for shifts."),
    ("/sport/rowing-club-title", "Rowing club wins its first national title",
     "The river club beat the favourites by half a length in the final, a result its coach called a small miracle."),
    ("/culture/museum-reopens", "Museum reopens after a long renovation",
     "Visitors queued around the block on Saturday as the city museum opened its restored halls to the public."),
    ("/business/bakery-expands", "Family bakery opens a fourth shop downtown",
     "The bakery founded by two sisters in 1984 now employs forty people and plans to open a fifth shop next year."),
    ("/news/bridge-repairs", "Bridge repairs will close the east crossing",
     "Drivers face detours for six weeks from March while engineers replace the bearings of the old east bridge."),
]


def _front_page(head: str = '<meta property="og:type" content="website">', href=None) -> str:
    cards = "\n".join(
        f'<div class="card"><h3><a href="{href or path}">{headline}</a></h3><p>{summary}</p></div>'
        for path, headline, summary in STORIES
    )
    cards = cards.replace("<h3>", "<h1>", 1).replace("</h3>", "</h1>", 1)  # the top story's headline is an h1
    return (f"<html><head><title>Latest news from the harbour | The Harbour Herald</title>"
            f'<meta property="og:site_name" content="The Harbour Herald">{head}</head><body>'
            f'<nav><a href="/">Home</a> <a href="/news">News</a></nav><main>{cards}</main></body></html>')


def test_front_page_of_teaser_cards_is_no_article(valid):
    record = cleaner.clean(_front_page(), url="https://herald.example/")
    valid(record.to_dict())
    assert record.text == ""
    assert NO_ARTICLE in record.warnings
    assert any(STORIES[0][2] in removed.text for removed in record.removed)
    assert record.fields.title == "Latest news from the harbour"  # the page's own, not the top teaser's


def test_listicle_that_declares_itself_an_article_keeps_its_cards():
    record = cleaner.clean(_front_page('<meta property="og:type" content="article">'),
                           url="https://herald.example/best-of-the-week")
    assert STORIES[2][2] in record.text
    assert NO_ARTICLE not in record.warnings


def test_cards_linking_to_one_page_are_a_story_not_an_index():
    # The same call-out under every section, its tracking parameters aside, is not a teaser for other pages.
    page = _front_page(href="/donate?appeal=cards")
    record = cleaner.clean(page, url="https://herald.example/webcams")
    assert STORIES[4][2] in record.text


def test_article_with_related_cards_stays_an_article():
    story = " ".join(summary for _, _, summary in STORIES)
    paragraphs = "".join(f"<p>{story}</p>" for _ in range(3))
    related = "".join(
        f'<div class="card"><h3><a href="{path}">{headline}</a></h3><p>{summary}</p></div>'
        for path, headline, summary in STORIES[:2]
    )
    page = (f"<html><head><title>A week in the city</title></head><body><main><article><h1>A week in the city</h1>"
            f"{paragraphs}{related}</article></main></body></html>")
    record = cleaner.clean(page, url="https://herald.example/week")
    assert STORIES[3][2] in record.text
    assert NO_ARTICLE not in record.warnings


def declares_article(page: str) -> bool:
    return read_head(parse_html(page)).declares_article


def test_declares_article_reads_opengraph_jsonld_and_microdata():
    assert declares_article('<html><head><meta property="og:type" content="Article"></head><body><p>x</p></body></html>')
    assert declares_article('<html><head><meta property="article:published_time" content="2020-01-19">'
                            "</head><body><p>x</p></body></html>")
    assert declares_article('<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "x"}'
                            "</script></head><body><p>x</p></body></html>")
    assert declares_article('<html><body><div itemscope itemtype="https://schema.org/BlogPosting">'
                            '<time itemprop="datePublished">2020-01-19</time><p>x</p></div></body></html>')
    assert not declares_article('<html><head><meta property="og:type" content="website"></head>'
                                "<body><p>x</p></body></html>")
    # A teaser card marked up as an article item without its date does not make the page one.
    assert not declares_article('<html><body><div itemscope itemtype="https://schema.org/NewsArticle">'
                                "<p>x</p></div></body></html>")
