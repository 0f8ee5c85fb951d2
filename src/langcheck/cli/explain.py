"""`langcheck explain ID`: why a rule exists, what to write instead, and its sources.

It knows the same rules as `check` in this folder (the config's `extend-rules` and
`--extend-rules` included), so the `= why: langcheck explain TM001` line of a team's own rule
leads somewhere. On a terminal the text is wrapped between words with hanging indents.
"""

from __future__ import annotations

from pathlib import Path

import click
from rich.text import Text

from langcheck.citations import primary_first
from langcheck.cli.console import fail, stdout_console
from langcheck.cli.options import color_option, pack_options, rules_in_force
from langcheck.errors import LangcheckError
from langcheck.formatters.wrap import hang
from langcheck.models import Audience, Rule
from langcheck.wording import render

_UNIVERSAL = (
    "inside quotation marks: the writer is recording someone's words (shown with --include-quotes)",
    "when the words are mentioned as words (\"the term 'absconded'\")",
    "in prose about the language rather than a record about a person: children or victims in general, "
    "how a group was labelled, what a word implies, advice to avoid a phrase",
)


@click.command("explain", short_help="Explain a rule: why, what to write instead, sources.")
@click.argument("rule_id", metavar="ID")
@pack_options
@color_option
def explain_command(rule_id: str, extend_rules: tuple[Path, ...], config_path: Path | None, isolated: bool) -> None:
    """Explain one rule: why the wording harms, what to write, when it is not flagged.

    ID is a rule id (AG001) or name (put-self-at-risk), from the bundled rules or from a pack
    named by --extend-rules or the config's extend-rules.
    """
    try:
        ruleset = rules_in_force(extend_rules, config_path, isolated)
    except LangcheckError as exc:
        fail(exc)
    rule = ruleset.get(rule_id) or next((r for r in ruleset if r.name == rule_id.lower()), None)
    if rule is None:
        fail(f"no rule {rule_id!r}; run 'langcheck rules' to see them all")
    console = stdout_console()
    columns = console.width if console.is_terminal else None

    def line(text: str | Text, indent: int = 0) -> None:
        console.print(hang(Text(text) if isinstance(text, str) else text, columns, indent), soft_wrap=True)

    def bullet(text: str) -> None:
        line(f"  - {text}", 4)

    def heading(text: str, style: str = "bold") -> None:
        console.print()
        console.print(Text(text, style=style))

    title = Text(f"{rule.id} {rule.name}", style="bold")
    title.append(
        f"  ({rule.category}, {rule.severity.label}"
        f"{', about children only' if rule.applies_to is Audience.CHILD else ''})"
    )
    line(title, 2)
    console.print()
    for paragraph in rule.explanation.split("\n"):
        line(paragraph)
    heading("Write instead", "bold green")
    example = _example_match(rule)
    for s in rule.hints:
        bullet(render(s, example))
    shown = [ex for ex in rule.examples.fail if ex.applied is not None][:3]
    if shown:
        line("  Replaced where it fits (langcheck fix --write), for example:", 4)
    for ex in shown:
        line(f"    {ex.text}", 6)
        line(f"    -> {ex.applied}", 7)
    heading("Not flagged")
    for text in _UNIVERSAL:
        bullet(text)
    if rule.applies_to is Audience.CHILD:
        bullet(
            "when the note shows that the person the words describe is an adult (their age of 18 or "
            "over, 'the woman', an adult DOB field); a note with no age is presumed to be about a child; "
            "--subject child or adult overrides this"
        )
    from langcheck.conditions import describe  # imported here: the conditions are heavy to import

    for name, doc in describe(rule.unless):
        bullet(f"{name}: {doc}")
    heading("Examples")
    for ex in rule.examples.fail[:3]:
        line(Text.assemble(("  flagged:     ", "red"), ex.text), 15)
    for text in rule.examples.passes[:3]:
        line(Text.assemble(("  not flagged: ", "green"), text), 15)
    console.print()
    sources = Text("Sources", style="bold")
    sources.append(" (primary first: inspections, guidance, inquiries, reviews, research)", style="")
    line(sources, 2)
    for src in primary_first(rule.sources, ruleset.sources):
        bullet(f"[{src.kind.value}] {src.publisher} ({src.year}). {src.title}. {src.url}")


def _example_match(rule: Rule) -> str:
    """Return words the rule flags, to fill a suggestion's {them} or {match} as in a finding."""
    for ex in rule.examples.fail:
        if ex.match:
            return ex.match
    return ""
