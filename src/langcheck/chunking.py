"""Split a text into the pieces the engine checks one at a time, and pick those that could match.

Kept apart from the engine so that the Linter can decide, with no spaCy and none of the
matching code imported, that a clean note has nothing to check.
"""

from __future__ import annotations

from collections.abc import Iterator

from langcheck.context import find_paragraphs
from langcheck.triggers import Triggers

MAX_CHUNK = 100_000
"""A paragraph longer than this (characters) is checked in pieces split at line breaks."""


def chunks(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each paragraph, long ones split at line breaks, then at spaces."""
    for first, end in find_paragraphs(text):
        start = first
        while end - start > MAX_CHUNK:
            cut = text.rfind("\n", start, start + MAX_CHUNK)
            if cut <= start:
                cut = text.rfind(" ", start, start + MAX_CHUNK)
            if cut <= start:
                cut = start + MAX_CHUNK
            yield start, cut
            start = cut
        if end > start:
            yield start, end


def matching_chunks(triggers: Triggers, text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each chunk of `text` (see `chunks`) that some rule could match."""
    if triggers.always:
        return list(chunks(text))
    return [(start, end) for start, end in chunks(text) if triggers.may_match(text[start:end])]
