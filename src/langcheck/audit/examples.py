"""A bounded, fair sample of the sentences behind each category: what the report shows as examples.

Keeping every finding of a million records would make memory grow with the export, so each
rule keeps a reservoir (Vitter's algorithm R) of a few examples: every finding has the same
chance of being kept, whatever its position, and the seed is fixed so that the same export
gives the same report. A category then shows examples of its commonest rules first. Only the
sentence around a kept finding is copied out, and it is redacted at once (unless the user
asked not to), so no whole note is ever held.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from langcheck.audit.redact import redact
from langcheck.audit.summary import Hit, RuleCount

PER_CATEGORY = 4
"""Examples shown for each category."""
PER_RULE = 2
"""Examples kept for each rule."""
CONTEXT = 160
"""Characters of a sentence kept either side of the phrase, at most."""
_BOUNDARY = re.compile(r"[.!?]['\")\]]*\s|\n")


@dataclass(frozen=True, slots=True)
class Example:
    """One sentence with a flagged phrase: the text before it, the phrase, the text after it."""

    category: str
    rule_id: str
    rule_name: str
    before: str
    phrase: str
    after: str
    suggestion: str
    group: str
    month: str

    def to_dict(self) -> dict[str, Any]:
        """Return the example for JSON."""
        return {
            "category": self.category,
            "rule": self.rule_id,
            "name": self.rule_name,
            "before": self.before,
            "phrase": self.phrase,
            "after": self.after,
            "suggestion": self.suggestion,
            "group": self.group,
            "month": self.month,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Example:
        """Return an example from `to_dict`'s form."""
        return cls(
            str(data["category"]),
            str(data["rule"]),
            str(data.get("name", "")),
            str(data["before"]),
            str(data["phrase"]),
            str(data["after"]),
            str(data.get("suggestion", "")),
            str(data.get("group", "")),
            str(data.get("month", "")),
        )


def excerpt(text: str, hit: Hit, *, hide: bool) -> tuple[str, str, str, bool]:
    """Return (before, phrase, after, starts a sentence) for the sentence around a finding."""
    start = hit.start
    floor = max(0, start - CONTEXT)
    head = text[floor:start]
    cut = None
    for match in _BOUNDARY.finditer(head):
        cut = match.end()
    sentence_start = cut is not None or floor == 0
    before = head[cut:] if cut is not None else head
    if cut is None and floor > 0:
        before = "…" + before[before.find(" ") + 1 :]
    tail = text[hit.end : hit.end + CONTEXT]
    end = _BOUNDARY.search(tail)
    after = tail[: end.start() + 1] if end else tail
    if end is None and hit.end + CONTEXT < len(text):
        after = after[: after.rfind(" ")] + "…"
    before = " ".join(before.split()) + (" " if before[-1:].isspace() else "")
    after = (" " if after[:1].isspace() else "") + " ".join(after.split())
    phrase = text[hit.start : hit.end]
    if hide:
        joined = redact(before + "\x00" + phrase + "\x00" + after, sentence_start=sentence_start)
        parts = joined.split("\x00")
        if len(parts) == 3:
            before, phrase, after = parts
    return before, phrase, after, sentence_start


class Reservoir:
    """Keep PER_RULE examples of every rule, each of its findings equally likely to be kept.

    Sampling per rule rather than per category means that a category's examples can show the
    different wordings that drive it, not four copies of its commonest phrase.
    """

    def __init__(self, *, redacted: bool, size: int = PER_RULE, seed: int = 12) -> None:
        self.redacted = redacted
        self.size = size
        self._seen: dict[str, int] = {}
        self._kept: dict[str, list[Example]] = {}
        self._random: dict[str, random.Random] = {}
        self._seed = seed

    def offer(self, text: str, hit: Hit, group: str, month: str) -> None:
        """Consider one finding for its rule's sample."""
        seen = self._seen.get(hit.rule_id, 0) + 1
        self._seen[hit.rule_id] = seen
        kept = self._kept.setdefault(hit.rule_id, [])
        if seen <= self.size:
            kept.append(self._example(text, hit, group, month))
            return
        rng = self._random.setdefault(hit.rule_id, random.Random(self._seed + zlib.crc32(hit.rule_id.encode())))
        slot = rng.randrange(seen)
        if slot < self.size:
            kept[slot] = self._example(text, hit, group, month)

    def _example(self, text: str, hit: Hit, group: str, month: str) -> Example:
        before, phrase, after, _ = excerpt(text, hit, hide=self.redacted)
        return Example(hit.category, hit.rule_id, hit.name, before, phrase, after, hit.suggestion, group, month)

    def examples(self, rules: Sequence[RuleCount], categories: Sequence[str]) -> tuple[Example, ...]:
        """Return up to PER_CATEGORY examples per category, in `categories` order, taken in turn
        from its rules with the most findings first (`rules` in that order)."""
        out: list[Example] = []
        for category in categories:
            pools = [list(self._kept.get(r.rule_id, ())) for r in rules if r.category == category]
            chosen: list[Example] = []
            for rank in range(self.size):
                chosen += [pool[rank] for pool in pools if rank < len(pool)]
            out += chosen[:PER_CATEGORY]
        return tuple(out)
