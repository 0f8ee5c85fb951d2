"""SARIF, GitHub annotations, auto format and statistics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from langcheck.cli import cli
from langcheck.formatters import OutputFormat

PACK = str(Path(__file__).parent / "fixtures" / "pack")
FIXED = ["--isolated", "--extend-rules", PACK, "--select", "TS001,TS002"]
NOTE = "Jade (14) has been putting herself at risk.\nShe disclosed historic abuse.\n"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["check", *args, *FIXED], input=NOTE)
    return result.exit_code, result.stdout


def test_sarif_has_what_github_code_scanning_requires() -> None:
    code, out = run("-", "--format", "sarif")
    assert code == 1
    log = json.loads(out)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    (run_,) = log["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "langcheck"
    assert [r["id"] for r in driver["rules"]] == ["TS001", "TS002"]
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]
    first, second = run_["results"]
    assert first["ruleId"] == "TS001" and first["level"] == "warning"
    assert second["level"] == "note"
    assert first["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1,
        "startColumn": 20,
        "endLine": 1,
        "endColumn": 43,
        "charOffset": 19,
        "charLength": 23,
    }
    assert (
        first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "-"
    )  # standard input is "-" in every format
    assert first["partialFingerprints"]["langcheck/v1"]
    assert run_["columnKind"] == "unicodeCodePoints"


def test_github_annotations() -> None:
    code, out = run("-", "--format", "github")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("::warning file=-,line=1,col=20,endLine=1,endColumn=43,title=TS001 put-self-at-risk::")
    assert lines[1].startswith("::notice file=-,line=2,col=15,")


def test_auto_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert OutputFormat.AUTO.resolve() is OutputFormat.GITHUB
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert OutputFormat.AUTO.resolve() is OutputFormat.CONCISE  # stdout is not a terminal under pytest


def test_statistics() -> None:
    _, out = run("-", "--format", "concise", "--statistics")
    assert "Findings per rule" in out and "Findings per category" in out
    assert "TS001" in out and "testing" in out
