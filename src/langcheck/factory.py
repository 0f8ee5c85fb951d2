"""Build rule selections, matchers and Linters once per process: the one place that caches them.

Loading a pack, choosing rules from it and compiling matchers are each worth doing once per
process and per configuration, and only then. A Factory holds what it has built, keyed by the
parts of a Config that shape it, for as long as its holder keeps it: the CLI holds one for a
run (inherited by forked workers), the server one for its life, and the library's
`langcheck.check` and a bare `Linter()` share `shared()`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from langcheck.config import Config
from langcheck.errors import ConfigError
from langcheck.ruleset import ValidatedPack, load_rules
from langcheck.triggers import Triggers

if TYPE_CHECKING:
    from langcheck.engine import CompiledRules
    from langcheck.linter import Linter

Selection = tuple[tuple[Path, ...], tuple[str, ...], tuple[str, ...]]
"""(extend_rules, select, ignore): what decides the rules in force."""


def selection_of(config: Config) -> Selection:
    """Return the parts of a Config that decide which rules are in force."""
    return config.extend_rules, config.select, config.ignore


class Factory:
    """Build once, per configuration, everything a check needs (see the module docstring)."""

    def __init__(self, *, check_citations: bool = True) -> None:
        self._check_citations = check_citations
        self._packs: dict[tuple[Path, ...], ValidatedPack] = {}
        self._rulesets: dict[Selection, ValidatedPack] = {}
        self._triggers: dict[Selection, Triggers] = {}
        self._compiled: dict[tuple[Selection, str], CompiledRules] = {}
        self._linters: dict[tuple[Config, Path | None], Linter] = {}

    def pack(self, extend: tuple[Path, ...] = ()) -> ValidatedPack:
        """Return the bundled pack with these packs added, every rule validated."""
        if extend not in self._packs:
            self._packs[extend] = load_rules(extend, check_citations=self._check_citations)
        return self._packs[extend]

    def ruleset(self, selection: Selection) -> ValidatedPack:
        """Return the rules a selection chooses; raise ConfigError for a selector naming none."""
        if selection not in self._rulesets:
            extend, select, ignore = selection
            full = self.pack(extend)
            unknown = full.unknown_selectors(select + ignore)
            if unknown:
                raise ConfigError(
                    "settings",
                    "select/ignore",
                    f"{unknown[0]!r} names no rule; use a rule id (AG001), a prefix (AG), a name or a category",
                )
            self._rulesets[selection] = full.select(select, ignore)
        return self._rulesets[selection]

    def triggers(self, selection: Selection) -> Triggers:
        """Return the prefilter's index for a selection (no spaCy needed)."""
        if selection not in self._triggers:
            self._triggers[selection] = self.ruleset(selection).triggers()
        return self._triggers[selection]

    def compiled(self, selection: Selection, pipeline: str) -> CompiledRules:
        """Return the selection's matchers for a pipeline, importing spaCy the first time."""
        key = (selection, pipeline)
        if key not in self._compiled:
            # Imported here: the engine (matchers, conditions) is needed only once a text could match.
            from langcheck.engine import CompiledRules
            from langcheck.nlp import BLANK, load_pipeline

            self._compiled[key] = CompiledRules(
                self.ruleset(selection),
                load_pipeline(pipeline),
                cache=pipeline == BLANK,
                triggers=self.triggers(selection),
            )
        return self._compiled[key]

    def linter(self, config: Config) -> Linter:
        """Return the Linter for these settings, built once for each project folder.

        Settings compare equal whatever folder they were read from, but `per-file-ignores` and
        `exclude` are read against that folder: two projects with the same settings file must
        not share one Linter, or the second would follow the first one's ignores.
        """
        key = (config, config.root)
        if key not in self._linters:
            from langcheck.linter import Linter

            self._linters[key] = Linter(config, factory=self)
        return self._linters[key]


_SHARED = Factory()  # empty until asked: building it loads nothing


def shared() -> Factory:
    """Return the process's shared Factory, for callers that do not hold their own."""
    return _SHARED
