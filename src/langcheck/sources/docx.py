"""Read a Word document (.docx): body paragraphs and tables in order, headers, footers, comments.

python-docx opens the package (it is maintained, pure Python over lxml, and parses with entity
resolution off); the text of each paragraph is then read from its XML directly, because
python-docx's `Paragraph.text` leaves out tracked insertions and content controls. Deleted text
is left out. Each paragraph that holds text is a block; its Location counts such paragraphs
from the top of the body ("paragraph 12"), or names the table, row and cell, or the header,
footer, footnote, endnote or comment it is in. A text box is read after the paragraph it is
anchored to, as blocks of its own ("text box 1, paragraph 2"), so its words never run into the
paragraph's sentence.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from langcheck.errors import InputError
from langcheck.models import Location, LocationKind
from langcheck.sources.document import ReadOptions, Source
from langcheck.sources.package import check_package, reason
from langcheck.sources.units import BlockUnit, clean_block

if TYPE_CHECKING:
    from langcheck.sources import InputFormat

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_SKIP = frozenset(
    {_W + "del", _W + "moveFrom", _W + "txbxContent", _W + "instrText", _W + "delInstrText", _MC + "Fallback"}
    | {_W + "rPr", _W + "pPr", _W + "footnoteReference", _W + "endnoteReference", _W + "commentReference"}
)
_CONTAINERS = frozenset({_W + "sdt", _W + "sdtContent", _W + "customXml", _W + "ins", _W + "moveTo"})
_RESAVE = "open it in Word and save it again as .docx"
_PART_NAMES = {"default": "", "first": "first-page ", "even": "even-page "}


@dataclass(slots=True)
class _Counts:
    """Running numbers for one part of the document (mutable while it is read)."""

    paragraph: int = 0
    table: int = 0
    text_box: int = 0


def read(source: Source, options: ReadOptions, fmt: InputFormat | None = None) -> Iterator[BlockUnit]:
    """Yield the document's text as one unit of located blocks."""
    check_package(source, options, what="Word document", resave=_RESAVE)
    import docx

    try:
        with source.open(options) as handle:
            document = docx.Document(handle)
        blocks = list(_blocks(document))
    except InputError:
        raise
    except Exception as exc:  # a damaged file can fail anywhere inside python-docx or lxml
        raise InputError(source.name, f"is not a readable Word document ({reason(exc)})", _RESAVE) from None
    if blocks:
        yield BlockUnit(blocks)


def _blocks(document: Any) -> Iterator[tuple[str, Location]]:
    """Yield (text, location) for the headers, then the body, then footers and comments."""
    headers, footers = _headers_and_footers(document)
    for label, element in headers:
        yield from _container(element, _Counts(), label)
    yield from _container(document.element.body, _Counts(), None)
    for label, element in footers:
        yield from _container(element, _Counts(), label)
    for kind in ("footnote", "endnote"):
        try:
            notes = list(_notes(document, kind))
        except Exception:  # a notes part that cannot be parsed: the body still counts, as for comments
            notes = []
        yield from notes
    try:
        comments = list(document.comments)
    except Exception:  # no comments part, or one python-docx cannot read: the body still counts
        comments = []
    for number, comment in enumerate(comments, 1):
        text = clean_block("\n".join(_paragraph_text(p._p) for p in comment.paragraphs))
        if text:
            yield text, Location(LocationKind.PARAGRAPH, paragraph=number, part="comment")


def _notes(document: Any, kind: str) -> Iterator[tuple[str, Location]]:
    """Yield each footnote or endnote that holds text, numbered in order ("footnote 2")."""
    from docx.oxml import parse_xml  # python-docx's parser: entities are not resolved

    part = next((p for p in document.part.package.iter_parts() if str(p.partname) == f"/word/{kind}s.xml"), None)
    if part is None:
        return
    number = 0
    for note in parse_xml(part.blob).iterchildren(_W + kind):
        if note.get(_W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        number += 1
        text = clean_block("\n".join(_paragraph_text(p) for p in note.iter(_W + "p")))
        if text:
            yield text, Location(LocationKind.PARAGRAPH, paragraph=number, part=kind)


def _headers_and_footers(document: Any) -> tuple[list[tuple[str, Any]], list[tuple[str, Any]]]:
    """Return each distinct header and footer part's (label, root element), in section order."""
    seen: set[str] = set()
    out: dict[str, list[tuple[str, Any]]] = {"header": [], "footer": []}
    for number, section in enumerate(document.sections, 1):
        for kind in ("header", "footer"):
            for ref in section._sectPr.iterchildren(_W + kind + "Reference"):
                part = document.part.related_parts.get(ref.get(_R_ID))
                if part is None or str(part.partname) in seen:
                    continue
                seen.add(str(part.partname))
                label = _PART_NAMES.get(ref.get(_W + "type") or "default", "") + kind
                out[kind].append((label if number == 1 else f"{label} (section {number})", part.element))
    return out["header"], out["footer"]


def _container(element: Any, counts: _Counts, part: str | None) -> Iterator[tuple[str, Location]]:
    """Yield the blocks of a body, header, footer or content control, in document order."""
    for child in element.iterchildren():
        tag = child.tag
        if tag == _W + "p":
            text = clean_block(_paragraph_text(child))
            if text:
                counts.paragraph += 1
                yield text, Location(LocationKind.PARAGRAPH, paragraph=counts.paragraph, part=part)
            for box in _text_boxes(child):
                counts.text_box += 1
                label = f"text box {counts.text_box}" if part is None else f"{part} text box {counts.text_box}"
                yield from _container(box, _Counts(), label)
        elif tag == _W + "tbl":
            counts.table += 1
            yield from _table(child, counts.table, part)
        elif tag in _CONTAINERS:
            yield from _container(child, counts, part)


def _text_boxes(paragraph: Any) -> Iterator[Any]:
    """Yield the content of each text box anchored in a paragraph, once each.

    Word writes a modern text box twice, as a drawing (mc:Choice) and as a VML fallback
    (mc:Fallback) for old readers; the fallback copy is skipped. A text box inside another is
    reached through its outer box, not here.
    """
    for box in paragraph.iter(_W + "txbxContent"):
        ancestor = box.getparent()
        while ancestor is not None and ancestor is not paragraph:
            if ancestor.tag in (_MC + "Fallback", _W + "txbxContent"):
                break
            ancestor = ancestor.getparent()
        else:
            yield box


def _table(table: Any, number: int, part: str | None) -> Iterator[tuple[str, Location]]:
    for r, row in enumerate(table.iterchildren(_W + "tr"), 1):
        for c, cell in enumerate(row.iterchildren(_W + "tc"), 1):
            where = Location(LocationKind.TABLE_CELL, table=number, row=r, cell=c, part=part)
            yield from ((text, where) for text in _cell_texts(cell))


def _cell_texts(element: Any) -> Iterator[str]:
    """Yield the text of each paragraph in a cell, nested tables' cells included."""
    for child in element.iterchildren():
        tag = child.tag
        if tag == _W + "p":
            text = clean_block(_paragraph_text(child))
            if text:
                yield text
        elif tag in (_W + "tbl", _W + "tr", _W + "tc") or tag in _CONTAINERS:
            yield from _cell_texts(child)


def _paragraph_text(paragraph: Any) -> str:
    out: list[str] = []
    _collect(paragraph, out)
    return "".join(out)


def _collect(element: Any, out: list[str]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if tag == _W + "t":
            out.append(child.text or "")
        elif tag == _W + "tab":
            out.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            out.append("\n")
        elif tag == _W + "noBreakHyphen":
            out.append("-")
        elif tag == _W + "p":
            continue  # a paragraph inside a paragraph is in a text box: left out
        elif tag not in _SKIP and isinstance(tag, str):
            _collect(child, out)
