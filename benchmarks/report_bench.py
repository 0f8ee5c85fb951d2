"""Benchmark `langcheck report` against `langcheck check` on the same generated export.

Generates N invented records (benchmarks/report_export.py), then runs, each in its own process:
`langcheck check EXPORT --columns Note` and `langcheck report EXPORT --columns Note ...
--format json` (single process, as `check` is on one file). Prints records per second, wall
time, CPU time and peak memory (maximum resident set size of the process) of each and their
ratios; it also runs the report on N/10 records, to show that its memory does not grow with
the rows.

    python benchmarks/report_bench.py [--records 100000] [--jobs 1]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from report_export import write  # noqa: E402

LANGCHECK = str(Path(sys.executable).with_name("langcheck"))


def measure(command: list[str]) -> tuple[float, float, float]:
    """Run `command`; return (wall seconds, CPU seconds, peak resident memory in MB) of that process.

    CPU seconds (user + system) are given as well as wall time because on a shared machine the
    wall time depends on what else runs; the CPU time much less so.
    """
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed with exit status {code}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--jobs", type=int, default=1, help="--jobs for the report run (check runs one file)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        small, big = Path(folder) / "small.csv", Path(folder) / "big.csv"
        write(small, args.records // 10)
        write(big, args.records)
        common = ["--isolated", "--columns", "Note"]
        report = [*common, "--date-column", "Date Recorded", "--group-by", "Team", "--format", "json", "-o"]
        check_s, check_cpu, check_mb = measure([LANGCHECK, "check", str(big), *common, "--format", "concise"])
        report_s, report_cpu, report_mb = measure(
            [LANGCHECK, "report", str(big), *report, str(Path(folder) / "r.json"), "--jobs", str(args.jobs)]
        )
        _, _, small_mb = measure([LANGCHECK, "report", str(small), *report, str(Path(folder) / "s.json")])
    n = args.records
    print(f"records: {n:,} (export {big.name}, {args.jobs} report process(es))")
    for name, wall, cpu, mb in (("check ", check_s, check_cpu, check_mb), ("report", report_s, report_cpu, report_mb)):
        print(f"{name}: {n / wall:8,.0f} records/s  {wall:7.1f} s ({cpu:.1f} s CPU)  peak {mb:6.0f} MB")
    print(
        f"report/check: speed x{check_s / report_s:.2f} (by CPU time x{check_cpu / report_cpu:.2f}), "
        f"peak memory x{report_mb / check_mb:.2f}"
    )
    print(f"report peak memory on {n // 10:,} records: {small_mb:.0f} MB (on {n:,}: {report_mb:.0f} MB)")


if __name__ == "__main__":
    main()
