"""Parallel jobs: the same findings in the same order as one process, errors kept per file."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from docbuilders import FIXED, NOTE, make_csv, make_docx, make_odt, make_pdf, make_xlsx
from langcheck.cli import cli, documents
from langcheck.cli.documents import Job, Messages, worker_count


def mixed_folder(root: Path, copies: int = 3) -> Path:
    for i in range(copies):
        folder = root / f"case-{i}"
        folder.mkdir(parents=True)
        (folder / "note.txt").write_text(f"Entry {i}.\n{NOTE}\n")
        (folder / "note.md").write_text(f"# Entry {i}\n\n`code` and {NOTE}\n")
        (folder / "page.html").write_text(f"<p>{NOTE}</p><script>{NOTE}</script>")
        make_docx(folder / "report.docx")
        make_odt(folder / "report.odt")
        make_pdf(folder / "guide.pdf")
        make_csv(folder / "export.csv")
        make_xlsx(folder / "export.xlsx")
    (root / "case-0" / "broken.docx").write_bytes(b"not a document")
    return root


def run_json(folder: Path, jobs: str) -> tuple[int, dict[str, object], str]:
    result = CliRunner().invoke(cli, ["check", str(folder), *FIXED, "--format", "json", "--jobs", jobs])
    return result.exit_code, json.loads(result.stdout), result.stderr


def test_two_jobs_and_one_job_agree_on_a_folder_of_mixed_documents(tmp_path: Path) -> None:
    folder = mixed_folder(tmp_path / "audit")
    one = run_json(folder, "1")
    two = run_json(folder, "2")
    assert one == two
    code, data, stderr = one
    assert code == 2  # the broken file
    broken = folder / "case-0" / "broken.docx"
    assert stderr == (
        f"error: {broken}: is not a readable Word document (the file is damaged: File is not a zip file); "
        "open it in Word and save it again as .docx\n"
    )
    findings = data["findings"]
    assert isinstance(findings, list)
    paths = [f["path"] for f in findings]
    assert paths == sorted(paths, key=lambda p: (Path(p).parent.name, Path(p).name))  # stable order
    assert len({Path(p).name for p in paths}) == 8  # every format found something


def test_jobs_default_to_one_for_a_small_run_and_every_cpu_for_a_large_one(tmp_path: Path) -> None:
    small = [Job(str(tmp_path / f"{i}.txt")) for i in range(3)]
    large = [Job(str(tmp_path / f"{i}.txt")) for i in range(documents.LARGE_RUN_FILES)]
    assert worker_count(None, small) == 1
    assert worker_count(None, large) == min(documents._cpus(), len(large))
    assert worker_count(8, small) == 3  # never more workers than files
    assert worker_count(2, small) == 2


def test_a_bad_pipeline_stops_a_parallel_run_with_one_line(tmp_path: Path) -> None:
    mixed_folder(tmp_path / "audit", copies=1)
    result = CliRunner().invoke(cli, ["check", str(tmp_path), *FIXED, "--jobs", "2", "--pipeline", "no_such_pipeline"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "no_such_pipeline" in result.stderr
    assert "Traceback" not in result.output


def test_no_progress_bar_when_standard_error_is_not_a_terminal(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["check", str(mixed_folder(tmp_path / "audit", copies=1)), *FIXED, "--jobs", "2"])
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1  # only the broken file


def test_progress_bar_appears_for_a_long_run_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.console import Console

    monkeypatch.setattr(documents, "PROGRESS_AFTER", 0.0)
    out = io.StringIO()
    messages = Messages(3, enabled=True)
    messages.console = Console(file=out, force_terminal=True, width=80)
    with messages:
        messages.advance()
        messages.error("a.docx: is damaged")
        messages.advance()
    assert "checking" in out.getvalue() and "a.docx: is damaged" in out.getvalue()
