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


# --- every format `check` reads, through real pre-commit ----------------------------------------

KINDS = ("docx", "odt", "xlsx", "csv", "pdf", "md", "txt", "html", "rst")
FLAGGED = "Jade (14) has been putting herself at risk."


def build(kind: str, path: Path) -> Path:
    """Write a note of this kind holding flagged wording, with the library that writes the format."""
    from docbuilders import make_csv, make_docx, make_odt, make_pdf, make_xlsx

    makers = {"docx": make_docx, "odt": make_odt, "xlsx": make_xlsx, "csv": make_csv, "pdf": make_pdf}
    if kind in makers:
        return makers[kind](path)
    body = {
        "md": f"# Case note\n\n{FLAGGED}\n",
        "txt": f"{FLAGGED}\n",
        "html": f"<html><body><h1>Case note</h1><p>{FLAGGED}</p></body></html>\n",
        "rst": f"Case note\n=========\n\n{FLAGGED}\n",
    }[kind]
    path.write_text(body, encoding="utf-8")
    return path


def readme_hook(kind: str) -> str:
    """Return the README's `.pre-commit-config.yaml` of this kind (`local` or `remote`), verbatim."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    marker = "```yaml\nrepos:\n  - repo: local" if kind == "local" else "```yaml\nrepos:\n  - repo: https://"
    return marker.split("\n", 1)[1] + readme.split(marker, 1)[1].split("```", 1)[0]


def manifest() -> dict[str, dict[str, object]]:
    import yaml

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return {h["id"]: h for h in hooks}


def test_hooks_and_the_readme_cover_every_format_check_reads() -> None:
    import re

    import yaml

    from langcheck.sources import SUFFIXES

    local = yaml.safe_load(readme_hook("local"))["repos"][0]["hooks"][0]
    hooks = manifest()
    assert local["files"] == hooks["langcheck"]["files"]
    for files in (local["files"], hooks["langcheck"]["files"]):
        for suffix in SUFFIXES:
            for name in (f"notes/a{suffix}", f"notes/A{suffix.upper()}"):
                assert re.search(str(files), name), (files, name)
        assert not re.search(str(files), "notes/tool.py") and not re.search(str(files), "notes/data.json")
    plain = [s for s, fmt in SUFFIXES.items() if fmt.is_text]
    for suffix in SUFFIXES:
        assert bool(re.search(str(hooks["langcheck-fix"]["files"]), f"a{suffix}")) == (suffix in plain), suffix


def new_repo(path: Path) -> Path:
    path.mkdir(parents=True)
    git(path, "init", "-q")
    git(path, "config", "user.email", "test@example.invalid")
    git(path, "config", "user.name", "Test")
    return path


def commit_each_kind(repo: Path, env: dict[str, str]) -> dict[str, subprocess.CompletedProcess[str]]:
    """Commit one note of each kind on its own; return each commit's result."""
    results = {}
    for kind in KINDS:
        note = build(kind, repo / f"note.{kind}")
        git(repo, "add", note.name, ".pre-commit-config.yaml")
        results[kind] = subprocess.run(
            ["git", "commit", "-m", kind], cwd=repo, env=env, capture_output=True, text=True, check=False, timeout=900
        )
        git(repo, "rm", "-q", "--cached", note.name)
        note.unlink()
    return results


def test_readme_local_hook_blocks_a_commit_of_every_kind(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "notes")
    (repo / ".pre-commit-config.yaml").write_text(readme_hook("local"), encoding="utf-8")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "home"),
        "PRE_COMMIT_COLOR": "never",
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    subprocess.run([PRE_COMMIT, "install"], cwd=repo, env=env, check=True, capture_output=True)
    for kind, result in commit_each_kind(repo, env).items():
        output = result.stdout + result.stderr
        assert result.returncode != 0, f"{kind}: {output}"
        assert "Skipped" not in output and f"note.{kind}" in output and "TS001" not in output, f"{kind}: {output}"
        assert "AG001" in output, f"{kind}: {output}"


def test_readme_remote_hook_form_works_as_written(tmp_path: Path) -> None:
    """The README's `repo: https://...` form, pointed at a hosted copy of this repository (its
    working tree committed on `main`): pre-commit installs langcheck itself and blocks a .docx."""
    from test_readme import fresh_copy

    hosted = fresh_copy(new_repo(tmp_path / "hosted"))
    git(hosted, "checkout", "-q", "-b", "main")
    git(hosted, "add", "-A")
    git(hosted, "commit", "-q", "-m", "langcheck")
    config = readme_hook("remote")
    url = config.split("repo: ", 1)[1].split()[0]
    repo = new_repo(tmp_path / "notes")
    (repo / ".pre-commit-config.yaml").write_text(config.replace(url, hosted.as_uri()), encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "home"), "PRE_COMMIT_COLOR": "never"}
    subprocess.run([PRE_COMMIT, "install"], cwd=repo, env=env, check=True, capture_output=True)
    build("docx", repo / "note.docx")
    git(repo, "add", "note.docx", ".pre-commit-config.yaml")
    blocked = subprocess.run(
        ["git", "commit", "-m", "note"], cwd=repo, env=env, capture_output=True, text=True, check=False, timeout=900
    )
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "note.docx (paragraph 2): AG001" in output, output
