"""The session timeline as inline SVG, drawn in Python.

One picture, read left to right along time (or utterance order when the
transcript has no times): who is speaking (one lane per role), the therapist's
moves above the lanes, relationship episodes shaded by who started them
(therapist: plain tint, patient: hatched, so colour is never the only cue),
flags and rupture markers below (repaired ruptures carry a tick and a bracket
to the repair). Every mark is a link to its utterance (``#u-INDEX``) with an
SVG ``<title>``, so hovering, keyboard focus and clicking all lead to the words.

No plotting library: the page stays small, prints cleanly and works offline.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from alliance.model import Role, Session
from alliance.report.view import format_time

__all__ = ["render_timeline", "TITLE_CHARS"]

#: Characters of an utterance shown in its SVG ``<title>`` (the page's tooltip shows it all).
TITLE_CHARS = 140

_W = 1000.0
_LEFT = 92.0
_RIGHT = 12.0
_LANE_H = 20.0
_LANE_GAP = 6.0
_ROLE_LABEL = {Role.THERAPIST: "Therapist", Role.PATIENT: "Patient", Role.OTHER: "Other"}
_MOVE_SHAPE = {"question": "tri", "reflection": "circle", "input": "square"}
_FLAG_TEXT = {"self_disclosure": "SD", "confrontation": "C", "backs_down": "B", "repair": "Rp"}
_FLAG_NAME = {"self_disclosure": "self-disclosure", "confrontation": "confrontation",
              "backs_down": "backs down", "repair": "repair"}


@dataclass(frozen=True)
class _Scale:
    """Maps an utterance to its horizontal extent."""

    starts: tuple[float, ...]
    ends: tuple[float, ...]
    lo: float
    hi: float
    timed: bool

    def x(self, t: float) -> float:
        span = (self.hi - self.lo) or 1.0
        return _LEFT + (t - self.lo) / span * (_W - _LEFT - _RIGHT)

    def extent(self, i: int) -> tuple[float, float]:
        x0, x1 = self.x(self.starts[i]), self.x(self.ends[i])
        return x0, max(x1 - x0, 1.5)

    def mid(self, i: int) -> float:
        x0, w = self.extent(i)
        return x0 + w / 2


def _scale(session: Session) -> _Scale:
    utts = session.utterances
    n = len(utts)
    if n and all(u.start_s is not None for u in utts):
        starts = [float(u.start_s) for u in utts]  # type: ignore[arg-type]
        ends = []
        for i, u in enumerate(utts):
            nxt = starts[i + 1] if i + 1 < n else starts[i] + max(2.0, 0.4 * u.words)
            end = u.end_s if u.end_s is not None else nxt
            ends.append(max(float(end), starts[i]))
        return _Scale(tuple(starts), tuple(ends), min(starts), max(max(ends), min(starts) + 1), True)
    return _Scale(tuple(float(i) for i in range(n)), tuple(float(i + 1) for i in range(n)),
                  0.0, float(max(n, 1)), False)


def _ticks(scale: _Scale) -> list[tuple[float, str]]:
    span = scale.hi - scale.lo
    steps = (30, 60, 120, 300, 600, 900, 1800, 3600) if scale.timed else (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
    step = next((s for s in steps if span / s <= 10), steps[-1])
    first = (int(scale.lo) // step) * step
    out = []
    t = float(first)
    while t <= scale.hi + 1e-9:
        if t >= scale.lo - 1e-9:
            out.append((t, format_time(t) if scale.timed else str(int(t))))
        t += step
    return out


def _utt_title(session: Session, i: int) -> str:
    u = session.utterances[i]
    sp = session.speaker(u.speaker)
    text = u.text if len(u.text) <= TITLE_CHARS else u.text[: TITLE_CHARS - 1] + "…"
    when = f" at {format_time(u.start_s)}" if u.start_s is not None else ""
    return f"#{i} {sp.name or sp.id}{when}: {text}"


def _link(i: int, title: str, body: str, cls: str) -> str:
    # <a href> inside SVG is focusable and follows the link on Enter or click.
    # The <title> is both the hover text and the accessible name; the page script
    # moves it into aria-label so its own tooltip replaces the native one.
    return (f'<a href="#u-{i}" class="{cls}" data-u="{i}">'
            f"<title>{escape(title)}</title>{body}</a>")


def _shape(kind: str, cx: float, cy: float) -> str:
    if kind == "tri":
        return f'<path d="M{cx:.1f} {cy - 5:.1f}L{cx + 5:.1f} {cy + 4:.1f}L{cx - 5:.1f} {cy + 4:.1f}Z"/>'
    if kind == "square":
        return f'<rect x="{cx - 4:.1f}" y="{cy - 4:.1f}" width="8" height="8"/>'
    return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4.5"/>'


def render_timeline(session: Session) -> Markup:
    """The timeline of ``session`` as an inline ``<svg>`` element (safe markup)."""
    n = len(session.utterances)
    if n == 0:
        return Markup('<p class="empty">No utterances to draw.</p>')
    scale = _scale(session)
    roles = session.roles
    lanes = [r for r in (Role.THERAPIST, Role.PATIENT, Role.OTHER) if r in roles]
    y_moves = 30.0
    y_lane = {r: 44.0 + k * (_LANE_H + _LANE_GAP) for k, r in enumerate(lanes)}
    lanes_bottom = 44.0 + len(lanes) * (_LANE_H + _LANE_GAP) - _LANE_GAP
    y_flags = lanes_bottom + 16
    y_rupt = y_flags + 22
    y_axis = y_rupt + 18
    height = y_axis + 22
    parts: list[str] = []
    what = "time" if scale.timed else "utterance order"
    parts.append(
        f'<svg class="timeline" viewBox="0 0 {_W:.0f} {height:.0f}" role="group" '
        f'aria-labelledby="tl-title tl-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="tl-title">Session timeline</title>'
        f'<desc id="tl-desc">Who speaks along {what}: therapist moves above the lanes, '
        f'relationship episodes shaded, flags and rupture markers below. Each mark links '
        f'to its utterance in the transcript.</desc>'
        '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" class="ep-patient-bg"/>'
        '<line x1="0" y1="0" x2="0" y2="6" class="ep-patient-line"/></pattern></defs>'
    )

    # Episodes first, so everything else draws over their shading.
    for k, e in enumerate(session.spans_of("episode"), 1):
        initiator = str(e.attrs.get("initiator") or "unknown")
        x0 = scale.extent(e.first)[0]
        x1 = sum(scale.extent(e.last))
        stance = e.attrs.get("patient_stance")
        title = (f"Relationship episode {k}: utterances {e.first}–{e.last}, started by the "
                 f"{initiator}" + (f", patient {stance}" if stance else "")
                 + (", a return after a decline" if e.attrs.get("after_decline") else ""))
        cls = "ep-patient" if initiator == Role.PATIENT.value else "ep-therapist"
        body = (f'<rect x="{x0:.1f}" y="14" width="{max(x1 - x0, 3):.1f}" '
                f'height="{lanes_bottom - 14 + 4:.1f}" class="{cls}"/>'
                f'<text x="{x0 + 2:.1f}" y="11" class="ep-label">E{k}</text>')
        parts.append(_link(e.first, title, body, "tl-episode"))

    # Lane labels and baselines.
    for r in lanes:
        y = y_lane[r]
        parts.append(f'<text x="{_LEFT - 8:.0f}" y="{y + 14:.1f}" class="lane-label" '
                     f'text-anchor="end">{_ROLE_LABEL[r]}</text>'
                     f'<line x1="{_LEFT:.0f}" x2="{_W - _RIGHT:.0f}" y1="{y + _LANE_H:.1f}" '
                     f'y2="{y + _LANE_H:.1f}" class="lane-base"/>')
    parts.append(f'<text x="{_LEFT - 8:.0f}" y="{y_moves + 4:.1f}" class="lane-label small" '
                 f'text-anchor="end">Moves</text>'
                 f'<text x="{_LEFT - 8:.0f}" y="{y_flags + 4:.1f}" class="lane-label small" '
                 f'text-anchor="end">Flags</text>'
                 f'<text x="{_LEFT - 8:.0f}" y="{y_rupt + 4:.1f}" class="lane-label small" '
                 f'text-anchor="end">Ruptures</text>')

    moves = session.labels("move")
    for i in range(n):
        role = roles[i]
        x0, w = scale.extent(i)
        title = _utt_title(session, i)
        bar = (f'<rect x="{x0:.1f}" y="{y_lane[role]:.1f}" width="{w:.1f}" height="{_LANE_H:.0f}" '
               f'class="bar bar-{role.value}"/>')
        parts.append(_link(i, title, bar, "tl-utt"))
        move = moves[i] if role is Role.THERAPIST else None
        if move in _MOVE_SHAPE:
            sub = session.label(move, i) if move in ("question", "reflection") else None
            label = f"{sub} {move}" if sub else move
            parts.append(f'<g class="mv mv-{move}" aria-hidden="true"><title>#{i} {label}</title>'
                         f'{_shape(_MOVE_SHAPE[move], scale.mid(i), y_moves)}</g>')
        flags = [f for f in dict.fromkeys(session.all_labels("flag", i)) if f in _FLAG_TEXT]
        for k, flag in enumerate(flags):
            cx = scale.mid(i) + 20 * k
            body = (f'<rect x="{cx - 9:.1f}" y="{y_flags - 7:.1f}" width="18" height="13" rx="3" '
                    f'class="flag-box flag-{flag}"/><text x="{cx:.1f}" y="{y_flags + 3:.1f}" '
                    f'text-anchor="middle" class="flag-text">{_FLAG_TEXT[flag]}</text>')
            parts.append(_link(i, f"#{i} {_FLAG_NAME[flag]}", body, "tl-flag"))

    for r in session.spans_of("rupture"):
        cx = scale.mid(r.first)
        repaired = bool(r.attrs.get("repaired"))
        at = r.attrs.get("repair_index")
        marker = str(r.attrs.get("marker") or "rupture").replace("_", " ")
        status = (f"repaired at utterance {at}" if repaired and at is not None
                  else "repaired" if repaired else "not repaired")
        body = (f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="14" y2="{y_rupt - 6:.1f}" class="rupt-line"/>')
        if repaired and isinstance(at, int) and 0 <= at < n:
            rx = scale.mid(at)
            body += (f'<path d="M{cx:.1f} {y_rupt + 8:.1f}V{y_rupt + 11:.1f}H{rx:.1f}V{y_rupt + 4:.1f}" '
                     f'class="repair-bracket"/>')
        cls = "rupt-repaired" if repaired else "rupt-open"
        glyph = "✓" if repaired else "!"
        body += (f'<circle cx="{cx:.1f}" cy="{y_rupt:.1f}" r="7" class="{cls}"/>'
                 f'<text x="{cx:.1f}" y="{y_rupt + 4:.1f}" text-anchor="middle" '
                 f'class="rupt-glyph">{glyph}</text>')
        parts.append(_link(r.first, f"Rupture at utterance {r.first}: {marker}, {status}", body,
                           "tl-rupture"))

    parts.append(f'<line x1="{_LEFT:.0f}" x2="{_W - _RIGHT:.0f}" y1="{y_axis:.1f}" '
                 f'y2="{y_axis:.1f}" class="axis"/>')
    for t, label in _ticks(scale):
        x = scale.x(t)
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y_axis:.1f}" y2="{y_axis + 4:.1f}" '
                     f'class="axis"/><text x="{x:.1f}" y="{y_axis + 15:.1f}" text-anchor="middle" '
                     f'class="tick">{escape(label)}</text>')
    unit = "time" if scale.timed else "utterance"
    parts.append(f'<text x="{_LEFT - 8:.0f}" y="{y_axis + 15:.1f}" text-anchor="end" '
                 f'class="tick">{unit}</text></svg>')
    return Markup("".join(parts))
