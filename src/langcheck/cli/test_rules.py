"""`langcheck test-rules [DIR]`: run a rule pack's own examples and data checks."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.text import Text

from langcheck.cli.console import fail, stdout_console
from langcheck.cli.exitcodes import ExitCode
from langcheck.cli.options import color_option
from langcheck.errors import LangcheckError
from langcheck.ruleset import RuleSet, load_pack

if TYPE_CHECKING:
    from langcheck.testing import BiteResult


@click.command("test-rules", short_help="Run a rule pack's own examples (default: the bundled pack).")
@click.argument("directory", type=click.Path(path_type=Path), metavar="[DIR]", required=False)
@click.option("-v", "--verbose", is_flag=True, help="Also list the examples that pass, and those that do not bite.")
@click.option(
    "--strict",
    is_flag=True,
    help="Fail on examples that do not bite: a pass text the rule's patterns never match, "
    "or a fail text with findings of the rule that it does not state.",
)
@color_option
def test_rules_command(directory: Path | None, verbose: bool, strict: bool) -> None:
    """Run every example in a rule pack (the bundled pack if DIR is not given).

    Also counts the examples that pass without testing their rule (see --strict).
    Exit status: 0 all examples behave, 1 some do not, 2 the pack could not be loaded.
    """
    # Imported here, as in every command: `langcheck check` on a clean note must not pay for them.
    from langcheck.config import Config
    from langcheck.factory import Factory
    from langcheck.testing import check_bite, run_pack

    extend = () if directory is None else (directory.expanduser().resolve(),)
    try:
        # Loaded with the bundled pack, as `check --extend-rules DIR` loads it, so a rule id the
        # bundled pack already uses fails here too; citation problems are reported as data failures.
        factory = Factory(check_citations=False)
        checker = factory.linter(Config(extend_rules=extend)).checker
        own = load_pack(directory, check_citations=False) if directory is not None else checker.ruleset
        ruleset = RuleSet(own.rules, checker.ruleset.sources)
        checker.compiled  # noqa: B018 - a token pattern spaCy refuses is a load error (exit 2)
    except LangcheckError as exc:
        fail(exc)
    console = stdout_console()
    passed = failed = 0
    for result in run_pack(checker, ruleset):
        if result.ok:
            passed += 1
            if verbose:
                console.print(
                    Text.assemble(("ok   ", "green"), f"{result.rule_id} {result.kind}: {result.text}"),
                    soft_wrap=True,
                )
            continue
        failed += 1
        line = Text.assemble(
            ("FAIL ", "bold red"),
            f"{result.path or result.rule_id}: {result.rule_id} {result.kind} example: {result.problem}",
        )
        if result.text:
            line.append(f"\n     text: {result.text}")
        console.print(line, soft_wrap=True)
    weak = _report_bite(console, check_bite(checker.compiled, ruleset), listed=strict or verbose, strict=strict)
    console.print(f"{len(ruleset)} rules: {passed} passed, {failed} failed", highlight=False)
    sys.exit(ExitCode.FINDINGS if failed or (strict and weak) else ExitCode.CLEAN)


def _report_bite(console: Console, results: Iterable[BiteResult], *, listed: bool, strict: bool) -> int:
    """Print the examples that do not bite (each one if `listed`, else a count) and return how many."""
    from langcheck.testing import Weakness

    counts = dict.fromkeys(Weakness, 0)
    for result in results:
        counts[result.weakness] += 1
        if listed:
            label = ("FAIL ", "bold red") if strict else ("WEAK ", "yellow")
            line = Text.assemble(
                label, f"{result.path or result.rule_id}: {result.rule_id} {result.weakness.value}: {result.problem}"
            )
            line.append(f"\n     text: {result.text}")
            console.print(line, soft_wrap=True)
    total = sum(counts.values())
    unmatched, unstated = counts[Weakness.PASS_NOT_MATCHED], counts[Weakness.FAIL_UNSTATED]
    untested = counts[Weakness.GUARD_UNTESTED]
    console.print(
        f"Examples that do not bite: {total} ("
        + (f"{unmatched} pass example{'s' if unmatched != 1 else ''} the rule's patterns never match, ")
        + (f"{unstated} fail example{'s' if unstated != 1 else ''} with findings ")
        + ("it does not state, " if unstated == 1 else "they do not state, ")
        + (f"{untested} guard{'s' if untested != 1 else ''} (condition, exception or child gate) ")
        + ("that no pass example tests alone)")
        + ("" if strict or not total else "; --strict lists them and fails"),
        highlight=False,
        soft_wrap=True,
    )
    return total
