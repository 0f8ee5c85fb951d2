"""Convert Python string offsets (code points) to UTF-16 code units, as LanguageTool reports them.

LanguageTool is written in Java, so every client of its API (the browser add-on, LibreOffice,
language_tool_python, ltex-ls) reads `offset` and `length` as indices into a UTF-16 string, where
a character outside the Basic Multilingual Plane (most emoji, some CJK) takes two units. Python
counts such a character once, so without this conversion every match after an emoji would be
underlined one place too early per emoji. JavaScript strings are UTF-16 too, so the same numbers
index the paste-and-check page's textarea directly.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@dataclass(frozen=True, slots=True)
class Utf16Index:
    """The positions of a text's astral characters, to map code-point offsets to UTF-16 units."""

    astral: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Utf16Index:
        """Index a text once (a regex scan: cheap for a text of any size)."""
        return cls(tuple(m.start() for m in _ASTRAL.finditer(text)))

    def units(self, offset: int) -> int:
        """Return the UTF-16 offset of code-point offset `offset`."""
        if not self.astral:
            return offset
        return offset + bisect.bisect_left(self.astral, offset)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Return (offset, length) in UTF-16 units for the code-point span [start, end)."""
        first = self.units(start)
        return first, self.units(end) - first


def utf16_length(text: str) -> int:
    """Return the length of `text` in UTF-16 code units."""
    return len(text) + sum(1 for _ in _ASTRAL.finditer(text))
