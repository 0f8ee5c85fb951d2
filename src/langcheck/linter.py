"""The library entry point: build once, check many texts.

Building a Linter loads and chooses the rules (tens of milliseconds) but does not import
spaCy: that happens on the first text that contains a trigger word, so checking clean notes
stays cheap. Every check goes through the one pipeline of checker.py; what is built for it is
kept by a Factory (factory.py), shared per process unless the caller passes its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from langcheck.checker import Checker
from langcheck.config import Config
from langcheck.factory import Factory, selection_of, shared
from langcheck.models import Finding, Options
from langcheck.sources import InputFormat, ReadOptions, Source, Unit, resolve_format
from langcheck.sources import read as read_source

if TYPE_CHECKING:
    from langcheck.engine import CompiledRules


class Linter:
    """Check texts and files against the rules chosen by a Config."""

    def __init__(self, config: Config | None = None, *, factory: Factory | None = None) -> None:
        self.config = config or Config()
        made = factory or shared()
        selection = selection_of(self.config)
        self.ruleset = made.ruleset(selection)
        self.options = Options(subject=self.config.subject, include_quotes=self.config.include_quotes)
        self.triggers = made.triggers(selection)
        self.checker = Checker(
            self.ruleset,
            self.options,
            triggers=self.triggers,
            compiled=lambda: made.compiled(selection, self.config.pipeline),
            config=self.config,
        )

    @property
    def compiled(self) -> CompiledRules:
        """Return the compiled matchers, building them (and importing spaCy) on first use."""
        return self.checker.compiled

    def check(self, text: str, *, path: str = "-") -> list[Finding]:
        """Return the findings for one text (a text with no trigger word never loads spaCy)."""
        return self.checker.check(text, path=path)

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
        return self.checker.check_many(texts, batch_size=batch_size)


def check(text: str, *, config: Config | None = None) -> list[Finding]:
    """Return the findings for one text with the given (or default) settings."""
    return shared().linter(config or Config()).check(text)
