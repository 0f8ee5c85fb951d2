"""Whether the person the words describe is shown to be an adult.

Child-only rules fire unless the text shows that the person they describe is an adult. A note
with no age at all is presumed to be about a child: records keep the age in a header or form
field that the checked paragraph rarely repeats, and a missed blaming phrase about a child costs
far more than a second look at a note about an adult.

The adult evidence must be about that person. "Mother, 42, says Jade has been putting herself at
risk" is about Jade, whose age is not given; in "She had sex with a 25-year-old man" the adult is
the abuser. So the judgement finds the person first (the nearest person before the match in its
clause, the owner of "her boyfriend", or the match itself for "young woman"), follows a pronoun
back to the person it stands for, reads the age written beside that person or beside the same
name elsewhere in the text, and only then falls back on a date of birth or age field that heads
the record.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

from langcheck.conditions.ages import token_age
from langcheck.conditions.candidate import CLAUSE_BREAKS, Candidate
from langcheck.conditions.words import RELATIVE_WORDS, words
from langcheck.context import ADULT_AGE, Marker, TextContext, analyse, find_age_marks

_FEMALE = words("she her herself")
_MALE = words("he him his himself")
_PLURAL = words("they them their themselves themself")
_PRONOUNS = _FEMALE | _MALE | _PLURAL
_SUBJECT_PRONOUNS = words("she he they")
_ADULT_TITLES = words("mr mrs ms mx dr")
_RELATING = words("with to between")
_COPULAS = words("is was are were be been being now also still not")

_CHILD_NOUNS = words(
    """
    child children girl girls boy boys yp yps cyp son daughter teenager teenagers teen teens pupil
    pupils schoolgirl schoolboy youngster youngsters juvenile juveniles minor minors kid kids baby
    toddler infant stepson stepdaughter
    """
)
_ADULT_NOUNS = words(
    """
    woman women man men adult adults lady ladies gentleman mother mum father dad wife husband
    grandmother grandfather nan grandad grandma grandpa manager landlord landlady employer boss
    driver teacher coach tutor nurse doctor neighbour tenant lodger colleague shopkeeper owner
    """
)
"""People a note calls by a noun that makes them adults: relatives, and adults by their work or role."""
_NEUTRAL_NOUNS = words(
    """
    victim victims complainant complainants survivor survivors female females male males person
    people patient client student students individual applicant
    """
)
_FEMALE_NOUNS = words(
    "girl girls woman women lady ladies mother mum wife daughter schoolgirl grandmother nan grandma stepdaughter"
    " female females"
)
_MALE_NOUNS = words(
    "boy boys man men gentleman father dad husband son schoolboy grandfather grandad grandpa stepson male males"
)
_PLURAL_NOUNS = words(
    """
    children girls boys yps teenagers teens pupils youngsters juveniles minors kids women men adults
    ladies victims complainants survivors females males people students parents olds
    """
)
_ABUSERS = words(
    """
    suspect suspects offender offenders perpetrator perpetrators defendant defendants accused abuser
    abusers exploiter exploiters groomer groomers trafficker traffickers ocg gang dealer dealers
    elders punter punters
    """
)
_SPEECH = words(
    """
    say says said report reports reported state states stated tell tells told explain explains
    explained disclose discloses disclosed describe describes described feel feels felt believe
    believes believed think thinks thought claim claims claimed allege alleges alleged confirm
    confirms confirmed advise advises advised informed
    """
)
_PREPOSITIONS = words("with by to from for about of at against between in")
_OBJECT_MODIFIERS = words("the a an some two three four several older other known unknown adult young")
_NOUN_LEADS = words("the a an young this that")
_POSSESSIVES = words("her his their my your our")
_NOT_NAMES = words(
    """
    the a an this that these those she he they her his their it its we i you officers officer
    police staff mother mum father dad social worker school on in at after before when while during
    today yesterday later following since then there here mr mrs ms miss dr pc dc ds sgt
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december
    """
)
_AGE_BETWEEN_RIGHT = words("( , aged age is was who now only just also a an - : ) of")
_PERSON_NOUNS = _ADULT_NOUNS | _CHILD_NOUNS | _NEUTRAL_NOUNS
_LADS = words("lad lads")
_MALE_WORDS = _MALE | _MALE_NOUNS
_FEMALE_WORDS = _FEMALE | _FEMALE_NOUNS
_GENDERED_PRONOUNS = _FEMALE | _MALE
_NOT_INITIAL_NAMES = _PREPOSITIONS | _SPEECH
_AGE_SET_OFF = words("( , aged age")
"""What may stand between a noun and its age for the age to be that noun's ("the lodger, aged 45")."""
_AGE_BETWEEN_LEFT = words("- year years yr yrs old olds yo y/o a an the")
_YOUNG = words("young younger")
_BEFORE_OBJECT = _OBJECT_MODIFIERS | _AGE_BETWEEN_LEFT
"""Words that may stand between a preposition or "and" and the person after it ("with the two older men")."""
_BEFORE_OTHER_PARTY = _OBJECT_MODIFIERS | words("and her his their")

_REPORTERS = words(
    """
    mum mums mother mom dad father stepmum stepmother stepdad stepfather grandmother grandfather nan
    gran grandad aunt auntie uncle parent parents carer carers staff officer officers police pc dc ds
    worker teacher teachers school
    nurse doctor gp manager neighbour neighbours witness caller professional professionals
    """
)
_FIELD_RE = re.compile(
    r"(?i)[^\n]*?\b(?:DOB|D\.O\.B\.?|date of birth)\b[^\n]*"
    r"|[ \t]*(?:age|aged)\b[ \t]*[:=-]?[ \t]*\d[^\n]*|[^\n]*\bage[ \t]*:[^\n]*"
    r"|[ \t]*(?:name|subject|victim|client|service user|complainant|person|ip|young person|child|patient)\s*:[^\n]*"
)
_FIELD_HINT = re.compile(
    r"(?i)\b(?:DOB|D\.O\.B|date of birth|age|aged|name|subject|victim|client|service user|complainant|person|ip"
    r"|young person|child|patient)\b"
)
"""A record's header lines that give the age of the person it is about: a DOB or age field, or
a "Name:"/"Subject:"/"Victim:" line with an age ("Victim: Sarah Jones (34)")."""
_NAMED_AGE_RE = re.compile(
    r"\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+)*)"  # a name, with its surname
    r"\s*(?:\(\s*|,\s*(?:aged\s+)?|\s+(?:is|was|aged)\s+|\s+(?=\d{1,2}\s*(?:yrs|years|yo|y/o)\b))"  # "(34)", ", 34"
    r"(\d{1,2})\b(?!\s*(?:%|:|\.\d))"
)
_FIELD_OTHERS = _ABUSERS | RELATIVE_WORDS | words("parent parents carer carers nominal")


class Adulthood(Enum):
    """What the text shows about the age of one person."""

    ADULT = "adult"
    CHILD = "child"
    UNKNOWN = "unknown"


def adult_subject(c: Candidate) -> bool:
    """The person the words describe is shown to be an adult (18 or over, "adult", "woman, 34").

    Child-only rules are silent on such a note; on a note with no age they fire, since a note
    with no age is presumed to be about a child. An adult's age that belongs to someone else (the
    abuser, a parent who reports the words) never counts.
    """
    verdict = person_adulthood(c)
    if verdict is Adulthood.UNKNOWN:
        verdict = record_adulthood(c.context)
    return verdict is Adulthood.ADULT


@dataclass(frozen=True, slots=True)
class Record:
    """What a whole document says about ages: its header fields, and the ages given beside names.

    A paragraph is checked on its own, but a record's header ("Victim: Sarah Jones (34)") and the
    first mention of a name are usually in another paragraph.
    """

    fields: Adulthood = Adulthood.UNKNOWN
    names: Mapping[str, int] = field(default_factory=dict)


def read_record(text: str) -> Record:
    """Return the ages a whole document gives in its header fields and beside names."""
    ages: dict[str, int] = {}
    clashes: set[str] = set()
    for m in _NAMED_AGE_RE.finditer(text):
        age = int(m.group(2))
        for name in m.group(1).replace("-", " ").split():
            if name.lower() in _NOT_NAMES or name.lower() in _FIELD_OTHERS:
                continue
            if ages.get(name, age) != age:
                clashes.add(name)
            ages[name] = age
    return Record(record_adulthood(analyse(text)), {k: v for k, v in ages.items() if k not in clashes})


def owner_adulthood(c: Candidate, i: int) -> Adulthood:
    """Return what the text shows about the owner named by the possessive at token `i` ("her boyfriend").

    Unlike a subject, an owner may be the abuser: in "the suspect strangled his partner" the
    partner is the suspect's, and a suspect is taken to be an adult. A person the relation is
    predicated of is not the owner: in "The suspect is her boyfriend" the boyfriend is someone's
    else's, so the search goes on past the suspect.
    """
    pronoun = c.doc[i].lower_
    for j in range(i - 1, max(-1, i - 80), -1):
        if not _is_person(c, j) or _after_preposition(c, j) or _reports_on(c, j, i):
            continue
        word = c.doc[j].lower_
        if not _same_gender(pronoun, word) or _predicated(c, j, i):
            continue
        if word in _ABUSERS:
            return Adulthood.ADULT
        return _adulthood_of(c, j, {i}, {})
    return Adulthood.UNKNOWN


def _predicated(c: Candidate, j: int, i: int) -> bool:
    """Return True if only a copula stands between the person at `j` and the possessive at `i`."""
    between = [c.doc[k].lower_ for k in range(j + 1, i)]
    return bool(between) and all(w in _COPULAS for w in between)


def person_adulthood(c: Candidate, names: Mapping[str, int] | None = None) -> Adulthood:
    """Return what the text shows about the age of the person the words describe.

    UNKNOWN when no person is named or nothing is written about their age; the caller then
    reads the record's own fields (`record_adulthood`) and, failing those, presumes a child.
    """
    found = _described_person(c)
    verdict = _sentence_ages(c) if found is None else _adulthood_of(c, found, set(), names or {})
    if verdict is Adulthood.ADULT and _sentence_shows_child(c):
        return Adulthood.CHILD  # "The 29-year-old had sex with the 14-year-old": the child is in it
    if verdict is Adulthood.ADULT and _other_party_unknown(c, names or {}):
        return Adulthood.UNKNOWN  # "The 29-year-old had sex with Jordan": Jordan is presumed a child
    return verdict


def _other_party_unknown(c: Candidate, names: Mapping[str, int]) -> bool:
    """Return True if the match relates its subject to someone whose age the text does not give.

    "had sex with Jordan", "sexual contact between the 27-year-old and Jordan": the words
    describe both people, and the one with no age is presumed to be a child.
    """
    relational = c.doc[c.end - 1].lower_ in _RELATING or any(
        c.doc[k].lower_ == "between" for k in range(max(c.sent_start, c.start - 3), c.end)
    )
    if not relational:
        return False
    for k in range(c.end, min(c.sent_end, c.end + 4)):
        if _is_person(c, k):
            return _adulthood_of(c, k, set(), names) is not Adulthood.ADULT
        if c.doc[k].lower_ not in _BEFORE_OTHER_PARTY:
            return False
    return False


def _sentence_ages(c: Candidate) -> Adulthood:
    """Return ADULT if a sentence that names no one gives only adults' ages ("a study of adults aged 25 to 40")."""
    s, e = c.sentence_chars
    ages = [m.age for m in c.context.marks_in(s, e) if m.age is not None]
    return Adulthood.ADULT if ages and min(ages) >= ADULT_AGE else Adulthood.UNKNOWN


def _sentence_shows_child(c: Candidate) -> bool:
    """Return True if the sentence gives a child's age or names a child who is not someone's own.

    An adult named beside a child in one sentence ("Kirsty (14) and the 22-year-old") does not
    turn a rule about the child off. "Her son" is the adult's child, not the person described.
    """
    s, e = c.sentence_chars
    if any(m.marker is Marker.CHILD for m in c.context.marks_in(s, e)):
        return True  # "(14)", "the girl", "Year 10", "in care"
    for i in range(c.sent_start, c.sent_end):
        age = token_age(c.doc, i)
        if age is not None and age < ADULT_AGE:
            return True
        if c.doc[i].lower_ in _CHILD_NOUNS and not (i > c.sent_start and c.doc[i - 1].lower_ in _POSSESSIVES):
            return True
    return False


def _described_person(c: Candidate) -> int | None:
    """Return the token index of the person the words describe, or None if no person is named."""
    doc = c.doc
    last = doc[c.end - 1].lower_
    leads = {doc[k].lower_ for k in range(c.start, c.end - 1)}
    if last in _PERSON_NOUNS | _LADS and leads <= _NOUN_LEADS:
        return c.end - 1  # "young woman", "the male": the match names the person (not "with older men")
    if last not in _PREPOSITIONS and _age_right(c, c.end - 1, _AGE_SET_OFF) is not None:
        return c.end - 1  # "the young sex worker, aged 22": an age given for the match itself
    first = doc[c.start].lower_
    if first in _PRONOUNS:
        return c.start  # "her boyfriend": its owner
    i, seen = c.start - 1, 0
    while i >= c.sent_start and seen < 15:
        word = doc[i].lower_
        if word in CLAUSE_BREAKS and seen:
            break
        if _is_person(c, i) and not _after_preposition(c, i) and not _reports_on(c, i, c.start):
            return i  # a suspect too: "The suspect, aged 40, was naive" describes the suspect
        i -= 1
        seen += 1
    # "... as she will not make a complaint": the person is named inside the match
    return next((k for k in range(c.start, c.end) if doc[k].lower_ in _SUBJECT_PRONOUNS), None)


def _is_person(c: Candidate, i: int) -> bool:
    word = c.doc[i].lower_
    if _noun_follows(c, i):
        return False  # "an adult male", "the child victim": the noun that follows is the mention
    return (
        word in _PRONOUNS
        or word in _CHILD_NOUNS
        or word in _ADULT_NOUNS
        or word in _NEUTRAL_NOUNS
        or word in _ABUSERS
        or (word in ("old", "olds") and _age_left(c, i) is not None)
        or _is_name(c, i)
        or _noun_with_age(c, i)
    )


def _noun_with_age(c: Candidate, i: int) -> bool:
    """Return True for any noun given an age set off after it ("the lodger, aged 45", "the soldier (24)")."""
    tok = c.doc[i]
    nxt = c.doc[i + 1].lower_ if i + 1 < len(c.doc) else ""
    return bool(
        tok.is_alpha
        and tok.lower_ not in _PREPOSITIONS
        and nxt in _AGE_SET_OFF
        and _age_right(c, i, _AGE_SET_OFF) is not None
    )


def _noun_follows(c: Candidate, i: int) -> bool:
    """Return True if a person noun follows ("a 34-year-old man", "an adult male": the noun is the mention)."""
    nxt = c.doc[i + 1].lower_ if i + 1 < len(c.doc) else ""
    return nxt in _PERSON_NOUNS


def _is_name(c: Candidate, i: int) -> bool:
    tok = c.doc[i]
    text = tok.text
    if not (text[:1].isupper() and text.isalpha() and len(text) > 1) or tok.lower_ in _NOT_NAMES:
        return False
    if text.isupper():
        return False  # an acronym (GP, MASH) or a surname in capitals, which follows the first name
    sentence_initial = i == 0 or c.doc[i - 1].text in (".", "!", "?", ":")
    return not (sentence_initial and tok.lower_ in _NOT_INITIAL_NAMES)


def _after_preposition(c: Candidate, i: int) -> bool:
    """Return True if the person at `i` is the object of a preposition ("with older men")."""
    j = _before_modifiers(c, i)  # "with the 19-year-old", "with two older men"
    return j >= 0 and c.doc[j].lower_ in _PREPOSITIONS


def _before_modifiers(c: Candidate, i: int) -> int:
    """Return the index of the word before the person at `i` and its modifiers ("the", "two older", "19-year-old").

    Reads back to the text's start: the person may be in an earlier sentence (a pronoun's antecedent).
    """
    j = i - 1
    while j >= 0 and (c.doc[j].lower_ in _BEFORE_OBJECT or c.doc[j].like_num):
        j -= 1
    return j


def _adulthood_of(c: Candidate, i: int, seen: set[int], names: Mapping[str, int]) -> Adulthood:
    """Return what the text shows about the person named at token `i` (a pronoun is followed back)."""
    seen.add(i)
    if c.doc[i].lower_ in _PRONOUNS:
        j = _antecedent(c, i)
        return Adulthood.UNKNOWN if j is None or j in seen else _adulthood_of(c, j, seen, names)
    verdict = _own_adulthood(c, i, names)
    if verdict is Adulthood.ADULT:
        other = _coordinated_person(c, i)  # "between Kirsty and the 22-year-old": both must be adults
        if other is not None and other not in seen and _adulthood_of(c, other, seen, names) is not Adulthood.ADULT:
            return Adulthood.UNKNOWN
    return verdict


def _own_adulthood(c: Candidate, i: int, names: Mapping[str, int]) -> Adulthood:
    """Return what the age or noun of the person at `i` shows, not following pronouns.

    `names` holds the ages the whole document gives beside names, for a name whose age is
    written in another paragraph (the header, the first mention).
    """
    word = c.doc[i].lower_
    age = _attached_age(c, i)
    if age is None and _is_name(c, i):
        age = _age_of_name(c, i)
        if age is None:
            age = names.get(c.doc[i].text)
    if age is not None:
        return Adulthood.ADULT if age >= ADULT_AGE else Adulthood.CHILD
    if word in _CHILD_NOUNS or word in ("lad", "lads"):
        return Adulthood.CHILD
    before = c.doc[i - 1].lower_ if i > 0 else ""
    if _is_name(c, i) and before.rstrip(".") in _ADULT_TITLES:
        return Adulthood.ADULT  # "Ms Patel", "Mr Ali": a note gives adults, not children, a title
    if word in _ADULT_NOUNS:
        return Adulthood.UNKNOWN if before in _YOUNG else Adulthood.ADULT
    if word in ("female", "male", "person", "individual") and before in ("adult", "adults"):
        return Adulthood.ADULT
    return Adulthood.UNKNOWN


def _antecedent(c: Candidate, i: int) -> int | None:
    """Return the nearest earlier person a pronoun can stand for, or None.

    Skips abusers, objects of prepositions, people whose gender differs from the pronoun's, and
    the speaker of a reporting verb ("Mother says she ..." is about the child, not the mother).
    """
    pronoun = c.doc[i].lower_
    for j in range(i - 1, max(-1, i - 80), -1):
        if not _is_person(c, j):
            continue
        word = c.doc[j].lower_
        if word in _ABUSERS or _after_preposition(c, j) or _reports_on(c, j, i):
            continue
        if not _same_gender(pronoun, word):
            continue
        return j
    return None


def _same_gender(pronoun: str, word: str) -> bool:
    """Return False if the pronoun cannot stand for the word ("she" for "the boy" or "the adults", "they" for "he")."""
    if pronoun not in _PLURAL and word in _PLURAL_NOUNS:
        return False
    if pronoun in _FEMALE:
        return word not in _MALE_WORDS
    if pronoun in _MALE:
        return word not in _FEMALE_WORDS
    return word not in _GENDERED_PRONOUNS


def _reports_on(c: Candidate, j: int, pronoun: int) -> bool:
    """Return True if the person at `j` reports the clause that holds the pronoun ("Mother, 42, says she ...").

    Only a parent, relative or professional counts as reporting on someone else, and only within
    one sentence: "Mia disclosed abuse. She has been ..." is about Mia.
    """
    if c.doc[j].lower_ not in _REPORTERS:
        return False  # "Jade told officers she ...", "An adult female reported that she ...": about themselves
    words_between = [c.doc[k].lower_ for k in range(j + 1, pronoun)]
    if any(word in (".", "!", "?") for word in words_between):
        return False
    return any(word in _SPEECH for word in words_between[:8])


def _attached_age(c: Candidate, i: int) -> int | None:
    """Return the age written beside the person at `i`: "Jade (14)", "Sarah, 24,", "a 25-year-old woman"."""
    age = _age_left(c, i)
    return age if age is not None else _age_right(c, i)


def _age_right(c: Candidate, i: int, between: frozenset[str] = _AGE_BETWEEN_RIGHT) -> int | None:
    """Return the age written just after the person at `i` ("Jade (14)", "Sarah, aged 24,", "Sarah is 24")."""
    doc = c.doc
    for j in range(i + 1, min(len(doc), i + 5)):
        found = token_age(doc, j)
        if found is not None:
            return found
        if doc[j].lower_ not in between:
            break
    return None


def _age_left(c: Candidate, i: int) -> int | None:
    """Return the age written just before the person at `i` ("the 14-year-old", "a 25-year-old man")."""
    doc = c.doc
    for j in range(i - 1, max(-1, i - 7), -1):
        found = token_age(doc, j)
        if found is not None:
            return found
        if doc[j].lower_ not in _AGE_BETWEEN_LEFT and doc[j].lower_ not in _YOUNG:
            return None
    return None


def _age_of_name(c: Candidate, i: int) -> int | None:
    """Return an age written beside the same name elsewhere in the text ("Sarah Jones (24) ... Sarah is")."""
    import numpy

    doc = c.doc
    same = numpy.flatnonzero(doc.to_array("ORTH") == doc[i].orth).tolist()  # the name's other places, without a loop
    for j in same:
        if j != i:
            last = j
            while last + 1 < len(c.doc) and _is_name(c, last + 1):
                last += 1  # the surname: "Sarah Jones, aged 24"
            age = _attached_age(c, last)
            if age is not None:
                return age
    return None


def _coordinated_person(c: Candidate, i: int) -> int | None:
    """Return the person joined to the one at `i` by "and" ("Kirsty and the 22-year-old"), if any."""
    j = _before_modifiers(c, i)
    if j < 1 or c.doc[j].lower_ not in ("and", "&"):
        return None
    for k in range(j - 1, max(-1, j - 6), -1):
        if _is_person(c, k):
            return k
    return None


def record_adulthood(context: TextContext) -> Adulthood:
    """Return what the record's own date-of-birth or age fields show, if they agree.

    A record header ("DOB: 03/04/1991", "Age: 34") gives the age of the person the record is
    about. A field on a line that names a suspect or a relative is about them, not the subject.
    Only the lines a cheap keyword scan picks are read, and only their ages are worked out, so a
    long document costs one pass of a simple pattern.
    """
    text = context.text
    verdicts: set[Adulthood] = set()
    seen: set[int] = set()
    for hint in _FIELD_HINT.finditer(text):
        start = text.rfind("\n", 0, hint.start()) + 1
        if start in seen:
            continue
        seen.add(start)
        end = text.find("\n", hint.end())
        line = text[start : len(text) if end < 0 else end]
        if not _FIELD_RE.fullmatch(line):
            continue
        if set(re.findall(r"[a-z]+", line.lower())) & _FIELD_OTHERS:
            continue
        for mark in find_age_marks(line, today=context.today):
            if mark.age is not None:
                verdicts.add(Adulthood.ADULT if mark.age >= ADULT_AGE else Adulthood.CHILD)
    return verdicts.pop() if len(verdicts) == 1 else Adulthood.UNKNOWN


def described_pronoun(c: Candidate) -> str | None:
    """Return she, he or they for the person the words describe, or None if the text does not say.

    Replacements and hints speak of that person ("placed at risk by the adults exploiting her"),
    so they need the person found the way the adulthood judgement finds them: a pronoun is taken
    as it is, a noun by its gender or number ("the boys": they), and a name by a later pronoun
    that stands for it ("Kayleigh ... She is streetwise").
    """
    i = _described_person(c)
    if i is None:
        return None
    word = c.doc[i].lower_
    if word in _PRONOUNS:
        return _pronoun_group(word)
    by_noun = [(_PLURAL_NOUNS, "they"), (_FEMALE_NOUNS, "she"), (_MALE_NOUNS, "he")]
    found = next((who for nouns, who in by_noun if word in nouns), None)
    if found is not None or not _is_name(c, i):
        return found
    later = (k for k in range(i + 1, min(len(c.doc), i + 120)) if c.doc[k].lower_ in _GENDERED_PRONOUNS)
    return next((_pronoun_group(c.doc[k].lower_) for k in later if _antecedent(c, k) == i), None)


def _pronoun_group(word: str) -> str:
    return "she" if word in _FEMALE else "he" if word in _MALE else "they"
