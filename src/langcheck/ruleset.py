"""The registry of rules in force: the bundled pack, custom packs, and the user's selection.

Selection follows ruff: `select` and `ignore` take rule ids (AG001), id prefixes (AG), rule
names (put-self-at-risk), categories (agency) or globs (AG00*); `ignore` wins over `select`.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from langcheck.citations import citation_problem
from langcheck.errors import RuleError
from langcheck.models import Rule, Source
from langcheck.packcache import cached
from langcheck.triggers import pattern_requirements


def bundled_rules_dir() -> Path:
    """Return the folder of the bundled rule pack, installed or in a source checkout."""
    installed = Path(str(resources.files("langcheck"))) / "rules"
    if installed.is_dir():
        return installed
    checkout = Path(__file__).resolve().parents[2] / "rules"
    if checkout.is_dir():
        return checkout
    raise RuleError(str(installed), "", "the bundled rule pack is missing", "a reinstall of langcheck")


@dataclass(frozen=True, slots=True)
class RuleSet:
    """An ordered, duplicate-free collection of rules and the sources they cite."""

    rules: tuple[Rule, ...]
    sources: dict[str, Source]
    # The word sets each rule's patterns require (see triggers.py), worked out when the pack
    # loads so that the trigger index needs no phrase parsing; keyed by rule id.
    requirements: dict[str, list[list[frozenset[str]]]] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        seen: dict[str, Rule] = {}
        for rule in self.rules:
            if rule.id in seen:
                raise RuleError(
                    rule.path or rule.id,
                    "id",
                    f"{rule.id} is already used by {seen[rule.id].path or seen[rule.id].name}",
                    "a unique id for each rule",
                )
            seen[rule.id] = rule

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, rule_id: str) -> Rule | None:
        """Return the rule with this id (any case), or None."""
        wanted = rule_id.strip().upper()
        return next((r for r in self.rules if r.id == wanted), None)

    @property
    def categories(self) -> list[str]:
        """Return the categories present, in first-seen order."""
        return list(dict.fromkeys(r.category for r in self.rules))

    def select(self, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> RuleSet:
        """Return the rules chosen by `select` (all if empty) minus those in `ignore`."""
        chosen = [r for r in self.rules if not select or any(selects(s, r) for s in select)]
        kept = tuple(r for r in chosen if not any(selects(s, r) for s in ignore))
        return RuleSet(kept, self.sources, {r.id: self.requirements[r.id] for r in kept if r.id in self.requirements})

    def unknown_selectors(self, selectors: Iterable[str]) -> list[str]:
        """Return the selectors that name no rule, so typos are reported, not ignored."""
        return [s for s in selectors if not any(selects(s, r) for r in self.rules)]

    def merged(self, other: RuleSet) -> RuleSet:
        """Return this set with another's rules and sources added (ids must stay unique)."""
        return RuleSet(
            self.rules + other.rules, {**self.sources, **other.sources}, {**self.requirements, **other.requirements}
        )


def selects(selector: str, rule: Rule) -> bool:
    """Return True if a select/ignore entry names this rule."""
    s = selector.strip()
    if not s:
        return False
    if s.upper() == "ALL":
        return True
    if any(ch in s for ch in "*?["):
        return any(fnmatch.fnmatchcase(v, s) for v in (rule.id, rule.id.lower(), rule.name, rule.category))
    return rule.id.startswith(s.upper()) or s.lower() in (rule.name, rule.category)


def load_pack(directory: Path) -> RuleSet:
    """Load a rule pack: its rules and its sources.yaml (if it has one), cached between runs."""
    if not directory.is_dir():
        return _load_pack(directory)  # raises the one-line error
    return cached(directory, _load_pack)


def _load_pack(directory: Path) -> RuleSet:
    # Imported here: the YAML loader and its validators are needed only when the cache misses.
    from langcheck.loader import load_directory, load_sources

    rules = load_directory(directory)
    sources_path = directory / "sources.yaml"
    sources = load_sources(sources_path) if sources_path.is_file() else {}
    return RuleSet(tuple(rules), sources, {r.id: pattern_requirements(r) for r in rules})


def load_rules(extra: Sequence[Path] = (), *, bundled: bool = True) -> RuleSet:
    """Load the bundled pack (unless told not to) and any custom packs, checked together."""
    packs = ([load_pack(bundled_rules_dir())] if bundled else []) + [load_pack(p) for p in extra]
    result = RuleSet((), {})
    for pack in packs:
        result = result.merged(pack)
    for rule in result:
        problem = citation_problem(rule, result.sources)
        if problem is not None:
            raise RuleError(rule.path or rule.id, "sources", *problem)
    return result
