"""Text dumps from any site, and the bad inputs a corpus of dumps contains."""

from __future__ import annotations

import cleaner
from cleaner.model import Format, RawDoc
from cleaner.pipeline import clean_document

STORY = [
    "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, ending months of debate.",
    "Engineers told councillors that the bridge, built in 1931, could no longer carry heavy traffic safely.",
    "A new crossing for buses and bicycles is planned, but the council has not yet said how it will be paid for.",
    "Shop owners on the north bank said they feared losing customers while the work goes on.",
]
MENU = ["Skip to main content", "* Home", "* News", "* Sport", "* Business", "* Culture", "* Weather", "Search"]
FOOTER = ["Related stories", "* Council budget approved", "* Ferry timetable changes", "* Harbour festival returns",
          "3 comments", "Jo Smith on March 3, 2024 at 10:12 am said:", "About time too, the bridge is falling apart.",
          "© 2024 Harbour Gazette. All rights reserved."]


def dump(*parts: list[str]) -> str:
    return "\n\n".join(line for part in parts for line in part) + "\n"


def record(text: str, **raw) -> dict:
    result = clean_document(RawDoc(id="t", data=text.encode("utf-8"), **raw))
    assert not hasattr(result, "reason"), getattr(result, "reason", "")
    return result.to_dict()


def test_generic_dump_keeps_the_story_and_names_what_it_removed(valid):
    title = "Council votes to close the harbour bridge to cars"
    out = valid(record(dump(MENU, [title, "Share this article", "Advertisement"], STORY, FOOTER)))
    assert out["title"] == title
    assert out["text"] == "\n\n".join(STORY)
    concepts = {r["text"]: r["concept"] for r in out["removed"]}
    assert concepts["Skip to main content"] == "navigation"
    assert concepts["Advertisement"] == "advertising"
    assert concepts["Related stories"] == "related"
    assert concepts["3 comments"] == "comments_widget"
    assert all(r["rule"] for r in out["removed"])


def test_a_short_real_paragraph_is_not_chrome():
    story = STORY[:2] + ["He declined to comment."] + STORY[2:]
    out = record(dump(MENU, ["Council votes to close the harbour bridge to cars"], story, FOOTER))
    assert "He declined to comment." in out["text"]


def test_one_200_kb_line_is_cleaned_not_crashed(valid):
    sentence = "The minister said the talks would continue next week in Geneva. "
    text = sentence * (200_000 // len(sentence))
    out = valid(record(text))
    assert len(out["blocks"]) > 10
    assert out["text"].count("Geneva") == text.count("Geneva")


def test_right_to_left_dump(valid):
    story = [
        "قال وزير الخارجية الأمريكي جون كيري إنه وصل إلى موسكو لإجراء محادثات حاسمة بشأن الأزمة السورية مع نظيره الروسي.",
        "وأضاف أن الطرفين يسعيان إلى تضييق الخلافات حول مستقبل العملية السياسية في سوريا قبل اجتماع دولي جديد.",
        "ومن المقرر أن يلتقي كيري بالرئيس الروسي فلاديمير بوتين في الكرملين بعد ظهر الثلاثاء لبحث الملفات العالقة.",
    ]
    out = valid(record(dump(["* الرئيسية", "* أخبار", "* رياضة", "* اقتصاد"], ["كيري في موسكو لبحث الأزمة السورية"], story)))
    assert out["text"] == "\n\n".join(story)
    assert out["title"] == "كيري في موسكو لبحث الأزمة السورية"


def test_a_dump_of_only_menus_has_no_article(valid):
    out = valid(record(dump(MENU, ["* Contact", "* About us", "* Privacy policy"])))
    assert out["text"] == "" and out["blocks"] == []
    assert "no article found" in out["warnings"]


def test_windows_line_endings_form_feeds_and_nuls(valid):
    text = dump(MENU, ["Council votes to close the harbour bridge to cars"], STORY).replace("\n", "\r\n")
    text = text.replace(STORY[1], STORY[1] + "\f").replace(STORY[2], "\x00" + STORY[2])
    out = valid(record(text))
    assert out["text"] == "\n\n".join(STORY)
    assert "removed NUL characters" in out["warnings"]


def test_mixed_encodings_decode_with_a_warning(valid):
    data = dump(["Zürich council votes to close the old bridge"], STORY).encode("utf-8") + "Café owners objected.".encode("cp1252")
    out = valid(cleaner.clean(data).to_dict())
    assert any("invalid byte" in w or "decoded as" in w for w in out["warnings"])
    assert STORY[0] in out["text"]


def test_declared_text_format_wins_over_sniffing(valid):
    text = "<p>is how the tag is written</p> <div> <span> <a> <br> appear in this tutorial's prose, which is a dump.\n"
    out = valid(record(text * 3, declared_format=Format.TEXT))
    assert out["source"]["format"] == "text"


TEASERS = ["Editors' Recommendations", "Ferry timetable changes for the summer season",
           "The ferry company said on Monday that sailings to the islands would run every hour from June.",
           "Harbour festival returns with fireworks and a regatta",
           "Organisers expect more than twenty thousand visitors over the three days of the festival."]
BIO = ["About the author", "Jo Smith", "Jo Smith is a senior reporter covering transport and city hall for the Gazette.",
       "By submitting your information you agree to the Terms & Conditions and Privacy Policy."]


def test_a_related_box_with_teaser_sentences_ends_the_article():
    title = "Council votes to close the harbour bridge to cars"
    out = record(dump(MENU, [title], STORY, TEASERS, FOOTER))
    assert out["text"] == "\n\n".join(STORY)


def test_an_author_box_after_the_story_is_removed():
    out = record(dump(MENU, ["Council votes to close the harbour bridge to cars"], STORY, BIO, FOOTER))
    assert out["text"] == "\n\n".join(STORY)
    rules = {r["text"]: r["rule"] for r in out["removed"]}
    assert rules["About the author"] == "generic.author_bio.heading"


def test_the_story_goes_on_after_a_box_in_its_middle():
    more = ["Work on the new crossing could start in the autumn if the regional transport fund agrees to pay half of it.",
            "Council officers will report back in May with three designs and their costs, the mayor's office said."]
    story = STORY + ["Related stories", "* Council budget approved"] + more
    out = record(dump(MENU, ["Council votes to close the harbour bridge to cars"], story, FOOTER))
    assert out["text"] == "\n\n".join(STORY + more)


def test_a_teaser_with_headline_and_byline_after_the_story_is_left_out():
    teaser = ["Ferry company orders two electric boats", "By Sam Lee", "March 5, 2024",
              "The island ferry company has ordered two electric boats from a shipyard in the north, its chief executive said."]
    title = "Council votes to close the harbour bridge to cars"
    out = record(dump(MENU, [title, "By Jo Smith"], STORY, teaser, FOOTER))
    assert out["text"] == "\n\n".join(STORY)


def test_extractor_output_keeps_its_table_and_loses_the_comments():
    table = ["Route | Fare 2023 | Fare 2024", "Island A | 4.50 | 4.90", "Island B | 6.00 | 6.40"]
    comments = ["Top Rated Comments", "Fares keep going up and the boats are always late, this council never listens.",
                "I take the ferry every day and I have never seen it this crowded in the afternoon."]
    out = record("\n\n".join(STORY + table + comments) + "\n")
    assert out["text"] == "\n\n".join(STORY + table)


def test_extractor_output_ends_at_a_related_box():
    teaser = ["Related stories", "Ferry company orders two electric boats",
              "The island ferry company has ordered two electric boats from a shipyard in the north, its chief executive said."]
    out = record("\n\n".join(STORY + teaser) + "\n")
    assert out["text"] == "\n\n".join(STORY)


def test_a_dump_opening_with_a_one_line_notice_is_still_a_page():
    notice = ["This browser is not supported. For an optimal experience visit our site on another browser."]
    title = "Council votes to close the harbour bridge to cars"
    out = record(dump(notice, MENU, [title], STORY, FOOTER))
    assert out["text"] == "\n\n".join(STORY)


def test_numbered_dated_reply_opens_a_comment_thread_that_runs_to_the_end(valid):
    thread = ["1. Jo Smith March 3, 2024 at 10:12 am",
              "About time too, the bridge has been falling apart for years and everyone in town knows it.",
              "Log in to leave a comment", "2. Sam Lee March 4, 2024 at 8:01 pm",
              "I cross it every day on my bike and the new crossing cannot come soon enough for me."]
    out = valid(record(dump(MENU, ["Council votes to close the harbour bridge to cars"], STORY, thread)))
    assert out["text"] == "\n\n".join(STORY)
    rules = {r["text"]: r["rule"] for r in out["removed"]}
    assert rules[thread[0]] == rules[thread[-1]] == "generic.comments_widget.dated_reply"


def test_dated_line_without_a_list_marker_is_not_a_comment_thread(valid):
    dated = "Updated on March 3, 2024 at 10:12 am"
    out = valid(record(dump(MENU, ["Council votes to close the harbour bridge to cars"], STORY[:2], [dated], STORY[2:])))
    assert STORY[3] in out["text"]


def test_a_comment_form_heading_with_its_cancel_link_opens_the_comments(valid):
    form = ["Leave a Reply Cancel reply", "Your email address will not be published. Required fields are marked *",
            "The bridge has been falling apart for years and everyone in town knows it, so this is long overdue."]
    out = valid(record(dump(MENU, ["Council votes to close the harbour bridge to cars"], STORY, form)))
    assert out["text"] == "\n\n".join(STORY)
    rules = {r["text"]: r["rule"] for r in out["removed"]}
    assert rules[form[0]] == rules[form[-1]] == "generic.comments_widget.section"


def test_a_caption_closed_by_its_credit_and_a_long_copyright_footer_are_removed(valid):
    caption = "The harbour bridge at dusk on Monday, a day before the vote. (Jo Smith / The Gazette)"
    legal = ("© 2024 Gazette Media LLC. All rights reserved. The material on this site may not be reproduced, "
             "distributed, transmitted, cached or otherwise used, except with the prior written permission of "
             "Gazette Media LLC. Community rules apply to all content you upload or otherwise submit to this site.")
    out = valid(record(dump(MENU, ["Council votes to close the harbour bridge to cars"], STORY[:2], [caption],
                            STORY[2:], [legal])))
    assert out["text"] == "\n\n".join(STORY)
    assert out["captions"] == [caption]
    assert {r["text"]: r["rule"] for r in out["removed"]}[legal] == "generic.legal.copyright_notice"


TITLE = "Council votes to close the harbour bridge to cars"
MORE = ["Work on the new crossing could start in the autumn if the regional transport fund agrees to pay half of it, "
        "the mayor said after the meeting, adding that the town would ask for the rest from the national government."]


def removed_by(out: dict) -> dict:
    return {r["text"]: r["rule"] for r in out["removed"]}


def test_a_blog_comment_feed_footer_ends_the_post_with_its_pingbacks(valid):
    tail = ["Kommentarfeed | Kommentare geschlossen | Trackback-URL", "1. Pingback von Wochenende am Hafen | 13.04.2024 10:02",
            "[…] Council votes to close the harbour bridge – the Gazette reported on the vote and what it means for the town […]"]
    out = valid(record(dump(MENU, [TITLE], STORY, tail)))
    assert out["text"] == "\n\n".join(STORY)
    assert removed_by(out)[tail[0]] == "generic.comments_widget.feed_footer"


def test_a_share_bar_with_counts_a_share_prompt_and_a_german_tag_line_are_removed(valid):
    bar = ["Teilen auf Facebook: 0 Teilen auf Twitter: 0 WhatsApp Teilen… 71 Kommentare", "Diese Geschichte teilen",
           "getaggt mit: Brücke, Hafen"]
    out = valid(record(dump(MENU, [TITLE], STORY, bar, FOOTER)))
    assert out["text"] == "\n\n".join(STORY)
    assert out["categories"] == ["Brücke", "Hafen"]
    assert removed_by(out)[bar[0]] == removed_by(out)[bar[1]] == "generic.share.line"


def test_a_comment_count_alone_still_opens_the_comments():
    out = record(dump(MENU, [TITLE], STORY, ["10 comments:", "Great news for the cyclists of this town, finally some sense."]))
    assert removed_by(out)["10 comments:"] == "generic.comments_widget.section"


def test_a_caption_closed_by_a_copyright_credit_without_a_year_is_a_caption(valid):
    caption = "The harbour bridge at dusk © Jo Smith / Gazette"
    out = valid(record(dump(MENU, [TITLE], STORY[:2], [caption], STORY[2:])))
    assert out["text"] == "\n\n".join(STORY)
    assert out["captions"] == [caption]


def test_a_german_author_bio_newsletter_pitch_and_its_small_print_after_the_story_are_removed(valid):
    tail = ["Abonnieren Sie kostenlos den Gazette-Newsletter und bleiben Sie über alles am Hafen auf dem Laufenden.",
            "Ich akzeptiere die Datenschutzbestimmungen der Gazette und ihres Newsletterdienstes. Sie können sich jederzeit vom Newsletter abmelden.",
            "Jo Smith ist Lokaljournalistin und schreibt seit 2015 für die Gazette über den Hafen und das Rathaus."]
    out = valid(record(dump(MENU, [TITLE], STORY, MORE, tail, FOOTER)))
    assert out["text"] == "\n\n".join(STORY + MORE)
    rules = removed_by(out)
    assert (rules[tail[0]], rules[tail[1]], rules[tail[2]]) == (
        "generic.newsletter.signup", "generic.newsletter.small_print", "generic.author_bio.role")


def test_a_stay_up_to_date_box_ends_the_story(valid):
    box = ["Stay up-to-date on our work.", "Get email updates", "Email address", "Subscribe"]
    out = valid(record(dump(MENU, [TITLE], STORY, MORE, box, FOOTER)))
    assert out["text"] == "\n\n".join(STORY + MORE)
    assert removed_by(out)[box[0]] == "generic.newsletter.box"


def test_a_table_that_a_sentence_introduces_stays_with_the_story_after_its_last_paragraph(valid):
    intro = ["The council published the new opening hours of the crossing for the coming year:"]
    table = "  Day            Opens   Closes\n  Weekdays       06:00   22:00\n  Weekends       08:00   20:00\n"
    out = valid(record(dump(MENU, [TITLE], STORY, intro) + "\n" + table + "\n" + dump(FOOTER)))
    assert out["text"].endswith("for the coming year:\n\nDay Opens Closes\n\nWeekdays 06:00 22:00\n\nWeekends 08:00 20:00")
    assert [b["kind"] for b in out["blocks"][-3:]] == ["table"] * 3


def test_a_breadcrumb_label_introduces_no_list_and_a_next_read_box_ends_the_story(valid):
    crumbs = ["You are at:", "* Home", "* News", "* Harbour bridge closes to cars"]
    box = ["Next read this:", "* Harbour festival returns in June", "* Council approves new pier"]
    out = valid(record(dump(crumbs, [TITLE], STORY, box, FOOTER)))
    assert out["text"] == "\n\n".join(STORY)
    rules = removed_by(out)
    assert (rules["You are at:"], rules["Next read this:"]) == ("generic.navigation.breadcrumb_label", "generic.related.box")


def test_a_caption_after_an_exclamation_with_a_licence_in_its_credit_is_a_caption(valid):
    caption = "Cars on the old bridge! The last summer of traffic. Photo: Jo Smith | flickr | CC BY 2.0"
    out = valid(record(dump(MENU, [TITLE], STORY[:2], [caption], STORY[2:])))
    assert out["text"] == "\n\n".join(STORY)
    assert out["captions"] == [caption]

