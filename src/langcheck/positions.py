"""Turn character offsets into 1-based line and column numbers: the one helper for it.

A line ends at "\r\n", "\r" or "\n", as in every reader and formatter of langcheck, so a
finding's line is the same whichever part of the program works it out.
"""

from __future__ import annotations

import bisect
import re

NEWLINE = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """Return the offset at which each line of `text` starts."""
    return [0] + [m.end() for m in NEWLINE.finditer(text)]


class LineIndex:
    """Answer offset -> (line, column) for one text, in a binary search each."""

    def __init__(self, text: str) -> None:
        self.starts = line_starts(text)

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of a character offset."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1
