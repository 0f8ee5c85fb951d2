"""The spaCy component: `nlp.add_pipe("langcheck")` gives the same findings as the Linter."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from langcheck import Config, Linter, Subject
from langcheck.component import LangcheckComponent
from langcheck.errors import ConfigError

NOTE = "Jade (14) has been putting herself at risk."
TEXTS = [
    NOTE,
    "Nothing to see here.",
    "Amy (15) keeps going missing and chose to go missing again.\n\nJade (14) has been putting herself at risk.",
    'Jade (14) said, "I put myself at risk."',
    "Jade (14) has been putting herself at risk.  langcheck: ignore[AG001]",
    "She has been putting herself at risk.",
]
NOTES = sorted((Path(__file__).resolve().parents[1] / "examples" / "notes").glob("*"))
# One module-wide pipeline has every rule; the other tests choose a few, so that what they
# check does not shift as the pack grows.
SMALL: dict[str, Any] = {"select": ["AG001", "AG002", "missing"]}


def build(config: dict[str, Any] | None = None, *, sentencizer: bool = True) -> Language:
    """Return a blank English pipeline with the component last."""
    nlp = spacy.blank("en")
    if sentencizer:
        nlp.add_pipe("sentencizer")
    nlp.add_pipe("langcheck", config=SMALL if config is None else config)
    return nlp


@pytest.fixture(scope="module")
def full() -> Language:
    return build({})


@pytest.fixture(scope="module")
def small() -> Language:
    return build()


def settings(nlp: Language) -> dict[str, Any]:
    component = nlp.get_pipe("langcheck")
    assert isinstance(component, LangcheckComponent)
    return component.settings


def spans(doc: Doc) -> list[tuple[str, int, int, str]]:
    return [(s.label_, s.start_char, s.end_char, s.text) for s in doc.spans["langcheck"]]


def expected(text: str, config: Config | None = None) -> list[tuple[str, int, int, str]]:
    return [(f.rule_id, f.start, f.end, f.text) for f in Linter(config).check(text)]


def small_config(**values: Any) -> Config:
    return Config(select=tuple(SMALL["select"]), **values)


def all_texts() -> list[str]:
    return TEXTS + [p.read_text(encoding="utf-8") for p in NOTES]


def test_spans_and_findings_equal_the_linters(full: Language) -> None:
    texts = all_texts()
    assert sum(len(expected(t)) for t in texts) > 5
    for text, doc in zip(texts, full.pipe(texts), strict=True):
        assert spans(doc) == expected(text), text
        assert doc._.langcheck_findings == Linter().check(text)


def test_a_doc_without_sentence_boundaries_gets_the_same_spans_and_keeps_none(full: Language) -> None:
    component = full.get_pipe("langcheck")
    for text in all_texts():
        doc = component(full.make_doc(text))
        assert not doc.has_annotation("SENT_START")
        assert spans(doc) == expected(text), text


def test_a_pipeline_without_a_sentencizer() -> None:
    nlp = build(sentencizer=False)
    assert nlp.pipe_names == ["langcheck"]
    doc = nlp(TEXTS[2])
    assert spans(doc) == expected(TEXTS[2], small_config())
    assert not doc.has_annotation("SENT_START")


def test_the_finding_is_a_span_labelled_with_the_rule_id(small: Language) -> None:
    doc = small(NOTE)
    (span,) = doc.spans["langcheck"]
    assert (span.label_, span.text, span.start_char, span.end_char) == ("AG001", "putting herself at risk", 19, 42)
    (finding,) = doc._.langcheck_findings
    assert finding.rule_id == "AG001" and finding.suggestions
    assert [finding] == Linter(small_config()).check(NOTE)


def test_a_clean_doc_gets_an_empty_group_and_an_unchecked_doc_none(small: Language) -> None:
    doc = small("Nothing to see here.")
    assert list(doc.spans["langcheck"]) == [] and doc._.langcheck_findings == []
    assert small.make_doc(NOTE)._.langcheck_findings is None


def test_inline_suppressions_are_honoured(small: Language) -> None:
    assert spans(small(TEXTS[4])) == [] == expected(TEXTS[4])


@pytest.mark.parametrize(
    ("config", "settings"),
    [
        ({"select": ["AG001"]}, Config(select=("AG001",))),
        ({"select": ["missing"]}, Config(select=("missing",))),
        ({**SMALL, "ignore": ["AG001"]}, small_config(ignore=("AG001",))),
        ({**SMALL, "subject": "adult"}, small_config(subject=Subject.ADULT)),
        ({**SMALL, "subject": "child"}, small_config(subject=Subject.CHILD)),
        ({**SMALL, "include_quotes": True}, small_config(include_quotes=True)),
    ],
    ids=["select-id", "select-category", "ignore", "adult", "child", "quotes"],
)
def test_settings_are_honoured(config: dict[str, Any], settings: Config) -> None:
    nlp = build(config)
    for text in TEXTS:
        assert spans(nlp(text)) == expected(text, settings), text


def test_select_and_ignore_narrow_the_labels(small: Language) -> None:
    text = TEXTS[2]
    assert {s[0] for s in spans(small(text))} == {"AG001", "MI001", "MI002"}
    assert {s[0] for s in spans(build({"select": ["AG001"]})(text))} == {"AG001"}
    assert {s[0] for s in spans(build({**SMALL, "ignore": ["AG001"]})(text))} == {"MI001", "MI002"}


@pytest.mark.parametrize(
    ("config", "problem"),
    [
        ({"select": ["NOPE999"]}, "names no rule"),
        ({"subject": "teen"}, "use one of auto, child, adult"),
        ({"extend_rules": ["/no/such/folder"]}, "is not a folder of rules"),
    ],
)
def test_bad_settings_raise_config_errors(config: dict[str, Any], problem: str) -> None:
    with pytest.raises(ConfigError, match=problem):
        build(config)


def test_custom_rules_from_extend_rules(make_pack: Callable[..., Path]) -> None:
    pack = make_pack(['phrase: "blue widget"'], fail="A blue widget.")
    doc = build({"extend_rules": [str(pack)], "select": ["ZZ001"]})("She has a Blue Widget.")
    assert spans(doc) == [("ZZ001", 10, 21, "Blue Widget")]


def test_to_disk_and_spacy_load_give_the_same_spans(tmp_path: Path) -> None:
    nlp = build({"select": ["AG001", "missing"], "ignore": ["MI002"], "subject": "child"})
    nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "langcheck" / "settings.json").is_file()
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["sentencizer", "langcheck"]
    assert settings(loaded) == settings(nlp)
    for text in TEXTS:
        assert spans(loaded(text)) == spans(nlp(text)), text
    assert spans(loaded(TEXTS[5])) == [("AG001", 13, 36, "putting herself at risk")]  # subject=child kept


def test_from_disk_restores_the_saved_settings(tmp_path: Path) -> None:
    build({"select": ["AG001"]}).to_disk(tmp_path / "pipeline")
    nlp = build().from_disk(tmp_path / "pipeline")  # the saved settings replace the component's own
    assert settings(nlp)["select"] == ["AG001"]
    assert {s[0] for s in spans(nlp(TEXTS[2]))} == {"AG001"}


def test_to_bytes_round_trip() -> None:
    data = build({**SMALL, "ignore": ["AG001"]}).to_bytes()
    nlp = build().from_bytes(data)
    assert {s[0] for s in spans(nlp(TEXTS[2]))} == {"MI001", "MI002"}


def test_findings_survive_doc_serialisation(small: Language) -> None:
    doc = small(NOTE)
    (restored,) = DocBin(docs=[doc], store_user_data=True).get_docs(small.vocab)
    assert spans(restored) == spans(doc)
    assert restored._.langcheck_findings == doc._.langcheck_findings


def test_the_factory_is_found_through_the_entry_point() -> None:
    script = textwrap.dedent(
        """
        import spacy

        nlp = spacy.blank("en")
        nlp.add_pipe("langcheck", config={"select": ["AG001"]})
        doc = nlp("Jade (14) has been putting herself at risk.")
        print([(s.label_, s.text) for s in doc.spans["langcheck"]])
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[('AG001', 'putting herself at risk')]"


def test_importing_langcheck_does_not_register_the_factory() -> None:
    script = "import sys, langcheck; print('langcheck.component' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout.strip()) == (0, "False"), result.stderr


def test_any_spacy_pipeline_pays_little_for_the_entry_point() -> None:
    """spaCy imports the component whenever it builds a pipeline; the rules and engine wait."""
    heavy = ("langcheck.linter", "langcheck.engine", "langcheck.ruleset", "langcheck.loader", "langcheck.config")
    script = f"import sys, spacy; spacy.blank('en'); print(sorted(m for m in {heavy!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout.strip()) == (0, "[]"), result.stderr
