"""Analysis in worker processes, writing by one process, in input order.

Analysis (spaCy, extraction, resolution, mapping) and SHACL validation are CPU-bound and
independent per article, so they run in a pool of worker processes. The store has one
writer, the parent: Oxigraph takes a lock per store folder, and a single writer applying
one atomic update per article is what keeps the store whole when the process is killed.

Memory stays flat in corpus size: inputs are pulled from a lazy iterator only as fast as
the workers finish (a bounded window of articles in flight), and results are handed to
the writer as soon as they are next in order.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import resource
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

import pyoxigraph as ox

from .errors import InputError, KgError
from .models import Article

__all__ = ["Built", "Builder", "build_all", "default_jobs"]

CHUNK = 8  # articles a worker parses together (spaCy batches them)
WINDOW_PER_JOB = 2  # chunks in flight per worker: enough to keep workers busy, little memory


def default_jobs() -> int:
    """All the cores this process may use (respects CPU affinity / container limits)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


@dataclass
class Built:
    """One article analysed and validated, ready for the writer; or why it is not."""

    origin: str
    iri: str | None = None
    digest: str | None = None
    # The graph as N-Quads text: it crosses from a worker to the writer ten times faster
    # than pickled pyoxigraph terms, and the writer hands it to Oxigraph's bulk loader as
    # is, without turning it back into Python objects.
    nquads: bytes = b""
    quad_count: int = 0
    skipped: bool = False  # same hash as the store held at start: not validated, not shipped
    conforms: bool = True
    violations: int = 0
    report: str = ""
    error: str | None = None
    words: int = 0
    build_seconds: float = 0.0  # analysis + mapping, in the worker (for benchmarks)
    validate_seconds: float = 0.0
    peak_rss_kb: int = 0  # of the process that built it (workers are not our direct children)

    def parsed_quads(self) -> list[ox.Quad]:
        """The graph as pyoxigraph quads (for a replacement, which is an update)."""
        return list(ox.parse(self.nquads, format=ox.RdfFormat.N_QUADS)) if self.nquads else []


class Builder:
    """What a worker does with articles: build their graphs and validate them.

    `known` maps article IRI → content hash as stored when the run began; an article whose
    hash matches is reported unchanged without the (expensive) validation, which makes a
    re-run over an already ingested corpus cheap.
    """

    def __init__(self, base: str, pipeline: str | None, known: dict[str, str]) -> None:
        from .pipeline import KnowledgeGraph

        self.kg = KnowledgeGraph.builder(base, pipeline)
        self.known = known

    def __call__(self, article: Article) -> Built:
        return self.many([article])[0]

    def many(self, articles: list[Article]) -> list[Built]:
        """Build several articles, parsing them together: spaCy's `pipe` over a chunk runs
        the network on batches, twice as fast per article as one `nlp(text)` at a time
        (bench/ingest.py). If the chunk's parse fails, each article is parsed on its own,
        so one bad text cannot take the others down."""
        from .nlp import analyse, load_pipeline

        if not articles:
            return []
        t0 = time.perf_counter()
        try:
            docs = list(analyse(load_pipeline(self.kg.pipeline_name), [a.text for a in articles]))
        except Exception:  # noqa: BLE001 - fall back to one article at a time, errors reported each
            docs = [None] * len(articles)
        share = (time.perf_counter() - t0) / len(articles) if docs[0] is not None else 0.0
        return [self._one(a, doc, share) for a, doc in zip(articles, docs, strict=True)]

    def _one(self, article: Article, doc, parse_seconds: float) -> Built:
        from .validate import validate_quads

        out = Built(article.origin, words=len(article.text.split()))
        t0 = time.perf_counter()
        try:
            iri, quads, digest = self.kg.build(article, doc)
            t1 = time.perf_counter()
            out.build_seconds = parse_seconds + t1 - t0
            out.iri, out.digest = iri.value, digest
            if self.known.get(iri.value) == digest:
                out.skipped = True
                return out
            report = validate_quads(quads)
            out.validate_seconds = time.perf_counter() - t1
            out.conforms, out.violations, out.report = report.conforms, report.violations, report.text
            out.quad_count = len(quads)
            if report.conforms:
                out.nquads = ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""
        except KgError as e:
            out.error = str(e) if str(e).startswith(article.origin) else f"{article.origin}: {e}"
        except Exception as e:  # noqa: BLE001 - one article's analysis bug must not stop the batch
            out.error = f"{article.origin}: analysis failed ({type(e).__name__}: {e})"
        out.peak_rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return out


_worker: Builder | None = None


def _init(base: str, pipeline: str | None, known: dict[str, str]) -> None:
    global _worker
    _worker = Builder(base, pipeline, known)
    from .nlp import load_pipeline

    load_pipeline(pipeline)  # load once per worker up front, not inside the first article's time


def _work(articles: list[Article]) -> list[Built]:
    assert _worker is not None
    return _worker.many(articles)


def _context() -> mp.context.BaseContext:
    """forkserver where available: workers start from a clean, preloaded process, so they
    inherit neither the parent's open store nor its threads (progress bar, HTTP server in
    tests), yet skip re-importing spaCy for every worker.

    Each worker is one core's worth of work: BLAS thread pools are capped at one thread
    (inherited through the environment by the server process), because their idle
    threads spin and take the CPU the other workers need."""
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["kg.parallel", "kg.pipeline"])
        return ctx
    return mp.get_context("spawn")


Item = tuple[str, "Article | InputError"]


def build_all(
    items: Iterable[Item],
    base: str,
    pipeline: str | None,
    known: dict[str, str],
    jobs: int = 1,
) -> Iterator[tuple[str, Built | InputError]]:
    """Build every article of `items` in `jobs` processes; yield results in input order.

    Input errors pass straight through in their place. With one job, or when the input
    turns out to hold a single article, everything runs in this process (no pool start-up).
    """
    it = iter(items)
    head: list[Item] = []
    if jobs > 1:  # look ahead: a pool only pays off for two or more articles
        for item in it:
            head.append(item)
            if sum(isinstance(a, Article) for _, a in head) >= 2:
                break
    articles_ahead = sum(isinstance(a, Article) for _, a in head)
    source = _chain(head, it)
    if jobs <= 1 or articles_ahead < 2:
        builder = Builder(base, pipeline, known)
        for chunk in _chunks(source, CHUNK):
            built = iter(builder.many([a for _, a in chunk if isinstance(a, Article)]))
            for origin, art in chunk:
                yield origin, (next(built) if isinstance(art, Article) else art)
        return
    yield from _pooled(source, base, pipeline, known, jobs)


def _chain(head: list[Item], rest: Iterator[Item]) -> Iterator[Item]:
    yield from head
    yield from rest


def _chunks(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    """Consecutive items, up to `size` articles a chunk (input errors ride along)."""
    chunk: list[Item] = []
    articles = 0
    for item in items:
        chunk.append(item)
        articles += isinstance(item[1], Article)
        if articles >= size:
            yield chunk
            chunk, articles = [], 0
    if chunk:
        yield chunk


class _Job:
    """One article's place in a submitted chunk."""

    __slots__ = ("future", "index", "alone")

    def __init__(self, future: Future, index: int, alone: bool) -> None:
        self.future, self.index, self.alone = future, index, alone


def _pooled(
    source: Iterator[Item], base: str, pipeline: str | None, known: dict[str, str], jobs: int
) -> Iterator[tuple[str, Built | InputError]]:
    ctx = _context()

    def start() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init, initargs=(base, pipeline, known))

    def submit(arts: list[Article], alone: bool = False) -> list[_Job]:
        future = pool.submit(_work, arts)
        return [_Job(future, i, alone) for i in range(len(arts))]

    def resubmit_alone(entries: deque) -> deque:
        """After a worker died: every article still waiting goes again, each on its own,
        so the one that kills a worker is found and only it is lost."""
        return deque(
            (o, a, submit([a], alone=True)[0] if isinstance(j, _Job) and a is not None else j)
            for o, a, j in entries
        )

    pool = start()
    window = jobs * WINDOW_PER_JOB * CHUNK
    pending: deque[tuple[str, Article | None, _Job | Built | InputError]] = deque()
    chunks = _chunks(source, CHUNK)
    in_flight = 0
    try:
        exhausted = False
        while pending or not exhausted:
            while not exhausted and in_flight < window:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                arts = [a for _, a in chunk if isinstance(a, Article)]
                placed = iter(submit(arts) if arts else [])
                for origin, a in chunk:
                    pending.append((origin, a, next(placed)) if isinstance(a, Article) else (origin, None, a))
                in_flight += len(arts)
            if not pending:
                break
            origin, art, job = pending.popleft()
            if isinstance(job, _Job):
                try:
                    job = job.future.result()[job.index]
                except BrokenProcessPool:
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = start()
                    if not job.alone:  # a chunk died: retry its articles, this one included, one by one
                        pending.appendleft((origin, art, job))
                        pending = resubmit_alone(pending)
                        continue
                    job = Built(origin, error=f"{origin}: the worker analysing it died; not stored")
                    pending = resubmit_alone(pending)
                except Exception as e:  # noqa: BLE001 - e.g. a result that cannot be pickled
                    job = Built(origin, error=f"{origin}: analysis failed ({type(e).__name__}: {e})")
                in_flight -= 1
            yield origin, job
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
