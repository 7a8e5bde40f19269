"""CQ1–CQ10 from ../shared/seed/competency-questions.md, answered by the queries in
ontology/competency/ over a store built from the raw seed text."""

from __future__ import annotations

from conftest import rows

BOILERPLATE = ("Recommend article", "Sender's Name", "Receiver's Email")


def test_cq1_who_claimed_iran_exports_militias_to_yemen(seed_store):
    r = rows(seed_store, "cq01")
    assert len(r) == 1
    row = r[0]
    assert row["claimantLabel"] == "National Coalition of Syrian Revolutionary and Opposition Forces"
    assert row["content"].startswith(
        "Iran has begun a new subversive project to export its militias from Syria to Yemen"
    )
    assert row["originalLabel"] == "SY 24"
    assert "Syrian Observer" in row["translatorLabel"]


def test_cq2_meeting_in_damascus_and_participants(seed_store):
    r = rows(seed_store, "cq02")
    assert len({x["meeting"] for x in r}) == 1
    linked = {c.strip() for x in r for c in x["linkedTo"].split(",") if c.strip()}
    assert {"Iran", "Iraq", "Lebanon", "Syria"} <= linked
    groups = [x for x in r if "Group" in x["types"].split()]
    assert any(
        {"Iran", "Iraq", "Lebanon", "Syria"} <= set(map(str.strip, g["linkedTo"].split(","))) for g in groups
    )
    assert any("Government" in x["types"].split() and "Syria" in x["linkedTo"] for x in r)


def test_cq3_reporters_status_and_timing(seed_store):
    r = rows(seed_store, "cq03")
    reporters = {x["reporterLabel"] for x in r}
    assert any("Ahwazi" in x for x in reporters)
    assert "SY 24" in reporters
    assert "Iranian-backed media" in reporters
    assert any("sources" in x for x in reporters)
    assert {x["status"] for x in r} == {"Planned"}
    assert {x["timeText"] for x in r} == {"in the next two days"}
    unnamed = {x["reporterLabel"] for x in r if x["unnamed"] == "true"}
    assert "Iranian-backed media" in unnamed and any("sources" in u for u in unnamed)


def test_cq4_ahwazi_four_statements(seed_store):
    r = rows(seed_store, "cq04")
    contents = [x["content"] for x in r]
    assert len(contents) == 4
    assert "meeting will be held" in contents[0]
    assert contents[1].startswith("The world now, especially the US, is pressuring Iran to withdraw")
    assert "cannot really afford" in contents[2]
    assert "existential crisis" in contents[3]


def test_cq5_offsets_reproduce_content(seed_store, seed_path):
    r = rows(seed_store, "cq05")
    assert len(r) == 1
    row = r[0]
    assert row["cue"] == "confirmed"
    assert row["fromText"] == row["content"]
    # the stored text is the raw file's text: the offsets point into the article itself
    raw = seed_path.read_text(encoding="utf-8")
    b, e = int(row["begin"]), int(row["end"])
    assert raw[b:e] == row["content"]
    assert raw[int(row["cueBegin"]) : int(row["cueEnd"])] == "confirmed"


def test_cq6_unnamed_sources(seed_store):
    r = rows(seed_store, "cq06")
    sources = {x["sourceLabel"] for x in r}
    assert "Iranian-backed media" in sources
    assert any("sources" in s for s in sources)
    assert len([x for x in r if "sources" in x["sourceLabel"]]) == 2
    assert not any("Ahwazi" in s or "Coalition" in s for s in sources)


def test_cq7_outlet_chain_and_verification(seed_store):
    r = rows(seed_store, "cq07")
    assert {x["originalLabel"] for x in r} == {"SY 24"}
    assert all("Syrian Observer" in x["translatorLabel"] for x in r)
    assert {x["verified"] for x in r} == {"false"}
    assert any("has not verified the content" in x["disclaimer"] for x in r)


def test_cq8_actors_in_claims_about_yemen(seed_store):
    labels = {x["actorLabel"] for x in rows(seed_store, "cq08")}
    assert {
        "Iran",
        "Houthis",
        "Yemen",
        "National Coalition of Syrian Revolutionary and Opposition Forces",
    } <= labels
    assert any("Yemeni" in lab for lab in labels) or "Yemen" in labels


def test_cq9_claims_about_assad_or_the_regime(seed_store):
    r = rows(seed_store, "cq09")
    contents = [x["content"] for x in r]
    assert any("bring together" in c and "Syrian regime" in c for c in contents)
    assert any("presidential elections" in c and "Bashar al-Assad" in c for c in contents)


def test_cq10_every_claim_rests_on_claimant_cue_article_evidence(seed_store):
    r = rows(seed_store, "cq10")
    assert len(r) >= 8
    for x in r:
        assert x["claimants"] == "1" and int(x["cues"]) >= 1
        assert x["articles"] == "1" and int(x["evidenceSpans"]) >= 1
    assert seed_store.validate().conforms


def test_boilerplate_is_not_claims_or_actors(seed_store):
    q = """SELECT ?v WHERE { { ?c kg:content ?v } UNION { ?x a kg:Actor ; rdfs:label ?v }
                           UNION { ?a nif:isString ?v } }"""
    for s in seed_store.query(q):
        assert not any(b in s["v"].value for b in BOILERPLATE)


def test_one_node_per_actor(seed_store):
    q = """SELECT ?x WHERE { ?x rdfs:label|skos:altLabel ?n FILTER(CONTAINS(?n, "Ahwazi")) }"""
    assert len({s["x"].value for s in seed_store.query(q)}) == 1
    q = """SELECT DISTINCT ?x WHERE {
             ?m kg:refersTo ?x ; nif:anchorOf ?t FILTER(?t IN ("Iran", "Iranian")) }"""
    assert len({s["x"].value for s in seed_store.query(q)}) == 1
