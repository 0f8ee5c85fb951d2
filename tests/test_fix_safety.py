"""`fix --write` never changes what the user could not change, never loses another edit, keeps links.

The permission tests run langcheck as root without the capabilities that let root override file
permissions (setpriv drops them), so the kernel checks owner, group and mode exactly as it does
for an ordinary user: the files belong to uid 1234, a user the process is not.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from langcheck.cli import cli, safewrite
from langcheck.sources import ReadOptions

PACK = str(Path(__file__).parent / "fixtures" / "pack")
FIXED = ["--isolated", "--extend-rules", PACK, "--select", "TS001,TS002"]
NOTE = "She disclosed historic abuse.\n"
DONE = "She disclosed non-recent abuse.\n"
OTHER = 1234

needs_root = pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("setpriv") is None,
    reason="needs root and setpriv to run langcheck as a process that cannot override file permissions",
)


def as_plain_user(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run langcheck with no power to override file permissions, owners or modes."""
    drop = "-dac_override,-dac_read_search,-fowner,-chown,-fsetid"
    command = ["setpriv", f"--bounding-set={drop}", "--inh-caps=-all", sys.executable, "-m", "langcheck", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120, check=False)


def folder_anyone_may_write(tmp_path: Path) -> Path:
    folder = tmp_path / "shared"
    folder.mkdir()
    os.chmod(tmp_path, 0o755)
    os.chmod(folder, 0o777)
    return folder


def note_owned_by(folder: Path, name: str, uid: int, gid: int, mode: int) -> Path:
    note = folder / name
    note.write_text(NOTE)
    os.chown(note, uid, gid)
    os.chmod(note, mode)
    return note


@needs_root
def test_fix_write_refuses_files_the_user_may_not_change_and_keeps_owners(tmp_path: Path) -> None:
    folder = folder_anyone_may_write(tmp_path)
    group_writable = note_owned_by(folder, "group.txt", OTHER, 0, 0o664)  # writable, but not ours to re-own
    read_only = note_owned_by(folder, "readonly.txt", OTHER, OTHER, 0o444)
    others = note_owned_by(folder, "others.txt", OTHER, OTHER, 0o644)
    ours = note_owned_by(folder, "ours.txt", 0, 0, 0o640)
    result = as_plain_user("fix", "--write", *FIXED, ".", cwd=folder)
    assert result.returncode == 2, result.stderr
    for note, mode in ((group_writable, 0o664), (read_only, 0o444), (others, 0o644)):
        info = note.stat()
        assert note.read_text() == NOTE
        assert (info.st_uid, stat.S_IMODE(info.st_mode)) == (OTHER, mode)
    assert "group.txt: belongs to another user or group" in result.stderr
    assert "readonly.txt: is a file you may not change (permission denied)" in result.stderr
    assert "others.txt: is a file you may not change (permission denied)" in result.stderr
    assert ours.read_text() == DONE and stat.S_IMODE(ours.stat().st_mode) == 0o640
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["group.txt", "others.txt", "ours.txt", "readonly.txt"]


@needs_root
def test_a_write_error_is_counted_and_exits_2(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    note = note_owned_by(folder, "note.txt", 0, 0, 0o644)  # ours, but its folder is not
    os.chown(folder, OTHER, OTHER)
    os.chmod(folder, 0o555)
    result = as_plain_user("fix", "--write", *FIXED, str(note), cwd=tmp_path)
    assert result.returncode == 2
    assert "note.txt: could not be written (Permission denied); the file is unchanged" in result.stderr
    assert note.read_text() == NOTE


def test_an_edit_made_between_reading_and_replacing_is_kept(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(NOTE)
    snap = safewrite.snapshot(note, ReadOptions())
    with note.open("a") as other_editor:
        other_editor.write("Added by another editor.\n")
    with pytest.raises(safewrite.WriteRefusedError, match="changed while langcheck was fixing it"):
        safewrite.replace(snap, DONE)
    assert note.read_text() == NOTE + "Added by another editor.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["note.txt"]  # the temporary file is gone


def test_a_same_size_edit_is_caught_too(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(NOTE)
    snap = safewrite.snapshot(note, ReadOptions())
    before = note.stat()
    note.write_text(NOTE.upper())
    os.utime(note, ns=(before.st_atime_ns, before.st_mtime_ns))  # even with the old time put back
    with pytest.raises(safewrite.WriteRefusedError):
        safewrite.replace(snap, DONE)
    assert note.read_text() == NOTE.upper()


def test_a_symbolic_link_is_fixed_through_once_and_stays_a_link(tmp_path: Path) -> None:
    target = tmp_path / "target.txt"
    target.write_text(NOTE)
    link = tmp_path / "link.txt"
    link.symlink_to("target.txt")
    result = CliRunner().invoke(cli, ["fix", "--write", *FIXED, str(link)])
    assert result.exit_code == 0
    assert link.is_symlink() and os.readlink(link) == "target.txt"
    assert target.read_text() == DONE
    target.write_text(NOTE)
    both = CliRunner().invoke(cli, ["fix", "--write", *FIXED, str(tmp_path)])
    assert (both.exit_code, both.stdout) == (0, "Applied 1 fix.\n")
    assert link.is_symlink() and target.read_text() == DONE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.txt", "target.txt"]


def test_a_file_with_hard_links_is_refused_not_split(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(NOTE)
    other = tmp_path / "other-name.txt"
    os.link(note, other)
    result = CliRunner().invoke(cli, ["fix", "--write", *FIXED, str(note)])
    assert result.exit_code == 2
    assert "has 2 names (hard links)" in result.stderr
    assert note.read_text() == other.read_text() == NOTE
    assert os.path.samefile(note, other)


def test_fix_write_keeps_utf16(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_bytes(NOTE.encode("utf-16"))
    result = CliRunner().invoke(cli, ["fix", "--write", *FIXED, str(note)])
    assert result.exit_code == 0
    assert note.read_bytes() == DONE.encode("utf-16")


def test_the_new_text_is_flushed_to_disk_before_the_rename(tmp_path: Path) -> None:
    strace = shutil.which("strace")
    if strace is None:
        pytest.skip("strace is not installed (apt-get install strace) to watch the system calls")
    note = tmp_path / "note.txt"
    note.write_text(NOTE)
    command = [strace, "-f", "-e", "trace=fsync,rename,renameat,renameat2", sys.executable, "-m", "langcheck"]
    result = subprocess.run(
        [*command, "fix", "--write", *FIXED, str(note)], capture_output=True, text=True, timeout=120, check=False
    )
    calls = [line for line in result.stderr.splitlines() if "fsync(" in line or "rename" in line]
    rename = next(i for i, line in enumerate(calls) if "rename" in line and "note.txt" in line)
    assert any("fsync(" in line for line in calls[:rename]), calls
    assert note.read_text() == DONE
