"""An audit on Apache Spark, end to end: findings as Parquet, the report's figures, the HTML report.

    pip install "langcheck[spark]"     # and Java 17 or later
    python examples/spark_audit.py [--records 2000] [--master local[2]] [--out FOLDER]

It generates an invented export (benchmarks/report_export.py: notes, dates in the forms real
exports write, teams), reads it as a Spark DataFrame, and then does what a national run does
on a cluster:

1. `langcheck.spark.findings`: one row per finding, written as Parquet (the findings quote
   the flagged words, so keep them wherever the notes themselves may be kept);
2. `langcheck.spark.summary`: every figure of the audit report, as `langcheck report --format
   json` writes it (no example sentences: those stay with the notes);
3. `langcheck report --from-json`: the same HTML report a force sees from one machine.

Spark runs in local mode on this machine and listens on the loopback address only. On a
cluster, give `--master` (or run it with spark-submit) and read the notes where they live
instead of the generated export.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from report_export import write as write_export

COMPARE = ("2025-11:2026-04", "2026-07:2026-12")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=2000, help="how many invented records to generate")
    ap.add_argument("--master", default="local[2]", help="the Spark master (default: local mode, two cores)")
    ap.add_argument("--out", type=Path, default=None, help="the folder for the results (default: a new temp folder)")
    args = ap.parse_args(argv)
    started = time.perf_counter()

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # loopback only: nothing leaves this machine
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers run this Python, with langcheck
    from pyspark.sql import SparkSession

    from langcheck.spark import findings, summary

    out = args.out or Path(tempfile.mkdtemp(prefix="langcheck-spark-"))
    out.mkdir(parents=True, exist_ok=True)
    export = out / "export.csv"
    write_export(export, args.records)

    builder = SparkSession.builder.master(args.master).appName("langcheck-audit")
    if args.master.startswith("local"):
        builder = builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
    spark = builder.config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        records = spark.read.csv(str(export), header=True, multiLine=True, escape='"')
        records = records.repartition(spark.sparkContext.defaultParallelism * 2).cache()  # every core has work
        found = findings(records, text="Note", id="Record ID").cache()
        parquet = out / "findings.parquet"
        found.write.mode("overwrite").parquet(str(parquet))
        figures = summary(
            found, records, text="Note", id="Record ID", date="Date Recorded", group_by="Team", compare=COMPARE
        )
    finally:
        spark.stop()

    saved = out / "summary.json"
    saved.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    html = out / "report.html"
    command = [sys.executable, "-m", "langcheck", "report", "--from-json", str(saved), "-o", str(html)]
    subprocess.run(command, check=True, capture_output=True)

    totals = figures["totals"]
    share = totals["records_with_findings"]["share"]
    print(f"{totals['records']:,} records checked on Spark ({args.master}); {share:.1%} have at least one finding")
    print(f"findings (Parquet): {parquet}")
    print(f"summary (JSON):     {saved}")
    print(f"report (HTML):      {html}")
    print(f"took {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
