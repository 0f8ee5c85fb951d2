"""The pre-commit hooks, driven by the real `pre-commit try-repo` in a temporary git repo.

pre-commit builds the hook's environment by installing this repository (and spaCy) from the
package index, so this test takes a minute or so on a fresh machine; it runs in CI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PRE_COMMIT = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))

pytestmark = pytest.mark.skipif(
    not Path(PRE_COMMIT).exists() or shutil.which("git") is None, reason="needs pre-commit and git"
)


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def notes_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("notes")
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "test@example.invalid")
    git(repo, "config", "user.name", "Test")
    return repo


def try_repo(repo: Path, hook: str, filename: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [PRE_COMMIT, "try-repo", str(REPO), hook, "--files", filename, "--verbose"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def test_hook_blocks_a_note_with_findings_and_passes_a_clean_one(notes_repo: Path, tmp_path: Path) -> None:
    (notes_repo / "bad.txt").write_text("Jade (14) has been putting herself at risk.\n", encoding="utf-8")
    (notes_repo / "good.txt").write_text("Jade (14) was seen at the park at 14:00.\n", encoding="utf-8")
    git(notes_repo, "add", "bad.txt", "good.txt")
    home = tmp_path / "pre-commit-home"
    blocked = try_repo(notes_repo, "langcheck", "bad.txt", home)
    assert blocked.returncode == 1, blocked.stdout + blocked.stderr
    assert "AG001" in blocked.stdout and "putting herself at risk" in blocked.stdout
    passed = try_repo(notes_repo, "langcheck", "good.txt", home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout


def test_manifest_is_valid() -> None:
    result = subprocess.run(
        [PRE_COMMIT, "validate-manifest", str(REPO / ".pre-commit-hooks.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_readme_local_hook_blocks_a_commit(tmp_path: Path) -> None:
    """The README's copy-and-paste `repo: local` config, with a real `git commit`."""
    repo = tmp_path / "notes"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "test@example.invalid")
    git(repo, "config", "user.name", "Test")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    config = readme.split("```yaml\nrepos:\n  - repo: local", 1)[1].split("```", 1)[0]
    (repo / ".pre-commit-config.yaml").write_text("repos:\n  - repo: local" + config, encoding="utf-8")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "home"),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    subprocess.run([PRE_COMMIT, "install"], cwd=repo, env=env, check=True, capture_output=True)

    def commit(name: str, text: str) -> subprocess.CompletedProcess[str]:
        (repo / name).write_text(text, encoding="utf-8")
        git(repo, "add", name, ".pre-commit-config.yaml")
        return subprocess.run(
            ["git", "commit", "-m", name], cwd=repo, env=env, capture_output=True, text=True, check=False
        )

    blocked = commit("bad.md", "Jade (14) has been putting herself at risk.\n")
    assert blocked.returncode != 0
    assert "AG001" in blocked.stdout + blocked.stderr
    git(repo, "rm", "-q", "--cached", "bad.md")
    clean = commit("good.md", "Jade (14) was seen at the park at 14:00.\n")
    assert clean.returncode == 0, clean.stdout + clean.stderr
