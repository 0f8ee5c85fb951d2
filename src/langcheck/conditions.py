"""Named context conditions that rule files list under `unless:`.

Each condition answers one question about a candidate match ("is it negated?", "is a suspect
the subject?"). They are defined here once, in plain words, and rule files refer to them by
name, so the same judgement is made the same way by every rule. A condition that holds drops
the candidate.

`quoted` and `mention` are universal: the engine applies them to every rule (see engine.py).
"""

from __future__ import annotations

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


_MENTION_CUES = frozenset({
    "term", "terms", "word", "words", "phrase", "phrases", "label", "labels", "language",
    "wording", "wordings", "expression", "expressions", "so-called", "euphemism", "euphemisms",
    "slang", "jargon", "describing", "terminology",
})
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


_PERPETRATOR_WORDS = frozenset({
    "suspect", "suspects", "offender", "offenders", "perpetrator", "perpetrators", "defendant",
    "defendants", "accused", "abuser", "abusers", "exploiter", "exploiters", "groomer", "groomers",
    "trafficker", "traffickers", "ocg", "gang", "men", "males", "adults", "nominal", "nominals",
    "man", "he", "they", "group", "network", "dealer", "dealers", "elders", "perps",
})
_VICTIM_WORDS = frozenset({
    "she", "her", "victim", "victims", "child", "children", "girl", "girls", "boy", "boys", "yp",
    "complainant", "survivor", "daughter", "son", "pupil", "teenager", "herself", "himself",
    "themselves",
})


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
        m.marker is Marker.CHILD and m.age is None or (m.age is not None and m.age < 18) for m in marks
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
    return bool(words & _PEER_WORDS) or "same age" in c.doc.text[s:e].lower()


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


ConditionFn = Callable[[Candidate], bool]

CONDITIONS: dict[str, ConditionFn] = {
    "negated": negated,
    "mention": mention,
    "perpetrator_subject": perpetrator_subject,
    "adult_subject": adult_subject,
    "peer": peer,
    "offence_title": offence_title,
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
