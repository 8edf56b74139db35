"""How long writing the reports takes for a one-hour session.

Builds a synthetic ~600-utterance session (the hand-annotated demo, repeated
at 6 s per turn, with every label layer and span) and times ``render_html``,
``render_markdown`` and ``write_reports`` (page, JSON twin, index). The target:
writing the report adds under 0.5 s to analysing a one-hour session.

Run by hand::

    .venv/bin/python bench/bench_report.py [--utterances 600] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

# The annotated session builder lives with the tests, beside the demo's hand labels.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from report_sessions import long_session  # noqa: E402

from alliance.report.html import render_html, write_reports  # noqa: E402
from alliance.report.markdown import render_markdown  # noqa: E402

TARGET_S = 0.5


def _time(fn, repeat: int) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs), max(runs)


def main() -> int:
    """Print the timings; exit 1 when ``render_html`` misses the target."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--utterances", type=int, default=600)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    analysis = long_session(args.utterances)
    render_html(analysis)  # first call loads and compiles the templates
    s = analysis.session
    print(f"session: {len(s.utterances)} utterances, {s.duration_s / 60:.0f} min, "
          f"{len(s.annotations)} annotations, {len(s.spans)} spans")
    html = render_html(analysis)
    print(f"html size: {len(html.encode('utf-8')) / 1024:.0f} KiB")
    median, worst = _time(lambda: render_html(analysis), args.repeat)
    print(f"render_html:     median {median * 1000:.0f} ms, worst {worst * 1000:.0f} ms")
    md_median, _ = _time(lambda: render_markdown(analysis), args.repeat)
    print(f"render_markdown: median {md_median * 1000:.0f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        w_median, _ = _time(lambda: write_reports([analysis], Path(tmp)), args.repeat)
    print(f"write_reports (page, JSON twin, index): median {w_median * 1000:.0f} ms")
    tracemalloc.start()
    render_html(analysis)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"render_html peak memory: {peak / 2**20:.1f} MiB")
    ok = worst < TARGET_S
    print(f"target: render_html under {TARGET_S} s: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
