"""Read an Excel workbook (.xlsx) a row at a time, every sheet, the prose columns (see table.py).

openpyxl in read-only mode streams each sheet's XML rather than building the whole workbook,
so a large export stays small in memory; cached formula results are read, formulas are not.
Each sheet's first row that holds anything names its columns. Only text cells are checked:
numbers and dates are not prose.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from langcheck.errors import InputError
from langcheck.sources.document import ReadOptions, Source
from langcheck.sources.package import check_package, reason
from langcheck.sources.table import SAMPLE_ROWS, MissingColumnError, choose_columns, row_unit
from langcheck.sources.units import BlockChain, BlockUnit

if TYPE_CHECKING:
    from langcheck.sources import InputFormat

_RESAVE = "open it in Excel and save it again as .xlsx"


def read(source: Source, options: ReadOptions, fmt: InputFormat | None = None) -> Iterator[BlockUnit]:
    """Yield one unit per row that has text in a chosen column, sheet by sheet."""
    check_package(source, options, what="Excel workbook", resave=_RESAVE)
    from openpyxl import load_workbook

    with source.open(options) as handle:
        try:
            workbook = _quiet(lambda: load_workbook(handle, read_only=True, data_only=True))
        except Exception as exc:  # a damaged file can fail anywhere inside openpyxl
            raise InputError(source.name, f"is not a readable Excel workbook ({reason(exc)})", _RESAVE) from None
        try:
            yield from _sheets(workbook, options, source.name)
        except InputError:
            raise
        except Exception as exc:  # damage found while streaming a sheet
            raise InputError(source.name, f"is not a readable Excel workbook ({reason(exc)})", _RESAVE) from None
        finally:
            workbook.close()


def _sheets(workbook: Any, options: ReadOptions, where: str) -> Iterator[BlockUnit]:
    chain = BlockChain()
    matched = False
    missing: MissingColumnError | None = None
    for sheet in workbook.worksheets:
        try:
            layout = _layout(sheet, options, where)
        except MissingColumnError as exc:
            missing = missing or exc  # a named column may be on another sheet
            continue
        matched = True
        if layout is None:
            continue
        first, columns, names = layout
        for number, values in _quiet_rows(sheet, first + 1):
            unit = row_unit(chain, number, values, columns=columns, names=names, sheet=sheet.title)
            if unit is not None:
                yield unit
    if missing is not None and not matched:
        raise missing


def _layout(sheet: Any, options: ReadOptions, where: str) -> tuple[int, list[int], list[str]] | None:
    """Return the header row's number, the columns to check and their names (None: an empty sheet)."""
    header: list[str] | None = None
    first = 0
    for number, values in _quiet_rows(sheet):
        if any(v.strip() for v in values):
            header, first = values, number
            break
    if header is None:
        return None
    sample = [values for _, values in itertools.islice(_quiet_rows(sheet, first + 1), SAMPLE_ROWS)]
    columns = choose_columns(header, sample, options.columns, where, sheet=sheet.title)
    return first, columns, [h.strip() for h in header]


def _quiet_rows(sheet: Any, start: int = 1) -> Iterator[tuple[int, list[str]]]:
    """Yield (row number, text of each cell) from `start`, parsing in batches with warnings off.

    openpyxl warns about workbook features it ignores (styles, data validation); those say
    nothing about the text. The warnings filter is changed only while openpyxl parses, never
    while the caller checks a row.
    """
    rows = enumerate(sheet.iter_rows(min_row=start, values_only=True), start)
    while True:
        batch = _quiet(lambda: list(itertools.islice(rows, 256)))
        if not batch:
            return
        for number, values in batch:
            yield number, [v if isinstance(v, str) else "" for v in values]


def _quiet(work: Any) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return work()
