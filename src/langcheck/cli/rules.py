"""`langcheck rules`: list the rules in force, as a table or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import click

from langcheck.cli.console import fail, stdout_console
from langcheck.cli.options import color_option, pack_options, rules_in_force
from langcheck.errors import LangcheckError


@click.command("rules", short_help="List the rules (yours too, with --extend-rules).")
@click.option("--category", "categories", multiple=True, metavar="NAME", help="Only rules in this category.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@pack_options
@color_option
def rules_command(
    categories: tuple[str, ...], fmt: str, extend_rules: tuple[Path, ...], config_path: Path | None, isolated: bool
) -> None:
    """List the rules: id, name, category, severity and whom each is about.

    The table lists the bundled rules and those of the config's extend-rules and --extend-rules;
    --format json also gives each rule's message and whether it has a safe fix.
    """
    try:
        ruleset = rules_in_force(extend_rules, config_path, isolated)
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
    table.add_column("about", no_wrap=True)  # child: fires only about children
    for r in rules:
        table.add_row(r.id, r.name, r.category, r.severity.label, r.applies_to.value)
    console.print(table)
