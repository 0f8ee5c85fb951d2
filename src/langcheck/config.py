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
    """Everything a user can set; the defaults are what `langcheck check` does out of the box.

    Built from Python too, so the obvious forms are accepted and normalised here: a string or
    a list for the selectors and folders, "child" for `Subject.CHILD`, "error" for
    `Severity.ERROR`. Anything else is a ConfigError saying what to pass, never a silent no-op.
    """

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

    def __post_init__(self) -> None:
        def put(name: str, value: Any) -> None:
            object.__setattr__(self, name, value)

        put("select", _api_selectors("select", self.select))
        put("ignore", _api_selectors("ignore", self.ignore))
        put("exclude", _api_selectors("exclude", self.exclude, example='["archive/", "*.draft.md"]'))
        put("extend_rules", _api_folders(self.extend_rules))
        put("fail_on", _api_enum("fail_on", self.fail_on, Severity, [s.label for s in Severity]))
        put("subject", _api_enum("subject", self.subject, Subject, [s.value for s in Subject]))
        for name in ("include_quotes", "report_unused_suppressions"):
            if not isinstance(getattr(self, name), bool):
                raise ConfigError("Config", name, f"is {getattr(self, name)!r}; pass True or False")
        if not isinstance(self.pipeline, str) or not self.pipeline.strip():
            raise ConfigError("Config", "pipeline", "must be the name or path of a spaCy pipeline, as a string")
        put("per_file_ignores", _api_per_file(self.per_file_ignores))

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

    A `pyproject.toml` counts only if it has a `[tool.langcheck]` table. One that is not valid
    TOML (or cannot be read) is a ConfigError: its settings may be meant for langcheck, and
    going on to a parent folder's file would check with settings nobody chose.
    """
    folder = start if start.is_dir() else start.parent
    for directory in [folder.resolve(), *folder.resolve().parents]:
        for name in CONFIG_NAMES:
            candidate = directory / name
            try:
                exists = candidate.is_file()
            except OSError:  # a folder that cannot be entered: nothing below it can be read either
                exists = False
            if exists and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    data = _read_toml(path)
    return isinstance(data.get("tool"), dict) and "langcheck" in data["tool"]


def _read_toml(path: Path) -> dict[str, Any]:
    where = str(path)
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(where, "file", "does not exist; check the --config path") from None
    except UnicodeDecodeError:
        raise ConfigError(where, "file", "is not UTF-8 text; save it as UTF-8") from None
    except OSError as exc:
        raise ConfigError(where, "file", f"cannot be read ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(where, "file", f"is not valid TOML ({exc}); correct it, or check with --isolated") from None


def load_config(path: Path | str | None = None) -> Config:
    """Return the settings `langcheck check` would use, read and validated.

    `path` may name a config file (`.langcheck.toml`, `langcheck.toml`, `pyproject.toml`), or a
    document or folder whose nearest config file is wanted, exactly as the command line finds
    it; None searches from the current folder. With no config file, the defaults. Raises
    ConfigError naming the file, the key and what to do.
    """
    if path is None:
        start = Path.cwd()
    else:
        start = Path(path)
        if start.name in CONFIG_NAMES or start.suffix == ".toml":
            return _checked(read_config_file(start))
    found = find_config_file(start)
    return (
        _checked(read_config_file(found))
        if found is not None
        else Config(root=start if start.is_dir() else start.parent)
    )


def read_config_file(path: Path) -> Config:
    """Read and validate one config file (its rule selectors are checked once the rules are known)."""
    where = str(path)
    data = _read_toml(path)
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


def _checked(config: Config) -> Config:
    if config.select or config.ignore or config.per_file_ignores:
        from langcheck.ruleset import load_rules

        check_selectors(config, load_rules(config.extend_rules))
    return config


def check_selectors(config: Config, rules: Any, *, prefix: str = "") -> None:
    """Raise ConfigError if a selector in the config's own file names no rule in `rules`.

    Run once the rules are known (the file's own `extend-rules` included), so that a typo in
    `select`, `ignore` or `per-file-ignores` is an error naming the file, as in `--select`.
    """
    where = str(config.source) if config.source is not None else "settings"
    for key, selectors in (("select", config.select), ("ignore", config.ignore)):
        unknown = rules.unknown_selectors(selectors)
        if unknown:
            raise ConfigError(where, prefix + key, names_no_rule(unknown[0]))
    for glob, selectors in config.per_file_ignores:
        unknown = rules.unknown_selectors(selectors)
        if unknown:
            raise ConfigError(where, f"{prefix}per-file-ignores: {glob!r}", names_no_rule(unknown[0]))


def names_no_rule(selector: str) -> str:
    """Return the problem text for a selector that matches no rule."""
    return (
        f"{selector!r} names no rule; use a rule id (AG001), a prefix (AG), a name, a category or a glob "
        "(langcheck rules lists them)"
    )


def rules_folder_problem(folder: Path) -> str | None:
    """Return why `folder` cannot be a pack of rules, or None if it can."""
    if not folder.is_dir():
        return f"{folder} is not a folder of rules"
    from langcheck.loader import rule_files

    if not rule_files(folder):
        return (
            f"{folder} holds no rule files; a pack has one sub-folder per category with a YAML file "
            "per rule (see docs/writing-rules.md)"
        )
    return None


def _api_selectors(key: str, value: Any, *, example: str = '["AG001", "missing"]') -> tuple[str, ...]:
    items = [v for v in value.split(",")] if isinstance(value, str) else value
    if isinstance(items, (list, tuple)) and all(isinstance(v, str) for v in items):
        return tuple(dict.fromkeys(v.strip() for v in items if v.strip()))
    raise ConfigError("Config", key, f"is {value!r}; pass a string or a list of strings, like {example}")


def _api_folders(value: Any) -> tuple[Path, ...]:
    items = [value] if isinstance(value, (str, Path)) else value
    if isinstance(items, (list, tuple)) and all(isinstance(v, (str, Path)) for v in items):
        return tuple(dict.fromkeys(Path(v) for v in items))  # the same folder twice is one pack
    raise ConfigError("Config", "extend_rules", f"is {value!r}; pass a folder or a list of folders")


def _api_enum(key: str, value: Any, kind: Any, allowed: list[str]) -> Any:
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        for member in kind:
            if value.strip().lower() in (member.name.lower(), str(member.value).lower()):
                return member
    names = ", ".join(f'"{a}"' for a in allowed)
    raise ConfigError("Config", key, f"is {value!r}; pass one of {names}, or a {kind.__name__}")


def _api_per_file(value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    pairs = value.items() if isinstance(value, dict) else value
    try:
        return tuple((glob, _api_selectors("per_file_ignores", selectors)) for glob, selectors in pairs)
    except (TypeError, ValueError):
        raise ConfigError(
            "Config", "per_file_ignores", f'is {value!r}; pass a dict of glob to rules, like {{"drafts/*.md": ["AD"]}}'
        ) from None


def _strings(value: Any, _root: Path | None = None, *, example: str = '["AG001", "missing"]') -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) and v.strip() for v in items):
        raise ValueError(f"must be a list of strings, like {example}")
    return tuple(v.strip() for v in items)


def _choice(allowed: list[str]) -> Any:
    def parse(value: Any, _root: Path) -> str:
        if not isinstance(value, str) or value not in allowed:
            raise ValueError(f"is {value!r}; use one of " + ", ".join(allowed))
        return value

    return parse


def _folders(value: Any, root: Path) -> tuple[Path, ...]:
    folders = tuple(dict.fromkeys((root / p).resolve() for p in _strings(value, example='["team-rules"]')))
    for folder in folders:
        problem = rules_folder_problem(folder)
        if problem:
            raise ValueError(problem)
    return folders


def exclude_problem(glob: str) -> str | None:
    """Return why `glob` cannot be an `exclude` pattern, or None if it can."""
    if glob.startswith("/") or (len(glob) > 1 and glob[1] == ":"):
        return f'{glob!r} is an absolute path; give a glob relative to the config file\'s folder, like "archive/"'
    depth = 0
    for ch in glob:
        if ch == "[":
            depth += 1
        elif ch == "]" and depth:
            depth -= 1
    if depth:
        return f"{glob!r} has a '[' with no ']'; close it, or write [[] for a literal ["
    return None


def _excludes(value: Any, _root: Path) -> tuple[str, ...]:
    globs = _strings(value, example='["archive/", "*.draft.md"]')
    for glob in globs:
        problem = exclude_problem(glob)
        if problem:
            raise ValueError(problem)
    return globs


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
    "exclude": ("exclude", _excludes),
    "per-file-ignores": ("per_file_ignores", _per_file),
}
