"""Build real documents of every format langcheck reads, with the libraries that write them.

Shared by the tests of the readers, of discovery and of parallel jobs. The PDF is written by
hand (a valid text-layer PDF is a few objects and a cross-reference table), so the tests need
no PDF-writing library.
"""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

NOTE = "Jade (14) has been putting herself at risk."
PACK = str(Path(__file__).parent / "fixtures" / "pack")
FIXED = ["--isolated", "--extend-rules", PACK, "--select", "TS001"]  # a rule that does not change with the pack


def make_docx(path: Path) -> Path:
    """Write a .docx with a header, body paragraphs (one empty), a table and a comment."""
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Safeguarding record: Jade (14)"
    document.add_paragraph("Case note")
    document.add_paragraph("")
    document.add_paragraph(NOTE)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Date"
    table.cell(0, 1).text = "Entry"
    table.cell(1, 0).text = "14 March"
    table.cell(1, 1).text = "She keeps putting herself at risk."
    commented = document.add_paragraph("Reviewed by the sergeant.")
    document.add_comment(commented.runs, text="Amy (15) is also putting herself at risk.", author="DS Smith")
    document.save(str(path))
    return path


def add_text_box(paragraph: object, text: str) -> None:
    """Anchor a text box holding `text` in a python-docx paragraph, as Word writes one: a
    drawing (mc:Choice) and a VML copy of the same text for old readers (mc:Fallback)."""
    from docx.oxml import parse_xml

    box = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    xml = (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        f'<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing>'
        f"</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )
    paragraph._p.append(parse_xml(xml))  # type: ignore[attr-defined]


def add_footnotes(path: Path, notes: list[str]) -> None:
    """Give a saved .docx a footnotes part holding `notes` (python-docx cannot write one).

    As Word writes it: two separator notes first, then the notes, each a paragraph.
    """
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote>'
        for i, text in enumerate(notes, 1)
    )
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{w}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
        f"</w:footnote>{body}</w:footnotes>"
    )
    with zipfile.ZipFile(path) as old:
        parts = {name: old.read(name) for name in old.namelist()}
    parts["word/footnotes.xml"] = footnotes.encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/word/footnotes.xml" '
        b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
    )
    rels = "word/_rels/document.xml.rels"
    parts[rels] = parts[rels].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdFootnotes" Target="footnotes.xml" '
        b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"/></Relationships>',
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in parts.items():
            new.writestr(name, data)


def make_odt(path: Path) -> Path:
    """Write an .odt with a header, a heading, paragraphs and a table."""
    from odf.opendocument import OpenDocumentText
    from odf.style import Header, MasterPage, PageLayout
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, P, S

    document = OpenDocumentText()
    layout = PageLayout(name="layout")
    document.automaticstyles.addElement(layout)
    page = MasterPage(name="Standard", pagelayoutname=layout)
    header = Header()
    header.addElement(P(text="Safeguarding record"))
    page.addElement(header)
    document.masterstyles.addElement(page)
    document.text.addElement(H(outlinelevel=1, text="Case note"))
    paragraph = P(text="Jade (14) has been putting")
    paragraph.addElement(S(c=1))  # an encoded space, as LibreOffice writes one
    paragraph.addText("herself at risk.")
    document.text.addElement(paragraph)
    table = Table(name="Log")
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    row = TableRow()
    for text in ("14 March", "She keeps putting herself at risk."):
        cell = TableCell()
        cell.addElement(P(text=text))
        row.addElement(cell)
    table.addElement(row)
    document.text.addElement(table)
    document.save(str(path))
    return path


def pdf_bytes(pages: list[list[str]]) -> bytes:
    """Return a PDF with a text layer: one page per list of lines ([] for a page without text)."""
    objects: list[str] = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    kids = []
    for lines in pages:
        ops = ["BT", "/F1 11 Tf", "72 720 Td", "14 TL"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({escaped}) Tj T*")
        stream = "\n".join([*ops, "ET"]) if lines else ""
        objects.append(f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}\nendstream")
        objects.append(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {len(objects)} 0 R >>"
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    return pdf_file(objects)


def pdf_file(objects: list[str]) -> bytes:
    """Return a PDF file of these numbered objects (1 is the catalog), with its cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def make_pdf(path: Path, pages: list[list[str]] | None = None) -> Path:
    """Write a PDF; by default a title page and a page whose sentence wraps over two lines."""
    pages = (
        pages
        if pages is not None
        else [["Case note"], ["Jade (14) has been putting herself", "at risk by staying out."]]
    )
    path.write_bytes(pdf_bytes(pages))
    return path


def make_csv(path: Path, *, delimiter: str = ",") -> Path:
    """Write a case-management export: an id, a date, a short status and a free-text note."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(["id", "date", "status", "note"])
        writer.writerow(["101", "2024-03-14", "open", "Seen at the park with her sister at 14:00."])
        writer.writerow(["102", "2024-03-15", "open", NOTE])
        writer.writerow(["103", "2024-03-16", "closed", "Amy (15) keeps putting herself at risk."])
    return path


def make_xlsx(path: Path) -> Path:
    """Write a workbook with a notes sheet and a second sheet with a summary column."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Notes"
    sheet.append(["id", "date", "note"])
    sheet.append([101, "2024-03-14", "Seen at the park with her sister at 14:00."])
    sheet.append([102, "2024-03-15", NOTE])
    other = workbook.create_sheet("Reviews")
    other.append(["reviewer", "summary"])
    other.append(["DS Smith", "Amy (15) keeps putting herself at risk."])
    workbook.save(str(path))
    return path


def make_zip_bomb(path: Path, megabytes: int = 40) -> Path:
    """Write a .docx-named zip whose one entry unpacks from a few kilobytes to `megabytes` MB."""
    block = b"\0" * (1024 * 1024)
    with (
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/document.xml", "w") as entry,
    ):
        for _ in range(megabytes):
            entry.write(block)
    return path


def make_encrypted_office(path: Path) -> Path:
    """Write what a password-protected .docx or .xlsx is: an OLE compound file holding an
    'EncryptedPackage' stream (only the parts langcheck looks at)."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    directory = "EncryptionInfo".encode("utf-16-le") + b"\0" * 50 + "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(header + directory + b"\0" * 1024)
    return path
