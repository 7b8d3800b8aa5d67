"""Learning a site's chrome from many pages: templates, site keys, guards, profiles, and the gain they bring.

The corpus under tests/data/learn/ (written by make_corpus.py) has three invented sites with recurring
chrome around distinct stories, one story carried four times and one quote repeated on three stories.
"""

from __future__ import annotations

import importlib.util
import json
import re
import tomllib
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner import learn_count, learn_sites
from cleaner.cli.learn import learn_command
from cleaner.config import Config
from cleaner.evaluate import Gold, summarise
from cleaner.learn import clean_with_profile, group_by_site, learn_from_paths, learn_profiles, suspicious
from cleaner.learn_eval import EvalPage, leave_one_out
from cleaner.learn_sites import distinct_pages, site_from_title_line, site_key
from cleaner.learn_templates import is_prose_line, template_of
from cleaner.model import Block, RawDoc, Record
from cleaner.pipeline import clean_document
from cleaner.rules.loader import load_rule_file, parse_rule_data
from cleaner.segment.text import segment_text

CORPUS = Path(__file__).resolve().parent / "data" / "learn"
PAGES = CORPUS / "pages"
QUOTE = "“We will not let this road close in summer while I am mayor of this town,” the mayor told the packed hall"
DUPLICATED_LINE = "What happens next"
DISCLAIMER = "The Northfield Courier is a member of the Independent Press Standards Organisation."
# The learned-profile mode must raise body F1 on the corpus by at least this much (AEB metric).
MIN_GAIN = 0.05


def corpus() -> dict[str, list[EvalPage]]:
    sites: dict[str, list[EvalPage]] = defaultdict(list)
    for line in (CORPUS / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = (PAGES / row["site"] / f"{row['id']}.txt").read_text(encoding="utf-8")
        sites[row["site"]].append(EvalPage(row["id"], None, text, Gold(id=row["id"], body=row["body"])))
    return dict(sites)


def docs(site: str | None = None) -> list[tuple[str | None, str]]:
    return [(None, p.text) for name, pages in corpus().items() if site in (None, name) for p in pages]


def rules_of(toml_text: str):
    return parse_rule_data(tomllib.loads(toml_text), "learned.toml").rules


def matched(rules, text: str) -> bool:
    return any(r.matches(text) for r in rules)


def test_numbers_and_durations_make_one_template():
    first, second = template_of("Watch video 02:49"), template_of("Watch video 00:32")
    assert first.key == second.key
    assert re.fullmatch(first.pattern, "Watch video 11:05")
    assert first.pattern.startswith(r"Watch video \d{1,2}:\d{2}")
    assert template_of("Updated 3 hours ago").key == template_of("Updated 12 minutes ago").key
    assert template_of("Published 4 March 2024").key == template_of("Published 21 October 2023").key


def test_a_line_without_letters_has_no_template():
    assert template_of("12:30") is None
    assert template_of("1.") is None


def test_prose_lines_are_told_from_short_chrome():
    assert is_prose_line(QUOTE + " to loud applause.")
    assert not is_prose_line("Story continues below")
    assert not is_prose_line("Sign up for The Quay, our free morning briefing")


def test_site_keys():
    assert site_key("https://www.dw.com/en/story/a-1", None) == "dw.com"
    assert site_from_title_line("Kerry in Moscow | News | DW | 15.12.2015") == "DW"
    assert site_from_title_line("Ferry service cut - Valley Times") == "Valley Times"
    assert site_from_title_line("A headline with no site at all") is None
    assert site_key(None, "A headline with no site at all") == learn_sites.UNKNOWN_SITE


def test_duplicate_pages_count_once():
    pages = corpus()["harbor"]
    blocks = [segment_text(p.text) for p in pages]
    assert len(distinct_pages(blocks)) == len(pages) - 3  # the story carried four times counts once


def test_profiles_are_keyed_by_the_site_the_dumps_name():
    profiles = learn_profiles(docs())
    assert set(profiles) == {"Harbor Gazette", "Northfield Courier", "Valley Times"}


def test_profiles_are_keyed_by_host_when_urls_are_known():
    pages = corpus()["valley"]
    profiles = learn_profiles([(f"https://www.valley.example/news/{p.id}", p.text) for p in pages])
    data = tomllib.loads(profiles["valley.example"])
    assert data["layout"]["hosts"] == ["valley.example"]


def test_a_profile_is_an_ordinary_rule_file(tmp_path):
    path = tmp_path / "harbor.toml"
    path.write_text(learn_profiles(docs("harbor"))["Harbor Gazette"], encoding="utf-8")
    rule_file = load_rule_file(path)
    assert rule_file.layout.id == "learned.harbor_gazette"
    assert rule_file.layout.detect[0].search("Ferry news | Port | Harbor Gazette | 01.02.2024")
    assert all(r.id.startswith("learned.harbor_gazette.") and r.concept == "learned" for r in rule_file.rules)
    assert matched(rule_file.rules, "Pictures of the week (99)")  # a template, not the lines seen
    assert "on 5 pages (100%)" in path.read_text(encoding="utf-8")


def test_a_profile_without_recurring_lines_loads(tmp_path):
    texts = [corpus()["harbor"][0].text, corpus()["valley"][0].text]  # two layouts: nothing recurs
    path = tmp_path / "mixed.toml"
    path.write_text(learn_profiles([(f"https://mixed.example/{n}", t) for n, t in enumerate(texts)])["mixed.example"])
    assert load_rule_file(path).rules == ()


def test_a_duplicated_story_is_not_taken_for_chrome(monkeypatch):
    harbor = docs("harbor")
    assert not matched(rules_of(learn_profiles(harbor)["Harbor Gazette"]), DUPLICATED_LINE)
    monkeypatch.setattr(learn_sites, "NEAR_DUPLICATE_JACCARD", 1.01)  # without the near-duplicate guard
    assert matched(rules_of(learn_profiles(harbor)["Harbor Gazette"]), DUPLICATED_LINE)


def test_a_running_quote_is_not_taken_for_chrome_but_a_disclaimer_is(monkeypatch):
    northfield = docs("northfield")
    quote = next(line for line in northfield[1][1].splitlines() if line.startswith("“We will not"))
    rules = rules_of(learn_profiles(northfield)["Northfield Courier"])
    assert not matched(rules, quote)
    assert matched(rules, DISCLAIMER + " Contact us about corrections.")
    monkeypatch.setattr(learn_count, "PROSE_MIN_PAGE_SHARE", learn_count.MIN_PAGE_SHARE)  # without the prose guard
    assert matched(rules_of(learn_profiles(northfield)["Northfield Courier"]), quote)


def test_clean_with_rules_uses_a_learned_profile(tmp_path):
    pages = corpus()["northfield"]
    path = tmp_path / "northfield.toml"
    path.write_text(learn_profiles([(None, p.text) for p in pages[1:]])["Northfield Courier"], encoding="utf-8")
    held_out = pages[0]
    record = clean_document(RawDoc(id=held_out.id, data=held_out.text.encode()), Config(rule_files=(path,)))
    assert isinstance(record, Record)
    assert "Trending in Northfield" not in record.text and DISCLAIMER not in record.text
    assert all(paragraph in record.text for paragraph in held_out.gold.body.split("\n\n"))
    assert any(r.rule.startswith("learned.northfield_courier.") for r in record.removed)


def test_learned_profiles_raise_f1_on_the_corpus():
    results = [leave_one_out(site, pages) for site, pages in corpus().items()]
    single = summarise([s for r in results for s in r.single]).body_f1
    learned = summarise([s for r in results for s in r.learned]).body_f1
    assert learned - single >= MIN_GAIN
    assert all(summarise(r.learned).body_f1 >= summarise(r.single).body_f1 for r in results)


def test_a_profile_only_removes_lines(tmp_path):
    pages = corpus()["valley"]
    path = tmp_path / "valley.toml"
    path.write_text(learn_profiles([(None, p.text) for p in pages[1:]])["Valley Times"], encoding="utf-8")
    raw = RawDoc(id="v", data=pages[0].text.encode())
    alone, learned = clean_document(raw), clean_with_profile(raw, Config(), path)
    assert set(learned.blocks) < set(alone.blocks)


def test_suspicious_profile_is_not_applied(tmp_path):
    page = corpus()["valley"][0]
    paragraphs = page.gold.body.split("\n\n")
    entries = "".join(
        f"[[learned.rule]]\nid = 'learned.x.body.{n}'\npattern = {json.dumps(re.escape(p))}\nmax_chars = 400\n"
        for n, p in enumerate(paragraphs[:3])
    )
    path = tmp_path / "eager.toml"
    path.write_text("[learned]\n" + entries, encoding="utf-8")
    record = clean_with_profile(RawDoc(id="v", data=page.text.encode()), Config(), path)
    assert "learned profile not applied: would remove 3 of 4 lines" in record.warnings
    assert all(p in record.text for p in paragraphs)


def test_suspicious_counts_the_lines_given():
    rules = rules_of("[learned]\n[[learned.rule]]\nid = 'learned.x.head.1'\npattern = 'Menu'\n")
    lines = [Block(index=i, text=t) for i, t in enumerate(["Menu", "Menu", "A line of the story."])]
    assert suspicious(rules, lines)
    assert not suspicious(rules, lines[1:])


def test_learn_from_paths_writes_one_profile_per_site(tmp_path):
    written = learn_from_paths([PAGES], tmp_path / "profiles")
    assert set(written) == {"Harbor Gazette", "Northfield Courier", "Valley Times"}
    assert all(load_rule_file(path).rules for path in written.values())


def test_html_is_used_only_with_an_html_segmenter():
    html = "<!doctype html><html><head><title>A - Site</title></head><body><p>Text of a page.</p></body></html>"
    _, skipped = group_by_site([(None, html)])
    assert skipped == (0 if importlib.util.find_spec("cleaner.segment.html") else 1)


def test_a_page_the_segmenter_refuses_is_skipped_and_the_others_are_learned(tmp_path, caplog):
    html = "<!doctype html><html><head><title>A - Site</title></head><body><p>Text of a page.</p></body></html>"
    sites, skipped = group_by_site([("https://a.example/empty", "<html><body> </body></html>"),
                                    ("https://a.example/one", html)])
    assert skipped == 1
    assert [page.url for page in sites["a.example"]] == ["https://a.example/one"]
    assert "https://a.example/empty: HTML document has no text" in caplog.text


def test_cli_writes_one_profile(tmp_path):
    out = tmp_path / "harbor.toml"
    result = CliRunner().invoke(learn_command, [str(PAGES / "harbor"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert load_rule_file(out).layout.id == "learned.harbor_gazette"
    assert "Harbor Gazette: 8 pages (5 distinct)" in result.output


def test_cli_writes_a_profile_per_site_into_a_directory(tmp_path):
    result = CliRunner().invoke(learn_command, [str(PAGES), "-o", str(tmp_path / "profiles")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "profiles").iterdir()) == [
        "harbor_gazette.toml", "northfield_courier.toml", "valley_times.toml"]


@pytest.mark.parametrize("args", [["--help"]])
def test_cli_has_help(args):
    result = CliRunner().invoke(learn_command, args)
    assert result.exit_code == 0 and "recur" in result.output


def test_clean_learn_flag_learns_per_site_and_raises_f1(tmp_path, valid):
    from cleaner.cli import main
    from cleaner.evaluate import Prediction, score_page

    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["clean", str(PAGES), "-o", str(out), "--learn", "-j", "1", "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (out / "profiles").glob("*.toml")) == [
        "harbor_gazette.toml", "northfield_courier.toml", "valley_times.toml"]
    learned, single = [], []
    for site, pages in corpus().items():
        for page in pages:
            record = valid(json.loads((out / f"{page.id}.json").read_text(encoding="utf-8")))
            learned.append(score_page(page.gold, Prediction(text=record["text"])))
            alone = clean_document(RawDoc(id=page.id, data=page.text.encode()))
            single.append(score_page(page.gold, Prediction(text=alone.text)))
    assert summarise(learned).body_f1 - summarise(single).body_f1 >= MIN_GAIN


def test_a_paragraph_only_the_learned_runs_span_left_out_stays():
    from cleaner.learn import _profile_removes
    from cleaner.model import Block, Judged, Verdict

    prose = Block(index=0, text="The council met on Tuesday and agreed to keep the public library open late on Fridays and Saturdays.")
    teaser = Block(index=1, text="Inside the secret compound")
    outside = Verdict(False, "structure.outside_article", "boilerplate")
    kept = Verdict(True)
    assert not _profile_removes(Judged(prose, kept), Judged(prose, outside), {"site.line.1"})
    assert _profile_removes(Judged(teaser, kept), Judged(teaser, outside), {"site.line.1"})
    assert _profile_removes(Judged(prose, kept), Judged(prose, Verdict(False, "site.line.1", "learned")), {"site.line.1"})
