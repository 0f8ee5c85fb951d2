from __future__ import annotations

from langcheck.wordforms import forms_of


def test_irregular_forms_come_from_the_table() -> None:
    assert {"chose", "chosen", "choosing", "chooses", "choose"} <= forms_of("choose")
    assert {"went", "gone", "going", "goes"} <= forms_of("go")


def test_the_table_error_putting_to_putt_is_corrected() -> None:
    assert "putting" in forms_of("put")


def test_unknown_words_get_regular_inflections() -> None:
    assert {"sexted", "sexting", "sexts"} <= forms_of("sext")


def test_junk_forms_are_dropped() -> None:
    assert "gorn" not in forms_of("go")
    assert "m" not in forms_of("be")


def test_multiword_input_is_returned_as_is() -> None:
    assert forms_of("harm's") == frozenset({"harm's"})
