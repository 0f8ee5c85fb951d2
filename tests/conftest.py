"""Shared fixtures: a way to write small rule packs for tests of the engine and the CLI."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from golden import GoldenSettingError, update_requested


def pytest_configure(config: pytest.Config) -> None:
    """Refuse to start when LANGCHECK_UPDATE_GOLDEN is set to anything but 1 (see golden.py)."""
    try:
        update_requested(os.environ)
    except GoldenSettingError as exc:
        raise pytest.UsageError(str(exc)) from None


@pytest.fixture
def update_golden() -> bool:
    """True when this run was asked to rewrite the golden files (LANGCHECK_UPDATE_GOLDEN=1)."""
    return update_requested(os.environ)


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep the on-disk caches of the whole run (and its subprocesses) out of the user's home.

    One folder for the session, so the bundled pack is compiled once, not once per test.
    """
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(folder))
        yield folder


RULE_TEMPLATE = """\
id: {id}
name: {name}
category: {category}
severity: {severity}
applies_to: {applies_to}
message: "'{{match}}' is a test phrase."
explanation: A rule written by a test.
suggestions: ["a neutral phrase for {{them}}"]
patterns:
{patterns}
unless: {unless}
sources: [TEST1]
examples:
  fail: [{fail!r}]
  pass: ["Nothing to see here."]
"""


@pytest.fixture
def make_pack(tmp_path: Path) -> Callable[..., Path]:
    """Return a function that writes a one-rule pack and returns its folder."""

    def make(
        patterns: list[str],
        *,
        id: str = "ZZ001",
        name: str = "test-rule",
        category: str = "testing",
        severity: str = "warning",
        applies_to: str = "any",
        unless: str = "[]",
        fail: str = "placeholder",
        extra: str = "",
    ) -> Path:
        pack = tmp_path / "pack"
        (pack / category).mkdir(parents=True, exist_ok=True)
        (pack / "sources.yaml").write_text(
            "- {id: TEST1, title: T, publisher: P, year: 2024, kind: research, url: https://example.org/t}\n"
        )
        body = RULE_TEMPLATE.format(
            id=id,
            name=name,
            category=category,
            severity=severity,
            applies_to=applies_to,
            patterns="\n".join(f"  - {p}" for p in patterns),
            unless=unless,
            fail=fail,
        ) + textwrap.dedent(extra)
        (pack / category / f"{id}-{name}.yaml").write_text(body)
        return pack

    return make


def pytest_make_parametrize_id(config: pytest.Config, val: object, argname: str) -> str | None:
    """Give a text holding a line break an id without one (the break written as //).

    mutmut re-runs tests by node id; an id with a real line break is not found again, and the
    mutants only that test covers would count as killed though no test failed
    (benchmarks/mutation.py).
    """
    text = val.decode("latin-1") if isinstance(val, bytes) else val
    if not isinstance(text, str) or not ("\n" in text or "\r" in text):
        return None
    text = text.replace("\r\n", "//").replace("\n", "//").replace("\r", "//")
    return "".join(ch if ch.isprintable() and ch.isascii() else "?" for ch in text)
