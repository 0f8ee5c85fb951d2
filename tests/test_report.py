"""`langcheck report` on a hand-computed export: every figure of the JSON asserted exactly.

The export (EXPORT below) has 10 records in two teams over four months, one unreadable date
(31/02/2026) and one missing date, and a row with no note (counted apart, in no figure). Its
sentences state an age, so the child rules' findings are stable: "putting herself at risk"
(AG001, agency), "promiscuous" (CH001, character) and "sexually active with older men" (CO004,
consent).

Words (runs of letters; "14" is not a word):
  F1 "Jade (14) has been putting herself at risk."        7 words, 1 agency finding
  F2 "Kai (12) is promiscuous."                           3 words, 1 character finding
  F3 "Zara (15) is sexually active with older men."       7 words, 1 consent finding
  C1 "Amira (16) went missing and was found safe."        7 words, clean
  C2 "Officers attended and spoke to Tia (15) at home."   8 words, clean

Wilson 95% interval, z = 1.959964, z^2 = 3.841459:
  centre = (p + z^2/2n) / (1 + z^2/n), half = z/(1 + z^2/n) * sqrt(p(1-p)/n + z^2/4n^2)
  6/10: centre = (0.6 + 0.192073)/1.384146 = 0.572247; half = 1.416013 * sqrt(0.024 + 0.009604) = 0.259573
        -> 0.3127 .. 0.8318
  4/10: centre 0.427753, half 0.259573 -> 0.1682 .. 0.6873 (the mirror of 6/10)
  2/10: centre = (0.2 + 0.192073)/1.384146 = 0.283260; half = 1.416013 * sqrt(0.016 + 0.009604) = 0.226578
        -> 0.0567 .. 0.5098
  1/10: centre = (0.1 + 0.192073)/1.384146 = 0.211013; half = 1.416013 * sqrt(0.009 + 0.009604) = 0.193137
        -> 0.0179 .. 0.4042
  4/5:  centre = (0.8 + 0.384146)/1.768292 = 0.669655; half = 1.108398 * sqrt(0.032 + 0.038415) = 0.294121
        -> 0.3755 .. 0.9638
  2/5:  centre = (0.4 + 0.384146)/1.768292 = 0.443448; half = 1.108398 * sqrt(0.048 + 0.038415) = 0.325827
        -> 0.1176 .. 0.7693
  2/2:  centre = (1 + 0.960365)/2.920730 = 0.671190; half = 0.671049 * sqrt(0 + 0.240091) = 0.328810
        -> 0.3424 .. 1.0
  1/2:  centre 0.5; half = 0.671049 * sqrt(0.125 + 0.240091) = 0.405469 -> 0.0945 .. 0.9055
  3/4:  centre = (0.75 + 0.480182)/1.960365 = 0.627527; half = 0.999781 * sqrt(0.046875 + 0.060023) = 0.326885
        -> 0.3006 .. 0.9544
  2/4:  centre 0.5; half = 0.999781 * sqrt(0.0625 + 0.060023) = 0.349955 -> 0.1500 .. 0.8500
Newcombe (hybrid score) for the change from 3/4 (Jan-Feb) to 2/4 (Mar-Apr), d = 0.5 - 0.75 = -0.25:
  low  = d - sqrt((0.5 - 0.15)^2 + (0.9544 - 0.75)^2) = -0.25 - sqrt(0.1225 + 0.04178) = -0.6553
  high = d + sqrt((0.85 - 0.5)^2 + (0.75 - 0.3006)^2) = -0.25 + sqrt(0.1225 + 0.20196) = 0.3196
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from langcheck.cli import cli

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from casenotes import FIRST

F1 = "Jade (14) has been putting herself at risk."
F2 = "Kai (12) is promiscuous."
F3 = "Zara (15) is sexually active with older men."
C1 = "Amira (16) went missing and was found safe."
C2 = "Officers attended and spoke to Tia (15) at home."
EXPORT = [
    ("Ref", "Date", "Team", "Note"),
    ("R01", "2026-01-10", "North", F1),
    ("R02", "15/01/2026", "North", F1),
    ("R03", "46054", "South", F2),  # Excel serial: 2026-02-01
    ("R04", "2026-02-20", "South", C2),
    ("R05", "03/03/2026", "North", f"{F1} {F3}"),
    ("R06", "2026-03-15T09:30:00", "South", C1),
    ("R07", "31/02/2026", "South", F1),  # no such day: counted as unreadable, never dropped
    ("R08", "", "North", C1),  # no date
    ("R09", "2 April 2026", "North", F3),
    ("R10", "28/04/2026", "South", C2),
    ("R11", "30/04/2026", "South", ""),  # nothing to check: left out of every figure, and said so
    ("", "", "", ""),  # a blank row is not a record at all
]
OPTIONS = ["--isolated", "--id-column", "Ref", "--date-column", "Date", "--group-by", "Team"]


def share(count: int, total: int, value: float, low: float, high: float) -> dict[str, Any]:
    return {"count": count, "total": total, "share": value, "low": low, "high": high}


def row(key: str, label: str, records: int, flagged: dict[str, Any], words: int, findings: int, rate: float) -> Any:  # noqa: PLR0917
    return {
        key: label,
        "records": records,
        "records_with_findings": flagged,
        "words": words,
        "findings": findings,
        "per_1000_words": rate,
    }


def write_csv(path: Path, rows: list[tuple[str, ...]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


@pytest.fixture
def export(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "export.csv", EXPORT)


def report(*args: str) -> Any:
    return CliRunner().invoke(cli, ["report", *args])


def test_every_figure_of_the_hand_computed_export(export: Path) -> None:
    result = report(str(export), *OPTIONS, "--compare", "2026-01:2026-02", "2026-03:2026-04", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["version"] == 1
    # 10 records, 6 with a finding (R01 R02 R03 R05 R07 R09), 7 findings in 75 words: 93.33 per 1,000
    assert data["totals"] == row("scope", "all records", 10, share(6, 10, 0.6, 0.3127, 0.8318), 75, 7, 93.33)
    assert data["by_category"] == [
        row("category", "agency", 10, share(4, 10, 0.4, 0.1682, 0.6873), 75, 4, 53.33),
        row("category", "consent", 10, share(2, 10, 0.2, 0.0567, 0.5098), 75, 2, 26.67),
        row("category", "character", 10, share(1, 10, 0.1, 0.0179, 0.4042), 75, 1, 13.33),
    ]
    assert [(r["rule"], r["category"], r["findings"], r["records"]) for r in data["by_rule"]] == [
        ("AG001", "agency", 4, 4),
        ("CO004", "consent", 2, 2),
        ("CH001", "character", 1, 1),
    ]
    assert [(p["phrase"], p["rule"], p["findings"]) for p in data["by_phrase"]] == [
        ("putting herself at risk", "AG001", 4),
        ("sexually active with older men", "CO004", 2),
        ("promiscuous", "CH001", 1),
    ]
    assert data["by_group"] == [
        # North: R01 R02 R05 R08 R09, words 7+7+14+7+7 = 42, findings 1+1+2+1 = 5
        row("group", "North", 5, share(4, 5, 0.8, 0.3755, 0.9638), 42, 5, 119.05),
        # South: R03 R04 R06 R07 R10, words 3+8+7+7+8 = 33, findings 1+1 = 2
        row("group", "South", 5, share(2, 5, 0.4, 0.1176, 0.7693), 33, 2, 60.61),
    ]
    assert data["by_month"] == [
        row("month", "2026-01", 2, share(2, 2, 1.0, 0.3424, 1.0), 14, 2, 142.86),
        row("month", "2026-02", 2, share(1, 2, 0.5, 0.0945, 0.9055), 11, 1, 90.91),
        row("month", "2026-03", 2, share(1, 2, 0.5, 0.0945, 0.9055), 21, 2, 95.24),
        row("month", "2026-04", 2, share(1, 2, 0.5, 0.0945, 0.9055), 15, 1, 66.67),
        row("month", "undated", 2, share(1, 2, 0.5, 0.0945, 0.9055), 14, 1, 71.43),
    ]
    assert data["comparison"] == {
        "first": {"period": "2026-01:2026-02", "records_with_findings": share(3, 4, 0.75, 0.3006, 0.9544)},
        "second": {"period": "2026-03:2026-04", "records_with_findings": share(2, 4, 0.5, 0.15, 0.85)},
        "change": {"difference": -0.25, "low": -0.6553, "high": 0.3196},
    }
    assert data["dates"] == {
        "column": "Date",
        "missing": 1,
        "unreadable": 1,
        "unreadable_examples": [f"{export} row 8: '31/02/2026'"],
        "outside_period": 0,
        "without_text": 1,
    }
    assert data["left_out"] == []
    assert data["settings"]["redacted"] is True and data["settings"]["compare"] == [
        "2026-01:2026-02",
        "2026-03:2026-04",
    ]
    agency = [e for e in data["examples"] if e["category"] == "agency"]
    assert len(agency) == 2 and all(e["phrase"] == "putting herself at risk" for e in agency)
    assert agency[0] == {
        "category": "agency",
        "rule": "AG001",
        "name": agency[0]["name"],
        "before": "[name] (14) has been ",
        "phrase": "putting herself at risk",
        "after": ".",
        "suggestion": agency[0]["suggestion"],
        "group": "North",
        "month": "2026-01",
    }
    assert agency[0]["suggestion"]


def test_csv_has_one_row_per_group_and_month(export: Path) -> None:
    result = report(str(export), *OPTIONS, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["group"], r["month"], r["records"], r["records_with_findings"]) for r in rows] == [
        ("North", "2026-01", "2", "2"),
        ("North", "2026-03", "1", "1"),
        ("North", "2026-04", "1", "1"),
        ("North", "undated", "1", "0"),
        ("South", "2026-02", "2", "1"),
        ("South", "2026-03", "1", "0"),
        ("South", "2026-04", "1", "0"),
        ("South", "undated", "1", "1"),
    ]
    north_march = rows[1]
    assert north_march["findings"] == "2" and north_march["findings_agency"] == "1"
    assert north_march["findings_consent"] == "1" and north_march["words"] == "14"
    assert (north_march["share_low"], north_march["share_high"]) == ("0.2065", "1.0")  # Wilson 1/1


def test_since_and_until_leave_out_other_months_and_say_so(export: Path) -> None:
    result = report(str(export), *OPTIONS, "--since", "2026-02", "--until", "2026-03", "--format", "json")
    data = json.loads(result.stdout)
    assert [m["month"] for m in data["by_month"]] == ["2026-02", "2026-03"]
    assert data["totals"]["records"] == 4
    assert data["dates"]["outside_period"] == 6  # 2 in January, 2 in April, 2 undated (R11 has no text)


def test_severity_and_select_filter_as_check_does(export: Path) -> None:
    errors = json.loads(report(str(export), *OPTIONS, "--min-severity", "error", "--format", "json").stdout)
    assert [c["category"] for c in errors["by_category"]] == ["consent"]  # CO004 is the only error here
    selected = json.loads(report(str(export), *OPTIONS, "--select", "CH001", "--format", "json").stdout)
    assert selected["totals"]["findings"] == 1 and selected["totals"]["records"] == 10


def test_jobs_give_the_same_report(tmp_path: Path) -> None:
    rows = [EXPORT[0]] + [
        (f"R{i}", f"2026-{i % 12 + 1:02d}-01", "AB"[i % 2], EXPORT[1 + i % 10][3]) for i in range(300)
    ]
    big = write_csv(tmp_path / "big.csv", rows)
    one = report(str(big), *OPTIONS, "--format", "json")
    two = report(str(big), *OPTIONS, "--format", "json", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    assert json.loads(one.stdout) == json.loads(two.stdout)
    assert json.loads(one.stdout)["totals"]["records"] == 300


def test_html_can_be_rendered_again_from_the_json(export: Path, tmp_path: Path) -> None:
    saved = tmp_path / "report.json"
    assert report(str(export), *OPTIONS, "--format", "json", "-o", str(saved)).exit_code == 0
    again = report("--from-json", str(saved), "--format", "json")
    first = json.loads(saved.read_text(encoding="utf-8"))
    assert json.loads(again.stdout) == first
    html = tmp_path / "again.html"
    assert report("--from-json", str(saved), "-o", str(html)).exit_code == 0
    assert "60.0%" in html.read_text(encoding="utf-8")


def test_xlsx_export_with_date_cells_and_serials(tmp_path: Path) -> None:
    import datetime

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Ref", "Date", "Team", "Note"])
    sheet.append(["X1", datetime.datetime(2026, 5, 4), "East", F1])
    sheet.append(["X2", 46054, "East", C1])  # a serial number in an unformatted cell: 2026-02-01
    sheet.append(["X3", "04/05/2026", "West", F2])
    sheet.append(["X4", "not a date", "West", C2])
    path = tmp_path / "export.xlsx"
    book.save(path)
    data = json.loads(report(str(path), *OPTIONS, "--format", "json").stdout)
    assert [(m["month"], m["records"]) for m in data["by_month"]] == [
        ("2026-02", 1),
        ("2026-03", 0),
        ("2026-04", 0),
        ("2026-05", 2),
        ("undated", 1),
    ]
    assert data["dates"]["unreadable_examples"] == [f"{path} sheet 'Sheet' row 5: 'not a date'"]
    assert [g["group"] for g in data["by_group"]] == ["East", "West"]


def test_files_are_records_dated_by_name_or_front_matter(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "visit-2026-03-14.txt").write_text(F1 + "\n", encoding="utf-8")
    (folder / "meeting.md").write_text(f"---\ndate: 02/04/2026\nteam: North\n---\n\n{C1}\n", encoding="utf-8")
    (folder / "undated.txt").write_text(F2 + "\n", encoding="utf-8")
    (folder / "strategy.md").write_text(f"**Date:** 2 May 2026. **Team:** South.\n\n{C2}\n", encoding="utf-8")
    data = json.loads(report(str(folder), "--isolated", "--group-by", "team", "--format", "json").stdout)
    assert data["totals"]["records"] == 4 and data["totals"]["records_with_findings"]["count"] == 2
    assert [(m["month"], m["records"]) for m in data["by_month"]] == [
        ("2026-03", 1),
        ("2026-04", 1),
        ("2026-05", 1),
        ("undated", 1),
    ]
    assert [(g["group"], g["records"]) for g in data["by_group"]] == [("(none)", 2), ("North", 1), ("South", 1)]


def test_bad_inputs_are_one_line_each_and_the_report_is_still_written(export: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("Ref,Date,Team,Note\n", encoding="utf-8")
    no_team = write_csv(tmp_path / "no-team.csv", [("Ref", "Date", "Note"), ("Z1", "2026-01-01", F1)])
    binary = tmp_path / "scan.csv"
    binary.write_bytes(b"\x00\x01\x02 not text")
    missing = tmp_path / "missing.csv"
    out = tmp_path / "report.html"
    result = report(str(export), str(empty), str(no_team), str(binary), str(missing), *OPTIONS, "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: {empty}: has no records with text to check (it is empty or has only a header row)",
        f"error: {no_team}: has no column 'Team' for --group-by (its columns are: Ref, Date, Note); "
        "name a column from its first row; it is left out of the report",
        f"error: {binary}: looks like a binary file, not a CSV export; export it again as CSV UTF-8; "
        "it is left out of the report",
        f"error: {missing}: does not exist; check the path and the spelling; it is left out of the report",
        f"wrote {out}",
    ]
    html = out.read_text(encoding="utf-8")
    assert "What this report leaves out or could not read" in html
    assert "has no column &#x27;Team&#x27; for --group-by" in html and "10 records checked" not in html
    assert '>10</span><span class="label">records checked' in html


def test_usage_errors_are_one_line(export: Path) -> None:
    no_output = report(str(export))
    assert no_output.exit_code == 2
    assert (
        no_output.stderr == "error: no output file given; add -o report.html (the HTML report is written to a file)\n"
    )
    bad_period = report(str(export), "--compare", "2026-07:2026-01", "2026-08", "--format", "json")
    assert bad_period.exit_code == 2
    assert bad_period.stderr == (
        "error: --compare: '2026-07:2026-01' is not a period; write two months as FIRST:LAST, e.g. 2026-01:2026-06\n"
    )
    assert report(str(export), "--fail-on", "error", "--format", "json").exit_code == 2


def test_progress_shows_records_per_second_on_a_terminal_only() -> None:
    from rich.console import Console

    from langcheck.cli.report import _Progress

    shown = io.StringIO()
    progress = _Progress()
    progress.console = Console(file=shown, force_terminal=True, width=100)
    progress.started -= 2.0  # as if the run had been going for two seconds
    progress.update(640)
    progress.stop()
    assert "640 records" in shown.getvalue() and "records/s" in shown.getvalue()
    quiet = io.StringIO()
    silent = _Progress()
    silent.console = Console(file=quiet, force_terminal=False)
    silent.started -= 2.0
    silent.update(640)
    silent.stop()
    assert quiet.getvalue() == ""


def test_memory_stays_flat_as_records_grow() -> None:
    """Ten times the records must not take noticeably more memory: counters, not findings, are kept.

    The texts repeat their words: spaCy's vocabulary grows by each word it has never seen (an
    engine matter, measured separately in benchmarks/report_bench.py), not by the report's own state.
    """
    import datetime
    import tracemalloc

    from langcheck import Config
    from langcheck.audit.records import Problems, Record
    from langcheck.audit.result import Settings, run_audit

    def records(count: int) -> Any:
        for i in range(count):
            day = datetime.date(2025, 1 + i % 12, 1 + i % 28)
            text = f"{F1} {C2} Record {i % 50} closed." if i % 10 == 0 else f"{C1} {C2} Record {i % 50} closed."
            yield Record(f"row {i}", f"R{i}", text, day, group=f"team {i % 4}")

    def peak(count: int) -> int:
        tracemalloc.start()
        result = run_audit(records(count), Config(), Settings(), Problems())
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert result.summary.total.records == count
        assert result.summary.total.flagged.count == count // 10
        return top

    run_audit(records(200), Config(), Settings(), Problems())  # load the pipeline first
    small, large = peak(1_000), peak(10_000)
    assert large < small * 1.5 + 256 * 1024, (small, large)


def test_no_redact_keeps_names_for_internal_use(export: Path, tmp_path: Path) -> None:
    hidden = json.loads(report(str(export), *OPTIONS, "--format", "json").stdout)
    shown = json.loads(report(str(export), *OPTIONS, "--no-redact", "--format", "json").stdout)
    assert {e["before"] for e in hidden["examples"] if e["rule"] == "AG001"} == {"[name] (14) has been "}
    assert {e["before"] for e in shown["examples"] if e["rule"] == "AG001"} == {"Jade (14) has been "}
    out = tmp_path / "internal.html"
    assert report(str(export), *OPTIONS, "--no-redact", "-o", str(out)).exit_code == 0
    assert "NOT redacted (--no-redact): for internal use only" in out.read_text(encoding="utf-8")
    assert report(str(export), "--from-json", str(out), "--format", "json").exit_code == 2  # not both


def test_the_bundled_example_export(tmp_path: Path) -> None:
    """The README's walk-through: 400 invented records over 14 months in four teams (figures that
    do not depend on the rules are asserted; the rest change as rules do)."""
    export = Path(__file__).parent.parent / "examples" / "casenotes-export.csv"
    options = ["--id-column", "Record ID", "--date-column", "Date Recorded", "--group-by", "Team"]
    result = report(str(export), "--isolated", *options, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["totals"]["records"] == 400 and data["totals"]["records_with_findings"]["count"] > 40
    assert len(data["by_month"]) == 15 and data["by_month"][0]["month"] == "2025-11"  # 14 months and undated
    assert data["dates"]["unreadable"] == 4 and data["left_out"] == []
    assert [g["group"] for g in data["by_group"]] == [
        "Child Exploitation Team",
        "Domestic Abuse Team",
        "Missing Persons Unit",
        "Neighbourhood Policing",
    ]
    names = set(FIRST)  # every first name the generator writes, none of which may show
    shown = " ".join(e["before"] + e["phrase"] + e["after"] for e in data["examples"])
    assert data["examples"] and "[name]" in shown and not names & set(re.findall(r"\w+", shown))
