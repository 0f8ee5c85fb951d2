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
from langcheck.triggers import Triggers, build_triggers, pattern_requirements


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
        return RuleSet(kept, self.sources)

    def unknown_selectors(self, selectors: Iterable[str]) -> list[str]:
        """Return the selectors that name no rule, so typos are reported, not ignored."""
        return [s for s in selectors if not any(selects(s, r) for r in self.rules)]

    def merged(self, other: RuleSet) -> RuleSet:
        """Return this set with another's rules and sources added (ids must stay unique)."""
        return RuleSet(self.rules + other.rules, {**self.sources, **other.sources})


Requirements = dict[str, list[list[frozenset[str]]]]
"""The word sets each rule's patterns require (see triggers.py), keyed by rule id."""


@dataclass(frozen=True, slots=True)
class ValidatedPack(RuleSet):
    """Rules that passed every check langcheck makes, with the index the prefilter is built from.

    Only `load_pack` makes one from files, and it checks everything there: the YAML's shapes
    and values, phrase syntax, every token pattern against spaCy's own schema, unique ids
    across all the packs loaded together and (unless asked not to) the citations. Nothing
    found later, when a note first meets a rule, can be a problem with the pack.

    `requirements` is derived from the rules when the pack is read from YAML and cached with
    it, so building the prefilter needs no phrase parsing.
    """

    requirements: Requirements = field(default_factory=dict, compare=False)

    def select(self, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> ValidatedPack:
        """Return the rules chosen by `select` (all if empty) minus those in `ignore`."""
        chosen = RuleSet.select(self, select, ignore)
        return ValidatedPack(chosen.rules, chosen.sources, {r.id: self.requirements[r.id] for r in chosen})

    def triggers(self) -> Triggers:
        """Return the prefilter's index over these rules (see triggers.py)."""
        return build_triggers(self.rules, self.requirements)


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


def load_pack(paths: Path | Sequence[Path], *, check_citations: bool = True) -> ValidatedPack:
    """Load rule packs (folders) and check them together; raise RuleError for the first problem.

    The one way langcheck reads rules: `check`, `rules`, `explain`, `test-rules`, the server and
    the spaCy component all come here. Each folder is read from the cache when none of its files
    (nor langcheck's own code) changed since it was stored. `check_citations=False` is for
    `test-rules`, which reports each rule's citation problems as failed data checks.
    """
    folders = [paths] if isinstance(paths, Path) else list(paths)
    packs = [_cached_folder(p) for p in folders]
    rules: tuple[Rule, ...] = ()
    sources: dict[str, Source] = {}
    requirements: Requirements = {}
    for pack in packs:
        rules, sources, requirements = (
            rules + pack.rules,
            {**sources, **pack.sources},
            {**requirements, **pack.requirements},
        )
    result = ValidatedPack(rules, sources, requirements)  # raises for an id used twice
    for rule in result if check_citations else ():
        problem = citation_problem(rule, result.sources)
        if problem is not None:
            raise RuleError(rule.path or rule.id, "sources", *problem)
    return result


def _cached_folder(directory: Path) -> ValidatedPack:
    if not directory.is_dir():
        return _load_folder(directory)  # raises the one-line error
    return cached(directory, _load_folder)


def _load_folder(directory: Path) -> ValidatedPack:
    # Imported here: the YAML loader and its validators are needed only when the cache misses.
    from langcheck.loader import load_directory, load_sources

    rules = load_directory(directory)
    sources_path = directory / "sources.yaml"
    sources = load_sources(sources_path) if sources_path.is_file() else {}
    return ValidatedPack(tuple(rules), sources, {r.id: pattern_requirements(r) for r in rules})


def load_rules(extra: Sequence[Path] = (), *, bundled: bool = True, check_citations: bool = True) -> ValidatedPack:
    """Load the bundled pack (unless told not to) and any custom packs, checked together."""
    return load_pack(([bundled_rules_dir()] if bundled else []) + list(extra), check_citations=check_citations)
