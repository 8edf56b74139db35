"""Build the shipped move and client-talk models from AnnoMI.

Run ``python -m alliance.training.moves ../shared/data/annomi`` (needs the
``train`` extra: scikit-learn). It

1. reads ``AnnoMI-simple.csv`` for the primary move and client talk (one row
   per utterance) and ``AnnoMI-full.csv`` for the question and reflection
   subtypes (multiply-coded transcripts reduced to their lowest annotator id);
2. fits one shared :class:`~alliance.annotators._text.NgramVectorizer` on all
   utterance texts;
3. for each head (move, question type, reflection type, client talk) measures
   macro-F1 in 5-fold cross-validation grouped by transcript, on the original
   text and on a lower-cased, punctuation-stripped copy; every training fold
   holds both copies (augmentation), so punctuation helps when present and is
   not relied on;
4. fits every head on all sessions and writes ``moves.json`` / ``moves.npz``
   into ``src/alliance/models/`` (or ``--out``).

Everything is seeded and the folds are deterministic, so a rebuild gives the
same artifacts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from alliance.annotators._text import NgramVectorizer, normalize
from alliance.annotators._text_context import DENSE_NAMES, SLOTS, context_rows
from alliance.annotators._text_model import LinearHead, save_text_model
from alliance.evaluate.annomi import AnnoMISession, read_annomi

__all__ = ["HeadSpec", "HEADS", "Example", "build_examples", "HeadTrainer", "train", "main"]

#: Version written into the artifacts and every annotation's provenance.
MODEL_VERSION = "1.0"
SEED = 20240611
N_FOLDS = 5


@dataclass(frozen=True)
class HeadSpec:
    """What one head predicts: which utterances, which label field, which context slots."""

    name: str
    therapist: bool
    field: str
    labels: tuple[str, ...]
    slots: tuple[str, ...]
    C: float
    only_move: str | None = None  # train only on utterances whose gold move is this


HEADS: tuple[HeadSpec, ...] = (
    HeadSpec("move", True, "move", ("question", "reflection", "input", "other"), ("cur",), 4.0),
    HeadSpec("question", True, "question", ("open", "closed"), ("cur",), 4.0, only_move="question"),
    HeadSpec("reflection", True, "reflection", ("simple", "complex"), ("cur", "prev_other"), 1.0,
             only_move="reflection"),
    HeadSpec("client_talk", False, "client_talk", ("change", "neutral", "sustain"),
             ("cur", "prev_other"), 1.0),
)


@dataclass(frozen=True)
class Example:
    """The utterances of one session selected for one head, with their inputs."""

    group: str
    feats: list
    neighbours: np.ndarray
    dense: np.ndarray
    y: list[str]


def load_sessions(data_dir: Path) -> list[AnnoMISession]:
    """AnnoMI sessions with simple-file moves/client talk and full-file subtypes."""
    simple = read_annomi(data_dir / "AnnoMI-simple.csv")
    full = {s.transcript_id: s for s in read_annomi(data_dir / "AnnoMI-full.csv")}
    out = []
    for s in simple:
        sub = {u.utterance_id: u for u in full[s.transcript_id].utterances} if s.transcript_id in full else {}
        utts = []
        for u in s.utterances:
            f = sub.get(u.utterance_id)
            q = f.question if f is not None else None
            r = f.reflection if f is not None else None
            utts.append(type(u)(u.utterance_id, u.therapist, u.text, u.move, u.client_talk, q, r, u.line))
        out.append(AnnoMISession(s.transcript_id, tuple(utts)))
    return out


def build_examples(sessions: Sequence[AnnoMISession], spec: HeadSpec, vec: NgramVectorizer,
                   strip: bool) -> list[Example]:
    """One :class:`Example` per session for head ``spec`` (``strip``: ASR-like copy)."""
    out = []
    for s in sessions:
        texts = [normalize(t) for t in s.texts] if strip else s.texts
        norms = [normalize(t) for t in texts]
        sel, y = [], []
        for i, u in enumerate(s.utterances):
            label = getattr(u, spec.field)
            if u.therapist != spec.therapist or label not in spec.labels:
                continue
            if spec.only_move is not None and u.move != spec.only_move:
                continue
            sel.append(i)
            y.append(label)
        if not sel:
            continue
        ctx = context_rows(texts, norms, s.is_therapist, sel)
        feats = vec.transform(norms)
        out.append(Example(s.transcript_id, feats, ctx.neighbours, ctx.dense, y))
    return out


def design_matrix(examples: Sequence[Example], slots: Sequence[str], n_features: int):
    """Stack examples into a scipy CSR matrix laid out as :class:`LinearHead` expects."""
    import scipy.sparse as sp

    mats, ys, groups = [], [], []
    for ex in examples:
        blocks = []
        for slot in slots:
            col = SLOTS.index(slot)
            ind: list[np.ndarray] = []
            dat: list[np.ndarray] = []
            ptr = [0]
            for j in ex.neighbours[:, col]:
                if j >= 0:
                    ind.append(ex.feats[j][0])
                    dat.append(ex.feats[j][1])
                ptr.append(ptr[-1] + (len(ex.feats[j][0]) if j >= 0 else 0))
            indices = np.concatenate(ind) if ind else np.zeros(0, np.int32)
            data = np.concatenate(dat) if dat else np.zeros(0, np.float32)
            blocks.append(sp.csr_matrix((data, indices, ptr), shape=(len(ex.y), n_features)))
        blocks.append(sp.csr_matrix(ex.dense))
        mats.append(sp.hstack(blocks, format="csr"))
        ys.extend(ex.y)
        groups.extend([ex.group] * len(ex.y))
    return sp.vstack(mats, format="csr"), np.asarray(ys), np.asarray(groups)


class HeadTrainer:
    """Fits one head with scikit-learn logistic regression (class-balanced).

    Parameters follow scikit-learn: ``C`` (inverse regularisation), ``seed``.
    After :meth:`fit`, ``coef_`` (features x labels) and ``intercept_`` hold
    the learned weights in label order ``labels``.
    """

    def __init__(self, labels: Sequence[str], C: float = 1.0, seed: int = SEED) -> None:
        self.labels = tuple(labels)
        self.C = C
        self.seed = seed

    def fit(self, X, y) -> "HeadTrainer":
        """Learn weights from design matrix ``X`` and labels ``y``."""
        from sklearn.linear_model import LogisticRegression

        m = LogisticRegression(C=self.C, max_iter=3000, class_weight="balanced",
                               random_state=self.seed)
        m.fit(X, y)
        order = [list(m.classes_).index(c) for c in self.labels]
        coef = m.coef_
        icpt = m.intercept_
        if coef.shape[0] == 1:  # binary: sklearn keeps one row for classes_[1]
            coef = np.vstack([-coef[0] / 2, coef[0] / 2])
            icpt = np.array([-icpt[0] / 2, icpt[0] / 2])
        self.coef_ = coef[order].T.astype(np.float32)
        self.intercept_ = icpt[order].astype(np.float32)
        return self

    def predict(self, X) -> np.ndarray:
        """Most likely label per row."""
        z = X @ self.coef_ + self.intercept_
        return np.asarray(self.labels)[np.argmax(z, axis=1)]


def _macro_f1(y, p, labels) -> float:
    from sklearn.metrics import f1_score

    present = [c for c in labels if c in set(y)]
    return float(f1_score(y, p, labels=present, average="macro"))


def cross_validate(spec: HeadSpec, clean: list[Example], stripped: list[Example],
                   n_features: int, log=print) -> dict:
    """Grouped 5-fold CV; returns macro-F1 and accuracy on clean and stripped text."""
    import scipy.sparse as sp
    from sklearn.metrics import classification_report
    from sklearn.model_selection import GroupKFold

    Xc, y, g = design_matrix(clean, spec.slots, n_features)
    Xs, _, _ = design_matrix(stripped, spec.slots, n_features)
    pc = np.empty(len(y), dtype=object)
    ps = np.empty(len(y), dtype=object)
    for fold, (tr, te) in enumerate(GroupKFold(N_FOLDS).split(Xc, y, g)):
        X = sp.vstack([Xc[tr], Xs[tr]], format="csr")
        m = HeadTrainer(spec.labels, spec.C).fit(X, np.concatenate([y[tr], y[tr]]))
        pc[te] = m.predict(Xc[te])
        ps[te] = m.predict(Xs[te])
        log(f"  {spec.name} fold {fold + 1}/{N_FOLDS} done")
    report = classification_report(y, pc, labels=list(spec.labels), output_dict=True, zero_division=0)
    return {
        "macro_f1": round(_macro_f1(y, pc, spec.labels), 4),
        "accuracy": round(float(np.mean(pc == y)), 4),
        "macro_f1_stripped": round(_macro_f1(y, ps, spec.labels), 4),
        "accuracy_stripped": round(float(np.mean(ps == y)), 4),
        "n": int(len(y)),
        "per_class_f1": {c: round(report[c]["f1-score"], 4) for c in spec.labels},
    }


def _data_digest(data_dir: Path) -> str:
    h = hashlib.sha256()
    for name in ("AnnoMI-simple.csv", "AnnoMI-full.csv"):
        h.update((data_dir / name).read_bytes())
    return h.hexdigest()[:16]


def train(data_dir: Path, out_dir: Path, *, cv: bool = True, log=print) -> dict:
    """Cross-validate and fit every head; write the bundle; return the header's figures."""
    np.random.seed(SEED)
    t0 = time.perf_counter()
    sessions = load_sessions(data_dir)
    vec = NgramVectorizer(min_df=2).fit(normalize(t) for s in sessions for t in s.texts)
    log(f"{len(sessions)} sessions, {vec.n_features} n-gram columns")
    heads, figures = [], {}
    for spec in HEADS:
        clean = build_examples(sessions, spec, vec, strip=False)
        stripped = build_examples(sessions, spec, vec, strip=True)
        if cv:
            figures[spec.name] = cross_validate(spec, clean, stripped, vec.n_features, log)
            log(f"{spec.name}: {json.dumps(figures[spec.name])}")
        import scipy.sparse as sp

        Xc, y, _ = design_matrix(clean, spec.slots, vec.n_features)
        Xs, _, _ = design_matrix(stripped, spec.slots, vec.n_features)
        m = HeadTrainer(spec.labels, spec.C).fit(sp.vstack([Xc, Xs], format="csr"),
                                                 np.concatenate([y, y]))
        heads.append(LinearHead(spec.name, spec.labels, spec.slots, m.coef_, m.intercept_))
    meta = {
        "trained_on": "AnnoMI (100 transcripts: simple.csv moves/client talk, full.csv subtypes)",
        "data_sha256_16": _data_digest(data_dir),
        "seed": SEED,
        "cv": f"{N_FOLDS}-fold GroupKFold by transcript_id, clean + stripped copies in training",
        "cv_figures": figures,
        "dense_features": len(DENSE_NAMES),
        "train_seconds": round(time.perf_counter() - t0, 1),
    }
    save_text_model(out_dir, "moves", MODEL_VERSION, vec, heads, meta)
    return meta


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m alliance.training.moves DATA_DIR [--out DIR] [--no-cv]``."""
    p = argparse.ArgumentParser(prog="python -m alliance.training.moves", description=__doc__.split("\n\n")[0])
    p.add_argument("data_dir", type=Path, help="folder with AnnoMI-simple.csv and AnnoMI-full.csv")
    p.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "models")
    p.add_argument("--no-cv", action="store_true", help="skip cross-validation (fit and export only)")
    args = p.parse_args(argv)
    meta = train(args.data_dir, args.out, cv=not args.no_cv, log=lambda m: print(m, file=sys.stderr))
    print(json.dumps(meta, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
