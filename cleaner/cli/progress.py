"""A one-line progress display on stderr: documents done, docs/s, errors, ETA."""

from __future__ import annotations

import sys
import time

# Redraw at most this often: a terminal repaint per document would cost more than the cleaning.
REDRAW_SECONDS = 0.25


class ProgressBar:
    """Called with (documents done, of which errors) as workers report; redraws the line in place."""

    def __init__(self, total: int | None, stream=None):
        self.total, self.stream = total, stream or sys.stderr
        self.done = self.errors = 0
        self.started = self.drawn_at = time.monotonic()

    def __call__(self, done: int, errors: int) -> None:
        self.done += done
        self.errors += errors
        if time.monotonic() - self.drawn_at >= REDRAW_SECONDS:
            self.draw()

    def draw(self) -> None:
        self.drawn_at = time.monotonic()
        self.stream.write("\r" + self.line() + "\x1b[K")
        self.stream.flush()

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        done = f"{self.done}/{self.total}" if self.total is not None else f"{self.done}"
        text = f"{done} docs  {rate:.1f} docs/s  {self.errors} errors"
        if self.total is not None and rate > 0:
            text += f"  ETA {_clock(max(self.total - self.done, 0) / rate)}"
        return text

    def close(self) -> None:
        self.draw()
        self.stream.write("\n")
        self.stream.flush()


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
