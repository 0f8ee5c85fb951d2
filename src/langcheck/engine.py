"""Compile a RuleSet into spaCy matchers once, then turn texts into findings.

Flow for one text: a trigger scan (plain Python, no spaCy) rules out texts that contain none
of the words any pattern needs; otherwise the text is tokenised, both matchers run, and each
candidate passes through the rule's exceptions, the child gate, the universal conditions
(quoted speech, mention of a term as a term) and the rule's own `unless` conditions.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from langcheck.conditions import CONDITIONS, Candidate, mention
from langcheck.context import TextContext, analyse
from langcheck.errors import RuleError
from langcheck.models import Audience, Finding, Rule, Severity, Subject
from langcheck.phrases import expand, parse
from langcheck.ruleset import RuleSet
from langcheck.triggers import build_triggers, normalise_token
from langcheck.wording import render


@dataclass(frozen=True, slots=True)
class Options:
    """Per-run choices that change which matches survive, not how rules compile."""

    subject: Subject = Subject.AUTO
    include_quotes: bool = False


class CompiledRules:
    """A RuleSet compiled into one PhraseMatcher and one Matcher for a given pipeline."""

    def __init__(self, ruleset: RuleSet, nlp: Any) -> None:
        from spacy.matcher import Matcher, PhraseMatcher

        self.ruleset = ruleset
        self.nlp = nlp
        self.rules = {r.id: r for r in ruleset}
        self._phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._exceptions = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._tokens = Matcher(nlp.vocab, validate=True)
        self.triggers = build_triggers(ruleset)
        for rule in ruleset:
            where = rule.path or rule.id
            phrase_docs = []
            for pattern in rule.patterns:
                if pattern.phrase is not None:
                    slots = parse(pattern.phrase)
                    phrase_docs += [nlp.make_doc(s) for s in expand(slots)]
                else:
                    tokens = [normalise_token(t, where) for t in pattern.tokens or ()]
                    try:
                        self._tokens.add(rule.id, [tokens])
                    except Exception as exc:  # spaCy raises ValueError/MatchPatternError
                        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                        raise RuleError(
                            where,
                            "patterns",
                            f"a token pattern is not valid ({first[:160]})",
                            "spaCy Matcher token dicts",
                        ) from None
            if phrase_docs:
                self._phrases.add(rule.id, phrase_docs)
            exc_docs = [nlp.make_doc(s) for e in rule.exceptions for s in expand(parse(e))]
            if exc_docs:
                self._exceptions.add(rule.id, exc_docs)

    def may_match(self, text: str) -> bool:
        """Return False only if no pattern of any rule can match the text (no spaCy needed)."""
        return self.triggers.may_match(text)

    def findings(self, text: str, options: Options = Options(), *, path: str = "-") -> list[Finding]:
        """Return the findings for one text, in order of position then rule id."""
        if not self.may_match(text):
            return []
        return self.findings_for_doc(self.nlp(text), options, path=path)

    def findings_for_doc(self, doc: Any, options: Options = Options(), *, path: str = "-") -> list[Finding]:
        """Return the findings for a text already run through this pipeline."""
        text = doc.text
        ctx = analyse(text)
        raw = self._matches(doc)
        if not raw:
            return []
        strings = self.nlp.vocab.strings
        exceptions: dict[str, list[tuple[int, int]]] = {}
        for key, s, e in self._exceptions(doc) if len(self._exceptions) else ():
            exceptions.setdefault(strings[key], []).append((s, e))
        sent_starts = [s.start for s in doc.sents]
        sent_bounds = [(s.start, s.end) for s in doc.sents]
        lines = _LineIndex(text)
        out: list[Finding] = []
        for rule_id, start, end in raw:
            rule = self.rules[rule_id]
            if any(s <= start and end <= e for s, e in exceptions.get(rule_id, ())):
                continue
            si = bisect.bisect_right(sent_starts, start) - 1
            sent_start, sent_end = sent_bounds[si]
            cand = Candidate(doc, start, end, sent_start, min(sent_end, len(doc)), ctx)
            quoted = ctx.in_quotes(cand.char_start, cand.char_end)
            if (quoted and not options.include_quotes) or mention(cand):
                continue
            if not self._child_gate(rule, cand, ctx, options.subject):
                continue
            if any(CONDITIONS[name](cand) for name in rule.unless):
                continue
            out.append(self._finding(rule, cand, lines, path=path, quoted=quoted))
        return out

    def _matches(self, doc: Any) -> list[tuple[str, int, int]]:
        """Return (rule id, start, end) for every match, the longest per rule and place."""
        strings = self.nlp.vocab.strings
        found = [(strings[k], s, e) for k, s, e in self._phrases(doc)]
        if len(self._tokens):
            found += [(strings[k], s, e) for k, s, e in self._tokens(doc)]
        found.sort(key=lambda m: (m[0], m[1], -(m[2] - m[1])))
        kept: list[tuple[str, int, int]] = []
        last_end: dict[str, int] = {}
        for rule_id, s, e in found:
            if s < last_end.get(rule_id, -1):
                continue  # overlaps a longer or earlier match of the same rule
            kept.append((rule_id, s, e))
            last_end[rule_id] = e
        kept.sort(key=lambda m: (m[1], m[2], m[0]))
        return kept

    @staticmethod
    def _child_gate(rule: Rule, cand: Candidate, ctx: TextContext, subject: Subject) -> bool:
        """Return True if a child-only rule may fire here (always True for `any` rules)."""
        if rule.applies_to is Audience.ANY or subject is Subject.CHILD:
            return True
        if subject is Subject.ADULT:
            return False
        s, e = cand.sentence_chars
        if ctx.shows_child(s, e):
            return True
        ps, pe = ctx.paragraph_of(cand.char_start)
        return ctx.shows_child(ps, pe) or ctx.shows_child(0, len(ctx.text))

    def _finding(self, rule: Rule, cand: Candidate, lines: _LineIndex, *, path: str, quoted: bool) -> Finding:
        start, end = cand.char_start, cand.char_end
        match = cand.doc.text[start:end]
        at_sentence_start = cand.start == cand.sent_start
        line, col = lines.position(start)
        end_line, end_col = lines.position(end)
        return Finding(
            rule_id=rule.id,
            name=rule.name,
            category=rule.category,
            severity=Severity.INFO if quoted else rule.severity,
            message=render(rule.message, match),
            text=match,
            start=start,
            end=end,
            line=line,
            column=col,
            end_line=end_line,
            end_column=end_col,
            suggestions=tuple(render(s, match, capitalise=at_sentence_start) for s in rule.suggestions),
            fix=render(rule.fix, match, capitalise=match[:1].isupper()) if rule.fix else None,
            path=path,
            quoted=quoted,
        )


class _LineIndex:
    """Turn character offsets into 1-based line and column numbers."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


def with_path(findings: Iterable[Finding], path: str) -> Iterator[Finding]:
    """Return the findings with `path` set (for results computed before the path was known)."""
    for f in findings:
        yield replace(f, path=path)
