"""Evaluation of the shipped spaCy pipeline against gold data in ``../shared/data``.

The readers here are also used by :mod:`kg.nlp.train` to build training data, so that
the gold standard used to train and the one used to score are read by the same code.

All scores are computed by this module rather than by spaCy's ``Scorer`` so that the
figures are comparable with published UD / NER numbers:

* parsing is scored over *gold* tokenisation and gold sentence boundaries, counting
  every token including punctuation (CoNLL 2018 convention);
* entities are scored by exact span match (same start, end and type).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

__all__ = [
    "IOB_TO_LABEL",
    "LABEL_TO_IOB",
    "LABEL_TO_RE3D",
    "RE3D_TO_LABEL",
    "EntityDoc",
    "Re3dDocument",
    "UDToken",
    "evaluate_entities_iob",
    "evaluate_entities_re3d",
    "evaluate_parse",
    "longest_non_overlapping",
    "prf",
    "read_conllu",
    "read_iob",
    "read_re3d",
]

#: Source-specific entity types mapped onto the four labels the pipeline predicts.
IOB_TO_LABEL: dict[str, str] = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
LABEL_TO_IOB: dict[str, str] = {v: k for k, v in IOB_TO_LABEL.items()}
RE3D_TO_LABEL: dict[str, str] = {
    "Person": "PERSON",
    "Organisation": "ORG",
    "Location": "LOC",
    "Nationality": "NORP",
}
LABEL_TO_RE3D: dict[str, str] = {v: k for k, v in RE3D_TO_LABEL.items()}


# --------------------------------------------------------------------------- readers


@dataclass(frozen=True)
class UDToken:
    """One syntactic word of a CoNLL-U sentence (multiword-token ranges resolved)."""

    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # 0-based index in the sentence, or -1 for the root
    deprel: str
    space_after: bool


def _check_file(path: Path, what: str) -> Path:
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{what}: no such file: {path}")
    return path


def read_conllu(path: str | Path) -> Iterator[tuple[str | None, list[UDToken]]]:
    """Yield ``(newdoc_id or None, words)`` for every sentence of a CoNLL-U file.

    Multiword-token lines (``3-4``) only contribute their ``SpaceAfter`` to the last
    word they cover; empty nodes (``8.1``) are enhanced-graph only and are skipped.
    """
    path = _check_file(Path(path), "CoNLL-U")
    newdoc: str | None = None
    rows: list[list[str]] = []
    mwt_end = -1
    mwt_space = True
    with path.open(encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if not line:
                if rows:
                    yield newdoc, _build_ud_sentence(rows, path)
                    newdoc, rows = None, []
                mwt_end = -1
                continue
            if line.startswith("#"):
                if line.startswith("# newdoc"):
                    newdoc = line.split("=", 1)[-1].strip() or "newdoc"
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                raise ValueError(f"{path}:{lineno}: expected 10 tab-separated columns, got {len(cols)}")
            tid = cols[0]
            if "-" in tid:
                mwt_end = int(tid.split("-")[1])
                mwt_space = "SpaceAfter=No" not in cols[9]
                continue
            if "." in tid:
                continue
            if int(tid) < mwt_end:
                cols[9] = _set_space(cols[9], False)
            elif int(tid) == mwt_end:
                cols[9] = _set_space(cols[9], mwt_space)
            rows.append(cols)
    if rows:
        yield newdoc, _build_ud_sentence(rows, path)


def _set_space(misc: str, space: bool) -> str:
    parts = [p for p in misc.split("|") if p not in ("_", "SpaceAfter=No")]
    if not space:
        parts.append("SpaceAfter=No")
    return "|".join(parts) or "_"


def _build_ud_sentence(rows: list[list[str]], path: Path) -> list[UDToken]:
    words: list[UDToken] = []
    for cols in rows:
        try:
            head = int(cols[6]) - 1
        except ValueError as exc:
            raise ValueError(f"{path}: bad HEAD {cols[6]!r} for word {cols[1]!r}") from exc
        words.append(
            UDToken(
                form=cols[1],
                lemma=cols[2] if cols[2] != "_" or cols[1] == "_" else cols[1],
                upos=cols[3] if cols[3] != "_" else "",
                xpos=cols[4] if cols[4] != "_" else "",
                feats=cols[5] if cols[5] != "_" else "",
                head=head,
                deprel=cols[7],
                space_after="SpaceAfter=No" not in cols[9],
            )
        )
    return words


@dataclass
class EntityDoc:
    """A tokenised sentence with BIO tags already mapped to pipeline labels.

    ``tags`` hold ``O``, ``B-LABEL``, ``I-LABEL`` or ``-`` (annotation unknown: a
    type we do not predict, such as MISC/OTH, which must neither reward nor punish).
    """

    words: list[str]
    tags: list[str]
    source: str = ""


def read_iob(
    path: str | Path,
    *,
    token_col: int,
    tag_col: int,
    io_scheme: bool = False,
    sep: str | None = "\t",
    source: str = "",
) -> Iterator[EntityDoc]:
    """Read a CoNLL-style NER file (UNER ``.iob2``, Wikigold, BTC) into :class:`EntityDoc`.

    ``io_scheme`` turns IO tags (Wikigold) into BIO: a run of the same type is one
    entity. Types outside :data:`IOB_TO_LABEL` become ``-`` (unknown), because a
    MISC/OTH span such as "American" may well be a NORP for us.
    """
    path = _check_file(Path(path), "IOB file")
    words: list[str] = []
    raw_tags: list[str] = []

    def flush() -> Iterator[EntityDoc]:
        if words:
            try:
                tags = _map_bio(raw_tags, io_scheme)
            except ValueError as exc:
                raise ValueError(f"{path}: {exc} in sentence starting {' '.join(words[:8])!r}") from exc
            yield EntityDoc(list(words), tags, source)
        words.clear()
        raw_tags.clear()

    with path.open(encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip():
                yield from flush()
                continue
            if line.startswith("# ") or line.startswith("#\t"):
                continue
            cols = line.split(sep) if sep else line.split()
            if len(cols) <= max(token_col, tag_col):
                raise ValueError(f"{path}:{lineno}: expected >{max(token_col, tag_col)} columns: {line!r}")
            if cols[token_col] == "-DOCSTART-":
                yield from flush()
                continue
            if not cols[token_col].strip():
                continue  # BTC has a few empty tokens; a Doc cannot hold them
            words.append(cols[token_col])
            raw_tags.append(cols[tag_col].strip())
    yield from flush()


def _map_bio(raw: list[str], io_scheme: bool) -> list[str]:
    out: list[str] = []
    prev = "O"
    for tag in raw:
        if tag == "O" or not tag:
            out.append("O")
            prev = "O"
            continue
        prefix, _, typ = tag.partition("-")
        if prefix not in ("B", "I") or not typ:
            raise ValueError(f"bad IOB tag {tag!r}")
        label = IOB_TO_LABEL.get(typ)
        if io_scheme:
            prefix = "I" if prev == typ else "B"
        elif prefix == "I" and prev != typ:
            prefix = "B"
        prev = typ
        out.append(f"{prefix}-{label}" if label else "-")
    return out


def entity_doc_to_doc(vocab: Vocab, ed: EntityDoc) -> Doc:
    """Build a spaCy Doc with ``ents`` from an :class:`EntityDoc` (unknown tags kept missing)."""
    return Doc(vocab, words=ed.words, ents=[None if t == "-" else t for t in ed.tags])


@dataclass
class Re3dDocument:
    """One re3d document with its usable entities as ``(begin, end, label)`` character spans."""

    doc_id: str
    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)


def longest_non_overlapping(spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Keep the longest spans that do not overlap (re3d nests a Location in an Organisation)."""
    chosen: list[tuple[int, int, str]] = []
    for b, e, lab in sorted(set(spans), key=lambda s: (-(s[1] - s[0]), s[0], s[2])):
        if all(e <= cb or b >= ce for cb, ce, _ in chosen):
            chosen.append((b, e, lab))
    return sorted(chosen)


def _re3d_folders(folder_or_root: Path) -> list[Path]:
    if (folder_or_root / "documents.json").is_file():
        return [folder_or_root]
    subs = (
        sorted(p for p in folder_or_root.iterdir() if (p / "documents.json").is_file())
        if folder_or_root.is_dir()
        else []
    )
    if not subs:
        raise FileNotFoundError(
            f"re3d: {folder_or_root} is neither a folder with documents.json/entities.json "
            "nor a root whose subfolders have them"
        )
    return subs


def _read_json_lines(path: Path) -> Iterator[dict[str, object]]:
    with _check_file(path, "re3d JSON lines").open(encoding="utf-8-sig") as fh:
        for lineno, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{lineno}: not a JSON object: {exc}") from exc


def read_re3d(folder_or_root: str | Path) -> list[Re3dDocument]:
    """Read re3d documents + entities (mongoexport JSON lines) from a folder or a root of folders.

    Only Person / Organisation / Location / Nationality are kept, mapped to the pipeline
    labels, and nested or overlapping gold spans are reduced to the longest ones, since
    a flat NER layer cannot represent nesting.
    """
    docs: list[Re3dDocument] = []
    for folder in _re3d_folders(Path(folder_or_root)):
        by_id: dict[str, Re3dDocument] = {}
        for rec in _read_json_lines(folder / "documents.json"):
            by_id[str(rec["_id"])] = Re3dDocument(str(rec["_id"]), str(rec["text"]))
        raw: dict[str, list[tuple[int, int, str]]] = {}
        for rec in _read_json_lines(folder / "entities.json"):
            label = RE3D_TO_LABEL.get(str(rec.get("type")))
            doc_id = str(rec.get("documentId"))
            if label is None:
                continue
            if doc_id not in by_id:
                raise ValueError(
                    f"{folder}/entities.json: entity {rec.get('_id')} names unknown document {doc_id}"
                )
            b, e = int(rec["begin"]), int(rec["end"])  # type: ignore[call-overload]
            raw.setdefault(doc_id, []).append((b, e, label))
        for doc_id, d in by_id.items():
            d.spans = longest_non_overlapping(raw.get(doc_id, []))
            docs.append(d)
    return docs


# --------------------------------------------------------------------------- scoring


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def _score_sets(
    gold: list[set[tuple[int, int, str]]],
    pred: list[set[tuple[int, int, str]]],
    names: dict[str, str],
) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    totals = [0, 0, 0]
    for label, name in names.items():
        tp = sum(
            len({s for s in g if s[2] == label} & {s for s in p if s[2] == label})
            for g, p in zip(gold, pred, strict=True)
        )
        n_pred = sum(1 for p in pred for s in p if s[2] == label)
        n_gold = sum(1 for g in gold for s in g if s[2] == label)
        out[name] = prf(tp, n_pred, n_gold)
        totals[0] += tp
        totals[1] += n_pred
        totals[2] += n_gold
    out["micro"] = prf(*totals)
    return out


def _run_on_gold_tokens(nlp: Language, docs: list[Doc], batch_size: int = 256) -> list[Doc]:
    """Apply every pipeline component (not the tokenizer) to pre-tokenised Docs."""
    out = docs
    for _name, proc in nlp.pipeline:
        out = list(proc.pipe(out, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in out]
    return out


def evaluate_parse(nlp: Language, conllu_path: str | Path, limit: int | None = None) -> dict[str, float]:
    """UAS / LAS / UPOS accuracy of ``nlp`` on a CoNLL-U file, over gold words and sentences.

    Gold tokenisation isolates the tagger and parser from tokenizer differences, so the
    figures compare with other systems' "gold tokenisation" scores. Each sentence is its
    own Doc with the sentence boundary fixed, so the parser cannot split it. Every token,
    punctuation included, counts; ``root`` is compared case-insensitively (spaCy says ROOT).
    Also returns ``las_no_punct`` (spaCy's own convention) and ``lemma`` / ``tag``
    accuracies when the pipeline predicts them.
    """
    if "parser" not in nlp.pipe_names:
        raise ValueError(f"evaluate_parse: the pipeline has no 'parser' (it has {nlp.pipe_names})")
    sents = [s for _, s in read_conllu(conllu_path)]
    if limit is not None:
        sents = sents[:limit]
    if not sents:
        raise ValueError(f"evaluate_parse: {conllu_path} holds no sentence")
    docs = []
    for words in sents:
        doc = Doc(nlp.vocab, words=[w.form for w in words], spaces=[w.space_after for w in words])
        for i, tok in enumerate(doc):
            tok.is_sent_start = i == 0
        docs.append(doc)
    preds = _run_on_gold_tokens(nlp, docs)
    n = n_np = uas = las = las_np = pos = tag = lemma = 0
    for words, doc in zip(sents, preds, strict=True):
        for w, t in zip(words, doc, strict=True):
            n += 1
            gold_head = w.head if w.head >= 0 else t.i
            head_ok = t.head.i == gold_head
            label_ok = t.dep_.lower() == w.deprel.lower()
            uas += head_ok
            las += head_ok and label_ok
            pos += t.pos_ == w.upos
            tag += t.tag_ == w.xpos
            lemma += t.lemma_ == w.lemma
            if w.upos != "PUNCT":
                n_np += 1
                las_np += head_ok and label_ok
    return {
        "uas": uas / n,
        "las": las / n,
        "pos": pos / n,
        "tag": tag / n,
        "lemma": lemma / n,
        "las_no_punct": las_np / n_np if n_np else 0.0,
        "n_tokens": float(n),
        "n_sentences": float(len(sents)),
    }


def _doc_spans(doc: Doc, labels: Iterable[str]) -> set[tuple[int, int, str]]:
    keep = set(labels)
    return {(e.start, e.end, e.label_) for e in doc.ents if e.label_ in keep}


def evaluate_entities_iob(nlp: Language, iob2_path: str | Path) -> dict[str, dict[str, float]]:
    """Exact-match P/R/F1 for PER/ORG/LOC (+ micro) on a UNER ``.iob2`` file, over gold tokens.

    NORP predictions are ignored and gold OTH spans are dropped: UNER has no NORP type,
    and counting demonyms as errors would measure the label scheme, not the model.
    """
    if "ner" not in nlp.pipe_names:
        raise ValueError(f"evaluate_entities_iob: the pipeline has no 'ner' (it has {nlp.pipe_names})")
    eds = list(read_iob(iob2_path, token_col=1, tag_col=2))
    if not eds:
        raise ValueError(f"evaluate_entities_iob: {iob2_path} holds no sentence")
    gold_docs = [entity_doc_to_doc(nlp.vocab, ed) for ed in eds]
    gold = [_doc_spans(d, IOB_TO_LABEL.values()) for d in gold_docs]
    docs = [Doc(nlp.vocab, words=ed.words) for ed in eds]
    preds = [_doc_spans(d, IOB_TO_LABEL.values()) for d in _run_on_gold_tokens(nlp, docs)]
    return _score_sets(gold, preds, LABEL_TO_IOB)


def evaluate_entities_re3d(nlp: Language, folder_or_root: str | Path) -> dict[str, dict[str, float]]:
    """Exact character-span P/R/F1 per re3d type (+ micro) on raw re3d text.

    The full pipeline, tokenizer included, runs on the document text, as it would in
    production; a predicted entity counts only if its character offsets and type equal
    a gold span (gold nesting reduced to the longest spans, see :func:`read_re3d`).
    """
    if "ner" not in nlp.pipe_names:
        raise ValueError(f"evaluate_entities_re3d: the pipeline has no 'ner' (it has {nlp.pipe_names})")
    rdocs = read_re3d(folder_or_root)
    if not rdocs:
        raise ValueError(f"evaluate_entities_re3d: no document under {folder_or_root}")
    gold = [set(d.spans) for d in rdocs]
    preds: list[set[tuple[int, int, str]]] = []
    for doc in nlp.pipe([d.text for d in rdocs]):
        preds.append({(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABEL_TO_RE3D})
    return _score_sets(gold, preds, LABEL_TO_RE3D)


_NOT_NAMES = frozenset(
    "the a an i we he she they it you us him her them me our their his its my your"
    " this that these those".split()
)


def _is_named(span: Span) -> bool:
    """True if a span holds a capitalised word other than an article or pronoun."""
    return any(t.text[:1].isupper() and t.lower_ not in _NOT_NAMES for t in span)


def re3d_to_docs(nlp: Language, rdocs: Iterable[Re3dDocument], named_only: bool = True) -> list[Doc]:
    """Tokenise re3d documents and set their gold entities, split at blank lines.

    A gold span whose edges fall inside a token is left as missing annotation rather
    than forced onto the wrong tokens. With ``named_only``, re3d's pronoun and common-noun
    mentions ("we", "the regime", "civilians") are also left missing: the other NER
    sources mark such words as outside any entity, and a named-entity layer should too.
    """
    out: list[Doc] = []
    for rd in rdocs:
        doc = nlp.make_doc(rd.text)
        ents: list[Span] = []
        missing: list[Span] = []
        for b, e, label in rd.spans:
            span = doc.char_span(b, e, label=label)
            if span is None:
                loose = doc.char_span(b, e, alignment_mode="expand")
                if loose is not None:
                    missing.append(loose)
                continue
            if named_only and not _is_named(span):
                missing.append(span)
                continue
            ents.append(span)
        taken = {i for s in ents for i in range(s.start, s.end)}
        unknown = sorted({i for m in missing for i in range(m.start, m.end)} - taken)
        missing = [doc[i : i + 1] for i in unknown]
        doc.set_ents(ents, missing=missing, default="outside")
        start = 0
        for tok in doc:
            if tok.is_space and "\n" in tok.text:
                if tok.i > start:
                    out.append(doc[start : tok.i].as_doc())
                start = tok.i + 1
        if start < len(doc):
            out.append(doc[start:].as_doc())
    return [d for d in out if len(d)]
