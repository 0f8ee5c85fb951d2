"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""

from __future__ import annotations

from typing import Any

from langcheck.models import LocationKind, Severity
from langcheck.report import Report

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write_github(report: Report, console: Any) -> None:
    """Print one `::warning file=...,line=...::message` command per finding."""
    for f in report.findings:
        title = f"title={_escape_property(f.rule_id + ' ' + f.name)}"
        message = f.message
        if f.location is None or f.location.kind is LocationKind.LINE:
            props = (
                f"file={_escape_property(f.path)},line={f.line},col={f.column},"
                f"endLine={f.end_line},endColumn={f.end_column},{title}"
            )
        else:  # a .docx or .pdf has no lines GitHub can show: annotate the file, say where in it
            props = f"file={_escape_property(f.path)},{title}"
            message = f"({f.location.describe()}) {message}"
        if f.replacements:
            message += " Replace with: " + "; ".join(f'"{s}"' for s in f.replacements) + "."
        if f.hints:
            message += " Instead: " + "; ".join(f'"{s}"' for s in f.hints)
        console.file.write(f"::{_LEVEL[f.severity]} {props}::{_escape_data(message)}\n")
    for r in report.errors:
        console.file.write(f"::error file={_escape_property(r.path)}::{_escape_data(r.error or '')}\n")
