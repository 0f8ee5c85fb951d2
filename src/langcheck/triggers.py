"""Decide cheaply, without spaCy, whether a text could match any rule at all.

Every required part of a pattern needs one of a few words: "{put} herself at risk" needs a
form of "put", and "herself", and "at", and "risk". The scan splits the text into words once,
looks up each pattern's rarest requirement (its anchor) in an index, and only for the
patterns so found checks the other requirements. A text that fails for every pattern cannot
match, so a clean note is answered without importing spaCy or tokenising anything, and a long
case file is tokenised only where a paragraph could match.

The scan must never say "no" to a text a rule would flag: tests run it over every rule's fail
examples.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from langcheck.anchors import phrase_requirements, text_words, token_requirements
from langcheck.errors import RuleError
from langcheck.models import Rule
from langcheck.phrases import edge_counts, parse
from langcheck.wordforms import forms_of

_TEXT_KEYS = ("LOWER", "ORTH", "TEXT", "NORM")


def normalise_token(spec: dict[str, Any], where: str) -> dict[str, Any]:
    """Rewrite one token dict so it matches case-insensitively on word forms.

    `LEMMA: x` becomes `LOWER: {IN: forms of x}`; ORTH/TEXT/NORM become LOWER; text values are
    lower-cased. Token patterns then need no lemmatizer (see wordforms.py).
    """
    out = dict(spec)
    out.pop("CONTEXT", None)  # langcheck's own key (matched, not flagged); see context_trim
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


def context_trim(tokens: Iterable[dict[str, Any]]) -> tuple[int, int]:
    """Return how many CONTEXT tokens lead and trail a token pattern (the loader checked them)."""
    return edge_counts([bool(t.get("CONTEXT")) for t in tokens])


def pattern_requirements(rule: Rule) -> list[list[frozenset[str]]]:
    """Return the requirement sets of each of a rule's patterns (empty: it requires nothing)."""
    where = rule.path or rule.id
    out = []
    for pattern in rule.patterns:
        if pattern.phrase is not None:
            out.append(phrase_requirements(parse(pattern.phrase)))
        else:
            out.append(token_requirements(normalise_token(t, where) for t in pattern.tokens or ()))
    return out


@dataclass(frozen=True, slots=True)
class Triggers:
    """An index from anchor words to the other word sets their patterns require.

    `always` is set when some pattern requires no word at all: then every text may match.
    """

    index: dict[str, tuple[tuple[frozenset[str], ...], ...]]
    always: bool = False
    words: frozenset[str] = field(init=False)
    """Every anchor word, as a set: intersecting a paragraph's few words with it costs their
    number, where intersecting with the dict would walk all of its thousands of keys."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", frozenset(self.index))

    def may_match(self, text: str) -> bool:
        """Return False only if no pattern of any rule can match the text."""
        if self.always:
            return True
        words = text_words(text)
        index = self.index
        for word in words & self.words:
            for rest in index[word]:
                if all(not required.isdisjoint(words) for required in rest):
                    return True
        return False


def build_triggers(rules: Iterable[Rule], known: dict[str, list[list[frozenset[str]]]] | None = None) -> Triggers:
    """Index every pattern of every rule by its anchor words (`known`: requirements by rule id)."""
    index: dict[str, set[tuple[frozenset[str], ...]]] = {}
    always = False
    for rule in rules:
        found_all = known[rule.id] if known is not None and rule.id in known else pattern_requirements(rule)
        for found in found_all:
            if not found:
                always = True
                continue
            anchor, rest = found[0], tuple(found[1:])
            for word in anchor:
                index.setdefault(word, set()).add(rest)
    return Triggers({w: tuple(sorted(v, key=len)) for w, v in index.items()}, always)
