from __future__ import annotations

import pytest

from langcheck.anchors import phrase_anchor
from langcheck.phrases import PhraseSyntaxError, context_counts, count_variants, expand, parse


def test_plain_words_are_lower_cased() -> None:
    assert expand(parse("Sexually Active")) == ["sexually active"]


def test_alternatives_and_optional_groups_expand_to_every_wording() -> None:
    got = set(expand(parse("(put|placed) herself [directly] at risk")))
    assert got == {
        "put herself at risk",
        "put herself directly at risk",
        "placed herself at risk",
        "placed herself directly at risk",
    }


def test_empty_alternative_makes_a_group_optional() -> None:
    assert set(expand(parse("(very|) mature"))) == {"very mature", "mature"}


def test_inflection_braces_expand_to_word_forms() -> None:
    got = set(expand(parse("{choose} to go missing")))
    assert {
        "chose to go missing",
        "chooses to go missing",
        "choosing to go missing",
        "chosen to go missing",
    } <= got


def test_hyphenated_words_also_match_spaced_and_joined() -> None:
    assert set(expand(parse("risk-taking behaviour"))) == {
        "risk-taking behaviour",
        "risk taking behaviour",
        "risktaking behaviour",
    }


def test_apostrophes_also_match_the_curly_form() -> None:
    assert set(expand(parse("harm's way"))) == {"harm's way", "harm\u2019s way"}


@pytest.mark.parametrize(
    ("phrase", "problem"),
    [
        ("", "empty"),
        ("(a|b", "never closed"),
        ("a | b", "outside a group"),
        ("([a] b)", "cannot be nested"),
        ("[a]", "optional"),
        ("{two words}", "}"),
        ("a <b> c", "start or the end"),
        ("<a|b>", "words to flag outside"),
        ("a <b|>", "cannot be left out"),
        ("a b>", "outside a group"),
    ],
)
def test_bad_phrases_say_what_is_wrong(phrase: str, problem: str) -> None:
    with pytest.raises(PhraseSyntaxError, match=problem.replace("(", r"\(")):
        parse(phrase)


def test_count_matches_expansion() -> None:
    slots = parse("(a|b|c) [d|e] f")
    assert count_variants(slots) == 9 == len(expand(slots))


def test_anchor_is_a_required_slot_and_never_an_optional_one() -> None:
    found = phrase_anchor(parse("[very] (streetwise|street-wise|street smart)"))
    assert found is not None
    assert "very" not in found
    assert found == {"streetwise", "street"}


def test_context_groups_are_required_and_counted() -> None:
    slots = parse("<the|a> [sick] (beast|monster) <who|that>")
    assert [s.context for s in slots] == [True, False, False, True]
    assert context_counts(slots) == (1, 1)
    assert expand(slots)[0] == "the sick beast who"  # the context words are part of what matches
