"""A sentence never starts in the middle of a clause: the constraint the parser gets.

spaCy's parser finds sentence boundaries as it parses, and on news text it often starts a
new sentence at a word it misreads: "Russian President Vladimir Putin will meet Chinese
leader Xi Jinping in Beijing" was split before "Xi" (tagged an adverb), which cut the
meeting off from its second participant, its place and its date. A token can be told
before parsing that it does not start a sentence (``is_sent_start = False``), and the
parser then has to attach it inside the sentence it is in; a bad tag costs one arc, not
the rest of the sentence.

The rule is deliberately narrow: no sentence starts right after a word, a comma or an
abbreviated title ("Brig.", "Gen.") on the same line. Sentence-final punctuation, closing
quotation marks and brackets, colons, semicolons and line breaks leave the parser free to
decide (a headline without a full stop ends at its line break, which `kg.nlp.analyse`
already parses on its own).

On PolNeAR dev this leaves 8 of the parser's 190 mid-clause sentence starts: spaCy's
parser now and then overrides the constraint right before a colon (spaCy issue #7716).

Two quotation rules go the other way, where the parser ran sentences together or cut a
quotation from its sentence: a word after '."' starts a new sentence ('… including India."
Indian Foreign Minister …'), and a two-apostrophe mark after a full stop opens the next
sentence with the word it touches ('… its advantages. ''By embracing …').
"""

from __future__ import annotations

import re

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .abbreviations import BEFORE_NAMES

__all__ = ["COMPONENT", "DATELINE", "bounded", "no_mid_clause_starts"]

#: a dateline opening a story: "BRUSSELS - ", "WASHINGTON -- ", "ST. LOUIS, Mo. — ",
#: "DOHA, March 10 (Reuters) - ": where and when it was filed, not what it reports
DATELINE = re.compile(
    r"(?=[A-Z.'’ /]{0,40}[A-Z]{3})[A-Z][A-Z.'’]+(?:(?:\s+|/)[A-Z][A-Z.'’]+){0,3}"
    r"(?:,\s*[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?(?:\s+\d{1,2})?(?:,\s*\d{4})?)?"
    r"(?:\s*\([A-Za-z ]{2,20}\))?\s*(?:--|-|—|–|―)\s+"
)

COMPONENT = "kg_sentence_bounds"

#: what may end a sentence: full stops, question and exclamation marks, ellipses, colons,
#: semicolons, dashes, closing quotation marks and brackets, and symbols such as bullets
_MAY_END = re.compile(r"[^\w,]$")
_CLOSING_QUOTES = {'"', "”", "''", "’"}
#: quotation marks written as two apostrophes or backticks (as in NYT copy), which the parser
#: often leaves at the end of the sentence before the quotation they open
_OPENING_QUOTES = {"''", "``"}


@Language.component(COMPONENT)
def no_mid_clause_starts(doc: Doc) -> Doc:
    # one array write: setting Token.is_sent_start checks the whole Doc each time
    starts = doc.to_array([SENT_START]).astype("int64")  # 1 start, -1 not, 0 unknown
    prev = None
    for tok in doc:
        if prev is not None and not (tok.is_space or prev.is_space or "\n" in prev.whitespace_):
            if not _MAY_END.search(prev.text) or prev.text in BEFORE_NAMES:
                starts[tok.i] = -1  # nor after a title ("spokesman Brig. Gen. Nabil Abdallah")
            elif (
                prev.text in _OPENING_QUOTES
                and not prev.whitespace_
                and (prev.i == 0 or doc[prev.i - 1].whitespace_)
            ):
                # ". ''By embracing …": a mark between a space and a word opens a quotation,
                # so the word goes with it; after a full stop, the mark starts the sentence
                starts[tok.i] = -1
                if prev.i > 0 and doc[prev.i - 1].text in {".", "?", "!"}:
                    starts[prev.i] = 1
            elif (
                prev.text in _CLOSING_QUOTES
                and prev.i > 0
                # only a full stop: '"…!" the crowd shouted' goes on with its speaker
                and doc[prev.i - 1].text == "."
                and prev.whitespace_
                and tok.is_title
            ):
                # 'including India." Indian External Affairs Minister …': a quotation that
                # ends its sentence, then a new one (the parser sometimes runs them together)
                starts[tok.i] = 1
        prev = tok
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


def bounded(nlp: Language) -> Language:
    """`nlp` with the constraint right before its parser (a pipeline without a parser is
    returned as it is). kg adds it to every pipeline it loads."""
    if "parser" in nlp.pipe_names and COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
    return nlp
