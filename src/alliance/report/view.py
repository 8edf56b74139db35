"""What a report shows, independent of HTML or Markdown.

:func:`build_view` turns an :class:`~alliance.analysis.Analysis` into plain
frozen data: summary cards (each figure with its plain-language meaning, its
caveat and the utterances behind it), moments to review (episodes, ruptures,
self-disclosures, confrontations, back-downs, each with a transcript excerpt)
and transcript rows with their labels as text. The HTML and Markdown renderers
only lay this out, so both say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, Mapping

from alliance.analysis import Analysis
from alliance.metrics.miti import MITI_THRESHOLDS
from alliance.metrics.relational import BACKS_DOWN_WINDOW
from alliance.model import Role, Session

__all__ = [
    "Label", "Row", "Card", "Moment", "SessionView", "build_view",
    "format_time", "percent", "EXCERPT_CONTEXT",
]

#: Utterances shown before and after a moment in its excerpt.
EXCERPT_CONTEXT = 2

#: A moment's excerpt never shows more than this many utterances (long episodes are cut).
EXCERPT_MAX = 9

#: Short form of the MITI caveat on each score's card; the page states the full caveat once.
_THRESHOLD_CAVEAT = "MITI 4.2.1 thresholds are expert opinion, not norms."

_ROLE_ORDER = (Role.THERAPIST.value, Role.PATIENT.value, Role.OTHER.value)


@dataclass(frozen=True)
class Label:
    """One label on an utterance, as text; ``kind`` picks its colour (never its only cue)."""

    text: str
    kind: str


@dataclass(frozen=True)
class Row:
    """One utterance as the report shows it."""

    index: int
    speaker: str
    role: str
    time: str
    text: str
    labels: tuple[Label, ...]
    episode: int | None = None  # 1-based episode number when inside one
    episode_initiator: str | None = None


@dataclass(frozen=True)
class Card:
    """A summary figure: its value as text, what it means, its caveat, its evidence.

    ``rating`` is ``good``, ``fair``, ``below`` or None (only MITI-style scores
    have thresholds); ``missing`` says why the value is n/a.
    """

    key: str
    title: str
    value: str
    detail: str
    explanation: str
    caveat: str
    evidence: tuple[int, ...]
    rating: str | None = None
    missing: str | None = None
    evidence_all: bool = False  # evidence is every utterance: link to the transcript instead


@dataclass(frozen=True)
class Moment:
    """A passage worth a clinician's look, with the excerpt around it."""

    kind: str
    title: str
    summary: str
    anchor: int
    first: int
    last: int
    excerpt: tuple[int, ...]
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class SessionView:
    """Everything a session report shows."""

    session_id: str
    source: str
    source_name: str  # the file name only: a report may be e-mailed, the folder is private
    duration: str | None
    utterance_count: int
    speakers: tuple[tuple[str, str], ...]  # (name, role)
    cards: tuple[Card, ...]
    moments: tuple[Moment, ...]
    rows: tuple[Row, ...]
    notes: tuple[str, ...]
    pipeline: tuple[str, ...]
    has_times: bool


def format_time(seconds: float | None) -> str:
    """``m:ss`` or ``h:mm:ss``; empty when there is no time."""
    if seconds is None:
        return ""
    s = int(round(seconds))
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


def percent(x: float | None) -> str:
    """A share as a whole percentage, or ``n/a``."""
    return "n/a" if x is None else f"{100 * x:.0f}%"


def _by_role(value: Mapping[str, float] | None, fmt) -> str:
    if not value:
        return "n/a"
    keys = [r for r in _ROLE_ORDER if r in value] + [r for r in value if r not in _ROLE_ORDER]
    return " · ".join(f"{r} {fmt(value[r])}" for r in keys)


def _rating(key: str, value: float | None) -> str | None:
    thresholds = MITI_THRESHOLDS.get(key)
    if value is None or thresholds is None:
        return None
    fair, good = thresholds
    return "good" if value >= good else "fair" if value >= fair else "below"


def _figure(analysis: Analysis, name: str) -> tuple[Any, tuple[int, ...], str]:
    f = analysis.figures.get(name)
    return (None, (), "") if f is None else (f.value, tuple(f.evidence), f.explanation)


def _cards(analysis: Analysis) -> tuple[Card, ...]:
    s = analysis.session
    n = len(s.utterances)
    cards: list[Card] = []

    words, ev_w, _ = _figure(analysis, "talk_share_words")
    secs, _, _ = _figure(analysis, "talk_share_seconds")
    approximate, _, _ = _figure(analysis, "talk_seconds_approximate")
    if secs:
        detail = f"time: {_by_role(secs, percent)}"
        if approximate:
            detail += " (from start times: each turn runs until the next)"
    elif any(u.start_s is not None for u in s.utterances):
        detail = "time: n/a (some turns have no start time)"
    else:
        detail = "time: n/a (the transcript has no times)"
    cards.append(Card(
        "talk_balance", "Talk balance", _by_role(words, percent) if words else "n/a", detail,
        "Who did the talking: share of all words (and of speaking time) by role.",
        "Transcripts drop overlaps and short backchannels; words are a proxy for talk.",
        ev_w, missing=None if words else "the session has no words", evidence_all=True))

    one_way, ev, _ = _figure(analysis, "one_way_index")
    cards.append(Card(
        "one_way_index", "One-way index", percent(one_way),
        "words about the patient's life or the relationship",
        "Therapy usually runs mostly one way; a low value is worth a look. "
        "Evidence: the utterances about something else.",
        "Focus labels are automatic; the index is a prompt to look, not a verdict.",
        ev, missing=None if one_way is not None else "no utterance has a focus label"))

    for key, title, what, caveat, why_missing in (
        ("reflection_to_question", "Reflections per question",
         "Reflections per therapist question. More reflecting than asking usually means "
         "more listening.", _THRESHOLD_CAVEAT, "the therapist asked no questions"),
        ("percent_complex_reflections", "Complex reflections",
         "Share of reflections that add meaning or feeling rather than repeating.",
         "Experts themselves agree poorly on simple vs complex (kappa about 0.17). "
         + _THRESHOLD_CAVEAT, "the therapist made no reflections"),
        ("percent_open_questions", "Open questions",
         "Share of questions that invite more than a yes or no.",
         "Automatic labels; check a few questions against the transcript.",
         "the therapist asked no questions"),
    ):
        value, ev, _ = _figure(analysis, key)
        thresholds = MITI_THRESHOLDS.get(key)
        ratio = key == "reflection_to_question"
        text = "n/a" if value is None else (f"{value:.2f}" if ratio else percent(value))
        if thresholds:
            fair, good = thresholds
            fmt = (lambda x: f"{x:g}:1") if ratio else percent
            detail = f"MITI-style thresholds: fair {fmt(fair)}, good {fmt(good)}"
        else:
            detail = "MITI gives no threshold for this score"
        cards.append(Card(key, title, text, detail, what, caveat, ev,
                          rating=_rating(key, value), missing=None if value is not None else why_missing))

    eps, ev, _ = _figure(analysis, "episodes_by_initiator")
    eps = eps or {}
    total = sum(eps.values())
    share, ev_share, _ = _figure(analysis, "relationship_share")
    cards.append(Card(
        "episodes", "Relationship episodes", str(total),
        (", ".join(f"{k} started {v}" for k, v in eps.items()) or "none")
        + f"; {percent(share)} of words",
        "Stretches where the talk turned to the two of you (breaks, feelings about the "
        "therapist, what is happening in the room), by who raised it.",
        "Automatic detection misses implicit references to the therapist; check each episode.",
        ev))

    returns, ev, _ = _figure(analysis, "therapist_returns_after_decline")
    cards.append(Card(
        "returns", "Returns after a decline", str(returns or 0),
        "therapist-started episodes after the patient declined one",
        "How often the therapist came back to the relationship after the patient said no.",
        "Returning can be good technique or can feel dismissive; the count only says it happened.",
        ev))

    ruptures, ev, _ = _figure(analysis, "ruptures")
    repaired, _, _ = _figure(analysis, "ruptures_repaired")
    cards.append(Card(
        "ruptures", "Ruptures", str(ruptures or 0),
        f"{repaired or 0} repaired, {(ruptures or 0) - (repaired or 0)} not repaired",
        "Moments of strain in the collaboration; repaired when the therapist addressed it "
        "and the patient re-engaged.",
        "Withdrawal ruptures (going quiet, changing the subject) are subtle and easily missed.",
        ev))

    disclosures, ev, _ = _figure(analysis, "self_disclosures")
    duration = s.duration_s
    rate = (f"{10 * 60 * (disclosures or 0) / duration:.1f} per 10 minutes" if duration
            else f"{100 * (disclosures or 0) / n:.1f} per 100 utterances" if n else "")
    cards.append(Card(
        "self_disclosures", "Self-disclosures", str(disclosures or 0), rate,
        "Times the therapist spoke about their own life outside the session.",
        "Disclosure is neither good nor bad by itself; look at why and at how the patient responded.",
        ev))

    conf, ev, _ = _figure(analysis, "confrontations")
    backed, _, _ = _figure(analysis, "confrontations_backed_down")
    cards.append(Card(
        "confrontations", "Confrontations", str(conf or 0),
        f"{backed or 0} backed down within {BACKS_DOWN_WINDOW} therapist turns",
        "Challenges, disagreements or contrary interpretations the patient did not ask for.",
        "A confrontation can be useful; backing down can be attunement or avoidance.",
        ev))
    return tuple(cards)


def _excerpt(first: int, last: int, n: int) -> tuple[int, ...]:
    lo, hi = max(0, first - EXCERPT_CONTEXT), min(n - 1, last + EXCERPT_CONTEXT)
    idx = list(range(lo, hi + 1))
    if len(idx) > EXCERPT_MAX:  # keep the start of a long episode and its end
        head = idx[: EXCERPT_MAX - 3]
        idx = head + idx[-3:]
    return tuple(idx)


def _moments(session: Session) -> tuple[Moment, ...]:
    n = len(session.utterances)
    out: list[Moment] = []
    for k, e in enumerate(session.spans_of("episode"), 1):
        initiator = str(e.attrs.get("initiator") or "unknown")
        stance = e.attrs.get("patient_stance")
        tags = [f"started by {initiator}"]
        if stance:
            tags.append(f"patient {stance}")
        if e.attrs.get("after_decline"):
            tags.append("return after a decline")
        subtypes = sorted({v for i in range(e.first, e.last + 1)
                           if (v := session.label("relationship", i))})
        summary = (f"Utterances {e.first}–{e.last}: talk about the relationship"
                   + (f" ({', '.join(t.replace('_', ' ') for t in subtypes)})" if subtypes else "")
                   + f", started by the {initiator}.")
        out.append(Moment("episode", f"Relationship episode {k}", summary, e.first, e.first, e.last,
                          _excerpt(e.first, e.last, n), tuple(tags)))
    for r in session.spans_of("rupture"):
        marker = str(r.attrs.get("marker") or "marker").replace("_", " ")
        family = r.attrs.get("family")
        repaired = bool(r.attrs.get("repaired"))
        repair_at = r.attrs.get("repair_index")
        last = max(r.last, repair_at if isinstance(repair_at, int) and repair_at < n else r.last)
        status = (f"repaired (repair at utterance {repair_at})" if repaired and repair_at is not None
                  else "repaired" if repaired else "not repaired")
        tags = tuple(t for t in (f"{family} rupture" if family else None, marker, status) if t)
        out.append(Moment("rupture", f"Rupture: {marker}",
                          f"Utterance {r.first}: {marker}; {status}.", r.first, r.first, last,
                          _excerpt(r.first, last, n), tags))
    flags = (("self_disclosure", "Self-disclosure", "the therapist speaks about their own life"),
             ("confrontation", "Confrontation", "the therapist challenges or contradicts"),
             ("backs_down", "Back-down", "the therapist retracts or softens a challenge"))
    for flag, title, what in flags:
        for i in range(n):
            if flag in session.all_labels("flag", i):
                out.append(Moment(flag, title, f"Utterance {i}: {what}.", i, i, i,
                                  _excerpt(i, i, n)))
    return tuple(sorted(out, key=lambda m: (m.anchor, m.kind)))


def _labels(session: Session, i: int) -> tuple[Label, ...]:
    role = session.role_of(i)
    out: list[Label] = []
    if role is Role.THERAPIST:
        move = session.label("move", i)
        if move:
            sub = session.label(move, i) if move in ("question", "reflection") else None
            out.append(Label(f"{sub} {move}" if sub else move, f"move-{move}"))
        for flag in dict.fromkeys(session.all_labels("flag", i)):
            out.append(Label(flag.replace("_", " "), f"flag-{flag}"))
    elif role is Role.PATIENT:
        talk = session.label("client_talk", i)
        if talk and talk != "neutral":
            out.append(Label(f"{talk} talk", f"talk-{talk}"))
    rel = session.label("relationship", i)
    if rel:
        out.append(Label(f"relationship: {rel.replace('_', ' ')}", "relationship"))
    rupture = session.label("rupture", i)
    if rupture:
        out.append(Label(f"rupture: {rupture.replace('_', ' ')}", "rupture"))
    focus = session.label("focus", i)
    if focus and focus not in ("patient_life", "relationship"):
        out.append(Label(f"focus: {focus.replace('_', ' ')}", f"focus-{focus}"))
    return tuple(out)


def _rows(session: Session) -> tuple[Row, ...]:
    episode_of: dict[int, tuple[int, str]] = {}
    for k, e in enumerate(session.spans_of("episode"), 1):
        for i in range(e.first, e.last + 1):
            episode_of.setdefault(i, (k, str(e.attrs.get("initiator") or "unknown")))
    rows = []
    for u, role in zip(session.utterances, session.roles):
        sp = session.speaker(u.speaker)
        ep = episode_of.get(u.index)
        rows.append(Row(u.index, sp.name or sp.id, role.value, format_time(u.start_s), u.text,
                        _labels(session, u.index), ep[0] if ep else None, ep[1] if ep else None))
    return tuple(rows)


def build_view(analysis: Analysis) -> SessionView:
    """The report's content for one analysed session."""
    s = analysis.session
    duration = s.duration_s
    return SessionView(
        session_id=s.id,
        source=s.source,
        source_name=PurePath(s.source).name if s.source else "",
        duration=format_time(duration) if duration else None,
        utterance_count=len(s.utterances),
        speakers=tuple((sp.name or sp.id, sp.role.value) for sp in s.speakers),
        cards=_cards(analysis),
        moments=_moments(s),
        rows=_rows(s),
        notes=tuple(analysis.notes),
        pipeline=tuple(f"{p.get('name', '?')} {p.get('version', '')}".strip() for p in analysis.pipeline),
        has_times=any(u.start_s is not None for u in s.utterances),
    )
