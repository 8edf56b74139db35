"""The nouns of alliance: plain, frozen data.

A :class:`Session` holds its speakers, its utterances (one speaker's turn each),
the annotations that annotators attached to single utterances, and the spans
(episodes, ruptures) that cover several. Nothing here knows about files,
models or storage; sessions are built by readers (``alliance.formats``) and
enriched by the pipeline (``alliance.pipeline``), which returns *new* sessions.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cached_property
from typing import Any, Iterable, Mapping

from alliance.errors import SessionError

__all__ = ["Role", "Speaker", "Utterance", "Annotation", "Span", "Session"]


class Role(StrEnum):
    """Who a speaker is in the room (codebook: roles)."""

    THERAPIST = "therapist"
    PATIENT = "patient"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Speaker:
    """A person in the session. ``id`` is unique in the session; ``name`` is as written."""

    id: str
    name: str | None
    role: Role


@dataclass(frozen=True, slots=True)
class Utterance:
    """One speaker's turn.

    ``index`` is the 0-based position in the session. Times are seconds from the
    start of the recording when the source had them. ``line`` is the 1-based
    line of the source file where the turn began, for error messages.
    """

    index: int
    speaker: str
    text: str
    start_s: float | None = None
    end_s: float | None = None
    line: int | None = None

    @property
    def words(self) -> int:
        """Number of whitespace-separated words."""
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class Annotation:
    """A label on one utterance, with its provenance.

    ``layer`` names what is labelled (``move``, ``question``, ``reflection``,
    ``flag``, ``client_talk``, ``relationship``, ``rupture``, ``focus``); a layer
    may hold several annotations per utterance (flags). ``annotator`` and
    ``version`` say what produced it.
    """

    index: int
    layer: str
    value: str
    annotator: str
    version: str = "1"
    confidence: float | None = None


@dataclass(frozen=True)
class Span:
    """A label on a run of utterances ``first..last`` inclusive (an episode, a rupture).

    ``attrs`` holds the span's fields (e.g. an episode's ``initiator``).
    """

    layer: str
    first: int
    last: int
    attrs: Mapping[str, Any] = field(default_factory=dict)
    annotator: str = ""
    version: str = "1"


@dataclass(frozen=True)
class Session:
    """A transcribed session: speakers, utterances, and what has been annotated.

    Validates itself on construction: indices run 0..n-1, every utterance's
    speaker is known, annotation indices are in range.
    """

    id: str
    speakers: tuple[Speaker, ...]
    utterances: tuple[Utterance, ...]
    source: str = ""
    annotations: tuple[Annotation, ...] = ()
    spans: tuple[Span, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        ids = [s.id for s in self.speakers]
        if len(set(ids)) != len(ids):
            raise SessionError(f"session {self.id!r}: duplicate speaker ids")
        known = set(ids)
        for i, u in enumerate(self.utterances):
            if u.index != i:
                raise SessionError(f"session {self.id!r}: utterance {i} has index {u.index}")
            if u.speaker not in known:
                raise SessionError(f"session {self.id!r}: utterance {i} has an unknown speaker")
        n = len(self.utterances)
        for a in self.annotations:
            if not 0 <= a.index < n:
                raise SessionError(f"session {self.id!r}: annotation on utterance {a.index} out of range")
        for s in self.spans:
            if not 0 <= s.first <= s.last < n:
                raise SessionError(f"session {self.id!r}: span {s.layer} {s.first}..{s.last} out of range")

    # -- speakers and roles -------------------------------------------------

    @cached_property
    def _speaker_by_id(self) -> dict[str, Speaker]:
        return {s.id: s for s in self.speakers}

    def speaker(self, speaker_id: str) -> Speaker:
        """The speaker with this id."""
        return self._speaker_by_id[speaker_id]

    @cached_property
    def roles(self) -> tuple[Role, ...]:
        """The role of each utterance's speaker, by utterance index."""
        by_id = self._speaker_by_id
        return tuple(by_id[u.speaker].role for u in self.utterances)

    def role_of(self, index: int) -> Role:
        """The role of the speaker of utterance ``index``."""
        return self.roles[index]

    @property
    def has_times(self) -> bool:
        """True when every utterance has a start and an end time."""
        return bool(self.utterances) and all(
            u.start_s is not None and u.end_s is not None for u in self.utterances
        )

    @property
    def duration_s(self) -> float | None:
        """Seconds from the first start to the last end, when times exist."""
        starts = [u.start_s for u in self.utterances if u.start_s is not None]
        ends = [u.end_s if u.end_s is not None else u.start_s for u in self.utterances]
        ends = [e for e in ends if e is not None]
        if not starts or not ends:
            return None
        return max(ends) - min(starts)

    # -- annotations --------------------------------------------------------

    @cached_property
    def _by_layer(self) -> dict[str, list[list[str]]]:
        n = len(self.utterances)
        out: dict[str, list[list[str]]] = {}
        for a in self.annotations:
            if a.layer not in out:  # build the empty rows once per layer, not per annotation
                out[a.layer] = [[] for _ in range(n)]
            out[a.layer][a.index].append(a.value)
        return out

    @property
    def layers(self) -> frozenset[str]:
        """Names of the utterance layers and span layers present."""
        return frozenset(self._by_layer) | frozenset(s.layer for s in self.spans)

    def label(self, layer: str, index: int) -> str | None:
        """The (first) label of ``layer`` on utterance ``index``, or None."""
        values = self._by_layer.get(layer)
        if values is None or not values[index]:
            return None
        return values[index][0]

    def labels(self, layer: str) -> list[str | None]:
        """The (first) label of ``layer`` for every utterance, None where absent."""
        values = self._by_layer.get(layer)
        if values is None:
            return [None] * len(self.utterances)
        return [v[0] if v else None for v in values]

    def all_labels(self, layer: str, index: int) -> tuple[str, ...]:
        """Every label of ``layer`` on utterance ``index`` (used for flags)."""
        values = self._by_layer.get(layer)
        return tuple(values[index]) if values is not None else ()

    def spans_of(self, layer: str) -> list[Span]:
        """The spans of ``layer``, in order of their first utterance."""
        return sorted((s for s in self.spans if s.layer == layer), key=lambda s: (s.first, s.last))

    def with_annotations(
        self, annotations: Iterable[Annotation] = (), spans: Iterable[Span] = ()
    ) -> "Session":
        """A new session with these annotations and spans added."""
        return replace(
            self,
            annotations=self.annotations + tuple(annotations),
            spans=self.spans + tuple(spans),
        )

    def with_roles(self, roles: Mapping[str, Role]) -> "Session":
        """A new session with the roles of the named speaker ids replaced."""
        speakers = tuple(
            replace(s, role=roles[s.id]) if s.id in roles else s for s in self.speakers
        )
        return replace(self, speakers=speakers)
