"""The HTML audit report in headless Chromium: it renders offline, and its charts and tables hold the figures.

Skipped where Chromium is not installed (`.ci/run` installs Debian's `chromium` when it can).
The page has no script and no external resource, so Chromium loads it from a file with the
network switched off.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from langcheck.cli import cli
from test_report import EXPORT, OPTIONS, write_csv

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
WIDTH, HEIGHT = 1280, 1600
BAR = (0x1D, 0x5A, 0x8A)  # svg.BAR


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--proxy-server=127.0.0.1:9",  # any request for the network would fail: the page must need none
        f"--user-data-dir={profile}",
        f"--window-size={WIDTH},{HEIGHT}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    export = write_csv(folder / "export.csv", EXPORT)
    out = folder / "report.html"
    result = CliRunner().invoke(
        cli, ["report", str(export), *OPTIONS, "--compare", "2026-01:2026-02", "2026-03:2026-04", "-o", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    return out


def test_the_file_is_self_contained(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", html) and "<script" not in html and "@import" not in html
    assert "@media print" in html and "break-inside: avoid" in html


def test_charts_and_tables_hold_the_figures_in_the_dom(page: Path, tmp_path: Path) -> None:
    dom = chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    assert "<h1>Victim-blaming language audit</h1>" in dom
    month_bars = re.findall(
        r'<rect class="bar"[^>]*data-label="([^"]+)" data-value="([\d.]+)"',
        dom.split('id="chart-month"')[1].split("</svg>")[0],
    )
    assert month_bars == [
        ("Jan 2026", "100.0000"),
        ("Feb 2026", "50.0000"),
        ("Mar 2026", "50.0000"),
        ("Apr 2026", "50.0000"),
    ]
    group_bars = re.findall(
        r'data-label="([^"]+)" data-value="([\d.]+)"', dom.split('id="chart-group"')[1].split("</svg>")[0]
    )
    assert group_bars == [("North", "80.0000"), ("South", "40.0000")]
    assert '<title id="chart-month-title">Records with at least one finding, by month</title>' in dom
    assert ">Month</text>" in dom and ">Records with a finding (%)</text>" in dom  # axis labels
    table = dom.split('id="table-group"')[1].split("</table>")[0]
    cells = re.findall(r"<t[hd][^>]*>([^<]*)</t[hd]>", table.split("<tbody>")[1])
    assert cells == [
        "North",
        "5",
        "4",
        "80.0%",
        "37.6% to 96.4%",
        "5",
        "119.05",
        "South",
        "5",
        "2",
        "40.0%",
        "11.8% to 76.9%",
        "2",
        "60.61",
    ]
    months = dom.split('id="table-month"')[1].split("</table>")[0]
    assert re.findall(r'<th scope="row">([^<]+)</th>', months) == [
        "Jan 2026",
        "Feb 2026",
        "Mar 2026",
        "Apr 2026",
        "no readable date",
    ]
    figures = dom.split('id="key-figures"')[1].split("</div></div>")[0]
    assert ">10</span>" in figures and ">60.0%</span>" in figures and "-25.0 pts" in figures
    assert "from Jan 2026\u2013Feb 2026 (75.0%) to Mar 2026\u2013Apr 2026 (50.0%): it fell" in figures
    assert "95% interval -65.5 to +32.0 points" in figures
    assert "<mark>putting herself at risk</mark>" in dom and "[name] (14) has been " in dom and "Jade" not in dom
    assert "Write instead:" in dom


def test_screenshot_shows_the_charts(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    chromium(tmp_path, f"--screenshot={shot}", page.as_uri())
    width, height, pixels = decode_png(shot.read_bytes())
    assert (width, height) == (WIDTH, HEIGHT)
    bar_pixels = sum(1 for p in pixels if p == BAR)
    assert bar_pixels > 2000, "the charts' bars should be drawn on the first screen"


def decode_png(data: bytes) -> tuple[int, int, list[tuple[int, int, int]]]:
    """Return width, height and RGB pixels of an 8-bit RGB(A) PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, channels = 8, b"", 0, 0, 3
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 4 if colour == 6 else 3
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytearray] = []
    previous = bytearray(stride)
    i = 0
    for _ in range(height):
        kind, line = raw[i], bytearray(raw[i + 1 : i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b, c = previous[x], previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + b) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif kind == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(line)
        previous = line
    pixels = [(r[x], r[x + 1], r[x + 2]) for r in rows for x in range(0, stride, channels)]
    return width, height, pixels


def test_it_prints_to_pdf_with_each_main_section_on_a_new_page(page: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    pdf = tmp_path / "report.pdf"
    chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    starts = [p.extract_text().split("\n", 1)[0] for p in PdfReader(pdf).pages]
    assert starts[0] == "Victim-blaming language audit"
    for heading in ("Trend by month", "By category, rule and phrase", "Examples in context"):
        assert heading in starts, starts
