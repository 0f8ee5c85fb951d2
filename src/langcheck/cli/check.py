"""`langcheck check`: report victim-blaming wording in documents."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from langcheck.cli.console import error_line, fail, stdout_console
from langcheck.cli.options import config_from, rule_options
from langcheck.config import Config
from langcheck.discovery import STDIN, expand
from langcheck.errors import LangcheckError
from langcheck.formatters import OutputFormat, write
from langcheck.linter import Linter
from langcheck.report import FileReport, Report
from langcheck.sources.text import decode, read_text_file


@click.command("check")
@click.argument("paths", nargs=-1, metavar="[PATH|-]...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice([f.value for f in OutputFormat]),
    default="text",
    show_default=True,
    help="How to print the findings.",
)
@rule_options
def check_command(paths: tuple[str, ...], fmt: str, **opts: Any) -> None:
    """Check files, folders or standard input (-) for victim-blaming wording.

    Exit status: 0 no findings, 1 findings at or above --fail-on, 2 a file or setting could
    not be used (the other files are still checked).
    """
    if not paths:
        fail("no files given; name the files or folders to check, or - to read standard input")
    try:
        config = config_from(Config(), **opts)
        linter = Linter(config)
    except LangcheckError as exc:
        fail(exc)

    files: list[FileReport] = []
    for target in expand(paths):
        if target.problem is not None:
            error_line(f"{target.path}: {target.problem}")
            files.append(FileReport(target.path, error=target.problem))
            continue
        try:
            if target.path == STDIN:
                text = decode(sys.stdin.buffer.read(), "<stdin>")
                path = "-"
            else:
                text = read_text_file(Path(target.path))
                path = target.path
            files.append(FileReport(path, tuple(linter.check(text, path=path)), text))
        except LangcheckError as exc:
            error_line(str(exc))
            files.append(FileReport(target.path, error=str(exc)))

    report = Report(tuple(files))
    write(OutputFormat(fmt), report, stdout_console())
    if report.errors:
        sys.exit(2)
    sys.exit(1 if report.fails(config.fail_on) else 0)
