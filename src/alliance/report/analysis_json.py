"""The analysis document (``../shared/docs/analysis-json.md``, schema ``alliance.session/1``).

Names here are a contract other tools read: add fields freely, never rename.
"""

from __future__ import annotations

from typing import Any

from alliance.analysis import Analysis
from alliance.model import Role, Session

__all__ = ["SCHEMA", "analysis_document", "CONTRACT_METRICS"]

SCHEMA = "alliance.session/1"

#: Metric names the contract requires, in its order.
CONTRACT_METRICS = (
    "talk_share_words", "talk_share_seconds", "turns", "one_way_index", "self_disclosures",
    "reflection_to_question", "percent_complex_reflections", "percent_open_questions",
    "relationship_share", "episodes_by_initiator", "therapist_returns_after_decline",
    "ruptures", "ruptures_repaired", "confrontations", "confrontations_backed_down",
)


def _utterance(session: Session, i: int) -> dict[str, Any]:
    u = session.utterances[i]
    role = session.role_of(i)
    therapist = role is Role.THERAPIST
    patient = role is Role.PATIENT
    return {
        "index": u.index,
        "speaker": u.speaker,
        "role": role.value,
        "text": u.text,
        "start_s": u.start_s,
        "end_s": u.end_s,
        "move": session.label("move", i) if therapist else None,
        "question": session.label("question", i) if therapist else None,
        "reflection": session.label("reflection", i) if therapist else None,
        "flags": list(dict.fromkeys(session.all_labels("flag", i))),
        "client_talk": session.label("client_talk", i) if patient else None,
        "relationship": session.label("relationship", i),
        "rupture": session.label("rupture", i),
        "focus": session.label("focus", i),
    }


def analysis_document(analysis: Analysis) -> dict[str, Any]:
    """The analysis document as plain JSON-ready data."""
    s = analysis.session
    figures = analysis.figures
    metrics: dict[str, Any] = {name: figures[name].value if name in figures else None
                               for name in CONTRACT_METRICS}
    # Extra figures are allowed by the contract; keep them after the required ones.
    for name, f in figures.items():
        metrics.setdefault(name, f.value)
    return {
        "schema": SCHEMA,
        "session": {"id": s.id, "source": s.source, "duration_s": s.duration_s},
        "speakers": [{"id": sp.id, "name": sp.name, "role": sp.role.value} for sp in s.speakers],
        "utterances": [_utterance(s, i) for i in range(len(s.utterances))],
        "episodes": [
            {
                "first": e.first,
                "last": e.last,
                "initiator": e.attrs.get("initiator"),
                "patient_stance": e.attrs.get("patient_stance"),
                "after_decline": bool(e.attrs.get("after_decline", False)),
            }
            for e in s.spans_of("episode")
        ],
        "ruptures": [
            {
                "index": r.first,
                "family": r.attrs.get("family"),
                "marker": r.attrs.get("marker"),
                "repaired": bool(r.attrs.get("repaired", False)),
                "repair_index": r.attrs.get("repair_index"),
            }
            for r in s.spans_of("rupture")
        ],
        "metrics": metrics,
        "evidence": {name: list(f.evidence) for name, f in figures.items()},
        "pipeline": [dict(p) for p in analysis.pipeline],
        "notes": list(analysis.notes),
    }
