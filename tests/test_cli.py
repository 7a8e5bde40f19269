"""The `kg` command as a user runs it: a real store on disk, real files, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=ROOT)


@pytest.fixture()
def store(tmp_path, seed_path) -> Path:
    s = tmp_path / "store"
    assert main(["ingest", "--store", str(s), "--quiet", str(seed_path)]) == 0
    return s


def test_second_ingest_is_unchanged_and_quad_count_identical(store, seed_path, capsys):
    capsys.readouterr()
    main(["stats", "--store", str(store)])
    before = capsys.readouterr().out
    assert main(["ingest", "--store", str(store), "--json", str(seed_path)]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["unchanged"] == 1 and summary["ingested"] == 0
    main(["stats", "--store", str(store)])
    assert capsys.readouterr().out == before


def test_changed_article_replaces_its_graph(tmp_path, seed_path, capsys):
    art = tmp_path / "in" / "seed.txt"
    art.parent.mkdir()
    text = seed_path.read_text(encoding="utf-8")
    art.write_text(text, encoding="utf-8")
    s = str(tmp_path / "store")
    assert main(["ingest", "--store", s, str(art)]) == 0
    art.write_text(text.replace("On Monday,", "On Tuesday,"), encoding="utf-8")
    capsys.readouterr()
    assert main(["ingest", "--store", s, "--json", str(art)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["replaced"] == 1
    assert (
        main(
            [
                "query",
                "--store",
                s,
                "--format",
                "csv",
                "SELECT (COUNT(*) AS ?n) WHERE { ?a a kg:Article ; nif:isString ?t "
                "FILTER(CONTAINS(?t, 'On Tuesday')) }",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.splitlines()[1].strip() == "1"
    main(["stats", "--store", s])
    assert "graphs: 1" in capsys.readouterr().out


def test_validate_exit_codes(store, tmp_path):
    assert kg("validate", "--store", str(store)).returncode == 0
    # a store holding a claim without a claimant does not conform
    bad = tmp_path / "bad"
    import pyoxigraph as ox

    st = ox.Store(str(bad))
    st.update("""PREFIX kg: <https://w3id.org/kg-news/ns#>
        INSERT DATA { GRAPH <https://kg.example.org/article/x> {
            <https://kg.example.org/claim/x> a kg:Claim } }""")
    del st
    r = kg("validate", "--store", str(bad))
    assert r.returncode == 1 and "does not conform" in r.stderr
    r = kg("validate", "--store", str(tmp_path / "nowhere"))
    assert r.returncode == 2 and "no store here" in r.stderr


@pytest.mark.parametrize(
    "fmt,marker", [("table", "claimantLabel"), ("json", '"head"'), ("csv", "claim,"), ("tsv", "?claim\t")]
)
def test_query_formats(store, fmt, marker):
    r = kg("query", "--store", str(store), "--format", fmt, str(ROOT / "ontology/competency/cq01.rq"))
    assert r.returncode == 0, r.stderr
    assert marker in r.stdout and "National Coalition" in r.stdout


def test_bad_query_is_one_clear_line(store):
    r = kg("query", "--store", str(store), "SELECT WHERE {")
    assert r.returncode == 1
    assert r.stderr.startswith("kg query: query does not parse") and "Traceback" not in r.stderr


@pytest.mark.parametrize(
    "fmt,marker", [("nquads", "> ."), ("trig", "> {"), ("turtle", "@prefix"), ("jsonld", "@id")]
)
def test_export_formats(store, tmp_path, fmt, marker):
    out = tmp_path / f"dump.{fmt}"
    assert main(["export", "--store", str(store), "--format", fmt, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert marker in text and "National Coalition" in text


def test_retract_removes_the_article(store, capsys):
    capsys.readouterr()
    main(["query", "--store", str(store), "--format", "csv", "SELECT ?a WHERE { ?a a kg:Article }"])
    iri = capsys.readouterr().out.splitlines()[1].strip()
    assert main(["retract", "--store", str(store), iri]) == 0
    main(["stats", "--store", str(store)])
    assert "quads: 0" in capsys.readouterr().out
    assert main(["retract", "--store", str(store), iri]) == 1


def test_bad_inputs_are_named_and_the_batch_goes_on(tmp_path, seed_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("   \n\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 20)
    (folder / "latin1.txt").write_bytes("Caf\xe9 talks\n\nThe minister said talks resumed.".encode("latin-1"))
    (folder / "title-only.txt").write_text("Just a title\n", encoding="utf-8")
    (folder / "good.txt").write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "utf16.txt").write_bytes(
        "Talks in Geneva\n\nThe envoy said talks would resume on Monday.".encode("utf-16")
    )
    s = tmp_path / "store"
    r = kg("ingest", "--store", str(s), str(folder), str(tmp_path / "missing.txt"))
    assert r.returncode == 1
    err = r.stderr
    assert "empty.txt: empty" in err
    assert "binary.txt: looks like a binary file" in err
    assert "latin1.txt: not valid UTF-8" in err
    assert "title-only.txt: only a title line" in err
    assert "missing.txt: no such file or folder" in err
    assert "Traceback" not in err
    assert "2 added" in r.stdout  # good.txt and the UTF-16 file


def test_rejected_input_leaves_store_unchanged(store, tmp_path, capsys):
    capsys.readouterr()
    main(["stats", "--store", str(store)])
    before = capsys.readouterr().out
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa not utf8")
    assert main(["ingest", "--store", str(store), str(bad)]) == 1
    capsys.readouterr()
    main(["stats", "--store", str(store)])
    assert capsys.readouterr().out == before
