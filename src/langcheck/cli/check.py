"""`langcheck check`: report victim-blaming wording in documents."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import click

from langcheck.cli.console import fail, stdout_console
from langcheck.cli.documents import Messages, Plan, plan, run, worker_count
from langcheck.cli.exitcodes import ExitCode
from langcheck.cli.options import overlay_from, rule_options, split_list
from langcheck.errors import LangcheckError
from langcheck.formatters import OutputFormat, write
from langcheck.report import FileReport, Report
from langcheck.settings import SettingsResolver
from langcheck.sources import InputFormat, ReadOptions


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
@click.option(
    "--input-format",
    "input_format",
    type=click.Choice(["auto", *(f.value for f in InputFormat)]),
    default="auto",
    show_default=True,
    help="Read every input as this format ('auto': by suffix; standard input is text).",
)
@click.option(
    "--columns",
    multiple=True,
    metavar="NAMES",
    help="Spreadsheet columns to check (.csv, .tsv, .xlsx), by header [default: the columns with prose].",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Check N files at once in separate processes [default: every CPU for large runs, else 1].",
)
@rule_options
def check_command(
    paths: tuple[str, ...], fmt: str, statistics: bool, config_path: Path | None, isolated: bool, **opts: Any
) -> None:
    """Check files, folders or standard input (-) for victim-blaming wording.

    Reads .txt, .md, .rst, .html, .docx, .odt, .pdf, .csv, .tsv and .xlsx; folders are
    searched (honouring .gitignore). Settings come from the nearest .langcheck.toml or
    [tool.langcheck] in pyproject.toml; options given here win. Exit status: 0 no findings,
    1 findings at or above --fail-on, 2 a file or setting could not be used (the other files
    are still checked).
    """
    if not paths:
        fail("no files given; name the files or folders to check, or - to read standard input")
    input_format, jobs = opts.pop("input_format"), opts.pop("jobs")
    override = None if input_format == "auto" else InputFormat(input_format)
    options = ReadOptions(columns=split_list(opts.pop("columns")))
    try:
        resolver = SettingsResolver(explicit=config_path, isolated=isolated, overlay=overlay_from(**opts))
        work = plan(paths, resolver, input_format=override, options=options)
    except LangcheckError as exc:
        fail(exc)

    with Messages(len(work.jobs)) as messages:
        try:
            files, skipped, failing = _collect(work, worker_count(jobs, work.jobs), messages)
        except LangcheckError as exc:  # the rules or pipeline could not be built for the workers
            messages.stop()
            fail(exc)

    result = Report(tuple(files), tuple(sorted(skipped.items())))
    console = stdout_console()
    write(OutputFormat(fmt), result, console, work.rules)
    if statistics and result.findings:
        from langcheck.formatters.statistics import write_statistics

        write_statistics(result, console)
    if result.errors:
        sys.exit(ExitCode.ERROR)
    sys.exit(ExitCode.FINDINGS if failing else ExitCode.CLEAN)


def _collect(work: Plan, workers: int, messages: Messages) -> tuple[list[FileReport], Counter[str], bool]:
    """Run the jobs; print each file's error and notices as its turn comes; return the reports,
    the files skipped (by reason) and whether any finding reaches its file's --fail-on."""
    files: list[FileReport] = []
    skipped: Counter[str] = Counter(dict(work.skipped))
    failing = False
    for job, outcome in zip(work.jobs, run(work.jobs, workers), strict=True):
        messages.advance()
        if outcome.fatal is not None:
            messages.stop()
            fail(outcome.fatal)  # a bad rule or pipeline affects every file: stop at once
        if outcome.skipped is not None:
            skipped[outcome.skipped] += 1
            continue
        report = outcome.report
        if report.error is not None:
            messages.error(report.error)
        for notice in report.notices:
            messages.warning(notice)
        if job.config is not None:
            failing = failing or any(f.severity >= job.config.fail_on for f in report.findings)
        files.append(report)
    return files, skipped, failing
