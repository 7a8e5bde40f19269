"""Lemmas the trained lemmatizer gets wrong are checked against WordNet (kg.nlp.lemmas).

The sentences are written for these tests; each verb is one the shipped lemmatizer was
seen to get wrong on PolNeAR news. The UD EWT check reads ../shared/data and is skipped,
with the reason given, where that folder is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from kg.extract import extract
from kg.models import Article
from kg.nlp import MODEL_DIR, analyse_one
from kg.nlp.evaluate import evaluate_parse
from kg.nlp.lemmas import COMPONENT, checked

UD_TEST = Path(__file__).resolve().parents[2] / "shared" / "data" / "ud-ewt" / "test.conllu"


@pytest.fixture(scope="module")
def nlp(trained_nlp):  # type: ignore[no-untyped-def]
    return trained_nlp


def _lemmas(nlp, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {t.lower_: t.lemma_ for t in nlp(text)}


def test_the_check_runs_right_after_the_lemmatizer(nlp) -> None:  # type: ignore[no-untyped-def]
    names = nlp.pipe_names
    assert names.index(COMPONENT) == names.index("trainable_lemmatizer") + 1


@pytest.mark.parametrize(
    "text,word,lemma",
    [
        ("The minister insisted that the border was closed.", "insisted", "insist"),
        ("The ministry condemned the raid on the camp.", "condemned", "condemn"),
        ("The envoy left early, noting that the talks had stalled.", "noting", "note"),
        ("The militia fought government forces near the border.", "fought", "fight"),
        ("Inspectors said Iran was enriching uranium at the site.", "enriching", "enrich"),
        ("The court ruled that the detentions were unlawful.", "ruled", "rule"),
    ],
)
def test_a_lemma_that_is_no_english_word_gives_way_to_wordnets(nlp, text, word, lemma) -> None:  # type: ignore[no-untyped-def]
    assert _lemmas(nlp, text)[word] == lemma


def test_words_wordnet_does_not_know_keep_the_trained_lemma(nlp) -> None:  # type: ignore[no-untyped-def]
    bare = spacy.load(MODEL_DIR)
    text = "Protesters opposed fracking near the village at 9 PM."
    assert _lemmas(nlp, text)["fracking"] == _lemmas(bare, text)["fracking"]
    assert _lemmas(nlp, text)["pm"] == _lemmas(bare, text)["pm"]  # "p.m." is a spelling, not an error


def test_an_action_is_queried_by_its_real_lemma(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Headline\n\nOfficials said Iran had violated the agreement."
    graph = extract(Article(text=text, title="Headline", origin="test"), analyse_one(nlp, text))
    assert [p.action for c in graph.claims for p in c.propositions] == ["violate"]


def test_a_pipeline_without_a_lemmatizer_is_left_alone() -> None:
    blank = spacy.blank("en")
    assert checked(blank).pipe_names == []


def test_lemma_accuracy_on_ud_ewt_does_not_drop(nlp) -> None:  # type: ignore[no-untyped-def]
    if not UD_TEST.is_file():
        pytest.skip(f"{UD_TEST} is absent (../shared beside the checkout)")
    with_check = evaluate_parse(nlp, UD_TEST, limit=600)["lemma"]
    without = evaluate_parse(spacy.load(MODEL_DIR), UD_TEST, limit=600)["lemma"]
    assert with_check >= without
