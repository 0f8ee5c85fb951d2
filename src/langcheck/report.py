"""The result of a run over many documents, as the formatters and exit code see it.

A report keeps no document's text: only the lines that findings are on, for the text format
to show. An audit of thousands of files therefore holds its findings in memory, not its files.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from langcheck.models import Finding, Severity
from langcheck.positions import NEWLINE


@dataclass(frozen=True, slots=True)
class FileReport:
    """One document's findings, or the one-line error that stopped it being checked.

    `lines` holds (line number, text) for the lines findings start on, in the positions the
    findings use; `text` (the whole text) is still accepted from callers that have it.
    """

    path: str
    findings: tuple[Finding, ...] = ()
    text: str | None = field(default=None, repr=False)
    error: str | None = None
    lines: tuple[tuple[int, str], ...] = field(default=(), repr=False)
    notices: tuple[str, ...] = ()

    def line(self, number: int) -> str | None:
        """Return the text of a line a finding is on, if the report kept it."""
        i = bisect.bisect_left(self.lines, (number, ""))
        if i < len(self.lines) and self.lines[i][0] == number:
            return self.lines[i][1]
        if self.text is not None:
            lines = NEWLINE.split(self.text)
            return lines[number - 1] if 0 < number <= len(lines) else None
        return None


def finding_lines(
    findings: Iterable[Finding], line_of: Iterable[tuple[int, str | None]]
) -> tuple[tuple[int, str], ...]:
    """Return the (number, text) pairs to keep: one per line a finding starts on."""
    wanted = {f.line for f in findings}
    return tuple(sorted({(n, t) for n, t in line_of if n in wanted and t is not None}))


@dataclass(frozen=True, slots=True)
class Report:
    """Every document of a run, in the order the user gave them, and what a search passed over."""

    files: tuple[FileReport, ...]
    skipped: tuple[tuple[str, int], ...] = ()

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.files for f in r.findings]

    @property
    def errors(self) -> list[FileReport]:
        return [r for r in self.files if r.error is not None]

    @property
    def skipped_count(self) -> int:
        """Return how many files a folder search passed over (unsupported, binary, outside links)."""
        return sum(n for _, n in self.skipped)

    def counts(self) -> Counter[Severity]:
        """Return how many findings there are of each severity."""
        return Counter(f.severity for f in self.findings)

    def summary(self) -> Summary:
        """Return the counts that every output format ends with."""
        counts = self.counts()
        return Summary(
            files=len(self.files),
            files_with_findings=sum(1 for r in self.files if r.findings),
            findings=len(self.findings),
            errors=len(self.errors),
            by_severity=tuple((s, counts.get(s, 0)) for s in sorted(Severity, reverse=True)),
            fixable=sum(1 for f in self.findings if f.fix is not None),
            skipped=self.skipped_count,
        )


@dataclass(frozen=True, slots=True)
class Summary:
    """The counts every output format ends with."""

    files: int
    files_with_findings: int
    findings: int
    errors: int
    by_severity: tuple[tuple[Severity, int], ...]
    """Every severity, most severe first, with its count (zero included)."""
    fixable: int
    skipped: int

    def to_dict(self) -> dict[str, Any]:
        """Return the summary as the JSON format documents it."""
        return {
            "files": self.files,
            "files_with_findings": self.files_with_findings,
            "findings": self.findings,
            "errors": self.errors,
            "by_severity": {s.label: n for s, n in self.by_severity},
            "fixable": self.fixable,
            "skipped": self.skipped,
        }
