"""`--format csv`: one row per group and month, for a force's own BI tools.

Each row is one cell of the counts (see summary.py) with its share, interval and rate worked
out, and one column of findings per category, so a spreadsheet or BI tool can add rows up
again in any way it likes: the counts are sums, the shares are not.
"""

from __future__ import annotations

import csv
import io

from langcheck.audit.summary import Share, Summary, per_thousand

FIXED = (
    "group",
    "month",
    "records",
    "records_with_findings",
    "share",
    "share_low",
    "share_high",
    "words",
    "findings",
    "per_1000_words",
)


def to_csv(summary: Summary) -> str:
    """Return the CSV text: a header row, then one row per group and month."""
    categories = [row.label for row in summary.by_category]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*FIXED, *(f"findings_{c}" for c in categories)])
    for cell in summary.counts.cells:
        share = Share.of(cell.flagged, cell.records).to_dict()
        per = {k.category: k.findings for k in cell.categories}
        writer.writerow(
            [
                cell.group,
                cell.month,
                cell.records,
                cell.flagged,
                share["share"],
                share["low"],
                share["high"],
                cell.words,
                cell.findings,
                round(per_thousand(cell.findings, cell.words), 2),
                *(per.get(c, 0) for c in categories),
            ]
        )
    return out.getvalue()
