"""Latency of a federated CQ1 over three `kg serve` peers vs the same CQ1 on one store
holding all their data, measured in the same run.

    python bench/federation.py [--repeat 20] [--articles 3] [--max-seconds 60]

Three stores are built (the seed article, and `--articles` generated articles for each of
two more peers), each served by `kg serve` on 127.0.0.1 (port 0). A fourth store holds the
union of their quads and is served too. Timed, per repetition:

  single/http      CQ1 POSTed to the one `kg serve` holding everything
  single/local     CQ1 on that store in-process (no HTTP)
  federated/SERVICE  CQ1 as three `SERVICE <peer> {...}` blocks in a UNION, run by `kg query`
                   (allow-list check, parallel peer requests, VALUES rewrite, local join)
  federated/federate `kg federate`: CQ1 at each peer in parallel, rows merged with a peer column

The run stops after --repeat rounds or --max-seconds, whichever comes first. It also
checks that every variant returns the same set of claims.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.config import parse_config  # noqa: E402
from kg.federation import federate  # noqa: E402
from kg.pipeline import KnowledgeGraph  # noqa: E402
from kg.server.app import Settings  # noqa: E402
from kg.server.live import LiveServer  # noqa: E402

CQ1 = (ROOT / "ontology" / "competency" / "cq01.rq").read_text()
PATTERN = CQ1[CQ1.index("WHERE {") + len("WHERE {") : CQ1.rindex("}")]
PROLOG = "".join(line + "\n" for line in CQ1.splitlines() if line.startswith("PREFIX"))
# CQ1's pattern, projected to distinct claims (its label joins repeat rows once per graph
# that labels Iran/Yemen, which would make the benchmark measure duplicate rows)
QUERY = f"{PROLOG}SELECT DISTINCT ?claim ?claimantLabel ?article WHERE {{{PATTERN}}}"
SPEAKERS = ["The ministry", "A spokesman", "The Saudi foreign minister", "The envoy", "An official"]


def write_articles(folder: Path, team: str, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        speaker = SPEAKERS[i % len(SPEAKERS)]
        (folder / f"{team}-{i}.txt").write_text(
            f"{team.title()} report {i}\n\n{speaker} said that Iran exports militias to Yemen. "
            f"{speaker} said that Iran has begun a project to export its militias from Syria to Yemen. "
            f"Reuters reported the statement on day {i + 1}.\n",
            encoding="utf-8",
        )
    return folder


def timed(fn, repeat: int, deadline: float) -> tuple[list[float], object]:
    times, last = [], None
    for _ in range(repeat):
        if time.monotonic() > deadline and times:
            break
        t0 = time.perf_counter()
        last = fn()
        times.append(time.perf_counter() - t0)
    return times, last


def summary(name: str, times: list[float], claims: int) -> str:
    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    med = statistics.median(ms)
    return f"{name:22} n={len(ms):3}  median {med:8.1f} ms  p95 {p95:8.1f} ms  claims {claims}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--articles", type=int, default=3, help="generated articles per extra peer")
    ap.add_argument("--max-seconds", type=float, default=60.0, help="time budget for the timed part")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="kg-bench-fed-") as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        stores = {}
        for team, inputs in (
            ("alpha", [ROOT / "examples"]),
            ("beta", [write_articles(root / "beta-in", "beta", args.articles)]),
            ("gamma", [write_articles(root / "gamma-in", "gamma", args.articles)]),
        ):
            kg = KnowledgeGraph(root / team)
            kg.ingest(inputs)
            stores[team] = list(kg.store.quads())
            del kg
        combined = ox.Store(str(root / "all"))
        for quads in stores.values():
            combined.extend(quads)
        combined.flush()
        del combined
        print(f"built 3 peer stores + 1 combined ({sum(map(len, stores.values()))} quads) "
              f"in {time.perf_counter() - t0:.1f} s", file=sys.stderr)

        import gc

        gc.collect()  # close the build-time stores before servers open them
        local_all = ox.Store.read_only(str(root / "all"))
        servers = {t: LiveServer(Settings(store=root / t, port=0, workers=1)) for t in stores}
        single = LiveServer(Settings(store=root / "all", port=0, workers=1))
        try:
            urls = {t: s.__enter__() + "/sparql" for t, s in servers.items()}
            single_url = single.__enter__() + "/sparql"
            config = parse_config(
                "".join(f'[peers.{t}]\nendpoint = "{u}"\ntimeout = 30\n' for t, u in urls.items()),
                root / "kg.toml",
            )
            hub = KnowledgeGraph(root / "hub", config=config)  # empty local store: all data is remote
            inner = f"SELECT DISTINCT ?claim ?claimantLabel ?article WHERE {{ {PATTERN} }}"
            union = "\nUNION\n".join(
                f'{{ SERVICE <{u}> {{ {inner} }} BIND("{t}" AS ?peer) }}' for t, u in urls.items()
            )
            fed_query = f"{PROLOG}SELECT ?peer ?claim ?claimantLabel ?article WHERE {{\n{union}\n}}"

            retries: dict[str, int] = {}

            def single_http() -> set[str]:
                for _ in range(5):  # kg serve's pool sometimes answers 503 "worker exited"; retry
                    r = requests.post(single_url, data={"query": QUERY},
                                      headers={"Accept": "application/sparql-results+json"}, timeout=60)
                    if r.status_code != 503:
                        break
                    retries["single/http"] = retries.get("single/http", 0) + 1
                    time.sleep(0.5)
                if r.status_code != 200:
                    raise SystemExit(f"single store server: HTTP {r.status_code}: {r.text[:300]}")
                return {b["claim"]["value"] for b in r.json()["results"]["bindings"]}

            def single_local() -> set[str]:
                rows = local_all.query(QUERY, use_default_graph_as_union=True)
                return {s["claim"].value for s in rows}

            def federated_service() -> set[str]:
                return {s["claim"].value for s in hub.query(fed_query)}

            def federated_helper() -> set[str]:
                res = federate(QUERY, config)
                i = res.variables.index("claim")
                return {r[i].value for r in res.rows}

            cold = {}
            for name, fn in (("single/http", single_http), ("federated/SERVICE", federated_service),
                             ("federated/federate", federated_helper)):  # warm up, timing the first call
                t1 = time.perf_counter()
                fn()
                cold[name] = time.perf_counter() - t1
            deadline = time.monotonic() + args.max_seconds
            results = {}
            for name, fn in (
                ("single/http", single_http),
                ("single/local", single_local),
                ("federated/SERVICE", federated_service),
                ("federated/federate", federated_helper),
            ):
                results[name] = timed(fn, args.repeat, deadline)
            claims = {name: last for name, (_, last) in results.items()}
            same = len({frozenset(c) for c in claims.values()}) == 1
            for name, (times, last) in results.items():
                print(summary(name, times, len(last)))
            med = {n: statistics.median(t) for n, (t, _) in results.items()}
            print(f"federated/SERVICE vs single/http: {med['federated/SERVICE'] / med['single/http']:.1f}x; "
                  f"federate vs single/http: {med['federated/federate'] / med['single/http']:.1f}x; "
                  f"same claims everywhere: {same}")
            print("first (cold) call: " + ", ".join(f"{n} {t * 1000:.0f} ms" for n, t in cold.items()))
            if retries:
                print(f"retries after HTTP 503 from kg serve's worker pool: {retries}")
            return 0 if same else 1
        finally:
            single.__exit__(None, None, None)
            for s in servers.values():
                s.__exit__(None, None, None)


if __name__ == "__main__":
    sys.exit(main())
