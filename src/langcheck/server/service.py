"""Run checks for the server: one Linter, built and warmed once, and one worker thread.

Checking is CPU-bound Python, so under the GIL more threads would not check faster, and the
Linter (spaCy's tokenizer, the matchers) is not documented as safe to share between threads. One
worker keeps checks in order while the event loop goes on reading requests and answering health
checks. A request that runs out of time before its turn is dropped from the queue unchecked; one
already being checked finishes in the background (a thread cannot be stopped), and the request
size limit bounds how long that can take.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from langcheck import __version__
from langcheck.linter import Linter
from langcheck.server.ltapi import CheckRequest
from langcheck.server.ltresponse import RuleInfo, Software, check_response

WARM_UP_TEXT = "Jade (14) has been putting herself at risk and chose to go missing with her boyfriend (24)."
"""A note that triggers rules, so warming up loads spaCy and compiles every matcher."""


@dataclass(frozen=True, slots=True)
class Limits:
    """How much one request may ask of the server."""

    max_request_bytes: int = 1_000_000
    timeout: float = 30.0
    max_held_bytes: int | None = None
    """Request bodies held at once by requests waiting or being checked (default: 64 full
    requests); beyond it a request gets 503, so a flood cannot exhaust memory."""

    @property
    def held_bytes(self) -> int:
        """Return the bound on bytes held by requests in progress."""
        return self.max_held_bytes if self.max_held_bytes is not None else 64 * self.max_request_bytes


class CheckService:
    """Check texts with one Linter on one worker thread, and render the LanguageTool answer."""

    def __init__(self, linter: Linter, limits: Limits = Limits()) -> None:
        self.linter = linter
        self.limits = limits
        self.rules = {r.id: RuleInfo.of(r) for r in linter.ruleset}
        self.software = Software("langcheck", __version__, _build_date())
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="langcheck-check")

    @property
    def rule_infos(self) -> Sequence[RuleInfo]:
        """Return the rules in force, in pack order."""
        return list(self.rules.values())

    def warm(self) -> float:
        """Compile the rules and load spaCy on the worker thread now; return the seconds it took.

        Called before the server accepts requests, so the first client does not wait for it.
        """
        began = time.perf_counter()
        self._executor.submit(self._warm).result()
        return time.perf_counter() - began

    def _warm(self) -> None:
        self.linter.compiled.nlp(WARM_UP_TEXT)  # build every matcher, even if no rule fits the text
        self.linter.check(WARM_UP_TEXT)

    async def check(self, request: CheckRequest, *, rule_url: str | None = None) -> bytes:
        """Check a request's text on the worker thread and return the JSON answer as bytes.

        Cancelling the caller (the request's time limit) removes a check that has not started.
        """
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._answer, request, rule_url)

    def _answer(self, request: CheckRequest, rule_url: str | None) -> bytes:
        findings = self.linter.check(request.text.plain)
        chosen = [f for f in findings if request.selection.allows(f.rule_id, f.name, f.category)]
        payload = check_response(request, chosen, self.rules, self.software, rule_url=rule_url)
        return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def close(self) -> None:
        """Stop the worker thread, dropping checks that have not started."""
        self._executor.shutdown(wait=False, cancel_futures=True)


def _build_date() -> str:
    """Return when this copy of langcheck was installed, in LanguageTool's date format."""
    try:
        stamp = os.stat(Path(__file__).resolve().parents[1] / "__init__.py").st_mtime
    except OSError:
        stamp = time.time()
    return datetime.fromtimestamp(stamp, tz=UTC).strftime("%Y-%m-%d %H:%M:%S +0000")
