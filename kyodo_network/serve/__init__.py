"""The meeting app of ``kyodo serve``: the district map in a browser, edited in the room, with every edit kept.

This is the only part of the package that speaks HTTP. Its rooms:

| module | holds |
|---|---|
| ``journal`` | tonight's edits in one ``kyodo-case/1`` file beside the inputs; replay, undo/redo, atomic save |
| ``room`` | the state of a meeting: inputs + journal → network, stable positions, checked edits |
| ``findings`` | what the analyses say about the actor clicked, as sentences in the room's language |
| ``app`` | routes, the guard (Host, Origin, session key, CSP), the server |
| ``_page`` | the page's HTML, stylesheet and script |

Why Starlette on uvicorn. Both are maintained by the Encode team (the authors of httpx and Django REST
framework) with frequent releases, and install from pure-Python wheels: starlette, uvicorn, anyio, h11 and idna,
about 1 MB, no compiler and no C extension (uvicorn without its ``[standard]`` extras). uvicorn shuts down
cleanly on Ctrl+C, finishing the request under way (so an edit being saved is saved), and can serve a socket
we bound ourselves, which is how the free port is chosen without a race. Starlette's ASGI middleware is a
plain function of the request, so the guard (Host, Origin, the session key) is a few lines in one place and
runs before any route. Flask with waitress would pull in Werkzeug, Jinja2, itsdangerous and blinker for
templating and cookie sessions this app does not want; bottle is one file but sees few releases; the standard
library's ``http.server`` is documented as not for production use and leaves routing, request limits and
graceful shutdown to us.
"""

from __future__ import annotations

__all__ = ["Room", "make_app", "Server"]


def __getattr__(name: str):  # the web framework is imported only when the app is made
    if name == "Room":
        from .room import Room

        return Room
    if name == "make_app":
        from .app import make_app

        return make_app
    if name == "Server":
        from .app import Server

        return Server
    raise AttributeError(name)
