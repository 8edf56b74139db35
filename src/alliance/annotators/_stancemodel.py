"""A learned reader of the patient's stance in a relationship episode, checking the rules.

The rules of :func:`alliance.annotators.episodes.patient_stance_of` read a
refusal or a feeling in the patient's words through phrase lists written
against the gold authors seen so far; a new author's phrasings fall through
them. This module holds a multinomial logistic regression over one episode at
a time, reading:

- word 1-2grams and character 3-4grams (sublinear TF-IDF,
  :class:`~alliance.annotators._relmodel.CharGramVectorizer`) of three texts
  (:data:`BLOCKS`): all the patient's turns the stance is read from (the
  episode and the answer right after it, as the rules read them), the last of
  them (a closing "fine." shuts down what came before), and the therapist's
  turn after the episode (backing down or pressing on says how the "no" came
  across);
- dense features (:data:`DENSE`): the rules' per-turn decline/engage
  readings, rupture markers in the span, the initiator, lengths, whether any
  patient turn is itself relationship talk. Not the rules' own stance: the
  rules were fitted to most gold splits, so in training their stance is nearly
  always right and a model reading it learns only to copy it (tried; see the
  model card).

One softmax head (:data:`HEADS`, a column per stance). An earlier build had
two binary heads ("takes it up", "refuses or minimises") whose overlap gave
mixed; with the new authors' splits in training the single head did as well
or better in split-level cross-validation (model card, "Stance reader").

Its probabilities are combined with the rule stance conservatively
(:func:`combine`): the rules' stance stands unless the model's likeliest
stance differs, the model gives it at least ``threshold`` and the change is
one of the model's allowed ``moves`` (:data:`OVERRIDES`: any but mixed ->
engaged, which broke whole-session specifications in every build and was a
coin toss on gold). The threshold is chosen in
:mod:`alliance.training.stance` by cross-validation over the new authors'
splits.

Artifacts: ``alliance/models/stance.json`` (threshold, names, figures) and
``stance.npz`` (vocabulary, idf, float16 weights); nothing is pickled. They
are loaded lazily, once per process; when they are missing :func:`reread`
returns the rules' stances unchanged.

Status: **wired and shipped since the nineteenth round.**
:class:`~alliance.annotators.episodes.Episodes` calls :func:`reread` on the
rules' stances. Trained with test17..test52, it gains on each of three
split-level folds (test17..28, test29..40, test41..52: +6, +6 and +7 matched
episodes at threshold 0.55) and changes no stance the whole-session
specification banks expect. Earlier builds (test17..test32) gained less and
broke specifications, so they were not wired (model card, "Stance reader").
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from alliance.annotators._lexicon import Dialogue
from alliance.annotators._relmodel import MODEL_DIR, CharGramVectorizer
from alliance.annotators._text import NgramVectorizer, SparseRows
from alliance.model import Role

__all__ = ["StanceModel", "EpisodeView", "STANCES", "HEADS", "BLOCKS", "DENSE", "episode_view", "combine",
           "load_stance_model", "save_stance_model", "reread", "RULES_ALONE", "OVERRIDES"]

FORMAT = 2
#: The stances, in the order of the model's columns.
STANCES: tuple[str, ...] = ("engaged", "declined", "mixed")
#: The softmax head's columns, in the order of the weight columns: one per stance.
HEADS: tuple[str, ...] = STANCES
#: The (rule stance, model stance) changes the model may make: all but mixed -> engaged, the change that
#: broke whole-session specifications in every build (a "fine" that closes a complaint still refuses)
#: and was a coin toss on gold.
OVERRIDES: tuple[tuple[str, str], ...] = tuple((a, b) for a in STANCES for b in STANCES
                                               if a != b and (a, b) != ("mixed", "engaged"))
#: The texts read as their own n-gram blocks, in the order of the weight rows.
BLOCKS: tuple[str, ...] = ("patient", "patient_last", "therapist_next")
#: A threshold no probability reaches: the rules decide alone.
RULES_ALONE = 1.01
#: Rupture markers counted in the span (complaints grouped, as in codebook decision 10).
_MARKER_GROUPS = {"denial": "denial", "minimal_response": "minimal", "topic_shift": "topic_shift",
                  "deferential": "deferential", "complaint_about_therapist": "complaint",
                  "complaint_about_therapy": "complaint", "rejects_intervention": "rejects"}
#: Names of the dense columns, in order.
DENSE: tuple[str, ...] = (
    "init=therapist", "init=patient", "init=other",
    "patient_turns", "patient_words", "utterances", "no_patient_turn", "patient_rel_turns", "no_patient_rel",
    "declines_only", "engages_only", "both", "neither", "first_declines", "first_engages", "last_declines",
    "last_engages", "reply_after", "patient_question",
    *(f"marker={m}" for m in sorted(set(_MARKER_GROUPS.values()))),
    "next_therapist", "next_apology", "next_question", "next_relationship",
)
#: How far after the span the therapist's next turn is looked for.
NEXT_REACH = 3


@dataclass(frozen=True)
class EpisodeView:
    """What the model reads of one episode: the :data:`BLOCKS` texts (normalised, or None) and :data:`DENSE`."""

    texts: tuple[str | None, ...]
    dense: tuple[float, ...]


def _span(d: Dialogue, first: int, last: int) -> list[int]:
    """The utterances the stance is read from: the episode and, as the rules take it, the answer after it."""
    from alliance.annotators.episodes import APOLOGY, EPISODE_GAP  # episodes imports this module
    span = list(range(first, last + 1))
    if d.roles[last] is Role.THERAPIST and not APOLOGY.search(d.norms[last]):
        nxt = next((j for j in range(last + 1, min(d.n, last + 1 + EPISODE_GAP)) if d.is_patient(j)), None)
        if nxt is not None:
            span.append(nxt)
    return span


def episode_view(d: Dialogue, first: int, last: int, rel: Sequence[str | None],
                 markers: Sequence[str | None] | None) -> EpisodeView:
    """The model's input for the episode ``first..last`` (labels ``rel``, rupture ``markers``)."""
    from alliance.annotators.episodes import APOLOGY, utterance_stance
    span = _span(d, first, last)
    patient = [j for j in span if d.is_patient(j)]
    col = {name: k for k, name in enumerate(DENSE)}
    x = [0.0] * len(DENSE)
    init = d.roles[first]
    x[col["init=" + ("therapist" if init is Role.THERAPIST else "patient" if init is Role.PATIENT else "other")]] = 1.0
    x[col["patient_turns"]] = math.log1p(len(patient))
    x[col["patient_words"]] = math.log1p(sum(d.words[j] for j in patient)) / 3.0
    x[col["utterances"]] = math.log1p(last - first + 1)
    x[col["no_patient_turn"]] = float(not patient)
    rel_turns = sum(rel[j] is not None for j in patient)
    x[col["patient_rel_turns"]] = math.log1p(rel_turns)
    x[col["no_patient_rel"]] = float(rel_turns == 0)
    readings = []
    for j in patient:
        t = d.previous(j, Role.THERAPIST)
        answering = t is not None and t >= first and rel[t] is not None and not APOLOGY.search(d.norms[t])
        readings.append(utterance_stance(d.norms[j], answering))
    kinds = {"declines_only": (True, False), "engages_only": (False, True), "both": (True, True),
             "neither": (False, False)}
    for name, kind in kinds.items():
        x[col[name]] = math.log1p(sum(r == kind for r in readings))
    if readings:
        x[col["first_declines"]], x[col["first_engages"]] = map(float, readings[0])
        x[col["last_declines"]], x[col["last_engages"]] = map(float, readings[-1])
    x[col["reply_after"]] = float(span[-1] > last)
    x[col["patient_question"]] = float(any(d.questions[j] for j in patient))
    for j in patient:
        group = _MARKER_GROUPS.get(markers[j]) if markers is not None else None
        if group is not None:
            x[col["marker=" + group]] = 1.0
    nxt = next((j for j in range(span[-1] + 1, min(d.n, span[-1] + 1 + NEXT_REACH)) if d.is_therapist(j)), None)
    if nxt is not None:
        x[col["next_therapist"]] = 1.0
        x[col["next_apology"]] = float(bool(APOLOGY.search(d.norms[nxt])))
        x[col["next_question"]] = float(d.questions[nxt])
        x[col["next_relationship"]] = float(rel[nxt] is not None)
    texts = (" ".join(d.norms[j] for j in patient) if patient else None,
             d.norms[patient[-1]] if patient else None,
             d.norms[nxt] if nxt is not None else None)
    return EpisodeView(texts, tuple(x))


@dataclass(frozen=True)
class StanceModel:
    """The head's weights, the override threshold and the allowed changes chosen in training.

    ``W`` has ``len(BLOCKS) * n_features + len(DENSE)`` rows (one TF-IDF block
    per text of :data:`BLOCKS`, then the dense columns) and one column per
    stance of :data:`HEADS`; ``b`` is the bias per stance. ``moves`` lists the
    (rule stance, model stance) changes :func:`combine` may make.
    """

    vectorizer: NgramVectorizer
    W: np.ndarray
    b: np.ndarray
    threshold: float
    meta: dict
    moves: tuple[tuple[str, str], ...] = OVERRIDES

    def proba(self, views: Sequence[EpisodeView]) -> np.ndarray:
        """Probability of each stance (columns in :data:`STANCES` order) for every episode."""
        if not views:
            return np.zeros((0, len(STANCES)), np.float32)
        nf = self.vectorizer.n_features
        nb = len(BLOCKS)
        # All texts of all episodes in one vectorizer call; block k of episode e is row e * nb + k.
        rows = self.vectorizer.transform_many([t for v in views for t in v.texts])
        z = np.asarray([v.dense for v in views], np.float32) @ self.W[nb * nf:] + self.b
        for k in range(nb):
            block = SparseRows.from_pairs([rows[e * nb + k] for e in range(len(views))])
            z += block.dot(self.W, offset=k * nf)
        z -= z.max(axis=1, keepdims=True)  # softmax without overflow
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)


def combine(rule_stance: str, proba: np.ndarray, threshold: float,
            moves: Sequence[tuple[str, str]] | None = None) -> str:
    """The rule stance, unless the model's likeliest stance differs and has at least ``threshold``.

    ``moves`` (None: any) limits the changes to these (rule stance, model stance) pairs.
    """
    k = int(np.argmax(proba))
    if STANCES[k] == rule_stance or proba[k] < threshold:
        return rule_stance
    if moves is not None and (rule_stance, STANCES[k]) not in {tuple(m) for m in moves}:
        return rule_stance
    return STANCES[k]


@lru_cache(maxsize=2)
def load_stance_model(directory: Path = MODEL_DIR) -> StanceModel | None:
    """The shipped model, or None when its files are absent or stale (the rules then decide alone)."""
    js, npz = Path(directory) / "stance.json", Path(directory) / "stance.npz"
    if not (js.is_file() and npz.is_file()):
        return None
    header = json.loads(js.read_text(encoding="utf-8"))
    if (header.get("format") != FORMAT or list(header.get("dense", [])) != list(DENSE)
            or list(header.get("blocks", [])) != list(BLOCKS) or list(header.get("heads", [])) != list(HEADS)):
        return None  # trained against other features: rebuild with alliance.training.stance
    with np.load(npz, allow_pickle=False) as data:
        grams = bytes(data["vocab"]).decode("utf-8").split("\n")
        vec = CharGramVectorizer.from_arrays(grams, data["idf"], data["block"])
        return StanceModel(vec, np.asarray(data["W"], np.float32), np.asarray(data["b"], np.float32),
                           float(header["threshold"]), header,
                           tuple(tuple(m) for m in header.get("moves", OVERRIDES)))


def save_stance_model(directory: Path, model: StanceModel) -> None:
    """Write ``stance.json`` and ``stance.npz`` (used by training)."""
    directory = Path(directory)
    vec = model.vectorizer
    grams = sorted(vec.vocab_, key=vec.vocab_.get)
    np.savez_compressed(directory / "stance.npz",
                        vocab=np.frombuffer("\n".join(grams).encode("utf-8"), dtype=np.uint8),
                        idf=vec.idf_.astype(np.float32), block=vec.block_.astype(np.int8),
                        W=model.W.astype(np.float16), b=model.b.astype(np.float32))
    header = {**model.meta, "format": FORMAT, "dense": list(DENSE), "blocks": list(BLOCKS),
              "heads": list(HEADS), "threshold": model.threshold, "moves": [list(m) for m in model.moves]}
    (directory / "stance.json").write_text(json.dumps(header, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def reread(d: Dialogue, runs: Sequence[tuple[int, int]], rel: Sequence[str | None],
           markers: Sequence[str | None] | None, rule_stances: Sequence[str],
           model: StanceModel | None | bool = None) -> list[str]:
    """The stance of every episode ``runs[k]``: the rules' unless the model confidently reads another.

    ``model`` None or True loads the shipped model; False (or missing
    artifacts, or a threshold above 1) returns the rules' stances unchanged.
    """
    m = load_stance_model() if model is True or model is None else (model or None)
    if m is None or m.threshold > 1.0 or not runs:
        return list(rule_stances)
    views = [episode_view(d, a, b, rel, markers) for a, b in runs]
    p = m.proba(views)
    return [combine(s, p[k], m.threshold, m.moves) for k, s in enumerate(rule_stances)]
