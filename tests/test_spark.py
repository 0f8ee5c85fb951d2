"""langcheck on Apache Spark in local mode: the same findings as `Linter.check_many`, settings shipped with the job.

These tests run a real Spark session (`local[2]`, two Python workers). They need Java and the
`spark` extra; they skip with the reason only where Java or pyspark is missing, and `.ci/run`
sets LANGCHECK_REQUIRE_SPARK=1 so that CI fails instead of skipping.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from langcheck.config import Config
from langcheck.errors import ConfigError
from langcheck.linter import Linter

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from casenotes import generate


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
