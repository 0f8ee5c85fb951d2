"""Versioned JSON for programs: `{"version": 1, "findings": [...], "summary": {...}}`."""

from __future__ import annotations

import json
from typing import Any

from langcheck.report import Report

JSON_VERSION = 1


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
