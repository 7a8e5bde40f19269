"""The Oxigraph store on disk: one named graph per article, never half written.

Two ways in. A changed article is one SPARQL UPDATE (DROP the old graph, INSERT the new
one), which Oxigraph applies as one transaction: a reader or a crash sees the old article
or the new one. New articles arrive in batches through Oxigraph's bulk loader
(`add_graphs`), which is not transactional; so before loading, the batch's graph names are
written to a journal file in the store folder, and the journal is removed once the load
returns. A store opened for writing with a journal present was killed mid-load: the
graphs it names are dropped (`recover`), and a re-run ingests them again. Nothing else is
touched, since a batch only ever holds graphs the store did not have.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pyoxigraph as ox

from .errors import QueryError, StoreError
from .namespaces import KG, PREFIXES

__all__ = ["JOURNAL", "Store"]

#: The file, inside the store folder, naming the graphs of a bulk load in progress.
JOURNAL = "kg-loading.journal"


class Store:
    """A `kg` graph store in a folder (created when missing)."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        snapshot = False  # a read-only view: another process holds the write lock
        try:
            if read_only:
                if not self.path.exists():
                    raise StoreError(f"{self.path}: no store here; build one with `kg ingest`")
                # Prefer a normal open: a read-only view is a frozen snapshot that can break
                # when the writer compacts files, so it is only the fallback while another
                # process (e.g. `kg serve`) holds the write lock.
                try:
                    self._store = ox.Store(str(self.path))
                except OSError:
                    self._store = ox.Store.read_only(str(self.path))
                    snapshot = True
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except (OSError, RuntimeError) as e:
            raise StoreError(f"{self.path}: cannot open the store ({e})") from None
        if not snapshot:
            self.recover()

    def recover(self) -> list[str]:
        """Drop the graphs of a bulk load that was killed before it finished; return them.

        Only a process holding the store's write lock gets here, so a journal on disk is
        never one a live writer is still using."""
        journal = self.path / JOURNAL
        if not journal.exists():
            return []
        names = [line for line in journal.read_text(encoding="utf-8").splitlines() if line]
        for name in names:
            self._store.update(f"DROP SILENT GRAPH <{name}>")
        self._store.flush()
        journal.unlink()
        _sync_dir(self.path)
        return names

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph store, for callers that need its full API."""
        return self._store

    def content_hash(self, graph: ox.NamedNode) -> str | None:
        """The stored hash of an article graph, or None when it is not stored."""
        for q in self._store.quads_for_pattern(graph, KG.contentHash, None, graph):
            return q.object.value
        return None

    def replace_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        """Atomically replace one named graph by `quads` (all in that graph).

        A new graph is one `extend` (a transaction, and several times faster than parsing
        an update); replacing one is a single UPDATE that drops and inserts, so a reader or
        a crash sees the old article or the new one, never half of either."""
        try:
            if not self._store.contains_named_graph(graph):
                self._store.extend(quads)
                return
            body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
            self._store.update(f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}")
        except OSError as e:
            raise StoreError(
                f"{self.path}: writing {graph.value} failed ({e}); nothing was changed"
            ) from None

    def add_graphs(self, graphs: Sequence[tuple[ox.NamedNode, bytes]]) -> None:
        """Store new article graphs, each given as N-Quads text in its own named graph,
        with one bulk load (about twice as fast as a transaction per article, measured
        by bench/ingest.py). A graph the store already holds is replaced instead, on its
        own, so a batch never mixes into existing data."""
        new: list[tuple[ox.NamedNode, bytes]] = []
        for graph, data in graphs:
            if self._store.contains_named_graph(graph):
                self.replace_graph(graph, ox.parse(data, format=ox.RdfFormat.N_QUADS))
            else:
                new.append((graph, data))
        if not new:
            return
        journal = self.path / JOURNAL
        _write_synced(journal, "".join(f"{g.value}\n" for g, _ in new))
        try:
            self._store.bulk_load(b"".join(data for _, data in new), format=ox.RdfFormat.N_QUADS)
        except (OSError, SyntaxError, ValueError) as e:
            self.recover()
            raise StoreError(
                f"{self.path}: bulk loading {len(new)} new articles failed ({e}); none of them was stored"
            ) from None
        journal.unlink()
        _sync_dir(self.path)

    def remove_graph(self, graph: ox.NamedNode) -> bool:
        if not self._store.contains_named_graph(graph):
            return False
        self._store.update(f"DROP GRAPH {graph}")
        return True

    def graphs(self) -> list[ox.NamedNode]:
        return [g for g in self._store.named_graphs() if isinstance(g, ox.NamedNode)]

    def quads(self, graph: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        return self._store.quads_for_pattern(None, None, None, graph)

    def __len__(self) -> int:
        return len(self._store)

    def query(self, sparql: str, *, union: bool = True, default_graph=None, named_graphs=None):
        """Run a SPARQL query; the default graph is the union of the article graphs
        unless `default_graph` names graphs. Parse errors become `QueryError`."""
        kwargs = {}
        if default_graph is not None:
            kwargs["default_graph"] = default_graph
        else:
            kwargs["use_default_graph_as_union"] = union
        if named_graphs is not None:
            kwargs["named_graphs"] = named_graphs
        try:
            return self._store.query(sparql, prefixes=PREFIXES, **kwargs)
        except SyntaxError as e:
            raise QueryError(f"query does not parse: {e}") from None
        except OSError as e:
            raise QueryError(f"query failed: {e}") from None

    def flush(self) -> None:
        self._store.flush()


def _write_synced(path: Path, text: str) -> None:
    """Write a small file so that it is on disk, whole, when this returns."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    _sync_dir(path.parent)


def _sync_dir(path: Path) -> None:
    """Make a rename or unlink in `path` durable (POSIX needs the folder itself synced)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def open_store(spec: str | Path, read_only: bool = False, config=None):
    """The store a `--store` value names: an http(s) URL is a SPARQL 1.1 server
    (`kg.remote_store.RemoteStore`), anything else a folder. Either way queries go through
    the SERVICE allow-list of `config` (a `kg.config.Config`; None allows no peer), so no
    query can make pyoxigraph or a server call an endpoint the team did not list."""
    from .remote_store import RemoteStore, is_remote

    if is_remote(str(spec)):
        return RemoteStore(str(spec), read_only=read_only, config=config)
    from .federation import GuardedStore

    return GuardedStore(spec, read_only=read_only, config=config)
