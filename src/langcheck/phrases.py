"""The phrase syntax of rule files: one readable line for a whole family of wordings.

    {put} (herself|himself|themselves) [directly] (at|in) [serious|significant] risk

- a plain word matches that word, in any capitalisation;
- `{word}` matches every inflected form of the word (`{put}`: put, puts, putting);
- `(a|b c|d)` matches one of the alternatives, each of which may be several words;
- `[a|b]` is the same but may also be left out;
- `<a|b>` at the start or end of a phrase must be there for the phrase to match, but is not
  part of the flagged passage: `the (beast|monster) <who|that>` flags "the beast" only when
  "who" or "that" follows, so "the beast of a dog" is left alone;
- a hyphenated word also matches its spaced and joined spellings (`risk-taking`: risk taking,
  risktaking).

Phrases are parsed into slots here and matched by slotmatcher.py, which never expands them
into every wording; the words a phrase requires (for the prefilter and the matcher's anchor)
are worked out in anchors.py.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from langcheck.wordforms import forms_of

MAX_VARIANTS = 20_000
"""A phrase that expands to more strings than this is a mistake in the rule, not a feature."""

_TOKEN_RE = re.compile(r"\(|\)|\[|\]|<|>|\||\{[^{}\s]+\}|[^\s()\[\]<>|{}]+|[{}]")
_GROUPS = {"(": ")", "[": "]", "<": ">"}
_BRACKETS = frozenset("()[]<>")


class PhraseSyntaxError(ValueError):
    """The phrase does not follow the syntax above; the message says where."""


@dataclass(frozen=True, slots=True)
class Slot:
    """One position in a phrase: the word sequences it accepts, and whether it may be empty."""

    choices: tuple[tuple[str, ...], ...]
    optional: bool = False
    context: bool = False
    """Must match, but is not reported: a `<...>` group at either end of the phrase."""


def _word_variants(word: str) -> tuple[tuple[str, ...], ...]:
    """Return the spellings of one written word, each as a sequence of words."""
    if word.startswith("{") and word.endswith("}"):
        base = word[1:-1]
        if not base or not re.fullmatch(r"[A-Za-z][A-Za-z'-]*", base):
            raise PhraseSyntaxError(f"'{word}' must name one word, like {{put}}")
        return tuple((form,) for form in sorted(forms_of(base)))
    if "{" in word or "}" in word:
        raise PhraseSyntaxError(f"'{word}': braces hold one whole word, like {{put}}")
    low = word.lower()
    spellings = [low, low.replace("'", "\u2019")] if "'" in low else [low]
    variants: list[tuple[str, ...]] = []
    for spelling in spellings:
        variants.append((spelling,))
        if "-" in spelling.strip("-") and not spelling.startswith("-"):
            parts = [p for p in spelling.split("-") if p]
            variants += [tuple(parts), ("".join(parts),)]
    return tuple(dict.fromkeys(variants))


@functools.lru_cache(maxsize=4096)
def parse(phrase: str) -> tuple[Slot, ...]:
    """Parse a phrase into slots; raise PhraseSyntaxError naming the problem.

    Cached: the loader, the trigger scan and the matcher all parse the same phrases.
    """
    tokens = _TOKEN_RE.findall(phrase)
    if not tokens:
        raise PhraseSyntaxError("the phrase is empty")
    slots: list[Slot] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok in _GROUPS:
            close = _GROUPS[tok]
            try:
                end = tokens.index(close, i + 1)
            except ValueError:
                raise PhraseSyntaxError(f"'{tok}' is never closed with '{close}'") from None
            inner = tokens[i + 1 : end]
            if any(t in _BRACKETS for t in inner):
                raise PhraseSyntaxError("groups cannot be nested; write the alternatives out")
            choices = _group_choices(inner)
            optional = tok == "[" or () in choices
            nonempty = tuple(c for c in choices if c)
            if not nonempty:
                raise PhraseSyntaxError(f"the group '{tok}{close}' has no words in it")
            if tok == "<" and optional:
                raise PhraseSyntaxError("a <context> group cannot be left out; write it without an empty choice")
            slots.append(Slot(nonempty, optional, context=tok == "<"))
            i = end + 1
        elif tok in ("{", "}"):
            raise PhraseSyntaxError("braces hold one whole word, like {put}")
        elif tok in (")", "]", ">", "|"):
            raise PhraseSyntaxError(f"'{tok}' appears outside a group")
        else:
            slots.append(Slot(_word_variants(tok)))
            i += 1
    _check_context(slots)
    if all(s.optional or s.context for s in slots):
        raise PhraseSyntaxError("every part of the phrase is optional, so it could match nothing")
    return tuple(slots)


def edge_counts(flags: Sequence[bool]) -> tuple[int, int]:
    """Return how many True flags lead and trail the sequence (all of them count as leading).

    Shared by <context> groups in phrases and CONTEXT tokens in token patterns.
    """
    lead = next((i for i, f in enumerate(flags) if not f), len(flags))
    trail = next((i for i, f in enumerate(reversed(flags)) if not f), len(flags))
    return lead, trail


def _check_context(slots: list[Slot]) -> None:
    """Require <context> groups to stand at the start or the end, around the flagged words."""
    flags = [s.context for s in slots]
    lead, trail = edge_counts(flags)
    if lead == len(flags):
        raise PhraseSyntaxError("a phrase needs words to flag outside its <context> groups")
    if any(flags[lead : len(flags) - trail]):
        raise PhraseSyntaxError("a <context> group goes at the start or the end of the phrase")


def context_counts(slots: tuple[Slot, ...]) -> tuple[int, int]:
    """Return how many <context> slots lead and trail the phrase (see `parse`)."""
    return edge_counts([s.context for s in slots])


def _group_choices(inner: list[str]) -> tuple[tuple[str, ...], ...]:
    """Split the tokens inside a group at '|' and expand each alternative's words."""
    alternatives: list[list[str]] = [[]]
    for tok in inner:
        if tok == "|":
            alternatives.append([])
        else:
            alternatives[-1].append(tok)
    choices: list[tuple[str, ...]] = []
    for alt in alternatives:
        if not alt:
            choices.append(())
            continue
        for combo in itertools.product(*(_word_variants(w) for w in alt)):
            choices.append(tuple(w for part in combo for w in part))
    return tuple(dict.fromkeys(choices))


def count_variants(slots: tuple[Slot, ...]) -> int:
    """Return how many plain strings the slots expand to."""
    total = 1
    for slot in slots:
        total *= len(slot.choices) + (1 if slot.optional else 0)
    return total


def expand(slots: tuple[Slot, ...]) -> list[str]:
    """Return every plain string the slots accept, words joined by single spaces."""
    options = [list(s.choices) + ([()] if s.optional else []) for s in slots]
    out = []
    for combo in itertools.product(*options):
        words = [w for part in combo for w in part]
        if words:
            out.append(" ".join(words))
    return list(dict.fromkeys(out))
