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

A directive is read strictly, because a misread one would silence more than the writer meant:
`ignore[AG001` (no `]`), `ignore[]`, `ignore [AG001]` or a misspelt kind silence nothing and are
reported (LC002, always on, whatever rules are selected). `enable[X]` turns back on every rule X
selects, whichever `disable` turned it off (`enable[agency]` ends `disable[AG001]`; bare
`enable` ends everything); a rule stays off from its `disable` to the line of the `enable`
that turns it back on, inclusive. A `disable` that some rule it silences is never turned back
on after runs to the end of the file, and is reported (LC002) so the writer can see how far.
A directive never runs over a line break of any kind (`\n`, `\r\n` or a lone `\r`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from langcheck.models import Finding, Rule, Severity
from langcheck.ruleset import selects

_MENTION_RE = re.compile(r"langcheck:", re.IGNORECASE)
_WORD_RE = re.compile(r"[ \t]*([A-Za-z][\w-]*)")
_KINDS = frozenset({"ignore", "disable-next-line", "disable", "enable"})
_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")

UNUSED_RULE_ID = "LC001"
MALFORMED_RULE_ID = "LC002"


@dataclass(frozen=True, slots=True)
class Suppression:
    """Lines [first, last] on which the named rules (all, if none are named) are silenced.

    A `disable` block runs to the end of the file (`last`) but stops, rule by rule, at each
    later `enable` in `ends` (its line and selectors) that turns the rule back on.
    """

    first: int
    last: int
    selectors: tuple[str, ...]
    line: int  # where the directive itself is written
    column: int
    start: int  # character offsets of the directive, for reporting it
    end: int
    text: str
    ends: tuple[tuple[int, tuple[str, ...]], ...] = ()
    block: bool = False

    def covers(self, finding: Finding, rule: Rule | None) -> bool:
        """Return True if this suppression silences the finding."""
        if not self.first <= finding.line <= self.last:
            return False
        if self.selectors and not (rule is not None and any(selects(s, rule) for s in self.selectors)):
            return False
        return not any(line < finding.line and _turns_on(chosen, rule) for line, chosen in self.ends)

    def unterminated(self, rules: dict[str, Rule]) -> bool:
        """Return True for a `disable` that leaves some rule it silences off to the end of the file."""
        if not self.block:
            return False
        if any(not chosen for _, chosen in self.ends):
            return False
        silenced = [r for r in rules.values() if not self.selectors or any(selects(s, r) for s in self.selectors)]
        return any(not any(_turns_on(chosen, r) for _, chosen in self.ends) for r in silenced) or (
            not silenced and not self.ends
        )


def _turns_on(chosen: tuple[str, ...], rule: Rule | None) -> bool:
    return not chosen or (rule is not None and any(selects(s, rule) for s in chosen))


@dataclass(frozen=True, slots=True)
class Problem:
    """A directive written wrongly: it silences nothing, and is reported as LC002."""

    start: int
    end: int
    message: str


@dataclass(frozen=True, slots=True)
class Parsed:
    """Every directive of a text: the suppressions, and the ones too malformed to obey."""

    suppressions: list[Suppression]
    problems: list[Problem]


@dataclass(frozen=True, slots=True)
class _Directive:
    kind: str
    selectors: tuple[str, ...]
    start: int
    end: int


def parse(text: str) -> list[Suppression]:
    """Find every well-formed directive in the text and turn it into line ranges."""
    return parse_all(text).suppressions


def parse_all(text: str) -> Parsed:
    """Find every directive in the text: the suppressions, and the problems of malformed ones."""
    line_starts = [0] + [m.end() for m in _LINE_BREAK_RE.finditer(text)]
    total_lines = len(line_starts)
    out: list[Suppression] = []
    problems: list[Problem] = []
    directives: list[_Directive] = []
    for m in _MENTION_RE.finditer(text):
        found = _read_directive(text, m.start(), m.end())
        if isinstance(found, Problem):
            problems.append(found)
        else:
            directives.append(found)
    enables = [(_line_of(line_starts, d.start), d.selectors) for d in directives if d.kind == "enable"]
    for d in directives:
        line = _line_of(line_starts, d.start)
        column = d.start - line_starts[line - 1] + 1
        raw = text[d.start : d.end]
        if d.kind == "ignore":
            out.append(Suppression(line, line, d.selectors, line, column, d.start, d.end, raw))
        elif d.kind == "disable-next-line":
            target = _next_line_with_text(text, line_starts, line)
            out.append(Suppression(target, target, d.selectors, line, column, d.start, d.end, raw))
        elif d.kind == "disable":
            later = tuple((at, chosen) for at, chosen in enables if at > line)
            out.append(Suppression(line, total_lines, d.selectors, line, column, d.start, d.end, raw, later, True))
    return Parsed(out, problems)


def _read_directive(text: str, start: int, after: int) -> _Directive | Problem:
    """Read the directive whose `langcheck:` spans [start, after), strictly (see the module's doc)."""
    word = _WORD_RE.match(text, after)
    if word is None:
        return Problem(
            start, after, "'langcheck:' is not followed by a directive, so it silences nothing; " + _KINDS_ADVICE
        )
    kind = word.group(1).lower()
    end = word.end()
    if kind not in _KINDS:
        return Problem(
            start, end, f"'{word.group(1)}' is not a langcheck directive, so it silences nothing; " + _KINDS_ADVICE
        )
    line_end = _LINE_BREAK_RE.search(text, end)
    stop = line_end.start() if line_end else len(text)
    if text.startswith("[", end):
        return _read_selectors(text, kind, start, end, stop)
    gap = len(text[end:stop]) - len(text[end:stop].lstrip(" \t"))
    if gap and text.startswith("[", end + gap):
        return Problem(
            start,
            end + gap + 1,
            f"'langcheck: {kind} [' has a space before '[', so it silences nothing; write 'langcheck: {kind}[...]'",
        )
    return _Directive(kind, (), start, end)


def _read_selectors(text: str, kind: str, start: int, bracket: int, stop: int) -> _Directive | Problem:
    close = text.find("]", bracket, stop)
    if close == -1:
        return Problem(start, stop, f"'langcheck: {kind}[' has no closing ']', so it silences nothing; close the list")
    selectors = tuple(s.strip() for s in text[bracket + 1 : close].split(",") if s.strip())
    if not selectors:
        return Problem(
            start,
            close + 1,
            f"'langcheck: {kind}[]' names no rules, so it silences nothing; "
            f"name the rules, or write 'langcheck: {kind}' for every rule",
        )
    return _Directive(kind, selectors, start, close + 1)


_KINDS_ADVICE = "write ignore, disable-next-line, disable or enable after it"


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


def _line_of(line_starts: list[int], offset: int) -> int:
    lo, hi = 0, len(line_starts)
    while lo + 1 < hi:
        mid = (lo + hi) // 2
        if line_starts[mid] <= offset:
            lo = mid
        else:
            hi = mid
    return lo + 1


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


def settle(
    text: str, findings: list[Finding], rules: dict[str, Rule], *, path: str, report_unused: bool
) -> list[Finding]:
    """Return the findings no directive silences, with LC002 for malformed or unclosed directives
    (always) and LC001 for suppressions that silenced nothing (if asked)."""
    parsed = parse_all(text)
    lines = [0] + [m.end() for m in _LINE_BREAK_RE.finditer(text)]
    kept, unused = apply(findings, parsed.suppressions, rules)
    extra = [
        _finding(
            MALFORMED_RULE_ID,
            "malformed-suppression",
            p.message,
            text,
            start=p.start,
            end=p.end,
            lines=lines,
            path=path,
        )
        for p in parsed.problems
    ]
    for s in parsed.suppressions:
        if s.unterminated(rules):
            what = f"[{', '.join(s.selectors)}]" if s.selectors else ""
            message = (
                f"this 'disable{what}' is never turned back on, so it silences to the end of the file; "
                f"add 'langcheck: enable{what}' where it should stop"
            )
            extra.append(
                _finding(
                    MALFORMED_RULE_ID,
                    "unclosed-suppression",
                    message,
                    text,
                    start=s.start,
                    end=s.end,
                    lines=lines,
                    path=path,
                )
            )
    if report_unused:
        extra += [unused_finding(s, path, text) for s in unused]
    if not extra:
        return kept
    return sorted(kept + extra, key=lambda f: (f.start, f.end, f.rule_id))


def unused_finding(s: Suppression, path: str, text: str | None = None) -> Finding:
    """Return a finding that reports a suppression which silenced nothing."""
    what = f"[{', '.join(s.selectors)}]" if s.selectors else ""
    message = f"this suppression{(' ' + what) if what else ''} silences nothing; remove it"
    source = text if text is not None else " " * s.start + s.text
    lines = [0] + [m.end() for m in _LINE_BREAK_RE.finditer(source)]
    return _finding(
        UNUSED_RULE_ID, "unused-suppression", message, source, start=s.start, end=s.end, lines=lines, path=path
    )


def _finding(
    rule_id: str, name: str, message: str, text: str, *, start: int, end: int, lines: list[int], path: str
) -> Finding:
    """Return a langcheck finding about a directive, its end placed on the line where it really ends."""
    line = _line_of(lines, start)
    end_line = _line_of(lines, max(end - 1, start))
    return Finding(
        rule_id=rule_id,
        name=name,
        category="langcheck",
        severity=Severity.WARNING,
        message=message,
        text=text[start:end],
        start=start,
        end=end,
        line=line,
        column=start - lines[line - 1] + 1,
        end_line=end_line,
        end_column=end - lines[end_line - 1] + 1,
        suggestions=(),
        fix=None,
        path=path,
    )
