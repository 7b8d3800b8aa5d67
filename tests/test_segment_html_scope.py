import pytest

from cleaner.segment.html_parse import parse_html
from cleaner.segment.html_blocks import iter_units
from cleaner.segment.html_scope import beside_a_picture, is_chrome_container

CAPTION = "The tram depot in the north of the city, seen from the new footbridge. Photo: City archive"
PARAGRAPH = "The council voted on Tuesday to expand the northern tram line by four stations, ending a long debate."


def _unit(page: str, text: str):
    body = parse_html(page).find("body")
    unit = next(u for u in iter_units(body) if u.text == text)
    return unit, body.find(".//article")


def test_text_of_a_picture_box_among_paragraphs_is_beside_a_picture():
    page = f'<html><body><article><p>{PARAGRAPH}</p><div class="media"><img src="a.jpg"><div>{CAPTION}</div></div>' \
           f"<p>{PARAGRAPH}</p></article></body></html>"
    assert beside_a_picture(*_unit(page, CAPTION))


def test_an_empty_lazy_load_placeholder_counts_as_a_picture():
    page = (
        f'<html><body><article><p>{PARAGRAPH}</p><div class="fig"><div class="lazyload-wrapper"></div>'
        f"<div>{CAPTION}</div></div></article></body></html>"
    )
    assert beside_a_picture(*_unit(page, CAPTION))


def test_a_card_among_cards_is_not_a_caption():
    # brand or product cards: a picture and its description, one card after another
    cards = "".join(f'<div class="card"><img src="{n}.jpg"><div>{CAPTION} {n}</div></div>' for n in range(3))
    page = f"<html><body><article><h2>Picks</h2>{cards}</article></body></html>"
    assert not beside_a_picture(*_unit(page, f"{CAPTION} 1"))


def test_a_paragraph_in_a_box_with_more_text_is_not_a_caption():
    page = (
        f'<html><body><article><p>{PARAGRAPH}</p><div class="section"><img src="a.jpg"><p>{CAPTION}</p>'
        f"<p>{PARAGRAPH} And more.</p></div><p>{PARAGRAPH}</p></article></body></html>"
    )
    assert not beside_a_picture(*_unit(page, CAPTION))


@pytest.mark.parametrize(
    "names",
    [
        "author-card package",
        "m-statement__author",
        "delta-video-container",
        "photogallery-description",
        "d-none d-print-block",
        "paywall",
        "d-none fact-check-popover",
    ],
)
def test_author_video_gallery_print_only_paywall_and_popover_boxes_are_chrome(names):
    page = f'<html><body><article><div class="{names}"><p>{PARAGRAPH}</p></div></article></body></html>'
    unit, article = _unit(page, PARAGRAPH)
    assert is_chrome_container(unit.element, article)


@pytest.mark.parametrize(
    "names",
    ["pmc-not-a-paywall", "prose prose-video:mt-2", "post format-video", "post format-gallery", "d-none d-md-block"],
)
def test_a_not_a_paywall_flag_a_video_variant_or_post_format_and_a_wide_screen_block_are_not_chrome(names):
    page = f'<html><body><article><div class="{names}"><p>{PARAGRAPH}</p></div></article></body></html>'
    unit, article = _unit(page, PARAGRAPH)
    assert not is_chrome_container(unit.element, article)
