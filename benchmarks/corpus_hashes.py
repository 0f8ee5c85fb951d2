"""Write the fingerprints of the shared scored corpora, so tests can tell a rule example copied from them.

Rule examples are written for the rules, not copied from the corpora we score against (a copied
sentence scores itself). The shared sets (../shared/corpus/dev.jsonl and review.jsonl) live
outside the repository, so CI cannot read them; their texts' fingerprints (SHA-256 of the text
with its whitespace collapsed and its case folded) are kept in tests/fixtures instead, and
tests/test_bite_rules.py compares every rule example against them and against the corpora in
benchmarks/corpus. Run after the shared corpora change:

    python benchmarks/corpus_hashes.py
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
OUT = ROOT / "tests" / "fixtures" / "shared_corpus.sha256"


def fingerprint(text: str) -> str:
    """SHA-256 of `text` with whitespace collapsed and case folded (how a copy is recognised)."""
    return hashlib.sha256(" ".join(text.split()).casefold().encode()).hexdigest()


def corpus_texts(path: Path) -> list[str]:
    """Every passage text of one labelled corpus (JSON lines with a `text` field)."""
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    hashes = sorted({fingerprint(t) for name in ("dev.jsonl", "review.jsonl") for t in corpus_texts(SHARED / name)})
    OUT.write_text("".join(h + "\n" for h in hashes), encoding="utf-8")
    print(f"wrote {len(hashes)} fingerprints to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
