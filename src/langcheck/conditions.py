"""Named context conditions that rule files list under `unless:`.

Each condition answers one question about a candidate match ("is it negated?", "is a suspect
the subject?"). They are defined here once, in plain words, and rule files refer to them by
name, so the same judgement is made the same way by every rule. A condition that holds drops
the candidate.

`quoted` and `mention` are universal: the engine applies them to every rule (see engine.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from langcheck.context import Marker, TextContext


@dataclass(frozen=True, slots=True)
class Candidate:
    """A match before its conditions are checked: where it is and what surrounds it."""

    doc: Any  # spacy.tokens.Doc; typed loosely so this module never imports spaCy
    start: int  # token index
    end: int  # token index, exclusive
    sent_start: int  # token index of the sentence start
    sent_end: int
    context: TextContext
    next_sent_end: int = -1  # end of the following sentence (-1: there is none)

    @property
    def char_start(self) -> int:
        return int(self.doc[self.start].idx)

    @property
    def char_end(self) -> int:
        last = self.doc[self.end - 1]
        return int(last.idx + len(last.text))

    def words_before(self, limit: int, *, clause: bool = True) -> list[str]:
        """Return up to `limit` lower-case words before the match, nearest last.

        With `clause`, stop at a clause boundary (; : or a dash), so that a negation or a
        subject in an earlier clause does not count.
        """
        out: list[str] = []
        i = self.start - 1
        while i >= self.sent_start and len(out) < limit:
            word = self.doc[i].lower_
            if clause and word in _CLAUSE_BREAKS:
                break
            out.append(word)
            i -= 1
        out.reverse()
        return out

    def words_after(self, limit: int) -> list[str]:
        """Return up to `limit` lower-case words after the match, in the same sentence."""
        stop = min(self.sent_end, self.end + limit)
        return [self.doc[i].lower_ for i in range(self.end, stop)]

    @property
    def sentence_chars(self) -> tuple[int, int]:
        first = self.doc[self.sent_start]
        last = self.doc[self.sent_end - 1]
        return int(first.idx), int(last.idx + len(last.text))


_CLAUSE_BREAKS = frozenset({";", ":", "\u2014", "\u2013", "--", "but", "however", "whereas", "although"})

_NEGATIONS = frozenset({"not", "n't", "never", "no", "nor", "neither", "without", "cannot", "nothing"})
_NEGATING_PHRASES: tuple[tuple[str, str], ...] = (
    ("rather", "than"),
    ("instead", "of"),
)


def negated(c: Candidate) -> bool:
    """A negation shortly before the match, in the same clause, reverses it ("did not consent")."""
    before = c.words_before(6)
    if any(w in _NEGATIONS for w in before):
        return True
    pairs = set(zip(before, before[1:], strict=False))
    return any(p in pairs for p in _NEGATING_PHRASES)


_MENTION_CUES = frozenset(
    {
        "term",
        "terms",
        "word",
        "words",
        "phrase",
        "phrases",
        "label",
        "labels",
        "language",
        "wording",
        "wordings",
        "expression",
        "expressions",
        "so-called",
        "euphemism",
        "euphemisms",
        "slang",
        "jargon",
        "describing",
        "terminology",
    }
)
_MENTION_AFTER = (
    ("should", "not", "be", "used"),
    ("should", "never", "be", "used"),
    ("is", "victim", "-", "blaming"),
    ("is", "victim", "blaming"),
    ("was", "corrected"),
    ("has", "been", "corrected"),
    ("was", "changed", "to"),
    ("was", "replaced"),
    ("has", "been", "replaced"),
    ("is", "not", "appropriate"),
    ("is", "inappropriate"),
)


def mention(c: Candidate) -> bool:
    """The words are named as words ("the term 'absconded'"), not used to describe anyone."""
    before = c.words_before(4, clause=False)
    if any(w in _MENTION_CUES for w in before):
        return True
    if before[-2:] == ["so", "-"] or before[-3:-1] == ["so", "-"]:
        return True
    after = tuple(c.words_after(5))
    return any(after[: len(p)] == p for p in _MENTION_AFTER) or any(
        after[1 : 1 + len(p)] == p and after[0] in ("'", '"', "\u2019", "\u201d") for p in _MENTION_AFTER
    )


_PERPETRATOR_WORDS = frozenset(
    {
        "suspect",
        "suspects",
        "offender",
        "offenders",
        "perpetrator",
        "perpetrators",
        "defendant",
        "defendants",
        "accused",
        "abuser",
        "abusers",
        "exploiter",
        "exploiters",
        "groomer",
        "groomers",
        "trafficker",
        "traffickers",
        "ocg",
        "gang",
        "men",
        "males",
        "adults",
        "nominal",
        "nominals",
        "man",
        "he",
        "they",
        "group",
        "network",
        "dealer",
        "dealers",
        "elders",
        "perps",
    }
)
_VICTIM_WORDS = frozenset(
    {
        "she",
        "her",
        "victim",
        "victims",
        "child",
        "children",
        "girl",
        "girls",
        "boy",
        "boys",
        "yp",
        "complainant",
        "survivor",
        "daughter",
        "son",
        "pupil",
        "teenager",
        "herself",
        "himself",
        "themselves",
    }
)


def perpetrator_subject(c: Candidate) -> bool:
    """The nearest actor before the match is a suspect or adult, not the victim.

    Labels and choices aimed at an abuser ("the suspect is manipulative", "he chose to remain
    silent") describe the abuser, which is not victim blaming.
    """
    for word in reversed(c.words_before(12)):
        if word in _PERPETRATOR_WORDS:
            return True
        if word in _VICTIM_WORDS:
            return False
    return False


def adult_subject(c: Candidate) -> bool:
    """The sentence gives an adult's age (18 or over) and nothing in it points to a child."""
    s, e = c.sentence_chars
    marks = c.context.marks_in(s, e)
    return any(m.marker is Marker.ADULT for m in marks) and not any(
        (m.marker is Marker.CHILD and m.age is None) or (m.age is not None and m.age < 18) for m in marks
    )


_PEER_WORDS = frozenset({"peer", "peers", "same-age", "classmate", "classmates", "similar"})


def peer(c: Candidate) -> bool:
    """The other person is the same age group: an age under 18 given right by the match
    ("her boyfriend, also 15", "boyfriend (16)"), or the text calls them a peer.
    """
    s, e = c.sentence_chars
    window_start = max(s, c.char_start - 40)
    window_end = min(e, c.char_end + 25)
    marks = c.context.marks_in(window_start, window_end)
    ages = [m.age for m in marks if m.age is not None]
    if ages and all(age < 18 for age in ages):
        return True
    words = set(c.words_before(8, clause=False)) | set(c.words_after(8))
    return bool(words & _PEER_WORDS) or "same age" in c.context.text[s:e].lower()


_OFFENCE_CUES = (
    ("charged", "with"),
    ("convicted", "of"),
    ("suspicion", "of"),
    ("offence", "of"),
    ("offences", "of"),
    ("arrested", "for"),
    ("guilty", "of"),
    ("count", "of"),
    ("counts", "of"),
    ("cautioned", "for"),
    ("investigated", "for"),
    ("offence", ":"),
    ("recorded", ":"),
    ("crime", "recorded"),
    ("inciting", "a"),
)


def offence_title(c: Candidate) -> bool:
    """The words are part of a statutory offence title or charge wording.

    "Charged with sexual activity with a child contrary to s.9" names an offence; the law's own
    wording is not the writer's description of the child.
    """
    before = c.words_before(10, clause=False)
    pairs = set(zip(before, before[1:], strict=False))
    if any(p in pairs for p in _OFFENCE_CUES):
        return True
    after = c.words_after(8)
    return "contrary" in after or any(w.startswith(("s.", "section")) for w in after)


_PEER_PARTNER_CUES = frozenset({"peer", "peers", "classmate", "classmates"})
_PEER_PARTNER_PAIRS = (("same", "age"), ("similar", "age"), ("age", "appropriate"))
_PARTNER_WORDS = frozenset({"boyfriend", "girlfriend", "partner", "friend", "classmate"})
_WORD_RE = re.compile(r"[a-z]+")


def peer_partner(c: Candidate) -> bool:
    """The child's partner is a peer: "same age", "peer" or "age-appropriate" in the sentence,
    a same-age group ("two 15-year-olds", "both 16", "also 15"), or a boyfriend, girlfriend
    or partner after the match whose age is under 18 ("with her boyfriend (16)").

    Unlike `peer`, the child's own age just before the match ("Jasmine (14) is sexually
    active") does not count. Never holds when the sentence gives an adult's age or an age
    under 13 (a child under 13 cannot consent in law, so it is never a peer case).
    """
    s, e = c.sentence_chars
    marks = c.context.marks_in(s, e)
    if any(m.marker is Marker.ADULT or (m.age is not None and m.age < 13) for m in marks):
        return False
    for m in marks:  # "two 15-year-olds", "both 16", "also 15": a group of the same age
        said = c.context.text[m.start : m.end].lower()
        if m.age is not None and (said.endswith("olds") or said.startswith(("both", "also"))):
            return True
    words = [t.lower_ for t in c.doc[c.sent_start : c.sent_end] if t.lower_ != "-"]
    if set(words) & _PEER_PARTNER_CUES or set(zip(words, words[1:], strict=False)) & set(_PEER_PARTNER_PAIRS):
        return True
    window_end = min(e, c.char_end + 40)
    ages = [m.age for m in c.context.marks_in(c.char_end, window_end) if m.age is not None]
    partner = set(_WORD_RE.findall(c.context.text[c.char_end : window_end].lower())) & _PARTNER_WORDS
    return bool(ages) and bool(partner) and all(age < 18 for age in ages)


_REFRAME_CUES = (
    ("this", "is"),
    ("this", "was"),
    ("which", "is"),
    ("recorded", "as"),
    ("treated", "as"),
    ("assessed", "as"),
    ("consistent", "with"),
    ("amounts", "to"),
    ("constitutes",),
)
_ABUSE_WORDS = frozenset(
    {
        "exploitation",
        "exploited",
        "abuse",
        "abused",
        "rape",
        "raped",
        "assault",
        "assaulted",
        "grooming",
        "groomed",
        "cse",
        "csa",
        "coercion",
        "coerced",
        "trafficking",
        "trafficked",
    }
)


def abuse_named(c: Candidate) -> bool:
    """Later in the same sentence the writer names the act as abuse ("...; this is sexual
    exploitation by the man", "recorded as sexual assault", "consistent with grooming").
    """
    after = c.words_after(30)
    for i in range(len(after)):
        for cue in _REFRAME_CUES:
            n = len(cue)
            if tuple(after[i : i + n]) == cue and _ABUSE_WORDS & set(after[i + n : i + n + 4]):
                return True
    return False


_SEXUAL_WORDS = frozenset(
    {
        "sex",
        "sexual",
        "sexually",
        "sexualised",
        "touch",
        "touched",
        "touching",
        "kiss",
        "kissed",
        "kissing",
        "nude",
        "nudes",
        "naked",
        "explicit",
        "indecent",
        "intimate",
        "oral",
        "undress",
        "undressed",
        "photos",
        "photographs",
        "pictures",
        "pics",
        "images",
        "videos",
        "intercourse",
    }
)


def non_sexual(c: Candidate) -> bool:
    """Nothing in the sentence is sexual (sex, sexual, touch, kiss, nudes, images...): an
    exchange such as "cannabis in return for carrying a package" is about something else.
    """
    return not {t.lower_ for t in c.doc[c.sent_start : c.sent_end]} & _SEXUAL_WORDS


_SEXUAL_HEALTH_WORDS = frozenset({"contraception", "contraceptive", "condoms", "gum", "nurse", "clinic"})


def sexual_health_note(c: Candidate) -> bool:
    """A sexual-health note about a 16- or 17-year-old ("contraception advice given", "school
    nurse", "sexual-health clinic"), with no adult's age and no younger age in the sentence.
    """
    s, e = c.sentence_chars
    ages = [m.age for m in c.context.marks_in(s, e) if m.age is not None]
    if not ages or any(age < 16 or age >= 18 for age in ages):
        return False
    words = [t.lower_ for t in c.doc[c.sent_start : c.sent_end] if t.lower_ != "-"]
    pairs = set(zip(words, words[1:], strict=False))
    return bool(set(words) & _SEXUAL_HEALTH_WORDS) or ("sexual", "health") in pairs


_ADULT_ACTOR_WORDS = (_PERPETRATOR_WORDS - {"he", "they", "nominal", "nominals"}) | {
    "adult",
    "holder",
    "holders",
    "olders",
    "line-holder",
}
_AMBIGUOUS_ACTORS = frozenset({"he", "him", "his", "they", "them", "their"})


def adult_actor(c: Candidate) -> bool:
    """The nearest actor before the match, in its clause, is an adult noun (suspect, OCG, men).

    Like `perpetrator_subject`, but "he" and "they" stop the search instead of counting as
    the suspect: in criminal-exploitation notes the exploited boy is usually "he", so "He has
    been dealing for the line" is about the child, while "The OCG has been dealing" is not.
    "Nominal" does not count either: intelligence systems list exploited children as nominals.
    """
    for word in reversed(c.words_before(12)):
        if word in _ADULT_ACTOR_WORDS:
            return True
        if word in _VICTIM_WORDS or word in _AMBIGUOUS_ACTORS:
            return False
    return False


_RATIONALE_WORDS = frozenset({"because", "rationale", "reason", "reasons", "reasoning"})
_RATIONALE_PAIRS = frozenset(
    {("due", "to"), ("owing", "to"), ("given", "that"), ("based", "on"), ("on", "the", "basis")}
)
_NO_MARKER_WORDS = frozenset({"markers", "marker", "indicators", "indicator", "concerns", "flags", "factors"})


def rationale_given(c: Candidate) -> bool:
    """The writer gives a reason for the grading in the same or the next sentence.

    A risk grade or category is fine when it is recorded with its grounds: "because...",
    "due to...", "rationale: ...", or an explicit finding such as "no exploitation markers".
    """
    doc = c.doc
    stop = c.sent_end
    if stop < len(doc) and c.next_sent_end > stop:
        stop = c.next_sent_end
        para_end = c.context.paragraph_of(c.char_start)[1]
        while stop > c.sent_end and doc[stop - 1].idx >= para_end:
            stop -= 1
    words = [doc[i].lower_ for i in range(c.sent_start, stop) if not c.start <= i < c.end]
    if _RATIONALE_WORDS & set(words):
        return True
    for i, word in enumerate(words):
        if any(tuple(words[i : i + len(p)]) == p for p in _RATIONALE_PAIRS):
            return True
        if word == "no" and _NO_MARKER_WORDS & set(words[i + 1 : i + 5]):
            return True
    return False


_ATTRIBUTION_SUBJECTS = (_PERPETRATOR_WORDS - {"men", "males", "adults", "group", "network", "gang"}) | {
    "defence",
    "counsel",
    "barrister",
    "male",
}
_REPORTING_WORDS = frozenset(
    {
        "said",
        "says",
        "say",
        "stated",
        "states",
        "claims",
        "claimed",
        "claim",
        "told",
        "tells",
        "alleges",
        "alleged",
        "maintains",
        "maintained",
        "suggested",
        "suggests",
        "insists",
        "insisted",
        "believes",
        "believed",
        "described",
        "describes",
        "asserted",
        "asserts",
        "argued",
        "argues",
        "explained",
        "account",
        "version",
        "interview",
        "statement",
    }
)
_ACCOUNT_BREAKS = frozenset({";", "but", "however", "whereas", "although"})


def suspect_account(c: Candidate) -> bool:
    """The sentence reports what a suspect or the defence said ("The suspect told officers she
    had been flirting with him", "Defence counsel suggested she regretted it").

    The writer is recording the suspect's account as evidence, not adopting it. Holds when a
    reporting word (said, told, claims, suggested, account...) comes before the match in the
    same clause and a suspect, offender, "he" or the defence is within four words before it,
    or when the clause starts "according to the suspect".
    """
    words: list[str] = []
    i = c.start - 1
    while i >= c.sent_start and len(words) < 25:
        word = c.doc[i].lower_
        if word in _ACCOUNT_BREAKS:
            break
        words.append(word)
        i -= 1
    words.reverse()
    for j, word in enumerate(words):
        if word in _REPORTING_WORDS and _ATTRIBUTION_SUBJECTS & set(words[max(0, j - 4) : j]):
            return True
        if word == "according" and _ATTRIBUTION_SUBJECTS & set(words[j + 1 : j + 4]):
            return True
    return False


_VICTIM_NOUNS = _VICTIM_WORDS - {"she", "her", "herself", "himself", "themselves"}
_OTHER_PEOPLE = _PERPETRATOR_WORDS | {
    "male",
    "adult",
    "him",
    "his",
    "them",
    "their",
    "mum",
    "mother",
    "dad",
    "father",
    "stepfather",
    "stepdad",
    "stepmother",
    "stepmum",
    "parent",
    "parents",
    "carer",
    "carers",
    "staff",
    "officer",
    "officers",
    "police",
    "pc",
    "dc",
    "ds",
    "worker",
    "teacher",
    "neighbour",
    "neighbours",
    "witness",
    "witnesses",
    "solicitor",
    "counsel",
    "defence",
    "brother",
    "sister",
    "uncle",
    "aunt",
    "grandmother",
    "grandfather",
    "friend",
    "friends",
    "partner",
    "boyfriend",
    "husband",
    "wife",
    "caller",
    "informant",
    "landlord",
    "family",
    "address",
}


def not_about_victim(c: Candidate) -> bool:
    """Nothing shows that the words are about the victim or child: the nearest person before
    them in the clause is a suspect, adult, parent, professional or other third party, or
    there is no person at all.

    For wording that only blames when aimed at the victim's own account ("alleged",
    "claims", "known to police"): "Lucy (12) claims..." and "the alleged victim" are kept,
    "He claims he was at work" and "the alleged offender" are not. A child's age right
    before the match ("Lucy (12)") and victim nouns inside it ("alleged victim") count as
    the victim; a bare first name does not, so this condition favours silence.
    """
    if any(c.doc[i].lower_ in _VICTIM_NOUNS for i in range(c.start, c.end)):
        return False
    s, e = c.sentence_chars
    ages = [m for m in c.context.marks_in(s, e) if m.age is not None and m.age < 18]
    i, seen = c.start - 1, 0
    while i >= c.sent_start and seen < 12:
        tok = c.doc[i]
        word = tok.lower_
        if word in _CLAUSE_BREAKS:
            break
        tok_end = tok.idx + len(tok.text)
        if word in _VICTIM_WORDS or any(m.start < tok_end and tok.idx < m.end for m in ages):
            return False
        if word in _OTHER_PEOPLE:
            return True
        i -= 1
        seen += 1
    return True


_AGE_LEAD = frozenset({"aged", "age", "also", "both", "turned", "turns"})
_AGE_COPULA = frozenset({"is", "was", "now"})
_AGE_ENDS = frozenset({",", ".", ";", ")", "and", "but", "who", "when", "now", "at", "is", "was", "has", "had"})
_DECADES = {"twenties": 25, "thirties": 35, "forties": 45, "fifties": 55, "sixties": 65, "teens": 15}


def _token_age(doc: Any, i: int) -> int | None:
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


_ADULT_SIGNAL_WORDS = frozenset(
    {
        "man",
        "men",
        "adult",
        "adults",
        "older",
        "elder",
        "elders",
        "grown",
        "grown-up",
        "suspect",
        "suspects",
        "offender",
        "perpetrator",
        "abuser",
        "exploiter",
        "nominal",
        "nominals",
    }
)


def no_adult_signal(c: Candidate) -> bool:
    """Nothing in the sentence shows an adult: no age of 18 or over, no adult word (man,
    adult, older, elders, suspect) and no adult role (teacher, coach) just before the match.

    A relationship word for a child ("her boyfriend", "in a relationship with") blames only
    when the other person is an adult; with no sign of one, it is read as a peer relationship.
    """
    s, e = c.sentence_chars
    if any(m.marker is Marker.ADULT for m in c.context.marks_in(s, e)):
        return False
    for i in range(c.sent_start, c.sent_end):
        if c.doc[i].lower_ in _ADULT_SIGNAL_WORDS:
            return False
        age = _token_age(c.doc, i)
        if age is not None and age >= 18:
            return False
    return _owner_before(c) != "adult"  # "Her PE teacher had been in a relationship with her"


_OWNER_OTHER_WORDS = frozenset(
    {
        "mum",
        "mums",
        "mother",
        "mom",
        "mummy",
        "dad",
        "father",
        "daddy",
        "stepmum",
        "stepmother",
        "stepdad",
        "stepfather",
        "parent",
        "parents",
        "carer",
        "carers",
        "grandmother",
        "grandfather",
        "nan",
        "nana",
        "gran",
        "granny",
        "grandad",
        "grandma",
        "grandpa",
        "aunt",
        "auntie",
        "aunty",
        "uncle",
        "sister",
        "brother",
        "cousin",
        "friend",
        "woman",
        "women",
        "wife",
        "husband",
    }
)
_OWNER_CHILD_WORDS = frozenset({"child", "girl", "boy", "yp", "daughter", "son", "pupil", "teenager"})
_OWNER_ADULT_WORDS = frozenset(
    {
        "suspect",
        "suspects",
        "offender",
        "perpetrator",
        "man",
        "men",
        "male",
        "teacher",
        "tutor",
        "coach",
        "instructor",
        "lecturer",
        "leader",
        "priest",
        "vicar",
        "imam",
        "lifeguard",
        "landlord",
        "employer",
        "boss",
        "driver",
    }
)


def _owner_before(c: Candidate) -> str | None:
    """Return "child", "other" (a parent, relative or woman) or "adult" for the nearest person
    before the match in its clause, or None if there is none. A name counts as the child.
    """
    doc = c.doc
    for i in range(c.start - 1, max(c.sent_start, c.start - 12) - 1, -1):
        tok = doc[i]
        word = tok.lower_
        if word in _CLAUSE_BREAKS:
            return None
        age = _token_age(doc, i)
        if age is not None:  # "Her mother, 38, ..." is the mother's
            near = {t.lower_ for t in doc[max(c.sent_start, i - 3) : i]}
            kind = "other" if near & _OWNER_OTHER_WORDS else "adult" if age >= 18 else "child"
        elif word in _OWNER_OTHER_WORDS:
            kind = "other"
        elif word in _OWNER_ADULT_WORDS:
            kind = "adult"
        elif word in _OWNER_CHILD_WORDS or (tok.is_title and i > c.sent_start):
            kind = "child"
        else:
            continue
        return kind
    return None


def adult_owner(c: Candidate) -> bool:
    """The relationship word belongs to someone other than the child: the nearest person
    before it in the clause is a parent, relative, friend or woman ("Mum's partner", "her
    mother and her boyfriend"), or an adult ("The victim, aged 34, was assaulted by her
    boyfriend"; "the man and his girlfriend") unless a child's age or a child word comes with
    the relationship word itself ("his girlfriend, aged 14") or the word stands in apposition
    to that adult ("a 34-year-old man, her partner").
    """
    doc = c.doc
    j = c.end  # the words that follow, up to the end of the phrase, describe the partner
    while j < min(c.end + 8, c.sent_end) and doc[j].lower_ not in _CLAUSE_BREAKS | {"and"}:
        j += 1
    if any(doc[i - 1].lower_ == "both" and (_token_age(doc, i) or 0) >= 18 for i in range(c.end, j)):
        return True  # "her partner, both 20": an adult couple
    owner = _owner_before(c)
    if owner != "adult":
        return owner == "other"
    ages_with_word = (_token_age(doc, i) for i in range(c.start, j))
    child_partner = any(age is not None and age < 18 for age in ages_with_word) or any(
        m.marker is Marker.CHILD for m in c.context.marks_in(c.char_end, int(doc[j - 1].idx) + len(doc[j - 1]))
    )
    appositive = c.start > c.sent_start and doc[c.start - 1].lower_ == ","
    return not child_partner and not appositive


_PARTNER_NOUNS = frozenset({"boyfriend", "girlfriend", "partner", "ex-partner", "stepdad", "stepmum"})
_PRONOUN_STOPS = frozenset({"she", "he", "they", "her", "him", "them", "herself", "himself", "themselves", "i", "you"})


def relative_subject(c: Candidate) -> bool:
    """The nearest person before the match, in its clause, is a parent, relative, partner or
    woman ("her mum can look after herself"), so the words describe them, not the child.
    A pronoun or a name stops the search ("Mum says she is mature for her age" is about the child).
    """
    for i in range(c.start - 1, max(c.sent_start, c.start - 10) - 1, -1):
        tok = c.doc[i]
        word = tok.lower_
        if word in _CLAUSE_BREAKS or word in _PRONOUN_STOPS or word in _OWNER_CHILD_WORDS:
            return False
        if word in _OWNER_OTHER_WORDS or word in _PARTNER_NOUNS:
            return True
        if tok.is_title and i > c.sent_start:
            return False
    return False


_THING_WORDS = frozenset(
    {
        "dog",
        "dogs",
        "animal",
        "situation",
        "address",
        "area",
        "location",
        "place",
        "road",
        "roads",
        "environment",
        "flat",
        "house",
        "property",
        "estate",
        "street",
        "it",
        "this",
        "that",
        "weapon",
        "knife",
        "driving",
        "journey",
        "route",
        "car",
        "vehicle",
        "conditions",
        "roof",
        "building",
        "park",
        "river",
        "railway",
        "water",
    }
)


def thing_subject(c: Candidate) -> bool:
    """The nearest noun before the match, in its clause, names a thing or place ("the road
    outside the school is dangerous", "the dog is aggressive"), not a person.
    """
    for i in range(c.start - 1, max(c.sent_start, c.start - 8) - 1, -1):
        tok = c.doc[i]
        word = tok.lower_
        if word in _CLAUSE_BREAKS or word in _PRONOUN_STOPS or word in _OWNER_CHILD_WORDS:
            return False
        if word in _THING_WORDS:
            return True
        if _token_age(c.doc, i) is not None or word in _OWNER_OTHER_WORDS | _OWNER_ADULT_WORDS:
            return False
    return False


def peer_age(c: Candidate) -> bool:
    """An age under 18 is given with the relationship word itself ("her boyfriend, also 15",
    "an older boyfriend (16)", "her 16-year-old boyfriend") and no age of 18 or over is.

    Unlike `peer`, the child's own age before the match ("Chloe (14) is with her boyfriend")
    does not count, so it cannot hide an adult partner whose age comes later; and it never
    holds when an adult is the subject ("the tutor, 32, is in a relationship with the 14-year-old").
    """
    j = c.end  # the rest of the clause
    while j < min(c.end + 10, c.sent_end) and c.doc[j].lower_ not in _CLAUSE_BREAKS:
        j += 1
    if any(c.doc[i].lower_ in _ADULT_SIGNAL_WORDS - {"older"} for i in range(c.start, j)):
        return False  # "with an adult male he met when he was 13"; "older boys (15)" can be peers
    ages = [age for age in (_token_age(c.doc, i) for i in range(c.start, j)) if age is not None]
    return bool(ages) and all(age < 18 for age in ages) and _owner_before(c) != "adult"


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
    """The same or the next sentence records that the relationship was assessed as
    age-appropriate or free of exploitation ("no power imbalance", "no coercion", "no age gap").
    """
    doc = c.doc
    stop = c.sent_end
    if stop < len(doc) and c.next_sent_end > stop:
        stop = c.next_sent_end
    words = [doc[i].lower_ for i in range(c.sent_start, stop)]
    return any(tuple(words[i : i + len(cue)]) == cue for i in range(len(words)) for cue in _ASSESSED_CUES)


def adult_age(c: Candidate) -> bool:
    """The age given nearest the match, within a few words, is 18 or over ("the young woman,
    23", "a young man in his twenties", "her son, 19, is very mature"): it describes an adult.
    """
    best: tuple[int, int] | None = None
    for i in range(max(c.sent_start, c.start - 6), min(c.sent_end, c.end + 8)):
        age = _token_age(c.doc, i)
        if age is None:
            continue
        distance = c.start - i if i < c.start else max(0, i - c.end + 1)
        if best is None or distance < best[0]:
            best = (distance, age)
    return best is not None and best[1] >= 18


_CLAIM_VERBS = frozenset(
    {
        "said",
        "says",
        "claimed",
        "claims",
        "claim",
        "stated",
        "states",
        "told",
        "tells",
        "believed",
        "believes",
        "thought",
        "thinks",
        "maintained",
        "maintains",
        "insisted",
        "insists",
        "alleged",
        "alleges",
        "asserted",
        "asserts",
        "argued",
        "argues",
        "suggested",
        "suggests",
        "assumed",
        "assumes",
    }
)
_CLAIMANTS = frozenset(
    {"suspect", "suspects", "defendant", "defendants", "accused", "offender", "perpetrator", "defence", "man"}
)


def suspect_claim(c: Candidate) -> bool:
    """The words report what a suspect or the defence claimed or believed ("the suspect said
    she looked 18"): the claim is evidence to record, not the writer's own description.
    """
    before = c.words_before(15, clause=False)
    return any(w in _CLAIM_VERBS and _CLAIMANTS & set(before[max(0, j - 4) : j]) for j, w in enumerate(before))


_DOWNGRADE_WORDS = frozenset(
    {
        "lowered",
        "lower",
        "reduced",
        "reduce",
        "downgraded",
        "downgrade",
        "decreased",
        "low",
        "medium",
        "nfa",
        "closed",
        "closure",
        "cope",
        "copes",
        "coping",
        "therefore",
    }
)
_DOWNGRADE_PAIRS = frozenset(
    {
        ("not", "high"),
        ("not", "considered"),
        ("not", "assessed"),
        ("not", "deemed"),
        ("no", "further"),
        ("step", "down"),
        ("stepped", "down"),
        ("less", "vulnerable"),
        ("less", "at"),
        ("not", "at"),
        ("not", "vulnerable"),
        ("no", "need"),
        ("not", "required"),
        ("no", "referral"),
    }
)


def no_risk_downgrade(c: Candidate) -> bool:
    """Nothing in the sentence lowers a risk grading or closes the case ("risk lowered",
    "not considered high", "NFA"): a strength such as "resilient" recorded alongside the
    risk is good practice; it blames only when it is used to reduce the response.
    """
    words = [t.lower_ for t in c.doc[c.sent_start : c.sent_end]]
    if set(words) & _DOWNGRADE_WORDS:
        return False
    return not {tuple(words[k : k + 2]) for k in range(len(words) - 1)} & _DOWNGRADE_PAIRS


# --- Minimising / offender-minimising: domestic-abuse context, who did what, attribution ---

_ABUSE_CONTEXT_PREFIXES = (
    "assault",
    "attack",
    "abus",
    "violen",
    "strangl",
    "throttl",
    "punch",
    "slap",
    "headbutt",
    "shov",
    "injur",
    "bruis",
    "fractur",
    "bleed",
    "wound",
    "murder",
    "kill",
    "threat",
    "rape",
    "suspect",
    "perpetrator",
    "offender",
    "victim",
    "arrest",
    "domestic",
    "coerci",
)
_ABUSE_CONTEXT_WORDS = frozenset(
    {
        "stab",
        "stabbed",
        "stabbing",
        "choke",
        "choked",
        "chokes",
        "choking",
        "kick",
        "kicked",
        "kicking",
        "kicks",
        "hit",
        "hits",
        "hitting",
        "struck",
        "beat",
        "beaten",
        "beating",
        "pushed",
        "pushing",
        "grabbed",
        "bit",
        "bitten",
        "threw",
        "thrown",
        "smashed",
        "cut",
        "cuts",
        "broken",
        "blood",
        "bloody",
        "hospital",
        "a&e",
        "scratch",
        "scratches",
        "scratched",
        "swelling",
        "homicide",
        "manslaughter",
        "dead",
        "death",
        "gbh",
        "abh",
        "knife",
        "weapon",
        "charged",
        "controlling",
        "dash",
        "marac",
        "idva",
        "dvpn",
        "dvpo",
        "swollen",
        "concussion",
        "unconscious",
        "burns",
        "scalded",
        "scalding",
    }
)


def no_abuse_context(c: Candidate) -> bool:
    """Nothing in the paragraph points to abuse or violence (assault, strangled, bruising,
    injury, domestic, suspect, victim, arrested, MARAC...).

    For words that minimise only when they stand for abuse ("argument", "tiff", "both
    parties", "witnessed", "tragedy", "family man"): "Neighbours had a dispute about parking"
    is not a crime recast as a squabble. A cue just after a negation ("no violence or
    threats", "no concerns of abuse") does not count.
    """
    ps, pe = c.context.paragraph_of(c.char_start)
    doc = c.doc
    for tok in doc:
        if tok.idx < ps:
            continue
        if tok.idx >= pe:
            break
        word = tok.lower_
        black_eye = word == "eye" and tok.i > 0 and doc[tok.i - 1].lower_ == "black"
        if black_eye or word in _ABUSE_CONTEXT_WORDS or word.startswith(_ABUSE_CONTEXT_PREFIXES):
            before = {doc[k].lower_ for k in range(max(0, tok.i - 3), tok.i)}
            if not before & _CONTEXT_NEGATIONS:
                return False
    return True


_CONTEXT_NEGATIONS = frozenset({"no", "not", "n't", "without", "nil", "never", "none"})


_VIOLENCE_VERBS = frozenset(
    {
        "assaulted",
        "assaults",
        "punched",
        "punches",
        "hit",
        "hits",
        "strangled",
        "strangles",
        "kicked",
        "kicks",
        "pushed",
        "pushes",
        "slapped",
        "slaps",
        "stabbed",
        "stabs",
        "headbutted",
        "attacked",
        "attacks",
        "threw",
        "grabbed",
        "choked",
        "bit",
        "struck",
        "beat",
        "raped",
        "throttled",
        "shoved",
        "dragged",
        "threatened",
    }
)
_VIOLENT_ACTORS = frozenset(
    {
        "he",
        "she",
        "suspect",
        "male",
        "female",
        "man",
        "woman",
        "partner",
        "husband",
        "wife",
        "boyfriend",
        "girlfriend",
        "father",
        "stepfather",
        "mother",
        "dad",
        "offender",
        "perpetrator",
        "defendant",
        "accused",
    }
)
_ACTOR_GAP_WORDS = frozenset(
    {
        "then",
        "repeatedly",
        "also",
        "allegedly",
        "deliberately",
        "had",
        "has",
        "later",
        "again",
        "immediately",
        "reportedly",
        "subsequently",
        "suddenly",
    }
)


def actor_named(c: Candidate) -> bool:
    """The sentence says who was violent: a person word right before a violence verb ("he
    punched her", "the suspect assaulted her", "Dawson struck her").

    "They had an argument and he punched her" records who did what; "There was an argument
    and she sustained a fractured wrist" does not.
    """
    toks = c.doc[c.sent_start : c.sent_end]
    for i, tok in enumerate(toks):
        if tok.lower_ not in _VIOLENCE_VERBS:
            continue
        j = i - 1
        while j >= 0 and toks[j].lower_ in _ACTOR_GAP_WORDS:
            j -= 1
        if j < 0:
            continue
        prev = toks[j]
        if prev.lower_ in _VIOLENT_ACTORS or (j > 0 and prev.text[:1].isupper() and prev.is_alpha):
            return True
    return False


_ATTRIBUTING_WORDS = frozenset(
    {
        "said",
        "says",
        "say",
        "told",
        "tells",
        "tell",
        "claimed",
        "claims",
        "claim",
        "stated",
        "states",
        "admitted",
        "admits",
        "explained",
        "explains",
        "insisted",
        "insists",
        "maintained",
        "maintains",
        "described",
        "describes",
        "accepted",
        "accepts",
        "denied",
        "denies",
        "according",
        "account",
        "called",
        "calls",
        "suggested",
        "argued",
        "argues",
        "asserted",
        "asserts",
    }
)


def child_subject(c: Candidate) -> bool:
    """The nearest person before the match, in its clause, is a child (the boy, YP, Jayden
    (14), the 12-year-old): the words describe a child's own behaviour, not an offender's.

    "The boy (12) lashed out at staff when restrained" records a child's distress; it is not
    an excuse for an abuser's violence.
    """
    return _nearest_person(c) == "child"


def attributed(c: Candidate) -> bool:
    """The words are someone's reported account, not the writer's: a reporting word (said,
    told, claimed, described... as, according to, account) shortly before, in the same clause.

    "A neighbour described him as a family man" and "he told officers he snapped" record what
    was said; the guidance asks writers to attribute such words rather than adopt them.
    """
    return any(w in _ATTRIBUTING_WORDS for w in c.words_before(8))


_ABUSE_NOUNS_AFTER = frozenset(
    {
        "abuse",
        "abuses",
        "abused",
        "csa",
        "cse",
        "exploitation",
        "offence",
        "offences",
        "offending",
        "rape",
        "rapes",
        "allegation",
        "allegations",
        "assault",
        "assaults",
        "disclosure",
        "disclosures",
        "abuser",
        "abusers",
    }
)


def no_abuse_after(c: Candidate) -> bool:
    """None of the next three words names abuse or an offence: "historic town centre" is
    left alone, "historic (child) (sexual) abuse" or "historic allegations" is not.
    """
    return not set(c.words_after(3)) & _ABUSE_NOUNS_AFTER


_CHILD_SUBJECTS = frozenset(
    {
        "children",
        "child",
        "kids",
        "kid",
        "son",
        "sons",
        "daughter",
        "daughters",
        "baby",
        "babies",
        "toddler",
        "toddlers",
        "siblings",
        "boy",
        "boys",
        "girl",
        "girls",
        "yp",
        "stepson",
        "stepdaughter",
        "grandchildren",
        "infant",
        "old",
        "olds",
        "pupil",
        "pupils",
        "teenager",
        "teenagers",
        "twins",
    }
)
_GROWN_SUBJECTS = frozenset(
    {
        "he",
        "she",
        "i",
        "we",
        "mother",
        "mum",
        "father",
        "dad",
        "neighbour",
        "neighbours",
        "woman",
        "man",
        "male",
        "female",
        "officer",
        "officers",
        "police",
        "pc",
        "partner",
        "husband",
        "wife",
        "grandmother",
        "grandfather",
        "nan",
        "victim",
        "suspect",
        "witness",
        "witnesses",
        "adult",
        "adults",
        "friend",
        "friends",
        "staff",
        "teacher",
        "carer",
        "carers",
        "aunt",
        "uncle",
    }
)


def subject_not_child(c: Candidate) -> bool:
    """No child is the subject: neither the match, nor a "by ..." just after it, nor the
    nearest person word before it in the clause is a child (children, son, the 7-year-old...).

    "The children witnessed the assault" casts them as bystanders; "Her mother witnessed the
    assault" does not concern a child.
    """
    if any(c.doc[i].lower_ in _CHILD_SUBJECTS for i in range(c.start, c.end)):
        return False
    after = c.words_after(6)
    if after[:1] == ["by"] and set(after) & _CHILD_SUBJECTS:
        return False  # "was witnessed by the couple's three children"
    return _nearest_person(c) != "child"


def _nearest_person(c: Candidate) -> str | None:
    """Return "child", "adult" or None: the nearest person before the match in its clause.

    An age in the text ("(12)", "the 40-year-old") decides by the age; otherwise child words
    (boy, YP, children, son) and adult words (he, mother, suspect, neighbour) decide.
    """
    s, e = c.sentence_chars
    ages = [m for m in c.context.marks_in(s, e) if m.age is not None]
    i, seen = c.start - 1, 0
    while i >= c.sent_start and seen < 12:
        tok = c.doc[i]
        word = tok.lower_
        if word in _CLAUSE_BREAKS:
            break
        tok_end = tok.idx + len(tok.text)
        aged = [m.age for m in ages if m.start < tok_end and tok.idx < m.end]
        if aged:
            return "child" if aged[0] < 18 else "adult"
        if word in _CHILD_SUBJECTS:
            return "child"
        if word in _GROWN_SUBJECTS or word in _PERPETRATOR_WORDS:
            return "adult"
        i -= 1
        seen += 1
    return None


_VICTIM_STATUS_WORDS = frozenset({"nrm", "s.45", "s45"})
_VICTIM_STATUS_PAIRS = (
    ("national", "referral", "mechanism"),
    ("section", "45"),
    ("modern", "slavery"),
    ("also", "a", "victim"),
    ("also", "the", "victim"),
    ("also", "been", "a", "victim"),
    ("also", "being", "exploited"),
    ("also", "been", "exploited"),
    ("victim", "of", "exploitation"),
    ("victim", "of", "criminal", "exploitation"),
    ("victim", "of", "child", "criminal", "exploitation"),
    ("victim", "of", "cce"),
    ("victim", "of", "trafficking"),
)


def victim_status_noted(c: Candidate) -> bool:
    """The same sentence also records the child as a victim ("also a victim of criminal
    exploitation", "NRM submitted", "s.45 defence"): formal suspect status paired with victim
    status is accurate recording, not criminalising.
    """
    words = [c.doc[i].lower_ for i in range(c.sent_start, c.sent_end)]
    if _VICTIM_STATUS_WORDS & set(words):
        return True
    return any(tuple(words[i : i + len(p)]) == p for i in range(len(words)) for p in _VICTIM_STATUS_PAIRS)


def very_young_child(c: Candidate) -> bool:
    """The sentence is about a very young child: it gives an age under 7 (or says toddler,
    infant, baby) and no age from 7 to 17. "Wandered off" is accurate for a 4-year-old.
    """
    ages = [a for a in (_token_age(c.doc, i) for i in range(c.sent_start, c.sent_end)) if a is not None]
    s, e = c.sentence_chars
    ages += [m.age for m in c.context.marks_in(s, e) if m.age is not None]
    if any(7 <= a < 18 for a in ages):
        return False
    words = {c.doc[i].lower_ for i in range(c.sent_start, c.sent_end)}
    return any(a < 7 for a in ages) or bool(words & {"toddler", "toddlers", "infant", "infants", "baby"})


_ATTENDANCE_WORDS = frozenset(
    {
        "attendance",
        "register",
        "registration",
        "lesson",
        "lessons",
        "session",
        "sessions",
        "class",
        "classes",
        "timetable",
        "authorised",
        "unauthorised",
        "truancy",
        "term",
    }
)
_ATTENDANCE_PAIRS = frozenset({("from", "school"), ("at", "school"), ("from", "college"), ("from", "class")})


def school_attendance(c: Candidate) -> bool:
    """The sentence is about school attendance ("absent from school", "absent for 14 sessions",
    "attendance is 71%"), not about a child who is missing from home or care.
    """
    words = [c.doc[i].lower_ for i in range(c.sent_start, c.sent_end)]
    return bool(_ATTENDANCE_WORDS & set(words)) or any(
        tuple(words[i : i + 2]) in _ATTENDANCE_PAIRS for i in range(len(words))
    )


_RETURN_DETAIL_PAIRS = (
    ("prevention", "interview"),
    ("return", "interview"),
    ("return", "home", "interview"),
    ("return", "-", "home", "interview"),
    ("independent", "return"),
    ("safe", "and", "well", "check"),
    ("safe", "and", "well", "interview"),
)
_RETURN_DETAIL_WORDS = frozenset({"rhi", "debrief", "debriefed", "disclosed", "disclose", "disclosure"})


_COERCION_WORDS = frozenset(
    {
        "made",
        "make",
        "makes",
        "making",
        "forced",
        "force",
        "forces",
        "forcing",
        "coerced",
        "coerce",
        "coerces",
        "coercing",
        "compelled",
        "pressured",
        "pressurised",
        "threatened",
        "ordered",
        "groomed",
        "exploited",
        "used",
        "uses",
        "using",
        "sent",
        "instructed",
    }
)


def coerced_to(c: Candidate) -> bool:
    """The match is what someone made the child do: "made to run drugs", "forced him to deal
    for the line", "used by the OCG to carry". The words record coercion, as the guidance asks.
    """
    before = c.words_before(5)
    if not before or before[-1] != "to":
        return False
    return any(w in _COERCION_WORDS for w in before[:-1])


def return_details_noted(c: Candidate) -> bool:
    """The same or the next sentence records what followed the return: a prevention or return
    home interview, a debrief, or what the child disclosed. The return is then not a bare
    closing summary.
    """
    doc = c.doc
    stop = c.sent_end
    if stop < len(doc) and c.next_sent_end > stop:
        stop = c.next_sent_end
    words = [doc[i].lower_ for i in range(c.sent_start, stop) if not c.start <= i < c.end]
    if _RETURN_DETAIL_WORDS & set(words):
        return True
    return any(tuple(words[i : i + len(p)]) == p for i in range(len(words)) for p in _RETURN_DETAIL_PAIRS)


_EXPLOITATION_PREFIXES = ("exploit", "groom", "traffick", "cuckoo", "coerc", "debt")
_EXPLOITATION_WORDS = frozenset(
    {
        "cse",
        "cce",
        "csa",
        "nrm",
        "mace",
        "line",
        "lines",
        "trap",
        "county",
        "wraps",
        "drugs",
        "drug",
        "dealing",
        "dealer",
        "dealers",
        "runner",
        "runners",
        "plugging",
        "plugged",
        "olders",
        "elders",
        "gang",
        "gangs",
        "ocg",
        "mule",
        "mules",
        "nominal",
        "s.45",
    }
)


def no_exploitation_context(c: Candidate) -> bool:
    """Nothing in the paragraph points to exploitation (exploited, groomed, CSE, CCE, NRM, the
    line, trap house, county lines, drugs, dealing, gang, OCG, debt...).

    For praise-like or ordinary words that blame only when they describe an exploited child
    ("works willingly", "entrepreneurial", "earning good money"): "Tom works willingly in
    class" is a school report, "he is working voluntarily for the line" is not.
    """
    ps, pe = c.context.paragraph_of(c.char_start)
    for tok in c.doc:
        if tok.idx < ps:
            continue
        if tok.idx >= pe:
            break
        word = tok.lower_
        if word in _EXPLOITATION_WORDS or word.startswith(_EXPLOITATION_PREFIXES):
            return False
    return True


_SUBORDINATORS = frozenset({"as", "because", "since", "if", "when", "while", "until", "unless", "though", "cos"})


def negated_clause(c: Candidate) -> bool:
    """Like `negated`, but a subordinating word (as, because, since, if, when...) also ends the
    clause, so "NRM not considered as he is working voluntarily" is not read as negated.

    A negation before the subordinating word belongs to the main clause ("not considered"),
    not to the flagged words after it. A match that itself starts with such a word ("as she
    will not make a complaint") is never negated by words before it.
    """
    if c.doc[c.start].lower_ in _SUBORDINATORS:
        return False
    before = c.words_before(6)
    for k in range(len(before) - 1, -1, -1):
        if before[k] in _SUBORDINATORS:
            before = before[k + 1 :]
            break
    if any(w in _NEGATIONS for w in before):
        return True
    pairs = set(zip(before, before[1:], strict=False))
    return any(p in pairs for p in _NEGATING_PHRASES)


ConditionFn = Callable[[Candidate], bool]

CONDITIONS: dict[str, ConditionFn] = {
    "negated": negated,
    "negated_clause": negated_clause,
    "no_exploitation_context": no_exploitation_context,
    "no_abuse_context": no_abuse_context,
    "actor_named": actor_named,
    "attributed": attributed,
    "no_abuse_after": no_abuse_after,
    "subject_not_child": subject_not_child,
    "child_subject": child_subject,
    "mention": mention,
    "perpetrator_subject": perpetrator_subject,
    "adult_subject": adult_subject,
    "peer": peer,
    "offence_title": offence_title,
    "peer_partner": peer_partner,
    "abuse_named": abuse_named,
    "non_sexual": non_sexual,
    "sexual_health_note": sexual_health_note,
    "adult_actor": adult_actor,
    "rationale_given": rationale_given,
    "victim_status_noted": victim_status_noted,
    "very_young_child": very_young_child,
    "school_attendance": school_attendance,
    "return_details_noted": return_details_noted,
    "coerced_to": coerced_to,
    "no_adult_signal": no_adult_signal,
    "adult_owner": adult_owner,
    "assessed_appropriate": assessed_appropriate,
    "peer_age": peer_age,
    "relative_subject": relative_subject,
    "thing_subject": thing_subject,
    "adult_age": adult_age,
    "suspect_claim": suspect_claim,
    "no_risk_downgrade": no_risk_downgrade,
    "suspect_account": suspect_account,
    "not_about_victim": not_about_victim,
}
"""Every condition a rule file may name, by name. Add new ones here, with a docstring."""

CONDITION_NAMES = frozenset(CONDITIONS)


def describe(names: Sequence[str]) -> list[tuple[str, str]]:
    """Return (name, first docstring line) for each condition, for `explain` output."""
    out = []
    for name in names:
        doc = (CONDITIONS[name].__doc__ or "").strip().splitlines()
        out.append((name, doc[0] if doc else ""))
    return out
