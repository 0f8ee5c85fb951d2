"""LibreOffice Writer's own LanguageTool client, pointed at `langcheck serve`, underlines the findings.

The real thing end to end: `langcheck serve` on a free loopback port; headless soffice with a
temporary profile that enables Writer's built-in LanguageTool client with that server as its
Base URL (as Tools > Options > Language Settings > LanguageTool Server does) and makes it the
grammar checker for en-GB; and Python UNO (in Debian's /usr/bin/python3, where `uno` lives)
asking Writer's ProofreadingIterator to check each paragraph. Writer posts the paragraph
unencoded, so `&`, `%41` and `50%C3` used to cut the text short, shift the offsets or get a 400.

Needs Debian's `libreoffice-writer-nogui` and `python3-uno` (.ci/run installs them). Without them
the test is skipped, saying so; with LANGCHECK_REQUIRE_LIBREOFFICE=1 (set by .ci/run where
apt-get works) it fails instead, so CI cannot skip it silently.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest

import langcheck
from langcheck.models import Severity

DRIVER = Path(__file__).parent / "libreoffice_driver.py"
SYSTEM_PYTHON = Path("/usr/bin/python3")
INSTALL_HINT = "apt-get install libreoffice-writer-nogui python3-uno"

PARAGRAPHS = [
    "Jade (14) & Amy (15) have been putting themselves at risk.",
    "Attendance 100%41 days. Jade (14) has been putting herself at risk.",
    "Ref 50%C3 Jade (14) chose to go missing again.",
    "Kim (34) + Lee (35) have a volatile relationship; 5% of calls & 2+2 visits.",
]
"""The issue's three paragraphs, and one with an info finding to show the other colour."""

ORANGE = 0xD16820
"""Writer's underline for any category id but TYPOS and STYLE: a warning or error."""
BLUE = 0x0000FF
"""Writer's underline for category STYLE: an info finding."""

SERVER_SECONDS = 120.0
OFFICE_SECONDS = 120.0


def libreoffice() -> str:
    """Return the soffice to run, or skip (fail under LANGCHECK_REQUIRE_LIBREOFFICE=1) saying why not."""
    soffice = shutil.which("soffice") or "/usr/lib/libreoffice/program/soffice"
    problem = None
    if not Path(soffice).is_file():
        problem = f"LibreOffice is not installed (no soffice); {INSTALL_HINT}"
    elif not SYSTEM_PYTHON.is_file():
        problem = f"{SYSTEM_PYTHON} (Debian's Python, which holds the uno module) is missing; {INSTALL_HINT}"
    else:
        probe = subprocess.run([str(SYSTEM_PYTHON), "-c", "import uno"], capture_output=True, timeout=60, check=False)
        if probe.returncode != 0:
            problem = f"{SYSTEM_PYTHON} cannot import uno (Python UNO is not installed); {INSTALL_HINT}"
    if problem is not None:
        if os.environ.get("LANGCHECK_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail(f"LANGCHECK_REQUIRE_LIBREOFFICE=1 but {problem}")
        pytest.skip(f"LibreOffice Writer test skipped: {problem}")
    return soffice


@pytest.fixture(scope="module")
def soffice() -> str:
    return libreoffice()


@pytest.fixture(scope="module")
def server(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Run `langcheck serve` (bundled rules, no config) on a free port; yield its base URL."""
    folder = tmp_path_factory.mktemp("serve")
    log = folder / "serve.log"
    command = [sys.executable, "-m", "langcheck", "serve", "--port", "0", "--isolated"]
    with log.open("w", encoding="utf-8") as sink:
        proc = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, cwd=folder)
    try:
        deadline = time.monotonic() + SERVER_SECONDS
        found = None
        while found is None:
            found = re.search(r"page: +(http://127\.0\.0\.1:\d+/)", log.read_text(encoding="utf-8"))
            assert proc.poll() is None, log.read_text(encoding="utf-8")
            assert time.monotonic() < deadline, "langcheck serve did not start in time"
            time.sleep(0.1)
        yield found.group(1)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=20)
    logged = log.read_text(encoding="utf-8")
    assert not [p for p in PARAGRAPHS if p in logged or p[:20] in logged]  # no note text in the log


def write_profile(folder: Path, base_url: str) -> Path:
    """Write a LibreOffice user profile that sends en-GB paragraphs to `base_url`; return its folder.

    These are the settings the LanguageTool Server options page stores, in the file a managed
    rollout would ship (user/registrymodifications.xcu).
    """
    items = [
        (
            "GrammarChecking/LanguageTool",
            '<prop oor:name="BaseURL" oor:op="fuse">',
            f"<value>{escape(base_url)}</value>",
        ),
        ("GrammarChecking/LanguageTool", '<prop oor:name="IsEnabled" oor:op="fuse">', "<value>true</value>"),
        (
            "ServiceManager/GrammarCheckerList",
            '<prop oor:name="en-GB" oor:op="fuse" oor:type="oor:string-list">',
            "<value><it>org.openoffice.lingu.LanguageToolGrammarChecker</it></value>",
        ),
    ]
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    ]
    for path, prop, value in items:
        lines.append(f'<item oor:path="/org.openoffice.Office.Linguistic/{path}">{prop}{value}</prop></item>')
    lines.append("</oor:items>")
    profile = folder / "profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return profile


def proofread_in_writer(soffice: str, profile: Path, folder: Path) -> list[dict[str, Any]]:
    """Start headless soffice with `profile`, proofread PARAGRAPHS through UNO, and stop it."""
    pipe = f"langcheck-test-{uuid.uuid4().hex}"
    paragraphs = folder / "paragraphs.json"
    paragraphs.write_text(json.dumps(PARAGRAPHS), encoding="utf-8")
    command = [soffice, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck"]
    command += [f"-env:UserInstallation={profile.as_uri()}", f"--accept=pipe,name={pipe};urp;"]
    env = {**os.environ, "SAL_USE_VCLPLUGIN": "svp", "HOME": str(folder)}
    with (folder / "soffice.log").open("w", encoding="utf-8") as sink:
        office = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        driven = subprocess.run(
            [str(SYSTEM_PYTHON), str(DRIVER), pipe, str(paragraphs)],
            capture_output=True,
            text=True,
            timeout=OFFICE_SECONDS,
            env=env,
            check=False,
        )
        log = (folder / "soffice.log").read_text(encoding="utf-8", errors="replace")
        assert driven.returncode == 0, f"{driven.stderr}\nsoffice said:\n{log}"
    finally:
        stop(office)
    results: list[dict[str, Any]] = json.loads(driven.stdout)
    return results


def stop(office: subprocess.Popen[bytes]) -> None:
    """Wait for soffice to quit (the driver asked it to), else end its process group."""
    for sig in (None, signal.SIGTERM, signal.SIGKILL):
        if sig is not None:
            os.killpg(office.pid, sig)  # soffice and the soffice.bin it started, in their own group
        try:
            office.wait(timeout=30 if sig is None else 10)
            return
        except subprocess.TimeoutExpired:
            continue


def expected(paragraph: str) -> list[tuple[str, int, str]]:
    """Return what Writer should underline: the words langcheck finds in the text as written."""
    return [
        (paragraph[f.start : f.end], BLUE if f.severity is Severity.INFO else ORANGE, f.rule_id)
        for f in langcheck.check(paragraph)
    ]


def rule_named_in(comment: str) -> str:
    """Return the rule id at the end of the message Writer shows ("... (AG001)")."""
    found = re.search(r"\(([A-Z]+[0-9]+)\)$", comment)
    return found.group(1) if found else f"no rule id in {comment!r}"


@pytest.mark.parametrize("api", ["v2", "v2/"], ids=["base-url", "base-url-with-trailing-slash"])
def test_writer_underlines_exactly_the_blaming_words(soffice: str, server: str, api: str, tmp_path: Path) -> None:
    results = proofread_in_writer(soffice, write_profile(tmp_path, server + api), tmp_path)
    assert [r["text"] for r in results] == PARAGRAPHS
    for paragraph, result in zip(PARAGRAPHS, results, strict=True):
        assert result["checker"] == "org.openoffice.lingu.LanguageToolGrammarChecker"
        got = [(e["words"], e["colour"], rule_named_in(e["comment"])) for e in result["errors"]]
        assert got == expected(paragraph), paragraph
        # the right-click menu offers exactly the replacements, never a hint with [placeholders]
        offered = {(paragraph[f.start : f.end], f.rule_id): list(f.replacements) for f in langcheck.check(paragraph)}
        for e in result["errors"]:
            assert e["suggestions"] == offered[(e["words"], rule_named_in(e["comment"]))]
            assert not any("[" in s for s in e["suggestions"])
    assert any(e["suggestions"] for result in results for e in result["errors"])  # and some are offered


def test_the_paragraphs_have_findings_of_both_colours() -> None:
    """The table means something only if langcheck flags each paragraph, in both colours."""
    found = [expected(p) for p in PARAGRAPHS]
    assert all(found)
    colours = {colour for words in found for _, colour, _ in words}
    assert colours == {ORANGE, BLUE}
