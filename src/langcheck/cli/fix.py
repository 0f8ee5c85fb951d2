"""`langcheck fix`: show, or with --write apply, the safe one-to-one term swaps.

Only rules with a `fix` change text; every other finding needs the writer's judgement and is
left alone. By default nothing is written: a unified diff shows what --write would do.
Writes are atomic (a temporary file in the same folder, flushed to disk, then a rename) and
refuse what the user could not change in place; see safewrite.py for every guarantee.

Only plain-text formats (.txt, .md, .rst, .html) are rewritten, and only where the file holds
exactly the flagged words (not, say, words split by Markdown emphasis): a Word document or PDF
cannot be edited safely as text, so fix says so and leaves it to the writer.
"""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from langcheck.cli import safewrite
from langcheck.cli.console import fail, stdout_console
from langcheck.cli.documents import Job, Messages, linter_for, plan
from langcheck.cli.options import overlay_from, rule_options
from langcheck.discovery import STDIN
from langcheck.errors import InputError, LangcheckError
from langcheck.fixes import apply_fixes, fixable
from langcheck.models import Finding
from langcheck.settings import SettingsResolver
from langcheck.sources import Source, read, resolve_format
from langcheck.sources.text import NotTextError
from langcheck.sources.units import TextUnit


class _NotPlainTextError(Exception):
    """The document is in a format fix does not rewrite."""


@dataclass(slots=True)
class _Tally:
    """What a fix run has done so far (mutable while it runs)."""

    errors: int = 0
    pending: int = 0
    applied: int = 0
    left_alone: int = 0


def _text_and_findings(job: Job, snap: safewrite.Snapshot | None) -> tuple[str, list[Finding]] | None:
    """Return a plain-text document's text and findings (positions in the file), or None if empty.

    Raises InputError if it cannot be read, _NotPlainTextError for a format fix leaves alone.
    """
    assert job.config is not None
    source = job.source() if snap is None else Source(job.path, Path(job.path), data=snap.data)
    fmt = resolve_format(source)
    if not fmt.is_text:
        raise _NotPlainTextError(fmt.value)
    findings: list[Finding] = []
    text = None
    for unit, found in linter_for(job.config).check_units(read(source, fmt, job.options), path=job.path):
        assert isinstance(unit, TextUnit)
        text = unit.source
        findings += found
    return None if text is None else (text, findings)


def _read(
    job: Job, tally: _Tally, messages: Messages, seen: set[tuple[int, int]]
) -> tuple[str, list[Finding], safewrite.Snapshot | None] | None:
    """Return the text and findings to fix (and the file as read), or None after saying why there are none.

    A file met again under another name (a link to it, in the same run) is passed over: it is
    fixed once, through whichever name came first.
    """
    if job.error is not None or job.config is None:
        messages.error(job.error or f"{job.path}: could not be read")
        tally.errors += 1
        return None
    try:
        snap = None
        if job.path != STDIN:
            snap = safewrite.snapshot(Path(job.path), job.options)
            if snap.identity in seen:
                return None
            seen.add(snap.identity)
        found = _text_and_findings(job, snap)
        return None if found is None else (*found, snap)
    except _NotPlainTextError as exc:
        if job.found:
            tally.left_alone += 1
        else:
            messages.error(
                f"{job.path}: is a .{exc} document, which langcheck fix does not change; "
                "change the wording in the document itself (langcheck check shows where)"
            )
            tally.errors += 1
    except InputError as exc:
        if not (job.found and isinstance(exc, NotTextError)):
            messages.error(str(exc))
            tally.errors += 1
    except LangcheckError as exc:
        fail(exc)
    return None


def _fix(
    job: Job, *, do_write: bool, tally: _Tally, messages: Messages, console: Any, seen: set[tuple[int, int]]
) -> None:
    read_back = _read(job, tally, messages, seen)
    if read_back is None:
        return
    text, findings, snap = read_back
    fixes = [f for f in fixable(findings) if text[f.start : f.end] == f.text]
    if not fixes:
        return
    fixed = apply_fixes(text, fixes)
    if do_write and snap is not None:
        try:
            safewrite.replace(snap, fixed)
        except safewrite.WriteRefusedError as exc:
            messages.error(f"{job.path}: {exc}; the file is unchanged")
            tally.errors += 1
            return
        except OSError as exc:
            messages.error(f"{job.path}: could not be written ({exc.strerror}); the file is unchanged")
            tally.errors += 1
            return
        tally.applied += len(fixes)
        return
    tally.pending += len(fixes)
    name = "stdin" if job.path == STDIN else job.path
    diff = difflib.unified_diff(
        text.splitlines(keepends=True), fixed.splitlines(keepends=True), f"a/{name}", f"b/{name}"
    )
    console.out("".join(line if line.endswith("\n") else line + "\n" for line in diff), end="", highlight=False)


@click.command("fix")
@click.argument("paths", nargs=-1, metavar="[PATH|-]...")
@click.option("--write", "do_write", is_flag=True, help="Apply the fixes to the files (default: show a diff).")
@rule_options
def fix_command(paths: tuple[str, ...], do_write: bool, config_path: Path | None, isolated: bool, **opts: Any) -> None:
    """Show the safe term swaps as a diff, or apply them with --write.

    Only plain-text files (.txt, .md, .rst, .html) are changed. Exit status: 0 nothing to fix
    (or all applied), 1 fixes shown but not applied, 2 a file or setting could not be used.
    """
    if not paths:
        fail("no files given; name the files or folders to fix")
    try:
        resolver = SettingsResolver(explicit=config_path, isolated=isolated, overlay=overlay_from(**opts))
        work = plan(paths, resolver)
    except LangcheckError as exc:
        fail(exc)
    console = stdout_console()
    messages = Messages(len(work.jobs), enabled=False)
    tally = _Tally()
    seen: set[tuple[int, int]] = set()
    for job in work.jobs:
        _fix(job, do_write=do_write, tally=tally, messages=messages, console=console, seen=seen)
    if tally.left_alone:
        n = tally.left_alone
        messages.warning(
            f"{n} document{'s' if n != 1 else ''} (.docx, .pdf, spreadsheets, ...) left unchanged: "
            "langcheck fix changes only plain-text files"
        )
    if do_write:
        console.print(f"Applied {tally.applied} fix{'es' if tally.applied != 1 else ''}.", highlight=False)
    elif tally.pending:
        console.print(
            f"{tally.pending} fix{'es' if tally.pending != 1 else ''} available; run with --write to apply.",
            highlight=False,
        )
    else:
        console.print("Nothing to fix.", highlight=False)
    if tally.errors:
        sys.exit(2)
    sys.exit(1 if tally.pending else 0)
