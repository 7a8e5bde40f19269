"""Queries run in worker processes that the server can kill at a deadline.

pyoxigraph's `Store.query` has no timeout or cancel and ignores signals, and aggregates or
ORDER BY do all their work inside `query()`: the only way to really stop a runaway query
and free the CPU is to run it in another process and kill that process. A small pool of
pre-started workers keeps the per-query cost to one pipe round trip. Each worker opens the
store with `Store.read_only` (the server process holds the write lock), which is a
snapshot: after an update the pool is recycled so new workers see the new data.

This module is imported by the workers, so it imports only pyoxigraph and the standard
library (no Starlette), to keep worker start-up fast.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import pickle
import socket
import struct
import subprocess
import sys
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

import pyoxigraph as ox

from kg.namespaces import PREFIXES

__all__ = ["Job", "QueryFailed", "Result", "WorkerPool", "serialize_solutions"]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
}


@dataclass
class Job:
    """One query for a worker: plain data so it pickles cheaply."""

    sparql: str
    solution_format: str | None  # json|xml|csv|tsv, or None when the client accepts none
    graph_format: str | None  # turtle|ntriples|..., or None when the client accepts none
    default_graph: list[str] | None = None
    named_graphs: list[str] | None = None
    base_iri: str | None = None
    max_rows: int = 10_000


@dataclass
class Result:
    """A serialized answer: the body, its format key and whether rows were cut at the cap."""

    body: bytes
    format: str
    kind: str  # boolean | solutions | graph
    truncated: bool = False
    rows: int = 0


class QueryFailed(Exception):
    """A query the worker could not answer: carries the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


# ---------------------------------------------------------------- serializers
def _json_term(t: Any) -> dict[str, str]:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        d = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype.value != XSD_STRING:
            d["datatype"] = t.datatype.value
        return d
    return {"type": "triple", "value": str(t)}


def _xml_term(t: Any) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{xml_escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{xml_escape(t.value)}</bnode>"
    if isinstance(t, ox.Literal):
        if t.language:
            return f"<literal xml:lang={quoteattr(t.language)}>{xml_escape(t.value)}</literal>"
        if t.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(t.datatype.value)}>{xml_escape(t.value)}</literal>"
        return f"<literal>{xml_escape(t.value)}</literal>"
    return f"<literal>{xml_escape(str(t))}</literal>"


def serialize_solutions(names: list[str], rows: list[list[Any]], fmt: str) -> bytes:
    """The W3C results formats written here rather than by pyoxigraph, because rows are
    collected first (to enforce the row cap) and pyoxigraph serializes only its own
    iterator."""
    if fmt == "json":
        bindings = [{n: _json_term(v) for n, v in zip(names, r, strict=True) if v is not None} for r in rows]
        return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}).encode()
    if fmt == "xml":
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
        out += [f"<variable name={quoteattr(n)}/>" for n in names]
        out.append("</head><results>")
        for r in rows:
            out.append("<result>")
            out += [
                f"<binding name={quoteattr(n)}>{_xml_term(v)}</binding>"
                for n, v in zip(names, r, strict=True)
                if v is not None
            ]
            out.append("</result>")
        out.append("</results></sparql>\n")
        return "".join(out).encode()
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(names)
        for r in rows:
            w.writerow(
                ["" if v is None else (f"_:{v.value}" if isinstance(v, ox.BlankNode) else v.value) for v in r]
            )
        return buf.getvalue().encode()
    if fmt == "tsv":
        lines = ["\t".join(f"?{n}" for n in names)]
        lines += ["\t".join("" if v is None else str(v) for v in r) for r in rows]
        return ("\n".join(lines) + "\n").encode()
    raise QueryFailed(406, f"unknown results format {fmt!r}")


def serialize_boolean(value: bool, fmt: str) -> bytes:
    text = "true" if value else "false"
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode()
    if fmt == "xml":
        return (
            '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head/><boolean>{text}</boolean></sparql>\n"
        ).encode()
    return (text + "\n").encode()


def execute(store: ox.Store, job: Job) -> Result:
    """Run `job` on `store` and serialize its answer (in the worker, or in-process)."""
    kwargs: dict[str, Any] = {"prefixes": PREFIXES}
    if job.base_iri:
        kwargs["base_iri"] = job.base_iri
    if job.default_graph is not None:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in job.default_graph]
    else:
        kwargs["use_default_graph_as_union"] = True
    if job.named_graphs is not None:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    try:
        results = store.query(job.sparql, **kwargs)
        if isinstance(results, ox.QueryBoolean):
            fmt = job.solution_format
            if fmt is None:
                raise QueryFailed(
                    406, "ASK results come as json, xml, csv or tsv; the Accept header allows none"
                )
            return Result(serialize_boolean(bool(results), fmt), fmt, "boolean")
        if isinstance(results, ox.QuerySolutions):
            fmt = job.solution_format
            if fmt is None:
                raise QueryFailed(
                    406, "SELECT results come as json, xml, csv or tsv; the Accept header allows none"
                )
            names = [v.value for v in results.variables]
            rows: list[list[Any]] = []
            truncated = False
            for s in results:
                if len(rows) >= job.max_rows:
                    truncated = True
                    break
                rows.append([s[n] for n in names])
            return Result(serialize_solutions(names, rows, fmt), fmt, "solutions", truncated, len(rows))
        fmt = job.graph_format
        if fmt is None:
            raise QueryFailed(
                406,
                f"CONSTRUCT/DESCRIBE results come as {', '.join(RDF_FORMATS)}; the Accept header allows none",
            )
        triples = []
        truncated = False
        for t in results:
            if len(triples) >= job.max_rows:
                truncated = True
                break
            triples.append(t)
        body = ox.serialize(
            triples, format=RDF_FORMATS[fmt], prefixes=PREFIXES if fmt in ("turtle", "trig") else None
        )
        return Result(body or b"", fmt, "graph", truncated, len(triples))
    except SyntaxError as e:
        raise QueryFailed(400, f"query does not parse: {e}") from None
    except (OSError, ValueError, TypeError) as e:
        raise QueryFailed(400, f"query failed: {e}") from None


def _worker_main(store_path: str, conn: Any) -> None:
    """Worker loop: open the store read-only once, answer jobs until told to stop."""
    try:
        store = ox.Store.read_only(store_path)
    except BaseException as e:  # noqa: BLE001 - pyo3 panics are BaseException; report, do not vanish
        conn.send(("fatal", 503, f"{store_path}: cannot open the store read-only ({e})"))
        return
    conn.send(("ready",))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            conn.send(("ok", execute(store, job)))
        except QueryFailed as e:
            conn.send(("error", e.status, e.message))
        except RuntimeError as e:
            # RocksDB errors ("Corruption: ... No such file") mean this read-only snapshot
            # lost files to the writer's compaction: ask for a fresh worker and quit.
            conn.send(("lost", f"store snapshot unreadable ({e})"))
            return
        except Exception as e:  # noqa: BLE001 - a worker must answer, not die silently
            conn.send(("error", 500, f"query failed: {type(e).__name__}: {e}"))


def _frame(buf: bytearray) -> bytes | None:
    """The payload of one complete `Connection.send` message at the start of `buf`."""
    if len(buf) < 4:
        return None
    (size,) = struct.unpack("!i", buf[:4])
    offset = 4
    if size == -1:
        if len(buf) < 12:
            return None
        (size,) = struct.unpack("!Q", buf[4:12])
        offset = 12
    if len(buf) < offset + size:
        return None
    return bytes(buf[offset : offset + size])


class _Worker:
    """One `python -m kg.server.worker` process and a socket to it.

    A plain subprocess rather than multiprocessing: spawn/forkserver re-run the parent's
    main script (breaking `python script.py` servers), and fork would copy an open RocksDB
    and uvicorn's threads into the child."""

    def __init__(self, store_path: str, generation: int) -> None:
        mine, theirs = socket.socketpair()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kg.server.worker", store_path, str(theirs.fileno())],
            pass_fds=[theirs.fileno()],
            stdin=subprocess.DEVNULL,
        )
        theirs.close()
        self.conn = Connection(mine.detach())
        self.generation = generation
        self.ready = False

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        """Kill without waiting: SIGKILL frees the CPU at once; the zombie is reaped in a thread."""
        try:
            self.process.kill()
        except OSError:
            pass
        self.conn.close()
        threading.Thread(target=self.process.wait, daemon=True).start()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.kill()


class WorkerPool:
    """A fixed number of query processes; a query that passes its deadline kills its worker
    and a fresh one takes its place."""

    def __init__(self, store_path: str, size: int = 2) -> None:
        self.store_path = store_path
        self.size = max(1, size)
        self.generation = 0
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: set[_Worker] = set()

    async def start(self) -> None:
        self._idle = asyncio.Queue()
        for _ in range(self.size):
            self._idle.put_nowait(self._spawn())

    def _spawn(self) -> _Worker:
        w = _Worker(self.store_path, self.generation)
        self._all.add(w)
        return w

    def _retire(self, w: _Worker) -> None:
        self._all.discard(w)
        w.stop()

    def recycle(self) -> None:
        """Mark every worker stale (after an update): each is replaced when next taken or
        returned, so later queries see the new data."""
        self.generation += 1

    async def close(self) -> None:
        for w in list(self._all):
            self._retire(w)

    async def _acquire(self) -> _Worker:
        assert self._idle is not None, "pool not started"
        while True:
            w = await self._idle.get()
            if w.generation == self.generation and w.alive():
                return w
            self._retire(w)
            self._idle.put_nowait(self._spawn())

    async def _recv(self, w: _Worker) -> tuple:
        """One message from a worker, read on the event loop without a thread: the socket
        is non-blocking and `multiprocessing.Connection`'s framing (a 4-byte length, or -1
        and an 8-byte length, then the pickle) is reassembled here as bytes arrive."""
        loop = asyncio.get_running_loop()
        fut: asyncio.Future[tuple] = loop.create_future()
        fd = w.conn.fileno()
        buf = bytearray()

        def fail(exc: Exception) -> None:
            loop.remove_reader(fd)
            if not fut.done():
                fut.set_exception(exc)

        def readable() -> None:
            try:
                chunk = os.read(fd, 1 << 20)
            except BlockingIOError:
                return
            except OSError as e:
                fail(_WorkerLost(f"worker exited ({e})"))
                return
            if not chunk:
                fail(_WorkerLost("worker exited (no answer)"))
                return
            buf.extend(chunk)
            payload = _frame(buf)
            if payload is None or fut.done():
                return
            loop.remove_reader(fd)
            try:
                fut.set_result(pickle.loads(payload))
            except Exception as e:  # noqa: BLE001 - surface, do not lose, a bad answer
                fut.set_exception(QueryFailed(500, f"bad answer from query worker: {e}"))

        os.set_blocking(fd, False)
        loop.add_reader(fd, readable)
        try:
            return await fut
        finally:
            loop.remove_reader(fd)

    async def run(self, job: Job, timeout: float) -> Result:
        """Answer `job` within `timeout` seconds or raise QueryFailed(503) after killing the
        worker, so the query's CPU is really freed.

        A worker that dies before answering (a read-only snapshot opened while the writer
        was compacting can fail) is replaced and the query retried: queries only read."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        for attempt in range(3):
            try:
                return await self._run_once(job, timeout, deadline)
            except _WorkerLost as e:
                if attempt == 2 or loop.time() >= deadline:
                    raise QueryFailed(503, f"query worker failed: {e}; try again") from None
        raise AssertionError("unreachable")

    async def _run_once(self, job: Job, timeout: float, deadline: float) -> Result:
        loop = asyncio.get_running_loop()
        try:
            w = await asyncio.wait_for(self._acquire(), max(0.001, deadline - loop.time()))
        except TimeoutError:
            raise QueryFailed(503, f"server busy: no query worker free within {timeout:g} s") from None
        healthy = False
        try:
            if not w.ready:
                msg = await asyncio.wait_for(self._recv(w), max(0.001, deadline - loop.time()) + 10)
                if msg[0] == "fatal":
                    raise _WorkerLost(msg[2])
                w.ready = True
            os.set_blocking(w.conn.fileno(), True)  # a large query is written whole
            w.conn.send(job)
            msg = await asyncio.wait_for(self._recv(w), max(0.001, deadline - loop.time()))
            healthy = msg[0] != "lost"  # a lost worker has quit: replace it
        except TimeoutError:
            raise QueryFailed(
                503, f"query stopped: it ran longer than the {timeout:g} s limit (add LIMIT or narrow it)"
            ) from None
        except (EOFError, OSError) as e:
            raise _WorkerLost(f"worker exited ({e or 'no answer'})") from None
        finally:
            assert self._idle is not None
            if healthy and w.generation == self.generation:
                self._idle.put_nowait(w)
            else:
                if healthy:
                    self._retire(w)
                else:
                    self._all.discard(w)
                    w.kill()
                self._idle.put_nowait(self._spawn())
        if msg[0] == "ok":
            return msg[1]
        if msg[0] == "lost":
            raise _WorkerLost(msg[1])
        raise QueryFailed(msg[1], msg[2])


class _WorkerLost(Exception):
    """The worker process went away before answering (retryable)."""


if __name__ == "__main__":
    # Through the module's import name, so pickled Job/Result classes are kg.server.worker's.
    from kg.server.worker import _worker_main as main

    main(sys.argv[1], Connection(int(sys.argv[2])))
