"""The README works literally, top to bottom: its marked blocks run in a fresh copy of the repo.

A shell block fenced as ```` ```sh test ```` (with `exit=N` when its last command is meant to
exit N, as `langcheck check` does when it finds something) is run line by line, in the order
of the README, by one bash process in a fresh copy of the repository, so what one block does
(activating the virtual environment, writing `.langcheck.toml`) holds for the next, as it does
for a reader. A ```` ```python test ```` block is run with this test's Python.

The two install steps of the quick start (`python3 -m venv .venv`, `... pip install .`) are the
only steps left out: installing spaCy takes minutes, so the copy's `.venv` is this test run's
own virtual environment instead, and `.ci/run` does the real install from scratch. PATH holds
no `langcheck` until the README's own `activate` line puts it there, so a block that uses the
command before the README has said how to get it fails here as it would for a reader.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
VENV = Path(sys.prefix)
FENCE = re.compile(r"^```(sh|python) test(?: exit=(\d+))?\n(.*?)^```\n", re.M | re.S)
INSTALL = re.compile(r"^(python3 -m venv \.venv|\S*pip install \.)\s*(#.*)?$")

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or not (VENV / "bin" / "activate").exists(), reason="needs git and a venv"
)


def blocks() -> list[tuple[str, int, str]]:
    """Return (language, expected exit status, body) of each marked block, in README order."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return [(lang, int(code or 0), body) for lang, code, body in FENCE.findall(text)]


def fresh_copy(dest: Path) -> Path:
    """Copy the files git knows (committed or not) into `dest`, as a fresh clone would have them."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return dest


def _without_installs(line: str) -> str:
    """Return the line without its install steps, whether on lines of their own or chained with &&."""
    steps = [step.strip() for step in line.split("&&")]
    return " && ".join(step for step in steps if not INSTALL.match(step))


def script(sh_blocks: list[tuple[int, str]]) -> str:
    """Return one bash script that runs every line and stops at the first unexpected status."""
    out = ["set -u"]
    for number, (expected, body) in enumerate(sh_blocks, 1):
        lines = [line for line in body.splitlines() if line.strip() and not line.lstrip().startswith("#")]
        lines = [kept for line in lines if (kept := _without_installs(line))]
        for i, line in enumerate(lines):
            want = expected if i == len(lines) - 1 else 0
            label = shlex.quote(f"README block {number}: {line}")
            out.append(line)
            stop = f'echo {label} "exited $__rc, not {want}" >&2; exit 97'
            out.append(f'__rc=$?; if [ "$__rc" != {want} ]; then {stop}; fi')
    return "\n".join(out) + "\n"


def test_the_readme_marks_the_blocks_a_reader_runs() -> None:
    found = blocks()
    sh = [body for lang, _, body in found if lang == "sh"]
    assert any("langcheck check examples/" in body for body in sh)  # the quick start
    assert any("activate" in body for body in sh)
    assert any("score_corpus.py" in body for body in sh)
    assert any(lang == "python" for lang, _, _ in found)


def test_readme_shell_blocks_run_literally_in_a_fresh_copy(tmp_path: Path) -> None:
    clone = fresh_copy(tmp_path / "langcheck")
    (clone / ".venv").symlink_to(VENV, target_is_directory=True)
    path = os.pathsep.join(
        p for p in os.environ.get("PATH", "").split(os.pathsep) if p and Path(p).resolve() != (VENV / "bin").resolve()
    )
    if shutil.which("langcheck", path=path):
        pytest.skip("a langcheck outside this virtual environment is on PATH")
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "LANGCHECK_NO_CACHE")}
    env.update(PATH=path, HOME=str(tmp_path / "home"), COLUMNS="80")
    sh = [(code, body) for lang, code, body in blocks() if lang == "sh"]
    result = subprocess.run(
        ["bash", "-c", script(sh)], cwd=clone, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "AG001" in result.stdout  # the quick start and "What you see" found the wording
    assert "She disclosed non-recent abuse." in result.stdout  # fix -
    assert (clone / ".langcheck.toml").is_file()  # langcheck init


def test_readme_python_blocks_run(tmp_path: Path) -> None:
    for _, _, body in (b for b in blocks() if b[0] == "python"):
        result = subprocess.run(
            [sys.executable, "-c", body], cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False
        )
        assert result.returncode == 0, body + result.stderr
