"""Bad input: each damaged, locked, hostile or huge file is one clear line; the others are checked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from docbuilders import (
    FIXED,
    NOTE,
    make_docx,
    make_encrypted_office,
    make_pdf,
    make_xlsx,
    make_zip_bomb,
    pdf_bytes,
)
from langcheck.cli import cli


def run_check(*paths: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["check", *map(str, paths), *FIXED, "--format", "concise"])
    return result.exit_code, result.stdout, result.stderr


def encrypted_pdf(path: Path) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("secret", algorithm="RC4-128")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


@pytest.mark.parametrize(
    ("name", "build", "problem"),
    [
        ("corrupt.docx", lambda p: p.write_bytes(b"PK\x03\x04 not really a zip"), "is not a readable Word document"),
        ("locked.docx", make_encrypted_office, "is password-protected; save a copy without the password"),
        ("bomb.docx", make_zip_bomb, "would unpack to 40 MB from "),
        ("corrupt.odt", lambda p: p.write_bytes(b"garbage"), "is not a readable OpenDocument text"),
        ("corrupt.xlsx", lambda p: p.write_bytes(b"\0" * 100), "is not a readable Excel workbook"),
        ("locked.xlsx", make_encrypted_office, "is password-protected"),
        ("corrupt.pdf", lambda p: p.write_bytes(b"%PDF-1.4 then nothing"), "is not a readable PDF"),
        ("locked.pdf", encrypted_pdf, "is encrypted with a password; save a copy without the password"),
        ("scan.pdf", lambda p: p.write_bytes(pdf_bytes([[], []])), "has no text layer (it looks like a scanned image)"),
        ("latin1.txt", lambda p: p.write_bytes(b"caf\xe9 " + NOTE.encode()), "is not UTF-8 text (byte 0xe9 on line 1)"),
        (
            "latin1.csv",
            lambda p: p.write_bytes(b"id,note\n1,caf\xe9 notes here today\n"),
            "is not UTF-8 text (byte 0xe9",
        ),
        (
            "word.doc",
            lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0"),
            "is a .doc file, which langcheck cannot read; open it in Word",
        ),
    ],
)
def test_a_bad_file_is_one_line_and_the_others_are_checked(tmp_path: Path, name: str, build, problem: str) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / name
    build(bad)
    before = bad.read_bytes()
    good = tmp_path / "good.txt"
    good.write_text(NOTE)
    other = make_docx(tmp_path / "other.docx")
    code, stdout, stderr = run_check(other, bad, good)
    assert code == 2
    assert stderr.startswith(f"error: {bad}: {problem}")
    assert stderr.count("\n") == 1
    assert f"{good}:1:20: TS001" in stdout and f"{other} (paragraph 2): TS001" in stdout
    assert "Traceback" not in stdout + stderr
    assert bad.read_bytes() == before  # check never writes to its input


def test_a_200_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "export.csv"
    with huge.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: takes no disk space
    code, _, stderr = run_check(huge)
    assert (code, stderr) == (2, f"error: {huge}: is 200 MB, over the 100 MB limit; split it into smaller files\n")


def test_check_never_writes_to_any_document(tmp_path: Path) -> None:
    files = [make_docx(tmp_path / "a.docx"), make_pdf(tmp_path / "b.pdf"), make_xlsx(tmp_path / "c.xlsx")]
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}
    code, _, _ = run_check(tmp_path)
    assert code == 1
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files} == before
    assert sorted(os.listdir(tmp_path)) == ["a.docx", "b.pdf", "c.xlsx"]


def test_fix_refuses_documents_it_cannot_rewrite(tmp_path: Path) -> None:
    doc = make_docx(tmp_path / "report.docx")
    before = doc.read_bytes()
    result = CliRunner().invoke(cli, ["fix", str(doc), "--write", *FIXED])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {doc}: is a .docx document, which langcheck fix does not change; "
        "change the wording in the document itself (langcheck check shows where)\n"
    )
    assert doc.read_bytes() == before


def test_fix_in_a_folder_leaves_documents_alone_and_fixes_markdown(tmp_path: Path) -> None:
    make_docx(tmp_path / "report.docx")
    note = tmp_path / "note.md"
    note.write_text("She disclosed historic abuse in `historic abuse` code.\nShe disclosed *historic* abuse.\n")
    args = ["--isolated", "--extend-rules", FIXED[2], "--select", "TS002"]
    result = CliRunner().invoke(cli, ["fix", str(tmp_path), "--write", *args])
    assert result.exit_code == 0, result.output
    assert note.read_text() == (
        "She disclosed non-recent abuse in `historic abuse` code.\nShe disclosed *historic* abuse.\n"
    )  # the code is not prose, and words split by markup are left to the writer
    assert "1 document (.docx, .pdf, spreadsheets, ...) left unchanged" in result.stderr
