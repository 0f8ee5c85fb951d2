"""Apply the fixes of findings to a text, without touching anything else.

A finding's `fix` is its first replacement: words that fit where the flagged words stood
(a term swap such as "historic" -> "non-recent", or a rewording pinned by the rule's examples).
Hints, which need the writer's knowledge of the facts, are never applied.
"""

from __future__ import annotations

from collections.abc import Iterable

from langcheck.models import Finding


def fixable(findings: Iterable[Finding]) -> list[Finding]:
    """Return the findings that carry a fix, earliest first, dropping any that overlap."""
    chosen: list[Finding] = []
    for f in sorted((f for f in findings if f.fix is not None), key=lambda f: (f.start, -f.end)):
        if chosen and f.start < chosen[-1].end:
            continue
        chosen.append(f)
    return chosen


def apply_fixes(text: str, findings: Iterable[Finding]) -> str:
    """Return the text with every non-overlapping fix applied."""
    out = []
    pos = 0
    for f in fixable(findings):
        out.append(text[pos : f.start])
        out.append(f.fix or "")
        pos = f.end
    out.append(text[pos:])
    return "".join(out)
