"""One line per finding, `path:line:col: ID message`, for editors and grep."""

from __future__ import annotations

from typing import Any

from langcheck.formatters.text import where
from langcheck.report import Report


def write_concise(report: Report, console: Any, *, quiet: bool = False) -> None:
    """Print each finding on one line, then a one-line count.

    Written straight to the console's file: these lines are for programs and grep, and rich's
    rendering of thousands of plain lines would cost more than the checking.
    """
    out = console.file
    for f in report.findings:
        out.write(f"{where(f)}: {f.rule_id} [{f.severity.label}] {f.message}\n")
    n = len(report.findings)
    if not quiet:
        out.write(f"Found {n} finding{'s' if n != 1 else ''}.\n")
