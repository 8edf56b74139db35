"""A learned scorer that checks and extends the rule-based therapist flags and rupture markers.

The rules of :mod:`alliance.annotators.flags` and
:mod:`alliance.annotators.ruptures` memorise the phrasings they were written
against; on sessions by authors they were never tuned on they miss most
confrontations and a third of ruptures. This module holds linear heads that
read, for every utterance:

- word 1-2grams and character 3-4grams (sublinear TF-IDF,
  :class:`~alliance.annotators._relmodel.CharGramVectorizer`) of the utterance
  and of the :data:`CONTEXT` turns before it (a confrontation answers the
  patient's claim, a rupture answers the therapist's move, a backing-down
  follows the patient's push-back to a challenge two turns back);
- the speaker's role and the turn's shape
  (:func:`~alliance.annotators._relmodel.dense_features`).

Heads: one binary logistic head per therapist flag (:data:`FLAG_HEADS`), one
binary "any rupture marker" head, and a multinomial head naming the marker
(:data:`MARKERS`) of a rupture the model adds. Like the relationship scorer it
does not read the rules' labels, so that its errors differ from theirs.

:func:`combine` merges model and rules per label: a rule label stands unless
the model gives it less than ``gate``; an utterance of the right speaker the
rules left unlabelled gets the label when the model is at least ``add`` sure.
Thresholds are chosen per label in :mod:`alliance.training.flags` (grouped
cross-validation and leaving one new-author split out) and stored with the
weights; ``gate = 0`` and ``add > 1`` mean "rules alone" for that label.

Artifacts: ``alliance/models/flags.json`` (thresholds, names, figures) and
``flags.npz`` (vocabulary, idf, float16 weights); nothing is pickled. They are
loaded lazily, once per process; when they are missing :func:`apply` returns
the rules' labels unchanged.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np

from alliance.annotators._lexicon import Dialogue
from alliance.annotators._relmodel import DENSE, MODEL_DIR, CharGramVectorizer, dense_features
from alliance.annotators._text import NgramVectorizer, SparseRows
from alliance.model import Role

__all__ = ["FlagModel", "FLAG_HEADS", "RUPTURE_HEAD", "HEADS", "MARKERS", "CONTEXT", "load_flag_model",
           "save_flag_model", "session_rows", "combine", "apply", "apply_flags", "apply_markers", "RULES_ALONE",
           "rules_only"]

FORMAT = 1
#: Therapist flags the model scores (``affirmation`` comes from the move annotators).
FLAG_HEADS: tuple[str, ...] = ("self_disclosure", "confrontation", "backs_down", "repair")
#: The binary head for "this patient turn carries some rupture marker".
RUPTURE_HEAD = "rupture"
HEADS: tuple[str, ...] = (*FLAG_HEADS, RUPTURE_HEAD)
#: Rupture markers, in the order of the marker head's columns.
MARKERS: tuple[str, ...] = ("denial", "minimal_response", "topic_shift", "deferential",
                            "complaint_about_therapist", "complaint_about_therapy", "rejects_intervention")
#: Previous turns read as their own n-gram blocks (1 = the turn before, 2 = also the one before that).
CONTEXT = 2
#: ``(gate, add)`` that leave a label to the rules.
RULES_ALONE = (0.0, 1.01)


def session_rows(d: Dialogue, vectorizer: NgramVectorizer) -> SparseRows:
    """The TF-IDF row of every utterance of ``d`` (each distinct text vectorized once)."""
    return vectorizer.transform_many(list(d.norms))


@dataclass(frozen=True)
class FlagModel:
    """The heads' weights and the per-label thresholds chosen in training.

    ``W`` has ``(1 + CONTEXT) * n_features + len(DENSE)`` rows (utterance block,
    one block per previous turn, dense) and ``len(HEADS) + len(MARKERS)``
    columns (binary heads, then the marker head's classes); ``b`` is the bias
    per column. ``thresholds`` maps every label of :data:`HEADS` to ``(gate, add)``.
    """

    vectorizer: NgramVectorizer
    W: np.ndarray
    b: np.ndarray
    thresholds: dict
    meta: dict

    @property
    def _blocks(self) -> np.ndarray:
        """Per vocabulary column, the weights of each text block side by side (one gather reads all)."""
        cached = self.__dict__.get("_blocks_cache")
        if cached is None:
            nf = self.vectorizer.n_features
            cached = np.ascontiguousarray(np.hstack([self.W[k * nf:(k + 1) * nf] for k in range(1 + CONTEXT)]))
            object.__setattr__(self, "_blocks_cache", cached)
        return cached

    def logits(self, rows: SparseRows, dense: np.ndarray) -> np.ndarray:
        """Every column's logit for every utterance, shape ``(n, len(HEADS) + len(MARKERS))``.

        Each utterance's weights are gathered once for all its uses (as itself
        and as the previous turn of the next :data:`CONTEXT` utterances).
        """
        nf = self.vectorizer.n_features
        width = self.W.shape[1]
        gathered = SparseRows.from_pairs(rows).dot(self._blocks)
        out = dense @ self.W[(1 + CONTEXT) * nf:] + self.b
        out += gathered[:, :width]
        for k in range(1, 1 + CONTEXT):
            out[k:] += gathered[:-k, k * width:(k + 1) * width]
        return out

    def scores(self, d: Dialogue) -> tuple[np.ndarray, list[str]]:
        """Probability of every head (columns in :data:`HEADS` order) and the likeliest marker, per utterance."""
        if d.n == 0:
            return np.zeros((0, len(HEADS)), np.float32), []
        z = self.logits(session_rows(d, self.vectorizer), dense_features(d))
        p = 1.0 / (1.0 + np.exp(-z[:, :len(HEADS)]))
        marker = z[:, len(HEADS):].argmax(axis=1)
        return p, [MARKERS[k] for k in marker]


def combine(rules: Sequence[bool], proba: np.ndarray, eligible: Sequence[bool], gate: float,
            add: float) -> list[bool]:
    """One label's combined decision per utterance.

    A rule label stands when the model gives it at least ``gate``; an eligible
    utterance (the right speaker) the rules left unlabelled gets the label when
    the model gives at least ``add``.
    """
    return [bool(p >= gate) if r else bool(ok and p >= add) for r, p, ok in zip(rules, proba, eligible)]


@lru_cache(maxsize=2)
def load_flag_model(directory: Path = MODEL_DIR) -> FlagModel | None:
    """The shipped model, or None when its files are absent or stale (the rules then run alone)."""
    js, npz = Path(directory) / "flags.json", Path(directory) / "flags.npz"
    if not (js.is_file() and npz.is_file()):
        return None
    header = json.loads(js.read_text(encoding="utf-8"))
    if (header.get("format") != FORMAT or list(header.get("dense", [])) != list(DENSE)
            or list(header.get("heads", [])) != list(HEADS) or list(header.get("markers", [])) != list(MARKERS)
            or header.get("context") != CONTEXT):
        return None  # trained against other features: rebuild with alliance.training.flags
    with np.load(npz, allow_pickle=False) as data:
        grams = bytes(data["vocab"]).decode("utf-8").split("\n")
        vec = CharGramVectorizer.from_arrays(grams, data["idf"], data["block"])
        thresholds = {h: (float(g), float(a)) for h, (g, a) in header["thresholds"].items()}
        return FlagModel(vec, np.asarray(data["W"], np.float32), np.asarray(data["b"], np.float32),
                         thresholds, header)


def save_flag_model(directory: Path, model: FlagModel) -> None:
    """Write ``flags.json`` and ``flags.npz`` (used by training)."""
    directory = Path(directory)
    vec = model.vectorizer
    grams = sorted(vec.vocab_, key=vec.vocab_.get)
    np.savez_compressed(directory / "flags.npz",
                        vocab=np.frombuffer("\n".join(grams).encode("utf-8"), dtype=np.uint8),
                        idf=vec.idf_.astype(np.float32), block=vec.block_.astype(np.int8),
                        W=model.W.astype(np.float16), b=model.b.astype(np.float32))
    header = {**model.meta, "format": FORMAT, "dense": list(DENSE), "heads": list(HEADS), "markers": list(MARKERS),
              "context": CONTEXT, "thresholds": {h: list(model.thresholds[h]) for h in HEADS}}
    (directory / "flags.json").write_text(json.dumps(header, indent=2, sort_keys=True) + "\n", encoding="utf-8")


# One-slot cache: the marker and the flag annotators of one pipeline run score the
# same dialogue; the second call reuses the first's matrix product.
_SCORES: dict[str, tuple] = {}


def _scores(d: Dialogue, model: FlagModel) -> tuple[np.ndarray, list[str]]:
    hit = _SCORES.get("last")
    if hit is not None and hit[0] is d.utterances and hit[1] is model:
        return hit[2]
    out = model.scores(d)
    _SCORES["last"] = (d.utterances, model, out)
    return out


# Depth of nested :func:`rules_only` blocks; above 0 the shipped model is not loaded.
_RULES_ONLY = [0]


@contextmanager
def rules_only() -> Iterator[None]:
    """Within this block the shipped model is not consulted: the annotators give the rules' own labels.

    Training reads the rules alone (what the model checks and extends); without
    this it would read the rules already combined with the shipped model.
    """
    _RULES_ONLY[0] += 1
    try:
        yield
    finally:
        _RULES_ONLY[0] -= 1


def _resolve(model: FlagModel | None | bool, heads: Sequence[str]) -> FlagModel | None:
    """The model to consult for ``heads``, or None when the rules decide alone.

    A model whose thresholds leave every one of ``heads`` to the rules is not
    consulted at all: scoring costs time and could change nothing. Inside
    :func:`rules_only` the shipped model (``model`` None or True) is not consulted.
    """
    if _RULES_ONLY[0] and (model is None or model is True):
        return None
    m = load_flag_model() if model is True or model is None else (model or None)
    if m is None or all(tuple(m.thresholds.get(h, RULES_ALONE)) == RULES_ALONE for h in heads):
        return None
    return m


def apply_markers(d: Dialogue, rule_markers: Sequence[str | None],
                  model: FlagModel | None | bool = None) -> list[str | None]:
    """The rule markers, gated by the model, plus confident model-only markers on patient turns.

    ``model`` None or True loads the shipped model; False (or missing
    artifacts) returns the rules' markers unchanged. An added marker is the
    marker head's likeliest class.
    """
    m = _resolve(model, (RUPTURE_HEAD,))
    if m is None:
        return list(rule_markers)
    p, names = _scores(d, m)
    gate, add = m.thresholds.get(RUPTURE_HEAD, RULES_ALONE)
    patient = [r is Role.PATIENT for r in d.roles]
    keep = combine([x is not None for x in rule_markers], p[:, HEADS.index(RUPTURE_HEAD)], patient, gate, add)
    return [(r if r is not None else names[i]) if k else None for i, (r, k) in enumerate(zip(rule_markers, keep))]


def apply_flags(d: Dialogue, rule_flags: Sequence[Sequence[str]],
                model: FlagModel | None | bool = None) -> list[tuple[str, ...]]:
    """The rule flags, each gated by the model, plus confident model-only flags on therapist turns.

    Flags the model does not score (e.g. ``affirmation``) pass through; order
    follows :data:`FLAG_HEADS` after them.
    """
    m = _resolve(model, FLAG_HEADS)
    if m is None:
        return [tuple(f) for f in rule_flags]
    p, _ = _scores(d, m)
    therapist = [r is Role.THERAPIST for r in d.roles]
    decided = {}
    for k, flag in enumerate(FLAG_HEADS):
        gate, add = m.thresholds.get(flag, RULES_ALONE)
        decided[flag] = combine([flag in f for f in rule_flags], p[:, k], therapist, gate, add)
    return [tuple(x for x in f if x not in FLAG_HEADS) + tuple(fl for fl in FLAG_HEADS if decided[fl][i])
            for i, f in enumerate(rule_flags)]


def apply(d: Dialogue, rule_flags: Sequence[Sequence[str]], rule_markers: Sequence[str | None],
          model: FlagModel | None | bool = None) -> tuple[list[tuple[str, ...]], list[str | None]]:
    """:func:`apply_flags` and :func:`apply_markers` together (one matrix product): ``(flags, markers)``."""
    return apply_flags(d, rule_flags, model), apply_markers(d, rule_markers, model)
