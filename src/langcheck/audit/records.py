"""Turn what `check` reads into records with metadata: one row of an export, or one file.

Exports (.csv, .tsv, .xlsx) are read a row at a time, as `check` reads them, with the prose
columns chosen the same way (by `--columns`, else every column with sentences in its first
rows); the id, date and group columns are read beside them and never checked as prose. Any
other document is one record, dated by an ISO date in its file name or a `date:` line at its
top. Problems (an unreadable file, a missing column, an empty export) are reported through
`Problems` as one line each and the reading goes on with the next file.
"""

from __future__ import annotations

import csv
import datetime
import io
import itertools
import re
import warnings
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from langcheck.audit.dates import date_in_name, parse_date
from langcheck.errors import InputError, LangcheckError
from langcheck.sources import InputFormat, ReadOptions, Source, read, resolve_format
from langcheck.sources.table import SAMPLE_ROWS, MissingColumnError, choose_columns, column_letter, row_unit
from langcheck.sources.units import BlockChain

TABLES = frozenset({InputFormat.CSV, InputFormat.TSV, InputFormat.XLSX})
NO_GROUP = "(none)"
"""The group of a record whose group column is empty (or of a file, which has none)."""
_HEAD_CHARS = 2000


@dataclass(frozen=True, slots=True)
class RecordSpec:
    """Which columns of an export hold what (names as in its first row, matched ignoring case)."""

    id_column: str | None = None
    date_column: str | None = None
    group_by: str | None = None
    columns: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Record:
    """One case record: its text (the prose that `check` would check) and its metadata.

    `date` is None when there is no date; `date_text` then keeps what the cell held, so that
    an unreadable date can be counted and shown, never dropped.
    """

    where: str
    key: str
    text: str
    date: datetime.date | None = None
    date_text: str = ""
    group: str = NO_GROUP


@dataclass(slots=True)
class Problems:
    """The lines saying what was left out, in the order met; `report` also prints each at once."""

    report: Callable[[str], None] = lambda _line: None
    lines: list[str] = field(default_factory=list)

    def add(self, line: str) -> None:
        """Record one problem and pass it on."""
        self.lines.append(line)
        self.report(line)


def read_records(targets: Iterable[str], spec: RecordSpec, problems: Problems) -> Iterator[Record]:
    """Yield the records of every file in turn; a file that cannot be read is reported and skipped."""
    for path in targets:
        source = Source.from_path(path)
        try:
            fmt = resolve_format(source)
            if fmt in TABLES:
                count = yield from _table_records(source, fmt, spec)
                if count == 0:
                    problems.add(f"{path}: has no records with text to check (it is empty or has only a header row)")
            else:
                yield _file_record(source, fmt, spec)
        except LangcheckError as exc:
            problems.add(f"{exc}; it is left out of the report")
        except Exception as exc:  # a reader's bug must not lose the other files
            problems.add(f"{path}: could not be read ({type(exc).__name__}); it is left out of the report")


def _file_record(source: Source, fmt: InputFormat, spec: RecordSpec) -> Record:
    """Return a whole document as one record, dated by its name or a `date:` line at its top,
    and grouped by a `--group-by NAME:` line there (front matter or a labelled first line)."""
    text = "\n\n".join(unit.text for unit in read(source, fmt, ReadOptions()))
    day = date_in_name(source.name.rsplit("/", 1)[-1])
    group = ""
    if fmt.is_text and (day is None or spec.group_by):
        head = source.read_bytes(ReadOptions())[:_HEAD_CHARS].decode("utf-8", errors="replace")
        if day is None:
            day = parse_date(_head_value(head, "date"))
        if spec.group_by:
            group = _head_value(head, spec.group_by)
    return Record(source.name, source.name, text, day, group=group or NO_GROUP)


def _head_value(head: str, key: str) -> str:
    """Return the value of `key: value` at the top of a document, at the start of a line or after
    another labelled value (`**Date:** 2 April 2026. **Team:** North.`); "" if there is none."""
    label = rf"(?:^|(?<=[.;|]\s))[\W_]*\b{re.escape(key)}[\W_]*:"
    line = re.compile(label + r"[\s*_]*([^*_\n]+?)[\s.]*(?:\*|_|\n|$)", re.I | re.M)
    match = line.search(head)
    return match[1].strip() if match else ""


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where things are in one sheet's rows."""

    prose: list[int]
    names: list[str]
    id_index: int | None
    date_index: int | None
    group_index: int | None


def _layout(header: list[str], sample: list[list[Any]], spec: RecordSpec, where: str, sheet: str = "") -> _Layout:
    names = [h.strip() for h in header]
    lowered = [n.lower() for n in names]

    def find(name: str | None, option: str) -> int | None:
        if not name:
            return None
        if name.strip().lower() in lowered:
            return lowered.index(name.strip().lower())
        shown = ", ".join(n or column_letter(i) for i, n in enumerate(names)) or "none"
        on = f" on sheet {sheet!r}" if sheet else ""
        raise MissingColumnError(
            where,
            f"has no column {name!r} for {option}{on} (its columns are: {shown})",
            "name a column from its first row",
        )

    meta = {
        "id": find(spec.id_column, "--id-column"),
        "date": find(spec.date_column, "--date-column"),
        "group": find(spec.group_by, "--group-by"),
    }
    text_sample = [[v if isinstance(v, str) else "" for v in row] for row in sample]
    prose = choose_columns(header, text_sample, spec.columns, where, sheet=sheet)
    if not spec.columns:  # an id, date or team column is metadata, not prose, unless asked for
        prose = [i for i in prose if i not in meta.values()]
    return _Layout(prose, names, meta["id"], meta["date"], meta["group"])


def _record(
    where: str, number: int, values: list[Any], layout: _Layout, chain: BlockChain, *, sheet: str | None
) -> Record | None:
    texts = [v if isinstance(v, str) else "" for v in values]
    unit = row_unit(chain, number, texts, columns=layout.prose, names=layout.names, sheet=sheet)
    if unit is None and not any(v is not None and str(v).strip() for v in values):
        return None  # a blank row is not a record
    place = f"{where} row {number}" if sheet is None else f"{where} sheet {sheet!r} row {number}"
    key = _cell_text(values, layout.id_index) or place
    raw = values[layout.date_index] if layout.date_index is not None and layout.date_index < len(values) else None
    group = _cell_text(values, layout.group_index) or NO_GROUP
    text = unit.text if unit is not None else ""  # a record with nothing to check: counted, not checked
    return Record(place, key, text, parse_date(raw), _cell_text(values, layout.date_index), group)


def _cell_text(values: list[Any], index: int | None) -> str:
    if index is None or index >= len(values) or values[index] is None:
        return ""
    value = values[index]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        value = value.date()
    return str(value).strip()


def _table_records(source: Source, fmt: InputFormat, spec: RecordSpec) -> Generator[Record, None, int]:
    if fmt is InputFormat.XLSX:
        return (yield from _xlsx_records(source, spec))
    options = ReadOptions()
    with source.open(options) as handle:
        head = handle.read(65536)
    if b"\x00" in head[:8192]:
        raise InputError(source.name, "looks like a binary file, not a CSV export", "export it again as CSV UTF-8")
    delimiter = "\t" if fmt is InputFormat.TSV else _delimiter(head)
    csv.field_size_limit(max(options.max_bytes, 131072))
    with source.open(options) as handle, closing(_csv_rows(handle, delimiter, source.name)) as rows:
        header = next(rows, None)
        sample = list(itertools.islice(rows, SAMPLE_ROWS))
    if header is None:
        return 0
    layout = _layout(header, list(sample), spec, source.name)
    count = 0
    chain = BlockChain()
    with source.open(options) as handle, closing(_csv_rows(handle, delimiter, source.name)) as rows:
        next(rows, None)
        for number, values in enumerate(rows, 2):
            record = _record(source.name, number, list(values), layout, chain, sheet=None)
            if record is not None:
                count += bool(record.text)
                yield record
    return count


def _xlsx_records(source: Source, spec: RecordSpec) -> Generator[Record, None, int]:
    from openpyxl import load_workbook

    options = ReadOptions()
    resave = "open it in Excel and save it again as .xlsx"
    with source.open(options) as handle:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                workbook = load_workbook(handle, read_only=True, data_only=True)
        except Exception as exc:
            raise InputError(source.name, f"is not a readable Excel workbook ({type(exc).__name__})", resave) from None
        count = 0
        try:
            for sheet in workbook.worksheets:
                rows = _sheet_rows(sheet)
                header: list[Any] | None = None
                first = 0
                for number, values in rows:
                    if any(v is not None and str(v).strip() for v in values):
                        header, first = values, number
                        break
                if header is None:
                    continue
                sample = [v for _, v in itertools.islice(_sheet_rows(sheet, first + 1), SAMPLE_ROWS)]
                names = ["" if h is None else str(h) for h in header]
                layout = _layout(names, sample, spec, source.name, sheet=sheet.title)
                chain = BlockChain()
                for number, values in rows:
                    record = _record(source.name, number, values, layout, chain, sheet=sheet.title)
                    if record is not None:
                        count += bool(record.text)
                        yield record
        except LangcheckError:
            raise
        except Exception as exc:
            raise InputError(source.name, f"is not a readable Excel workbook ({type(exc).__name__})", resave) from None
        finally:
            workbook.close()
    return count


def _sheet_rows(sheet: Any, start: int = 1) -> Iterator[tuple[int, list[Any]]]:
    rows = enumerate(sheet.iter_rows(min_row=start, values_only=True), start)
    while True:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            batch = list(itertools.islice(rows, 256))
        if not batch:
            return
        for number, values in batch:
            yield number, list(values)


def _delimiter(head: bytes) -> str:
    first = head.split(b"\n", 1)[0].decode("utf-8", errors="replace")
    counts = {d: first.count(d) for d in ",;\t|"}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_rows(handle: BinaryIO, delimiter: str, where: str) -> Generator[list[str], None, None]:
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


def discover_targets(paths: Iterable[str], excluded: Callable[[Path], bool], problems: Problems) -> list[str]:
    """Return the files to read for `paths` (folders searched as `check` searches them)."""
    from langcheck.discovery import discover

    found = discover(paths, excluded=excluded)
    targets: list[str] = []
    for target in found.targets:
        if target.problem is not None:
            problems.add(f"{target.path}: {target.problem}; it is left out of the report")
        elif target.path == "-":
            problems.add("-: standard input cannot be read by report; save the export to a file and name it")
        else:
            targets.append(target.path)
    return targets
