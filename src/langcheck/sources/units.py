"""The texts a reader hands to the engine, each with the way back to the document's own places.

The engine checks plain text and reports offsets into it. A unit turns those offsets back into
what a person can use:

- `TextUnit` (.txt, .md, .rst, .html, stdin): the checked text is built from pieces of the file
  (markup left out, entities decoded), with a segment map from each checked character to the
  characters of the file it stands for. Findings get offsets, lines and columns in the file
  itself, so an editor, SARIF viewer or `langcheck fix` finds the words where they are.
  Blanking markup to spaces would keep offsets without a map, but the engine reads a run of
  spaces inside a phrase as a word of its own ("putting **herself** at risk" would no longer
  match), and an HTML entity is longer than the character it stands for; hence the map.
- `BlockUnit` (.docx, .odt, .pdf, .csv, .tsv, .xlsx): the checked text is the document's
  blocks (paragraphs, cells, pages) one after another, separated by a blank line so that no
  sentence runs from one block into the next; each block keeps its Location. Findings keep
  positions in this extracted text and gain the block's Location.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Protocol

from langcheck.models import Finding, Location, LocationKind
from langcheck.positions import NEWLINE, LineIndex

BLOCK_SEPARATOR = "\n\n"


class Unit(Protocol):
    """A text checked as one, and the map from its offsets back to the document."""

    @property
    def text(self) -> str:
        """Return the text the engine checks."""

    @property
    def notices(self) -> tuple[str, ...]:
        """Return what the reader could not read but did not stop for (shown as warnings)."""

    def place(self, findings: Iterable[Finding]) -> list[Finding]:
        """Return the findings moved to the document's positions, each with its Location."""

    def line(self, number: int) -> str | None:
        """Return the line that a placed finding's `line` refers to (for showing context)."""


class TextUnit:
    """A text format's checked text, mapped back to offsets, lines and columns in the file."""

    def __init__(
        self,
        text: str,
        source: str | None = None,
        segments: tuple[list[int], list[int], list[int]] | None = None,
        notices: tuple[str, ...] = (),
    ) -> None:
        self._text = text
        self._source = text if source is None else source
        self._segments = segments  # (text starts, source starts, source lengths; -1: copied 1:1)
        self._lines: LineIndex | None = None
        self._notices = notices

    @property
    def text(self) -> str:
        return self._text

    @property
    def notices(self) -> tuple[str, ...]:
        return self._notices

    @property
    def source(self) -> str:
        """Return the file's text, as the positions of placed findings refer to it."""
        return self._source

    def source_start(self, offset: int) -> int:
        """Return the file offset of the checked character at `offset`."""
        if self._segments is None:
            return offset
        tstarts, sstarts, slens = self._segments
        i = max(bisect.bisect_right(tstarts, offset) - 1, 0)
        if not tstarts:
            return 0
        return sstarts[i] + (offset - tstarts[i] if slens[i] < 0 else 0)

    def source_end(self, end: int) -> int:
        """Return the file offset just after the checked characters that end at `end`."""
        if self._segments is None:
            return end
        if end <= 0:
            return self.source_start(0)
        tstarts, sstarts, slens = self._segments
        last = end - 1
        i = max(bisect.bisect_right(tstarts, last) - 1, 0)
        if not tstarts:
            return 0
        return sstarts[i] + (last - tstarts[i] + 1 if slens[i] < 0 else slens[i])

    def _position(self, offset: int) -> tuple[int, int]:
        if self._lines is None:
            self._lines = LineIndex(self._source)
        return self._lines.position(offset)

    def place(self, findings: Iterable[Finding]) -> list[Finding]:
        out = []
        for f in findings:
            start = self.source_start(f.start)
            end = max(self.source_end(f.end), start)
            line, column = self._position(start)
            end_line, end_column = self._position(end)
            out.append(
                replace(
                    f,
                    start=start,
                    end=end,
                    line=line,
                    column=column,
                    end_line=end_line,
                    end_column=end_column,
                    location=Location(LocationKind.LINE, line=line, column=column),
                )
            )
        return out

    def line(self, number: int) -> str | None:
        if self._lines is None:
            self._lines = LineIndex(self._source)
        starts = self._lines.starts
        if not 0 < number <= len(starts):
            return None
        start = starts[number - 1]
        end = starts[number] if number < len(starts) else len(self._source)
        return self._source[start:end].rstrip("\r\n")


class TextBuilder:
    """Build a TextUnit's checked text from pieces of a source text, recording where each came from."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self._tstarts: list[int] = []
        self._sstarts: list[int] = []
        self._slens: list[int] = []
        self._length = 0

    @property
    def length(self) -> int:
        """Return the length of the checked text so far."""
        return self._length

    def last_char(self) -> str:
        """Return the last character of the checked text so far ('' at the start)."""
        return self._parts[-1][-1] if self._parts else ""

    def keep(self, start: int, end: int) -> None:
        """Copy source[start:end] into the checked text, character for character."""
        if end <= start:
            return
        continues = (
            self._slens and self._slens[-1] < 0 and self._sstarts[-1] + (self._length - self._tstarts[-1]) == start
        )
        if continues:  # the previous piece was copied and ends where this one starts: extend it
            self._parts.append(self.source[start:end])
            self._length += end - start
        else:
            self._segment(self.source[start:end], start, -1)

    def put(self, text: str, start: int, end: int) -> None:
        """Add `text` to the checked text as standing for source[start:end] (an entity, a break)."""
        if text:
            self._segment(text, start, max(end - start, 0))

    def _segment(self, text: str, source_start: int, source_length: int) -> None:
        self._parts.append(text)
        self._tstarts.append(self._length)
        self._sstarts.append(source_start)
        self._slens.append(source_length)
        self._length += len(text)

    def build(self, notices: tuple[str, ...] = ()) -> TextUnit:
        """Return the finished unit."""
        text = "".join(self._parts)
        return TextUnit(text, self.source, (self._tstarts, self._sstarts, self._slens), notices)


class BlockUnit:
    """Blocks of a document (paragraphs, cells, pages), checked as one text, each with its Location."""

    def __init__(
        self,
        blocks: list[tuple[str, Location]],
        *,
        first_offset: int = 0,
        first_line: int = 1,
        notices: tuple[str, ...] = (),
    ) -> None:
        self._text = BLOCK_SEPARATOR.join(text for text, _ in blocks)
        self._starts: list[int] = []
        self._locations = [loc for _, loc in blocks]
        pos = 0
        for text, _ in blocks:
            self._starts.append(pos)
            pos += len(text) + len(BLOCK_SEPARATOR)
        self.first_offset = first_offset
        self.first_line = first_line
        self._notices = notices
        self._lines: list[str] | None = None

    @property
    def text(self) -> str:
        return self._text

    @property
    def notices(self) -> tuple[str, ...]:
        return self._notices

    @property
    def line_count(self) -> int:
        """Return how many lines the unit's text has."""
        return len(NEWLINE.findall(self._text)) + 1

    def location_at(self, offset: int) -> Location:
        """Return the Location of the block that holds the checked character at `offset`."""
        return self._locations[max(bisect.bisect_right(self._starts, offset) - 1, 0)]

    def place(self, findings: Iterable[Finding]) -> list[Finding]:
        shift, lines = self.first_offset, self.first_line - 1
        return [
            replace(
                f,
                start=f.start + shift,
                end=f.end + shift,
                line=f.line + lines,
                end_line=f.end_line + lines,
                location=self.location_at(f.start),
            )
            for f in findings
        ]

    def line(self, number: int) -> str | None:
        if self._lines is None:
            self._lines = NEWLINE.split(self._text)
        local = number - self.first_line
        return self._lines[local] if 0 <= local < len(self._lines) else None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_block(text: str) -> str:
    """Return a block's text with page and line-break controls as newlines, other controls gone."""
    return _CONTROL.sub(lambda m: "\n" if m.group() in "\x0b\x0c" else "", text).strip()


class BlockChain:
    """Number the blocks of a document that is checked in several units (a spreadsheet's rows).

    Each unit continues the positions of the one before, as if all were one extracted text, so
    a finding's offsets and line are unique within the file.
    """

    def __init__(self) -> None:
        self.offset = 0
        self.line = 1

    def unit(self, blocks: list[tuple[str, Location]], notices: tuple[str, ...] = ()) -> BlockUnit:
        """Return the next unit and move past it."""
        unit = BlockUnit(blocks, first_offset=self.offset, first_line=self.line, notices=notices)
        self.offset += len(unit.text) + len(BLOCK_SEPARATOR)
        self.line += unit.line_count + 1
        return unit
