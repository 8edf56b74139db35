"""The portable model format of the move and client-talk annotators, and its inference.

A model bundle is two files side by side:

- ``NAME.json``: format version, model version, the label names, slot list and
  dense feature names of every head, and the figures measured in training;
- ``NAME.npz``: the vocabulary (UTF-8 n-grams joined by newlines), idf and
  block of every column, and per head a weight matrix ``W`` (float16, rows:
  one vocabulary block per slot, then the dense features) and a bias ``b``.

Nothing is pickled (``np.load(..., allow_pickle=False)``). Inference needs
numpy only: each utterance's TF-IDF row is computed once (a whole session in
one :meth:`~alliance.annotators._text.NgramVectorizer.transform_many`) and
every head gathers the weight rows of its columns for each context slot, all
rows of a slot at once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from alliance.annotators._text import NgramVectorizer, SparseRows, normalize
from alliance.annotators._text_context import DENSE_NAMES, SLOTS, context_rows
from alliance.errors import AllianceError

__all__ = ["FORMAT_VERSION", "LinearHead", "TextModel", "load_text_model", "session_inputs"]

#: Version of the file layout; bumped when the layout changes.
FORMAT_VERSION = 1


@dataclass(frozen=True)
class LinearHead:
    """One multinomial linear classifier over slot n-gram blocks plus dense features.

    ``W`` has ``len(slots) * n_features + len(DENSE_NAMES)`` rows and one
    column per label; ``b`` has one entry per label.
    """

    name: str
    labels: tuple[str, ...]
    slots: tuple[str, ...]
    W: np.ndarray
    b: np.ndarray

    def scores(self, feats: SparseRows | Sequence[tuple[np.ndarray, np.ndarray]], neighbours: np.ndarray,
               dense: np.ndarray, n_features: int) -> np.ndarray:
        """Logits for rows described by ``neighbours`` (``SLOTS`` columns) and ``dense``.

        ``feats[j]`` is utterance j's TF-IDF row: a :class:`SparseRows` or a
        sequence of ``(indices, values)`` pairs.
        """
        feats = SparseRows.from_pairs(feats)
        out = np.tile(self.b, (len(dense), 1)).astype(np.float32)
        for s_pos, slot in enumerate(self.slots):
            js = neighbours[:, SLOTS.index(slot)]
            present = js >= 0
            # All rows of this slot in one gather of weight rows.
            out[present] += feats.take(js[present]).dot(self.W, s_pos * n_features)
        d0 = len(self.slots) * n_features
        out += dense @ self.W[d0:]
        return out

    def predict_proba(self, *args, **kwargs) -> np.ndarray:
        """Softmax of :meth:`scores`."""
        z = self.scores(*args, **kwargs)
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)


@dataclass(frozen=True)
class TextModel:
    """A shared vectorizer and the heads that read its features."""

    version: str
    vectorizer: NgramVectorizer
    heads: dict[str, LinearHead]
    meta: dict

    def head(self, name: str) -> LinearHead:
        """The head called ``name``."""
        return self.heads[name]


def session_inputs(texts: Sequence[str], is_therapist: Sequence[bool], select: Sequence[int],
                   vectorizer: NgramVectorizer):
    """Normalize, vectorize and describe the context of utterances ``select``.

    Returns ``(feats, ContextRows)``; ``feats[j]`` is utterance j's TF-IDF row
    (only utterances used as some row's neighbour are vectorized).
    """
    norms = [normalize(t) for t in texts]
    ctx = context_rows(texts, norms, is_therapist, select)
    needed = set(int(j) for j in ctx.neighbours.ravel() if j >= 0)
    feats = vectorizer.transform_many([n if j in needed else None for j, n in enumerate(norms)])
    return feats, ctx


def save_text_model(directory: Path, name: str, version: str, vectorizer: NgramVectorizer,
                    heads: Sequence[LinearHead], meta: dict) -> tuple[Path, Path]:
    """Write ``NAME.json`` and ``NAME.npz`` (used by training)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    grams = sorted(vectorizer.vocab_, key=vectorizer.vocab_.get)
    arrays: dict[str, np.ndarray] = {
        "vocab": np.frombuffer("\n".join(grams).encode("utf-8"), dtype=np.uint8),
        "idf": vectorizer.idf_.astype(np.float32),
        "block": vectorizer.block_.astype(np.int8),
    }
    header = {"format": FORMAT_VERSION, "version": version, "dense": list(DENSE_NAMES),
              "heads": {}, **meta}
    for h in heads:
        arrays[f"{h.name}.W"] = h.W.astype(np.float16)
        arrays[f"{h.name}.b"] = h.b.astype(np.float32)
        header["heads"][h.name] = {"labels": list(h.labels), "slots": list(h.slots)}
    npz = directory / f"{name}.npz"
    js = directory / f"{name}.json"
    np.savez_compressed(npz, **arrays)
    js.write_text(json.dumps(header, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return js, npz


def load_text_model(directory: Path, name: str) -> TextModel:
    """Read a bundle written by :func:`save_text_model`; raise AllianceError if unusable."""
    js = Path(directory) / f"{name}.json"
    npz = Path(directory) / f"{name}.npz"
    try:
        header = json.loads(js.read_text(encoding="utf-8"))
        data = np.load(npz, allow_pickle=False)
    except (OSError, ValueError) as exc:
        raise AllianceError(f"cannot load model {name!r} from {directory}: {exc}") from exc
    if header.get("format") != FORMAT_VERSION:
        raise AllianceError(f"model {name!r} has format {header.get('format')}, "
                            f"this alliance reads format {FORMAT_VERSION}")
    if list(header.get("dense", [])) != list(DENSE_NAMES):
        raise AllianceError(f"model {name!r} was trained with other dense features; rebuild it")
    with data:
        grams = bytes(data["vocab"]).decode("utf-8").split("\n")
        vec = NgramVectorizer.from_arrays(grams, data["idf"], data["block"])
        heads = {}
        for hname, spec in header["heads"].items():
            heads[hname] = LinearHead(hname, tuple(spec["labels"]), tuple(spec["slots"]),
                                      np.asarray(data[f"{hname}.W"], dtype=np.float32),
                                      np.asarray(data[f"{hname}.b"], dtype=np.float32))
    meta = {k: v for k, v in header.items() if k not in ("heads", "dense")}
    return TextModel(str(header.get("version", "0")), vec, heads, meta)
