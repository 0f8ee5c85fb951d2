"""Inline suppressions: ignore, ignore[IDs], disable/enable, disable-next-line, unused."""

from __future__ import annotations

from pathlib import Path

from langcheck import Config, Linter

PACK = Path(__file__).parent / "fixtures" / "pack"
LINTER = Linter(Config(extend_rules=(PACK,), select=("TS001", "TS002")))
RISK = "Jade (14) is putting herself at risk."


def ids(text: str, linter: Linter = LINTER) -> list[tuple[str, int]]:
    return [(f.rule_id, f.line) for f in linter.check(text)]


def test_ignore_on_the_same_line() -> None:
    assert ids(f"{RISK} <!-- langcheck: ignore -->\n{RISK}") == [("TS001", 2)]


def test_ignore_named_rules_only() -> None:
    text = f"{RISK} Historic abuse. langcheck: ignore[TS001]"
    assert ids(text) == [("TS002", 1)]


def test_ignore_by_category_or_name() -> None:
    assert ids(f"{RISK} langcheck: ignore[testing]") == []
    assert ids(f"{RISK} langcheck: ignore[put-self-at-risk]") == []


def test_disable_next_line() -> None:
    assert ids(f"langcheck: disable-next-line[TS001]\n{RISK}\n{RISK}") == [("TS001", 3)]


def test_disable_next_line_skips_blank_lines() -> None:
    assert ids(f"langcheck: disable-next-line[TS001]\n\n  \n{RISK}\n{RISK}") == [("TS001", 5)]


def test_disable_and_enable_a_block() -> None:
    text = f"{RISK}\nlangcheck: disable[TS001]\n{RISK}\n{RISK}\nlangcheck: enable[TS001]\n{RISK}"
    assert ids(text) == [("TS001", 1), ("TS001", 6)]


def test_disable_without_enable_runs_to_the_end() -> None:
    # it still silences to the end, and now says so (LC002, issue 17)
    assert ids(f"{RISK}\nlangcheck: disable\n{RISK}\n{RISK}") == [("TS001", 1), ("LC002", 2)]


def test_unused_suppressions_are_reported_when_asked() -> None:
    linter = Linter(Config(extend_rules=(PACK,), select=("TS001",), report_unused_suppressions=True))
    found = linter.check("A clean line. langcheck: ignore[TS001]\n" + RISK + " langcheck: ignore")
    assert [(f.rule_id, f.line, f.column, f.text) for f in found] == [("LC001", 1, 15, "langcheck: ignore[TS001]")]
    assert "silences nothing" in found[0].message


def test_unused_suppressions_are_silent_by_default() -> None:
    assert ids("Clean. langcheck: ignore") == []
