"""Config files: found by walking up, validated with one clear line, overridden by flags."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from langcheck.cli import cli
from langcheck.config import Config, find_config_file, load_config
from langcheck.errors import ConfigError
from langcheck.models import Severity, Subject

PACK = str(Path(__file__).parent / "fixtures" / "pack")
NOTE = "Jade (14) has been putting herself at risk. She disclosed historic abuse.\n"


def test_dot_langcheck_toml_is_read(tmp_path: Path) -> None:
    (tmp_path / ".langcheck.toml").write_text(
        'select = ["AG", "missing"]\nfail-on = "error"\nsubject = "child"\ninclude-quotes = true\n'
        'exclude = ["drafts/"]\n[per-file-ignores]\n"old/*.txt" = ["AG001"]\n'
    )
    config = load_config(tmp_path / ".langcheck.toml")
    assert config.select == ("AG", "missing")
    assert (config.fail_on, config.subject, config.include_quotes) == (Severity.ERROR, Subject.CHILD, True)
    assert config.is_excluded(tmp_path / "drafts" / "a.txt")
    assert not config.is_excluded(tmp_path / "final" / "a.txt")
    assert config.ignores_for(tmp_path / "old" / "n.txt") == ("AG001",)


def test_pyproject_tool_table_is_found_by_walking_up(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.langcheck]\nignore = ["AD"]\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config_file(deep / "note.txt") == (tmp_path / "pyproject.toml").resolve()
    assert load_config(tmp_path / "pyproject.toml").ignore == ("AD",)


def test_pyproject_without_the_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config_file(tmp_path) is None or find_config_file(tmp_path) != tmp_path / "pyproject.toml"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('fail-on = "loud"\n', "fail-on: is 'loud'; use one of info, warning, error"),
        ('colour = "red"\n', "colour: is not a setting; the settings are select, ignore"),
        ("select = 3\n", 'select: must be a list of strings, like ["AG001", "missing"]'),
        ('include-quotes = "yes"\n', "include-quotes: must be true or false"),
        ('extend-rules = ["nowhere"]\n', "nowhere is not a folder of rules"),
        ("select = [\n", "file: is not valid TOML"),
        ('per-file-ignores = "x"\n', "per-file-ignores: must be a table of glob = [rules]"),
    ],
)
def test_bad_config_is_one_line(tmp_path: Path, body: str, expected: str) -> None:
    path = tmp_path / ".langcheck.toml"
    path.write_text(body)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value).startswith(f"invalid config: {path}: ")
    assert expected in str(info.value)


def test_pyproject_keys_are_named_with_their_table(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.langcheck]\nsubject = "teen"\n')
    with pytest.raises(ConfigError, match=r"tool\.langcheck\.subject: is 'teen'"):
        load_config(path)


def test_cli_uses_the_config_and_flags_win(tmp_path: Path) -> None:
    (tmp_path / ".langcheck.toml").write_text(f'extend-rules = ["{PACK}"]\nselect = ["TS002"]\n')
    note = tmp_path / "note.txt"
    note.write_text(NOTE)
    runner = CliRunner()
    by_file = runner.invoke(cli, ["check", str(note), "--format", "concise"])
    assert [line.split(": ")[1].split()[0] for line in by_file.stdout.splitlines()[:-1]] == ["TS002"]
    assert by_file.exit_code == 0  # TS002 is info, below the default fail-on
    by_flag = runner.invoke(cli, ["check", str(note), "--format", "concise", "--select", "TS001"])
    assert by_flag.exit_code == 1 and "TS001" in by_flag.stdout and "TS002" not in by_flag.stdout
    isolated = runner.invoke(cli, ["check", str(note), "--isolated", "--format", "concise", "--select", "AG001"])
    assert "AG001" in isolated.stdout


def test_cli_bad_config_exits_2_with_one_line(tmp_path: Path) -> None:
    (tmp_path / ".langcheck.toml").write_text('subject = "teen"\n')
    note = tmp_path / "note.txt"
    note.write_text(NOTE)
    result = CliRunner().invoke(cli, ["check", str(note)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("error: invalid config: ")
    assert "subject: is 'teen'; use one of auto, child, adult" in result.stderr


def test_excluded_files_are_skipped(tmp_path: Path) -> None:
    (tmp_path / ".langcheck.toml").write_text('exclude = ["drafts"]\n')
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.txt").write_text(NOTE)
    (tmp_path / "b.txt").write_text(NOTE)
    result = CliRunner().invoke(cli, ["check", str(tmp_path), "--format", "concise", "--select", "AG001"])
    assert "drafts" not in result.stdout and "b.txt" in result.stdout


def test_per_file_ignores(tmp_path: Path) -> None:
    (tmp_path / ".langcheck.toml").write_text('[per-file-ignores]\n"training/*" = ["agency"]\n')
    (tmp_path / "training").mkdir()
    (tmp_path / "training" / "slide.txt").write_text(NOTE)
    result = CliRunner().invoke(cli, ["check", str(tmp_path), "--format", "concise", "--select", "AG001"])
    assert result.exit_code == 0


def test_config_defaults() -> None:
    assert Config().fail_on is Severity.WARNING and Config().subject is Subject.AUTO
