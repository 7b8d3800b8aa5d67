import json
from dataclasses import replace

import lxml.etree
import lxml.html
import pytest

import cleaner
from cleaner.errors import Rejection
from cleaner.model import Kind
from cleaner.segment import html as html_front_end
from cleaner.segment.html import segment_html
from cleaner.segment.html_parse import parse_html
from cleaner.segment.html_align import align, tokens
from cleaner.segment.html_blocks import iter_units
from cleaner.segment.html_jsonld import declared_article_body
from cleaner.segment.html_scope import is_chrome_container, main_scope, reads_like_prose, sibling_scopes

PARAGRAPHS = [
    "The city council voted on Tuesday to expand the northern tram line by four stations, ending a debate "
    "that had divided the district for nearly a decade.",
    "Supporters said the extension would cut commuting times for thousands of residents, while opponents "
    "warned that construction would disrupt local shops for at least two years.",
    "The mayor said the first trams could run on the new section in the spring of next year, provided "
    "that the regional government releases the promised funds before the summer.",
    "Residents will be able to comment on the detailed plans at a public meeting next month, and the "
    "council has promised to publish every submission on its website.",
]

ARTICLE_PAGE = f"""<!DOCTYPE html><html><head><title>Tram line | Daily</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<h1>Council backs tram extension</h1>
<p>{PARAGRAPHS[0]}</p>
<figure><img src="t.jpg"><figcaption>The tram depot in the north of the city.</figcaption></figure>
<p>{PARAGRAPHS[1]}</p>
<h2>Funding still open</h2>
<p>{PARAGRAPHS[2]}</p>
<blockquote><p>We have waited long enough for this line to be built, said a local shop owner.</p></blockquote>
<ul><li>Four new stations in the northern district</li><li>Trams every eight minutes at peak hours</li></ul>
<p>{PARAGRAPHS[3]}</p>
</article></main>
<footer><p>Copyright 2024 Daily News Group. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""


def _blocks(page: str = ARTICLE_PAGE):
    return segment_html(parse_html(page), url="https://example.org/news/tram")


def _main_text(blocks) -> str:
    return "\n\n".join(b.text for b in blocks if b.in_main and b.kind != Kind.CAPTION)


def test_a_live_blog_marks_no_block_as_its_article():
    live = segment_html(parse_html(ARTICLE_PAGE), url="https://example.org/news/tram", live_blog=True)
    assert [b.text for b in live] and not any(b.in_main for b in live)
    assert any(b.in_main for b in _blocks())


def test_a_live_blog_record_has_no_text_and_says_why():
    data = json.dumps({"@type": "LiveBlogPosting", "headline": "Tram works: live"})
    page = ARTICLE_PAGE.replace("<head>", f'<head><script type="application/ld+json">{data}</script>', 1)
    record = cleaner.clean(page.encode(), url="https://example.org/news/tram-live")
    assert record.text == ""
    assert "no article found" in record.warnings and any("live blog" in w for w in record.warnings)


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_empty_document_is_rejected(text):
    with pytest.raises(Rejection) as err:
        parse_html(text)
    assert err.value.stage == "segment"
    assert err.value.reason == "empty HTML document"


def test_body_without_text_is_rejected():
    with pytest.raises(Rejection):
        parse_html("<html><head><title>x</title></head><body><div><img src='a.png'></div></body></html>")


def test_encoding_declaration_in_a_string_is_parsed():
    page = '<?xml version="1.0" encoding="utf-8"?><html><body><p>Grüße aus Köln</p></body></html>'
    tree = parse_html(page)
    assert "Grüße aus Köln" in tree.text_content()


def test_article_paragraphs_are_main_and_chrome_is_not():
    blocks = _blocks()
    text = _main_text(blocks)
    for paragraph in PARAGRAPHS:
        assert paragraph in text
    assert "Home" not in text
    assert "Copyright" not in text
    assert not any(b.in_main for b in blocks if b.text.startswith("Copyright"))


def test_headline_is_not_main_but_subheading_is():
    blocks = _blocks()
    headline = next(b for b in blocks if b.text == "Council backs tram extension")
    subheading = next(b for b in blocks if b.text == "Funding still open")
    assert not headline.in_main
    assert subheading.in_main and subheading.kind == Kind.HEADING


def test_kinds_of_article_blocks():
    kinds = {b.text: b.kind for b in _blocks()}
    assert kinds["The tram depot in the north of the city."] == Kind.CAPTION
    assert kinds["We have waited long enough for this line to be built, said a local shop owner."] == Kind.QUOTE
    assert kinds["Four new stations in the northern district"] == Kind.LIST_ITEM
    assert kinds[PARAGRAPHS[0]] == Kind.PARAGRAPH


def test_blocks_are_in_document_order_with_tags():
    blocks = _blocks()
    assert [b.index for b in blocks] == list(range(len(blocks)))
    texts = [b.text for b in blocks]
    assert texts.index(PARAGRAPHS[0]) < texts.index(PARAGRAPHS[1]) < texts.index(PARAGRAPHS[3])
    first = next(b for b in blocks if b.text == PARAGRAPHS[0])
    assert first.tag == "p"


def test_menu_is_one_chrome_block_of_links():
    menu = next(b for b in _blocks() if b.text.startswith("Home"))
    assert menu.text == "Home | News | Sport"
    assert not menu.in_main
    assert menu.link_density > 0.6


def test_tree_is_not_modified():
    tree = parse_html(ARTICLE_PAGE)
    before = lxml.html.tostring(tree)
    segment_html(tree)
    assert lxml.html.tostring(tree) == before


def test_link_list_page_has_no_main_blocks():
    links = "".join(f'<li><a href="/story/{i}">Story number {i} of the day</a></li>' for i in range(40))
    page = f"<html><body><nav><a href='/'>Home</a></nav><ul>{links}</ul></body></html>"
    assert not any(b.in_main for b in _blocks(page))


def test_inline_text_runs_become_units():
    tree = parse_html("<html><body><div>Loose <b>bold</b> words<br>next line<p>A paragraph</p>tail text</div></body></html>")
    texts = [u.text for u in iter_units(tree.find("body"))]
    assert texts == ["Loose bold words next line", "A paragraph", "tail text"]


def test_unclosed_button_does_not_hide_the_page():
    page = "<html><body><button><div><p>Inside a broken button</p></div></body></html>"
    texts = [u.text for u in iter_units(parse_html(page).find("body"))]
    assert texts == ["Inside a broken button"]


def test_repeated_text_matches_once():
    units = [tokens("Read the full story about the tram line today"), tokens("the full story about the tram line")]
    assert align(units, "Read the full story about the tram line today") == [True, False]


def test_short_unit_matches_only_next_to_previous_match():
    reference = "First paragraph of the story here. " + "Filler words of the article body. " * 5 + "Share"
    units = [tokens("First paragraph of the story here."), tokens("Share")]
    assert align(units, reference) == [True, False]


def test_declared_article_body_from_json_ld_graph():
    page = (
        '<html><head><script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
        '"articleBody": "Text &amp; <b>more</b> text"}]}</script></head><body><p>x</p></body></html>'
    )
    assert declared_article_body(parse_html(page).iter("script")).split() == ["Text", "&", "more", "text"]


SPLIT_BODY = """<html><body><div id="page"><article>
<div class="row body"><p>First part of the story, long enough to read as prose in a paragraph.</p>
<p>Second paragraph of the first part, also long enough to count as prose.</p></div>
<div class="row ad"><p>Advertisement</p></div>
<div class="row body"><p>Third paragraph, after the ad slot, in a sibling container of the same class.</p>
<div class="related-links"><p>Related story that the article container also holds inside.</p></div></div>
</article></div></body></html>"""


def _split_units():
    tree = parse_html(SPLIT_BODY)
    body = tree.find("body")
    return body, iter_units(body)


def test_scope_is_the_container_of_the_chosen_text():
    body, units = _split_units()
    chosen = [i < 2 for i in range(len(units))]
    scope = main_scope(body, units, chosen)
    assert scope.get("class") == "row body"
    assert [s.get("class") for s in sibling_scopes(scope)] == ["row body"]


def test_chrome_names_inside_the_scope():
    body, units = _split_units()
    related = next(u for u in units if u.text.startswith("Related story"))
    third = next(u for u in units if u.text.startswith("Third paragraph"))
    article = body.find(".//article")
    assert is_chrome_container(related.element, article)
    assert not is_chrome_container(third.element, article)


def test_prose_test_refuses_links_and_markup():
    body, units = _split_units()
    prose = units[0]
    assert reads_like_prose(prose)
    assert not reads_like_prose(replace(prose, link_chars=len(prose.text)))
    assert not reads_like_prose(replace(prose, text='<img src="http://example.org/pixel.gif"> tracking pixel text'))


def _furniture_page(header: str, body_extra: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><header>{header}</header><div class="article-body">{paragraphs}{body_extra}</div></article>
<aside class="related"><figure><img src="r.jpg"><figcaption>Another story about the city budget and its many
long debates in the council chamber</figcaption></figure></aside></body></html>"""


def test_lead_image_caption_beside_the_body_is_a_caption_of_the_article():
    header = (
        "<h1>Council backs tram extension</h1>"
        '<div class="lead-media"><img src="a.jpg"><div class="image-caption">The tram depot at dawn.</div>'
        '<div class="photo-credit">Photo: Jane Roe</div></div>'
    )
    blocks = _blocks(_furniture_page(header))
    captions = [b.text for b in blocks if b.kind == Kind.CAPTION and b.in_main]
    assert captions == ["The tram depot at dawn.", "Photo: Jane Roe"]
    assert "The tram depot" not in _main_text(blocks)


def test_caption_of_a_related_story_card_is_not_the_article_s():
    blocks = _blocks(_furniture_page("<h1>Council backs tram extension</h1>"))
    assert not any(b.in_main and "city budget" in b.text for b in blocks)


def test_item_caption_beside_the_body_is_a_caption():
    header = '<h1>Council backs tram extension</h1><div class="media"><img src="b.jpg"><div itemprop="caption">A tram on the old line.</div></div>'
    blocks = _blocks(_furniture_page(header))
    kinds = {b.text: (b.kind, b.in_main) for b in blocks}
    assert kinds["A tram on the old line."] == (Kind.CAPTION, True)


def test_a_caption_named_as_such_is_read_as_a_caption():
    page = ('<html><body><div class="wp-caption"><img src="c.jpg"><p class="wp-caption-text">Riders wait for the '
            'first tram.</p></div><div><img src="d.jpg"><cite id="galleryCaption001">The depot at night.</cite></div>'
            '<p>Story text. <span class="slider__caption">Range</span></p></body></html>')
    kinds = {u.text: u.kind for u in iter_units(parse_html(page).find("body"))}
    assert kinds == {"Riders wait for the first tram.": Kind.CAPTION, "The depot at night.": Kind.CAPTION,
                     "Story text. Range": Kind.PARAGRAPH}


def test_a_long_container_named_caption_is_no_caption():
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    page = f'<html><body><h1>Council backs tram extension</h1><div class="has-captions">{body}</div></body></html>'
    assert all(b.kind != Kind.CAPTION for b in _blocks(page))


STANDFIRST = "Four new stations will link the northern district to the centre by the end of next year."


@pytest.mark.parametrize(
    "header",
    [
        f'<h1>Council backs tram extension</h1><div class="c-dek"><span>{STANDFIRST}</span></div>',
        f"<h1>Council backs tram extension</h1><p>{STANDFIRST}</p>",
        f'<h1>Council backs tram extension</h1><p class="byline">By Jane Roe</p><h2 class="standfirst">{STANDFIRST}</h2>',
    ],
)
def test_standfirst_under_the_headline_is_the_lead_not_the_text(header):
    blocks = _blocks(_furniture_page(header))
    leads = [b for b in blocks if b.kind == Kind.LEAD]
    assert [(b.text, b.in_main) for b in leads] == [(STANDFIRST, False)]


def test_standfirst_goes_to_the_records_lead():
    record = cleaner.clean(_furniture_page(f"<h1>Council backs tram extension</h1><p>{STANDFIRST}</p>").encode())
    assert record.fields.lead == STANDFIRST and STANDFIRST not in record.text


def test_byline_under_the_headline_is_not_a_standfirst():
    header = "<h1>Council backs tram extension</h1><p>By Jane Roe and John Doe, City Hall reporters, Tuesday 4 June</p>"
    blocks = _blocks(_furniture_page(header))
    assert not any(b.kind == Kind.LEAD for b in blocks)


def test_content_after_an_early_document_end_is_read():
    page = (
        "<html><body><nav><a href='/'>Home</a></nav></body></html>\n"
        f"<div class='post'><h1>Council backs tram extension</h1>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}</div>"
    )
    text = _main_text(_blocks(page))
    assert all(paragraph in text for paragraph in PARAGRAPHS)


def test_trailing_whitespace_after_the_document_end_changes_nothing():
    page = f"<html><body><p>{PARAGRAPHS[0]}</p></body></html>\n\n"
    assert parse_html(page).find("body").findtext("p") == PARAGRAPHS[0]


def test_every_element_of_the_parsed_page_is_a_plain_html_element():
    tree = parse_html("<html><body><form><label>Name</label><input value='x'></form><p>Text</p></body></html>")
    classes = {type(element) for element in tree.iter(lxml.etree.Element)}
    assert classes == {lxml.html.HtmlElement}
    assert tree.find(".//form").text_content() == "Name"


def test_partial_match_counts_only_what_whole_matches_left():
    # The first unit uses the reference's only copy of these words; the second, a variant of it, has
    # nothing left to match in part.
    words = tokens("one two three four five six seven")
    variant = tokens("one two three four five six eight")
    assert align([words, variant], "one two three four five six seven") == [True, False]
    assert align([variant], "one two three four five six seven") == [True]


def _declaring_page(declared: str, article: str) -> str:
    ld = json.dumps({"@type": "NewsArticle", "articleBody": declared})
    return f"""<html><head><script type="application/ld+json">{ld}</script></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav><main><article>{article}</article></main>
<footer><p>Copyright 2024 Daily News Group.</p></footer></body></html>"""


def _extractor_takes(text: str, monkeypatch) -> None:
    monkeypatch.setattr(html_front_end, "_trafilatura_text", lambda tree, url, fast: text)


def test_declared_standfirst_does_not_cut_the_article(monkeypatch):
    # A declared body of two paragraphs (under MIN_DECLARED_TOKENS words) is a summary, not the article.
    summary = " ".join(PARAGRAPHS[:2])
    assert 50 < len(tokens(summary)) < html_front_end.MIN_DECLARED_TOKENS
    _extractor_takes("\n".join(PARAGRAPHS), monkeypatch)
    blocks = _blocks(_declaring_page(summary, "".join(f"<p>{p}</p>" for p in PARAGRAPHS)))
    assert _main_text(blocks) == "\n\n".join(PARAGRAPHS)


def test_declared_first_card_keeps_the_cards_beside_it(monkeypatch):
    # A listicle that declares its first card only: the cards of the same class beside it stay main.
    second = [p.replace("council", "board") for p in PARAGRAPHS[:2]]
    cards = [PARAGRAPHS, second, [PARAGRAPHS[2].replace("mayor", "chair")]]
    article = "".join(
        f'<div class="card"><h2>Pick {n}</h2>{"".join(f"<p>{p}</p>" for p in card)}</div>'
        for n, card in enumerate(cards, 1)
    )
    _extractor_takes("\n".join(p for card in cards for p in card), monkeypatch)
    main = _main_text(_blocks(_declaring_page(" ".join(PARAGRAPHS), article)))
    assert cards[1][1] in main and cards[2][0] in main


ITEM_CARDS = """<html><body><article>
<div class="c-product-widget"><div class="c-product-widget__content"><p>First product, described at length.</p></div></div>
<div class="c-product-widget"><div class="c-product-widget__content"><p>Second product, described too.</p></div></div>
<div class="c-product-widget"><div class="c-product-widget__content"><p>Third product, described as well.</p></div></div>
<div class="block block--embed place_101"><p>A place card numbered by its class.</p></div>
<div class="block block--embed place_102"><p>Another place card of the same kind.</p></div>
<div class="block block--embed place_103"><p>A third place card of the same kind.</p></div>
<div class="signup-widget"><p>One sign-up box beside the story.</p></div>
<div class="comment"><p>A comment.</p></div><div class="comment"><p>Another.</p></div><div class="comment"><p>And one more.</p></div>
</article></body></html>"""


def test_a_run_of_mechanism_named_items_is_the_article_s_but_one_box_is_chrome():
    body = parse_html(ITEM_CARDS).find("body")
    article = body.find(".//article")
    chrome = [is_chrome_container(u.element, article) for u in iter_units(body)]
    # three product widgets, three numbered place embeds: items; one sign-up widget, three comments: chrome
    assert chrome == [False] * 6 + [True] * 4


def test_item_cards_each_in_a_nameless_wrapper_are_a_run_but_one_wrapped_box_is_chrome():
    cards = "".join(f'<div><div class="block block--embed place_{n}"><p>Place card {n}.</p></div></div>' for n in range(3))
    boxed = '<div><div class="signup-embed"><p>One sign-up box beside the story.</p></div></div>'
    body = parse_html(f"<html><body><article>{cards}<figure>x</figure>{boxed}</article></body></html>").find("body")
    article = body.find(".//article")
    chrome = [is_chrome_container(u.element, article) for u in iter_units(body) if u.text != "x"]
    assert chrome == [False, False, False, True]


def test_lead_paragraph_before_the_body_block_stays_main(monkeypatch):
    lead = "Trams will run to the northern district by next spring, the council decided."
    after = "Sign up to our morning briefing and get the day's news in your inbox every day."
    story = PARAGRAPHS + [p.replace("council", "assembly") for p in PARAGRAPHS]  # the body block holds most
    article = (
        f'<div class="lead"><p>{lead}</p></div><div class="body">{"".join(f"<p>{p}</p>" for p in story)}</div>'
        f'<div class="tail"><p>{after}</p></div>'
    )
    _extractor_takes("\n".join([lead, *story, after]), monkeypatch)
    main = _main_text(_blocks(_declaring_page("", article)))
    assert main.startswith(lead) and PARAGRAPHS[3] in main and after not in main


def test_one_mechanism_named_block_holding_whole_sections_is_the_article_s():
    sections = "".join(f"<h3>Part {n}</h3><p>{p}</p>" for n, p in enumerate(PARAGRAPHS * 4))
    page = f'<html><body><article><p>{PARAGRAPHS[0]}</p><div class="w-embed">{sections}</div></article></body></html>'
    body = parse_html(page).find("body")
    embedded = [u for u in iter_units(body) if "w-embed" in (u.element.getparent().get("class") or "")]
    assert embedded and not any(is_chrome_container(u.element, body.find(".//article")) for u in embedded)


def test_extractor_units_in_a_named_box_inside_the_article_are_dropped(monkeypatch):
    modal = "Want to republish this story? Copy the code below and paste it into your own site today."
    callouts = [f"Download the planning toolkit number {n} for schools and city councils." for n in range(3)]
    article = (
        "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "".join(f'<div class="pb_promo"><p>{c}</p></div>' for c in callouts)
        + f'<div class="republish-modal"><p>{modal}</p></div>'
    )
    _extractor_takes("\n".join([*PARAGRAPHS, *callouts, modal]), monkeypatch)
    main = _main_text(_blocks(_declaring_page("", article)))
    # a run of same-named call-outs is the article's; one pop-up box is not
    assert PARAGRAPHS[-1] in main and callouts[2] in main and modal not in main


def test_a_node_flagged_promoted_is_not_a_promotion_box():
    page = (
        '<html><body><main><div class="node node--promoted"><article><p>Step one.</p></article></div>'
        '<div class="promoted_contents_block"><p>Another story.</p></div></main></body></html>'
    )
    body = parse_html(page).find("body")
    main = body.find(".//main")
    assert [is_chrome_container(u.element, main) for u in iter_units(body)] == [False, True]


def test_a_clipped_box_is_not_a_hidden_one():
    page = (
        '<html><body><article><div class="col-span-2 overflow-hidden"><p>An app described at length.</p></div>'
        '<div class="is-hidden"><p>A panel the page keeps hidden.</p></div></article></body></html>'
    )
    body = parse_html(page).find("body")
    article = body.find(".//article")
    assert [is_chrome_container(u.element, article) for u in iter_units(body)] == [False, True]


def test_a_section_heading_the_extractor_left_out_between_kept_paragraphs_is_taken_back(monkeypatch):
    article = (
        f"<p>{PARAGRAPHS[0]}</p><h2>Costs</h2><p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p>"
        f'<div class="related"><h3>Other stories</h3></div><p>{PARAGRAPHS[3]}</p><h3>Last word</h3>'
    )
    _extractor_takes("\n".join(PARAGRAPHS), monkeypatch)
    main = [b.text for b in _blocks(_declaring_page("", article)) if b.in_main]
    # a heading in a related box and one after the last kept paragraph stay out
    assert "Costs" in main and "Other stories" not in main and "Last word" not in main


def test_a_list_of_short_items_between_kept_paragraphs_is_taken_back_whole(monkeypatch):
    features = ["Graphical enhancements", "A new survival mode", "Three new levels"]
    stories = ["Council approves the budget", "Bridge repairs close the road", "Library opens late"]
    links = "".join(f"<li><a href='/s{n}'>{t}</a></li>" for n, t in enumerate(stories))
    article = (
        f"<p>{PARAGRAPHS[0]}</p><ul>{''.join(f'<li>{f}</li>' for f in features)}</ul><p>{PARAGRAPHS[1]}</p>"
        f"<ul>{links}</ul><p>{PARAGRAPHS[2]}</p><ul><li>A last item</li><li>Below the story</li></ul>"
    )
    # the extractor takes the paragraphs and the first feature only
    _extractor_takes("\n".join([PARAGRAPHS[0], features[0], *PARAGRAPHS[1:3]]), monkeypatch)
    main = [b.text for b in _blocks(_declaring_page("", article)) if b.in_main]
    # a list of links between paragraphs and a list after the last kept paragraph stay out
    assert all(f in main for f in features)
    assert not any(t in main for t in stories) and "Below the story" not in main


def test_teaser_cut_short_does_not_take_the_story_start():
    # A ticker item (headline + the story's first words up to "...") is found whole in the extractor's
    # text; the story's own first paragraph must get that stretch.
    headline = "Deportees return home from the United States"
    teaser = f"{headline} {' '.join(PARAGRAPHS[0].split()[:12])}..."
    units = [tokens(teaser), tokens(headline), tokens(PARAGRAPHS[0])]
    reference = f"{headline}\n{PARAGRAPHS[0]}"
    assert align(units, reference, [True, False, False]) == [False, True, True]
    assert align(units, reference)[:2] == [True, False]  # undeferred, the teaser takes the headline
    # A short label cut short still matches next to the previous match.
    label = [tokens(PARAGRAPHS[0]), tokens("You may also like...")]
    assert align(label, f"{PARAGRAPHS[0]} You may also like...", [False, True]) == [True, True]


def test_link_list_from_fast_extraction_is_extracted_again_in_full(monkeypatch):
    # A story in loose text beside big menus: the fast pass returns the menus, the full pass the story.
    menu = "".join(f'<li><a href="/s{n}">Section number {n}</a></li>' for n in range(40))
    story = " ".join(PARAGRAPHS)
    page = f"<html><body><nav><ul>{menu}</ul></nav><div class='news'>{story}</div></body></html>"
    menu_text = "\n".join(f"Section number {n}" for n in range(40))
    texts = {True: f"{menu_text}\n{story}", False: story}
    monkeypatch.setattr(html_front_end, "_trafilatura_text", lambda tree, url, fast: texts[fast])
    assert _main_text(_blocks(page)) == story


def test_h1_after_the_story_began_is_a_section_title(monkeypatch):
    # Some pages mark every heading h1: only the one before the story is the headline.
    story = f"<h1>Council backs tram extension</h1><p>{PARAGRAPHS[0]}</p><h1>What comes next</h1><p>{PARAGRAPHS[1]}</p>"
    _extractor_takes(f"Council backs tram extension\n{PARAGRAPHS[0]}\nWhat comes next\n{PARAGRAPHS[1]}", monkeypatch)
    blocks = _blocks(f"<html><body><article>{story}</article></body></html>")
    assert _main_text(blocks) == f"{PARAGRAPHS[0]}\n\nWhat comes next\n\n{PARAGRAPHS[1]}"


def test_scope_of_one_chosen_paragraph_is_its_container():
    # An extractor that took a single long paragraph: the scope is the card holding it, where its heading is.
    body, units = _split_units()
    chosen = [i == 0 for i in range(len(units))]
    assert main_scope(body, units, chosen).get("class") == "row body"



@pytest.mark.parametrize(
    "header",
    [
        # the subheading beside the headline, the story in a container after it
        f"<div class='top'><h1>Council backs tram extension</h1><h2>{STANDFIRST}</h2></div>",
        # the subheading outside the story's container
        f"<h1>Council backs tram extension</h1><div class='top'><h2>{STANDFIRST}</h2></div>",
    ],
)
def test_a_standfirst_the_extractor_took_is_left_out(header, monkeypatch):
    _extractor_takes(f"{STANDFIRST}\n" + "\n".join(PARAGRAPHS), monkeypatch)
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    blocks = _blocks(f"<html><body><article>{header}<div class='story'>{paragraphs}</div></article></body></html>")
    assert _main_text(blocks) == "\n\n".join(PARAGRAPHS)


def test_a_subheading_inside_the_story_after_its_headline_stays(monkeypatch):
    # A section heading that opens the story's own container is the story's.
    _extractor_takes("How it began\n" + "\n".join(PARAGRAPHS), monkeypatch)
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    story = f"<div class='story'><h2>How it began</h2>{paragraphs}</div>"
    page = f"<html><body><article><h1>Council backs tram extension</h1>{story}</article></body></html>"
    assert _main_text(_blocks(page)).startswith("How it began\n\n")


def test_a_box_of_the_latest_stories_inside_the_article_is_dropped(monkeypatch):
    teasers = ["Council approves the new budget after a long night", "Bridge repairs will close the ring road"]
    box = "".join(f"<li><h3><a href='/s{n}'>{t}</a></h3></li>" for n, t in enumerate(teasers))
    article = "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + f'<div class="latest-news-box"><ul>{box}</ul></div>'
    _extractor_takes("\n".join([*PARAGRAPHS, *teasers]), monkeypatch)
    assert _main_text(_blocks(_declaring_page("", article))) == "\n\n".join(PARAGRAPHS)


@pytest.mark.parametrize("names", ["post-boilerplate", "editors-note-popover"])
def test_a_boilerplate_or_popover_box_inside_the_article_is_dropped(names, monkeypatch):
    notice = "Join us at our next event in the city and hear from the leaders of the industry. Request an invite."
    article = "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + f'<div class="{names}"><p>{notice}</p></div>'
    _extractor_takes("\n".join([*PARAGRAPHS, notice]), monkeypatch)
    assert _main_text(_blocks(_declaring_page("", article))) == "\n\n".join(PARAGRAPHS)


def test_a_hover_card_inside_a_paragraph_is_not_its_text():
    card = (
        '<span class="rollover-people"><a href="/people/jane-roe">Jane Roe</a>'
        '<span class="rollover-people-block"><img src="j.jpg"><a href="/a">Her latest story</a></span></span>'
    )
    tip = '<span class="tooltip">MP<span class="tooltiptext">Member of Parliament</span></span>'
    body = parse_html(f"<html><body><p>Councillor {card} said the {tip} agreed.</p>{card}</body></html>").find("body")
    assert [u.text for u in iter_units(body)] == ["Councillor Jane Roe said the MP agreed.", "Jane Roe"]


def _endless_page(next_stories: int) -> str:
    def story(n: int, paragraphs: list[str]) -> str:
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        return (
            f'<article class="post" itemscope itemtype="https://schema.org/Article"><h1>Story {n}</h1>'
            f'<div class="post-body">{body}</div></article>'
        )

    others = [story(n, [f"{p} (story {n})" for p in PARAGRAPHS] * 2) for n in range(2, 2 + next_stories)]
    return f"<html><body><main><div class='feed'>{story(1, PARAGRAPHS)}{''.join(others)}</div></main></body></html>"


def test_the_next_stories_of_an_endless_page_are_not_the_article_s(monkeypatch):
    # The extractor took the first story; the others (same tag and class, far more prose) follow it.
    _extractor_takes("\n".join(PARAGRAPHS), monkeypatch)
    assert _main_text(_blocks(_endless_page(next_stories=4))) == "\n\n".join(PARAGRAPHS)


def test_within_one_story_the_siblings_of_a_split_body_are_still_taken_back(monkeypatch):
    # A story whose body is cut in two same-class blocks by an ad slot: the block the extractor missed comes back.
    halves = "".join(
        f'<div class="body-part"><p>{p}</p><p>{q}</p></div><div class="ad">Ad</div>'
        for p, q in (PARAGRAPHS[:2], PARAGRAPHS[2:])
    )
    _extractor_takes("\n".join(PARAGRAPHS[:2]), monkeypatch)
    story = f'<article itemscope itemtype="https://schema.org/NewsArticle"><h1>Tram</h1>{halves}</article>'
    page = f"<html><body>{story}</body></html>"
    assert _main_text(_blocks(page)) == "\n\n".join(PARAGRAPHS)


def test_lead_in_another_section_of_the_same_body_class_stays_main(monkeypatch):
    # The lead paragraphs sit in a body container of the same class, in a section of their own a few levels
    # above the main body's container (a media block between them).
    lead = "Trams will run to the northern district by next spring, the council decided on Tuesday."
    story = PARAGRAPHS + [p.replace("council", "assembly") for p in PARAGRAPHS]
    page = f"""<html><body><main><div class="page">
<section><div class="col"><div class="row"><div class="story-text"><p>{lead}</p></div></div></div></section>
<section><div class="col"><div class="wrap"><div class="inner"><div class="story-text">
{"".join(f"<p>{p}</p>" for p in story)}</div></div></div></div></section>
<section><div class="col"><div class="promo-box"><p>{PARAGRAPHS[0].replace("tram", "bus")}</p></div></div></section>
</div></main></body></html>"""
    _extractor_takes("\n".join([lead, *story]), monkeypatch)
    main = _main_text(_blocks(page))
    assert main.startswith(lead) and story[-1] in main


def test_prose_before_the_body_in_another_kind_of_section_stays_out(monkeypatch):
    # A summary in a hero block of another class, a few levels above the body's container, is not its lead.
    summary = "A summary of the story shown in the page's hero block, above the article itself."
    story = PARAGRAPHS + [p.replace("council", "assembly") for p in PARAGRAPHS]
    page = f"""<html><body><main><div class="page">
<section><div class="col"><div class="row"><div class="hero"><p>{summary}</p></div></div></div></section>
<section><div class="col"><div class="wrap"><div class="inner"><div class="story-text">
{"".join(f"<p>{p}</p>" for p in story)}</div></div></div></div></section></div></main></body></html>"""
    _extractor_takes("\n".join([summary, *story]), monkeypatch)
    main = _main_text(_blocks(page))
    assert summary not in main and story[0] in main


def test_intro_above_a_list_of_items_stays_main(monkeypatch):
    intro = "Here are all of the projects the members released on their own, from the first to the latest."
    items = "".join(f"<li><article><h2>Item {n}</h2><p>{p}</p></article></li>" for n, p in enumerate(PARAGRAPHS * 2))
    page = f"""<html><body><main><article><div class="a-content"><div class="pmc-not-a-paywall">
<p>{intro}</p><div><div><ul>{items}</ul></div></div></div></div></article></main></body></html>"""
    _extractor_takes("\n".join([intro, *(PARAGRAPHS * 2)]), monkeypatch)
    assert _main_text(_blocks(page)).startswith(intro)


def test_declared_row_of_links_the_extractor_left_out_is_not_main(monkeypatch):
    links = " | ".join(f'<a href="/s{n}">Another story of the day number {n}</a>' for n in range(4))
    article = "".join(f"<p>{p}</p>" for p in PARAGRAPHS * 2) + f'<div class="more"><p>{links}</p></div>'
    declared = " ".join([*(PARAGRAPHS * 2), *(f"Another story of the day number {n}" for n in range(4))])
    _extractor_takes("\n".join(PARAGRAPHS * 2), monkeypatch)
    main = _main_text(_blocks(_declaring_page(declared, article)))
    assert PARAGRAPHS[3] in main and "Another story" not in main


def test_caption_of_a_picture_among_the_paragraphs_is_not_taken_back(monkeypatch):
    caption = "A view of the eruption near the town, seen from a webcam on the ridge. Credit: webcam capture."
    placeholder = '<div class="lazyload-wrapper"><div class="lazyload-placeholder"></div></div>'
    figure = f'<div class="sc-1">{placeholder}<div>{caption}</div></div>'
    article = f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>{figure}<p>{PARAGRAPHS[2]}</p><p>{PARAGRAPHS[3]}</p>"
    _extractor_takes("\n".join(PARAGRAPHS), monkeypatch)
    blocks = _blocks(_declaring_page("", article))
    assert caption not in _main_text(blocks) and PARAGRAPHS[3] in _main_text(blocks)
    assert [b.text for b in blocks if b.kind == Kind.CAPTION and b.in_main] == [caption]


def _deals_page(rel: str) -> str:
    deals = "".join(f'<li><b><a href="https://shop.example/{n}" {rel}>{n * 10} per cent off the {item} at the big '
                    f'summer sale, now $99 (down from $199)</a></b></li>'
                    for n, item in enumerate(("garden chairs", "coffee machines", "robot vacuums"), start=2))
    return (f"<html><body><main><article><h1>Best summer deals</h1><p>{PARAGRAPHS[0]}</p><ul>{deals}</ul>"
            f"<p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p></article></main></body></html>")


def test_a_list_of_paid_links_in_the_story_is_its_text():
    blocks = segment_html(parse_html(_deals_page('rel="sponsored noopener"')))
    assert "30 per cent off the coffee machines at the big summer sale, now $99 (down from $199)" in [
        b.text for b in blocks if b.in_main]


def test_paid_links_count_as_the_story_s_words_and_plain_links_as_links():
    def link_chars(rel: str) -> list[int]:
        return [u.link_chars for u in iter_units(parse_html(_deals_page(rel)).find("body")) if u.element.tag == "li"]

    assert link_chars('rel="Sponsored"') == [0, 0, 0]
    assert all(chars > 50 for chars in link_chars('rel="nofollow"'))
