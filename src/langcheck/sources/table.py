"""Read a CSV or TSV export a row at a time, checking the columns that hold prose.

Exports from case-management systems put many records in one file, each about a different
person, so each row is checked as a note of its own: an age in one row does not make the next
row about a child. Rows are streamed, so a large export never sits in memory whole.

The first row names the columns. `--columns note,summary` chooses them by name; by default,
every column in which some value of the first rows has three or more words is prose (ids,
dates, codes and short labels are not). Locations are spreadsheet rows, the header being row 1.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Generator, Iterable, Iterator
from contextlib import closing
from typing import TYPE_CHECKING, BinaryIO

from langcheck.errors import InputError
from langcheck.models import Location, LocationKind
from langcheck.sources.document import ReadOptions, Source
from langcheck.sources.text import NotTextError
from langcheck.sources.units import BlockChain, BlockUnit, clean_block

if TYPE_CHECKING:
    from langcheck.sources import InputFormat

SAMPLE_ROWS = 1000
"""Rows looked at to decide which columns hold prose."""
_WORD = re.compile(r"[^\W\d_]{2,}")
_DELIMITERS = ",;\t|"


class MissingColumnError(InputError):
    """A column named with --columns is not in the file (or sheet)."""


def is_prose(value: str) -> bool:
    """Return True for a value with three or more words (a sentence, not an id, date or code)."""
    return len(_WORD.findall(value, 0, 2000)) >= 3


def column_letter(index: int) -> str:
    """Return the spreadsheet letter of a 0-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def choose_columns(
    header: list[str], sample: Iterable[list[str]], wanted: tuple[str, ...], where: str, sheet: str = ""
) -> list[int]:
    """Return the indexes of the columns to check: those named in `wanted`, or the prose ones."""
    if wanted:
        names = [h.strip().lower() for h in header]
        chosen: list[int] = []
        for name in wanted:
            hits = [i for i, h in enumerate(names) if h == name.strip().lower()]
            if not hits:
                shown = ", ".join(h.strip() or column_letter(i) for i, h in enumerate(header)) or "none"
                on = f" on sheet {sheet!r}" if sheet else ""
                raise MissingColumnError(
                    where, f"has no column {name!r}{on} (its columns are: {shown})", "name columns from its first row"
                )
            chosen += [i for i in hits if i not in chosen]
        return sorted(chosen)
    prose: set[int] = set()
    for row in sample:
        prose.update(i for i, value in enumerate(row) if i not in prose and value and is_prose(value))
    return sorted(prose)


def row_unit(
    chain: BlockChain,
    row_number: int,
    values: list[str],
    *,
    columns: list[int],
    names: list[str],
    sheet: str | None = None,
) -> BlockUnit | None:
    """Return the unit for one row's chosen cells (None if they are all empty)."""
    blocks = []
    for i in columns:
        if i < len(values) and values[i]:
            text = clean_block(values[i])
            if text:
                name = names[i] if i < len(names) and names[i] else column_letter(i)
                where = Location(
                    LocationKind.ROW, row=row_number, column_name=name, column_letter=column_letter(i), sheet=sheet
                )
                blocks.append((text, where))
    return chain.unit(blocks) if blocks else None


def read(source: Source, options: ReadOptions, fmt: InputFormat | None = None) -> Iterator[BlockUnit]:
    """Yield one unit per row that has text in a chosen column."""
    from langcheck.sources import InputFormat

    with source.open(options) as handle:
        head = handle.read(65536)
    if b"\x00" in head[:8192]:
        raise NotTextError(source.name, "looks like a binary file, not text", "check a CSV file saved as text")
    delimiter = "\t" if fmt is InputFormat.TSV else csv_delimiter(head)
    csv.field_size_limit(max(options.max_bytes, 131072))  # a long note in one cell is still a note
    with source.open(options) as handle, closing(csv_rows(handle, delimiter, source.name)) as rows:
        header = next(rows, None)
        sample = [row for _, row in zip(range(SAMPLE_ROWS), rows, strict=False)]
    if header is None:
        return
    columns = choose_columns(header, sample, options.columns, source.name)
    if not columns:
        return
    names = [h.strip() for h in header]
    chain = BlockChain()
    with source.open(options) as handle, closing(csv_rows(handle, delimiter, source.name)) as rows:
        next(rows, None)
        for number, values in enumerate(rows, 2):
            unit = row_unit(chain, number, values, columns=columns, names=names)
            if unit is not None:
                yield unit


def csv_delimiter(head: bytes) -> str:
    """Return the delimiter of a .csv: the commonest of , ; tab | in its first line (Excel in
    much of Europe writes ';')."""
    first = head.split(b"\n", 1)[0].decode("utf-8", errors="replace")
    counts = {d: first.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def csv_rows(handle: BinaryIO, delimiter: str, where: str) -> Generator[list[str], None, None]:
    # newline="" lets the csv module see the line breaks inside quoted cells, as it requires
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", errors="strict", newline="")
    reader = csv.reader(text, delimiter=delimiter)
    try:
        yield from reader
    except UnicodeDecodeError as exc:
        raise InputError(
            where,
            f"is not UTF-8 text (byte 0x{exc.object[exc.start]:02x} near line {reader.line_num + 1})",
            "export it again as CSV UTF-8 (in Excel: Save As, CSV UTF-8)",
        ) from None
    except csv.Error as exc:
        raise InputError(
            where, f"is not a readable CSV file (line {reader.line_num}: {exc})", "export it again as CSV UTF-8"
        ) from None
    finally:
        text.detach()
