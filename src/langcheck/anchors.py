"""The speed machinery's one home: which words a pattern needs, and which of them to look for.

Three shortcuts keep spaCy and the matchers away from text no rule can match, and all three
rest on the heuristics here, for phrases and token patterns alike:

- the prefilter (triggers.py) looks for each pattern's cheapest required word set in the raw
  text, before any tokenising;
- the phrase matcher (slotmatcher.py) starts matching a phrase from its cheapest slot;
- each token pattern's Matcher (engine.py) runs only on the sentences holding its cheapest word.

"Cheap" means rare: a set of long, uncommon words lets little text through; a common word
("at", "her") lets nearly every text through, so it costs COMMON_COST, more than any set of
rarer words. A wrong guess here only makes checking slower, never changes a finding: every
shortcut looks for words a match must contain.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from langcheck.phrases import Slot

COMMON_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "being",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "hers",
        "him",
        "his",
        "i",
        "in",
        "is",
        "it",
        "its",
        "me",
        "my",
        "no",
        "not",
        "of",
        "on",
        "or",
        "our",
        "she",
        "so",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "up",
        "was",
        "we",
        "were",
        "what",
        "when",
        "which",
        "who",
        "will",
        "with",
        "would",
        "you",
        "your",
    ]
)
"""Words so common that anchoring on them would send nearly every text to spaCy."""

COMMON_COST = 5.0
"""The cost of one common word: more than any set of a few uncommon ones."""

OPTIONAL_OPS = frozenset({"?", "*", "!"})
"""Token-pattern operators that let a match leave the token out: such a token requires nothing."""

WORD_RE = re.compile(r"[a-z]+|[0-9]+")
"""The runs of letters or digits the prefilter looks for in lower-cased text."""


def word_cost(word: str) -> float:
    """Return how much text one anchor word lets through: common and short words cost more.

    A word is common if its part before any apostrophe is ("she's" as "she").
    """
    return COMMON_COST if word.split("'", maxsplit=1)[0] in COMMON_WORDS else 1 / (1 + len(word))


def anchor_cost(words: Iterable[str]) -> float:
    """Return how much text a set of alternative anchor words lets through."""
    return sum(word_cost(w) for w in words)


def word_chunks(word: str) -> list[str]:
    """Split a word into the letter and digit runs the prefilter looks for."""
    return WORD_RE.findall(word.lower())


def text_words(text: str) -> set[str]:
    """Return the distinct letter and digit runs of a text, as the prefilter sees it."""
    return set(WORD_RE.findall(text.lower()))


def key_chunk(word: str) -> str | None:
    """Return the chunk of a word the prefilter looks for: the rarest-looking one."""
    chunks = word_chunks(word)
    return max(chunks, key=lambda c: (c not in COMMON_WORDS, len(c))) if chunks else None


# phrases


def phrase_requirements(slots: tuple[Slot, ...]) -> list[frozenset[str]]:
    """Return, for each required slot, the words one of which any matching text contains.

    Sorted cheapest first, so the first set is the best single anchor. A slot with a choice
    that holds no letters or digits (punctuation only) requires nothing and is left out.
    """
    found = []
    for slot in slots:
        if slot.optional:
            continue
        keys = set()
        for choice in slot.choices:
            chunk = max(
                (c for c in (key_chunk(w) for w in choice) if c),
                key=lambda c: (c not in COMMON_WORDS, len(c)),
                default=None,
            )
            if chunk is None:
                break
            keys.add(chunk)
        else:
            found.append(frozenset(keys))
    return sorted(found, key=anchor_cost)


def phrase_anchor(slots: tuple[Slot, ...]) -> frozenset[str] | None:
    """Return words of which any text a phrase matches contains at least one, or None."""
    found = phrase_requirements(slots)
    return found[0] if found else None


def anchor_slot(slots: tuple[Slot, ...]) -> int:
    """Return the index of the slot the phrase matcher should start from: its cheapest required one.

    A slot costs the words its choices start with; an optional or <context> slot cannot anchor.
    """

    def cost(slot: Slot) -> float:
        if slot.optional or slot.context:
            return float("inf")
        return anchor_cost({choice[0] for choice in slot.choices if choice})

    return min(range(len(slots)), key=lambda i: cost(slots[i]))


# token patterns


def token_words(token: Mapping[str, Any]) -> list[str] | None:
    """Return the lower-case words one of which a (normalised) token dict requires, or None.

    None when the token may be left out (OP ?, * or !) or names no word (a shape, a flag). The
    one walker over token dicts: the prefilter and the token-pattern anchors both use it.
    """
    if token.get("OP") in OPTIONAL_OPS:
        return None
    value = token.get("LOWER")
    words = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) else None
    return [str(w) for w in words] if words else None


def token_requirements(tokens: Iterable[Mapping[str, Any]]) -> list[frozenset[str]]:
    """Return the word sets a match of these (normalised) token dicts must meet, cheapest first."""
    found = []
    for token in tokens:
        words = token_words(token)
        if words is None:
            continue
        keys = {key_chunk(w) for w in words}
        if None not in keys:
            found.append(frozenset(k for k in keys if k is not None))
    return sorted(found, key=anchor_cost)


def token_anchor(tokens: Iterable[Mapping[str, Any]]) -> frozenset[str] | None:
    """Return the words of the token one of which every match must contain (its cheapest), or None."""
    best: tuple[float, frozenset[str]] | None = None
    for token in tokens:
        words = token_words(token)
        if words is None:
            continue
        keys = frozenset(words)
        cost = anchor_cost(keys)
        if best is None or cost < best[0]:
            best = (cost, keys)
    return None if best is None else best[1]


# finding anchors in a document


def sorted_positions(sorted_ids: Any, ids: Any) -> list[int]:
    """Return the indices of `ids` whose value is in the sorted array `sorted_ids`.

    A binary search per token in numpy (no Python loop, no hashing): much cheaper than
    looking each token up from Python on a long document.
    """
    import numpy

    if not len(sorted_ids) or not len(ids):
        return []
    at = numpy.searchsorted(sorted_ids, ids)
    at[at >= len(sorted_ids)] = 0
    return list(numpy.flatnonzero(sorted_ids[at] == ids).tolist())
