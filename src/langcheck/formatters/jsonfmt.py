"""Versioned JSON for programs: `{"version": 2, "findings": [...], "summary": {...}}`.

Version 2 replaced each finding's `suggestions` with `replacements` (words a program may put
in place of the flagged ones; `fix` is the first) and `hints` (advice with [placeholders], to
show only). The version went up because a program that put `suggestions` into the text, as
version 1 allowed, wrote placeholders into case notes.
"""

from __future__ import annotations

import json
from typing import Any

from langcheck.report import Report

JSON_VERSION = 2


def to_json(report: Report) -> dict[str, Any]:
    """Return the report as the documented JSON object."""
    return {
        "version": JSON_VERSION,
        "findings": [f.to_dict() for f in report.findings],
        "errors": [{"path": r.path, "message": r.error} for r in report.errors],
        "summary": report.summary().to_dict(),
    }


def write_json(report: Report, console: Any) -> None:
    """Print the JSON object, indented, with non-ASCII text kept as written."""
    console.file.write(json.dumps(to_json(report), indent=2, ensure_ascii=False) + "\n")
