"""Step 4: speed (and fold accuracy) of an exported cross-encoder with onnxruntime + tokenizers only.

No torch and no scikit-learn are imported, so this measures what a run-time
dependency on the model would cost. The stream is realistic: whole AnnoMI
sessions in file order, each utterance with its real previous other-party
turn, until ``--n`` session utterances are covered; only the rows of the role
the model serves are classified (about half: therapist rows for ``move``,
patient rows for ``client_talk``). Two intra-op threads, no spinning, batches
of ``--bs`` sorted by length, one warm-up call, then the best of three passes.

Prints one JSON line: wall seconds (best and all three), CPU seconds (the
minimum), ``classified_per_cpu_s_x2`` (throughput if both cores were free),
the 1-minute load average at the time, model load time, peak RSS, file size,
and the macro-F1 of the ONNX model on the rows of ``--fold`` (meaningful only
for a model trained without that fold). ``--append FILE`` also appends it to
FILE (e.g. ``<work>/bench.jsonl``, read by summarize.py).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import time
from pathlib import Path

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

from _common import TASKS, add_work_option, data_file


class OnnxPairClassifier:
    """Batched (previous other-party turn, utterance) classification with an ONNX session."""

    def __init__(self, onnx_path: Path, tok_path: Path, n_labels: int, ctx: int, utt: int, bs: int) -> None:
        so = ort.SessionOptions()
        so.intra_op_num_threads = 2
        so.inter_op_num_threads = 1
        so.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.sess = ort.InferenceSession(str(onnx_path), so, providers=["CPUExecutionProvider"])
        self.tok = Tokenizer.from_file(str(tok_path))
        self.tok.no_truncation()
        self.tok.no_padding()
        self.cls, self.sep = self.tok.token_to_id("[CLS]"), self.tok.token_to_id("[SEP]")
        self.n_labels, self.ctx, self.utt, self.bs = n_labels, ctx, utt, bs

    def logits(self, pairs) -> np.ndarray:
        """Logits for ``(context, utterance)`` pairs, in input order (same encoding as ft.py)."""
        ctxs = self.tok.encode_batch([c for c, _ in pairs], add_special_tokens=False)
        utts = self.tok.encode_batch([u for _, u in pairs], add_special_tokens=False)
        seqs = []
        for c, u in zip(ctxs, utts):
            c = c.ids[-self.ctx:] if self.ctx > 0 else []
            u = u.ids[:self.utt]
            seqs.append(([self.cls] + c + [self.sep] + u + [self.sep], len(c) + 2))
        order = np.argsort([len(s) for s, _ in seqs])
        out = np.zeros((len(seqs), self.n_labels), np.float32)
        for i in range(0, len(order), self.bs):
            b = order[i:i + self.bs]
            n = max(len(seqs[j][0]) for j in b)
            X = np.zeros((len(b), n), np.int64)
            T = np.zeros_like(X)
            M = np.zeros_like(X)
            for k, j in enumerate(b):
                s, nc = seqs[j]
                X[k, :len(s)] = s
                T[k, nc:len(s)] = 1
                M[k, :len(s)] = 1
            out[b] = self.sess.run(None, {"input_ids": X, "token_type_ids": T, "attention_mask": M})[0]
        return out


def session_stream(rows, n: int):
    """Rows of whole sessions in file order until ``n`` session utterances are covered."""
    by = {}
    for r in rows:
        by.setdefault(r["tid"], []).append(r)
    stream, total_utts = [], 0
    for rs in by.values():
        stream += rs
        total_utts += max(r["idx"] for r in rs) + 1
        if total_utts >= n:
            break
    return stream, total_utts


def macro_f1(y: np.ndarray, p: np.ndarray, n_labels: int) -> float:
    """Macro-F1 over all labels, in numpy (no scikit-learn at bench time)."""
    f1s = []
    for c in range(n_labels):
        tp = np.sum((p == c) & (y == c))
        fp = np.sum((p == c) & (y != c))
        fn = np.sum((p != c) & (y == c))
        f1s.append(2 * tp / max(2 * tp + fp + fn, 1))
    return float(np.mean(f1s))


def main(argv=None) -> int:
    """Command line; see ``--help``."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("onnx", type=Path, help="model file (model.onnx, model.int8.onnx, model.int8pc.onnx)")
    ap.add_argument("--tokenizer", type=Path, default=None,
                    help="tokenizer.json (default: the one beside the ONNX file, saved by ft.py --save)")
    ap.add_argument("--task", default="move", choices=TASKS)
    ap.add_argument("--n", type=int, default=600, help="session utterances in the stream (default 600 = one hour)")
    ap.add_argument("--ctx", type=int, default=48, help="context tokens; 0 drops the context (speed only)")
    ap.add_argument("--utt", type=int, default=64)
    ap.add_argument("--bs", type=int, default=32)
    ap.add_argument("--fold", type=int, default=0, help="fold whose rows are scored for accuracy (default 0)")
    ap.add_argument("--append", type=Path, default=None, help="also append the JSON line to this file")
    add_work_option(ap)
    a = ap.parse_args(argv)
    D = json.loads(data_file(a.work, a.task).read_text())
    rows, labels = D["rows"], D["labels"]
    t0 = time.perf_counter()
    clf = OnnxPairClassifier(a.onnx, a.tokenizer or a.onnx.parent / "tokenizer.json", len(labels),
                             a.ctx, a.utt, a.bs)
    load_s = time.perf_counter() - t0
    stream, total_utts = session_stream(rows, a.n)
    pairs = [(r["prev_other"], r["text"]) for r in stream]
    clf.logits(pairs[:8])  # warm-up
    ts, cpu = [], []
    for _ in range(3):
        t1 = time.perf_counter()
        c1 = time.process_time()
        clf.logits(pairs)
        ts.append(time.perf_counter() - t1)
        cpu.append(time.process_time() - c1)
    best = min(ts)
    load = os.getloadavg()[0]
    te = [r for r in rows if r["fold"] == a.fold]
    P = clf.logits([(r["prev_other"], r["text"]) for r in te])
    lab = {c: i for i, c in enumerate(labels)}
    y = np.array([lab[r["label"]] for r in te])
    res = dict(model=str(a.onnx), task=a.task, session_utts=total_utts, classified=len(pairs),
               seconds_best=round(best, 3), seconds_all=[round(t, 3) for t in ts], cpu_s_min=round(min(cpu), 3),
               classified_per_cpu_s_x2=round(2 * len(pairs) / min(cpu), 1), load1=load,
               classified_per_s=round(len(pairs) / best, 1),
               session_utts_per_s=round(total_utts / best, 1),
               load_s=round(load_s, 3), rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
               size_mb=round(os.path.getsize(a.onnx) / 1e6, 2),
               **{f"fold{a.fold}_macro_f1": round(macro_f1(y, P.argmax(1), len(labels)), 4)})
    if a.ctx == 0:
        res = dict(note="NO CONTEXT (CTX=0), speed only; F1 meaningless", **res)
    line = json.dumps(res)
    print(line)
    if a.append:
        with open(a.append, "a") as fh:
            fh.write(line + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
