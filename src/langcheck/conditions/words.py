"""Word lists that conditions in more than one module read, and the helpers that read them.

A word list that only one module uses lives in that module. The lists here name kinds of
people (suspects, victims, parents, adult roles), which several judgements share: if "the
suspect" counts as the abuser for one condition, it should for the others too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def words(text: str) -> frozenset[str]:
    """Return the whitespace-separated words of `text` as a set.

    Lists of dozens of single words read better, and review better, as wrapped lines of words
    than as one quoted string a line.
    """
    return frozenset(text.split())


def prefixes(text: str) -> tuple[str, ...]:
    """Return the whitespace-separated word beginnings of `text`, in order, for `str.startswith`."""
    return tuple(text.split())


def has_phrase(seq: Sequence[str], phrases: Iterable[tuple[str, ...]]) -> bool:
    """Return True if any of `phrases` occurs in `seq` as consecutive words."""
    wanted = tuple(phrases)
    return any(tuple(seq[i : i + len(p)]) == p for i in range(len(seq)) for p in wanted)


PERPETRATOR_WORDS = words(
    """
    suspect suspects offender offenders perpetrator perpetrators defendant defendants accused
    abuser abusers exploiter exploiters groomer groomers trafficker traffickers ocg gang men males
    adults nominal nominals man he they group network dealer dealers elders perps
    """
)
"""Words for the people who abuse or exploit (with "he" and "they", see `people.py`)."""

VICTIM_WORDS = words(
    """
    she her victim victims child children girl girls boy boys yp complainant survivor daughter son
    pupil teenager herself himself themselves
    """
)
"""Words for the victim or child, which stop a search for the abuser."""

ADULT_SIGNAL_WORDS = words(
    """
    man men adult adults older elder elders grown grown-up suspect suspects offender perpetrator
    abuser exploiter nominal nominals
    """
)
"""Words that show an adult in a sentence about a relationship."""

RELATIVE_WORDS = words(
    """
    mum mums mother mom mummy dad father daddy stepmum stepmother stepdad stepfather parent parents
    carer carers grandmother grandfather nan nana gran granny grandad grandma grandpa aunt auntie
    aunty uncle sister brother cousin friend woman women wife husband
    """
)
"""Parents, relatives, friends and women: people other than the child and the suspect."""

CHILD_WORDS = words("child girl boy yp daughter son pupil teenager")
"""Singular words for the child, the owner of "her boyfriend" in "the girl and her boyfriend"."""

ADULT_ROLE_WORDS = words(
    """
    suspect suspects offender perpetrator man men male teacher tutor coach instructor lecturer
    leader priest vicar imam lifeguard landlord employer boss driver
    """
)
"""Suspects and adults in a role of trust: an adult, not a peer, when they own a relationship."""

SEXUAL_WORDS = words(
    """
    sex sexual sexually sexualised touch touched touching kiss kissed kissing nude nudes naked
    explicit indecent intimate oral undress undressed photos photographs pictures pics images videos
    intercourse
    """
)
"""Words that make a sentence about sex or sexual images ("sexually active", "nudes")."""
