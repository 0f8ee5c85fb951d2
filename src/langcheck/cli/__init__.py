"""The `langcheck` command: a click group with one module per command.

Only this package turns errors into messages and exit codes: 0 clean, 1 findings at or above
--fail-on, 2 when something could not be done (a bad file, rule or setting).
"""

from __future__ import annotations

import sys

import click

from langcheck.cli.check import check_command
from langcheck.cli.exitcodes import ExitCode
from langcheck.cli.explain import explain_command
from langcheck.cli.fix import fix_command
from langcheck.cli.report import report_command
from langcheck.cli.rules import rules_command
from langcheck.cli.serve import serve_command
from langcheck.cli.test_rules import test_rules_command
from langcheck.version import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="langcheck")
def cli() -> None:
    """Find victim-blaming language in case notes and suggest neutral wording.

    Start with:  langcheck check notes/
    """


cli.add_command(check_command)
cli.add_command(fix_command)
cli.add_command(rules_command)
cli.add_command(explain_command)
cli.add_command(test_rules_command)
cli.add_command(serve_command)
cli.add_command(report_command)


def main() -> None:
    """Run the CLI; click's own usage errors also exit 2."""
    try:
        cli.main(prog_name="langcheck", standalone_mode=True)
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        sys.stderr.write("langcheck: interrupted\n")
        sys.exit(ExitCode.INTERRUPTED)
