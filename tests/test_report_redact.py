"""Redaction of report examples, and the dates exports write (the parts of `report` with no engine)."""

from __future__ import annotations

import datetime

import pytest

from langcheck.audit.dates import date_in_name, parse_date
from langcheck.audit.examples import Reservoir, excerpt
from langcheck.audit.redact import redact
from langcheck.audit.summary import Hit, RuleCount, Tally


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jade Smith (14) was seen with Mr Patel.", "[name] (14) was seen with Mr [name]."),
        ("She told PC Harris that Kyle had been drinking.", "She told PC [name] that [name] had been drinking."),
        ("Officers attended. Holly, 15, was found.", "Officers attended. [name], 15, was found."),
        (
            "Concerns were raised by School staff on Monday in March.",
            "Concerns were raised by School staff on Monday in March.",
        ),
    ],
)
def test_names(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DOB 03/04/2011.", "DOB [date of birth]."),
        ("Date of birth: 3 April 2011.", "Date of birth: [date of birth]."),
        ("She was born on 12.05.2010 at home.", "She was born on [date of birth] at home."),
        ("D.O.B. 2011-04-03", "D.O.B. [date of birth]"),
    ],
)
def test_dates_of_birth(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She lives at 14 Mill Lane, Swindon SN1 4AB.", "She lives at [address]."),
        ("She stays at Flat 3, 22 Ashfield Road with Mum.", "She stays at [address] with Mum."),
        ("She was found on Ashfield Road.", "She was found on [address]."),
        ("Postcode M1 1AE was given.", "Postcode [address] was given."),
    ],
)
def test_addresses(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_an_excerpt_is_its_sentence_redacted_with_the_phrase_kept() -> None:
    text = "Visit at 14 Mill Lane. Jade Smith (14) has been putting herself at risk with Kyle. Next visit Friday."
    start = text.index("putting")
    hit = Hit("AG001", "x", "agency", 2, start, start + len("putting herself at risk"), "", "")
    assert excerpt(text, hit, hide=True)[:3] == ("[name] (14) has been ", "putting herself at risk", " with [name].")
    assert excerpt(text, hit, hide=False)[:3] == ("Jade Smith (14) has been ", "putting herself at risk", " with Kyle.")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-14", datetime.date(2026, 3, 14)),
        ("2026-03-14T09:30:00Z", datetime.date(2026, 3, 14)),
        ("14/03/2026", datetime.date(2026, 3, 14)),
        ("14-03-2026 09:30", datetime.date(2026, 3, 14)),
        ("14.03.26", datetime.date(2026, 3, 14)),
        ("14 March 2026", datetime.date(2026, 3, 14)),
        ("46095", datetime.date(2026, 3, 14)),
        (46095, datetime.date(2026, 3, 14)),
        (46095.75, datetime.date(2026, 3, 14)),
        (datetime.datetime(2026, 3, 14, 9, 30), datetime.date(2026, 3, 14)),
        ("03/14/2026", None),  # US order: no 14th month, so unreadable rather than guessed
        ("31/02/2026", None),
        ("soon", None),
        ("", None),
        ("12", None),
        (True, None),
    ],
)
def test_dates(value: object, expected: datetime.date | None) -> None:
    assert parse_date(value) == expected


def test_date_in_a_file_name() -> None:
    assert date_in_name("missing-episode-2026-03-14.txt") == datetime.date(2026, 3, 14)
    assert date_in_name("note-2026-13-40.txt") is None
    assert date_in_name("note.txt") is None


def test_a_phrase_that_starts_a_sentence_keeps_its_first_word() -> None:
    text = "Visit done. The male, 15, is known to be running drugs for the line."
    start = text.index("The male")
    hit = Hit("AD004", "x", "adultification", 2, start, start + len("The male, 15"), "", "")
    assert excerpt(text, hit, hide=True)[:3] == ("", "The male, 15", ", is known to be running drugs for the line.")


def test_phrases_are_counted_without_numbers_or_names() -> None:
    tally = Tally(redact_phrase=redact)
    assert tally.phrase_key("The male, 15") == "the male, [n]"
    assert tally.phrase_key("Jade chose to go missing") == "[name] chose to go missing"
    assert tally.phrase_key("putting  herself\nat risk") == "putting herself at risk"
    assert Tally().phrase_key("Jade chose to go missing") == "jade chose to go missing"  # --no-redact


def test_each_category_shows_its_commonest_rules_first() -> None:
    reservoir = Reservoir(redacted=False)
    text = "She is streetwise. She is mature for her age."
    for rule, phrase, times in (("AD008", "streetwise", 5), ("AD005", "mature for her age", 3)):
        start = text.index(phrase)
        hit = Hit(rule, rule, "adultification", 2, start, start + len(phrase), phrase, "")
        for _ in range(times):
            reservoir.offer(text, hit, "North", "2026-01")
    rules = (RuleCount("AD008", "", "adultification", 5, 5), RuleCount("AD005", "", "adultification", 3, 3))
    chosen = reservoir.examples(rules, ["adultification"])
    assert [e.rule_id for e in chosen] == ["AD008", "AD005", "AD008", "AD005"]
    assert chosen[1].before == "She is " and chosen[1].after == "."
