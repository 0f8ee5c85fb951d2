"""The speed-ups change nothing: findings on a fixed benchmark corpus are pinned, and each
shortcut is checked against the same engine with that shortcut turned off.

After an intended rule change, regenerate the golden file and review its diff:

    LANGCHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_benchmark_corpus.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
import spacy

from langcheck import engine
from langcheck.checker import Checker
from langcheck.chunking import chunks
from langcheck.engine import CompiledRules
from langcheck.models import Options
from langcheck.nlp import TokenizerWarmer, load_pipeline
from langcheck.ruleset import load_rules
from langcheck.triggers import Triggers

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from casenotes import generate

GOLDEN = Path(__file__).parent / "golden" / "casenotes-findings.json"
TEXT = generate(150_000, seed=7)


def findings(compiled: CompiledRules) -> list[dict[str, Any]]:
    return [f.to_dict() for f in compiled.findings(TEXT, Options())]


@pytest.fixture(scope="module")
def fast() -> list[dict[str, Any]]:
    return findings(CompiledRules(load_rules(), load_pipeline()))


def test_findings_on_the_fixed_corpus_are_unchanged(fast: list[dict[str, Any]], update_golden: bool) -> None:
    if update_golden:
        GOLDEN.write_text(json.dumps(fast, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert len(fast) > 100
    assert fast == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_trigger_scan_skips_nothing_that_matters(fast: list[dict[str, Any]]) -> None:
    compiled = CompiledRules(load_rules(), load_pipeline())
    every = Triggers({}, always=True)  # tokenise every paragraph
    checker = Checker(compiled.ruleset, Options(), triggers=every, compiled=lambda: compiled, suppress=False)
    assert [f.to_dict() for f in checker.check(TEXT)] == fast


def test_sentence_gated_token_patterns_equal_whole_document_matching(
    fast: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "token_anchor", lambda tokens: None)  # every token pattern on every sentence
    assert findings(CompiledRules(load_rules(), load_pipeline())) == fast


def test_paragraph_chunks_equal_one_document(fast: list[dict[str, Any]]) -> None:
    compiled = CompiledRules(load_rules(), load_pipeline())
    checker = Checker(compiled.ruleset, Options(), triggers=compiled.triggers, compiled=lambda: compiled)
    one = iter([(0, compiled.nlp.make_doc(TEXT))])  # the whole corpus as one piece
    assert [f.to_dict() for f in checker._findings(TEXT, one, "-")] == fast


def test_rules_compiled_from_the_cache_equal_rules_compiled_afresh(fast: list[dict[str, Any]]) -> None:
    ruleset = load_rules()
    stored = CompiledRules(ruleset, load_pipeline(), cache=True)  # builds, or reads, the cache
    again = CompiledRules(ruleset, spacy.blank("en"), cache=True)  # certainly reads it
    assert findings(stored) == fast
    assert findings(again) == fast


def test_warming_the_tokenizer_cache_changes_no_token() -> None:
    warmed, plain = spacy.blank("en"), spacy.blank("en")
    warmer = TokenizerWarmer(warmed.tokenizer)
    texts = [TEXT[s:e] for s, e in chunks(TEXT)] + [
        "She's (14) and didn't go.  Mr. Smith said: \"(don't)\" at 3 p.m. :) e-mail a@b.uk",
        "Twice:\n\n  indented,\ttabbed\u00a0and\u2003spaced  (can't)  -- 'quoted'.",
    ]
    for text in texts:
        warmer.warm(text)
        a, b = warmed.make_doc(text), plain.make_doc(text)
        assert [(t.text, t.whitespace_) for t in a] == [(t.text, t.whitespace_) for t in b]
