"""Build the shipped relationship-talk scorer (``alliance/models/relational.*``).

Run ``python -m alliance.training.relational`` (needs scikit-learn) from the
repository root. It

1. reads the hand-labelled gold sessions of :data:`GOLD_SPLITS` (``gold/dev``,
   ``gold/heldout``, ``gold/train2`` and ``gold/test`` to ``gold/test52``, less
   any split named with ``--hold-out``: the thresholds were checked on a build
   that held out ``test47`` to ``test52``, see the model card), the paraphrase bank
   (``tests/data/paraphrases/relationship.txt``: the last turn of each case is
   labelled) and, as weak negatives (weight :data:`ANNOMI_WEIGHT`, since a few
   may be genuine relationship talk), every utterance of AnnoMI
   (``--annomi``; read at training time only, never copied);
2. builds the features of :mod:`alliance.annotators._relmodel` (n-grams of the
   utterance and the previous turn, the role and turn shape);
3. cross-validates grouped by session (:data:`N_FOLDS` seeded folds over the
   gold sessions; AnnoMI split into the same number of transcript groups, so
   every AnnoMI session is scored by a model that never saw it) and compares,
   per utterance and at the episode level (cross-validated labels plugged into
   the episode builder): the rules alone, the model alone, and the rules gated
   by the model with confident model-only additions, over a grid of thresholds;
4. with the model-only episode threshold :data:`START` fixed (chosen by leaving
   one new-author split out; see the model card), picks gate and add by the best
   grouped-CV episode F1 among those with the fewest false episodes in the
   control sessions (ties: fewer cross-fitted AnnoMI episodes, then utterance F1),
   fits on everything and writes the artifacts with the figures.

For held-out studies (model card): ``--hold-out`` leaves splits out, and
``--annomi-weight``, ``--paraphrase-weight``,
``--start`` and ``--gate`` override :data:`ANNOMI_WEIGHT`, :data:`PARAPHRASE_WEIGHT`,
:data:`START` and :data:`GATES`. The defaults rebuild the shipped files.

Fixed seeds and sorted inputs: a rebuild gives the same artifacts. The
vectorizer's vocabulary is fitted once on all texts (unsupervised), which the
figures do not correct for.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

from alliance.annotators._lexicon import Dialogue
from alliance.annotators._relmodel import (
    DENSE, SUBTYPE_ORDER, CharGramVectorizer, RelationalModel, combine, dense_features, save_relational_model,
    session_rows,
)
from alliance.annotators._text import normalize
from alliance.annotators.episodes import episode_runs
from alliance.annotators.relationship import relationship_labels
from alliance.evaluate.annomi import read_annomi, to_session
from alliance.evaluate.gold import _session_from, match_spans
from alliance.model import Role, Session, Speaker, Utterance
from alliance.training.splits import EARLY, OPENED_NEW

__all__ = ["main", "train"]

SEED = 20261122
N_FOLDS = 5
#: AnnoMI negatives weigh 0.2 and each paraphrase case 2 since the nineteenth round: with
#: test17 .. test46 in training, the old 0.1 and 1 opened 37 episodes on AnnoMI (14 before)
#: and failed six specification cases; 0.2 and 2 open 17 and fail two (model card). 0.5 since
#: the twenty-sixth round: with test131 .. test199 added, 0.2 opened 48 episodes on AnnoMI in
#: a check build and 0.5 fifteen, for the same seed-pattern returns on splits it had not seen.
ANNOMI_WEIGHT = 0.5
#: Weight of a paraphrase case's labelled turn (the specification bank) against a gold utterance.
PARAPHRASE_WEIGHT = 2.0
#: The shipped build's data: every opened split (:mod:`alliance.training.splits`). It leaves
#: out train3 .. train5 (guards) and the blind splits, which nothing may be trained or
#: tuned on (gold README, "Blind measurements").
GOLD_SPLITS = ("dev", "heldout", "train2", "test", *EARLY, *OPENED_NEW)
# The gate only vetoes rule labels the model is nearly sure are wrong: at 0.2 and
# above it removed labels that the paraphrase specifications require (round four).
GATES = (0.0, 0.05, 0.1)
# 0.5 is no longer offered (nineteenth round): CV chose it for the rebuild with test17 ..
# test46, and it joined "how do you feel about that?", asked about a brother's news, to the
# frame episodes around it (the leave_asr specification). On test47 .. test52 held out, 0.6 scored
# episodes .898 -> .895, initiator .913 -> .922 and stance .756 -> .765.
ADDS = (0.6, 0.7, 0.8, 0.9, 1.01)
MODEL_THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)
# Model-only episode starters. Chosen by leaving one new-author split out
# (round eight, model card): 0.75 roughly doubled the recall the rules lose on
# unseen authors with no control false episode and AnnoMI episodes 19 -> 22;
# 0.65 scored higher still but made AnnoMI episodes 19 -> 32. Random-fold CV
# cannot choose it: there the rules have seen every session. Round nine (the
# paraphrase bank grew from ~200 to ~650 relationship cases and gold/test6 joined
# the training splits): the model grew more confident, and at 0.75 AnnoMI
# episodes rose 19 -> 23 and a therapist's interpretation ("I wonder whether
# you're scared of succeeding") opened an episode; 0.80 keeps AnnoMI at 19, every
# paraphrase case passes and the tuned splits score the same. Fifteenth round
# (test7 to test16 joined): checked again on a build that held out test15 and
# test16, which the rules had never been fitted to: 0.70 scored higher there
# (episode F1 .80 -> .83) but raised AnnoMI's episodes 13 -> 20, so 0.80 stays.
# Nineteenth round (test17 .. test46 joined, test47 .. test52 held out): 0.85 with the new
# weights kept AnnoMI at 17 episodes; 0.80 with AnnoMI weight 0.15 gave 27.
START = 0.85
C = 1.0


class Doc:
    """One training session: its dialogue, rule outputs, features and (gold) labels."""

    def __init__(self, name: str, group: str, session: Session, gold: list[str | None] | None,
                 episodes: list[tuple[int, int]] | None, weight: float, only_last: bool = False) -> None:
        self.name, self.group, self.weight = name, group, weight
        d = Dialogue(session)
        self.n = d.n
        self.rules = relationship_labels(d)
        self.dense = dense_features(d)
        self.norms = [normalize(t) for t in d.texts]
        self.gold = gold if gold is not None else [None] * d.n
        self.episodes = episodes
        self.rows_mask = [i == d.n - 1 for i in range(d.n)] if only_last else [True] * d.n
        self.rows = None


def _gold_docs(root: Path, splits: tuple[str, ...]) -> list[Doc]:
    docs = []
    for split in splits:
        for p in sorted((root / "gold" / split).glob("*.json")):
            doc = json.loads(p.read_text(encoding="utf-8"))
            s = _session_from(doc, p)
            gold = [u.get("relationship") for u in doc["utterances"]]
            eps = [(e["first"], e["last"]) for e in doc["episodes"]]
            docs.append(Doc(p.stem, p.stem, s, gold, eps, 1.0))
    return docs


def _paraphrase_docs(root: Path, weight: float = PARAPHRASE_WEIGHT) -> list[Doc]:
    docs = []
    path = root / "tests" / "data" / "paraphrases" / "relationship.txt"
    speakers = (Speaker("T", "T", Role.THERAPIST), Speaker("P", "P", Role.PATIENT))
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split(" | ")]
        expected = fields[0]
        turns = [t.partition(": ") for t in fields[1].split(" // ")]
        utts = tuple(Utterance(i, who.strip(), text.strip()) for i, (who, _, text) in enumerate(turns))
        label = None if expected == "none" else ("here_and_now" if expected == "any" else expected)
        gold = [None] * (len(utts) - 1) + [label]
        docs.append(Doc(f"para-{n}", "paraphrases", Session(f"para-{n}", speakers, utts), gold, None, weight,
                        only_last=True))
    return docs


def _annomi_docs(path: Path, weight: float = ANNOMI_WEIGHT) -> list[Doc]:
    return [Doc(f"annomi-{s.transcript_id}", f"annomi-{s.transcript_id}", to_session(s), None, None,
                weight) for s in read_annomi(path)]


def _matrix(docs: list[Doc], nf: int):
    """Sparse design matrix of the selected rows of ``docs`` (utterance, previous turn, dense)."""
    from scipy import sparse
    data, ind, ptr = [], [], [0]
    for doc in docs:
        for i in range(doc.n):
            if not doc.rows_mask[i]:
                continue
            idx, val = doc.rows[i]
            parts_i, parts_v = [idx], [val]
            if i > 0:
                pidx, pval = doc.rows[i - 1]
                parts_i.append(pidx + nf)
                parts_v.append(pval)
            dz = np.nonzero(doc.dense[i])[0]
            parts_i.append(dz + 2 * nf)
            parts_v.append(doc.dense[i][dz])
            ind.append(np.concatenate(parts_i))
            data.append(np.concatenate(parts_v))
            ptr.append(ptr[-1] + len(ind[-1]))
    return sparse.csr_matrix((np.concatenate(data), np.concatenate(ind), np.asarray(ptr)),
                             shape=(len(ptr) - 1, 2 * nf + len(DENSE)))


def _targets(docs: list[Doc]):
    y, sub, w = [], [], []
    for doc in docs:
        for i in range(doc.n):
            if doc.rows_mask[i]:
                y.append(doc.gold[i] is not None)
                sub.append(SUBTYPE_ORDER.index(doc.gold[i]) if doc.gold[i] else -1)
                w.append(doc.weight)
    return np.asarray(y, int), np.asarray(sub), np.asarray(w, float)


def _fit(docs: list[Doc], nf: int):
    from sklearn.linear_model import LogisticRegression
    X = _matrix(docs, nf)
    y, sub, w = _targets(docs)
    binary = LogisticRegression(C=C, solver="liblinear", max_iter=2000, random_state=SEED)
    binary.fit(X, y, sample_weight=w)
    pos = sub >= 0
    subtype = LogisticRegression(C=C, max_iter=2000, random_state=SEED)
    subtype.fit(X[pos], sub[pos])
    S = np.zeros((X.shape[1], len(SUBTYPE_ORDER)), np.float32)
    s_b = np.full(len(SUBTYPE_ORDER), -30.0, np.float32)  # subtypes never seen stay unreachable
    for k, cls in enumerate(subtype.classes_):
        S[:, cls] = subtype.coef_[k] if len(subtype.classes_) > 2 else (subtype.coef_[0] if k else -subtype.coef_[0])
        s_b[cls] = subtype.intercept_[k] if len(subtype.classes_) > 2 else 0.0
    return binary.coef_[0].astype(np.float32), float(binary.intercept_[0]), S, s_b


def _predict(model: RelationalModel, doc: Doc):
    return model.scores(doc.rows, doc.dense)


def _episode_counts(labels, gold_eps):
    pred = episode_runs(labels)
    tp = len(match_spans(gold_eps, pred))
    return tp, len(pred) - tp, len(gold_eps) - tp


def _utt_counts(labels, gold):
    tp = sum(a is not None and b is not None for a, b in zip(labels, gold))
    fp = sum(a is not None and b is None for a, b in zip(labels, gold))
    fn = sum(a is None and b is not None for a, b in zip(labels, gold))
    return np.array([tp, fp, fn])


def _f1(c) -> float:
    tp, fp, fn = c
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _prf(c) -> dict:
    tp, fp, fn = (int(x) for x in c)
    return {"precision": round(tp / (tp + fp), 4) if tp + fp else None,
            "recall": round(tp / (tp + fn), 4) if tp + fn else None, "f1": round(_f1(c), 4),
            "tp": tp, "fp": fp, "fn": fn}


def _candidates(start: float = START, gates: tuple[float, ...] = GATES):
    yield "rules", None, None
    for t in MODEL_THRESHOLDS:
        yield f"model>={t}", -1.0, t  # gate -1 marks "model alone"
    for g in gates:
        for a in ADDS:
            yield f"rules&p>={g}+p>={a}", g, a
            yield f"rules&p>={g}+p>={a}+start>={start}", g, (a, start)


def _labels(name, g, a, doc, p, s):
    if name == "rules":
        return doc.rules
    if g == -1.0:
        return [sub if pp >= a else None for pp, sub in zip(p, s)]
    a, start = a if isinstance(a, tuple) else (a, 1.01)
    return combine(doc.rules, p, s, g, a, start)


def train(root: Path, annomi: Path, out: Path, log=print, table_out: Path | None = None,
          hold_out: tuple[str, ...] = (), annomi_weight: float = ANNOMI_WEIGHT, start: float = START,
          gates: tuple[float, ...] = GATES, paraphrase_weight: float = PARAPHRASE_WEIGHT,
          gold_splits: tuple[str, ...] = GOLD_SPLITS) -> dict:
    """Cross-validate, choose the combination, fit on everything, write the artifacts; return figures.

    ``hold_out`` names gold splits to leave out of everything (to score them afterwards
    with the pipeline, as the model card's held-out figures were). ``annomi_weight``,
    ``start``, ``gates`` and ``paraphrase_weight`` override :data:`ANNOMI_WEIGHT`,
    :data:`START`, :data:`GATES` and :data:`PARAPHRASE_WEIGHT` (for the held-out studies
    of the model card; the defaults build the shipped files). ``gold_splits`` replaces
    :data:`GOLD_SPLITS`.
    """
    t0 = time.perf_counter()
    splits = tuple(s for s in gold_splits if s not in hold_out)
    gold, para = _gold_docs(root, splits), _paraphrase_docs(root, paraphrase_weight)
    ann = _annomi_docs(annomi, annomi_weight)
    alldocs = gold + para + ann
    vec = CharGramVectorizer(min_df=2, max_features=20000).fit(n for d in alldocs for n in d.norms)
    nf = vec.n_features
    for d in alldocs:
        d.rows = vec.transform_many(d.norms)  # one batch per session
    rng = np.random.default_rng(SEED)
    perm = rng.permutation(len(gold))
    gold_fold = {gold[j].name: k % N_FOLDS for k, j in enumerate(perm)}
    ann_fold = {d.name: k % N_FOLDS for k, d in enumerate(ann)}
    preds: dict[str, tuple] = {}
    for k in range(N_FOLDS):
        train_docs = [d for d in gold if gold_fold[d.name] != k] + para + [d for d in ann if ann_fold[d.name] != k]
        W, b, S, s_b = _fit(train_docs, nf)
        m = RelationalModel(vec, W, b, S, s_b, 0.0, 1.0, {})
        for d in gold:
            if gold_fold[d.name] == k:
                preds[d.name] = _predict(m, d)
        for d in ann:
            if ann_fold[d.name] == k:
                preds[d.name] = _predict(m, d)
        log(f"fold {k + 1}/{N_FOLDS} done ({time.perf_counter() - t0:.0f}s)")
    controls = [d for d in gold if not d.episodes]
    table = []
    for name, g, a in _candidates(start, gates):
        utt, eps, ctrl, ann_eps, ann_utts = np.zeros(3), np.zeros(3), 0, 0, 0
        for d in gold:
            labels = _labels(name, g, a, d, *preds[d.name])
            utt += _utt_counts(labels, d.gold)
            eps += _episode_counts(labels, d.episodes)
            if d in controls:
                ctrl += len(episode_runs(labels))
        for d in ann:
            labels = _labels(name, g, a, d, *preds[d.name])
            ann_eps += len(episode_runs(labels))
            ann_utts += sum(x is not None for x in labels)
        table.append({"name": name, "gate": g, "add": a, "utterances": _prf(utt), "episodes": _prf(eps),
                      "control_false_episodes": ctrl, "annomi_episodes": ann_eps, "annomi_utterances": ann_utts})
    # Never more false episodes on the controls than the rules alone make.
    combos = [r for r in table if r["gate"] is not None and r["gate"] >= 0]
    # The start threshold is fixed by the leave-one-split-out study (random folds
    # cannot judge it: the rules have seen every session); CV picks gate and add
    # among the start combinations with the fewest control false episodes.
    combos = [r for r in combos if isinstance(r["add"], list | tuple)]
    fewest = min(r["control_false_episodes"] for r in combos)
    ok = [r for r in combos if r["control_false_episodes"] == fewest]
    best = max(ok, key=lambda r: (r["episodes"]["f1"], -r["annomi_episodes"], r["utterances"]["f1"]))
    rules_row = table[0]
    model_rows = [r for r in table if r["gate"] == -1.0]
    log(f"rules: {json.dumps(rules_row)}")
    for r in model_rows:
        log(f"model: {json.dumps(r)}")
    log(f"chosen: {json.dumps(best)}")
    if table_out is not None:
        table_out.write_text(json.dumps(table, indent=1), encoding="utf-8")
    W, b, S, s_b = _fit(alldocs, nf)
    figures = {
        "cv": {"folds": N_FOLDS, "seed": SEED, "gold_sessions": len(gold), "controls": len(controls),
               "annomi_sessions": len(ann), "rules": rules_row, "model_alone": model_rows, "chosen": best},
        "data": {"gold_splits": list(splits), "gold_utterances": sum(d.n for d in gold),
                 "paraphrase_cases": len(para), "annomi_weight": annomi_weight,
                 "paraphrase_weight": paraphrase_weight},
    }
    add, start = best["add"] if isinstance(best["add"], list | tuple) else (best["add"], 1.01)
    model = RelationalModel(vec, W, b, S, s_b, float(best["gate"]), float(add),
                            {"version": "1", "figures": figures}, float(start))
    out.mkdir(parents=True, exist_ok=True)
    save_relational_model(out, model)
    log(f"wrote {out}/relational.json and .npz ({time.perf_counter() - t0:.0f}s)")
    return figures


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m alliance.training.relational [--annomi CSV] [--out DIR]``."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, default=Path("."), help="repository root (holds gold/ and tests/)")
    ap.add_argument("--annomi", type=Path, default=Path("/work/shared/data/annomi/AnnoMI-simple.csv"))
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "models")
    ap.add_argument("--table", type=Path, default=None, help="also write every candidate's CV figures here")
    ap.add_argument("--hold-out", nargs="*", default=[], metavar="SPLIT",
                    help="gold splits to leave out entirely (e.g. test33 ... test40, to score them afterwards)")
    ap.add_argument("--annomi-weight", type=float, default=ANNOMI_WEIGHT, help="weight of the AnnoMI negatives")
    ap.add_argument("--start", type=float, default=START, help="model-only episode threshold")
    ap.add_argument("--gate", type=float, nargs="*", default=list(GATES), help="gates CV may choose from")
    ap.add_argument("--paraphrase-weight", type=float, default=PARAPHRASE_WEIGHT,
                    help="weight of each paraphrase case's labelled turn")
    args = ap.parse_args(argv)
    train(args.root, args.annomi, args.out, log=lambda m: print(m, file=sys.stderr), table_out=args.table,
          hold_out=tuple(args.hold_out), annomi_weight=args.annomi_weight, start=args.start,
          gates=tuple(args.gate), paraphrase_weight=args.paraphrase_weight,
          gold_splits=GOLD_SPLITS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
