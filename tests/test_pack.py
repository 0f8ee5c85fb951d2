"""One loader answers "is this rule pack valid?", at load, the same way for every command."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from langcheck.cli import cli
from langcheck.errors import RuleError
from langcheck.ruleset import ValidatedPack, bundled_rules_dir, load_pack

MakePack = Callable[..., Path]
CLEAN = "Seen at the park with her sister at 14:00; returned home with her mother.\n"


@pytest.fixture
def note(tmp_path: Path) -> Path:
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    return path


def test_a_token_typo_fails_at_load_naming_the_file_the_pattern_and_the_key(make_pack: MakePack) -> None:
    pack = make_pack(['tokens: [{LOWER: "placeholder"}, {LOWR: "a"}]'])
    with pytest.raises(RuleError) as caught:
        load_pack(pack)
    message = str(caught.value)
    assert "ZZ001-test-rule.yaml" in message
    assert "patterns[0].tokens[1].LOWR" in message
    assert "\n" not in message


def test_a_bad_operator_names_its_key(make_pack: MakePack) -> None:
    pack = make_pack(['tokens: [{LOWER: "placeholder", OP: "++"}]'])
    with pytest.raises(RuleError, match=r"patterns\[0\]\.tokens\[0\]\.OP: is not valid in a spaCy token pattern"):
        load_pack(pack)


@pytest.mark.parametrize("command", ["check", "rules", "test-rules"])
def test_every_command_refuses_a_token_typo_even_on_a_clean_note(make_pack: MakePack, note: Path, command: str) -> None:
    pack = make_pack(['tokens: [{LOWR: "placeholder"}]'])
    args = {
        "check": ["check", str(note), "--isolated", "--extend-rules", str(pack)],
        "rules": ["rules", "--extend-rules", str(pack)],
        "test-rules": ["test-rules", str(pack)],
    }[command]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert "LOWR" in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_a_team_rule_with_a_bundled_id_fails_in_test_rules_as_in_check(make_pack: MakePack, note: Path) -> None:
    pack = make_pack(['phrase: "placeholder"'], id="AG001", name="test-rule")
    checked = CliRunner().invoke(cli, ["check", str(note), "--isolated", "--extend-rules", str(pack)])
    tested = CliRunner().invoke(cli, ["test-rules", str(pack)])
    assert checked.exit_code == 2
    assert tested.exit_code == 2
    assert "AG001 is already used" in tested.stderr
    assert tested.stderr.strip().splitlines()[-1] == checked.stderr.strip().splitlines()[-1]


def test_load_pack_validates_the_bundled_pack_and_keeps_the_prefilter_index() -> None:
    pack = load_pack([bundled_rules_dir()])
    assert isinstance(pack, ValidatedPack)
    assert set(pack.requirements) == {r.id for r in pack}
    chosen = pack.select(["AG"])
    assert isinstance(chosen, ValidatedPack)
    assert set(chosen.requirements) == {r.id for r in chosen}
    assert chosen.triggers().may_match("She has been putting herself at risk.")
