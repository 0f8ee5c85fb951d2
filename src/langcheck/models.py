"""Values that flow through langcheck: rules as loaded from YAML, and the findings they produce.

Everything here is a frozen dataclass or an enum, so a rule set or a finding can be shared
between threads, cached, and compared in tests without defensive copies.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.IntEnum):
    """How strongly a finding asks for a change; ordered so `--fail-on` can compare."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        """Return the lower-case name used in rule files, config and output."""
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        """Return the severity named by `value` (info, warning or error)."""
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(value) from None


class Audience(enum.Enum):
    """Whom a rule is about: some wording blames only when it describes a child."""

    ANY = "any"
    CHILD = "child"


class Subject(enum.Enum):
    """The user's statement of whom the notes describe; `auto` reads it from the text."""

    AUTO = "auto"
    CHILD = "child"
    ADULT = "adult"


@dataclass(frozen=True, slots=True)
class Pattern:
    """One way a rule can match: a phrase in the phrase syntax, or a spaCy token pattern."""

    phrase: str | None = None
    tokens: tuple[dict[str, Any], ...] | None = None

    def describe(self) -> str:
        """Return a short human-readable form for listings."""
        if self.phrase is not None:
            return self.phrase
        return " ".join(str(tok) for tok in self.tokens or ())


@dataclass(frozen=True, slots=True)
class FailExample:
    """Text on which the rule must fire; `match` is the exact text it must flag."""

    text: str
    match: str | None = None


@dataclass(frozen=True, slots=True)
class FixExample:
    """Text whose safe fix must give `fixed`, which must then pass the rule."""

    text: str
    fixed: str


@dataclass(frozen=True, slots=True)
class Examples:
    """A rule's own tests: what it must flag, what it must leave, what its fix gives."""

    fail: tuple[FailExample, ...] = ()
    passes: tuple[str, ...] = ()
    fix: tuple[FixExample, ...] = ()


@dataclass(frozen=True, slots=True)
class Source:
    """A cited publication that a rule rests on."""

    id: str
    title: str
    publisher: str
    year: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule, exactly as its YAML file describes it (validated by the loader)."""

    id: str
    name: str
    category: str
    severity: Severity
    applies_to: Audience
    message: str
    explanation: str
    suggestions: tuple[str, ...]
    patterns: tuple[Pattern, ...]
    sources: tuple[str, ...]
    examples: Examples
    unless: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    fix: str | None = None
    path: str | None = field(default=None, compare=False)

    @property
    def code(self) -> str:
        """Return the `ID name` pair users see in listings."""
        return f"{self.id} {self.name}"


@dataclass(frozen=True, slots=True)
class Finding:
    """One flagged passage: where it is, which rule, what to say, what to offer instead.

    `start`/`end` are character offsets into the checked text; `line`/`column` are 1-based and
    `end_column` is exclusive, the convention of ruff and SARIF.
    """

    rule_id: str
    name: str
    category: str
    severity: Severity
    message: str
    text: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    suggestions: tuple[str, ...] = ()
    fix: str | None = None
    path: str = "-"
    quoted: bool = False

    @property
    def rule(self) -> str:
        """Return the rule id (the JSON field name)."""
        return self.rule_id

    def to_dict(self) -> dict[str, Any]:
        """Return the finding as the versioned JSON object documented in the README."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "start": self.start,
            "end": self.end,
            "rule": self.rule_id,
            "name": self.name,
            "category": self.category,
            "severity": self.severity.label,
            "message": self.message,
            "text": self.text,
            "suggestions": list(self.suggestions),
            "fix": self.fix,
        }
