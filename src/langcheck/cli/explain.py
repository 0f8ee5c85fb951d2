"""`langcheck explain ID`: why a rule exists, what to write instead, and its sources."""

from __future__ import annotations

import click
from rich.text import Text

from langcheck.citations import primary_first
from langcheck.cli.console import fail, stdout_console
from langcheck.errors import LangcheckError
from langcheck.models import Audience
from langcheck.ruleset import load_rules

_UNIVERSAL = (
    "inside quotation marks: the writer is recording someone's words (shown with --include-quotes)",
    "when the words are mentioned as words (\"the term 'absconded'\")",
    "in prose about the language rather than a record about a person: children or victims in general, "
    "how a group was labelled, what a word implies, advice to avoid a phrase",
)


@click.command("explain")
@click.argument("rule_id", metavar="ID")
def explain_command(rule_id: str) -> None:
    """Explain one rule: why the wording harms, what to write, when it is not flagged."""
    try:
        ruleset = load_rules()
    except LangcheckError as exc:
        fail(exc)
    rule = ruleset.get(rule_id) or next((r for r in ruleset if r.name == rule_id.lower()), None)
    if rule is None:
        fail(f"no rule {rule_id!r}; run 'langcheck rules' to see them all")
    out = Text()
    out.append(f"{rule.id} {rule.name}", style="bold")
    out.append(
        f"  ({rule.category}, {rule.severity.label}"
        f"{', about children only' if rule.applies_to is Audience.CHILD else ''})\n\n"
    )
    out.append(rule.explanation + "\n\n")
    out.append("Write instead\n", style="bold green")
    for s in rule.suggestions:
        out.append(f"  - {s}\n")
    if rule.fix:
        out.append(f"  Safe fix: {rule.fix} (langcheck fix --write)\n")
    out.append("\nNot flagged\n", style="bold")
    for line in _UNIVERSAL:
        out.append(f"  - {line}\n")
    if rule.applies_to is Audience.CHILD:
        out.append(
            "  - when the note shows that the person the words describe is an adult (their age of 18 or "
            "over, 'the woman', an adult DOB field); a note with no age is presumed to be about a child; "
            "--subject child or adult overrides this\n"
        )
    from langcheck.conditions import describe  # imported here: the conditions are heavy to import

    for name, doc in describe(rule.unless):
        out.append(f"  - {name}: {doc}\n")
    out.append("\nExamples\n", style="bold")
    for ex in rule.examples.fail[:3]:
        out.append("  flagged:     ", style="red")
        out.append(ex.text + "\n")
    for text in rule.examples.passes[:3]:
        out.append("  not flagged: ", style="green")
        out.append(text + "\n")
    out.append("\nSources", style="bold")
    out.append(" (primary first: inspections, guidance, inquiries, reviews, research)\n")
    for src in primary_first(rule.sources, ruleset.sources):
        out.append(f"  - [{src.kind.value}] {src.publisher} ({src.year}). {src.title}. {src.url}\n")
    stdout_console().print(out, soft_wrap=True)
