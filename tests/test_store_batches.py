"""New articles are bulk loaded in batches behind a journal; a killed load is undone on
the next open. Real Oxigraph stores on disk throughout."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import StoreError
from kg.pipeline import KnowledgeGraph
from kg.store import JOURNAL, Store

EX = "https://kg.example.org/article/"


def graph(name: str, n: int = 3) -> tuple[ox.NamedNode, bytes]:
    g = ox.NamedNode(EX + name)
    quads = [ox.Quad(g, ox.NamedNode(EX + "p"), ox.Literal(f"{name} {i}"), g) for i in range(n)]
    return g, ox.serialize(quads, format=ox.RdfFormat.N_QUADS)


def names(store: Store) -> set[str]:
    return {g.value.removeprefix(EX) for g in store.graphs()}


def test_a_batch_is_stored_whole_and_leaves_no_journal(tmp_path: Path):
    store = Store(tmp_path / "s")
    store.add_graphs([graph("a"), graph("b", 5)])
    assert names(store) == {"a", "b"} and len(store) == 8
    assert not (tmp_path / "s" / JOURNAL).exists()


def test_a_graph_already_stored_is_replaced_not_merged(tmp_path: Path):
    store = Store(tmp_path / "s")
    store.add_graphs([graph("a", 5)])
    store.add_graphs([graph("a", 2), graph("b")])
    assert len(list(store.quads(ox.NamedNode(EX + "a")))) == 2 and names(store) == {"a", "b"}


def test_a_load_killed_midway_is_undone_on_the_next_open(tmp_path: Path):
    path = tmp_path / "s"
    store = Store(path)
    store.add_graphs([graph("kept")])
    # what a SIGKILL during a bulk load leaves: the journal, and part of the batch on disk
    (path / JOURNAL).write_text(f"{EX}half\n{EX}never\n", encoding="utf-8")
    store.oxigraph.bulk_load(graph("half")[1], format=ox.RdfFormat.N_QUADS)
    del store
    reopened = Store(path)
    assert names(reopened) == {"kept"} and len(reopened) == 3
    assert not (path / JOURNAL).exists()


def test_a_batch_that_fails_to_load_stores_none_of_it(tmp_path: Path):
    store = Store(tmp_path / "s")
    store.add_graphs([graph("kept")])
    broken = (ox.NamedNode(EX + "broken"), b"<not a quad\n")
    with pytest.raises(StoreError, match="bulk loading 2 new articles failed.*none of them was stored"):
        store.add_graphs([graph("fine"), broken])
    assert names(store) == {"kept"} and not (tmp_path / "s" / JOURNAL).exists()


def story(i: int, city: str) -> str:
    return f"Talks number {i}\n\nThe envoy said on Monday that the talks would resume in {city} next week.\n"


def test_results_come_in_input_order_once_stored(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    cities = ["Geneva", "Vienna", "Oslo", "Doha", "Cairo"]
    for i, city in enumerate(cities):
        (corpus / f"{i}.txt").write_text(story(i, city), encoding="utf-8")
    (corpus / "2b.txt").write_bytes(b"\x00\x01binary")  # sorts between 2.txt and 3.txt
    kg = KnowledgeGraph(tmp_path / "store")
    seen: list[tuple[str, str, int]] = []

    def on_result(r) -> None:
        # when a result is reported, its article is already in the store
        seen.append((Path(r.origin).name, r.status, len(kg.store.graphs())))

    summary = kg.ingest([corpus], jobs=1, batch_size=2, on_result=on_result)
    assert [(n, s) for n, s, _ in seen] == [
        ("0.txt", "added"),
        ("1.txt", "added"),
        ("2.txt", "added"),
        ("2b.txt", "rejected"),
        ("3.txt", "added"),
        ("4.txt", "added"),
    ]
    stored_when_reported = [g for n, s, g in seen if s == "added"]
    assert stored_when_reported == [2, 2, 4, 4, 5]
    assert summary.count("added") == 5 and kg.stats()["articles"] == 5


def test_two_versions_of_one_article_in_one_run(tmp_path: Path):
    """The second version of a file (same IRI) must not be merged into the first's batch."""
    a, b = tmp_path / "one" / "talks.txt", tmp_path / "two" / "talks.txt"
    for p, city in ((a, "Geneva"), (b, "Vienna")):
        p.parent.mkdir()
        p.write_text(story(1, city), encoding="utf-8")
    kg = KnowledgeGraph(tmp_path / "store")
    summary = kg.ingest([a, b], jobs=1, batch_size=10)
    assert [r.status for r in summary.results] == ["added", "replaced"]
    assert summary.results[0].article == summary.results[1].article
    texts = [r["t"].value for r in kg.query("SELECT ?t WHERE { ?a a kg:Article ; nif:isString ?t }")]
    assert len(texts) == 1 and "Vienna" in texts[0] and kg.validate().conforms
