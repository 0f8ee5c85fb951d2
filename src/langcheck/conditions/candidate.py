"""A match before its conditions are checked, and the word windows conditions read around it.

Every condition reads the same few things (the words before the match in its clause, the words
after it, the sentence's character span), so they are read here once, the same way for all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from langcheck.context import TextContext

CLAUSE_BREAKS = frozenset({";", ":", "\u2014", "\u2013", "--", "but", "however", "whereas", "although"})
"""Words that end a clause: a negation or a subject before one belongs to another clause."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A match before its conditions are checked: where it is and what surrounds it."""

    doc: Any  # spacy.tokens.Doc; typed loosely so this package never imports spaCy
    start: int  # token index
    end: int  # token index, exclusive
    sent_start: int  # token index of the sentence start
    sent_end: int
    context: TextContext
    next_sent_end: int = -1  # end of the following sentence (-1: there is none)

    @property
    def char_start(self) -> int:
        return int(self.doc[self.start].idx)

    @property
    def char_end(self) -> int:
        last = self.doc[self.end - 1]
        return int(last.idx + len(last.text))

    def words_before(self, limit: int, *, clause: bool = True) -> list[str]:
        """Return up to `limit` lower-case words before the match, nearest last.

        With `clause`, stop at a clause boundary (; : or a dash), so that a negation or a
        subject in an earlier clause does not count.
        """
        out: list[str] = []
        i = self.start - 1
        while i >= self.sent_start and len(out) < limit:
            word = self.doc[i].lower_
            if clause and word in CLAUSE_BREAKS:
                break
            out.append(word)
            i -= 1
        out.reverse()
        return out

    def words_after(self, limit: int) -> list[str]:
        """Return up to `limit` lower-case words after the match, in the same sentence."""
        stop = min(self.sent_end, self.end + limit)
        return [self.doc[i].lower_ for i in range(self.end, stop)]

    @property
    def sentence_chars(self) -> tuple[int, int]:
        first = self.doc[self.sent_start]
        last = self.doc[self.sent_end - 1]
        return int(first.idx), int(last.idx + len(last.text))
