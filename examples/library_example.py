"""Use langcheck from Python: one text, many notes with one Linter, a file, and spaCy.

Run from the repository root:

    python examples/library_example.py

The examples choose two categories of rules (`agency` and `missing`) so that the demo starts
quickly; leave `select` out to check with every rule.
"""

from __future__ import annotations

from pathlib import Path

import spacy

import langcheck
from langcheck import Config, Finding, Linter

NOTES_DIR = Path(__file__).resolve().parent / "notes"
SELECT = ("agency", "missing")


def show(findings: list[Finding]) -> None:
    """Print each finding as `line:column ID severity: message`, with the first suggestion."""
    if not findings:
        print("  no findings")
    for f in findings:
        print(f"  {f.line}:{f.column} {f.rule_id} {f.severity.label}: {f.message}")
        if f.suggestions:
            print(f"      instead: {f.suggestions[0]}")


def main() -> None:
    config = Config(select=SELECT)

    print("1. langcheck.check() on one text")
    show(langcheck.check("Jade (14) has been putting herself at risk.", config=config))

    print("\n2. One Linter, built once, reused over several notes with check_many()")
    linter = Linter(config)
    notes = [
        "Amy (15) keeps going missing and chose to go missing again.",
        "Amy (15) was seen at the park with her sister at 14:00.",
        'Jade (14) said, "I put myself at risk."',  # her own words, quoted: not flagged
        "Kayleigh (14) has been putting herself at risk by getting into cars with older men.",
    ]
    for number, (note, findings) in enumerate(zip(notes, linter.check_many(notes), strict=True), start=1):
        print(f"note {number}: {note}")
        show(findings)

    print("\n3. check_file() on a saved note")
    path = NOTES_DIR / "missing-episode-2026-03-14.txt"
    print(f"{path.name}:")
    show(linter.check_file(path))

    print('\n4. The spaCy component: nlp.add_pipe("langcheck")')
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("langcheck", config={"select": list(SELECT)})
    doc = nlp("Amy (15) keeps going missing and has been putting herself at risk.")
    for span in doc.spans["langcheck"]:
        print(f"  {span.label_} {span.start_char}-{span.end_char}: {span.text!r}")
    print(f"  doc._.langcheck_findings holds {len(doc._.langcheck_findings)} Finding object(s)")


if __name__ == "__main__":
    main()
