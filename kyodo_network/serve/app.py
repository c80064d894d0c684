"""The web app of ``kyodo serve``: routes, the guard every request passes, and the server that runs it.

Starlette (routes, requests, responses) on uvicorn (the HTTP server); see the package docstring for why. Every
request passes :class:`Guard` first:

- ``Host`` must name this server: ``127.0.0.1:PORT`` or ``localhost:PORT`` (with ``--share`` also any IP address
  with this port). A page on another site that re-points its own name at 127.0.0.1 (DNS rebinding) sends its
  own name as ``Host`` and is refused.
- A request that carries ``Origin`` must come from this server's own origin; ``Sec-Fetch-Site: cross-site`` is
  refused.
- The page (``/``) and the printouts need the session key in the address (``?k=…``, printed by the command);
  every ``/api/`` request needs it in the ``X-Kyodo-Token`` header, which the page reads from its own
  ``<meta>`` (no cookie). A request that changes data must also be ``application/json``. The key is new for
  every run of the server.
- Every response carries a Content-Security-Policy that lets the page load only this server's own scripts and
  talk only to this server (``connect-src 'self'``), ``Cache-Control: no-store`` (nothing of the data is kept by
  the browser), ``X-Frame-Options: DENY``, ``Referrer-Policy: no-referrer`` and ``nosniff``.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import secrets
import socket
import threading
from collections.abc import Callable
from typing import Any

from ..errors import CaseDataError, KyodoError
from ..lang import text
from ._page import CSP
from .room import Room, RoomError

__all__ = ["make_app", "Server", "free_socket", "calm_collector", "CSP"]

HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"cache-control", b"no-store"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
#: Largest request body accepted (an edit is a few hundred bytes).
MAX_BODY = 64 * 1024
#: Paths that need the key in the address (``?k=``); ``/api/`` paths need it in the header.
KEYED_PAGES = ("/", "/print.pdf", "/print.svg", "/print.png")
#: Paths anyone who reaches the server may get: the page's own scripts and styles (no data in them).
ASSETS = ("/app.js", "/vis-network.min.js", "/vis-network.css", "/app.css")


class Guard:
    """ASGI middleware: refuse what does not come from this server's own page (see the module docstring)."""

    def __init__(
        self,
        app: Any,
        *,
        token: str,
        port: Callable[[], int],
        share: bool = False,
        lang: str = "ja",
        view_token: str | None = None,
    ) -> None:
        self.app, self.token, self.port, self.share, self.lang = app, token, port, share, lang
        self.view_token = view_token

    def host_ok(self, host: str) -> bool:
        port = self.port()
        name, sep, p = host.rpartition(":")
        if not sep or p != str(port):
            return False
        if name in ("127.0.0.1", "localhost"):
            return True
        if not self.share:
            return False
        try:
            ipaddress.ip_address(name.strip("[]"))
        except ValueError:
            return False
        return True

    def key_ok(self, given: str | None, *, view: bool = False) -> bool:
        """The edit key; with ``view``, the followers' view key too (``--share``: they see, never change)."""
        if not given:
            return False
        keys = [self.token] + ([self.view_token] if view and self.view_token else [])
        return any(hmac.compare_digest(given.encode("utf-8", "replace"), k.encode()) for k in keys)

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            if scope["type"] == "lifespan":
                return await self.app(scope, receive, send)
            return None
        from starlette.datastructures import Headers, QueryParams
        from starlette.responses import JSONResponse

        headers = Headers(scope=scope)
        host = headers.get("host", "")
        path = scope.get("path", "")
        refusal = None
        if not self.host_ok(host):
            refusal = (421, "serve.refused.host")
        elif headers.get("origin") is not None and headers["origin"] != f"http://{host}":
            refusal = (403, "serve.refused.origin")
        elif headers.get("sec-fetch-site") == "cross-site":
            refusal = (403, "serve.refused.origin")
        elif path.startswith("/api/"):
            changing = scope.get("method") not in ("GET", "HEAD")
            if not self.key_ok(headers.get("x-kyodo-token"), view=not changing):
                refusal = (403, "serve.refused.token")
            elif (
                scope.get("method") == "POST"
                and headers.get("content-type", "").split(";")[0].strip() != "application/json"
            ):
                refusal = (415, "serve.refused.type")
        elif path in KEYED_PAGES:
            if not self.key_ok(QueryParams(scope.get("query_string", b"").decode("latin-1")).get("k"), view=True):
                refusal = (403, "serve.refused.key")
        elif path not in ASSETS:
            refusal = (404, "serve.refused.not_found")

        async def secured(message: dict) -> None:
            if message["type"] == "http.response.start":
                message = dict(message)
                message["headers"] = [
                    h for h in message.get("headers", []) if h[0].lower() not in dict(HEADERS)
                ] + HEADERS
            await send(message)

        if refusal is not None:
            status, code = refusal
            response = JSONResponse({"error": text(code, self.lang), "code": code}, status_code=status)
            return await response(scope, receive, secured)
        return await self.app(scope, receive, secured)


def make_app(room: Room, *, token: str | None = None, port: Callable[[], int] | int = 0, share: bool = False) -> Any:
    """The ASGI app of ``room``, guarded by :class:`Guard`. ``port`` is the port it is served on (or a function
    giving it, when the port is chosen after the app is made); ``token`` the session key (new when None).

    The key is ``app.kyodo_token``.
    """
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, JSONResponse, Response
    from starlette.routing import Route

    from ._page import asset as page_asset
    from ._page import page_html

    token = token or secrets.token_urlsafe(32)
    view_token = secrets.token_urlsafe(32) if share else None  # followers' key: see, never change
    lang = room.lang

    def year_of(request: Request) -> int | None:
        raw = request.query_params.get("year")
        if raw in (None, "", "all"):
            return None
        try:
            year = int(raw)
        except ValueError:
            return None
        return year if 1 <= year <= 9999 else None

    def failure(err: Exception) -> JSONResponse:
        if isinstance(err, CaseDataError):
            lines = [p.format(lang) for p in err.problems]
            return JSONResponse({"error": "\n".join(lines), "code": "serve.error.invalid"}, status_code=422)
        first = err.args[0] if err.args else ""
        words = first.render(lang) if hasattr(first, "render") else str(err)
        status = 404 if getattr(err, "code", "") == "serve.error.no_actor" else 400
        return JSONResponse({"error": words, "code": getattr(err, "code", "serve.error")}, status_code=status)

    def page(request: Request) -> Response:
        given = request.query_params.get("k", "")
        readonly = bool(view_token) and hmac.compare_digest(given.encode("utf-8", "replace"), view_token.encode())
        key = view_token if readonly else token
        return HTMLResponse(page_html(key, lang=lang, title=room.graph().graph.get("name", ""), readonly=readonly))

    def asset(request: Request) -> Response:
        body, kind = page_asset(request.url.path)
        return Response(body, media_type=kind, headers={"cache-control": "no-store"})

    def state(request: Request) -> Response:
        try:
            return JSONResponse(
                room.state(
                    year_of(request),
                    counted=request.query_params.get("counted") == "1",
                    have=request.query_params.get("have") or None,
                )
            )
        except KyodoError as err:
            return failure(err)

    def actor(request: Request) -> Response:
        try:
            return JSONResponse(room.actor(request.query_params.get("id", ""), year_of(request)))
        except KyodoError as err:
            return failure(err)

    async def edit(request: Request) -> Response:
        from starlette.concurrency import run_in_threadpool

        body = await request.body()
        if len(body) > MAX_BODY:
            return JSONResponse({"error": text("serve.refused.too_large", lang)}, status_code=413)
        try:
            payload = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return JSONResponse({"error": text("serve.refused.bad_json", lang)}, status_code=400)
        if not isinstance(payload, dict):
            return JSONResponse({"error": text("serve.refused.bad_json", lang)}, status_code=400)
        op = request.url.path.rsplit("/", 1)[-1]
        have = request.query_params.get("have") or None  # the map the page holds: the new one comes as changes
        try:
            if op == "undo":
                out = await run_in_threadpool(lambda: room.undo(have=have))
            elif op == "redo":
                out = await run_in_threadpool(lambda: room.redo(have=have))
            else:
                out = await run_in_threadpool(lambda: room.edit(payload, have=have))
        except KyodoError as err:
            return failure(err)
        return JSONResponse(out)

    def printout(request: Request) -> Response:
        fmt = request.url.path.rsplit(".", 1)[-1]
        sectors = [s for s in request.query_params.get("sectors", "").split(",") if s]
        try:
            from ..render.maps import map_bytes

            with room.lock:
                model = room.model(year_of(request), sectors=sectors or None)
            body = map_bytes(model, fmt=fmt, paper="a4")
        except KyodoError as err:
            return failure(err)
        kinds = {"pdf": "application/pdf", "svg": "image/svg+xml", "png": "image/png"}
        name = room.journal_path.stem + "-map." + fmt
        from urllib.parse import quote

        return Response(
            body, media_type=kinds[fmt], headers={"content-disposition": f"attachment; filename*=UTF-8''{quote(name)}"}
        )

    routes = [
        Route("/", page),
        *[Route(p, asset) for p in ASSETS],
        Route("/api/state", state),
        Route("/api/actor", actor),
        Route("/api/edit", edit, methods=["POST"]),
        Route("/api/undo", edit, methods=["POST"]),
        Route("/api/redo", edit, methods=["POST"]),
        Route("/print.pdf", printout),
        Route("/print.svg", printout),
        Route("/print.png", printout),
    ]
    inner = Starlette(routes=routes)
    port_of = port if callable(port) else (lambda: port)
    app = Guard(inner, token=token, port=port_of, share=share, lang=lang, view_token=view_token)
    app.kyodo_token = token  # type: ignore[attr-defined]
    app.kyodo_view_token = view_token  # type: ignore[attr-defined]
    return app


def free_socket(host: str = "127.0.0.1", port: int = 0) -> socket.socket:
    """A listening TCP socket on ``host``:``port`` (``port`` 0: a free one, chosen by the system).

    Raises
    ------
    KyodoError
        When the port is taken or cannot be used.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((host, port))
        sock.listen(128)
    except OSError as err:
        sock.close()
        raise RoomError("serve.error.port", port=port, reason=str(err.strerror or err)) from err
    sock.set_inheritable(True)
    return sock


#: The garbage collector's thresholds while serving (Python's own: 700, 10, 10).
GC_THRESHOLDS = (20_000, 20, 20)


def calm_collector() -> None:
    """Keep Python's cyclic garbage collector off the room's way: collect once, then freeze what is alive (the
    inputs read, their network: kept for the whole evening, never to be scanned again) and collect less often.

    Measured at 2,000 actors (benchmarks/serve.py): the collector's full passes over the room's million objects
    took 50–100 ms of an edit, a count's 40–60 ms became 100–140 ms. With this an edit's whole round (saved,
    counted, the panel) went from 486 to 356 ms (median of 30), at 50 MB more memory (the garbage waits longer)."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


class Server:
    """uvicorn serving ``room`` on a socket of its own: :meth:`run` in the main thread (Ctrl+C stops it
    cleanly), or :meth:`start` / :meth:`stop` in a thread (tests).

    ``url`` is the address to open, session key included.
    """

    def __init__(self, room: Room, *, port: int = 0, share: bool = False, token: str | None = None) -> None:
        import uvicorn

        self.room = room
        self.sock = free_socket("0.0.0.0" if share else "127.0.0.1", port)
        self.port = self.sock.getsockname()[1]
        self.app = make_app(room, token=token, port=self.port, share=share)
        self.token = self.app.kyodo_token
        self.url = f"http://127.0.0.1:{self.port}/?k={self.token}"
        #: With ``--share``: the address for the others in the room (view only), this computer's name to be replaced.
        self.view_url = f"http://127.0.0.1:{self.port}/?k={self.app.kyodo_view_token}" if share else None
        config = uvicorn.Config(
            self.app, log_level="warning", lifespan="off", access_log=False, timeout_graceful_shutdown=10
        )
        self.server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None

    def run(self, on_started: Callable[[], None] | None = None) -> None:
        """Serve until Ctrl+C (or SIGTERM); every request under way is finished first. The process's garbage
        collector is calmed first (:func:`calm_collector`): this process is the room's alone. The first map is
        prepared in the background while the browser starts (its request then finds it ready, or waits for it)."""
        calm_collector()
        self.prepare()
        if on_started is not None:

            def wait() -> None:
                while not self.server.started and not self.server.should_exit:
                    threading.Event().wait(0.05)
                if self.server.started:
                    on_started()

            threading.Thread(target=wait, daemon=True).start()
        try:
            self.server.run(sockets=[self.sock])
        except KeyboardInterrupt:  # uvicorn re-raises the Ctrl+C it has handled: the server has stopped
            pass
        finally:
            self.sock.close()

    def prepare(self) -> threading.Thread:
        """Draw the room's first map in a background thread (the page's first request takes it when done)."""

        def first() -> None:
            try:
                self.room.state()
            except Exception:  # noqa: BLE001 - the page's own request meets the problem again and says it
                pass

        thread = threading.Thread(target=first, name="kyodo-first-map", daemon=True)
        thread.start()
        return thread

    def start(self) -> Server:
        """Serve in a background thread; returns once the server answers."""
        self._thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)
        self._thread.start()
        while not self.server.started:
            if not self._thread.is_alive():
                raise RoomError("serve.error.port", port=self.port, reason="server did not start")
            threading.Event().wait(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=15)
        self.sock.close()
