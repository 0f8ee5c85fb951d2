"""Token patterns that would flag every word, or whose REGEX could run for ever, are refused at load."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from langcheck.errors import RuleError
from langcheck.loader import load_rule
from langcheck.patternguard import regex_problem

RULE = """\
id: ZZ001
name: test-rule
category: testing
severity: warning
message: "'{{match}}' is a test."
explanation: Why.
suggestions: ["other words"]
patterns:
  - tokens: {tokens}
sources: [TEST1]
examples:
  fail: ["a test phrase here"]
  pass: ["nothing"]
"""


def write(tmp_path: Path, tokens: str) -> Path:
    folder = tmp_path / "testing"
    folder.mkdir(exist_ok=True)
    path = folder / "ZZ001-test-rule.yaml"
    path.write_text(RULE.format(tokens=tokens), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("tokens", "says"),
    [
        ('[{OP: "+"}]', "has no required token with fixed words"),
        ("[{}]", "is an empty token"),
        ('[{LOWER: "a"}, {}]', "is an empty token"),
        ('[{LOWER: {REGEX: "^(a+)+$"}}]', "repeats a repeat"),
        ('[{LOWER: test}, {LOWER: {REGEX: "^(x|xx)+y$"}}]', "repeats a choice"),
        ('[{LOWER: test}, {TEXT: {REGEX: "(a)\\\\1"}}]', "back-reference"),
        ('[{LOWER: test}, {LOWER: {REGEX: "("}}]', "not a valid regular expression"),
        ('[{LIKE_NUM: true}, {LOWER: {REGEX: "^year"}}]', "has no required token with fixed words"),
        ('[{LOWER: test, OP: "?"}, {IS_ALPHA: true}]', "has no required token with fixed words"),
    ],
)
def test_unsafe_or_unanchored_token_patterns_are_refused(tmp_path: Path, tokens: str, says: str) -> None:
    with pytest.raises(RuleError, match="patterns") as info:
        load_rule(write(tmp_path, tokens), category="testing")
    assert says in str(info.value) and str(tmp_path) in str(info.value)


@pytest.mark.parametrize(
    "tokens",
    [
        '[{LOWER: test}, {LOWER: {REGEX: "^phrase(s)?$"}}]',
        '[{LEMMA: test}, {IS_ALPHA: true, OP: "*"}, {LOWER: phrase}]',
        '[{LOWER: {IN: [a, the]}}, {LOWER: test}, {LOWER: {REGEX: "^[a-z]+es$"}, OP: "?"}]',
    ],
)
def test_safe_token_patterns_load(tmp_path: Path, tokens: str) -> None:
    assert load_rule(write(tmp_path, tokens), category="testing").id == "ZZ001"


def test_the_guard_decides_in_microseconds_what_would_take_minutes() -> None:
    began = time.perf_counter()
    assert regex_problem("^(a+)+$") is not None
    assert time.perf_counter() - began < 0.1


def test_check_refuses_the_rule_in_one_line(tmp_path: Path) -> None:
    write(tmp_path, '[{LOWER: {REGEX: "^(a+)+$"}}]')
    note = tmp_path / "note.txt"
    note.write_text("a" * 40 + "b\n")
    command = [sys.executable, "-m", "langcheck", "check", "--isolated", "--extend-rules", str(tmp_path), str(note)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2
    assert "repeats a repeat" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
