"""MITI-style summary scores of the therapist's moves.

Thresholds follow MITI 4.2.1 (reflection-to-question ratio fair 1:1, good 2:1;
complex reflections fair 40%, good 50%). MITI itself calls them expert
opinion, not norms; reports must say so.
"""

from __future__ import annotations

from alliance.metrics.base import Figure, share
from alliance.model import Session

__all__ = ["miti_metrics", "MITI_THRESHOLDS", "MITI_CAVEAT"]

#: (fair, good) thresholds from MITI 4.2.1; None where MITI gives none.
MITI_THRESHOLDS: dict[str, tuple[float, float] | None] = {
    "reflection_to_question": (1.0, 2.0),
    "percent_complex_reflections": (0.40, 0.50),
    "percent_open_questions": None,
}

MITI_CAVEAT = (
    "MITI 4.2.1 thresholds are expert opinion, not norms; simple vs complex "
    "reflection is coded unreliably even by experts (kappa about 0.17)."
)


def miti_metrics(session: Session) -> list[Figure]:
    """Reflection-to-question ratio, percent complex reflections, percent open questions."""
    moves = session.labels("move")
    questions = [i for i, m in enumerate(moves) if m == "question"]
    reflections = [i for i, m in enumerate(moves) if m == "reflection"]
    complex_ = [i for i in reflections if session.label("reflection", i) == "complex"]
    open_ = [i for i in questions if session.label("question", i) == "open"]
    return [
        Figure("reflection_to_question", share(len(reflections), len(questions)),
               tuple(sorted(reflections + questions)),
               "Therapist reflections per question (MITI fair 1:1, good 2:1)."),
        Figure("percent_complex_reflections", share(len(complex_), len(reflections)),
               tuple(reflections), "Share of reflections that add meaning (MITI fair 40%, good 50%)."),
        Figure("percent_open_questions", share(len(open_), len(questions)), tuple(questions),
               "Share of questions that are open."),
    ]
