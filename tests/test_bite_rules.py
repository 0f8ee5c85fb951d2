"""`langcheck test-rules` reports examples that do not bite (issue 19), and --strict fails on them."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from langcheck.cli import cli

RULE = """\
id: ZZ001
name: lost-control
category: testing
severity: warning
message: "'{match}' is a test phrase."
explanation: A rule written by a test.
suggestions: ["a neutral phrase"]
patterns:
  - phrase: "{lose} control"
unless: [negated]
sources: [TEST1]
examples:
  fail:
    - text: "He lost control and then lost control again."
      match: "lost control"
    - text: "He lost control of the car."
      match: "lost control"
  pass:
    - "He did not lose control."
    - "The term 'lost control' should not be used."
    - "The weather was fine."
"""


def _pack(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    (pack / "testing").mkdir(parents=True)
    (pack / "sources.yaml").write_text(
        "- {id: TEST1, title: T, publisher: P, year: 2024, kind: research, url: https://example.org/t}\n"
    )
    (pack / "testing" / "ZZ001-lost-control.yaml").write_text(RULE)
    return pack


def test_weak_examples_are_counted_but_fail_nothing_by_default(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["test-rules", str(_pack(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "1 rules: 5 passed, 0 failed" in result.stdout
    assert (
        "Examples that do not bite: 2 (1 pass example the rule's patterns never match, "
        "1 fail example with findings it does not state); --strict lists them and fails"
    ) in result.stdout
    assert "The weather was fine." not in result.stdout  # listed only with --strict or -v


def test_strict_lists_each_weak_example_and_fails(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["test-rules", str(_pack(tmp_path)), "--strict"])
    assert result.exit_code == 1, result.output
    weak = [line for line in result.stdout.splitlines() if line.startswith("FAIL ")]
    assert len(weak) == 2, result.stdout
    assert "ZZ001 pass-not-matched" in weak[0] and "The weather was fine." in result.stdout
    assert "ZZ001 fail-unstated: the rule flags 'lost control', 'lost control'" in weak[1]
    # A pass text the patterns match, dropped by a condition or the mention filter, bites.
    assert "He did not lose control." not in result.stdout
    assert "should not be used" not in result.stdout


def test_strict_passes_a_pack_whose_examples_all_bite(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    rule = pack / "testing" / "ZZ001-lost-control.yaml"
    text = rule.read_text()
    text = text.replace('    - text: "He lost control and then lost control again."\n      match: "lost control"\n', "")
    rule.write_text(text.replace('    - "The weather was fine."\n', ""))
    result = CliRunner().invoke(cli, ["test-rules", str(pack), "--strict"])
    assert result.exit_code == 0, result.output
    assert "Examples that do not bite: 0 (0 pass" in result.stdout
