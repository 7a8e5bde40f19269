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
from pathlib import Path

import spacy
from spacy.language import Language

from ..errors import InputError
from .ops import use_fast_cpu_ops

__all__ = ["DEFAULT_PIPELINE", "MODEL_DIR", "load_pipeline"]

MODEL_DIR = Path(__file__).with_name("model")
DEFAULT_PIPELINE = "kg_en"


def _resolve_name(name: str | None) -> str:
    return name or os.environ.get("KG_PIPELINE") or DEFAULT_PIPELINE


@functools.cache
def _load(name: str) -> Language:
    # CNN pipelines run about twice as fast with numpy's matrix products (see ops.py);
    # models take their ops when built, so this comes before any spacy.load
    use_fast_cpu_ops()
    if name == DEFAULT_PIPELINE:
        if (MODEL_DIR / "config.cfg").exists():
            return spacy.load(MODEL_DIR)
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp
    if name == "blank":
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp
    try:
        return spacy.load(name)
    except OSError as e:
        raise InputError(
            f"spaCy pipeline {name!r} is not installed or not a pipeline folder ({e}); "
            f"install it from the package index or use the default {DEFAULT_PIPELINE!r}"
        ) from None


def load_pipeline(name: str | None = None) -> Language:
    """The pipeline for `name` (default: the shipped one), loaded once per process."""
    return _load(_resolve_name(name))
