"""`langcheck test-rules DIR`: run a rule pack's own examples and data checks."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.text import Text

from langcheck.cli.console import fail, stdout_console
from langcheck.cli.exitcodes import ExitCode
from langcheck.errors import LangcheckError
from langcheck.ruleset import RuleSet, load_pack


@click.command("test-rules")
@click.argument("directory", type=click.Path(path_type=Path), metavar="DIR", required=False)
@click.option("-v", "--verbose", is_flag=True, help="Also list the examples that pass.")
def test_rules_command(directory: Path | None, verbose: bool) -> None:
    """Run every example in a rule pack (the bundled pack if DIR is not given).

    Exit status: 0 all examples behave, 1 some do not, 2 the pack could not be loaded.
    """
    # Imported here, as in every command: `langcheck check` on a clean note must not pay for them.
    from langcheck.config import Config
    from langcheck.factory import Factory
    from langcheck.testing import run_pack

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
    console.print(f"{len(ruleset)} rules: {passed} passed, {failed} failed", highlight=False)
    sys.exit(ExitCode.FINDINGS if failed else ExitCode.CLEAN)
