"""`langcheck test-rules` reports examples that do not bite (issue 19), and --strict fails on them."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from langcheck.cli import cli
from langcheck.loader import load_directory

ROOT = Path(__file__).resolve().parents[1]

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


WEAK_PASS = '    - "The weather was fine."\n'
TWICE = '    - text: "He lost control and then lost control again."\n      match: "lost control"\n'


def _biting(tmp_path: Path, *, keep_twice: bool = False) -> tuple[Path, Path, str]:
    """The test pack, its rule file and that file's text with both weak examples taken out."""
    pack = _pack(tmp_path)
    rule = pack / "testing" / "ZZ001-lost-control.yaml"
    text = rule.read_text().replace(WEAK_PASS, "")
    return pack, rule, text if keep_twice else text.replace(TWICE, "")


def test_weak_examples_are_counted_but_fail_nothing_by_default(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["test-rules", str(_pack(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "1 rules: 5 passed, 0 failed" in result.stdout
    assert (
        "Examples that do not bite: 2 (1 pass example the rule's patterns never match, "
        "1 fail example with findings it does not state, 0 guards (condition, exception or child gate) "
        "that no pass example tests alone); --strict lists them and fails"
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
    pack, rule, text = _biting(tmp_path)
    rule.write_text(text)
    result = CliRunner().invoke(cli, ["test-rules", str(pack), "--strict"])
    assert result.exit_code == 0, result.output
    assert "Examples that do not bite: 0 (0 pass" in result.stdout


def test_a_fail_example_states_every_finding_as_a_list(tmp_path: Path) -> None:
    pack, rule, text = _biting(tmp_path, keep_twice=True)
    listed = text.replace(
        '"He lost control and then lost control again."\n      match: "lost control"',
        '"He lost control and then lost control again."\n      match: ["lost control", "lost control"]',
    )
    rule.write_text(listed)
    result = CliRunner().invoke(cli, ["test-rules", str(pack), "--strict"])
    assert result.exit_code == 0, result.output
    # Stating a finding the rule does not give fails the example itself.
    rule.write_text(listed.replace('["lost control", "lost control"]', '["lost control", "lost control", "control"]'))
    result = CliRunner().invoke(cli, ["test-rules", str(pack)])
    assert result.exit_code == 1, result.output
    assert "expected 'lost control', 'lost control', 'control'" in result.stdout


def test_a_guard_no_pass_example_tests_alone_is_reported(tmp_path: Path) -> None:
    """`negated` pinned only by a text the mention filter also drops does not count."""
    pack, rule, text = _biting(tmp_path)
    rule.write_text(text.replace('"He did not lose control."', "\"The term 'did not lose control' is a test.\""))
    result = CliRunner().invoke(cli, ["test-rules", str(pack), "--strict"])
    assert result.exit_code == 1, result.output
    assert "ZZ001 guard-untested: no pass example is kept quiet by 'unless: negated' alone" in result.stdout
    rule.write_text(text)  # "He did not lose control." is dropped by `negated` and nothing else
    assert CliRunner().invoke(cli, ["test-rules", str(pack), "--strict"]).exit_code == 0


def test_an_exception_and_the_child_gate_are_guards_to_test(tmp_path: Path) -> None:
    pack, rule, text = _biting(tmp_path)
    text = text.replace("severity: warning\n", "severity: warning\napplies_to: child\n")
    text = text.replace("unless: [negated]\n", 'unless: [negated]\nexceptions: ["{lose} control of the car"]\n')
    car = '    - text: "He lost control of the car."\n      match: "lost control"\n'
    text = text.replace(car, '    - "He lost control."\n')
    rule.write_text(text)
    result = CliRunner().invoke(cli, ["test-rules", str(pack), "--strict"])
    assert "kept quiet by 'exception: {lose} control of the car' alone" in result.stdout
    assert "kept quiet by 'applies_to: child' alone" in result.stdout
    passes = '    - "He lost control of the car."\n    - "The man, 40, lost control."\n'
    rule.write_text(text.replace("  pass:\n", "  pass:\n" + passes))
    result = CliRunner().invoke(cli, ["test-rules", str(pack), "--strict"])
    assert result.exit_code == 0, result.output


def _copied_examples() -> list[str]:
    """Every example of the bundled pack whose text is a passage of a corpus we score against."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("corpus_hashes", ROOT / "benchmarks" / "corpus_hashes.py")
    assert spec is not None and spec.loader is not None
    hashes = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hashes)
    scored = set((ROOT / "tests" / "fixtures" / "shared_corpus.sha256").read_text().split())
    for corpus in sorted((ROOT / "benchmarks" / "corpus").glob("*.jsonl")):
        scored.update(hashes.fingerprint(t) for t in hashes.corpus_texts(corpus))
    copied = []
    for rule in load_directory(ROOT / "rules"):
        texts = [e.text for e in rule.examples.fail] + list(rule.examples.passes) + [f.text for f in rule.examples.fix]
        copied += [f"{rule.id}: {t}" for t in texts if hashes.fingerprint(t) in scored]
    return copied


def test_no_rule_example_is_copied_from_a_scored_corpus() -> None:
    """Examples are written for the rules; a sentence copied from a scored corpus scores itself."""
    copied = _copied_examples()
    assert not copied, f"{len(copied)} rule examples are passages of a scored corpus:\n" + "\n".join(copied)


def test_the_bundled_pack_bites() -> None:
    """The pack passes `test-rules --strict`: every example bites, every guard has its near-miss."""
    result = CliRunner().invoke(cli, ["test-rules", "--strict"])
    assert result.exit_code == 0, result.stdout[-6000:]
