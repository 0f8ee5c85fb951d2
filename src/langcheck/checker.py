"""The one pipeline every way of checking a text goes through.

    prefilter -> match -> filters (exceptions, quotes, mentions, child gate, unless) -> suppress -> place

The CLI, the library (`Linter.check`, `check_many`, `check_file`), the spaCy component, the
server and `test-rules` all call a Checker, so they cannot disagree about a text:

- prefilter: the trigger scan (plain Python, no spaCy) picks the paragraphs some rule could
  match; a clean note is answered here, without importing spaCy.
- match: each chosen paragraph is tokenised (or taken from a Doc the caller's pipeline made)
  and the compiled matchers find hits (engine.py). Sentence boundaries come from sentences.py.
- filters: a declared sequence, `FILTERS`, each of which may drop a hit.
- suppress: per-file ignores and inline `langcheck: ignore` comments (directives.py).
- place: only now is a hit rendered into a Finding, with its message, line and column.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from langcheck import directives
from langcheck.chunking import matching_chunks, owners
from langcheck.config import Config
from langcheck.models import Finding, Options, Rule, Severity
from langcheck.positions import LineIndex
from langcheck.ruleset import RuleSet, selects
from langcheck.surrogates import without_surrogates
from langcheck.triggers import Triggers

if TYPE_CHECKING:
    from langcheck.conditions.adulthood import Record
    from langcheck.engine import CompiledRules, Hit


class DocumentRecord:
    """What the whole text says about ages (header fields, ages beside names), read only if a rule asks.

    A paragraph is checked on its own, but a record's header (where the age usually is) may be
    in another paragraph, so it is read from the whole text.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._record: Record | None = None

    @property
    def record(self) -> Record:
        from langcheck.conditions.adulthood import read_record

        if self._record is None:
            self._record = read_record(self._text)
        return self._record


@dataclass(frozen=True, slots=True)
class Scene:
    """What a filter may read besides the hit itself: the run's options and the whole text."""

    options: Options
    whole: DocumentRecord


@dataclass(frozen=True, slots=True)
class Filter:
    """One named filter stage: `drops(hit, scene)` is True for a hit that must not be reported."""

    name: str
    drops: Callable[[Hit, Scene], bool]


def _excepted(hit: Hit, scene: Scene) -> bool:
    return hit.excepted


def _quoted(hit: Hit, scene: Scene) -> bool:
    return hit.quoted and not scene.options.include_quotes


def _mentioned(hit: Hit, scene: Scene) -> bool:
    """The words are named as words, or the prose is about the language rather than a record."""
    from langcheck.conditions import guidance_prose, mention

    return mention(hit.candidate) or guidance_prose(hit.candidate)


def _child_gate(hit: Hit, scene: Scene) -> bool:
    """Drop a child-only rule's hit when the person it describes is shown to be an adult.

    A child is presumed unless the text shows that the person the words describe is an adult:
    their own age or an adult noun first, then the whole record's DOB or age fields.
    """
    from langcheck.conditions.adulthood import Adulthood, person_adulthood
    from langcheck.models import Audience, Subject

    subject = scene.options.subject
    if hit.rule.applies_to is Audience.ANY or subject is Subject.CHILD:
        return False
    if subject is Subject.ADULT:
        return True
    record = scene.whole.record
    verdict = person_adulthood(hit.candidate, record.names)
    if verdict is Adulthood.UNKNOWN:
        verdict = record.fields
    return verdict is Adulthood.ADULT


def _unless(hit: Hit, scene: Scene) -> bool:
    from langcheck.conditions import CONDITIONS

    return any(CONDITIONS[name](hit.candidate) for name in hit.rule.unless)


FILTERS: tuple[Filter, ...] = (
    Filter("exceptions", _excepted),
    Filter("quotes", _quoted),
    Filter("mentions", _mentioned),
    Filter("child gate", _child_gate),
    Filter("unless", _unless),
)
"""The filter stages, in the order they run: cheap and universal first, the rule's own last."""


def place(hit: Hit, lines: LineIndex, *, offset: int, path: str) -> Finding:
    """The place stage: render a surviving hit as a Finding at its offset, line and column."""
    from langcheck.wording import render

    rule, cand = hit.rule, hit.candidate
    match = cand.context.text[cand.char_start : cand.char_end]
    start, end = cand.char_start + offset, cand.char_end + offset
    at_sentence_start = cand.start == cand.sent_start
    line, col = lines.position(start)
    end_line, end_col = lines.position(end)
    return Finding(
        rule_id=rule.id,
        name=rule.name,
        category=rule.category,
        severity=Severity.INFO if hit.quoted else rule.severity,
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
        quoted=hit.quoted,
    )


class Checker:
    """Check texts against one selection of rules, through the stages above.

    `compiled` builds the matchers (and imports spaCy) when a text first needs them. With
    `suppress=False` the suppress stage is left out (the bare findings of the rules).
    """

    def __init__(
        self,
        ruleset: RuleSet,
        options: Options,
        *,
        triggers: Triggers,
        compiled: Callable[[], CompiledRules],
        config: Config | None = None,
        suppress: bool = True,
    ) -> None:
        self.ruleset = ruleset
        self.options = options
        self.triggers = triggers
        self.config = config or Config()
        self._compile = compiled
        self._compiled: CompiledRules | None = None
        self._suppress = suppress
        self._rules: dict[str, Rule] = {r.id: r for r in ruleset}

    @property
    def compiled(self) -> CompiledRules:
        """Return the compiled matchers, building them (and importing spaCy) on first use."""
        if self._compiled is None:
            self._compiled = self._compile()
        return self._compiled

    # prefilter

    def prefilter(self, text: str) -> list[tuple[int, int]]:
        """Return (start, end) of each paragraph of `text` that some rule could match."""
        return matching_chunks(self.triggers, text)

    # one text

    def check(self, text: str, *, path: str = "-", spans: list[tuple[int, int]] | None = None) -> list[Finding]:
        """Return the findings for one text (a text with no trigger word never loads spaCy)."""
        spans = self.prefilter(text) if spans is None else spans
        docs = ((start, self.compiled.parse(text[start:end])) for start, end in spans) if spans else iter(())
        return self.suppress(text, self._findings(text, docs, path, owners(spans)), path)

    def check_doc(self, doc: Any, *, path: str = "-") -> list[Finding]:
        """Return the findings for a Doc the caller's pipeline has already made (the component).

        The Doc is checked a paragraph at a time, as `check` checks a string: each paragraph
        the prefilter picks is taken from the Doc with the annotation it has.
        """
        text = doc.text
        docs = []
        spans = self.prefilter(text)
        for start, end in spans:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                docs.append((span.start_char, span.as_doc()))
        return self.suppress(text, self._findings(text, iter(docs), path, owners(spans)), path)

    def check_many(self, texts: Iterable[str], *, batch_size: int = 64) -> Iterator[list[Finding]]:
        """Yield the findings for each text in turn, the paragraphs streamed through nlp.pipe."""
        pending: list[str] = []

        def flush() -> Iterator[list[Finding]]:
            spans = [self.prefilter(t) for t in pending]
            pieces = [without_surrogates(t[s:e]) for t, found in zip(pending, spans, strict=True) for s, e in found]
            docs = iter(self.compiled.nlp.pipe(pieces, batch_size=batch_size)) if pieces else iter(())
            for text, found in zip(pending, spans, strict=True):
                mine = [(start, next(docs)) for start, _ in found]
                yield self.suppress(text, self._findings(text, iter(mine), "-", owners(found)), "-")
            pending.clear()

        for text in texts:
            pending.append(text)
            if len(pending) >= batch_size:
                yield from flush()
        yield from flush()

    # match, filters, place

    def _findings(
        self, text: str, docs: Iterator[tuple[int, Any]], path: str, bounds: list[tuple[int, int]] | None = None
    ) -> list[Finding]:
        """Run match, the filters and place over each (offset, paragraph Doc) of `text`.

        `bounds` gives, for each piece, the range of finding starts it reports: the pieces of a
        very long paragraph overlap (chunking.py), and each finding is reported by one of them.
        Without it every piece reports all its findings.
        """
        out: list[Finding] = []
        scene: Scene | None = None
        lines: LineIndex | None = None
        unbounded = itertools.repeat((0, len(text) + 1))
        for (offset, doc), (low, high) in zip(docs, unbounded if bounds is None else bounds, strict=False):
            hits = self.compiled.match(doc)
            if not hits:
                continue
            if scene is None or lines is None:
                scene, lines = Scene(self.options, DocumentRecord(text)), LineIndex(text)
            for hit in hits:
                if not any(f.drops(hit, scene) for f in FILTERS):
                    finding = place(hit, lines, offset=offset, path=path)
                    if low <= finding.start < high:
                        out.append(finding)
        return out

    # suppress

    def suppress(self, text: str, findings: list[Finding], path: str) -> list[Finding]:
        """Apply per-file ignores and inline suppressions (see directives.py)."""
        if not self._suppress:
            return findings
        rules = self._rules
        config = self.config
        ignores = config.ignores_for(Path(path)) if path != "-" and config.per_file_ignores else ()
        if ignores:
            findings = [f for f in findings if not any(selects(s, rules[f.rule_id]) for s in ignores)]
        if "langcheck:" not in text.lower():
            return findings
        return directives.settle(text, findings, rules, path=path, report_unused=config.report_unused_suppressions)
