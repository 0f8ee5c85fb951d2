"""What a new user meets first: settings errors, the conventions of ruff and codespell, the
Python API's forms, custom packs, output at a real terminal's width, and stopping `serve`."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

import langcheck
from langcheck import Config, ConfigError, Linter, Severity, Subject
from langcheck.cli import cli

REPO = Path(__file__).resolve().parents[1]
PACK = str(Path(__file__).parent / "fixtures" / "pack")
NOTE = "Jade (14) has been putting herself at risk.\n"
FIXED = ["--isolated", "--extend-rules", PACK, "--select", "TS001"]
ANSI = re.compile(r"\x1b\[[0-9;]*m")
LONG = (
    "Jade (14) has been putting herself at risk by going to addresses unknown to carers with older men "
    "who give her alcohol, cigarettes and lifts, and she is exploited there.\n"
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


# --- a bad setting is one line, before any file is read -------------------------------------


def readme_config() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return readme.split("```toml\n# .langcheck.toml\n", 1)[1].split("```", 1)[0]


def test_the_readme_config_verbatim_is_one_error_line_and_no_file_is_checked(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / ".langcheck.toml").write_text(readme_config(), encoding="utf-8")
    for name in ("a.txt", "b.md", "c.txt", "d.rst"):
        (tmp_path / name).write_text(NOTE, encoding="utf-8")
    result = runner.invoke(cli, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert "extend-rules" in result.stderr and "team-rules is not a folder of rules" in result.stderr
    assert result.stdout == ""  # nothing was read, so there is no summary of files


def test_a_bad_config_in_a_subfolder_stops_the_run_once(runner: CliRunner, tmp_path: Path) -> None:
    for sub in ("one", "two"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "note.txt").write_text(NOTE, encoding="utf-8")
    (tmp_path / "two" / ".langcheck.toml").write_text('subject = "teen"\n', encoding="utf-8")
    result = runner.invoke(cli, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "subject: is 'teen'" in result.stderr
    assert result.stdout == ""


def test_a_missing_path_is_not_counted_as_a_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["check", str(tmp_path / "nosuch")])
    assert result.exit_code == 2
    assert "No findings in 1 file" not in result.stdout
    assert result.stdout == "Nothing was checked: 1 error (see above).\n"
    good = tmp_path / "good.txt"
    good.write_text("A clean note.\n", encoding="utf-8")
    both = runner.invoke(cli, ["check", str(tmp_path / "nosuch"), str(good), "--format", "json"])
    assert json.loads(both.stdout)["summary"]["files"] == 1


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('[per-file-ignores]\n"training/*" = ["agencyy"]\n', "per-file-ignores: 'training/*': 'agencyy' names no rule"),
        ('ignore = ["NOPE999"]\n', "ignore: 'NOPE999' names no rule"),
        ('select = ["AG", "NOPE1"]\n', "select: 'NOPE1' names no rule"),
        ("exclude = 5\n", 'exclude: must be a list of strings, like ["archive/", "*.draft.md"]'),
        ('exclude = ["notes/[abc"]\n', "exclude: 'notes/[abc' has a '[' with no ']'"),
        ('exclude = ["/archive"]\n', "exclude: '/archive' is an absolute path"),
        ('extend-rules = ["empty"]\n', "empty holds no rule files"),
    ],
)
def test_config_mistakes_name_the_file(runner: CliRunner, tmp_path: Path, body: str, expected: str) -> None:
    (tmp_path / "empty").mkdir()
    config = tmp_path / ".langcheck.toml"
    config.write_text(body, encoding="utf-8")
    (tmp_path / "note.txt").write_text(NOTE, encoding="utf-8")
    result = runner.invoke(cli, ["check", str(tmp_path / "note.txt")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"error: invalid config: {config}: "), result.stderr
    assert expected in result.stderr


def test_a_pyproject_that_is_not_toml_is_an_error_not_skipped(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.langcheck\nselect = ['AG']\n", encoding="utf-8")
    (tmp_path / "note.txt").write_text(NOTE, encoding="utf-8")
    result = runner.invoke(cli, ["check", str(tmp_path / "note.txt")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert f"{tmp_path / 'pyproject.toml'}: file: is not valid TOML" in result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--select", "AG01X"], "invalid config: command line: --select: 'AG01X' names no rule"),
        (["--ignore", "nope"], "invalid config: command line: --ignore: 'nope' names no rule"),
        (["--extend-select", "zz*"], "invalid config: command line: --extend-select: 'zz*' names no rule"),
        (["--exclude", "[x"], "invalid config: command line: --exclude: '[x' has a '[' with no ']'"),
    ],
)
def test_command_line_mistakes_say_so(runner: CliRunner, args: list[str], expected: str) -> None:
    result = runner.invoke(cli, ["check", "-", "--isolated", *args], input=NOTE)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: " + expected), result.stderr
    assert result.stderr.count("\n") == 1


def test_an_empty_extend_rules_folder_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["check", "-", "--isolated", "--extend-rules", str(tmp_path)], input=NOTE)
    assert result.exit_code == 2
    assert f"command line: --extend-rules: {tmp_path} holds no rule files" in result.stderr


def test_the_same_extend_rules_folder_twice_is_one_pack(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / ".langcheck.toml").write_text(f'extend-rules = ["{PACK}"]\n', encoding="utf-8")
    note = tmp_path / "note.txt"
    note.write_text(NOTE, encoding="utf-8")
    twice = ["--extend-rules", PACK, "--extend-rules", PACK]
    result = runner.invoke(cli, ["check", str(note), *twice, "--select", "TS001"])
    assert "already used" not in result.stderr
    assert result.exit_code == 1 and "TS001" in result.stdout


# --- the Python API --------------------------------------------------------------------------


def test_config_accepts_the_obvious_forms() -> None:
    config = Config(subject="child", select="agency, consent", ignore=["AG002"], fail_on="error")
    assert config.subject is Subject.CHILD and config.fail_on is Severity.ERROR
    assert config.select == ("agency", "consent") and config.ignore == ("AG002",)
    findings = Linter(Config(subject="child", select="agency")).check("She has been putting herself at risk.")
    assert [f.rule_id for f in findings] == ["AG001"]  # no age in the text: only subject=child makes it fire
    assert Config(extend_rules=PACK).extend_rules == (Path(PACK),)
    assert Config(per_file_ignores={"training/*": "agency"}).per_file_ignores == (("training/*", ("agency",)),)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"select": {"agency": True}}, "select: is {'agency': True}; pass a string or a list of strings"),
        ({"subject": "teen"}, 'subject: is \'teen\'; pass one of "auto", "child", "adult", or a Subject'),
        ({"fail_on": 3}, "fail_on: is 3; pass one of"),
        ({"include_quotes": "yes"}, "include_quotes: is 'yes'; pass True or False"),
        ({"extend_rules": 5}, "extend_rules: is 5; pass a folder or a list of folders"),
    ],
)
def test_config_rejects_wrong_types_saying_what_to_pass(kwargs: dict[str, object], expected: str) -> None:
    with pytest.raises(ConfigError) as info:
        Config(**kwargs)  # type: ignore[arg-type]
    assert expected in str(info.value)


def test_load_config_finds_settings_as_the_cli_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".langcheck.toml").write_text('select = ["agency"]\nsubject = "child"\n', encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    found = langcheck.load_config()
    assert found.select == ("agency",) and found.subject is Subject.CHILD
    assert found.source == (tmp_path / ".langcheck.toml").resolve()
    assert langcheck.load_config(deep / "note.txt").select == ("agency",)
    assert langcheck.load_config(tmp_path / ".langcheck.toml").subject is Subject.CHILD
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "pyproject.toml").write_text('[tool.langcheck]\nignore = ["NOPE9"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"pyproject\.toml: ignore: 'NOPE9' names no rule"):
        langcheck.load_config(tmp_path / "other")


def test_load_config_without_a_file_gives_the_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from langcheck.config import find_config_file

    monkeypatch.chdir(tmp_path)
    if find_config_file(tmp_path) is not None:
        pytest.skip("a config file above the temporary folder")
    assert langcheck.load_config() == Config()


# --- conventions from ruff and codespell ------------------------------------------------------


def test_output_file(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "findings.json"
    result = runner.invoke(cli, ["check", "-", *FIXED, "--format", "json", "-o", str(out)], input=NOTE)
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["findings"][0]["rule"] == "TS001"
    text = tmp_path / "findings.txt"
    runner.invoke(cli, ["check", "-", *FIXED, "--output-file", str(text)], input=NOTE)
    assert "\x1b[" not in text.read_text(encoding="utf-8")
    assert text.read_text(encoding="utf-8").endswith("1 finding in 1 of 1 file (1 warning).\n")


def test_quiet_prints_findings_only(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["check", "-", *FIXED, "-q", "--format", "concise"], input=NOTE)
    assert result.stdout.startswith("-:1:20: TS001") and "Found" not in result.stdout
    text = runner.invoke(cli, ["check", "-", *FIXED, "--quiet"], input=NOTE)
    assert "finding in" not in text.stdout and "TS001" in text.stdout
    clean = runner.invoke(cli, ["check", "-", *FIXED, "-q"], input="A clean note.\n")
    assert (clean.exit_code, clean.stdout) == (0, "")


def test_exit_zero(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["check", "-", *FIXED, "--exit-zero"], input=NOTE)
    assert result.exit_code == 0 and "TS001" in result.stdout
    missing = runner.invoke(cli, ["check", str(tmp_path / "nope.txt"), *FIXED, "--exit-zero"])
    assert missing.exit_code == 2  # an error is still an error


def test_stdin_filename_applies_per_file_ignores_and_format(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / ".langcheck.toml").write_text('[per-file-ignores]\n"training/*" = ["AG001"]\n', encoding="utf-8")
    (tmp_path / "training").mkdir()
    args = ["check", "-", "--select", "AG001", "--format", "concise", "--stdin-filename"]
    ignored = runner.invoke(cli, [*args, str(tmp_path / "training" / "slide.txt")], input=NOTE)
    assert (ignored.exit_code, ignored.stdout) == (0, "Found 0 findings.\n")
    named = runner.invoke(cli, [*args, str(tmp_path / "case.txt")], input=NOTE)
    assert named.exit_code == 1 and named.stdout.startswith(f"{tmp_path / 'case.txt'}:1:20: AG001")
    code = "Jade (14) wrote `putting herself at risk` on the form.\n"
    as_markdown = runner.invoke(cli, [*args, str(tmp_path / "case.md")], input=code)
    assert as_markdown.exit_code == 0  # inline code in Markdown is not prose
    as_text = runner.invoke(cli, [*args, str(tmp_path / "case.txt")], input=code)
    assert as_text.exit_code == 1


def test_color(runner: CliRunner) -> None:
    always = runner.invoke(cli, ["check", "-", *FIXED, "--color", "always"], input=NOTE)
    assert "\x1b[" in always.stdout
    never = runner.invoke(cli, ["check", "-", *FIXED, "--color", "never"], input=NOTE)
    assert "\x1b[" not in never.stdout
    auto = runner.invoke(cli, ["check", "-", *FIXED], input=NOTE)  # not a terminal
    assert "\x1b[" not in auto.stdout


def test_extend_select_extend_ignore_and_exclude(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / ".langcheck.toml").write_text(f'extend-rules = ["{PACK}"]\nselect = ["TS001"]\n', encoding="utf-8")
    note = tmp_path / "note.txt"
    note.write_text(NOTE + "She disclosed historic abuse.\n", encoding="utf-8")

    def rules(*args: str) -> list[str]:
        out = runner.invoke(cli, ["check", str(tmp_path), "--format", "json", *args]).stdout
        return sorted({f["rule"] for f in json.loads(out)["findings"]})

    assert rules() == ["TS001"]
    assert rules("--extend-select", "TS002") == ["TS001", "TS002"]
    assert rules("--extend-select", "TS002", "--extend-ignore", "TS001") == ["TS002"]
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "d.txt").write_text(NOTE, encoding="utf-8")
    everything = runner.invoke(cli, ["check", str(tmp_path), "--format", "json"]).stdout
    paths = {f["path"] for f in json.loads(everything)["findings"]}
    assert str(tmp_path / "drafts" / "d.txt") in paths
    out = runner.invoke(cli, ["check", str(tmp_path), "--format", "json", "--exclude", "drafts"]).stdout
    assert {f["path"] for f in json.loads(out)["findings"]} == {str(note)}


def test_folder_search_passes_over_other_files_silently(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text(NOTE, encoding="utf-8")
    (tmp_path / "data.json").write_text("{}", encoding="utf-8")
    (tmp_path / "tool.py").write_text("print()\n", encoding="utf-8")
    quiet = runner.invoke(cli, ["check", str(tmp_path), *FIXED])
    assert quiet.stdout.endswith("1 finding in 1 of 1 file (1 warning).\n")
    assert "skipped" not in quiet.output
    verbose = runner.invoke(cli, ["check", str(tmp_path), *FIXED, "--verbose"])
    assert verbose.stdout.endswith("2 files skipped (2 unsupported type).\n")


def test_a_named_file_langcheck_cannot_read_is_still_an_error(runner: CliRunner, tmp_path: Path) -> None:
    old = tmp_path / "old.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    result = runner.invoke(cli, ["check", str(old)])
    assert result.exit_code == 2 and f"{old}: is a .doc file" in result.stderr


def test_fix_on_standard_input_prints_the_fixed_text(runner: CliRunner) -> None:
    text = "She disclosed historic abuse.\nThe second line.\n"
    result = runner.invoke(cli, ["fix", "-", "--isolated"], input=text)
    assert result.exit_code == 0
    assert result.stdout == "She disclosed non-recent abuse.\nThe second line.\n"
    assert result.stderr == "Applied 1 fix.\n"
    clean = runner.invoke(cli, ["fix", "-", "--isolated"], input="Nothing to change here.")
    assert (clean.exit_code, clean.stdout) == (0, "Nothing to change here.")


def test_sarif_names_standard_input_as_the_other_formats_do(runner: CliRunner) -> None:
    paths = {}
    for fmt in ("json", "sarif", "github"):
        out = runner.invoke(cli, ["check", "-", *FIXED, "--format", fmt], input=NOTE).stdout
        if fmt == "json":
            paths[fmt] = json.loads(out)["findings"][0]["path"]
        elif fmt == "sarif":
            paths[fmt] = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
                "artifactLocation"
            ]["uri"]
        else:
            paths[fmt] = re.search(r"file=([^,]*),", out).group(1)  # type: ignore[union-attr]
    assert paths == {"json": "-", "sarif": "-", "github": "-"}


# --- langcheck init and shell completion ------------------------------------------------------


@pytest.mark.parametrize("team", ["children", "adults"])
def test_init_writes_a_valid_commented_starter(runner: CliRunner, tmp_path: Path, team: str) -> None:
    from langcheck.cli.init import Team, starter

    result = runner.invoke(cli, ["init", "--team", team, str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = tmp_path / ".langcheck.toml"
    assert written.read_text(encoding="utf-8") == starter(Team(team))
    assert written.read_text(encoding="utf-8").count("\n# ") >= 8  # every setting explained
    config = langcheck.load_config(written)
    assert config.subject is (Subject.AUTO if team == "children" else Subject.ADULT)
    (tmp_path / "note.txt").write_text("She is sexually active with older men.\n", encoding="utf-8")
    checked = runner.invoke(cli, ["check", str(tmp_path / "note.txt")])  # a rule about children only
    assert checked.exit_code == (1 if team == "children" else 0), checked.output


def test_init_never_replaces_a_file(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / ".langcheck.toml").write_text("# ours\n", encoding="utf-8")
    result = runner.invoke(cli, ["init", str(tmp_path)])
    assert result.exit_code == 2
    assert "already exists" in result.stderr and result.stderr.count("\n") == 1
    assert (tmp_path / ".langcheck.toml").read_text(encoding="utf-8") == "# ours\n"


def test_shell_completion_as_documented() -> None:
    exe = Path(sys.executable).with_name("langcheck")
    env = {**os.environ, "_LANGCHECK_COMPLETE": "bash_source"}
    script = subprocess.run([str(exe)], env=env, capture_output=True, text=True, check=True, timeout=60).stdout
    assert "complete " in script and "_langcheck_completion" in script
    env = {**os.environ, "_LANGCHECK_COMPLETE": "bash_complete", "COMP_WORDS": "langcheck ch", "COMP_CWORD": "1"}
    words = subprocess.run([str(exe)], env=env, capture_output=True, text=True, check=True, timeout=60).stdout
    assert "plain,check" in words
    assert "_LANGCHECK_COMPLETE=bash_source langcheck" in (REPO / "README.md").read_text(encoding="utf-8")


# --- help texts -------------------------------------------------------------------------------


def test_main_help_does_not_cut_command_summaries(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--help"], terminal_width=80)
    commands = result.stdout.split("Commands:\n", 1)[1].splitlines()
    assert len(commands) == len(cli.commands)
    for line in commands:
        assert not line.rstrip().endswith("..."), line
        assert len(line.split(None, 1)) == 2, line


def test_test_rules_help_shows_dir_as_optional(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["test-rules", "--help"])
    assert "Usage: cli test-rules [OPTIONS] [DIR]" in result.stdout or "test-rules [OPTIONS] [DIR]" in result.stdout


def test_rules_help_describes_the_table_it_prints(runner: CliRunner) -> None:
    help_text = " ".join(runner.invoke(cli, ["rules", "--help"]).stdout.split())
    assert "what each one flags" not in help_text
    assert "id, name, category, severity and whom each is about" in help_text
    header = runner.invoke(cli, ["rules"], terminal_width=200).stdout.splitlines()[2]
    assert [c for c in re.split(r"[\s┃│|]+", header) if c] == ["ID", "name", "category", "severity", "about"]


# --- custom packs -----------------------------------------------------------------------------


def test_explain_and_rules_know_extend_rules_and_the_config(runner: CliRunner, tmp_path: Path) -> None:
    by_flag = runner.invoke(cli, ["explain", "TS001", "--extend-rules", PACK])
    assert by_flag.exit_code == 0 and "TS001 put-self-at-risk" in by_flag.stdout
    assert "A source for the test pack" in by_flag.stdout  # the pack's own sources.yaml
    (tmp_path / ".langcheck.toml").write_text(f'extend-rules = ["{PACK}"]\n', encoding="utf-8")
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        by_config = runner.invoke(cli, ["explain", "TS002"])
        listed = runner.invoke(cli, ["rules", "--format", "json"])
        isolated = runner.invoke(cli, ["explain", "TS002", "--isolated"])
    finally:
        os.chdir(old)
    assert by_config.exit_code == 0 and "TS002" in by_config.stdout
    assert {"TS001", "TS002", "AG001"} <= {r["id"] for r in json.loads(listed.stdout)}
    assert isolated.exit_code == 2


def test_the_rule_template_in_the_docs_passes_test_rules(runner: CliRunner, tmp_path: Path) -> None:
    doc = (REPO / "docs" / "writing-rules.md").read_text(encoding="utf-8")
    template = doc.split("```yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "agency").mkdir()
    (tmp_path / "agency" / "TM001-put-self-at-risk.yaml").write_text(template, encoding="utf-8")
    result = runner.invoke(cli, ["test-rules", str(tmp_path), "--strict"])
    assert result.exit_code == 0, result.output
    assert "Examples that do not bite: 0 " in result.stdout
    pack_section = doc.split("## A pack of your own", 1)[1].split("\n## ", 1)[0]
    sources = pack_section.split("```yaml\n", 1)[1].split("```", 1)[0]  # the documented sources.yaml
    (tmp_path / "sources.yaml").write_text(sources, encoding="utf-8")
    own = template.replace("id: TM001", "id: TM002").replace("sources: [HMI24, CARDIFF]", "sources: [HMI24, TEAMGUIDE]")
    (tmp_path / "agency" / "TM001-put-self-at-risk.yaml").unlink()
    (tmp_path / "agency" / "TM002-put-self-at-risk.yaml").write_text(own, encoding="utf-8")
    assert runner.invoke(cli, ["test-rules", str(tmp_path)]).exit_code == 0
    explained = runner.invoke(cli, ["explain", "TM002", "--isolated", "--extend-rules", str(tmp_path)])
    assert "Recording language guide for the exploitation team" in explained.stdout


# --- a real terminal's width --------------------------------------------------------------------


def words_of(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z][A-Za-z'-]+", text))


@pytest.mark.parametrize("columns", [80, 200])
def test_check_wraps_between_words_with_a_hanging_indent(runner: CliRunner, columns: int) -> None:
    args = ["check", "-", "--isolated", "--select", "AG001", "--color", "always"]
    result = runner.invoke(cli, args, input=LONG, env={"COLUMNS": str(columns)})
    lines = ANSI.sub("", result.stdout).splitlines()
    assert all(len(line) <= columns for line in lines), [line for line in lines if len(line) > columns]
    plain = runner.invoke(cli, ["check", "-", "--isolated", "--select", "AG001"], input=LONG).stdout
    prose = [line for line in lines if not re.match(r"\d* *\|", line)]
    passage = next(line for line in lines if line.startswith("1 | "))
    assert words_of(" ".join(prose)) == words_of(" ".join(x for x in plain.splitlines() if not re.match(r"\d* *\|", x)))
    assert words_of(passage) <= words_of(LONG)  # the passage is cut to fit, between words
    head = next(i for i, line in enumerate(lines) if line.startswith("-:1:20: AG001"))
    instead = next(i for i, line in enumerate(lines) if line.startswith("  = instead: "))
    if columns == 80:
        assert lines[head + 1].startswith("    ") and lines[head + 1].strip()  # the message goes on, indented
        assert lines[instead + 1].startswith(" " * 13) and lines[instead + 1].strip()
    else:
        assert lines[head + 1].strip() == "|"


def test_text_formatter_with_a_recording_console() -> None:
    from rich.console import Console

    from langcheck.formatters.text import write_text
    from langcheck.report import FileReport, Report, finding_lines

    findings = Linter(Config(select="AG001")).check(LONG.strip())
    lines = finding_lines(findings, [(f.line, LONG.strip()) for f in findings])
    report = Report((FileReport("-", tuple(findings), lines=lines),), ())
    console = Console(record=True, width=80, force_terminal=True, color_system=None)
    write_text(report, console)
    text = console.export_text()
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "exploitati\non" not in text and "exploiting\n" not in text.replace("exploiting her", "")


@pytest.mark.parametrize("columns", [80, 200])
def test_explain_wraps_and_renders_placeholders(runner: CliRunner, columns: int) -> None:
    result = runner.invoke(cli, ["explain", "AG001", "--color", "always"], env={"COLUMNS": str(columns)})
    text = ANSI.sub("", result.stdout)
    assert "{them}" not in text and "{" not in text
    assert "exploiting her" in text
    long_lines = [line for line in text.splitlines() if len(line) > columns and " " in line.strip()]
    assert not long_lines or all("http" in line for line in long_lines)  # only an unbreakable URL may overflow
    plain = runner.invoke(cli, ["explain", "AG001"]).stdout
    assert words_of(text) == words_of(plain)
    if columns == 80:
        assert "\n    --include-quotes)" in text  # a bullet continues under its text


def test_explain_in_tmux_at_80_columns(tmp_path: Path) -> None:
    tmux = shutil.which("tmux")
    if tmux is None:
        pytest.skip("needs tmux")
    exe = Path(sys.executable).with_name("langcheck")
    session = f"langcheck-{os.getpid()}"
    socket_name = str(tmp_path / "tmux.sock")
    base = [tmux, "-S", socket_name]
    done = tmp_path / "done"
    command = f"{exe} explain AG001 --color never; touch {done}; sleep 30"
    subprocess.run([*base, "new-session", "-d", "-s", session, "-x", "80", "-y", "200", command], check=True)
    try:
        for _ in range(600):
            if done.exists():
                break
            threading.Event().wait(0.1)
        screen = subprocess.run(
            [*base, "capture-pane", "-p", "-t", session, "-S", "-200"], capture_output=True, text=True, check=True
        ).stdout
    finally:
        subprocess.run([*base, "kill-server"], check=False, capture_output=True)
    assert "the\nauthor" in screen or "the author" in screen
    assert "the a\nuthor" not in screen
    bullet = "\n  - inside quotation marks: the writer is recording someone's words (shown with\n    --include-quotes)"
    assert bullet in screen


# --- stopping serve -----------------------------------------------------------------------------


def test_ctrl_c_stops_serve_quietly_with_status_0(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "langcheck", "serve", "--port", "0", "--isolated", "--select", "AG001"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=tmp_path)
    lines: list[str] = []
    ready = threading.Event()

    def drain() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line)
            if "Stop with Ctrl+C" in line:
                ready.set()
        ready.set()

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        assert ready.wait(120), lines
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        reader.join(timeout=10)
        assert proc.stdout is not None
        proc.stdout.close()
    output = "".join(lines)
    assert code == 0, output
    assert "Aborted" not in output and "Traceback" not in output
    assert output.rstrip().endswith("langcheck serve: stopped.")


def test_ctrl_c_stops_a_check_with_130_and_one_line() -> None:
    exe = Path(sys.executable).with_name("langcheck")
    proc = subprocess.Popen(
        [str(exe), "check", "-", "--isolated"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        threading.Event().wait(3)  # started and waiting for standard input
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 130
    assert err.strip() == "langcheck: interrupted" and out == ""
