"""Readers that turn a document into the plain text the engine checks, with a map back to its places.

One module per format, chosen by the file's suffix (or `--input-format`) through the table
below. Each reader is imported only when a document of its format is read, and imports its
parsing library only then, so checking a .txt never loads python-docx, pypdf or openpyxl.
"""

from __future__ import annotations

import enum
import importlib
from collections.abc import Iterator
from pathlib import PurePath

from langcheck.errors import InputError
from langcheck.sources.document import ReadOptions, Source
from langcheck.sources.quiet import quietly
from langcheck.sources.units import Unit

__all__ = [
    "SUFFIXES",
    "UNREADABLE",
    "InputFormat",
    "ReadOptions",
    "Source",
    "Unit",
    "format_for",
    "read",
    "resolve_format",
]


class InputFormat(enum.Enum):
    """Every format langcheck reads; the value is what `--input-format` takes."""

    TEXT = "text"
    MARKDOWN = "md"
    RST = "rst"
    HTML = "html"
    DOCX = "docx"
    ODT = "odt"
    PDF = "pdf"
    CSV = "csv"
    TSV = "tsv"
    XLSX = "xlsx"

    @property
    def is_text(self) -> bool:
        """Return True for formats whose findings point at lines and columns of the file itself."""
        return self in _TEXT_FORMATS

    @property
    def module(self) -> str:
        """Return the name of the reader module."""
        return "langcheck.sources." + _MODULES[self]


_TEXT_FORMATS = frozenset({InputFormat.TEXT, InputFormat.MARKDOWN, InputFormat.RST, InputFormat.HTML})
_MODULES = {
    InputFormat.TEXT: "text",
    InputFormat.MARKDOWN: "markdown",
    InputFormat.RST: "rst",
    InputFormat.HTML: "html",
    InputFormat.DOCX: "docx",
    InputFormat.ODT: "odt",
    InputFormat.PDF: "pdf",
    InputFormat.CSV: "table",
    InputFormat.TSV: "table",
    InputFormat.XLSX: "xlsx",
}

_WHAT = {
    InputFormat.TEXT: "text",
    InputFormat.MARKDOWN: "Markdown",
    InputFormat.RST: "reStructuredText",
    InputFormat.HTML: "HTML",
    InputFormat.DOCX: "Word document",
    InputFormat.ODT: "OpenDocument text",
    InputFormat.PDF: "PDF",
    InputFormat.CSV: "CSV",
    InputFormat.TSV: "TSV",
    InputFormat.XLSX: "Excel workbook",
}

SUFFIXES: dict[str, InputFormat] = {
    ".txt": InputFormat.TEXT,
    ".text": InputFormat.TEXT,
    ".md": InputFormat.MARKDOWN,
    ".markdown": InputFormat.MARKDOWN,
    ".rst": InputFormat.RST,
    ".html": InputFormat.HTML,
    ".htm": InputFormat.HTML,
    ".xhtml": InputFormat.HTML,
    ".docx": InputFormat.DOCX,
    ".docm": InputFormat.DOCX,
    ".odt": InputFormat.ODT,
    ".pdf": InputFormat.PDF,
    ".csv": InputFormat.CSV,
    ".tsv": InputFormat.TSV,
    ".tab": InputFormat.TSV,
    ".xlsx": InputFormat.XLSX,
    ".xlsm": InputFormat.XLSX,
}
"""Suffixes that a folder search picks up, and the reader for each."""

UNREADABLE: dict[str, str] = {
    ".doc": "open it in Word and save it as .docx",
    ".xls": "open it in Excel and save it as .xlsx or CSV UTF-8",
    ".rtf": "open it in Word and save it as .docx",
    ".ppt": "save it as PDF",
    ".pptx": "save it as PDF",
    ".odp": "save it as PDF",
    ".ods": "save it as .xlsx or CSV UTF-8",
    ".pages": "export it as .docx or PDF",
    ".msg": "save the message as .txt or PDF",
    ".eml": "save the message as .txt or PDF",
}
"""Document formats langcheck does not read, and what a user can do instead."""


def format_for(name: str | PurePath) -> InputFormat | None:
    """Return the format a file's suffix names, or None if langcheck does not read it."""
    return SUFFIXES.get(PurePath(name).suffix.lower())


def resolve_format(source: Source, override: InputFormat | str | None = None) -> InputFormat:
    """Return the format to read a source as: the override, else its suffix, else plain text.

    A file of a kind langcheck cannot read (.doc, .xls) is refused with what to do instead;
    any other unknown suffix is read as plain text, as it always was.
    """
    if override is not None:
        return override if isinstance(override, InputFormat) else InputFormat(override)
    known = format_for(source.name) if source.path is not None else None
    if known is not None:
        return known
    advice = UNREADABLE.get(source.suffix)
    if advice is not None:
        raise InputError(source.name, f"is a {source.suffix} file, which langcheck cannot read", advice)
    return InputFormat.TEXT


def read(source: Source, fmt: InputFormat, options: ReadOptions | None = None) -> Iterator[Unit]:
    """Yield the units of a document; raise InputError (one line) if it cannot be read.

    Units are yielded as they are read: a spreadsheet of a hundred thousand rows is checked a
    row at a time and never held in memory whole.
    """
    module = importlib.import_module(fmt.module)
    units: Iterator[Unit] = module.read(source, options or ReadOptions(), fmt)
    return quietly(units, source.name, _WHAT[fmt])
