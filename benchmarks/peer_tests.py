"""A peer's own test pages as an out-of-sample check: trafilatura's real-world snippet assertions.

    python benchmarks/peer_tests.py [--cache DIR] [--text] [--show]

trafilatura 1.1.0's source distribution ships 110 cached pages (tests/cache) and tests/realworld_tests.py,
whose assertions say which snippets an extraction must and must not contain. The distribution is fetched
from PyPI with pip into the cache directory (nothing of it is kept in this repository), the assertions
are read from the test file's syntax tree, and each page is extracted by cleaner and by the installed
trafilatura (comments off: cleaner drops reader comments by design). With --text the same pages are
also rendered as text dumps (inscriptis and html2text, when installed) and cleaned on the text path.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import subprocess
import sys
import tarfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

PEER_SDIST = "trafilatura==1.1.0"
SDIST_NAME = "trafilatura-1.1.0"
DEFAULT_CACHE = Path.home() / ".cache" / "cleaner-peer-tests"
# Renderers of the text dumps (module, function from HTML text to plain text), used when installed.
RENDERERS = (("inscriptis", "get_text"), ("html2text", "html2text"))


@dataclass(frozen=True, slots=True)
class Check:
    url: str
    snippet: str
    wanted: bool  # True: the extraction must contain it; False: must not


def fetch(cache: Path) -> Path:
    """The unpacked source distribution's tests directory, downloaded once."""
    tests = cache / SDIST_NAME / "tests"
    if tests.is_dir():
        return tests
    cache.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                    "--dest", str(cache), PEER_SDIST], check=True)
    with tarfile.open(cache / f"{SDIST_NAME}.tar.gz") as archive:
        archive.extractall(cache, filter="data")
    return tests


def read_checks(test_file: Path) -> tuple[dict[str, str], list[Check]]:
    """The url -> cached file map and every `'snippet' (not) in result` assertion after a page load."""
    tree = ast.parse(test_file.read_text(encoding="utf-8"))
    pages: dict[str, str] = {}
    checks: list[Check] = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "MOCK_PAGES":
            pages = ast.literal_eval(node.value)
        elif isinstance(node, ast.FunctionDef):
            _collect(node.body, None, checks)
    return pages, list(dict.fromkeys(c for c in checks if c.url in pages))


def _collect(body: list[ast.stmt], url: str | None, checks: list[Check]) -> str | None:
    for statement in body:
        if isinstance(statement, ast.Assign) and _is_page_load(statement.value):
            url = _loaded_url(statement.value)
        elif isinstance(statement, ast.Assert) and url:
            checks.extend(_assertion_checks(statement.test, url))
        elif isinstance(statement, (ast.If, ast.For, ast.With)):
            url = _collect(statement.body, url, checks)
    return url


def _is_page_load(value: ast.expr) -> bool:
    return isinstance(value, ast.Call) and getattr(value.func, "id", "") == "load_mock_page"


def _loaded_url(call: ast.Call) -> str | None:
    # A load with a language filter may return nothing by design; its assertions are not about extraction.
    if len(call.args) > 2 or any(k.arg == "langcheck" for k in call.keywords):
        return None
    first = call.args[0]
    return first.value if isinstance(first, ast.Constant) else None


def _assertion_checks(test: ast.expr, url: str) -> Iterator[Check]:
    parts = test.values if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And) else [test]
    for part in parts:
        if (isinstance(part, ast.Compare) and len(part.ops) == 1 and isinstance(part.left, ast.Constant)
                and isinstance(part.ops[0], (ast.In, ast.NotIn))
                and getattr(part.comparators[0], "id", "") == "result"):
            yield Check(url, part.left.value, isinstance(part.ops[0], ast.In))


def extract_all(url_and_path: tuple[str, str], text: bool) -> tuple[str, dict[str, str]]:
    """Every tool's text for one page."""
    import trafilatura

    import cleaner
    from cleaner.decode import decode
    from cleaner.errors import CleanerError

    url, path = url_and_path
    data = Path(path).read_bytes()
    out = {"trafilatura": trafilatura.extract(data, url=url, include_comments=False) or ""}
    out["cleaner"] = _cleaned(cleaner.clean, data, url, CleanerError)
    if text:
        html = decode(data).text
        for name, render in _renderers():
            out[f"cleaner on {name} dump"] = _cleaned(cleaner.clean, render(html).encode(), None, CleanerError)
    return url, out


def _cleaned(clean: Callable, data: bytes, url: str | None, error: type) -> str:
    """The record's lead and text: an HTML standfirst is in the lead only, where trafilatura prints it in its
    text."""
    try:
        record = clean(data, url=url)
    except error:
        return ""
    return "\n\n".join(part for part in (record.fields.lead, record.text) if part)


def _renderers() -> list[tuple[str, Callable[[str], str]]]:
    """The installed page-to-text renderers."""
    found = []
    for module_name, function_name in RENDERERS:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        found.append((module_name, getattr(module, function_name)))
    return found


def score(checks: list[Check], texts: dict[str, dict[str, str]], tool: str) -> tuple[int, int, int, int]:
    """(kept wanted, wanted, absent unwanted, unwanted)."""
    kept = sum(1 for c in checks if c.wanted and c.snippet in texts[c.url][tool])
    absent = sum(1 for c in checks if not c.wanted and c.snippet not in texts[c.url][tool])
    wanted = sum(1 for c in checks if c.wanted)
    return kept, wanted, absent, len(checks) - wanted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--text", action="store_true", help="also clean text dumps of the pages")
    parser.add_argument("--show", action="store_true", help="list cleaner's failed assertions")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    tests = fetch(args.cache)
    pages, checks = read_checks(tests / "realworld_tests.py")
    urls = sorted({c.url for c in checks})
    jobs = [(url, str(tests / "cache" / pages[url])) for url in urls]
    with ProcessPoolExecutor(args.jobs) as pool:
        texts = dict(pool.map(extract_all, jobs, [args.text] * len(jobs)))
    print(f"{len(urls)} pages, {len(checks)} assertions")
    for tool in texts[urls[0]]:
        kept, wanted, absent, unwanted = score(checks, texts, tool)
        print(f"{tool:<28} must-have kept {kept / wanted:.3f} ({kept}/{wanted})   "
              f"must-not absent {absent / unwanted:.3f} ({absent}/{unwanted})   "
              f"all {(kept + absent) / len(checks):.3f}")
    if args.show:
        for c in checks:
            if (c.snippet in texts[c.url]["cleaner"]) != c.wanted:
                print(f"  {'missing' if c.wanted else 'kept   '} {pages[c.url]}: {c.snippet!r}")


if __name__ == "__main__":
    main()
