"""Run a rule's own examples: the public harness for the bundled pack and custom packs.

A rule file's `examples` are its tests. Each `fail` text must give a finding of that rule
(with exactly the `match` text, when one is given); each `pass` text must give none from it;
each `fix` text must fix to `fixed`, and the fixed text must then pass. Safeguarding teams run
this on their own packs with `langcheck test-rules DIR`, without writing Python.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass

from langcheck.citations import citation_problem
from langcheck.engine import CompiledRules
from langcheck.fixes import apply_fixes
from langcheck.models import Options, Rule
from langcheck.ruleset import RuleSet


@dataclass(frozen=True, slots=True)
class ExampleResult:
    """The outcome of one example of one rule."""

    rule_id: str
    kind: str  # fail | pass | fix | data
    text: str
    ok: bool
    problem: str = ""
    path: str | None = None


def run_rule(compiled: CompiledRules, rule: Rule) -> Iterator[ExampleResult]:
    """Yield one result per example of `rule`."""
    options = Options()

    def found(text: str) -> list[str]:
        return [f.text for f in compiled.findings(text, options) if f.rule_id == rule.id]

    for ex in rule.examples.fail:
        texts = found(ex.text)
        if not texts:
            yield ExampleResult(rule.id, "fail", ex.text, False, "the rule did not flag this text", rule.path)
        elif ex.match is not None and ex.match not in texts:
            got = ", ".join(repr(t) for t in texts)
            yield ExampleResult(rule.id, "fail", ex.text, False, f"flagged {got}, expected {ex.match!r}", rule.path)
        else:
            yield ExampleResult(rule.id, "fail", ex.text, True, path=rule.path)
    for text in rule.examples.passes:
        texts = found(text)
        problem = "the rule flagged " + ", ".join(repr(t) for t in texts) if texts else ""
        yield ExampleResult(rule.id, "pass", text, not texts, problem, rule.path)
    for fx in rule.examples.fix:
        mine = [f for f in compiled.findings(fx.text, options) if f.rule_id == rule.id]
        fixed = apply_fixes(fx.text, mine)
        if fixed != fx.fixed:
            yield ExampleResult(rule.id, "fix", fx.text, False, f"fixed to {fixed!r}, expected {fx.fixed!r}", rule.path)
        elif found(fixed):
            yield ExampleResult(rule.id, "fix", fx.text, False, "the fixed text is still flagged", rule.path)
        else:
            yield ExampleResult(rule.id, "fix", fx.text, True, path=rule.path)


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


def run_pack(compiled: CompiledRules) -> Iterator[ExampleResult]:
    """Yield every example result and data problem for the compiled rule set."""
    yield from check_data(compiled.ruleset)
    for rule in compiled.ruleset:
        yield from run_rule(compiled, rule)


# Examples that bite (issue 19) ------------------------------------------------------------------
#
# An example can pass and still test nothing of its rule: a `pass` text that the rule's patterns
# never match exercises no condition, exception or quote check; a `fail` text that gives more
# findings of the rule than it states lets unexpected findings go unseen. These checks report
# such examples; `langcheck test-rules --strict` makes them errors.


class Weakness(enum.Enum):
    """Why an example, though it passes, does not test its rule fully."""

    PASS_NOT_MATCHED = "pass-not-matched"  # the patterns never match: no condition is exercised
    FAIL_UNSTATED = "fail-unstated"  # the rule flags more than the example states


@dataclass(frozen=True, slots=True)
class BiteResult:
    """One example that does not bite, and why."""

    rule_id: str
    weakness: Weakness
    text: str
    problem: str
    path: str | None = None


def pattern_matches(compiled: CompiledRules, text: str) -> set[str]:
    """Return the ids of the rules whose patterns match `text`, before any condition or filter.

    The one place that reads the engine's matching stage directly (exceptions, quotes, the
    built-in mention and guidance filters, the age gate and `unless` all come after it). When
    the engine exposes its matches before the filters, this becomes a call to that.
    """
    from langcheck import engine
    from langcheck.chunking import matching_chunks

    found: set[str] = set()
    for start, end in matching_chunks(compiled.triggers, text):
        doc = compiled._parse(text[start:end])
        if not len(doc):
            continue
        ids = doc.to_array("LOWER")
        sentences = engine._sentence_bounds(doc, compiled._enders)
        prose = engine._Prose(doc, ids)
        found.update(rule_id for rule_id, _, _ in compiled._matches(doc, ids, ids.tolist(), sentences, prose))
    return found


def check_bite(compiled: CompiledRules) -> Iterator[BiteResult]:
    """Yield each example of the pack that passes without testing what it is there to test.

    A `pass` example is weak when the rule's patterns do not match it at all
    (`pattern_matches`), so no condition, exception, quote check or filter is exercised. A
    `fail` example is weak when the rule flags words in it beyond its `match` (or, with no
    `match`, flags it more than once).
    """
    for rule in compiled.ruleset:
        for text in rule.examples.passes:
            if rule.id not in pattern_matches(compiled, text):
                yield BiteResult(
                    rule.id,
                    Weakness.PASS_NOT_MATCHED,
                    text,
                    "the rule's patterns do not match this text, so it tests none of the rule's conditions",
                    rule.path,
                )
        for ex in rule.examples.fail:
            texts = [f.text for f in compiled.findings(ex.text, Options()) if f.rule_id == rule.id]
            if ex.match is not None and ex.match not in texts:
                continue  # a failed example, which run_rule reports
            extra = list(texts)
            if extra:
                extra.remove(ex.match if ex.match is not None else extra[0])
            if extra:
                got = ", ".join(repr(t) for t in texts)
                yield BiteResult(
                    rule.id,
                    Weakness.FAIL_UNSTATED,
                    ex.text,
                    f"the rule flags {got}; the example states {ex.match!r}"
                    if ex.match is not None
                    else f"the rule flags {got}; state each finding the example expects",
                    rule.path,
                )
