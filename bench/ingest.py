"""Ingest throughput: end to end vs the bare NLP pipeline, store writes vs bulk load.

    python bench/ingest.py [PATH] [--limit N] [--jobs N]

PATH defaults to ../shared/data/polnear/train/text. Figures printed:

* end-to-end articles/s and words/s (`KnowledgeGraph.ingest`, workers + one writer, into a
  fresh store), per core, against the bare spaCy pipeline (`load_pipeline()` + `nlp.pipe`)
  on the same texts in the same run: the ratio says what extraction, mapping, SHACL and
  the store cost on top of the NLP;
* store writing (one atomic SPARQL UPDATE per article) against a raw
  `pyoxigraph.Store.bulk_load` of the same quads;
* the share of worker time spent in SHACL validation;
* peak RSS of this process and of the worker processes.
"""

from __future__ import annotations

import argparse
import io
import itertools
import resource
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import kg.parallel as parallel  # noqa: E402
from kg.ingest import iter_articles  # noqa: E402
from kg.models import Article  # noqa: E402
from kg.nlp import load_pipeline  # noqa: E402
from kg.pipeline import KnowledgeGraph  # noqa: E402

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

    # --- end to end, with timings captured from the workers and the writer
    built: list[parallel.Built] = []
    real_build_all = parallel.build_all

    def recording_build_all(*a, **kw):
        for origin, b in real_build_all(*a, **kw):
            if isinstance(b, parallel.Built):
                built.append(b)
            yield origin, b

    parallel.build_all = recording_build_all
    written: list[ox.Quad] = []
    write_s = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        kg = KnowledgeGraph(Path(tmp) / "store")
        real_replace = kg.store.replace_graph

        def timed_replace(graph, quads):
            nonlocal write_s
            quads = list(quads)
            written.extend(quads)
            t0 = time.perf_counter()
            real_replace(graph, quads)
            write_s += time.perf_counter() - t0

        kg.store.replace_graph = timed_replace  # type: ignore[method-assign]
        t = time.perf_counter()
        summary = kg.ingest(files, jobs=jobs, keep_results=False)
        e2e_s = time.perf_counter() - t
        parallel.build_all = real_build_all
        done = len(built)
        e2e_words = sum(b.words for b in built)
        print(
            f"end to end ({jobs} workers): {done / e2e_s:8.2f} articles/s {e2e_words / e2e_s:10.0f} words/s"
            f"  ({e2e_s:.2f} s; {summary.count('added')} added, {summary.count('rejected')} rejected)"
        )
        per_core = done / e2e_s / jobs
        print(
            f"per core: end to end {per_core:.3f} articles/s vs bare NLP {len(texts) / nlp_s:.3f}: "
            f"ratio {per_core / (len(texts) / nlp_s):.4f}"
        )

        # --- store: per-article atomic updates vs one raw bulk load of the same quads
        buf = io.BytesIO()
        ox.serialize(written, buf, ox.RdfFormat.N_QUADS)
        raw = ox.Store(str(Path(tmp) / "raw"))
        t = time.perf_counter()
        raw.bulk_load(buf.getvalue(), ox.RdfFormat.N_QUADS)
        bulk_s = time.perf_counter() - t
        print(
            f"store: {len(written)} quads; replace_graph {write_s:.3f} s vs bulk_load {bulk_s:.3f} s: "
            f"ratio {write_s / bulk_s if bulk_s else float('nan'):.2f}x; writer share of wall time "
            f"{write_s / e2e_s:.1%}"
        )
        del raw

    build_s = sum(b.build_seconds for b in built)
    val_s = sum(b.validate_seconds for b in built)
    work = build_s + val_s + write_s
    print(
        f"worker time: build {build_s:.2f} s, SHACL {val_s:.2f} s; SHACL share of end-to-end work "
        f"{val_s / work if work else 0:.1%}"
    )
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = max((b.peak_rss_kb for b in built), default=0) / 1024
    print(f"peak RSS: this process {me:.0f} MB, largest worker {kids:.0f} MB")
    return 0


def _files(path: Path):
    from kg.ingest import iter_paths

    yield from iter_paths([path])


if __name__ == "__main__":
    sys.exit(main())
