"""Score langcheck against a labelled corpus (the format of shared/corpus/dev.jsonl).

Prints precision, recall and F1 overall and per category, then the misses and false alarms,
so that a rule author can see which rule or context condition explains each error.

    python benchmarks/score_corpus.py [CORPUS.jsonl] [--category NAME] [--quiet] [--json]
        [--subject auto|child|adult]

The corpus defaults to ../shared/corpus/dev.jsonl beside the repository. Scoring follows the
corpus README: a finding is a true positive if it overlaps a labelled span; a span is found
if any finding overlaps it.
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

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev.jsonl"


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
        help="Who child-only rules presume the notes describe (as `langcheck check --subject`).",
    )
    args = ap.parse_args(argv)
    if not args.corpus.is_file():
        print(f"error: {args.corpus}: no such corpus file; give the path to a .jsonl corpus", file=sys.stderr)
        return 2

    records = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    try:
        all_findings = list(Linter(Config(subject=Subject(args.subject))).check_many(r["text"] for r in records))
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
