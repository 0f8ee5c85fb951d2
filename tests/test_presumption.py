"""A note with no age is presumed to be about a child; only adult evidence about that person turns it off.

Each case runs a one-rule, child-only pack, so the test sees the child gate alone: a sentence is
flagged, or the gate keeps the rule quiet because the person the words describe is an adult.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from langcheck.engine import CompiledRules
from langcheck.models import Options, Subject
from langcheck.nlp import load_pipeline
from langcheck.ruleset import load_pack

MakePack = Callable[..., Path]
FLAG, QUIET = True, False

CASES: list[tuple[str, str, bool]] = [
    # No age at all: presumed a child.
    ("{put} (herself|himself|themselves) at risk", "Jade has been putting herself at risk.", FLAG),
    ("sexually active", "Grace is sexually active with a number of older men.", FLAG),
    ("sexually active", "She is sexually active.", FLAG),
    # An adult's age that belongs to someone else never silences the rule.
    ("{put} (herself|himself|themselves) at risk", "Mother, 42, says Jade has been putting herself at risk.", FLAG),
    ("{put} (herself|himself|themselves) at risk", "Mother, 42, says she has been putting herself at risk.", FLAG),
    ("had sex with", "She had sex with a 25-year-old man.", FLAG),
    ("had sex with", "She had sex with a 25-year-old man. She is 14.", FLAG),
    ("consented to sex", "She consented to sex with the 30-year-old man. She is 14.", FLAG),
    ("sexually active", "Jade is 14. She is sexually active with a 30-year-old man.", FLAG),
    ("sexually active", "The suspect, 31, said she was sexually active.", FLAG),
    ("as she will not make a complaint", "NFA against the 27-year-old as she will not make a complaint.", FLAG),
    ("consensual", "Sexual contact between Kirsty and the 22-year-old appears to have been consensual.", FLAG),
    ("mature for her age", "Mia disclosed abuse by the 20-year-old. Mum says she is mature for her age.", FLAG),
    ("new girlfriend", "Intelligence suggests Mr Khan, 28, has a new girlfriend who is in Year 10.", FLAG),
    ("consensual", "Mother reports the relationship is consensual and Amber is happy.", FLAG),  # Mother reports
    ("young woman", "The young woman was seen with the men.", FLAG),  # "young" is no evidence of adulthood
    ("had sex with", "The 29-year-old had sex with Jordan in his car.", FLAG),  # Jordan: no age, presumed a child
    ("sexually intimate with", "The 27-year-old has been sexually intimate with Jordan.", FLAG),
    ("had sex with", "The 29-year-old had sex with his wife, 31.", QUIET),
    # The boundary is 18: a 17-year-old is a child, an 18-year-old an adult.
    ("consensual", "Chloe (17) told officers that sex with the 25-year-old was consensual.", FLAG),
    ("sexually active", "Chloe (17) is sexually active.", FLAG),
    ("sexually active", "Chloe (18) is sexually active.", QUIET),
    ("sexually active", "Chloe is 17. She is sexually active.", FLAG),
    ("sexually active", "Chloe is 18. She is sexually active.", QUIET),
    # The person described is shown to be an adult.
    ("sexually active", "Sarah (24) is sexually active with several partners.", QUIET),
    ("sexually active", "Sarah is 24. She is sexually active.", QUIET),
    ("sexually active", "Sarah Jones, aged 24, attended. Later Sarah said she is sexually active.", QUIET),
    ("sexually active", "The woman is sexually active with several partners.", QUIET),
    ("sexually active", "The woman, 29, said she is sexually active with men she meets online.", QUIET),
    ("sexually active", "An adult female reported that she is sexually active.", QUIET),
    ("in a relationship", "The victim is a 25-year-old woman. She says she is in a relationship with him.", QUIET),
    ("went AWOL", "The soldier, aged 24, went AWOL from his barracks.", QUIET),
    ("young sex worker", "The young sex worker, aged 22, reported a robbery.", QUIET),
    ("naive", "The suspect, aged 40, was naive about the phone.", QUIET),
    ("consented to sex", "Ms Patel said she consented to sex.", QUIET),  # a title: an adult
    ("running a county line", "Mr Ali is running a county line.", QUIET),
    ("transactional sex", "The study of adults aged 25 to 40 asked about transactional sex.", QUIET),
    # A place after "in" is not a person a pronoun can stand for; a surname is not a care status.
    ("her clients", "Kelly (29) works from a flat in Walsall and says her clients are older men.", QUIET),
    ("her clients", "Kelly works from a flat in Walsall and says her clients are older men.", FLAG),
    ("easy money", "Kane Foster, 29, makes easy money from the line.", QUIET),
    ("easy money", "Kane, 29, is fostered and makes easy money from the line.", FLAG),
    ("easy money", "Foster carers say Kane, 29, makes easy money from the line.", FLAG),
]


@pytest.mark.parametrize(("phrase", "text", "flagged"), CASES, ids=[t for _, t, _ in CASES])
def test_child_presumed_unless_that_person_is_shown_adult(
    phrase: str, text: str, flagged: bool, make_pack: MakePack
) -> None:
    compiled = CompiledRules(load_pack(make_pack([f'phrase: "{phrase}"'], applies_to="child")), load_pipeline())
    assert bool(compiled.findings(text)) is flagged


def _child_rule(make_pack: MakePack) -> CompiledRules:
    return CompiledRules(load_pack(make_pack(['phrase: "sexually active"'], applies_to="child")), load_pipeline())


def test_a_record_header_gives_the_age_of_the_person_the_record_is_about(make_pack: MakePack) -> None:
    compiled = _child_rule(make_pack)
    adult = "Name: Sarah Jones\nDOB: 03/04/1991\n\nShe is sexually active and has a boyfriend."
    child = "Name: Jade Smith\nDOB: 03/04/2013\n\nShe is sexually active and has a boyfriend."
    assert compiled.findings(adult) == []
    assert [f.text for f in compiled.findings(child)] == ["sexually active"]


def test_a_suspects_or_parents_date_of_birth_is_not_the_subjects(make_pack: MakePack) -> None:
    compiled = _child_rule(make_pack)
    for header in ("Suspect: John Smith DOB: 01/01/1980", "Mother: Jane Smith, DOB: 01/01/1985"):
        text = f"{header}\n\nShe is sexually active with older men."
        assert [f.text for f in compiled.findings(text)] == ["sexually active"], header


def test_the_subject_setting_overrides_the_presumption(make_pack: MakePack) -> None:
    compiled = _child_rule(make_pack)
    text = "Sarah (24) is sexually active."
    assert compiled.findings(text) == []
    assert len(compiled.findings(text, Options(subject=Subject.CHILD))) == 1
    assert compiled.findings("Jade (14) is sexually active.", Options(subject=Subject.ADULT)) == []
    assert len(compiled.findings("She is sexually active.")) == 1


def test_rules_for_any_age_ignore_the_gate(make_pack: MakePack) -> None:
    compiled = CompiledRules(load_pack(make_pack(['phrase: "asking for it"'], applies_to="any")), load_pipeline())
    assert len(compiled.findings("Sarah (24) was asking for it.")) == 1


@pytest.mark.parametrize(
    ("record", "flagged"),
    [
        ("Victim: Sarah Jones (34)\nOIC: PC 2231\n\nSarah says she is sexually active with several partners.", False),
        (
            "Victim: Sarah Jones (34)\n\nOfficers attended at 22:10.\n\nShe is sexually active with several partners.",
            False,
        ),
        ("Sarah Jones, aged 34, reported a burglary.\n\nSarah is sexually active with several partners.", False),
        ("Victim: Jade Smith (14)\n\nJade is sexually active with several partners.", True),
        ("Subject: Jade Smith\n\nJade is sexually active with several partners.", True),
        ("Suspect: Sarah Jones (34)\n\nJade is sexually active with older men.", True),
        ("Mother: Sarah Jones, 41\n\nShe is sexually active with older men.", True),
        ("Sarah Jones (34) and Sarah Jones (14) were seen.\n\nSarah is sexually active.", True),  # ages clash
        ("IP: Sarah Jones 34yrs\n\nSarah is sexually active with several partners.", False),
        ("Age: 34\n\nShe is sexually active with several partners.", False),
        ("Jade (14) is mature for her age.\n\nShe is sexually active.", True),
        ("Sarah said the man was twice her age, 40.\n\nShe is sexually active.", True),  # not an age field
    ],
    ids=lambda value: value.replace("\n", " / ") if isinstance(value, str) else None,  # no line break in a node id
)
def test_a_whole_record_gives_the_age_from_another_paragraph(record: str, flagged: bool, make_pack: MakePack) -> None:
    assert bool(_child_rule(make_pack).findings(record)) is flagged
