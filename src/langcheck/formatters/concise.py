"""One line per finding, `path:line:col: ID message`, for editors and grep."""

from __future__ import annotations

from typing import Any

from langcheck.formatters.text import where
from langcheck.report import Report


def write_concise(report: Report, console: Any) -> None:
    """Print each finding on one line, then a one-line count."""
    for f in report.findings:
        console.print(
            f"{where(f)}: {f.rule_id} [{f.severity.label}] {f.message}",
            highlight=False,
            soft_wrap=True,
        )
    n = len(report.findings)
    console.print(f"Found {n} finding{'s' if n != 1 else ''}.", highlight=False)
