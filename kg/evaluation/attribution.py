"""Attribution quality against BRAT standoff gold (PolNeAR layout): Source, Cue and
Content spans, scored exactly and by token overlap, per role.

Layout: a folder with `*.ann` files and their `*.txt` (side by side, or PolNeAR's
`attributions/NAME_ANNOTATOR.ann` beside `text/NAME.txt`). When several annotators
annotated one article, the article is scored against each and the mean is reported.

Token overlap: precision = predicted tokens inside a gold span of the same role / all
predicted tokens of that role; recall the other way round; summed over articles.
Exact: a predicted span counts only when a gold span of that role has the same offsets.

Content conventions: kg's claim content is the proposition itself ("talks would resume",
the words inside a quotation). PolNeAR's content is the reported clause as it stands in
the sentence: with its complementizer and quotation marks ("that talks would resume",
"“We will win,”"). The default convention, "clause", widens kg's content to that before
scoring; "proposition" scores kg's spans as they are, for gold that marks propositions.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

__all__ = ["CONVENTIONS", "ROLES", "Gold", "as_clause", "evaluate_attribution", "load_gold", "score"]

ROLES = ("source", "cue", "content")
CONVENTIONS = ("clause", "proposition")
_TOKEN = re.compile(r"\w+|[^\w\s]")
_OPENING = "“\"‘'"
_CLOSING = re.compile(r"[,.!?]?[”\"’']")
_COMPLEMENTIZER = re.compile(r"\bthat\s+$")


def as_clause(text: str, b: int, e: int) -> tuple[int, int]:
    """A proposition's span widened to its clause as PolNeAR marks it: the quotation marks
    around it (with the comma or full stop inside the closing one) and a "that" before it."""
    if b > 0 and text[b - 1] in _OPENING:
        close = _CLOSING.match(text, e)
        if close is not None:
            return b - 1, close.end()
    that = _COMPLEMENTIZER.search(text, max(0, b - 6), b)
    if that is not None:
        return that.start(), e
    return b, e


@dataclass
class Gold:
    """One annotator's spans for one article."""

    text_path: Path
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: {r: [] for r in ROLES})


def _text_for(ann: Path) -> Path:
    same = ann.with_suffix(".txt")
    if same.exists():
        return same
    stem = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
    for cand in (ann.parent.parent / "text" / f"{stem}.txt", ann.parent / f"{stem}.txt"):
        if cand.exists():
            return cand
    raise InputError(f"{ann}: no text file found for it (looked for {same.name} and text/{stem}.txt)")


def load_gold(folder: str | Path) -> dict[Path, list[Gold]]:
    """Gold spans per article text, one `Gold` per annotator file."""
    root = Path(folder)
    if not root.is_dir():
        raise InputError(f"{root}: not a folder of BRAT .ann files")
    anns = sorted(root.rglob("*.ann"))
    if not anns:
        raise InputError(f"{root}: no .ann files found")
    out: dict[Path, list[Gold]] = defaultdict(list)
    for ann in anns:
        g = Gold(_text_for(ann))
        for n, line in enumerate(ann.read_text(encoding="utf-8").splitlines(), 1):
            # a span whose text holds a line break continues on the next line, which may
            # itself start with "T" ("The number …"): only "T<id><tab>" opens an annotation
            if not re.match(r"T\d+\t", line):
                continue
            try:
                _, info, _ = line.split("\t", 2)
                label, rest = info.split(" ", 1)
            except ValueError:
                raise InputError(f"{ann}:{n}: not a BRAT text-bound annotation: {line[:60]!r}") from None
            role = label.lower()
            if role not in ROLES:
                continue
            for frag in rest.split(";"):
                b, e = frag.split()
                g.spans[role].append((int(b), int(e)))
        out[g.text_path].append(g)
    return dict(out)


def _tokens(text: str, spans: Iterable[tuple[int, int]]) -> set[int]:
    """Start offsets of the word tokens covered by `spans`."""
    covered: set[int] = set()
    for b, e in spans:
        for m in _TOKEN.finditer(text, b, e):
            covered.add(m.start())
    return covered


@dataclass
class _Counts:
    tp: float = 0.0
    pred: float = 0.0
    gold: float = 0.0

    def prf(self) -> dict[str, float]:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp_gold / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}

    tp_gold: float = 0.0


def score(
    text: str, predicted: dict[str, list[tuple[int, int]]], gold: dict[str, list[tuple[int, int]]]
) -> dict[str, dict[str, _Counts]]:
    """Counts for one article and one annotator."""
    out: dict[str, dict[str, _Counts]] = {"exact": {}, "overlap": {}}
    for role in ROLES:
        p, g = set(predicted.get(role, [])), set(gold.get(role, []))
        out["exact"][role] = _Counts(tp=len(p & g), pred=len(p), gold=len(g), tp_gold=len(p & g))
        pt, gt = _tokens(text, p), _tokens(text, g)
        out["overlap"][role] = _Counts(tp=len(pt & gt), pred=len(pt), gold=len(gt), tp_gold=len(pt & gt))
    return out


Predictor = Callable[[str], dict[str, list[tuple[int, int]]]]


def evaluate_attribution(folder: str | Path, predict: Predictor) -> dict[str, dict[str, dict[str, float]]]:
    """Score `predict` (text → role → spans) on every article; annotators averaged per
    article, counts summed over articles (micro)."""
    totals = {kind: {r: _Counts() for r in ROLES} for kind in ("exact", "overlap")}
    for text_path, golds in sorted(load_gold(folder).items()):
        text = text_path.read_text(encoding="utf-8")
        pred = predict(text)
        for g in golds:
            s = score(text, pred, g.spans)
            w = 1.0 / len(golds)
            for kind in totals:
                for r in ROLES:
                    c, t = s[kind][r], totals[kind][r]
                    t.tp += c.tp * w
                    t.tp_gold += c.tp_gold * w
                    t.pred += c.pred * w
                    t.gold += c.gold * w
    return {kind: {r: totals[kind][r].prf() for r in ROLES} for kind in totals}


def extractor_predictor(pipeline: str | None = None, convention: str = "clause") -> Predictor:
    """A predictor running kg's own extraction on raw gold text.

    The article's own-voice statements ("implicit" claims) are left out: attribution gold
    marks only explicit attributions. `convention` says how content spans are drawn (see
    the module's docstring).
    """
    if convention not in CONVENTIONS:
        raise InputError(f"unknown content convention {convention!r}; use one of {', '.join(CONVENTIONS)}")
    from ..extract import extract
    from ..models import Article
    from ..nlp import analyse_one, load_pipeline

    nlp = load_pipeline(pipeline)

    def predict(text: str) -> dict[str, list[tuple[int, int]]]:
        article = Article(text=text, title=text.split("\n", 1)[0], origin="gold")
        graph = extract(article, analyse_one(nlp, text))
        out: dict[str, list[tuple[int, int]]] = {r: [] for r in ROLES}
        for c in graph.claims:
            if c.quote_type == "implicit":
                continue
            if c.source_span is not None:
                out["source"].append((c.source_span.begin, c.source_span.end))
            out["cue"].append((c.cue.begin, c.cue.end))
            content = (c.content.begin, c.content.end)
            out["content"].append(as_clause(text, *content) if convention == "clause" else content)
        return out

    return predict
