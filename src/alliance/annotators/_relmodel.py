"""A learned relationship-talk scorer that checks and extends the rule-based labels.

The rules of :mod:`alliance.annotators.relationship` memorise the phrasings
they were written against; on other people's sessions they both miss new
phrasings and fire on look-alikes. This module holds a logistic regression
that reads, for every utterance:

- word 1-2grams and character 3-4grams of the utterance and of the previous
  turn (two TF-IDF blocks, :class:`~alliance.annotators._text.NgramVectorizer`);
- the speaker's role and the turn's shape (question, bare acknowledgement,
  length), and the same for the previous turn.

It deliberately does not read the rules' own labels (see :data:`DENSE`), so
that its errors differ from theirs.

Its probability is combined with the rules (:func:`combine`): a rule label
stands only when the model gives it at least ``gate``; an utterance the rules
missed becomes relationship talk when the model is at least ``add`` sure (its
subtype then comes from a second, multinomial head). The thresholds are
chosen by grouped cross-validation in :mod:`alliance.training.relational`
and stored with the weights.

Artifacts: ``alliance/models/relational.json`` (thresholds, names, figures)
and ``relational.npz`` (vocabulary, idf, weights); nothing is pickled. When
they are missing the rules run alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from alliance.annotators._lexicon import Dialogue
from alliance.annotators._text import NgramVectorizer, SparseRows, normalize
from alliance.model import Role

__all__ = ["RelationalModel", "DENSE", "SUBTYPE_ORDER", "dense_features", "session_rows", "load_relational_model",
           "combine", "needed", "ADD_REACH", "NEAR_REACH", "MODEL_DIR", "CharGramVectorizer"]

MODEL_DIR = Path(__file__).resolve().parents[1] / "models"
FORMAT = 1
SUBTYPE_ORDER = ("transference_link", "immediacy", "frame_feelings", "feelings_about_therapist", "here_and_now")

_ROLE_NAMES = ("therapist", "patient", "other")
#: Names of the dense columns, in order. The rule outputs are not among them: the
#: rules were written against most of the gold sessions, so inside
#: cross-validation their labels look nearly perfect and a model reading them
#: learns only to copy them (tried; see the model card).
DENSE: tuple[str, ...] = (
    *(f"role={r}" for r in _ROLE_NAMES), "prev_role=therapist", "prev_same_speaker",
    "question", "ack", "prev_question", "prev_ack", "short", "long",
)


class CharGramVectorizer(NgramVectorizer):
    """Word 1-2grams and character 3-4grams (narrower than the moves models, for speed)."""

    CHAR_SIZES = (3, 4)
    WORD_EDGES = False


def dense_features(d: Dialogue) -> np.ndarray:
    """The dense (role and turn-shape) features of every utterance, shape ``(n, len(DENSE))``."""
    out = np.zeros((d.n, len(DENSE)), dtype=np.float32)
    col = {name: k for k, name in enumerate(DENSE)}
    for i in range(d.n):
        row = out[i]
        role = d.roles[i]
        row[col["role=" + ("therapist" if role is Role.THERAPIST else "patient" if role is Role.PATIENT else "other")]] = 1
        if i > 0:
            row[col["prev_role=therapist"]] = d.roles[i - 1] is Role.THERAPIST
            row[col["prev_same_speaker"]] = d.utterances[i - 1].speaker == d.utterances[i].speaker
            row[col["prev_question"]] = d.questions[i - 1]
            row[col["prev_ack"]] = d.acks[i - 1]
        row[col["question"]] = d.questions[i]
        row[col["ack"]] = d.acks[i]
        row[col["short"]] = d.words[i] <= 4
        row[col["long"]] = d.words[i] >= 30
    return out


#: Model-only additions must sit this close to a rule label (they extend or bridge
#: rule episodes); it also bounds which utterances need scoring at all.
ADD_REACH = 1
#: With a ``start`` threshold, additions at ``add`` may also sit this close to
#: labels kept or added in the first pass.
NEAR_REACH = 2


def needed(rules: Sequence[str | None]) -> list[bool]:
    """Utterances whose score :func:`combine` reads: rule labels and their neighbours."""
    n = len(rules)
    near = [False] * n
    for i, r in enumerate(rules):
        if r is not None:
            for j in range(max(0, i - ADD_REACH), min(n, i + ADD_REACH + 1)):
                near[j] = True
    return near


def session_rows(d: Dialogue, vectorizer: NgramVectorizer,
                 select: Sequence[bool] | None = None) -> SparseRows:
    """The TF-IDF row of every selected utterance and of the turn before it (others empty).

    Every utterance is vectorized once, although the model reads it twice
    (as itself and as the next utterance's previous turn).
    """
    if select is None:
        return vectorizer.transform_many([normalize(t) for t in d.texts])
    want = [bool(select[i] or (i + 1 < d.n and select[i + 1])) for i in range(d.n)]
    return vectorizer.transform_many([normalize(t) if w else None for t, w in zip(d.texts, want)])


@dataclass(frozen=True)
class RelationalModel:
    """Binary relationship-talk head, subtype head and the thresholds chosen in training.

    ``W`` has ``2 * n_features + len(DENSE)`` rows (utterance block, previous-turn
    block, dense); ``S`` has the same rows and one column per subtype.
    """

    vectorizer: NgramVectorizer
    W: np.ndarray
    b: float
    S: np.ndarray
    s_b: np.ndarray
    gate: float
    add: float
    meta: dict
    start: float = 1.01

    def _logits(self, rows, dense: np.ndarray) -> np.ndarray:
        nf = self.vectorizer.n_features
        both = self._both
        width = both.shape[1]
        # One gather reads each utterance's weights for both of its uses: as
        # itself (left half) and as the next utterance's previous turn (right half).
        cur_prev = SparseRows.from_pairs(rows).dot(self._cur_prev)
        out = dense @ both[2 * nf:]
        out += cur_prev[:, :width]
        out[1:] += cur_prev[:-1, width:]
        return out

    def scores(self, rows, dense: np.ndarray) -> tuple[np.ndarray, list[str]]:
        """Probability of relationship talk and most likely subtype of every utterance.

        ``rows`` are the utterances' TF-IDF rows: a :class:`SparseRows` (see
        :func:`session_rows`) or a sequence of ``(indices, values)`` pairs.
        """
        z = self._logits(rows, dense)
        p = 1.0 / (1.0 + np.exp(-(z[:, 0] + self.b)))
        sub = (z[:, 1:] + self.s_b).argmax(axis=1)
        return p, [SUBTYPE_ORDER[k] for k in sub]

    @property
    def _both(self) -> np.ndarray:
        """``W`` and ``S`` side by side: one column for the binary head, then the subtypes."""
        both = self.__dict__.get("_both_cache")
        if both is None:
            both = np.ascontiguousarray(np.hstack([self.W[:, None], self.S]))
            object.__setattr__(self, "_both_cache", both)
        return both

    @property
    def _cur_prev(self) -> np.ndarray:
        """Per vocabulary column, the utterance-block and the previous-turn-block rows of ``_both``."""
        pair = self.__dict__.get("_cur_prev_cache")
        if pair is None:
            nf = self.vectorizer.n_features
            pair = np.ascontiguousarray(np.hstack([self._both[:nf], self._both[nf:2 * nf]]))
            object.__setattr__(self, "_cur_prev_cache", pair)
        return pair


def combine(rules: Sequence[str | None], proba: np.ndarray, subtypes: Sequence[str], gate: float,
            add: float, start: float = 1.01, may_start: Sequence[bool] | None = None) -> list[str | None]:
    """Rule labels the model confirms (p >= gate), plus model-only hits: p >= add
    close to a label (within :data:`ADD_REACH` of a rule label, or within
    :data:`NEAR_REACH` of a kept or added one), and p >= start anywhere.

    A rule label right after a kept one also stands: the model reads one turn
    of context, so "Yes, exactly. Embarrassed, mostly." looks like nothing to
    it, while the rules know it answers relationship talk. A chain therefore
    lives or dies with the cue it started from.

    ``start`` lets a confident model open an episode the rules missed: on
    sessions by authors the rules never saw, that is where recall was lost
    (leave-one-split-out figures in the model card). The default (above 1)
    switches it off. ``may_start``, when given, says which utterances may be
    such a start at all (the caller's check that they name the pair).
    """
    out: list[str | None] = []
    near = needed(rules)
    for r, p, s, close in zip(rules, proba, subtypes, near):
        if r is not None:
            out.append(r if p >= gate or (out and out[-1] is not None) else None)
        else:
            out.append(s if close and p >= add else None)
    if start > 1.0:
        return out
    base = [x is not None for x in out]
    for i in range(len(out)):
        if out[i] is None:
            close = any(base[max(0, i - NEAR_REACH):i + NEAR_REACH + 1])
            if proba[i] >= (add if close else start) and (close or may_start is None or may_start[i]):
                out[i] = subtypes[i]
    return out


@lru_cache(maxsize=2)
def load_relational_model(directory: Path = MODEL_DIR) -> RelationalModel | None:
    """The shipped model, or None when its files are absent (the rules then run alone)."""
    js, npz = Path(directory) / "relational.json", Path(directory) / "relational.npz"
    if not (js.is_file() and npz.is_file()):
        return None
    header = json.loads(js.read_text(encoding="utf-8"))
    if header.get("format") != FORMAT or list(header.get("dense", [])) != list(DENSE):
        return None  # trained against other features: rebuild with alliance.training.relational
    with np.load(npz, allow_pickle=False) as data:
        grams = bytes(data["vocab"]).decode("utf-8").split("\n")
        vec = CharGramVectorizer.from_arrays(grams, data["idf"], data["block"])
        return RelationalModel(vec, np.asarray(data["W"], np.float32), float(data["b"][0]),
                               np.asarray(data["S"], np.float32), np.asarray(data["s_b"], np.float32),
                               float(header["gate"]), float(header["add"]), header,
                               float(header.get("start", 1.01)))


def save_relational_model(directory: Path, model: RelationalModel) -> None:
    """Write ``relational.json`` and ``relational.npz`` (used by training)."""
    directory = Path(directory)
    vec = model.vectorizer
    grams = sorted(vec.vocab_, key=vec.vocab_.get)
    np.savez_compressed(directory / "relational.npz",
                        vocab=np.frombuffer("\n".join(grams).encode("utf-8"), dtype=np.uint8),
                        idf=vec.idf_.astype(np.float32), block=vec.block_.astype(np.int8),
                        W=model.W.astype(np.float16), b=np.asarray([model.b], np.float32),
                        S=model.S.astype(np.float16), s_b=model.s_b.astype(np.float32))
    header = {**model.meta, "format": FORMAT, "dense": list(DENSE), "gate": model.gate, "add": model.add,
              "start": model.start}
    (directory / "relational.json").write_text(json.dumps(header, indent=2, sort_keys=True) + "\n", encoding="utf-8")
