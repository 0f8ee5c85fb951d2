"""Records per second of langcheck on Spark local[1] and local[2], as ratios to one process.

    python benchmarks/spark_bench.py [--records 100000] [--runs 1]

Needs the spark extra and Java. The notes are generated (benchmarks/casenotes.py), one
paragraph per record. Printed, each a ratio against a baseline measured in the same run:
1. single process: `Linter.check_many` over the same notes (the baseline);
2. Spark local[1] and local[2]: `langcheck.spark.findings` counted to the end, and each as a
   ratio to the single process; the scaling from 1 to 2 cores (aim >= 1.7x);
3. the fixed start-up cost of a Spark job: a 2-record job on a warm session (rules compiled
   once per Python worker, then reused);
4. the audit report on the same number of records (an export from benchmarks/report_export.py):
   single-process `langcheck report --format json --jobs 1` against `findings` + `summary` on
   Spark local[2], whose figures must be equal.
The figures are medians of --runs runs. On a 2-core machine shared with other work, local[2]
competes with everything else running: read the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from casenotes import generate

from langcheck.linter import Linter


def _notes(count: int) -> list[tuple[str, str]]:
    paragraphs = [p for p in generate(600_000, seed=5).split("\n\n") if p.strip()]
    return [(f"r{i:06d}", paragraphs[i % len(paragraphs)]) for i in range(count)]


def _median(runs: int, work: Callable[[], int]) -> tuple[float, int]:
    times, found = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        found = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), found


def _session(cores: int) -> object:
    from pyspark.sql import SparkSession

    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master(f"local[{cores}]")
        .appName(f"langcheck-bench-{cores}")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    return session


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args(argv)
    from langcheck.spark import findings

    notes = _notes(args.records)
    linter = Linter()
    list(linter.check_many(["Jade has been putting herself at risk."]))  # compile once, as a worker does
    single, expected = _median(args.runs, lambda: sum(len(f) for f in linter.check_many(t for _, t in notes)))
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {args.records:,} records, {args.runs} run(s)")
    print(f"1. single process: {single:.1f} s, {args.records / single:,.0f} records/s, {expected:,} findings")
    rates, report_line = {}, ""
    for cores in (1, 2):
        spark = _session(cores)
        df = spark.createDataFrame(notes, "record_id string, note string").repartition(cores * 4).cache()  # type: ignore[attr-defined]
        df.count()
        findings(df.limit(2)).count()  # warm the workers: compile the rules once each
        took, count = _median(args.runs, lambda df=df: findings(df).count())
        assert count == expected, f"Spark found {count} findings, one process {expected}"
        warm, _ = _median(3, lambda df=df: findings(df.limit(2)).count())
        rates[cores] = args.records / took
        print(
            f"2. Spark local[{cores}]: {took:.1f} s, {rates[cores]:,.0f} records/s, "
            f"{single / took:.2f}x one process; a 2-record job on a warm session: {warm:.2f} s"
        )
        if cores == 2:
            report_line = _report(spark, args.records, args.runs)
        df.unpersist()
        spark.stop()  # type: ignore[attr-defined]
    print(f"3. scaling local[1] -> local[2]: {rates[2] / rates[1]:.2f}x (aim >= 1.7x)")
    print(report_line)
    return 0


def _report(spark: Any, records: int, runs: int) -> str:
    """Time the audit report in one process and on Spark over the same export; the totals must agree."""
    from click.testing import CliRunner
    from report_export import write

    from langcheck.cli import cli
    from langcheck.spark import findings, summary

    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "export.csv"
        write(export, records)
        columns = {"id": "Record ID", "date": "Date Recorded", "group_by": "Team"}
        options = ["--isolated", "--id-column", "Record ID", "--date-column", "Date Recorded", "--group-by", "Team"]
        command = ["report", str(export), *options, "--columns", "Note", "--jobs", "1", "--format", "json"]
        expected: dict[str, Any] = {}

        def one_process() -> int:
            result = CliRunner().invoke(cli, command)
            expected.update(json.loads(result.stdout))
            return int(expected["totals"]["records"])

        single, _ = _median(runs, one_process)
        frame = spark.read.csv(str(export), header=True, multiLine=True, escape='"').cache()
        frame.count()
        got: dict[str, Any] = {}

        def on_spark() -> int:
            got.update(summary(findings(frame, text="Note", id="Record ID"), frame, text="Note", **columns))
            return int(got["totals"]["records"])

        took, _ = _median(runs, on_spark)
        assert got["totals"] == expected["totals"], "Spark's report figures differ from langcheck report's"
        frame.unpersist()
    return (
        f"4. the audit report, {records:,} records: one process {single:.1f} s ({records / single:,.0f} records/s); "
        f"Spark local[2] findings + summary {took:.1f} s ({records / took:,.0f} records/s, {single / took:.2f}x)"
    )


if __name__ == "__main__":
    sys.exit(main())
