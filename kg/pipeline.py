"""The stages wired together: file → Article → analysis → records → quads → shapes → store.

This is the Python API the CLI and the server are shells over:

>>> import tempfile
>>> from kg.pipeline import KnowledgeGraph
>>> kg = KnowledgeGraph(tempfile.mkdtemp())
>>> kg.stats()["articles"]
0
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode

from .errors import InputError, ValidationError
from .extract import extract
from .ingest import SourceOptions
from .mapping import article_iri, content_hash, to_quads
from .models import Article, IngestResult
from .namespaces import DEFAULT_BASE
from .nlp import analyse_one, load_pipeline
from .resolve import resolve
from .store import open_store
from .validate import Report, validate_graphs, validate_quads
from .writer import DEFAULT_BATCH_SIZE, BatchWriter

__all__ = ["IngestResult", "KnowledgeGraph"]


@dataclass
class IngestSummary:
    results: list[IngestResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self) -> bool:
        return any(r.status == "rejected" for r in self.results)


class KnowledgeGraph:
    """A kg graph in a store folder, with the base IRI its data is minted under."""

    def __init__(
        self,
        store: str | Path,
        base: str = DEFAULT_BASE,
        pipeline: str | None = None,
        read_only: bool = False,
        config=None,
    ) -> None:
        """`store` is a folder or an http(s) SPARQL server URL (see `kg.store.open_store`);
        `config` (a `kg.config.Config`) is the SERVICE allow-list its queries may use."""
        if not base.endswith(("/", "#")):
            raise InputError(f"base IRI {base!r} must end with '/' or '#'")
        self.base = base
        self.pipeline_name = pipeline
        self.store = open_store(store, read_only=read_only, config=config)

    # ------------------------------------------------------------------ ingest
    def build(self, article: Article, doc=None):
        """Analyse one article and return (graph IRI, quads, hash) without storing it.
        `doc` is the article's text already parsed by the pipeline, if it is."""
        if doc is None:
            doc = analyse_one(load_pipeline(self.pipeline_name), article.text)
        graph = extract(article, doc)
        resolved = resolve(graph)
        iri = article_iri(self.base, resolved.article_id)
        return iri, to_quads(resolved, self.base), content_hash(resolved, self.base)

    def ingest_article(self, article: Article) -> IngestResult:
        """Store one article unless it is unchanged; refuse it if its graph breaks the
        shapes (raising `ValidationError` with the report), leaving the store as it was."""
        iri, quads, digest = self.build(article)
        previous = self.store.content_hash(iri)
        if previous == digest:
            return IngestResult(article.origin, "unchanged", iri.value)
        report = validate_quads(quads)
        if not report.conforms:
            raise ValidationError(
                f"{article.origin}: its graph does not conform to the shapes "
                f"({report.violations} violations); not stored",
                report.text,
            )
        self.store.replace_graph(iri, quads)
        return IngestResult(article.origin, "replaced" if previous else "added", iri.value, quads=len(quads))

    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        jobs: int = 1,
        options: SourceOptions | None = None,
        on_result: Callable[[IngestResult], None] | None = None,
        keep_results: bool = True,
        batch_size: int = DEFAULT_BATCH_SIZE,
    ) -> IngestSummary:
        """Ingest files, folders, URLs, feeds and record files; a bad input is reported and
        the rest go on.

        Articles are analysed and validated in `jobs` worker processes and written here, by
        this one process, in input order: new articles `batch_size` at a time through the
        bulk loader, a changed one in a transaction of its own (see `kg.writer`). A crash
        leaves whole articles only, and a re-run skips those already stored (same content
        hash). `on_result` sees each result once it is stored (progress, streaming output);
        `keep_results=False` keeps only counts and rejections, for corpora of any size.
        """
        from .ingest import iter_articles
        from .parallel import build_all

        summary = _StreamingSummary(keep_results)

        def emit(result: IngestResult) -> None:
            summary.add(result)
            if on_result is not None:
                on_result(result)

        writer = BatchWriter(self.store, emit, batch_size=batch_size)
        known = self._stored_hashes()
        try:
            for origin, built in build_all(
                iter_articles(paths, options), self.base, self.pipeline_name, known, jobs
            ):
                writer.add(origin, built)
            writer.flush()
        finally:
            self.store.flush()
        return summary

    @classmethod
    def builder(cls, base: str = DEFAULT_BASE, pipeline: str | None = None) -> KnowledgeGraph:
        """A KnowledgeGraph that can `build()` but has no store: for worker processes,
        which must not open (and lock) the store folder the writer holds."""
        kg = cls.__new__(cls)
        kg.base = base
        kg.pipeline_name = pipeline
        return kg

    def _stored_hashes(self) -> dict[str, str]:
        """Article IRI → content hash for every stored article, read once per run."""
        q = "SELECT ?g ?h WHERE { GRAPH ?g { ?g kg:contentHash ?h } }"
        return {row["g"].value: row["h"].value for row in self.store.query(q, union=False)}

    def retract(self, article: str) -> bool:
        """Remove one article's graph (by IRI); actors other articles mention stay."""
        return self.store.remove_graph(NamedNode(article))

    # ------------------------------------------------------------------ read
    def query(self, sparql: str, **kwargs):
        return self.store.query(sparql, **kwargs)

    def validate(self) -> Report:
        """SHACL over the whole store, one graph at a time (default graph included)."""
        graphs = [(g.value, self.store.quads(g)) for g in self.store.graphs()]
        default = self.store.oxigraph.quads_for_pattern(None, None, None, DefaultGraph())
        graphs.append(("default graph", default))
        return validate_graphs((name, list(quads)) for name, quads in graphs)

    def stats(self) -> dict[str, int]:
        counts = {"articles": 0, "claims": 0, "meetings": 0, "actors": 0}
        q = """SELECT (COUNT(DISTINCT ?a) AS ?articles) (COUNT(DISTINCT ?c) AS ?claims)
                      (COUNT(DISTINCT ?m) AS ?meetings) (COUNT(DISTINCT ?x) AS ?actors) WHERE {
                 { ?a a kg:Article } UNION { ?c a kg:Claim } UNION { ?m a kg:Meeting }
                 UNION { ?x a kg:Actor } }"""
        for row in self.query(q):
            for k in counts:
                counts[k] = int(row[k].value)
        counts["graphs"] = len(self.store.graphs())
        counts["quads"] = len(self.store)
        return counts


class _StreamingSummary(IngestSummary):
    """An IngestSummary that can keep counts only, so a million-article run does not hold
    a million results; rejections are always kept, they are what the user must act on."""

    def __init__(self, keep_results: bool = True) -> None:
        super().__init__()
        self.keep_results = keep_results
        self.counts: dict[str, int] = {}

    def add(self, result: IngestResult) -> None:
        self.counts[result.status] = self.counts.get(result.status, 0) + 1
        if self.keep_results or result.status == "rejected":
            self.results.append(result)

    def count(self, status: str) -> int:
        return self.counts.get(status, 0)

    @property
    def failed(self) -> bool:
        return self.counts.get("rejected", 0) > 0
