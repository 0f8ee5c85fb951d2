"""Read HTML as the text a browser shows: no script, style, code, attributes or hidden elements.

The standard library's html.parser, not BeautifulSoup or selectolax: it is the one parser that
says where in the file each piece of text starts (getpos), which is what lets a finding point
to a line and column of the .html file; it tolerates broken markup as browsers do and adds no
dependency. Whitespace is collapsed as a browser collapses it, so a sentence wrapped over
several source lines is still one sentence; block elements (p, li, td, h1, ...) become
paragraphs, <br> a line break, and entities their characters, each mapped back to the file.

`<!-- langcheck: ignore -->` comments are kept: on the same source line as the text before them
they join that text's line; on a line of their own they become a line of their own, so that
`disable-next-line` applies to the block that follows.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from langcheck.sources.document import ReadOptions, Source
from langcheck.sources.markup import DIRECTIVE
from langcheck.sources.text import load_text
from langcheck.sources.units import TextBuilder, TextUnit

if TYPE_CHECKING:
    from langcheck.sources import InputFormat

_SKIPPED = frozenset({"script", "style", "template", "noscript", "code", "kbd", "samp", "svg", "math", "head"})
_BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div"}
    | {"dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5"}
    | {"h6", "header", "hgroup", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section"}
    | {"summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul", "legend", "option"}
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
_SPACE = re.compile(r"\s+")


def read(source: Source, options: ReadOptions, fmt: InputFormat | None = None) -> Iterator[TextUnit]:
    """Yield the visible text of an HTML file as one unit mapped to the file's lines and columns."""
    yield visible_text(load_text(source, options))


def visible_text(src: str) -> TextUnit:
    """Return the checked text of an HTML document."""
    parser = _Parser(src)
    parser.feed(src)
    parser.close()
    return parser.builder.build()


class _Parser(HTMLParser):
    """Collect visible text with its source positions."""

    def __init__(self, src: str) -> None:
        super().__init__(convert_charrefs=False)
        self.src = src
        self.builder = TextBuilder(src)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", src)]
        self._skip: list[str] = []  # open elements whose content is not shown
        self._pre = 0  # depth of <pre>: whitespace is kept
        self._pending = ""  # a break owed before the next text ("\n" or "\n\n")
        self._pending_at = 0
        self._sticky = False  # the pending break follows a directive's own line: keep it a line break
        self._last_line = -1  # the source line of the last text added

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset)

    def _break(self, kind: str) -> None:
        if self.builder.length and len(kind) > len(self._pending) and not self._sticky:
            self._pending = kind
            self._pending_at = self._offset()

    def _flush(self) -> None:
        if self._pending:
            self.builder.put(self._pending, self._pending_at, self._pending_at)
            self._pending = ""
        self._sticky = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._break("\n\n")
        elif tag == "br":
            self._break("\n")
        if tag in _VOID:
            return
        if tag in ("title", "body"):  # the title is shown (in the tab) though it sits in <head>
            self._skip = [t for t in self._skip if t != "head"]
        if tag in _SKIPPED or any(name == "hidden" for name, _ in attrs):
            self._skip.append(tag)
        elif tag == "pre":
            self._pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._break("\n\n")
        elif tag == "br":
            self._break("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._skip:
            while self._skip and self._skip.pop() != tag:
                pass
        elif tag == "pre" and self._pre:
            self._pre -= 1
        if tag in _BLOCKS:
            self._break("\n\n")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        start = self._offset()
        if self.src[start : start + len(data)] != data:  # never expected; map the data as one piece
            self._add_piece(data, start, start)
            return
        if self._pre:
            self._flush()
            self.builder.keep(start, start + len(data))
            self._last_line = self._line_of(start + len(data))
            return
        pos = 0
        for m in _SPACE.finditer(data):
            self._add_words(start + pos, start + m.start())
            if self.builder.length and not self._pending and self.builder.last_char() not in " \n":
                self.builder.put(" ", start + m.start(), start + m.end())
            pos = m.end()
        self._add_words(start + pos, start + len(data))

    def _add_words(self, start: int, end: int) -> None:
        if end > start:
            self._flush()
            self.builder.keep(start, end)
            self._last_line = self._line_of(end - 1)

    def _add_piece(self, text: str, start: int, end: int) -> None:
        if self._skip:
            return
        if text.isspace():
            if self.builder.length and not self._pending and self.builder.last_char() not in " \n":
                self.builder.put(" ", start, end)
            return
        self._flush()
        self.builder.put(text, start, end)
        self._last_line = self._line_of(start)

    def handle_entityref(self, name: str) -> None:
        self._entity("&" + name)

    def handle_charref(self, name: str) -> None:
        self._entity("&#" + name)

    def _entity(self, ref: str) -> None:
        start = self._offset()
        end = start + len(ref)
        if self.src.startswith(";", end):
            end += 1
        char = html.unescape(self.src[start:end])
        self._add_piece(" " if char == "\xa0" else char, start, end)

    def handle_comment(self, data: str) -> None:
        if "langcheck:" not in data.lower():
            return
        start = self._offset() + 4  # after '<!--'
        same_line = self.getpos()[0] == self._last_line
        for m in DIRECTIVE.finditer(self.src, start, start + len(data)):
            text = m.group().rstrip()
            if same_line:
                self.builder.put(" ", m.start(), m.start())
            else:
                self._break("\n\n")
                self._flush()
            self.builder.keep(m.start(), m.start() + len(text))
            if not same_line:
                self._pending, self._pending_at = "\n", m.start() + len(text)
                self._sticky = True
            else:
                self.builder.put(" ", m.start() + len(text), m.start() + len(text))
