"""Check what a rule cites: every id known, and a primary source listed first.

`explain` is how a reader decides whether to trust a finding, so the first source they see must
be an inspection, guidance, inquiry, review or research paper, never a summary of one. These
checks run when a pack is loaded and in `langcheck test-rules`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from langcheck.models import Rule, Source

PRIMARY_FIRST = (
    "a primary source first (inspection, statutory, national or international guidance, legislation, "
    "inquiry, judgment, case review or research); add one to sources.yaml or move one to the front"
)


def citation_problem(rule: Rule, sources: Mapping[str, Source]) -> tuple[str, str] | None:
    """Return (problem, expected) for the first thing wrong with a rule's `sources:`, or None."""
    for sid in rule.sources:
        if sid not in sources:
            return f"{sid!r} is not in any sources.yaml", "an id listed in the pack's sources.yaml"
    if rule.sources:
        first = sources[rule.sources[0]]
        if not first.kind.primary:
            return f"lists {first.id!r}, a {first.kind.value} source, first", PRIMARY_FIRST
    return None


def primary_first(ids: Sequence[str], sources: Mapping[str, Source]) -> list[Source]:
    """Return the known sources among `ids`, primary ones first, otherwise in the rule's order."""
    cited = [sources[sid] for sid in ids if sid in sources]
    return sorted(cited, key=lambda src: not src.kind.primary)
