"""Run a rule's own examples: the public harness for the bundled pack and custom packs.

A rule file's `examples` are its tests. Each `fail` text must give a finding of that rule
(with exactly the `match` text, when one is given); each `pass` text must give none from it;
each `fix` text must fix to `fixed`, and the fixed text must then pass. Safeguarding teams run
this on their own packs with `langcheck test-rules DIR`, without writing Python.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from langcheck.checker import Checker
from langcheck.citations import citation_problem
from langcheck.fixes import apply_fixes
from langcheck.models import Rule
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


def run_rule(checker: Checker, rule: Rule) -> Iterator[ExampleResult]:
    """Yield one result per example of `rule`, each text checked as `langcheck check` checks it."""

    def found(text: str) -> list[str]:
        return [f.text for f in checker.check(text) if f.rule_id == rule.id]

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
        mine = [f for f in checker.check(fx.text) if f.rule_id == rule.id]
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


def run_pack(checker: Checker, rules: RuleSet | None = None) -> Iterator[ExampleResult]:
    """Yield every example result and data problem for `rules` (default: all the checker's)."""
    chosen = checker.ruleset if rules is None else rules
    yield from check_data(chosen)
    for rule in chosen:
        yield from run_rule(checker, rule)
