"""Sentence boundaries: worked out in this one place for every way of checking a text.

The engine, the library, the spaCy component and `test-rules` all read sentences from here, so
a text gets the same boundaries however it arrives: as a string the Linter tokenises, as a
Doc from `nlp.pipe`, or as a Doc that some other pipeline (with or without a sentencizer, a
parser or a senter) has already annotated.
"""

from __future__ import annotations

from typing import Any


def sentence_enders(vocab: Any) -> frozenset[int]:
    """Return the string ids of the characters that end a sentence (spaCy's sentencizer's own)."""
    from spacy.pipeline.sentencizer import Sentencizer

    return frozenset(vocab.strings.add(p) for p in Sentencizer.default_punct_chars)


def sentence_bounds(doc: Any, enders: frozenset[int]) -> list[tuple[int, int]]:
    """Return (start, end) token indices of each sentence.

    A pipeline that sets sentence boundaries (a parser, a senter or a sentencizer) is trusted.
    Otherwise the rule of spaCy's sentencizer is applied to attribute arrays: a sentence starts
    at the first token that is not punctuation after a full stop, question or exclamation mark.
    This does the sentencizer's work without creating a Python object per token. Either way a
    blank line also ends a sentence, so a whole document and its paragraphs checked one by one
    agree.

    A sentence never starts on a whitespace token: spaCy's sentencizer starts one on the line
    break after "2026.", and that start moves to the next word. (It was dropped instead, so a
    Doc split by spaCy's sentencizer ran two sentences together where the Linter's own reading
    kept them apart, and a rule that reads its sentence found different things.)
    """
    n = len(doc)
    if n == 0:
        return [(0, 0)]
    rows = doc.to_array(["ORTH", "IS_PUNCT", "IS_SPACE"]).tolist()
    strings = doc.vocab.strings
    annotated = doc.has_annotation("SENT_START")
    flags = doc.to_array("SENT_START").tolist() if annotated else []
    starts = [0]
    seen_end = blank_line = pending = False
    for i, (orth, is_punct, is_space) in enumerate(rows):
        marked = annotated and flags[i] == 1
        if i and (blank_line or pending or marked) and not is_space:
            starts.append(i)
            seen_end = blank_line = pending = False
            continue
        if is_space:
            blank_line = blank_line or strings[orth].count("\n") >= 2
            pending = pending or (bool(i) and marked)
            continue
        ender = orth in enders
        if not annotated and seen_end and not is_punct and not ender:
            starts.append(i)
            seen_end = False
        elif ender:
            seen_end = True
    return list(zip(starts, [*starts[1:], n], strict=True))
