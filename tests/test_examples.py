"""The example notes and their golden JSON outputs (examples/expected/).

After an intended change in the rules, regenerate the goldens and review the diff:

    LANGCHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_examples.py
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from langcheck.cli import cli

ROOT = Path(__file__).resolve().parents[1]
NOTES = sorted((ROOT / "examples" / "notes").iterdir())
EXPECTED = ROOT / "examples" / "expected"


@pytest.mark.parametrize("note", NOTES, ids=lambda p: p.name)
def test_example_matches_its_golden_output(note: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool) -> None:
    monkeypatch.chdir(ROOT)
    rel = note.relative_to(ROOT).as_posix()
    result = CliRunner().invoke(cli, ["check", rel, "--isolated", "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.stdout)
    golden = EXPECTED / f"{note.name}.json"
    if update_golden:
        golden.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert data == json.loads(golden.read_text(encoding="utf-8"))


def test_the_clean_example_is_clean() -> None:
    data = json.loads((EXPECTED / "clean-note.txt.json").read_text(encoding="utf-8"))
    assert data["findings"] == []


def test_every_flagged_example_offset_points_at_its_text() -> None:
    for golden in EXPECTED.glob("*.json"):
        text = (ROOT / "examples" / "notes" / golden.name.removesuffix(".json")).read_text(encoding="utf-8")
        for f in json.loads(golden.read_text(encoding="utf-8"))["findings"]:
            assert text[f["start"] : f["end"]] == f["text"]
