"""Replacements fit the sentence they land in; hints are shown, never put in the text (issue 14).

Tests use the fixed pack in tests/fixtures/fitpack, so they do not change when the bundled
pack does; test_replacements_pack.py checks the bundled pack's own replacements.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from langcheck import Config, Linter
from langcheck.cli import cli
from langcheck.errors import RuleError
from langcheck.loader import load_rule
from langcheck.verbs import Form, form_of, inflect, passive_auxiliary

FITPACK = Path(__file__).parent / "fixtures" / "fitpack"
SELECT = ("FP001", "FP002", "FP003", "FP004", "FP005", "FP006")
LINTER = Linter(Config(extend_rules=(FITPACK,), select=SELECT))

# The table: each note, and how it reads once its first replacement is put in place.
NOTES = {
    "Jade (14) has been putting herself at risk.": "Jade (14) has been placed at risk by the adults exploiting her.",
    "The boys (14) were involved in county lines.": "The boys (14) were criminally exploited through county lines.",
    "She provoked him by shouting.": "She provoked him by shouting.",  # hints only: nothing is put in
    "Jade (14) chose to go missing again.": "Jade (14) went missing again.",
    "Amy (15) has an older boyfriend.": "Amy (15) has contact with an older male.",
}


def applied(text: str) -> str:
    """Return the text with the first replacement of each finding put in place."""
    out, pos = [], 0
    for f in sorted(LINTER.check(text), key=lambda f: f.start):
        if f.replacements:
            out += [text[pos : f.start], f.replacements[0]]
            pos = f.end
    return "".join(out) + text[pos:]


@pytest.mark.parametrize(("note", "after"), NOTES.items())
def test_the_first_replacement_reads_right_in_each_note(note: str, after: str) -> None:
    assert LINTER.check(note), "the note must be flagged"
    assert applied(note) == after


def test_hints_are_kept_apart_and_never_hold_a_replacement() -> None:
    (f,) = LINTER.check("She provoked him by shouting.")
    assert f.replacements == () and f.fix is None
    assert f.hints[0] == "[name the abuser] assaulted her after [what was said or done]"  # her: she is the victim
    (g,) = LINTER.check("Jade (14) has been putting herself at risk.")
    assert g.replacements == ("placed at risk by the adults exploiting her",) and g.fix == g.replacements[0]
    assert g.hints == ("is being placed at risk by [name the adults or the situation]",)


@pytest.mark.parametrize(
    ("note", "replacement"),
    [
        ("Jade (14) is putting herself at risk.", "being placed at risk by the adults exploiting her"),
        ("Jade (14) has been putting herself at risk.", "placed at risk by the adults exploiting her"),
        ("Jade (14) has been repeatedly putting herself at risk.", "placed at risk by the adults exploiting her"),
        ("Jade (14) is still putting herself at risk.", "being placed at risk by the adults exploiting her"),
        ("Jade (14) puts herself at risk.", "is placed at risk by the adults exploiting her"),
        ("Ryan (14) put himself at risk.", "was placed at risk by the adults exploiting him"),
        ("The boys (14) put themselves at risk.", "were placed at risk by the adults exploiting them"),
        ("The boys (14) were putting themselves at risk.", "being placed at risk by the adults exploiting them"),
        ("Jade (14) had put herself at risk.", "been placed at risk by the adults exploiting her"),
        ("Jade (14) continues to put herself at risk.", "be placed at risk by the adults exploiting her"),
    ],
)
def test_a_passive_agrees_with_the_tense_aspect_and_number_around_it(note: str, replacement: str) -> None:
    (f,) = LINTER.check(note)
    assert f.replacements[0] == replacement


@pytest.mark.parametrize(
    ("note", "after"),
    [
        ("Leon (13) chooses to go missing most weekends.", "Leon (13) goes missing most weekends."),
        ("Leon (13) has chosen to go missing twice.", "Leon (13) has gone missing twice."),
        ("Leon (13) decided to run away.", "Leon (13) went missing."),
        ("Chose to go missing at 19:40.", "Went missing at 19:40."),  # a capital where a sentence starts
    ],
)
def test_a_verb_takes_the_tense_of_the_flagged_verb(note: str, after: str) -> None:
    assert applied(note) == after


def test_no_replacement_where_the_words_after_would_not_fit() -> None:
    (f,) = LINTER.check("Jade (14) is putting herself at risk by staying out overnight.")
    assert f.replacements == () and f.hints  # "placed at risk by the adults ... by staying out" would not read


def test_no_replacement_where_the_words_before_would_not_fit() -> None:
    (f,) = LINTER.check("Amy (15) was with her older boyfriend.")
    assert f.replacements == ()
    assert f.hints == ("an older male, aged [age], who may be grooming her",)  # "her boyfriend": her


def test_a_named_child_takes_the_pronoun_the_note_uses_for_her() -> None:
    (f,) = LINTER.check("Kayleigh (14) has an older boyfriend. She is streetwise.")
    assert f.hints == ("an older male, aged [age], who may be grooming her",)
    (g,) = LINTER.check("Kai (14) has an older boyfriend.")
    assert g.hints == ("an older male, aged [age], who may be grooming them",)  # nothing says: they


@pytest.mark.parametrize(
    ("verb", "before", "form"),
    [
        ("chose", ["jade"], Form.PAST),
        ("chosen", ["has"], Form.PARTICIPLE),
        ("putting", ["is"], Form.ING),
        ("puts", ["she"], Form.PRESENT),
        ("put", ["to"], Form.BASE),
        ("put", ["had"], Form.PARTICIPLE),
        ("put", ["she"], Form.PAST),
        ("decided", ["he"], Form.PAST),
    ],
)
def test_form_of(verb: str, before: list[str], form: Form) -> None:
    assert form_of(verb, before) is form


@pytest.mark.parametrize(
    ("base", "form", "word"),
    [
        ("go", Form.PAST, "went"),
        ("go", Form.PARTICIPLE, "gone"),
        ("go", Form.PRESENT, "goes"),
        ("run", Form.ING, "running"),
        ("place", Form.PAST, "placed"),
        ("place", Form.ING, "placing"),
        ("carry", Form.PRESENT, "carries"),
        ("carry", Form.PAST, "carried"),
        ("stop", Form.PAST, "stopped"),
    ],
)
def test_inflect(base: str, form: Form, word: str) -> None:
    assert inflect(base, form) == word


def test_passive_auxiliary_takes_over_auxiliaries_inside_the_match() -> None:
    assert passive_auxiliary(["has", "been"], "putting", [], plural=False) == "has been"
    assert passive_auxiliary(["were"], "putting", [], plural=True) == "were being"
    assert passive_auxiliary(["had"], "put", [], plural=False) == "had been"


# ---- rule files ---------------------------------------------------------------------------

RULE = """\
id: ZZ001
name: test-rule
category: testing
severity: warning
message: "'{match}' is a test."
explanation: Why.
patterns:
  - phrase: "test phrase"
sources: [TEST1]
"""
EXAMPLES = """\
examples:
  fail: [{text: "a test phrase here", applied: "a neutral phrase here"}]
  pass: ["nothing"]
"""


def load(tmp_path: Path, body: str) -> None:
    folder = tmp_path / "testing"
    folder.mkdir(exist_ok=True)
    path = folder / "ZZ001-test-rule.yaml"
    path.write_text(body, encoding="utf-8")
    load_rule(path, category="testing")


@pytest.mark.parametrize(
    ("advice", "problem"),
    [
        ('replacements: ["[name] phrase"]\n', "replacements[0].text: holds a [placeholder]"),
        ('hints: ["a"]\nsuggestions: ["b"]\nreplacements: ["x"]\n', "suggestions: is given as well as hints"),
        ('hints: ["{passive:placed}"]\nreplacements: ["x"]\n', "uses {passive:...} or {tense:...}"),
        ('replacements: [{text: "x", when: "(a|b"}]\n', "replacements[0].when:"),
        ('replacements: [{text: "x", where: "a"}]\n', "replacements[0]: is a mapping"),
        ('replacements: ["{tense}"]\n', "uses the placeholder {tense}"),
    ],
)
def test_bad_advice_is_refused_with_one_line(tmp_path: Path, advice: str, problem: str) -> None:
    with pytest.raises(RuleError) as err:
        load(tmp_path, RULE + advice + EXAMPLES)
    assert problem in str(err.value) and "\n" not in str(err.value)


def test_applied_on_a_hints_only_rule_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="applied: is given but the rule has no replacements"):
        load(tmp_path, RULE + 'hints: ["[other] words"]\n' + EXAMPLES)


def test_suggestions_is_still_read_as_hints(tmp_path: Path) -> None:
    folder = tmp_path / "testing"
    folder.mkdir()
    path = folder / "ZZ001-test-rule.yaml"
    path.write_text(RULE + 'suggestions: ["[other] words"]\nexamples:\n  fail: ["a test phrase"]\n  pass: ["x"]\n')
    rule = load_rule(path, category="testing")
    assert rule.hints == ("[other] words",) and rule.replacements == ()


def write_pack(tmp_path: Path, replacement: str, fail: str) -> Path:
    pack = tmp_path / "pack"
    (pack / "testing").mkdir(parents=True)
    (pack / "sources.yaml").write_text(
        "- {id: TEST1, title: T, publisher: P, year: 2024, kind: research, url: https://example.org/t}\n"
    )
    body = RULE + f'replacements: ["{replacement}"]\nexamples:\n  fail: [{fail}]\n  pass: ["nothing"]\n'
    (pack / "testing" / "ZZ001-test-rule.yaml").write_text(body)
    return pack


def problems(pack: Path) -> list[str]:
    """Return the failures `langcheck test-rules` reports for a pack."""
    result = CliRunner().invoke(cli, ["test-rules", str(pack)])
    return [line for line in result.stdout.splitlines() if line.startswith("FAIL")]


@pytest.mark.parametrize(
    ("replacement", "fail", "problem"),
    [
        ("neutral phrase", '{text: "a test phrase here", applied: "a neutral phrase here"}', None),
        ("neutral phrase", '{text: "a test phrase here", applied: "a neutral words here"}', "replaced to"),
        ("neutral phrase", '"a test phrase here"', "has no applied"),
        ("neutral phrase", '{text: "a test phrase here", applied: null}', "is offered here"),
        ("other test phrase", '{text: "a test phrase here", applied: "a other test phrase here"}', "still flags"),
    ],
)
def test_test_rules_checks_every_applied_example(
    tmp_path: Path, replacement: str, fail: str, problem: str | None
) -> None:
    found = problems(write_pack(tmp_path, replacement, fail))
    if problem is None:
        assert found == []
    else:
        assert len(found) == 1 and problem in found[0], found


def test_the_fitting_pack_passes_its_own_examples() -> None:
    result = CliRunner().invoke(cli, ["test-rules", str(FITPACK)])
    assert result.exit_code == 0, result.stdout
    assert "0 failed" in result.stdout


# ---- what is put into text: fix, JSON, SARIF --------------------------------------------

ARGS = ["--isolated", "--extend-rules", str(FITPACK), "--select", ",".join(SELECT)]


def test_fix_writes_replacements_only(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("\n".join(NOTES) + "\n")
    result = CliRunner().invoke(cli, ["fix", str(note), "--write", *ARGS])
    assert result.exit_code == 0, result.output
    assert note.read_text() == "\n".join(NOTES.values()) + "\n"
    assert "[" not in note.read_text()


def test_json_carries_replacements_and_hints_apart() -> None:
    result = CliRunner().invoke(
        cli, ["check", "-", "--format", "json", *ARGS], input="She provoked him. Amy (15) has an older boyfriend."
    )
    data = json.loads(result.stdout)
    assert data["version"] == 2
    provoked, boyfriend = data["findings"]
    assert (provoked["replacements"], provoked["fix"]) == ([], None) and provoked["hints"]
    assert (
        boyfriend["replacements"] == ["contact with an older male"] and boyfriend["fix"] == "contact with an older male"
    )
    assert "suggestions" not in boyfriend


def test_sarif_fixes_hold_replacements_only() -> None:
    result = CliRunner().invoke(
        cli, ["check", "-", "--format", "sarif", *ARGS], input="She provoked him. Amy (15) has an older boyfriend."
    )
    provoked, boyfriend = json.loads(result.stdout)["runs"][0]["results"]
    assert "fixes" not in provoked and "[name the abuser]" in provoked["message"]["text"]
    (fix,) = boyfriend["fixes"]
    (change,) = fix["artifactChanges"]
    (replacement,) = change["replacements"]
    assert replacement["insertedContent"]["text"] == "contact with an older male"
    assert replacement["deletedRegion"]["charOffset"] == len("She provoked him. Amy (15) has ")


def test_text_output_shows_both_kinds() -> None:
    result = CliRunner().invoke(cli, ["check", "-", *ARGS], input="Amy (15) has an older boyfriend.\n")
    assert '= replace with: "contact with an older male" (langcheck fix --write uses the first)' in result.stdout
    assert '= instead: "an older male, aged [age], who may be grooming them"' in result.stdout


def test_replacements_with_the_same_words_for_different_wordings_are_all_kept(tmp_path: Path) -> None:
    folder = tmp_path / "testing"
    folder.mkdir()
    path = folder / "ZZ001-test-rule.yaml"
    advice = (
        'replacements:\n  - {text: "{tense:go} missing", when: "{wander} off"}\n'
        '  - {text: "{tense:go} missing", when: "went walkabout"}\n'
    )
    path.write_text(RULE + advice + 'examples:\n  fail: ["a test phrase"]\n  pass: ["x"]\n')
    assert [r.when for r in load_rule(path, category="testing").replacements] == ["{wander} off", "went walkabout"]


def test_capitals_follow_the_sentence_not_an_acronym(tmp_path: Path) -> None:
    pack = write_pack(tmp_path, "the young person", '{text: "a test phrase", applied: "a the young person"}')
    body = (pack / "testing" / "ZZ001-test-rule.yaml").read_text().replace('"test phrase"', '"(yp|test phrase)"')
    (pack / "testing" / "ZZ001-test-rule.yaml").write_text(body)
    linter = Linter(Config(extend_rules=(pack,), select=("ZZ001",)))
    assert [f.replacements for f in linter.check("Seen with YP today. YP was seen.")] == [
        ("the young person",),
        ("The young person",),
    ]
