"""Analyse a session: read, annotate, measure. The one call the shells make."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Sequence

from alliance.metrics import Figure, compute_metrics
from alliance.model import Role, Session
from alliance.pipeline import Pipeline, default_pipeline

__all__ = ["Analysis", "ReadOptions", "analyze_session", "analyze_file"]


@dataclass(frozen=True)
class ReadOptions:
    """How to read transcripts: a forced format, and role overrides by speaker name."""

    format: str | None = None
    therapists: tuple[str, ...] = ()
    roles: Mapping[str, Role] = field(default_factory=dict)


@dataclass(frozen=True)
class Analysis:
    """An annotated session, its figures, and what produced them."""

    session: Session
    figures: Mapping[str, Figure]
    pipeline: tuple[Mapping[str, str], ...] = ()
    notes: tuple[str, ...] = ()


_DEFAULT: Pipeline | None = None


def _default() -> Pipeline:
    # Building the default pipeline loads the models once per process.
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = default_pipeline()
    return _DEFAULT


def analyze_session(session: Session, pipeline: Pipeline | None = None) -> Analysis:
    """Annotate ``session`` with ``pipeline`` (the default one if None) and compute its figures."""
    pipe = pipeline if pipeline is not None else _default()
    annotated = pipe(session)
    return Analysis(annotated, compute_metrics(annotated), tuple(pipe.describe()),
                    tuple(session.meta.get("notes", ())))


def analyze_file(
    path: str | Path, options: ReadOptions | None = None, pipeline: Pipeline | None = None
) -> list[Analysis]:
    """Read every session in ``path`` and analyse each (a CSV may hold several)."""
    from alliance.formats import read_sessions

    opts = options or ReadOptions()
    sessions = read_sessions(path, format=opts.format, therapists=opts.therapists, roles=opts.roles)
    return [analyze_session(s, pipeline) for s in sessions]
