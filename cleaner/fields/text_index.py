"""Every element's text from one walk over the page, so the field readers never walk a subtree again.

The field readers ask for the text of hundreds of elements, most of them large containers whose text
they only need to know is too long. One walk collects the page's text pieces (whitespace collapsed)
in document order and where each element's pieces start and end: an element's text is then a slice,
and its length is known before the slice is joined.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import lxml.etree


# Elements whose text the page never prints: a script's code or a style sheet is no byline or dateline,
# and splitting it into words was most of the walk's time (90% of the element text on bench aeb pages).
UNPRINTED = frozenset({"script", "style"})


@dataclass(frozen=True, slots=True)
class TextIndex:
    """The elements of a page in document order and their text, as spans of collapsed text pieces."""

    elements: tuple  # every element, in document order
    order: dict  # element -> its index in `elements`
    pieces: tuple[str, ...]  # every non-blank text or tail, whitespace collapsed, in document order
    offsets: tuple[int, ...]  # offsets[i]: len(" ".join(pieces[:i])) + 1 (one separator per piece)
    first: tuple[int, ...]  # per element: the index of its first piece
    end: tuple[int, ...]  # per element: the index after its last piece (its tail excluded)
    last_descendant: tuple[int, ...]  # per element: the index in `elements` after its last descendant
    h1s: tuple[int, ...]  # the indexes of the <h1> elements, ascending

    def text(self, element) -> str:
        """The element's text with a space between its pieces, so "By<a>Jane</a>" reads "By Jane"."""
        index = self.order.get(element)
        if index is None:  # a comment or processing instruction: not indexed
            return " ".join(" ".join(element.itertext()).split())
        return " ".join(self.pieces[self.first[index] : self.end[index]])

    def short(self, element, limit: int) -> str | None:
        """The element's text when it is at most `limit` characters, else None."""
        index = self.order.get(element)
        if index is None:
            text = self.text(element)
            return text if len(text) <= limit else None
        start, stop = self.first[index], self.end[index]
        if self.offsets[stop] - self.offsets[start] - 1 > limit:
            return None
        return " ".join(self.pieces[start:stop])

    def share_before(self, element) -> float:
        """The share of the page's text printed before the element (0 when it is not indexed)."""
        index = self.order.get(element)
        if index is None or self.offsets[-1] == 0:
            return 0.0
        return self.offsets[self.first[index]] / self.offsets[-1]

    def holds_h1(self, element) -> bool:
        """Whether an <h1> stands inside the element: a lookup, where a walk of a large container for
        each of hundreds of bylines (a comment section) would take quadratic time."""
        index = self.order.get(element)
        if index is None:
            return next(element.iterdescendants("h1"), None) is not None
        after = bisect_right(self.h1s, index)
        return after < len(self.h1s) and self.h1s[after] < self.last_descendant[index]

    def descendants(self, element, skipped: frozenset[str] = frozenset()) -> list:
        """The element's descendants in document order, without those of the skipped tags."""
        index = self.order[element]
        inside = self.elements[index + 1 : self.last_descendant[index]]
        return [e for e in inside if e.tag not in skipped] if skipped else list(inside)


def index_text(tree) -> TextIndex:
    """Walk the page once. Comment and processing-instruction text is no text (as in itertext), nor is the
    code of a script or a style sheet (unlike itertext)."""
    elements: list = []
    pieces: list[str] = []
    offsets = [0]
    first: list[int] = []
    end: list[int] = []
    last_descendant: list[int] = []
    open_elements: list[int] = []
    h1s: list[int] = []
    # Comments and processing instructions come as events of their own; their tails are page text.
    for event, node in lxml.etree.iterwalk(tree, events=("start", "end", "comment", "pi")):
        if event == "start":
            if node.tag == "h1":
                h1s.append(len(elements))
            open_elements.append(len(elements))
            elements.append(node)
            first.append(len(pieces))
            end.append(0)
            last_descendant.append(0)
            text = node.text if node.tag not in UNPRINTED else None
        else:
            if event == "end":
                index = open_elements.pop()
                end[index] = len(pieces)
                last_descendant[index] = len(elements)
            text = node.tail
        if text:
            words = text.split()
            if words:
                piece = " ".join(words)
                pieces.append(piece)
                offsets.append(offsets[-1] + len(piece) + 1)
    order = dict(zip(elements, range(len(elements))))
    return TextIndex(tuple(elements), order, tuple(pieces), tuple(offsets), tuple(first), tuple(end),
                     tuple(last_descendant), tuple(h1s))
