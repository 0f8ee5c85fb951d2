"""One audit: read, check and count the records, and the versioned JSON that carries the result.

`run_audit` is the whole pipeline behind `langcheck report`; `to_json` and `from_json` are the
documented JSON (`{"version": 1, ...}`), which holds the counts as well as the figures so that
a report can be rendered again from it (or from counts another engine computed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from langcheck.audit.examples import Example, Reservoir
from langcheck.audit.records import Problems, Record
from langcheck.audit.stream import check_records
from langcheck.audit.summary import Counts, Period, Summary, Tally, summarise
from langcheck.config import Config
from langcheck.models import Severity
from langcheck.version import __version__

JSON_VERSION = 1


@dataclass(frozen=True, slots=True)
class Settings:
    """How the audit was run, shown in the report so a reader knows what the figures cover."""

    redacted: bool = True
    min_severity: Severity = Severity.INFO
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    id_column: str | None = None
    date_column: str | None = None
    group_by: str | None = None
    since: str | None = None
    until: str | None = None
    compare: tuple[Period, Period] | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the settings for JSON."""
        return {
            "redacted": self.redacted,
            "min_severity": self.min_severity.label,
            "select": list(self.select),
            "ignore": list(self.ignore),
            "id_column": self.id_column,
            "date_column": self.date_column,
            "group_by": self.group_by,
            "since": self.since,
            "until": self.until,
            "compare": [p.label for p in self.compare] if self.compare else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Settings:
        """Return settings from `to_dict`'s form."""
        compare = data.get("compare")
        return cls(
            redacted=bool(data.get("redacted", True)),
            min_severity=Severity.parse(str(data.get("min_severity", "info"))),
            select=tuple(data.get("select") or ()),
            ignore=tuple(data.get("ignore") or ()),
            id_column=data.get("id_column"),
            date_column=data.get("date_column"),
            group_by=data.get("group_by"),
            since=data.get("since"),
            until=data.get("until"),
            compare=(Period.parse(compare[0]), Period.parse(compare[1])) if compare else None,
        )


@dataclass(frozen=True, slots=True)
class AuditResult:
    """Everything a report shows: the figures, the examples, what was left out and how it was run."""

    summary: Summary
    examples: tuple[Example, ...]
    left_out: tuple[str, ...]
    settings: Settings


def run_audit(
    records: Iterable[Record],
    config: Config,
    settings: Settings,
    problems: Problems,
    *,
    workers: int = 1,
    progress: Callable[[int], None] = lambda _done: None,
) -> AuditResult:
    """Check every record and count it; memory holds counters and a few examples, never the records."""
    from langcheck.audit.redact import redact

    hide = redact if settings.redacted else None
    tally = Tally(date_column=settings.date_column, since=settings.since, until=settings.until, redact_phrase=hide)
    reservoir = Reservoir(redacted=settings.redacted)

    def dated() -> Iterable[tuple[Record, str]]:
        for record in records:
            if not record.text.strip():
                tally.without_text()
                continue
            month = tally.month_for(record.date, record.date_text, record.where)
            if tally.in_period(month):
                yield record, month

    checked = check_records(
        dated(), config, text=lambda item: item[0].text, min_severity=int(settings.min_severity), workers=workers
    )
    for done, ((record, month), (words, hits)) in enumerate(checked, 1):
        tally.add(record.group, month, words, hits)
        for hit in hits:
            reservoir.offer(record.text, hit, record.group, month)
        progress(done)
    summary = summarise(tally.counts(), settings.compare)
    examples = reservoir.examples(summary.by_rule, [row.label for row in summary.by_category])
    return AuditResult(summary, examples, tuple(problems.lines), settings)


def to_json(result: AuditResult) -> dict[str, Any]:
    """Return the documented JSON object: every figure, the examples, the counts behind them."""
    s = result.summary
    return {
        "version": JSON_VERSION,
        "tool": f"langcheck {__version__}",
        "settings": result.settings.to_dict(),
        "totals": s.total.to_dict("scope"),
        "by_category": [row.to_dict("category") for row in s.by_category],
        "by_rule": [
            {"rule": r.rule_id, "name": r.name, "category": r.category, "findings": r.findings, "records": r.records}
            for r in s.by_rule
        ],
        "by_phrase": [
            {"phrase": p.phrase, "rule": p.rule_id, "category": p.category, "findings": p.findings} for p in s.by_phrase
        ],
        "by_group": [row.to_dict("group") for row in s.by_group],
        "by_month": [row.to_dict("month") for row in s.by_month],
        "comparison": s.comparison.to_dict() if s.comparison else None,
        "dates": s.counts.to_dict()["dates"],
        "left_out": list(result.left_out),
        "examples": [e.to_dict() for e in result.examples],
        "counts": s.counts.to_dict(),
    }


def from_json(data: Mapping[str, Any]) -> AuditResult:
    """Return the result a JSON object holds (the figures are derived again from its counts)."""
    if data.get("version") != JSON_VERSION:
        raise ValueError(f"has version {data.get('version')!r}; this langcheck reads version {JSON_VERSION}")
    settings = Settings.from_dict(data.get("settings") or {})
    summary = summarise(Counts.from_dict(data["counts"]), settings.compare)
    examples = tuple(Example.from_dict(e) for e in data.get("examples") or ())
    return AuditResult(summary, examples, tuple(data.get("left_out") or ()), settings)
