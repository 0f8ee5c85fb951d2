"""The spaCy pipeline component "langcheck": findings as spans on any English pipeline.

`nlp.add_pipe("langcheck")` finds this module through the `spacy_factories` entry point, so
nothing in the rest of the package registers anything at import time. The component compiles
the rules against the pipeline's own vocab and tokenizer, checks each Doc it is given (it never
runs the pipeline itself), and writes `doc.spans["langcheck"]` (label = rule id) and
`doc._.langcheck_findings` (the Finding objects, with messages and suggestions).

Each Doc goes through the same pipeline as `Linter.check` (checker.py), paragraph by
paragraph, with sentence boundaries from the same place (sentences.py): the pipeline's own
when it sets them, the sentencizer's rule otherwise. So the component and the Linter give the
same findings for the same text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from langcheck.errors import ConfigError
from langcheck.models import Finding, Options, Severity, Subject

if TYPE_CHECKING:
    from langcheck.checker import Checker
    from langcheck.config import Config
    from langcheck.engine import CompiledRules
    from langcheck.ruleset import RuleSet

# spaCy imports this module through the entry point whenever it builds any pipeline, for any
# user in this environment; the rules, the engine and the linter are imported only when the
# component is actually used (inside the methods below), so that costs spaCy nothing.

FACTORY = "langcheck"
SPAN_KEY = "langcheck"
EXTENSION = "langcheck_findings"
SETTINGS_FILE = "settings.json"
# Findings live in doc.user_data as plain values, so that Doc.to_bytes, DocBin and
# nlp.pipe(n_process=...) can serialise them; `doc._.langcheck_findings` rebuilds them.
USER_DATA_KEY = "langcheck.findings"

SETTINGS = ("select", "ignore", "subject", "include_quotes", "extend_rules")


def default_settings() -> dict[str, Any]:
    """Return the factory's default config (a fresh dict: callers may change it)."""
    return {"select": [], "ignore": [], "subject": Subject.AUTO.value, "include_quotes": False, "extend_rules": []}


class LangcheckComponent:
    """Flag victim-blaming language in each Doc as spans and Finding objects."""

    def __init__(
        self,
        nlp: Language,
        name: str = FACTORY,
        *,
        select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        subject: str = Subject.AUTO.value,
        include_quotes: bool = False,
        extend_rules: Iterable[str] = (),
    ) -> None:
        self.nlp = nlp
        self.name = name
        self._configure(
            {
                "select": list(select),
                "ignore": list(ignore),
                "subject": subject,
                "include_quotes": include_quotes,
                "extend_rules": list(extend_rules),
            }
        )
        if not Doc.has_extension(EXTENSION):
            Doc.set_extension(EXTENSION, getter=stored_findings)

    def _configure(self, settings: dict[str, Any]) -> None:
        """Validate the settings, load the rules they choose, and forget any compiled matchers."""
        from langcheck.checker import Checker
        from langcheck.factory import selection_of, shared

        config = _config(self.name, settings)
        factory, selection = shared(), selection_of(config)
        self.ruleset: RuleSet = factory.ruleset(selection)  # validates select/ignore; no spaCy work
        self.options: Options = Options(subject=config.subject, include_quotes=config.include_quotes)
        self.settings: dict[str, Any] = {
            "select": list(config.select),
            "ignore": list(config.ignore),
            "subject": config.subject.value,
            "include_quotes": config.include_quotes,
            "extend_rules": [str(p) for p in config.extend_rules],
        }
        self.checker: Checker = Checker(
            self.ruleset,
            self.options,
            triggers=factory.triggers(selection),
            compiled=lambda: self._compile(factory.triggers(selection)),
            config=config,
        )

    def _compile(self, triggers: Any) -> CompiledRules:
        """Compile the rules against this pipeline's vocab and tokenizer (on first use, so that
        a loaded pipeline is complete)."""
        from langcheck.engine import CompiledRules

        return CompiledRules(self.ruleset, self.nlp, triggers=triggers)

    @property
    def compiled(self) -> CompiledRules:
        """Return the matchers, compiled on first use."""
        return self.checker.compiled

    def __call__(self, doc: Doc) -> Doc:
        """Set `doc.spans["langcheck"]` and `doc._.langcheck_findings` for one Doc."""
        findings = self.findings(doc)
        spans: list[Span] = []
        for f in findings:
            span = doc.char_span(f.start, f.end, label=f.rule_id, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[SPAN_KEY] = SpanGroup(doc, name=SPAN_KEY, spans=spans)
        doc.user_data[USER_DATA_KEY] = [_pack(f) for f in findings]
        return doc

    def findings(self, doc: Doc) -> list[Finding]:
        """Return the findings for a Doc without changing it (inline suppressions applied)."""
        return self.checker.check_doc(doc)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the settings; the rules are reloaded from them, not stored."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / SETTINGS_FILE).write_text(json.dumps(self.settings, indent=2) + "\n", encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> LangcheckComponent:
        """Read the settings written by `to_disk` and reload the rules they choose."""
        file = Path(path) / SETTINGS_FILE
        try:
            settings = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ConfigError(str(file), "file", f"cannot be read as langcheck settings ({exc})") from None
        if not isinstance(settings, dict):
            raise ConfigError(str(file), "file", "must hold a JSON object of settings")
        self._configure({**default_settings(), **settings})
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Return the settings as bytes (for `nlp.to_bytes`)."""
        return json.dumps(self.settings).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> LangcheckComponent:
        """Read settings written by `to_bytes` and reload the rules they choose."""
        try:
            settings = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ConfigError(self.name, "bytes", f"cannot be read as langcheck settings ({exc})") from None
        if not isinstance(settings, dict):
            raise ConfigError(self.name, "bytes", "must hold a JSON object of settings")
        self._configure({**default_settings(), **settings})
        return self


def stored_findings(doc: Doc) -> list[Finding] | None:
    """Return the findings the component stored on the Doc, or None if it has not run."""
    packed = doc.user_data.get(USER_DATA_KEY)
    if packed is None:
        return None
    return [_unpack(p) for p in packed]


def _pack(finding: Finding) -> dict[str, Any]:
    """Return the finding as msgpack-friendly values (what Doc serialisation can store)."""
    values = {f.name: getattr(finding, f.name) for f in fields(Finding)}
    values["severity"] = int(finding.severity)
    values["suggestions"] = list(finding.suggestions)
    return values


def _unpack(values: dict[str, Any]) -> Finding:
    """Rebuild a Finding from `_pack`'s values."""
    return Finding(
        **{
            **values,
            "severity": Severity(values["severity"]),
            "suggestions": tuple(values["suggestions"]),
        }
    )


def _config(name: str, settings: dict[str, Any]) -> Config:
    """Turn the component's settings into a Config; raise ConfigError naming the bad one."""
    from langcheck.config import Config

    where = f"spaCy component {name!r}"
    unknown = sorted(set(settings) - set(SETTINGS))
    if unknown:
        raise ConfigError(where, unknown[0], "is not a setting; the settings are " + ", ".join(SETTINGS))
    for key in ("select", "ignore", "extend_rules"):
        value = settings[key]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise ConfigError(where, key, "must be a list of strings")
    try:
        subject = Subject(settings["subject"])
    except ValueError:
        allowed = ", ".join(s.value for s in Subject)
        raise ConfigError(where, "subject", f"is {settings['subject']!r}; use one of {allowed}") from None
    if not isinstance(settings["include_quotes"], bool):
        raise ConfigError(where, "include_quotes", "must be true or false")
    folders = tuple(Path(p).expanduser().resolve() for p in settings["extend_rules"])
    for folder in folders:
        if not folder.is_dir():
            raise ConfigError(where, "extend_rules", f"{folder} is not a folder of rules")
    return Config(
        select=tuple(s.strip() for s in settings["select"]),
        ignore=tuple(s.strip() for s in settings["ignore"]),
        extend_rules=folders,
        subject=subject,
        include_quotes=settings["include_quotes"],
    )


@Language.factory(FACTORY, default_config=default_settings())
def make_langcheck(
    nlp: Language,
    name: str,
    *,
    select: list[str],
    ignore: list[str],
    subject: str,
    include_quotes: bool,
    extend_rules: list[str],
) -> LangcheckComponent:
    """Build the component (spaCy calls this for `nlp.add_pipe("langcheck")`)."""
    return LangcheckComponent(
        nlp,
        name,
        select=select,
        ignore=ignore,
        subject=subject,
        include_quotes=include_quotes,
        extend_rules=extend_rules,
    )
