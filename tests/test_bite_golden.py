"""Golden files change only on the explicit command LANGCHECK_UPDATE_GOLDEN=1 (issue 19)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from golden import VARIABLE, GoldenSettingError, update_requested

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "examples" / "expected" / "clean-note.txt.json"


def test_only_1_asks_for_an_update() -> None:
    assert update_requested({}) is False
    assert update_requested({VARIABLE: "1"}) is True


@pytest.mark.parametrize("value", ["0", "", "yes", "true", " 1", "01"])
def test_any_other_value_is_refused_with_a_clear_message(value: str) -> None:
    with pytest.raises(GoldenSettingError, match=f"{VARIABLE}=1 to rewrite"):
        update_requested({VARIABLE: value})


def test_pytest_refuses_to_run_and_writes_nothing_when_the_value_is_not_1() -> None:
    before = (GOLDEN.read_bytes(), GOLDEN.stat().st_mtime_ns)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "tests/test_examples.py", "-k", "clean-note"],
        cwd=ROOT,
        env={**os.environ, VARIABLE: "0"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == pytest.ExitCode.USAGE_ERROR, result.stdout + result.stderr
    assert f"{VARIABLE}='0' is not understood" in result.stderr
    assert (GOLDEN.read_bytes(), GOLDEN.stat().st_mtime_ns) == before
