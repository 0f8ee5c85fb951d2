"""Read Markdown as its prose: code, URLs, HTML and comments are left out; directives are kept.

A case note in Markdown may quote a system's output in a code block or link to a policy; none of
that is the writer's wording. Left out: fenced and indented code blocks, inline code, URLs and
link destinations, images, HTML tags, HTML comments (except `<!-- langcheck: ... -->`
suppressions), reference definitions, front matter, and the markup characters around words
(emphasis, heading and quote markers). Line breaks are kept one for one (see markup.py).

A hand-written scanner rather than a Markdown library: libraries give a rendered tree without
positions in the file, and the positions are what make findings useful.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from langcheck.sources.document import ReadOptions, Source
from langcheck.sources.markup import EMPHASIS, ENTITY, URL, keep_directives, lines, put_entity
from langcheck.sources.text import load_text
from langcheck.sources.units import TextBuilder, TextUnit

if TYPE_CHECKING:
    from langcheck.sources import InputFormat

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_INDENTED = re.compile(r"(?: {4}|\t)")
_LIST_ITEM = re.compile(r"\s*(?:[-+*]|\d{1,9}[.)])(?:\s|$)")
_REFERENCE = re.compile(r" {0,3}\[[^\]]+\]:\s*\S")
_RULE_LINE = re.compile(r" {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)")
_TABLE_RULE = re.compile(r"\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*")
_PREFIX = re.compile(r"(?: {0,3}>[ ]?)+| {0,3}#{1,6}(?=[ \t]|$)[ \t]*")
_HEADING_END = re.compile(r"[ \t]+#+[ \t]*$")
_RAW_BLOCK = re.compile(r" {0,3}<(script|style)\b", re.IGNORECASE)
_INLINE = re.compile(
    rf"""
    (?P<code>(?P<ticks>`+).+?(?<!`)(?P=ticks)(?!`))
    | (?P<comment><!--)
    | (?P<autolink><(?:[A-Za-z][A-Za-z0-9+.-]{{1,31}}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>)
    | (?P<image>!\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\])?)
    | (?P<footnote>\[\^[^\]\n]*\])
    | (?P<linkopen>\[(?=[^\[\]\n]*\](?:\(|\[)))
    | (?P<linkclose>\](?:\([^)\n]*\)|\[[^\]\n]*\]))
    | (?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)
    | (?P<url>{URL})
    | (?P<escape>\\(?=[!-/:-@\[-`{{-~]))
    | (?P<entity>{ENTITY})
    | (?P<emphasis>{EMPHASIS})
    """,
    re.VERBOSE,
)


def read(source: Source, options: ReadOptions, fmt: InputFormat | None = None) -> Iterator[TextUnit]:
    """Yield the prose of a Markdown file as one unit mapped to the file's lines and columns."""
    yield prose(load_text(source, options))


def prose(src: str) -> TextUnit:
    """Return the checked text of a Markdown document."""
    scanner = _Scanner(TextBuilder(src))
    front_matter = _front_matter_end(src)
    for start, end, stop in lines(src):
        if start >= front_matter:
            scanner.line(start, end)
        scanner.b.keep(end, stop)
    return scanner.b.build()


class _Scanner:
    """The block state of a Markdown document, read a line at a time."""

    def __init__(self, builder: TextBuilder) -> None:
        self.b = builder
        self.fence: re.Pattern[str] | None = None  # the closing fence of an open code block
        self.raw_end: re.Pattern[str] | None = None  # the closing tag of a <script> or <style> block
        self.in_comment = self.in_code = self.in_list = False
        self.prev_blank = True

    def line(self, start: int, end: int) -> None:
        """Copy the prose of one line (without its line break)."""
        text = self.b.source[start:end]
        blank = not text.strip()
        if self.fence is not None:
            if self.fence.match(text):
                self.fence = None
        elif self.raw_end is not None:
            if self.raw_end.search(text):
                self.raw_end = None
        elif self.in_comment:
            self.in_comment = _inline(self.b, start, end, in_comment=True)
        elif not self._opens_block(text, blank) and not blank:
            self._prose(text, start, end)
        self.in_code = self.in_code and (blank or bool(_INDENTED.match(text)))
        self.prev_blank = blank

    def _opens_block(self, text: str, blank: bool) -> bool:
        """Return True if the line opens or continues a block that is not prose (and note it)."""
        fence = _FENCE.match(text)
        if fence is not None and not (fence.group(1)[0] == "`" and "`" in text[fence.end() :]):
            mark = fence.group(1)
            self.fence = re.compile(rf" {{0,3}}{re.escape(mark[0])}{{{len(mark)},}}\s*$")
            return True
        if not blank and _INDENTED.match(text) and (self.in_code or (self.prev_blank and not self.in_list)):
            self.in_code = True
            return True
        raw = _RAW_BLOCK.match(text)
        if raw is not None:
            closing = re.compile(rf"</{raw.group(1)}\s*>", re.IGNORECASE)
            self.raw_end = None if closing.search(text) else closing
            return True
        return bool(_REFERENCE.match(text) or _RULE_LINE.fullmatch(text) or _TABLE_RULE.fullmatch(text))

    def _prose(self, text: str, start: int, end: int) -> None:
        if _LIST_ITEM.match(text):
            self.in_list = True
        elif self.prev_blank and not _INDENTED.match(text):
            self.in_list = False
        prefix = _PREFIX.match(text)
        first, last = start + (prefix.end() if prefix else 0), end
        if prefix and "#" in prefix.group():
            tail = _HEADING_END.search(text)
            if tail:
                last = start + tail.start()
        self.in_comment = _inline(self.b, first, last, in_comment=False)


def _front_matter_end(src: str) -> int:
    """Return where YAML front matter (--- ... --- at the very top) ends, or 0 if there is none."""
    m = re.match(r"---[ \t]*\r?\n(?:.*\r?\n){0,200}?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", src)
    return m.end() if m else 0


def _inline(b: TextBuilder, start: int, end: int, *, in_comment: bool) -> bool:
    """Copy the prose of src[start:end]; return True if an HTML comment is still open at the end."""
    src = b.source
    pos = start
    if in_comment:
        close = src.find("-->", start, end)
        keep_directives(b, start, end if close < 0 else close)
        if close < 0:
            return True
        pos = close + 3
    while pos < end:
        m = _INLINE.search(src, pos, end)
        if m is None:
            b.keep(pos, end)
            return False
        b.keep(pos, m.start())
        kind = m.lastgroup
        pos = m.end()
        if kind == "ticks":
            kind = "code"
        if kind == "comment":
            close = src.find("-->", m.end(), end)
            keep_directives(b, m.end(), end if close < 0 else close)
            if close < 0:
                return True
            pos = close + 3
        elif kind == "entity":
            put_entity(b, m.start(), m.end())
        elif kind == "escape":
            b.keep(m.end(), m.end() + 1)
            pos = m.end() + 1
        # code, links' destinations, images, tags, URLs and emphasis markers are left out
    return False
