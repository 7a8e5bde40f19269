"""The single writer of an ingest run: decides added / replaced / unchanged / rejected for
each built article, in input order, and stores new articles in batches.

Why batches: Oxigraph's bulk loader writes a batch of new graphs about twice as fast as
a transaction per article (it builds the index files directly), and the workers spend
less time waiting on the writer. A batch is written with `Store.add_graphs`, whose
journal makes a killed load recoverable (see `kg.store`), so a crash still leaves whole
articles only. Results are reported only once their article is on disk, in input order:
a progress line or a `--json` summary never claims an article the store does not hold.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from pyoxigraph import NamedNode

from .errors import KgError
from .models import IngestResult
from .parallel import Built

__all__ = ["BatchWriter", "DEFAULT_BATCH_SIZE"]

#: New articles per bulk write; each write has a fixed cost (index files, fsync), which
#: 50+ articles amortise.
DEFAULT_BATCH_SIZE = 64
#: A batch is written when it holds this many bytes of N-Quads, whatever its length.
MAX_BATCH_BYTES = 32 * 1024 * 1024
#: ... or when its oldest article has waited this long, so progress never stalls.
MAX_DELAY_SECONDS = 5.0


class BatchWriter:
    """Turns `Built` results into `IngestResult`s and store writes.

    `emit` receives every result, in input order, after the write that stored it."""

    def __init__(
        self,
        store,
        emit: Callable[[IngestResult], None],
        batch_size: int = DEFAULT_BATCH_SIZE,
        max_delay: float = MAX_DELAY_SECONDS,
    ) -> None:
        if batch_size < 1:
            raise ValueError(f"batch size {batch_size}: must be at least 1")
        self.store = store
        self.emit = emit
        self.batch_size = batch_size
        self.max_delay = max_delay
        self._batch: list[tuple[NamedNode, bytes]] = []
        self._batch_iris: set[str] = set()
        self._batch_bytes = 0
        self._batch_started = 0.0
        self._waiting: list[IngestResult] = []  # results held back until the batch is written

    def add(self, origin: str, built: Built | KgError) -> None:
        """Decide what one input becomes; write or queue it."""
        result = self._decide(origin, built)
        if result is not None:
            self._report(result)
        if self._batch and (
            len(self._batch) >= self.batch_size
            or self._batch_bytes >= MAX_BATCH_BYTES
            or time.monotonic() - self._batch_started >= self.max_delay
        ):
            self.flush()

    def flush(self) -> None:
        """Write the pending batch, then report the results that waited for it."""
        if self._batch:
            self.store.add_graphs(self._batch)
            self._batch, self._batch_iris, self._batch_bytes = [], set(), 0
        waiting, self._waiting = self._waiting, []
        for result in waiting:
            self.emit(result)

    def _report(self, result: IngestResult) -> None:
        if self._batch:
            self._waiting.append(result)
        else:
            self.emit(result)

    def _decide(self, origin: str, built: Built | KgError) -> IngestResult | None:
        """The result for one input, or None when it joined the batch (reported later)."""
        if isinstance(built, KgError):
            return IngestResult(origin, "rejected", message=str(built))
        if built.error:
            return IngestResult(origin, "rejected", message=built.error)
        assert built.iri is not None
        if built.iri in self._batch_iris:
            self.flush()  # the same article twice in one run: decide against what is stored
        iri = NamedNode(built.iri)
        previous = self.store.content_hash(iri)
        if previous == built.digest:
            return IngestResult(origin, "unchanged", built.iri)
        if built.skipped:
            # it matched the store when the run began, but an earlier input of this run
            # (another version of the same article) has replaced it since
            return IngestResult(
                origin,
                "rejected",
                built.iri,
                message=f"{origin}: another version of this article "
                "was ingested earlier in this run; run again to store this one",
            )
        if not built.conforms:
            return IngestResult(
                origin,
                "rejected",
                built.iri,
                message=f"{origin}: its graph does not conform to the shapes "
                f"({built.violations} violations); not stored",
                report=built.report,
            )
        if previous is None:
            if not self._batch:
                self._batch_started = time.monotonic()
            self._batch.append((iri, built.nquads))
            self._batch_iris.add(built.iri)
            self._batch_bytes += len(built.nquads)
            self._waiting.append(IngestResult(origin, "added", built.iri, quads=built.quad_count))
            return None
        # a replacement is one transaction of its own, after the new articles before it
        self.flush()
        self.store.replace_graph(iri, built.parsed_quads())
        return IngestResult(origin, "replaced", built.iri, quads=built.quad_count)
