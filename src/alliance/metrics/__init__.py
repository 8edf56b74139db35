"""Session metrics: functions from a Session to named figures.

Every :class:`Figure` carries the utterance indices behind it, so a report can
link each number to the words that produced it.
"""

from __future__ import annotations

from alliance.metrics.base import Figure
from alliance.metrics.miti import miti_metrics
from alliance.metrics.relational import relational_metrics
from alliance.metrics.talk import talk_metrics
from alliance.model import Session

__all__ = ["Figure", "compute_metrics", "talk_metrics", "miti_metrics", "relational_metrics"]


def compute_metrics(session: Session) -> dict[str, Figure]:
    """Every session figure, by name (the names of the analysis document's ``metrics``)."""
    figures: dict[str, Figure] = {}
    for family in (talk_metrics, miti_metrics, relational_metrics):
        for f in family(session):
            figures[f.name] = f
    return figures
