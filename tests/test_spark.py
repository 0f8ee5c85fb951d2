"""langcheck on Apache Spark in local mode: the same findings as `Linter.check_many`, settings shipped with
the job, and the same audit figures as `langcheck report` on the same export.

These tests run a real Spark session (`local[2]`, two Python workers). They need Java and the
`spark` extra; they skip with the reason only where Java or pyspark is missing, and `.ci/run`
sets LANGCHECK_REQUIRE_SPARK=1 so that CI fails instead of skipping.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from langcheck.cli import cli
from langcheck.config import Config
from langcheck.errors import ConfigError
from langcheck.linter import Linter

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from casenotes import generate
from report_export import HEADER
from report_export import records as export_records


def _missing() -> str | None:
    if shutil.which("java") is None:
        return "Java is not installed (Spark needs it): apt-get install -y default-jre-headless"
    try:
        import pandas  # noqa: F401
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError as exc:
        return f"the spark extra is not installed ({exc.name}): pip install -e '.[test]'"
    return None


_REASON = _missing()
if _REASON and os.environ.get("LANGCHECK_REQUIRE_SPARK") == "1":
    raise RuntimeError(f"LANGCHECK_REQUIRE_SPARK=1 but the Spark tests cannot run: {_REASON}")
pytestmark = pytest.mark.skipif(_REASON is not None, reason=_REASON or "")


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"  # loopback only: no traffic off this machine
    os.environ["PYSPARK_PYTHON"] = sys.executable  # workers run this environment's Python (with langcheck)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("langcheck-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _notes(count: int) -> list[tuple[str, str]]:
    paragraphs = [p for p in generate(400_000, seed=11).split("\n\n") if p.strip()]
    return [(f"r{i:05d}", paragraphs[i % len(paragraphs)]) for i in range(count)]


def _expected(notes: list[tuple[str, str]], config: Config | None = None) -> list[tuple[Any, ...]]:
    linter = Linter(config)
    out = []
    for (record_id, _), found in zip(notes, linter.check_many(t for _, t in notes), strict=True):
        out += [(record_id, f.rule_id, f.start, f.end, f.text, f.severity.label) for f in found]
    return sorted(out)


def _got(frame: Any) -> list[tuple[Any, ...]]:
    rows = frame.select("record_id", "rule", "start", "end", "text", "severity").collect()
    return sorted(tuple(r) for r in rows)


def test_findings_on_spark_equal_check_many(spark: Any) -> None:
    from langcheck.spark import findings

    notes = _notes(3000)
    df = spark.createDataFrame(notes, "record_id string, note string").repartition(4)
    expected = _expected(notes)
    assert len(expected) > 500
    assert _got(findings(df)) == expected


def test_settings_and_a_team_pack_travel_with_the_job(spark: Any, tmp_path: Path) -> None:
    from langcheck.spark import findings

    pack = tmp_path / "team"
    (pack / "testing").mkdir(parents=True)
    (pack / "sources.yaml").write_text(
        "- {id: TEAM1, title: Team guide, publisher: Our force, year: 2026, kind: national-guidance,"
        " url: 'https://example.org/guide'}\n"
    )
    (pack / "testing" / "TM001-team-term.yaml").write_text(
        "id: TM001\nname: team-term\ncategory: testing\nseverity: warning\napplies_to: any\n"
        "message: \"'{match}' is a term our team avoids.\"\nexplanation: A team rule.\n"
        'suggestions: [the neutral term]\npatterns:\n  - phrase: "frequent visitor"\n'
        'unless: []\nsources: [TEAM1]\nexamples:\n  fail:\n    - text: "She is a frequent visitor."\n'
        '      match: "frequent visitor"\n  pass:\n    - "She visits often."\n'
    )
    config = Config(extend_rules=(pack,), select=("TM001", "agency"))
    notes = [("a", "She is a frequent visitor to the flat."), ("b", "Jade has been putting herself at risk.")]
    notes += _notes(200)
    df = spark.createDataFrame(notes, "record_id string, note string")
    got = _got(findings(df, config=config))
    assert got == _expected(notes, config)
    assert ("a", "TM001", 9, 25, "frequent visitor", "warning") in got
    assert {rule for _, rule, *_ in got} <= {"TM001"} | {r.id for r in Linter(config).ruleset if r.category == "agency"}


def test_column_names_are_chosen_and_a_missing_one_is_one_clear_error(spark: Any) -> None:
    from langcheck.spark import findings

    df = spark.createDataFrame([(7, "Jade has been putting herself at risk.")], "ref int, body string")
    rows = findings(df, text="body", id="ref").collect()
    assert [(r.record_id, r.rule, r.text) for r in rows] == [("7", "AG001", "putting herself at risk")]
    assert rows[0].suggestion
    with pytest.raises(ConfigError, match="no column 'note'"):
        findings(df)


TEAMS = {"Child Exploitation Team": "North", "Missing Persons Unit": "South", "Domestic Abuse Team": "East"}


def _export(path: Path, count: int = 360) -> Path:
    """Write an invented export: mixed date forms, missing and unreadable dates, empty notes, 3 teams."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for number, (ref, written, team, kind, text) in enumerate(export_records(count, seed=7), 1):
            day, note = written, text
            if number % 17 == 0:
                note = ""  # nothing to check: counted as without text
            elif number % 31 == 0:
                note = "   "
            elif number % 37 == 0:
                note += " Streetwise, he said little."  # counted as "[name]" when redacted, as the report does
            if number % 19 == 0:
                day = ""  # a missing date
            elif number % 23 == 0:
                day = "next Tuesday"  # an unreadable one
            group = "" if number % 29 == 0 else TEAMS.get(team, "North")
            writer.writerow((ref, day, group, kind, note))
    return path


def _report_json(export: Path, *options: str) -> dict[str, Any]:
    args = ["report", str(export), "--isolated", "--id-column", "Record ID", "--columns", "Note", *options]
    result = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _comparable(data: dict[str, Any]) -> dict[str, Any]:
    """Everything but what is left on the cluster (examples, where an unreadable date is) or differs by tool."""
    out = {k: v for k, v in data.items() if k not in {"examples", "tool", "left_out"}}
    out["dates"] = {k: v for k, v in data["dates"].items() if k != "unreadable_examples"}
    out["counts"] = {**data["counts"], "dates": out["dates"]}
    return out


@pytest.fixture(scope="module")
def export_frames(spark: Any, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any, Any]:
    from langcheck.spark import findings

    export = _export(tmp_path_factory.mktemp("export") / "export.csv")
    records = spark.read.csv(str(export), header=True, multiLine=True, escape='"').repartition(3).cache()
    found = findings(records, text="Note", id="Record ID").cache()
    return export, records, found


SPARK_OPTIONS: dict[str, Any] = {"text": "Note", "id": "Record ID"}


def test_summary_on_spark_equals_the_report(export_frames: tuple[Path, Any, Any]) -> None:
    from langcheck.spark import summary

    export, records, found = export_frames
    periods = ("2025-11:2026-04", "2026-07:2026-12")
    options = ["--date-column", "Date Recorded", "--group-by", "Team", "--compare", *periods]
    expected = _report_json(export, *options)
    got = summary(found, records, **SPARK_OPTIONS, date="Date Recorded", group_by="Team", compare=periods)
    assert _comparable(got) == _comparable(expected)
    assert got["examples"] == []
    dates = expected["dates"]
    assert dates["missing"] > 5 and dates["unreadable"] > 5 and dates["without_text"] > 10
    assert {g["group"] for g in expected["by_group"]} == {"North", "South", "East", "(none)"}
    assert expected["totals"]["findings"] > 100 and len(expected["by_phrase"]) > 10
    assert "[name]" in {p["phrase"] for p in expected["counts"]["phrases"]}
    assert got["dates"]["unreadable_examples"][0].split(": ")[1] in {
        "'next Tuesday'",
        "'TBC'",
        "'31/02/2026'",
        "'unknown'",
    }


def test_summary_counts_since_until_severity_and_no_groups_as_the_report(export_frames: tuple[Path, Any, Any]) -> None:
    from langcheck.spark import summary

    export, records, found = export_frames
    options = ["--date-column", "Date Recorded", "--since", "2026-02", "--until", "2026-09"]
    expected = _report_json(export, *options, "--min-severity", "warning", "--no-redact")
    got = summary(
        found,
        records,
        **SPARK_OPTIONS,
        date="Date Recorded",
        since="2026-02",
        until="2026-09",
        min_severity="warning",
        redact=False,
    )
    assert _comparable(got) == _comparable(expected)
    assert expected["dates"]["outside_period"] > 50
    assert "streetwise" in {p["phrase"] for p in expected["counts"]["phrases"]}
    assert [g["group"] for g in got["by_group"]] == ["(none)"]
    undated = _report_json(export)
    assert _comparable(summary(found, records, **SPARK_OPTIONS)) == _comparable(undated)


def test_the_report_renders_its_html_from_a_spark_summary(export_frames: tuple[Path, Any, Any], tmp_path: Path) -> None:
    from langcheck.spark import summary

    _, records, found = export_frames
    data = summary(found, records, **SPARK_OPTIONS, date="Date Recorded", group_by="Team")
    saved = tmp_path / "summary.json"
    saved.write_text(json.dumps(data), encoding="utf-8")
    html = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["report", "--from-json", str(saved), "-o", str(html)])
    assert result.exit_code == 0, result.stderr
    page = html.read_text(encoding="utf-8")
    totals = data["totals"]
    assert (
        f"{totals['records']:,}</" in page and f"{totals['findings']:,} findings in {totals['words']:,} words" in page
    )
    assert "South" in page


def test_summary_names_a_missing_column_or_a_repeated_id(spark: Any) -> None:
    from langcheck.spark import findings, summary

    df = spark.createDataFrame([("a", "Jade is at risk."), ("a", "Kai is well.")], "record_id string, note string")
    with pytest.raises(ConfigError, match="no column 'Date'"):
        summary(findings(df), df, date="Date")
    with pytest.raises(ConfigError, match="does not identify each record"):
        summary(findings(df), df)
