"""The result of a run over many documents, as the formatters and exit code see it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from langcheck.models import Finding, Severity


@dataclass(frozen=True, slots=True)
class FileReport:
    """One document's findings, or the one-line error that stopped it being checked."""

    path: str
    findings: tuple[Finding, ...] = ()
    text: str | None = field(default=None, repr=False)
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Report:
    """Every document of a run, in the order the user gave them."""

    files: tuple[FileReport, ...]

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.files for f in r.findings]

    @property
    def errors(self) -> list[FileReport]:
        return [r for r in self.files if r.error is not None]

    def counts(self) -> Counter[Severity]:
        """Return how many findings there are of each severity."""
        return Counter(f.severity for f in self.findings)

    def summary(self) -> dict[str, object]:
        """Return the counts that every output format ends with."""
        counts = self.counts()
        return {
            "files": len(self.files),
            "files_with_findings": sum(1 for r in self.files if r.findings),
            "findings": len(self.findings),
            "errors": len(self.errors),
            "by_severity": {s.label: counts.get(s, 0) for s in sorted(Severity, reverse=True)},
            "fixable": sum(1 for f in self.findings if f.fix is not None),
        }

    def fails(self, threshold: Severity) -> bool:
        """Return True if any finding is at or above the threshold."""
        return any(f.severity >= threshold for f in self.findings)
