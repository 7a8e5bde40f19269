"""Extraction rules on sentences written for these tests (not the seed's wording): each
attribution shape, pronoun carry-over, unnamed sources, meetings and the outlet chain."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract import extract
from kg.models import Article
from kg.nlp import load_pipeline


def run(body: str, published: dt.date | None = None):
    text = "Headline\n\n" + body
    return extract(
        Article(text=text, title="Headline", origin="test", published=published), load_pipeline()(text)
    )


@pytest.mark.parametrize(
    "body,source,cue,content",
    [
        (
            "The ministry said that the border would reopen on Sunday.",
            "ministry",
            "said",
            "the border would reopen on Sunday",
        ),
        (
            "“We will not negotiate under fire,” said Omar Haddad, a spokesman for the council.",
            "Omar Haddad",
            "said",
            "We will not negotiate under fire",
        ),
        (
            "“The talks have collapsed,” the envoy told reporters.",
            "envoy",
            "told",
            "The talks have collapsed",
        ),
        ("''This is not a ceasefire,'' said Mr. Haddad.", "Haddad", "said", "This is not a ceasefire"),
        (
            "According to local officials, twelve civilians died in the strike.",
            "local officials",
            "According to",
            "twelve civilians died in the strike",
        ),
        (
            "Twelve civilians died in the strike, according to the monitoring group.",
            "monitoring group",
            "according to",
            "Twelve civilians died in the strike",
        ),
        (
            "The rebels shelled the town overnight, writes Enab Baladi.",
            "Enab Baladi",
            "writes",
            "The rebels shelled the town overnight",
        ),
        (
            "The army denied the report, saying its troops had not entered the village.",
            "army",
            "saying",
            "its troops had not entered the village",
        ),
    ],
)
def test_attribution_shapes(body, source, cue, content):
    claims = [c for c in run(body).claims if c.quote_type != "implicit"]
    assert len(claims) == 1, [(c.source.label, c.cue.text, c.content.text) for c in claims]
    c = claims[0]
    assert source in c.source.label
    assert c.cue.text == cue
    assert c.content.text == content


def test_pronoun_goes_to_last_named_speaker_not_to_a_plural_source():
    g = run(
        "Defence Minister Ali Reza Tangsiri said the navy was ready. "
        "“We are prepared for any scenario,” the sources said. "
        "“Our ships will stay in the strait,” he said."
    )
    last = [c for c in g.claims if c.cue.text == "said"][-1]
    assert "Tangsiri" in last.source.label and last.source.kind == "Person"


def test_unnamed_sources_are_marked():
    g = run("Diplomatic sources said the summit had been postponed.")
    assert g.claims[0].source.kind == "UnnamedActor"


def test_words_inside_a_quotation_are_not_cues():
    g = run("“Nobody said this would be easy,” the minister said.")
    claims = [c for c in g.claims if c.quote_type != "implicit"]
    assert len(claims) == 1 and claims[0].content.text == "Nobody said this would be easy"


def test_planned_meeting_with_place_time_and_resolved_dates():
    g = run(
        "Turkish and Russian officials will meet in Ankara in the next three days to discuss the ceasefire.",
        published=dt.date(2024, 3, 10),
    )
    (m,) = g.meetings
    assert m.status == "Planned" and m.place.label == "Ankara"
    assert {"Turkey", "Russia"} <= {p.label for p in m.participants}
    assert m.time_text == "in the next three days"
    assert (m.earliest, m.latest) == (dt.date(2024, 3, 11), dt.date(2024, 3, 13))
    assert m.purpose.startswith("to discuss the ceasefire")


def test_held_meeting_object_takes_part():
    g = run("The Foreign Secretary met Russian Foreign Minister Sergei Lavrov in Geneva on Monday.")
    (m,) = g.meetings
    assert m.status == "Held" and m.place.label == "Geneva"
    labels = " ".join(p.label for p in m.participants)
    assert "Foreign Secretary" in labels and "Lavrov" in labels


def test_outlet_chain_and_disclaimer():
    g = run(
        "Clashes erupted near the airport, writes North Press.\n\n"
        "This article was translated and edited by Levant Monitor. "
        "Levant Monitor has not verified the content of this story."
    )
    assert g.chain.original.label == "North Press"
    assert g.chain.translator.label == "Levant Monitor"
    assert g.chain.verified is False


def test_proposition_structure():
    g = run("The coalition confirmed that Iran has started to send fighters from Iraq to Syria.")
    (c,) = [c for c in g.claims if c.quote_type != "implicit"]
    (p, *_) = c.propositions
    assert p.subject.label == "Iran" and p.action == "send"
    assert p.origin.label == "Iraq" and p.destination.label == "Syria"


def test_speaker_colon_lines():
    g = run(
        "WALLACE: Let us start with the news about the debate.\n\nPhoto: a crowd outside the hall at night."
    )
    claims = [c for c in g.claims if c.quote_type != "implicit"]
    assert [(c.source.label, c.cue.text, c.content.text) for c in claims] == [
        ("WALLACE", ":", "Let us start with the news about the debate")
    ]
