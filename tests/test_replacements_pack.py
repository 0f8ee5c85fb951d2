"""The bundled pack's replacements on the notes of issue 14, and the pack's standard for them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import langcheck
from langcheck.cli import cli
from langcheck.ruleset import load_rules

RULESET = load_rules()

# The issue's table: each note, and how it reads with the first replacement put in place.
TABLE = {
    "Jade (14) has been putting herself at risk.": "Jade (14) has been placed at risk by the adults exploiting her.",
    "The boys (14) were involved in county lines.": "The boys (14) were criminally exploited through county lines.",
    "She provoked him by shouting.": "She provoked him by shouting.",  # RS010 has hints only
    "Jade (14) chose to go missing again.": "Jade (14) went missing again.",
    "Amy (15) has an older boyfriend.": "Amy (15) has contact with an older male.",
}
RULES = {"AG001": True, "AG009": True, "RS010": False, "MI001": True, "RE004": True}


@pytest.mark.parametrize(("note", "after"), TABLE.items())
def test_the_issue_table_reads_right_with_the_bundled_pack(note: str, after: str) -> None:
    findings = langcheck.check(note)
    assert [f.rule_id for f in findings] in (["AG001"], ["AG009"], ["RS010"], ["MI001"], ["RE004"])
    (f,) = findings
    assert all("[" not in r for r in f.replacements) and f.hints
    text = note if not f.replacements else note[: f.start] + f.replacements[0] + note[f.end :]
    assert text == after
    assert langcheck.check(text) == [] or text == note


def test_fix_writes_the_issue_table(tmp_path: Path) -> None:
    note = tmp_path / "notes.txt"
    note.write_text("\n\n".join(TABLE) + "\n")
    result = CliRunner().invoke(cli, ["fix", "--isolated", "--write", str(note)])
    assert result.exit_code == 0, result.output
    assert note.read_text() == "\n\n".join(TABLE.values()) + "\n"


@pytest.mark.parametrize(("rule_id", "has_replacements"), RULES.items())
def test_the_issue_rules_offer_replacements_or_hints_only(rule_id: str, has_replacements: bool) -> None:
    rule = RULESET.get(rule_id)
    assert rule is not None
    assert bool(rule.replacements) is has_replacements
    assert any(ex.text in TABLE for ex in rule.examples.fail)  # each note of the table is a pinned example


def test_every_term_swap_is_a_replacement_with_applied_examples() -> None:
    swaps = [r for r in RULESET if r.fix is not None]
    assert swaps
    for rule in swaps:
        assert rule.replacements[0].text == rule.fix
        assert all(ex.pinned for ex in rule.examples.fail), rule.id


def test_no_bundled_rule_uses_the_old_suggestions_key() -> None:
    for rule in RULESET:
        assert rule.path is not None
        assert "\nsuggestions:" not in Path(rule.path).read_text(encoding="utf-8"), rule.id


def test_explain_shows_replacements_by_their_pinned_examples() -> None:
    result = CliRunner().invoke(cli, ["explain", "MI001"])
    assert result.exit_code == 0
    assert "Replaced where it fits (langcheck fix --write), for example:" in result.stdout
    assert "    -> Leon (13) went missing from his foster placement at 19:40.\n" in result.stdout
    assert "{tense:go}" not in result.stdout  # templates are for rule writers, not readers
