"""The spaCy pipeline `kg` analyses text with.

The default is the pipeline trained by `kg-train` and shipped in `kg/nlp/model/`. Any
installed spaCy pipeline can be chosen instead (`--pipeline en_core_web_trf`, or the
`KG_PIPELINE` environment variable). Nothing is ever downloaded: a name that is not
installed is an error. Without a trained pipeline (a checkout where the model was not
built), a blank English tokenizer with a rule-based sentencizer is used and the
extractor falls back to its surface rules.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import InputError
from .abbreviations import with_titles
from .lemmas import checked as _checked
from .ops import use_fast_cpu_ops
from .sentences import DATELINE
from .sentences import bounded as _bounded

__all__ = ["DEFAULT_PIPELINE", "MODEL_DIR", "TEXT_KEY", "analyse", "analyse_one", "load_pipeline"]

MODEL_DIR = Path(__file__).with_name("model")
DEFAULT_PIPELINE = "kg_en"


def _resolve_name(name: str | None) -> str:
    return name or os.environ.get("KG_PIPELINE") or DEFAULT_PIPELINE


@functools.cache
def _load(name: str) -> Language:
    # CNN pipelines run about twice as fast with numpy's matrix products (see ops.py);
    # models take their ops when built, so this comes before any spacy.load
    use_fast_cpu_ops()
    return with_titles(_pipeline(name))


def _pipeline(name: str) -> Language:
    """The pipeline itself, before kg's tokenizer special cases (one place adds them all)."""
    if name == DEFAULT_PIPELINE and (MODEL_DIR / "config.cfg").exists():
        return _checked(_bounded(spacy.load(MODEL_DIR)))
    if name in {DEFAULT_PIPELINE, "blank"}:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp
    try:
        return _checked(_bounded(spacy.load(name)))
    except OSError as e:
        raise InputError(
            f"spaCy pipeline {name!r} is not installed or not a pipeline folder ({e}); "
            f"install it from the package index or use the default {DEFAULT_PIPELINE!r}"
        ) from None


def load_pipeline(name: str | None = None) -> Language:
    """The pipeline for `name` (default: the shipped one), loaded once per process."""
    return _load(_resolve_name(name))


#: spaces other than " " (no-break, thin, em, tab): spaCy makes each a token of its own,
#: which the parser then reads as a word ("but\u00a0Shelby said" hangs a PROPN on the
#: verb). Each is swapped for one plain space, so offsets still hold.
_ODD_SPACES = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


#: where a Doc from `analyse` keeps its input text, exactly as given
TEXT_KEY = "kg.text"

#: curly quotation marks and apostrophes, which UD English-EWT (the parser's training
#: data) has 40 times fewer of than plain ones: the parser reads "O’Malley" as punctuation
_PLAIN_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def _lines(text: str) -> list[str]:
    """`text` cut after each run of line breaks, and after a dateline that opens a line
    ("VILNIUS (AP) — ", "DUBAI, Jan 11 (Reuters) - "): parsed with the lead sentence, the
    city becomes its subject. The pieces join back to `text`."""
    out = []
    for m in re.finditer(r"[^\n]*\n*", text):
        line = m.group()
        dateline = DATELINE.match(line)
        if dateline is not None and line[dateline.end() :].strip():
            out += [line[: dateline.end()], line[dateline.end() :]]
        elif line:
            out.append(line)
    return out or [text]


def analyse(nlp: Language, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    """Docs for `texts`, each parsed line by line and joined back into one Doc over the
    input, offsets holding. The parser reads odd spaces and curly quotation marks as plain
    ones (one character for one), so the tokens' text may differ there from the input;
    the input itself is kept as ``doc.user_data["kg.text"]``.

    News text puts headlines, datelines and paragraphs on lines of their own. Given a
    whole article, the parser runs a headline into the first sentence under it and makes
    one tree of both (the blank line becomes a subject); telling it where lines end does
    not help, as spaCy's parser then splits the line itself at odd places. Parsing each
    line on its own gives one clean analysis per paragraph, which is also the unit the
    extractor works in (a sentence never crosses a line break)."""
    texts = list(texts)
    pieces = [_lines(_ODD_SPACES.sub(" ", t).translate(_PLAIN_QUOTES)) for t in texts]
    docs = iter(nlp.pipe((p for ps in pieces for p in ps), batch_size=batch_size))
    for text, ps in zip(texts, pieces, strict=True):
        parts = [next(docs) for _ in ps]
        doc = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
        doc.user_data[TEXT_KEY] = text
        yield doc


def analyse_one(nlp: Language, text: str) -> Doc:
    """`analyse` for a single text."""
    return next(analyse(nlp, [text]))
