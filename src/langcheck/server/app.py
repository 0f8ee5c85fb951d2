"""The HTTP routes: LanguageTool's API under /v2, the paste-and-check page at /, rule pages.

Starlette gives routing, CORS and request objects; everything that decides an answer lives in
ltapi/ltresponse (pure functions) and service (the checks). This module adds what a server for
case notes must do at the edge: read at most --max-request-bytes of body (413 beyond), answer in
the time limit (503 beyond), answer malformed requests with 400 and a JSON error, and never let an
exception's message (which could quote a note) reach a log.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from http import HTTPStatus

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp

from langcheck.server.body import Budget, read_body
from langcheck.server.errors import RequestError
from langcheck.server.ltapi import parse_check, parse_params
from langcheck.server.ltresponse import config_info, languages
from langcheck.server.middleware import Guard, Shield, Slashes
from langcheck.server.page import Page, render_page, render_rule
from langcheck.server.replies import error_response, json_bytes
from langcheck.server.service import CheckService


def create_app(service: CheckService, *, allow_origins: Sequence[str] = ("*",)) -> ASGIApp:
    """Return the ASGI application answering with `service` (warm it before serving)."""
    limits = service.limits
    ruleset = service.linter.ruleset
    page = render_page(list(ruleset))
    rule_pages = {r.id: render_rule(r, ruleset.sources) for r in ruleset}
    languages_body = json_bytes(languages())
    budget = Budget(limits.held_bytes)

    async def check(request: Request) -> Response:
        reading = True
        try:
            with budget.hold() as take:
                async with asyncio.timeout(limits.timeout):
                    body = await read_body(request, limits.max_request_bytes, take)
                    reading = False
                    query = _query(request, limits.max_request_bytes - len(body))
                    headers = request.headers
                    params = parse_params(
                        body, query, headers.get("content-type", ""), user_agent=headers.get("user-agent")
                    )
                    payload = await service.check(parse_check(params), rule_url=str(request.base_url) + "rules/")
        except TimeoutError:
            if reading:
                return error_response(408, f"the request did not arrive within the time limit of {limits.timeout:g} s")
            return error_response(
                503,
                f"checking took longer than the time limit of {limits.timeout:g} s; "
                "send a shorter text or start the server with a larger --timeout",
            )
        except RequestError as exc:
            return error_response(exc.status, exc.message)
        return Response(payload, media_type="application/json")

    async def index(request: Request) -> Response:
        return _page(page)

    async def rule(request: Request) -> Response:
        found = rule_pages.get(str(request.path_params["rule_id"]).upper())
        if found is None:
            return error_response(404, "no such rule; the page at / lists the rules in its findings")
        return _page(found)

    async def languages_route(request: Request) -> Response:
        return Response(languages_body, media_type="application/json")

    async def healthcheck(request: Request) -> Response:
        return PlainTextResponse("OK")

    async def info(request: Request) -> Response:
        return Response(json_bytes({"software": service.software.to_dict()}), media_type="application/json")

    async def max_text_length(request: Request) -> Response:
        return PlainTextResponse(str(limits.max_request_bytes))

    async def configinfo(request: Request) -> Response:
        body = config_info(service.rule_infos, service.software, limits.max_request_bytes)
        return Response(json_bytes(body), media_type="application/json")

    api = [
        Route("/check", check, methods=["GET", "POST"]),
        Route("/languages", languages_route),
        Route("/healthcheck", healthcheck),
        Route("/info", info),
        Route("/maxtextlength", max_text_length),
        Route("/configinfo", configinfo),
    ]
    routes = [
        Route("/", index),
        *(Route("/v2" + r.path, r.endpoint, methods=r.methods) for r in api),
        *api,  # the same without /v2, for clients given the server's address without it
        Route("/health", healthcheck),
        Route("/rules/{rule_id}", rule),
    ]
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(Guard),
            Middleware(
                CORSMiddleware,
                allow_origins=list(allow_origins),
                allow_methods=["GET", "POST", "OPTIONS"],
                allow_headers=["*"],
                allow_private_network=True,  # Chrome's preflight for web pages calling a loopback server
                max_age=600,
            ),
            Middleware(Shield),
            Middleware(Slashes),
        ],
        exception_handlers={HTTPException: _http_error},
    )
    app.state.max_request_bytes = limits.max_request_bytes  # the HTTP parser's buffer must hold it
    return app


def _query(request: Request, room: int) -> str:
    """Return the query string, which counts towards the request size limit with the body."""
    raw: bytes = request.scope.get("query_string", b"")
    if len(raw) > room:
        raise RequestError(413, "the query string is too long for the request size limit; send the text with POST")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise RequestError(400, "the query string is not UTF-8") from None


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        return error_response(404, "no such page; the API is under /v2/ and the checking page is at /")
    allow = (exc.headers or {}).get("Allow")
    if allow:
        methods = sorted(m.strip() for m in allow.split(",") if m.strip())
        return error_response(exc.status_code, "use " + ", ".join(methods), headers={"Allow": ", ".join(methods)})
    return error_response(exc.status_code, HTTPStatus(exc.status_code).phrase, headers=exc.headers)


def _page(page: Page) -> Response:
    return Response(page.body, media_type="text/html; charset=utf-8", headers={"content-security-policy": page.csp})
