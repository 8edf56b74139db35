"""Therapist moves, question and reflection type, affirmation, and client talk.

Three pipeline components:

- :class:`MoveAnnotator` labels every *therapist* utterance with a primary
  ``move`` (``question``/``reflection``/``input``/``other``); questions get a
  ``question`` label (``open``/``closed``), reflections a ``reflection`` label
  (``simple``/``complex``). Linear models trained on AnnoMI
  (``alliance.training.moves``), run in numpy.
- :class:`AffirmationAnnotator` adds the ``flag`` ``affirmation`` to therapist
  utterances that credit the patient's strength, effort or values. AnnoMI does
  not code affirmations, so this is a small documented rule set, not a model.
- :class:`ClientTalkAnnotator` labels every *patient* utterance with
  ``client_talk`` (``change``/``neutral``/``sustain``).

Utterances of speakers with role ``other`` get none of these labels. The
models read the utterance with its context: the previous turn of the other
party, the next one, and their lexical overlap. Shipped weights live in
``alliance/models/moves.{json,npz}``; see ``MODEL_CARD.md`` for the figures.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from alliance.annotators._text import normalize
from alliance.annotators._text_context import context_rows
from alliance.annotators._text_model import TextModel, load_text_model
from alliance.model import Annotation, Role, Session
from alliance.pipeline import Annotator, AnnotatorOutput

__all__ = [
    "MODEL_DIR",
    "load_moves_model",
    "MoveAnnotator",
    "AffirmationAnnotator",
    "ClientTalkAnnotator",
    "is_affirmation",
    "move_annotators",
]

#: Where the shipped model bundle lives.
MODEL_DIR = Path(__file__).resolve().parents[1] / "models"


@lru_cache(maxsize=1)
def load_moves_model() -> TextModel:
    """The shipped move/client-talk model, loaded once per process."""
    return load_text_model(MODEL_DIR, "moves")


@lru_cache(maxsize=2)
def _session_features(norms: tuple[str, ...]):
    """TF-IDF rows of every utterance; cached so both annotators share one pass."""
    return load_moves_model().vectorizer.transform_many(norms)


def _inputs(session: Session, select: list[int]):
    texts = [u.text for u in session.utterances]
    norms = tuple(normalize(t) for t in texts)
    is_therapist = [r is Role.THERAPIST for r in session.roles]
    ctx = context_rows(texts, norms, is_therapist, select)
    return _session_features(norms), ctx


def _predict(model: TextModel, head: str, feats, ctx, rows: np.ndarray | None = None):
    """Labels and probabilities of ``head`` for the context rows (or a subset ``rows``)."""
    h = model.head(head)
    neighbours, dense = ctx.neighbours, ctx.dense
    if rows is not None:
        neighbours, dense = neighbours[rows], dense[rows]
    if len(dense) == 0:
        return [], np.zeros(0)
    proba = h.predict_proba(feats, neighbours, dense, model.vectorizer.n_features)
    best = proba.argmax(axis=1)
    return [h.labels[k] for k in best], proba[np.arange(len(best)), best]


class MoveAnnotator:
    """Primary move of every therapist utterance, and question / reflection type."""

    name = "moves"
    requires: tuple[str, ...] = ()
    produces: tuple[str, ...] = ("move", "question", "reflection")

    def __init__(self) -> None:
        self.model = load_moves_model()
        self.version = self.model.version

    def annotate(self, session: Session) -> AnnotatorOutput:
        """Label the therapist utterances of ``session``."""
        select = [i for i, r in enumerate(session.roles) if r is Role.THERAPIST]
        if not select:
            return AnnotatorOutput()
        feats, ctx = _inputs(session, select)
        moves, conf = _predict(self.model, "move", feats, ctx)
        out = [Annotation(i, "move", m, self.name, self.version, round(float(c), 3))
               for i, m, c in zip(select, moves, conf)]
        for layer, move in (("question", "question"), ("reflection", "reflection")):
            rows = np.asarray([k for k, m in enumerate(moves) if m == move], dtype=np.int64)
            if len(rows) == 0:
                continue
            sub, sconf = _predict(self.model, layer, feats, ctx, rows)
            out += [Annotation(select[k], layer, v, self.name, self.version, round(float(c), 3))
                    for k, v, c in zip(rows, sub, sconf)]
        out.sort(key=lambda a: (a.index, a.layer))
        return AnnotatorOutput(annotations=tuple(out))


class ClientTalkAnnotator:
    """Change, neutral or sustain talk for every patient utterance."""

    name = "client_talk"
    requires: tuple[str, ...] = ()
    produces: tuple[str, ...] = ("client_talk",)

    def __init__(self) -> None:
        self.model = load_moves_model()
        self.version = self.model.version

    def annotate(self, session: Session) -> AnnotatorOutput:
        """Label the patient utterances of ``session``."""
        select = [i for i, r in enumerate(session.roles) if r is Role.PATIENT]
        if not select:
            return AnnotatorOutput()
        feats, ctx = _inputs(session, select)
        labels, conf = _predict(self.model, "client_talk", feats, ctx)
        return AnnotatorOutput(annotations=tuple(
            Annotation(i, "client_talk", v, self.name, self.version, round(float(c), 3))
            for i, v, c in zip(select, labels, conf)))


# Affirmation rules, matched on normalized text (lower case, no punctuation, no
# apostrophes), so they work on speech-recognition output too. Each pattern
# credits the patient: praise of what they did, a strength, an effort or a value.
_AFFIRM = re.compile(
    r"\b(?:"
    r"good for you|well done|(?:great|good|nice) (?:job|work)|"
    r"(?:you should|you can|you must) (?:be|feel) (?:really |very |so )?proud|"
    r"im (?:really |so |very )?(?:impressed|proud of you)|"
    r"(?:that|it) (?:took|takes) (?:a lot of |real |some )?(?:courage|guts|strength)|"
    r"(?:you|youve) (?:have )?(?:worked|been working) (?:really |so |very )?hard|"
    r"youve (?:done|come) (?:really |so |very )?(?:well|far)|"
    r"youve (?:made|achieved) (?:real |great |good |a lot of |some )?(?:progress|changes)|"
    r"youre (?:really |very |so |clearly |obviously )?"
    r"(?:strong|determined|committed|resourceful|brave|courageous|dedicated|motivated)|"
    r"(?:you (?:really |clearly |obviously )?care (?:a lot |deeply |so much )?about)|"
    r"(?:thats|that is|its) (?:a )?(?:really |very |so )?"
    r"(?:great|wonderful|impressive|amazing|fantastic|excellent) "
    r"(?:step|achievement|accomplishment|progress|idea|effort|start|insight)|"
    r"thank you for (?:sharing|being (?:so )?(?:honest|open))|"
    r"i (?:really )?appreciate (?:your|you) (?:honesty|being|sharing|openness|effort|willingness)"
    r")\b"
)


def is_affirmation(text: str) -> bool:
    """True when ``text`` matches one of the affirmation rules."""
    return _AFFIRM.search(normalize(text)) is not None


class AffirmationAnnotator:
    """Flags therapist utterances that affirm the patient (rule-based; see module doc)."""

    name = "affirmation"
    version = "1.0"
    requires: tuple[str, ...] = ()
    produces: tuple[str, ...] = ("flag",)

    def annotate(self, session: Session) -> AnnotatorOutput:
        """Flag ``affirmation`` on the therapist utterances that match a rule."""
        return AnnotatorOutput(annotations=tuple(
            Annotation(u.index, "flag", "affirmation", self.name, self.version)
            for u, r in zip(session.utterances, session.roles)
            if r is Role.THERAPIST and is_affirmation(u.text)))


def move_annotators() -> list[Annotator]:
    """The annotators for therapist moves, affirmation and client talk, in order."""
    return [MoveAnnotator(), AffirmationAnnotator(), ClientTalkAnnotator()]
