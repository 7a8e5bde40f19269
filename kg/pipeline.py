"""The stages wired together: file → Article → analysis → records → quads → shapes → store.

This is the Python API the CLI and the server are shells over:

>>> import tempfile
>>> from kg.pipeline import KnowledgeGraph
>>> kg = KnowledgeGraph(tempfile.mkdtemp())
>>> kg.stats()["articles"]
0
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode

from .errors import InputError, KgError, ValidationError
from .extract import extract
from .ingest import iter_paths, read_article
from .mapping import article_iri, content_hash, to_quads
from .models import Article
from .namespaces import DEFAULT_BASE
from .nlp import load_pipeline
from .resolve import resolve
from .store import Store
from .validate import Report, validate_graphs, validate_quads

__all__ = ["IngestResult", "KnowledgeGraph"]


@dataclass
class IngestResult:
    """What happened to one input."""

    origin: str
    status: str  # added | replaced | unchanged | rejected
    article: str | None = None
    message: str = ""
    quads: int = 0
    report: str = ""


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
    ) -> None:
        if not base.endswith(("/", "#")):
            raise InputError(f"base IRI {base!r} must end with '/' or '#'")
        self.base = base
        self.pipeline_name = pipeline
        self.store = Store(store, read_only=read_only)

    # ------------------------------------------------------------------ ingest
    def build(self, article: Article):
        """Analyse one article and return (graph IRI, quads, hash) without storing it."""
        nlp = load_pipeline(self.pipeline_name)
        graph = extract(article, nlp(article.text))
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

    def ingest(self, paths: Iterable[str | Path]) -> IngestSummary:
        """Ingest files and folders; a bad input is reported and the rest go on."""
        summary = IngestSummary()
        for path in iter_paths(paths):
            try:
                summary.results.append(self.ingest_article(read_article(path)))
            except ValidationError as e:
                summary.results.append(IngestResult(str(path), "rejected", message=str(e), report=e.report))
            except KgError as e:
                summary.results.append(IngestResult(str(path), "rejected", message=str(e)))
        self.store.flush()
        return summary

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
