"""`langcheck report`: an audit of many records, as one HTML file, JSON or CSV.

Reads what `check` reads, counts as it goes (see langcheck.audit) and writes the report even
when some files could not be read, saying what was left out; the exit status is then 2.
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from langcheck.cli.console import error_line, fail, stderr_console
from langcheck.cli.options import overlay_from, rule_options, split_list
from langcheck.errors import LangcheckError
from langcheck.models import Severity

if TYPE_CHECKING:
    from langcheck.audit.records import Problems
    from langcheck.audit.result import AuditResult, Settings

FORMATS = ("html", "json", "csv")


@click.command("report")
@click.argument("paths", nargs=-1, metavar="PATH...")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report to this file.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="html", show_default=True, help="Report format.")
@click.option("--id-column", metavar="NAME", help="The export's column that identifies a record.")
@click.option(
    "--date-column", metavar="NAME", help="The export's column with each record's date (ISO, dd/mm/yyyy or Excel)."
)
@click.option("--group-by", metavar="NAME", help="The export's column to group records by (team, unit, borough).")
@click.option("--columns", multiple=True, metavar="NAMES", help="Columns to check [default: the columns with prose].")
@click.option("--since", metavar="YYYY-MM", help="Leave out records dated before this month.")
@click.option("--until", metavar="YYYY-MM", help="Leave out records dated after this month.")
@click.option(
    "--compare",
    nargs=2,
    metavar="FIRST:LAST FIRST:LAST",
    default=None,
    help="Show the change between two periods of months, e.g. 2026-01:2026-06 2026-07:2026-12.",
)
@click.option(
    "--min-severity",
    type=click.Choice([s.label for s in Severity]),
    default="info",
    show_default=True,
    help="Count findings of this severity and above.",
)
@click.option("--redact/--no-redact", default=True, show_default=True, help="Hide names, dates of birth, addresses.")
@click.option(
    "--from-json", "from_json", type=click.Path(dir_okay=False, path_type=Path), help="Render a saved JSON report."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Check in N processes [default: every CPU for inputs over 8 MB, else 1].",
)
@rule_options
def report_command(paths: tuple[str, ...], output: Path | None, fmt: str, **opts: Any) -> None:
    """Measure victim-blaming wording across many records: by month, team, category and phrase.

    Reads folders of notes (one file = one record) and CSV/TSV/XLSX exports (one row = one
    record). Writes one self-contained HTML file (or --format json / csv). Settings come from
    the config file nearest the first PATH (one setting for the whole report). Exit status: 0
    the report is written; 2 something could not be read (the report is still written and says so).
    """
    from langcheck.audit.records import Problems

    if fmt == "html" and output is None:
        fail("no output file given; add -o report.html (the HTML report is written to a file)")
    from_json = opts.pop("from_json")
    if from_json is not None:
        if paths:
            fail("give either files to read or --from-json, not both")
        result = _load(from_json)
    elif not paths:
        fail("no files given; name the exports or folders to report on")
    else:
        result = _audit(paths, opts, Problems(report=error_line))
    _write(result, fmt, output, ", ".join(paths))
    sys.exit(2 if result.left_out else 0)


report_command.params = [p for p in report_command.params if p.name != "fail_on"]  # a report fails nothing


def _audit(paths: tuple[str, ...], opts: dict[str, Any], problems: Problems) -> AuditResult:
    """Read, check and count the records; a bad rule or setting stops the run before any reading."""
    from langcheck.audit.records import RecordSpec, discover_targets, read_records
    from langcheck.audit.result import AuditResult, run_audit
    from langcheck.linter import Linter
    from langcheck.settings import SettingsResolver

    settings = _settings(opts)
    spec = RecordSpec(opts["id_column"], opts["date_column"], opts["group_by"], split_list(opts["columns"]))
    try:
        overlay = overlay_from(**opts)
        resolver = SettingsResolver(explicit=opts["config_path"], isolated=opts["isolated"], overlay=overlay)
        config = resolver.config_for(Path(paths[0]))  # one setting for the whole report
        Linter(config)
    except LangcheckError as exc:
        fail(exc)
    targets = discover_targets(paths, config.is_excluded, problems)
    records = read_records(targets, spec, problems)
    with _Progress() as progress:
        try:
            workers = opts["jobs"] or _workers(targets)
            result = run_audit(records, config, settings, problems, workers=workers, progress=progress.update)
        except LangcheckError as exc:
            progress.stop()
            fail(exc)
    if result.summary.total.records == 0 and not problems.lines:
        problems.add("no records with text were found; check the paths and --columns")
        result = AuditResult(result.summary, result.examples, tuple(problems.lines), result.settings)
    return result


def _workers(targets: list[str]) -> int:
    """Return every CPU for a large input (as `check` does), else 1: starting workers costs time."""
    import os

    from langcheck.cli.documents import LARGE_RUN_BYTES

    total = 0
    for target in targets:
        with contextlib.suppress(OSError):
            total += os.stat(target).st_size
    if total < LARGE_RUN_BYTES:
        return 1
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _settings(opts: dict[str, Any]) -> Settings:
    from langcheck.audit.dates import parse_month
    from langcheck.audit.result import Settings
    from langcheck.audit.summary import Period

    bounds = {}
    for name in ("since", "until"):
        if opts[name]:
            month = parse_month(opts[name])
            if month is None:
                fail(f"--{name}: {opts[name]!r} is not a month; write it as YYYY-MM, e.g. 2026-07")
            bounds[name] = month
    compare = None
    if opts["compare"]:
        try:
            first, second = (Period.parse(p) for p in opts["compare"])
        except ValueError as exc:
            fail(f"--compare: {exc}")
        compare = (first, second)
    return Settings(
        redacted=opts["redact"],
        min_severity=Severity.parse(opts["min_severity"]),
        select=split_list(opts["select"]),
        ignore=split_list(opts["ignore"]),
        id_column=opts["id_column"],
        date_column=opts["date_column"],
        group_by=opts["group_by"],
        since=bounds.get("since"),
        until=bounds.get("until"),
        compare=compare,
    )


def _load(path: Path) -> AuditResult:
    from langcheck.audit.result import from_json

    try:
        return from_json(json.loads(path.read_text(encoding="utf-8")))
    except OSError as exc:
        fail(f"{path}: cannot be read ({exc.strerror}); check the path")
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        fail(f"{path}: is not a langcheck report JSON file ({exc}); give a file written by report --format json")


def _write(result: AuditResult, fmt: str, output: Path | None, sources: str) -> None:
    from langcheck.audit.result import to_json

    if fmt == "json":
        text = json.dumps(to_json(result), indent=2, ensure_ascii=False) + "\n"
    elif fmt == "csv":
        from langcheck.audit.tables import to_csv

        text = to_csv(result.summary)
    else:
        from langcheck.audit.html import render

        text = render(result, sources=sources)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8", newline="" if fmt == "csv" else None)
    except OSError as exc:
        fail(f"{output}: cannot be written ({exc.strerror}); check the folder exists and can be written to")
    stderr_console().print(f"wrote {output}", soft_wrap=True)


class _Progress:
    """A progress line with records per second, on a terminal only, after the first second."""

    def __init__(self) -> None:
        self.console = stderr_console()
        self.started = time.monotonic()
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        """Remove the progress line."""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def update(self, done: int) -> None:
        """Show `done` records checked (cheaply: the display changes every 64 records)."""
        if done % 64 or not self.console.is_terminal:
            return
        elapsed = time.monotonic() - self.started
        if self._bar is None:
            if elapsed < 1.0:
                return
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(
                TextColumn("checking records"),
                BarColumn(bar_width=None),
                TextColumn("{task.completed:,} records"),
                TextColumn("{task.fields[rate]:,.0f} records/s"),
                TimeElapsedColumn(),
                console=self.console,
                transient=True,
            )
            self._task = self._bar.add_task("checking", total=None, rate=0.0)
            self._bar.start()
        self._bar.update(self._task, completed=done, rate=done / elapsed if elapsed else 0.0)
