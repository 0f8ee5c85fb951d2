from __future__ import annotations

import datetime

import pytest

from langcheck.context import Marker, analyse, find_age_marks, find_paragraphs, find_quotes


def quoted(text: str) -> list[str]:
    return [text[s:e] for s, e in find_quotes(text)]


def test_straight_and_curly_double_quotes() -> None:
    assert quoted('She said "I chose to go" and left. He said \u201cfine\u201d.') == [
        '"I chose to go"',
        "\u201cfine\u201d",
    ]


def test_single_quotes_are_quotes_but_apostrophes_are_not() -> None:
    text = "The girls' home said she doesn't call him her 'boyfriend' at all; it's Jade's word."
    assert quoted(text) == ["'boyfriend'"]


def test_curly_single_quotes_with_apostrophes_inside() -> None:
    assert quoted("She said \u2018I don\u2019t care\u2019 to staff.") == ["\u2018I don\u2019t care\u2019"]


def test_an_unclosed_quote_does_not_swallow_the_note() -> None:
    assert quoted('She said "I chose to go.\n\nNext paragraph is not quoted.') == []


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Jade (14) was seen", 14),
        ("Tyler, aged 15, was seen", 15),
        ("a 24-year-old man", 24),
        ("a 13 year old girl", 13),
        ("16yo female", 16),
        ("her boyfriend, also 15", 15),
        ("men in their thirties", 35),
        ("Tyler, 15, was seen", 15),
        ("The victim, 26, said", 26),
        ("she is 14 and attends", 14),
        ("Holly is only 12.", 12),
        ("since the age of 13", 13),
        ("At 14, Femi knows the estate", 14),
        ("and at 16 he is old enough", 16),
    ],
)
def test_ages_in_case_note_forms(text: str, age: int) -> None:
    ages = [m.age for m in find_age_marks(text) if m.age is not None]
    assert ages == [age]


@pytest.mark.parametrize(
    "text",
    [
        "She is 15 minutes late.",
        "He was 20 miles away.",
        "She was 3 days late.",
        "It is 12:30.",
        "Seen at 12:30, she left.",
        "At 3 he left the house.",
    ],
)
def test_numbers_that_are_not_ages(text: str) -> None:
    assert [m.age for m in find_age_marks(text) if m.age is not None] == []


def test_ages_listed_together_are_all_found() -> None:
    ages = sorted(m.age for m in find_age_marks("Both girls, aged 12 and 13, were seen") if m.age)
    assert ages == [12, 13]


def test_date_of_birth_gives_an_age() -> None:
    marks = find_age_marks("DOB: 03/04/2012", today=datetime.date(2026, 11, 26))
    assert [(m.marker, m.age) for m in marks] == [(Marker.CHILD, 14)]


def test_child_words_mark_a_child_but_yp_only_in_capitals() -> None:
    assert [m.marker for m in find_age_marks("The YP attends Year 9.")] == [Marker.CHILD, Marker.CHILD]
    assert find_age_marks("a yp") == []


def test_adult_words_are_not_child_marks() -> None:
    marks = find_age_marks("The woman, 34, spoke to the school nurse.")
    assert [(m.marker, m.age) for m in marks] == [(Marker.ADULT, 34)]


def test_paragraphs_split_at_blank_lines() -> None:
    text = "one\ntwo\n\nthree\n   \nfour"
    assert [text[s:e] for s, e in find_paragraphs(text)] == ["one\ntwo", "three", "four"]


def test_context_lookups() -> None:
    ctx = analyse('Jade (14) said "no".\n\nThe man, aged 40, left.')
    assert ctx.in_quotes(15, 19)
    assert not ctx.in_quotes(0, 4)
    assert ctx.shows_child(0, 20)
    assert not ctx.shows_child(22, len(ctx.text))
    assert ctx.paragraph_of(25) == (22, len(ctx.text))


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ('She said "a.\r\n\r\nLater "no"', ['"no"']),  # a Windows blank line ends a quote
        ('She said "a.\n   \nLater "no"', ['"no"']),  # so does a line of spaces
        ('She said "a.\n\nLater "no"', ['"no"']),
        ('She said "a\r\nb" ok', ['"a\r\nb"']),  # one line break inside a quote does not
        ('She said "a\rb" ok', ['"a\rb"']),
    ],
)
def test_a_quote_never_runs_across_a_blank_line_of_any_kind(text: str, quotes: list[str]) -> None:
    assert [text[s:e] for s, e in find_quotes(text)] == quotes
