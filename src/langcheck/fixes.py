"""Apply the safe fixes of findings to a text, without touching anything else.

Only rules with a `fix` (one-to-one term swaps such as "historic abuse" -> "non-recent abuse")
produce fixes; everything else is left to the writer, who knows the facts.
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
