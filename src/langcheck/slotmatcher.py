"""Match phrase-syntax patterns over token ids, without expanding them into every wording.

A phrase such as `{put} (herself|himself|themselves) [directly] (at|in) [serious] (risk|danger)`
stands for hundreds of wordings. Expanding them all into spaCy's PhraseMatcher costs a
tokenizer call per wording at start-up (hundreds of thousands for a full rule pack), so
instead each phrase is kept as its slots, with every choice tokenised once, and matched from
an anchor: the required slot whose tokens are rarest. A hash lookup per token finds the
places where an anchor token occurs; only there are the neighbouring slots tried, forwards and
backwards. Work is proportional to anchor hits, not to patterns times tokens.

Tokens are compared by the hash of their lower-case text (spaCy's LOWER attribute), which
`Doc.to_array` gives for a whole document at C speed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from langcheck.anchors import anchor_slot, sorted_positions
from langcheck.phrases import Slot, context_counts

Tokens = tuple[int, ...]


@dataclass(frozen=True, slots=True)
class _CompiledSlot:
    """A slot whose choices are token-id sequences, indexed by first and last token."""

    optional: bool
    by_first: dict[int, tuple[Tokens, ...]]
    by_last: dict[int, tuple[Tokens, ...]]


@dataclass(frozen=True, slots=True)
class _Pattern:
    key: str
    slots: tuple[_CompiledSlot, ...]
    anchor: int
    lead: int = 0  # <context> slots at the start: must match, not reported
    trail: int = 0  # <context> slots at the end


def _index(choices: list[Tokens], at: int) -> dict[int, tuple[Tokens, ...]]:
    out: dict[int, list[Tokens]] = {}
    for choice in choices:
        out.setdefault(choice[at], []).append(choice)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


class SlotMatcher:
    """Find (key, start, end) token spans where any added phrase matches."""

    def __init__(self, tokenize: Callable[[str], list[str]], intern: Callable[[str], int]) -> None:
        self._tokenize = tokenize
        self._intern = intern
        self._word_cache: dict[str, Tokens] = {}
        self._patterns: list[_Pattern] = []
        self._anchors: dict[int, list[tuple[int, Tokens]]] = {}

    def __len__(self) -> int:
        return len(self._patterns)

    def __getstate__(self) -> dict[str, Any]:
        """Pickle the compiled patterns only: the tokenizer functions belong to a pipeline.

        A matcher read back from a pickle matches exactly as before but cannot `add`; the
        compiled-words cache (see compiledwords.py) relies on this.
        """
        return {"patterns": self._patterns, "anchors": self._anchors}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._tokenize = _frozen
        self._intern = _frozen
        self._word_cache = {}
        self._patterns = state["patterns"]
        self._anchors = state["anchors"]

    def _tokens(self, word: str) -> Tokens:
        """Tokenise one written word as spaCy would in running text ("harm's" -> harm 's)."""
        cached = self._word_cache.get(word)
        if cached is None:
            cached = tuple(self._intern(t.lower()) for t in self._tokenize(word))
            self._word_cache[word] = cached
        return cached

    def add(self, key: str, slots: Sequence[Slot]) -> None:
        """Add one parsed phrase under `key` (a rule id)."""
        compiled = []
        for slot in slots:
            choices = list(dict.fromkeys(tuple(t for w in choice for t in self._tokens(w)) for choice in slot.choices))
            choices = [c for c in choices if c]
            compiled.append(_CompiledSlot(slot.optional, _index(choices, 0), _index(choices, -1)))
        anchor = anchor_slot(tuple(slots))
        number = len(self._patterns)
        lead, trail = context_counts(tuple(slots))
        self._patterns.append(_Pattern(key, tuple(compiled), anchor, lead, trail))
        for first, anchor_choices in compiled[anchor].by_first.items():
            for choice in anchor_choices:
                self._anchors.setdefault(first, []).append((number, choice))

    @functools.cached_property
    def anchor_ids(self) -> Any:
        """Return the anchor token ids as a sorted numpy array, for `positions`."""
        import numpy

        return numpy.array(sorted(self._anchors), dtype=numpy.uint64)

    def positions(self, ids: Any) -> list[int]:
        """Return where in a document's LOWER id array an anchor token occurs."""
        return sorted_positions(self.anchor_ids, ids)

    def __call__(self, words: Sequence[int], positions: Sequence[int] | None = None) -> list[tuple[str, int, int]]:
        """Return (key, start, end) for the longest match at each anchor hit.

        `positions`, if given, are the indices where anchor tokens occur (see `positions`);
        otherwise every token is looked up.
        """
        found: list[tuple[str, int, int]] = []
        n = len(words)
        anchors = self._anchors
        for i in range(n) if positions is None else positions:
            hits = anchors.get(words[i])
            if hits is None:
                continue
            for number, choice in hits:
                end = i + len(choice)
                if end > n or (len(choice) > 1 and tuple(words[i:end]) != choice):
                    continue
                pattern = self._patterns[number]
                slots, stop = pattern.slots, len(pattern.slots) - pattern.trail
                ends = self._forward(slots, pattern.anchor + 1, end, words, stop)
                if pattern.trail:  # the flagged words end where the trailing context begins
                    ends = {e for e in ends if self._forward(slots, stop, e, words, len(slots))}
                if not ends:
                    continue
                starts = self._backward(slots, pattern.anchor - 1, i, words, pattern.lead)
                if pattern.lead:
                    starts = {s for s in starts if self._backward(slots, pattern.lead - 1, s, words, 0)}
                if starts:
                    found.append((pattern.key, min(starts), max(ends)))
        return found

    def _forward(self, slots: tuple[_CompiledSlot, ...], j: int, pos: int, words: Sequence[int], stop: int) -> set[int]:
        """Return every end position of slots j..stop-1 matched from `pos`."""
        if j == stop:
            return {pos}
        slot = slots[j]
        out = self._forward(slots, j + 1, pos, words, stop) if slot.optional else set()
        if pos < len(words):
            for choice in slot.by_first.get(words[pos], ()):
                end = pos + len(choice)
                if end <= len(words) and (len(choice) == 1 or tuple(words[pos:end]) == choice):
                    out |= self._forward(slots, j + 1, end, words, stop)
        return out

    def _backward(
        self, slots: tuple[_CompiledSlot, ...], j: int, pos: int, words: Sequence[int], stop: int
    ) -> set[int]:
        """Return every start position of slots stop..j matched backwards to `pos`."""
        if j < stop:
            return {pos}
        slot = slots[j]
        out = self._backward(slots, j - 1, pos, words, stop) if slot.optional else set()
        if pos > 0:
            for choice in slot.by_last.get(words[pos - 1], ()):
                start = pos - len(choice)
                if start >= 0 and (len(choice) == 1 or tuple(words[start:pos]) == choice):
                    out |= self._backward(slots, j - 1, start, words, stop)
        return out


def _frozen(word: str) -> Any:
    raise TypeError("a SlotMatcher read from the cache cannot add phrases; build a new one")
