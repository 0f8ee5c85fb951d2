"""The default output: each flagged passage in context, like a good compiler diagnostic.

    notes/jade.txt:3:20: AG001 warning: 'putting herself at risk' makes the child ...
      |
    3 | Jade (14) has been putting herself at risk by staying out with older men.
      |                    ^^^^^^^^^^^^^^^^^^^^^^^
      = instead: "is at risk from the adults who are exploiting her"; ...
      = why: langcheck explain AG001

Where, what, why, what instead: a busy writer can act on it without opening the manual.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text

from langcheck.models import Finding, LocationKind, Severity
from langcheck.report import Report

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold cyan"}
_CONTEXT = 60  # characters either side of the phrase when a line is long


def _excerpt(line: str, col: int, width: int) -> tuple[str, int]:
    """Return a window of a long line around the phrase, and the phrase's new column (0-based)."""
    start = col
    if len(line) <= 2 * _CONTEXT + width:
        return line, start
    lo = max(0, start - _CONTEXT)
    hi = min(len(line), start + width + _CONTEXT)
    prefix = "..." if lo > 0 else ""
    suffix = "..." if hi < len(line) else ""
    return prefix + line[lo:hi] + suffix, start - lo + len(prefix)


def where(f: Finding) -> str:
    """Return where a finding is, as the text and concise formats start their line.

    Text formats say `path:line:col` (editors jump there); other documents say the place a
    person looks for in Word, a PDF viewer or Excel: `report.docx (paragraph 12)`.
    """
    if f.location is None or f.location.kind is LocationKind.LINE:
        return f"{f.path}:{f.line}:{f.column}"
    return f"{f.path} ({f.location.describe()})"


def _finding_block(f: Finding, line: str | None) -> Text:
    out = Text()
    out.append(f"{where(f)}: ", style="bold")
    out.append(f"{f.rule_id} ", style="bold magenta")
    out.append(f"{f.severity.label}", style=SEVERITY_STYLE[f.severity])
    out.append(": " + f.message + ("  (in quoted speech)" if f.quoted else "") + "\n")
    if line is not None:
        line = line.replace("\t", " ")
        width = (f.end_column if f.end_line == f.line else len(line) + 1) - f.column
        shown, col = _excerpt(line, f.column - 1, max(width, 1))
        numbered = f.location is None or f.location.kind is LocationKind.LINE
        label = str(f.line) if numbered else ""
        gutter = " " * max(len(label), 1)
        out.append(f"{gutter} |\n", style="blue")
        out.append(f"{label or gutter} | ", style="blue")
        out.append(shown[:col])
        out.append(shown[col : col + width], style="bold underline " + SEVERITY_STYLE[f.severity].split()[-1])
        out.append(shown[col + width :] + "\n")
        out.append(f"{gutter} | ", style="blue")
        out.append(" " * col + "^" * max(width, 1) + "\n", style=SEVERITY_STYLE[f.severity])
    else:
        out.append(f'  "{f.text}"\n')
    if f.suggestions:
        out.append("  = instead: ", style="green")
        out.append("; ".join(f'"{s}"' for s in f.suggestions) + "\n")
    if f.fix is not None:
        out.append("  = safe fix: ", style="green")
        out.append(f'"{f.fix}" (langcheck fix --write)\n')
    if f.category != "langcheck":  # LC001/LC002 are about a directive: the message is the whole story
        out.append("  = why: ", style="dim")
        out.append(f"langcheck explain {f.rule_id}\n", style="dim")
    return out


def summary_line(report: Report) -> Text:
    """Return the closing line: how many findings, in how many files, of which severity."""
    s = report.summary()
    n, files, with_findings = int(str(s["findings"])), len(report.files), int(str(s["files_with_findings"]))
    line = Text()
    if n == 0:
        line.append(f"No findings in {files} file{'s' if files != 1 else ''}.", style="bold green")
    else:
        by = report.counts()
        parts = [
            f"{by[sev]} {sev.label}{'s' if by[sev] != 1 and sev is not Severity.INFO else ''}"
            for sev in sorted(Severity, reverse=True)
            if by.get(sev)
        ]
        line.append(
            f"{n} finding{'s' if n != 1 else ''} in {with_findings} of {files} file"
            f"{'s' if files != 1 else ''} ({', '.join(parts)})",
            style="bold",
        )
        fixable = int(str(s["fixable"]))
        if fixable:
            line.append(f"; {fixable} safe fix{'es' if fixable != 1 else ''} available: langcheck fix --write")
        line.append(".")
    if report.errors:
        line.append(
            f" {len(report.errors)} file{'s' if len(report.errors) != 1 else ''} could not be checked.",
            style="bold red",
        )
    if report.skipped:
        n = report.skipped_count
        reasons = ", ".join(f"{count} {reason}" for reason, count in report.skipped)
        line.append(f" {n} file{'s' if n != 1 else ''} skipped ({reasons}).")
    return line


def write_text(report: Report, console: Any) -> None:
    """Print every finding with its passage, then the summary line."""
    for file in report.files:
        for f in file.findings:
            console.print(_finding_block(f, file.line(f.line)), soft_wrap=True)
    console.print(summary_line(report), soft_wrap=True)
