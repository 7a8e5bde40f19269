"""The Starlette application: `create_app(Settings(...))`.

Routes are plain module-level functions reading `request.app.state`, so the app is
built from data (no closures in a constructor) and every error, wherever raised, goes
through `error_response` and reads the same way.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from kg.errors import KgError
from kg.namespaces import DEFAULT_BASE
from kg.store import Store

from .negotiation import parse_accept
from .worker import QueryFailed, WorkerPool

__all__ = ["Settings", "create_app", "error_response"]

DEFAULT_EXAMPLES = Path(__file__).resolve().parents[2] / "ontology" / "competency"


@dataclass
class Settings:
    """Everything the server needs; the CLI fills it from options and the environment."""

    store: str | Path = "kg-data"
    base: str = DEFAULT_BASE
    host: str = "127.0.0.1"
    port: int = 7878
    timeout: float = 30.0  # seconds a query may run before its worker is killed
    max_rows: int = 10_000  # rows (or triples) per answer; more are cut with a header
    max_body: int = 1_000_000  # bytes per request body
    token: str | None = None  # bearer token for updates; None refuses every update
    workers: int = 2  # query processes
    cors: bool = True  # allow cross-origin reads (not updates)
    examples: Path | None = field(default=DEFAULT_EXAMPLES)
    federation: Any = None  # a kg.config.Config: the SERVICE allow-list (None allows no peer)


def error_response(
    request: Request | None, status: int, message: str, headers: dict | None = None
) -> Response:
    """The one body every error is written as: JSON when the client prefers JSON, else a
    line of text."""
    accept = request.headers.get("accept", "") if request is not None else ""
    wants_json = False
    for mt, _q in parse_accept(accept):
        if "json" in mt:
            wants_json = True
            break
        if mt in ("text/plain", "text/html", "*/*", "text/*"):
            break
    if wants_json:
        body = json.dumps({"error": {"status": status, "message": message}})
        return Response(body, status, headers=headers, media_type="application/json")
    return Response(message + "\n", status, headers=headers, media_type="text/plain; charset=utf-8")


async def _on_http_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return error_response(request, exc.status_code, str(exc.detail), dict(exc.headers or {}))


async def _on_kg_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, KgError)
    return error_response(request, exc.http_status, str(exc))


async def _on_query_failed(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, QueryFailed)
    headers = (
        {"Retry-After": "1"} if exc.status == 503 else {"Allow": "GET, POST"} if exc.status == 405 else None
    )
    return error_response(request, exc.status, exc.message, headers)


async def _on_unexpected(request: Request, exc: Exception) -> Response:
    return error_response(request, 500, f"internal error: {type(exc).__name__}: {exc}")


@contextlib.asynccontextmanager
async def _lifespan(app: Starlette) -> AsyncIterator[None]:
    await app.state.pool.start()
    try:
        yield
    finally:
        await app.state.pool.close()


def create_app(settings: Settings) -> Starlette:
    """Open the store, prepare the query workers and route every path."""
    from . import describe, pages, protocol  # late: keeps `kg.server.worker` light for workers

    if not settings.base.endswith(("/", "#")):
        raise KgError(f"base IRI {settings.base!r} must end with '/' or '#'")
    store_path = Path(settings.store)
    # Without a token the server never writes, so `Store(read_only=True)` is enough (it
    # falls back to a snapshot when another process holds the lock); workers always open
    # read-only snapshots, which a held write lock does not block.
    store = Store(store_path, read_only=settings.token is None)
    routes = [
        Route("/", pages.query_page, methods=["GET", "HEAD"]),
        Route("/sparql", protocol.sparql, methods=["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"]),
        Route("/sparql/", protocol.sparql, methods=["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"]),
        Route("/rdf-graphs", protocol.graph_store, methods=["GET", "HEAD"]),
        Route("/.well-known/void", describe.void, methods=["GET", "HEAD"]),
        Route("/dump.nq", describe.dump, methods=["GET", "HEAD"]),
        Route("/{path:path}", describe.resource, methods=["GET", "HEAD"]),
    ]
    middleware = []
    if settings.cors:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=["*"],
                allow_methods=["GET", "POST"],
                allow_headers=["Accept", "Content-Type"],
                expose_headers=["KG-Truncated"],
            )
        )
    app = Starlette(
        routes=routes,
        middleware=middleware,
        lifespan=_lifespan,
        exception_handlers={
            HTTPException: _on_http_exception,
            KgError: _on_kg_error,
            QueryFailed: _on_query_failed,
            Exception: _on_unexpected,
        },
    )
    app.state.settings = settings
    app.state.store = store
    app.state.update_lock = asyncio.Lock()  # one writer at a time, per app (and loop)
    app.state.pool = WorkerPool(str(store_path), settings.workers)
    app.state.examples = pages.load_examples(settings.examples)
    return app
