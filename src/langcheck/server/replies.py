"""JSON answers, errors included: `{"status": 400, "error": "Bad Request", "message": "..."}`."""

from __future__ import annotations

import json
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from starlette.responses import Response


def json_bytes(value: Any) -> bytes:
    """Return compact UTF-8 JSON."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def error_response(status: int, message: str, headers: Mapping[str, str] | None = None) -> Response:
    """Return a JSON error: `{"status": 400, "error": "Bad Request", "message": "..."}`."""
    body = {"status": status, "error": HTTPStatus(status).phrase, "message": message}
    return Response(json_bytes(body), status_code=status, media_type="application/json", headers=headers)
