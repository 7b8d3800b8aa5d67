import time

import lxml.html

from cleaner.fields.html_byline import in_other_context, visible_byline
from cleaner.fields.jsonld import JsonLd
from cleaner.fields.page import PageFacts, PageHead, meta_tags
from cleaner.fields.tagged import tagged_elements
from cleaner.fields.text_index import index_text


def facts_of(body: str) -> PageFacts:
    tree = lxml.html.document_fromstring(f"<html><head><title>Storm</title></head><body>{body}</body></html>")
    tagged = tagged_elements(tree)
    head = PageHead(meta_tags(tagged.metas), JsonLd(), False, tagged)
    return PageFacts(tree, head, None, None, "2030-01-01", index_text(tree))


def test_marked_byline_by_the_headline_names_the_authors():
    facts = facts_of('<h1>Storm hits the coast</h1><div class="byline">By <a rel="author">Jane Doe</a>'
                     ' and <a rel="author">John Roe</a></div><p>Text.</p>')
    assert visible_byline(facts).authors == ("Jane Doe", "John Roe")


def test_comment_authors_are_in_another_context():
    facts = facts_of('<h1>Storm</h1><p>Text.</p><div class="comments"><div><a rel="author">Ann Lee</a></div></div>')
    author = facts.tree.xpath("//a[@rel='author']")[0]
    assert in_other_context(author, facts)
    assert visible_byline(facts).authors == ()


def test_a_wrapper_holding_the_headline_is_no_other_context():
    facts = facts_of('<div class="has-sidebar"><h1>Storm</h1><span class="author">Jane Doe</span></div>')
    assert not in_other_context(facts.tree.xpath("//span")[0], facts)


def test_many_comment_authors_are_read_in_linear_time():
    comment = '<div class="c"><p>A reader comment.</p><a rel="author" href="/r">Reader Name</a>' + "<i>x</i>" * 40
    facts = facts_of("<h1>Storm</h1><p>Text.</p><div class='comments'>" + (comment + "</div>") * 3000 + "</div>")
    started = time.perf_counter()
    assert visible_byline(facts).authors == ()
    assert time.perf_counter() - started < 5  # quadratic when each author walked the whole comment section
