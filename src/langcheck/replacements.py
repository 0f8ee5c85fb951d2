"""Turn a rule's replacements and hints into the words offered for one finding.

A replacement is put into the note as it stands, by `langcheck fix`, the page's "Use this" and
every LanguageTool client, so it must fit where it lands: the tense and aspect of the verb it
replaces, the number of the people it is about, the pronoun of the person the words describe,
a capital at the start of a sentence, and the words after it. A rule says where each of its
replacements fits (`when`, `unless_next`); where none fits, none is offered, because a hint
that asks the writer to fill something in is honest and a broken sentence is not.

Placeholders a replacement may use, beyond those of wording.py:
- `{passive:placed}`: the participle with the part of "be" that makes a passive in place of
  the flagged verb ("is putting" -> "is being placed"; "has been putting" -> "has been placed");
- `{tense:go}`: the verb in the tense of the flagged verb ("chose to go" -> "went").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from langcheck.conditions.adulthood import described_pronoun
from langcheck.conditions.candidate import Candidate
from langcheck.conditions.words import words
from langcheck.models import Replacement, Rule
from langcheck.phrases import Slot, context_counts, parse
from langcheck.verbs import AUXILIARIES, Form, form_of, inflect, passive_auxiliary
from langcheck.wording import render

VERB_PLACEHOLDER_RE = re.compile(r"\{(passive|tense):([a-z]+)\}")
_REFLEXIVES = {"herself": "she", "himself": "he", "themselves": "they", "themself": "they"}
_POSSESSIVES = {"her": "she", "his": "he", "their": "they"}
_LEADING_ADVERBS = words("also still already often repeatedly continually constantly again")


@dataclass(frozen=True, slots=True)
class Fit:
    """What a replacement must agree with: the words around the flagged ones and whom they describe."""

    before: tuple[str, ...]  # lower-case words before the match in its sentence, nearest last
    words: tuple[str, ...]  # the flagged words, lower case
    after: tuple[str, ...]  # lower-case words after the match in its sentence
    person: str  # she, he or they
    plural: bool
    sentence_start: bool

    @classmethod
    def of(cls, cand: Candidate) -> Fit:
        """Read what surrounds a match."""
        doc = cand.doc
        before = tuple(doc[i].lower_ for i in range(cand.sent_start, cand.start) if not doc[i].is_space)
        words = tuple(doc[i].lower_ for i in range(cand.start, cand.end) if not doc[i].is_space)
        after = tuple(doc[i].lower_ for i in range(cand.end, cand.sent_end) if not doc[i].is_space)
        person = _own_person(words) or described_pronoun(cand) or "they"
        return cls(
            before, words, after, person, person == "they" and _plural(words, before), cand.start == cand.sent_start
        )


def _own_person(words: Sequence[str]) -> str | None:
    """Return the person the flagged words name themselves ("herself", "her boyfriend"), if any."""
    for word in words:
        if word in _REFLEXIVES:
            return _REFLEXIVES[word]
    return _POSSESSIVES.get(words[0]) if words else None


def _plural(words: Sequence[str], before: Sequence[str]) -> bool:
    """Return True for a plural they ("the boys ... themselves"), False for one person called they."""
    if "themselves" in words:
        return True
    return any(w in ("they", "boys", "girls", "children", "both", "brothers", "sisters") for w in before[-6:])


def advice(rule: Rule, cand: Candidate, match: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return (replacements, hints) for one match, each filled to fit it; replacements may be none."""
    fit = Fit.of(cand)
    return replacements_for(rule, fit, match), hints_for(rule, fit, match)


def replacements_for(rule: Rule, fit: Fit, match: str) -> tuple[str, ...]:
    """Return the rule's replacements that fit here, filled in, each once, in the rule's order."""
    # "Historic" keeps its capital; "YP" or "LAC" mid-sentence is an acronym, not a sentence's start
    capitalise = fit.sentence_start or (match[:1].isupper() and not match[:2].isupper())
    out = [fill(rep.text, fit, match, capitalise=capitalise) for rep in rule.replacements if offered(rep, fit)]
    return tuple(dict.fromkeys(o for o in out if o))


def hints_for(rule: Rule, fit: Fit, match: str) -> tuple[str, ...]:
    """Return the rule's hints with the person's pronoun filled in."""
    return tuple(render(h, match, capitalise=fit.sentence_start, person=fit.person) for h in rule.hints)


def offered(rep: Replacement, fit: Fit) -> bool:
    """Return True if the replacement fits these words and what follows them."""
    if fit.after and fit.after[0] in rep.unless_next:
        return False
    return rep.when is None or phrase_fits(rep.when, fit)


def fill(template: str, fit: Fit, match: str, *, capitalise: bool) -> str:
    """Fill a replacement's placeholders for this match."""
    group, verb, before = _verb_group(fit)

    def verb_form(m: re.Match[str]) -> str:
        kind, word = m.group(1), m.group(2)
        if kind == "passive":
            be = passive_auxiliary(group, verb, before, plural=fit.plural)
            return f"{be} {word}".strip()
        form = form_of(verb, [*before, *group])
        if form is Form.PRESENT and fit.plural:
            form = Form.BASE
        return " ".join([*group, inflect(word, form)])

    text = VERB_PLACEHOLDER_RE.sub(verb_form, template)
    text = render(text, match, capitalise=capitalise, person=fit.person)
    return re.sub(r"\s{2,}", " ", text).strip()


def _verb_group(fit: Fit) -> tuple[list[str], str, list[str]]:
    """Return the auxiliaries leading the flagged words, the verb after them, and the words before."""
    words = list(fit.words)
    group: list[str] = []
    while words and words[0] in AUXILIARIES:
        group.append(words.pop(0))
    while words and _adverb(words[0]):
        words.pop(0)
    before = list(fit.before)
    while before and _adverb(before[-1]):
        before.pop()  # "has been repeatedly [putting]": the auxiliary is what counts
    return group, words[0] if words else "", before


def _adverb(word: str) -> bool:
    return word in _LEADING_ADVERBS or (word.endswith("ly") and len(word) > 4)


@functools.lru_cache(maxsize=512)
def _when(phrase: str) -> tuple[tuple[Slot, ...], tuple[Slot, ...], tuple[Slot, ...]]:
    slots = parse(phrase)
    lead, trail = context_counts(slots)
    return slots[:lead], slots[lead : len(slots) - trail], slots[len(slots) - trail :]


def phrase_fits(phrase: str, fit: Fit) -> bool:
    """Return True if the flagged words are the whole of `phrase`, with its <context> around them."""
    lead, core, trail = _when(phrase)
    seq = (*fit.before, *fit.words, *fit.after)
    start, end = len(fit.before), len(fit.before) + len(fit.words)
    if end not in _ends(core, seq, start):
        return False
    if trail and not _ends(trail, seq, end):
        return False
    return not lead or any(start in _ends(lead, seq, s) for s in range(start + 1))


def _ends(slots: Sequence[Slot], seq: Sequence[str], start: int) -> set[int]:
    """Return every position at which the slots, matched from `start`, can end."""
    positions = {start}
    for slot in slots:
        nxt = set(positions) if slot.optional else set()
        for pos in positions:
            for choice in slot.choices:
                if tuple(seq[pos : pos + len(choice)]) == choice:
                    nxt.add(pos + len(choice))
        positions = nxt
        if not positions:
            break
    return positions
