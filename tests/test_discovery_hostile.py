"""Odd file systems: unreadable folders, link loops, pipes; one line each, exit 2, never a hang or a repeat."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from langcheck.cli import cli
from langcheck.discovery import discover

NOTE = "Jade (14) has been putting herself at risk.\n"
needs_root = pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("setpriv") is None,
    reason="needs root and setpriv to run langcheck as a process that cannot override file permissions",
)


def as_plain_user(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    drop = "-dac_override,-dac_read_search,-fowner,-chown,-fsetid"
    command = ["setpriv", f"--bounding-set={drop}", "--inh-caps=-all", sys.executable, "-m", "langcheck", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120, check=False)


@needs_root
def test_an_unreadable_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "note.txt").write_text(NOTE)
    (locked / ".langcheck.toml").write_text("select = ['AG']\n")
    inner = tmp_path / "open" / "inner"
    inner.mkdir(parents=True)
    (tmp_path / "open" / "a.txt").write_text(NOTE)
    os.chown(locked, 1234, 1234)
    os.chmod(locked, 0o700)
    os.chown(inner, 1234, 1234)
    os.chmod(inner, 0o700)
    for target, says in (
        ("locked", "error: locked: is a folder that cannot be read (permission denied)"),
        ("locked/note.txt", "error: locked/note.txt: cannot be reached (permission denied)"),
        ("open", "error: open/inner: is a folder that cannot be read (permission denied)"),
    ):
        result = as_plain_user("check", "--select", "AG001", target, cwd=tmp_path)
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        assert [line for line in result.stderr.splitlines() if line.startswith("error:")] == [
            line for line in result.stderr.splitlines() if says in line
        ]
        assert says in result.stderr


@needs_root
def test_an_unreadable_config_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text(NOTE)
    config = tmp_path / ".langcheck.toml"
    config.write_text("select = ['AG']\n")
    os.chown(config, 1234, 1234)
    os.chmod(config, 0o600)
    result = as_plain_user("check", "note.txt", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert ".langcheck.toml" in result.stderr


def test_a_symlink_loop_named_on_the_command_line_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "self").symlink_to("self")
    for command in ("check", "fix"):
        result = CliRunner().invoke(cli, [command, str(tmp_path / "self")])
        assert result.exit_code == 2
        assert "is a symbolic link that leads round in a loop" in result.stderr
        assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_symlink_loop_inside_a_folder_never_reports_a_file_twice(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "x.txt").write_text(NOTE)
    (tmp_path / "a" / "b" / "loop").symlink_to("..", target_is_directory=True)
    (tmp_path / "a" / "b" / "up").symlink_to("../..", target_is_directory=True)
    assert [t.path for t in discover([str(tmp_path)]).targets] == [str(tmp_path / "a" / "x.txt")]
    result = CliRunner().invoke(cli, ["check", "--select", "AG001", str(tmp_path)])
    assert result.exit_code == 1 and "1 finding in 1 of 1 file" in result.stdout


def test_a_glob_through_a_loop_checks_each_file_once(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "x.txt").write_text(NOTE)
    (tmp_path / "a" / "b" / "loop").symlink_to("..", target_is_directory=True)
    targets = [t.path for t in discover([str(tmp_path / "**" / "*.txt")]).targets if t.problem is None]
    assert len(targets) == 1


def test_pipes_in_a_searched_folder_are_counted_not_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "note.txt").write_text(NOTE)
    found = discover([str(tmp_path)])
    assert [t.path for t in found.targets] == [str(tmp_path / "note.txt")]
    assert dict(found.skipped) == {"special file (pipe, device or socket)": 1}
