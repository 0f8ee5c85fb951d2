"""Markdown, reStructuredText and HTML: prose only, with lines and columns of the file itself."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from docbuilders import FIXED, NOTE
from langcheck.cli import cli
from langcheck.sources.html import visible_text
from langcheck.sources.markdown import prose as markdown_prose
from langcheck.sources.rst import prose as rst_prose

MARKDOWN = f"""\
---
title: "putting herself at risk"
---
# Case note for Jade (14)

Jade (14) has been putting **herself** at risk, see [the policy](https://example.org/putting_herself_at_risk).

```
putting herself at risk
```

    putting herself at risk (indented code)

The log says `putting herself at risk` and https://example.org/putting-herself-at-risk.
<!-- an old draft: putting herself at risk -->
{NOTE} <!-- langcheck: ignore[TS001] -->
- a list item
    {NOTE}
"""


def findings(path: Path, *args: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(cli, ["check", str(path), *FIXED, "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    found: list[dict[str, Any]] = json.loads(result.stdout)["findings"]
    return found


def test_markdown_checks_prose_only_at_the_files_own_positions(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    found = findings(path)
    assert [(f["line"], f["column"], f["end_line"], f["end_column"]) for f in found] == [
        (6, 20, 6, 47),
        (18, 24, 18, 47),
    ]
    assert [f["text"] for f in found] == ["putting herself at risk"] * 2
    assert MARKDOWN[found[0]["start"] : found[0]["end"]] == "putting **herself** at risk"
    assert found[0]["location"] == {"kind": "line", "line": 6, "column": 20, "description": "line 6, column 20"}


def test_markdown_keeps_every_line_break() -> None:
    unit = markdown_prose(MARKDOWN)
    assert unit.text.count("\n") == MARKDOWN.count("\n")
    assert "https" not in unit.text and "title" not in unit.text and "old draft" not in unit.text
    assert "langcheck: ignore[TS001]" in unit.text


def test_markdown_on_standard_input(tmp_path: Path) -> None:
    text = "`putting herself at risk` in code; " + NOTE + "\n"
    as_text = CliRunner().invoke(cli, ["check", "-", *FIXED, "--format", "concise"], input=text)
    as_markdown = CliRunner().invoke(
        cli, ["check", "-", *FIXED, "--format", "concise", "--input-format", "md"], input=text
    )
    assert as_text.stdout.count("TS001") == 2
    assert as_markdown.stdout.splitlines()[0].startswith("-:1:55: TS001")
    assert as_markdown.stdout.count("TS001") == 1


HTML = f"""\
<!doctype html>
<html><head><title>Case note</title>
<style>p::after {{ content: "putting herself at risk" }}</style>
<script>const note = "putting herself at risk";</script></head>
<body>
<h1 title="putting herself at risk">Jade&nbsp;(14)</h1>
<p>Jade (14) has been <em>putting</em>
   herself at risk &amp; more.</p>
<pre><code>putting herself at risk</code></pre>
<p hidden>putting herself at risk</p>
<p>{NOTE}</p> <!-- langcheck: ignore -->
<!-- langcheck: disable-next-line -->
<p>{NOTE}</p>
<p>She&rsquo;s been putting herself at risk.</p>
</body></html>
"""


def test_html_checks_visible_text_at_the_files_own_positions(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    found = findings(path)
    assert [(f["line"], f["column"], f["end_line"]) for f in found] == [(7, 27, 8), (14, 21, 14)]
    assert [f["text"] for f in found] == ["putting herself at risk"] * 2
    assert HTML[found[0]["start"] : found[0]["end"]] == "putting</em>\n   herself at risk"


def test_html_text_is_what_a_browser_shows() -> None:
    unit = visible_text(HTML)
    assert unit.text.startswith("Case note\n\nJade (14)\n\nJade (14) has been putting herself at risk & more.")
    assert "const" not in unit.text and "content" not in unit.text and "title=" not in unit.text
    assert "She\u2019s been" in unit.text


def test_html_unclosed_and_broken_markup_is_read(tmp_path: Path) -> None:
    path = tmp_path / "broken.htm"
    path.write_text(f"<div><p>{NOTE}<p>Second <b>unclosed <i>tags", encoding="utf-8")
    assert [f["column"] for f in findings(path)] == [28]


RST = f"""\
Case note
=========

Jade (14) has been putting *herself* at risk. See `the policy <https://example.org>`_.

Example::

    putting herself at risk in a literal block

.. code-block:: text

   putting herself at risk in code

.. note:: {NOTE}

.. a comment: putting herself at risk

``putting herself at risk`` is a literal.
"""


def test_rst_checks_prose_only(tmp_path: Path) -> None:
    path = tmp_path / "note.rst"
    path.write_text(RST, encoding="utf-8")
    found = findings(path)
    assert [(f["line"], f["column"]) for f in found] == [(4, 20), (14, 30)]
    assert rst_prose(RST).text.count("\n") == RST.count("\n")


def test_plain_text_findings_are_unchanged_but_located(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Line one.\n" + NOTE + "\n", encoding="utf-8")
    (f,) = findings(path)
    assert (f["start"], f["end"], f["line"], f["column"]) == (29, 52, 2, 20)
    assert f["location"]["kind"] == "line"


def test_checking_plain_text_loads_no_document_library(tmp_path: Path) -> None:
    import subprocess
    import sys

    note = tmp_path / "note.txt"
    note.write_text(NOTE)
    code = (
        "import sys\nfrom langcheck.cli import cli\n"
        f"try:\n    cli.main(['check', {str(note)!r}, '--isolated'], standalone_mode=False)\n"
        "except SystemExit:\n    pass\n"
        "heavy = ('docx', 'pypdf', 'openpyxl', 'odf', 'lxml', 'pathspec', 'concurrent.futures')\n"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
