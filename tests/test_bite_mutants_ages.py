"""The ages a note gives in its own words (conditions/ages.py): issue 19 mutation survivors.

`token_age` reads the bare forms case notes use ("Jade, 14,", "she is 15", "in her twenties");
the conditions `adult_age` and `very_young_child` turn rules off by the ages near a match.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from langcheck.conditions.ages import token_age
from langcheck.engine import CompiledRules
from langcheck.nlp import load_pipeline
from langcheck.ruleset import load_pack

MakePack = Callable[..., Path]
FLAG, DROP = True, False


def ages(text: str) -> list[int]:
    """Return every age `token_age` reads in the text, in order."""
    doc = load_pipeline().make_doc(text)
    return [age for i in range(len(doc)) if (age := token_age(doc, i)) is not None]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Jade, 14, attended.", [14]),
        ("She is 15.", [15]),
        ("She was 15", [15]),  # the end of the text ends the age
        ("The man who is 31 and his friend.", [31]),
        ("Seen at 14, she left.", [14]),
        ("At 14 she left.", [14]),
        ("At 14 hours she left.", []),
        ("Jade (19) attended.", [19]),
        ("The twins (15 and 16) attended.", [15, 16]),
        ("The twins (15 & 16) attended.", [15, 16]),
        ("The girls (12 to 14) attended.", [12, 14]),
        ("The girls (15, 16) attended.", [15, 16]),
        ("The 14-year-old attended.", [14]),
        ("The 14 year old attended.", [14]),
        ("The 14 yr olds attended.", [14]),
        ("She lived there for 14 years.", []),
        ("Aged 14 years, she left.", [14]),
        ("She turned 18.", [18]),
        ("A 14yo attended.", [14]),
        ("A 14 yo attended.", [14]),
        ("He is in his twenties.", [25]),
        ("She is in her 30s.", [35]),
        ("They are in their late teens.", [15]),
        ("She is in her early forties.", [45]),
        ("The 1990s and the twenties.", []),
        ("Room 14 is free.", []),
        ("She is 0.", []),
        ("She is 123.", []),
        ("Flat 4, and room 9.", []),
        ("Seen at 14 he left.", [14]),
        ("Seen at 14 they left.", [14]),
        ("They are in their thirties.", [35]),
        ("She is in her mid twenties.", [25]),
        ("She is 14 years old.", [14]),
        ("She is 14 yrs old.", [14]),
        ("(see note 4)", []),
        ("Jade (15)", [15]),  # at the very end of the text
        ("He is in his 10s.", []),
        ("A 5yo attended.", [5]),
        ("Baby, 1, attended.", [1]),
        ("Old notes kept for 14 years.", []),
    ],
)
def test_token_age_reads_the_bare_forms_notes_use(text: str, found: list[int]) -> None:
    assert ages(text) == found


def _drops(make_pack: MakePack, phrase: str, condition: str) -> Callable[[str], bool]:
    pack = make_pack([f'phrase: "{phrase}"'], unless=f"[{condition}]")
    compiled = CompiledRules(load_pack(pack), load_pipeline())
    return lambda text: bool(compiled.findings(text))


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The young woman, 23, was seen.", DROP),
        ("The young woman, 18, was seen.", DROP),
        ("The young woman, 17, was seen.", FLAG),
        ("Her friend, 23, said the young woman, 15, was seen.", FLAG),  # the nearest age is hers
        ("The young woman, 15, was seen with her friend, 23.", FLAG),
        ("The young woman was seen with a man aged 40.", DROP),  # within eight words after
        ("The young woman was seen in the park near the shops with a man aged 40.", FLAG),
        ("Aged 23 and unemployed, the young woman was seen.", DROP),
        ("Aged 23 and living alone in a flat, the young woman was seen.", FLAG),  # more than six words before
        ("The young woman was seen.", FLAG),
        ("The 15-year-old young woman was seen with a man aged 40.", FLAG),  # the age before is nearer
    ],
)
def test_adult_age_is_the_nearest_age_given(text: str, flagged: bool, make_pack: MakePack) -> None:
    assert _drops(make_pack, "young woman", "adult_age")(text) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The 4-year-old wandered off at the park.", DROP),
        ("The 6-year-old wandered off at the park.", DROP),
        ("The 7-year-old wandered off at the park.", FLAG),
        ("The 4-year-old and the 9-year-old wandered off.", FLAG),  # an older child too
        ("The toddler wandered off at the park.", DROP),
        ("The infant wandered off.", DROP),
        ("The baby wandered off.", DROP),
        ("Jade (17) wandered off.", FLAG),
        ("Jade wandered off.", FLAG),
        ("Her brother, 4, wandered off.", DROP),  # an age only the bare form gives
        ("The 7-year-old and the 4-year-old wandered off.", FLAG),
    ],
)
def test_very_young_child(text: str, flagged: bool, make_pack: MakePack) -> None:
    assert _drops(make_pack, "wandered off", "very_young_child")(text) is flagged
