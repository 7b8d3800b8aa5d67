import lxml.html

from cleaner.fields.text_index import index_text

PAGE = (
    "<html><head><title>T</title></head><body><div id='a'>By<a href='/x'>Jane   Doe</a>\n"
    "<!-- a comment --><span>  and\u00a0Joe</span> tail</div><p>  </p>"
    "<div id='b'><p>First paragraph, long enough to pass a limit of twenty.</p>end</div></body></html>"
)


def element_text(element) -> str:
    """The reference the index must agree with: the element's text pieces, whitespace collapsed."""
    return " ".join(" ".join(element.itertext()).split())


def short_text(element, limit: int) -> str | None:
    """The reference for a limited read: element_text when at most `limit` characters, else None."""
    text = element_text(element)
    return text if len(text) <= limit else None


def _tree():
    return lxml.html.document_fromstring(PAGE)


def test_text_matches_element_text_for_every_element():
    tree = _tree()
    index = index_text(tree)
    for element in tree.iter(lxml.etree.Element):
        assert index.text(element) == element_text(element)


def test_short_matches_short_text_at_every_limit():
    tree = _tree()
    index = index_text(tree)
    for element in tree.iter(lxml.etree.Element):
        for limit in (0, 5, 14, 20, 60, 200):
            assert index.short(element, limit) == short_text(element, limit)


def test_comment_text_is_no_text_but_its_tail_is():
    tree = _tree()
    div = tree.get_element_by_id("a")
    assert index_text(tree).text(div) == "By Jane Doe and Joe tail"


def test_descendants_skip_tags_and_keep_document_order():
    tree = _tree()
    index = index_text(tree)
    body = tree.find("body")
    tags = [e.tag for e in index.descendants(body, frozenset({"a"}))]
    assert tags == ["div", "span", "p", "div", "p"]
    assert index.descendants(tree.get_element_by_id("b")) == [tree.get_element_by_id("b")[0]]


def test_text_after_a_comment_inside_an_element_is_kept():
    tree = lxml.html.document_fromstring("<html><body><p><time>- <!-- -->2025/4/29</time><?pi x?>after</p></body></html>")
    index = index_text(tree)
    for element in tree.iter(lxml.etree.Element):
        assert index.text(element) == element_text(element)
    assert index.text(tree.find(".//time")) == "- 2025/4/29"


def test_holds_h1_matches_a_walk_of_the_descendants():
    tree = lxml.html.document_fromstring(
        "<html><body><div id='w'><header><h1>Head<b>line</b></h1></header><p>x</p></div>"
        "<div id='c'><p>no heading</p></div><h1>Second</h1></body></html>")
    index = index_text(tree)
    for element in tree.iter(lxml.etree.Element):
        assert index.holds_h1(element) == (next(element.iterdescendants("h1"), None) is not None)
    assert index.holds_h1(tree.get_element_by_id("w"))
    assert not index.holds_h1(tree.get_element_by_id("c"))


def test_share_before_is_the_share_of_the_text_printed_before_an_element():
    tree = lxml.html.document_fromstring("<html><body><p>aaaa</p><p>bbbb</p><p>cccc</p><p>dddd</p></body></html>")
    index = index_text(tree)
    paragraphs = tree.findall(".//p")
    assert index.share_before(paragraphs[0]) == 0.0
    assert index.share_before(paragraphs[2]) == 0.5
