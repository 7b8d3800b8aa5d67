"""A paywalled page's hidden paragraphs, carried in its JSON data, continue the story it shows."""

import json

import pytest

import cleaner

STORY = [
    "The county's count of people sleeping outside fell by a third this year, officials said on Friday.",
    "The drop follows a housing-first programme that pairs every tenant with a caseworker and a lease.",
    "Landlords who join the programme are paid a year's rent in advance by the county's housing fund.",
    "Critics say the fund cannot last beyond two more budgets without a new tax on property sales.",
    "The council will vote on that tax in March, after a round of public hearings in every district.",
    "Residents who were housed last winter told the hearings that a stable address changed everything.",
]
SHOWN = 2


def _bloomberg_style(text: str) -> dict:
    return {"type": "paragraph", "data": {}, "content": [
        {"type": "text", "value": text[:20]}, {"type": "link", "content": [{"type": "text", "value": text[20:]}]}]}


def _contentful(text: str) -> dict:
    return {"nodeType": "paragraph", "content": [{"nodeType": "text", "value": text}]}


def _portable_text(text: str) -> dict:
    return {"_type": "block", "children": [{"_type": "span", "text": text}]}


def _arc(text: str) -> dict:
    return {"type": "text", "content": f"<p>{text.replace('&', '&amp;')}</p>"}


def _page(node, story=STORY, shown=SHOWN) -> str:
    key = "content_elements" if node is _arc else "content"  # Arc XP's own name for the story's elements
    data = {"props": {"pageProps": {"story": {"body": {key: [node(p) for p in story]}}}}}
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY[:shown])
    return (f"<html><head><title>Fewer sleep outside</title></head><body><main><article>"
            f"<h1>Fewer people sleep outside</h1>{paragraphs}<div class='paywall'>Subscribe to read on.</div>"
            f"</article></main><script id='__NEXT_DATA__' type='application/json'>{json.dumps(data)}</script>"
            f"</body></html>")


@pytest.mark.parametrize("node", [_bloomberg_style, _contentful, _portable_text, _arc])
def test_hidden_paragraphs_follow_the_shown_ones_in_order(node, valid):
    record = cleaner.clean(_page(node), url="https://news.example/fewer-sleep-outside")
    valid(record.to_dict())
    assert record.text.split("\n\n") == STORY


def test_data_of_another_story_is_not_added():
    other = [p.replace("county", "harbour") [::-1] for p in STORY]
    record = cleaner.clean(_page(_contentful, story=other), url="https://news.example/a")
    assert record.text.split("\n\n") == STORY[:SHOWN]


def test_a_page_showing_its_whole_story_gets_no_duplicates():
    record = cleaner.clean(_page(_contentful, shown=len(STORY)), url="https://news.example/b")
    assert record.text.split("\n\n") == STORY


def _with_scripts(page: str, *scripts: str) -> str:
    extra = "".join(f"<script type='application/json'>{text}</script>" for text in scripts)
    return page.replace("</body>", extra + "</body>")


def test_a_longer_related_story_in_the_data_does_not_hide_the_continuation():
    related = [f"In other news, the river festival number {n} drew record crowds to the old harbour this summer, "
               "and the organisers are already planning a longer programme for next year." for n in range(20)]
    page = _with_scripts(_page(_contentful), json.dumps({"related": [_contentful(p) for p in related]}))
    record = cleaner.clean(page, url="https://news.example/c")
    assert record.text.split("\n\n") == STORY


def test_data_nested_past_the_parsers_stack_is_skipped_not_fatal():
    page = _with_scripts(_page(_contentful), '{"type": "paragraph", "x": ' + "[" * 200_000 + "]" * 200_000 + "}")
    record = cleaner.clean(page, url="https://news.example/d")
    assert record.text.split("\n\n") == STORY


def test_data_hardly_longer_than_the_shown_text_adds_nothing():
    # Five of six paragraphs shown: the data is no longer MIN_HIDDEN_RATIO times the shown text.
    record = cleaner.clean(_page(_contentful, shown=len(STORY) - 1), url="https://news.example/e")
    assert record.text.split("\n\n") == STORY[:-1]
