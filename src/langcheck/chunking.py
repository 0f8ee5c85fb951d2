"""Split a text into the pieces the engine checks one at a time, and pick those that could match.

Kept apart from the engine so that the Linter can decide, with no spaCy and none of the
matching code imported, that a clean note has nothing to check.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from langcheck.context import find_paragraphs
from langcheck.triggers import Triggers

MAX_CHUNK = 100_000
"""A paragraph longer than this (characters) is checked in overlapping pieces."""
OVERLAP = 2_000
"""Characters each piece shares with the next, so a phrase across a cut is whole in one of them."""
_CUT_WINDOW = 10_000
"""How far back from a piece's limit a cut may move to land on a sentence or word boundary."""
_SENTENCE_END = re.compile(r"[.!?][\"')\]\u2019\u201d]*\s+")


def chunks(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each paragraph, long ones in overlapping pieces.

    A long paragraph is cut at the last sentence end before MAX_CHUNK (else a line break, else
    a space), and the next piece starts OVERLAP characters before the cut, at a word boundary:
    a phrase that runs across the cut is whole in the next piece. `owners` says which piece
    reports a finding in the shared stretch, so none is reported twice.
    """
    for first, end in find_paragraphs(text):
        start = first
        while end - start > MAX_CHUNK:
            cut = _cut(text, start, start + MAX_CHUNK)
            yield start, cut
            start = _word_start(text, max(cut - OVERLAP, start + 1), cut)
        if end > start:
            yield start, end


def _cut(text: str, start: int, limit: int) -> int:
    """Return where to end a piece: after the last sentence, line or word before `limit`."""
    low = max(start + OVERLAP + 1, limit - _CUT_WINDOW)
    last = None
    for last in _SENTENCE_END.finditer(text, low, limit):  # noqa: B007 - the last one is wanted
        pass
    if last is not None:
        return last.end()
    for mark in ("\n", " "):
        cut = text.rfind(mark, low, limit)
        if cut > low:
            return cut + 1
    return limit


def _word_start(text: str, at: int, cut: int) -> int:
    """Return the start of the first word at or after `at` (or `at` itself, in a run with no spaces)."""
    space = text.find(" ", at, cut)
    return space + 1 if space != -1 else at


def owners(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return, for each span, the [low, high) range of finding starts it reports.

    Where two spans overlap, the middle of the overlap divides them: a finding starting in the
    first half is reported by the earlier span and one starting in the second half by the later
    one, each far enough from that span's edges to have been seen whole, with its sentence.
    """
    out: list[tuple[int, int]] = []
    for i, (start, end) in enumerate(spans):
        low = start
        if i and spans[i - 1][1] > start:
            low = (start + spans[i - 1][1]) // 2
        high = end
        if i + 1 < len(spans) and spans[i + 1][0] < end:
            high = (spans[i + 1][0] + end) // 2
        out.append((low, high if high != end else end + 1))
    return out


def matching_chunks(triggers: Triggers, text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each chunk of `text` (see `chunks`) that some rule could match."""
    if triggers.always:
        return list(chunks(text))
    return [(start, end) for start, end in chunks(text) if triggers.may_match(text[start:end])]
