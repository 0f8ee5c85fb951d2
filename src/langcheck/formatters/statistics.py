"""`--statistics`: how many findings each rule and category produced, most first."""

from __future__ import annotations

from collections import Counter
from typing import Any

from langcheck.report import Report


def write_statistics(report: Report, console: Any) -> None:
    """Print a table of counts per rule, then per category."""
    from rich.table import Table

    by_rule = Counter((f.rule_id, f.name, f.severity.label) for f in report.findings)
    by_category = Counter(f.category for f in report.findings)
    rules = Table()
    for col, justify in (("count", "right"), ("rule", "left"), ("name", "left"), ("severity", "left")):
        rules.add_column(col, justify=justify)  # type: ignore[arg-type]
    for (rule_id, name, severity), n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        rules.add_row(str(n), rule_id, name, severity)
    cats = Table()
    cats.add_column("count", justify="right")
    cats.add_column("category")
    for cat, n in sorted(by_category.items(), key=lambda kv: (-kv[1], kv[0])):
        cats.add_row(str(n), cat)
    console.print("Findings per rule", style="bold", highlight=False)
    console.print(rules)
    console.print("Findings per category", style="bold", highlight=False)
    console.print(cats)
