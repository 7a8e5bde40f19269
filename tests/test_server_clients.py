"""`kg serve` through real clients (SPARQLWrapper, rdflib's SPARQLStore, requests) on
127.0.0.1, and the inputs it must refuse without harm."""

from __future__ import annotations

import argparse
import json
import os
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests
from rdflib import Graph

from kg.server.app import Settings
from kg.server.live import LiveServer

COMPETENCY = Path(__file__).resolve().parents[1] / "ontology" / "competency"
TOKEN = "s3cret-test-token"
BASE = "https://kg.example.org/"
LONG_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def store_path(seed_store, tmp_path_factory) -> Path:
    """A copy of the seed store, so the server can hold its own write lock."""
    path = tmp_path_factory.mktemp("served") / "store"
    copy = ox.Store(str(path))
    copy.extend(list(seed_store.store.quads()))
    copy.flush()
    del copy
    return path


@pytest.fixture(scope="module")
def live(store_path):
    settings = Settings(store=store_path, port=0, token=TOKEN, timeout=2, max_rows=50, max_body=10_000)
    server = LiveServer(settings)
    with server as url:
        yield url, server


@pytest.fixture()
def url(live) -> str:
    return live[0]


def _count(url: str) -> int:
    r = requests.get(url + "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"})
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


# ------------------------------------------------------------------ real clients
def test_sparqlwrapper_select_ask_construct(url):
    from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

    sw = SPARQLWrapper(url + "/sparql")
    sw.setQuery((COMPETENCY / "cq01.rq").read_text())
    sw.setReturnFormat(JSON)
    rows = sw.query().convert()["results"]["bindings"]
    assert rows and all(r["claim"]["value"].startswith(BASE + "claim/") for r in rows)

    sw.setQuery("ASK { ?c a kg:Claim }")
    assert sw.query().convert()["boolean"] is True

    sw.setQuery("CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a a kg:Actor ; rdfs:label ?l }")
    sw.setReturnFormat(TURTLE)
    g = Graph().parse(data=sw.query().convert(), format="turtle")
    assert len(g) > 5


def test_sparqlwrapper_post(url):
    from SPARQLWrapper import JSON, POST, SPARQLWrapper

    sw = SPARQLWrapper(url + "/sparql")
    sw.setMethod(POST)
    sw.setQuery((COMPETENCY / "cq02.rq").read_text())
    sw.setReturnFormat(JSON)
    assert sw.query().convert()["results"]["bindings"]


def test_rdflib_sparqlstore(url):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    g = Graph(store=SPARQLStore(url + "/sparql", returnFormat="json"))
    rows = list(
        g.query(
            "SELECT ?a ?l WHERE { ?a a <https://w3id.org/kg-news/ns#Actor> ; "
            "<http://www.w3.org/2000/01/rdf-schema#label> ?l }"
        )
    )
    assert any(str(r[1]) == "Iran" for r in rows)


@pytest.mark.parametrize(
    "accept,ctype",
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
    ],
)
def test_select_negotiation(url, accept, ctype):
    r = requests.get(
        url + "/sparql",
        params={"query": "SELECT ?a WHERE { ?a a kg:Actor } LIMIT 3"},
        headers={"Accept": accept},
    )
    assert r.status_code == 200 and r.headers["content-type"].startswith(ctype)
    assert r.headers["access-control-allow-origin"] == "*" if "origin" in r.request.headers else True


@pytest.mark.parametrize(
    "accept,ctype,rdflib_format",
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
    ],
)
def test_construct_negotiation(url, accept, ctype, rdflib_format):
    q = "CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a a kg:Actor ; rdfs:label ?l }"
    r = requests.post(
        url + "/sparql",
        data=q.encode(),
        headers={"Accept": accept, "Content-Type": "application/sparql-query"},
    )
    assert r.status_code == 200 and r.headers["content-type"].startswith(ctype)
    assert len(Graph().parse(data=r.content, format=rdflib_format)) > 5


def test_named_graph_parameters(url):
    graph = requests.get(url + "/sparql", params={"query": "SELECT ?a { ?a a kg:Article }"}).json()
    article = graph["results"]["bindings"][0]["a"]["value"]
    q = {"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"}
    n_one = requests.get(url + "/sparql", params={**q, "default-graph-uri": article}).json()
    n_none = requests.get(url + "/sparql", params={**q, "default-graph-uri": BASE + "article/none"}).json()
    assert int(n_one["results"]["bindings"][0]["n"]["value"]) > 100
    assert int(n_none["results"]["bindings"][0]["n"]["value"]) == 0
    r = requests.get(
        url + "/rdf-graphs", params={"graph": article}, headers={"Accept": "application/n-quads"}
    )
    assert r.status_code == 200 and r.text.count("\n") > 100
    assert requests.get(url + "/rdf-graphs", params={"graph": BASE + "article/none"}).status_code == 404


def test_row_cap_sets_header(url):
    r = requests.get(url + "/sparql", params={"query": "SELECT * { ?s ?p ?o }"})
    assert r.status_code == 200 and "KG-Truncated" in r.headers
    assert len(r.json()["results"]["bindings"]) == 50


def test_service_description_and_void(url):
    r = requests.get(url + "/sparql")
    assert r.headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=r.text, format="turtle")
    assert any("sparql-service-description" in str(o) for o in g.objects())
    r = requests.get(url + "/.well-known/void")
    g = Graph().parse(data=r.text, format="turtle")
    text = r.text
    assert "void:sparqlEndpoint" in text and "void:classPartition" in text and "void:dataDump" in text
    assert len(g) > 10
    assert requests.get(url + "/dump.nq").text.count("\n") > 500


# ------------------------------------------------------------------ linked data
def test_linked_data_pages(url):
    r = requests.get(url + "/actor/iran", headers={"Accept": "text/html"})
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    assert "Claims about it" in r.text and 'href="/claim/' in r.text
    # a participant's page links its meetings
    r = requests.get(url + "/actor/government-of-syria", headers={"Accept": "text/html"})
    assert r.status_code == 200 and 'href="/meeting/' in r.text
    r = requests.get(url + "/actor/iran", headers={"Accept": "text/turtle"})
    g = Graph().parse(data=r.text, format="turtle")
    assert {str(s) for s in g.subjects()} == {BASE + "actor/iran"}
    r = requests.get(url + "/actor/iran", headers={"Accept": "application/ld+json"})
    assert r.headers["content-type"].startswith("application/ld+json") and json.loads(r.text)
    claims = requests.get(url + "/sparql", params={"query": "SELECT ?c { ?c a kg:Claim }"}).json()
    claim = claims["results"]["bindings"][0]["c"]["value"]
    r = requests.get(url + "/" + claim[len(BASE) :], headers={"Accept": "text/html"})
    assert r.status_code == 200 and "<mark>" in r.text
    article = requests.get(url + "/sparql", params={"query": "SELECT ?a { ?a a kg:Article }"}).json()
    path = article["results"]["bindings"][0]["a"]["value"][len(BASE) :]
    r = requests.get(url + "/" + path, headers={"Accept": "text/html"})
    assert "Claims (" in r.text and 'href="/claim/' in r.text
    assert requests.get(url + "/actor/nobody-at-all").status_code == 404


# ------------------------------------------------------------------ bad input
def test_malformed_query_is_400_with_parser_message(url):
    r = requests.get(url + "/sparql", params={"query": "SELECT ?x WHERE { ?x"})
    assert r.status_code == 400 and "does not parse" in r.text
    r = requests.get(
        url + "/sparql", params={"query": "SELECT ?x WHERE { ?x"}, headers={"Accept": "application/json"}
    )
    assert r.json()["error"]["status"] == 400


def test_unknown_format_is_406(url):
    r = requests.get(url + "/sparql", params={"query": "ASK {}", "format": "yaml"})
    assert r.status_code == 406
    r = requests.get(url + "/sparql", params={"query": "ASK {}"}, headers={"Accept": "image/png"})
    assert r.status_code == 406


def test_oversized_body_is_413(url):
    r = requests.post(
        url + "/sparql", data=b"ASK {}" + b" " * 20_000, headers={"Content-Type": "application/sparql-query"}
    )
    assert r.status_code == 413


def test_wrong_method_and_content_type(url):
    assert requests.put(url + "/sparql", data=b"ASK {}").status_code == 405
    assert requests.delete(url + "/sparql").status_code == 405
    r = requests.post(url + "/sparql", data=b"ASK {}", headers={"Content-Type": "text/plain"})
    assert r.status_code == 415
    assert requests.post(url + "/rdf-graphs?default").status_code == 405


def test_invalid_utf8_is_400(url):
    r = requests.post(
        url + "/sparql",
        data=b'ASK { ?s ?p "\xff\xfe" }',
        headers={"Content-Type": "application/sparql-query"},
    )
    assert r.status_code == 400 and "UTF-8" in r.text
    r = requests.get(url + "/sparql?query=ASK%20%7B%7D%FF")
    assert r.status_code == 400


def test_update_needs_the_token(url):
    before = _count(url)
    upd = "INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> <urn:x:o> } }"
    r = requests.post(url + "/sparql", data={"update": upd})
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
    r = requests.post(
        url + "/sparql",
        data=upd.encode(),
        headers={"Content-Type": "application/sparql-update", "Authorization": "Bearer wrong"},
    )
    assert r.status_code == 403
    assert _count(url) == before
    r = requests.post(
        url + "/sparql",
        data=upd.encode(),
        headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"},
    )
    assert r.status_code == 204
    assert _count(url) == before + 1  # the recycled workers see the update
    r = requests.post(
        url + "/sparql", data={"update": "DROP GRAPH <urn:x:g>"}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert r.status_code == 204 and _count(url) == before


def test_runaway_query_is_killed_and_others_go_on(live):
    url, server = live
    before = _count(url)
    pids_before = {w.process.pid for w in server.app.state.pool._all}
    answers: dict[str, requests.Response] = {}

    def slow() -> None:
        answers["slow"] = requests.get(url + "/sparql", params={"query": LONG_QUERY}, timeout=30)

    t0 = time.monotonic()
    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.2)
    quick = requests.get(url + "/sparql", params={"query": "ASK { ?c a kg:Claim }"}, timeout=30)
    assert quick.status_code == 200 and quick.json()["boolean"] is True
    thread.join()
    elapsed = time.monotonic() - t0
    r = answers["slow"]
    assert r.status_code == 503 and "2 s limit" in r.text, r.text
    assert elapsed < 6
    pids_after = {w.process.pid for w in server.app.state.pool._all}
    killed = pids_before - pids_after
    assert killed, "the worker that ran the query was not replaced"
    time.sleep(0.3)
    for pid in killed:  # the CPU is freed: the process is gone (or a zombie being reaped)
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split()[2]
        except FileNotFoundError:
            continue
        assert state in ("Z", "X"), f"worker {pid} still running ({state})"
    assert _count(url) == before
    assert requests.get(url + "/sparql", params={"query": "ASK {}"}).status_code == 200


def test_cli_get_answers_without_a_socket(store_path, capsys):
    from kg.server.cli import add_serve_parser

    p = argparse.ArgumentParser()
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--store")
    common.add_argument("--base", default=BASE)
    add_serve_parser(p.add_subparsers(dest="command"), common)
    env = os.environ.pop("KG_UPDATE_TOKEN", None)
    try:
        args = p.parse_args(["serve", "--store", str(store_path), "--get", "/sparql?query=ASK%7B%7D"])
        assert args.func(args) == 0
    finally:
        if env is not None:
            os.environ["KG_UPDATE_TOKEN"] = env
    assert json.loads(capsys.readouterr().out)["boolean"] is True
