"""Mutation score of langcheck's core: the share of small planted bugs the tests catch.

A test suite can pass every run and still miss a bug in the code it covers (issue 19 planted
ten such bugs). mutmut plants thousands of small ones (`<` for `<=`, `and` for `or`, a
deleted statement) and runs the tests that cover each; a mutant the tests do not fail on
"survives" and shows a gap, unless it is equivalent (it changes nothing anyone could see).

Install the tool once (pinned in the `mutation` extra), then run from the project root:

    pip install -e ".[mutation]"
    nice python benchmarks/mutation.py                   # directives.py and context.py
    nice python benchmarks/mutation.py --module formatters/sarif.py --tests tests/test_formats.py
    nice python benchmarks/mutation.py --all             # every core module (hours on 2 cores)

It works in a scratch copy of the tracked files, so the worktree is never changed, prints the
share killed per module and lists the survivors (`--show` prints each survivor's diff).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

QUICK: dict[str, tuple[str, ...]] = {
    "directives.py": ("tests/test_directives.py", "tests/test_bite_planted.py", "tests/test_bite_mutants.py"),
    "context.py": (
        "tests/test_context.py",
        "tests/test_bite_planted.py",
        "tests/test_bite_mutants.py",
        "tests/test_presumption.py",
    ),
}
"""The default run: two core modules and the tests that pin them, about 20 minutes on 2 cores."""

CORE: dict[str, tuple[str, ...]] = {
    **QUICK,
    "conditions/*": (
        "tests/test_conditions.py",
        "tests/test_presumption.py",
        "tests/test_rule_examples.py",
        "tests/test_engine.py",
        "tests/test_bite_mutants_checker.py",
        "tests/test_bite_mutants_adulthood.py",
        "tests/test_bite_mutants_ages.py",
    ),
    "checker.py": (
        "tests/test_engine.py",
        "tests/test_bite_planted.py",
        "tests/test_presumption.py",
        "tests/test_bite_mutants_checker.py",
    ),
    "engine.py": ("tests/test_engine.py", "tests/test_rule_examples.py", "tests/test_bite_mutants_engine.py"),
    "fixes.py": ("tests/test_fix.py", "tests/test_rule_examples.py", "tests/test_bite_mutants_fix.py"),
    "cli/fix.py": ("tests/test_fix.py", "tests/test_bite_planted.py", "tests/test_bite_mutants_fix.py"),
    "cli/safewrite.py": (
        "tests/test_fix.py",
        "tests/test_fix_safety.py",
        "tests/test_bite_planted.py",
        "tests/test_bite_mutants_fix.py",
    ),
    "formatters/*": (
        "tests/test_formats.py",
        "tests/test_cli.py",
        "tests/test_bite_planted.py",
        "tests/test_bite_mutants_formatters.py",
    ),
}
"""Every core module named in issue 19 and the tests that cover it."""

KILLED = {1, 3, 37}  # a test failed, pytest failed internally, or the type check caught it
TIMED_OUT = {36, 24, -24, 152, 255}  # the tests never finished (an endless loop): also caught
SURVIVED = {0}


@dataclass(frozen=True, slots=True)
class Score:
    """The outcome for one source file."""

    module: str
    killed: int
    timed_out: int
    survived: tuple[str, ...]
    other: int  # no tests, not checked, crashed

    @property
    def total(self) -> int:
        return self.killed + self.timed_out + len(self.survived) + self.other

    @property
    def share(self) -> float:
        """The mutation score: mutants caught (killed or timed out) over all mutants."""
        return (self.killed + self.timed_out) / self.total if self.total else 0.0


def _copy_tracked(target: Path) -> None:
    """Copy the tracked files as they are in the worktree (edits included) into `target`."""
    names = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, text=True
    ).stdout.split("\0")
    for name in filter(None, names):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def _setup_cfg(modules: list[str], tests: list[str]) -> str:
    """mutmut's settings: only these modules, only these tests, the data the tests read."""
    lines = ["[mutmut]", "source_paths = src", "only_mutate ="]
    lines += [f"    src/langcheck/{m}" for m in modules]
    lines += ["pytest_add_cli_args_test_selection ="] + [f"    {t}" for t in tests]
    lines += ["pytest_add_cli_args =", "    -p", "    no:randomly", "    -p", "    no:cacheprovider"]
    lines += ["also_copy ="] + [f"    {d}" for d in ("rules", "examples", "docs", "benchmarks")]
    return "\n".join(lines) + "\n"


def _scores(work: Path, modules: list[str]) -> list[Score]:
    out = []
    for meta in sorted((work / "mutants" / "src" / "langcheck").rglob("*.py.meta")):
        module = meta.relative_to(work / "mutants" / "src" / "langcheck").as_posix().removesuffix(".meta")
        if not any(Path(module).match(m) for m in modules):
            continue
        codes: dict[str, int | None] = json.loads(meta.read_text())["exit_code_by_key"]
        killed = sum(1 for c in codes.values() if c in KILLED)
        timed_out = sum(1 for c in codes.values() if c in TIMED_OUT)
        survived = tuple(sorted(name for name, c in codes.items() if c in SURVIVED))
        out.append(Score(module, killed, timed_out, survived, len(codes) - killed - timed_out - len(survived)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--module", action="append", help="a module under src/langcheck/ (glob allowed)")
    parser.add_argument("--tests", action="append", help="a test file to run against --module")
    parser.add_argument("--all", action="store_true", help="every core module of issue 19")
    parser.add_argument("--jobs", type=int, default=2, help="mutants tested at once (default 2)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (to run `mutmut show`)")
    parser.add_argument("--show", action="store_true", help="print the diff of every surviving mutant")
    args = parser.parse_args(argv)

    if args.module:
        plan = {m: tuple(args.tests or ()) for m in args.module}
        if not args.tests:
            parser.error("--module needs --tests: the test files that cover it")
    else:
        plan = CORE if args.all else QUICK
    modules = list(plan)
    tests = sorted({t for ts in plan.values() for t in ts if (ROOT / t).exists()})
    mutmut = shutil.which("mutmut", path=str(Path(sys.executable).parent)) or shutil.which("mutmut")
    if mutmut is None:
        print('mutmut is not installed; run: pip install -e ".[mutation]"', file=sys.stderr)
        return 2

    work = args.keep or Path(tempfile.mkdtemp(prefix="langcheck-mutation-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        _copy_tracked(work)
        (work / "setup.cfg").write_text(_setup_cfg(modules, tests), encoding="utf-8")
        run = subprocess.run([mutmut, "run", "--max-children", str(args.jobs)], cwd=work, check=False)
        if run.returncode not in (0, 1):
            print(f"mutmut stopped with status {run.returncode}", file=sys.stderr)
            return 2
        scores = _scores(work, modules)
        print(f"\n{'module':<28} {'killed':>7} {'timeout':>8} {'survived':>9} {'other':>6} {'score':>7}")
        for s in scores:
            row = f"{s.killed:>7} {s.timed_out:>8} {len(s.survived):>9} {s.other:>6}"
            print(f"{s.module:<28} {row} {s.share:>7.1%}")
        caught = sum(s.killed + s.timed_out for s in scores)
        total = sum(s.total for s in scores)
        print(f"all: {caught} of {total} mutants caught ({caught / max(total, 1):.1%})")
        for s in scores:
            for name in s.survived:
                print(f"survived: {name}")
                if args.show:
                    subprocess.run([mutmut, "show", name], cwd=work, check=False)
        return 0
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
