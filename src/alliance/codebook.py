"""The labels alliance puts on a session (``../shared/docs/codebook.md``), as data.

Every utterance layer has a closed vocabulary; the pipeline refuses labels
outside it, so a typo in an annotator fails loudly instead of vanishing from
the metrics.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

__all__ = ["LAYERS", "SPAN_LAYERS", "RUPTURE_FAMILY", "is_known"]

#: Utterance layers and their labels (codebook sections 1 to 4).
LAYERS: Mapping[str, frozenset[str]] = MappingProxyType({
    "move": frozenset({"question", "reflection", "input", "other"}),
    "question": frozenset({"open", "closed"}),
    "reflection": frozenset({"simple", "complex"}),
    "flag": frozenset({"affirmation", "self_disclosure", "confrontation", "backs_down", "repair"}),
    "client_talk": frozenset({"change", "neutral", "sustain"}),
    "relationship": frozenset({"here_and_now", "feelings_about_therapist", "frame_feelings",
                               "transference_link", "immediacy"}),
    "rupture": frozenset({"denial", "minimal_response", "topic_shift", "deferential",
                          "complaint_about_therapist", "complaint_about_therapy",
                          "rejects_intervention"}),
    "focus": frozenset({"patient_life", "therapist_life", "relationship", "logistics", "social"}),
})

#: Span layers (several utterances): relationship episodes and ruptures.
SPAN_LAYERS: frozenset[str] = frozenset({"episode", "rupture"})

#: The rupture family of each marker (Rupture Resolution Rating System's two families).
RUPTURE_FAMILY: Mapping[str, str] = MappingProxyType({
    "denial": "withdrawal", "minimal_response": "withdrawal", "topic_shift": "withdrawal",
    "deferential": "withdrawal", "complaint_about_therapist": "confrontation",
    "complaint_about_therapy": "confrontation", "rejects_intervention": "confrontation",
})


def is_known(layer: str, value: str) -> bool:
    """True when ``value`` is a codebook label of ``layer``, or the layer is not a codebook layer."""
    labels = LAYERS.get(layer)
    return labels is None or value in labels
