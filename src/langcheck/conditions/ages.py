"""Conditions on the ages given near a match, and the reading of bare ages from tokens.

Whether words blame depends on whose age the note gives: "young woman" for a 23-year-old is
accurate, for a 15-year-old it adultifies. context.py finds the ages written in set forms;
`token_age` also reads the bare forms notes use ("Name, 14,", "who is 31", "at 14,").
"""

from __future__ import annotations

from typing import Any

from langcheck.conditions.candidate import Candidate
from langcheck.conditions.words import words

_AGE_LEAD = words("aged age also both turned turns")
_AGE_COPULA = words("is was now")
_AGE_ENDS = words(", . ; ) and but who when now at is was has had")
_DECADES = {"twenties": 25, "thirties": 35, "forties": 45, "fifties": 55, "sixties": 65, "teens": 15}


def token_age(doc: Any, i: int) -> int | None:
    """Return the age that token `i` gives, if the words around it show that it is an age.

    Reads the bare forms case notes use as well as those context.py marks: "Name, 14,",
    "she is 15", "who is 31", "at 14,", "(19)", "14-year-old", "aged 24", "in his twenties".
    """
    text = doc[i].lower_
    prev = doc[i - 1].lower_ if i > 0 else ""
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    if text in _DECADES or (len(text) == 3 and text[0] in "23456789" and text[1:] == "0s"):
        decade = _DECADES.get(text) or int(text[:2]) + 5
        return decade if prev in ("his", "her", "their", "early", "mid", "late") else None
    digits = text[:-2] if text.endswith("yo") else text
    if not (digits.isdigit() and len(digits) <= 2 and int(digits) > 0):
        return None
    if nxt in ("year", "years", "yr", "yrs", "-") and prev not in _AGE_LEAD:
        tail = {doc[j].lower_ for j in range(i + 1, min(len(doc), i + 5))}
        is_age = bool(tail & {"old", "olds"})  # "14-year-old", not "for 14 years"
    else:
        is_age = (
            digits != text
            or prev in _AGE_LEAD
            or nxt == "yo"
            or (prev == "(" and nxt in (")", "and", "&", "to", "-", ","))  # "(19)", "(15 and 16)"
            or (prev in ("and", "&", "to") and nxt == ")")
            or ((prev in _AGE_COPULA or prev == ",") and (nxt in _AGE_ENDS or not nxt))
            or (prev == "at" and nxt in (",", "he", "she", "they"))
        )
    return int(digits) if is_age else None


def adult_age(c: Candidate) -> bool:
    """The age given nearest the match, within a few words, is 18 or over.

    "The young woman, 23", "a young man in his twenties" and "her son, 19, is very mature"
    describe an adult, even in a note that is about a child.
    """
    best: tuple[int, int] | None = None
    for i in range(max(c.sent_start, c.start - 6), min(c.sent_end, c.end + 8)):
        if c.start <= i < c.end:
            continue  # an age inside the words is what they claim ("behaves as if she is 18"), not the person's
        age = token_age(c.doc, i)
        if age is None:
            continue
        distance = c.start - i if i < c.start else max(0, i - c.end + 1)
        if best is None or distance < best[0]:
            best = (distance, age)
    return best is not None and best[1] >= 18


def very_young_child(c: Candidate) -> bool:
    """The sentence is about a very young child: an age under 7 (or toddler, infant, baby).

    Holds only when no age from 7 to 17 is given too. "Wandered off" is accurate for a
    4-year-old; for a 14-year-old it hides why the child left.
    """
    ages = [a for a in (token_age(c.doc, i) for i in range(c.sent_start, c.sent_end)) if a is not None]
    s, e = c.sentence_chars
    ages += [m.age for m in c.context.marks_in(s, e) if m.age is not None]
    if any(7 <= a < 18 for a in ages):
        return False
    sentence = {c.doc[i].lower_ for i in range(c.sent_start, c.sent_end)}
    return any(a < 7 for a in ages) or bool(sentence & {"toddler", "toddlers", "infant", "infants", "baby"})
