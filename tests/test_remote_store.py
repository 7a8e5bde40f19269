"""`--store http://…/`: ingest, query, validate and export against a real `oxigraph serve`
(SPARQL 1.1 Protocol + Graph Store Protocol), and the servers that refuse writes."""

from __future__ import annotations

import argparse
import http.server
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

from kg.errors import InputError, QueryError, StoreError
from kg.export import dump_bytes
from kg.federation import GuardedStore
from kg.federation_cli import store_spec
from kg.pipeline import KnowledgeGraph
from kg.remote_store import RemoteStore
from kg.store import open_store

ROOT = Path(__file__).resolve().parents[1]
CQ1 = (ROOT / "ontology" / "competency" / "cq01.rq").read_text()
OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
ARTICLE = (
    "Ministry warns on Yemen\n\nThe ministry said that Iran exports militias to Yemen. The ministry said "
    "that Iran has begun a project to export its militias from Syria to Yemen.\n"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_oxigraph(location: Path, read_only: bool = False) -> tuple[subprocess.Popen, str]:
    port = free_port()
    cmd = "serve-read-only" if read_only else "serve"
    proc = subprocess.Popen(
        [OXIGRAPH, cmd, "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            requests.get(url, timeout=1)
            return proc, url
        except requests.ConnectionError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("oxigraph serve did not start")


@pytest.fixture(scope="module")
def oxigraph_url(tmp_path_factory):
    proc, url = start_oxigraph(tmp_path_factory.mktemp("oxi-remote"))
    yield url
    proc.kill()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def article(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("remote-articles") / "r1.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_open_store_dispatches(tmp_path, oxigraph_url):
    assert isinstance(open_store(tmp_path / "s"), GuardedStore)
    assert isinstance(open_store(oxigraph_url), RemoteStore)
    with pytest.raises(InputError, match="unknown store option"):
        open_store(oxigraph_url + "#qurey=x")


def test_ingest_query_validate_export_remote(oxigraph_url, article, tmp_path):
    kg = KnowledgeGraph(oxigraph_url)
    summary = kg.ingest([article])
    assert summary.count("added") == 1, [r.message for r in summary.results]
    assert kg.ingest([article]).count("unchanged") == 1  # content hash read back over the protocol
    graphs = kg.store.graphs()
    assert len(graphs) == 1 and graphs[0].value.startswith(kg.base + "article/r1-")
    rows = list(kg.query(CQ1))
    assert rows and {r["claimantLabel"].value for r in rows} == {"ministry"}
    assert kg.validate().conforms
    stats = kg.stats()
    assert stats["articles"] == 1 and stats["claims"] >= 1 and stats["quads"] == len(kg.store) > 50

    # same data as a local store built from the same article
    local = KnowledgeGraph(tmp_path / "local")
    local.ingest([article])
    assert sorted(dump_bytes(kg.store, "nquads").splitlines()) == sorted(
        dump_bytes(local.store, "nquads").splitlines()
    )
    # CONSTRUCT and ASK over the protocol
    assert bool(kg.query("ASK { ?c a kg:Claim }"))
    assert len(kg.query("CONSTRUCT { ?c a kg:Claim } WHERE { ?c a kg:Claim }")) >= 1
    with pytest.raises(QueryError, match="query refused"):
        kg.query("SELECT WHERE {")

    # a PUT repeated (a retry) leaves the same graph
    before = len(kg.store)
    quads = list(kg.store.quads(graphs[0]))
    kg.store.replace_graph(graphs[0], quads)
    assert len(kg.store) == before
    assert kg.retract(graphs[0].value) is True
    assert kg.retract(graphs[0].value) is False
    assert kg.store.graphs() == []


def test_store_from_config(tmp_path, oxigraph_url):
    cfg = tmp_path / "kg.toml"
    cfg.write_text(f'store = "{oxigraph_url}"\n', encoding="utf-8")
    args = argparse.Namespace(store=None, config=str(cfg))
    assert store_spec(args) == oxigraph_url
    args = argparse.Namespace(store=str(tmp_path / "s"), config=str(cfg))
    assert store_spec(args) == str(tmp_path / "s")


class Refusing(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_PUT(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("content-length") or 0))
        body = b"Forbidden: this store is read only\n"
        self.send_response(403)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_remote_store_refusing_writes(tmp_path, article):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Refusing)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        store = RemoteStore(f"http://127.0.0.1:{server.server_address[1]}/")
        with pytest.raises(StoreError, match=r"refuses \(HTTP 403"):
            store.replace_graph(ox.NamedNode("https://kg.example.org/article/x"), [])
    finally:
        server.shutdown()
        server.server_close()


def test_oxigraph_read_only_server_refuses(tmp_path, article):
    location = tmp_path / "ro"
    subprocess.run(
        [OXIGRAPH, "load", "--location", str(location), "--format", "nq"],
        input=b"<http://a> <http://b> <http://c> <http://g> .\n",
        check=True,
        capture_output=True,
        timeout=60,
    )
    proc, url = start_oxigraph(location, read_only=True)
    try:
        kg = KnowledgeGraph(url)
        try:
            summary = kg.ingest([article])
        except StoreError as e:  # the writer's error stops the run
            assert "refuses (HTTP 403" in str(e)
        else:  # or it is reported per input
            assert summary.count("rejected") == 1 and "refuses" in summary.results[0].message
        assert [g.value for g in kg.store.graphs()] == ["http://g"]  # nothing changed
    finally:
        proc.kill()
        proc.wait(timeout=10)


def test_unreachable_store_is_store_error():
    store = RemoteStore(f"http://127.0.0.1:{free_port()}/")
    with pytest.raises(StoreError, match="unreachable"):
        store.graphs()
    with pytest.raises(StoreError, match="read-only"):
        RemoteStore("http://127.0.0.1:1/", read_only=True).remove_graph(ox.NamedNode("http://g"))
