import lxml.html

from cleaner.fields.tagged import tagged_elements

PAGE = """<html><head><title>Storm <b>hits</b> the coast</title><meta name="a" content="1">
<script type="application/ld+json">{}</script><link rel="canonical" href="https://example.org/a"></head>
<body><h1>Storm</h1><p>By <a href="/author/jane/">Jane</a> <time datetime="2026-01-02">Jan 2</time></p>
<svg><title>icon</title></svg><div itemprop="author">Jane Doe</div><script>var x;</script></body></html>"""


def test_tagged_elements_are_those_the_queries_found():
    tree = lxml.html.document_fromstring(PAGE)
    tagged = tagged_elements(tree)
    assert tagged.title_texts == tuple(tree.xpath("//title/text()"))
    assert tagged.h1s == tuple(tree.xpath("//body//h1"))
    assert tagged.times == tuple(tree.xpath("//time"))
    assert tagged.anchors == tuple(tree.xpath("//a"))
    assert tagged.scripts == tuple(tree.xpath("//script"))
    assert tagged.metas == tuple(tree.xpath("//meta")) and tagged.links == tuple(tree.xpath("//link"))
    assert tagged.itemprops == tuple(tree.xpath("//*[@itemprop]"))


def test_title_texts_are_every_title_in_document_order():
    tree = lxml.html.document_fromstring(PAGE)
    assert tagged_elements(tree).title_texts == ("Storm <b>hits</b> the coast", "icon")  # a title is raw text
