"""CI cannot go green without the real clients it is meant to have (issue 19)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _page_tests(**env: str) -> subprocess.CompletedProcess[str]:
    """Run the browser tests where no Chromium can be found (PATH holds only the venv's bin)."""
    clean = {k: v for k, v in os.environ.items() if k != "LANGCHECK_REQUIRE_CHROMIUM"}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "tests/test_server_page.py"],
        cwd=ROOT,
        env={**clean, "PATH": str(Path(sys.executable).parent), **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_browser_tests_skip_without_chromium_unless_it_is_required() -> None:
    skipped = _page_tests()
    assert skipped.returncode == 0, skipped.stdout
    assert "skipped" in skipped.stdout and "passed" not in skipped.stdout
    required = _page_tests(LANGCHECK_REQUIRE_CHROMIUM="1")
    assert required.returncode == 1, required.stdout
    assert "LANGCHECK_REQUIRE_CHROMIUM=1 but Chromium is not installed" in required.stdout
    assert "skipped" not in required.stdout
