"""Regression corpora kept in the repository (benchmarks/corpus/): no finding on any trap, and
exactly the labelled passages (text and category) on each regression case. The published-wording
corpus is a measuring stick, not a test of the rules: its shape is checked here (every passage
labelled as the shared corpus README asks, and sourced), its figures are reported by
benchmarks/score_corpus.py."""

from __future__ import annotations

import itertools
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from langcheck import Linter

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import score_corpus

CORPUS = Path(__file__).resolve().parents[1] / "benchmarks" / "corpus"
TRAPS = [json.loads(line) for line in (CORPUS / "lexicon-traps.jsonl").read_text(encoding="utf-8").splitlines()]
REGRESSIONS = [json.loads(line) for line in (CORPUS / "regressions.jsonl").read_text(encoding="utf-8").splitlines()]
PUBLISHED = CORPUS / "published.jsonl"
CATEGORIES = {
    "agency",
    "consent",
    "sexualising",
    "relationship",
    "criminalising",
    "missing",
    "dismissive",
    "character",
    "adultification",
    "minimising",
    "responsibility",
    "offender-minimising",
}


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


def published_problems(lines: list[str]) -> list[str]:
    """Every way the lines break the corpus format, one message each (empty when sound)."""
    problems: list[str] = []
    ids: set[str] = set()
    texts: set[str] = set()
    for n, line in enumerate(lines, 1):
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"line {n}: not JSON ({exc.msg})")
            continue
        rid, text = rec.get("id", ""), rec.get("text", "")
        if not re.fullmatch(r"p\d{4}", rid) or rid in ids:
            problems.append(f"line {n}: id {rid!r} is not a new 'p' and four digits")
        if not text or text in texts:
            problems.append(f"line {n}: text is empty or repeated")
        if not str(rec.get("source", "")).strip():
            problems.append(f"line {n}: no source")
        ids.add(rid)
        texts.add(text)
        ranges = []
        for span in rec.get("spans", []):
            if text.count(span["text"]) != 1:
                problems.append(f"line {n}: span {span['text']!r} is not found exactly once")
            elif span["category"] not in CATEGORIES:
                problems.append(f"line {n}: unknown category {span['category']!r}")
            else:
                start = text.index(span["text"])
                ranges.append((start, start + len(span["text"])))
        ranges.sort()
        if any(b > c for (_, b), (c, _) in itertools.pairwise(ranges)):
            problems.append(f"line {n}: spans overlap")
    return problems


def test_published_corpus_is_well_formed_and_sourced() -> None:
    lines = PUBLISHED.read_text(encoding="utf-8").splitlines()
    assert published_problems(lines) == []
    records = [json.loads(line) for line in lines]
    positive = sum(1 for r in records if r["spans"])
    assert positive >= 150
    assert len(records) - positive >= 150


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"id": "p0001", "text": "She is sexually active.", "spans": []}', "no source"),
        ('{"id": "d0001", "text": "x", "spans": [], "source": "s"}', "is not a new"),
        (
            '{"id": "p0001", "text": "a a", "spans": [{"text": "a", "category": "agency"}], "source": "s"}',
            "exactly once",
        ),
        (
            '{"id": "p0001", "text": "ab", "spans": [{"text": "ab", "category": "blame"}], "source": "s"}',
            "unknown category",
        ),
        ("{not json", "not JSON"),
    ],
)
def test_the_published_corpus_check_catches_each_fault(line: str, problem: str) -> None:
    assert any(problem in p for p in published_problems([line]))


def test_score_corpus_all_prints_one_line_for_each_corpus_we_keep(capsys: pytest.CaptureFixture[str]) -> None:
    assert score_corpus.main(["--all"]) == 0
    out = capsys.readouterr().out.splitlines()
    ours = sorted(p.name for p in CORPUS.glob("*.jsonl"))
    assert [line.split()[0] for line in out][-len(ours) :] == ours
    assert all("precision" in line and "recall" in line for line in out)


def test_score_corpus_subject_changes_which_rules_run(capsys: pytest.CaptureFixture[str]) -> None:
    counts = {}
    for subject in ("adult", "auto", "child"):
        assert score_corpus.main([str(PUBLISHED), "--json", "--subject", subject]) == 0
        counts[subject] = json.loads(capsys.readouterr().out)["findings"]
    assert counts["adult"] <= counts["auto"] <= counts["child"]
    assert counts["adult"] < counts["child"]
