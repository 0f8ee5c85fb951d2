"""Options shared by commands that choose rules and settings (check and fix)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from langcheck.cli.console import ColorMode, set_color
from langcheck.models import Severity, Subject
from langcheck.settings import Overlay, SettingsResolver

if TYPE_CHECKING:
    from langcheck.ruleset import RuleSet

F = TypeVar("F", bound=Callable[..., Any])


def _config_options() -> list[Callable[[Any], Any]]:
    """Return --config and --isolated, the same on every command that reads settings."""
    return [
        click.option(
            "--config",
            "config_path",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help="Use this config file instead of searching for .langcheck.toml / pyproject.toml.",
        ),
        click.option("--isolated", is_flag=True, help="Ignore all config files."),
    ]


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
            "--extend-select",
            "extend_select",
            multiple=True,
            metavar="RULES",
            help="Add these rules to those the config selects.",
        ),
        click.option(
            "--extend-ignore",
            "extend_ignore",
            multiple=True,
            metavar="RULES",
            help="Leave out these rules as well as those the config ignores.",
        ),
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
        *_config_options(),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def overlay_from(**opts: Any) -> Overlay:
    """Return the command-line settings, to be laid over each config file's."""
    values: dict[str, Any] = {}
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
    return Overlay(
        values=values,
        select=split_list(opts.get("select") or ()),
        ignore=split_list(opts.get("ignore") or ()),
        extend_select=split_list(opts.get("extend_select") or ()),
        extend_ignore=split_list(opts.get("extend_ignore") or ()),
        extend_rules=tuple(dict.fromkeys(p.resolve() for p in opts.get("extend_rules") or ())),
        exclude=split_list(opts.get("exclude") or ()),
    )


def exclude_option(func: F) -> F:
    """Add --exclude (globs added to the config's `exclude`)."""
    return click.option(
        "--exclude",
        multiple=True,
        metavar="GLOBS",
        help="Also leave out files and folders matching these globs (added to the config's exclude).",
    )(func)


def color_option(func: F) -> F:
    """Add --color auto|always|never; it sets how every console of this run prints."""

    def apply(_ctx: click.Context, _param: click.Parameter, value: str) -> None:
        set_color(ColorMode(value))  # always set: the default resets an earlier run in this process

    return click.option(
        "--color",
        type=click.Choice([m.value for m in ColorMode]),
        default="auto",
        show_default=True,
        expose_value=False,
        is_eager=True,
        callback=apply,
        help="Colour the output: auto (on a terminal, unless NO_COLOR is set), always or never.",
    )(func)


def pack_options(func: F) -> F:
    """Add --extend-rules, --config and --isolated to a command that lists or explains rules."""
    decorators = [
        click.option(
            "--extend-rules",
            "extend_rules",
            multiple=True,
            type=click.Path(file_okay=False, path_type=Path),
            metavar="DIR",
            help="Also use the rules in this folder (as well as the config's extend-rules).",
        ),
        *_config_options(),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def rules_in_force(extend_rules: Sequence[Path], config_path: Path | None, isolated: bool) -> RuleSet:
    """Return every rule `check` would know in this folder: the bundled pack and the config's and
    command line's own packs (raises LangcheckError for a bad setting or rule)."""
    from langcheck.ruleset import load_rules

    overlay = Overlay(extend_rules=tuple(dict.fromkeys(p.resolve() for p in extend_rules)))
    resolver = SettingsResolver(explicit=config_path, isolated=isolated, overlay=overlay)
    return load_rules(resolver.config_for(Path.cwd()).extend_rules)
