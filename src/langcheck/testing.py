"""Run a rule's own examples: the public harness for the bundled pack and custom packs.

A rule file's `examples` are its tests. Each `fail` text must give a finding of that rule
(with exactly the `match` text, when one is given); each `pass` text must give none from it;
each `fix` text must fix to `fixed`, and the fixed text must then pass. A rule with
replacements pins, for each `fail` text, the text as it reads once the first replacement is put
in place (`applied`): it must read exactly so, and the whole pack must find nothing in it, so a
replacement never leaves a broken or still-blaming sentence. Safeguarding teams run this on
their own packs with `langcheck test-rules DIR`, without writing Python.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from langcheck.checker import Checker
from langcheck.citations import citation_problem
from langcheck.fixes import apply_fixes
from langcheck.models import Audience, FailExample, Options, Rule
from langcheck.ruleset import RuleSet

if TYPE_CHECKING:
    from langcheck.engine import CompiledRules


@dataclass(frozen=True, slots=True)
class ExampleResult:
    """The outcome of one example of one rule."""

    rule_id: str
    kind: str  # fail | applied | pass | fix | data
    text: str
    ok: bool
    problem: str = ""
    path: str | None = None


def run_rule(checker: Checker, rule: Rule) -> Iterator[ExampleResult]:
    """Yield one result per example of `rule`, each text checked as `langcheck check` checks it."""

    def found(text: str) -> list[str]:
        return [f.text for f in checker.check(text) if f.rule_id == rule.id]

    for ex in rule.examples.fail:
        texts = found(ex.text)
        if not texts:
            yield ExampleResult(rule.id, "fail", ex.text, False, "the rule did not flag this text", rule.path)
        elif Counter(ex.stated) - Counter(texts):
            got = ", ".join(repr(t) for t in texts)
            want = ", ".join(repr(t) for t in ex.stated)
            yield ExampleResult(rule.id, "fail", ex.text, False, f"flagged {got}, expected {want}", rule.path)
        else:
            yield ExampleResult(rule.id, "fail", ex.text, True, path=rule.path)
            if rule.replacements:
                yield _applied(checker, rule, ex)
    for text in rule.examples.passes:
        texts = found(text)
        problem = "the rule flagged " + ", ".join(repr(t) for t in texts) if texts else ""
        yield ExampleResult(rule.id, "pass", text, not texts, problem, rule.path)
    for fx in rule.examples.fix:
        mine = [f for f in checker.check(fx.text) if f.rule_id == rule.id]
        fixed = apply_fixes(fx.text, mine)
        if fixed != fx.fixed:
            yield ExampleResult(rule.id, "fix", fx.text, False, f"fixed to {fixed!r}, expected {fx.fixed!r}", rule.path)
        elif found(fixed):
            yield ExampleResult(rule.id, "fix", fx.text, False, "the fixed text is still flagged", rule.path)
        else:
            yield ExampleResult(rule.id, "fix", fx.text, True, path=rule.path)


def _applied(checker: Checker, rule: Rule, ex: FailExample) -> ExampleResult:
    """Check that the first replacement gives the pinned text, and that the whole pack passes it."""

    def result(ok: bool, problem: str = "") -> ExampleResult:
        return ExampleResult(rule.id, "applied", ex.text, ok, problem, rule.path)

    if not ex.pinned:
        return result(False, "has no applied: give the text as it reads with the first replacement, or null")
    mine = [f for f in checker.check(ex.text) if f.rule_id == rule.id]
    finding = next((f for f in mine if ex.match is None or f.text == ex.match), mine[0])
    first = finding.replacements[0] if finding.replacements else None
    applied = None if first is None else ex.text[: finding.start] + first + ex.text[finding.end :]
    left = [] if applied is None or applied != ex.applied else checker.check(applied)
    if applied == ex.applied and not left:
        return result(True)
    if applied is None:
        problem = f"no replacement fits here, so it cannot read {ex.applied!r}; pin applied: null"
    elif ex.applied is None:
        problem = f"the replacement {first!r} is offered here (giving {applied!r}); pin that or narrow when"
    elif applied != ex.applied:
        problem = f"replaced to {applied!r}, expected {ex.applied!r}"
    else:
        problem = "the pack still flags the replaced text: " + ", ".join(f"{f.rule_id} {f.text!r}" for f in left)
    return result(False, problem)


def check_data(ruleset: RuleSet) -> Iterator[ExampleResult]:
    """Yield a failed result for each problem with the pack's data as a whole."""
    for rule in ruleset:
        if not rule.examples.passes:
            yield ExampleResult(rule.id, "data", "", False, "has no pass example", rule.path)
        for source in rule.sources:
            if source not in ruleset.sources:
                yield ExampleResult(rule.id, "data", "", False, f"cites {source!r}, not in sources.yaml", rule.path)
        problem = citation_problem(rule, ruleset.sources)
        if problem is not None and all(s in ruleset.sources for s in rule.sources):
            yield ExampleResult(rule.id, "data", "", False, f"{problem[0]}; expected {problem[1]}", rule.path)


def run_pack(checker: Checker, rules: RuleSet | None = None) -> Iterator[ExampleResult]:
    """Yield every example result and data problem for `rules` (default: all the checker's)."""
    chosen = checker.ruleset if rules is None else rules
    yield from check_data(chosen)
    for rule in chosen:
        yield from run_rule(checker, rule)


# Examples that bite (issue 19) ------------------------------------------------------------------
#
# An example can pass and still test nothing of its rule: a `pass` text that the rule's patterns
# never match exercises no condition, exception or quote check; a `fail` text that gives more
# findings of the rule than it states lets unexpected findings go unseen; a condition that no
# example is kept quiet by could be deleted, or broken, and every example would still pass.
# These checks report such examples; `langcheck test-rules --strict` makes them errors.


class Weakness(enum.Enum):
    """Why an example, though it passes, does not test its rule fully."""

    PASS_NOT_MATCHED = "pass-not-matched"  # the patterns never match: no condition is exercised
    FAIL_UNSTATED = "fail-unstated"  # the rule flags more than the example states
    GUARD_UNTESTED = "guard-untested"  # no pass example is kept quiet by this guard alone


@dataclass(frozen=True, slots=True)
class BiteResult:
    """One example (or one guard of a rule) that does not bite, and why."""

    rule_id: str
    weakness: Weakness
    text: str
    problem: str
    path: str | None = None


CHILD_GATE = "applies_to: child"
"""The guard a child-only rule has by its audience: a note showing the person is an adult."""


def guards(rule: Rule) -> list[str]:
    """Return the guards of `rule` that must each keep at least one `pass` example quiet.

    One per `unless` condition ("unless: negated"), one per exception ("exception: <phrase>")
    and, for a child-only rule, the child gate (`CHILD_GATE`): each is a way the rule's patterns
    match and yet nothing is reported, and each needs a near-miss that shows it working.
    """
    named = [f"unless: {name}" for name in rule.unless] + [f"exception: {e}" for e in rule.exceptions]
    return named + ([CHILD_GATE] if rule.applies_to is not Audience.ANY else [])


class _Quieting:
    """Say, for each match of a rule in a text, every stage and guard that keeps it quiet."""

    def __init__(self, compiled: CompiledRules) -> None:
        self.compiled = compiled
        self._exceptions: dict[str, Any] = {}

    def _exception_matcher(self, rule: Rule) -> Any:
        """A SlotMatcher holding each of the rule's exceptions under its own key (its text)."""
        from langcheck.compiledwords import word_tokenizer
        from langcheck.phrases import parse
        from langcheck.slotmatcher import SlotMatcher

        matcher = self._exceptions.get(rule.id)
        if matcher is None:
            nlp = self.compiled.nlp
            matcher = SlotMatcher(word_tokenizer(nlp), nlp.vocab.strings.add)
            for exception in rule.exceptions:
                matcher.add(exception, parse(exception))
            self._exceptions[rule.id] = matcher
        return matcher

    def __call__(self, rule: Rule, text: str) -> list[frozenset[str]]:
        """Return, for each match of `rule`'s patterns in `text`, the guards and stages that drop it.

        A guard is named as in `guards`; the other stages by their names in `checker.FILTERS`
        ("quotes", "mentions"). A match that nothing drops has an empty set (and is a finding).
        """
        from langcheck.checker import FILTERS, DocumentRecord, Scene
        from langcheck.chunking import matching_chunks
        from langcheck.conditions import CONDITIONS
        from langcheck.engine import _Prose

        # The rule's own stages are split into their guards below; the others run as the checker runs them.
        shared = [f for f in FILTERS if f.name not in ("exceptions", "unless")]
        scene = Scene(Options(), DocumentRecord(text))
        out: list[frozenset[str]] = []
        for start, end in matching_chunks(self.compiled.triggers, text):
            doc = self.compiled.parse(text[start:end])
            hits = [h for h in self.compiled.match(doc) if h.rule.id == rule.id]
            if not hits:
                continue
            covering: list[tuple[str, int, int]] = []
            if rule.exceptions:
                matcher = self._exception_matcher(rule)
                prose = _Prose(doc, doc.to_array("LOWER"))
                covering = prose.spans(matcher(prose.words))
            for hit in hits:
                cand = hit.candidate
                why = {f"exception: {key}" for key, s, e in covering if s <= cand.start and cand.end <= e}
                if hit.excepted and not why:
                    why.add("exceptions")  # the engine's longest-match rule chose one not named here
                why.update(CHILD_GATE if f.name == "child gate" else f.name for f in shared if f.drops(hit, scene))
                why.update(f"unless: {name}" for name in rule.unless if CONDITIONS[name](cand))
                out.append(frozenset(why))
        return out


def check_bite(compiled: CompiledRules, rules: RuleSet | None = None) -> Iterator[BiteResult]:
    """Yield each example of the pack that passes without testing what it is there to test.

    A `pass` example is weak when the rule's patterns do not match it at all, so no condition,
    exception, quote check or filter is exercised. A `fail` example is weak when the rule flags
    words in it beyond those it states (`match`, a list when the text is flagged more than
    once). A rule is weak in each guard (`guards`) that no `pass` example is kept quiet by
    alone: a near-miss matched by the patterns and dropped by that guard and nothing else, so
    that deleting or breaking the guard fails the example.
    """
    quieting = _Quieting(compiled)
    for rule in compiled.ruleset if rules is None else rules:
        pinned: set[str] = set()
        for text in rule.examples.passes:
            reasons = quieting(rule, text)
            if not reasons:
                yield BiteResult(
                    rule.id,
                    Weakness.PASS_NOT_MATCHED,
                    text,
                    "the rule's patterns do not match this text, so it tests none of the rule's conditions",
                    rule.path,
                )
            pinned.update(next(iter(why)) for why in reasons if len(why) == 1)
        for guard in guards(rule):
            if guard not in pinned:
                yield BiteResult(
                    rule.id,
                    Weakness.GUARD_UNTESTED,
                    guard,
                    f"no pass example is kept quiet by {guard!r} alone: add a near-miss the patterns "
                    "match that only this guard keeps quiet (or remove the guard if nothing needs it)",
                    rule.path,
                )
        for ex in rule.examples.fail:
            texts = [f.text for f in compiled.findings(ex.text, Options()) if f.rule_id == rule.id]
            if Counter(ex.stated) - Counter(texts):
                continue  # a failed example, which run_rule reports
            extra = Counter(texts) - Counter(ex.stated or texts[:1])
            if extra:
                got = ", ".join(repr(t) for t in texts)
                yield BiteResult(
                    rule.id,
                    Weakness.FAIL_UNSTATED,
                    ex.text,
                    f"the rule flags {got}; the example states "
                    + (", ".join(repr(t) for t in ex.stated) if ex.stated else "none")
                    + " (give match as a list of every flagged text)",
                    rule.path,
                )
