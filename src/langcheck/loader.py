"""Read rule files and the sources list from YAML into validated, frozen values.

Rule files are written by safeguarding staff as well as developers, so every problem is
reported on one line as `file: key.path: problem; expected ...` (`file:line: problem` for YAML
that cannot be parsed, where no key can be named), and the first problem in a file stops that
file (a half-understood rule is worse than none).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from langcheck.conditions import CONDITION_NAMES
from langcheck.errors import RuleError
from langcheck.models import (
    Audience,
    Examples,
    FailExample,
    FixExample,
    Pattern,
    Replacement,
    Rule,
    Severity,
    Source,
    SourceKind,
)
from langcheck.patternguard import check_tokens
from langcheck.phrases import MAX_VARIANTS, PhraseSyntaxError, count_variants, edge_counts, parse
from langcheck.replacements import VERB_PLACEHOLDER_RE
from langcheck.tokencheck import token_problem
from langcheck.wording import placeholders

ID_RE = re.compile(r"^[A-Z]{2,4}[0-9]{3}$")
NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
RULE_KEYS = (
    "id",
    "name",
    "category",
    "severity",
    "applies_to",
    "message",
    "explanation",
    "replacements",
    "hints",
    "suggestions",  # the old name of hints, still read
    "fix",
    "patterns",
    "unless",
    "exceptions",
    "sources",
    "examples",
)
"""The keys a rule file may hold, in the order the error message lists them."""


@dataclass(frozen=True, slots=True)
class Renamed:
    """A condition's new name, and the release after which its old name stops loading."""

    new: str
    removal: str


RENAMED_CONDITIONS: dict[str, Renamed] = {
    "negated_clause": Renamed("negated", removal="2027-06-30"),  # `negated` now reads the clause
    "peer_partner": Renamed("peer", removal="2027-06-30"),
    "peer_age": Renamed("peer", removal="2027-06-30"),
}
"""Old condition names a rule file may still use, each redirected to its new name when the file
loads (as ruff redirects renamed rule codes), so a loaded rule only ever names conditions that
exist. Remove an entry at its removal date; the bundled rules use the new names."""


def _current_name(condition: str) -> str:
    """Return a condition's current name (a renamed one's new name, otherwise itself)."""
    renamed = RENAMED_CONDITIONS.get(condition)
    return renamed.new if renamed is not None else condition


try:  # libyaml is in PyYAML's wheels; fall back to the pure-Python loader if it is not.
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


def _read_yaml(path: Path) -> Any:
    """Parse a YAML file, turning read and syntax errors into RuleError."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise RuleError(str(path), "", "is not UTF-8 text", "a YAML file saved as UTF-8") from None
    except OSError as exc:
        raise RuleError(str(path), "", f"cannot be read ({exc.strerror})") from None
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise RuleError(where, "", f"is not valid YAML ({exc.problem})") from None
    except yaml.YAMLError as exc:
        raise RuleError(str(path), "", f"is not valid YAML ({exc})") from None


class _Reader:
    """Check one rule file's keys and values, naming each problem by its key path."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, key: str, problem: str, expected: str | None = None) -> RuleError:
        return RuleError(str(self.path), key, problem, expected)

    def string(self, data: Mapping[str, Any], key: str, *, required: bool = True) -> str | None:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(key, "is missing", "a line of text")
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, f"is {_kind(value)}", "a non-empty string")
        return value.strip()

    def strings(self, data: Mapping[str, Any], key: str, *, required: bool = True) -> list[str]:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(key, "is missing", "a list of strings")
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or (required and not value):
            raise self.fail(key, f"is {_kind(value)}", "a non-empty list of strings")
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise self.fail(f"{key}[{i}]", f"is {_kind(item)}", "a non-empty string")
        return [item.strip() for item in value]


def _kind(value: Any) -> str:
    """Describe a YAML value's type in plain words for error messages."""
    if value is None:
        return "empty"
    if isinstance(value, str):
        return "an empty string" if not value.strip() else f"the text {value!r}"
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "a mapping",
    }.get(type(value), type(value).__name__)


def load_rule(path: Path, *, category: str | None = None) -> Rule:
    """Load and validate one rule file; `category` is the folder it must agree with."""
    data = _read_yaml(path)
    r = _Reader(path)
    if not isinstance(data, dict):
        raise r.fail("", f"holds {_kind(data)}", "a mapping of rule keys (id, name, ...)")
    unknown = sorted(set(data) - set(RULE_KEYS))
    if unknown:
        raise r.fail(unknown[0], "is not a rule key", "one of " + ", ".join(RULE_KEYS))

    rule_id = r.string(data, "id") or ""
    if not ID_RE.match(rule_id):
        raise r.fail("id", f"{rule_id!r} is not a rule id", "two to four capitals and three digits, like AG001")
    name = r.string(data, "name") or ""
    if not NAME_RE.match(name):
        raise r.fail("name", f"{name!r} is not a slug", "lower-case words joined by hyphens")
    cat = r.string(data, "category") or ""
    if category is not None and cat != category:
        raise r.fail(
            "category",
            f"is {cat!r} but the file is in the folder {category!r}",
            "the category to match the folder name",
        )
    severity = _enum(r, data, "severity", Severity.parse, "info, warning or error")
    applies = data.get("applies_to", "any")
    audience = _enum(r, {"applies_to": applies}, "applies_to", Audience, "any or child")

    patterns = _patterns(r, data.get("patterns"))
    unless = [
        RENAMED_CONDITIONS[c].new if c in RENAMED_CONDITIONS else c for c in r.strings(data, "unless", required=False)
    ]
    for i, cond in enumerate(unless):
        if cond not in CONDITION_NAMES:
            raise r.fail(
                f"unless[{i}]",
                f"{cond!r} is not a known condition",
                "one of " + ", ".join(sorted(CONDITION_NAMES)),
            )
    exceptions = r.strings(data, "exceptions", required=False)
    for i, exc in enumerate(exceptions):
        _check_phrase(r, f"exceptions[{i}]", exc)

    fix = data.get("fix")
    if fix is not None and (not isinstance(fix, str) or not fix.strip()):
        raise r.fail("fix", f"is {_kind(fix)}", "a replacement string, or null for no fix")

    hints, replacements = _advice(r, data, fix.strip() if isinstance(fix, str) else None)
    rule = Rule(
        id=rule_id,
        name=name,
        category=cat,
        severity=severity,
        applies_to=audience,
        message=r.string(data, "message") or "",
        explanation=r.string(data, "explanation") or "",
        hints=tuple(hints),
        patterns=patterns,
        sources=tuple(r.strings(data, "sources")),
        examples=_examples(r, data.get("examples"), has_fix=fix is not None, has_replacements=bool(replacements)),
        unless=tuple(unless),
        exceptions=tuple(exceptions),
        fix=fix.strip() if isinstance(fix, str) else None,
        path=str(path),
        replacements=replacements,
    )
    _check_templates(r, rule, "suggestions" if "suggestions" in data else "hints")
    if path.stem.split("-", 1)[0] != rule.id or path.stem != f"{rule.id}-{rule.name}":
        raise r.fail(
            "id",
            f"file name {path.name!r} does not match the rule",
            f"the file to be named {rule.id}-{rule.name}.yaml",
        )
    return rule


def _check_templates(r: _Reader, rule: Rule, hint_key: str) -> None:
    """Require every placeholder in the message, hints and replacements to be one render fills."""
    for key, template in [("message", rule.message), ("fix", rule.fix or "")] + [
        (f"{hint_key}[{i}]", s) for i, s in enumerate(rule.hints)
    ]:
        if VERB_PLACEHOLDER_RE.search(template):
            raise r.fail(key, "uses {passive:...} or {tense:...}", "these placeholders in replacements only")
    for key, template in (
        [("message", rule.message), ("fix", rule.fix or "")]
        + [(f"{hint_key}[{i}]", s) for i, s in enumerate(rule.hints)]
        + [(f"replacements[{i}]", rep.text) for i, rep in enumerate(rule.replacements)]
    ):
        bad = placeholders(template)
        if bad:
            raise r.fail(
                key,
                f"uses the placeholder {{{bad[0]}}}",
                "only {match}, {they}, {them}, {their}, {themselves} (or capitalised)",
            )


def _advice(r: _Reader, data: Mapping[str, Any], fix: str | None) -> tuple[list[str], tuple[Replacement, ...]]:
    """Return the hints and replacements; a rule needs at least one of them."""
    hints = _hints(r, data)
    replacements = _replacements(r, data.get("replacements"), fix)
    if not hints and not replacements:
        raise r.fail("hints", "is missing", "hints (advice to show) or replacements (words to put in place)")
    return hints, replacements


def _hints(r: _Reader, data: Mapping[str, Any]) -> list[str]:
    """Return the hints; `suggestions` is their old name, read the same way (not both at once)."""
    if "hints" in data and "suggestions" in data:
        raise r.fail("suggestions", "is given as well as hints", "one list, called hints (suggestions is its old name)")
    key = "suggestions" if "suggestions" in data else "hints"
    return r.strings(data, key) if key in data else []


def _replacements(r: _Reader, value: Any, fix: str | None) -> tuple[Replacement, ...]:
    """Return the replacements, the rule's `fix` first: words that stand in the note as they are."""
    out = [Replacement(fix)] if fix is not None else []
    if value is None:
        return tuple(out)
    if not isinstance(value, list) or not value:
        raise r.fail("replacements", f"is {_kind(value)}", "a list of texts, or of {text, when, unless_next}")
    for i, raw in enumerate(value):
        key = f"replacements[{i}]"
        item = {"text": raw} if isinstance(raw, str) else raw
        if not isinstance(item, dict) or not set(item) <= {"text", "when", "unless_next"}:
            raise r.fail(key, f"is {_kind(item)}", "a text, or {text: ..., when: ..., unless_next: [...]}")
        text = r.string(item, "text")
        if text is None or "[" in text or "]" in text:
            raise r.fail(
                f"{key}.text",
                "holds a [placeholder] for the writer to fill in",
                "words that can stand in the note as they are (put advice with [...] in hints)",
            )
        when = r.string(item, "when", required=False)
        if when is not None:
            _check_phrase(r, f"{key}.when", when)
        unless_next = [w.lower() for w in r.strings(item, "unless_next", required=False)]
        rep = Replacement(text, when, tuple(unless_next))
        if rep not in out:
            out.append(rep)
    return tuple(out)


def _enum(r: _Reader, data: Mapping[str, Any], key: str, make: Any, expected: str) -> Any:
    value = data.get(key)
    if not isinstance(value, str):
        raise r.fail(key, "is missing" if value is None else f"is {_kind(value)}", expected)
    try:
        return make(value)
    except ValueError:
        raise r.fail(key, f"{value!r} is not allowed", expected) from None


def _check_phrase(r: _Reader, key: str, phrase: str) -> None:
    try:
        slots = parse(phrase)
    except PhraseSyntaxError as exc:
        raise r.fail(key, str(exc), "the phrase syntax described in docs/writing-rules.md") from None
    if count_variants(slots) > MAX_VARIANTS:
        raise r.fail(key, f"expands to more than {MAX_VARIANTS} wordings", "a narrower phrase, or two patterns")


def _patterns(r: _Reader, value: Any) -> tuple[Pattern, ...]:
    if not isinstance(value, list) or not value:
        raise r.fail(
            "patterns",
            "is missing" if value is None else f"is {_kind(value)}",
            "a list of {phrase: ...} or {tokens: [...]} items",
        )
    out = []
    for i, raw in enumerate(value):
        key = f"patterns[{i}]"
        item = {"phrase": raw} if isinstance(raw, str) else raw
        if not isinstance(item, dict) or len(item) != 1 or next(iter(item)) not in ("phrase", "tokens"):
            raise r.fail(key, f"is {_kind(item)}", "one key, phrase or tokens")
        if "phrase" in item:
            phrase = item["phrase"]
            if not isinstance(phrase, str) or not phrase.strip():
                raise r.fail(f"{key}.phrase", f"is {_kind(phrase)}", "a phrase")
            _check_phrase(r, f"{key}.phrase", phrase)
            out.append(Pattern(phrase=phrase.strip()))
        else:
            tokens = item["tokens"]
            if not isinstance(tokens, list) or not tokens:
                raise r.fail(f"{key}.tokens", f"is {_kind(tokens)}", "a list of token dicts")
            for j, tok in enumerate(tokens):
                if not isinstance(tok, dict):
                    raise r.fail(f"{key}.tokens[{j}]", f"is {_kind(tok)}", "a token dict like {LOWER: risk}")
                _check_token_words(r, f"{key}.tokens[{j}]", tok)
            _check_token_context(r, f"{key}.tokens", tokens)
            problem = token_problem(tokens)
            if problem is not None:
                raise r.fail(
                    f"{key}.{problem[0]}",
                    problem[1],
                    "the attributes and operators of spaCy's Matcher (LOWER, LEMMA, IN, OP, ...)",
                )
            check_tokens(tokens, str(r.path), f"{key}.tokens", r.fail)
            out.append(Pattern(tokens=tuple(tokens)))
    return tuple(out)


_WORD_KEYS = ("LOWER", "ORTH", "TEXT", "NORM", "LEMMA")


def _check_token_context(r: _Reader, key: str, tokens: list[dict[str, Any]]) -> None:
    """Require CONTEXT tokens (matched, not flagged) to be plain tokens at either end."""
    flags = []
    for j, tok in enumerate(tokens):
        value = tok.get("CONTEXT", False)
        if not isinstance(value, bool):
            raise r.fail(f"{key}[{j}].CONTEXT", f"is {_kind(value)}", "true or false")
        if value and "OP" in tok:
            raise r.fail(f"{key}[{j}]", "is a CONTEXT token with an OP", "a CONTEXT token without OP")
        flags.append(value)
    lead, trail = edge_counts(flags)
    if lead == len(flags):
        raise r.fail(key, "has only CONTEXT tokens", "at least one token to flag")
    if any(flags[lead : len(flags) - trail]):
        raise r.fail(key, "has a CONTEXT token between flagged ones", "CONTEXT tokens at the start or the end")


def _check_token_words(r: _Reader, key: str, tok: dict[str, Any]) -> None:
    """Require words in token dicts to be strings: YAML reads a bare on/off/yes/no as true/false."""
    for attr in _WORD_KEYS:
        if attr not in tok:
            continue
        value = tok[attr]
        items = [(f"{key}.{attr}", value)]
        if isinstance(value, dict):
            items = [
                (f"{key}.{attr}.{op}[{i}]", v)
                for op, vs in value.items()
                if isinstance(vs, list)
                for i, v in enumerate(vs)
            ]
        for where, word in items:
            if not isinstance(word, str):
                raise r.fail(
                    where, f"is {_kind(word)}", "a quoted word (YAML reads a bare on, off, yes or no as true/false)"
                )


def _fail_example(r: _Reader, key: str, item: Any, *, has_replacements: bool) -> FailExample:
    """Read one fail example; `applied` (checked by test-rules) pins how it reads once replaced."""
    if isinstance(item, str) and item.strip():
        item = {"text": item}
    if not (isinstance(item, dict) and isinstance(item.get("text"), str) and set(item) <= {"text", "match", "applied"}):
        raise r.fail(key, f"is {_kind(item)}", "a text, or {text: ..., match: ..., applied: ...}")
    match = item.get("match")
    matches: list[Any] = match if isinstance(match, list) and match else [match]
    if match is not None and not all(isinstance(m, str) and m in item["text"] for m in matches):
        raise r.fail(
            f"{key}.match",
            "is not part of the example text",
            "the exact flagged words, or a list of them when the text is flagged more than once",
        )
    applied = item.get("applied")
    if applied is not None and (not isinstance(applied, str) or not applied.strip()):
        raise r.fail(f"{key}.applied", f"is {_kind(applied)}", "the text as it reads with the first replacement")
    if "applied" in item and not has_replacements:
        raise r.fail(f"{key}.applied", "is given but the rule has no replacements", "no applied for a hints-only rule")
    return FailExample(item["text"], matches[0], applied, "applied" in item, tuple(matches[1:]))


def _examples(r: _Reader, value: Any, *, has_fix: bool, has_replacements: bool = False) -> Examples:
    if not isinstance(value, dict):
        raise r.fail(
            "examples",
            "is missing" if value is None else f"is {_kind(value)}",
            "a mapping with fail and pass lists",
        )
    unknown = sorted(set(value) - {"fail", "pass", "fix"})
    if unknown:
        raise r.fail(f"examples.{unknown[0]}", "is not an example kind", "fail, pass or fix")
    fails = []
    raw_fail = value.get("fail")
    if not isinstance(raw_fail, list) or not raw_fail:
        raise r.fail("examples.fail", "is missing or empty", "at least one text the rule must flag")
    for i, item in enumerate(raw_fail):
        fails.append(_fail_example(r, f"examples.fail[{i}]", item, has_replacements=has_replacements))
    passes = r.strings(value, "pass")
    fixes = []
    for i, item in enumerate(value.get("fix") or []):
        if not isinstance(item, dict) or set(item) != {"text", "fixed"}:
            raise r.fail(f"examples.fix[{i}]", f"is {_kind(item)}", "{text: ..., fixed: ...}")
        fixes.append(FixExample(str(item["text"]), str(item["fixed"])))
    if has_fix and not fixes:
        raise r.fail("examples.fix", "is missing", "at least one fix example for a rule with a fix")
    return Examples(tuple(fails), tuple(passes), tuple(fixes))


def rule_files(directory: Path) -> list[tuple[Path, str]]:
    """Return (file, category) for every rule file under `directory`, in a stable order."""
    found = []
    for path in sorted(directory.glob("*/*.yaml")) + sorted(directory.glob("*/*.yml")):
        found.append((path, path.parent.name))
    return found


def load_directory(directory: Path) -> list[Rule]:
    """Load every rule file in a pack folder (one sub-folder per category)."""
    if not directory.is_dir():
        raise RuleError(str(directory), "", "is not a folder of rules", "a folder with one sub-folder per category")
    return [load_rule(path, category=cat) for path, cat in rule_files(directory)]


def load_sources(path: Path) -> dict[str, Source]:
    """Load a sources list: a YAML list of {id, title, publisher, year, kind, url}.

    Every source needs a kind (so `explain` can put primary sources first) and an http(s)
    address: a reader must be able to open the publisher's own copy, not a file on our disk.
    """
    data = _read_yaml(path)
    r = _Reader(path)
    if not isinstance(data, list):
        raise r.fail("", f"holds {_kind(data)}", "a list of sources")
    out: dict[str, Source] = {}
    for i, item in enumerate(data):
        if not isinstance(item, dict):
            raise r.fail(f"[{i}]", f"is {_kind(item)}", "a mapping with id, title, publisher, year, kind, url")
        sub = _Reader(path)
        sid = sub.string(item, "id") or ""
        if sid in out:
            raise r.fail(f"[{i}].id", f"{sid!r} is listed twice", "each source once")
        out[sid] = Source(
            id=sid,
            title=sub.string(item, "title") or "",
            publisher=sub.string(item, "publisher") or "",
            year=str(item.get("year", "n.d.")),
            url=_source_url(r, f"[{i}].url", item.get("url")),
            kind=_source_kind(r, f"[{i}].kind", item.get("kind")),
        )
    return out


_KINDS = ", ".join(k.value for k in SourceKind)


def _source_kind(r: _Reader, key: str, value: Any) -> SourceKind:
    if not isinstance(value, str) or not value.strip():
        raise r.fail(key, "is missing" if value is None else f"is {_kind(value)}", "one of " + _KINDS)
    try:
        return SourceKind(value.strip())
    except ValueError:
        raise r.fail(key, f"{value!r} is not a kind of source", "one of " + _KINDS) from None


def _source_url(r: _Reader, key: str, value: Any) -> str:
    expected = "the http:// or https:// address of the publisher's own copy"
    if not isinstance(value, str) or not value.strip():
        raise r.fail(key, "is missing" if value is None else f"is {_kind(value)}", expected)
    url = value.strip()
    scheme, sep, rest = url.partition("://")
    if not sep or scheme.lower() not in ("http", "https") or not rest.split("/", 1)[0]:
        raise r.fail(key, f"{url!r} is not a web address", expected)
    return url
