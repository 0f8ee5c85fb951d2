"""Regression corpora kept in the repository (benchmarks/corpus/): no finding on any trap, and
exactly the labelled passages (text and category) on each regression case."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from langcheck import Linter

CORPUS = Path(__file__).resolve().parents[1] / "benchmarks" / "corpus"
TRAPS = [json.loads(line) for line in (CORPUS / "lexicon-traps.jsonl").read_text(encoding="utf-8").splitlines()]
REGRESSIONS = [json.loads(line) for line in (CORPUS / "regressions.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


@pytest.mark.parametrize("case", TRAPS, ids=lambda c: c["id"])
def test_lexicon_false_positive_traps_are_not_flagged(linter: Linter, case: dict[str, str]) -> None:
    assert [(f.rule_id, f.text) for f in linter.check(case["text"])] == [], case["note"]


@pytest.mark.parametrize("case", REGRESSIONS, ids=lambda c: c["id"])
def test_regression_cases_flag_exactly_their_labelled_passages(linter: Linter, case: dict[str, Any]) -> None:
    found = sorted((f.text, f.category) for f in linter.check(case["text"]))
    assert found == sorted((s["text"], s["category"]) for s in case["spans"]), case["note"]
