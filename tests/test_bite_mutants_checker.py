"""The single pipeline (checker.py): each stage, pinned by the findings a user gets (issue 19).

Mutation testing planted bugs in the filters, the place stage, the paragraph offsets, the
batches of `check_many`, the Doc path of the spaCy component and the suppress stage that no
other test noticed; each test below fails on such a bug.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import spacy

from langcheck import Config, Linter
from langcheck.checker import Checker
from langcheck.chunking import MAX_CHUNK
from langcheck.models import Finding, Severity, Subject

PACK = Path(__file__).parent / "fixtures" / "pack"
RISK = "Jade (14) is putting herself at risk."
ABUSE = "She disclosed historic abuse."
MakePack = Callable[..., Path]


def linter(**settings: object) -> Linter:
    return Linter(Config(extend_rules=(PACK,), select=("TS001", "TS002"), **settings))  # type: ignore[arg-type]


LINTER = linter()


def found(text: str, lint: Linter = LINTER, *, path: str = "-") -> list[tuple[str, str, int, int]]:
    return [(f.rule_id, f.text, f.start, f.end) for f in lint.check(text, path=path)]


# place ------------------------------------------------------------------------------------------


def test_each_finding_carries_its_rule_words_place_and_advice() -> None:
    risk, abuse = LINTER.check(f"Case note.\n\n{RISK}\n{ABUSE}", path="notes/jade.txt")
    assert risk == Finding(
        rule_id="TS001",
        name="put-self-at-risk",
        category="testing",
        severity=Severity.WARNING,
        message="'putting herself at risk' makes the child responsible for danger that adults create.",
        text="putting herself at risk",
        start=25,
        end=48,
        line=3,
        column=14,
        end_line=3,
        end_column=37,
        hints=("is at risk from the adults who are exploiting her", "is being placed at risk by [name the adults]"),
        fix=None,
        path="notes/jade.txt",
        quoted=False,
        replacements=(),
    )
    assert abuse == Finding(
        rule_id="TS002",
        name="historic-abuse",
        category="testing",
        severity=Severity.INFO,
        message="'historic abuse' suggests the harm is over.",
        text="historic abuse",
        start=64,
        end=78,
        line=4,
        column=15,
        end_line=4,
        end_column=29,
        hints=("non-recent abuse",),
        fix="non-recent abuse",
        path="notes/jade.txt",
        replacements=("non-recent abuse",),
    )


def test_a_finding_over_a_line_break_ends_on_the_next_line() -> None:
    (f,) = LINTER.check("She disclosed historic\nabuse.")
    assert (f.text, f.line, f.column, f.end_line, f.end_column) == ("historic\nabuse", 1, 15, 2, 6)


def test_quoted_words_are_reported_as_info_only_when_asked_for() -> None:
    text = 'Jade (14) said "I keep putting herself at risk" to staff.'
    assert LINTER.check(text) == []
    (f,) = linter(include_quotes=True).check(text)
    assert (f.rule_id, f.severity, f.quoted) == ("TS001", Severity.INFO, True)


# filters ----------------------------------------------------------------------------------------


def test_words_named_as_words_are_never_flagged() -> None:
    text = "Staff should stop using the term historic abuse in reports."
    assert found(text, linter(include_quotes=True)) == []
    assert found("Avoid saying historic abuse.", linter(include_quotes=True)) == []


@pytest.mark.parametrize(
    ("text", "subject", "rules"),
    [
        (RISK, Subject.AUTO, ["TS001"]),
        ("Jade (24) is putting herself at risk.", Subject.AUTO, []),  # her own age says adult
        ("Jade (24) is putting herself at risk.", Subject.CHILD, ["TS001"]),  # the setting wins
        (RISK, Subject.ADULT, []),
        ("DOB: 01/01/1990\n\nJade is putting herself at risk.", Subject.AUTO, []),  # the record's header
        ("DOB: 01/01/2015\n\nJade is putting herself at risk.", Subject.AUTO, ["TS001"]),
        ("Jade is putting herself at risk.", Subject.AUTO, ["TS001"]),  # a child is presumed
        ("Jade (24) disclosed historic abuse.", Subject.ADULT, ["TS002"]),  # a rule for anyone is never gated
    ],
    ids=lambda value: value.replace("\n", " / ") if isinstance(value, str) else None,  # no line break in a node id
)
def test_the_child_gate(text: str, subject: Subject, rules: list[str]) -> None:
    assert [f.rule_id for f in linter(subject=subject).check(text)] == rules


def test_a_rules_own_conditions_and_exceptions_drop_its_hits(make_pack: MakePack) -> None:
    assert found("She is not putting herself at risk.") == []  # TS001: unless negated
    pack = make_pack(['phrase: "went missing"'], extra='exceptions: ["went missing from care"]\n')
    lint = Linter(Config(extend_rules=(pack,), select=("ZZ001",)))
    assert found("YP went missing from care. YP went missing again.", lint) == [("ZZ001", "went missing", 30, 42)]


# match: paragraphs and long texts ---------------------------------------------------------------


def test_findings_in_later_paragraphs_keep_their_offsets() -> None:
    text = f"{ABUSE}\n\nNothing here.\n\n{RISK}\n\n{ABUSE}"
    risk, abuse = text.index("putting"), text.rindex("historic")
    assert (risk, abuse) == (59, 99)
    assert found(text) == [
        ("TS002", "historic abuse", 14, 28),
        ("TS001", "putting herself at risk", risk, risk + 23),
        ("TS002", "historic abuse", abuse, abuse + 14),
    ]
    assert found("Nothing here at all.") == [] and found("") == []


def test_a_paragraph_longer_than_a_chunk_reports_each_finding_once() -> None:
    filler = "YP attended school today. " * (MAX_CHUNK // 26 + 200)
    text = filler + ABUSE + " " + filler + ABUSE
    starts = [f.start for f in LINTER.check(text)]
    first = len(filler) + len("She disclosed ")
    assert starts == [first, first + len(ABUSE) + 1 + len(filler)]


# check_many and check_doc -----------------------------------------------------------------------


@pytest.mark.parametrize("batch_size", [1, 2, 64])
def test_check_many_gives_each_text_its_own_findings(batch_size: int) -> None:
    texts = [RISK, "", "Nothing here.", f"{ABUSE}\n\n{RISK}", ABUSE, "Jade (24) is putting herself at risk."]
    many = [[(f.rule_id, f.start) for f in fs] for fs in LINTER.check_many(texts, batch_size=batch_size)]
    assert many == [[("TS001", 13)], [], [], [("TS002", 14), ("TS001", 44)], [("TS002", 14)], []]
    assert list(LINTER.check_many([], batch_size=batch_size)) == []


def test_check_many_applies_suppressions() -> None:
    texts = [f"{ABUSE} langcheck: ignore", ABUSE]
    assert [len(fs) for fs in LINTER.check_many(texts)] == [0, 1]


def test_a_doc_from_the_callers_pipeline_is_checked_a_paragraph_at_a_time() -> None:
    nlp = spacy.blank("en")
    text = f"Nothing here.\n\n{RISK}\n\nStill nothing.\n\n{ABUSE}  langcheck: ignore[TS001]"
    got = [(f.rule_id, f.text, f.start, f.line, f.column) for f in LINTER.checker.check_doc(nlp(text), path="x.txt")]
    assert (text.index("putting"), text.index("historic")) == (28, 84)
    assert got == [("TS001", "putting herself at risk", 28, 3, 14), ("TS002", "historic abuse", 84, 7, 15)]
    assert LINTER.checker.check_doc(nlp("Nothing here.")) == []
    assert [f.path for f in LINTER.checker.check_doc(nlp(ABUSE), path="x.txt")] == ["x.txt"]


# suppress ---------------------------------------------------------------------------------------


def test_inline_suppressions_in_any_case() -> None:
    assert found(f"{ABUSE} LangCheck: Ignore") == []
    assert found(f"{ABUSE} langcheck: ignore[TS001]") == [("TS002", "historic abuse", 14, 28)]
    unused = linter(report_unused_suppressions=True).check(f"{ABUSE}\nNothing here. langcheck: ignore[TS001]")
    assert [f.rule_id for f in unused] == ["TS002", "LC001"]
    assert [f.rule_id for f in LINTER.check(f"{ABUSE}\nNothing here. langcheck: ignore[TS001]")] == ["TS002"]


def test_a_checker_without_the_suppress_stage_reports_the_bare_findings() -> None:
    bare = Checker(
        LINTER.ruleset, LINTER.options, triggers=LINTER.triggers, compiled=lambda: LINTER.compiled, suppress=False
    )
    assert [f.rule_id for f in bare.check(f"{ABUSE} langcheck: ignore")] == ["TS002"]


def test_per_file_ignores_follow_the_path() -> None:
    lint = linter(per_file_ignores=(("training/*", ("TS002",)),))
    text = f"{RISK}\n{ABUSE}"
    assert [f.rule_id for f in lint.check(text, path="training/slides.txt")] == ["TS001"]
    assert [f.rule_id for f in lint.check(text, path="notes/jade.txt")] == ["TS001", "TS002"]
    assert [f.rule_id for f in lint.check(text)] == ["TS001", "TS002"]  # standard input has no path
    category = linter(per_file_ignores=(("training/*", ("testing",)),))
    assert category.check(text, path="training/slides.txt") == []


def test_a_clean_text_never_builds_the_matchers() -> None:
    def refuse() -> object:
        raise AssertionError("the matchers were built for a text no rule can match")

    checker = Checker(LINTER.ruleset, LINTER.options, triggers=LINTER.triggers, compiled=refuse)  # type: ignore[arg-type]
    assert checker.check("YP attended school. langcheck: ignore") == []
    assert checker.check("") == []


# long paragraphs: each finding in the stretch two pieces share is reported once ---------------------

FILLER = "YP attended school today. "
NOTED = "Historic abuse was noted. "  # as long as FILLER


def _long_paragraph() -> tuple[str, list[int]]:
    """Return a paragraph of about 200,000 characters, and where "Historic abuse" starts in it.

    The first piece ends at 99,996 (the last sentence end before 100,000) and the next starts
    2,000 characters earlier: one finding is in each half of that shared stretch.
    """
    marked = {3790, 3828, 5000}
    text = "".join(NOTED if i in marked else FILLER for i in range(7692))
    return text, [i * len(FILLER) for i in sorted(marked)]


def test_a_finding_where_two_pieces_of_a_long_paragraph_overlap_is_reported_once() -> None:
    text, starts = _long_paragraph()
    assert [f.start for f in LINTER.check(text)] == starts
    assert [[f.start for f in fs] for fs in LINTER.check_many([text, ABUSE])] == [starts, [14]]
    doc = spacy.blank("en")(text)
    assert [f.start for f in LINTER.checker.check_doc(doc)] == starts


def test_a_paragraph_with_a_trigger_word_but_no_finding_does_not_stop_the_search() -> None:
    text = f"Abuse of historic records was noted.\n\n{ABUSE}"
    assert len(LINTER.checker.prefilter(text)) == 2  # both paragraphs hold the words some rule needs
    assert found(text) == [("TS002", "historic abuse", 52, 66)]


def test_the_checker_itself_defaults_to_standard_input_and_checks_only_the_spans_given() -> None:
    checker = LINTER.checker
    (f,) = checker.check(ABUSE)
    assert f.path == "-"
    text = f"{ABUSE}\n\n{ABUSE}"
    assert [f.start for f in checker.check(text, spans=[(31, 60)])] == [45]
    assert [f.path for f in checker.check_doc(spacy.blank("en")(ABUSE))] == ["-"]


def test_every_entry_point_gives_directive_findings_the_path_and_applies_path_ignores() -> None:
    lint = linter(report_unused_suppressions=True, per_file_ignores=(("*", ("TS001",)),))
    text = f"{RISK}\n{ABUSE}\nNothing here. langcheck: ignore[TS002]"
    # standard input has no path, so no per-file ignore applies to it
    assert [(f.rule_id, f.path) for f in lint.check(text)] == [("TS001", "-"), ("TS002", "-"), ("LC001", "-")]
    (many,) = lint.check_many([text])
    assert [(f.rule_id, f.path) for f in many] == [("TS001", "-"), ("TS002", "-"), ("LC001", "-")]
    named = [(f.rule_id, f.path) for f in lint.check(text, path="notes/jade.txt")]
    assert named == [("TS002", "notes/jade.txt"), ("LC001", "notes/jade.txt")]
    doc = lint.checker.check_doc(spacy.blank("en")(text), path="notes/jade.txt")
    assert [(f.rule_id, f.path) for f in doc] == named
