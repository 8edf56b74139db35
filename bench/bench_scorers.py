"""How long the learned scorers take on a one-hour session, step by step.

Times, on synthetic ~600-utterance sessions of :mod:`bench_pipeline`
(median of several runs, models already loaded; every run gets a session of
its own, so no per-session cache is ever warm):

- the relationship scorer: TF-IDF rows of every utterance plus both heads
  (``RelationalModel.scores(session_rows(...), dense_features(...))``);
- the move and client-talk heads: turn context, TF-IDF rows and head scores
  for the therapist and the patient utterances.

Run by hand::

    .venv/bin/python bench/bench_scorers.py [--utterances 600] [--repeat 15]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_pipeline import synthetic_session  # noqa: E402

from alliance.annotators._lexicon import Dialogue  # noqa: E402
from alliance.annotators._relmodel import dense_features, load_relational_model, session_rows  # noqa: E402
from alliance.annotators._text import normalize  # noqa: E402
from alliance.annotators._text_context import context_rows  # noqa: E402
from alliance.annotators.moves import load_moves_model  # noqa: E402
from alliance.model import Role, Session  # noqa: E402


def _median_ms(fn, inputs) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds of ``fn`` over ``inputs`` (CPU time is
    steadier when other processes share the cores)."""
    wall, cpu = [], []
    for x in inputs:
        t, c = time.perf_counter(), time.process_time()
        fn(x)
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return 1000 * statistics.median(wall), 1000 * statistics.median(cpu)


def relationship(d: Dialogue) -> None:
    """Score every utterance of a session (its dialogue view, built beforehand) with the relationship scorer."""
    rel = load_relational_model()
    rel.scores(session_rows(d, rel.vectorizer, None), dense_features(d))


def move_heads(session: Session) -> None:
    """Move probabilities of the therapist and client talk of the patient utterances."""
    moves = load_moves_model()
    texts = [u.text for u in session.utterances]
    is_therapist = [r is Role.THERAPIST for r in session.roles]
    norms = [normalize(t) for t in texts]
    vec = moves.vectorizer
    feats = vec.transform_many(norms) if hasattr(vec, "transform_many") else vec.transform(norms)
    for head, role in (("move", Role.THERAPIST), ("client_talk", Role.PATIENT)):
        select = [i for i, r in enumerate(session.roles) if r is role]
        ctx = context_rows(texts, norms, is_therapist, select)
        moves.head(head).predict_proba(feats, ctx.neighbours, ctx.dense, vec.n_features)


def main() -> int:
    """Print the median time of each scorer step."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--utterances", type=int, default=600)
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    warm = synthetic_session(args.utterances, seed=0)
    relationship(Dialogue(warm))  # load the models
    move_heads(warm)
    sessions = [synthetic_session(args.utterances, seed=1000 + k) for k in range(args.repeat)]
    rows = [("relationship scorer (ms)", _median_ms(relationship, [Dialogue(s) for s in sessions])),
            ("move + client-talk heads (ms)", _median_ms(move_heads, sessions))]
    print(f"{'median over ' + str(args.repeat) + ' sessions':<40} {'wall':>8} {'cpu':>8}")
    for name, (wall, cpu) in rows:
        print(f"{name:<40} {wall:8.1f} {cpu:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
