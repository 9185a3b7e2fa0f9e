"""Multinomial logistic regression over hashed string features, numpy only.

Why this model: a few thousand labelled pairs from a handful of chapters are too few for
anything with more capacity, and a linear model's weights can be read ('against' on the
path pushes towards OPPOSES). Features are hashed with CRC-32 (stable across processes,
unlike ``hash``); only those seen in at least ``min_count`` training pairs get a row, so
the shipped file stays small. Training is full-batch Adam with an L2 penalty: no
sampling, so the same data always gives the same model.

The shipped file also carries what cross-validation chose: a Platt scaling that turns
the raw probability into a calibrated one (measured on chapters the model did not see)
and, per relation, the calibrated probability a pair must reach to become a fact.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

NONE = "NONE"


@lru_cache(maxsize=1 << 16)
def _crc(feature: str) -> int:
    """(Memoised: 'BIAS', the kinds and the paths recur in pair after pair.)"""
    return zlib.crc32(feature.encode("utf-8"))


def hashes(features: Sequence[str]) -> np.ndarray:
    """Stable 32-bit hashes of feature strings."""
    return np.fromiter(map(_crc, features), dtype=np.uint32, count=len(features))


@dataclass
class Model:
    """A trained classifier: ``classes[0]`` is ``NONE`` (no relation)."""

    classes: list[str]
    keys: np.ndarray
    """Sorted feature hashes that have a row of weights."""
    weights: np.ndarray
    """(len(keys), len(classes)) float32."""
    bias: np.ndarray
    platt: tuple[float, float] = (1.0, 0.0)
    """Calibration: p' = sigmoid(a * logit(p) + b)."""
    thresholds: dict[str, float] = field(default_factory=dict)
    """Relation -> the calibrated probability a pair needs; a relation absent here is never output."""

    def scores(self, batch: Sequence[Sequence[str] | np.ndarray]) -> np.ndarray:
        """Raw class probabilities, one row per feature list (or its ``hashes``)."""
        out = np.tile(self.bias.astype(np.float64), (len(batch), 1))
        rows = [feats if isinstance(feats, np.ndarray) else hashes(feats) for feats in batch]
        if not rows or not len(self.keys):
            return softmax(out)
        # every row's look-up at once (searchsorted is elementwise), then each row's sum as before
        h = np.concatenate(rows)
        pos = np.searchsorted(self.keys, h)
        pos[pos >= len(self.keys)] = 0
        hit = self.keys[pos] == h
        bounds = np.cumsum([0] + [len(row) for row in rows])
        for r in range(len(rows)):
            row_pos, row_hit = pos[bounds[r]:bounds[r + 1]], hit[bounds[r]:bounds[r + 1]]
            found = row_pos[row_hit]
            if len(found):
                out[r] += self.weights[found].sum(axis=0)
        return softmax(out)

    def calibrate(self, p: np.ndarray) -> np.ndarray:
        a, b = self.platt
        return sigmoid(a * logit(p) + b)

    def save(self, path: str | Path) -> None:
        names = sorted(self.thresholds)
        with open(path, "wb") as fh:
            np.savez_compressed(
                fh, classes=np.array(self.classes), keys=self.keys,
                weights=self.weights.astype(np.float16), bias=self.bias.astype(np.float32),
                platt=np.array(self.platt, dtype=np.float64),
                threshold_names=np.array(names, dtype=str),
                threshold_values=np.array([self.thresholds[n] for n in names], dtype=np.float64))

    @classmethod
    def load(cls, path: str | Path) -> Model:
        with np.load(path, allow_pickle=False) as z:
            return cls(classes=[str(c) for c in z["classes"]], keys=z["keys"].astype(np.uint32),
                       weights=z["weights"].astype(np.float32), bias=z["bias"].astype(np.float32),
                       platt=(float(z["platt"][0]), float(z["platt"][1])),
                       thresholds={str(n): float(v) for n, v in
                                   zip(z["threshold_names"], z["threshold_values"], strict=True)})


def softmax(s: np.ndarray) -> np.ndarray:
    s = s - s.max(axis=1, keepdims=True)
    e = np.exp(s)
    return e / e.sum(axis=1, keepdims=True)


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def train(examples: Sequence[Sequence[str] | np.ndarray], labels: Sequence[str], classes: Sequence[str], *,
          weights: Sequence[float] | None = None, l2: float = 1e-3, epochs: int = 60,
          rate: float = 0.1, min_count: int = 2, start: Model | None = None) -> Model:
    """Fit the classifier on feature lists (or their ``hashes``) and their labels (``NONE``
    or a relation).

    ``weights`` scale each example's share of the loss (a corpus of another genre may
    count for less than the annotated chapters). ``start`` warm-starts from a trained
    model: its classes and rows are kept, training begins at its weights and the L2
    penalty pulls towards them rather than towards zero, so that a few dozen examples
    (a historian's corrections) adjust it rather than replace it."""
    classes = list(start.classes) if start is not None else [NONE, *[c for c in classes if c != NONE]]
    index = {c: k for k, c in enumerate(classes)}
    y = np.array([index[lab] for lab in labels], dtype=np.int64)
    n, c = len(examples), len(classes)
    sw = np.ones(n) if weights is None else np.asarray(weights, dtype=np.float64)
    sw = sw / sw.sum()
    per_row = [np.unique(f if isinstance(f, np.ndarray) else hashes(f)) for f in examples]
    all_h = np.concatenate(per_row) if per_row else np.zeros(0, dtype=np.uint32)
    uniq, counts = np.unique(all_h, return_counts=True)
    keys = uniq[counts >= min_count]
    if start is not None:
        keys = np.union1d(start.keys, keys).astype(np.uint32)
    rows = np.repeat(np.arange(n), [len(h) for h in per_row])
    cols = np.searchsorted(keys, all_h)
    cols[cols >= len(keys)] = 0
    keep = keys[cols] == all_h if len(keys) else np.zeros(len(all_h), dtype=bool)
    rows, cols = rows[keep], cols[keep]
    # scores and gradients are sums over the (row, column) entries: one bincount per class
    W = np.zeros((len(keys), c))
    b = np.log(np.bincount(y, weights=sw, minlength=c) + 1e-3)
    if start is not None:
        W[np.searchsorted(keys, start.keys)] = start.weights
        b = start.bias.astype(np.float64).copy()
    W0, b0 = W.copy(), b.copy()
    Y = np.zeros((n, c))
    Y[np.arange(n), y] = 1.0
    mW, vW, mb, vb = np.zeros_like(W), np.zeros_like(W), np.zeros_like(b), np.zeros_like(b)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, epochs + 1):
        WT = np.ascontiguousarray(W.T)
        S = np.stack([np.bincount(rows, weights=WT[j][cols], minlength=n) for j in range(c)], axis=1)
        P = softmax(S + b)
        G = (P - Y) * sw[:, None]
        GT = np.ascontiguousarray(G.T)
        gW = np.stack([np.bincount(cols, weights=GT[j][rows], minlength=len(keys)) for j in range(c)], axis=1)
        gW += l2 * (W - W0)
        gb = G.sum(axis=0) + (l2 * (b - b0) if start is not None else 0.0)
        for param, grad, m, v in ((W, gW, mW, vW), (b, gb, mb, vb)):
            m *= beta1
            m += (1 - beta1) * grad
            v *= beta2
            v += (1 - beta2) * grad * grad
            param -= rate * (m / (1 - beta1 ** step)) / (np.sqrt(v / (1 - beta2 ** step)) + eps)
    model = Model(classes=classes, keys=keys, weights=W.astype(np.float32), bias=b.astype(np.float32))
    if start is not None:  # the calibration and thresholds chosen out of fold still hold
        model.platt, model.thresholds = start.platt, dict(start.thresholds)
    return model


def fit_platt(p: np.ndarray, correct: np.ndarray, iterations: int = 50) -> tuple[float, float]:
    """The (a, b) of sigmoid(a * logit(p) + b) that best predicts ``correct`` (Newton steps
    on the log loss, with a pull towards the identity worth about one point, so that a
    handful of points, or points that a threshold separates, cannot send it to infinity)."""
    x = logit(np.asarray(p, dtype=np.float64))
    t = np.asarray(correct, dtype=np.float64)
    a, b = 1.0, 0.0
    if len(x) < 5:
        return a, b
    reg = 1.0
    for _ in range(iterations):
        q = sigmoid(a * x + b)
        ga = np.sum((q - t) * x) + reg * (a - 1)
        gb = np.sum(q - t) + reg * b
        w = q * (1 - q)
        haa, hab, hbb = np.sum(w * x * x) + reg, np.sum(w * x), np.sum(w) + reg
        det = haa * hbb - hab * hab
        if det <= 1e-12:
            break
        da, db = (hbb * ga - hab * gb) / det, (haa * gb - hab * ga) / det
        step = max(1.0, abs(da) + abs(db))  # damped: no step longer than 1
        da, db = da / step, db / step
        a, b = a - da, b - db
        if abs(da) + abs(db) < 1e-8:
            break
    return float(a), float(b)


@cache
def shipped(file_name: str) -> Model | None:
    """The model file of that name in the package, loaded once, or None when there is none."""
    ref = resources.files("cliograph.rules").joinpath(file_name)
    if not ref.is_file():
        return None
    with resources.as_file(ref) as path:
        return Model.load(path)


_SHIPPED = object()


class ModelSlot:
    """Which model a learned layer reads: the one chosen for the current context
    (``bench/evaluate.py`` scores every chapter with a model trained without it; None
    turns the layer off), else the file shipped in ``cliograph/rules``."""

    def __init__(self, file_name: str) -> None:
        self.file_name = file_name
        self._chosen: ContextVar[object] = ContextVar(file_name, default=_SHIPPED)

    def shipped(self) -> Model | None:
        return shipped(self.file_name)

    def current(self) -> Model | None:
        chosen = self._chosen.get()
        return self.shipped() if chosen is _SHIPPED else chosen  # type: ignore[return-value]

    def set(self, model: Model | None) -> None:
        """From now on in this context, the layer uses ``model``: for a worker process, which
        reads with the model its parent chose for its whole life."""
        self._chosen.set(model)

    @contextmanager
    def use(self, model: Model | None) -> Iterator[None]:
        """Within the block, the layer uses ``model`` (None: the layer is off)."""
        token = self._chosen.set(model)
        try:
            yield
        finally:
            self._chosen.reset(token)
