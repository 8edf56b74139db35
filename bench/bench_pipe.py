"""Would batching sessions through the annotators pay off? Measured over 100 sessions.

``Pipeline.pipe(sessions, batch_size=...)`` streams sessions through the
pipeline. This measures, on 100 synthetic sessions (composed by
:mod:`bench_pipeline`, no real transcript; 120 utterances each, short
sessions being where per-call overhead would weigh most):

- the whole pipeline: one session at a time, and ``pipe`` with several
  batch sizes (seconds, CPU time; they should agree);
- the upper bound of batching the numpy models: vectorizing every
  utterance of all 100 sessions in one ``transform_many`` call instead of
  one call per session, for both shipped vectorizers (the only step whose
  cost could shrink by batching; the weight gathers and the per-utterance
  Python work scale with the number of utterances either way);
- peak traced memory of ``pipe`` over a lazy stream with batch sizes 1 and 100.

Run by hand::

    .venv/bin/python bench/bench_pipe.py [--sessions 100] [--utterances 120]
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_pipeline import synthetic_session  # noqa: E402

from alliance.annotators._relmodel import load_relational_model  # noqa: E402
from alliance.annotators._text import normalize  # noqa: E402
from alliance.annotators.moves import load_moves_model  # noqa: E402
from alliance.pipeline import default_pipeline  # noqa: E402


def _cpu(fn) -> float:
    t = time.process_time()
    fn()
    return time.process_time() - t


def main() -> int:
    """Print the timings."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sessions", type=int, default=100)
    ap.add_argument("--utterances", type=int, default=120)
    args = ap.parse_args()
    pipe = default_pipeline()

    def stream():
        return (synthetic_session(args.utterances, seed=k) for k in range(args.sessions))

    sessions = list(stream())
    pipe(synthetic_session(args.utterances, seed=10_000))  # warm: lazily built lookups
    rows = [("one session at a time", _cpu(lambda: [pipe(s) for s in sessions]))]
    for size in (1, 16, 100):
        rows.append((f"pipe(batch_size={size})", _cpu(lambda: list(pipe.pipe(sessions, batch_size=size)))))

    norms = [[normalize(u.text) for u in s.utterances] for s in sessions]
    flat = [n for ns in norms for n in ns]
    for name, vec in (("relationship", load_relational_model().vectorizer), ("moves", load_moves_model().vectorizer)):
        rows.append((f"{name} vectorizer, one call per session", _cpu(lambda: [vec.transform_many(n) for n in norms])))
        rows.append((f"{name} vectorizer, one call for all", _cpu(lambda: vec.transform_many(flat))))

    del sessions
    for size in (1, 100):
        tracemalloc.start()
        for _ in pipe.pipe(stream(), batch_size=size):
            pass
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        rows.append((f"peak traced memory, pipe(batch_size={size}) (MB)", peak))

    print(f"{args.sessions} sessions x {args.utterances} utterances; CPU seconds unless stated")
    for name, value in rows:
        print(f"{name:<55} {value:8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
