"""examples/library_example.py runs from the repository root and shows findings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_library_example_runs() -> None:
    result = subprocess.run(
        [sys.executable, "examples/library_example.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "AG001" in out
    assert "missing-episode-2026-03-14.txt:" in out
    assert "AG001 " in out.split('nlp.add_pipe("langcheck")')[1]  # the spaCy component found it too
    assert result.stderr == ""
