"""Score the shipped move and client-talk models against AnnoMI's expert codes.

AnnoMI (Wu et al., ICASSP 2022) codes motivational-interviewing transcripts
utterance by utterance. This module reads either of its CSV layouts with the
standard ``csv`` module:

- ``AnnoMI-simple.csv``: one row per utterance, ``main_therapist_behaviour``
  and ``client_talk_type`` only (no subtypes: those tasks report ``n = 0``);
- ``AnnoMI-full.csv``: adds ``question_subtype``, ``reflection_subtype`` and
  ``annotator_id``. A few sessions are coded by several annotators; only the
  lowest ``annotator_id`` of each transcript is kept, so every utterance
  counts once.

:func:`evaluate_annomi` runs the *shipped* models (no training) on every
session and returns macro-F1, accuracy and per-class figures. Scoring the
models on the sessions they were trained on inflates the figures; the honest
estimate is the grouped cross-validation in ``alliance/models/MODEL_CARD.md``.
"""

from __future__ import annotations

import csv
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from alliance.errors import InputError
from alliance.model import Role, Session, Speaker, Utterance

__all__ = [
    "AnnoMIUtterance",
    "AnnoMISession",
    "read_annomi",
    "to_session",
    "macro_scores",
    "evaluate_annomi",
    "MOVE_FROM_ANNOMI",
]

#: AnnoMI ``main_therapist_behaviour`` -> our ``move`` labels.
MOVE_FROM_ANNOMI = {
    "question": "question",
    "reflection": "reflection",
    "therapist_input": "input",
    "other": "other",
}

_REQUIRED = ("transcript_id", "utterance_id", "interlocutor", "utterance_text",
             "main_therapist_behaviour", "client_talk_type")


def _label(value: str | None) -> str | None:
    """AnnoMI writes missing labels as ``n/a``."""
    if value is None:
        return None
    v = value.strip()
    return None if v in ("", "n/a", "NA", "nan") else v


@dataclass(frozen=True)
class AnnoMIUtterance:
    """One coded AnnoMI utterance; labels are ``None`` where AnnoMI says ``n/a``."""

    utterance_id: int
    therapist: bool
    text: str
    move: str | None
    client_talk: str | None
    question: str | None
    reflection: str | None
    line: int


@dataclass(frozen=True)
class AnnoMISession:
    """One AnnoMI transcript (one annotator's codes), utterances in order."""

    transcript_id: str
    utterances: tuple[AnnoMIUtterance, ...]

    @property
    def texts(self) -> list[str]:
        """The utterance texts."""
        return [u.text for u in self.utterances]

    @property
    def is_therapist(self) -> list[bool]:
        """True for each therapist utterance."""
        return [u.therapist for u in self.utterances]


def read_annomi(path: Path) -> list[AnnoMISession]:
    """Read an AnnoMI-format CSV (simple or full) into sessions, de-duplicated.

    Raises :class:`InputError` naming the file and line when a required column
    or value is missing.
    """
    path = Path(path)
    try:
        fh = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}", path=str(path)) from exc
    with fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames or []
        missing = [c for c in _REQUIRED if c not in header]
        if missing:
            raise InputError(
                f"{path.name} is not an AnnoMI-format CSV: missing column(s) {', '.join(missing)}",
                path=str(path), line=1, expected=", ".join(_REQUIRED),
                hint="pass AnnoMI-simple.csv or AnnoMI-full.csv",
            )
        # transcript -> annotator -> [(utterance_id, utterance)]
        by_tx: dict[str, dict[str, list[AnnoMIUtterance]]] = {}
        for row in reader:
            line = reader.line_num
            role = (row.get("interlocutor") or "").strip().lower()
            if role not in ("therapist", "client"):
                raise InputError(f"{path.name}: unknown interlocutor", path=str(path), line=line,
                                 expected="therapist or client")
            try:
                uid = int(row["utterance_id"])
            except (TypeError, ValueError):
                raise InputError(f"{path.name}: utterance_id is not a number", path=str(path),
                                 line=line) from None
            move = _label(row.get("main_therapist_behaviour"))
            if move is not None:
                move = MOVE_FROM_ANNOMI.get(move, move)
            u = AnnoMIUtterance(
                utterance_id=uid,
                therapist=role == "therapist",
                text=row.get("utterance_text") or "",
                move=move,
                client_talk=_label(row.get("client_talk_type")),
                question=_label(row.get("question_subtype")),
                reflection=_label(row.get("reflection_subtype")),
                line=line,
            )
            tx = (row.get("transcript_id") or "").strip()
            ann = (row.get("annotator_id") or "").strip()
            by_tx.setdefault(tx, {}).setdefault(ann, []).append(u)
    sessions = []
    for tx, by_ann in by_tx.items():
        # Several annotators: keep the lowest id (numerically when ids are numbers).
        keep = min(by_ann, key=lambda a: (0, int(a), a) if a.isdigit() else (1, 0, a))
        utts = sorted(by_ann[keep], key=lambda u: u.utterance_id)
        sessions.append(AnnoMISession(tx, tuple(utts)))
    sessions.sort(key=lambda s: (0, int(s.transcript_id), "") if s.transcript_id.isdigit()
                  else (1, 0, s.transcript_id))
    return sessions


def to_session(s: AnnoMISession, texts: Sequence[str] | None = None) -> Session:
    """An alliance :class:`Session` of an AnnoMI transcript (``texts`` overrides the text)."""
    texts = s.texts if texts is None else texts
    speakers = (Speaker("therapist", "Therapist", Role.THERAPIST),
                Speaker("client", "Client", Role.PATIENT))
    utts = tuple(
        Utterance(i, "therapist" if u.therapist else "client", t, line=u.line)
        for i, (u, t) in enumerate(zip(s.utterances, texts))
    )
    return Session(f"annomi-{s.transcript_id}", speakers, utts, source="annomi")


def macro_scores(gold: Sequence[str], pred: Sequence[str | None], labels: Sequence[str]) -> dict:
    """Macro-F1, accuracy, n and per-class precision/recall/F1/support."""
    n = len(gold)
    per_class: dict[str, dict[str, float | int]] = {}
    f1s = []
    for c in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        support = tp + fn
        per_class[c] = {"precision": round(prec, 4), "recall": round(rec, 4),
                        "f1": round(f1, 4), "support": support}
        if support:
            f1s.append(f1)
    if n == 0:
        return {"macro_f1": None, "accuracy": None, "n": 0, "per_class": per_class}
    acc = sum(1 for g, p in zip(gold, pred) if g == p) / n
    return {"macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else None,
            "accuracy": round(acc, 4), "n": n, "per_class": per_class}


def evaluate_annomi(path: Path, *, strip: bool = False) -> dict:
    """Score the shipped models on every session of an AnnoMI CSV.

    Returns ``{"therapist_move", "client_talk", "reflection_type",
    "question_type": {"macro_f1", "accuracy", "n", "per_class"},
    "utterances_per_second", "sessions"}``. With ``strip``, the text is first
    lower-cased and stripped of punctuation, as speech recognition delivers it.
    Subtype tasks score only utterances whose gold move is that type and whose
    predicted move agrees (the subtype of a missed question is undefined).
    """
    from alliance.annotators._text import normalize
    from alliance.annotators.moves import move_annotators
    from alliance.pipeline import Pipeline

    sessions = read_annomi(path)
    pipeline = Pipeline(move_annotators())
    gold: dict[str, list[str]] = {k: [] for k in ("move", "client_talk", "question", "reflection")}
    pred: dict[str, list[str | None]] = {k: [] for k in gold}
    n_utts = 0
    elapsed = 0.0
    for s in sessions:
        texts = [normalize(t) for t in s.texts] if strip else None
        session = to_session(s, texts)
        t0 = time.perf_counter()
        out = pipeline(session)
        elapsed += time.perf_counter() - t0
        n_utts += len(session.utterances)
        for i, u in enumerate(s.utterances):
            move = out.label("move", i)
            if u.therapist and u.move is not None:
                gold["move"].append(u.move)
                pred["move"].append(move)
                if u.move == "question" and u.question is not None and move == "question":
                    gold["question"].append(u.question)
                    pred["question"].append(out.label("question", i))
                if u.move == "reflection" and u.reflection is not None and move == "reflection":
                    gold["reflection"].append(u.reflection)
                    pred["reflection"].append(out.label("reflection", i))
            if not u.therapist and u.client_talk is not None:
                gold["client_talk"].append(u.client_talk)
                pred["client_talk"].append(out.label("client_talk", i))
    return {
        "therapist_move": macro_scores(gold["move"], pred["move"],
                                       ("question", "reflection", "input", "other")),
        "client_talk": macro_scores(gold["client_talk"], pred["client_talk"],
                                    ("change", "neutral", "sustain")),
        "reflection_type": macro_scores(gold["reflection"], pred["reflection"], ("simple", "complex")),
        "question_type": macro_scores(gold["question"], pred["question"], ("open", "closed")),
        "utterances_per_second": round(n_utts / elapsed, 1) if elapsed > 0 else None,
        "sessions": len(sessions),
        "stripped": strip,
    }
