"""The paste-and-check page in headless Chromium: it checks a note and highlights the findings.

Skipped where Chromium is not installed (`.ci/run` installs Debian's `chromium` when it can), except
under LANGCHECK_REQUIRE_CHROMIUM=1 (set by `.ci/run` where Chromium is there): then a missing
Chromium fails every test, so CI cannot pass without them.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import select
import shutil
import struct
import subprocess
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from langcheck import Config, Linter
from langcheck.server import CheckService, Limits, ServerThread, bind, create_app

PACK = Path(__file__).parent / "fixtures" / "pack"
FITPACK = Path(__file__).parent / "fixtures" / "fitpack"
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)
REQUIRED = os.environ.get("LANGCHECK_REQUIRE_CHROMIUM") == "1"
pytestmark = pytest.mark.skipif(CHROMIUM is None and not REQUIRED, reason="Chromium is not installed")


@pytest.fixture(scope="module", autouse=True)
def chromium_present() -> None:
    """Fail, rather than skip, when Chromium is required (LANGCHECK_REQUIRE_CHROMIUM=1) but missing."""
    if CHROMIUM is None:
        pytest.fail("LANGCHECK_REQUIRE_CHROMIUM=1 but Chromium is not installed; install Debian's chromium")


WIDTH, HEIGHT = 1280, 1400
WARNING_MARK = (0xFD, 0xE6, 0x8A)  # --warn-bg in page.py: the highlight behind flagged words


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    service = CheckService(Linter(Config()), Limits())
    service.warm()
    with ServerThread(create_app(service), bind("127.0.0.1", 0)) as base:
        yield base
    service.close()


def flags(profile: Path) -> list[str]:
    """Return headless Chromium's command line: no network but loopback, a fresh profile."""
    assert CHROMIUM is not None
    return [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        f"--window-size={WIDTH},{HEIGHT}",
    ]


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium once (a screenshot or a DOM dump) after the page's script settles."""
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    command = [*flags(profile), "--virtual-time-budget=15000", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def test_example_note_is_checked_and_highlighted_in_the_dom(url: str, tmp_path: Path) -> None:
    result = chromium(tmp_path, "--dump-dom", url + "#example")
    dom = result.stdout
    assert 'id="marked" class="marked"' in dom and 'id="marked" class="marked" hidden' not in dom, result.stderr[-2000:]
    marks = re.findall(r'<a href="#finding-(\d+)" id="mark-\d+" class="mark sev-(\w+)">', dom)
    assert len(marks) >= 3 and any(sev == "warning" for _, sev in marks)
    assert re.search(r'<p id="status" class="status" role="status" aria-live="polite">\d+ findings \(', dom)
    assert "putting herself at risk" in dom and "Write instead" in dom and "Why this matters" in dom


def test_screenshot_shows_the_highlights(url: str, tmp_path: Path) -> None:
    shot = tmp_path / "page.png"
    result = chromium(tmp_path, f"--screenshot={shot}", url + "#example")
    assert shot.is_file(), result.stderr[-2000:]
    width, height, pixels = read_png(shot.read_bytes())
    assert (width, height) == (WIDTH, HEIGHT)
    colours = {pixels[i : i + 3] for i in range(0, len(pixels), 3)}
    assert bytes(WARNING_MARK) in colours  # a flagged phrase is highlighted
    assert bytes((0x0F, 0x2A, 0x4A)) in colours  # the header drew: the page's own style applied
    assert len(colours) > 50  # text was rendered, not a blank page


def read_png(data: bytes) -> tuple[int, int, bytes]:
    """Decode an 8-bit RGB or RGBA PNG (what Chromium writes) into RGB rows."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
    width, height, depth, colour_type = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour_type in (2, 6) and header[12] == 0  # not interlaced
    channels = 3 if colour_type == 2 else 4
    stride = width * channels
    raw = zlib.decompress(idat)
    out = bytearray()
    previous = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        row = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            left = row[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                row[x] = (row[x] + left) & 0xFF
            elif kind == 2:
                row[x] = (row[x] + up) & 0xFF
            elif kind == 3:
                row[x] = (row[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                row[x] = (row[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        previous = row
        for x in range(0, stride, channels):
            out += row[x : x + 3]
    return width, height, bytes(out)


def _above_ten(fd: int) -> int:
    """Return a copy of `fd` numbered 10 or more (so it cannot clash with 3 and 4), closing `fd`."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


class Browser:
    """Drive headless Chromium over the DevTools protocol on a pipe (no network port opened)."""

    def __init__(self, profile: Path) -> None:
        commands_read, self._commands = os.pipe()
        self._replies, replies_write = os.pipe()
        commands_read, replies_write = _above_ten(commands_read), _above_ten(replies_write)
        # Chromium reads commands on fd 3 and writes replies on fd 4; bash puts the pipes there.
        move = f'exec "$0" "$@" 3<&{commands_read} 4>&{replies_write} {commands_read}<&- {replies_write}>&-'
        self.proc = subprocess.Popen(
            ["bash", "-c", move, *flags(profile), "--remote-debugging-pipe", "about:blank"],
            pass_fds=(commands_read, replies_write),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(commands_read)
        os.close(replies_write)
        self._buffer = b""
        self._next = 0
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]

    def send(self, method: str, session: bool = False, **params: Any) -> Any:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + 30
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                reply = json.loads(raw)
                if reply.get("id") == self._next:
                    assert "error" not in reply, reply["error"]
                    return reply["result"]
            assert time.monotonic() < deadline, f"no reply to {method}"
            if select.select([self._replies], [], [], 1)[0]:
                self._buffer += os.read(self._replies, 1 << 20)

    def js(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", session=True, expression=expression, returnByValue=True)
        return result["result"].get("value")

    def key(self, key: str, code: int, modifiers: int = 0) -> None:
        for kind in ("rawKeyDown", "keyUp"):
            self.send(
                "Input.dispatchKeyEvent",
                session=True,
                type=kind,
                key=key,
                code=key,
                windowsVirtualKeyCode=code,
                modifiers=modifiers,
            )
        if key == "Enter" and not modifiers:
            self.send("Input.dispatchKeyEvent", session=True, type="char", text="\r", key="Enter")

    def wait_for(self, expression: str) -> Any:
        deadline = time.monotonic() + 30
        while not (value := self.js(expression)):
            assert time.monotonic() < deadline, f"timed out waiting for {expression}"
            time.sleep(0.05)
        return value

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=20)
        os.close(self._commands)
        os.close(self._replies)


STATUS = "document.getElementById('status').textContent"


def test_page_works_from_the_keyboard(tmp_path: Path) -> None:
    service = CheckService(Linter(Config(extend_rules=(FITPACK,), select=("FP001",))), Limits())
    service.warm()
    with ServerThread(create_app(service), bind("127.0.0.1", 0)) as base:
        browser = Browser(tmp_path / "profile")
        try:
            browser.send("Page.enable", session=True)
            browser.send("Page.navigate", session=True, url=base)
            browser.wait_for("document.readyState === 'complete' && !!document.getElementById('note')")
            browser.key("Tab", 9)
            assert browser.js("document.activeElement.id") == "note"  # the first stop is the textarea
            browser.send("Input.insertText", session=True, text="Jade (14) has been putting herself at risk.")
            browser.key("Enter", 13, modifiers=2)  # Ctrl+Enter checks
            status = browser.wait_for(f"/finding/.test({STATUS}) && {STATUS}")
            assert status.startswith("1 finding (1 warning)")
            assert browser.js("document.querySelector('#mark-1').textContent") == "putting herself at risk1 (finding 1)"
            message = browser.js("document.querySelector('#finding-1 .message').textContent")
            assert message.startswith("'putting herself at risk' makes") and "FP001" not in message  # shown once, above
            for _ in range(3):  # the check button, the example button, then the highlighted words
                browser.key("Tab", 9)
            assert browser.js("document.activeElement.id") == "mark-1"
            browser.key("Enter", 13)
            assert browser.js("document.activeElement.id") == "finding-1"  # the explanation card
            browser.key("Tab", 9)
            assert browser.js("document.activeElement.textContent") == "Use this"
            browser.key("Enter", 13)
            browser.wait_for(f"{STATUS}.startsWith('No findings')")
            replaced = "Jade (14) has been placed at risk by the adults exploiting her."
            assert browser.js("document.getElementById('note').value") == replaced
            assert browser.js("document.activeElement.id") == "note"
        finally:
            browser.close()
    service.close()


# The issue's table (issue 14): each note, and how it reads after "Use this" (or unchanged, with
# the hints shown, where the rule offers no replacement).
TABLE = {
    "Jade (14) has been putting herself at risk.": "Jade (14) has been placed at risk by the adults exploiting her.",
    "The boys (14) were involved in county lines.": "The boys (14) were criminally exploited through county lines.",
    "She provoked him by shouting.": None,
    "Jade (14) chose to go missing again.": "Jade (14) went missing again.",
    "Amy (15) has an older boyfriend.": "Amy (15) has contact with an older male.",
}


def run_table(browser: Browser, base: str, table: dict[str, str | None]) -> None:
    """Check each note on the page; use the first replacement, or see that only hints are offered."""
    browser.send("Page.enable", session=True)
    browser.send("Page.navigate", session=True, url=base)
    browser.wait_for("document.readyState === 'complete' && !!document.getElementById('note')")
    for note, after in table.items():
        browser.js(f"document.getElementById('note').value = {json.dumps(note)}; 'ok'")
        browser.js("document.getElementById('status').textContent = ''; 'ok'")  # no stale answer counts
        browser.js("document.getElementById('check-button').click(); 'ok'")
        browser.wait_for(f"/finding/.test({STATUS}) && {STATUS}")
        buttons = browser.js("[...document.querySelectorAll('#finding-1 button')].map(b => b.textContent)")
        hints = browser.js("[...document.querySelectorAll('#finding-1 ul.hints li')].map(li => li.textContent)")
        assert hints, note  # the hints are shown, each without a button
        if after is None:
            assert buttons == [], note  # nothing a click could put in the note
            continue
        assert buttons and set(buttons) == {"Use this"}, note
        replacement = browser.js("document.querySelector('#finding-1 ul.replacements li span').textContent")
        assert "[" not in replacement, note
        browser.js("document.querySelector('#finding-1 button').click(); 'ok'")
        browser.wait_for(f"{STATUS}.startsWith('No findings')")
        assert browser.js("document.getElementById('note').value") == after


@pytest.mark.parametrize("pack", ["fitpack", "bundled"])
def test_the_issue_table_reads_right_after_use_this(pack: str, tmp_path: Path) -> None:
    fit = Config(extend_rules=(FITPACK,), select=("FP001", "FP002", "FP003", "FP004", "FP005"))
    service = CheckService(Linter(fit if pack == "fitpack" else Config()), Limits())
    service.warm()
    with ServerThread(create_app(service), bind("127.0.0.1", 0)) as base:
        browser = Browser(tmp_path / "profile")
        try:
            run_table(browser, base, TABLE)
        finally:
            browser.close()
    service.close()
