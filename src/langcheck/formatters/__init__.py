"""Output formats: one module each, chosen through an exhaustive enum."""

from __future__ import annotations

import enum
import os
import sys
from typing import Any

from langcheck.models import Rule
from langcheck.report import Report


class OutputFormat(enum.Enum):
    """Every format `langcheck check --format` accepts."""

    TEXT = "text"
    CONCISE = "concise"
    JSON = "json"
    SARIF = "sarif"
    GITHUB = "github"
    AUTO = "auto"

    def resolve(self) -> OutputFormat:
        """Turn `auto` into github in GitHub Actions, text on a terminal, concise otherwise."""
        if self is not OutputFormat.AUTO:
            return self
        if os.environ.get("GITHUB_ACTIONS") == "true":
            return OutputFormat.GITHUB
        return OutputFormat.TEXT if sys.stdout.isatty() else OutputFormat.CONCISE


def write(
    fmt: OutputFormat,
    report: Report,
    console: Any,
    rules: dict[str, Rule] | None = None,
    *,
    quiet: bool = False,
    verbose: bool = False,
) -> None:
    """Print the report in the chosen format to a rich Console.

    `quiet` leaves out the closing summary line of the text formats; `verbose` adds to it the
    files a folder search passed over (they are not mentioned otherwise, as in ruff).
    """
    fmt = fmt.resolve()
    if fmt is OutputFormat.TEXT:
        from langcheck.formatters.text import write_text

        write_text(report, console, quiet=quiet, verbose=verbose)
    elif fmt is OutputFormat.CONCISE:
        from langcheck.formatters.concise import write_concise

        write_concise(report, console, quiet=quiet)
    elif fmt is OutputFormat.JSON:
        from langcheck.formatters.jsonfmt import write_json

        write_json(report, console)
    elif fmt is OutputFormat.SARIF:
        from langcheck.formatters.sarif import write_sarif

        write_sarif(report, console, rules or {})
    elif fmt is OutputFormat.GITHUB:
        from langcheck.formatters.github import write_github

        write_github(report, console)
    else:  # pragma: no cover - resolve() never returns AUTO
        raise AssertionError(fmt)
