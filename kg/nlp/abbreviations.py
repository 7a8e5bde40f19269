"""Ranks and titles that end in a full stop, kept whole by the tokenizer.

spaCy's English tokenizer knows "Gen.", "Gov.", "Sen." and "Adm.", but not "Brig.",
"Lt.", "Col.", "Maj.", "Capt." or "Sgt.", which wire copy on wars and armies writes
before names ("army spokesman Brig. Gen. Nabil Abdallah said"). Split into "Brig" and
".", the full stop ends the sentence in the middle of the source, and the quotation before
it loses its speaker. kg adds these as special cases to every pipeline it loads, and
`kg.nlp.sentences` starts no sentence after any title of :data:`BEFORE_NAMES`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.symbols import ORTH

#: forms written before a name that spaCy splits, which never end a sentence in news copy;
#: "No." and "Sr." are left out: "No." is also an answer, and "Sr." often ends a sentence
TITLES = (
    "Amb.",
    "Atty.",
    "Brig.",
    "Capt.",
    "Cdr.",
    "Cmdr.",
    "Col.",
    "Cpl.",
    "Det.",
    "Ens.",
    "Fr.",
    "Gens.",
    "Hon.",
    "Insp.",
    "Lieut.",
    "Lt.",
    "Maj.",
    "Msgr.",
    "Pres.",
    "Pvt.",
    "Reps.",
    "Rt.",
    "Sens.",
    "Sgt.",
    "Spc.",
    "Supt.",
    "Brig.-Gen.",
    "Col.-Gen.",
    "Lt.-Col.",
    "Lt.-Gen.",
    "Maj.-Gen.",
)

#: every abbreviated title written before a name, with those spaCy keeps whole itself
BEFORE_NAMES = frozenset(
    TITLES + ("Adm.", "Dr.", "Gen.", "Gov.", "Mr.", "Mrs.", "Ms.", "Prof.", "Rep.", "Rev.", "Sen.")
)


def with_titles(nlp: Language) -> Language:
    """`nlp` with each of :data:`TITLES` one token (the pipeline is changed in place)."""
    for title in TITLES:
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])
    return nlp
