"""`langcheck rules`: list the rules in force, as a table or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import click

from langcheck.cli.console import fail, stdout_console
from langcheck.errors import LangcheckError
from langcheck.ruleset import load_rules


@click.command("rules")
@click.option("--category", "categories", multiple=True, metavar="NAME", help="Only rules in this category.")
@click.option(
    "--extend-rules",
    "extend_rules",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DIR",
    help="Also list the rules in this folder.",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def rules_command(categories: tuple[str, ...], extend_rules: tuple[Path, ...], fmt: str) -> None:
    """List the rules: id, name, category, severity and what each one flags."""
    try:
        ruleset = load_rules(extend_rules)
    except LangcheckError as exc:
        fail(exc)
    known = ruleset.categories
    bad = [c for c in categories if c not in known]
    if bad:
        fail(f"no category {bad[0]!r}; the categories are: {', '.join(known)}")
    rules = [r for r in ruleset if not categories or r.category in categories]
    console = stdout_console()
    if fmt == "json":
        console.out(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "name": r.name,
                        "category": r.category,
                        "severity": r.severity.label,
                        "applies_to": r.applies_to.value,
                        "message": r.message,
                        "fix": r.fix is not None,
                    }
                    for r in rules
                ],
                indent=2,
                ensure_ascii=False,
            ),
            highlight=False,
        )
        return
    from rich.table import Table

    table = Table(title=f"{len(rules)} rules", title_justify="left")
    table.add_column("ID", no_wrap=True, min_width=5)
    table.add_column("name", overflow="fold")
    table.add_column("category", overflow="fold")
    table.add_column("severity", no_wrap=True)
    table.add_column("about", no_wrap=True)
    for r in rules:
        table.add_row(r.id, r.name, r.category, r.severity.label, r.applies_to.value)
    console.print(table)
