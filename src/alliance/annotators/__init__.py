"""Annotators: one module per layer, each a pipeline component.

- ``moves``: therapist primary move, question and reflection type, affirmation
  (trained on AnnoMI), and the patient's client talk.
- ``relational``: relationship talk and episodes, therapist flags
  (self-disclosure, confrontation, backing down, repair), rupture markers and
  their repair, and the focus of every utterance.
"""

from __future__ import annotations

from alliance.pipeline import Annotator

__all__ = ["default_annotators"]


def default_annotators() -> list[Annotator]:
    """Every shipped annotator, in an order the pipeline accepts."""
    from alliance.annotators.moves import move_annotators
    from alliance.annotators.relational import relational_annotators

    return [*move_annotators(), *relational_annotators()]
