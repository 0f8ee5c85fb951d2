"""Every figure of the audit report, from counts that are plain sums over records.

The report is built in two steps. `Counts` holds additive totals: for each (group, month)
cell, how many records, how many with at least one finding, words and findings (also per
category), and totals per rule and per phrase. Adding records in any order, on any number of
machines, gives the same Counts, so a cluster (issue 13) can compute them with group-by sums
and hand them to `summarise`. `summarise` then derives every figure (shares with Wilson
intervals, rates per 1,000 words, the change between two periods with Newcombe's interval);
it is pure, so a figure in the HTML, the JSON and the CSV is always the same number.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from langcheck.audit.dates import month_of, parse_month
from langcheck.audit.stats import Interval, newcombe, wilson

UNDATED = "undated"
"""The month label of records whose date is missing or unreadable."""
TOP_PHRASES = 25
"""Phrases listed in the report (all are counted)."""
_MAX_DATE_SAMPLES = 5
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Hit:
    """What the report keeps of one finding (not the finding: no note text beyond the phrase)."""

    rule_id: str
    name: str
    category: str
    severity: int
    start: int
    end: int
    phrase: str
    suggestion: str


@dataclass(frozen=True, slots=True)
class Period:
    """An inclusive range of months, written `2026-01:2026-06`."""

    first: str
    last: str

    @classmethod
    def parse(cls, text: str) -> Period:
        """Return the period `text` names; raise ValueError with what is wrong."""
        start, sep, end = text.partition(":")
        first, last = parse_month(start), parse_month(end if sep else start)
        if first is None or last is None or first > last:
            raise ValueError(f"{text!r} is not a period; write two months as FIRST:LAST, e.g. 2026-01:2026-06")
        return cls(first, last)

    @property
    def label(self) -> str:
        """Return the period as written on the command line."""
        return self.first if self.first == self.last else f"{self.first}:{self.last}"

    def holds(self, month: str) -> bool:
        """Return True if `month` (YYYY-MM) is inside the period."""
        return self.first <= month <= self.last


@dataclass(frozen=True, slots=True)
class CategoryCount:
    """Findings of one category in a cell, and the records with at least one of them."""

    category: str
    findings: int
    records: int


@dataclass(frozen=True, slots=True)
class Cell:
    """The additive totals of one group in one month (`UNDATED` for records without a date)."""

    group: str
    month: str
    records: int
    flagged: int
    words: int
    findings: int
    categories: tuple[CategoryCount, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleCount:
    """How often one rule fired, and in how many records."""

    rule_id: str
    name: str
    category: str
    findings: int
    records: int


@dataclass(frozen=True, slots=True)
class PhraseCount:
    """How often one phrase (lower-cased as flagged) was found, under which rule."""

    phrase: str
    rule_id: str
    category: str
    findings: int


@dataclass(frozen=True, slots=True)
class DateCounts:
    """What happened to the dates: records with none, records whose date could not be read."""

    column: str | None = None
    missing: int = 0
    unreadable: int = 0
    samples: tuple[str, ...] = ()
    outside: int = 0
    no_text: int = 0
    """Rows with values but no text in the checked columns: not checked, not in any figure."""


@dataclass(frozen=True, slots=True)
class Counts:
    """The additive base of the report; see the module docstring."""

    cells: tuple[Cell, ...]
    rules: tuple[RuleCount, ...]
    phrases: tuple[PhraseCount, ...]
    dates: DateCounts = field(default_factory=DateCounts)

    def to_dict(self) -> dict[str, Any]:
        """Return the counts as JSON-ready values (the `counts` member of the JSON)."""
        return {
            "cells": [
                {
                    "group": c.group,
                    "month": c.month,
                    "records": c.records,
                    "records_with_findings": c.flagged,
                    "words": c.words,
                    "findings": c.findings,
                    "categories": [
                        {"category": k.category, "findings": k.findings, "records": k.records} for k in c.categories
                    ],
                }
                for c in self.cells
            ],
            "rules": [
                {
                    "rule": r.rule_id,
                    "name": r.name,
                    "category": r.category,
                    "findings": r.findings,
                    "records": r.records,
                }
                for r in self.rules
            ],
            "phrases": [
                {"phrase": p.phrase, "rule": p.rule_id, "category": p.category, "findings": p.findings}
                for p in self.phrases
            ],
            "dates": {
                "column": self.dates.column,
                "missing": self.dates.missing,
                "unreadable": self.dates.unreadable,
                "unreadable_examples": list(self.dates.samples),
                "outside_period": self.dates.outside,
                "without_text": self.dates.no_text,
            },
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Counts:
        """Return counts from `to_dict`'s form (as another engine may write them)."""
        dates = data.get("dates") or {}
        return cls(
            cells=tuple(
                Cell(
                    str(c["group"]),
                    str(c["month"]),
                    int(c["records"]),
                    int(c["records_with_findings"]),
                    int(c["words"]),
                    int(c["findings"]),
                    tuple(
                        CategoryCount(str(k["category"]), int(k["findings"]), int(k["records"]))
                        for k in c.get("categories", ())
                    ),
                )
                for c in data["cells"]
            ),
            rules=tuple(
                RuleCount(str(r["rule"]), str(r["name"]), str(r["category"]), int(r["findings"]), int(r["records"]))
                for r in data.get("rules", ())
            ),
            phrases=tuple(
                PhraseCount(str(p["phrase"]), str(p["rule"]), str(p["category"]), int(p["findings"]))
                for p in data.get("phrases", ())
            ),
            dates=DateCounts(
                dates.get("column"),
                int(dates.get("missing", 0)),
                int(dates.get("unreadable", 0)),
                tuple(dates.get("unreadable_examples", ())),
                int(dates.get("outside_period", 0)),
                int(dates.get("without_text", 0)),
            ),
        )


class Tally:
    """Add records one at a time into Counts; holds counters only, never the records."""

    def __init__(
        self,
        *,
        date_column: str | None = None,
        since: str | None = None,
        until: str | None = None,
        redact_phrase: Callable[[str], str] | None = None,
    ) -> None:
        self.date_column = date_column
        self.redact_phrase = redact_phrase
        self.since, self.until = since, until
        self._cells: dict[tuple[str, str], list[int]] = {}
        self._cell_categories: dict[tuple[str, str], Counter[tuple[str, str]]] = {}
        self._rules: dict[str, tuple[str, str]] = {}
        self._rule_counts: Counter[tuple[str, str]] = Counter()
        self._phrases: Counter[tuple[str, str, str]] = Counter()
        self._missing = self._unreadable = self._outside = self._no_text = 0
        self._samples: list[str] = []

    def month_for(self, date: datetime.date | None, date_text: str, where: str) -> str:
        """Return the record's month, counting a missing or unreadable date."""
        if date is not None:
            return month_of(date)
        if date_text:
            self._unreadable += 1
            if len(self._samples) < _MAX_DATE_SAMPLES:
                self._samples.append(f"{where}: {date_text[:40]!r}")
        elif self.date_column is not None:
            self._missing += 1
        return UNDATED

    def phrase_key(self, phrase: str) -> str:
        """Return how a phrase is counted: lower case, one space, numbers as [n], names hidden if asked."""
        if self.redact_phrase is not None:
            phrase = self.redact_phrase(phrase)
        return _NUMBER.sub("[n]", " ".join(phrase.split()).lower())

    def without_text(self) -> None:
        """Count a record with nothing to check (left out of every figure, and said so)."""
        self._no_text += 1

    def in_period(self, month: str) -> bool:
        """Return True if --since/--until keep a record of this month (an undated one: no)."""
        if self.since is None and self.until is None:
            return True
        if month == UNDATED or (self.since and month < self.since) or (self.until and month > self.until):
            self._outside += 1
            return False
        return True

    def add(self, group: str, month: str, words: int, hits: Iterable[Hit]) -> None:
        """Count one record of `group` in `month` with its words and findings."""
        found = list(hits)
        key = (group, month)
        cell = self._cells.setdefault(key, [0, 0, 0, 0])
        cell[0] += 1
        cell[1] += bool(found)
        cell[2] += words
        cell[3] += len(found)
        if not found:
            return
        categories = self._cell_categories.setdefault(key, Counter())
        seen_rules: set[str] = set()
        seen_categories: set[str] = set()
        for hit in found:
            self._rules.setdefault(hit.rule_id, (hit.name, hit.category))
            self._rule_counts[(hit.rule_id, "findings")] += 1
            categories[(hit.category, "findings")] += 1
            self._phrases[(self.phrase_key(hit.phrase), hit.rule_id, hit.category)] += 1
            seen_rules.add(hit.rule_id)
            seen_categories.add(hit.category)
        for rule_id in seen_rules:
            self._rule_counts[(rule_id, "records")] += 1
        for category in seen_categories:
            categories[(category, "records")] += 1

    def counts(self) -> Counts:
        """Return the totals so far, in a stable order."""
        cells = []
        for (group, month), (records, flagged, words, findings) in sorted(self._cells.items()):
            per = self._cell_categories.get((group, month), Counter())
            names = sorted({c for c, _ in per})
            categories = tuple(CategoryCount(c, per[(c, "findings")], per[(c, "records")]) for c in names)
            cells.append(Cell(group, month, records, flagged, words, findings, categories))
        rules = tuple(
            RuleCount(r, name, category, self._rule_counts[(r, "findings")], self._rule_counts[(r, "records")])
            for r, (name, category) in sorted(self._rules.items())
        )
        phrases = tuple(PhraseCount(p, r, c, n) for (p, r, c), n in sorted(self._phrases.items()))
        dates = DateCounts(
            self.date_column, self._missing, self._unreadable, tuple(self._samples), self._outside, self._no_text
        )
        return Counts(tuple(cells), rules, phrases, dates)


@dataclass(frozen=True, slots=True)
class Share:
    """Records with at least one finding out of the records counted, with a 95% Wilson interval."""

    count: int
    total: int
    interval: Interval

    @classmethod
    def of(cls, count: int, total: int) -> Share:
        """Return count/total with its interval."""
        return cls(count, total, wilson(count, total))

    def to_dict(self) -> dict[str, Any]:
        """Return the share for JSON, rounded to 4 places (0.1234 is 12.34%)."""
        return {
            "count": self.count,
            "total": self.total,
            "share": round(self.interval.estimate, 4),
            "low": round(self.interval.low, 4),
            "high": round(self.interval.high, 4),
        }


def per_thousand(findings: int, words: int) -> float:
    """Return findings per 1,000 words (0 for no words)."""
    return 1000 * findings / words if words else 0.0


@dataclass(frozen=True, slots=True)
class Row:
    """The figures of one slice of the records: a group, a month, a category or all of them."""

    label: str
    records: int
    flagged: Share
    words: int
    findings: int

    @property
    def rate(self) -> float:
        """Return findings per 1,000 words."""
        return per_thousand(self.findings, self.words)

    def to_dict(self, key: str) -> dict[str, Any]:
        """Return the row for JSON, its label under `key`."""
        return {
            key: self.label,
            "records": self.records,
            "records_with_findings": self.flagged.to_dict(),
            "words": self.words,
            "findings": self.findings,
            "per_1000_words": round(self.rate, 2),
        }


@dataclass(frozen=True, slots=True)
class Comparison:
    """The share of records with a finding in two periods, and the change with Newcombe's interval."""

    first: Period
    second: Period
    before: Share
    after: Share
    change: Interval

    def to_dict(self) -> dict[str, Any]:
        """Return the comparison for JSON (the change in shares, rounded to 4 places)."""
        return {
            "first": {"period": self.first.label, "records_with_findings": self.before.to_dict()},
            "second": {"period": self.second.label, "records_with_findings": self.after.to_dict()},
            "change": {
                "difference": round(self.change.estimate, 4),
                "low": round(self.change.low, 4),
                "high": round(self.change.high, 4),
            },
        }


@dataclass(frozen=True, slots=True)
class Summary:
    """Every figure of the report (see `summarise`)."""

    total: Row
    by_category: tuple[Row, ...]
    by_rule: tuple[RuleCount, ...]
    by_phrase: tuple[PhraseCount, ...]
    by_group: tuple[Row, ...]
    by_month: tuple[Row, ...]
    comparison: Comparison | None
    counts: Counts


def _row(label: str, cells: Iterable[Cell]) -> Row:
    chosen = list(cells)
    records = sum(c.records for c in chosen)
    return Row(
        label,
        records,
        Share.of(sum(c.flagged for c in chosen), records),
        sum(c.words for c in chosen),
        sum(c.findings for c in chosen),
    )


def _months_between(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def summarise(counts: Counts, compare: tuple[Period, Period] | None = None) -> Summary:
    """Return every figure the counts give; pure, so any engine's counts render the same."""
    cells = counts.cells
    total = _row("all records", cells)
    words = total.words
    category_totals: dict[str, list[int]] = {}
    for cell in cells:
        for k in cell.categories:
            entry = category_totals.setdefault(k.category, [0, 0])
            entry[0] += k.findings
            entry[1] += k.records
    by_category = tuple(
        Row(name, total.records, Share.of(records, total.records), words, findings)
        for name, (findings, records) in sorted(category_totals.items(), key=lambda kv: (-kv[1][0], kv[0]))
    )
    by_rule = tuple(sorted(counts.rules, key=lambda r: (-r.findings, r.rule_id)))
    by_phrase = tuple(sorted(counts.phrases, key=lambda p: (-p.findings, p.phrase, p.rule_id))[:TOP_PHRASES])
    groups = sorted({c.group for c in cells})
    by_group = tuple(_row(g, (c for c in cells if c.group == g)) for g in groups)
    dated = sorted({c.month for c in cells if c.month != UNDATED})
    months = _months_between(dated[0], dated[-1]) if dated else []
    if any(c.month == UNDATED for c in cells):
        months.append(UNDATED)
    by_month = tuple(_row(m, (c for c in cells if c.month == m)) for m in months)
    comparison = None
    if compare is not None:
        first, second = compare
        before = _row(first.label, (c for c in cells if c.month != UNDATED and first.holds(c.month)))
        after = _row(second.label, (c for c in cells if c.month != UNDATED and second.holds(c.month)))
        change = newcombe(before.flagged.count, before.records, after.flagged.count, after.records)
        comparison = Comparison(first, second, before.flagged, after.flagged, change)
    return Summary(total, by_category, by_rule, by_phrase, by_group, by_month, comparison, counts)
