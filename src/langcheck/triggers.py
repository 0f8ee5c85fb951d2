"""Decide cheaply, without spaCy, whether a text could match any rule at all.

Every pattern needs at least one of a few words (its anchor: for "{put} herself at risk", any
form of "put"; the slot that rules out the most text is chosen). The union of all anchors is a
set of words; a text none of whose words is in that set cannot match, so a clean note is
answered without importing spaCy or tokenising anything. The scan must never say "no" to a
text a rule would flag: tests run it over every rule's fail examples.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from langcheck.errors import RuleError
from langcheck.models import Rule
from langcheck.phrases import anchor_cost, anchors, parse, word_chunks
from langcheck.wordforms import forms_of

_TEXT_KEYS = ("LOWER", "ORTH", "TEXT", "NORM")
_OPTIONAL_OPS = frozenset({"?", "*", "!"})
_CHUNK_RE = re.compile(r"[a-z]+|[0-9]+")


def normalise_token(spec: dict[str, Any], where: str) -> dict[str, Any]:
    """Rewrite one token dict so it matches case-insensitively on word forms.

    `LEMMA: x` becomes `LOWER: {IN: forms of x}`; ORTH/TEXT/NORM become LOWER; text values are
    lower-cased. Token patterns then need no lemmatizer (see wordforms.py).
    """
    out = dict(spec)
    if "LEMMA" in out:
        if any(k in out for k in _TEXT_KEYS):
            raise RuleError(
                where,
                "tokens",
                "a token gives both LEMMA and a text attribute",
                "one of LEMMA or LOWER per token",
            )
        value = out.pop("LEMMA")
        if isinstance(value, str):
            out["LOWER"] = {"IN": sorted(forms_of(value))}
        elif isinstance(value, dict) and isinstance(value.get("IN"), list):
            out["LOWER"] = {"IN": sorted({f for v in value["IN"] for f in forms_of(str(v))})}
        else:
            raise RuleError(where, "tokens", f"LEMMA is {value!r}", "a word or {IN: [words]}")
    for key in ("ORTH", "TEXT", "NORM"):
        if key in out:
            out["LOWER"] = out.pop(key)
    value = out.get("LOWER")
    if isinstance(value, str):
        out["LOWER"] = value.lower()
    elif isinstance(value, dict):
        out["LOWER"] = {k: ([str(v).lower() for v in vs] if isinstance(vs, list) else vs) for k, vs in value.items()}
    return out


def token_anchors(tokens: Iterable[dict[str, Any]]) -> frozenset[str] | None:
    """Return words one of which any match of these (normalised) token dicts contains, or None."""
    best: tuple[float, frozenset[str]] | None = None
    for tok in tokens:
        if tok.get("OP") in _OPTIONAL_OPS:
            continue
        value = tok.get("LOWER")
        words = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) else None
        if not words:
            continue
        keys = set()
        for w in words:
            chunks = word_chunks(str(w))
            if not chunks:
                break
            keys.add(max(chunks, key=len))
        else:
            score = anchor_cost(keys)
            if best is None or score < best[0]:
                best = (score, frozenset(keys))
    return None if best is None else best[1]


def rule_anchors(rule: Rule) -> list[frozenset[str] | None]:
    """Return the anchor words of each of a rule's patterns (None: the pattern has none)."""
    where = rule.path or rule.id
    out: list[frozenset[str] | None] = []
    for pattern in rule.patterns:
        if pattern.phrase is not None:
            out.append(anchors(parse(pattern.phrase)))
        else:
            out.append(token_anchors(normalise_token(t, where) for t in pattern.tokens or ()))
    return out


@dataclass(frozen=True, slots=True)
class Triggers:
    """The words that any matchable text must contain; `always` if some pattern has none."""

    words: frozenset[str]
    always: bool = False

    def may_match(self, text: str) -> bool:
        """Return False only if no pattern of any rule can match the text."""
        if self.always:
            return True
        return not self.words.isdisjoint(_CHUNK_RE.findall(text.lower()))


def build_triggers(rules: Iterable[Rule]) -> Triggers:
    """Collect the anchors of every pattern of every rule."""
    words: set[str] = set()
    always = False
    for rule in rules:
        for found in rule_anchors(rule):
            if found is None:
                always = True
            else:
                words |= found
    return Triggers(frozenset(words), always)
