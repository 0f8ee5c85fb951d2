"""Refuse, when a rule is loaded, token patterns that would flag every word or could run for ever.

Two kinds of custom pattern are accepted by spaCy's Matcher but wrong for langcheck:

- A pattern with no required token of fixed words (`[{OP: "+"}]`, `[{}]`, only `REGEX` or
  `LIKE_NUM` tokens) flags every word, and defeats the trigger scan that lets langcheck skip
  the paragraphs no rule can match; docs/writing-rules.md requires one such token.
- A `REGEX` with nested repeats (`^(a+)+$`), a repeated choice (`(x|xx)+`), a back-reference,
  or great length can take time
  exponential in a word's length. Python's `re` holds the interpreter lock while it runs, so
  one such match freezes `langcheck serve` whole, health check included, and no time limit
  can stop it. It is refused before it ever runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from langcheck.triggers import normalise_token, token_requirements

MAX_REGEX = 200
"""Characters a token REGEX may have; a word-level pattern never needs more."""

Fail = Callable[[str, str, str], Exception]
"""Makes the error to raise: (the key in the rule file, the problem, what is expected)."""


def check_tokens(tokens: list[dict[str, Any]], where: str, key: str, fail: Fail) -> None:
    """Raise `fail(key..., problem, expected)` for a token pattern that matches without fixed
    words or has an unsafe REGEX; `where` names the rule file."""
    for j, tok in enumerate(tokens):
        if not tok:
            raise fail(f"{key}[{j}]", "is an empty token, which matches every word", "a token with a word")
        for path, regex in _regexes(tok):
            problem = regex_problem(regex)
            if problem is not None:
                raise fail(f"{key}[{j}].{path}.REGEX", problem, "a simple pattern with no repeat inside a repeat")
    try:
        required = token_requirements(normalise_token(t, where) for t in tokens)
    except Exception:
        return
    if not required:
        raise fail(
            key,
            "has no required token with fixed words, so it would flag text no trigger word can find",
            "at least one token without OP ?, * or ! that gives LOWER, ORTH, TEXT, NORM or LEMMA words",
        )


def _regexes(tok: dict[str, Any], path: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in tok.items():
        here = f"{path}.{key}" if path else str(key)
        if key == "REGEX":
            yield path or "REGEX", value
        elif isinstance(value, dict):
            yield from _regexes(value, here)


def regex_problem(regex: Any) -> str | None:
    """Return why a token REGEX could run for ever (or is not a pattern), or None if it is safe."""
    if not isinstance(regex, str):
        return f"is {type(regex).__name__}, not a pattern"
    if len(regex) > MAX_REGEX:
        return f"is {len(regex)} characters long, over the {MAX_REGEX} allowed"
    try:
        from re import _parser  # type: ignore[attr-defined]  # the stdlib's own parser of patterns

        tree = _parser.parse(regex)
    except re.error as exc:
        return f"is not a valid regular expression ({exc})"
    return _walk(tree, _parser.MAXREPEAT, inside_repeat=False)


_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})


def _walk(items: Any, maxrepeat: Any, *, inside_repeat: bool) -> str | None:
    """Return the first unsafe construct in a parsed pattern (re's own parse tree), or None."""
    for op, arg in items:
        name = str(op)
        problem = _node_problem(name, arg, maxrepeat, inside_repeat=inside_repeat)
        if problem is not None:
            return problem
        for child, repeated in _children(name, arg, maxrepeat):
            problem = _walk(child, maxrepeat, inside_repeat=inside_repeat or repeated)
            if problem is not None:
                return problem
    return None


def _repeats(high: Any, maxrepeat: Any) -> bool:
    return bool(high is maxrepeat or high > 1)


def _node_problem(name: str, arg: Any, maxrepeat: Any, *, inside_repeat: bool) -> str | None:
    if name in ("GROUPREF", "GROUPREF_EXISTS"):
        return "uses a back-reference, which can take exponential time"
    if not inside_repeat:
        return None
    if name in _REPEATS and _repeats(arg[1], maxrepeat):
        return "repeats a repeat (like (a+)+), which can take exponential time on a long word"
    if name == "BRANCH":
        return "repeats a choice (like (x|xx)+), which can take exponential time on a long word"
    return None


def _children(name: str, arg: Any, maxrepeat: Any) -> list[tuple[Any, bool]]:
    """Return the sub-patterns of a node, each with whether it is repeated."""
    if name in _REPEATS:
        return [(arg[2], _repeats(arg[1], maxrepeat))]
    if name == "SUBPATTERN":
        return [(arg[-1], False)]
    if name == "BRANCH":
        return [(branch, False) for branch in arg[1]]
    if name in ("ASSERT", "ASSERT_NOT"):
        return [(arg[1], False)]
    return []
