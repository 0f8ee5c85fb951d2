"""Regression corpora kept in the repository (benchmarks/corpus/): no finding on any trap."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from langcheck import Linter

CORPUS = Path(__file__).resolve().parents[1] / "benchmarks" / "corpus"
TRAPS = [json.loads(line) for line in (CORPUS / "lexicon-traps.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


@pytest.mark.parametrize("case", TRAPS, ids=lambda c: c["id"])
def test_lexicon_false_positive_traps_are_not_flagged(linter: Linter, case: dict[str, str]) -> None:
    assert [(f.rule_id, f.text) for f in linter.check(case["text"])] == [], case["note"]
