"""Federation with real servers on 127.0.0.1: three `kg serve` peers holding different
articles, one `oxigraph serve` as a foreign peer, and a tiny misbehaving HTTP server
(slow, malformed, HTML, huge, redirecting) — all on port 0 / free ports, stopped at the end."""

from __future__ import annotations

import http.server
import json
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests
from conftest import local_http_server

from kg.cli import main
from kg.config import Config, load_config
from kg.errors import InputError, PeerError
from kg.federation import check_services, federate, format_federated, prepare_query
from kg.pipeline import KnowledgeGraph
from kg.server.app import Settings
from kg.server.live import LiveServer

ROOT = Path(__file__).resolve().parents[1]
CQ1 = (ROOT / "ontology" / "competency" / "cq01.rq").read_text()
OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
BASE = "https://kg.example.org/"

# Each article states the CQ1 claim twice: in the plain form, and in the seed article's own
# wording ("has begun a project to export its militias from Syria to Yemen"), which the
# extractor is tuned on, so a CQ1 row exists even while the extractor's coverage changes.
CLAIM = "said that Iran has begun a project to export its militias from Syria to Yemen."
ARTICLES = {
    "beta": {
        "b1.txt": f"Ministry warns on Yemen\n\nThe ministry said that Iran exports militias to Yemen. "
        f"The ministry {CLAIM} Reuters reported the statement on Monday.\n",
    },
    "gamma": {
        "c1.txt": f"Officials speak on Yemen\n\nThe Saudi foreign minister said that Iran exports militias "
        f"to Yemen. The Saudi foreign minister {CLAIM}\n",
    },
    "oxi": {
        "d1.txt": f"Yemen talks stall\n\nA spokesman said that Iran exports militias to Yemen. "
        f"The Arab League {CLAIM}\n",
    },
}
RESULTS = "application/sparql-results+json"
TOKEN = "fed-test-token"
CQ1_PATTERN = CQ1[CQ1.index("WHERE {") + len("WHERE {") : CQ1.rindex("}")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            requests.get(url, timeout=1)
            return
        except requests.ConnectionError:
            time.sleep(0.05)
    raise RuntimeError(f"{url} did not start")


class Misbehaving(http.server.BaseHTTPRequestHandler):
    """One path per failure mode; `hits` counts every request (to prove none was sent)."""

    hits: list[str] = []
    redirect_to = ""

    def log_message(self, *args) -> None:  # quiet
        pass

    def _answer(self) -> None:
        Misbehaving.hits.append(self.path)
        length = int(self.headers.get("content-length") or 0)
        if length:
            self.rfile.read(length)
        path = self.path.split("?")[0]
        if path == "/slow":
            time.sleep(3)
            self._send(200, RESULTS, b'{"head":{"vars":[]},"results":{"bindings":[]}}')
        elif path == "/malformed":
            self._send(200, RESULTS, b'{"head": {"vars": ["a"]}, "results": [')
        elif path == "/html":
            self._send(500, "text/html", b"<html><body><h1>Internal Server Error</h1></body></html>")
        elif path == "/html200":
            self._send(200, "text/html", b"<html><body>Login required</body></html>")
        elif path == "/huge":
            row = b'{"a":{"type":"literal","value":"' + b"x" * 1000 + b'"}},'
            self._send(200, RESULTS, b'{"head":{"vars":["a"]},"results":{"bindings":[' + row * 200)
        elif path == "/redirect-out":
            self.send_response(302)
            self.send_header("Location", "http://127.0.0.2:9999/sparql")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/redirect-in":
            self.send_response(307)
            self.send_header("Location", Misbehaving.redirect_to)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/forbidden":
            self._send(403, "text/plain", b"read only\n")
        else:
            self._send(404, "text/plain", b"no\n")

    def _send(self, status: int, ctype: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass

    do_GET = do_POST = do_PUT = do_DELETE = _answer


@pytest.fixture(scope="module")
def bad_server():
    with local_http_server(Misbehaving) as url:
        yield url


def _write_articles(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def stores(tmp_path_factory, seed_store) -> dict[str, Path]:
    """alpha = the seed article; beta, gamma, oxi = one test article each."""
    root = tmp_path_factory.mktemp("fed")
    out: dict[str, Path] = {}
    alpha = ox.Store(str(root / "alpha"))
    alpha.extend(list(seed_store.store.quads()))
    alpha.flush()
    del alpha
    out["alpha"] = root / "alpha"
    for team, files in ARTICLES.items():
        kg = KnowledgeGraph(root / team)
        summary = kg.ingest([_write_articles(root / f"{team}-articles", files)])
        assert summary.count("added") == len(files), [r.message for r in summary.results]
        if team == "oxi":
            kg.store.oxigraph.dump(str(root / "oxi.nq"), ox.RdfFormat.N_QUADS)
        del kg
        out[team] = root / team
    out["oxi.nq"] = root / "oxi.nq"
    return out


@pytest.fixture(scope="module")
def oxigraph_peer(stores, tmp_path_factory):
    """The foreign peer: Oxigraph's own server, union default graph so CQ1 runs unchanged."""
    location = tmp_path_factory.mktemp("oxi-served")
    subprocess.run(
        [OXIGRAPH, "load", "--location", str(location), "--file", str(stores["oxi.nq"])],
        check=True,
        capture_output=True,
        timeout=60,
    )
    port = free_port()
    proc = subprocess.Popen(
        [
            OXIGRAPH,
            "serve",
            "--location",
            str(location),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_http(f"http://127.0.0.1:{port}/")
        yield f"http://127.0.0.1:{port}/query"
    finally:
        proc.kill()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def peers(stores):
    """beta and gamma as `kg serve` peers (no federation of their own)."""
    servers = {
        t: LiveServer(Settings(store=stores[t], port=0, workers=1, timeout=10)) for t in ("beta", "gamma")
    }
    urls = {t: s.__enter__() + "/sparql" for t, s in servers.items()}
    yield urls
    for s in servers.values():
        s.__exit__(None, None, None)


@pytest.fixture(scope="module")
def config(peers, oxigraph_peer, bad_server, tmp_path_factory) -> Config:
    dead = free_port()  # nothing listens there
    path = tmp_path_factory.mktemp("cfg") / "kg.toml"
    lines = [
        f'[peers.beta]\nendpoint = "{peers["beta"]}"\ntimeout = 10\n',
        f'[peers.gamma]\nendpoint = "{peers["gamma"]}"\ntimeout = 10\n',
        f'[peers.oxi]\nendpoint = "{oxigraph_peer}"\ntimeout = 10\n',
        f'[peers.dead]\nendpoint = "http://127.0.0.1:{dead}/sparql"\ntimeout = 2\n',
        f'[peers.slow]\nendpoint = "{bad_server}/slow"\ntimeout = 1\n',
        f'[peers.malformed]\nendpoint = "{bad_server}/malformed"\n',
        f'[peers.html]\nendpoint = "{bad_server}/html"\n',
        f'[peers.html200]\nendpoint = "{bad_server}/html200"\n',
        f'[peers.huge]\nendpoint = "{bad_server}/huge"\nmax_bytes = 50000\n',
        f'[peers.redirect-out]\nendpoint = "{bad_server}/redirect-out"\n',
        f'[peers.redirect-in]\nendpoint = "{bad_server}/redirect-in"\n',
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    Misbehaving.redirect_to = peers["beta"]
    return load_config(path)


@pytest.fixture(scope="module")
def hub(stores, config):
    """alpha's `kg serve`, allowed to call the configured peers."""
    settings = Settings(store=stores["alpha"], port=0, workers=1, timeout=20, federation=config, token=TOKEN)
    with LiveServer(settings) as url:
        yield url + "/sparql"


def federated_cq1(config: Config, names: list[str], local: bool = True) -> str:
    parts = [f'{{ {CQ1_PATTERN} BIND("alpha" AS ?peer) }}'] if local else []
    parts += [
        f'{{ SERVICE <{config.peers[n].endpoint}> {{ {CQ1_PATTERN} }} BIND("{n}" AS ?peer) }}' for n in names
    ]
    prolog = (
        "PREFIX kg: <https://w3id.org/kg-news/ns#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    )
    union = "\nUNION\n".join(parts)
    return f"{prolog}SELECT DISTINCT ?peer ?claim ?claimantLabel ?article WHERE {{\n{union}\n}}"


def service_query(config: Config, peer: str) -> str:
    return f"SELECT * WHERE {{ SERVICE <{config.peers[peer].endpoint}> {{ ?s ?p ?o }} }}"


def _sparql(url: str, query: str) -> requests.Response:
    return requests.post(url, data={"query": query}, headers={"Accept": RESULTS}, timeout=30)


# ------------------------------------------------------------------ federated CQ1
def test_federated_cq1_through_kg_serve(hub, config):
    r = _sparql(hub, federated_cq1(config, ["beta", "gamma", "oxi"]))
    assert r.status_code == 200, r.text
    rows = r.json()["results"]["bindings"]
    by_peer: dict[str, set[str]] = {}
    for row in rows:
        by_peer.setdefault(row["peer"]["value"], set()).add(row["article"]["value"])
    assert set(by_peer) == {"alpha", "beta", "gamma", "oxi"}
    assert any("militia-leaders" in a for a in by_peer["alpha"])
    for team, article in (("beta", "b1"), ("gamma", "c1"), ("oxi", "d1")):
        assert any(f"/article/{article}-" in a for a in by_peer[team]), by_peer


def test_federated_cq1_through_kg_query(stores, config):
    kg = KnowledgeGraph(stores["alpha"], read_only=True, config=config)
    rows = list(kg.query(federated_cq1(config, ["beta", "oxi"])))
    assert {r["peer"].value for r in rows} == {"alpha", "beta", "oxi"}


def test_kg_federate_merges_with_peer_column(stores, config, capsys):
    res = federate(CQ1, config, peers=["beta", "gamma", "oxi"])
    assert res.variables[0] == "peer" and not res.errors
    assert {r[0].value for r in res.rows} == {"beta", "gamma", "oxi"}
    data = json.loads(format_federated(res, "json"))
    assert {b["peer"]["value"] for b in data["results"]["bindings"]} == {"beta", "gamma", "oxi"}
    assert format_federated(res, "csv").splitlines()[0].startswith("peer,claim,")
    assert "(" in format_federated(res, "table").splitlines()[-1]

    # the CLI; a dead peer is reported, the rest printed
    argv = [
        "federate",
        str(ROOT / "ontology/competency/cq01.rq"),
        "--config",
        str(config.path),
        "--store",
        str(stores["alpha"]),
        "--local",
        "--peer",
        "gamma",
        "--peer",
        "dead",
        "--format",
        "tsv",
        "--base",
        BASE,
    ]
    assert main(argv) == 2
    out = capsys.readouterr()
    peers_seen = {line.split("\t")[0] for line in out.out.splitlines()[1:]}
    assert peers_seen == {'"local"', '"gamma"'}
    assert "dead" in out.err and "unreachable" in out.err


# ------------------------------------------------------------------ refusals
def test_service_not_on_the_allow_list_is_refused_before_any_request(hub, config, bad_server):
    Misbehaving.hits.clear()
    q = f"SELECT * WHERE {{ SERVICE <{bad_server}/unlisted> {{ ?s ?p ?o }} }}"
    with pytest.raises(PeerError, match="not an allow-listed peer"):
        prepare_query(q, config)
    r = _sparql(hub, q)
    assert r.status_code == 502 and "not an allow-listed peer" in r.text
    with pytest.raises(PeerError, match="variable service endpoint"):
        check_services("SELECT * WHERE { ?x a ?t . SERVICE ?x { ?s ?p ?o } }", config)
    # a config-less kg (no kg.toml): every SERVICE refused, pyoxigraph never sees it
    with pytest.raises(PeerError, match="no kg.toml peers"):
        prepare_query(q, None)
    # updates sent to kg serve are checked the same way, before anything is written
    before = _sparql(hub, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }").json()
    update = f"INSERT {{ GRAPH <urn:x> {{ ?s ?p ?o }} }} WHERE {{ SERVICE <{bad_server}/u> {{ ?s ?p ?o }} }}"
    r = requests.post(
        hub,
        data={"update": update},
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=30,
    )
    assert r.status_code == 502 and "not an allow-listed peer" in r.text
    assert _sparql(hub, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }").json() == before
    assert Misbehaving.hits == []


def test_dead_peer_clear_error_and_silent(config):
    dead = config.peers["dead"].endpoint
    with pytest.raises(PeerError, match=r"peer dead .* is unreachable"):
        prepare_query(f"SELECT * WHERE {{ SERVICE <{dead}> {{ ?s ?p ?o }} }}", config)
    q = f'SELECT ?x WHERE {{ BIND("here" AS ?x) SERVICE SILENT <{dead}> {{ ?s ?p ?o }} }}'
    assert [r["x"].value for r in ox.Store().query(prepare_query(q, config))] == ["here"]


def test_silent_dead_peer_through_kg_serve(hub, config):
    dead = config.peers["dead"].endpoint
    r = _sparql(hub, f'SELECT ?x WHERE {{ BIND("here" AS ?x) SERVICE SILENT <{dead}> {{ ?s ?p ?o }} }}')
    assert r.status_code == 200
    assert r.json()["results"]["bindings"] == [{"x": {"type": "literal", "value": "here"}}]


def test_slow_peer_times_out(config):
    t0 = time.monotonic()
    with pytest.raises(PeerError, match=r"peer slow .* within 1 s"):
        prepare_query(service_query(config, "slow"), config)
    assert time.monotonic() - t0 < 2.5


@pytest.mark.parametrize(
    ("peer", "message"),
    [
        ("malformed", "malformed SPARQL results"),
        ("html", "HTTP 500: Internal Server Error"),
        ("html200", "answered text/html, not SPARQL results"),
        ("huge", "over the 50000-byte limit"),
        ("redirect-out", "redirects to http://127.0.0.2:9999/sparql, which is not an allow-listed peer"),
    ],
)
def test_bad_peer_answers(config, peer, message):
    with pytest.raises(PeerError, match=message):
        prepare_query(service_query(config, peer), config)


def test_redirect_to_an_allowed_peer_is_followed(config):
    endpoint = config.peers["redirect-in"].endpoint
    q = f"SELECT (COUNT(*) AS ?n) WHERE {{ SERVICE <{endpoint}> {{ ?c a kg:Claim }} }}"
    n = next(
        iter(ox.Store().query(prepare_query(q, config), prefixes={"kg": "https://w3id.org/kg-news/ns#"}))
    )
    assert int(n["n"].value) >= 1


def test_peer_error_through_kg_serve_is_502(hub, config):
    r = _sparql(hub, service_query(config, "html"))
    assert r.status_code == 502 and "HTTP 500" in r.text, r.text


# ------------------------------------------------------------------ config file
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[peers.a\n", "not valid TOML"),
        ("[peers.a]\ntoken = 'x'\n", r"\[peers.a\].endpoint is missing"),
        ("[peers.a]\nendpoint = 'ftp://x/'\n", r"\[peers.a\].endpoint = 'ftp://x/' is not an http"),
        ("[peers.a]\nendpoint = 'http://x/'\ntimeout = -1\n", r"\[peers.a\].timeout = -1"),
        ("[peers.a]\nendpoint = 'http://x/'\ntimout = 1\n", "unknown key"),
        ("peer = 1\n", "unknown key"),
    ],
)
def test_config_errors_name_file_and_key(tmp_path, text, message):
    path = tmp_path / "kg.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message) as e:
        load_config(path)
    assert str(path) in str(e.value)


def test_config_missing_file_and_default(tmp_path, monkeypatch):
    with pytest.raises(InputError, match="config file not found"):
        load_config(tmp_path / "nope.toml")
    monkeypatch.chdir(tmp_path)
    assert load_config().peers == {}
    (tmp_path / "kg.toml").write_text(
        'store = "http://127.0.0.1:1/"\n[peers.x]\nendpoint = "http://h/sparql"\n'
    )
    cfg = load_config()
    assert cfg.store == "http://127.0.0.1:1/" and cfg.peers["x"].timeout == 10.0


def test_results_parsed_the_same_from_json_and_xml():
    from kg.federation import _materialize

    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal("x", language="en")))
    five = ox.Literal("5", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    store.add(ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/q"), five))
    q = "SELECT ?s ?p ?o ?none WHERE { ?s ?p ?o }"
    expected = sorted(str([s[v] for v in ("s", "p", "o", "none")]) for s in store.query(q))
    for fmt in (ox.QueryResultsFormat.JSON, ox.QueryResultsFormat.XML):
        names, rows, problem = _materialize(store.query(q).serialize(format=fmt), fmt)
        assert problem == "" and names == ["s", "p", "o", "none"]
        assert sorted(str(r) for r in rows) == expected
    assert "malformed" in _materialize(b"<sparql", ox.QueryResultsFormat.XML)[2]
