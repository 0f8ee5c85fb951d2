"""Options shared by commands that choose rules and settings (check and fix)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from langcheck.config import Config
from langcheck.models import Severity, Subject

F = TypeVar("F", bound=Callable[..., Any])


def split_list(values: Sequence[str]) -> tuple[str, ...]:
    """Return the items of repeated and comma-separated option values."""
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def rule_options(func: F) -> F:
    """Add the options that choose rules, settings files and how rules apply."""
    decorators = [
        click.option(
            "--select",
            multiple=True,
            metavar="RULES",
            help="Only these rules: ids (AG001), prefixes (AG), names, categories or globs.",
        ),
        click.option("--ignore", multiple=True, metavar="RULES", help="Leave out these rules (same forms)."),
        click.option(
            "--extend-rules",
            "extend_rules",
            multiple=True,
            metavar="DIR",
            type=click.Path(file_okay=False, path_type=Path),
            help="Also use the rules in this folder (one sub-folder per category).",
        ),
        click.option(
            "--subject",
            type=click.Choice([s.value for s in Subject]),
            default=None,
            help="Whom the notes describe; 'auto' reads ages and child words from the text.",
        ),
        click.option(
            "--include-quotes",
            is_flag=True,
            default=None,
            help="Also show wording inside quotation marks, as info.",
        ),
        click.option(
            "--fail-on",
            "fail_on",
            type=click.Choice([s.label for s in Severity]),
            default=None,
            help="Exit 1 when a finding is at or above this severity [default: warning].",
        ),
        click.option(
            "--pipeline",
            default=None,
            metavar="NAME|PATH",
            help="An installed spaCy English pipeline to use instead of the built-in one.",
        ),
        click.option(
            "--config",
            "config_path",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help="Use this config file instead of searching for .langcheck.toml / pyproject.toml.",
        ),
        click.option("--isolated", is_flag=True, help="Ignore all config files."),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def overlay_from(**opts: Any) -> Callable[[Config], Config]:
    """Return a function that lays the command-line options over a Config from a file."""
    values: dict[str, Any] = {}
    if opts.get("select"):
        values["select"] = split_list(opts["select"])
    if opts.get("ignore"):
        values["ignore"] = split_list(opts["ignore"])
    if opts.get("subject"):
        values["subject"] = Subject(opts["subject"])
    if opts.get("include_quotes") is not None:
        values["include_quotes"] = bool(opts["include_quotes"])
    if opts.get("fail_on"):
        values["fail_on"] = Severity.parse(opts["fail_on"])
    if opts.get("pipeline"):
        values["pipeline"] = opts["pipeline"]
    if opts.get("report_unused_suppressions"):
        values["report_unused_suppressions"] = True
    extra = tuple(p.resolve() for p in opts.get("extend_rules") or ())

    def overlay(base: Config) -> Config:
        more = {"extend_rules": base.extend_rules + extra} if extra else {}
        return base.override(**values, **more)

    return overlay
