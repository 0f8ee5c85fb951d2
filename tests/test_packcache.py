"""The on-disk cache of loaded rule packs: used when unchanged, rebuilt after any edit."""

from __future__ import annotations

from pathlib import Path

import pytest

from langcheck import packcache


def test_cache_is_used_and_invalidated_by_any_edit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("LANGCHECK_NO_CACHE", raising=False)
    pack = tmp_path / "pack"
    (pack / "x").mkdir(parents=True)
    rule = pack / "x" / "XX001-a.yaml"
    rule.write_text("one")
    calls: list[str] = []

    def build(directory: Path) -> str:
        calls.append(rule.read_text())
        return rule.read_text()

    assert packcache.cached(pack, build) == "one"
    assert packcache.cached(pack, build) == "one"
    assert calls == ["one"]  # the second came from the cache
    rule.write_text("two")
    assert packcache.cached(pack, build) == "two"
    assert calls == ["one", "two"]


def test_a_broken_cache_file_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "sources.yaml").write_text("[]")
    target = packcache.cache_dir() / f"pack-{packcache.fingerprint(pack)}.pickle"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"not a pickle")
    assert packcache.cached(pack, lambda d: "fresh") == "fresh"


def test_old_packs_are_pruned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for i in range(packcache.KEEP + 5):
        pack = tmp_path / f"pack{i}"
        pack.mkdir()
        (pack / "sources.yaml").write_text(f"# {i}")
        packcache.cached(pack, lambda d: "x")
    assert len(list(packcache.cache_dir().glob("pack-*.pickle"))) == packcache.KEEP


def test_no_cache_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("LANGCHECK_NO_CACHE", "1")
    pack = tmp_path / "pack"
    pack.mkdir()
    packcache.cached(pack, lambda d: "x")
    assert not packcache.cache_dir().exists()
