"""Throughput and latency of `kg serve` against `oxigraph serve` on the same data.

    python bench/endpoint.py [--store PATH] [--clients 8] [--requests 600] [--max-seconds 30]

Both servers run as subprocesses on 127.0.0.1 over the same quads (our store; an N-Quads
dump of it loaded into a separate folder for `oxigraph serve --union-default-graph`).
Eight client threads cycle through the competency queries (GET, JSON results) against
each server in turn; the run is bounded by a request count and a time limit per server.
Prints requests/s, p50 and p99 latency per server and the kg/oxigraph ratios.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import requests

ROOT = Path(__file__).resolve().parents[1]
COMPETENCY = ROOT / "ontology" / "competency"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(url: str, proc: subprocess.Popen, limit: float = 60.0) -> None:
    """Poll until the endpoint answers (bounded), failing fast if the server died."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}: {url}")
        try:
            if requests.get(url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"server did not come up: {url}")


def build_store(path: Path) -> None:
    from kg.pipeline import KnowledgeGraph

    kg = KnowledgeGraph(path)
    kg.ingest([ROOT / "examples"])
    del kg
    gc.collect()  # close the store (and its write lock) before the servers open it


def run_clients(url: str, queries: list[str], clients: int, total: int, max_seconds: float) -> dict:
    """`clients` threads share `total` requests; stop early at `max_seconds`."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    counter = [0]
    stop_at = time.monotonic() + max_seconds

    def client(i: int) -> None:
        s = requests.Session()
        s.headers["Accept"] = "application/sparql-results+json"
        k = i
        while True:
            with lock:
                if counter[0] >= total or time.monotonic() > stop_at:
                    return
                counter[0] += 1
            q = queries[k % len(queries)]
            k += 1
            t0 = time.perf_counter()
            r = s.get(url, params={"query": q}, timeout=60)
            dt = time.perf_counter() - t0
            with lock:
                if r.status_code == 200:
                    latencies.append(dt)
                else:
                    errors[0] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": errors[0],
        "rps": len(latencies) / wall if wall else 0.0,
        "p50": statistics.median(latencies) * 1000 if latencies else float("nan"),
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
        if latencies
        else float("nan"),
    }


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--store", default=None, help="kg store to serve (default: build one from examples/)")
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--requests", type=int, default=600, help="requests per server (default: 600)")
    p.add_argument("--max-seconds", type=float, default=30.0, help="time limit per server (default: 30)")
    p.add_argument("--workers", type=int, default=2, help="kg serve query workers (default: 2)")
    args = p.parse_args()
    oxigraph_cli = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(oxigraph_cli).exists():
        raise SystemExit("the `oxigraph` CLI is missing: pip install oxigraph (same version as pyoxigraph)")
    queries = [f.read_text() for f in sorted(COMPETENCY.glob("cq*.rq"))]
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        tmpdir = Path(tmp)
        store = Path(args.store) if args.store else tmpdir / "kg"
        if not args.store:
            build_store(store)
        dump = tmpdir / "dump.nq"
        from kg.store import Store

        src = Store(store, read_only=True)  # a normal open when free, a snapshot when locked
        ox.serialize(src.quads(), str(dump), format=ox.RdfFormat.N_QUADS)
        del src
        gc.collect()
        oxdir = tmpdir / "oxigraph"
        subprocess.run(
            [oxigraph_cli, "load", "-l", str(oxdir), "-f", str(dump)], check=True, capture_output=True
        )
        results = {}
        servers = {
            "oxigraph": lambda port: [
                oxigraph_cli,
                "serve",
                "-l",
                str(oxdir),
                "-b",
                f"127.0.0.1:{port}",
                "--union-default-graph",
            ],
            "kg": lambda port: [
                sys.executable,
                "-m",
                "kg.server.cli",
                "serve",
                "--store",
                str(store),
                "--port",
                str(port),
                "--workers",
                str(args.workers),
            ],
        }
        for name, cmd in servers.items():
            port = free_port()
            env = {**os.environ, "KG_UPDATE_TOKEN": ""}
            proc = subprocess.Popen(cmd(port), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            try:
                url = f"http://127.0.0.1:{port}/" + ("query" if name == "oxigraph" else "sparql")
                wait_up(url, proc)
                run_clients(url, queries, args.clients, 40, 10)  # warm-up
                results[name] = run_clients(url, queries, args.clients, args.requests, args.max_seconds)
            finally:
                proc.terminate()
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()
    print(f"{len(queries)} CQ queries, {args.clients} concurrent clients, 127.0.0.1")
    print(f"{'server':10} {'requests':>8} {'errors':>6} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
    for name, r in results.items():
        print(
            f"{name:10} {r['requests']:8d} {r['errors']:6d} {r['rps']:8.1f} {r['p50']:8.2f} {r['p99']:8.2f}"
        )
    kg, ref = results["kg"], results["oxigraph"]
    ratio = kg["rps"] / ref["rps"] if ref["rps"] else float("nan")
    print(
        f"kg/oxigraph throughput: {ratio:.0%} (goal >= 70%); "
        f"p50 x{kg['p50'] / ref['p50']:.2f}, p99 x{kg['p99'] / ref['p99']:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
