"""Ingest throughput: end to end vs the bare NLP pipeline, store writes vs bulk load.

    python bench/ingest.py [PATH] [--limit N] [--jobs N]

PATH defaults to ../shared/data/polnear/train/text. Figures printed:

* end-to-end articles/s and words/s (`KnowledgeGraph.ingest`, workers + one writer, into a
  fresh store), per core, against the bare spaCy pipeline (`load_pipeline()` + `nlp.pipe`)
  on the same texts in the same run, in one process and in --jobs processes: the ratio
  says what extraction, mapping, SHACL and the store cost on top of the NLP;
* store writing (the writer's batched bulk loads, `kg.writer`: during the run by wall and
  CPU time, and its batches replayed alone) against one raw `pyoxigraph.Store.bulk_load`
  of the same quads;
* the share of end-to-end work spent in SHACL validation;
* peak RSS of this process and of the workers, and the writer's RSS at each quarter of
  the corpus (flat memory).
"""

from __future__ import annotations

import argparse
import itertools
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import kg.parallel as parallel  # noqa: E402
from kg.ingest import iter_articles  # noqa: E402
from kg.models import Article  # noqa: E402
from kg.nlp import load_pipeline  # noqa: E402
from kg.pipeline import KnowledgeGraph  # noqa: E402
from kg.store import Store  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=None, help="first N inputs only")
    ap.add_argument("--jobs", type=int, default=0, help="worker processes (default: all cores)")
    args = ap.parse_args(argv)
    jobs = args.jobs or parallel.default_jobs()

    # the same inputs for both runs: the first N files under PATH
    files = [str(p) for p in itertools.islice(_files(Path(args.path)), args.limit)]
    texts = [a.text for _, a in iter_articles(files) if isinstance(a, Article)]
    words = sum(len(t.split()) for t in texts)
    print(f"inputs: {len(files)} files, {len(texts)} readable English articles, {words} words; jobs={jobs}")

    # --- bare NLP, this process, one core
    nlp = load_pipeline()
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    nlp_s = time.perf_counter() - t
    print(
        f"bare NLP ({nlp.meta.get('name', '?')}, 1 process): {len(texts) / nlp_s:8.2f} articles/s "
        f"{words / nlp_s:10.0f} words/s  ({nlp_s:.2f} s)"
    )

    # --- bare NLP in `jobs` processes, started and fed the way the ingest pool is: on a
    # machine whose cores slow each other down (shared caches, memory bandwidth, SMT
    # siblings), this is the fair per-core baseline for a `jobs`-process ingest
    t = time.perf_counter()
    with ProcessPoolExecutor(jobs, mp_context=parallel._context(), initializer=_bare_init) as pool:
        chunks = [texts[i : i + parallel.CHUNK] for i in range(0, len(texts), parallel.CHUNK)]
        list(pool.map(_bare_nlp, chunks))
    par_s = time.perf_counter() - t
    print(
        f"bare NLP ({jobs} processes, pool start-up included): {len(texts) / par_s:8.2f} articles/s "
        f"{words / par_s:10.0f} words/s  ({par_s:.2f} s)"
    )

    # --- end to end, with timings captured from the workers and the writer
    # only small records are kept, so that the bench itself stays flat in corpus size
    built: list[tuple[int, float, float, int]] = []  # words, build s, SHACL s, worker peak RSS
    real_build_all = parallel.build_all

    def recording_build_all(*a, **kw):
        for origin, b in real_build_all(*a, **kw):
            if isinstance(b, parallel.Built):
                built.append((b.words, b.build_seconds, b.validate_seconds, b.peak_rss_kb))
            yield origin, b

    parallel.build_all = recording_build_all
    write_s = write_cpu = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        kg = KnowledgeGraph(Path(tmp) / "store")
        real_add, real_replace = kg.store.add_graphs, kg.store.replace_graph
        written = open(Path(tmp) / "written.nq", "wb")  # what the writer stored, for the raw load
        batches: list[list[tuple[str, int, int]]] = []  # each batch: (graph, begin, end) in the file

        def timed_add(graphs):
            nonlocal write_s, write_cpu
            batch = []
            for graph, data in graphs:
                batch.append((graph.value, written.tell(), written.tell() + len(data)))
                written.write(data)
            batches.append(batch)
            t0, c0 = time.perf_counter(), time.process_time()
            real_add(graphs)
            write_s += time.perf_counter() - t0
            write_cpu += time.process_time() - c0

        def timed_replace(graph, quads):
            nonlocal write_s, write_cpu
            quads = list(quads)
            written.write(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
            t0, c0 = time.perf_counter(), time.process_time()
            real_replace(graph, quads)
            write_s += time.perf_counter() - t0
            write_cpu += time.process_time() - c0

        kg.store.add_graphs = timed_add  # type: ignore[method-assign]
        kg.store.replace_graph = timed_replace  # type: ignore[method-assign]
        t = time.perf_counter()
        rss: list[tuple[int, float]] = []  # (articles done, this process's RSS in MB)

        def sample(_result) -> None:
            rss.append((len(rss) + 1, _current_rss_mb()))

        summary = kg.ingest(files, jobs=jobs, keep_results=False, on_result=sample)
        e2e_s = time.perf_counter() - t
        parallel.build_all = real_build_all
        written.close()
        done = len(built)
        e2e_words = sum(b[0] for b in built)
        print(
            f"end to end ({jobs} workers): {done / e2e_s:8.2f} articles/s {e2e_words / e2e_s:10.0f} words/s"
            f"  ({e2e_s:.2f} s; {summary.count('added')} added, {summary.count('rejected')} rejected)"
        )
        for r in summary.results[:5]:
            print(f"  rejected: {r.message}")
        per_core = done / e2e_s / jobs
        print(
            f"per core: end to end {per_core:.3f} articles/s vs bare NLP {len(texts) / nlp_s:.3f} in one "
            f"process: ratio {per_core / (len(texts) / nlp_s):.3f}; vs bare NLP in {jobs} processes "
            f"{len(texts) / par_s / jobs:.3f}: ratio {per_core / (len(texts) / par_s / jobs):.3f}"
        )

        # --- store: the writer's batched bulk loads vs one raw bulk load of the same quads.
        # During the run the writer shares the cores with the workers, so its wall time
        # counts waits for a core; its CPU time, and its batches replayed alone into a fresh
        # store, measure what the store writing itself costs.
        nq = Path(tmp) / "written.nq"
        raw = ox.Store(str(Path(tmp) / "raw"))
        t, c = time.perf_counter(), time.process_time()
        raw.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        raw.flush()
        bulk_s, bulk_cpu = time.perf_counter() - t, time.process_time() - c
        quads = len(raw)
        data = nq.read_bytes()
        replay = Store(Path(tmp) / "replay")
        t = time.perf_counter()
        for batch in batches:
            replay.add_graphs([(ox.NamedNode(g), data[b:e]) for g, b, e in batch])
        replay.flush()
        replay_s = time.perf_counter() - t
        print(
            f"store: {quads} quads in {len(batches)} batches; raw bulk_load {bulk_s:.3f} s wall, "
            f"{bulk_cpu:.3f} s CPU ({quads / bulk_s:,.0f} quads/s)\n"
            f"  writer during the run: {write_s:.3f} s wall, {write_cpu:.3f} s CPU: "
            f"{bulk_s / write_s:.0%} of bulk_load speed by wall time, {bulk_cpu / write_cpu:.0%} by CPU "
            f"time; writer share of wall time {write_s / e2e_s:.1%}\n"
            f"  writer's batches replayed alone: {replay_s:.3f} s: {bulk_s / replay_s:.0%} of bulk_load speed"
        )
        del raw, replay

    build_s = sum(b[1] for b in built)
    val_s = sum(b[2] for b in built)
    work = build_s + val_s + write_s
    print(
        f"worker time: build {build_s:.2f} s, SHACL {val_s:.2f} s; SHACL share of end-to-end work "
        f"{val_s / work if work else 0:.1%}"
    )
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = max((b[3] for b in built), default=0) / 1024
    print(f"peak RSS: this process {me:.0f} MB, largest worker {kids:.0f} MB")
    if rss:
        # flat memory: the writer's RSS at each quarter of the corpus should not grow with it
        quarters = [rss[max(0, len(rss) * q // 4 - 1)] for q in (1, 2, 3, 4)]
        print("writer RSS by articles done: " + ", ".join(f"{n}: {mb:.0f} MB" for n, mb in quarters))
    return 0


_nlp = None


def _current_rss_mb() -> float:
    """Resident set size now (not the peak), from /proc; 0 where there is no /proc."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except OSError:
        return 0.0
    return pages * resource.getpagesize() / 2**20


def _bare_init() -> None:
    global _nlp
    _nlp = load_pipeline()


def _bare_nlp(texts: list[str]) -> int:
    assert _nlp is not None
    return sum(len(doc) for doc in _nlp.pipe(texts))


def _files(path: Path):
    from kg.ingest import iter_paths

    yield from iter_paths([path])


if __name__ == "__main__":
    sys.exit(main())
