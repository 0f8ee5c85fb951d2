"""`langcheck check`: report victim-blaming wording in documents."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from langcheck.cli.console import error_line, fail, stdout_console
from langcheck.cli.documents import documents
from langcheck.cli.options import overlay_from, rule_options
from langcheck.errors import LangcheckError
from langcheck.formatters import OutputFormat, write
from langcheck.report import FileReport, Report
from langcheck.settings import SettingsResolver


@click.command("check")
@click.argument("paths", nargs=-1, metavar="[PATH|-]...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice([f.value for f in OutputFormat]),
    default="text",
    show_default=True,
    help="How to print the findings ('auto': github in Actions, text on a terminal).",
)
@click.option("--statistics", is_flag=True, help="Also print how many findings each rule and category gave.")
@click.option(
    "--report-unused-suppressions",
    "report_unused_suppressions",
    is_flag=True,
    help="Report 'langcheck: ignore' comments that silence nothing.",
)
@rule_options
def check_command(
    paths: tuple[str, ...], fmt: str, statistics: bool, config_path: Path | None, isolated: bool, **opts: Any
) -> None:
    """Check files, folders or standard input (-) for victim-blaming wording.

    Settings come from the nearest .langcheck.toml or [tool.langcheck] in pyproject.toml;
    options given here win. Exit status: 0 no findings, 1 findings at or above --fail-on,
    2 a file or setting could not be used (the other files are still checked).
    """
    if not paths:
        fail("no files given; name the files or folders to check, or - to read standard input")
    try:
        resolver = SettingsResolver(explicit=config_path, isolated=isolated, overlay=overlay_from(**opts))
    except LangcheckError as exc:
        fail(exc)

    files: list[FileReport] = []
    failing = False
    rules: dict[str, Any] = {}
    for doc in documents(paths, resolver):
        if doc.error is not None or doc.text is None or doc.config is None:
            error_line(doc.error or f"{doc.path}: could not be read")
            files.append(FileReport(doc.path, error=doc.error))
            continue
        try:
            linter = resolver.linter_for(doc.config)
            found = tuple(linter.check(doc.text, path=doc.path))
        except LangcheckError as exc:
            fail(exc)  # a bad rule or setting affects every file: stop at once
        rules.update((r.id, r) for r in linter.ruleset)
        failing = failing or any(f.severity >= doc.config.fail_on for f in found)
        files.append(FileReport(doc.path, found, doc.text))

    report = Report(tuple(files))
    console = stdout_console()
    write(OutputFormat(fmt), report, console, rules)
    if statistics and report.findings:
        from langcheck.formatters.statistics import write_statistics

        write_statistics(report, console)
    if report.errors:
        sys.exit(2)
    sys.exit(1 if failing else 0)
