"""`langcheck fix`: show, or with --write apply, the safe one-to-one term swaps.

Only rules with a `fix` change text; every other finding needs the writer's judgement and is
left alone. By default nothing is written: a unified diff shows what --write would do.
Writes are atomic (a temporary file in the same folder, then a rename) and keep the file's
permissions, so an interrupted run never leaves half a case note.
"""

from __future__ import annotations

import difflib
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import click

from langcheck.cli.console import error_line, fail, stdout_console
from langcheck.cli.documents import documents
from langcheck.cli.options import overlay_from, rule_options
from langcheck.discovery import STDIN
from langcheck.errors import LangcheckError
from langcheck.fixes import apply_fixes, fixable
from langcheck.settings import SettingsResolver


def write_atomically(path: Path, text: str) -> None:
    """Replace the file's contents in one rename, keeping its permissions and any BOM."""
    with path.open("rb") as original:
        bom = original.read(3) == b"\xef\xbb\xbf"
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".langcheck", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
            handle.write(text)
        shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@click.command("fix")
@click.argument("paths", nargs=-1, metavar="[PATH|-]...")
@click.option("--write", "do_write", is_flag=True, help="Apply the fixes to the files (default: show a diff).")
@rule_options
def fix_command(paths: tuple[str, ...], do_write: bool, config_path: Path | None, isolated: bool, **opts: Any) -> None:
    """Show the safe term swaps as a diff, or apply them with --write.

    Exit status: 0 nothing to fix (or all applied), 1 fixes shown but not applied,
    2 a file or setting could not be used.
    """
    if not paths:
        fail("no files given; name the files or folders to fix")
    try:
        resolver = SettingsResolver(explicit=config_path, isolated=isolated, overlay=overlay_from(**opts))
    except LangcheckError as exc:
        fail(exc)
    console = stdout_console()
    errors = pending = applied = 0
    for doc in documents(paths, resolver):
        if doc.error is not None or doc.text is None or doc.config is None:
            error_line(doc.error or f"{doc.path}: could not be read")
            errors += 1
            continue
        try:
            findings = resolver.linter_for(doc.config).check(doc.text, path=doc.path)
        except LangcheckError as exc:
            fail(exc)
        fixes = fixable(findings)
        if not fixes:
            continue
        fixed = apply_fixes(doc.text, fixes)
        if do_write and doc.path != STDIN:
            try:
                write_atomically(Path(doc.path), fixed)
            except OSError as exc:
                error_line(f"{doc.path}: could not be written ({exc.strerror}); the file is unchanged")
                errors += 1
                continue
            applied += len(fixes)
            continue
        pending += len(fixes)
        name = "stdin" if doc.path == STDIN else doc.path
        diff = difflib.unified_diff(
            doc.text.splitlines(keepends=True), fixed.splitlines(keepends=True), f"a/{name}", f"b/{name}"
        )
        console.out("".join(line if line.endswith("\n") else line + "\n" for line in diff), end="", highlight=False)
    if do_write:
        console.print(f"Applied {applied} fix{'es' if applied != 1 else ''}.", highlight=False)
    elif pending:
        console.print(
            f"{pending} fix{'es' if pending != 1 else ''} available; run with --write to apply.",
            highlight=False,
        )
    else:
        console.print("Nothing to fix.", highlight=False)
    if errors:
        sys.exit(2)
    sys.exit(1 if pending else 0)
