"""The parser may not start a sentence in the middle of a clause (kg.nlp.sentences).

Real news text from ../shared/data/polnear (evaluation only) is parsed with the shipped
pipeline; the check is skipped, with the reason given, where that folder is absent.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from kg.extract import extract
from kg.models import Article
from kg.nlp import analyse, analyse_one
from kg.nlp.sentences import COMPONENT

POLNEAR_DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev" / "text"


@pytest.fixture(scope="module")
def nlp(trained_nlp):  # type: ignore[no-untyped-def]
    return trained_nlp


def test_the_constraint_runs_right_before_the_parser(nlp) -> None:  # type: ignore[no-untyped-def]
    names = nlp.pipe_names
    assert names.index(COMPONENT) == names.index("parser") - 1


def test_no_sentence_starts_after_a_word_or_a_comma_in_real_news(nlp) -> None:  # type: ignore[no-untyped-def]
    if not POLNEAR_DEV.is_dir():
        pytest.skip(f"{POLNEAR_DEV} is absent (../shared beside the checkout)")
    texts = [p.read_text(encoding="utf-8") for p in sorted(POLNEAR_DEV.glob("*.txt"))[:40]]
    starts, inside = 0, []
    for doc in analyse(nlp, texts):
        for sent in list(doc.sents)[1:]:
            prev = doc[sent.start - 1]
            starts += 1
            if prev.is_space or "\n" in prev.whitespace_ or doc[sent.start].is_space:
                continue
            if re.search(r"[\w,]$", prev.text):
                inside.append(doc[sent.start - 3 : sent.start + 3].text)
    assert starts > 500  # the texts were parsed into sentences at all
    # spaCy's parser now and then overrides the constraint right before a colon (its issue
    # #7716: the check looks one token ahead); without the constraint there are about 100
    assert len(inside) <= 10, inside


def test_a_misread_name_does_not_cut_a_meeting_off_its_participant_place_and_date(nlp) -> None:  # type: ignore[no-untyped-def]
    """The parser once started a sentence at "Xi" (tagged an adverb), leaving "will meet
    Chinese leader" without its place or date."""
    body = "Russian President Vladimir Putin will meet Chinese leader Xi Jinping in Beijing next month."
    text = "Headline\n\n" + body
    graph = extract(
        Article(text=text, title="Headline", origin="x", published=dt.date(2024, 3, 12)),
        analyse_one(nlp, text),
    )
    (meeting,) = graph.meetings
    assert meeting.place is not None and meeting.place.label == "Beijing"
    assert meeting.time_text == "next month"
    assert {p.label for p in meeting.participants} >= {"Vladimir Putin"}
    assert len(meeting.participants) == 2
