"""Whom the words describe, and whether the text shows that person an adult (issue 19 survivors).

conditions/adulthood.py decides two things a user sees: whether a child-only rule stays quiet
(the child gate), and which pronoun a hint uses for the person ("exploiting her", "him",
"them"). Each case below is a sentence a case note could hold; mutation testing found the
judgement could change on each of them without any other test noticing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from langcheck.conditions.adulthood import Adulthood, read_record
from langcheck.engine import CompiledRules
from langcheck.nlp import load_pipeline
from langcheck.ruleset import load_pack

MakePack = Callable[..., Path]
FLAG, QUIET = True, False


@pytest.fixture
def gate(make_pack: MakePack) -> Callable[[str, str], bool]:
    """Return whether a child-only rule for `phrase` flags `text`."""
    compiled: dict[str, CompiledRules] = {}

    def flags(phrase: str, text: str) -> bool:
        if phrase not in compiled:
            pack = make_pack([f'phrase: "{phrase}"'], applies_to="child", id=f"ZZ{len(compiled) + 1:03d}")
            compiled[phrase] = CompiledRules(load_pack(pack), load_pipeline())
        return bool(compiled[phrase].findings(text))

    return flags


# the pronoun a hint uses ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pronoun"),
    [
        ("She is streetwise.", "her"),
        ("He is streetwise.", "him"),
        ("They are streetwise.", "them"),
        ("The girl is streetwise.", "her"),
        ("The boy is streetwise.", "him"),
        ("The boys are streetwise.", "them"),
        ("Kayleigh is streetwise. She was seen at 22:00.", "her"),  # a name, by the pronoun that stands for it
        ("Jordan is streetwise and he was seen at 22:00.", "him"),
        ("Jordan is streetwise.", "them"),  # nothing says
        ("Jordan is streetwise. Mum said she was worried.", "her"),  # Mum reports on "she": Jordan
        ("The victim is streetwise.", "them"),
        ("Officers believe Jordan is streetwise. His mum agrees.", "him"),
    ],
)
def test_a_hint_speaks_of_the_person_described(text: str, pronoun: str, make_pack: MakePack) -> None:
    compiled = CompiledRules(load_pack(make_pack(['phrase: "streetwise"'])), load_pipeline())
    (finding,) = compiled.findings(text)
    assert finding.hints == (f"a neutral phrase for {pronoun}",)


# the child gate ---------------------------------------------------------------------------------

CASES: list[tuple[str, str, bool]] = [
    # an age written before the person ("the 25-year-old woman") or a few words before
    ("streetwise", "The 25-year-old woman is streetwise.", QUIET),
    ("streetwise", "The 15-year-old girl is streetwise.", FLAG),
    ("streetwise", "A 25 year old is streetwise.", QUIET),
    ("streetwise", "The 25 year old young man is streetwise.", QUIET),
    ("streetwise", "A 25yo is streetwise.", QUIET),
    ("streetwise", "Aged 25 the woman is streetwise.", QUIET),
    ("streetwise", "25 the woman is streetwise.", QUIET),
    # an age written after the person
    ("streetwise", "Sarah, now 24, is streetwise.", QUIET),
    ("streetwise", "Sarah, who is now 24, is streetwise.", FLAG),  # an age is looked for four words on
    ("streetwise", "Sarah is 24 and is streetwise.", QUIET),
    ("streetwise", "Sarah, aged about 24, is streetwise.", FLAG),
    # the same name with its age elsewhere, with its surname
    ("streetwise", "Sarah Jones (24) attended. Sarah is streetwise.", QUIET),
    ("streetwise", "Sarah Jones, aged 24, attended. Sarah is streetwise.", QUIET),
    ("streetwise", "Sarah Louise Jones (24) attended. Sarah is streetwise.", QUIET),
    ("streetwise", "Sarah Jones (14) attended. Sarah is streetwise.", FLAG),
    ("streetwise", "Sarah attended. Sarah is streetwise.", FLAG),
    ("streetwise", "Sarah is streetwise. Sarah Jones (24) attended.", QUIET),
    # a title, an adult noun, "young", an adult female
    ("streetwise", "Mr. Ali is streetwise.", QUIET),
    ("streetwise", "Mrs Ali is streetwise.", QUIET),
    ("streetwise", "The young woman is streetwise.", FLAG),
    ("streetwise", "The adult female is streetwise.", QUIET),
    ("streetwise", "The adult male is streetwise.", QUIET),
    ("streetwise", "The adult person is streetwise.", QUIET),
    ("streetwise", "The adult individual is streetwise.", QUIET),
    ("streetwise", "The lad is streetwise.", FLAG),
    ("streetwise", "The lads are streetwise.", FLAG),
    ("streetwise", "The lad, 25, is streetwise.", QUIET),
    # names: a capitalised word that is a name, not the first word of a sentence that is a verb
    ("streetwise", "Said Khan (24) is streetwise.", QUIET),
    ("streetwise", "With Jade (14) there, Sarah (24) is streetwise.", FLAG),  # a child's age in the sentence
    ("streetwise", "Jo (24) is streetwise.", QUIET),
    ("streetwise", "YP (24) is streetwise.", FLAG),
    # a child in the same sentence keeps the rule on, unless it is the adult's own child
    ("streetwise", "The man (35) is streetwise, as is his son.", QUIET),
    ("streetwise", "The man (35) is streetwise, as is the son.", FLAG),
    ("streetwise", "Son and the man (35) are streetwise.", FLAG),
    ("streetwise", "The woman, 29, is streetwise about the 15-year-old.", FLAG),
    # a pronoun followed back to its person
    ("streetwise", "Sarah (24) attended. She is streetwise.", QUIET),
    ("streetwise", "Sarah (24) attended with Jade. She is streetwise.", QUIET),
    ("streetwise", "Jade attended with Sarah (24). She is streetwise.", FLAG),
    ("streetwise", "The suspect (40) was arrested. He is streetwise.", FLAG),
    ("streetwise", "Mum (44) says she is streetwise.", FLAG),
    ("streetwise", "Mum (44) is here. She is streetwise.", QUIET),
    ("streetwise", "Mum (44) said. She is streetwise.", QUIET),  # a report ends with its sentence
    # two people joined by "and": both must be adults
    ("consensual", "Sex between Sarah (24) and Tom (25) was consensual.", QUIET),
    ("consensual", "Sex between Jade and Tom (25) was consensual.", FLAG),
    ("consensual", "Sex between Jade & Tom (25) was consensual.", FLAG),
    ("consensual", "Sex between Jade and the man, 25, was consensual.", FLAG),
    ("consensual", "Sex between Sarah (24) & Tom (25) was consensual.", QUIET),
    ("consensual", "Jade, Amy and Tom (25) said it was consensual.", FLAG),
    ("streetwise", "The adult man is streetwise.", QUIET),
    ("streetwise", "Adult Jade is streetwise.", FLAG),
    # the other party of a relation, named with no age, is presumed a child
    ("had sex with", "The man (29) had sex with Jordan.", FLAG),
    ("had sex with", "The man (29) had sex with the woman (31).", QUIET),
    ("had sex with", "The man (29) had sex with an older woman (31).", QUIET),
    ("had sex with", "The man (29) had sex with, he says, nobody.", QUIET),
    ("had sex", "The man (29) had sex in the car with Jordan.", QUIET),
    # an owner ("her boyfriend") is the person described
    ("her boyfriend", "Sarah (24) is with her boyfriend.", QUIET),
    ("her boyfriend", "Jade (14) is with her boyfriend.", FLAG),
    ("her boyfriend", "The suspect is her boyfriend.", FLAG),
    ("her boyfriend", "Sarah (24) says the suspect is her boyfriend.", QUIET),
    # an adult noun, an age set off after any noun, the match naming the person
    ("streetwise", "The lodger is streetwise.", QUIET),
    ("streetwise", "The lodger, aged 45, is streetwise.", QUIET),
    ("streetwise", "An adult victim is streetwise.", FLAG),  # "adult" before a neutral noun is not enough
    ("streetwise", "A 30-year-old victim is streetwise.", QUIET),
    ("streetwise", "A younger man is streetwise.", FLAG),
    ("streetwise", "Jade, 25, is streetwise.", QUIET),
    ("streetwise", "Jade - 25 - is streetwise.", FLAG),
    ("streetwise", "At 25, she is streetwise.", FLAG),
    ("streetwise", "Dr Ali is streetwise.", QUIET),
    ("streetwise", "The suspect Ali is streetwise.", FLAG),
    ("streetwise", "She met Sarah (24). Sarah Jones is streetwise.", FLAG),  # the surname is the person looked up
    ("streetwise", "Sarah Jones-Smith (24) attended. Sarah is streetwise.", QUIET),
    ("young woman", "The young woman, aged 22, was seen.", QUIET),
    ("young woman", "A young woman (22) was seen.", QUIET),
    ("young woman", "She is a young woman.", FLAG),
    # the person is looked for up to 15 words back, within the sentence
    ("streetwise", "Sarah Jones (24) attended.\n\nSarah is " + "very " * 13 + "streetwise.", QUIET),
    ("streetwise", "Sarah Jones (24) attended.\n\nSarah is " + "very " * 14 + "streetwise.", FLAG),
    ("young woman", "Sarah (24) said the young woman was seen.", FLAG),  # the match names the person
    ("young lad", "Age: 34\n\nThe young lad is confident.", FLAG),  # a lad is a child, whatever the header says
    # a pronoun stands for the nearest person of its gender and number, not one named after a preposition
    ("streetwise", "The woman (30) met the boy. She is streetwise.", QUIET),
    ("streetwise", "The women left. She is streetwise.", FLAG),
    ("streetwise", "With Tom (25) she is streetwise.", FLAG),
    ("streetwise", "The 25-year-old attended. She is streetwise.", QUIET),
    ("streetwise", "Did Mum (44) say so? She is streetwise.", QUIET),  # a question ends the report
    ("streetwise", "Mum (44) said so! She is streetwise.", QUIET),
    ("consensual", "Jade and Tom (25) said it was consensual.", FLAG),
    # a capitalised word that starts a sentence and is a preposition or a reporting verb is no name
    ("streetwise", "Reported 25 times, she is streetwise.", FLAG),
    ("streetwise", "Jade left. Reported 25 times, she is streetwise.", FLAG),
    ("streetwise", "Jade left! Reported 25 times, she is streetwise.", FLAG),
    ("streetwise", "Jade left? Reported 25 times, she is streetwise.", FLAG),
    ("streetwise", "Note: Reported 25 times, she is streetwise.", FLAG),
    ("streetwise", "Jo (24) attended. She is streetwise.", QUIET),  # a two-letter name
    # a sentence that names no one, with adults' ages only
    ("transactional sex", "Adults aged 18 to 40 were asked about transactional sex.", QUIET),
    ("transactional sex", "People aged 17 to 40 were asked about transactional sex.", FLAG),
]


def _id(text: str) -> str:
    """Return a test id without line breaks (a node id with one is not found when selected again)."""
    return text.replace("\n", " / ")


@pytest.mark.parametrize(("phrase", "text", "flagged"), CASES, ids=[_id(t) for _, t, _ in CASES])
def test_the_child_gate(phrase: str, text: str, flagged: bool, gate: Callable[[str, str], bool]) -> None:
    assert gate(phrase, text) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Sarah Jones (24) attended. Sarah is streetwise.", QUIET),
        ("Sarah Louise Jones (24) attended. Sarah is streetwise.", QUIET),  # past two names to the age
        ("Sarah Jones, aged 24, attended. Sarah is streetwise.", QUIET),
        ("Sarah is streetwise. Sarah Jones (24) attended.", QUIET),
        ("Sarah Jones (14) attended. Sarah is streetwise.", FLAG),
        ("Sarah attended. Sarah is streetwise.", FLAG),
        ("Sarah is streetwise.", FLAG),
    ],
)
def test_the_adult_subject_condition_finds_a_names_age_in_the_paragraph(
    text: str, flagged: bool, make_pack: MakePack
) -> None:
    pack = make_pack(['phrase: "streetwise"'], applies_to="any", unless="[adult_subject]")
    assert bool(CompiledRules(load_pack(pack), load_pipeline()).findings(text)) is flagged


# the record: header fields and ages beside names ------------------------------------------------


def test_read_record_ages_beside_names() -> None:
    record = read_record("Sarah-Jane Smith (34) attended with Tom, 25. On Monday (12) staff called.")
    assert dict(record.names) == {"Sarah": 34, "Jane": 34, "Smith": 34, "Tom": 25}
    clash = read_record("Sarah Jones (34) and Sarah Jones (14) were seen. Sarah Jones (34) again.")
    assert dict(clash.names) == {}
    skipped = read_record("Suspect Jones (40) and Mum Jones (41) attended. Police Smith, 38, too.")
    assert "Suspect" not in skipped.names and "Mum" not in skipped.names and "Police" not in skipped.names
    assert skipped.names.get("Smith") == 38


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("DOB: 01/01/1990", Adulthood.ADULT),
        ("Age: 15", Adulthood.CHILD),
        ("Notes first.\nAge: 34\nMore notes.", Adulthood.ADULT),
        ("Notes first.\nAge: 34", Adulthood.ADULT),
        ("Age: 34\nAge: 15", Adulthood.UNKNOWN),  # the fields disagree
        ("Age: 34 (age at referral)", Adulthood.ADULT),  # two hints on one line
        ("Age: 34\nName: Jade Smith (14)", Adulthood.UNKNOWN),
        ("Mother's age: 41", Adulthood.UNKNOWN),
        ("Suspect age: 41\nAge: 15", Adulthood.CHILD),
        ("She said her age was 15 at the time.", Adulthood.UNKNOWN),  # prose, not a field
        ("Nothing here.", Adulthood.UNKNOWN),
        ("Age: 18", Adulthood.ADULT),
        ("Line one.\nLine two.\nAge: 34", Adulthood.ADULT),
        ("\nAge: 34", Adulthood.ADULT),
        ("Age: 34 (age at referral)\nDOB: 01/01/2015", Adulthood.UNKNOWN),  # each line is read once
        ("She said her age was 15.\nAge: 34", Adulthood.ADULT),
    ],
    ids=lambda value: _id(value) if isinstance(value, str) else str(value),
)
def test_record_fields(text: str, fields: Adulthood) -> None:
    assert read_record(text).fields is fields
