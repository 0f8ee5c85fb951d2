"""`langcheck fix` end to end, and the rules of fixes.py and safewrite.py (issue 19 mutation survivors).

Each test observes what a user sees: the diff or fixed text on standard output, the counts and
errors on standard error, the exit status, and the file (its text, owner, mode, whether it is
still there).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from langcheck.cli import cli, safewrite
from langcheck.errors import InputError
from langcheck.fixes import apply_fixes, fixable
from langcheck.models import Finding, Severity
from langcheck.sources import ReadOptions

PACK = str(Path(__file__).parent / "fixtures" / "pack")
FIXED = ["--isolated", "--extend-rules", PACK, "--select", "TS001,TS002"]
ABUSE = "She disclosed historic abuse.\n"
DONE = "She disclosed non-recent abuse.\n"
LEFT_ALONE = (
    "warning: 1 document (.docx, .pdf, spreadsheets, ...) left unchanged: langcheck fix changes only plain-text files\n"
)


def fix(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["fix", *args, *FIXED], input=input)


# fixes.py ---------------------------------------------------------------------------------------


def _f(start: int, end: int, fix: str | None) -> Finding:
    return Finding("TS002", "n", "c", Severity.INFO, "m", "t", start, end, 1, start + 1, 1, end + 1, fix=fix)


def test_fixes_are_applied_earliest_first_and_an_overlapping_one_is_dropped() -> None:
    text = "0123456789"
    one, inner, two, hint_only = _f(2, 5, "A"), _f(3, 4, "B"), _f(5, 7, "C"), _f(0, 1, None)
    assert fixable([two, inner, hint_only, one]) == [one, two]  # touching is not overlapping
    assert apply_fixes(text, [two, inner, hint_only, one]) == "01AC789"
    # of two fixes that start together, the longer one wins
    short, long = _f(2, 4, "S"), _f(2, 6, "L")
    assert fixable([short, long]) == [long] and fixable([long, short]) == [long]
    assert apply_fixes(text, [short, long]) == "01L6789"
    assert apply_fixes(text, []) == text
    assert apply_fixes(text, [_f(8, 10, "")]) == "01234567"


# cli/fix.py -------------------------------------------------------------------------------------


def test_a_diff_counts_every_fix_and_ends_lines_the_file_did_not_end(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("She disclosed historic abuse. Later, historical abuse.")
    result = fix(str(note))
    assert (result.exit_code, result.stderr) == (1, "")
    assert result.stdout == (
        f"--- a/{note}\n+++ b/{note}\n@@ -1 +1 @@\n"
        "-She disclosed historic abuse. Later, historical abuse.\n"
        "+She disclosed non-recent abuse. Later, non-recent abuse.\n"
        "2 fixes available; run with --write to apply.\n"
    )
    assert note.read_text() == "She disclosed historic abuse. Later, historical abuse."


def test_a_file_named_twice_is_fixed_once(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(ABUSE)
    shown = fix(str(note), str(note))
    assert shown.exit_code == 1 and shown.stdout.count("+++ ") == 1
    assert shown.stdout.endswith("\n1 fix available; run with --write to apply.\n")
    written = fix("--write", str(note), str(note))
    assert (written.exit_code, written.stdout, written.stderr) == (0, "Applied 1 fix.\n", "")
    assert note.read_text() == DONE


def test_write_counts_fixes_in_every_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ABUSE)
    (tmp_path / "b.txt").write_text("Historic abuse.\nHistoric abuse again.\n")
    (tmp_path / "clean.txt").write_text("YP spoke to Ofc Smith.\n")
    result = fix("--write", str(tmp_path))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "Applied 3 fixes.\n", "")
    assert (tmp_path / "b.txt").read_text() == "Non-recent abuse.\nNon-recent abuse again.\n"
    again = fix("--write", str(tmp_path))
    assert (again.exit_code, again.stdout) == (0, "Applied 0 fixes.\n")
    assert (fix(str(tmp_path)).exit_code, fix(str(tmp_path)).stdout) == (0, "Nothing to fix.\n")


def test_standard_input_is_a_filter(tmp_path: Path) -> None:
    two = fix("-", input="She disclosed historic abuse.\nand historic abuse\n")
    assert (two.exit_code, two.stdout, two.stderr) == (
        0,
        "She disclosed non-recent abuse.\nand non-recent abuse\n",
        "Applied 2 fixes.\n",
    )
    one = fix("-", input=ABUSE)
    assert (one.exit_code, one.stdout, one.stderr) == (0, DONE, "Applied 1 fix.\n")
    none = fix("-", input="Nothing here.")
    assert (none.exit_code, none.stdout, none.stderr) == (0, "Nothing here.", "Applied 0 fixes.\n")
    missing = str(tmp_path / "missing.txt")
    bad = fix("-", missing, input=ABUSE)
    assert (bad.exit_code, bad.stdout) == (2, DONE)
    assert bad.stderr == f"error: {missing}: does not exist; check the path and the spelling\nApplied 1 fix.\n"


def test_no_paths_and_missing_files_are_errors(tmp_path: Path) -> None:
    none = fix()
    assert (none.exit_code, none.stdout, none.stderr) == (
        2,
        "",
        "error: no files given; name the files or folders to fix\n",
    )
    missing = str(tmp_path / "missing.txt")
    for args in ((missing,), ("--write", missing)):
        result = fix(*args)
        assert result.exit_code == 2
        assert result.stderr == f"error: {missing}: does not exist; check the path and the spelling\n"
    assert fix(missing).stdout == "Nothing to fix.\n" and fix("--write", missing).stdout == "Applied 0 fixes.\n"
    note = tmp_path / "note.txt"
    note.write_text(ABUSE)
    both = fix(str(note), missing)
    assert both.exit_code == 2 and both.stdout.endswith("1 fix available; run with --write to apply.\n")
    written = fix("--write", str(note), missing)
    assert (written.exit_code, written.stdout) == (2, "Applied 1 fix.\n") and note.read_text() == DONE


def test_a_bad_setting_stops_the_run(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(ABUSE)
    result = CliRunner().invoke(cli, ["fix", str(note), "--isolated", "--extend-rules", str(tmp_path / "nope")])
    assert result.exit_code == 2 and result.stdout == "" and "nope" in result.stderr
    assert note.read_text() == ABUSE


def test_documents_are_left_to_the_writer(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "note.txt").write_text(ABUSE)
    (docs / "report.docx").write_bytes(b"PK not really a document")
    (docs / "notes.pdf").write_bytes(b"%PDF-1.4 not really")
    found = fix(str(docs))
    assert found.exit_code == 1 and found.stdout.endswith("\n1 fix available; run with --write to apply.\n")
    assert found.stderr == LEFT_ALONE.replace("1 document", "2 documents")
    (docs / "notes.pdf").unlink()
    assert fix("--write", str(docs)).stderr == LEFT_ALONE
    named = fix(str(docs / "report.docx"))
    assert (named.exit_code, named.stdout) == (2, "Nothing to fix.\n")
    assert named.stderr == (
        f"error: {docs / 'report.docx'}: is a .docx document, which langcheck fix does not change; "
        "change the wording in the document itself (langcheck check shows where)\n"
    )


def test_a_binary_file_is_passed_over_in_a_folder_but_an_error_when_named(tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x00\x01historic abuse \xff\n")
    (tmp_path / "note.txt").write_text(ABUSE)
    found = fix("--write", str(tmp_path))
    assert (found.exit_code, found.stdout, found.stderr) == (0, "Applied 1 fix.\n", "")
    named = fix(str(binary))
    assert (named.exit_code, named.stdout) == (2, "Nothing to fix.\n")
    assert named.stderr.startswith(f"error: {binary}: looks like a binary file, not text")
    assert binary.read_bytes() == b"\x00\x01historic abuse \xff\n"


def test_a_text_file_that_is_not_utf8_is_an_error_even_in_a_folder(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"historic abuse \xff\n")
    (tmp_path / "note.txt").write_text(ABUSE)
    found = fix("--write", str(tmp_path))
    assert (found.exit_code, found.stdout) == (2, "Applied 1 fix.\n")
    assert found.stderr.startswith(f"error: {bad}: is not UTF-8 text (byte 0xff on line 1)")
    assert bad.read_bytes() == b"historic abuse \xff\n"


def test_words_split_by_markup_are_not_rewritten(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text("She disclosed *historic* abuse.\nShe disclosed historic abuse.\n")
    result = fix("--write", str(note))
    assert (result.exit_code, result.stdout) == (0, "Applied 1 fix.\n")
    assert note.read_text() == "She disclosed *historic* abuse.\nShe disclosed non-recent abuse.\n"


def test_an_empty_file_has_nothing_to_fix(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    result = fix(str(tmp_path / "empty.txt"))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "Nothing to fix.\n", "")


def test_a_refused_write_is_an_error_and_the_file_is_unchanged(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(ABUSE)
    os.link(note, tmp_path / "other.txt")
    (tmp_path / "fine.txt").write_text(ABUSE)
    result = fix("--write", str(note), str(tmp_path / "fine.txt"))
    assert (result.exit_code, result.stdout) == (2, "Applied 1 fix.\n")
    assert result.stderr == (
        f"error: {note}: has 2 names (hard links), and replacing it would leave the old text under the others; "
        "apply the fix by hand; the file is unchanged\n"
    )
    assert note.read_text() == ABUSE and (tmp_path / "fine.txt").read_text() == DONE


# cli/safewrite.py -------------------------------------------------------------------------------


def test_snapshot_notes_the_file_as_read(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(ABUSE)
    os.chmod(note, 0o604)
    link = tmp_path / "link.txt"
    link.symlink_to(note)
    snap = safewrite.snapshot(link, ReadOptions())
    info = note.stat()
    assert (snap.name, snap.real, snap.data) == (str(link), note, ABUSE.encode())
    assert snap.identity == (info.st_dev, info.st_ino)
    assert (snap.size, snap.mtime_ns, snap.links, snap.mode) == (len(ABUSE), info.st_mtime_ns, 1, 0o604)
    assert (snap.uid, snap.gid) == (info.st_uid, info.st_gid)


def test_snapshot_refuses_what_is_not_a_readable_file(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        safewrite.snapshot(tmp_path, ReadOptions())
    with pytest.raises(InputError, match="does not exist"):
        safewrite.snapshot(tmp_path / "missing.txt", ReadOptions())
    big = tmp_path / "big.txt"
    big.write_text(ABUSE)
    with pytest.raises(InputError, match="limit"):
        safewrite.snapshot(big, ReadOptions(max_bytes=4))


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give the file to another user")
def test_a_file_of_another_user_keeps_its_owner_and_mode(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(ABUSE)
    os.chown(note, 1234, 4321)
    os.chmod(note, 0o660)
    result = fix("--write", str(note))
    assert result.exit_code == 0 and note.read_text() == DONE
    info = note.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (1234, 4321, 0o660)


def test_a_file_removed_while_fixing_is_not_brought_back(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(ABUSE)
    snap = safewrite.snapshot(note, ReadOptions())
    note.unlink()
    with pytest.raises(safewrite.WriteRefusedError, match=r"^cannot be changed \(No such file or directory\)$"):
        safewrite.replace(snap, DONE)
    assert list(tmp_path.iterdir()) == []


def test_a_file_put_back_under_the_same_name_is_not_replaced(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(ABUSE)
    snap = safewrite.snapshot(note, ReadOptions())
    before = note.stat()
    other = tmp_path / "other.txt"
    other.write_text(ABUSE)
    os.utime(other, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(other, note)  # the same text and time, but another file (an editor's save)
    with pytest.raises(safewrite.WriteRefusedError):
        safewrite.replace(snap, DONE)
    assert note.read_text() == ABUSE and [p.name for p in tmp_path.iterdir()] == ["note.txt"]


def test_a_touched_file_is_not_replaced(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(ABUSE)
    snap = safewrite.snapshot(note, ReadOptions())
    os.utime(note, ns=(snap.mtime_ns + 5_000_000_000, snap.mtime_ns + 5_000_000_000))
    with pytest.raises(safewrite.WriteRefusedError):
        safewrite.replace(snap, DONE)
    assert note.read_text() == ABUSE


def test_replace_writes_in_the_files_own_encoding_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_bytes(b"\xef\xbb\xbf" + ABUSE.encode())
    os.chmod(note, 0o600)
    snap = safewrite.snapshot(note, ReadOptions())
    assert safewrite.encode(snap, "Né") == b"\xef\xbb\xbfN\xc3\xa9"
    safewrite.replace(snap, DONE)
    assert note.read_bytes() == b"\xef\xbb\xbf" + DONE.encode()
    assert stat.S_IMODE(note.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["note.txt"]


def test_a_file_that_cannot_be_opened_for_writing_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    note = tmp_path / "note.txt"
    note.write_text(ABUSE)
    real = safewrite.snapshot(note, ReadOptions())
    moved = safewrite.Snapshot(**{**{s: getattr(real, s) for s in real.__slots__}, "real": folder})
    with pytest.raises(safewrite.WriteRefusedError, match=r"^cannot be changed \(Is a directory\)$"):
        safewrite.replace(moved, DONE)
    assert [p.name for p in folder.iterdir()] == []


# every kind of problem, alone and with another ---------------------------------------------------


def _problems(tmp_path: Path) -> dict[str, tuple[list[str], str]]:
    """Return, for each kind of problem, the arguments that cause it and its error line."""
    (tmp_path / "nowhere").mkdir()
    link = tmp_path / "broken.txt"
    link.symlink_to(tmp_path / "nowhere" / "note.txt")
    docx = tmp_path / "report.docx"
    docx.write_bytes(b"PK not really a document")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x00\x01historic abuse \xff\n")
    missing = tmp_path / "missing.txt"
    return {
        "broken link": ([str(link)], f"{link}: is a symbolic link to a file that does not exist; check the link"),
        "no match": ([str(tmp_path / "*.md")], f"{tmp_path / '*.md'}: matches no files;"),
        "document": ([str(docx)], f"{docx}: is a .docx document, which langcheck fix does not change;"),
        "not text": ([str(binary)], f"{binary}: looks like a binary file, not text"),
        "missing": ([str(missing)], f"{missing}: does not exist; check the path and the spelling"),
    }


def test_each_problem_is_an_error_alone_and_beside_another(tmp_path: Path) -> None:
    problems = _problems(tmp_path)
    for kind, (args, line) in problems.items():
        alone = fix(*args)
        assert (alone.exit_code, alone.stdout) == (2, "Nothing to fix.\n"), kind
        assert alone.stderr.startswith(f"error: {line}"), kind
        for other, (more, other_line) in problems.items():
            if other != kind:
                both = fix("--write", *args, *more)
                assert both.exit_code == 2, (kind, other)
                assert line in both.stderr and other_line in both.stderr


def test_a_refused_write_beside_another_problem_still_fails(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(ABUSE)
    os.link(note, tmp_path / "other.txt")
    args, _ = _problems(tmp_path)["broken link"]
    result = fix("--write", str(note), *args)
    assert result.exit_code == 2 and "has 2 names" in result.stderr and note.read_text() == ABUSE


def test_a_write_that_fails_is_an_error_and_leaves_the_file(tmp_path: Path) -> None:
    import resource

    note = tmp_path / "note.txt"
    note.write_text(ABUSE)
    assert fix(str(note)).exit_code == 1  # the rules are read (and cached) before writes are limited
    args, _ = _problems(tmp_path)["broken link"]
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (16, hard))  # a write past 16 bytes fails (EFBIG)
    try:
        alone = fix("--write", str(note))
        both = fix("--write", str(note), *args)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert (alone.exit_code, alone.stdout) == (2, "Applied 0 fixes.\n")
    assert alone.stderr == f"error: {note}: could not be written (File too large); the file is unchanged\n"
    assert both.exit_code == 2 and "could not be written" in both.stderr
    assert note.read_text() == ABUSE and [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_fixes_waiting_in_several_files_are_added_up(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ABUSE)
    (tmp_path / "b.txt").write_text("Historic abuse.\nHistoric abuse again.\n")
    result = fix(str(tmp_path))
    assert result.exit_code == 1 and result.stdout.endswith("\n3 fixes available; run with --write to apply.\n")
    assert result.stdout.count("+++ ") == 2


def test_fix_keeps_to_per_file_ignores(tmp_path: Path) -> None:
    (tmp_path / ".langcheck.toml").write_text('[per-file-ignores]\n"training/*" = ["TS002"]\n')
    (tmp_path / "training").mkdir()
    (tmp_path / "training" / "slides.txt").write_text(ABUSE)
    (tmp_path / "note.txt").write_text(ABUSE)
    result = CliRunner().invoke(cli, ["fix", "--write", str(tmp_path), "--extend-rules", PACK, "--select", "TS002"])
    assert (result.exit_code, result.stdout) == (0, "Applied 1 fix.\n")
    assert (tmp_path / "training" / "slides.txt").read_text() == ABUSE
    assert (tmp_path / "note.txt").read_text() == DONE


def test_two_projects_with_the_same_settings_each_keep_their_own_per_file_ignores(tmp_path: Path) -> None:
    projects = []
    for name in ("north", "south"):
        project = tmp_path / name
        (project / "training").mkdir(parents=True)
        (project / ".langcheck.toml").write_text('[per-file-ignores]\n"training/*" = ["TS002"]\n')
        (project / "training" / "slides.txt").write_text(ABUSE)
        projects.append(str(project))
    result = CliRunner().invoke(cli, ["fix", *projects, "--extend-rules", PACK, "--select", "TS002"])
    assert (result.exit_code, result.stdout) == (0, "Nothing to fix.\n")


def test_the_new_text_is_written_to_a_hidden_file_beside_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    note = tmp_path / "note.txt"
    note.write_text(ABUSE)
    seen: list[list[str]] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        seen.append(sorted(p.name for p in tmp_path.iterdir()))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    safewrite.replace(safewrite.snapshot(note, ReadOptions()), DONE)
    monkeypatch.undo()
    (names, *_) = seen
    (temporary,) = [n for n in names if n != "note.txt"]
    assert temporary.startswith(".note.txt.") and temporary.endswith(".langcheck")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["note.txt"] and note.read_text() == DONE


def test_the_message_for_a_file_changed_meanwhile(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(ABUSE)
    snap = safewrite.snapshot(note, ReadOptions())
    note.write_text(ABUSE + "More.\n")
    with pytest.raises(safewrite.WriteRefusedError) as refused:
        safewrite.replace(snap, DONE)
    assert (
        str(refused.value) == "changed while langcheck was fixing it, so it was left as it is; run langcheck fix again"
    )


# what the user is told when the system refuses (root overrides these refusals, so they are simulated)


def _refuse(monkeypatch: pytest.MonkeyPatch, name: str, error: OSError, when: object = None) -> None:
    """Make os.`name` raise `error` when its first argument is `when` (any call if None)."""
    real = getattr(os, name)

    def refused(first: object, *args: object, **kwargs: object) -> object:
        if when is None or first == when or (isinstance(when, int) and args and args[0] == when):
            raise error
        return real(first, *args, **kwargs)

    monkeypatch.setattr(os, name, refused)


def test_a_file_langcheck_may_not_read_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    note = tmp_path / "note.txt"
    note.write_text(ABUSE)
    _refuse(monkeypatch, "open", PermissionError(13, "Permission denied"), when=note)
    with pytest.raises(InputError) as caught:
        safewrite.snapshot(note, ReadOptions())
    assert str(caught.value).startswith(f"{note}: ")
    assert "permission" in str(caught.value).lower()


def test_a_file_langcheck_may_not_write_is_refused_with_advice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    note = tmp_path / "note.txt"
    note.write_text(ABUSE)
    snap = safewrite.snapshot(note, ReadOptions())
    _refuse(monkeypatch, "open", PermissionError(13, "Permission denied"), when=os.O_WRONLY | os.O_NONBLOCK)
    with pytest.raises(safewrite.WriteRefusedError) as caught:
        safewrite.replace(snap, DONE)
    assert str(caught.value) == "is a file you may not change (permission denied); ask its owner to fix it"
    assert note.read_text() == ABUSE and [p.name for p in tmp_path.iterdir()] == ["note.txt"]


def test_a_file_whose_owner_cannot_be_kept_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    note = tmp_path / "note.txt"
    note.write_text(ABUSE)
    snap = safewrite.snapshot(note, ReadOptions())
    someone_else = safewrite.Snapshot(**{**{s: getattr(snap, s) for s in snap.__slots__}, "uid": snap.uid + 1})
    _refuse(monkeypatch, "fchown", PermissionError(1, "Operation not permitted"))
    with pytest.raises(safewrite.WriteRefusedError) as caught:
        safewrite.replace(someone_else, DONE)
    assert str(caught.value) == (
        "belongs to another user or group, and rewriting it would change its owner; ask its owner to fix it"
    )
    assert note.read_text() == ABUSE and [p.name for p in tmp_path.iterdir()] == ["note.txt"]


def test_a_file_that_cannot_be_looked_at_again_is_left_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    note = tmp_path / "note.txt"
    note.write_text(ABUSE)
    snap = safewrite.snapshot(note, ReadOptions())
    _refuse(monkeypatch, "stat", OSError(5, "Input/output error"), when=note)
    with pytest.raises(safewrite.WriteRefusedError, match=r"^changed while langcheck was fixing it"):
        safewrite.replace(snap, DONE)
    monkeypatch.undo()
    assert note.read_text() == ABUSE and [p.name for p in tmp_path.iterdir()] == ["note.txt"]


def test_the_diff_is_never_coloured(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("She disclosed historic abuse 12 times.\n")
    result = fix(str(note), "--color", "always")  # patch and review tools read the diff
    assert result.exit_code == 1 and "\x1b[" not in result.stdout
    assert "+She disclosed non-recent abuse 12 times.\n" in result.stdout


def test_an_edit_saved_just_after_langcheck_read_the_file_is_not_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    note = tmp_path / "note.txt"
    note.write_text(ABUSE)
    real_snapshot = safewrite.snapshot

    def snapshot_then_another_editor_saves(path: Path, options: ReadOptions) -> safewrite.Snapshot:
        snap = real_snapshot(path, options)
        path.write_text("She disclosed non-recent abuse, says Ofc Smith.\n")
        return snap

    monkeypatch.setattr(safewrite, "snapshot", snapshot_then_another_editor_saves)
    result = fix("--write", str(note))
    assert (result.exit_code, result.stdout) == (2, "Applied 0 fixes.\n")
    assert "changed while langcheck was fixing it" in result.stderr
    assert note.read_text() == "She disclosed non-recent abuse, says Ofc Smith.\n"
