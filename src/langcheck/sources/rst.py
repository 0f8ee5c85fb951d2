"""Read reStructuredText as its prose: literal blocks, code, comments and URLs are left out.

Left out: literal blocks (after `::`), code and other non-prose directives with their bodies,
directive options, comments (except `.. langcheck: ...` suppressions), hyperlink targets,
section adornment lines, inline literals, URLs and the markup around words. Admonitions such
as `.. note::` are prose and are checked. Line breaks are kept one for one (see markup.py).
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

_CODE_DIRECTIVES = frozenset(
    {"code", "code-block", "sourcecode", "literalinclude", "include", "raw", "math", "highlight", "image"}
    | {"figure", "csv-table", "list-table", "toctree", "graphviz", "only", "automodule", "autoclass"}
)
_EXPLICIT = re.compile(r"(?P<indent>[ \t]*)\.\.(?:[ \t]+|$)")
_DIRECTIVE = re.compile(r"(?:\|[^|]+\|[ \t]+)?(?P<name>[\w:+-]+)::(?:[ \t]|$)")
_ADORNMENT = re.compile(r"""([=\-`:'"~^_*+#<>.])\1{2,}[ \t]*""")
_OPTION = re.compile(r"[ \t]+:[\w -]+:(?:[ \t]|$)")
_INLINE = re.compile(
    rf"""
    (?P<literal>``.+?``)
    | (?P<role>:[\w.+-]+:(?=`))
    | (?P<reference>`[^`\n]*?\s<[^<>`\n]*>`__?)
    | (?P<backtick>`_?(?=[^`\s])|(?<=[^`\s])`(?:__?)?)
    | (?P<url>{URL})
    | (?P<entity>{ENTITY})
    | (?P<emphasis>{EMPHASIS})
    | (?P<target>(?<=\w)__?(?!\w))
    | (?P<escape>\\(?=\S))
    """,
    re.VERBOSE,
)
_SKIPPED_ROLES = re.compile(r":(?:code|math|literal|file|samp|kbd|command|program|envvar):$")


def read(source: Source, options: ReadOptions, fmt: InputFormat | None = None) -> Iterator[TextUnit]:
    """Yield the prose of an .rst file as one unit mapped to the file's lines and columns."""
    yield prose(load_text(source, options))


def prose(src: str) -> TextUnit:
    """Return the checked text of a reStructuredText document."""
    b = TextBuilder(src)
    skip_deeper: int | None = None  # skip the lines indented more than this (a block's body)
    literal_after: int | None = None  # a paragraph at this indent ended with '::'
    options_deeper: int | None = None  # a directive's option lines (:class: x) follow
    for start, end, stop in lines(src):
        line = src[start:end]
        blank = not line.strip()
        indent = len(line) - len(line.lstrip())
        if skip_deeper is not None and (blank or indent > skip_deeper):
            if not blank and "langcheck:" in line.lower():
                keep_directives(b, start, end)
            b.keep(end, stop)
            continue
        skip_deeper = None
        if blank:
            options_deeper = None
            b.keep(end, stop)
            continue
        if literal_after is not None:
            if indent > literal_after:
                skip_deeper = literal_after
                literal_after = None
                b.keep(end, stop)
                continue
            literal_after = None
        if options_deeper is not None and indent > options_deeper and _OPTION.match(line):
            b.keep(end, stop)
            continue
        options_deeper = None
        explicit = _EXPLICIT.match(line)
        if explicit:
            skip_deeper, options_deeper = _explicit(b, start, end, explicit)
        elif not _ADORNMENT.fullmatch(line):
            body = line.rstrip()
            body_end = start + len(body)
            if body.endswith("::"):
                literal_after = indent
                # 'Text::' shows as 'Text:'; 'Text ::' and a lone '::' show nothing of the colons
                body_end -= 2 if body == "::" or body.endswith(" ::") else 1
            _inline(b, start + indent, body_end)
        b.keep(end, stop)
    return b.build()


def _explicit(b: TextBuilder, start: int, end: int, m: re.Match[str]) -> tuple[int | None, int | None]:
    """Handle a line starting with '..'.

    Return the indent whose deeper lines are skipped (a code block, a comment), if any, and the
    indent whose deeper option lines are skipped (after a prose directive such as a note).
    """
    src = b.source
    indent = len(m.group("indent"))
    rest = start + m.end()
    directive = _DIRECTIVE.match(src, rest, end)
    if directive:
        name = directive.group("name").lower()
        if name in _CODE_DIRECTIVES:
            return indent, None
        _inline(b, directive.end(), end)  # an admonition's first line is prose
        return None, indent
    text = src[rest:end]
    if text.startswith("["):  # footnote or citation: its text is prose
        close = src.find("]", rest, end)
        _inline(b, (close + 1) if close >= 0 else rest, end)
        return None, None
    if text.startswith(("_", "|")):  # hyperlink target or substitution definition
        return indent, None
    keep_directives(b, rest, end)  # a comment: only suppressions survive
    return indent, None


def _inline(b: TextBuilder, start: int, end: int) -> None:
    """Copy the prose of src[start:end], leaving out inline markup."""
    src = b.source
    pos = start
    while pos < end:
        m = _INLINE.search(src, pos, end)
        if m is None:
            b.keep(pos, end)
            return
        b.keep(pos, m.start())
        kind = m.lastgroup
        pos = m.end()
        if kind == "role":
            if _SKIPPED_ROLES.match(m.group()):
                close = src.find("`", m.end() + 1, end)
                pos = end if close < 0 else close + 1
        elif kind == "reference":
            text = m.group()
            label_end = m.start() + text.rfind("<")
            b.keep(m.start() + 1, label_end - 1 if src[label_end - 1] == " " else label_end)
        elif kind == "entity":
            put_entity(b, m.start(), m.end())
        elif kind == "escape":
            b.keep(m.end(), m.end() + 1)
            pos = m.end() + 1
