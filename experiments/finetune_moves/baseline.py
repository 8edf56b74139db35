"""Step 1: the shipped TF-IDF + logistic-regression heads, out of fold, row by row.

Runs the project's own training code unchanged (``alliance.training.moves``:
same n-gram vectorizer, same class-balanced LR and C, same seed, the same
``GroupKFold(5)`` split by transcript as the model card's CV table) and dumps,
per task, one JSON file ``<work>/data_<task>.json`` with one row per labelled
utterance: transcript id, utterance id and index, its text and punctuation-
stripped text, the previous other-party turn (raw and stripped), the previous
same-party turn, the gold label, the fold it is tested in, and the LR's
out-of-fold probabilities on clean (``lr_p``) and stripped (``lr_ps``) text.

Every later step reads these dumps, so the fine-tuned model and the baseline
are scored on exactly the same rows and folds. The dumps contain AnnoMI text:
they stay in the work directory and are never committed.

Needs alliance installed (``pip install -e .``) and scikit-learn. Prints the
pooled and per-fold LR macro-F1 (move 0.7252, client talk 0.511, as in the card).
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold

from alliance.annotators._text import NgramVectorizer, normalize
from alliance.training import moves as M

from _common import DEFAULT_ANNOMI, TASKS, add_work_option, data_file


def softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise softmax of logits."""
    z = z - z.max(1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(1, keepdims=True)


def rows_for(clean, byid) -> list[dict]:
    """One dict per labelled utterance, in design-matrix row order."""
    rows = []
    for ex in clean:
        s = byid[ex.group]
        for k in range(len(ex.y)):
            i, po, no, ps = (int(v) for v in ex.neighbours[k])
            u = s.utterances[i]
            rows.append(dict(tid=ex.group, uid=u.utterance_id, idx=i, text=u.text, stripped=normalize(u.text),
                             prev_other=s.utterances[po].text if po >= 0 else "",
                             prev_other_s=normalize(s.utterances[po].text) if po >= 0 else "",
                             prev_same=s.utterances[ps].text if ps >= 0 else "",
                             label=ex.y[k]))
    return rows


def run_task(spec, sessions, byid, vec, out: Path) -> None:
    """Cross-validate the shipped head for ``spec`` and write its row dump to ``out``."""
    t0 = time.time()
    clean = M.build_examples(sessions, spec, vec, strip=False)
    stripped = M.build_examples(sessions, spec, vec, strip=True)
    Xc, y, g = M.design_matrix(clean, spec.slots, vec.n_features)
    Xs, _, _ = M.design_matrix(stripped, spec.slots, vec.n_features)
    rows = rows_for(clean, byid)
    assert len(rows) == len(y) and all(r["label"] == yy for r, yy in zip(rows, y))
    P = np.zeros((len(y), len(spec.labels)))
    PS = np.zeros_like(P)
    fold = np.zeros(len(y), int)
    # Exactly the loop of alliance.training.moves.cross_validate, keeping probabilities.
    for f, (tr, te) in enumerate(GroupKFold(M.N_FOLDS).split(Xc, y, g)):
        X = sp.vstack([Xc[tr], Xs[tr]], format="csr")
        m = M.HeadTrainer(spec.labels, spec.C).fit(X, np.concatenate([y[tr], y[tr]]))
        P[te] = softmax(np.asarray(Xc[te] @ m.coef_) + m.intercept_)
        PS[te] = softmax(np.asarray(Xs[te] @ m.coef_) + m.intercept_)
        fold[te] = f
        print(spec.name, "fold", f, "done", round(time.time() - t0, 1), flush=True)
    for k, r in enumerate(rows):
        r["fold"] = int(fold[k])
        r["lr_p"] = P[k].round(5).tolist()
        r["lr_ps"] = PS[k].round(5).tolist()
    out.write_text(json.dumps(dict(labels=spec.labels, rows=rows)))
    lab = np.asarray(spec.labels)
    pc, ps_ = lab[P.argmax(1)], lab[PS.argmax(1)]
    print(spec.name, "LR macroF1", round(f1_score(y, pc, average="macro"), 4), "stripped",
          round(f1_score(y, ps_, average="macro"), 4),
          "per fold", [round(f1_score(y[fold == f], pc[fold == f], average="macro"), 4) for f in range(M.N_FOLDS)],
          "secs", round(time.time() - t0, 1), flush=True)


def main(argv=None) -> int:
    """Command line: ``baseline.py [--annomi DIR] [--work DIR] [TASK ...]``."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("tasks", nargs="*", metavar="TASK",
                    help="move and/or client_talk (default: both)")
    ap.add_argument("--annomi", type=Path, default=DEFAULT_ANNOMI,
                    help=f"AnnoMI directory with AnnoMI-simple.csv and AnnoMI-full.csv (default: {DEFAULT_ANNOMI})")
    add_work_option(ap)
    a = ap.parse_args(argv)
    tasks = a.tasks or list(TASKS)
    if set(tasks) - set(TASKS):
        ap.error(f"unknown task(s): {sorted(set(tasks) - set(TASKS))}; choose from {TASKS}")
    a.work.mkdir(parents=True, exist_ok=True)
    np.random.seed(M.SEED)
    sessions = M.load_sessions(a.annomi)
    byid = {s.transcript_id: s for s in sessions}
    vec = NgramVectorizer(min_df=2).fit(normalize(t) for s in sessions for t in s.texts)
    for spec in M.HEADS:
        if spec.name in tasks:
            run_task(spec, sessions, byid, vec, data_file(a.work, spec.name))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
