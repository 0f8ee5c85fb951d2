"""Throughput and latency of `langcheck serve` under concurrent clients, on loopback only.

    python benchmarks/serve_bench.py [--clients 16] [--requests 800] [--note-bytes 2048] [--max-seconds 120]

Starts `langcheck serve --port 0` as its own process (so client and server do not share a
GIL), waits for it to warm up, then runs --clients clients at once, each on its own keep-alive
connection sending a realistic note of --note-bytes bytes (from benchmarks/casenotes.py) to
/v2/check until --requests have been answered or --max-seconds have passed. Prints requests per
second and p50/p99 latency, first for one client (the baseline), then for --clients. Stops the
server and exits by itself; it connects to nothing but 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from casenotes import generate  # noqa: E402

LEAD = "Kayleigh (14) has been putting herself at risk by getting into cars with older men.\n\n"


@dataclass(frozen=True, slots=True)
class Result:
    """What one run measured."""

    clients: int
    answered: int
    failed: int
    seconds: float
    latencies: tuple[float, ...]
    findings: int

    def line(self) -> str:
        ordered = sorted(self.latencies)
        p50 = statistics.median(ordered) * 1000
        p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))] * 1000
        rate = self.answered / self.seconds
        return (
            f"{self.clients:>3} clients: {self.answered:>5} requests in {self.seconds:6.2f} s = {rate:7.1f} req/s; "
            f"latency p50 {p50:7.1f} ms, p99 {p99:7.1f} ms; errors {self.failed}; findings per note {self.findings}"
        )


def make_note(size: int) -> str:
    """Return a note of about `size` UTF-8 bytes that opens with a flagged sentence."""
    text = LEAD + generate(size)
    cut = text.encode("utf-8")[:size].decode("utf-8", "ignore")
    return cut[: cut.rfind(" ")] + "."


def start_server() -> tuple[subprocess.Popen[str], int]:
    """Start `langcheck serve` on a free loopback port and return it with its port."""
    command = [sys.executable, "-m", "langcheck", "serve", "--host", "127.0.0.1", "--port", "0", "--isolated"]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    assert proc.stderr is not None
    seen = []
    for line in proc.stderr:
        seen.append(line)
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if found:
            return proc, int(found.group(1))
    proc.kill()
    raise SystemExit("the server did not start:\n" + "".join(seen))


async def client(port: int, body: bytes, stop_at: float, budget: list[int], out: list[tuple[float, int, int]]) -> None:
    """Send requests on one keep-alive connection until the shared budget or the time runs out."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = (
        "POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    try:
        while budget[0] > 0 and time.perf_counter() < stop_at:
            budget[0] -= 1
            began = time.perf_counter()
            writer.write(head + body)
            await writer.drain()
            status_line = await reader.readline()
            length = 0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            payload = await reader.readexactly(length)
            status = int(status_line.split()[1])
            findings = len(json.loads(payload)["matches"]) if status == 200 else -1
            out.append((time.perf_counter() - began, status, findings))
    finally:
        writer.close()
        await writer.wait_closed()


async def run(port: int, body: bytes, clients: int, requests: int, max_seconds: float) -> Result:
    out: list[tuple[float, int, int]] = []
    budget = [requests]
    began = time.perf_counter()
    await asyncio.gather(*(client(port, body, began + max_seconds, budget, out) for _ in range(clients)))
    seconds = time.perf_counter() - began
    ok = [o for o in out if o[1] == 200]
    return Result(
        clients=clients,
        answered=len(ok),
        failed=len(out) - len(ok),
        seconds=seconds,
        latencies=tuple(o[0] for o in ok),
        findings=ok[0][2] if ok else 0,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=800, help="requests in the concurrent run")
    parser.add_argument("--note-bytes", type=int, default=2048)
    parser.add_argument("--max-seconds", type=float, default=120.0, help="stop each run after this long")
    args = parser.parse_args()

    note = make_note(args.note_bytes)
    body = urlencode({"text": note, "language": "en-GB"}).encode()
    proc, port = start_server()
    try:
        asyncio.run(run(port, body, 4, 40, args.max_seconds))  # warm the connection paths
        print(f"note: {len(note.encode('utf-8'))} bytes; server: 127.0.0.1:{port} (pid {proc.pid})")
        baseline = asyncio.run(run(port, body, 1, max(args.requests // 8, 20), args.max_seconds))
        print(baseline.line())
        loaded = asyncio.run(run(port, body, args.clients, args.requests, args.max_seconds))
        print(loaded.line())
    finally:
        proc.terminate()
        proc.wait(timeout=20)


if __name__ == "__main__":
    main()
