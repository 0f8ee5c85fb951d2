"""The library API: check(), Linter, Finding."""

from __future__ import annotations

from pathlib import Path

import pytest

import langcheck
from langcheck import Config, Finding, Linter, check
from langcheck.errors import ConfigError, InputError

NOTE = "Jade (14) has been putting herself at risk."


def test_check_returns_findings_with_the_json_fields() -> None:
    (f,) = check(NOTE, config=Config(select=("AG001",)))
    assert isinstance(f, Finding)
    assert (f.rule_id, f.rule, f.start, f.end, f.line, f.column) == ("AG001", "AG001", 19, 42, 1, 20)
    assert f.text == NOTE[f.start : f.end] == "putting herself at risk"
    assert set(f.to_dict()) == {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "start",
        "end",
        "rule",
        "name",
        "category",
        "severity",
        "message",
        "text",
        "suggestions",
        "fix",
        "location",
    }


def test_a_clean_note_has_no_findings() -> None:
    assert check("Jade (14) was seen at the park with her sister at 14:00.") == []


def test_linter_checks_many_texts_in_order() -> None:
    linter = Linter(Config(select=("AG001",)))
    results = list(linter.check_many([NOTE, "Nothing here.", NOTE * 2]))
    assert [len(r) for r in results] == [1, 0, 2]


def test_check_many_agrees_with_check() -> None:
    linter = Linter()
    texts = [NOTE, "Nothing here.", "Amy (15) keeps going missing and chose to go missing again."]
    assert list(linter.check_many(texts, batch_size=2)) == [linter.check(t) for t in texts]


def test_check_file(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text(NOTE, encoding="utf-8")
    (f,) = Linter(Config(select=("AG001",))).check_file(path)
    assert f.path == str(path)


def test_check_file_errors_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        Linter().check_file(tmp_path / "missing.txt")


def test_unknown_selector_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="'XX999' names no rule"):
        Linter(Config(select=("XX999",)))


def test_public_api_is_explicit() -> None:
    assert set(langcheck.__all__) >= {"check", "Linter", "Config", "Finding", "Severity", "load_rules"}


def test_a_clean_note_never_loads_spacy() -> None:
    """The trigger scan answers clean notes before spaCy is imported (pre-commit speed)."""
    import subprocess
    import sys

    code = (
        "import sys, langcheck; "
        "assert langcheck.check('Seen at the park with her sister at 14:00.') == []; "
        "print('spacy' in sys.modules)"
    )
    # The first run after an install validates the pack with spaCy and caches it; every later
    # run (the pre-commit case) must answer a clean note without importing spaCy.
    subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_clean_note_on_the_command_line_imports_no_matching_code(tmp_path: Path) -> None:
    """With the pack cached, `langcheck check` on a clean note imports neither spaCy nor the
    engine, the YAML loader or the conditions: each would add to every pre-commit run."""
    import subprocess
    import sys

    note = tmp_path / "clean.txt"
    note.write_text("Seen at the park with her sister at 14:00.\n")
    code = (
        "import sys\n"
        "from langcheck.cli import main\n"
        f"sys.argv = ['langcheck', 'check', {str(note)!r}, '--isolated']\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    assert exit.code == 0, exit.code\n"
        "heavy = ('spacy', 'yaml', 'langcheck.engine', 'langcheck.loader', 'langcheck.conditions')\n"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)  # fills the cache
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
