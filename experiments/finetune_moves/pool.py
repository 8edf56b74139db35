"""Step 5: pooled macro-F1 of a run over the folds it has, against the shipped LR on the same rows.

Reads every ``<work>/out/<tag>_f<k>.npz`` written by ft.py and the LR's
out-of-fold probabilities from baseline.py's dump, and prints one JSON line:
the fine-tuned model (``ft``), the LR (``lr``) and their ensemble (``ens``,
argmax of the summed probabilities), each pooled over the available folds,
with per-class F1, on clean and on punctuation-stripped text.
"""
from __future__ import annotations

import argparse
import json

import numpy as np
from sklearn.metrics import f1_score

from _common import TASKS, add_work_option, data_file


def main(argv=None) -> int:
    """Command line: ``pool.py TASK TAG [--work DIR]``."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("task", choices=TASKS)
    ap.add_argument("tag", help="run name as written by ft.py, e.g. move_L6_e3_lr5e-05_prev_other")
    add_work_option(ap)
    a = ap.parse_args(argv)
    D = json.loads(data_file(a.work, a.task).read_text())
    labels = D["labels"]
    lr = {(r["tid"], r["uid"]): (r["lr_p"], r["lr_ps"]) for r in D["rows"]}
    Pc, Ps, Y, Lc, Ls, folds = [], [], [], [], [], []
    for f in sorted((a.work / "out").glob(f"{a.tag}_f*.npz")):
        z = np.load(f)
        folds.append(f.stem.rsplit("_f", 1)[1])
        Pc.append(z["Pc"])
        Ps.append(z["Ps"])
        Y.append(z["y"])
        Lc.append(np.array([lr[(t, int(u))][0] for t, u in zip(z["tid"], z["uid"])]))
        Ls.append(np.array([lr[(t, int(u))][1] for t, u in zip(z["tid"], z["uid"])]))
    if not folds:
        ap.error(f"no {a.tag}_f*.npz in {a.work / 'out'}")
    Pc, Ps, Y, Lc, Ls = map(np.concatenate, (Pc, Ps, Y, Lc, Ls))

    def f(P):
        return round(float(f1_score(Y, P.argmax(1), average="macro")), 4)

    def pc(P):
        return dict(zip(labels, [round(float(v), 4) for v in
                                 f1_score(Y, P.argmax(1), average=None, labels=range(len(labels)))]))

    print(json.dumps(dict(task=a.task, tag=a.tag, folds=folds, n=len(Y), ft=f(Pc), ft_per_class=pc(Pc),
                          ft_stripped=f(Ps), lr=f(Lc), lr_per_class=pc(Lc), lr_stripped=f(Ls), ens=f(Pc + Lc),
                          ens_per_class=pc(Pc + Lc), ens_stripped=f(Ps + Ls))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
