"""The engine: offsets, positions, context conditions and the child gate, on small packs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from langcheck.engine import CompiledRules
from langcheck.errors import RuleError
from langcheck.models import Options, Subject
from langcheck.nlp import load_pipeline
from langcheck.ruleset import load_pack

MakePack = Callable[..., Path]


def compile_pack(pack: Path) -> CompiledRules:
    return CompiledRules(load_pack(pack), load_pipeline())


def spans(compiled: CompiledRules, text: str, **opts: object) -> list[str]:
    return [f.text for f in compiled.findings(text, Options(**opts))]  # type: ignore[arg-type]


def test_offsets_lines_and_columns_are_exact(make_pack: MakePack) -> None:
    compiled = compile_pack(make_pack(['phrase: "risky behaviour"']))
    text = "First line.\r\nSecond \U0001f600 has risky behaviour here.\nThird: Risky Behaviour."
    found = compiled.findings(text)
    assert [text[f.start : f.end] for f in found] == ["risky behaviour", "Risky Behaviour"]
    assert [(f.line, f.column, f.end_line, f.end_column) for f in found] == [(2, 14, 2, 29), (3, 8, 3, 23)]
    assert all(f.text == text[f.start : f.end] for f in found)


def test_message_and_suggestions_are_filled_for_the_match(make_pack: MakePack) -> None:
    compiled = compile_pack(make_pack(['phrase: "{put} (himself|herself) at risk"']))
    (f,) = compiled.findings("He was putting himself at risk.")
    assert f.message == "'putting himself at risk' is a test phrase."
    assert f.suggestions == ("a neutral phrase for him",)


def test_suggestion_is_capitalised_at_sentence_start(make_pack: MakePack) -> None:
    compiled = compile_pack(make_pack(['phrase: "her is a test"']))
    (f,) = compiled.findings("Her is a test.")
    assert f.suggestions == ("A neutral phrase for her",)


def test_quoted_words_are_skipped_unless_asked_for(make_pack: MakePack) -> None:
    compiled = compile_pack(make_pack(['phrase: "chose to go"']))
    text = 'She said "I chose to go" to staff.'
    assert spans(compiled, text) == []
    (f,) = compiled.findings(text, Options(include_quotes=True))
    assert (f.text, f.severity.label, f.quoted) == ("chose to go", "info", True)


def test_mentions_of_a_term_are_never_flagged(make_pack: MakePack) -> None:
    compiled = compile_pack(make_pack(['phrase: "absconded"']))
    assert spans(compiled, "The term absconded should not be used for children.") == []
    assert spans(compiled, "Avoid the word absconded in reports.") == []
    assert spans(compiled, "She absconded again.") == ["absconded"]


def test_negation_condition(make_pack: MakePack) -> None:
    compiled = compile_pack(make_pack(['phrase: "consented"'], unless="[negated]"))
    assert spans(compiled, "She consented.") == ["consented"]
    assert spans(compiled, "She never consented.") == []
    assert spans(compiled, "She did not at any point say she consented.") == []
    assert spans(compiled, "He did not ask; she consented.") == ["consented"]


def test_perpetrator_subject_condition(make_pack: MakePack) -> None:
    compiled = compile_pack(make_pack(['phrase: "manipulative"'], unless="[perpetrator_subject]"))
    assert spans(compiled, "The suspect is manipulative.") == []
    assert spans(compiled, "The victim is manipulative.") == ["manipulative"]


def test_child_gate_reads_the_text_and_the_subject_setting(make_pack: MakePack) -> None:
    compiled = compile_pack(make_pack(['phrase: "sexually active"'], applies_to="child"))
    assert spans(compiled, "Jade (14) is sexually active.") == ["sexually active"]
    assert spans(compiled, "The woman is sexually active.") == []
    assert spans(compiled, "The woman is sexually active.", subject=Subject.CHILD) == ["sexually active"]
    assert spans(compiled, "Jade (14) is sexually active.", subject=Subject.ADULT) == []
    assert spans(compiled, "Jade is in Year 9.\n\nShe is sexually active.") == ["sexually active"]


def test_adult_subject_condition(make_pack: MakePack) -> None:
    compiled = compile_pack(make_pack(['phrase: "streetwise"'], applies_to="child", unless="[adult_subject]"))
    assert spans(compiled, "Jade (14) is streetwise. Her mother, aged 40, is streetwise too.") == ["streetwise"]


def test_peer_condition(make_pack: MakePack) -> None:
    compiled = compile_pack(make_pack(['phrase: "boyfriend"'], applies_to="child", unless="[peer]"))
    assert spans(compiled, "Amy (14) was with her boyfriend, also 15.") == []
    assert spans(compiled, "Amy (14) was with her boyfriend (24).") == ["boyfriend"]


def test_exceptions_cancel_a_match_inside_them(make_pack: MakePack) -> None:
    extra = 'exceptions: ["safe and well check"]\n'
    compiled = compile_pack(make_pack(['phrase: "safe and well"'], extra=extra))
    assert spans(compiled, "A safe and well check was done.") == []
    assert spans(compiled, "She returned safe and well.") == ["safe and well"]


def test_token_patterns_match_lemmas_without_a_lemmatizer(make_pack: MakePack) -> None:
    pack = make_pack(["tokens: [{LEMMA: choose}, {LOWER: to}, {LOWER: go}, {LOWER: missing}]"])
    compiled = compile_pack(pack)
    assert spans(compiled, "Chose to go missing. She is choosing to go missing.") == [
        "Chose to go missing",
        "choosing to go missing",
    ]


def test_an_invalid_token_pattern_names_the_rule_file(make_pack: MakePack) -> None:
    pack = make_pack(["tokens: [{LOWER: risk, OP: '%'}]"])
    with pytest.raises(
        RuleError, match=r"ZZ001-test-rule\.yaml: patterns\[0\]\.tokens\[0\]\.OP: is not valid in a spaCy"
    ):
        compile_pack(pack)


def test_trigger_scan_skips_texts_that_cannot_match(make_pack: MakePack) -> None:
    compiled = compile_pack(make_pack(['phrase: "{put} herself at risk"']))
    assert not compiled.may_match("Nothing relevant in this note.")
    assert compiled.may_match("She puts herself at risk.")


def test_overlapping_matches_of_one_rule_are_reported_once(make_pack: MakePack) -> None:
    compiled = compile_pack(make_pack(['phrase: "at risk"', 'phrase: "herself at risk"']))
    assert spans(compiled, "She put herself at risk.") == ["herself at risk"]


def test_a_hyphen_joins_a_group_to_a_word(make_pack: MakePack) -> None:
    compiled = compile_pack(make_pack(['phrase: "(drug|drugs)-running"', 'phrase: "(over-|overly) emotional"']))
    assert spans(compiled, "Drug-running and drugs running. She was over-emotional, overly emotional.") == [
        "Drug-running",
        "over-emotional",
        "overly emotional",
    ]


def test_phrases_wrapped_across_lines_are_matched(make_pack: MakePack) -> None:
    compiled = compile_pack(
        make_pack(['phrase: "{put} herself at risk"', "tokens: [{LOWER: chose}, {LOWER: to}, {LOWER: go}]"])
    )
    text = "She was putting herself at\nrisk, and she chose to\n   go with him."
    found = compiled.findings(text)
    assert [text[f.start : f.end] for f in found] == ["putting herself at\nrisk", "chose to\n   go"]
    assert [(f.line, f.end_line) for f in found] == [(1, 2), (2, 3)]


def test_context_words_must_match_but_are_not_flagged(make_pack: MakePack) -> None:
    compiled = compile_pack(
        make_pack(
            ['phrase: "<the|a> (beast|monster) <who|that>"', "tokens: [{LOWER: minor}, {LOWER: at, CONTEXT: true}]"]
        )
    )
    text = "The beast who hurt her. A beast of a dog. The minor at the door. A minor injury."
    found = compiled.findings(text)
    assert [f.text for f in found] == ["beast", "minor"]
    assert [text[f.start : f.end] for f in found] == ["beast", "minor"]


def test_misplaced_context_tokens_name_the_place(make_pack: MakePack) -> None:
    pack = make_pack(["tokens: [{LOWER: a}, {LOWER: minor, CONTEXT: true}, {LOWER: at}]"])
    with pytest.raises(RuleError, match=r"patterns\[0\]\.tokens: has a CONTEXT token between flagged ones"):
        load_pack(pack)
    pack = make_pack(["tokens: [{LOWER: minor}, {LOWER: at, CONTEXT: true, OP: '?'}]"])
    with pytest.raises(RuleError, match=r"CONTEXT token with an OP"):
        load_pack(pack)
