"""The short terminal summary ``alliance analyze`` prints by default."""

from __future__ import annotations

from alliance.analysis import Analysis

__all__ = ["render_summary"]


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.0f}%"


def render_summary(analysis: Analysis) -> str:
    """A few lines a clinician can read at a glance."""
    s = analysis.session
    f = {k: v.value for k, v in analysis.figures.items()}
    lines = [f"{s.id}: {len(s.utterances)} utterances"
             + (f", {f['duration_s'] / 60:.0f} min" if f.get("duration_s") else "")]
    words = f.get("talk_share_words") or {}
    lines.append("  talk (words):   " + ", ".join(f"{r} {_pct(v)}" for r, v in words.items()))
    secs = f.get("talk_share_seconds")
    if secs:
        lines.append("  talk (time):    " + ", ".join(f"{r} {_pct(v)}" for r, v in secs.items()))
    turns = f.get("turns") or {}
    lines.append("  turns:          " + ", ".join(f"{r} {n}" for r, n in turns.items()))
    if f.get("one_way_index") is not None:
        lines.append(f"  one-way index:  {_pct(f['one_way_index'])}")
    if f.get("reflection_to_question") is not None:
        lines.append(f"  reflections per question: {f['reflection_to_question']:.2f}"
                     f"   complex reflections: {_pct(f.get('percent_complex_reflections'))}"
                     f"   open questions: {_pct(f.get('percent_open_questions'))}")
    eps = f.get("episodes_by_initiator") or {}
    if eps or f.get("ruptures"):
        lines.append("  relationship episodes: "
                     + (", ".join(f"{n} by {r}" for r, n in eps.items()) or "none")
                     + f"; returns after a decline: {f.get('therapist_returns_after_decline', 0)}")
        lines.append(f"  ruptures: {f.get('ruptures', 0)} ({f.get('ruptures_repaired', 0)} repaired)"
                     f"; self-disclosures: {f.get('self_disclosures', 0)}"
                     f"; confrontations: {f.get('confrontations', 0)}"
                     f" ({f.get('confrontations_backed_down', 0)} backed down)")
    for note in analysis.notes:
        lines.append(f"  note: {note}")
    return "\n".join(lines) + "\n"
