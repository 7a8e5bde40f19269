"""Shared fixtures: the real seed article from ../shared, and a store built from it."""

from __future__ import annotations

import contextlib
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.pipeline import KnowledgeGraph

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "militia-leaders-meeting-damascus.txt"
BUNDLED_SEED = ROOT / "examples" / "militia-leaders-meeting-damascus.txt"
COMPETENCY = ROOT / "ontology" / "competency"


@pytest.fixture(scope="session")
def trained_nlp():  # type: ignore[no-untyped-def]
    """The pipeline kg loads by default, with the components it adds; skips where this
    checkout has no trained model (kg/nlp/model)."""
    from kg.nlp import load_pipeline

    nlp = load_pipeline()
    if "parser" not in nlp.pipe_names:
        pytest.skip("no trained pipeline in this checkout (kg/nlp/model)")
    return nlp


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The seed as raw text: from ../shared when present (as in CI), else the bundled copy."""
    return SEED if SEED.exists() else BUNDLED_SEED


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory, seed_path) -> KnowledgeGraph:
    kg = KnowledgeGraph(tmp_path_factory.mktemp("seed") / "store")
    summary = kg.ingest([seed_path])
    assert summary.count("added") == 1, [r.message for r in summary.results]
    return kg


def rows(kg: KnowledgeGraph, cq: str) -> list[dict[str, str]]:
    """Run a competency query file and return rows as {variable: lexical value}."""
    results = kg.query((COMPETENCY / f"{cq}.rq").read_text())
    names = [v.value for v in results.variables]
    return [{n: (s[n].value if s[n] is not None else "") for n in names} for s in results]


@contextlib.contextmanager
def local_http_server(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """A threaded HTTP server on 127.0.0.1 (port 0) for remote third parties that cannot
    run here (feeds, misbehaving peers); yields its base URL and stops by itself."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
