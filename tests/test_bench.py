"""Loading a benchmark set and running extractors over it."""

from __future__ import annotations

import json

import pytest
from bench_fixtures import ARTICLE, install_fake_pipeline, make_set

from cleaner.bench import (
    BenchItem,
    Run,
    Timed,
    cleaner_prediction,
    dump_prediction,
    evaluate_set,
    gold_from_json,
    iter_bench,
    prediction_from_record,
    read_truth,
    renderers,
    run_extractors,
    timed,
    trafilatura_prediction,
)
from cleaner.errors import InputError
from cleaner.evaluate import Gold, Prediction
from cleaner.model import Format


def test_gold_keeps_null_apart_from_empty():
    gold = gold_from_json({"id": 7, "body": "b", "authors": [], "date": None, "title": None})
    assert gold.id == "7"
    assert gold.authors == ()
    assert gold.date is None and gold.title is None and gold.with_snippets is None


def test_truth_lines_may_hold_a_line_separator_inside_a_string(tmp_path):
    (tmp_path / "truth.jsonl").write_text(json.dumps({"id": "a", "body": "x\u2028y"}, ensure_ascii=False) + "\n")
    assert [g.body for g in read_truth(tmp_path)] == ["x\u2028y"]


def test_malformed_truth_is_an_input_error(tmp_path):
    (tmp_path / "truth.jsonl").write_text('{"id": "a", "body": \n')
    with pytest.raises(InputError, match="malformed"):
        read_truth(tmp_path)


def test_missing_truth_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="truth"):
        read_truth(tmp_path)


def test_iter_bench_yields_html_in_truth_order(tmp_path):
    items = list(iter_bench(make_set(tmp_path)))
    assert [i.id for i in items] == ["p1", "p2", "p3"]
    assert items[0].format is Format.HTML
    assert items[0].data.startswith(b"<html>") and ARTICLE.encode() in items[0].data
    assert items[0].url == "https://example.org/p1"
    assert items[0].gold.authors == ("Ann Lee",) and items[1].gold.date is None


def test_iter_bench_reads_a_renderers_dumps_with_the_same_gold(tmp_path):
    items = list(iter_bench(make_set(tmp_path), text="inscriptis", limit=2))
    assert [i.id for i in items] == ["p1", "p2"]
    assert items[0].format is Format.TEXT
    assert items[0].data == f"Home News\n{ARTICLE}\n".encode()
    assert items[0].gold.body == ARTICLE


def test_unknown_renderer_names_the_known_ones(tmp_path):
    set_dir = make_set(tmp_path)
    assert renderers(set_dir) == ["inscriptis"]
    with pytest.raises(InputError, match="inscriptis"):
        next(iter_bench(set_dir, text="lynx"))


def test_a_page_without_a_dump_is_left_out_of_a_text_run(tmp_path):
    set_dir = make_set(tmp_path)
    (set_dir / "text" / "inscriptis" / "p2.txt").unlink()
    assert [i.id for i in iter_bench(set_dir, text="inscriptis")] == ["p1", "p3"]
    report = evaluate_set(set_dir, {"dump": dump_prediction}, text="inscriptis")
    assert [p.id for p in report.runs[0].pages] == ["p1", "p3"]


def test_missing_page_is_an_input_error(tmp_path):
    set_dir = make_set(tmp_path)
    (set_dir / "pages" / "p2.html.gz").unlink()
    with pytest.raises(InputError, match="p2"):
        list(iter_bench(set_dir))


def test_prediction_from_record_reads_the_scored_fields():
    record = {"text": "body", "title": "T", "authors": ["A", "B"], "date": "2020-01-01", "site": "x"}
    assert prediction_from_record(record) == Prediction("body", "T", ("A", "B"), "2020-01-01")
    assert prediction_from_record({"text": None, "authors": None}) == Prediction()


def _item(data: bytes = b"", url: str | None = None) -> BenchItem:
    return BenchItem("x", url, data, Format.HTML, Gold("x", ""))


def test_timed_turns_a_crash_into_an_empty_prediction_with_its_reason():
    def crash(item):
        raise RuntimeError("boom")

    out = timed(crash, _item())
    assert out.prediction == Prediction()
    assert out.error == "RuntimeError: boom"
    assert out.seconds >= 0


def test_cleaner_prediction_reads_records_and_treats_error_records_as_rejections(monkeypatch, tmp_path):
    install_fake_pipeline(monkeypatch)
    p1, _, p3 = iter_bench(make_set(tmp_path))
    assert cleaner_prediction(p1) == Prediction(ARTICLE, "Rain", ("Ann Lee",), "2024-01-02")
    rejected = timed(cleaner_prediction, p3)
    assert rejected.prediction == Prediction()
    assert rejected.error == "rejected: classify: no article found"


def test_trafilatura_prediction_finds_the_article_and_its_metadata():
    paragraphs = "".join(f"<p>{ARTICLE} Paragraph {n} goes on with more words.</p>" for n in range(5))
    page = (
        "<html><head><title>Flood night</title><meta name='author' content='Ann Lee'>"
        "<meta property='article:published_time' content='2024-01-02'></head>"
        f"<body><nav><a href='/'>Home</a></nav><article><h1>Flood night</h1>{paragraphs}</article></body></html>"
    )
    prediction = trafilatura_prediction(_item(page.encode(), "https://example.org/a"))
    assert "The river rose over its banks" in prediction.text
    assert "Home" not in prediction.text
    assert prediction.title == "Flood night"
    assert prediction.authors == ("Ann Lee",)
    assert prediction.date == "2024-01-02"


def test_dump_prediction_is_the_whole_input():
    assert dump_prediction(_item("menu\nbody é".encode())).text == "menu\nbody é"


def test_run_extractors_keeps_order_and_names(tmp_path):
    items = list(iter_bench(make_set(tmp_path)))
    runs = run_extractors(items, {"dump": dump_prediction, "nothing": lambda item: Prediction()})
    assert [r.name for r in runs] == ["dump", "nothing"]
    assert [o.prediction.text for o in runs[0].outputs] == [i.data.decode() for i in items]
    assert all(o.prediction == Prediction() for o in runs[1].outputs)


def test_extractors_take_turns_starting_on_a_document(tmp_path):
    items = list(iter_bench(make_set(tmp_path)))
    calls: list[str] = []

    def recorder(name: str):
        return lambda item: calls.append(name) or Prediction()

    run_extractors(items * 2, {"a": recorder("a"), "b": recorder("b")})
    # the untimed warm-up call of each, then the timed documents with the starter moving on by one
    assert calls[2:6] == ["a", "b", "b", "a"]


def test_run_extractors_in_worker_processes_gives_the_same_outputs(tmp_path):
    set_dir = make_set(tmp_path)
    serial = run_extractors(iter_bench(set_dir, "inscriptis"), {"dump": dump_prediction})
    parallel = run_extractors(iter_bench(set_dir, "inscriptis"), {"dump": dump_prediction}, jobs=2)
    assert [o.prediction for o in parallel[0].outputs] == [o.prediction for o in serial[0].outputs]


def test_run_speed_is_documents_over_summed_time():
    run = Run("x", (Timed(Prediction(), 0.5), Timed(Prediction(), 1.5, "rejected: x")))
    assert run.docs_per_second == 1.0
    assert run.errors == 1


def test_evaluate_set_scores_the_dump_baseline(tmp_path):
    # Each dump adds "Home News" to its body: 2 extra shingles on p1 (13 of 15 right), p2 3/5, p3 1/3.
    report = evaluate_set(make_set(tmp_path), {"dump": dump_prediction}, text="inscriptis")
    summary = report.runs[0].summary
    assert report.source == "text/inscriptis" and report.set_name == "tiny"
    assert summary.body_precision == pytest.approx((13 / 15 + 3 / 5 + 1 / 3) / 3)
    assert summary.body_recall == 1.0
    assert summary.body_f1 == pytest.approx(0.75)
    assert summary.without_absent == 0.0  # "Home" is in every dump


def test_evaluate_set_scores_cleaner_fields(monkeypatch, tmp_path):
    install_fake_pipeline(monkeypatch)
    report = evaluate_set(make_set(tmp_path), {"cleaner": cleaner_prediction}, limit=2)
    summary, pages = report.run("cleaner").summary, report.run("cleaner").pages
    assert summary.pages == 2
    assert [p.body.recall for p in pages] == [1.0, pytest.approx(1 / 3)]
    assert summary.title_exact == 0.5
    assert (summary.date_precision, summary.date_recall, summary.date_spurious) == (1.0, 1.0, 1)
    assert (summary.authors_precision, summary.authors_recall) == (0.5, 1.0)


def test_run_extractors_on_no_items_gives_empty_runs():
    assert run_extractors([], {"dump": dump_prediction}) == [Run("dump", ())]


def test_trafilaturas_lazy_stop_word_table_is_loaded_before_any_document_is_timed(tmp_path, monkeypatch):
    from trafilatura import external

    monkeypatch.setattr(external, "JT_STOPLIST", None)
    seen: list[object] = []
    run_extractors(list(iter_bench(make_set(tmp_path))) * 2,
                   {"probe": lambda item: seen.append(external.JT_STOPLIST) or Prediction()})
    assert seen[0] is None and all(table for table in seen[1:])
