"""Long paragraphs are checked in overlapping pieces: a phrase across a cut is found, and found once."""

from __future__ import annotations

import itertools

import pytest

from langcheck import Config, Linter
from langcheck.chunking import MAX_CHUNK, OVERLAP, chunks, owners

PHRASE = "putting herself at risk"
SENTENCE = " Jade (14) has been putting herself at risk. "
LINTER = Linter(Config(select=("AG001",)))


def one_line(at: int, length: int = 250_000, *, sentences: bool = False) -> str:
    """Return a single paragraph of `length` characters with PHRASE starting at offset `at`."""
    filler = ("She was seen. " if sentences else "word ") * (length // 4)
    begin = at - SENTENCE.index(PHRASE)
    text = filler[:begin] + SENTENCE + filler[begin + len(SENTENCE) :]
    return text[:length]


@pytest.mark.parametrize("at", [99_989, 99_995, 99_980, MAX_CHUNK - 5, MAX_CHUNK - OVERLAP // 2, 50_020, 199_990])
@pytest.mark.parametrize("sentences", [False, True])
def test_a_phrase_across_a_chunk_boundary_is_found_once(at: int, sentences: bool) -> None:
    text = one_line(at, sentences=sentences)
    start = text.index(PHRASE)
    found = [f for f in LINTER.check(text) if f.rule_id == "AG001"]
    assert [(f.start, f.text) for f in found] == [(start, PHRASE)]


def test_every_cut_point_near_the_boundary() -> None:
    for at in range(MAX_CHUNK - 60, MAX_CHUNK + 20, 7):
        text = one_line(at, 120_000)
        assert [f.start for f in LINTER.check(text) if f.rule_id == "AG001"] == [text.index(PHRASE)], at


def test_pieces_overlap_cover_the_paragraph_and_own_each_offset_once() -> None:
    text = one_line(10, 350_000, sentences=True)
    spans = list(chunks(text))
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(end - start <= MAX_CHUNK for start, end in spans)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end - start >= OVERLAP // 2  # they overlap
    ranges = owners(spans)
    assert ranges[0][0] == 0 and ranges[-1][1] > len(text)
    for (_, high), (low, _) in itertools.pairwise(ranges):
        assert high == low  # every offset belongs to exactly one piece
    assert all(text[start - 1] in " \n" for start, _ in spans[1:])  # each piece starts at a word


def test_short_paragraphs_are_one_piece_each() -> None:
    text = "One paragraph.\n\nAnother one."
    assert list(chunks(text)) == [(0, 14), (16, 28)]
    assert owners([(0, 14), (16, 28)]) == [(0, 15), (16, 29)]
