"""Faster CPU matrix products for thinc models (see `FastNumpyOps`)."""

from __future__ import annotations

from typing import Any

import numpy
from thinc.api import NumpyOps, get_current_ops, set_current_ops

__all__ = ["FastNumpyOps", "use_fast_cpu_ops"]


class FastNumpyOps(NumpyOps):
    """thinc's CPU ops with matrix products done by numpy (OpenBLAS) instead of blis.

    On this project's machines (AMD EPYC) the blis build that thinc ships reaches about
    a quarter of OpenBLAS's single-core GEMM speed, and GEMM is most of the work in the
    CNN layers: with this class, training and inference run about twice as fast, with
    identical predictions. Install it with :func:`use_fast_cpu_ops` *before*
    ``spacy.load`` / ``init_nlp``, since models take their ops when they are built.
    """

    name = "numpy"

    def gemm(
        self,
        x: Any,
        y: Any,
        out: Any = None,
        trans1: bool = False,
        trans2: bool = False,
    ) -> Any:
        if trans1:
            x = x.T
        if trans2:
            y = y.T
        if out is None:
            return numpy.matmul(x, y)
        numpy.matmul(x, y, out=out)
        return out


def use_fast_cpu_ops() -> None:
    """Make `FastNumpyOps` the current thinc ops, unless a GPU (or other) backend is in
    use. Models take their ops when they are built, so call this before `spacy.load`."""
    if isinstance(get_current_ops(), NumpyOps) and not isinstance(get_current_ops(), FastNumpyOps):
        set_current_ops(FastNumpyOps())
