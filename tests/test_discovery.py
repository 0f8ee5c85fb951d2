"""Folders and globs: .gitignore, exclude, hidden files, links, and what a search passes over."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from docbuilders import FIXED, NOTE, make_docx
from langcheck.cli import cli
from langcheck.discovery import BINARY, OUTSIDE, UNSUPPORTED, discover


def write(path: Path, text: str = NOTE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def found(*paths: Path | str) -> list[str]:
    return [t.path for t in discover([str(p) for p in paths]).targets]


def test_folders_are_searched_in_name_order_for_every_format(tmp_path: Path) -> None:
    write(tmp_path / "b.md")
    write(tmp_path / "a" / "z.txt")
    make_docx(tmp_path / "c.docx")
    write(tmp_path / "page.HTML")
    write(tmp_path / ".hidden" / "x.txt")
    write(tmp_path / ".draft.txt")
    write(tmp_path / "node_modules" / "y.txt")
    assert found(tmp_path) == [str(tmp_path / n) for n in ("a/z.txt", "b.md", "c.docx", "page.HTML")]


def test_gitignore_is_honoured_like_git(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".gitignore", "*.log.txt\nbuild/\n/top.md\n")
    write(tmp_path / "notes" / ".gitignore", "drafts/\n*.txt\n!keep.txt\n")
    for name in ("top.md", "a.log.txt", "build/b.md", "notes/n.md", "notes/x.txt", "notes/keep.txt"):
        write(tmp_path / name)
    write(tmp_path / "notes" / "drafts" / "d.md")
    write(tmp_path / "sub" / "top.md")  # '/top.md' anchors to the folder of the .gitignore
    assert found(tmp_path) == [str(tmp_path / n) for n in ("notes/keep.txt", "notes/n.md", "sub/top.md")]


def test_gitignore_above_the_searched_folder_counts_up_to_the_repository(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "info").mkdir()
    write(tmp_path / ".git" / "info" / "exclude", "secret.md\n")
    write(tmp_path / ".gitignore", "notes/old/\n")
    write(tmp_path / "notes" / "old" / "a.md")
    write(tmp_path / "notes" / "new" / "b.md")
    write(tmp_path / "notes" / "new" / "secret.md")
    assert found(tmp_path / "notes") == [str(tmp_path / "notes" / "new" / "b.md")]


def test_a_named_file_is_checked_even_if_ignored(tmp_path: Path) -> None:
    write(tmp_path / ".gitignore", "*.md\n")
    note = write(tmp_path / "a.md")
    assert found(note) == [str(note)]


def test_config_exclude_prunes_the_search(tmp_path: Path) -> None:
    write(tmp_path / ".langcheck.toml", 'exclude = ["archive/", "*.draft.md"]\n')
    write(tmp_path / "archive" / "old.md")
    write(tmp_path / "x.draft.md")
    keep = write(tmp_path / "keep.md")
    result = CliRunner().invoke(cli, ["check", str(tmp_path), "--format", "json"])
    assert [f["path"] for f in json.loads(result.stdout)["findings"]] == [str(keep)]


def test_skipped_files_are_counted_in_the_summary(tmp_path: Path) -> None:
    write(tmp_path / "note.txt")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\x00binary")
    write(tmp_path / "notes.log", "a text file of a type langcheck does not search")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "renamed.txt").write_bytes(b"\x89PNG\x00\x00")  # binary behind a text suffix
    discovery = discover([str(tmp_path)])
    assert dict(discovery.skipped) == {BINARY: 1, UNSUPPORTED: 2}
    result = CliRunner().invoke(cli, ["check", str(tmp_path), *FIXED, "--verbose"])
    assert result.exit_code == 1
    assert result.stdout.endswith(
        "1 finding in 1 of 1 file (1 warning). 4 files skipped (2 binary, 2 unsupported type).\n"
    )
    data = json.loads(CliRunner().invoke(cli, ["check", str(tmp_path), *FIXED, "--format", "json"]).stdout)
    assert data["summary"]["skipped"] == 4 and data["summary"]["files"] == 1


def test_a_named_binary_file_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "renamed.txt"
    bad.write_bytes(b"\x89PNG\x00\x00")
    result = CliRunner().invoke(cli, ["check", str(bad)])
    assert result.exit_code == 2 and "looks like a binary file" in result.stderr


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_links_are_followed_only_inside_the_folder(tmp_path: Path) -> None:
    outside = write(tmp_path / "outside" / "secret.md")
    root = tmp_path / "notes"
    write(root / "real" / "a.md")
    (root / "to-outside.md").symlink_to(outside)
    (root / "to-outside-dir").symlink_to(outside.parent, target_is_directory=True)
    (root / "loop").symlink_to(root, target_is_directory=True)
    (root / "alias.md").symlink_to(root / "real" / "a.md")
    discovery = discover([str(root)])
    assert [t.path for t in discovery.targets] == [str(root / "alias.md"), str(root / "real" / "a.md")]
    assert dict(discovery.skipped) == {OUTSIDE: 2}


def test_globs_are_expanded(tmp_path: Path) -> None:
    write(tmp_path / "a" / "one.md")
    write(tmp_path / "a" / "b" / "two.md")
    write(tmp_path / "a" / "three.txt")
    assert found(tmp_path / "a" / "**" / "*.md") == [
        str(tmp_path / "a" / "b" / "two.md"),
        str(tmp_path / "a" / "one.md"),
    ]
    (problem,) = discover([str(tmp_path / "*.nothing")]).targets
    assert problem.problem is not None and problem.problem.startswith("matches no files")


def test_a_folder_of_nothing_readable_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\x00")
    result = CliRunner().invoke(cli, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"error: {tmp_path}: is a folder with no documents to check (1 file of other types); langcheck reads .csv,"
    )
