"""How long reading transcripts takes: a one-hour session, and all of AnnoMI.

Writes a synthetic one-hour session (~600 utterances, 6 s per turn, some turns
split over two cues) as Zoom-style WebVTT and as bracket-timestamped text in a
temporary folder, and times ``read_sessions`` and ``compute_metrics`` on each
(median and best of several runs; on a shared machine the best run is the
fair figure). Then reads every session of AnnoMI-simple.csv (when present) and
computes its metrics. The target: reading a one-hour transcript takes under
50 ms in the best run, a small slice of the one-second budget for the whole
analysis (read, annotate, measure).

Run by hand::

    .venv/bin/python bench/bench_parse.py [--utterances 600] [--repeat 7]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Callable

from alliance.formats import read_sessions
from alliance.metrics import compute_metrics

ANNOMI = Path(__file__).resolve().parents[2] / "shared" / "data" / "annomi" / "AnnoMI-simple.csv"
TARGET_MS = 50.0
_WORDS = ("work sleep week mother call plan tired because really maybe feel think said "
          "again still never always something nothing better worse home time friend").split()


def _clock(seconds: float, sep: str = ".") -> str:
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{int(h):02d}:{int(m):02d}:{s:06.3f}".replace(".", sep)


def _turns(n: int, seed: int = 7) -> list[tuple[str, float, float, str]]:
    """``n`` alternating turns of synthetic words, 6 s apart."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        who = "Dr. Alvarez" if i % 2 == 0 else "Sam"
        words = rng.choices(_WORDS, k=rng.randint(4, 30))
        text = " ".join(words).capitalize() + ("?" if who != "Sam" and rng.random() < 0.4 else ".")
        out.append((who, 6.0 * i, 6.0 * i + 5.5, text))
    return out


def write_vtt(path: Path, turns: list[tuple[str, float, float, str]]) -> None:
    """Zoom-style WebVTT; every third turn split over two cues."""
    lines = ["WEBVTT", ""]
    cue = 1
    for who, start, end, text in turns:
        words = text.split()
        parts = [words] if cue % 3 or len(words) < 2 else [words[: len(words) // 2],
                                                          words[len(words) // 2:]]
        step = (end - start) / len(parts)
        for k, part in enumerate(parts):
            lines += [str(cue), f"{_clock(start + k * step)} --> {_clock(start + (k + 1) * step)}",
                      f"{who}: {' '.join(part)}", ""]
            cue += 1
    path.write_text("\n".join(lines), encoding="utf-8")


def write_txt(path: Path, turns: list[tuple[str, float, float, str]]) -> None:
    """``[hh:mm:ss] Name: text`` lines."""
    path.write_text(
        "\n".join(f"[{_clock(start)[:8]}] {who}: {text}" for who, start, _, text in turns) + "\n",
        encoding="utf-8",
    )


def _timings_ms(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and best wall-clock time of ``fn`` in ms (best is what an idle machine gives)."""
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs) * 1000, min(runs) * 1000


def main() -> int:
    """Print the figures; exit 1 when reading the one-hour session misses the target."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--utterances", type=int, default=600)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    turns = _turns(args.utterances)
    worst = 0.0
    with tempfile.TemporaryDirectory() as d:
        for name, writer in (("session.vtt", write_vtt), ("session.txt", write_txt)):
            path = Path(d) / name
            writer(path, turns)
            [session] = read_sessions(path)
            read_ms, read_best = _timings_ms(lambda: read_sessions(path), args.repeat)
            metrics_ms, metrics_best = _timings_ms(lambda: compute_metrics(session), args.repeat)
            tracemalloc.start()
            read_sessions(path)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            worst = max(worst, read_best)
            print(f"{name}: {path.stat().st_size / 1024:.0f} KiB, {len(session.utterances)} "
                  f"utterances, {session.duration_s / 60:.0f} min | read median {read_ms:.1f} ms "
                  f"(best {read_best:.1f}), peak {peak / 2**20:.1f} MiB | compute_metrics median "
                  f"{metrics_ms:.1f} ms (best {metrics_best:.1f})")
    if ANNOMI.exists():
        t = time.perf_counter()
        sessions = read_sessions(ANNOMI)
        read_s = time.perf_counter() - t
        t = time.perf_counter()
        for s in sessions:
            compute_metrics(s)
        metrics_s = time.perf_counter() - t
        n = sum(len(s.utterances) for s in sessions)
        print(f"AnnoMI-simple.csv: {len(sessions)} sessions, {n} utterances | read "
              f"{read_s * 1000:.0f} ms | compute_metrics (all) {metrics_s * 1000:.0f} ms")
    else:
        print(f"AnnoMI not found at {ANNOMI}; skipped")
    # The best run is compared: on a shared machine the median measures the neighbours.
    print(f"target: read a one-hour session in under {TARGET_MS:.0f} ms (best run): "
          + ("met" if worst < TARGET_MS else "MISSED"))
    return 0 if worst < TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
