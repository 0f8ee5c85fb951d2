"""Behaviours an audit (issue 19) could break without any test failing, now each pinned.

Every test here was checked by planting its bug by hand: it fails with the bug and passes
without. The `fix --write` tests observe only what a user can see (the file, its inode, the
folder, the exit status and the counts), so they hold for any safe way of writing.
"""

from __future__ import annotations

import json
import re
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from langcheck import Config, Linter
from langcheck.cli import cli
from langcheck.context import analyse, find_quotes
from langcheck.engine import CompiledRules
from langcheck.nlp import load_pipeline
from langcheck.ruleset import load_pack

MakePack = Callable[..., Path]
PACK = Path(__file__).parent / "fixtures" / "pack"
FIXED = ["--isolated", "--extend-rules", str(PACK), "--select", "TS001,TS002"]
RISK = "Jade (14) is putting herself at risk."
ABUSE = "She disclosed historic abuse."
LINTER = Linter(Config(extend_rules=(PACK,), select=("TS001", "TS002")))


def ids(text: str, linter: Linter = LINTER) -> list[tuple[str, int]]:
    return [(f.rule_id, f.line) for f in linter.check(text)]


# fix --write ------------------------------------------------------------------------------------


def test_fix_write_replaces_the_file_rather_than_writing_into_it(tmp_path: Path) -> None:
    """A reader holding the old file sees it whole: the new text arrives by rename, not in place."""
    note = tmp_path / "note.txt"
    note.write_text(f"{ABUSE}\n")
    inode = note.stat().st_ino
    with note.open("rb") as old:
        result = CliRunner().invoke(cli, ["fix", str(note), "--write", *FIXED])
        assert result.exit_code == 0, result.output
        assert old.read() == f"{ABUSE}\n".encode()
    assert note.read_text() == "She disclosed non-recent abuse.\n"
    assert note.stat().st_ino != inode


def _langcheck(args: list[str], *, max_file_bytes: int | None = None) -> subprocess.CompletedProcess[str]:
    """Run langcheck in a child process, optionally unable to write a file past `max_file_bytes`.

    RLIMIT_FSIZE makes a real write fail with EFBIG (Python ignores SIGXFSZ), which works for
    root too, unlike a read-only folder.
    """

    def limit() -> None:
        if max_file_bytes is not None:
            _, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
            resource.setrlimit(resource.RLIMIT_FSIZE, (max_file_bytes, hard))

    return subprocess.run(
        [sys.executable, "-m", "langcheck", *args],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit,
        check=False,
    )


def test_a_write_that_fails_leaves_no_temporary_file_is_counted_and_fails_the_run(tmp_path: Path) -> None:
    small = tmp_path / "small.txt"
    large = tmp_path / "large.txt"
    small.write_text(f"{ABUSE}\n")  # fixed: 32 bytes, under the limit
    large_text = "Background. " * 10 + f"{ABUSE}\n"  # fixed: over the limit
    large.write_text(large_text)
    warm = _langcheck(["fix", str(small), *FIXED])  # fills the pack cache while writes may grow
    assert warm.returncode == 1, warm.stderr

    run = _langcheck(["fix", str(small), str(large), "--write", *FIXED], max_file_bytes=64)

    assert run.returncode == 2, (run.stdout, run.stderr)
    assert str(large) in run.stderr and "Traceback" not in run.stderr
    assert large.read_text() == large_text  # the user's text is never lost
    assert small.read_text() == "She disclosed non-recent abuse.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["large.txt", "small.txt"]
    assert re.search(r"\b1 fix\b", run.stdout), run.stdout  # the fix that failed is not counted


# negation ---------------------------------------------------------------------------------------


def test_a_match_that_opens_a_subordinate_clause_is_negated_only_right_before_it(make_pack: MakePack) -> None:
    pack = load_pack(make_pack(['phrase: "because of her own actions"'], unless="[negated]"))
    compiled = CompiledRules(pack, load_pipeline())
    assert compiled.findings("Ana is at risk, not because of her own actions.") == []
    # The earlier negation belongs to the main clause, not to the match.
    assert [f.text for f in compiled.findings("Ana is not safe at home because of her own actions.")] == [
        "because of her own actions"
    ]


# quotes -----------------------------------------------------------------------------------------


def test_a_span_that_only_starts_inside_a_quote_is_not_quoted() -> None:
    text = 'She said "I went" to the flat.'
    ctx = analyse(text)
    went = text.index("went")
    assert ctx.in_quotes(went, went + len("went"))
    assert not ctx.in_quotes(went, len(text) - 1)
    assert not ctx.in_quotes(0, went + len("went"))


def test_a_quote_never_runs_across_a_blank_line() -> None:
    text = 'She said "I chose to go.\n\nLater she said "no" to staff.'
    assert [text[s:e] for s, e in find_quotes(text)] == ['"no"']


# age boundary (the rest is in test_presumption.py) ------------------------------------------------


def test_a_record_header_age_of_17_is_a_child_and_18_an_adult(make_pack: MakePack) -> None:
    compiled = CompiledRules(load_pack(make_pack(['phrase: "sexually active"'], applies_to="child")), load_pipeline())
    assert [f.text for f in compiled.findings("Name: Chloe Smith\nAge: 17\n\nShe is sexually active.")] == [
        "sexually active"
    ]
    assert compiled.findings("Name: Chloe Smith\nAge: 18\n\nShe is sexually active.") == []


# directives -------------------------------------------------------------------------------------


def test_enable_closes_only_a_disable_of_the_same_rules() -> None:
    both = f"{RISK} {ABUSE}"
    text = f"langcheck: disable[TS001]\n{both}\nlangcheck: enable[TS002]\n{both}\nlangcheck: enable[TS001]\n{both}"
    assert ids(text) == [("TS002", 2), ("TS002", 4), ("TS001", 6), ("TS002", 6)]


def test_enable_closes_the_matching_block_not_the_most_recent_one() -> None:
    both = f"{RISK} {ABUSE}"
    text = f"langcheck: disable[TS002]\nlangcheck: disable[TS001]\nlangcheck: enable[TS002]\n{both}"
    assert [(rule, line) for rule, line in ids(text) if rule.startswith("TS")] == [("TS002", 4)]


def test_disable_next_line_on_the_last_line_silences_nothing() -> None:
    assert ids(f"{RISK}\n{RISK} langcheck: disable-next-line[TS001]") == [("TS001", 1), ("TS001", 2)]
    assert ids(f"{RISK} langcheck: disable-next-line[TS001]\n\n") == [("TS001", 1)]
    reporting = Linter(Config(extend_rules=(PACK,), select=("TS001",), report_unused_suppressions=True))
    assert [f.rule_id for f in reporting.check(f"{RISK} langcheck: disable-next-line[TS001]")] == ["TS001", "LC001"]


# SARIF ------------------------------------------------------------------------------------------


def _fingerprints(*paths: Path) -> list[tuple[str, int, str]]:
    result = CliRunner().invoke(cli, ["check", *map(str, paths), "--format", "sarif", *FIXED])
    assert result.exit_code == 0, result.output  # TS002 is an info finding, which fails nothing
    return [
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["partialFingerprints"]["langcheck/v1"],
        )
        for r in json.loads(result.stdout)["runs"][0]["results"]
    ]


def test_sarif_fingerprint_follows_the_path_and_survives_lines_moving(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(f"{ABUSE}\n")
    second.write_text(f"{ABUSE}\n")
    (_, _, fa), (_, _, fb) = _fingerprints(first, second)
    assert fa != fb  # same line and words, different files: two alerts
    first.write_text(f"A line added above.\n\n{ABUSE}\n")
    ((_, line, moved),) = _fingerprints(first)
    assert (line, moved) == (3, fa)  # the same alert, three lines down
