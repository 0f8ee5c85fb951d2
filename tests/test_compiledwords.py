"""The compiled-words cache: used when nothing changed, rebuilt when a pattern changes, and a
matcher read back from it matches exactly as the one that was stored."""

from __future__ import annotations

import pickle
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from langcheck import compiledwords, packcache
from langcheck.compiledwords import compile_words, word_tokenizer
from langcheck.nlp import TokenizerWarmer, load_pipeline
from langcheck.phrases import parse
from langcheck.ruleset import load_pack
from langcheck.slotmatcher import SlotMatcher

MakePack = Callable[..., Path]


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    monkeypatch.delenv("LANGCHECK_NO_CACHE", raising=False)
    return folder


def _words(make_pack: MakePack, phrase: str) -> compiledwords.CompiledWords:
    pack = make_pack([f"phrase: {phrase!r}", "tokens: [{LEMMA: choose}, {LOWER: to}]"])
    return compile_words(load_pack(pack), load_pipeline(), cache=True)


def test_second_compile_comes_from_the_cache(
    make_pack: MakePack, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _words(make_pack, "{put} herself at risk")
    assert len(list((own_cache / "langcheck").glob("words-*.pickle"))) == 1

    def no_parsing(phrase: str) -> None:
        raise AssertionError("parsed again although nothing changed")

    monkeypatch.setattr(compiledwords, "parse", no_parsing)
    second = _words(make_pack, "{put} herself at risk")
    words = [load_pipeline().vocab.strings.add(w) for w in ["she", "was", "putting", "herself", "at", "risk"]]
    assert second.phrases(words) == first.phrases(words) == [("ZZ001", 2, 6)]
    assert second.token_patterns == first.token_patterns
    assert "chose" in second.token_patterns[0][2][0]["LOWER"]["IN"]  # LEMMA expanded before storing


def test_a_changed_phrase_is_compiled_afresh(make_pack: MakePack, own_cache: Path) -> None:
    _words(make_pack, "{put} herself at risk")
    changed = _words(make_pack, "{place} herself at risk")
    words = [load_pipeline().vocab.strings.add(w) for w in ["she", "placed", "herself", "at", "risk"]]
    assert changed.phrases(words) == [("ZZ001", 1, 5)]
    assert len(list((own_cache / "langcheck").glob("words-*.pickle"))) == 2


def test_a_matcher_read_back_matches_the_same_and_cannot_grow() -> None:
    nlp = load_pipeline()
    matcher = SlotMatcher(word_tokenizer(nlp), nlp.vocab.strings.add)
    matcher.add("A", parse("[serious] (risk|danger) to (herself|himself)"))
    copy = pickle.loads(pickle.dumps(matcher))
    words = [
        nlp.vocab.strings.add(w) for w in ["a", "serious", "danger", "to", "herself", "and", "risk", "to", "himself"]
    ]
    assert copy(words) == matcher(words) == [("A", 1, 5), ("A", 6, 9)]
    with pytest.raises(TypeError, match="cannot add"):
        copy.add("B", parse("risk"))


def test_no_cache_setting_builds_every_time(
    make_pack: MakePack, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGCHECK_NO_CACHE", "1")
    _words(make_pack, "{put} herself at risk")
    assert not (own_cache / "langcheck").exists()


def test_cache_key_follows_langcheck_code(monkeypatch: pytest.MonkeyPatch) -> None:
    package = Path(packcache.__file__).parent
    before = packcache.source_digest(package)
    monkeypatch.setattr(packcache, "__version__", "99.0")
    assert packcache.source_digest(package) != before


def test_cache_key_follows_every_module_including_the_conditions(tmp_path: Path) -> None:
    """Editing a condition once left a cached pack naming a condition that had gone."""
    package = tmp_path / "langcheck"
    shutil.copytree(Path(packcache.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = packcache.source_digest(package)
    assert packcache.source_digest(package) == before
    partners = package / "conditions" / "partners.py"
    partners.write_text(partners.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert packcache.source_digest(package) != before


def test_warmer_tokenises_each_new_chunk_once() -> None:
    seen: list[str] = []
    warmer = TokenizerWarmer(seen.append)
    warmer.warm("risk. she's at risk.")
    assert sorted(seen) == ["at", "risk.", "she's"]
    warmer.warm("at risk (14)")
    assert sorted(seen) == ["(14)", "at", "risk", "risk.", "she's"]


def test_warmer_forgets_past_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    warmer = TokenizerWarmer(seen.append)
    monkeypatch.setattr(TokenizerWarmer, "LIMIT", 2)
    warmer.warm("a b")
    warmer.warm("c")  # over the limit: start afresh
    warmer.warm("a")
    assert seen.count("a") == 2
