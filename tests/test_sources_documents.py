"""Word, OpenDocument, PDF and spreadsheet readers: findings and the places a person can use."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from docbuilders import FIXED, NOTE, add_footnotes, add_text_box, make_csv, make_docx, make_odt, make_pdf, make_xlsx
from langcheck import Config, Linter
from langcheck.cli import cli
from langcheck.models import LocationKind

MESSAGE = "'putting herself at risk' makes the child responsible for danger that adults create."


def check_json(*args: str) -> tuple[int, dict[str, Any], str]:
    result = CliRunner().invoke(cli, ["check", *args, *FIXED, "--format", "json"])
    return result.exit_code, json.loads(result.stdout), result.stderr


def places(data: dict[str, Any]) -> list[str]:
    return [f["location"]["description"] for f in data["findings"]]


def test_docx_paragraphs_tables_and_comments_are_located(tmp_path: Path) -> None:
    code, data, _ = check_json(str(make_docx(tmp_path / "report.docx")))
    assert code == 1
    assert places(data) == ["paragraph 2", "table 1, row 2, cell 2", "comment 1"]
    first = data["findings"][0]
    assert first["location"] == {"kind": "paragraph", "paragraph": 2, "description": "paragraph 2"}
    assert first["text"] == "putting herself at risk"
    assert data["findings"][1]["location"] == {
        "kind": "table-cell",
        "table": 1,
        "row": 2,
        "cell": 2,
        "description": "table 1, row 2, cell 2",
    }


def test_docx_directive_paragraph_silences_the_next_paragraph(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("langcheck: disable-next-line[TS001]")
    document.add_paragraph(NOTE)
    document.add_paragraph(NOTE)
    path = tmp_path / "quoted.docx"
    document.save(str(path))
    code, data, _ = check_json(str(path))
    assert code == 1
    assert places(data) == ["paragraph 3"]


def test_docx_text_box_is_read_once_as_its_own_block(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    anchor = document.add_paragraph("Summary of the visit")
    add_text_box(anchor, NOTE)
    document.add_paragraph("Amy (15) keeps putting herself at risk.")
    path = tmp_path / "boxed.docx"
    document.save(str(path))
    code, data, _ = check_json(str(path))
    assert code == 1
    assert places(data) == ["text box 1, paragraph 1", "paragraph 2"]  # once, not twice (no fallback copy)
    assert data["findings"][0]["text"] == "putting herself at risk"


def test_docx_footnotes_are_read_and_numbered(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Visit to the address on Friday.")
    path = tmp_path / "noted.docx"
    document.save(str(path))
    add_footnotes(path, ["Seen by the duty officer.", NOTE])
    code, data, _ = check_json(str(path))
    assert code == 1
    assert places(data) == ["footnote 2"]
    assert data["findings"][0]["location"] == {
        "kind": "paragraph",
        "paragraph": 2,
        "part": "footnote",
        "description": "footnote 2",
    }


def test_docx_with_an_unreadable_footnotes_part_still_checks_the_body(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph(NOTE)
    path = tmp_path / "damaged-notes.docx"
    document.save(str(path))
    add_footnotes(path, ["Seen by the duty officer."])
    with zipfile.ZipFile(path) as old:
        parts = {name: old.read(name) for name in old.namelist()}
    parts["word/footnotes.xml"] = parts["word/footnotes.xml"][:120]  # cut off mid-element
    with zipfile.ZipFile(path, "w") as new:
        for name, data in parts.items():
            new.writestr(name, data)
    code, data, _ = check_json(str(path))
    assert code == 1
    assert places(data) == ["paragraph 1"]


def test_docx_text_output_names_the_paragraph_and_shows_it(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "report.docx")
    result = CliRunner().invoke(cli, ["check", str(path), *FIXED])
    assert result.exit_code == 1
    block = result.stdout.split("\n\n")[0]
    assert block == (
        f"{path} (paragraph 2): TS001 warning: {MESSAGE}\n"
        "  |\n"
        f"  | {NOTE}\n"
        "  |                    ^^^^^^^^^^^^^^^^^^^^^^^\n"
        '  = instead: "is at risk from the adults who are exploiting her"; "is being placed at risk by '
        '[name the adults]"\n'
        "  = why: langcheck explain TS001"
    )
    assert result.stdout.endswith("3 findings in 1 of 1 file (3 warnings).\n")


def test_docx_header_is_checked(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = NOTE
    document.add_paragraph("Nothing else.")
    document.save(str(tmp_path / "h.docx"))
    _, data, _ = check_json(str(tmp_path / "h.docx"))
    assert places(data) == ["header, paragraph 1"]


def test_odt_paragraphs_and_tables_are_located(tmp_path: Path) -> None:
    code, data, _ = check_json(str(make_odt(tmp_path / "note.odt")))
    assert code == 1
    assert places(data) == ["paragraph 2", "table 1, row 1, cell 2"]


def test_pdf_pages_are_located_and_wrapped_lines_joined(tmp_path: Path) -> None:
    code, data, stderr = check_json(str(make_pdf(tmp_path / "guide.pdf")))
    assert (code, stderr) == (1, "")
    (finding,) = data["findings"]
    assert finding["location"] == {"kind": "page", "page": 2, "description": "page 2"}
    assert finding["text"] == "putting herself at risk"


def test_pdf_page_without_text_is_a_warning_and_the_rest_is_checked(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "mixed.pdf", [[NOTE], []])
    result = CliRunner().invoke(cli, ["check", str(path), *FIXED, "--format", "concise"])
    assert result.exit_code == 1
    assert result.stderr == f"warning: {path}: page 2 has no text layer (scanned?) and was not checked\n"
    assert result.stdout.startswith(f"{path} (page 1): TS001 [warning]")


def test_csv_rows_and_columns_are_located(tmp_path: Path) -> None:
    code, data, _ = check_json(str(make_csv(tmp_path / "export.csv")))
    assert code == 1
    assert places(data) == ["row 3, column note (D3)", "row 4, column note (D4)"]
    assert data["findings"][0]["location"] == {
        "kind": "row",
        "row": 3,
        "column_name": "note",
        "column_letter": "D",
        "description": "row 3, column note (D3)",
    }


def test_each_csv_row_is_its_own_note(tmp_path: Path) -> None:
    """An age in one record does not make the next record about a child."""
    path = tmp_path / "export.csv"
    path.write_text('id,note\n1,"Jade (14) was seen in town today."\n2,"The adult keeps putting herself at risk."\n')
    _, data, _ = check_json(str(path))
    assert data["findings"] == []


def test_semicolon_csv_and_tsv(tmp_path: Path) -> None:
    _, semicolons, _ = check_json(str(make_csv(tmp_path / "export.csv", delimiter=";")))
    _, tabs, _ = check_json(str(make_csv(tmp_path / "export.tsv", delimiter="\t")))
    assert places(semicolons) == places(tabs) == ["row 3, column note (D3)", "row 4, column note (D4)"]


def test_columns_option_chooses_what_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(f'id,note,summary\n1,"{NOTE}","{NOTE}"\n')
    _, default, _ = check_json(str(path))
    _, chosen, _ = check_json(str(path), "--columns", "Summary")
    assert places(default) == ["row 2, column note (B2)", "row 2, column summary (C2)"]
    assert places(chosen) == ["row 2, column summary (C2)"]


def test_unknown_column_is_one_error_line(tmp_path: Path) -> None:
    path = make_csv(tmp_path / "export.csv")
    result = CliRunner().invoke(cli, ["check", str(path), *FIXED, "--columns", "notes"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {path}: has no column 'notes' (its columns are: id, date, status, note); "
        "name columns from its first row\n"
    )


def test_xlsx_sheets_rows_and_columns_are_located(tmp_path: Path) -> None:
    code, data, _ = check_json(str(make_xlsx(tmp_path / "export.xlsx")))
    assert code == 1
    assert places(data) == ["sheet Notes, row 3, column note (C3)", "sheet Reviews, row 2, column summary (B2)"]
    assert data["findings"][0]["location"]["sheet"] == "Notes"


def test_xlsx_columns_may_be_on_any_sheet(tmp_path: Path) -> None:
    _, data, _ = check_json(str(make_xlsx(tmp_path / "export.xlsx")), "--columns", "summary")
    assert places(data) == ["sheet Reviews, row 2, column summary (B2)"]


@pytest.mark.parametrize("fmt", ["concise", "github", "sarif"])
def test_every_output_format_shows_the_place(tmp_path: Path, fmt: str) -> None:
    path = make_docx(tmp_path / "report.docx")
    result = CliRunner().invoke(cli, ["check", str(path), *FIXED, "--format", fmt])
    if fmt == "concise":
        assert result.stdout.splitlines()[0] == f"{path} (paragraph 2): TS001 [warning] {MESSAGE}"
    elif fmt == "github":
        first = result.stdout.splitlines()[0]
        assert first.startswith(f"::warning file={path},title=TS001 put-self-at-risk::(paragraph 2) ")
    else:
        sarif = json.loads(result.stdout)
        res = sarif["runs"][0]["results"][0]
        assert res["message"]["text"].startswith("(paragraph 2) ")
        location = res["locations"][0]
        assert location["logicalLocations"] == [
            {"name": "paragraph 2", "fullyQualifiedName": f"{path.as_posix()} (paragraph 2)"}
        ]
        region = location["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert res["properties"]["location"]["kind"] == "paragraph"


def test_linter_check_file_on_documents(tmp_path: Path) -> None:
    linter = Linter(Config(select=("AG001",)))
    (f,) = [f for f in linter.check_file(make_docx(tmp_path / "r.docx")) if f.location and f.location.part is None][:1]
    assert f.location is not None and f.location.kind is LocationKind.PARAGRAPH
    assert (f.rule_id, f.location.paragraph, f.path) == ("AG001", 2, str(tmp_path / "r.docx"))
    rows = linter.check_file(make_csv(tmp_path / "e.csv"), columns=["note"])
    assert [f.location.row for f in rows if f.location] == [3, 4]
    as_text = linter.check_file(tmp_path / "e.csv", input_format="text")
    assert all(f.location is not None and f.location.kind is LocationKind.LINE for f in as_text)
