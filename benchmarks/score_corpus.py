"""Score langcheck against a labelled corpus (the format of shared/corpus/dev.jsonl).

Prints precision, recall and F1 overall and per category, then the misses and false alarms,
so that a rule author can see which rule or context condition explains each error.

    python benchmarks/score_corpus.py [CORPUS.jsonl] [--category NAME] [--quiet] [--json]
                                      [--subject auto|child|adult]
    python benchmarks/score_corpus.py --all [--subject ...]

The corpus defaults to ../shared/corpus/dev.jsonl beside the repository. Scoring follows the
corpus README: a finding is a true positive if it overlaps a labelled span; a span is found
if any finding overlaps it. Keys other than `text` and `spans` (`id`, `note`, `source`) are
ignored. `--all` scores every corpus we keep (the shared dev and review sets, then each
benchmarks/corpus/*.jsonl) and prints one line for each, so that a rule change can be weighed
against all of them at once.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from langcheck.config import Config
from langcheck.errors import LangcheckError
from langcheck.linter import Linter
from langcheck.models import Subject

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DEFAULT = SHARED / "dev.jsonl"
OURS = Path(__file__).resolve().parent / "corpus"


def all_corpora() -> list[Path]:
    """Every corpus --all scores: the shared sets that exist here, then our own, by name."""
    shared = [SHARED / "dev.jsonl", SHARED / "review.jsonl"]
    return [p for p in shared if p.is_file()] + sorted(OURS.glob("*.jsonl"))


def _summary(linter: Linter, path: Path) -> str:
    """One line of figures for one corpus (for --all)."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    tp = fp = hit = total = 0
    for rec, findings in zip(records, linter.check_many(r["text"] for r in records), strict=True):
        text = rec["text"]
        spans = [(text.index(s["text"]), text.index(s["text"]) + len(s["text"])) for s in rec["spans"]]
        for f in findings:
            if any(f.start < e and s < f.end for s, e in spans):
                tp += 1
            else:
                fp += 1
        total += len(spans)
        hit += sum(any(f.start < e and s < f.end for f in findings) for s, e in spans)
    p = f"{tp / (tp + fp):.3f}" if tp + fp else "  n/a"
    r = f"{hit / total:.3f}" if total else "  n/a"
    counts = f"{len(records):5d} passages {total:4d} spans"
    return f"{path.name:22} {counts}  precision {p}  recall {r}  ({tp} true, {fp} false findings)"


def main(argv: list[str] | None = None) -> int:  # noqa: PLR0912, PLR0915 (a linear report script)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--category", help="Only list errors for spans/findings of this category.")
    ap.add_argument("--quiet", action="store_true", help="Only print the figures.")
    ap.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    ap.add_argument(
        "--subject",
        choices=[s.value for s in Subject],
        default=Subject.AUTO.value,
        help="Whom the notes describe, as `langcheck check --subject` (default: auto).",
    )
    ap.add_argument("--all", action="store_true", help="Score every corpus we keep; one summary line each.")
    args = ap.parse_args(argv)
    linter = Linter(Config(subject=Subject(args.subject)))
    if args.all:
        try:
            for path in all_corpora():
                print(_summary(linter, path))
        except LangcheckError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        return 0
    if not args.corpus.is_file():
        print(f"error: {args.corpus}: no such corpus file; give the path to a .jsonl corpus", file=sys.stderr)
        return 2

    records = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    try:
        all_findings = list(linter.check_many(r["text"] for r in records))
    except LangcheckError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    tp = fp = 0
    span_total: dict[str, int] = defaultdict(int)
    span_hit: dict[str, int] = defaultdict(int)
    find_tp: dict[str, int] = defaultdict(int)
    find_all: dict[str, int] = defaultdict(int)
    misses: list[str] = []
    false_alarms: list[str] = []
    for rec, findings in zip(records, all_findings, strict=True):
        text = rec["text"]
        spans = []
        for s in rec["spans"]:
            start = text.index(s["text"])
            spans.append((start, start + len(s["text"]), s["category"], s["text"]))
        for f in findings:
            hit = any(f.start < e and s < f.end for s, e, _, _ in spans)
            find_all[f.category] += 1
            if hit:
                tp += 1
                find_tp[f.category] += 1
            else:
                fp += 1
                if not args.category or args.category == f.category:
                    false_alarms.append(f"{rec['id']} {f.rule_id} {f.text!r}: {text}")
        for s, e, cat, span_text in spans:
            span_total[cat] += 1
            if any(f.start < e and s < f.end for f in findings):
                span_hit[cat] += 1
            elif not args.category or args.category == cat:
                misses.append(f"{rec['id']} [{cat}] {span_text!r}: {text}")

    precision = tp / max(tp + fp, 1)
    recall = sum(span_hit.values()) / max(sum(span_total.values()), 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    per_cat = {
        cat: {
            "recall": span_hit[cat] / span_total[cat],
            "spans": span_total[cat],
            "precision": find_tp[cat] / find_all[cat] if find_all[cat] else None,
            "findings": find_all[cat],
        }
        for cat in sorted(span_total)
    }
    if args.json:
        print(
            json.dumps(
                {
                    "precision": precision,
                    "recall": recall,
                    "f1": f1,
                    "findings": tp + fp,
                    "categories": per_cat,
                },
                indent=2,
            )
        )
        return 0
    print(f"corpus: {args.corpus} ({len(records)} passages, {sum(span_total.values())} spans)")
    shown_p = f"{precision:.3f}" if tp + fp else "n/a (no findings)"
    shown_r = f"{recall:.3f}" if span_total else "n/a (no labelled spans)"
    print(f"precision {shown_p}  recall {shown_r}  F1 {f1:.3f}  ({tp} true, {fp} false findings)")
    print(f"{'category':22} {'recall':>7} {'spans':>6} {'precision':>10} {'findings':>9}")
    for cat, row in per_cat.items():
        p = f"{row['precision']:.3f}" if row["precision"] is not None else "-"
        print(f"{cat:22} {row['recall']:7.3f} {row['spans']:6d} {p:>10} {row['findings']:9d}")
    if not args.quiet:
        print(f"\nmisses ({len(misses)}):")
        print("\n".join("  " + m for m in misses))
        print(f"\nfalse alarms ({len(false_alarms)}):")
        print("\n".join("  " + m for m in false_alarms))
    return 0


if __name__ == "__main__":
    sys.exit(main())
