"""Each SHACL constraint is broken by one fixture in tests/fixtures/shapes/, and the
validator must report it; the valid fixture must conform."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.validate import validate_quads

FIXTURES = Path(__file__).parent / "fixtures" / "shapes"
VIOLATING = sorted(p for p in FIXTURES.glob("*.ttl") if p.stem != "valid")

# fixture → the message the broken constraint must report
EXPECTED = {
    "actor-no-label": "An actor needs a non-empty label.",
    "actor-affiliated-non-actor": "An actor is affiliated only with actors.",
    "article-no-text": "An article has exactly one non-empty text.",
    "article-two-headlines": "An article has at most one headline.",
    "article-date-untyped": "datePublished is one xsd:date or xsd:dateTime.",
    "article-source-not-outlet": "An original source is a media outlet.",
    "article-verified-not-boolean": "publisherVerified is one boolean.",
    "span-begin-not-before-end": "Span offsets must satisfy begin < end",
    "span-end-past-text": "Span offsets must satisfy begin < end",
    "span-anchor-mismatch": "the anchor must equal the text between them",
    "span-negative-begin": "A span has exactly one non-negative integer begin.",
    "span-no-article": "A span belongs to exactly one article.",
    "mention-no-referent": "A mention refers to exactly one actor or place.",
    "claim-no-claimant": "A claim has exactly one claimant, an actor.",
    "claim-two-claimants": "A claim has exactly one claimant, an actor.",
    "claim-claimant-not-actor": "A claim has exactly one claimant, an actor.",
    "claim-no-cue": "A claim has at least one cue.",
    "claim-no-article": "A claim is stated in exactly one article.",
    "claim-empty-content": "A claim has exactly one non-empty content.",
    "claim-no-evidence": "A claim rests on at least one evidence span.",
    "claim-bad-quote-type": "quoteType is direct, indirect, mixed or implicit.",
    "proposition-no-action": "A proposition has exactly one action lemma.",
    "meeting-participant-not-actor": "Meeting participants are actors.",
    "meeting-place-not-place": "A meeting has at most one place, a kg:Place.",
    "meeting-bad-status": "A meeting has exactly one status",
    "meeting-no-status": "A meeting has exactly one status",
    "meeting-date-untyped": "earliestDate is one xsd:date.",
    "meeting-no-article": "A meeting is reported in exactly one article graph.",
}


def _quads(path: Path) -> list[ox.Quad]:
    return [
        ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
        for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
    ]


def test_valid_fixture_conforms():
    report = validate_quads(_quads(FIXTURES / "valid.ttl"))
    assert report.conforms, report.text


def test_every_fixture_has_an_expectation():
    assert {p.stem for p in VIOLATING} == set(EXPECTED)


@pytest.mark.parametrize("path", VIOLATING, ids=lambda p: p.stem)
def test_fixture_violates_its_constraint(path: Path):
    report = validate_quads(_quads(path))
    assert not report.conforms
    assert EXPECTED[path.stem] in report.text, report.text
