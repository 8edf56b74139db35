"""A pipeline of named annotators.

Each annotator declares the layers it ``requires`` and ``produces``; the
pipeline checks the order when it is built, runs the annotators one after
another on a session, and returns a *new* session with their output attached.
Annotators never mutate their input (sessions are frozen anyway).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice
from typing import Iterable, Iterator, Protocol, Sequence, runtime_checkable

from alliance.codebook import is_known
from alliance.errors import PipelineError
from alliance.model import Annotation, Session, Span

__all__ = ["Annotator", "AnnotatorOutput", "Pipeline", "default_pipeline"]

#: Layers every session has before any annotator runs.
BASE_LAYERS = frozenset({"text", "roles"})


@dataclass(frozen=True)
class AnnotatorOutput:
    """What one annotator returns: utterance labels and spans."""

    annotations: tuple[Annotation, ...] = ()
    spans: tuple[Span, ...] = field(default_factory=tuple)


@runtime_checkable
class Annotator(Protocol):
    """A pipeline component.

    ``name`` and ``version`` go into every annotation's provenance;
    ``requires`` and ``produces`` are layer names.
    """

    name: str
    version: str
    requires: tuple[str, ...]
    produces: tuple[str, ...]

    def annotate(self, session: Session) -> AnnotatorOutput:
        """Label ``session`` without changing it."""
        ...


class Pipeline:
    """Ordered annotators, checked when built.

    >>> Pipeline([])(session)  # doctest: +SKIP
    """

    def __init__(self, annotators: Sequence[Annotator]) -> None:
        available = set(BASE_LAYERS)
        names: set[str] = set()
        for a in annotators:
            if a.name in names:
                raise PipelineError(f"annotator {a.name!r} appears twice")
            names.add(a.name)
            missing = [r for r in a.requires if r not in available]
            if missing:
                raise PipelineError(
                    f"annotator {a.name!r} requires {', '.join(missing)}, "
                    "which no earlier annotator produces"
                )
            available.update(a.produces)
        self.annotators = tuple(annotators)
        self.produces = frozenset(available)

    @property
    def names(self) -> tuple[str, ...]:
        """Names of the annotators, in order."""
        return tuple(a.name for a in self.annotators)

    def describe(self) -> list[dict[str, str]]:
        """Name and version of each annotator, for provenance in documents."""
        return [{"name": a.name, "version": a.version} for a in self.annotators]

    def __call__(self, session: Session) -> Session:
        """Run every annotator in order and return the annotated session.

        Labels are checked against the codebook as they are attached.
        """
        for a in self.annotators:
            out = a.annotate(session)
            for ann in out.annotations:
                if not is_known(ann.layer, ann.value):
                    raise PipelineError(
                        f"annotator {a.name!r} produced {ann.value!r}, which is not a "
                        f"codebook label of layer {ann.layer!r} (utterance {ann.index})"
                    )
            session = session.with_annotations(out.annotations, out.spans)
        return session

    def pipe(self, sessions: Iterable[Session], batch_size: int = 16) -> Iterator[Session]:
        """Annotate a stream of sessions lazily, in order, holding at most ``batch_size`` at once.

        ``sessions`` is read in chunks of ``batch_size``; each session of a
        chunk is annotated when the caller asks for it, so however long the
        stream, no more than ``batch_size`` read-but-unannotated sessions are
        held in memory (plus the one being returned). The chunk size bounds
        memory only: the annotators always see one session at a time.
        Scoring a chunk of sessions at once through the numpy models was
        measured and saves under 2% of the time (``bench/bench_pipe.py``),
        so there is no cross-session batching to gain from a larger chunk.

        Raises ValueError when ``batch_size`` is below 1.
        """
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        return self._stream(iter(sessions), batch_size)

    def _stream(self, sessions: Iterator[Session], batch_size: int) -> Iterator[Session]:
        while chunk := list(islice(sessions, batch_size)):
            for session in chunk:
                yield self(session)


def default_pipeline() -> Pipeline:
    """The pipeline ``alliance analyze`` runs: every shipped annotator, in order."""
    from alliance.annotators import default_annotators

    return Pipeline(default_annotators())
