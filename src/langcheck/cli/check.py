"""`langcheck check`: report victim-blaming wording in documents."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import click

from langcheck.cli.console import fail, set_output, stdout_console
from langcheck.cli.documents import Messages, Plan, plan, run, worker_count
from langcheck.cli.exitcodes import ExitCode
from langcheck.cli.options import color_option, exclude_option, overlay_from, rule_options, split_list
from langcheck.errors import LangcheckError
from langcheck.formatters import OutputFormat, write
from langcheck.report import FileReport, Report
from langcheck.settings import SettingsResolver
from langcheck.sources import InputFormat, ReadOptions


@click.command("check", short_help="Check files, folders or standard input (-).")
@click.argument("paths", nargs=-1, metavar="[PATH|-]...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice([f.value for f in OutputFormat]),
    default="text",
    show_default=True,
    help="How to print the findings ('auto': github in Actions, text on a terminal).",
)
@click.option(
    "-o",
    "--output-file",
    "output_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the findings to this file instead of standard output.",
)
@click.option(
    "-q", "--quiet", is_flag=True, help="Print the findings and errors only: no summary line or progress bar."
)
@click.option("-v", "--verbose", is_flag=True, help="Also count the files a folder search passed over.")
@click.option(
    "--exit-zero", "exit_zero", is_flag=True, help="Exit 0 even when there are findings (2 still means an error)."
)
@click.option(
    "--stdin-filename",
    "stdin_filename",
    metavar="NAME",
    default=None,
    help="The file standard input stands for: its config, per-file-ignores and format apply.",
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
@exclude_option
@color_option
def check_command(
    *,
    paths: tuple[str, ...],
    fmt: str,
    output_file: Path | None,
    quiet: bool,
    verbose: bool,
    exit_zero: bool,
    stdin_filename: str | None,
    statistics: bool,
    config_path: Path | None,
    isolated: bool,
    **opts: Any,
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
        work = plan(paths, resolver, input_format=override, options=options, stdin_filename=stdin_filename)
    except LangcheckError as exc:
        fail(exc)

    with Messages(len(work.jobs), enabled=False if quiet else None) as messages:
        try:
            files, skipped, failing = _collect(work, worker_count(jobs, work.jobs), messages)
        except LangcheckError as exc:  # the rules or pipeline could not be built for the workers
            messages.stop()
            fail(exc)

    result = Report(tuple(files), tuple(sorted(skipped.items())))
    _report(result, work, OutputFormat(fmt), output_file, quiet=quiet, verbose=verbose, statistics=statistics)
    if result.errors:
        sys.exit(ExitCode.ERROR)
    sys.exit(ExitCode.FINDINGS if failing and not exit_zero else ExitCode.CLEAN)


def _report(
    result: Report,
    work: Plan,
    fmt: OutputFormat,
    output_file: Path | None,
    *,
    quiet: bool,
    verbose: bool,
    statistics: bool,
) -> None:
    """Print the report to standard output or the --output-file."""
    handle = None
    if output_file is not None:
        try:
            handle = output_file.open("w", encoding="utf-8", newline="\n")
        except OSError as exc:
            fail(f"{output_file}: cannot be written ({exc.strerror}); choose another --output-file")
        set_output(handle)
    try:
        console = stdout_console()
        write(fmt, result, console, work.rules, quiet=quiet, verbose=verbose)
        if statistics and result.findings:
            from langcheck.formatters.statistics import write_statistics

            write_statistics(result, console)
    finally:
        if handle is not None:
            set_output(None)
            handle.close()


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
