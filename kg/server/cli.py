"""`kg serve` options and command; `kg.cli` adds them with `add_serve_parser`."""

from __future__ import annotations

import argparse
import os
import sys

__all__ = ["add_serve_parser", "cmd_serve"]


def add_serve_parser(subparsers: argparse._SubParsersAction, common_parent: argparse.ArgumentParser) -> None:
    """Register `kg serve` (with the shared --store/--base options of `common_parent`)."""
    s = subparsers.add_parser(
        "serve",
        parents=[common_parent],
        help="serve a SPARQL 1.1 endpoint, linked-data pages and a query page",
    )
    s.add_argument("--host", default="127.0.0.1", help="interface to listen on (default: 127.0.0.1)")
    s.add_argument("--port", type=int, default=7878, help="port (default: 7878; 0 picks a free one)")
    s.add_argument("--timeout", type=float, default=30.0, help="seconds a query may run (default: 30)")
    s.add_argument(
        "--max-rows", type=int, default=10_000, help="rows per answer before it is cut (default: 10000)"
    )
    s.add_argument(
        "--max-body", type=int, default=1_000_000, help="bytes per request body (default: 1000000)"
    )
    s.add_argument("--workers", type=int, default=2, help="query worker processes (default: 2)")
    s.add_argument(
        "--token",
        default=None,
        help="bearer token that allows SPARQL updates (default: $KG_UPDATE_TOKEN; unset refuses updates)",
    )
    s.add_argument(
        "--get", metavar="PATH", default=None, help="answer one GET request in-process, print the body"
    )
    s.add_argument("--accept", default=None, help="Accept header for --get")
    s.set_defaults(func=cmd_serve)


def _settings(args: argparse.Namespace):
    from ..federation_cli import config_of
    from .app import Settings

    return Settings(
        store=args.store,
        base=getattr(args, "base", None) or Settings.base,
        host=args.host,
        port=args.port,
        timeout=args.timeout,
        max_rows=args.max_rows,
        max_body=args.max_body,
        token=args.token or os.environ.get("KG_UPDATE_TOKEN") or None,
        workers=args.workers,
        federation=config_of(args) if hasattr(args, "config") else None,
    )


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve until interrupted, or answer `--get PATH` without opening a socket."""
    from .app import create_app

    settings = _settings(args)
    app = create_app(settings)
    if args.get is not None:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # starlette's notice about httpx vs httpx2
            from starlette.testclient import TestClient

        headers = {"accept": args.accept} if args.accept else {}
        with TestClient(app, base_url=f"http://{settings.host}:{settings.port}") as client:
            r = client.get(args.get, headers=headers)
        sys.stdout.buffer.write(r.content)
        if r.content and not r.content.endswith(b"\n"):
            sys.stdout.buffer.write(b"\n")
        return 0 if r.status_code < 400 else (1 if r.status_code < 500 else 2)
    import uvicorn

    print(f"kg serve: http://{settings.host}:{settings.port}/ (store {settings.store})", file=sys.stderr)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning", access_log=False)
    return 0


def main(argv: list[str] | None = None) -> int:
    """`python -m kg.server.cli serve ...`: the same command before (or without) `kg serve`."""
    from kg.namespaces import DEFAULT_BASE

    p = argparse.ArgumentParser(prog="python -m kg.server.cli")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--store", default="kg-data", help="store folder (default: ./kg-data)")
    common.add_argument("--base", default=DEFAULT_BASE, help=f"base IRI (default: {DEFAULT_BASE})")
    add_serve_parser(p.add_subparsers(dest="command", required=True), common)
    args = p.parse_args(argv)
    try:
        return args.func(args)
    except Exception as e:  # noqa: BLE001 - one line, like `kg`
        from kg.errors import KgError

        if isinstance(e, KgError):
            print(f"kg serve: {e}", file=sys.stderr)
            return e.exit_code
        raise


if __name__ == "__main__":
    sys.exit(main())
