"""Speed and memory of langcheck, each figure a ratio against a baseline run in this script.

    python benchmarks/speed.py [--runs 3] [--sizes 1,10,50] [--alex PATH] [--skip-big]

Figures (medians of --runs runs; the notes come from benchmarks/casenotes.py):
1. engine vs floor: checking 1 MB in-process against a bare spaCy blank-English tokenizer
   pass over the same paragraphs, each with a fresh pipeline (cold caches). Target <= 1.5x.
2. clean note vs `import spacy`: a whole `langcheck check` process on a short clean note
   against `python -c "import spacy"`. Target < 0.5x.
3. alex vs langcheck: whole processes on the same 1 MB (and 10 MB) file. Targets >= 5x, >= 10x.
   Needs the npm package alex: `npm install --prefix benchmarks/.alex alex` (or --alex PATH).
4. throughput at 1, 10 and 50 MB (folders of 1 MB files): MB/s and the ratio to 1 MB (linear = 1.0).
5. peak memory of the 50 MB run (max resident set size). Target < 400 MB.
6. --jobs 2 vs --jobs 1 on the 50 MB folder, runs alternating. Target >= 1.7x.

--big-runs sets the number of runs for the slow 10 MB alex and 50 MB figures (default --runs).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from casenotes import generate  # noqa: E402

LANGCHECK = [sys.executable, "-m", "langcheck"]


def median_time(fn: Callable[[], object], runs: int) -> float:
    """Return the median wall time of `runs` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_process(cmd: list[str], timeout: float | None = None) -> tuple[float, int]:
    """Run a command to completion; return (seconds, peak RSS in MB of that process).

    With `timeout`, a command still running then is stopped and reported as taking `inf`.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if timeout is not None:
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            return float("inf"), 0
    _, status, usage = os.wait4(proc.pid, 0) if proc.returncode is None else (0, proc.returncode << 8, None)
    elapsed = time.perf_counter() - start
    if usage is None:  # already reaped by wait(): no rusage, so no peak figure
        code = proc.returncode
        if code not in (0, 1):
            raise SystemExit(f"error: {' '.join(cmd)} failed with exit status {code}")
        return elapsed, 0
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"error: {' '.join(cmd)} failed with exit status {os.waitstatus_to_exitcode(status)}")
    return elapsed, usage.ru_maxrss // 1024


def median_process(cmd: list[str], runs: int, timeout: float | None = None) -> tuple[float, int]:
    results = [run_process(cmd, timeout) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def engine_vs_floor(text: str, runs: int) -> None:
    import spacy

    from langcheck.context import find_paragraphs
    from langcheck.engine import CompiledRules
    from langcheck.models import Options
    from langcheck.ruleset import load_rules

    paragraphs = [text[s:e] for s, e in find_paragraphs(text)]
    ruleset = load_rules()

    def floor() -> None:
        nlp = spacy.blank("en")
        for _ in nlp.tokenizer.pipe(paragraphs):
            pass

    compiled: list[CompiledRules] = []

    def fresh() -> None:
        compiled.append(CompiledRules(ruleset, spacy.blank("en")))

    def engine() -> None:
        compiled[-1].findings(text, Options())

    base = median_time(floor, runs)
    times = []
    for _ in range(runs):
        fresh()
        times.append(median_time(engine, 1))
    ours = statistics.median(times)
    print(
        f"1. engine on {len(text) / 1e6:.1f} MB: {ours:.2f} s; tokenizer floor {base:.2f} s; "
        f"ratio {ours / base:.2f}x (target <= 1.5x)"
    )


def clean_note(tmp: Path, runs: int) -> None:
    note = tmp / "clean.txt"
    note.write_text("Seen at the park with her sister at 14:00; returned home with her mother.\n")
    ours, _ = median_process([*LANGCHECK, "check", str(note), "--isolated"], runs)
    spacy_import, _ = median_process([sys.executable, "-c", "import spacy"], runs)
    print(
        f"2. clean short note: {ours:.2f} s; `import spacy` {spacy_import:.2f} s; "
        f"ratio {ours / spacy_import:.2f}x (target < 0.5x)"
    )


def against_alex(alex: str | None, files: dict[int, Path], runs: int, big_runs: int, timeout: float) -> None:
    if alex is None:
        print("3. alex: skipped (install it with `npm install --prefix benchmarks/.alex alex`, or pass --alex PATH)")
        return
    for size, target in ((1, 5), (10, 10)):
        if size not in files:
            continue
        path = files[size]
        n = runs if size == 1 else big_runs
        ours, _ = median_process([*LANGCHECK, "check", str(path), "--isolated", "--format", "concise"], n)
        theirs, _ = median_process([alex, str(path)], n, timeout)
        if theirs == float("inf"):
            print(
                f"3. {size} MB: alex did not finish within {timeout:.0f} s; langcheck {ours:.1f} s; "
                f"alex/langcheck > {timeout / ours:.1f}x (target >= {target}x; {n} runs)"
            )
            continue
        print(
            f"3. {size} MB: alex {theirs:.1f} s; langcheck {ours:.1f} s; alex/langcheck {theirs / ours:.1f}x "
            f"(target >= {target}x)"
        )


def throughput(folders: dict[int, Path], runs: int, big_runs: int) -> dict[int, float]:
    seconds = {}
    peak = {}
    for size, folder in sorted(folders.items()):
        n = runs if size < 50 else big_runs
        cmd = [*LANGCHECK, "check", str(folder), "--isolated", "--format", "concise", "--jobs", "1"]
        elapsed, rss = median_process(cmd, n)
        seconds[size], peak[size] = elapsed, rss
        print(
            f"4. {size} MB folder, --jobs 1: {elapsed:.1f} s, {size / elapsed:.2f} MB/s, peak RSS {rss} MB ({n} runs)"
        )
    first = min(seconds)
    for size, elapsed in sorted(seconds.items()):
        rate = (size / elapsed) / (first / seconds[first])
        print(f"   throughput at {size} MB relative to {first} MB: {rate:.2f} (linear = 1.00)")
    # Start-up is paid once, so whole-run throughput rises with size; the cost of each further
    # megabyte shows whether the checking itself stays linear.
    for size, elapsed in sorted(seconds.items()):
        if size > first:
            extra = (elapsed - seconds[first]) / (size - first)
            print(f"   each MB after the first {first} MB, up to {size} MB: {extra:.2f} s")
    biggest = max(peak)
    print(f"5. peak memory on {biggest} MB: {peak[biggest]} MB (target < 400 MB)")
    return seconds


def jobs(folder: Path, runs: int) -> None:
    """Compare --jobs 2 with --jobs 1 on the same folder, the runs alternating.

    Alternating keeps a slow spell of a shared machine from landing on one side only.
    """
    times: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(runs):
        for n in (1, 2):
            cmd = [*LANGCHECK, "check", str(folder), "--isolated", "--format", "concise", "--jobs", str(n)]
            times[n].append(run_process(cmd)[0])
    one, two = statistics.median(times[1]), statistics.median(times[2])
    print(
        f"6. --jobs 2 vs --jobs 1 on {folder.name}: {one:.1f} s / {two:.1f} s = {one / two:.2f}x throughput "
        f"(target >= 1.7x; {runs} alternating runs each)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", default="1,10,50", help="folder sizes in MB for throughput")
    ap.add_argument("--alex", default=None, help="path of the alex executable")
    ap.add_argument("--skip-big", action="store_true", help="only the 1 MB figures")
    ap.add_argument(
        "--parts", default="1,2,3,4", help="which figures: 1 engine, 2 clean note, 3 alex, 4 sizes+memory+jobs"
    )
    ap.add_argument("--alex-timeout", type=float, default=600, help="stop alex after this many seconds")
    ap.add_argument("--big-runs", type=int, default=None, help="runs for the 10 MB alex comparison (default --runs)")
    args = ap.parse_args()
    alex = args.alex or next(
        (str(p) for p in [HERE / ".alex" / "node_modules" / ".bin" / "alex"] if p.exists()), shutil.which("alex")
    )
    sizes = [1] if args.skip_big else [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="langcheck-bench-") as name:
        tmp = Path(name)
        text = generate(1_000_000)
        files = {1: tmp / "notes-1mb.txt"}
        files[1].write_text(text, encoding="utf-8")
        if not args.skip_big:
            files[10] = tmp / "notes-10mb.txt"
            files[10].write_text(generate(10_000_000, seed=10), encoding="utf-8")
        folders = {}
        for size in sizes:
            folder = tmp / f"folder-{size}mb"
            folder.mkdir()
            for i in range(size):
                (folder / f"notes-{i:03d}.txt").write_text(generate(1_000_000, seed=i), encoding="utf-8")
            folders[size] = folder
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {args.runs} runs each (medians)")
        parts = set(args.parts.split(","))
        if "1" in parts:
            engine_vs_floor(text, args.runs)
        if "2" in parts:
            clean_note(tmp, args.runs)
        if "3" in parts:
            against_alex(alex, files, args.runs, args.big_runs or args.runs, args.alex_timeout)
        if "4" not in parts:
            return
        big_runs = args.big_runs or args.runs
        throughput(folders, args.runs, big_runs)
        biggest = max(sizes)
        if biggest >= 10:
            jobs(folders[biggest], args.runs if biggest < 50 else big_runs)


if __name__ == "__main__":
    main()
