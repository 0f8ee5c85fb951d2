"""Conditions on who the words are about: the abuser, the child, a relative, or a thing.

The same label blames a victim and merely describes an abuser ("manipulative"), or describes a
child's distress and excuses an adult's violence ("lashed out"). These conditions find the
nearest person before the match in its clause and judge by who that is.
"""

from __future__ import annotations

from collections.abc import Iterator

from langcheck.conditions.ages import token_age
from langcheck.conditions.candidate import CLAUSE_BREAKS, Candidate
from langcheck.conditions.words import (
    ADULT_ROLE_WORDS,
    CHILD_WORDS,
    PERPETRATOR_WORDS,
    RELATIVE_WORDS,
    VICTIM_WORDS,
    words,
)

_ADULT_ACTOR_WORDS = (PERPETRATOR_WORDS - {"he", "they", "nominal", "nominals"}) | words(
    "adult holder holders olders line-holder"
)
_AMBIGUOUS_ACTORS = words("he him his they them their")
_ABUSER_NOUNS = words("male adult assailant assailants attacker attackers rapist rapists")
"""Adult words that name the abuser as surely as "suspect" does ("the male", "the adult")."""
_ANTECEDENT_ADULTS = (_ADULT_ACTOR_WORDS - {"holder", "holders"}) | _ABUSER_NOUNS
_ANTECEDENT_VICTIMS = {
    "he": words("boy boys son sons lad lads yp child children kid kids teenager pupil youth victim complainant"),
    "they": words("boys girls yp yps child children kids teenagers pupils youths victims complainants siblings"),
}


_SUSPECT_EVENTS = words("arrested charged cautioned remanded convicted sentenced bailed custody")


def _pronoun_is_adult(c: Candidate, i: int) -> bool:
    """Return False if the nearest person before the pronoun at token `i` is a child or victim.

    "He" and "they" are the abuser in "He was flirting with the 14-year-old" but the child in
    "Jayden (15) was found at the trap house. He chose this lifestyle.": a note about a boy
    calls him "he". The nearest child's age, child or victim word, or adult noun before the
    pronoun, in its paragraph, decides. With none, the pronoun is the abuser only if the
    paragraph shows a child who is someone else ("He was flirting with the 14-year-old") or the
    sentence records an arrest or charge; otherwise it is presumed to be the child, as a note
    with no age is ("They must have known what would happen when they got into that car").
    """
    pronoun = c.doc[i].lower_
    ages = [(m.start, m.end, m.age) for m in c.context.marks if m.age is not None]
    for j in range(i - 1, max(-1, i - 60), -1):
        tok = c.doc[j]
        word = tok.lower_
        age = token_age(c.doc, j)
        if age is None:
            tok_end = tok.idx + len(tok.text)
            age = next((a for start, end, a in ages if start < tok_end and tok.idx < end), None)
        if age is not None and age < 18:
            return False
        if word in _ANTECEDENT_VICTIMS[pronoun]:
            return False
        if word in _ANTECEDENT_ADULTS:
            return True
    if any(c.doc[k].lower_ in _SUSPECT_EVENTS for k in range(c.sent_start, c.sent_end)):
        return True  # "He was arrested and is manipulative": the note is about a suspect
    ps, pe = c.context.paragraph_of(c.char_start)
    return c.context.shows_child(ps, pe)


def perpetrator_subject(c: Candidate) -> bool:
    """The nearest actor before the match is a suspect or adult, not the victim.

    Labels and choices aimed at an abuser ("the suspect is manipulative", "he chose to remain
    silent") describe the abuser, which is not victim blaming. "He" and "they" count only when
    the nearest person before them is not a child, since an exploited boy is "he" too.
    """
    i, seen = c.start - 1, 0
    while i >= c.sent_start and seen < 12:
        word = c.doc[i].lower_
        if word in CLAUSE_BREAKS:
            break
        age = token_age(c.doc, i)
        if age is not None and age < 18 and not _object_of(c, i, verb=True):
            return False  # "The male (15) is manipulative" is about a child; "flirting with the 14-year-old" is not
        if word in ("he", "they"):
            return _pronoun_is_adult(c, i)
        if (word in PERPETRATOR_WORDS or word in _ABUSER_NOUNS) and not _object_of(c, i, verb=False):
            return True  # not "Her behaviour towards the men was flirtatious"
        if word in VICTIM_WORDS:
            return False
        i -= 1
        seen += 1
    return False


_OBJECT_PREPOSITIONS = words("with to from by at of towards toward around near against in within into")
_NOUN_MODIFIERS = words(
    """
    the a an some two three four five several many other others older adult unknown known local these
    those various different same ( ,
    """
)
_OBJECT_VERBS = words("made make makes got gets let lets told tells sent sends took takes gave gives")


def _object_of(c: Candidate, i: int, *, verb: bool) -> bool:
    """Return True if the person at token `i` is the object of a preposition or, with `verb`, a verb.

    "With older men", "to the men at the flat": the noun after the preposition is not who acts.
    With `verb`, a name or noun after a verb form ("forced Reggie (15)", "controlling the
    15-year-old") is an object too; only child ages are read that way, since an adult noun after
    a verb ("the girl met adults") is rarely near a match.
    """
    j = i - 1
    while j >= c.sent_start and (
        c.doc[j].lower_ in _NOUN_MODIFIERS or (verb and c.doc[j].is_title and j > c.sent_start)
    ):
        j -= 1
    if j < c.sent_start:
        return False
    before = c.doc[j].lower_
    if before in _OBJECT_PREPOSITIONS:
        return True
    return verb and (before.endswith(("ed", "ing")) or before in _OBJECT_VERBS)


def adult_actor(c: Candidate) -> bool:
    """The nearest actor before the match, in its clause, is an adult noun (suspect, OCG, men).

    Like `perpetrator_subject`, but "he" and "they" stop the search instead of counting as
    the suspect: in criminal-exploitation notes the exploited boy is usually "he", so "He has
    been dealing for the line" is about the child, while "The OCG has been dealing" is not.
    "Nominal" does not count either: intelligence systems list exploited children as nominals.
    An adult noun after with/to/from/by/at/of is an object, not the actor ("found at a party
    with adults and had put herself at risk"), and a child's age ("the 13-year-old") stops it.
    """
    i, seen = c.start - 1, 0
    while i >= c.sent_start and seen < 12:
        word = c.doc[i].lower_
        if word in CLAUSE_BREAKS:
            break
        age = token_age(c.doc, i)
        if age is not None and age < 18 and not _object_of(c, i, verb=True):
            return False
        if word in _ADULT_ACTOR_WORDS and not _object_of(c, i, verb=False):
            return True
        if word in VICTIM_WORDS or word in _AMBIGUOUS_ACTORS:
            return False
        i -= 1
        seen += 1
    return False


_VICTIM_NOUNS = VICTIM_WORDS - {"she", "her", "herself", "himself", "themselves"}
_OTHER_PEOPLE = PERPETRATOR_WORDS | words(
    """
    male adult him his them their mum mother dad father stepfather stepdad stepmother stepmum
    parent parents carer carers staff officer officers police pc dc ds worker teacher neighbour
    neighbours witness witnesses solicitor counsel defence brother sister uncle aunt grandmother
    grandfather friend friends partner boyfriend husband wife caller informant landlord family address
    """
)


def not_about_victim(c: Candidate) -> bool:
    """Nothing shows that the words are about the victim or child.

    Holds when the nearest person before them in the clause is a suspect, adult, parent,
    professional or other third party, or there is no person at all. For wording that only
    blames when aimed at the victim's own account ("alleged", "claims", "known to police"):
    "Lucy (12) claims..." and "the alleged victim" are kept, "He claims he was at work" and
    "the alleged offender" are not. A child's age right before the match ("Lucy (12)") and
    victim nouns inside it ("alleged victim") count as the victim; a bare first name does
    not, so this condition favours silence.
    """
    if any(c.doc[i].lower_ in _VICTIM_NOUNS for i in range(c.start, c.end)):
        return False
    for word, ages in _people_before(c):
        if word in VICTIM_WORDS or any(age < 18 for age in ages):
            return False
        if word in _OTHER_PEOPLE:
            return True
    return True


def _people_before(c: Candidate) -> Iterator[tuple[str, list[int]]]:
    """Yield each word before the match, nearest first, with the ages written over it.

    Up to 12 words, within the clause: the window in which the person the words are about
    is named ("Lucy (12) claims", "the 40-year-old ... lost control").
    """
    s, e = c.sentence_chars
    marks = [(m.start, m.end, m.age) for m in c.context.marks_in(s, e) if m.age is not None]
    i, seen = c.start - 1, 0
    while i >= c.sent_start and seen < 12:
        tok = c.doc[i]
        word = tok.lower_
        if word in CLAUSE_BREAKS:
            return
        tok_end = tok.idx + len(tok.text)
        yield word, [age for start, end, age in marks if start < tok_end and tok.idx < end]
        i -= 1
        seen += 1


_CHILD_SUBJECTS = words(
    """
    children child kids kid son sons daughter daughters baby babies toddler toddlers siblings boy
    boys girl girls yp stepson stepdaughter grandchildren infant old olds pupil pupils teenager
    teenagers twins
    """
)
_GROWN_SUBJECTS = words(
    """
    he she i we mother mum father dad neighbour neighbours woman man male female officer officers
    police pc partner husband wife grandmother grandfather nan victim suspect witness witnesses
    adult adults friend friends staff teacher carer carers aunt uncle
    """
)


def nearest_person(c: Candidate) -> str | None:
    """Return "child", "adult" or None: the nearest person before the match in its clause.

    An age in the text ("(12)", "the 40-year-old") decides by the age; otherwise child words
    (boy, YP, children, son) and adult words (he, mother, suspect, neighbour) decide.
    """
    for word, ages in _people_before(c):
        if ages:
            return "child" if ages[0] < 18 else "adult"
        if word in _CHILD_SUBJECTS:
            return "child"
        if word in _GROWN_SUBJECTS or word in PERPETRATOR_WORDS:
            return "adult"
    return None


def child_subject(c: Candidate) -> bool:
    """The nearest person before the match, in its clause, is a child (the boy, YP, Jayden (14)).

    The words then describe a child's own behaviour, not an offender's: "The boy (12) lashed
    out at staff when restrained" records a child's distress; it is not an excuse for an
    abuser's violence.
    """
    return nearest_person(c) == "child"


def subject_not_child(c: Candidate) -> bool:
    """No child is the subject: not the match, a "by ..." just after it, or the nearest person.

    "The children witnessed the assault" casts them as bystanders; "Her mother witnessed the
    assault" does not concern a child. Child words include children, son and the 7-year-old.
    """
    if any(c.doc[i].lower_ in _CHILD_SUBJECTS for i in range(c.start, c.end)):
        return False
    after = c.words_after(6)
    if after[:1] == ["by"] and set(after) & _CHILD_SUBJECTS:
        return False  # "was witnessed by the couple's three children"
    return nearest_person(c) != "child"


_PARTNER_NOUNS = words("boyfriend girlfriend partner ex-partner stepdad stepmum")
_PRONOUN_STOPS = words("she he they her him them herself himself themselves i you")


def relative_subject(c: Candidate) -> bool:
    """The nearest person before the match, in its clause, is a parent, relative, partner or woman.

    "Her mum can look after herself" describes the mother, not the child. A pronoun or a name
    stops the search ("Mum says she is mature for her age" is about the child).
    """
    for i in range(c.start - 1, max(c.sent_start, c.start - 10) - 1, -1):
        tok = c.doc[i]
        word = tok.lower_
        if word in CLAUSE_BREAKS or word in _PRONOUN_STOPS or word in CHILD_WORDS:
            return False
        if word in RELATIVE_WORDS or word in _PARTNER_NOUNS:
            return True
        if tok.is_title and i > c.sent_start:
            return False
    return False


_THING_WORDS = words(
    """
    dog dogs animal situation address area location place road roads environment flat house
    property estate street it this that weapon knife driving journey route car vehicle conditions
    roof building park river railway water
    """
)


def thing_subject(c: Candidate) -> bool:
    """The nearest noun before the match, in its clause, names a thing or place, not a person.

    "The road outside the school is dangerous" and "the dog is aggressive" say nothing about
    the child, though the note is about one.
    """
    for i in range(c.start - 1, max(c.sent_start, c.start - 8) - 1, -1):
        tok = c.doc[i]
        word = tok.lower_
        if word in CLAUSE_BREAKS or word in _PRONOUN_STOPS or word in CHILD_WORDS:
            return False
        if word in _THING_WORDS:
            return True
        if token_age(c.doc, i) is not None or word in RELATIVE_WORDS | ADULT_ROLE_WORDS:
            return False
    return False
