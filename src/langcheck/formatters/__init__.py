"""Output formats: one module each, chosen through an exhaustive enum."""

from __future__ import annotations

import enum
from typing import Any

from langcheck.report import Report


class OutputFormat(enum.Enum):
    """Every format `langcheck check --format` accepts."""

    TEXT = "text"
    CONCISE = "concise"
    JSON = "json"


def write(fmt: OutputFormat, report: Report, console: Any) -> None:
    """Print the report in the chosen format to a rich Console."""
    if fmt is OutputFormat.TEXT:
        from langcheck.formatters.text import write_text

        write_text(report, console)
    elif fmt is OutputFormat.CONCISE:
        from langcheck.formatters.concise import write_concise

        write_concise(report, console)
    elif fmt is OutputFormat.JSON:
        from langcheck.formatters.jsonfmt import write_json

        write_json(report, console)
    else:  # pragma: no cover - the enum is exhaustive
        raise AssertionError(fmt)
