"""Errors the library raises; only the CLI turns them into messages and exit codes.

Each error carries the place (a file, a rule, a config key), the problem and what to do, so that
the CLI can print one line that a non-programmer can act on.
"""

from __future__ import annotations


class LangcheckError(Exception):
    """Base of every error langcheck raises on purpose."""


class RuleError(LangcheckError):
    """A rule file (or the rule pack as a whole) is not valid."""

    def __init__(self, path: str, key: str, problem: str, expected: str | None = None) -> None:
        self.path = path
        self.key = key
        self.problem = problem
        self.expected = expected
        text = f"{path}: {key}: {problem}" if key else f"{path}: {problem}"
        if expected:
            text += f"; expected {expected}"
        super().__init__(text)


class ConfigError(LangcheckError):
    """A setting (from a config file or the command line) is not valid."""

    def __init__(self, where: str, key: str, problem: str) -> None:
        self.where = where
        self.key = key
        self.problem = problem
        super().__init__(f"invalid config: {where}: {key}: {problem}")


class InputError(LangcheckError):
    """A document could not be read as text."""

    def __init__(self, path: str, problem: str, advice: str) -> None:
        self.path = path
        self.problem = problem
        self.advice = advice
        super().__init__(f"{path}: {problem}; {advice}")


class PipelineError(LangcheckError):
    """The spaCy pipeline the user asked for could not be loaded."""
