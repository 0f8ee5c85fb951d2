"""Readers under hostile input: damaged documents leak nothing, encodings are read or named,
zip entries that lie about their size are refused, special files never hang, odd text never crashes."""

from __future__ import annotations

import codecs
import json
import os
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import langcheck
from docbuilders import FIXED, make_docx, make_odt, make_xlsx, pdf_file
from langcheck.cli import cli
from langcheck.errors import InputError
from langcheck.sources.quiet import quietly
from langcheck.sources.units import TextUnit, Unit

SECRET = "herself"  # a word of the note that must appear on no stream when the file is damaged


def cut_part(source: Path, target: Path, part: str, before: bytes) -> Path:
    """Copy a zip document with one XML part cut short just after `before` (a valid zip, a damaged part)."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == part:
                at = data.index(before) + len(before) if before in data else len(data) // 2
                data = data[:at]
            out.writestr(info.filename, data)
    return target


DAMAGED: list[tuple[str, Callable[[Path], Path], str]] = [
    ("odt", make_odt, "content.xml"),
    ("odt", make_odt, "styles.xml"),
    ("odt", make_odt, "meta.xml"),
    ("docx", make_docx, "word/document.xml"),
    ("xlsx", make_xlsx, "xl/worksheets/sheet1.xml"),
    ("xlsx", make_xlsx, "xl/worksheets/sheet2.xml"),
]


@pytest.mark.parametrize(("suffix", "build", "part"), DAMAGED)
def test_a_damaged_document_is_one_error_line_and_leaks_no_text(
    tmp_path: Path, suffix: str, build: Callable[[Path], Path], part: str
) -> None:
    whole = build(tmp_path / f"whole.{suffix}")
    damaged = cut_part(whole, tmp_path / f"damaged.{suffix}", part, b"put")
    command = [sys.executable, "-m", "langcheck", "check", *FIXED]
    result = subprocess.run([*command, str(damaged)], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 2, result.stdout + result.stderr
    assert SECRET not in result.stdout and SECRET not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"error: {damaged}: ") and "Traceback" not in result.stderr
    as_json = subprocess.run(
        [*command, "--format", "json", str(damaged)], capture_output=True, text=True, timeout=120, check=False
    )
    report = json.loads(as_json.stdout)  # still JSON, whatever the library tried to print
    assert as_json.returncode == 2 and [e["path"] for e in report["errors"]] == [str(damaged)]
    assert SECRET not in as_json.stdout and SECRET not in as_json.stderr


def test_anything_a_reader_library_prints_is_captured_and_refuses_the_document() -> None:
    def chatty_reader() -> Iterator[Unit]:
        print("====== FAILED TO PARSE ====== she put herself at risk")  # as odfpy does
        yield TextUnit("she put herself at risk")

    with pytest.raises(InputError, match="is damaged") as info:
        list(quietly(chatty_reader(), "note.odt", "OpenDocument text"))
    assert SECRET not in str(info.value)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-32-be", "utf-8-sig"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_read(tmp_path: Path, codec: str) -> None:
    text = "Case note.\nJade (14) has been putting herself at risk.\n"
    bom = {"utf-16-be": codecs.BOM_UTF16_BE, "utf-32-be": codecs.BOM_UTF32_BE}.get(codec, b"")
    note = tmp_path / "notes" / "note.txt"
    note.parent.mkdir()
    note.write_bytes(bom + text.encode(codec))
    (finding,) = langcheck.Linter(langcheck.Config(select=("AG001",))).check_file(note)
    assert (finding.line, finding.column, finding.text) == (2, 20, "putting herself at risk")
    assert text[finding.start : finding.end] == finding.text
    result = CliRunner().invoke(cli, ["check", "--select", "AG001", str(note.parent)])  # found by a search too
    assert result.exit_code == 1 and "1 finding in 1 of 1 file" in result.stdout


def test_a_stray_nul_does_not_make_a_text_file_binary(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_bytes(b"Jade (14) has been putting herself at risk.\nA stray \x00 from a bad export.\n")
    result = CliRunner().invoke(cli, ["check", "--select", "AG001", str(tmp_path)])
    assert result.exit_code == 1 and "1 finding in 1 of 1 file" in result.stdout


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xd8",
            "looks like a binary file, not text (it holds NUL bytes, and byte 0x89",
        ),
        (
            "Jade has been putting herself at risk.".encode("utf-16-le"),
            "looks like UTF-16 text without a byte-order mark",
        ),
        (codecs.BOM_UTF16_LE + b"\x00\xd8a\x00", "starts with a UTF-16 byte-order mark but is not valid UTF-16 text"),
        (b"\x00" * 64, "(64 of its 64 bytes are NUL)"),
        (b"caf\xe9 au lait", "is not UTF-8 text (byte 0xe9 on line 1)"),
    ],
)
def test_a_file_that_is_not_text_says_exactly_why(tmp_path: Path, data: bytes, says: str) -> None:
    note = tmp_path / "note.txt"
    note.write_bytes(data)
    result = CliRunner().invoke(cli, ["check", str(note)])
    assert result.exit_code == 2
    assert says in result.stderr


def lying_zip(source: Path, target: Path, part: str, extra: int) -> Path:
    """Copy a zip document whose `part` holds `extra` more bytes than its headers declare."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in original.infolist():
            data = original.read(info)
            out.writestr(info.filename, data + (b" " * extra if info.filename == part else b""))
    with zipfile.ZipFile(source) as original:
        declared = original.getinfo(part).file_size
    raw = bytearray(target.read_bytes())
    at = raw.find(b"PK\x01\x02")
    while at != -1:  # central directory: the declared size
        length = struct.unpack_from("<H", raw, at + 28)[0]
        if raw[at + 46 : at + 46 + length] == part.encode():
            struct.pack_into("<I", raw, at + 24, declared)
            header = struct.unpack_from("<I", raw, at + 42)[0]
            struct.pack_into("<I", raw, header + 22, declared)  # and the local header's
        at = raw.find(b"PK\x01\x02", at + 4)
    target.write_bytes(bytes(raw))
    return target


@pytest.mark.parametrize(
    ("suffix", "build", "part"),
    [("docx", make_docx, "word/document.xml"), ("odt", make_odt, "content.xml")],
)
def test_a_zip_entry_that_lies_about_its_size_is_refused_without_inflating_it(
    tmp_path: Path, suffix: str, build: Callable[[Path], Path], part: str
) -> None:
    bomb = lying_zip(build(tmp_path / f"whole.{suffix}"), tmp_path / f"bomb.{suffix}", part, 300 * 1024 * 1024)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    script = (  # VmHWM: this process's own peak (ru_maxrss would carry pytest's over the exec)
        "import re, sys\n"
        "from langcheck.cli import cli\n"
        "try:\n    cli.main(sys.argv[1:], prog_name='langcheck')\n"
        "except SystemExit as exit:\n"
        "    status = open('/proc/self/status').read()\n"
        "    print(re.search(r'VmHWM:\\s+(\\d+)', status).group(1), file=sys.stderr)\n"
        "    raise\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, "check", *FIXED, str(bomb)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    error, peak = result.stderr.strip().splitlines()
    assert f"holds a part ({part}) that unpacks to more than the" in error
    assert int(peak) < 250 * 1024, f"peak memory {int(peak) // 1024} MB: the entry was inflated whole"


@pytest.mark.parametrize("command", ["check", "fix"])
def test_a_named_pipe_never_hangs(tmp_path: Path, command: str) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    (tmp_path / "note.txt").write_text("Clean.\n")
    for target in (str(pipe), str(tmp_path / "*.txt")):
        result = subprocess.run(
            [sys.executable, "-m", "langcheck", command, target],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        if target == str(pipe):
            assert result.returncode == 2
            assert (
                result.stderr.strip()
                == f"error: {pipe}: is a named pipe (FIFO), not a file; give the file or folder to check"
            )
        else:
            assert result.returncode == 0 and "Traceback" not in result.stderr
    result = subprocess.run(
        [sys.executable, "-m", "langcheck", command, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr


def test_the_library_never_hangs_on_a_pipe_either(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    with pytest.raises(InputError, match="is a named pipe"):
        langcheck.Linter().check_file(pipe)


def test_lone_surrogates_never_crash_the_library() -> None:
    for text in ["Jade (14) has been putting herself at risk.\ud800", "\udc00", "\ud800" * 10 + " at risk"]:
        for finding in langcheck.check(text):
            assert text[finding.start : finding.end] == finding.text
    found = langcheck.check("\ud800 Jade (14) has been putting herself at risk.")
    assert [f.text for f in found if f.rule_id == "AG001"] == ["putting herself at risk"]


def surrogate_pdf() -> bytes:
    """Return a PDF whose text layer maps one character to a lone surrogate (through a ToUnicode map)."""
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /Test def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        "1 beginbfchar <7E> <D800> endbfchar\n"
        "1 beginbfrange <20> <7D> <0020> endbfrange\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    stream = "BT /F1 11 Tf 72 720 Td (Jade \\(14\\) has been putting herself at risk~ today.) Tj ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
        "/Contents 4 0 R >>",
        f"<< /Length {len(cmap)} >>\nstream\n{cmap}\nendstream",
    ]
    return pdf_file(objects)


def test_a_pdf_whose_text_layer_holds_a_lone_surrogate_is_checked(tmp_path: Path) -> None:
    pdf = tmp_path / "note.pdf"
    pdf.write_bytes(surrogate_pdf())
    for fmt in ("text", "json", "sarif"):
        result = subprocess.run(
            [sys.executable, "-m", "langcheck", "check", "--select", "AG001", "--format", fmt, str(pdf)],
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 1, result.stderr
        assert b"putting herself at risk" in result.stdout and b"internal error" not in result.stderr
