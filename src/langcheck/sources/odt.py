"""Read an OpenDocument text (.odt, from LibreOffice or Google Docs): paragraphs, tables, headers.

odfpy opens the package (maintained by the ODF community, pure Python, parses with defusedxml).
Text is read from its element tree: spaces (text:s), tabs and line breaks as written; comments
(office:annotation) are blocks of their own; footnotes, drawings and tracked deletions are left
out. Locations are counted as for .docx.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from langcheck.errors import InputError
from langcheck.models import Location, LocationKind
from langcheck.sources.document import MB, ReadOptions, Source
from langcheck.sources.package import check_package, reason
from langcheck.sources.units import BlockUnit, clean_block

if TYPE_CHECKING:
    from langcheck.sources import InputFormat

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_PARAGRAPHS = frozenset({(_TEXT, "p"), (_TEXT, "h")})
_SKIPPED = frozenset(
    {(_TEXT, "tracked-changes"), (_TEXT, "table-of-content"), (_TEXT, "alphabetical-index")}
    | {(_TEXT, "illustration-index"), (_TEXT, "bibliography"), (_OFFICE, "forms"), (_TEXT, "sequence-decls")}
)
_INLINE_SKIPPED = frozenset({(_TEXT, "note"), (_OFFICE, "annotation"), (_OFFICE, "annotation-end")})
_HEADERS = {"header": "header", "header-left": "left-page header", "header-first": "first-page header"}
_FOOTERS = {"footer": "footer", "footer-left": "left-page footer", "footer-first": "first-page footer"}
_RESAVE = "open it in LibreOffice and save it again as .odt"


@dataclass(slots=True)
class _Counts:
    """Running numbers for one part of the document (mutable while it is read)."""

    paragraph: int = 0
    table: int = 0


def _encrypted(archive: zipfile.ZipFile) -> str | None:
    try:
        info = archive.getinfo("META-INF/manifest.xml")
    except KeyError:
        return None
    if info.file_size > 8 * MB:
        return "has a damaged manifest"
    if b"encryption-data" in archive.read(info):
        return "is password-protected; save a copy without the password and check that"
    return None


_PARTS = ("content.xml", "styles.xml", "meta.xml", "settings.xml")


def _check_parts(handle: Any, name: str) -> None:
    """Raise InputError if an XML part odfpy reads is not well-formed.

    odfpy catches its own parse error, prints the part (the note) and returns a document with
    the text missing; the parts are parsed here first so a damaged one is refused instead.
    Namespaces are off, as odfpy adds declarations a part forgot before it parses.
    """
    from xml.sax import ContentHandler, SAXException

    from defusedxml.sax import parse  # type: ignore[import-untyped]

    with zipfile.ZipFile(handle) as archive:
        present = set(archive.namelist())
        for part in _PARTS:
            if part not in present:
                continue
            try:
                with archive.open(part) as stream:
                    parse(stream, ContentHandler())
            except SAXException as exc:
                where = ""
                if hasattr(exc, "getLineNumber"):
                    where = f" at line {exc.getLineNumber()}"
                problem = f"is damaged: its {part} is not well-formed XML{where}"
                raise InputError(name, problem, _RESAVE) from None


def read(source: Source, options: ReadOptions, fmt: InputFormat | None = None) -> Iterator[BlockUnit]:
    """Yield the document's text as one unit of located blocks."""
    check_package(source, options, what="OpenDocument text", resave=_RESAVE, inspect=_encrypted)
    from odf.opendocument import load

    try:
        with source.open(options) as handle:
            _check_parts(handle, source.name)
            handle.seek(0)
            document = load(handle)
        blocks = list(_blocks(document))
    except InputError:
        raise
    except Exception as exc:  # a damaged file can fail anywhere inside odfpy's parser
        raise InputError(source.name, f"is not a readable OpenDocument text ({reason(exc)})", _RESAVE) from None
    if blocks:
        yield BlockUnit(blocks)


def _blocks(document: Any) -> Iterator[tuple[str, Location]]:
    headers: list[tuple[str, Any]] = []
    footers: list[tuple[str, Any]] = []
    for page in _children(document.masterstyles):
        for element in _children(page):
            name = element.qname
            if name[0] == _STYLE and name[1] in _HEADERS:
                headers.append((_HEADERS[name[1]], element))
            elif name[0] == _STYLE and name[1] in _FOOTERS:
                footers.append((_FOOTERS[name[1]], element))
    comments: list[Any] = []
    for label, element in headers:
        yield from _container(element, _Counts(), label, comments)
    yield from _container(document.text, _Counts(), None, comments)
    for label, element in footers:
        yield from _container(element, _Counts(), label, comments)
    for number, annotation in enumerate(comments, 1):
        texts = [_text(p) for p in _children(annotation) if p.qname in _PARAGRAPHS]
        text = clean_block("\n".join(texts))
        if text:
            yield text, Location(LocationKind.PARAGRAPH, paragraph=number, part="comment")


def _children(element: Any) -> list[Any]:
    return [c for c in getattr(element, "childNodes", ()) if c.nodeType == c.ELEMENT_NODE]


def _container(element: Any, counts: _Counts, part: str | None, comments: list[Any]) -> Iterator[tuple[str, Location]]:
    for child in _children(element):
        name = child.qname
        if name in _PARAGRAPHS:
            comments += _annotations(child)
            text = clean_block(_text(child))
            if text:
                counts.paragraph += 1
                yield text, Location(LocationKind.PARAGRAPH, paragraph=counts.paragraph, part=part)
        elif name == (_TABLE, "table"):
            counts.table += 1
            yield from _table(child, counts.table, part, comments)
        elif name not in _SKIPPED:
            yield from _container(child, counts, part, comments)  # lists, sections, frames' text


def _table(table: Any, number: int, part: str | None, comments: list[Any]) -> Iterator[tuple[str, Location]]:
    row_number = 0
    for row in _rows(table):
        repeat = int(row.getAttrNS(_TABLE, "number-rows-repeated") or 1)
        row_number += 1
        column = 0
        for cell in _children(row):
            if cell.qname[0] != _TABLE or cell.qname[1] not in ("table-cell", "covered-table-cell"):
                continue
            column += 1
            where = Location(LocationKind.TABLE_CELL, table=number, row=row_number, cell=column, part=part)
            for text, _ in _container(cell, _Counts(), part, comments):
                yield text, where
            column += int(cell.getAttrNS(_TABLE, "number-columns-repeated") or 1) - 1
        row_number += repeat - 1


def _rows(element: Any) -> Iterator[Any]:
    for child in _children(element):
        if child.qname == (_TABLE, "table-row"):
            yield child
        elif child.qname[0] == _TABLE and child.qname[1] in ("table-header-rows", "table-rows", "table-row-group"):
            yield from _rows(child)


def _annotations(paragraph: Any) -> list[Any]:
    found = []
    for child in _children(paragraph):
        if child.qname == (_OFFICE, "annotation"):
            found.append(child)
        elif child.qname[0] == _TEXT:
            found += _annotations(child)
    return found


def _text(element: Any) -> str:
    out: list[str] = []
    _collect(element, out)
    return "".join(out)


def _collect(element: Any, out: list[str]) -> None:
    for node in getattr(element, "childNodes", ()):
        if node.nodeType == node.TEXT_NODE:
            out.append(str(node.data))
            continue
        if node.nodeType != node.ELEMENT_NODE:
            continue
        name = node.qname
        if name == (_TEXT, "s"):
            out.append(" " * int(node.getAttrNS(_TEXT, "c") or 1))
        elif name == (_TEXT, "tab"):
            out.append("\t")
        elif name == (_TEXT, "line-break"):
            out.append("\n")
        elif name in _INLINE_SKIPPED or name[0] == _DRAW:
            continue
        else:
            _collect(node, out)
