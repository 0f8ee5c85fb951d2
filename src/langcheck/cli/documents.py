"""Plan and run the checking of many documents: in order, in parallel, with errors as values.

The plan (which files, with which settings) is made in the main process, where a bad rule or
setting can stop the run before any work starts. Each file is then one job: read it with its
format's reader, check it unit by unit, and keep only the findings and the lines they are on.
With `--jobs N` the jobs run in N worker processes; each builds its Linter once per setting
(on Linux the workers are forked after the rules are compiled, so they start at once) and the
results come back in the order of the plan, so the output never depends on timing.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from langcheck.config import Config
from langcheck.discovery import BINARY, STDIN, discover, path_problem
from langcheck.errors import InputError, LangcheckError
from langcheck.linter import Linter
from langcheck.models import Finding, Rule
from langcheck.report import FileReport, finding_lines
from langcheck.settings import SettingsResolver
from langcheck.sources import InputFormat, ReadOptions, Source, read, resolve_format
from langcheck.sources.text import NotTextError

if TYPE_CHECKING:
    from concurrent.futures import Future

LARGE_RUN_FILES = 16
LARGE_RUN_BYTES = 8 * 1024 * 1024
"""A run this big (files or bytes) is spread over every CPU by default; a smaller one is not
worth the cost of starting worker processes."""
PROGRESS_AFTER = 1.0
"""Seconds before a progress bar appears: a quick run never flashes one."""


@dataclass(frozen=True, slots=True)
class Job:
    """One document to check, with everything a worker process needs (all picklable)."""

    path: str
    config: Config | None = None
    input_format: InputFormat | None = None
    options: ReadOptions = field(default_factory=ReadOptions)
    found: bool = False
    data: bytes | None = field(default=None, repr=False)
    error: str | None = None  # known before any reading: a bad config file, a missing path

    def source(self) -> Source:
        """Return the document's source (standard input's bytes were read by the main process)."""
        if self.data is not None:
            return Source("<stdin>" if self.path == STDIN else self.path, data=self.data)
        return Source.from_path(self.path)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a job gave: a file report, or a reason to skip the file, or an error that stops the run."""

    report: FileReport
    skipped: str | None = None
    fatal: str | None = None


@dataclass(frozen=True, slots=True)
class Plan:
    """The jobs of a run, in output order, the files a search passed over, and the rules in force."""

    jobs: tuple[Job, ...]
    skipped: tuple[tuple[str, int], ...]
    rules: dict[str, Rule]


def plan(
    paths: Sequence[str],
    resolver: SettingsResolver,
    *,
    input_format: InputFormat | None = None,
    options: ReadOptions | None = None,
) -> Plan:
    """Return the jobs for `paths`; raise LangcheckError for a rule or setting that stops the run."""
    options = options or ReadOptions()

    def excluded(path: Path) -> bool:
        try:
            return resolver.config_for(path).is_excluded(path)
        except (LangcheckError, OSError):
            return False  # the bad or unreadable config file is reported for the files it governs

    found = discover(paths, excluded=excluded)
    jobs: list[Job] = []
    rules: dict[str, Rule] = {}
    for target in found.targets:
        if target.problem is not None:
            jobs.append(Job(target.path, error=f"{target.path}: {target.problem}"))
            continue
        path = Path.cwd() if target.path == STDIN else Path(target.path)
        try:
            config = resolver.config_for(path)
        except LangcheckError as exc:
            jobs.append(Job(target.path, error=str(exc)))
            continue
        except OSError as exc:  # a settings file or folder above it that cannot be read
            where = exc.filename if isinstance(exc.filename, str) else target.path
            jobs.append(Job(target.path, error=f"{where}: {path_problem(exc)}"))
            continue
        if target.path != STDIN and config.is_excluded(path):
            continue
        rules.update((r.id, r) for r in linter_for(config).ruleset)  # a bad rule stops the run here
        data = None
        if target.path == STDIN:
            try:
                data = _read_stdin(options)
            except InputError as exc:
                jobs.append(Job(target.path, error=str(exc)))
                continue
        jobs.append(Job(target.path, config, input_format, options, target.found, data))
    return Plan(tuple(jobs), found.skipped, rules)


def _read_stdin(options: ReadOptions) -> bytes:
    data = sys.stdin.buffer.read(options.max_bytes + 1)
    Source("<stdin>", data=data).check_size(options)
    return data


@functools.cache
def linter_for(config: Config) -> Linter:
    """Return the Linter for these settings, built once per process (and inherited by forks)."""
    return Linter(config)


def run_job(job: Job) -> Outcome:
    """Read and check one document; every problem becomes a value, never an exception."""
    if job.error is not None or job.config is None:
        return Outcome(FileReport(job.path, error=job.error or f"{job.path}: could not be read"))
    try:
        return Outcome(_check(job, job.config))
    except InputError as exc:
        if job.found and isinstance(exc, NotTextError):  # a binary file a search found: pass over it
            return Outcome(FileReport(job.path), skipped=BINARY)
        return Outcome(FileReport(job.path, error=str(exc)))
    except LangcheckError as exc:  # a rule or pipeline problem: every file would fail the same way
        return Outcome(FileReport(job.path, error=str(exc)), fatal=str(exc))
    except Exception as exc:  # a reader's bug must not lose the other files' results
        return Outcome(FileReport(job.path, error=_unexpected(job.path, exc)))


def _unexpected(path: str, exc: Exception) -> str:
    if isinstance(exc, RecursionError):
        return f"{path}: is too deeply nested to read; check a simpler copy"
    if isinstance(exc, MemoryError):
        return f"{path}: is too large to read in the memory available; split it into smaller files"
    return (
        f"{path}: could not be checked (internal error: {type(exc).__name__}: {exc}); "
        "please report this to the langcheck maintainers"
    )


def _check(job: Job, config: Config) -> FileReport:
    """Return the report of one document: its findings, the lines they are on, the reader's notices."""
    linter = linter_for(config)
    source = job.source()
    fmt = resolve_format(source, job.input_format)
    findings: list[Finding] = []
    lines: list[tuple[int, str | None]] = []
    notices: list[str] = []
    for unit, found in linter.check_units(read(source, fmt, job.options), path=job.path):
        findings += found
        lines += [(f.line, unit.line(f.line)) for f in found]
        notices += unit.notices
    return FileReport(job.path, tuple(findings), lines=finding_lines(findings, lines), notices=tuple(notices))


def worker_count(requested: int | None, jobs: Sequence[Job]) -> int:
    """Return how many processes to use: as asked, or every CPU for a large run and 1 otherwise."""
    if requested is not None:
        return max(1, min(requested, len(jobs) or 1))
    if len(jobs) < 2:
        return 1
    total = 0
    for job in jobs:
        if job.data is None and job.error is None:
            with contextlib.suppress(OSError):
                total += os.stat(job.path).st_size
    if len(jobs) < LARGE_RUN_FILES and total < LARGE_RUN_BYTES:
        return 1
    return max(1, min(_cpus(), len(jobs)))


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def run(jobs: Sequence[Job], workers: int) -> Iterator[Outcome]:
    """Yield each job's outcome in the order of `jobs`, using `workers` processes."""
    if workers <= 1:
        for job in jobs:
            yield run_job(job)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor  # only a parallel run pays for importing these

    if sys.platform == "linux":
        # Compile once here; forked workers inherit the matchers and spaCy pipeline.
        for config in {job.config for job in jobs if job.config is not None and job.error is None}:
            linter_for(config).compiled  # noqa: B018 - built for its side effect
        context = multiprocessing.get_context("fork")
    else:
        context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    pending: deque[tuple[Job, Future[Outcome]]] = deque()
    upcoming = iter(jobs)
    try:
        for job in upcoming:
            pending.append((job, pool.submit(run_job, job)))
            if len(pending) >= workers * 4:  # a window: results wait in order, memory stays bounded
                break
        while pending:
            job, future = pending.popleft()
            try:
                outcome = future.result()
            except Exception as exc:  # a worker that died (killed, out of memory)
                outcome = Outcome(
                    FileReport(job.path, error=f"{job.path}: could not be checked (a worker process stopped: {exc})")
                )
            nxt = next(upcoming, None)
            if nxt is not None:
                pending.append((nxt, pool.submit(run_job, nxt)))
            yield outcome
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class Messages:
    """Error and warning lines on standard error, and a progress bar for long runs on a terminal.

    The bar appears only when standard error is a terminal and the run has taken more than
    PROGRESS_AFTER seconds; messages are printed above it through the same console.
    """

    def __init__(self, total: int, *, enabled: bool | None = None) -> None:
        from langcheck.cli.console import stderr_console

        self.console = stderr_console()
        self.total = total
        self.enabled = self.console.is_terminal if enabled is None else enabled
        self._started = time.monotonic()
        self._done = 0
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> Messages:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        """Remove the progress bar, if one is showing."""
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def advance(self) -> None:
        """Count one finished document; show the bar once the run has been going a while."""
        self._done += 1
        if self._progress is None and self.enabled and self.total > 1:
            if time.monotonic() - self._started < PROGRESS_AFTER or self._done >= self.total:
                return
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._progress = Progress(
                TextColumn("checking"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=self.console,
                transient=True,
            )
            self._task = self._progress.add_task("checking", total=self.total, completed=self._done)
            self._progress.start()
        elif self._progress is not None:
            self._progress.update(self._task, completed=self._done)

    def error(self, message: str) -> None:
        """Print one error line."""
        self._line("error: ", "bold red", message)

    def warning(self, message: str) -> None:
        """Print one warning line (something was not checked, but the file was)."""
        self._line("warning: ", "bold yellow", message)

    def _line(self, prefix: str, style: str, message: str) -> None:
        from rich.text import Text

        line = Text()
        line.append(prefix, style=style)
        line.append(message)
        self.console.print(line, soft_wrap=True)
