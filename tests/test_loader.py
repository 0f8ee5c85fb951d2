"""Bad rule files get one line naming the file, the key and the fix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from langcheck.errors import RuleError
from langcheck.loader import load_rule, load_sources
from langcheck.ruleset import load_pack

GOOD = """\
id: ZZ001
name: test-rule
category: testing
severity: warning
message: "'{match}' is a test."
explanation: Why.
suggestions: ["other words"]
patterns:
  - phrase: "test phrase"
sources: [TEST1]
examples:
  fail: ["a test phrase here"]
  pass: ["nothing"]
"""


def write(tmp_path: Path, body: str, name: str = "ZZ001-test-rule.yaml") -> Path:
    folder = tmp_path / "testing"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


def test_a_good_rule_loads(tmp_path: Path) -> None:
    rule = load_rule(write(tmp_path, GOOD), category="testing")
    assert (rule.id, rule.name, rule.severity.label, rule.applies_to.value) == (
        "ZZ001",
        "test-rule",
        "warning",
        "any",
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda s: s.replace("severity: warning", "severity: loud"),
            "ZZ001-test-rule.yaml: severity: 'loud' is not allowed; expected info, warning or error",
        ),
        (
            lambda s: s.replace("id: ZZ001", "id: zz1"),
            "id: 'zz1' is not a rule id; expected two to four capitals and three digits, like AG001",
        ),
        (
            lambda s: s.replace("category: testing", "category: other"),
            "category: is 'other' but the file is in the folder 'testing'",
        ),
        (lambda s: s + "colour: red\n", "colour: is not a rule key"),
        (
            lambda s: s.replace('  - phrase: "test phrase"', '  - phrase: "(test phrase"'),
            "patterns[0].phrase: '(' is never closed with ')'",
        ),
        (
            lambda s: s.replace('  - phrase: "test phrase"', "  - words: x"),
            "patterns[0]: is a mapping; expected one key, phrase or tokens",
        ),
        (lambda s: s.replace("sources: [TEST1]\n", ""), "sources: is missing; expected a list of strings"),
        (
            lambda s: s.replace('fail: ["a test phrase here"]', "fail: []"),
            "examples.fail: is missing or empty",
        ),
        (
            lambda s: s.replace("explanation: Why.", "explanation: Why.\nunless: [sunny]"),
            "unless[0]: 'sunny' is not a known condition",
        ),
        (
            lambda s: s.replace("'{match}' is a test.", "'{matched}' is a test."),
            "message: uses the placeholder {matched}",
        ),
        (lambda s: s.replace("message:", "message: [\n"), "is not valid YAML"),
        (lambda s: "- just\n- a list\n", "holds a list; expected a mapping of rule keys"),
    ],
)
def test_bad_rule_files_name_the_key_and_the_fix(tmp_path: Path, change: Callable[[str], str], expected: str) -> None:
    path = write(tmp_path, change(GOOD))
    with pytest.raises(RuleError) as info:
        load_rule(path, category="testing")
    message = str(info.value)
    assert message.startswith(str(path))
    assert expected in message
    assert "\n" not in message


def test_file_name_must_match_id_and_name(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD, name="ZZ001-other.yaml")
    with pytest.raises(RuleError, match=r"expected the file to be named ZZ001-test-rule\.yaml"):
        load_rule(path, category="testing")


def test_non_utf8_rule_file(tmp_path: Path) -> None:
    path = write(tmp_path, "")
    path.write_bytes(b"id: \xff\xfe\n")
    with pytest.raises(RuleError, match="is not UTF-8 text"):
        load_rule(path)


def test_duplicate_ids_in_a_pack_are_refused(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    write(tmp_path, GOOD.replace("name: test-rule", "name: twin"), name="ZZ001-twin.yaml")
    (tmp_path / "sources.yaml").write_text(
        "- {id: TEST1, title: T, publisher: P, year: 2024, kind: research, url: https://example.org/t}\n"
    )
    with pytest.raises(RuleError, match="ZZ001 is already used"):
        load_pack(tmp_path)


def test_sources_list_rejects_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text("- {id: A, title: T, publisher: P, kind: research, url: https://example.org/a}\n" * 2)
    with pytest.raises(RuleError, match="'A' is listed twice"):
        load_sources(path)


def test_pack_that_is_not_a_folder(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="is not a folder of rules"):
        load_pack(tmp_path / "missing")


def test_unquoted_yaml_boolean_in_a_token_pattern_is_refused(tmp_path: Path) -> None:
    body = GOOD.replace('  - phrase: "test phrase"', "  - tokens: [{LOWER: {IN: [at, on]}}, {LOWER: risk}]")
    path = write(tmp_path, body)
    with pytest.raises(RuleError, match=r"patterns\[0\]\.tokens\[0\]\.LOWER\.IN\[1\]: is true/false"):
        load_rule(path, category="testing")
