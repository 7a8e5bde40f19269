"""Lemmas the trained lemmatizer gets wrong on words it never saw, checked against WordNet.

The shipped pipeline's lemmatizer learns edit rules from UD English-EWT. On rarer verbs it
applies the wrong one: "blamed" -> "blam", "insisted" -> "insiste", "noting" -> "not",
"won" -> "won". About one verb token in ten in PolNeAR news got a lemma that is not an
English verb, and these lemmas are what a proposition's action and a claim's cue are
queried by ("which sources condemned ..."). WordNet's lemma index, exceptions and suffix
rules (spaCy's own English rule lemmatizer, with the tables of ``spacy-lookups-data``)
know these words: where the trained lemma is not a WordNet lemma of the token's part of
speech and the rules find one that is, the rules' lemma is used. Words WordNet does not
know ("fracking", "tweeting" in some senses) keep the trained lemma.
"""

from __future__ import annotations

import functools

from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import load_lookups
from spacy.tokens import Doc
from spacy.vocab import Vocab

__all__ = ["COMPONENT", "checked", "check_lemmas", "verb_lemma"]

COMPONENT = "kg_lemma_check"
#: open classes WordNet covers (proper nouns keep their lemma: they are names)
_CHECKED = ("VERB", "NOUN", "ADJ")


@functools.cache
def _rules() -> EnglishLemmatizer:
    lemmatizer = EnglishLemmatizer(Vocab(), None, "kg_rule_lemmas", mode="rule")
    required, optional = EnglishLemmatizer.get_lookups_config("rule")
    lemmatizer.initialize(lookups=load_lookups("en", required + optional))
    return lemmatizer


@functools.cache
def _index() -> dict[str, set[str]]:
    table = _rules().lookups.get_table("lemma_index")
    return {pos.upper(): set(table.get(pos.lower(), [])) for pos in _CHECKED}


@functools.cache
def verb_lemma(form: str) -> str | None:
    """WordNet's lemma for a verb form seen without a parse, or read as a noun ("looting"
    in "accused of looting homes" -> "loot"); None when WordNet knows no such verb."""
    word = form.lower()
    lookups = _rules().lookups
    exceptions = lookups.get_table("lemma_exc").get("verb", {}).get(word)
    if exceptions:
        return exceptions[0]
    verbs = _index()["VERB"]
    if word in verbs:
        return word
    for old, new in lookups.get_table("lemma_rules").get("verb", []):
        if word.endswith(old) and word[: len(word) - len(old)] + new in verbs:
            return word[: len(word) - len(old)] + new
    return None


@Language.component(COMPONENT)
def check_lemmas(doc: Doc) -> Doc:
    index, rules = _index(), _rules()
    for tok in doc:
        if tok.pos_ not in _CHECKED:
            continue
        known = index[tok.pos_]
        lemma = tok.lemma_.lower()
        if lemma in known or not (tok.text.isalpha() and lemma.isalpha()):
            continue  # "p.m." for "PM": a spelling the lemmatizer learned, not a mistake
        better = rules.rule_lemmatize(tok)[0]
        if better in known:
            tok.lemma_ = better
    return doc


def checked(nlp: Language) -> Language:
    """`nlp` with its lemmas checked after its last component that sets them (a pipeline
    without a lemmatizer, or not English, is returned as it is). kg adds it to every
    English pipeline it loads."""
    setters = [
        name for name, pipe in nlp.pipeline if "lemma" in name or "lemmatizer" in type(pipe).__name__.lower()
    ]
    if nlp.lang == "en" and setters and COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after=setters[-1])
    return nlp
