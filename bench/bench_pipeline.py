"""How fast the default pipeline annotates a one-hour session, and how much memory it takes.

Builds a synthetic one-hour session (~600 utterances of varied therapist and
patient talk, composed from templates here, no real transcript), then measures:

- model load: building ``default_pipeline()`` in a fresh process state
  (the first call loads the shipped models);
- first session: the first ``pipeline(session)``, which also builds the
  vectorizers' character n-gram tries (once per process);
- annotate + metrics: ``pipeline(session)`` and ``compute_metrics`` on the
  whole session (median of several runs, each on a session of its own so
  that no per-session cache is warm) and the utterances per second;
- throughput on 2 cores: several sessions annotated in two worker processes;
- peak resident memory (``resource.getrusage``).

Targets (issue 3): whole session in at most 1 s, >= 500 utterances/s on 2 cores,
model load under 2 s, peak memory under 1 GB.

Run by hand::

    .venv/bin/python bench/bench_pipeline.py [--utterances 600] [--repeat 5]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor

from alliance.model import Role, Session, Speaker, Utterance

_T_OPEN = ["What {v} you {vb} about {n}?", "How do you feel about {n}?",
           "What would it take to {vb} {n}?", "Tell me more about {n}.",
           "Where does {n} fit in your week?", "Why is {n} important to you right now?"]
_T_CLOSED = ["Do you {vb} {n} every day?", "Have you tried {vb}ing {n} before?",
             "Is {n} still a problem?", "Did your {p} notice {n}?"]
_T_REFLECT = ["So {n} has been getting in the way of {n2}.", "You're worried that {n} will not change.",
              "It sounds like {n} matters a lot to you.", "Part of you wants to {vb} {n}, and part of you doesn't.",
              "You feel stuck between {n} and {n2}."]
_T_INPUT = ["Some people find it helps to {vb} {n} a little at a time.",
            "One option is to talk with your {p} about {n}.",
            "The guidelines suggest keeping {n} to a couple of days a week.",
            "I'd suggest writing down when {n} happens."]
_T_OTHER = ["Mm-hmm.", "Okay.", "Right.", "Let's take a look at the plan.", "Thanks for coming in.", "Yeah."]
_P_CHANGE = ["I really want to {vb} {n}.", "I think I could {vb} {n} if I tried.",
             "I need to do something about {n}, for my {p}.", "I'm going to {vb} {n} starting Monday."]
_P_SUSTAIN = ["I don't think {n} is a problem.", "I like {n}, it helps me relax.",
              "I can't {vb} {n}, not with my job.", "Honestly {n} is the only thing that keeps me going."]
_P_NEUTRAL = ["Yeah.", "I guess.", "My {p} came over on Sunday.", "It was a long week at work.",
              "We talked about {n} and {n2} for a while.", "Maybe, I don't know."]
_NOUNS = ["drinking", "smoking", "sleep", "the gym", "work stress", "my diet", "the arguments",
          "screen time", "the medication", "my weekends", "going out", "coffee"]
_VERBS = ["cut", "change", "stop", "manage", "think", "handle", "reduce"]
_PEOPLE = ["wife", "husband", "sister", "doctor", "boss", "son", "friend"]


def synthetic_session(n: int = 600, seed: int = 7) -> Session:
    """A one-hour alternating therapist/patient session of ``n`` utterances, 6 s each."""
    rng = random.Random(seed)

    def fill(template: str) -> str:
        n1, n2 = rng.sample(_NOUNS, 2)
        return template.format(v=rng.choice(["do", "would", "did"]), vb=rng.choice(_VERBS), n=n1,
                               n2=n2, p=rng.choice(_PEOPLE))

    speakers = (Speaker("T", "Therapist", Role.THERAPIST), Speaker("P", "Patient", Role.PATIENT))
    utts = []
    for i in range(n):
        if i % 2 == 0:
            pool = rng.choice([_T_OPEN, _T_CLOSED, _T_REFLECT, _T_REFLECT, _T_INPUT, _T_OTHER])
            who = "T"
        else:
            pool = rng.choice([_P_CHANGE, _P_SUSTAIN, _P_NEUTRAL, _P_NEUTRAL])
            who = "P"
        text = " ".join(fill(rng.choice(pool)) for _ in range(rng.choice([1, 1, 2, 3])))
        utts.append(Utterance(i, who, text, 6.0 * i, 6.0 * i + 5.5))
    return Session("bench-hour", speakers, tuple(utts))


def _run_one(session: Session) -> int:
    from alliance.metrics import compute_metrics
    from alliance.pipeline import default_pipeline

    pipe = _run_one.__dict__.setdefault("pipe", default_pipeline())
    out = pipe(session)
    compute_metrics(out)
    return len(session.utterances)


def main() -> int:
    """Measure and print the figures; exit 1 when a target is missed."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--utterances", type=int, default=600)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    session = synthetic_session(args.utterances)

    t0 = time.perf_counter()
    from alliance.metrics import compute_metrics
    from alliance.pipeline import default_pipeline

    pipe = default_pipeline()
    load_s = time.perf_counter() - t0

    first = synthetic_session(args.utterances, seed=99)
    t = time.perf_counter()
    compute_metrics(pipe(first))  # the first call also builds the vectorizers' n-gram tries
    first_s = time.perf_counter() - t
    times, cpu = [], []
    for k in range(args.repeat):
        session = synthetic_session(args.utterances, seed=100 + k)
        t, c = time.perf_counter(), time.process_time()
        out = pipe(session)
        compute_metrics(out)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    one_s = statistics.median(times)

    sessions = [synthetic_session(args.utterances, seed=s) for s in range(8)]
    t = time.perf_counter()
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(_run_one, sessions[:2]))  # warm the workers (model load)
        t = time.perf_counter()
        done = sum(pool.map(_run_one, sessions))
    two_core = done / (time.perf_counter() - t)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    rows = [
        ("annotators", ", ".join(pipe.names), ""),
        ("model load (s)", f"{load_s:.3f}", "< 2"),
        ("first session, incl. building n-gram lookups (s)", f"{first_s:.3f}", ""),
        (f"annotate + metrics, {len(session.utterances)} utterances (s, median)", f"{one_s:.3f}", "<= 1"),
        ("annotate + metrics, CPU time (s, median)", f"{statistics.median(cpu):.3f}", ""),
        ("utterances/s, 1 process", f"{len(session.utterances) / one_s:.0f}", ""),
        ("utterances/s, 2 worker processes", f"{two_core:.0f}", ">= 500"),
        ("peak RSS, main process (MB)", f"{peak_mb:.0f}", "< 1024"),
        ("peak RSS, largest worker (MB)", f"{peak_children_mb:.0f}", "< 1024"),
    ]
    for name, value, target in rows:
        print(f"{name:<55} {value:>10}  {target}")
    ok = load_s < 2 and one_s <= 1 and two_core >= 500 and max(peak_mb, peak_children_mb) < 1024
    print("targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
