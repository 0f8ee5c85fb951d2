"""The output formats, compared whole: what mutation testing of formatters/* found unpinned (issue 19).

The report here is built by hand (no rules are run), so each test is fast and each expected
output can be read against the finding it comes from: a warning with hints on a long line, an
info finding with two replacements, a directive finding (LC001) that gets no "why" line, a
.docx finding in quoted speech, a file that could not be read and files a search passed over.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from rich.text import Text

from langcheck.formatters import OutputFormat, write
from langcheck.formatters.concise import write_concise
from langcheck.formatters.jsonfmt import to_json
from langcheck.formatters.sarif import to_sarif
from langcheck.formatters.statistics import write_statistics
from langcheck.formatters.text import summary_line, where, write_text
from langcheck.formatters.wrap import hang
from langcheck.models import Finding, Location, LocationKind, Severity
from langcheck.report import FileReport, Report
from langcheck.ruleset import load_pack

PACK = Path(__file__).parent / "fixtures" / "pack"
LINE1 = "Jade (14) has been putting herself at risk by staying out with older men."
LINE2 = "She disclosed historic abuse."
LINE3 = "<!-- langcheck: disable=TS001 -->"

RISK = Finding(
    "TS001",
    "put-self-at-risk",
    "testing",
    Severity.WARNING,
    "'putting herself at risk' makes the child responsible.",
    "putting herself at risk",
    19,
    42,
    1,
    20,
    1,
    43,
    hints=("is at risk from the adults who are exploiting her", "is being placed at risk by [name the adults]"),
    path="notes/jade.txt",
)
HISTORIC = Finding(
    "TS002",
    "historic-abuse",
    "testing",
    Severity.INFO,
    "'historic abuse' suggests the harm is over.",
    "historic abuse",
    89,
    103,
    2,
    15,
    2,
    29,
    hints=("non-recent abuse",),
    fix="non-recent abuse",
    replacements=("non-recent abuse", "earlier abuse"),
    path="notes/jade.txt",
)
UNUSED = Finding(
    "LC001",
    "unused-suppression",
    "langcheck",
    Severity.WARNING,
    "This suppression silences nothing.",
    "langcheck: disable=TS001",
    109,
    133,
    3,
    6,
    3,
    30,
    path="notes/jade.txt",
)
DOCX = Finding(
    "TS003",
    "chose-to",
    "testing",
    Severity.ERROR,
    "'chose to' puts the choice on the child.",
    "chose to",
    11,
    19,
    1,
    12,
    1,
    20,
    path="report.docx",
    quoted=True,
    location=Location(LocationKind.PARAGRAPH, paragraph=12),
    replacements=("was taken",),
    fix="was taken",
)
REPORT = Report(
    (
        FileReport("notes/jade.txt", (RISK, HISTORIC, UNUSED), lines=((1, LINE1), (2, LINE2), (3, LINE3))),
        FileReport("report.docx", (DOCX,), lines=((1, "YP said 'I chose to go'"),)),
        FileReport("missing.txt", error="missing.txt: no such file or directory"),
    ),
    skipped=(("binary", 2), ("unsupported", 1)),
)


def render(fmt: OutputFormat, report: Report = REPORT, *, width: int | None = None, **kw: Any) -> str:
    """Return what `langcheck check --format` prints: to a pipe, or to a terminal `width` wide."""
    buf = io.StringIO()
    console = Console(
        file=buf, width=width or 10_000, force_terminal=width is not None, color_system=None, highlight=False
    )
    rules = {r.id: r for r in load_pack(PACK)} if fmt is OutputFormat.SARIF else None
    write(fmt, report, console, rules, **kw)
    return buf.getvalue()


# text -------------------------------------------------------------------------------------------

TEXT = """\
notes/jade.txt:1:20: TS001 warning: 'putting herself at risk' makes the child responsible.
  |
1 | Jade (14) has been putting herself at risk by staying out with older men.
  |                    ^^^^^^^^^^^^^^^^^^^^^^^
  = instead: "is at risk from the adults who are exploiting her"; "is being placed at risk by [name the adults]"
  = why: langcheck explain TS001

notes/jade.txt:2:15: TS002 info: 'historic abuse' suggests the harm is over.
  |
2 | She disclosed historic abuse.
  |               ^^^^^^^^^^^^^^
  = replace with: "non-recent abuse"; "earlier abuse" (langcheck fix --write uses the first)
  = instead: "non-recent abuse"
  = why: langcheck explain TS002

notes/jade.txt:3:6: LC001 warning: This suppression silences nothing.
  |
3 | <!-- langcheck: disable=TS001 -->
  |      ^^^^^^^^^^^^^^^^^^^^^^^^

report.docx (paragraph 12): TS003 error: 'chose to' puts the choice on the child.  (in quoted speech)
  |
  | YP said 'I chose to go'
  |            ^^^^^^^^
  = replace with: "was taken" (langcheck fix --write uses the first)
  = why: langcheck explain TS003

"""


def test_text_output_to_a_pipe_keeps_each_item_on_one_line() -> None:
    summary = (
        "4 findings in 2 of 2 files (1 error, 2 warnings, 1 info); 2 safe fixes available: langcheck fix "
        "--write. 1 file could not be checked.\n"
    )
    assert render(OutputFormat.TEXT) == TEXT + summary
    skipped = summary.replace("checked.\n", "checked. 3 files skipped (2 binary, 1 unsupported).\n")
    assert render(OutputFormat.TEXT, verbose=True) == TEXT + skipped
    assert render(OutputFormat.TEXT, quiet=True) == TEXT


def test_text_output_on_a_terminal_wraps_with_a_hanging_indent_and_cuts_the_passage() -> None:
    assert render(OutputFormat.TEXT, width=60, verbose=True) == (
        "notes/jade.txt:1:20: TS001 warning: 'putting herself at\n"
        "    risk' makes the child responsible.\n"
        "  |\n"
        "1 | ...has been putting herself at risk by staying...\n"
        "  |             ^^^^^^^^^^^^^^^^^^^^^^^\n"
        '  = instead: "is at risk from the adults who are exploiting\n'
        '             her"; "is being placed at risk by [name the\n'
        '             adults]"\n'
        "  = why: langcheck explain TS001\n"
        "\n"
        "notes/jade.txt:2:15: TS002 info: 'historic abuse' suggests\n"
        "    the harm is over.\n"
        "  |\n"
        "2 | She disclosed historic abuse.\n"
        "  |               ^^^^^^^^^^^^^^\n"
        '  = replace with: "non-recent abuse"; "earlier abuse"\n'
        "                  (langcheck fix --write uses the first)\n"
        '  = instead: "non-recent abuse"\n'
        "  = why: langcheck explain TS002\n"
        "\n"
        "notes/jade.txt:3:6: LC001 warning: This suppression silences\n"
        "    nothing.\n"
        "  |\n"
        "3 | <!-- langcheck: disable=TS001 -->\n"
        "  |      ^^^^^^^^^^^^^^^^^^^^^^^^\n"
        "\n"
        "report.docx (paragraph 12): TS003 error: 'chose to' puts the\n"
        "    choice on the child.  (in quoted speech)\n"
        "  |\n"
        "  | YP said 'I chose to go'\n"
        "  |            ^^^^^^^^\n"
        '  = replace with: "was taken" (langcheck fix --write uses\n'
        "                  the first)\n"
        "  = why: langcheck explain TS003\n"
        "\n"
        "4 findings in 2 of 2 files (1 error, 2 warnings, 1 info); 2\n"
        "safe fixes available: langcheck fix --write. 1 file could\n"
        "not be checked. 3 files skipped (2 binary, 1 unsupported).\n"
    )


def _one(finding: Finding, line: str | None, *, width: int | None = None) -> str:
    report = Report((FileReport(finding.path, (finding,), lines=((finding.line, line),) if line else ()),))
    return render(OutputFormat.TEXT, report, width=width, quiet=True)


def _at(text: str, line: str, **kw: Any) -> Finding:
    """Return a TS001 finding of `text` where it first occurs in the one-line note `line`."""
    col = line.index(text)
    return Finding(
        "TS001",
        "n",
        "testing",
        Severity.WARNING,
        "m",
        text,
        col,
        col + len(text),
        1,
        col + 1,
        1,
        col + 1 + len(text),
        **kw,
    )


def _passage(out: str) -> tuple[str, str]:
    """Return the passage line and the caret line of one finding's text output."""
    lines = out.splitlines()
    i = next(i for i, line in enumerate(lines) if line.startswith("1 | "))
    return lines[i], lines[i + 1]


LONG = " ".join(f"word{i:02d}" for i in range(40))  # 279 characters, words of 6 letters


@pytest.mark.parametrize(
    ("phrase", "passage", "carets"),
    [
        # in the middle: cut between words on both sides, with "..." for what is left out
        (
            "word20",
            "1 | ...word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 "
            "word24 word25 word26 word27 word28...",
            "  | " + " " * 59 + "^" * 6,
        ),
        # at the start: nothing left out before it
        ("word00", "1 | word00 word01 word02 word03 word04 word05 word06 word07 word08...", "  | ^^^^^^"),
        # at the end: nothing left out after it
        (
            "word39",
            "1 | ...word31 word32 word33 word34 word35 word36 word37 word38 word39",
            "  | " + " " * 59 + "^" * 6,
        ),
    ],
)
def test_a_long_line_is_cut_to_a_window_around_the_phrase(phrase: str, passage: str, carets: str) -> None:
    assert _passage(_one(_at(phrase, LONG), LONG)) == (passage, carets)


def test_a_long_line_without_spaces_is_cut_at_the_window_edges() -> None:
    line = "x" * 100 + "PHRASE" + "y" * 100
    passage, carets = _passage(_one(_at("PHRASE", line), line))
    assert passage == "1 | ..." + "x" * 60 + "PHRASE" + "y" * 60 + "..."
    assert carets == "  | " + " " * 63 + "^" * 6


def test_a_line_just_short_enough_is_shown_whole() -> None:
    line = "a" * 60 + "PHRASE" + "b" * 60  # 2 * 60 + the phrase: no cut
    assert _passage(_one(_at("PHRASE", line), line))[0] == "1 | " + line
    longer = line + "b"
    # one character more: the window is 60 either side, and nothing is cut before the phrase
    assert _passage(_one(_at("PHRASE", longer), longer))[0] == "1 | " + line + "..."


def test_a_line_of_exactly_the_window_is_shown_whole_wherever_the_phrase_is() -> None:
    line = "a" * 10 + "PHRASE" + "b" * 110  # 2 * 60 + the phrase
    assert _passage(_one(_at("PHRASE", line), line)) == ("1 | " + line, "  | " + " " * 10 + "^" * 6)


def test_the_window_starts_after_the_first_space_in_it() -> None:
    near = LONG[:300]
    assert _passage(_one(_at("word05", near), near))[0] == (
        "1 | word00 word01 word02 word03 word04 word05 word06 word07 word08 word09 word10 word11 word12 word13..."
    )
    line = "x " + "y" * 59 + "PHRASE " + "z" * 200  # the window would start at the space
    assert _passage(_one(_at("PHRASE", line), line))[0] == "1 | ..." + "y" * 59 + "PHRASE..."
    solid = "x" + "y" * 60 + "PHRASE" + "z" * 200  # cut one character in, with no space to move to
    assert _passage(_one(_at("PHRASE", solid), solid))[0] == "1 | ..." + "y" * 60 + "PHRASE" + "z" * 60 + "..."


def test_a_window_that_reaches_the_end_of_the_line_is_not_cut_there() -> None:
    assert _passage(_one(_at("word35", LONG), LONG))[0] == (
        "1 | ...word27 word28 word29 word30 word31 word32 word33 word34 word35 word36 word37 word38 word39"
    )


def test_on_a_terminal_the_window_is_sized_to_the_width() -> None:
    line = "x" * 100 + "PHRASE" + "y" * 100
    passage, carets = _passage(_one(_at("PHRASE", line), line, width=80))
    assert passage == "1 | ..." + "x" * 32 + "PHRASE" + "y" * 32 + "..."  # (80 - 1 - 3 - 6 - 6) // 2 either side
    assert carets == "  | " + " " * 35 + "^" * 6
    tiny = _one(_at("PHRASE", line), line, width=20)
    assert _passage(tiny)[0] == "1 | ..." + "x" * 8 + "PHRASE" + "y" * 8 + "..."  # never under 8
    amp = "x" * 100 + "&" + "y" * 100  # a one-character match
    assert _passage(_one(_at("&", amp), amp, width=81))[0] == "1 | ..." + "x" * 35 + "&" + "y" * 35 + "..."


def test_the_words_of_a_finding_without_its_line_wrap_on_a_terminal() -> None:
    f = _at("was putting herself at risk by staying out", "YP was putting herself at risk by staying out")
    assert _one(f, None, width=24).splitlines()[1:5] == [
        '  "was putting herself',
        "   at risk by staying",
        '   out"',
        "  = why: langcheck explain TS001",
    ]


def test_on_a_narrow_terminal_the_window_shrinks_but_keeps_eight_characters_of_context() -> None:
    out = _one(_at("word20", LONG), LONG, width=80)
    assert _passage(out) == (
        "1 | ...word16 word17 word18 word19 word20 word21 word22 word23 word24...",
        "  | " + " " * 31 + "^" * 6,
    )
    tiny = _one(_at("word20", LONG), LONG, width=20)
    assert _passage(tiny) == ("1 | ...word19 word20 word21...", "  | " + " " * 10 + "^" * 6)
    end = _one(_at("word39", LONG), LONG, width=80)
    assert _passage(end) == ("1 | ...word35 word36 word37 word38 word39", "  | " + " " * 31 + "^" * 6)


def test_tabs_are_shown_as_spaces_so_the_carets_line_up() -> None:
    line = "Notes:\tYP went MFH."
    assert _passage(_one(_at("MFH", line), line)) == ("1 | Notes: YP went MFH.", "  |                ^^^")


def test_a_finding_that_runs_onto_the_next_line_is_underlined_to_the_end_of_its_first() -> None:
    line = "She was putting herself"
    f = Finding("TS001", "n", "testing", Severity.WARNING, "m", "putting herself\nat risk", 8, 31, 1, 9, 2, 8)
    assert _passage(_one(f, line)) == ("1 | She was putting herself", "  |         " + "^" * 15)


def test_a_finding_whose_line_was_not_kept_shows_its_words() -> None:
    f = _at("chose to", "she chose to go")
    assert _one(f, None) == '-:1:5: TS001 warning: m\n  "chose to"\n  = why: langcheck explain TS001\n\n'


def test_the_gutter_is_as_wide_as_the_line_number() -> None:
    f = Finding("TS001", "n", "testing", Severity.WARNING, "m", "MFH", 3, 6, 120, 4, 120, 7)
    report = Report((FileReport("-", (f,), lines=((120, "YP MFH again."),)),))
    assert render(OutputFormat.TEXT, report, quiet=True).splitlines()[1:4] == [
        "    |",
        "120 | YP MFH again.",
        "    |    ^^^",
    ]


def test_an_empty_match_still_gets_one_caret() -> None:
    f = Finding("TS001", "n", "testing", Severity.WARNING, "m", "", 3, 3, 1, 4, 1, 4)
    assert _passage(_one(f, "YP MFH.")) == ("1 | YP MFH.", "  |    ^")


def _coloured(report: Report) -> list[str]:
    buf = io.StringIO()
    console = Console(file=buf, width=200, force_terminal=True, color_system="standard", highlight=False)
    write(OutputFormat.TEXT, report, console, verbose=True)
    return buf.getvalue().splitlines()


def test_colours_mark_the_severity_and_the_flagged_words() -> None:
    bold, end, gutter = "\x1b[1m", "\x1b[0m", "\x1b[34m"
    assert _coloured(REPORT) == [
        f"{bold}notes/jade.txt:1:20: {end}\x1b[1;35mTS001 {end}\x1b[1;33mwarning{end}: "
        "'putting herself at risk' makes the child responsible.",
        f"{gutter}  |{end}",
        f"{gutter}1 | {end}Jade (14) has been \x1b[1;4;33mputting herself at risk{end} by staying out with older men.",
        f"{gutter}  | {end}\x1b[1;33m                   ^^^^^^^^^^^^^^^^^^^^^^^{end}",
        '\x1b[32m  = instead: "is at risk from the adults who are exploiting her"; '
        f'"is being placed at risk by [name the adults]"{end}',
        f"\x1b[2m  = why: {end}\x1b[2mlangcheck explain TS001{end}",
        "",
        f"{bold}notes/jade.txt:2:15: {end}\x1b[1;35mTS002 {end}\x1b[1;36minfo{end}: "
        "'historic abuse' suggests the harm is over.",
        f"{gutter}  |{end}",
        f"{gutter}2 | {end}She disclosed \x1b[1;4;36mhistoric abuse{end}.",
        f"{gutter}  | {end}\x1b[1;36m              ^^^^^^^^^^^^^^{end}",
        f'\x1b[32m  = replace with: "non-recent abuse"; "earlier abuse" (langcheck fix --write uses the first){end}',
        f'\x1b[32m  = instead: "non-recent abuse"{end}',
        f"\x1b[2m  = why: {end}\x1b[2mlangcheck explain TS002{end}",
        "",
        f"{bold}notes/jade.txt:3:6: {end}\x1b[1;35mLC001 {end}\x1b[1;33mwarning{end}: "
        "This suppression silences nothing.",
        f"{gutter}  |{end}",
        f"{gutter}3 | {end}<!-- \x1b[1;4;33mlangcheck: disable=TS001{end} -->",
        f"{gutter}  | {end}\x1b[1;33m     ^^^^^^^^^^^^^^^^^^^^^^^^{end}",
        "",
        f"{bold}report.docx (paragraph 12): {end}\x1b[1;35mTS003 {end}\x1b[1;31merror{end}: "
        "'chose to' puts the choice on the child.  (in quoted speech)",
        f"{gutter}  |{end}",
        f"{gutter}  | {end}YP said 'I \x1b[1;4;31mchose to{end} go'",
        f"{gutter}  | {end}\x1b[1;31m           ^^^^^^^^{end}",
        f'\x1b[32m  = replace with: "was taken" (langcheck fix --write uses the first){end}',
        f"\x1b[2m  = why: {end}\x1b[2mlangcheck explain TS003{end}",
        "",
        f"{bold}4 findings in 2 of 2 files (1 error, 2 warnings, 1 info){end}; 2 safe fixes available: langcheck fix "
        f"--write.\x1b[1;31m 1 file could not be checked.{end} 3 files skipped (2 binary, 1 unsupported).",
    ]
    assert _coloured(Report((FileReport("a.txt"),))) == [f"\x1b[1;32mNo findings in 1 file.{end}"]
    assert _coloured(Report(())) == [f"{bold}Nothing was checked{end}."]


@pytest.mark.parametrize(
    ("files", "skipped", "line"),
    [
        ((), (), "Nothing was checked."),
        ((FileReport("a.txt", error="a.txt: missing"),), (), "Nothing was checked: 1 error (see above)."),
        ((FileReport("a", error="e"), FileReport("b", error="e")), (), "Nothing was checked: 2 errors (see above)."),
        ((FileReport("a.txt"),), (), "No findings in 1 file."),
        ((FileReport("a.txt"), FileReport("b.txt")), (), "No findings in 2 files."),
        ((FileReport("a.txt", (RISK,)),), (), "1 finding in 1 of 1 file (1 warning)."),
        (
            (FileReport("a.txt", (HISTORIC,)), FileReport("b", error="e"), FileReport("c", error="e")),
            (("binary", 1),),
            "1 finding in 1 of 1 file (1 info); 1 safe fix available: langcheck fix --write. "
            "2 files could not be checked. 1 file skipped (1 binary).",
        ),
        (
            (FileReport("a.txt", (HISTORIC, HISTORIC, DOCX, DOCX)), FileReport("b.txt")),
            (),
            "4 findings in 1 of 2 files (2 errors, 2 info); 4 safe fixes available: langcheck fix --write.",
        ),
        ((FileReport("a.txt"),), (("binary", 2),), "No findings in 1 file. 2 files skipped (2 binary)."),
    ],
)
def test_summary_line(files: tuple[FileReport, ...], skipped: tuple[tuple[str, int], ...], line: str) -> None:
    assert summary_line(Report(files, skipped), verbose=True).plain == line
    assert render(OutputFormat.TEXT, Report(files, skipped), verbose=True).splitlines()[-1] == line


def test_the_summary_leaves_out_skipped_files_unless_verbose() -> None:
    report = Report((FileReport("a.txt"),), (("binary", 2),))
    assert summary_line(report).plain == "No findings in 1 file."
    buf = io.StringIO()
    write_text(report, Console(file=buf, width=200))  # the summary is printed, the skipped files left out
    assert buf.getvalue() == "No findings in 1 file.\n"


def test_where_names_the_line_or_the_place_a_person_looks() -> None:
    assert where(RISK) == "notes/jade.txt:1:20"
    assert where(DOCX) == "report.docx (paragraph 12)"
    line = Location(LocationKind.LINE, line=1, column=20)
    assert where(Finding("TS001", "n", "c", Severity.INFO, "m", "t", 0, 1, 4, 2, 4, 3, path="a.md", location=line))
    assert where(Finding("TS001", "n", "c", Severity.INFO, "m", "t", 0, 1, 4, 2, 4, 3, location=line)) == "-:4:2"


# wrap -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "width", "indent", "lines"),
    [
        ("short line", 20, 4, ["short line"]),
        ("exactly ten", 11, 4, ["exactly ten"]),
        ("one two three four", 9, 2, ["one two", "  three", "  four"]),
        ("one two three four", None, 2, ["one two three four"]),
        # a word longer than the room overflows whole, and the line breaks after it
        ("see https://example.org/a/long/link now", 10, 2, ["see", "  https://example.org/a/long/link", "  now"]),
        ("https://example.org/a/long/link", 10, 2, ["https://example.org/a/long/link"]),
        ("averyveryverylongword and more", 10, 2, ["averyveryverylongword", "  and more"]),
        # the indent is never more than half the width
        ("aa bb cc dd ee ff", 6, 10, ["aa bb", "   cc", "   dd", "   ee", "   ff"]),
        ("aaa bbb", 4, 0, ["aaa", "bbb"]),
        ("aa bb", 1, 4, ["aa", "bb"]),  # a terminal one column wide: no indent at all
        ("a bb cc", 3, 0, ["a", "bb", "cc"]),  # a one-letter word fills a line of its own
        ("aaaa bbbbbbbbbbbbbbbb cc", 6, 0, ["aaaa", "bbbbbbbbbbbbbbbb", "cc"]),
    ],
)
def test_hang(text: str, width: int | None, indent: int, lines: list[str]) -> None:
    assert hang(Text(text), width, indent).plain.split("\n") == lines


def test_hang_keeps_the_styles_of_the_pieces() -> None:
    line = Text("plain ")
    line.append("bold words here", style="bold")
    out = hang(line, 12, 2)
    assert out.plain == "plain bold\n  words here"
    assert [(out.plain[s.start : s.end], str(s.style)) for s in out.spans] == [("bold", "bold"), ("words here", "bold")]
    styled = Text("aaa bbb ccc", style="red")
    assert hang(styled, 4, 0).style == "red"


# concise ----------------------------------------------------------------------------------------


def test_concise_output() -> None:
    lines = [
        "notes/jade.txt:1:20: TS001 [warning] 'putting herself at risk' makes the child responsible.",
        "notes/jade.txt:2:15: TS002 [info] 'historic abuse' suggests the harm is over.",
        "notes/jade.txt:3:6: LC001 [warning] This suppression silences nothing.",
        "report.docx (paragraph 12): TS003 [error] 'chose to' puts the choice on the child.",
    ]
    assert render(OutputFormat.CONCISE).splitlines() == [*lines, "Found 4 findings."]
    assert render(OutputFormat.CONCISE, quiet=True).splitlines() == lines
    one = Report((FileReport("a.txt", (RISK,)),))
    assert render(OutputFormat.CONCISE, one).splitlines()[-1] == "Found 1 finding."
    assert render(OutputFormat.CONCISE, Report(())) == "Found 0 findings.\n"
    buf = io.StringIO()
    write_concise(one, Console(file=buf))  # the count is printed unless asked not to
    assert buf.getvalue().endswith("\nFound 1 finding.\n")


# JSON -------------------------------------------------------------------------------------------


def test_json_output() -> None:
    log = json.loads(render(OutputFormat.JSON))
    assert log == to_json(REPORT)
    assert log["version"] == 2
    assert [f["rule"] for f in log["findings"]] == ["TS001", "TS002", "LC001", "TS003"]
    assert log["findings"][1] == {
        "path": "notes/jade.txt",
        "line": 2,
        "column": 15,
        "end_line": 2,
        "end_column": 29,
        "start": 89,
        "end": 103,
        "rule": "TS002",
        "name": "historic-abuse",
        "category": "testing",
        "severity": "info",
        "message": "'historic abuse' suggests the harm is over.",
        "text": "historic abuse",
        "replacements": ["non-recent abuse", "earlier abuse"],
        "hints": ["non-recent abuse"],
        "fix": "non-recent abuse",
        "location": None,
    }
    assert log["errors"] == [{"path": "missing.txt", "message": "missing.txt: no such file or directory"}]
    assert log["summary"] == {
        "files": 2,
        "files_with_findings": 2,
        "findings": 4,
        "errors": 1,
        "by_severity": {"error": 1, "warning": 2, "info": 1},
        "fixable": 2,
        "skipped": 3,
    }


def test_json_is_indented_and_keeps_non_ascii_text() -> None:
    f = _at("naïve", "She was naïve.")
    out = render(OutputFormat.JSON, Report((FileReport("-", (f,)),)))
    assert out.startswith('{\n  "version": 2,\n  "findings": [\n    {\n      "path": "-",\n')
    assert '"text": "naïve"' in out and out.endswith("\n}\n")


# SARIF ------------------------------------------------------------------------------------------


def _region(f: Finding) -> dict[str, int]:
    return {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
        "charOffset": f.start,
        "charLength": f.end - f.start,
    }


def test_sarif_rules_describe_each_rule_used_once() -> None:
    log = json.loads(render(OutputFormat.SARIF))
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json" and log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "langcheck" and driver["semanticVersion"]
    lc001, ts001, ts002, ts003 = driver["rules"]
    assert ts001 == {
        "id": "TS001",
        "name": "put-self-at-risk",
        "shortDescription": {"text": "makes the child responsible for danger that adults create."},
        "fullDescription": {
            "text": "A fixed copy of a real rule, so that CLI output tests do not change when the pack does."
        },
        "help": {
            "text": "A fixed copy of a real rule, so that CLI output tests do not change when the pack does."
            "\n\nWrite instead: is at risk from the adults who are exploiting {them}; "
            "is being placed at risk by [name the adults]",
            "markdown": "A fixed copy of a real rule, so that CLI output tests do not change when the pack does."
            "\n\n**Write instead:** is at risk from the adults who are exploiting {them}; "
            "is being placed at risk by [name the adults]",
        },
        "defaultConfiguration": {"level": "warning"},
        "properties": {"tags": ["victim-blaming", "testing"], "precision": "high"},
    }
    assert ts002["shortDescription"] == {"text": "suggests the harm is over."}
    assert ts002["defaultConfiguration"] == {"level": "note"}
    # rules the pack does not have (langcheck's own, or a finding from another pack) are described by the finding
    for entry, f in ((lc001, UNUSED), (ts003, DOCX)):
        assert entry == {
            "id": f.rule_id,
            "name": f.name,
            "shortDescription": {"text": f.message},
            "fullDescription": {"text": f.message},
            "help": {"text": "See the langcheck README.", "markdown": "See the langcheck README."},
            "defaultConfiguration": {"level": {Severity.WARNING: "warning", Severity.ERROR: "error"}[f.severity]},
            "properties": {"tags": ["victim-blaming", f.category], "precision": "high"},
        }


def test_sarif_short_description_without_quoted_match() -> None:
    rule = next(iter(load_pack(PACK)))
    rules = {"TS001": rule.__class__(**{**{s: getattr(rule, s) for s in rule.__slots__}, "message": "Avoid {match}."})}
    log = to_sarif(Report((FileReport("-", (RISK,)),)), rules)
    assert log["runs"][0]["tool"]["driver"]["rules"][0]["shortDescription"] == {"text": "Avoid these words."}


def test_sarif_results() -> None:
    log = json.loads(render(OutputFormat.SARIF))
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    risk, historic, unused, docx = run["results"]
    assert risk == {
        "ruleId": "TS001",
        "ruleIndex": 1,
        "level": "warning",
        "message": {
            "text": "'putting herself at risk' makes the child responsible. Instead: "
            '"is at risk from the adults who are exploiting her"; "is being placed at risk by [name the adults]"'
        },
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": "notes/jade.txt"}, "region": _region(RISK)}}],
        "partialFingerprints": {"langcheck/v1": "ce6324fb5aaa2afb8079ccc064cde3bd"},
    }
    assert historic["ruleIndex"] == 2 and historic["level"] == "note"
    assert historic["fixes"] == [
        {
            "description": {"text": f'Replace "historic abuse" with "{value}"'},
            "artifactChanges": [
                {
                    "artifactLocation": {"uri": "notes/jade.txt"},
                    "replacements": [{"deletedRegion": _region(HISTORIC), "insertedContent": {"text": value}}],
                }
            ],
        }
        for value in ("non-recent abuse", "earlier abuse")
    ]
    assert unused["ruleIndex"] == 0 and unused["message"] == {"text": "This suppression silences nothing."}
    assert "fixes" not in unused and "properties" not in unused
    # a .docx: the place in the message, as a logical location and in the properties; no fix
    assert docx == {
        "ruleId": "TS003",
        "ruleIndex": 3,
        "level": "error",
        "message": {"text": "(paragraph 12) 'chose to' puts the choice on the child."},
        "locations": [
            {
                "physicalLocation": {"artifactLocation": {"uri": "report.docx"}, "region": _region(DOCX)},
                "logicalLocations": [{"name": "paragraph 12", "fullyQualifiedName": "report.docx (paragraph 12)"}],
            }
        ],
        "partialFingerprints": {"langcheck/v1": "78140cedeb44501ad6d905be965bfc8e"},
        "properties": {"location": {"kind": "paragraph", "paragraph": 12, "description": "paragraph 12"}},
    }
    assert run["invocations"] == [
        {
            "executionSuccessful": False,
            "toolExecutionNotifications": [
                {
                    "level": "error",
                    "message": {"text": "missing.txt: no such file or directory"},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": "missing.txt"}}}],
                }
            ],
        }
    ]


def test_sarif_for_a_text_file_with_a_line_location_keeps_its_fixes() -> None:
    line = Location(LocationKind.LINE, line=2, column=15)
    f = Finding(**{**{s: getattr(HISTORIC, s) for s in HISTORIC.__slots__}, "location": line})
    (result,) = to_sarif(Report((FileReport("notes/jade.txt", (f,)),)), {})["runs"][0]["results"]
    assert "logicalLocations" not in result["locations"][0]
    assert result["message"]["text"].startswith("'historic abuse'")
    assert result["properties"] == {"location": line.to_dict()} and len(result["fixes"]) == 2


def test_sarif_with_no_errors_is_a_successful_run_and_text_is_indented_utf8() -> None:
    f = Finding(**{**{s: getattr(RISK, s) for s in RISK.__slots__}, "message": "'naïve' blames her."})
    out = render(OutputFormat.SARIF, Report((FileReport("-", (f,)),)))
    assert out.startswith('{\n  "$schema": ') and '\n  "runs": [\n    {\n      "tool"' in out
    assert "naïve" in out and out.endswith("\n}\n")
    assert json.loads(out)["runs"][0]["invocations"] == [
        {"executionSuccessful": True, "toolExecutionNotifications": []}
    ]


def test_sarif_fingerprint_ignores_case_and_windows_separators() -> None:
    upper = Finding(**{**{s: getattr(RISK, s) for s in RISK.__slots__}, "text": "Putting Herself At Risk"})
    assert to_sarif(Report((FileReport("x", (upper,)),)), {})["runs"][0]["results"][0]["partialFingerprints"] == {
        "langcheck/v1": "ce6324fb5aaa2afb8079ccc064cde3bd"
    }


# GitHub -----------------------------------------------------------------------------------------


def test_github_annotations_whole() -> None:
    assert render(OutputFormat.GITHUB).splitlines() == [
        "::warning file=notes/jade.txt,line=1,col=20,endLine=1,endColumn=43,title=TS001 put-self-at-risk::"
        "'putting herself at risk' makes the child responsible. Instead: "
        '"is at risk from the adults who are exploiting her"; "is being placed at risk by [name the adults]"',
        "::notice file=notes/jade.txt,line=2,col=15,endLine=2,endColumn=29,title=TS002 historic-abuse::"
        "'historic abuse' suggests the harm is over. "
        'Replace with: "non-recent abuse"; "earlier abuse". Instead: "non-recent abuse"',
        "::warning file=notes/jade.txt,line=3,col=6,endLine=3,endColumn=30,title=LC001 unused-suppression::"
        "This suppression silences nothing.",
        "::error file=report.docx,title=TS003 chose-to::"
        "(paragraph 12) 'chose to' puts the choice on the child. Replace with: \"was taken\".",
        "::error file=missing.txt::missing.txt: no such file or directory",
    ]


def test_github_escapes_what_would_end_a_command() -> None:
    f = Finding(
        "TS001",
        "a,b",
        "testing",
        Severity.WARNING,
        "100% sure\r\nof it: yes, really",
        "t",
        0,
        1,
        1,
        1,
        1,
        2,
        path="C:notes,2.txt",
    )
    report = Report((FileReport(f.path, (f,)), FileReport("a:b,c%.txt", error="line1\nline2 50%")))
    assert render(OutputFormat.GITHUB, report).splitlines() == [
        "::warning file=C%3Anotes%2C2.txt,line=1,col=1,endLine=1,endColumn=2,title=TS001 a%2Cb::"
        "100%25 sure%0D%0Aof it: yes, really",
        "::error file=a%3Ab%2Cc%25.txt::line1%0Aline2 50%25",
    ]
    no_message = Report((FileReport("x.txt", error=None), FileReport("y.txt", error="")))
    assert render(OutputFormat.GITHUB, no_message) == "::error file=y.txt::\n"
    (note,) = to_sarif(no_message, {})["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert note["message"] == {"text": ""}


# auto and statistics ----------------------------------------------------------------------------


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_auto_is_text_on_a_terminal_and_github_only_when_actions_says_true(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setattr(sys, "stdout", _Tty())
    assert OutputFormat.AUTO.resolve() is OutputFormat.TEXT
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    assert OutputFormat.AUTO.resolve() is OutputFormat.TEXT
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert OutputFormat.AUTO.resolve() is OutputFormat.GITHUB
    for fmt in OutputFormat:
        if fmt is not OutputFormat.AUTO:
            assert fmt.resolve() is fmt
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert render(OutputFormat.AUTO).startswith("::warning file=notes/jade.txt,line=1,")
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert render(OutputFormat.AUTO, quiet=True).splitlines()[-1].startswith("report.docx (paragraph 12): TS003")


def test_statistics_table() -> None:
    buf = io.StringIO()
    report = Report((FileReport("a.txt", (RISK, HISTORIC, HISTORIC, UNUSED, DOCX, DOCX, DOCX)),))
    write_statistics(report, Console(file=buf, width=80, color_system=None))
    rows = [line.replace("┃", "│").strip("│ ") for line in buf.getvalue().splitlines() if "│" in line or "┃" in line]
    cells = [[c.strip() for c in row.split("│")] for row in rows]
    assert cells == [
        ["count", "rule", "name", "severity"],
        ["3", "TS003", "chose-to", "error"],
        ["2", "TS002", "historic-abuse", "info"],
        ["1", "LC001", "unused-suppression", "warning"],
        ["1", "TS001", "put-self-at-risk", "warning"],
        ["count", "category"],
        ["6", "testing"],
        ["1", "langcheck"],
    ]
    lines = buf.getvalue().splitlines()
    assert lines[0] == "Findings per rule"
    assert lines[lines.index("Findings per rule") + 1].startswith("┏")
    assert lines[lines.index("Findings per category") + 1].startswith("┏")
    assert lines.index("Findings per category") > lines.index("Findings per rule") + 8
    assert "│     3 │ TS003" in buf.getvalue()  # counts are right-aligned
    assert "│     6 │ testing" in buf.getvalue()


def test_statistics_ties_are_in_order_of_name_and_titles_are_bold() -> None:
    buf = io.StringIO()
    report = Report((FileReport("a.txt", (DOCX, RISK)),))
    write_statistics(report, Console(file=buf, width=80, force_terminal=True, color_system="standard"))
    out = buf.getvalue()
    assert out.startswith("\x1b[1mFindings per rule\x1b[0m\n")
    assert "\n\x1b[1mFindings per category\x1b[0m\n" in out
    assert out.index("TS001") < out.index("TS003")
    cats = Report((FileReport("a.txt", (RISK, UNUSED)),))  # "testing" is met first
    buf = io.StringIO()
    write_statistics(cats, Console(file=buf, width=80, color_system=None))
    categories = buf.getvalue().split("Findings per category")[1]
    assert categories.index("langcheck") < categories.index("testing")
