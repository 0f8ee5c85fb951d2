"""The server answers every request too big or too deep with HTTP (413/414/431/400), at once, and
a check in progress never stalls its other answers."""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest

from langcheck import Config, Linter
from langcheck.server import CheckService, Limits, ServerThread, bind, create_app

PACK = Path(__file__).parent / "fixtures" / "pack"
NOTE = "Jade (14) has been putting herself at risk."


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    service = CheckService(Linter(Config(extend_rules=(PACK,), select=("TS001", "TS002"))), Limits(100_000, 60))
    service.warm()
    with ServerThread(create_app(service), bind("127.0.0.1", 0)) as base:
        yield base
    service.close()


def raw_exchange(base: str, request: bytes, *, wait: float = 10) -> tuple[bytes, float]:
    """Send raw bytes (all of them, as a client would) and return the answer's first bytes and the time taken."""
    parts = urlsplit(base)
    began = time.monotonic()
    with socket.create_connection((parts.hostname, parts.port), timeout=wait) as sock:
        sock.sendall(request)
        answer = b""
        while not _complete(answer):
            piece = sock.recv(65536)
            if not piece:
                break
            answer += piece
    return answer, time.monotonic() - began


def _complete(answer: bytes) -> bool:
    head, found, body = answer.partition(b"\r\n\r\n")
    if not found:
        return False
    length = next(
        (int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")), 0
    )
    return len(body) >= length


def status_and_message(answer: bytes) -> tuple[int, str]:
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split()[1]), json.loads(body)["message"]


def post(base: str, body: str, content_type: str = "application/x-www-form-urlencoded") -> tuple[int, str]:
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
    try:
        conn.request("POST", "/v2/check", body=body, headers={"Content-Type": content_type})
        response = conn.getresponse()
        return response.status, response.read().decode()
    finally:
        conn.close()


@pytest.mark.parametrize("declared", [10_000_000_000, 5_000_000])
def test_a_content_length_over_the_limit_gets_413_at_once(url: str, declared: int) -> None:
    head = f"POST /v2/check HTTP/1.1\r\nHost: x\r\nContent-Length: {declared}\r\n\r\n".encode()
    answer, took = raw_exchange(url, head)
    assert status_and_message(answer)[0] == 413
    assert took < 3, f"answered after {took:.1f} s, not at once"


def test_a_huge_get_query_gets_414_not_a_reset(url: str) -> None:
    request = b"GET /v2/check?text=" + b"a" * 3_000_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"
    status, message = status_and_message(raw_exchange(url, request)[0])
    assert status == 414 and "POST" in message


def test_huge_headers_get_431_not_a_reset(url: str) -> None:
    request = b"GET /v2/healthcheck HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 2_000_000 + b"\r\n\r\n"
    status, message = status_and_message(raw_exchange(url, request)[0])
    assert status == 431 and "headers" in message


def test_the_server_carries_on_after_refusing(url: str) -> None:
    raw_exchange(url, b"GET /v2/check?text=" + b"a" * 3_000_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    assert post(url, urlencode({"text": NOTE}))[0] == 200


def test_deeply_nested_data_gets_400(url: str) -> None:
    nested = '{"annotation": ' + "[" * 5_000 + "]" * 5_000 + "}"
    status, body = post(url, urlencode({"data": nested}))
    assert status == 400 and "nested too deeply" in json.loads(body)["message"]
    status, body = post(url, json.dumps({"data": "x"})[:-1] + ', "deep": ' + "[" * 5_000 + "]" * 5_000 + "}")
    assert status == 400 and "nested too deeply" in json.loads(body)["message"]


def test_a_long_check_never_stalls_the_health_check(url: str) -> None:
    text = " ".join([NOTE] * 2_000)  # ~90 KB of flagged sentences: seconds of checking
    done: list[int] = []
    worker = threading.Thread(target=lambda: done.append(post(url, urlencode({"text": text}))[0]))
    worker.start()
    waits = []
    parts = urlsplit(url)
    while worker.is_alive() and len(waits) < 50:
        began = time.monotonic()
        conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
        conn.request("GET", "/v2/healthcheck")
        assert conn.getresponse().status == 200
        conn.close()
        waits.append(time.monotonic() - began)
        time.sleep(0.05)
    worker.join()
    assert done == [200]
    assert len(waits) >= 2, "the check ended too soon to measure"
    assert max(waits) < 1.0, waits
