"""The match stage (engine.py): which words each kind of pattern flags, and where (issue 19).

Mutation testing planted bugs in the token matchers (with and without an anchor word, with
CONTEXT tokens, over line breaks), in the choice of the longest match, in exceptions and in
the quote flag that no other test noticed; each test below fails on such a bug.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
import spacy

from langcheck.engine import CompiledRules
from langcheck.errors import RuleError
from langcheck.models import Options, Pattern, Rule, Severity
from langcheck.nlp import load_pipeline
from langcheck.ruleset import RuleSet, load_pack

MakePack = Callable[..., Path]
PACK = Path(__file__).parent / "fixtures" / "pack"


def compiled(make_pack: MakePack, *patterns: str, extra: str = "", nlp: object = None) -> CompiledRules:
    return CompiledRules(load_pack(make_pack(list(patterns), extra=extra)), nlp or load_pipeline())


def flagged(rules: CompiledRules, text: str, **opts: object) -> list[tuple[str, int, int]]:
    """Return the flagged words of each finding, with its offsets into the text."""
    out = []
    for f in rules.findings(text, Options(**opts)):  # type: ignore[arg-type]
        assert text[f.start : f.end] == f.text
        out.append((f.text, f.start, f.end))
    return out


def words(rules: CompiledRules, text: str, **opts: object) -> list[str]:
    return [t for t, _, _ in flagged(rules, text, **opts)]


def _with_patterns(rule: Rule, *tokens: tuple[dict[str, object], ...]) -> RuleSet:
    """Return a rule set of `rule` with these token patterns (made in code: no YAML check)."""
    patterns = tuple(Pattern(tokens=t) for t in tokens)
    return RuleSet((replace(rule, patterns=patterns),), {})


def test_a_token_pattern_without_an_anchor_word_runs_on_every_sentence(make_pack: MakePack) -> None:
    rule = next(iter(load_pack(make_pack(["tokens: [{LOWER: x}]"]))))
    rules = CompiledRules(_with_patterns(rule, ({"LOWER": {"REGEX": "^absconde?d?$"}},)), load_pipeline())
    text = "YP seen at 10:00. She absconded from care.\nLater she absconded again. Then abscond."
    assert flagged(rules, text) == [("absconded", 22, 31), ("absconded", 53, 62), ("abscond", 75, 82)]
    assert flagged(rules, "Nothing here.") == []


def test_a_token_pattern_runs_in_each_sentence_that_holds_its_anchor(make_pack: MakePack) -> None:
    rules = compiled(
        make_pack,
        "tokens: [{LOWER: went}, {LOWER: missing}]",
        "tokens: [{LOWER: missing}, {LOWER: again}]",
    )
    text = "YP went home. Staff said she went missing. Missing again, she went missing twice."
    assert flagged(rules, text) == [
        ("went missing", 29, 41),
        ("Missing again", 43, 56),
        ("went missing", 62, 74),
    ]
    assert words(rules, "Nothing went wrong.") == []


def test_token_matches_over_line_breaks_keep_their_context_tokens_out(make_pack: MakePack) -> None:
    rules = compiled(
        make_pack,
        "tokens: [{LOWER: the, CONTEXT: true}, {LOWER: minor}, {LOWER: was}, {LOWER: at, CONTEXT: true}]",
    )
    text = "Seen today.\n\nThe\n  minor was\n at the door. The minor was  at home. A minor was there."
    first, second = text.index("minor"), text.index("minor", 30)
    assert (first, second) == (19, 47)
    assert flagged(rules, text) == [("minor was", 19, 28), ("minor was", 47, 56)]


def test_a_leading_context_token_without_line_breaks(make_pack: MakePack) -> None:
    rules = compiled(make_pack, "tokens: [{LOWER: a, CONTEXT: true}, {LOWER: minor}, {LOWER: injury}]")
    assert flagged(rules, "She had a minor injury. The minor injury healed.") == [("minor injury", 10, 22)]


def test_of_one_rules_overlapping_matches_the_longest_and_earliest_is_kept(make_pack: MakePack) -> None:
    rules = compiled(
        make_pack,
        'phrase: "at risk"',
        'phrase: "herself at risk"',
        'phrase: "risk of harm"',
        'phrase: "harm"',
    )
    text = "She put herself at risk of harm. Harm was done."
    # "at risk" and "risk of harm" start inside "herself at risk": dropped; "harm" starts after it
    assert flagged(rules, text) == [("herself at risk", 8, 23), ("harm", 27, 31), ("Harm", 33, 37)]
    assert words(rules, "A risk of harm, harm.") == ["risk of harm", "harm"]  # touching is not overlapping


def test_matches_of_different_rules_are_all_kept_in_order_of_place(make_pack: MakePack, tmp_path: Path) -> None:
    pack = make_pack(['phrase: "herself at risk"'])
    make_pack(['phrase: "at risk"'], id="ZZ002", name="second")
    make_pack(['phrase: "put herself"'], id="ZZ003", name="third")
    rules = CompiledRules(load_pack(pack), load_pipeline())
    found = [(f.rule_id, f.text) for f in rules.findings("She put herself at risk.")]
    assert found == [("ZZ003", "put herself"), ("ZZ001", "herself at risk"), ("ZZ002", "at risk")]
    same = [(f.rule_id, f.start) for f in rules.findings("herself at risk")]
    assert same == [("ZZ001", 0), ("ZZ002", 8)]


def test_matches_that_start_together_are_ordered_shortest_first_then_by_rule(make_pack: MakePack) -> None:
    pack = make_pack(['phrase: "at risk of harm"'], id="ZZ002", name="second")
    make_pack(['phrase: "at risk"'], id="ZZ003", name="third")
    make_pack(['phrase: "at risk"'], id="ZZ001", name="first")
    rules = CompiledRules(load_pack(pack), load_pipeline())
    assert [(f.rule_id, f.text) for f in rules.findings("She is at risk of harm.")] == [
        ("ZZ001", "at risk"),
        ("ZZ003", "at risk"),
        ("ZZ002", "at risk of harm"),
    ]


def test_an_exception_cancels_only_matches_it_covers_whole(make_pack: MakePack) -> None:
    rules = compiled(
        make_pack, 'phrase: "safe and well"', extra='exceptions: ["returned safe", "safe and well check"]\n'
    )
    text = "She returned safe and well. A safe and well check. Found safe and well."
    assert flagged(rules, text) == [("safe and well", 13, 26), ("safe and well", 57, 70)]


def test_an_exception_over_a_line_break_still_covers_the_match(make_pack: MakePack) -> None:
    rules = compiled(make_pack, 'phrase: "safe and well"', extra='exceptions: ["safe and well check"]\n')
    assert words(rules, "A safe and\n  well\ncheck was done. Seen safe and\nwell.") == ["safe and\nwell"]


def test_a_match_in_quotation_marks_is_flagged_as_quoted(make_pack: MakePack) -> None:
    rules = compiled(make_pack, 'phrase: "at risk"')
    text = 'She said "I am at risk" and she is at risk.'
    assert flagged(rules, text) == [("at risk", 35, 42)]
    both = rules.findings(text, Options(include_quotes=True))
    assert [(f.start, f.quoted, f.severity) for f in both] == [
        (15, True, Severity.INFO),
        (35, False, Severity.WARNING),
    ]


def test_a_pipeline_with_components_is_run_whole(make_pack: MakePack) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    rules = compiled(make_pack, "tokens: [{LOWER: went}, {LOWER: missing}]", 'phrase: "at risk"', nlp=nlp)
    assert words(rules, "She went missing. She is at risk.") == ["went missing", "at risk"]


def test_text_with_a_lone_surrogate_keeps_its_offsets(make_pack: MakePack) -> None:
    rules = compiled(make_pack, 'phrase: "at risk"')
    assert [(f.start, f.end) for f in rules.findings("Note \ud83d: she is at risk.")] == [(15, 22)]


def test_findings_checks_only_the_spans_given(make_pack: MakePack) -> None:
    rules = compiled(make_pack, 'phrase: "at risk"')
    text = "She is at risk.\n\nHe is at risk."
    assert [f.start for f in rules.findings(text, spans=[(17, 31)])] == [23]
    assert [f.path for f in rules.findings(text, path="notes/a.txt")] == ["notes/a.txt", "notes/a.txt"]
    assert rules.findings("") == [] and rules.findings("   \n ") == []


@pytest.mark.parametrize(
    "tokens",
    [({"LOWER": "risk", "OP": "{2,x}"},), ({"LOWERR": "risk"},), ({"LOWER": "risk"}, {"LOWER": "at", "OP": "%"})],
)
def test_a_token_pattern_spacy_refuses_names_the_rule_file(tokens: tuple[dict[str, object], ...]) -> None:
    rule = next(iter(load_pack(PACK)))
    with pytest.raises(RuleError) as caught:
        CompiledRules(_with_patterns(rule, tokens), load_pipeline())
    assert str(caught.value) == (
        f"{rule.path}: patterns: a token pattern is not valid (Invalid token patterns for matcher rule 'TS001'); "
        "expected spaCy Matcher token dicts"
    )


def test_touching_matches_of_one_rule_are_both_kept(make_pack: MakePack) -> None:
    rules = compiled(make_pack, 'phrase: "at risk"', "tokens: [{LOWER: harm}]")
    assert flagged(rules, "at risk at risk") == [("at risk", 0, 7), ("at risk", 8, 15)]
    assert flagged(rules, "harm harm") == [("harm", 0, 4), ("harm", 5, 9)]


def test_a_longer_match_that_starts_first_comes_first(make_pack: MakePack) -> None:
    pack = make_pack(['phrase: "put herself at risk"'])
    make_pack(['phrase: "herself"'], id="ZZ002", name="second")
    rules = CompiledRules(load_pack(pack), load_pipeline())
    assert [(f.rule_id, f.text) for f in rules.findings("She put herself at risk.")] == [
        ("ZZ001", "put herself at risk"),
        ("ZZ002", "herself"),
    ]


def test_findings_of_compiled_rules_are_bare(make_pack: MakePack) -> None:
    rules = compiled(make_pack, 'phrase: "at risk"')
    (f,) = rules.findings("She is at risk.  langcheck: ignore")  # no suppress stage here
    assert (f.text, f.path) == ("at risk", "-")
