"""`langcheck serve` over real HTTP on loopback: raw requests and the language_tool_python client."""

from __future__ import annotations

import asyncio
import http.client
import json
import logging
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
from click.testing import CliRunner

from langcheck import Config, Linter
from langcheck.cli import cli
from langcheck.server import CheckService, Limits, ServerThread, bind, create_app, is_loopback
from langcheck.server.ltapi import CheckRequest

PACK = Path(__file__).parent / "fixtures" / "pack"
NOTE = "Jade (14) has been putting herself at risk."
FLAGGED = "putting herself at risk"


def start(service: CheckService) -> ServerThread:
    service.warm()
    return ServerThread(create_app(service), bind("127.0.0.1", 0))


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(Config(extend_rules=(PACK,), select=("TS001", "TS002")))


@pytest.fixture(scope="module")
def url(linter: Linter) -> Iterator[str]:
    service = CheckService(linter, Limits(max_request_bytes=100_000, timeout=60))
    with start(service) as base:
        yield base
    service.close()


def call(
    base: str, method: str, path: str, body: bytes | str | None = None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    """Send one request and return (status, lower-cased headers, body)."""
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def check(base: str, params: dict[str, str], content_type: str = "application/x-www-form-urlencoded") -> Any:
    status, headers, body = call(base, "POST", "/v2/check", urlencode(params), {"Content-Type": content_type})
    assert status == 200, body
    assert headers["content-type"] == "application/json"
    return json.loads(body)


def utf16_slice(text: str, offset: int, length: int) -> str:
    units = text.encode("utf-16-le")
    return units[2 * offset : 2 * (offset + length)].decode("utf-16-le")


# the real client


def test_language_tool_python_client(url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import language_tool_python
    import requests.adapters

    seen: list[str] = []
    send = requests.adapters.HTTPAdapter.send

    def recording_send(self: Any, request: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(request.url)
        return send(self, request, *args, **kwargs)

    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", recording_send)
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "lt-downloads"))  # where it would download LanguageTool

    text = "😀 Jade (14) 👍🏽 has been putting herself at risk. She disclosed historic abuse."
    with language_tool_python.LanguageTool("en-GB", remote_server=url) as tool:
        matches = tool.check(text)
        assert [m.rule_id for m in matches] == ["TS001", "TS002"]
        first, second = matches
        # the client turns our UTF-16 offsets back into Python offsets
        assert text[first.offset : first.offset + first.error_length] == FLAGGED
        assert text[second.offset : second.offset + second.error_length] == "historic abuse"
        assert first.replacements == []  # TS001 has hints only, which no client may put in the text
        assert "[name the adults]" in first.message  # they are shown as advice instead
        assert tool.correct(NOTE) == NOTE
        assert first.category == "TESTING" and first.rule_issue_type == "style"
        assert first.sentence == "😀 Jade (14) 👍🏽 has been putting herself at risk."
        assert tool.correct("She disclosed historic abuse.") == "She disclosed non-recent abuse."
        assert tool.check("Jade (14) was seen at the park at 14:00.") == []
        tool.disabled_rules.add("TS001")
        assert [m.rule_id for m in tool.check(text)] == ["TS002"]
    with language_tool_python.LanguageTool("en-US", remote_server=url) as tool:
        assert [m.rule_id for m in tool.check(NOTE)] == ["TS001"]
    assert seen and all(u.startswith(url) for u in seen)  # nothing went anywhere but our server
    assert not (tmp_path / "lt-downloads").exists()  # and nothing was downloaded


FITPACK = Path(__file__).parent / "fixtures" / "fitpack"
TABLE = {  # issue 14: each note, as language_tool_python's correct() leaves it
    "Jade (14) has been putting herself at risk.": "Jade (14) has been placed at risk by the adults exploiting her.",
    "The boys (14) were involved in county lines.": "The boys (14) were criminally exploited through county lines.",
    "She provoked him by shouting.": "She provoked him by shouting.",
    "Jade (14) chose to go missing again.": "Jade (14) went missing again.",
    "Amy (15) has an older boyfriend.": "Amy (15) has contact with an older male.",
}


@pytest.mark.parametrize("pack", ["fitpack", "bundled"])
def test_correct_puts_in_replacements_that_read_right(
    pack: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import language_tool_python

    monkeypatch.setenv("LTP_PATH", str(tmp_path / "lt-downloads"))
    fit = Config(extend_rules=(FITPACK,), select=("FP001", "FP002", "FP003", "FP004", "FP005"))
    linter = Linter(fit if pack == "fitpack" else Config())
    service = CheckService(linter, Limits(timeout=60))
    with start(service) as base, language_tool_python.LanguageTool("en-GB", remote_server=base) as tool:
        for note, after in TABLE.items():
            assert tool.check(note), note
            assert tool.correct(note) == after
        (provoked,) = tool.check("She provoked him by shouting.")
        assert provoked.replacements == [] and "[name the abuser] assaulted her" in provoked.message
    service.close()


def test_language_tool_python_refuses_languages_we_do_not_list(url: str) -> None:
    import language_tool_python

    with pytest.raises(ValueError, match="unsupported language"):
        language_tool_python.LanguageTool("de-DE", remote_server=url)


# raw HTTP


def test_post_form_and_get_query_give_the_same_answer(url: str) -> None:
    posted = check(url, {"text": NOTE, "language": "en-GB"})
    status, _, body = call(url, "GET", "/v2/check?" + urlencode({"text": NOTE, "language": "en-GB"}))
    assert status == 200
    assert json.loads(body)["matches"] == posted["matches"]
    [match] = posted["matches"]
    assert (match["offset"], match["length"], match["rule"]["id"]) == (19, 23, "TS001")


def test_form_body_labelled_as_json_is_read_as_a_form(url: str) -> None:
    data = json.dumps({"annotation": [{"markup": "<b>"}, {"text": NOTE}, {"markup": "</b>"}]})
    answer = check(url, {"data": data, "language": "en-US", "level": "picky", "motherTongue": "de"}, "application/json")
    [match] = answer["matches"]
    assert match["offset"] == 3 + 19  # markup counts for offsets
    assert answer["language"]["code"] == "en-US"


def test_offsets_with_emoji_over_http(url: str) -> None:
    text = "🚨🚨 Update: 👧🏼 Jade (14) has been putting herself at risk."
    [match] = check(url, {"text": text, "language": "auto"})["matches"]
    assert utf16_slice(text, match["offset"], match["length"]) == FLAGGED


def test_clean_text_has_no_matches(url: str) -> None:
    assert check(url, {"text": "Jade (14) was seen at the park at 14:00.", "language": "en"})["matches"] == []


# LibreOffice Writer's unencoded bodies, beside clients that encode

WRITER_PARAGRAPHS = [
    "Jade (14) & Amy (15) said Jade has been putting herself at risk.",
    "Attendance 100%41 days. Jade (14) has been putting herself at risk.",
    "Ref 50%C3 Jade (14)+1 has been putting herself at risk.",
    "🚨 50% + 1 & more: Jade (14) has been putting herself at risk.",
]


def writer_check(base: str, path: str, paragraph: str) -> Any:
    """POST as Writer's built-in client does: raw text, form content type, no User-Agent."""
    body = f"text={paragraph}&language=en-GB".encode()
    status, _, raw = call(base, "POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200, raw
    return json.loads(raw)


@pytest.mark.parametrize("paragraph", WRITER_PARAGRAPHS)
def test_writers_unencoded_paragraphs_are_checked_as_written(url: str, paragraph: str) -> None:
    raw = writer_check(url, "/v2/check", paragraph)
    [match] = raw["matches"]
    assert utf16_slice(paragraph, match["offset"], match["length"]) == FLAGGED
    encoded = check(url, {"text": paragraph, "language": "en-GB"})  # what a client that encodes sends
    assert encoded["matches"] == raw["matches"]


def test_curl_that_encodes_is_unaffected(url: str) -> None:
    curl = shutil.which("curl")
    if curl is None:
        pytest.skip("curl is not installed")
    for paragraph in WRITER_PARAGRAPHS:
        command = [curl, "-sS", "--max-time", "30", url + "v2/check", "--data-urlencode", f"text={paragraph}"]
        out = subprocess.run([*command, "-d", "language=en-GB"], capture_output=True, check=True, timeout=60)
        [match] = json.loads(out.stdout)["matches"]
        assert utf16_slice(paragraph, match["offset"], match["length"]) == FLAGGED


def test_a_client_that_sends_a_user_agent_is_read_as_a_form(url: str) -> None:
    body = "text=Jade (14) has been putting herself at risk & more&language=en-GB"
    headers = {"Content-Type": "application/x-www-form-urlencoded", "User-Agent": "curl/7.88.1"}
    status, _, raw = call(url, "POST", "/v2/check", body, headers)
    assert status == 200 and json.loads(raw)["matches"][0]["length"] == len(FLAGGED)
    status, _, raw = call(url, "POST", "/v2/check", "text=Ref 50%C3 Jade&language=en-GB", headers)
    assert status == 400 and "not UTF-8" in json.loads(raw)["message"]


# paths as people type them


def test_the_check_path_without_v2_also_answers(url: str) -> None:
    status, _, body = call(url, "POST", "/check", urlencode({"text": NOTE}))
    assert status == 200 and json.loads(body)["matches"]


@pytest.mark.parametrize("path", ["/v2//languages", "//v2/languages", "/languages", "//languages", "/v2///languages"])
def test_languages_answer_at_the_paths_people_type(url: str, path: str) -> None:
    status, headers, body = call(url, "GET", path)
    assert (status, headers["content-type"]) == (200, "application/json"), body
    assert body == call(url, "GET", "/v2/languages")[2]


@pytest.mark.parametrize("path", ["/v2//check", "//check", "/check", "//v2//check"])
def test_check_answers_at_the_paths_people_type(url: str, path: str) -> None:
    [match] = writer_check(url, path, WRITER_PARAGRAPHS[0])["matches"]
    assert match["rule"]["id"] == "TS001"
    assert match["rule"]["urls"] == [{"value": url + "rules/TS001"}]


def test_other_api_paths_answer_without_v2_and_with_doubled_slashes(url: str) -> None:
    assert call(url, "GET", "/healthcheck")[::2] == (200, b"OK")
    assert call(url, "GET", "/v2//healthcheck")[::2] == (200, b"OK")
    assert json.loads(call(url, "GET", "/info")[2])["software"]["name"] == "langcheck"
    assert call(url, "GET", "//maxtextlength")[2] == b"100000"
    assert [r["ruleId"] for r in json.loads(call(url, "GET", "/configinfo")[2])["rules"]] == ["TS001", "TS002"]
    assert call(url, "GET", "//rules//ts001")[0] == 200
    assert call(url, "GET", "/v3//languages")[0] == 404


def test_languages_health_info_and_configinfo(url: str) -> None:
    status, _, body = call(url, "GET", "/v2/languages")
    assert status == 200 and {"name": "English (US)", "code": "en", "longCode": "en-US"} in json.loads(body)
    assert call(url, "GET", "/v2/healthcheck")[::2] == (200, b"OK")
    assert call(url, "GET", "/health")[::2] == (200, b"OK")
    assert json.loads(call(url, "GET", "/v2/info")[2])["software"]["name"] == "langcheck"
    assert call(url, "GET", "/v2/maxtextlength")[2] == b"100000"
    rules = json.loads(call(url, "GET", "/v2/configinfo?language=en")[2])["rules"]
    assert [r["ruleId"] for r in rules] == ["TS001", "TS002"]


def test_rule_page_explains_the_rule(url: str) -> None:
    status, headers, body = call(url, "GET", "/rules/ts001")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert b"A fixed copy of a real rule" in body and b"is at risk from the adults" in body
    assert call(url, "GET", "/rules/NOPE")[0] == 404


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "words"),
    [
        ("POST", "/v2/check", "language=en", 400, "missing 'text' or 'data'"),
        ("POST", "/v2/check", "text=a&data=%7B%7D", 400, "not both"),
        ("POST", "/v2/check", "text=a&language=fr-FR", 400, "checks English"),
        ("POST", "/v2/check", "data=%7Bbroken", 400, "not valid JSON"),
        ("POST", "/v2/check", b"text=\xff", 400, "not UTF-8"),
        ("POST", "/v2/check", "text=a&enabledOnly=true", 400, "enabledOnly"),
        ("GET", "/v2/nothing", None, 404, "no such page"),
        ("PUT", "/v2/check", "text=a", 405, "use GET, HEAD, POST"),
    ],
)
def test_bad_requests_get_a_json_error(
    *, url: str, method: str, path: str, body: str | bytes | None, status: int, words: str
) -> None:
    got, headers, raw = call(url, method, path, body)
    assert got == status
    assert headers["content-type"] == "application/json"
    error = json.loads(raw)
    assert error["status"] == status and words in error["message"]


def test_request_larger_than_the_limit_gets_413(url: str) -> None:
    big = urlencode({"text": "a" * 200_000})
    status, _, body = call(url, "POST", "/v2/check", big, {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 413
    assert "larger than 100,000 bytes" in json.loads(body)["message"]
    assert call(url, "GET", "/v2/healthcheck")[0] == 200  # and the server carries on


def test_query_string_counts_towards_the_limit(url: str) -> None:
    # Repeated: a request line arriving in several reads once met h11's 16 KiB buffer instead
    # of the app's limit, and got a reset connection instead of this 413, now and then.
    for _ in range(40):
        status, _, body = call(url, "GET", "/v2/check?" + urlencode({"text": "a" * 60_000}) + "&" + "b" * 50_000)
        assert status == 413 and "POST" in json.loads(body)["message"]


def test_chunked_body_larger_than_the_limit_gets_413(url: str) -> None:
    def chunks() -> Iterator[bytes]:
        yield b"text="
        for _ in range(30):
            yield b"a" * 10_000

    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
    conn.request("POST", "/v2/check", body=chunks(), headers={"Transfer-Encoding": "chunked"}, encode_chunked=True)
    assert conn.getresponse().status == 413
    conn.close()


def test_oversized_expect_continue_is_refused_before_the_body_is_sent(url: str) -> None:
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        sock.sendall(b"POST /v2/check HTTP/1.1\r\nHost: x\r\nContent-Length: 50000000\r\nExpect: 100-continue\r\n\r\n")
        answer = sock.recv(65536)
    assert answer.startswith(b"HTTP/1.1 413 ")


def test_cors_for_browser_clients(url: str) -> None:
    status, headers, _ = call(
        url,
        "OPTIONS",
        "/v2/check",
        headers={
            "Origin": "https://case-system.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
            "Access-Control-Request-Private-Network": "true",
        },
    )
    assert status == 200
    assert headers["access-control-allow-origin"] == "*"
    assert "POST" in headers["access-control-allow-methods"]
    assert headers["access-control-allow-private-network"] == "true"
    status, headers, _ = call(url, "POST", "/v2/check", urlencode({"text": NOTE}), {"Origin": "moz-extension://abc"})
    assert status == 200 and headers["access-control-allow-origin"] == "*"
    assert headers["cache-control"] == "no-store"


def test_page_is_self_contained_with_a_strict_policy(url: str) -> None:
    status, headers, body = call(url, "GET", "/")
    assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
    policy = headers["content-security-policy"]
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy and "'unsafe-inline'" not in policy
    page = body.decode()
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # no asset from anywhere else
    assert '<label for="note">' in page and 'aria-live="polite"' in page


async def _fetch(host: str, port: int, body: bytes) -> tuple[int, bytes]:
    reader, writer = await asyncio.open_connection(host, port)
    head = (
        f"POST /v2/check HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    writer.write(head.encode() + body)
    await writer.drain()
    raw = await reader.read()
    writer.close()
    await writer.wait_closed()
    status_line, _, rest = raw.partition(b"\r\n")
    return int(status_line.split()[1]), rest.partition(b"\r\n\r\n")[2]


def test_400_concurrent_requests_without_an_error(url: str) -> None:
    parts = urlsplit(url)
    texts = [f"Note {i} {'🙂' * (i % 3)}: Jade (14) has been putting herself at risk." for i in range(300)]
    texts += [f"Clean note {i}: Jade (14) was seen at the park." for i in range(100)]

    async def run_all() -> list[tuple[int, bytes]]:
        bodies = [urlencode({"text": t, "language": "en-GB"}).encode() for t in texts]
        return await asyncio.gather(*(_fetch(parts.hostname or "", parts.port or 0, b) for b in bodies))

    results = asyncio.run(asyncio.wait_for(run_all(), timeout=120))
    assert [status for status, _ in results] == [200] * 400
    for text, (_, body) in zip(texts, results, strict=True):
        matches = json.loads(body)["matches"]
        if text.startswith("Clean"):
            assert matches == []
        else:
            [match] = matches
            assert utf16_slice(text, match["offset"], match["length"]) == FLAGGED  # each answer fits its request


# time limits and failures


class SlowService(CheckService):
    """A service whose checks take a second, counting how many it starts."""

    started = 0

    def _answer(self, request: CheckRequest, rule_url: str | None) -> bytes:
        type(self).started += 1
        time.sleep(1.0)
        return super()._answer(request, rule_url)


def test_requests_over_the_time_limit_get_503_and_queued_ones_are_dropped(linter: Linter) -> None:
    service = SlowService(linter, Limits(timeout=0.3))
    with start(service) as base:
        SlowService.started = 0
        results: list[int] = []
        threads = [
            threading.Thread(target=lambda: results.append(call(base, "POST", "/v2/check", "text=" + NOTE)[0]))
            for _ in range(3)
        ]
        began = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert results == [503, 503, 503]
        assert time.monotonic() - began < 1.0  # answered at the limit, not when the check ended
        assert call(base, "GET", "/v2/healthcheck")[0] == 200
        time.sleep(1.2)
        assert SlowService.started == 1  # the two that waited were never checked
    service.close()


def test_bodies_held_at_once_are_bounded_and_given_back(linter: Linter) -> None:
    service = SlowService(linter, Limits(timeout=10, max_held_bytes=5_000))
    body = urlencode({"text": NOTE + " " + "x" * 2_000})
    with start(service) as base:
        results: list[int] = []
        threads = [
            threading.Thread(target=lambda: results.append(call(base, "POST", "/v2/check", body)[0])) for _ in range(3)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(results) == [200, 200, 503]  # two held their 2 KB while waiting; the third was refused
        assert call(base, "POST", "/v2/check", body)[0] == 200  # what they held was given back
    service.close()


def test_a_slow_body_gets_408(linter: Linter) -> None:
    service = CheckService(linter, Limits(timeout=0.3))
    with start(service) as base:
        parts = urlsplit(base)
        with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
            sock.sendall(b"POST /v2/check HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\ntext=abc")
            answer = sock.recv(65536)
        assert answer.startswith(b"HTTP/1.1 408 ")
    service.close()


class BrokenService(CheckService):
    def _answer(self, request: CheckRequest, rule_url: str | None) -> bytes:
        raise ValueError(f"cannot handle {request.text.plain!r}")


def test_an_internal_error_is_a_500_that_logs_no_text(linter: Linter, caplog: pytest.LogCaptureFixture) -> None:
    service = BrokenService(linter, Limits())
    with start(service) as base, caplog.at_level(logging.ERROR, logger="langcheck.server"):
        status, _, body = call(base, "POST", "/v2/check", "text=Zebedee+the+secret")
    service.close()
    assert status == 500 and json.loads(body)["status"] == 500
    assert "ValueError" in caplog.text and "_answer" in caplog.text
    assert "Zebedee" not in caplog.text and b"Zebedee" not in body


# the command


def test_serve_command_starts_answers_and_logs_no_text(tmp_path: Path) -> None:
    secret = "Zebedee-the-secret"
    command = [sys.executable, "-m", "langcheck", "serve", "--port", "0", "--isolated", "--extend-rules", str(PACK)]
    command += ["--select", "TS001", "--max-request-bytes", "5000"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
    try:
        assert proc.stderr is not None
        lines = []
        for line in proc.stderr:
            lines.append(line)
            if "page:" in line:
                break
        found = re.search(r"http://127\.0\.0\.1:\d+/", "".join(lines))
        assert found, lines
        base = found.group(0)
        assert check(base, {"text": f"{secret}: {NOTE}"})["matches"][0]["rule"]["id"] == "TS001"
        call(base, "GET", "/v2/check?" + urlencode({"text": secret, "language": "xx"}))
        call(base, "POST", "/v2/check", urlencode({"data": "{" + secret}))
        call(base, "POST", "/v2/check", urlencode({"text": secret * 1000}))
        call(base, "GET", f"/{secret}")
        with socket.create_connection(("127.0.0.1", urlsplit(base).port or 0)) as sock:
            sock.sendall(f"GARBAGE {secret} \x00\r\n\r\n".encode())
            sock.recv(1024)
    finally:
        proc.terminate()
        # read through the same buffered pipe the loop above read from: communicate() would skip
        # whatever that loop had already buffered past the "page:" line
        assert proc.stderr is not None and proc.stdout is not None
        with proc.stderr, proc.stdout:
            err, out = proc.stderr.read(), proc.stdout.read()
        proc.wait(timeout=20)
    logged = "".join(lines) + out + err
    assert "rules ready" in logged and "No text is logged" in logged
    assert secret not in logged


def test_serve_reports_a_taken_port_in_one_line() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--port", str(port), "--isolated"])
    assert result.exit_code == 2
    assert re.fullmatch(r"error: cannot listen on 127\.0\.0\.1:\d+ \(.+\); choose another --port.*\n", result.stderr)


def test_serve_reports_a_bad_rule_selection() -> None:
    result = CliRunner().invoke(cli, ["serve", "--port", "0", "--isolated", "--select", "NOPE999"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: invalid config:")


def test_serve_has_no_fail_on_option() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert "--fail-on" not in result.stdout and "--max-request-bytes" in result.stdout


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("0.0.0.0", False), ("10.0.0.5", False)],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback
