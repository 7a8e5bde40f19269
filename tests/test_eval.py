"""`kg eval attribution` on BRAT gold: a hand-made case with known scores, and PolNeAR dev."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli import main
from kg.evaluation.attribution import as_clause, evaluate_attribution, extractor_predictor

POLNEAR_DEV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear" / "dev"

TEXT = "Talks resume\n\nThe minister said that talks would resume on Monday.\n"
#       0         1         2         3         4         5         6
#       0123456789012345678901234567890123456789012345678901234567890123456789
# PolNeAR marks the content with its complementizer ("that talks …")
ANN = (
    "T1\tSource 14 26\tThe minister\nT2\tCue 27 31\tsaid\n"
    "T3\tContent 32 65\tthat talks would resume on Monday\n"
)


def test_known_article_scores_perfectly(tmp_path: Path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.ann").write_text(ANN, encoding="utf-8")
    report = evaluate_attribution(tmp_path, extractor_predictor())
    for kind in ("exact", "overlap"):
        for role in ("source", "cue", "content"):
            assert report[kind][role]["f1"] == 1.0, (kind, role, report)


def test_proposition_convention_scores_the_bare_content(tmp_path: Path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.ann").write_text(
        ANN.replace("Content 32 65\tthat talks", "Content 37 65\ttalks"), encoding="utf-8"
    )
    assert evaluate_attribution(tmp_path, extractor_predictor())["exact"]["content"]["f1"] == 0.0
    report = evaluate_attribution(tmp_path, extractor_predictor(convention="proposition"))
    assert report["exact"]["content"]["f1"] == 1.0


@pytest.mark.parametrize(
    "text,proposition,clause",
    [
        ("He said, “We will win,” and left.", "We will win", "“We will win,”"),
        ("He said that we would win.", "we would win", "that we would win"),
        ("He said we would win.", "we would win", "we would win"),
    ],
)
def test_clause_convention_takes_the_quotation_marks_and_the_complementizer(text, proposition, clause):
    b = text.index(proposition)
    wb, we = as_clause(text, b, b + len(proposition))
    assert text[wb:we] == clause


def test_a_wrong_prediction_scores_lower(tmp_path: Path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.ann").write_text(ANN.replace("Cue 27 31", "Cue 14 17"), encoding="utf-8")
    report = evaluate_attribution(tmp_path, extractor_predictor())
    assert report["exact"]["cue"]["f1"] == 0.0
    assert report["exact"]["source"]["f1"] == 1.0


def test_json_keys_scripts_rely_on(tmp_path: Path, capsys):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.ann").write_text(ANN, encoding="utf-8")
    assert main(["eval", "attribution", "--gold", str(tmp_path), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"exact", "overlap"}
    for kind in report.values():
        assert set(kind) == {"source", "cue", "content"}
        for prf in kind.values():
            assert set(prf) == {"precision", "recall", "f1"}


def test_missing_gold_is_a_clear_error(tmp_path: Path, capsys):
    assert main(["eval", "attribution", "--gold", str(tmp_path / "nope")]) == 1
    assert "no such file or folder" in capsys.readouterr().err


@pytest.mark.skipif(not POLNEAR_DEV.exists(), reason="../shared/data/polnear/dev not present")
def test_polnear_dev_floor():
    """A floor just under today's measured figures (see the README), so regressions show."""
    report = evaluate_attribution(POLNEAR_DEV, extractor_predictor())
    assert report["overlap"]["content"]["f1"] >= 0.81
    assert report["overlap"]["source"]["f1"] >= 0.73
    assert report["overlap"]["cue"]["f1"] >= 0.56
    assert report["overlap"]["cue"]["precision"] >= 0.82
