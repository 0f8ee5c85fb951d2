"""Inline suppressions that work in any text format.

A writer or reviewer who has weighed a finding can say so in the document itself, in whatever
comment form the format has (or none, in plain text):

    ... her boyfriend's flat.   <!-- langcheck: ignore[RE001] -->    this line, these rules
    langcheck: ignore                                              this line, every rule
    langcheck: disable-next-line[AD]                               the next line with text
    langcheck: disable[missing]  ...  langcheck: enable[missing]   a stretch of lines
    langcheck: disable  ...  langcheck: enable                     everything in between

Inside the brackets go rule ids, prefixes, names or categories, as for `--ignore`. Each
suppression remembers whether it silenced anything, so stale ones can be reported
(`--report-unused-suppressions`), as ruff does with unused `noqa`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from langcheck.models import Finding, Rule, Severity
from langcheck.positions import LineIndex
from langcheck.ruleset import selects

_DIRECTIVE_RE = re.compile(
    r"langcheck:\s*(?P<kind>ignore|disable-next-line|disable|enable)\b(?:\[(?P<rules>[^\]\n]*)\])?",
    re.IGNORECASE,
)

UNUSED_RULE_ID = "LC001"


@dataclass(frozen=True, slots=True)
class Suppression:
    """Lines [first, last] on which the named rules (all, if none are named) are silenced."""

    first: int
    last: int
    selectors: tuple[str, ...]
    line: int  # where the directive itself is written
    column: int
    start: int  # character offsets of the directive, for reporting it
    end: int
    text: str

    def covers(self, finding: Finding, rule: Rule | None) -> bool:
        """Return True if this suppression silences the finding."""
        if not self.first <= finding.line <= self.last:
            return False
        if not self.selectors:
            return True
        return rule is not None and any(selects(s, rule) for s in self.selectors)


def parse(text: str) -> list[Suppression]:
    """Find every directive in the text and turn it into line ranges."""
    index = LineIndex(text)
    line_starts = index.starts
    total_lines = len(line_starts)
    out: list[Suppression] = []
    open_blocks: list[tuple[tuple[str, ...], int, re.Match[str], int, int]] = []
    for m in _DIRECTIVE_RE.finditer(text):
        line, column = index.position(m.start())
        kind = m.group("kind").lower()
        selectors = tuple(s.strip() for s in (m.group("rules") or "").split(",") if s.strip())
        if kind == "ignore":
            out.append(Suppression(line, line, selectors, line, column, m.start(), m.end(), m.group(0)))
        elif kind == "disable-next-line":
            target = _next_line_with_text(text, line_starts, line)
            out.append(Suppression(target, target, selectors, line, column, m.start(), m.end(), m.group(0)))
        elif kind == "disable":
            open_blocks.append((selectors, line, m, line, column))
        else:  # enable closes the most recent matching disable (or every block, if bare)
            for i in range(len(open_blocks) - 1, -1, -1):
                sel, first, dm, dline, dcol = open_blocks[i]
                if not selectors or set(selectors) == set(sel):
                    out.append(Suppression(first, line, sel, dline, dcol, dm.start(), dm.end(), dm.group(0)))
                    del open_blocks[i]
                    if selectors:
                        break
    for sel, first, dm, dline, dcol in open_blocks:
        out.append(Suppression(first, total_lines, sel, dline, dcol, dm.start(), dm.end(), dm.group(0)))
    return out


def _next_line_with_text(text: str, line_starts: list[int], line: int) -> int:
    """Return the number of the first line after `line` that is not blank.

    Blank lines are skipped because documents put one between paragraphs: in a Word file the
    directive is a paragraph of its own, and the paragraph it means comes after a blank line.
    """
    for number in range(line + 1, len(line_starts) + 1):
        start = line_starts[number - 1]
        end = line_starts[number] if number < len(line_starts) else len(text)
        if text[start:end].strip():
            return number
    return line + 1


def apply(
    findings: Iterable[Finding], suppressions: list[Suppression], rules: dict[str, Rule]
) -> tuple[list[Finding], list[Suppression]]:
    """Return the findings no suppression covers, and the suppressions that covered nothing."""
    used: set[int] = set()
    kept: list[Finding] = []
    for f in findings:
        hit = [i for i, s in enumerate(suppressions) if s.covers(f, rules.get(f.rule_id))]
        if hit:
            used.update(hit)
        else:
            kept.append(f)
    return kept, [s for i, s in enumerate(suppressions) if i not in used]


def unused_finding(s: Suppression, path: str) -> Finding:
    """Return a finding that reports a suppression which silenced nothing."""
    what = f"[{', '.join(s.selectors)}]" if s.selectors else ""
    return Finding(
        rule_id=UNUSED_RULE_ID,
        name="unused-suppression",
        category="langcheck",
        severity=Severity.WARNING,
        message=f"this suppression{(' ' + what) if what else ''} silences nothing; remove it",
        text=s.text,
        start=s.start,
        end=s.end,
        line=s.line,
        column=s.column,
        end_line=s.line,
        end_column=s.column + (s.end - s.start),
        suggestions=(),
        fix=None,
        path=path,
    )
