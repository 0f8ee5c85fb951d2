"""Behaviours of context.py and directives.py that mutation testing found unpinned (issue 19).

`python benchmarks/mutation.py` plants small bugs in these modules; each test here kills
mutants that survived the rest of the suite. Survivors judged equivalent are listed in the
mutation script's report, not tested.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from langcheck import Config, Linter
from langcheck.context import Marker, analyse, find_age_marks, find_quotes
from langcheck.engine import CompiledRules
from langcheck.nlp import load_pipeline
from langcheck.ruleset import load_pack

PACK = Path(__file__).parent / "fixtures" / "pack"
RISK = "Jade (14) is putting herself at risk."
ABUSE = "She disclosed historic abuse."
TODAY = datetime.date(2026, 11, 26)


def quoted(text: str) -> list[str]:
    return [text[s:e] for s, e in find_quotes(text)]


# context.py: quotes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ('"I went" she said.', ['"I went"']),  # a quote that starts the text
        ("'Boyfriend' was her word.", ["'Boyfriend'"]),
        ('He said "yes" and she said "no".', ['"yes"', '"no"']),  # a closing quote opens nothing
        ('She wrote "" then said "no".', ['""', '"no"']),  # an empty quote
        ('She said "I chose\nto go" today.', ['"I chose\nto go"']),  # one line break is no paragraph
        ("She said 'no'", ["'no'"]),  # a single quote that ends the text
        ("She wrote '", []),
        ('She said "no', []),  # unclosed at the very end
        ('She said "no\n', []),
        ("She said \u2018no' to him.", ["\u2018no'"]),  # a curly quote closed by a straight one
        ("He called it 'plan B'.", ["'plan B'"]),  # a one-letter word before the closing quote
        ("Unit X's staff called him her 'boyfriend'.", ["'boyfriend'"]),  # an apostrophe after X
        ("Height 5 ' 4, she called him her 'boyfriend'.", ["'boyfriend'"]),  # a lone mark opens nothing
        ("Xavier said \u2018no\u2019.", ["\u2018no\u2019"]),  # a letter is never a quote mark
        ("I'm 'fine' today.", ["'fine'"]),  # an apostrophe second in the text
        ("She said \u201c\u2018no\u2019 to him.", ["\u2018no\u2019"]),  # an unclosed quote skips nothing
    ],
)
def test_quote_bounds(text: str, quotes: list[str]) -> None:
    assert quoted(text) == quotes


def test_a_quote_may_run_to_600_characters_and_no_further() -> None:
    longest = '"' + "a" * 599 + '"'
    assert quoted(longest) == [longest]
    assert quoted('"' + "a" * 600 + '"') == []


def test_in_quotes_at_the_end_of_the_text() -> None:
    text = 'She said "no"'
    ctx = analyse(text)
    assert ctx.in_quotes(text.index('"'), len(text))


# context.py: paragraphs and marks ---------------------------------------------------------------


def test_paragraph_of_the_first_and_last_paragraphs() -> None:
    text = "one\n\ntwo"
    ctx = analyse(text)
    assert ctx.paragraph_of(0) == (0, 3)
    assert ctx.paragraph_of(5) == (5, 8)  # the first character of the last paragraph


def test_marks_in_keeps_to_its_range() -> None:
    text = "Jade (14) said no. The man, aged 40, left."
    ctx = analyse(text)
    assert [(m.marker, m.age) for m in ctx.marks_in(0, 10)] == [(Marker.CHILD, 14)]


def test_marks_have_their_spans() -> None:
    text = "Jade (14) is in Year 9. DOB: 03/04/2012 (from school)"
    marks = find_age_marks(text, today=TODAY)
    assert [text[m.start : m.end] for m in marks] == ["(14)", "Year 9", "DOB: 03/04/2012", "school"]


@pytest.mark.parametrize(
    ("dob", "age", "marker"),
    [
        ("03/04/12", 14, Marker.CHILD),  # a two-digit year up to this year's is this century's
        ("01/01/26", 0, Marker.CHILD),
        ("03/04/98", 28, Marker.ADULT),  # a later one is last century's
        ("01/01/27", 99, Marker.ADULT),
        ("01/01/2008", 18, Marker.ADULT),  # 18 is an adult
        ("01/01/2009", 17, Marker.CHILD),
    ],
)
def test_date_of_birth_ages(dob: str, age: int, marker: Marker) -> None:
    marks = find_age_marks(f"DOB: {dob}", today=TODAY)
    assert [(m.marker, m.age) for m in marks] == [(marker, age)]


def test_analyse_dates_births_by_the_day_it_is_given() -> None:
    ctx = analyse("DOB: 01/01/2008", today=datetime.date(2025, 6, 1))
    assert [(m.marker, m.age) for m in ctx.marks] == [(Marker.CHILD, 17)]


@pytest.mark.parametrize("text", ["the under-18s team", "Age: under 18", "below 18"])
def test_under_18_is_a_child_whatever_the_number(text: str) -> None:
    assert {m.marker for m in find_age_marks(text)} == {Marker.CHILD}
    assert [m.age for m in find_age_marks(text) if m.age is not None] == [17]


def test_a_record_header_age_under_18_keeps_child_rules_on(make_pack: Callable[..., Path]) -> None:
    pack = load_pack(make_pack(['phrase: "sexually active"'], applies_to="child"))
    compiled = CompiledRules(pack, load_pipeline())
    assert [f.text for f in compiled.findings("Age: under 18\n\nShe is sexually active.")] == ["sexually active"]


@pytest.mark.parametrize(
    ("text", "child"),
    [("The YPs attend.", True), ("The CYP attend.", True), ("the yps", False), ("a cyp", False), ("a yp", False)],
)
def test_yp_and_cyp_are_child_words_only_in_capitals(text: str, child: bool) -> None:
    assert bool(find_age_marks(text)) is child


# directives.py ----------------------------------------------------------------------------------


def _unused(text: str) -> list[dict[str, Any]]:
    """Return the LC001 (unused suppression) findings for the text, as JSON output gives them."""
    linter = Linter(Config(extend_rules=(PACK,), select=("TS001", "TS002"), report_unused_suppressions=True))
    return [f.to_dict() for f in linter.check(text, path="notes/a.txt") if f.rule_id == "LC001"]


def _lc001(line: int, column: int, start: int, text: str, message: str) -> dict[str, Any]:
    return {
        "path": "notes/a.txt",
        "line": line,
        "column": column,
        "end_line": line,
        "end_column": column + len(text),
        "start": start,
        "end": start + len(text),
        "rule": "LC001",
        "name": "unused-suppression",
        "category": "langcheck",
        "severity": "warning",
        "message": message,
        "text": text,
        "replacements": [],
        "hints": [],
        "fix": None,
        "location": None,
    }


def test_an_unused_block_is_reported_where_its_disable_is_written() -> None:
    text = "Clean line.\nSo clean. langcheck: disable[TS001, testing]\nAlso clean.\nlangcheck: enable[TS001, testing]"
    directive = "langcheck: disable[TS001, testing]"
    assert _unused(text) == [
        _lc001(2, 11, 22, directive, "this suppression [TS001, testing] silences nothing; remove it")
    ]


def test_an_unclosed_unused_block_and_a_bare_next_line_are_reported() -> None:
    assert _unused("Clean.\n  langcheck: disable-next-line\nClean too.") == [
        _lc001(2, 3, 9, "langcheck: disable-next-line", "this suppression silences nothing; remove it")
    ]
    assert _unused("Clean.\nlangcheck: disable\nClean.\n") == [
        _lc001(2, 1, 7, "langcheck: disable", "this suppression silences nothing; remove it")
    ]


def test_a_comma_separated_list_names_each_rule() -> None:
    linter = Linter(Config(extend_rules=(PACK,), select=("TS001", "TS002")))
    assert linter.check(f"{RISK} {ABUSE} langcheck: ignore[TS001,TS002]") == []
    assert linter.check(f"{RISK} {ABUSE} langcheck: ignore[TS001 , TS002]") == []


def test_disable_next_line_silences_only_the_rules_it_names() -> None:
    linter = Linter(Config(extend_rules=(PACK,), select=("TS001", "TS002")))
    found = linter.check(f"langcheck: disable-next-line[TS001]\n{RISK} {ABUSE}")
    assert [(f.rule_id, f.line) for f in found] == [("TS002", 2)]


def test_an_enable_with_nothing_to_close_is_harmless() -> None:
    linter = Linter(Config(extend_rules=(PACK,), select=("TS001",)))
    assert [f.line for f in linter.check(f"langcheck: enable\n{RISK}")] == [2]
    assert [f.line for f in linter.check(f"langcheck: disable\n{RISK}\nlangcheck: enable\n{RISK}")] == [4]


MALFORMED = ("LC002", "malformed-suppression")
UNUSED = ("LC001", "unused-suppression")


@pytest.mark.parametrize(
    ("line", "directive", "problem"),
    [
        ("Clean. langcheck:", "langcheck:", "'langcheck:' is not followed by a directive"),
        ("Clean. langcheck: foo", "langcheck: foo", "'foo' is not a langcheck directive"),
        ("Clean. langcheck: disable [TS001]", "langcheck: disable [", "'langcheck: disable [' has a space before '['"),
        ("Clean. langcheck: ignore[TS001", "langcheck: ignore[TS001", "'langcheck: ignore[' has no closing ']'"),
        ("Clean. langcheck: ignore[]", "langcheck: ignore[]", "'langcheck: ignore[]' names no rules"),
        ("So clean. langcheck: ignore[TS001]", "langcheck: ignore[TS001]", "this suppression [TS001] silences nothing"),
        (
            "So clean. langcheck: disable-next-line[TS001]",
            "langcheck: disable-next-line[TS001]",
            "this suppression [TS001] silences nothing",
        ),
    ],
)
def test_each_directive_problem_is_reported_at_the_directive(line: str, directive: str, problem: str) -> None:
    linter = Linter(Config(extend_rules=(PACK,), select=("TS001", "TS002"), report_unused_suppressions=True))
    (found,) = [f.to_dict() for f in linter.check(f"Clean.\n{line}\nClean.", path="notes/a.txt")]
    column = line.index("langcheck:") + 1
    start = len("Clean.\n") + column - 1
    rule, name = UNUSED if problem.startswith("this suppression") else MALFORMED
    assert found["message"].split(", so it")[0].split("; ")[0] == problem
    del found["message"]
    assert found == {
        "path": "notes/a.txt",
        "line": 2,
        "column": column,
        "end_line": 2,
        "end_column": column + len(directive),
        "start": start,
        "end": start + len(directive),
        "rule": rule,
        "name": name,
        "category": "langcheck",
        "severity": "warning",
        "text": directive,
        "replacements": [],
        "hints": [],
        "fix": None,
        "location": None,
    }


def test_a_disable_never_turned_back_on_is_reported_where_it_is_written() -> None:
    linter = Linter(Config(extend_rules=(PACK,), select=("TS001", "TS002")))
    found = linter.check(f"Clean.\nSo. langcheck: disable[TS001]\n{RISK}\n", path="notes/a.txt")
    ((rule, name, line, column, text, message),) = [
        (f.rule_id, f.name, f.line, f.column, f.text, f.message) for f in found
    ]
    assert (rule, name, line, column, text) == ("LC002", "unclosed-suppression", 2, 5, "langcheck: disable[TS001]")
    assert message.startswith("this 'disable[TS001]' is never turned back on")
    assert "add 'langcheck: enable[TS001]' where it should stop" in message


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (f"langcheck: disable[TS001]\n{RISK}\nlangcheck: enable[TS002]\n", [("LC002", 1)]),
        (f"langcheck: disable[testing]\n{RISK}\nlangcheck: enable[TS001]\n", [("LC002", 1)]),  # TS002 stays off
        (f"langcheck: disable[TS001]\n{RISK}\nlangcheck: enable\n", []),
        (f"langcheck: disable\n{RISK}\nlangcheck: enable[TS001]\n", [("LC002", 1)]),
        (f"langcheck: disable[ZZ999]\n{RISK}\n", [("LC002", 1), ("TS001", 2)]),  # names no rule, never ended
        (f"langcheck: disable[ZZ999]\n{RISK}\nlangcheck: enable[ZZ999]\n", [("TS001", 2)]),
        (f"langcheck: disable[TS001]\n{RISK} langcheck: enable[TS001]\n{RISK}\n", [("TS001", 3)]),  # off to its line
        (f"langcheck: disable[TS001]\n{RISK}\nlangcheck: enable[testing]\n{RISK}", [("TS001", 4)]),
    ],
)
def test_which_disables_are_turned_back_on(text: str, found: list[tuple[str, int]]) -> None:
    linter = Linter(Config(extend_rules=(PACK,), select=("TS001", "TS002")))
    assert [(f.rule_id, f.line) for f in linter.check(text)] == found


def test_a_list_ends_at_the_first_bracket_on_its_own_line() -> None:
    linter = Linter(Config(extend_rules=(PACK,), select=("TS001",)))
    assert linter.check(f"{RISK} langcheck: ignore[TS001] (see [1])") == []
    found = linter.check(f"{RISK} langcheck: ignore[TS001\nSee [1] below.")
    assert [(f.rule_id, f.line) for f in found] == [("TS001", 1), ("LC002", 1)]


@pytest.mark.parametrize(
    ("directive", "named"),
    [("langcheck: disable", "disable"), ("langcheck: disable[TS001, TS002]", "disable[TS001, TS002]")],
)
def test_an_unclosed_disable_on_the_first_line_names_itself(directive: str, named: str) -> None:
    linter = Linter(Config(extend_rules=(PACK,), select=("TS001", "TS002")))
    ((rule, line, column, path, message),) = [
        (f.rule_id, f.line, f.column, f.path, f.message) for f in linter.check(f"{directive}\nClean.", path="n.txt")
    ]
    assert (rule, line, column, path) == ("LC002", 1, 1, "n.txt")
    assert message.startswith(f"this '{named}' is never turned back on")
    assert f"add 'langcheck: en{named.removeprefix('dis')}' where it should stop" in message
