"""Conditions on what else the record says: the grounds, the follow-up, the formal status.

A risk grade, "returned", "suspect" or "resilient" can be accurate recording when the note
also gives the grounds, what followed the return, the child's victim status, or keeps the risk
response in place. These conditions read the sentence (or the next one) for that record.
"""

from __future__ import annotations

from langcheck.conditions.candidate import Candidate
from langcheck.conditions.words import has_phrase, words

_RATIONALE_WORDS = words("because rationale reason reasons reasoning")
_RATIONALE_PAIRS = frozenset(
    {("due", "to"), ("owing", "to"), ("given", "that"), ("based", "on"), ("on", "the", "basis")}
)
_NO_MARKER_WORDS = words("markers marker indicators indicator concerns flags factors")
_GRADES = (("no", "apparent", "risk"), ("low", "risk"), ("no", "risk"), ("no", "concerns"), ("not", "at", "risk"))


def _circular(near: list[str]) -> bool:
    """Return True if the only reason given is itself a grade ("absent because there was no apparent risk").

    A grade restated as its own reason records no grounds at all.
    """
    at = next(i for i, w in enumerate(near) if w in _RATIONALE_WORDS)
    reason = near[at + 1 : at + 8]
    return any(tuple(reason[i : i + len(g)]) == g for i in range(len(reason)) for g in _GRADES)


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
    near = [doc[i].lower_ for i in range(c.sent_start, stop) if not c.start <= i < c.end]
    if _RATIONALE_WORDS & set(near) and not _circular(near):
        return True
    for i, word in enumerate(near):
        if any(tuple(near[i : i + len(p)]) == p for p in _RATIONALE_PAIRS):
            return True
        if word == "no" and _NO_MARKER_WORDS & set(near[i + 1 : i + 5]):
            return True
    return False


_RETURN_DETAIL_PAIRS = (
    ("prevention", "interview"),
    ("return", "interview"),
    ("return", "home", "interview"),
    ("return", "-", "home", "interview"),
    ("independent", "return"),
    ("safe", "and", "well", "check"),
    ("safe", "and", "well", "interview"),
)
_RETURN_DETAIL_WORDS = words("rhi debrief debriefed disclosed disclose disclosure")


def return_details_noted(c: Candidate) -> bool:
    """The same or the next sentence records what followed the return: an interview, a debrief.

    A prevention or return home interview, a debrief, or what the child disclosed: the return
    is then not a bare closing summary that treats the episode as over.
    """
    doc = c.doc
    stop = c.sent_end
    if stop < len(doc) and c.next_sent_end > stop:
        stop = c.next_sent_end
    near = [doc[i].lower_ for i in range(c.sent_start, stop) if not c.start <= i < c.end]
    if _RETURN_DETAIL_WORDS & set(near):
        return True
    return has_phrase(near, _RETURN_DETAIL_PAIRS)


_VICTIM_STATUS_WORDS = words("nrm s.45 s45")
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
    """The same sentence also records the child as a victim ("also a victim of exploitation").

    "NRM submitted" and "s.45 defence" count too: formal suspect status paired with victim
    status is accurate recording, not criminalising.
    """
    sentence = [c.doc[i].lower_ for i in range(c.sent_start, c.sent_end)]
    if _VICTIM_STATUS_WORDS & set(sentence):
        return True
    return has_phrase(sentence, _VICTIM_STATUS_PAIRS)


_ATTENDANCE_WORDS = words(
    """
    attendance register registration lesson lessons session sessions class classes timetable
    authorised unauthorised truancy term
    """
)
_ATTENDANCE_PAIRS = frozenset({("from", "school"), ("at", "school"), ("from", "college"), ("from", "class")})


def school_attendance(c: Candidate) -> bool:
    """The sentence is about school attendance ("absent from school", "attendance is 71%").

    "Absent for 14 sessions" is a school's record, not a child missing from home or care.
    """
    sentence = [c.doc[i].lower_ for i in range(c.sent_start, c.sent_end)]
    return bool(_ATTENDANCE_WORDS & set(sentence)) or has_phrase(sentence, _ATTENDANCE_PAIRS)


_COERCION_WORDS = words(
    """
    made make makes making forced force forces forcing coerced coerce coerces coercing compelled
    pressured pressurised threatened ordered groomed exploited used uses using sent instructed
    """
)


def coerced_to(c: Candidate) -> bool:
    """The match is what someone made the child do ("made to run drugs", "forced him to deal").

    "Used by the OCG to carry" records coercion, as the guidance asks, rather than the child's
    choice.
    """
    before = c.words_before(5)
    if not before or before[-1] != "to":
        return False
    return any(w in _COERCION_WORDS for w in before[:-1])


_DOWNGRADE_WORDS = words(
    """
    lowered lower reduced reduce downgraded downgrade decreased low medium nfa closed closure cope
    copes coping therefore
    """
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
    """Nothing in the sentence lowers a risk grading or closes the case ("risk lowered", "NFA").

    A strength such as "resilient" recorded alongside the risk is good practice; it blames
    only when it is used to reduce the response ("not considered high").
    """
    sentence = [t.lower_ for t in c.doc[c.sent_start : c.sent_end]]
    if set(sentence) & _DOWNGRADE_WORDS:
        return False
    return not {tuple(sentence[k : k + 2]) for k in range(len(sentence) - 1)} & _DOWNGRADE_PAIRS
