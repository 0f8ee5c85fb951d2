"""`langcheck fix`: a diff by default, atomic writes with --write, nothing else touched."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from click.testing import CliRunner

from langcheck.cli import cli

PACK = str(Path(__file__).parent / "fixtures" / "pack")
FIXED = ["--isolated", "--extend-rules", PACK, "--select", "TS001,TS002"]
NOTE = "Jade (14) has been putting herself at risk.\nShe disclosed Historic abuse.\n"


def test_fix_shows_a_diff_and_changes_nothing(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(NOTE)
    result = CliRunner().invoke(cli, ["fix", str(note), *FIXED])
    assert result.exit_code == 1
    assert note.read_text() == NOTE
    assert result.stdout == (
        f"--- a/{note}\n+++ b/{note}\n@@ -1,2 +1,2 @@\n Jade (14) has been putting herself at risk.\n"
        "-She disclosed Historic abuse.\n+She disclosed Non-recent abuse.\n"
        "1 fix available; run with --write to apply.\n"
    )


def test_fix_write_applies_atomically_and_keeps_permissions(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(NOTE)
    os.chmod(note, 0o640)
    result = CliRunner().invoke(cli, ["fix", str(note), "--write", *FIXED])
    assert result.exit_code == 0
    assert note.read_text() == NOTE.replace("Historic abuse", "Non-recent abuse")
    assert stat.S_IMODE(note.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["note.txt"]
    again = CliRunner().invoke(cli, ["fix", str(note), *FIXED])
    assert (again.exit_code, again.stdout) == (0, "Nothing to fix.\n")


def test_fix_never_touches_a_file_it_cannot_read(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"historic abuse \xff\n")
    result = CliRunner().invoke(cli, ["fix", str(bad), "--write", *FIXED])
    assert result.exit_code == 2
    assert bad.read_bytes() == b"historic abuse \xff\n"


def test_fix_keeps_crlf_line_endings(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_bytes(b"Line one.\r\nShe disclosed historic abuse.\r\n")
    CliRunner().invoke(cli, ["fix", str(note), "--write", *FIXED])
    assert note.read_bytes() == b"Line one.\r\nShe disclosed non-recent abuse.\r\n"


def test_check_never_writes(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(NOTE)
    before = note.stat().st_mtime_ns
    CliRunner().invoke(cli, ["check", str(note), *FIXED])
    assert note.stat().st_mtime_ns == before and note.read_text() == NOTE


def test_fix_keeps_a_byte_order_mark(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_bytes(b"\xef\xbb\xbfShe disclosed historic abuse.\n")
    CliRunner().invoke(cli, ["fix", str(note), "--write", *FIXED])
    assert note.read_bytes() == b"\xef\xbb\xbfShe disclosed non-recent abuse.\n"
