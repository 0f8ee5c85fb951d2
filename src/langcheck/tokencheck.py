"""Validate token patterns with spaCy's own schema when a pack loads, not when a note first hits them.

spaCy checks a token pattern only when it is added to a Matcher, and langcheck adds one only
when a text first needs it, so a typo such as `{LOWR: a}` passed `rules` and `check` on a clean
note and failed later with a message that named no key. Here every pattern is checked against
the same schema spaCy uses, as the pack loads, and the first problem is reported with the file,
the pattern and the key. This imports spaCy, but only when a pack is read from YAML: a loaded
pack is cached (packcache.py), so a check of a clean note still never imports it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

_WHERE = re.compile(r"^\[(?P<path>(?:[^\[\]]|\[[^\]]*\])*)\]\s*(?P<problem>.*)$")
_TYPE_NAMES = re.compile(r"^(str|int|float|bool|list|dict|constrained-str|str-enum\[.*\]|TokenPattern\w*)$")
"""The schema's own type names, which pydantic puts in the path but a rule file never shows."""


def token_problem(tokens: Sequence[dict[str, Any]]) -> tuple[str, str] | None:
    """Return (key path inside the pattern, problem) for spaCy's first objection, or None.

    The key path reads like a rule file's own keys: `tokens[0].LOWR`.
    """
    from spacy.schemas import validate_token_pattern

    plain = [{k: v for k, v in tok.items() if k != "CONTEXT"} for tok in tokens]  # langcheck's own key
    errors = validate_token_pattern(plain)
    if not errors:
        return None
    match = _WHERE.match(errors[0])
    if match is None:
        return "tokens", f"is not a valid spaCy token pattern ({errors[0]})"
    parts = [p.strip() for p in match["path"].split("->")]
    if parts and parts[0] == "pattern":
        parts = parts[1:]
    key = "tokens"
    for i, part in enumerate(parts):
        if (i == 0 and part.isdigit()) or part.isdigit():
            key += f"[{part}]"
        elif not _TYPE_NAMES.match(part):
            key += f".{part}"
    problem = match["problem"].rstrip(".")
    if problem == "Extra inputs are not permitted":
        return key, "is not a key spaCy's token patterns know"
    return key, f"is not valid in a spaCy token pattern ({problem})"
