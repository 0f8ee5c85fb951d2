"""The library entry point: build once, check many texts.

Building a Linter loads and compiles the rules (tens of milliseconds) but does not import
spaCy: that happens on the first text that contains a trigger word, so checking clean notes
stays cheap. The compiled form is cached per process and per rule configuration.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from langcheck import directives
from langcheck.chunking import matching_chunks
from langcheck.config import Config
from langcheck.errors import ConfigError
from langcheck.models import Finding, Options
from langcheck.ruleset import RuleSet, load_rules, selects
from langcheck.sources import InputFormat, ReadOptions, Source, Unit, resolve_format
from langcheck.sources import read as read_source
from langcheck.triggers import Triggers, build_triggers

if TYPE_CHECKING:
    from langcheck.engine import CompiledRules


@functools.cache
def _ruleset(extend: tuple[Path, ...], select: tuple[str, ...], ignore: tuple[str, ...]) -> RuleSet:
    full = load_rules(extend)
    unknown = full.unknown_selectors(select + ignore)
    if unknown:
        raise ConfigError(
            "settings",
            "select/ignore",
            f"{unknown[0]!r} names no rule; use a rule id (AG001), a prefix (AG), a name or a category",
        )
    return full.select(select, ignore)


class Linter:
    """Check texts and files against the rules chosen by a Config."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self.ruleset = _ruleset(self.config.extend_rules, self.config.select, self.config.ignore)
        self.options = Options(subject=self.config.subject, include_quotes=self.config.include_quotes)
        self.triggers = _triggers(self.config.extend_rules, self.config.select, self.config.ignore)
        self._compiled: CompiledRules | None = None

    @property
    def compiled(self) -> CompiledRules:
        """Return the compiled matchers, building them (and importing spaCy) on first use."""
        if self._compiled is None:
            c = self.config
            self._compiled = _compile(c.extend_rules, c.select, c.ignore, c.pipeline)
        return self._compiled

    def check(self, text: str, *, path: str = "-") -> list[Finding]:
        """Return the findings for one text (a text with no trigger word never loads spaCy)."""
        spans = matching_chunks(self.triggers, text)
        found = self.compiled.findings(text, self.options, path=path, spans=spans) if spans else []
        return self._settle(text, found, path)

    def _settle(self, text: str, findings: list[Finding], path: str) -> list[Finding]:
        """Apply per-file ignores and inline suppressions (see directives.py)."""
        rules = {r.id: r for r in self.ruleset}
        ignores = self.config.ignores_for(Path(path)) if path != "-" and self.config.per_file_ignores else ()
        if ignores:
            findings = [f for f in findings if not any(selects(s, rules[f.rule_id]) for s in ignores)]
        if "langcheck:" not in text.lower():
            return findings
        return directives.settle(text, findings, rules, path=path, report_unused=self.config.report_unused_suppressions)

    def check_file(
        self, path: str | Path, *, input_format: InputFormat | str | None = None, columns: Sequence[str] = ()
    ) -> list[Finding]:
        """Read a document of any format langcheck reads and return its findings, each with a location.

        The format comes from the suffix unless `input_format` names one ("docx", "csv", ...);
        `columns` chooses a spreadsheet's columns. Raises InputError if it cannot be read.
        """
        options = ReadOptions(columns=tuple(columns))
        return self.check_document(Source.from_path(path), input_format=input_format, options=options)

    def check_document(
        self,
        source: Source,
        *,
        input_format: InputFormat | str | None = None,
        options: ReadOptions | None = None,
    ) -> list[Finding]:
        """Return the findings of a document read by its format's reader (see sources/)."""
        units = read_source(source, resolve_format(source, input_format), options)
        return [f for _, found in self.check_units(units, path=source.name) for f in found]

    def check_units(self, units: Iterable[Unit], *, path: str) -> Iterator[tuple[Unit, list[Finding]]]:
        """Yield each unit of a document with its findings moved to the document's own places.

        Units are checked one at a time as the reader yields them, so a large spreadsheet is
        never held whole; inline suppressions and per-file ignores apply within each unit.
        """
        for unit in units:
            yield unit, unit.place(self.check(unit.text, path=path))

    def check_many(self, texts: Iterable[str], *, batch_size: int = 64) -> Iterator[list[Finding]]:
        """Yield the findings for each text in turn, streaming through spaCy's nlp.pipe."""
        pending: list[str] = []

        def flush() -> Iterator[list[Finding]]:
            may = [self.triggers.may_match(t) for t in pending]
            compiled = self.compiled if any(may) else None
            needs = [t for t, m in zip(pending, may, strict=True) if m]
            docs = iter(compiled.nlp.pipe(needs, batch_size=batch_size)) if compiled else iter(())
            for t, m in zip(pending, may, strict=True):
                if compiled is not None and m:
                    yield self._settle(t, compiled.findings_for_doc(next(docs), self.options), "-")
                else:
                    yield self._settle(t, [], "-")
            pending.clear()

        for text in texts:
            pending.append(text)
            if len(pending) >= batch_size:
                yield from flush()
        yield from flush()


@functools.cache
def _triggers(extend: tuple[Path, ...], select: tuple[str, ...], ignore: tuple[str, ...]) -> Triggers:
    ruleset = _ruleset(extend, select, ignore)
    return build_triggers(ruleset, ruleset.requirements)


@functools.cache
def _compile(
    extend: tuple[Path, ...], select: tuple[str, ...], ignore: tuple[str, ...], pipeline: str
) -> CompiledRules:
    # Imported here: the engine (matchers, conditions) is needed only once a text could match.
    from langcheck.engine import CompiledRules
    from langcheck.nlp import BLANK, load_pipeline

    return CompiledRules(_ruleset(extend, select, ignore), load_pipeline(pipeline), cache=pipeline == BLANK)


def check(text: str, *, config: Config | None = None) -> list[Finding]:
    """Return the findings for one text with the given (or default) settings."""
    return _linter(config or Config()).check(text)


@functools.cache
def _linter(config: Config) -> Linter:
    return Linter(config)
