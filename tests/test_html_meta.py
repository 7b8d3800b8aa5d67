import html
import json

import lxml.html
import pytest

from cleaner.fields.html_meta import read_html_fields
from cleaner.fields.html_title import strip_site_affixes
from cleaner.fields.jsonld import jsonld_of
from cleaner.fields.tagged import tagged_elements


def page(head: str = "", body: str = "") -> object:
    return lxml.html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


def jsonld(data: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


# --- title -------------------------------------------------------------------------------------

def test_title_is_the_h1_matching_the_metadata_title():
    tree = page(
        '<title>Merkel visits Kyiv | DW | 19.01.2020</title>'
        '<meta property="og:title" content="Merkel visits Kyiv">',
        '<h1>DW</h1><article><h1>Merkel visits Kyiv</h1><p>Text</p></article>',
    )
    assert read_html_fields(tree, url="https://www.dw.com/en/a-1").title == "Merkel visits Kyiv"


def test_title_without_h1_loses_site_suffix_and_date():
    tree = page("<title>Merkel visits Kyiv | DW | 19.01.2020</title>")
    assert read_html_fields(tree, url="https://www.dw.com/en/a-1").title == "Merkel visits Kyiv"


def test_title_loses_site_named_by_og_site_name():
    tree = page('<meta property="og:site_name" content="The Guardian">'
                "<title>Storm hits coast - The Guardian</title>")
    assert read_html_fields(tree).title == "Storm hits coast"


def test_title_loses_site_prefix():
    tree = page('<meta property="og:site_name" content="Example News">'
                "<title>Example News: Storm hits the coast</title>")
    assert read_html_fields(tree).title == "Storm hits the coast"


def test_title_is_never_the_site_name_alone():
    tree = page('<meta property="og:site_name" content="Example News"><title>Example News</title>',
                "<h1>Example News</h1>")
    assert read_html_fields(tree).title is None


def test_headline_naming_the_site_is_kept():
    tree = page("<title>NASA's laser terminal achieves first link - NASA</title>",
                "<h1>NASA's laser terminal achieves first link</h1>")
    fields = read_html_fields(tree, url="https://www.nasa.gov/news/x")
    assert fields.title == "NASA's laser terminal achieves first link"


def test_kicker_printed_inside_the_h1_is_dropped():
    tree = page('<meta property="og:title" content="Let kids be kids and leave labor laws alone">',
                "<h1><span>Opinion</span> Let kids be kids and leave labor laws alone</h1>")
    assert read_html_fields(tree).title == "Let kids be kids and leave labor laws alone"


def test_sole_h1_differing_from_the_seo_title_is_the_headline():
    tree = page('<meta property="og:title" content="Budget tents tested | Gear Blog">',
                "<h1>We slept in nine cheap tents so you don't have to</h1><p>Story.</p>")
    assert read_html_fields(tree).title == "We slept in nine cheap tents so you don't have to"


def test_sole_h1_after_a_heading_printing_the_title_is_a_section():
    tree = page('<meta property="og:title" content="What do people love about Rust? | Rust Blog">',
                "<h2>What do people love about Rust?</h2><p>Survey answers.</p>"
                "<h1>But what they love is the sense of empowerment</h1><p>More answers.</p>")
    assert read_html_fields(tree).title == "What do people love about Rust?"


def test_sole_h1_with_most_of_the_text_before_it_is_a_section():
    story = "<p>" + "A long paragraph of the story itself, sentence after sentence. " * 20 + "</p>"
    tree = page('<meta property="og:title" content="How robot vacuums map a home">',
                f"{story}<h1>A message from our sponsor about the newsletter</h1><p>Subscribe.</p>")
    assert read_html_fields(tree).title == "How robot vacuums map a home"


@pytest.mark.parametrize("h1", ["Opinion | Let kids be kids and leave labor laws alone | Editorial",
                                "Let kids be kids and leave labor laws alone (video)",
                                "Let kids be kids and leave labor laws alone [Watch]"])
def test_section_and_media_labels_around_the_headline_are_dropped(h1):
    tree = page(f'<meta property="og:title" content="{h1}">', f"<h1>{h1}</h1>")
    assert read_html_fields(tree).title == "Let kids be kids and leave labor laws alone"


def test_a_headline_that_is_mostly_a_label_is_kept():
    tree = page('<meta property="og:title" content="Opinion | Taxes">', "<h1>Opinion | Taxes</h1>")
    assert read_html_fields(tree).title == "Opinion | Taxes"


def test_line_break_inside_the_h1_separates_its_words():
    tree = page("<title>Weekend coding agent | Focus Labs</title>",
                "<h1><span>Weekend<br>coding</span> agent</h1><p>Text.</p>")
    assert read_html_fields(tree).title == "Weekend coding agent"


def test_h1_printing_what_the_decorated_title_adds_is_the_site_name():
    tree = page('<title>Harbour Data Blog: Small adventures with small models</title>'
                '<meta property="og:title" content="Small adventures with small models">',
                "<h1>Harbour Data Blog</h1><h3>Small adventures with small models</h3><h1>Small is the new large</h1>")
    assert read_html_fields(tree).title == "Small adventures with small models"


def test_title_loses_the_sites_web_address_opening_it():
    assert strip_site_affixes("harbourbau.com Vibe Coding", None, "https://harbourbau.com/vibe.html") == "Vibe Coding"
    assert strip_site_affixes("Booking.com Reports Record Bookings", None, "https://news.example.org/a") == (
        "Booking.com Reports Record Bookings")


def test_site_affixes_helper_keeps_a_plain_title():
    assert strip_site_affixes("Trump: ‘I’m not a student of Hitler’", None, None) == (
        "Trump: ‘I’m not a student of Hitler’")


def test_site_name_and_its_tagline_after_it_are_stripped():
    title = "Die Ablehnung der Gendersprache » SciLogs - Wissenschaftsblogs"
    url = "https://scilogs.example.de/blog/post/"
    assert strip_site_affixes(title, None, url) == "Die Ablehnung der Gendersprache"
    assert strip_site_affixes("Budget vote - a long night in the House - Politics", None, url) == (
        "Budget vote - a long night in the House")


# --- authors -----------------------------------------------------------------------------------

def test_jsonld_people_are_authors_and_a_wire_organisation_is_the_agency():
    tree = page(jsonld({"@type": "NewsArticle", "headline": "H",
                        "author": [{"@type": "Person", "name": "Jane Doe"},
                                   {"@type": "Person", "name": "John Roe"},
                                   {"@type": "Organization", "name": "Reuters"}]}))
    fields = read_html_fields(tree)
    assert (fields.authors, fields.agency) == (("Jane Doe", "John Roe"), "Reuters")


def test_organisation_author_is_not_a_person():
    tree = page(jsonld({"@type": "Article", "headline": "H",
                        "author": {"@type": "Organization", "name": "Example Media Group"}}))
    assert read_html_fields(tree).authors == ()


def test_profile_url_in_meta_is_not_a_name_and_the_byline_is_read():
    tree = page('<meta property="article:author" content="https://example.com/people/jane-doe">',
                '<h1>Headline here</h1><div class="byline">By <a href="/people/jd">Jane Doe</a></div>')
    fields = read_html_fields(tree)
    assert fields.authors == ("Jane Doe",)
    assert fields.byline == "By Jane Doe"


def test_wire_credit_in_meta_goes_to_agency():
    tree = page('<meta name="author" content="Associated Press">')
    fields = read_html_fields(tree)
    assert (fields.authors, fields.agency) == ((), "AP")


def test_comment_authors_are_not_article_authors():
    tree = page(body='<h1>Headline here</h1><div class="comments">'
                     '<span class="comment-author">Max Power</span></div>')
    assert read_html_fields(tree).authors == ()


# --- date --------------------------------------------------------------------------------------

def test_date_is_published_not_modified_and_keeps_time_and_offset():
    tree = page(jsonld({"@type": "NewsArticle", "headline": "H",
                        "dateModified": "2023-12-24T10:00:00+01:00",
                        "datePublished": "2023-12-22T08:30:00+01:00"}))
    assert read_html_fields(tree).date == "2023-12-22T08:30:00+01:00"


def test_jsonld_written_into_a_meta_by_a_framework_is_read():
    data = json.dumps({"@type": "Article", "headline": "H", "datePublished": "2025-11-17T09:00:00-05:00"})
    tree = page(f'<meta name="script:ld+json" content="{html.escape(data)}">', "<h1>H</h1><p>Story.</p>")
    assert read_html_fields(tree).date == "2025-11-17T09:00:00-05:00"


def test_a_live_blog_is_known_by_its_schema_type_beside_a_news_article():
    article, live_blog = {"@type": "NewsArticle", "headline": "H"}, {"@type": "LiveBlogPosting", "headline": "H"}
    live = page(jsonld(article) + jsonld(live_blog))
    assert jsonld_of(tagged_elements(live)).is_live_blog
    assert not jsonld_of(tagged_elements(page(jsonld({"@type": "NewsArticle", "headline": "H"})))).is_live_blog


def test_meta_published_time_is_read():
    tree = page('<meta property="article:modified_time" content="2023-12-24T10:00:00Z">'
                '<meta property="article:published_time" content="2023-12-22T08:30:00Z">')
    assert read_html_fields(tree).date == "2023-12-22T08:30:00Z"


def test_date_after_the_crawl_is_rejected():
    tree = page('<meta property="og:type" content="article">'
                '<meta property="article:published_time" content="2030-01-01T00:00:00Z">')
    assert read_html_fields(tree, crawl_date="2024-01-01").date is None


def test_page_without_a_date_has_none():
    tree = page(
        '<script>var cookieExpires = "2031-01-01";</script>',
        "<h1>About our bakery</h1><p>We bake bread.</p><footer>© 2024 Bakery</footer>",
    )
    assert read_html_fields(tree, crawl_date="2025-01-01").date is None


def test_template_date_of_a_plain_web_page_needs_the_page_to_show_it():
    tree = page(jsonld({"@type": "WebPage", "name": "Pricing", "datePublished": "2019-05-01"}),
                "<h1>Our pricing plans</h1><p>Cheap.</p>")
    assert read_html_fields(tree).date is None


def test_visible_dateline_under_the_headline():
    tree = page(body='<h1>Headline here</h1><p class="meta">Published 15. Dezember 2015, 14:30</p>')
    assert read_html_fields(tree).date == "2015-12-15T14:30"


def test_an_articles_own_footer_dates_it_but_the_page_footer_does_not():
    story = "<p>Dock workers returned to work on Monday.</p>"
    own = (f'<article>{story}<footer class="article-template-footer"><span class="date"><time datetime='
           '"2025-08-12T11:15:06Z">August 12, 2025</time></span></footer></article>')
    head = '<meta property="og:type" content="article">'
    assert read_html_fields(page(head, own)).date == "2025-08-12T11:15:06Z"
    site = (f'<article>{story}</article><div class="site-footer"><article><time datetime="2025-08-12">'
            'August 12, 2025</time></article></div>')
    assert read_html_fields(page(head, site)).date is None


def test_utc_value_yields_to_the_local_time_of_the_same_instant():
    tree = page('<meta property="og:type" content="article">'
                '<meta property="article:published_time" content="2023-12-23T03:22:07Z">',
                '<h1>Headline here</h1><time datetime="2023-12-22T22:22:07-05:00">Dec 22</time>')
    assert read_html_fields(tree).date == "2023-12-22T22:22:07-05:00"


# --- other fields and contract -------------------------------------------------------------------

def test_url_site_section_language_and_tags():
    tree = lxml.html.document_fromstring(
        '<html lang="en-GB"><head><link rel="canonical" href="/story/1">'
        '<meta property="og:site_name" content="Example News">'
        '<meta property="article:section" content="Science">'
        '<meta property="article:tag" content="Space"><meta property="article:tag" content="NASA">'
        "</head><body><p>x</p></body></html>")
    fields = read_html_fields(tree, url="https://example.com/amp/story/1?x=1")
    assert fields.url == "https://example.com/story/1"
    assert (fields.site, fields.section, fields.language) == ("Example News", "Science", "en")
    assert fields.categories == ("Space", "NASA")
    assert (fields.lead, fields.captions) == (None, ())


def test_section_from_breadcrumbs():
    crumbs = {"@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": 1, "name": "Home"},
        {"@type": "ListItem", "position": 2, "name": "Politics"},
        {"@type": "ListItem", "position": 3, "name": "The story"}]}
    assert read_html_fields(page(jsonld(crumbs))).section == "Politics"


@pytest.mark.parametrize("broken", ["{not json", '{"@type": "NewsArticle", "author": 5}'])
def test_broken_jsonld_is_ignored(broken):
    tree = page(f'<script type="application/ld+json">{broken}</script><title>A fine headline</title>')
    assert read_html_fields(tree).title == "A fine headline"


def test_tree_is_not_modified():
    tree = page('<title>Storm hits coast - Example</title>',
                '<h1>Storm hits coast</h1><div class="byline">By Jane Doe</div>')
    before = lxml.html.tostring(tree)
    read_html_fields(tree)
    assert lxml.html.tostring(tree) == before


def test_categories_keep_names_and_drop_ids_codes_and_page_types():
    tags = "".join(f'<meta property="article:tag" content="{tag}">'
                   for tag in ("Article", "105726154", "COVID-19", "MCAT:US", "N-US-2019", "Space"))
    assert read_html_fields(page(tags)).categories == ("COVID-19", "Space")


# --- title suffixes naming the site another way --------------------------------------------------

def test_title_loses_a_shortened_site_name():
    tree = page('<meta property="og:site_name" content="Thrive Internet Marketing Agency">'
                "<title>Website Design Portfolio | Thrive Internet Marketing</title>")
    assert read_html_fields(tree).title == "Website Design Portfolio"


@pytest.mark.parametrize(("title", "url"), [
    ("The Ultimate Car Maintenance Checklist | Bridgestone Tires", "https://tires.bridgestone.com/learn/x"),
    ("The Ultimate Car Maintenance Checklist | Bridgestone.com", "https://promotions.bridgestone.com/x"),
])
def test_title_loses_the_host_written_another_way(title, url):
    assert read_html_fields(page(f"<title>{title}</title>"), url=url).title == (
        "The Ultimate Car Maintenance Checklist")


def test_h1_printing_the_decorated_title_loses_the_decoration():
    title = "How to help babies and toddlers sleep through the whole night | Patient Education | Ucdavis Children's Hospital"
    tree = page(f"<title>{title}</title>", f"<h1>{title}</h1>")
    assert read_html_fields(tree, url="https://health.ucdavis.edu/children/x").title == (
        "How to help babies and toddlers sleep through the whole night")


def test_h1_loses_a_trailing_site_name_but_keeps_a_trailing_author():
    tree = page('<meta property="og:site_name" content="Artlyst">',
                "<h1>Critics’ Choice: Best UK Art Exhibitions 2025 – Artlyst</h1>")
    assert read_html_fields(tree).title == "Critics’ Choice: Best UK Art Exhibitions 2025"
    tree = page('<meta property="og:title" content="Welcome to the first Christmas — Terry Pluto">',
                "<h1>Welcome to the first Christmas — Terry Pluto</h1>")
    assert read_html_fields(tree, url="https://www.cleveland.com/news/x").title == (
        "Welcome to the first Christmas — Terry Pluto")


def test_headline_opening_with_the_host_name_is_kept():
    tree = page('<meta property="og:site_name" content="EBONY"><title>EBONY Evolution ft. Rick Ross - EBONY</title>',
                "<h1>EBONY Evolution ft. Rick Ross</h1>")
    assert read_html_fields(tree, url="https://www.ebony.com/video/x").title == "EBONY Evolution ft. Rick Ross"


# --- authors: references, bloggers, page templates ---------------------------------------------

def test_jsonld_author_given_by_id_reference_is_resolved():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "Article", "headline": "H", "author": {"@id": "https://ex.com/#/person/1"}},
        {"@type": "Person", "@id": "https://ex.com/#/person/1", "name": "Albert Swann"}]}
    assert read_html_fields(page(jsonld(graph))).authors == ("Albert Swann",)


def test_blogger_named_like_the_site_is_the_author_but_a_brand_is_not():
    def authors(name: str) -> tuple:
        data = {"@type": "BlogPosting", "headline": "H", "author": {"@type": "Person", "name": name}}
        return read_html_fields(page(f'<meta property="og:site_name" content="{name}">' + jsonld(data))).authors
    assert authors("Sam Bossley") == ("Sam Bossley",)
    assert authors("USA TODAY") == ()


def test_body_template_classes_do_not_hide_the_byline():
    tree = lxml.html.document_fromstring(
        '<html><body class="single has-sidebar footer-widgets"><article><h1>Headline here</h1>'
        '<span class="author vcard"><a class="url fn n" href="/u/tj">Trevor Jones</a></span>'
        "</article></body></html>")
    assert read_html_fields(tree).authors == ("Trevor Jones",)


def test_a_posts_own_footer_prints_its_byline_but_the_page_footer_does_not():
    def authors(footer_class: str) -> tuple:
        return read_html_fields(page(body=(
            '<div class="post"><h1>Headline here</h1><p>Body text.</p>'
            f'<div class="{footer_class}">Posted by <span class="author vcard">Ned Deily</span></div></div>'
        ))).authors
    assert authors("post-footer") == ("Ned Deily",)
    assert authors("site-footer") == ()


# --- labelled and shared datelines, microdata ----------------------------------------------------

FILLER = "<div><span>menu</span></div>" * 30


@pytest.mark.parametrize(("line", "day"), [
    ("기사입력 :[ 2018-08-25 15:24 ]", "2018-08-25"),
    ("Publicado em 3 de março de 2024", "2024-03-03"),
    ("Опубликовано 5 марта 2024", "2024-03-05"),
    ("Veröffentlicht am 3. März 2024", "2024-03-03"),
    ("Publié le 3 mars 2024", "2024-03-03"),
    ("Pubblicato il 3 marzo 2024", "2024-03-03"),
])
def test_labelled_dateline_in_any_language_counts_without_a_date_class(line, day):
    tree = page(body=f"<h1>Headline here</h1>{FILLER}<p>{line}</p><p>Body text.</p>")
    assert (read_html_fields(tree).date or "")[:10] == day


def test_dateline_sharing_its_line_with_the_byline_or_reading_time():
    tree = page(body="<h1>Headline here</h1><p>Faith Katunga • Oct 20, 2025</p>")
    assert read_html_fields(tree).date == "2025-10-20"
    tree = page(body="<h1>Headline here</h1><span>December 18, 2025 ・ 3 min read</span>")
    assert read_html_fields(tree).date == "2025-12-18"


def test_paragraph_mentioning_a_date_is_no_dateline():
    tree = page(body="<h1>Headline here</h1><p>The council met on Oct 20, 2025 to vote on the new budget.</p>")
    assert read_html_fields(tree).date is None


def test_microdata_date_published():
    tree = page(body='<article itemscope itemtype="https://schema.org/NewsArticle"><h1>Headline here</h1>'
                     '<span itemprop="datePublished" content="2021-04-05">5 April</span></article>')
    assert read_html_fields(tree).date == "2021-04-05"


# --- printed wire credits --------------------------------------------------------------------------

def test_agency_credited_only_in_the_text_is_read():
    tree = page(body="<h1>Headline here</h1><p>WASHINGTON (AP) — The Senate voted on Friday.</p>")
    assert read_html_fields(tree).agency == "AP"
    tree = page(body="<h1>Headline here</h1><p>Toronto police said.</p><p>— The Canadian Press</p>")
    fields = read_html_fields(tree)
    assert (fields.agency, fields.byline, fields.authors) == ("CP", "The Canadian Press", ())


def test_short_agency_word_alone_is_no_credit():
    tree = page(body="<h1>Headline here</h1><p>Body.</p><a href='/ap'>AP</a>")
    assert read_html_fields(tree).agency is None


def test_written_by_line_far_from_the_headline_names_the_author():
    tree = page(body=f"<h1>Headline here</h1>{FILLER * 3}<p>Written by: Elise Nass</p>")
    assert read_html_fields(tree).authors == ("Elise Nass",)


def test_page_without_h1_anchors_datelines_at_the_heading_printing_the_title():
    tree = page('<meta property="og:title" content="Homestead gardening thrives in Rajshahi">',
                '<h2 class="title">Homestead gardening thrives in Rajshahi</h2><p>By Aynal Haque</p>'
                "<p>20 December, 2025</p><p>Body text of the story.</p>")
    fields = read_html_fields(tree)
    assert (fields.date, fields.authors) == ("2025-12-20", ("Aynal Haque",))


# --- date: printed datelines against structured dates ---------------------------------------------

def test_updated_line_is_the_date_when_the_page_prints_no_other():
    tree = page(body='<h1>Best tax software</h1><p>By Jane Doe</p><p>Updated on July 9, 2025</p>')
    assert read_html_fields(tree, crawl_date="2025-12-01").date == "2025-07-09"


def test_publication_dateline_beats_a_nearer_updated_line():
    tree = page(body='<h1>Headline here</h1><span>Updated Aug 21, 2025</span>'
                     '<span class="meta">Published Apr 26, 2023</span>')
    assert read_html_fields(tree, crawl_date="2025-12-01").date == "2023-04-26"


def test_updated_line_does_not_beat_the_structured_publication():
    tree = page('<meta property="og:type" content="article">'
                '<meta property="article:published_time" content="2024-10-15T18:50:03Z">',
                '<h1>Headline here</h1><p>Updated on June 18, 2025</p>')
    assert read_html_fields(tree, crawl_date="2025-12-01").date == "2024-10-15T18:50:03Z"


def test_printed_dateline_earlier_than_the_structured_date_wins():
    tree = page('<meta property="og:type" content="article">'
                '<meta property="article:published_time" content="2025-06-24">',
                '<h1>Headline here</h1><p class="date">August 25, 2024</p>')
    assert read_html_fields(tree, crawl_date="2025-12-01").date == "2024-08-25"


def test_printed_modification_date_without_label_wins_over_the_first_publication():
    tree = page('<meta property="og:type" content="article">'
                '<meta property="article:published_time" content="2024-09-06">'
                '<meta property="article:modified_time" content="2025-11-14T06:49:57+00:00">',
                '<h1>Headline here</h1><p class="post-date">November 14, 2025</p>')
    assert read_html_fields(tree, crawl_date="2025-12-01").date == "2025-11-14"


def test_body_template_classes_do_not_hide_the_dateline():
    tree = lxml.html.document_fromstring(
        '<html><body class="single footer-on-bottom"><h1>Office chairs</h1>'
        '<time>October 9, 2025</time><p>Text.</p></body></html>')
    assert read_html_fields(tree, crawl_date="2025-12-01").date == "2025-10-09"


def test_dateline_is_read_by_the_h1_printing_the_title_not_a_search_h1():
    filler = "".join(f"<p>Menu entry {i}</p>" for i in range(60))
    tree = page('<meta property="og:title" content="Scientific trends in psychiatry">',
                f'<h1>Search</h1>{filler}<h1>Scientific Trends in Psychiatry</h1>'
                '<p>December 24, 2024</p><p>Text.</p>')
    assert read_html_fields(tree, crawl_date="2025-12-01").date == "2024-12-24"


# --- title: repairs ---------------------------------------------------------------------------------

def test_title_read_with_the_wrong_encoding_is_repaired():
    title = "A DIY Investor’s Guide to Retirement Calculators".encode("utf-8").decode("latin-1")
    tree = page(f'<meta property="og:title" content="{title}">', f"<h1>{title}</h1>")
    assert read_html_fields(tree).title == "A DIY Investor’s Guide to Retirement Calculators"


def test_h1_that_lost_characters_yields_to_the_metadata_title():
    tree = page('<meta property="og:title" content="Event Planning: Beginner&#39;s Guide">',
                "<h1>Event Planning? Beginner? Guide</h1>")
    assert read_html_fields(tree).title == "Event Planning: Beginner's Guide"


def test_h1_with_a_real_question_mark_is_kept():
    tree = page('<meta property="og:title" content="Is coffee good for you? | Site">',
                "<h1>Is coffee good for you?</h1>")
    assert read_html_fields(tree).title == "Is coffee good for you?"


def test_dateline_printed_inside_the_h1_is_dropped():
    tree = page('<meta property="og:title" content="Top Strategies to Optimize Blockchain Security">',
                "<h1>Top Strategies to Optimize Blockchain Security<div>Posted on July 1, 2024 by infuy</div></h1>")
    assert read_html_fields(tree).title == "Top Strategies to Optimize Blockchain Security"


# --- authors: visible bylines ---------------------------------------------------------------------

def test_byline_inside_a_page_builder_widget_container_is_read():
    tree = page(body='<h1>Headline here</h1><div class="elementor-widget-container">'
                     '<h4 class="elementor-author-box__name">Liz Kenny</h4></div>')
    assert read_html_fields(tree).authors == ("Liz Kenny",)


def test_byline_in_a_sidebar_widget_is_not_read():
    tree = page(body='<h1>Headline here</h1><div class="widget widget_authors">'
                     '<span class="author">Jane Roe</span></div>')
    assert read_html_fields(tree).authors == ()


def test_by_colon_line_near_the_headline():
    tree = page(body="<h1>Mini inference engine</h1><p>by: Ziyi Xu , Dec 17, 2025</p>")
    assert read_html_fields(tree, crawl_date="2025-12-31").authors == ("Ziyi Xu",)


def test_label_printed_as_the_parent_text_of_the_name():
    tree = page(body="<h1>Headline here</h1><p>Text.</p><div>Article by<div>Matias Heikkilä</div></div>")
    assert read_html_fields(tree).authors == ("Matias Heikkilä",)


def test_placeholder_words_are_no_author():
    tree = page('<meta name="author" content="undefined">', "<h1>Headline here</h1>")
    assert read_html_fields(tree).authors == ()


def test_label_as_parent_text_reads_every_linked_name():
    tree = page(body='<h1>Headline here</h1><div>By: <a href="/a">Carla Gomez</a>, '
                     '<a href="/b">Jordeene B. Lagare</a></div>')
    assert read_html_fields(tree).authors == ("Carla Gomez", "Jordeene B. Lagare")


def test_far_publication_date_does_not_beat_the_updated_line_by_the_headline():
    teasers = "".join(f"<p>Teaser {i}</p>" for i in range(120))
    tree = page('<meta property="og:type" content="article">'
                '<meta property="article:published_time" content="2023-12-19T21:00:49+02:00">',
                f"<h1>Headline here</h1><p>Last updated: 2023/12/19 at 9:01 PM</p>{teasers}"
                '<p class="date">November 19, 2023</p>')
    assert read_html_fields(tree).date == "2023-12-19T21:00:49+02:00"


def test_twitter_card_written_by_names_the_author_of_a_page_without_other_metadata():
    card = '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="{}">'
    assert read_html_fields(page(card.format("Linda Rosencrance"))).authors == ("Linda Rosencrance",)
    sponsored = ('<meta property="og:site_name" content="Example.net"><meta name="author" content="Example.net">'
                 + card.format("Benjo Diaz"))
    assert read_html_fields(page(sponsored, "<h1>Headline</h1>")).authors == ()


def test_a_wrapper_holding_the_headline_is_no_side_context():
    tree = page(body='<aside class="announcement-banner"><article><h1>Headline</h1>'
                     '<span class="blog-meta-author">Tim Enwall</span></article>')
    assert read_html_fields(tree).authors == ("Tim Enwall",)
    sidebar = page(body='<article><h1>Headline</h1></article>'
                        '<aside><span class="author">Tim Enwall</span></aside>')
    assert read_html_fields(sidebar).authors == ()


def test_utility_class_values_naming_a_sidebar_are_no_side_context():
    tree = page(body='<div class="lg:mr-[--sidebar-width]"><a href="/blog/authors/e-o">Emmanuel Oyibo</a></div>'
                     "<h1>Headline</h1>")
    assert read_html_fields(tree).authors == ("Emmanuel Oyibo",)


def test_site_named_person_in_metadata_is_the_blogger_when_nothing_else_names_an_author():
    head = '<meta property="og:site_name" content="Cory Dransfeldt"><meta name="author" content="Cory Dransfeldt">'
    assert read_html_fields(page(head)).authors == ("Cory Dransfeldt",)
    printed = page(head.replace("Cory Dransfeldt", "One Tree Planted"),
                   '<h1>Headline</h1><span class="author">Meaghan Weeden</span>')
    assert read_html_fields(printed).authors == ("Meaghan Weeden",)


def test_single_word_author_counts_when_linked_to_its_author_page():
    linked = page(body='<h1>Headline</h1><p class="entry-meta">by <a href="/author/amanda/">Amanda</a></p>')
    assert read_html_fields(linked).authors == ("Amanda",)
    unlinked = page(body='<h1>Headline</h1><p class="entry-meta">by <a href="/tag/amanda/">Amanda</a></p>')
    assert read_html_fields(unlinked).authors == ()


# --- date: lines that are no publication dateline -------------------------------------------------

def test_manuscript_history_line_is_no_dateline():
    tree = page('<meta name="citation_publication_date" content="2023/01/07">',
                '<h1>A study of things</h1><section id="history-article-meta" class="history">'
                '<p>Received 2022 Oct 12; Accepted 2023 Jan 7.</p></section>')
    assert read_html_fields(tree, crawl_date="2025-12-01").date == "2023-01-07"


def test_bare_date_in_a_table_cell_is_data_not_a_dateline():
    tree = page(body='<h1>Hottest markets</h1><p>Prices rose fastest in these metropolitan areas last year.</p>'
                     '<table><tr><td>1/1/2013</td><td>+13.1%</td></tr></table>')
    assert read_html_fields(tree, crawl_date="2025-12-01").date is None


def test_updated_line_older_than_the_structured_publication_does_not_beat_it():
    tree = page('<meta property="og:type" content="article">'
                '<meta property="article:published_time" content="2026-01-05">',
                '<h1>Remodel costs</h1><p>Written by Jane Doe Updated Jun 16, 2025</p>')
    assert read_html_fields(tree, crawl_date="2026-02-01").date == "2026-01-05"


def test_meta_published_date_name_is_read():
    tree = page('<meta property="og:type" content="article"><meta name="published-date" content="2021-02-16">',
                '<h1>Emerging technologies</h1>')
    assert read_html_fields(tree, crawl_date="2025-12-01").date == "2021-02-16"


def test_dateline_sharing_its_line_with_a_name_and_a_role():
    tree = page(body='<h1>How AI is changing care</h1><p>Aaron Ricadela | Senior Writer | July 2, 2025</p>')
    assert read_html_fields(tree, crawl_date="2025-12-01").date == "2025-07-02"


# --- authors: roles, side boxes and organisations ---------------------------------------------------

def test_names_credited_for_another_role_are_no_authors():
    tree = page(body='<h1>Best backpacking gear</h1><div class="byline">By <a href="/author/ben-roe">Ben Roe</a>'
                     ' Contributions From: <a href="/author/trish-may">Trish May</a>, '
                     '<a href="/author/sam-lee">Sam Lee</a> &amp; <a href="/author/eli-park">Eli Park</a></div>')
    assert read_html_fields(tree).authors == ("Ben Roe",)


def test_metadata_author_credited_for_contributions_on_the_page_is_no_author():
    tree = page(jsonld({"@type": "NewsArticle", "headline": "Best budget telescopes",
                        "author": [{"@type": "Person", "name": "Ben Roe"}, {"@type": "Person", "name": "Trish May"}]}),
                '<h1>Best budget telescopes</h1><div class="byline">By <a href="/author/ben-roe">Ben Roe</a>'
                '<span>Contributions from <span class="author-name"><a href="/author/trish-may">Trish May</a>'
                '</span></span></div>')
    assert read_html_fields(tree).authors == ("Ben Roe",)


def test_metadata_authors_printed_as_co_authors_are_all_kept():
    tree = page(jsonld({"@type": "NewsArticle", "headline": "Best budget telescopes",
                        "author": [{"@type": "Person", "name": "Ben Roe"}, {"@type": "Person", "name": "Trish May"}]}),
                '<h1>Best budget telescopes</h1><div class="byline">By <a href="/author/ben-roe">Ben Roe</a> and '
                '<a href="/author/trish-may">Trish May</a></div>')
    assert read_html_fields(tree).authors == ("Ben Roe", "Trish May")


def test_by_line_printed_after_the_date_in_the_headline_block():
    tree = page(body='<div id="page-title"><h1>Anime film opens in Jakarta</h1><small>posted on '
                     '<time datetime="2023-12-19T23:30:00">2023-12-19</time></small> by Rafael Antonio Pineda</div>')
    assert read_html_fields(tree).authors == ("Rafael Antonio Pineda",)


def test_by_after_a_work_title_credits_the_work_not_the_page():
    tree = page(body='<h1>The fold-and-cut problem</h1><div class="float"><a href="b.html"><i>Wakoku Chiyekurabe</i>'
                     '</a> by Kan Chu Sen, 1721.</div><p>The first published reference is a Japanese book.</p>')
    assert read_html_fields(tree).authors == ()


def test_dateline_under_an_h2_headline_when_the_sole_h1_is_a_section():
    filler = "".join(f"<p>Survey answer number {i} about the language and its tools.</p>" for i in range(12))
    tree = page('<meta property="og:title" content="What do people love about Rust? | Rust Blog">',
                '<header><h2>What do people love about Rust?</h2></header>'
                '<div class="meta">Dec. 19, 2025 · Nora Lindqvist on behalf of the Docs group</div>'
                f'{filler}<h1>But what they love is the sense of empowerment</h1><p>More.</p>')
    assert read_html_fields(tree).authors == ("Nora Lindqvist",)


def test_a_user_name_signing_a_dated_by_line_is_the_author():
    tree = page(body='<h1>Scalable end-to-end interpretability</h1>'
                     '<div class="meta">by <a href="/users/jroe">jroe</a>, 19 Dec 2025</div><p>Text.</p>')
    assert read_html_fields(tree).authors == ("jroe",)


def test_a_single_word_after_by_on_an_undated_line_is_no_author():
    tree = page(body='<h1>Scalable end-to-end interpretability</h1><div class="meta">by <b>Category</b></div>'
                     '<p>Text.</p>')
    assert read_html_fields(tree).authors == ()


def test_updated_by_names_an_editor_not_an_author():
    tree = page(body='<h1>Car maintenance checklist</h1><div class="cda-author">'
                     '<span class="author-name">By Benjamin Preston</span>'
                     '<span class="byline-updated">Updated by Jon Linkov</span></div>')
    assert read_html_fields(tree).authors == ("Benjamin Preston",)


def test_byline_in_the_articles_own_side_box_is_read():
    in_article = page(body='<article><h1>Benefits of AI</h1><aside class="insight__content">'
                           '<h3>Author</h3><p>Lisa D. Ellis</p></aside><p>Text.</p></article>')
    assert read_html_fields(in_article).authors == ("Lisa D. Ellis",)
    by_headline = page(body='<h1>Sleep training</h1><aside class="side-col">'
                            '<p class="article_author">Written By Angela Holliday-Bell, MD</p></aside>')
    assert read_html_fields(by_headline).authors == ("Angela Holliday-Bell, MD",)


def test_organisation_named_as_author_is_no_person():
    tree = page(jsonld({"@type": "Article", "headline": "Eat well on a budget",
                        "author": {"@type": "Person", "name": "British Heart Foundation"}}),
                '<h1>Eat well on a budget</h1><p>by Tracy Parker, Dietitian</p>')
    assert read_html_fields(tree).authors == ("Tracy Parker",)


def test_name_printed_with_its_job_title_in_a_second_element_is_one_author():
    tree = page(body='<h1>Wine for beginners</h1><div class="author-box">'
                     '<span class="author-line">Matt Check Head Winemaker</span>'
                     '<span class="author-name">Matt Check</span></div>')
    assert read_html_fields(tree).authors == ("Matt Check",)


def test_label_followed_by_the_name_as_its_tail():
    tree = page(body='<h1>Low light houseplants</h1><div class="tags"><div>'
                     '<strong>Contributors:</strong> Janet Loughrey</div></div>')
    assert read_html_fields(tree).authors == ("Janet Loughrey",)


def test_name_on_the_dateline_under_the_headline_without_a_marker():
    tree = page(body='<h1>Software pricing guide</h1><p>Dec 26, 2025 • Mahua Das in Project Management</p>')
    assert read_html_fields(tree, crawl_date="2026-01-31").authors == ("Mahua Das",)


def test_category_beside_a_date_is_no_author():
    tree = page(body='<h1>Headline here</h1><h5>Exclusive Details 4.6K 9/26/2023 8:59 AM PT</h5>'
                     '<div>HR Strategy June 9, 2025 21 Minutes to Read Share LinkedIn Twitter Facebook</div>')
    assert read_html_fields(tree, crawl_date="2026-01-31").authors == ()


def test_meta_list_naming_the_jsonld_author_and_co_authors_is_used():
    person = {"@type": "Person", "name": "Starr Bowenbank"}
    tree = page(jsonld({"@type": "NewsArticle", "headline": "Grammys", "author": person})
                + '<meta name="author" content="Starr Bowenbank, Rania Aniftos, Anna Chan">', '<h1>Grammys</h1>')
    assert read_html_fields(tree).authors == ("Starr Bowenbank", "Rania Aniftos", "Anna Chan")


def test_ambiguous_numeric_dateline_takes_the_order_the_url_confirms():
    tree = page('<link rel="canonical" href="https://example.org/blog/2023/october/03/wine-types/">',
                '<h1>How many wine types are there?</h1><div class="blog-date">03/10/2023</div>')
    tree.getroottree().getroot().set("lang", "en")
    assert read_html_fields(tree, crawl_date="2025-12-01").date == "2023-10-03"


def test_ambiguous_numeric_dateline_takes_the_order_printed_in_words_elsewhere():
    tree = page(body='<h1>Reflections on a UI pipeline</h1><div class="entry-meta">02-12-2025</div>'
                     '<ul><li>Recent: <time>December 02, 2025</time></li></ul>')
    tree.getroottree().getroot().set("lang", "en")
    assert read_html_fields(tree, crawl_date="2026-01-01").date == "2025-12-02"


def test_time_element_printing_an_unreadable_date_gives_its_datetime():
    tree = page(body='<h1>Design awards</h1><time datetime="2025-12-19T15:55:39-08:00">12/19 — 2025</time>'
                     '<p>Text.</p><time datetime="2025-04-14T12:00:00Z">April 2025</time>')
    assert read_html_fields(tree, crawl_date="2026-01-01").date == "2025-12-19T15:55:39-08:00"


def test_this_post_was_written_by_line_names_the_author():
    tree = page(body='<h1>Plant-based diet tips</h1><p>Text of the post.</p>'
                     '<p><em>This post was written by Vanessa Mendez, MD, gastroenterologist.</em></p>')
    assert read_html_fields(tree).authors == ("Vanessa Mendez, MD",)


def test_commentary_article_is_no_comment_section():
    tree = page('<meta name="author" content="EJ Antoni">',
                '<main><article class="node commentary"><h1>Bidenomics defined</h1>'
                '<div class="article-general-info">Dec 18, 2023 3 min read</div>'
                '<div class="commentary__author"><span class="author-card__name">EJ Antoni</span></div>'
                '<p>Text.</p></article></main>')
    fields = read_html_fields(tree, crawl_date="2024-01-31")
    assert (fields.date, fields.authors) == ("2023-12-18", ("EJ Antoni",))


def test_publication_date_in_the_pages_script_data_when_no_other_structured_date():
    data = '<script id="__NEXT_DATA__">{"props":{"post":{"publishedAt":"2025-10-20T13:08:55-07:00"}}}</script>'
    tree = page('<meta property="og:type" content="article">' + data, '<h1>Top car rental company</h1><p>Text.</p>')
    assert read_html_fields(tree, crawl_date="2025-12-01").date == "2025-10-20T13:08:55-07:00"
    plain = page(data, '<h1>Top car rental company</h1><p>Text.</p>')
    assert read_html_fields(plain, crawl_date="2025-12-01").date is None


def test_page_builder_headline_in_a_paragraph_anchors_the_dateline():
    tree = page('<title>Top 5 HR Management Software in 2026 | DianaHR</title>',
                '<nav><a href="/">Top 5 HR Management Software in 2026</a></nav>'
                '<div><p class="framer-text">Top 5 HR Management Software in 2026</p>'
                '<p class="framer-text">Feb 16, 2026</p><p>Text of the article.</p></div>')
    assert read_html_fields(tree, crawl_date="2026-03-01").date == "2026-02-16"


def test_side_box_naming_related_posts_is_no_byline_box():
    tree = page(body='<h1>Sleep training</h1><aside class="sidebar related-posts">'
                     '<span class="author">Jane Roe</span></aside>')
    assert read_html_fields(tree).authors == ()


# --- date: updates against a first publication ---------------------------------------------------

@pytest.mark.parametrize("opengraph", ["", '<meta property="article:published_time" content="2021-08-12T19:35:44Z">'])
def test_printed_update_never_replaces_the_structured_publication(opengraph):
    tree = page(jsonld({"@type": "Article", "headline": "Average cost of online college",
                        "datePublished": "2021-08-12T19:35:44Z", "dateModified": "2025-02-22T22:13:14+00:00"})
                + opengraph,
                '<h1>Average cost of online college</h1><div class="byline">Last Updated: 2025-02-22</div>')
    assert read_html_fields(tree, crawl_date="2025-12-01").date == "2021-08-12T19:35:44Z"


def test_publication_meta_printed_on_the_page_settles_disagreeing_structured_dates():
    tree = page(jsonld({"@type": "Article", "headline": "Streaming services", "datePublished": "2024-08-29T10:00:00Z"})
                + '<meta name="date" content="November 25, 2025">',
                '<h1>Streaming services</h1><p>By Jared Newman Nov 25, 2025 5:00 am PST</p>')
    assert read_html_fields(tree, crawl_date="2025-12-01").date == "2025-11-25T05:00"


def test_publication_meta_outvoted_by_the_others_does_not_settle_it():
    tree = page(jsonld({"@type": "NewsArticle", "headline": "Export rises", "datePublished": "2023-12-27T07:07:14Z"})
                + '<meta property="article:published_time" content="2023-12-27T07:07:14Z">'
                  '<meta name="date" content="2024-02-18 T 15:11:10 +0330">',
                '<h1>Export rises</h1><p class="date">2024-02-18</p>')
    assert read_html_fields(tree, crawl_date="2024-03-01").date == "2023-12-27T07:07:14Z"


def test_date_printed_after_an_update_label_is_an_update():
    tree = page('<meta property="article:published_time" content="2024-08-13T06:14:39+00:00">'
                '<meta property="article:modified_time" content="2026-03-12T02:44:39+00:00">',
                '<h1>Japan itinerary</h1><div>Last updated on <a href="/x">March 12, 2026</a></div>')
    assert read_html_fields(tree, crawl_date="2026-04-01").date == "2024-08-13T06:14:39+00:00"


def test_date_inside_an_update_classed_part_is_an_update():
    tree = page('<meta property="article:published_time" content="2020-03-10T15:30:00+00:00">'
                '<meta property="article:modified_time" content="2025-02-12T13:28:34+00:00">',
                '<h1>Travelling to Japan</h1><div class="entry-meta">By Jane Doe '
                '<span class="updated-on">12th February 2025</span></div>')
    assert read_html_fields(tree, crawl_date="2025-12-01").date == "2020-03-10T15:30:00+00:00"


def test_update_and_publication_printed_on_one_line_are_read_apart():
    tree = page(body='<h1>Espresso machines</h1><span class="posted-on"><time class="updated">May 21, 2025</time> '
                     '<time class="entry-date published">April 24, 2025</time></span>')
    assert read_html_fields(tree, crawl_date="2025-12-01").date == "2025-04-24"


def test_sentence_opening_with_an_update_label_is_no_dateline():
    tree = page(body='<h1>Journal indexing guide</h1>' + '<p>Intro.</p>' * 3
                + '<p>Update note: This blog post was originally published on the 21st of June 2017 and revised.</p>'
                + '<span>Posted on April 13, 2023</span>')
    assert read_html_fields(tree, crawl_date="2025-12-01").date == "2023-04-13"


def test_a_date_stamp_ending_the_title_dates_a_page_without_metadata():
    article = '<meta property="og:type" content="article">'
    tree = page(f'<title>Uncork the mystery | Culture | DW | 10.06.2013</title>{article}',
                "<h1>Uncork the mystery</h1><p>Story text.</p>")
    assert read_html_fields(tree, crawl_date="2020-01-01").date == "2013-06-10"
    no_stamp = page(f"<title>Uncork the mystery | Culture | DW</title>{article}", "<h1>Uncork the mystery</h1><p>Text.</p>")
    assert read_html_fields(no_stamp, crawl_date="2020-01-01").date is None


def test_a_photographer_credited_in_a_caption_is_no_author():
    tree = page(body='<article><h1>Headline here</h1><figure><img src="a.jpg"><figcaption>Smoke over the plant.'
                     '<span class="img-author">Mike Blake/Reuters files</span></figcaption></figure>'
                     "<p>Story text.</p></article>")
    assert read_html_fields(tree).authors == ()


def test_a_sidebar_layout_flag_does_not_hide_the_byline():
    tree = page(body='<main class="site-main sidebar-active"><article><h2 class="entry-title">Healing through art</h2>'
                     '<div class="latest-by">By <a href="/author/matthew-wells/">Matthew N. Wells</a></div>'
                     "<p>Story text.</p></article></main>")
    assert read_html_fields(tree).authors == ("Matthew N. Wells",)
