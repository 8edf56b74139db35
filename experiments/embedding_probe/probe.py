"""Per-utterance relationship talk on test33..test40, trained on the splits before them:
n-grams, sentence embeddings, and both (logistic regression; the project's venv suffices).

    python experiments/embedding_probe/probe.py OUT_DIR   # OUT_DIR written by embed.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score

#: Scored: the eight splits no rule or model had been tuned on when the probe ran.
TEST = {f"test{i}" for i in range(33, 41)}


def main(out: Path) -> None:
    """Print AUC, average precision and F1 at 0.5 for each feature set and C."""
    rows = json.loads((out / "rows.json").read_text(encoding="utf-8"))
    emb = np.load(out / "emb.npz")
    y = np.array([bool(r[5]) for r in rows])
    test = np.array([r[0] in TEST for r in rows])
    train = ~test
    same = np.array([True] + [rows[k][1] == rows[k + 1][1] for k in range(len(rows) - 1)])
    prev = [r[4] if k > 0 and same[k] else "" for k, r in zip(range(len(rows)), [None] + rows[:-1])]
    role = np.array([[r[3] == "therapist", r[3] == "patient", r[3] == "other"] for r in rows], dtype=float)

    def previous(x: np.ndarray) -> np.ndarray:
        shifted = np.vstack([np.zeros((1, x.shape[1])), x[:-1]])
        shifted[~same] = 0
        return shifted

    texts = [r[4].lower() for r in rows]
    fit_on = [texts[i] for i in np.where(train)[0]]
    words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True).fit(fit_on)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 4), min_df=3, sublinear_tf=True,
                            max_features=60000).fit(fit_on)
    prev_words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True).fit(
        [prev[i].lower() for i in np.where(train)[0]])
    ngrams = sp.hstack([words.transform(texts), chars.transform(texts),
                        0.5 * prev_words.transform([p.lower() for p in prev]), sp.csr_matrix(role)]).tocsr()
    features = {"ngrams": ngrams}
    for name in ("minilm", "m2v"):
        features[name] = sp.csr_matrix(np.hstack([emb[name], 0.5 * previous(emb[name]), role]))
        features["ngrams+" + name] = sp.hstack([ngrams, features[name]]).tocsr()
    patients = np.array([rows[i][3] != "therapist" for i in np.where(test)[0]])
    for name, x in features.items():
        for c in (1.0, 4.0):
            model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(x[train], y[train])
            p = model.predict_proba(x[test])[:, 1]
            print(f"{name:14s} C={c}: AUC {roc_auc_score(y[test], p):.3f} AP {average_precision_score(y[test], p):.3f} "
                  f"F1@.5 {f1_score(y[test], p >= .5):.3f} | patients AP "
                  f"{average_precision_score(y[test][patients], p[patients]):.3f}", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else ".cache/embedding_probe"))
