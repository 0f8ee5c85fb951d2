"""Property-based fuzzing of everything that takes text from outside: check, the Linter with
non-default options, the directive parser and every reader.

For every input: no exception other than InputError (for a reader), every finding's offsets lie
inside the text and `text[start:end]` is the finding's text, and line and column agree with the
offsets (lines end at \\n, \\r\\n or a lone \\r). A reader prints nothing.

The suite runs a small number of examples (LANGCHECK_FUZZ_EXAMPLES, 25 by default) so CI stays
quick; `python benchmarks/fuzz.py` runs thousands.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import re
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import langcheck
from docbuilders import make_docx, make_odt, make_xlsx, pdf_bytes
from langcheck import Config, Linter, directives
from langcheck.errors import InputError
from langcheck.models import Finding, Subject
from langcheck.sources import InputFormat, Source, read

EXAMPLES = int(os.environ.get("LANGCHECK_FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)
PIECES = [
    "Jade (14) has been putting herself at risk.",
    "She chose to go missing with her boyfriend (24).",
    "historic abuse",
    "child prostitute",
    '"putting herself at risk"',
    "langcheck: ignore",
    "langcheck: ignore[AG001]",
    "langcheck: ignore[AG001",
    "langcheck: disable[agency]",
    "langcheck: enable[AG001]",
    "langcheck: enable",
    "langcheck: disable-next-line[",
    "langcheck:\r ignore[]",
    "<!-- langcheck: ignore -->",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    " ",
    "\t",
    "\x00",
    "\ud800",
    "\udfff",
    "\ufeff",
    "\u2028",
    "😀",
    "e\u0301",
    "(",
    "]",
]
TEXTS = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=40).map("".join)
LINE_BREAK = re.compile(r"\r\n|\r|\n")
CHECKERS = [
    Linter(),
    Linter(Config(report_unused_suppressions=True, include_quotes=True, subject=Subject.CHILD)),
    Linter(Config(select=("agency", "RE"), ignore=("AG002",), subject=Subject.ADULT)),
]


def assert_sound(text: str, findings: list[Finding]) -> None:
    starts = [0] + [m.end() for m in LINE_BREAK.finditer(text)]
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text), f
        assert text[f.start : f.end] == f.text, f
        line = sum(1 for s in starts if s <= f.start)
        assert (f.line, f.column) == (line, f.start - starts[line - 1] + 1), f
        end_line = sum(1 for s in starts if s <= max(f.end - 1, f.start))
        assert f.end_line == end_line, f


@FUZZ
@given(TEXTS)
def test_check_is_sound_on_any_text(text: str) -> None:
    assert_sound(text, langcheck.check(text))


@FUZZ
@given(TEXTS, st.sampled_from(range(len(CHECKERS))))
def test_linters_with_other_options_are_sound(text: str, which: int) -> None:
    assert_sound(text, CHECKERS[which].check(text))


@FUZZ
@given(TEXTS)
def test_the_directive_parser_never_fails_and_places_problems_in_the_text(text: str) -> None:
    parsed = directives.parse_all(text)
    lines = len(LINE_BREAK.findall(text)) + 1
    for s in parsed.suppressions:
        assert 1 <= s.first <= s.last <= lines + 1
        assert text[s.start : s.end] == s.text
        assert not LINE_BREAK.search(s.text)
    for p in parsed.problems:
        assert 0 <= p.start < p.end <= len(text)
        assert text[p.start : p.end].lower().startswith("langcheck:")


TEXT_FORMATS = [
    InputFormat.TEXT,
    InputFormat.MARKDOWN,
    InputFormat.RST,
    InputFormat.HTML,
    InputFormat.CSV,
    InputFormat.TSV,
]


def read_quietly(source: Source, fmt: InputFormat) -> str:
    """Read every unit (or meet an InputError) and return what was printed meanwhile."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        try:
            for unit in read(source, fmt):
                assert_sound(unit.text, langcheck.check(unit.text))
        except InputError:
            pass
    return printed.getvalue()


@FUZZ
@given(
    st.one_of(TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary(max_size=300)),
    st.sampled_from(TEXT_FORMATS),
)
def test_text_readers_read_or_refuse_any_bytes(data: bytes, fmt: InputFormat) -> None:
    assert read_quietly(Source(f"note.{fmt.value}", data=data), fmt) == ""


@functools.cache
def document(fmt: InputFormat) -> bytes:
    """Return a real document of the format, built once (not a fixture: its bytes stay out of reports)."""
    if fmt == InputFormat.PDF:
        return pdf_bytes([["Jade (14) has been putting herself", "at risk."]])
    build = {InputFormat.DOCX: make_docx, InputFormat.ODT: make_odt, InputFormat.XLSX: make_xlsx}[fmt]
    with tempfile.TemporaryDirectory() as folder:
        return build(Path(folder) / f"a.{fmt.value}").read_bytes()


def damage(original: bytes, cuts: list[tuple[int, int]], part_damage: int) -> bytes:
    """Flip bytes of a document, or (for a zip) cut one of its parts short."""
    if original.startswith(b"PK") and part_damage:
        source = zipfile.ZipFile(io.BytesIO(original))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            names = source.namelist()
            victim = names[part_damage % len(names)]
            for name in names:
                data = source.read(name)
                target.writestr(name, data[: len(data) * part_damage // 256] if name == victim else data)
        return out.getvalue()
    data = bytearray(original)
    for at, value in cuts:
        data[at % len(data)] = value
    return bytes(data)


@FUZZ
@given(
    st.sampled_from([InputFormat.DOCX, InputFormat.ODT, InputFormat.XLSX, InputFormat.PDF]),
    st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(0, 255)), max_size=6),
    st.integers(0, 255),
)
@example(InputFormat.DOCX, [(49, 0)], 0)  # a broken deflate stream: zlib.error escaped once
def test_document_readers_read_or_refuse_damaged_documents(
    fmt: InputFormat, cuts: list[tuple[int, int]], part_damage: int
) -> None:
    data = damage(document(fmt), cuts, part_damage)
    assert read_quietly(Source(f"note.{fmt.value}", data=data), fmt) == ""


def test_the_budget_is_small_in_the_suite() -> None:
    assert EXAMPLES <= 25 or os.environ.get("LANGCHECK_FUZZ_EXAMPLES"), "CI runs a small budget"
    assert Path(__file__).name == "test_fuzz.py"
