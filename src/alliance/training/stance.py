"""Build the shipped stance reader (``alliance/models/stance.*``).

Run ``python -m alliance.training.stance`` (needs scikit-learn and scipy) from
the repository root. It

1. reads the hand-labelled gold sessions of :data:`GOLD_SPLITS` (explicit
   names, never a glob) and runs the shipped pipeline over each (relationship
   labels, rupture markers and the rules' episodes, whose stance the reader
   checks);
2. makes training examples of two kinds, both with the gold stance as target:
   the gold episodes (gold boundaries and relationship labels) and the
   pipeline's episodes matched to a gold one (the pipeline's labels: what the
   reader sees at run time); features are those of
   :func:`alliance.annotators._stancemodel.episode_view`;
3. cross-validates by split over the new authors' splits (:data:`CV_FOLDS`:
   each fold is fitted, vocabulary included, on every other split and scores
   the fold's pipeline episodes matched to gold, the figure ``alliance
   evaluate gold`` reports as ``stance_accuracy``), with any change allowed
   and with only the changes of :data:`~alliance.annotators._stancemodel.OVERRIDES`;
4. chooses the override threshold from :data:`THRESHOLDS` for the allowed
   changes: the best pooled gain among thresholds that lose on no fold,
   change no stance the whole-session specification banks (:data:`BANKS`,
   ``tests/data/``) expect, and gain at least :data:`MIN_GAIN` of the pooled
   matched episodes (ties: the higher, more conservative threshold); when none
   qualifies, the threshold is :data:`~alliance.annotators._stancemodel.RULES_ALONE`;
5. fits on every split (``--without SPLIT ...``: not on those, for scoring
   them with ``alliance evaluate gold``) and writes the artifacts with the
   figures.

Fixed seeds and sorted inputs: a rebuild gives the same artifacts. Outputs name
splits and counts, never transcript text.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

from alliance.annotators._lexicon import Dialogue
from alliance.annotators._relmodel import CharGramVectorizer
from alliance.annotators._stancemodel import (
    BLOCKS, DENSE, HEADS, OVERRIDES, RULES_ALONE, STANCES, EpisodeView, StanceModel, combine, episode_view,
    save_stance_model,
)
from alliance.annotators.episodes import patient_stance_of
from alliance.evaluate.gold import _session_from, match_spans
from alliance.training.splits import EARLY, OPENED_NEW

__all__ = ["main", "train", "GOLD_SPLITS", "CV_FOLDS"]

SEED = 20261122
#: Every opened split the shipped model learns from (never a blind one: :mod:`alliance.training.splits`).
GOLD_SPLITS = ("dev", "heldout", "test", "train2", "train3", "train4", "train5", *EARLY, *OPENED_NEW)
#: Split-level cross-validation over the new authors' splits (folds of ten to sixteen splits; test99..test114
#: since the twenty-first round); each fold is scored by a model fitted without it.
CV_FOLDS = {"test115-130": tuple(f"test{i}" for i in range(115, 131)),
            "test99-114": tuple(f"test{i}" for i in range(99, 115)),
            "test83-92": tuple(f"test{i}" for i in range(83, 93)),
            "test53-58,77-82": (*(f"test{i}" for i in range(53, 59)), *(f"test{i}" for i in range(77, 83))),
            "test41-52": tuple(f"test{i}" for i in range(41, 53)),
            "test29-40": tuple(f"test{i}" for i in range(29, 41)),
            "test17-28": tuple(f"test{i}" for i in range(17, 29))}
THRESHOLDS = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
#: The smallest pooled cross-validated gain (share of matched episodes) that lets the reader in.
MIN_GAIN = 0.02
C = 1.0
#: Weight of the gold-boundary examples against the pipeline-matched ones.
GOLD_WEIGHT = 1.0
MAX_FEATURES = 20000
#: Whole-session specification banks (``tests/data/``): expected initiator, stance and return per episode.
BANKS = ("relationship_sessions.txt", "relationship_openers.txt")
_BANK_ROLES = {"t": ("Dr. Vale", "therapist"), "p": ("Robin", "patient"), "q": ("Alex", "patient"),
               "o": ("Mum", "other")}


class Example:
    """One episode: its view for the model, its rule stance and its gold stance."""

    def __init__(self, view: EpisodeView, rule: str, gold: str, kind: str) -> None:
        self.view, self.rule, self.gold, self.kind = view, rule, gold, kind


class Doc:
    """One gold session: its examples of both kinds and its texts (for the vocabulary)."""

    def __init__(self, split: str, path: Path) -> None:
        from alliance.analysis import analyze_session
        doc = json.loads(path.read_text(encoding="utf-8"))
        session = _session_from(doc, path)
        self.name, self.split = f"{split}/{path.stem}", split
        d = Dialogue(session)
        self.norms = list(d.norms)
        s = analyze_session(session).session
        rel, markers = s.labels("relationship"), s.labels("rupture")
        g_rel = [u.get("relationship") for u in doc["utterances"]]
        g_eps = doc.get("episodes") or []
        self.gold_examples = []
        for e in g_eps:
            rule = patient_stance_of(d, e["first"], e["last"], g_rel, markers)
            self.gold_examples.append(Example(episode_view(d, e["first"], e["last"], g_rel, markers), rule,
                                              e["patient_stance"], "gold"))
        # The pipeline's own episodes; the rules' stance is recomputed (the pipeline may already
        # run a shipped reader).
        p_eps = [(sp.first, sp.last) for sp in s.spans_of("episode")]
        self.pipeline_examples = []
        for gi, pi in match_spans([(e["first"], e["last"]) for e in g_eps], p_eps):
            a, b = p_eps[pi]
            rule = patient_stance_of(d, a, b, rel, markers)
            self.pipeline_examples.append(Example(episode_view(d, a, b, rel, markers), rule,
                                                  g_eps[gi]["patient_stance"], "pipeline"))


def _bank_examples(root: Path) -> list[Example]:
    """The episodes of the whole-session banks whose count matches the bank's, with the expected stance."""
    from alliance.analysis import analyze_session
    from alliance.model import Role, Session, Speaker, Utterance
    out = []
    for name in BANKS:
        path = root / "tests" / "data" / name
        if not path.is_file():
            continue
        cases, expected, turns = [], None, []
        for line in path.read_text(encoding="utf-8").splitlines() + ["## end | none"]:
            if line.startswith("## "):
                if expected is not None:
                    cases.append((turns, expected))
                spec = line[3:].partition(" | ")[2].strip()
                expected = [] if spec == "none" else [e.split()[1] for e in spec.split(", ")]
                turns = []
            elif line and not line.startswith("#"):
                who, _, text = line.partition(": ")
                turns.append((_BANK_ROLES[who.lower()], text))
        for k, (turns, expected) in enumerate(cases):
            speakers = {n: Speaker(n, n, Role(r)) for (n, r), _ in turns}
            session = Session(f"{name}-{k}", tuple(speakers.values()),
                              tuple(Utterance(i, n, text) for i, ((n, _), text) in enumerate(turns)))
            s = analyze_session(session).session
            d = Dialogue(s)
            rel, markers = s.labels("relationship"), s.labels("rupture")
            runs = [(sp.first, sp.last) for sp in s.spans_of("episode")]
            if len(runs) != len(expected):
                continue  # the bank's own test fails on the boundaries already: not the reader's to judge
            for (a, b), want in zip(runs, expected):
                rule = patient_stance_of(d, a, b, rel, markers)
                out.append(Example(episode_view(d, a, b, rel, markers), rule, want, "bank"))
    return out


def _docs(root: Path, splits: tuple[str, ...], log=print) -> list[Doc]:
    docs = []
    for split in splits:  # explicit split names: never a glob over gold/*
        for p in sorted((root / "gold" / split).glob("*.json")):
            docs.append(Doc(split, p))
        log(f"read {split}")
    return docs


def _matrix(examples: list[Example], vec):
    """Sparse design matrix: one TF-IDF block per text of :data:`BLOCKS`, then the dense columns."""
    from scipy import sparse
    nf, nb = vec.n_features, len(BLOCKS)
    rows = vec.transform_many([t for ex in examples for t in ex.view.texts])
    data, ind, ptr = [], [], [0]
    for e, ex in enumerate(examples):
        parts_i, parts_v = [], []
        for k in range(nb):
            idx, val = rows[e * nb + k]
            parts_i.append(idx + k * nf)
            parts_v.append(val)
        dense = np.asarray(ex.view.dense, np.float32)
        nz = np.nonzero(dense)[0]
        parts_i.append(nz + nb * nf)
        parts_v.append(dense[nz])
        ind.append(np.concatenate(parts_i))
        data.append(np.concatenate(parts_v))
        ptr.append(ptr[-1] + len(ind[-1]))
    return sparse.csr_matrix((np.concatenate(data), np.concatenate(ind), np.asarray(ptr)),
                             shape=(len(examples), nb * nf + len(DENSE)))


def _examples(docs: list[Doc]) -> list[Example]:
    return [ex for doc in docs for ex in doc.gold_examples + doc.pipeline_examples]


def _vectorizer(docs: list[Doc]) -> CharGramVectorizer:
    """The n-gram vocabulary of ``docs``' utterances (unsupervised, but fitted without a scored fold)."""
    return CharGramVectorizer(min_df=2, max_features=MAX_FEATURES).fit(n for doc in docs for n in doc.norms)


def _fit(docs: list[Doc], vec, c: float = C) -> tuple[np.ndarray, np.ndarray]:
    """The softmax head (:data:`HEADS`, one column per stance) on both kinds of example: ``(W, b)``."""
    from sklearn.linear_model import LogisticRegression
    exs = _examples(docs)
    X = _matrix(exs, vec)
    w = np.asarray([GOLD_WEIGHT if ex.kind == "gold" else 1.0 for ex in exs])
    y = np.asarray([HEADS.index(ex.gold) for ex in exs])
    clf = LogisticRegression(C=c, max_iter=3000, random_state=SEED).fit(X, y, sample_weight=w)
    order = [list(clf.classes_).index(k) for k in range(len(HEADS))]
    return clf.coef_[order].T.astype(np.float32), clf.intercept_[order].astype(np.float32)


def _counts(examples: list[Example], p: np.ndarray) -> dict:
    """Right stances among ``examples``: rules, model alone, and combined per threshold, any change
    (``any@t``) or only the allowed ones (``t``)."""
    out = {"n": len(examples), "rules": sum(ex.rule == ex.gold for ex in examples),
           "model": sum(STANCES[int(np.argmax(pp))] == ex.gold for ex, pp in zip(examples, p))}
    for t in THRESHOLDS:
        out[f"any@{t}"] = sum(combine(ex.rule, pp, t) == ex.gold for ex, pp in zip(examples, p))
        out[str(t)] = sum(combine(ex.rule, pp, t, OVERRIDES) == ex.gold for ex, pp in zip(examples, p))
    return out


def _score(model: StanceModel, docs: list[Doc]) -> dict:
    """Matched-episode stance counts over ``docs``, and the same on gold boundaries (secondary)."""
    exs = [ex for doc in docs for ex in doc.pipeline_examples]
    gexs = [ex for doc in docs for ex in doc.gold_examples]
    return {**_counts(exs, model.proba([ex.view for ex in exs])),
            "gold_boundaries": _counts(gexs, model.proba([ex.view for ex in gexs]))}


def _bank_breaks(model: StanceModel, examples: list[Example]) -> dict[str, int]:
    """Per threshold, bank episodes the rules get right and the combination gets wrong (any change; allowed)."""
    p = model.proba([ex.view for ex in examples])
    out = {}
    for t in THRESHOLDS:
        for key, moves in ((f"any@{t}", None), (str(t), OVERRIDES)):
            out[key] = sum(ex.rule == ex.gold and combine(ex.rule, pp, t, moves) != ex.gold
                           for ex, pp in zip(examples, p))
    return out


def _choose(folds: dict[str, dict], bank: dict[str, int]) -> tuple[float, dict]:
    """The override threshold for the allowed changes (see the module docstring) and its table."""
    n = sum(r["n"] for r in folds.values())
    table = {}
    for t in THRESHOLDS:
        key = str(t)
        gains = {f: r[key] - r["rules"] for f, r in folds.items()}
        table[key] = {"pooled_gain": sum(gains.values()), "fold_gains": gains, "bank_breaks": bank[key]}
    ok = [t for t in THRESHOLDS if min(table[str(t)]["fold_gains"].values()) >= 0
          and table[str(t)]["bank_breaks"] == 0 and table[str(t)]["pooled_gain"] >= MIN_GAIN * n]
    if not ok:
        return RULES_ALONE, table
    return max(ok, key=lambda t: (table[str(t)]["pooled_gain"], t)), table


def train(root: Path, out: Path, log=print, c: float = C, without: tuple[str, ...] = (),
          fold_models: Path | None = None) -> dict:
    """Cross-validate by split, choose the threshold, fit on every split but ``without``, write; return figures.

    ``fold_models``: also write each fold's model (fitted without the fold, with the chosen threshold)
    to ``fold_models/<fold>/``, for checking the fold's figure with ``evaluate_gold``.
    """
    t0 = time.perf_counter()
    docs = _docs(root, GOLD_SPLITS, log)
    bank_examples = _bank_examples(root)
    folds, breaks, fold_fits = {}, [], {}
    for name, splits in CV_FOLDS.items():
        rest = [doc for doc in docs if doc.split not in splits]
        vec = _vectorizer(rest)
        model = StanceModel(vec, *_fit(rest, vec, c), RULES_ALONE, {})
        fold_fits[name] = model
        folds[name] = _score(model, [doc for doc in docs if doc.split in splits])
        breaks.append(_bank_breaks(model, bank_examples))
        log(f"fold {name}: {json.dumps(folds[name])} ({time.perf_counter() - t0:.0f}s)")
    kept = [doc for doc in docs if doc.split not in without]
    vec = _vectorizer(kept)
    W, b = _fit(kept, vec, c)
    # The banks judge the fold models and the one written.
    breaks.append(_bank_breaks(StanceModel(vec, W, b, RULES_ALONE, {}), bank_examples))
    bank = {t: max(x[t] for x in breaks) for t in breaks[0]}
    log(f"bank episodes {len(bank_examples)}, rules right {sum(ex.rule == ex.gold for ex in bank_examples)}; "
        f"broken per threshold: {json.dumps(bank)}")
    threshold, table = _choose(folds, bank)
    log(f"threshold table: {json.dumps(table)}")
    log(f"chosen threshold: {threshold}")
    keys = ("n", "rules", "model", *(f"any@{t}" for t in THRESHOLDS), *map(str, THRESHOLDS))
    pooled = {k: sum(r[k] for r in folds.values()) for k in keys}
    figures = {"cv": {"folds": {f: {"splits": list(CV_FOLDS[f]), **r} for f, r in folds.items()}, "pooled": pooled},
               "threshold_table": table, "bank_breaks": bank, "moves": [list(m) for m in OVERRIDES],
               "data": {"gold_splits": [s for s in GOLD_SPLITS if s not in without], "sessions": len(kept),
                        "gold_episodes": sum(len(doc.gold_examples) for doc in kept),
                        "matched_pipeline_episodes": sum(len(doc.pipeline_examples) for doc in kept)},
               "C": c, "seed": SEED, "without": list(without)}
    model = StanceModel(vec, W, b, float(threshold), {"version": "2", "figures": figures}, OVERRIDES)
    out.mkdir(parents=True, exist_ok=True)
    save_stance_model(out, model)
    for name, m in fold_fits.items() if fold_models is not None else ():
        (fold_models / name).mkdir(parents=True, exist_ok=True)
        save_stance_model(fold_models / name, StanceModel(m.vectorizer, m.W, m.b, float(threshold),
                                                          {"version": "2", "without": list(CV_FOLDS[name])}))
    log(f"wrote {out}/stance.json and .npz ({time.perf_counter() - t0:.0f}s)")
    return figures


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m alliance.training.stance [--root DIR] [--out DIR] [--without SPLIT ...]``."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, default=Path("."), help="repository root (holds gold/)")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "models")
    ap.add_argument("--C", type=float, default=C, help="inverse regularisation strength")
    ap.add_argument("--without", nargs="+", default=[], metavar="SPLIT", choices=GOLD_SPLITS,
                    help="fit the written model without these splits (to score them with alliance evaluate gold)")
    ap.add_argument("--fold-models", type=Path, default=None, metavar="DIR",
                    help="also write each cross-validation fold's model to DIR/<fold>/")
    args = ap.parse_args(argv)
    train(args.root, args.out, log=lambda m: print(m, file=sys.stderr), c=args.C, without=tuple(args.without),
          fold_models=args.fold_models)
    return 0


if __name__ == "__main__":
    sys.exit(main())
