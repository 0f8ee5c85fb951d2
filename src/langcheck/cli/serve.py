"""`langcheck serve`: LanguageTool's HTTP API and a paste-and-check page, on this machine."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from langcheck.cli.console import fail, stderr_console
from langcheck.cli.options import overlay_from, rule_options
from langcheck.errors import LangcheckError


@click.command("serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Anything but loopback lets other machines send notes over plain HTTP.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8081,
    show_default=True,
    help="Port to listen on (8081 is LanguageTool's 'local server'; 0 picks a free port).",
)
@click.option(
    "--max-request-bytes",
    type=click.IntRange(1024),
    default=1_000_000,
    show_default=True,
    help="Largest request accepted; larger ones get 413.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(0.1),
    default=30.0,
    show_default=True,
    help="Seconds a request may take, waiting included; slower ones get 503.",
)
@click.option(
    "--allow-origin",
    "allow_origins",
    multiple=True,
    metavar="ORIGIN",
    help="Web pages allowed to call the API from a browser (repeatable) [default: any].",
)
@rule_options
def serve_command(
    *,
    host: str,
    port: int,
    max_request_bytes: int,
    timeout: float,
    allow_origins: tuple[str, ...],
    config_path: Path | None,
    isolated: bool,
    **opts: Any,
) -> None:
    """Serve LanguageTool's HTTP API and a paste-and-check page.

    Point the LanguageTool browser add-on, LibreOffice or ltex-ls at http://HOST:PORT/v2, or
    open http://HOST:PORT/ in a browser. The rules are chosen as for `check`; no text is logged.
    Stop with Ctrl+C.
    """
    from langcheck.factory import Factory
    from langcheck.server import CheckService, Limits, bind, create_app, is_loopback, run, url_of
    from langcheck.settings import SettingsResolver

    opts.pop("fail_on", None)
    console = stderr_console()
    try:
        resolver = SettingsResolver(explicit=config_path, isolated=isolated, overlay=overlay_from(**opts))
        linter = Factory().linter(resolver.config_for(Path.cwd()))  # held for the server's life
        sock = bind(host, port)
    except LangcheckError as exc:
        fail(exc)
    try:
        service = CheckService(linter, Limits(max_request_bytes=max_request_bytes, timeout=timeout))
        seconds = service.warm()
        app = create_app(service, allow_origins=allow_origins or ("*",))
    except LangcheckError as exc:
        sock.close()
        fail(exc)
    url = url_of(sock)
    console.print(f"langcheck serve: {len(service.rules)} rules ready in {seconds:.1f} s", soft_wrap=True)
    console.print(f"  page:      {url}", soft_wrap=True)
    console.print(f"  API:       {url}v2   (LanguageTool clients: set this as the server address)", soft_wrap=True)
    if not is_loopback(host):
        console.print(
            f"warning: listening on {host}: other machines can send case notes to this server over plain "
            "HTTP. Put it behind TLS and access control, or use the default --host 127.0.0.1.",
            style="bold yellow",
            soft_wrap=True,
        )
    console.print("  No text is logged. Stop with Ctrl+C.", soft_wrap=True)
    try:
        run(app, sock)
    finally:
        service.close()


serve_command.params = [p for p in serve_command.params if p.name != "fail_on"]  # nothing fails in serve
