"""Directives are read strictly: a typo silences nothing and says so (LC002); positions hold on any line break."""

from __future__ import annotations

from pathlib import Path

import pytest

from langcheck import Config, Linter

PACK = Path(__file__).parent / "fixtures" / "pack"
LINTER = Linter(Config(extend_rules=(PACK,), select=("TS001", "TS002")))
RISK = "Jade (14) is putting herself at risk."


def ids(text: str, linter: Linter = LINTER) -> list[tuple[str, int]]:
    return [(f.rule_id, f.line) for f in linter.check(text)]


@pytest.mark.parametrize(
    ("directive", "says"),
    [
        ("langcheck: ignore[TS001", "has no closing ']'"),
        ("langcheck: ignore[]", "names no rules"),
        ("langcheck: ignore[ , ]", "names no rules"),
        ("langcheck: ignore [TS001]", "has a space before '['"),
        ("langcheck: ingore", "'ingore' is not a langcheck directive"),
        ("langcheck: disable-next-lines[TS001]", "'disable-next-lines' is not a langcheck directive"),
        ("langcheck: ignoreTS001", "is not a langcheck directive"),
    ],
)
def test_a_malformed_directive_silences_nothing_and_is_reported(directive: str, says: str) -> None:
    found = LINTER.check(f"{RISK} {directive}\n{RISK}")
    assert [(f.rule_id, f.line) for f in found] == [("TS001", 1), ("LC002", 1), ("TS001", 2)]
    problem = found[1]
    assert says in problem.message and "silences nothing" in problem.message
    text = f"{RISK} {directive}\n{RISK}"
    assert text[problem.start : problem.end] == problem.text and problem.text.startswith("langcheck:")


def test_an_unclosed_disable_list_silences_nothing_to_the_end_and_is_reported() -> None:
    text = f"langcheck: disable[TS001\n{RISK}\n{RISK}"
    assert ids(text) == [("LC002", 1), ("TS001", 2), ("TS001", 3)]


def test_malformed_directives_are_reported_whatever_rules_are_selected() -> None:
    linter = Linter(Config(extend_rules=(PACK,), select=("TS002",), report_unused_suppressions=True))
    assert ids("langcheck: ignore[]", linter) == [("LC002", 1)]


def test_an_unterminated_disable_is_reported() -> None:
    found = LINTER.check(f"langcheck: disable[TS001]\n{RISK}\n{RISK}")
    assert [(f.rule_id, f.line) for f in found] == [("LC002", 1)]
    assert "never turned back on" in found[0].message and "langcheck: enable[TS001]" in found[0].message


def test_enable_by_category_ends_a_disable_by_id() -> None:
    text = f"langcheck: disable[TS001]\n{RISK}\nlangcheck: enable[testing]\n{RISK}"
    assert ids(text) == [("TS001", 4)]


def test_enable_of_one_rule_leaves_the_others_off() -> None:
    both = f"{RISK} Historic abuse."
    text = f"langcheck: disable[testing]\n{both}\nlangcheck: enable[TS001]\n{both}\nlangcheck: enable\n{both}"
    assert ids(text) == [("TS001", 4), ("TS001", 6), ("TS002", 6)]


def test_lc001_end_position_with_a_carriage_return() -> None:
    linter = Linter(Config(extend_rules=(PACK,), select=("TS001",), report_unused_suppressions=True))
    text = "Clean.\r\nlangcheck: ignore[TS001]\r\nMore."
    (found,) = linter.check(text)
    assert (found.rule_id, found.line, found.column, found.end_line, found.end_column) == ("LC001", 2, 1, 2, 25)
    assert text[found.start : found.end] == found.text == "langcheck: ignore[TS001]"
    # a directive holding a carriage return ends at it: its end is on its own line, not the next
    held = "A clean line. langcheck: ignore[TS001\r]\rMore."
    (found,) = linter.check(held)
    assert (found.line, found.end_line, found.end_column) == (1, 1, 38)
    assert "\r" not in found.text and held[found.start : found.end] == found.text


def test_a_directive_never_runs_over_a_lone_carriage_return() -> None:
    # CR-only line endings (old Mac files): `ignore[TS001` must not reach the ']' on the next line
    text = f"{RISK} langcheck: ignore[TS001\r{RISK} ]\r{RISK}"
    assert ids(text) == [("TS001", 1), ("LC002", 1), ("TS001", 2), ("TS001", 3)]
    assert ids(f"langcheck:\rignore\r{RISK}") == [("LC002", 1), ("TS001", 3)]
    assert ids(f"{RISK}\rlangcheck: disable-next-line[TS001]\r{RISK}\r{RISK}") == [("TS001", 1), ("TS001", 4)]


def test_the_cli_reports_lc002_without_pointing_at_a_rule_page(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from langcheck.cli import cli

    note = tmp_path / "note.txt"
    note.write_text(f"{RISK} langcheck: ignore[TS001\n")
    result = CliRunner().invoke(
        cli, ["check", "--isolated", "--extend-rules", str(PACK), "--select", "TS001", str(note)]
    )
    assert result.exit_code == 1
    assert "LC002 warning: 'langcheck: ignore[' has no closing ']', so it silences nothing" in result.stdout
    assert "explain LC002" not in result.stdout
