"""Settings for a run: which rules, whom the notes describe, when to fail.

The same frozen value is built from `[tool.langcheck]`, `.langcheck.toml` or command-line
flags, and handed to the Linter, so the library and the CLI agree on every default.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from langcheck.models import Severity, Subject
from langcheck.nlp import BLANK


@dataclass(frozen=True, slots=True)
class Config:
    """Everything a user can set; the defaults are what `langcheck check` does out of the box."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_rules: tuple[Path, ...] = ()
    fail_on: Severity = Severity.WARNING
    subject: Subject = Subject.AUTO
    include_quotes: bool = False
    pipeline: str = BLANK
