"""The command line, compared as whole outputs, and every kind of bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from langcheck.cli import cli

NOTE = "Jade (14) has been putting herself at risk.\n"
PACK = str(Path(__file__).parent / "fixtures" / "pack")
FIXED = ["--extend-rules", PACK, "--select", "TS001"]  # a rule that does not change with the pack


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_check_stdin_text_output(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["check", "-", *FIXED], input=NOTE)
    assert result.exit_code == 1
    assert result.stdout == (
        "-:1:20: TS001 warning: 'putting herself at risk' makes the child responsible for danger that "
        "adults create.\n"
        "  |\n"
        "1 | Jade (14) has been putting herself at risk.\n"
        "  |                    ^^^^^^^^^^^^^^^^^^^^^^^\n"
        '  = instead: "is at risk from the adults who are exploiting her"; "is being placed at risk by '
        '[name the adults]"\n'
        "  = why: langcheck explain TS001\n"
        "\n"
        "1 finding in 1 of 1 file (1 warning).\n"
    )


def test_check_clean_note_exits_0(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["check", "-"], input="Jade (14) was seen at the park at 14:00.\n")
    assert result.exit_code == 0
    assert result.stdout == "No findings in 1 file.\n"


def test_concise_output(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["check", "-", *FIXED, "--format", "concise"], input=NOTE)
    assert result.stdout == (
        "-:1:20: TS001 [warning] 'putting herself at risk' makes the child responsible for danger that "
        "adults create.\nFound 1 finding.\n"
    )


def test_json_output(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Line one.\n" + NOTE, encoding="utf-8")
    result = runner.invoke(cli, ["check", str(path), *FIXED, "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["version"] == 2
    (f,) = data["findings"]
    assert f == {
        "path": str(path),
        "line": 2,
        "column": 20,
        "end_line": 2,
        "end_column": 43,
        "start": 29,
        "end": 52,
        "rule": "TS001",
        "name": "put-self-at-risk",
        "category": "testing",
        "severity": "warning",
        "message": "'putting herself at risk' makes the child responsible for danger that adults create.",
        "text": "putting herself at risk",
        "replacements": [],
        "hints": [
            "is at risk from the adults who are exploiting her",
            "is being placed at risk by [name the adults]",
        ],
        "fix": None,
        "location": {"kind": "line", "line": 2, "column": 20, "description": "line 2, column 20"},
    }
    assert data["summary"] == {
        "files": 1,
        "files_with_findings": 1,
        "findings": 1,
        "errors": 0,
        "by_severity": {"error": 0, "warning": 1, "info": 0},
        "fixable": 0,
        "skipped": 0,
    }


def test_fail_on_error_lets_warnings_pass(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["check", "-", *FIXED, "--fail-on", "error"], input=NOTE)
    assert result.exit_code == 0


def test_subject_adult_silences_child_rules(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["check", "-", *FIXED, "--subject", "adult"], input=NOTE)
    assert (result.exit_code, result.stdout) == (0, "No findings in 1 file.\n")


def test_missing_file_is_one_line_and_others_are_still_checked(runner: CliRunner, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(NOTE, encoding="utf-8")
    result = runner.invoke(cli, ["check", str(tmp_path / "nope.txt"), str(good), *FIXED, "--format", "concise"])
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path / 'nope.txt'}: does not exist; check the path and the spelling\n"
    assert f"{good}:1:20: TS001" in result.stdout


def test_undecodable_file(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9 notes\n")
    result = runner.invoke(cli, ["check", str(bad)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {bad}: is not UTF-8 text (byte 0xe9 on line 1); save it as UTF-8 (in Word or Notepad: "
        "Save As, Encoding: UTF-8)\n"
    )


def test_binary_file(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "image.txt"
    bad.write_bytes(b"\x89PNG\x00\x00")
    result = runner.invoke(cli, ["check", str(bad)])
    assert result.exit_code == 2
    assert "looks like a binary file" in result.stderr
    assert "Traceback" not in result.output


def test_folder_with_no_text_files(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"x")
    result = runner.invoke(cli, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"error: {tmp_path}: is a folder with no documents to check (1 file of other types)"
    )


def test_folder_is_searched_for_text_files(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(NOTE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(NOTE, encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text(NOTE, encoding="utf-8")
    result = runner.invoke(cli, ["check", str(tmp_path), *FIXED, "--format", "concise"])
    assert result.exit_code == 1
    assert [line.split(":")[0] for line in result.stdout.splitlines()[:-1]] == [
        str(tmp_path / "a.md"),
        str(tmp_path / "sub" / "b.txt"),
    ]


def test_no_paths(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["check"])
    assert result.exit_code == 2
    assert "no files given" in result.stderr


def test_invalid_custom_rule_file_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "pack" / "mine"
    folder.mkdir(parents=True)
    (folder / "MY001-bad.yaml").write_text("id: MY001\nname: bad\n", encoding="utf-8")
    result = runner.invoke(cli, ["check", "-", "--extend-rules", str(tmp_path / "pack")], input=NOTE)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "MY001-bad.yaml: category: is missing" in result.stderr


def test_unknown_selector(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["check", "-", "--select", "NOPE1"], input=NOTE)
    assert result.exit_code == 2
    assert "'NOPE1' names no rule" in result.stderr


def test_rules_table_and_json(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["rules", "--category", "agency", "--format", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert rows and all(r["category"] == "agency" for r in rows)
    table = runner.invoke(cli, ["rules"])
    assert table.exit_code == 0 and "AG001" in table.stdout


def test_rules_unknown_category(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["rules", "--category", "weather"])
    assert result.exit_code == 2
    assert "no category 'weather'" in result.stderr


def test_explain(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["explain", "ag001"])
    assert result.exit_code == 0
    for part in ("AG001 put-self-at-risk", "Write instead", "Not flagged", "Examples", "Sources", "HMICFRS"):
        assert part in result.stdout


def test_explain_unknown_rule(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["explain", "XX123"])
    assert result.exit_code == 2
    assert result.stderr == "error: no rule 'XX123'; run 'langcheck rules' to see them all\n"


def test_test_rules_on_a_custom_pack(runner: CliRunner, make_pack) -> None:  # type: ignore[no-untyped-def]
    good = make_pack(['phrase: "placeholder"'])
    result = runner.invoke(cli, ["test-rules", str(good)])
    assert result.exit_code == 0
    assert result.stdout.strip().endswith("1 rules: 2 passed, 0 failed")


def test_test_rules_reports_a_failing_example(runner: CliRunner, make_pack) -> None:  # type: ignore[no-untyped-def]
    bad = make_pack(['phrase: "something else"'])
    result = runner.invoke(cli, ["test-rules", str(bad)])
    assert result.exit_code == 1
    assert "FAIL" in result.stdout and "the rule did not flag this text" in result.stdout
    assert result.stdout.strip().endswith("1 rules: 1 passed, 1 failed")


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0 and "langcheck, version 0.1.0" in result.stdout
