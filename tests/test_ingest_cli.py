"""`kg ingest` end to end: mixed inputs, parallel workers, one writer, crash safety."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]
CITIES = [
    "Geneva",
    "Vienna",
    "Oslo",
    "Doha",
    "Cairo",
    "Ankara",
    "Rome",
    "Madrid",
    "Berlin",
    "Paris",
    "Tunis",
    "Baku",
]


def story(i: int) -> str:
    city = CITIES[i % len(CITIES)]
    return (
        f"Talks in {city} number {i}\n\n"
        f"The envoy said on Monday that the talks would resume in {city} next week. "
        f"Officials from both sides met in the city last month, and the foreign ministry said "
        f"that the meeting had been constructive.\n"
    )


def kg(*args: str, **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=ROOT, **kw
    )


def stats(store: Path, capsys) -> dict[str, int]:
    capsys.readouterr()
    assert main(["stats", "--store", str(store)]) == 0
    return {k: int(v) for k, v in (ln.split(": ") for ln in capsys.readouterr().out.splitlines())}


@pytest.fixture()
def stored(tmp_path, capsys) -> Path:
    """A store already holding one article, to show rejections change nothing."""
    good = tmp_path / "kept.txt"
    good.write_text(story(0), encoding="utf-8")
    s = tmp_path / "store"
    assert main(["ingest", "--store", str(s), "--jobs", "1", "--quiet", str(good)]) == 0
    return s


def bad_inputs(folder: Path) -> dict[str, str]:
    """Input path → the reason its one line must give."""
    folder.mkdir()
    cases = {
        "binary.txt": (b"\x00\x01\x02PK" * 30, "looks like a binary file"),
        "empty.txt": (b"", "empty"),
        "spaces.txt": (b" \n \n\t", "empty"),
        "bad-utf8.txt": (b"Title\n\nThe \xff\xfe envoy said so.", "not valid UTF-8"),
        "nav.html": (b"<html><body><nav>Home | World | Login</nav></body></html>", "no article text"),
        "french.txt": (
            "Titre\n\nLe président de la République a annoncé mardi que les négociations avec les "
            "syndicats reprendraient la semaine prochaine à Paris, selon son porte-parole.".encode(),
            "looks like French, not English",
        ),
        "broken.jsonl": (b'{"text": "unterminated\n', "malformed JSON line"),
        "nocol.csv": (b"headline\nTalks\n", "no 'text' column"),
        "title.txt": (b"Only a title\n", "only a title line"),
    }
    out = {}
    for name, (data, reason) in cases.items():
        (folder / name).write_bytes(data)
        out[str(folder / name)] = reason
    return out


def test_bad_inputs_each_one_line_batch_goes_on_store_unchanged(tmp_path, stored, capsys):
    before = stats(stored, capsys)
    reasons = bad_inputs(tmp_path / "bad")
    missing = str(tmp_path / "missing.txt")
    reasons[missing] = "no such file or folder"
    good = tmp_path / "good.txt"
    good.write_text(story(1), encoding="utf-8")
    code = main(["ingest", "--store", str(stored), "--jobs", "1", str(tmp_path / "bad"), missing, str(good)])
    out, err = capsys.readouterr()
    assert code == 1
    lines = [ln for ln in err.splitlines() if ln.startswith("rejected: ")]
    for origin, reason in reasons.items():
        mine = [ln for ln in lines if ln.startswith(f"rejected: {origin}")]
        assert len(mine) == 1 and reason in mine[0], (origin, mine)
    assert len(lines) == len(reasons) and "Traceback" not in err
    assert f"added: {good}" in out and "1 added" in out
    after = stats(stored, capsys)
    assert after["graphs"] == before["graphs"] + 1
    # the bad inputs alone: exit 1 and not one quad changes
    assert main(["ingest", "--store", str(stored), "--jobs", "1", "--quiet", str(tmp_path / "bad")]) == 1
    assert stats(stored, capsys) == after


def test_json_summary_and_unchanged_reingest_is_a_noop(tmp_path, capsys):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "\n".join(
            json.dumps(
                {
                    "text": story(i).split("\n\n", 1)[1],
                    "title": f"T{i}",
                    "url": f"https://x.example/{i}",
                    "date": "2015-11-11",
                }
            )
            for i in range(2)
        )
        + "\n{oops\n",
        encoding="utf-8",
    )
    s = str(tmp_path / "store")
    assert main(["ingest", "--store", s, "--jobs", "1", "--json", str(corpus)]) == 1
    first = json.loads(capsys.readouterr().out)
    assert (first["ingested"], first["rejected"]) == (2, 1)
    assert first["reasons"] == [
        f"{corpus}:3: malformed JSON line (Expecting property name enclosed in double quotes at column 2)"
    ]
    assert all(r["article"].split("/article/")[1].startswith("u") for r in first["results"][:2])  # URL ids
    quads = stats(Path(s), capsys)["quads"]
    assert main(["ingest", "--store", s, "--jobs", "1", "--json", str(corpus)]) == 1
    again = json.loads(capsys.readouterr().out)
    assert (again["ingested"], again["unchanged"]) == (0, 2)
    assert stats(Path(s), capsys)["quads"] == quads
    capsys.readouterr()
    main(
        [
            "query",
            "--store",
            s,
            "--format",
            "csv",
            "SELECT ?d WHERE { ?a schema:datePublished ?d ; schema:inLanguage 'en' }",
        ]
    )
    assert capsys.readouterr().out.splitlines()[1:] == ["2015-11-11", "2015-11-11"]


def test_parallel_workers_write_in_input_order(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):
        (folder / f"a{i}.txt").write_text(story(i), encoding="utf-8")
    (folder / "a2b.txt").write_bytes(b"")  # a rejection between articles keeps its place
    s = tmp_path / "store"
    assert main(["ingest", "--store", str(s), "--jobs", "2", str(folder)]) == 1
    out, err = capsys.readouterr()
    order = [
        ln.split(": ", 1)[1].split(" ->")[0].rsplit("/", 1)[1] for ln in out.splitlines() if " -> " in ln
    ]
    assert order == ["a0.txt", "a1.txt", "a2.txt", "a3.txt"]
    assert "a2b.txt: empty" in err
    assert stats(s, capsys)["graphs"] == 4


def test_stdin(tmp_path):
    s = str(tmp_path / "store")
    r = kg("ingest", "--store", s, "--jobs", "1", "-", input=story(5))
    assert r.returncode == 0, r.stderr
    assert "added: stdin" in r.stdout
    r = kg("ingest", "--store", s, "--jobs", "1", "-", input="")
    assert r.returncode == 1 and "rejected: stdin: empty" in r.stderr


def test_bad_options_are_one_line():
    r = kg("ingest", "--jobs", "-3", "x.txt")
    assert r.returncode == 1 and r.stderr.startswith("kg ingest: --jobs -3")
    r = kg("ingest", "--batch-size", "0", "x.txt")
    assert r.returncode == 1 and r.stderr.startswith("kg ingest: --batch-size 0")


def _corpus(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(n):
        (folder / f"s{i:02}.txt").write_text(story(i), encoding="utf-8")
    return folder


def _start_ingest(store: str, folder: Path, jobs: int, batch_size: int) -> subprocess.Popen[str]:
    """`kg ingest` in its own process group, so a test can kill it and all it started."""
    return subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "ingest", "--store", store, "--jobs", str(jobs)]
        + ["--batch-size", str(batch_size), str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        start_new_session=True,
    )


def test_sigkill_mid_corpus_leaves_whole_articles_and_rerun_completes(tmp_path):
    n = 12
    folder = _corpus(tmp_path, n)
    s = str(tmp_path / "store")
    # batches of 2, so results (reported once stored) arrive before the corpus ends
    proc = _start_ingest(s, folder, jobs=1, batch_size=2)
    added = 0
    assert proc.stdout is not None
    deadline = time.monotonic() + 300
    while added < 3 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        added += line.startswith("added:")
    os.killpg(proc.pid, signal.SIGKILL)  # the ingest and anything it started
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL and 3 <= added < n

    r = kg("validate", "--store", s)
    assert r.returncode == 0, r.stdout + r.stderr
    graphs = int(r.stdout.split(" in ")[1].split()[0])
    assert added <= graphs < n  # whole articles only: at most the one being written when killed

    r = kg("ingest", "--store", s, "--jobs", "1", "--json", str(folder))
    assert r.returncode == 0, r.stderr
    summary = json.loads(r.stdout)
    assert summary["unchanged"] == graphs and summary["ingested"] == n - graphs
    r = kg("stats", "--store", s)
    assert f"articles: {n}" in r.stdout and f"graphs: {n}" in r.stdout
    assert kg("validate", "--store", s).returncode == 0


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds worker processes through /proc")
def test_a_killed_worker_loses_no_article(tmp_path):
    """A worker killed mid-run (e.g. by the OOM killer): its chunk is retried article by
    article in a new pool, and every article is stored."""
    n = 40
    proc = _start_ingest(str(tmp_path / "store"), _corpus(tmp_path, n), jobs=2, batch_size=1)
    assert proc.stdout is not None
    try:
        assert proc.stdout.readline().startswith("added:")  # the workers are running
        workers = [w for fs in _children(proc.pid) for w in _children(fs)]
        assert workers, "no worker processes found"
        os.kill(workers[0], signal.SIGKILL)
        out, err = proc.communicate(timeout=300)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 0, err
    assert f"{n} added, 0 replaced, 0 unchanged, 0 rejected" in out
