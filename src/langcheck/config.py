"""Settings for a run: which rules, whom the notes describe, when to fail.

The same frozen value is built from `.langcheck.toml`, `[tool.langcheck]` in `pyproject.toml`,
or command-line flags (which win), and handed to the Linter, so the library and the CLI agree
on every default. Config files are found by walking up from the checked file, as ruff and
codespell do, so a team can keep one file at the top of its notes folder.
"""

from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from langcheck.errors import ConfigError
from langcheck.models import Severity, Subject
from langcheck.nlp import BLANK

CONFIG_NAMES = (".langcheck.toml", "langcheck.toml", "pyproject.toml")
KEYS = (
    "select",
    "ignore",
    "extend-rules",
    "fail-on",
    "subject",
    "include-quotes",
    "exclude",
    "per-file-ignores",
    "pipeline",
)


@dataclass(frozen=True, slots=True)
class Config:
    """Everything a user can set; the defaults are what `langcheck check` does out of the box."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_rules: tuple[Path, ...] = ()
    fail_on: Severity = Severity.WARNING
    subject: Subject = Subject.AUTO
    include_quotes: bool = False
    pipeline: str = BLANK
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    report_unused_suppressions: bool = False
    root: Path | None = field(default=None, compare=False)
    source: Path | None = field(default=None, compare=False)

    def override(self, **values: Any) -> Config:
        """Return a copy with the given fields replaced (command-line flags over the file)."""
        return replace(self, **values)

    def relative(self, path: Path) -> str:
        """Return `path` relative to the config's folder, with forward slashes, for globs."""
        resolved = path.resolve()
        if self.root is not None:
            try:
                return PurePosixPath(resolved.relative_to(self.root.resolve())).as_posix()
            except ValueError:
                pass
        return PurePosixPath(path).as_posix()

    def is_excluded(self, path: Path) -> bool:
        """Return True if an `exclude` glob matches the path or one of its folders."""
        rel = self.relative(path)
        parts = rel.split("/")
        candidates = [rel, path.name] + ["/".join(parts[: i + 1]) for i in range(len(parts) - 1)]
        return any(fnmatch.fnmatchcase(c, g.rstrip("/")) for g in self.exclude for c in candidates)

    def ignores_for(self, path: Path) -> tuple[str, ...]:
        """Return the rule selectors that `per-file-ignores` switches off for this file."""
        rel = self.relative(path)
        out: list[str] = []
        for pattern, selectors in self.per_file_ignores:
            if fnmatch.fnmatchcase(rel, pattern) or fnmatch.fnmatchcase(path.name, pattern):
                out += selectors
        return tuple(out)


def find_config_file(start: Path) -> Path | None:
    """Return the nearest config file at or above `start` (a file or folder), or None.

    A `pyproject.toml` counts only if it has a `[tool.langcheck]` table.
    """
    folder = start if start.is_dir() else start.parent
    for directory in [folder.resolve(), *folder.resolve().parents]:
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return isinstance(data.get("tool"), dict) and "langcheck" in data["tool"]


def load_config(path: Path) -> Config:
    """Read and validate a config file; raise ConfigError naming the file, key and problem."""
    where = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(where, "file", "does not exist; check the --config path") from None
    except UnicodeDecodeError:
        raise ConfigError(where, "file", "is not UTF-8 text; save it as UTF-8") from None
    except OSError as exc:
        raise ConfigError(where, "file", f"cannot be read ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(where, "file", f"is not valid TOML ({exc})") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("langcheck", {}) if isinstance(data.get("tool"), dict) else {}
        prefix = "tool.langcheck."
    else:
        table = data.get("tool", {}).get("langcheck", data) if "tool" in data else data
        prefix = ""
    if not isinstance(table, dict):
        raise ConfigError(where, prefix.rstrip(".") or "file", "must be a table of settings")
    return parse_settings(table, path, prefix=prefix)


def parse_settings(table: dict[str, Any], path: Path, *, prefix: str = "") -> Config:
    """Validate a table of settings (as in a config file) into a Config rooted at its folder."""
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise ConfigError(str(path), prefix + unknown[0], "is not a setting; the settings are " + ", ".join(KEYS))
    values: dict[str, Any] = {"root": path.parent, "source": path}
    for key, value in table.items():
        field_name, parse = _PARSERS[key]
        try:
            values[field_name] = parse(value, path.parent)
        except ValueError as exc:
            raise ConfigError(str(path), prefix + key, str(exc)) from None
    return Config(**values)


def _strings(value: Any, _root: Path | None = None) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) and v.strip() for v in items):
        raise ValueError('must be a list of strings, like ["AG001", "missing"]')
    return tuple(v.strip() for v in items)


def _choice(allowed: list[str]) -> Any:
    def parse(value: Any, _root: Path) -> str:
        if not isinstance(value, str) or value not in allowed:
            raise ValueError(f"is {value!r}; use one of " + ", ".join(allowed))
        return value

    return parse


def _folders(value: Any, root: Path) -> tuple[Path, ...]:
    folders = tuple((root / p).resolve() for p in _strings(value))
    for folder in folders:
        if not folder.is_dir():
            raise ValueError(f"{folder} is not a folder of rules")
    return folders


def _boolean(value: Any, _root: Path) -> bool:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def _pipeline(value: Any, _root: Path) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be the name or path of a spaCy pipeline")
    return value


def _per_file(value: Any, _root: Path) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ValueError('must be a table of glob = [rules], like "drafts/*.md" = ["AD"]')
    pairs = []
    for glob, selectors in value.items():
        try:
            pairs.append((glob, _strings(selectors)))
        except ValueError:
            raise ValueError(f"{glob!r} must map to a list of rule selectors") from None
    return tuple(pairs)


_PARSERS: dict[str, tuple[str, Any]] = {
    "select": ("select", _strings),
    "ignore": ("ignore", _strings),
    "extend-rules": ("extend_rules", _folders),
    "fail-on": ("fail_on", lambda v, r: Severity.parse(_choice([s.label for s in Severity])(v, r))),
    "subject": ("subject", lambda v, r: Subject(_choice([s.value for s in Subject])(v, r))),
    "include-quotes": ("include_quotes", _boolean),
    "pipeline": ("pipeline", _pipeline),
    "exclude": ("exclude", _strings),
    "per-file-ignores": ("per_file_ignores", _per_file),
}
