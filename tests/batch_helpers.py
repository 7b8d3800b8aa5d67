"""Inputs and output-tree comparisons shared by the batch tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = ("budget talks council river harbour vote court minister school rail energy storm market bridge "
         "festival museum hospital election farmers police").split()


def article(number: int, paragraphs: int = 6) -> str:
    """A small text dump: a headline and a few paragraphs, different for every number."""
    pick = [WORDS[(number * 7 + k) % len(WORDS)] for k in range(paragraphs + 3)]
    title = f"{pick[0].title()} {pick[1]} report number {number} from the {pick[2]} desk"
    body = [f"The {pick[k]} story {number}.{k} continues as officials met on Tuesday to discuss the {pick[k + 1]} "
            f"and the {pick[k + 2]} plans, which residents said would change the town for years." for k in range(paragraphs)]
    return "\n\n".join([title, *body]) + "\n"


def make_inputs(folder: Path, count: int, bad: tuple[int, ...] = (), paragraphs: int = 6) -> Path:
    """`count` text dumps; the numbers in `bad` are empty files (each gives an error record)."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        text = "" if number in bad else article(number, paragraphs)
        (folder / f"doc-{number:04d}.txt").write_text(text, encoding="utf-8")
    return folder


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (hidden ones included) by relative name, with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def cleaner_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "cleaner", "clean", *args]


def subprocess_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def run_cleaner(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(cleaner_command(*args), env=subprocess_env(), capture_output=True, text=True, timeout=120)
