"""Every example of every bundled rule, and checks of the rule pack's data as a whole."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from langcheck.checker import Checker
from langcheck.linter import Linter
from langcheck.models import Rule
from langcheck.ruleset import bundled_rules_dir, load_rules
from langcheck.testing import check_data, run_rule

RULESET = load_rules()
PREFIXES = {
    "agency": "AG",
    "responsibility": "RS",
    "consent": "CO",
    "sexualising": "SX",
    "relationship": "RE",
    "adultification": "AD",
    "criminalising": "CR",
    "missing": "MI",
    "dismissive": "DI",
    "character": "CH",
    "minimising": "MN",
    "offender-minimising": "OM",
}


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Linter().checker


@pytest.mark.parametrize("rule", list(RULESET), ids=lambda r: r.id)
def test_rule_examples(checker: Checker, rule: Rule) -> None:
    failures = [f"{r.kind}: {r.text!r}: {r.problem}" for r in run_rule(checker, rule) if not r.ok]
    assert not failures, "\n".join(failures)


def test_pack_data_is_consistent() -> None:
    assert [r.problem for r in check_data(RULESET) if not r.ok] == []


def test_every_category_of_the_lexicon_is_covered() -> None:
    assert set(RULESET.categories) == set(PREFIXES)


@pytest.mark.parametrize("rule", list(RULESET), ids=lambda r: r.id)
def test_bundled_rules_meet_the_pack_standard(rule: Rule) -> None:
    assert rule.id.startswith(PREFIXES[rule.category])
    assert len(rule.examples.fail) >= 2, "at least two fail examples"
    assert len(rule.examples.passes) >= 2, "at least two pass examples"
    assert rule.sources, "at least one source"
    assert rule.suggestions, "at least one suggestion"
    assert len(rule.message) <= 110, "messages stay short"


def test_rule_names_are_unique() -> None:
    counts = Counter(r.name for r in RULESET)
    assert [n for n, c in counts.items() if c > 1] == []


def test_rule_files_live_in_their_category_folder() -> None:
    for rule in RULESET:
        assert rule.path is not None
        assert re.search(rf"{re.escape(rule.category)}[/\\]{rule.id}-{rule.name}\.yaml$", rule.path)
    assert bundled_rules_dir().is_dir()


def test_trigger_scan_never_rules_out_a_text_a_rule_flags(checker: Checker) -> None:
    """The cheap scan must be a superset: every fail example must get past it."""
    missed = [(r.id, ex.text) for r in RULESET for ex in r.examples.fail if not checker.triggers.may_match(ex.text)]
    assert missed == []
