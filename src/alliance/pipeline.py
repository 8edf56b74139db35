"""A pipeline of named annotators.

Each annotator declares the layers it ``requires`` and ``produces``; the
pipeline checks the order when it is built, runs the annotators one after
another on a session, and returns a *new* session with their output attached.
Annotators never mutate their input (sessions are frozen anyway).
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
        """Annotate a stream of sessions lazily, ``batch_size`` at a time."""
        batch: list[Session] = []
        for s in sessions:
            batch.append(s)
            if len(batch) >= batch_size:
                yield from (self(x) for x in batch)
                batch = []
        yield from (self(x) for x in batch)


def default_pipeline() -> Pipeline:
    """The pipeline ``alliance analyze`` runs: every shipped annotator, in order."""
    from alliance.annotators import default_annotators

    return Pipeline(default_annotators())
