"""Conditions on the other person in a relationship or sexual contact: a peer, or an adult.

"Her boyfriend" and "sexually active" blame a child when the other person is an adult who is
exploiting her; between two 15-year-olds they are an accurate record. These conditions read who
the partner is: whose relationship word it is, what age comes with it, and whether the writer
recorded the relationship as assessed.
"""

from __future__ import annotations

import itertools
import re

from langcheck.conditions.adulthood import Adulthood, owner_adulthood, person_adulthood
from langcheck.conditions.ages import token_age
from langcheck.conditions.candidate import CLAUSE_BREAKS, Candidate
from langcheck.conditions.words import (
    ADULT_ROLE_WORDS,
    ADULT_SIGNAL_WORDS,
    CHILD_WORDS,
    RELATIVE_WORDS,
    SEXUAL_WORDS,
    has_phrase,
    words,
)
from langcheck.context import AgeMark, Marker


def owner_before(c: Candidate) -> str | None:
    """Return who the nearest person before the match in its clause is: "child", "other" or "adult".

    "Other" is a parent, relative or woman; None means there is no person. A name counts as the
    child, since case notes name the child and call adults by role.
    """
    doc = c.doc
    for i in range(c.start - 1, max(c.sent_start, c.start - 12) - 1, -1):
        tok = doc[i]
        word = tok.lower_
        if word in CLAUSE_BREAKS:
            return None
        age = token_age(doc, i)
        if age is not None:  # "Her mother, 38, ..." is the mother's
            near = {t.lower_ for t in doc[max(c.sent_start, i - 3) : i]}
            kind = "other" if near & RELATIVE_WORDS else "adult" if age >= 18 else "child"
        elif word in RELATIVE_WORDS:
            kind = "other"
        elif word in ADULT_ROLE_WORDS:
            kind = "adult"
        elif word in CHILD_WORDS or (tok.is_title and i > c.sent_start):
            kind = "child"
        else:
            continue
        return kind
    return None


_CONSENT_WORDS = words("consent consents consented consenting consensual")
_PEER_CUES = words("peer peers classmate classmates")
_PEER_PAIRS = (("same", "age"), ("similar", "age"), ("age", "appropriate"))
_PARTNER_WORDS = words("boyfriend girlfriend partner friend classmate")
_WORD_RE = re.compile(r"[a-z]+")
_POSSESSIVES = words("her his their")


def _clause_end(c: Candidate, limit: int) -> int:
    """Return the token index where the match's clause ends, at most `limit` tokens after it."""
    j = c.end
    while j < min(c.end + limit, c.sent_end) and c.doc[j].lower_ not in CLAUSE_BREAKS:
        j += 1
    return j


def _names_a_group(said: str) -> bool:
    """Return True if an age as written is a same-age group: "two 15-year-olds", "both 16", "also 15"."""
    return said.lower().endswith("olds") or said.lower().startswith(("both", "also"))


def _adult_or_under_13(c: Candidate, marks: list[AgeMark], ages: list[int], clause_end: int) -> bool:
    """Return True if the sentence rules out a peer: an adult in it, or sex with a child under 13.

    An adult's age in the sentence, an adult word with the match ("with an adult male") or an
    adult subject ("the tutor, 32, is in a relationship with...") means the other person is an
    adult. An age under 13 in a sentence about sex or consent rules out a peer case: a child
    under 13 cannot consent in law, so "two 12-year-olds" having sex is still recorded as abuse.
    """
    under_13 = any(age < 13 for age in ages) or any(m.age is not None and m.age < 13 for m in marks)
    sentence = {c.doc[i].lower_ for i in range(c.sent_start, c.sent_end)}
    if under_13 and sentence & (SEXUAL_WORDS | _CONSENT_WORDS):
        return True
    adult_word = any(c.doc[i].lower_ in ADULT_SIGNAL_WORDS - {"older"} for i in range(c.start, clause_end))
    return adult_word or any(m.marker is Marker.ADULT for m in marks) or owner_before(c) == "adult"


def peer(c: Candidate) -> bool:
    """The other person is a peer: the sentence says so, or the partner's age is under 18.

    A same-age cue ("peer", "same age", "age-appropriate", "two 15-year-olds", "both 16",
    "also 15"), an age under 18 with the match itself ("her 16-year-old boyfriend", "older
    boys (15)"), or a boyfriend, girlfriend or partner after it with an age under 18 ("with her
    boyfriend (16)"). The child's own age before the match ("Jasmine (14) is sexually active")
    does not count, so it cannot hide an adult partner whose age comes later. Never holds when
    the sentence shows an adult, or an age under 13 in a sentence about sex or consent.
    """
    s, e = c.sentence_chars
    marks = c.context.marks_in(s, e)
    clause_end = _clause_end(c, 10)
    ages = [age for age in (token_age(c.doc, i) for i in range(c.start, clause_end)) if age is not None]
    if _adult_or_under_13(c, marks, ages, clause_end):
        return False
    same_age_group = any(m.age is not None and _names_a_group(c.context.text[m.start : m.end]) for m in marks)
    sentence = [t.lower_ for t in c.doc[c.sent_start : c.sent_end] if t.lower_ != "-"]
    said_peer = bool(set(sentence) & _PEER_CUES or set(itertools.pairwise(sentence)) & set(_PEER_PAIRS))
    if same_age_group or said_peer or _partner_ages_under_18(c, clause_end):
        return True
    window_end = min(e, c.char_end + 40)
    after = [m.age for m in c.context.marks_in(c.char_end, window_end) if m.age is not None]
    partner = set(_WORD_RE.findall(c.context.text[c.char_end : window_end].lower())) & _PARTNER_WORDS
    return bool(after) and bool(partner) and all(age < 18 for age in after)


def _partner_ages_under_18(c: Candidate, clause_end: int) -> bool:
    """Return True if the ages given for the other person are all under 18.

    An age inside the match ("her 16-year-old boyfriend", "older boys (15)") is the partner's.
    An age after it is the partner's only if the person the words describe is shown to be a
    child too: in "He had sex with a 13-year-old" the 13-year-old is the victim and "he" may be
    an adult. An age after "when she was" is the child's own ("became sexual when she was 13").
    """
    inside = [a for a in (token_age(c.doc, i) for i in range(c.start, c.end)) if a is not None]
    if inside:
        return all(a < 18 for a in inside)
    after = [
        a for i in range(c.end, clause_end) if (a := token_age(c.doc, i)) is not None and not _own_age_clause(c, i)
    ]
    return bool(after) and all(a < 18 for a in after) and person_adulthood(c) is Adulthood.CHILD


def _own_age_clause(c: Candidate, i: int) -> bool:
    """Return True if the age at `i` follows "when/since/until" ("when she was 13")."""
    return any(c.doc[k].lower_ in ("when", "since", "until", "till") for k in range(max(c.start, i - 4), i))


def no_adult_signal(c: Candidate) -> bool:
    """Nothing in the sentence shows an adult: no age of 18 or over, no adult word or role.

    Adult words are man, adult, older, elders, suspect; an adult role (teacher, coach) counts
    when it is the nearest person before the match. A relationship word for a child ("her
    boyfriend", "in a relationship with") blames only when the other person is an adult; with
    no sign of one, it is read as a peer relationship.
    """
    s, e = c.sentence_chars
    if any(m.marker is Marker.ADULT for m in c.context.marks_in(s, e)):
        return False
    for i in range(c.sent_start, c.sent_end):
        if c.doc[i].lower_ in ADULT_SIGNAL_WORDS:
            return False
        age = token_age(c.doc, i)
        if age is not None and age >= 18:
            return False
    return owner_before(c) != "adult"  # "Her PE teacher had been in a relationship with her"


def adult_owner(c: Candidate) -> bool:
    """The relationship word belongs to someone other than the child: a relative or an adult.

    The nearest person before it in the clause is a parent, relative, friend or woman ("Mum's
    partner", "her mother and her boyfriend"), or an adult ("The victim, aged 34, was assaulted
    by her boyfriend"; "the man and his girlfriend") unless a child's age or a child word comes
    with the relationship word itself ("his girlfriend, aged 14") or the word stands in
    apposition to that adult ("a 34-year-old man, her partner").
    """
    doc = c.doc
    j = c.end  # the words that follow, up to the end of the phrase, describe the partner
    while j < min(c.end + 8, c.sent_end) and doc[j].lower_ not in CLAUSE_BREAKS | {"and"}:
        j += 1
    if any(doc[i - 1].lower_ == "both" and (token_age(doc, i) or 0) >= 18 for i in range(c.end, j)):
        return True  # "her partner, both 20": an adult couple
    if doc[c.start].lower_ in _POSSESSIVES:  # "her boyfriend": the owner is whoever "her" is
        if owner_adulthood(c, c.start) is not Adulthood.ADULT:
            return False  # a child, or no age at all: presumed a child
        owner: str | None = "adult"
    else:
        owner = owner_before(c)
    if owner != "adult":
        return owner == "other"
    ages_with_word = (token_age(doc, i) for i in range(c.start, j))
    child_partner = any(age is not None and age < 18 for age in ages_with_word) or any(
        m.marker is Marker.CHILD for m in c.context.marks_in(c.char_end, int(doc[j - 1].idx) + len(doc[j - 1]))
    )
    appositive = c.start > c.sent_start and doc[c.start - 1].lower_ == ","
    return not child_partner and not appositive


_ASSESSED_CUES = (
    ("age", "-", "appropriate"),
    ("age", "appropriate"),
    ("no", "power", "imbalance"),
    ("no", "imbalance", "of", "power"),
    ("no", "exploitation"),
    ("no", "concerns", "of", "exploitation"),
    ("no", "coercion"),
    ("no", "age", "gap"),
    ("no", "significant", "age", "gap"),
    ("not", "exploitative"),
    ("non", "-", "exploitative"),
    ("same", "age"),
    ("similar", "age"),
)


def assessed_appropriate(c: Candidate) -> bool:
    """The same or the next sentence records the relationship as assessed age-appropriate.

    "No power imbalance", "no coercion", "no age gap": the writer has looked at the
    relationship and recorded why it is not exploitation, which is the practice asked for.
    """
    doc = c.doc
    stop = c.sent_end
    if stop < len(doc) and c.next_sent_end > stop:
        stop = c.next_sent_end
    return has_phrase([doc[i].lower_ for i in range(c.sent_start, stop)], _ASSESSED_CUES)


_SEXUAL_HEALTH_WORDS = words("contraception contraceptive condoms gum nurse clinic")


def sexual_health_note(c: Candidate) -> bool:
    """A sexual-health note about a 16- or 17-year-old: contraception, school nurse, clinic.

    Holds only with no adult's age and no younger age in the sentence: advice given to a
    16-year-old about a peer relationship is health care, not a description of abuse.
    """
    s, e = c.sentence_chars
    ages = [m.age for m in c.context.marks_in(s, e) if m.age is not None]
    if not ages or any(age < 16 or age >= 18 for age in ages):
        return False
    sentence = [t.lower_ for t in c.doc[c.sent_start : c.sent_end] if t.lower_ != "-"]
    return bool(set(sentence) & _SEXUAL_HEALTH_WORDS) or ("sexual", "health") in set(itertools.pairwise(sentence))
