"""Relationship talk, episodes, rupture markers, therapist flags, ruptures and focus.

The relational annotators, in the order the pipeline runs them; each needs the
layers of the ones before it:

1. :class:`~alliance.annotators.relationship.RelationshipTalk`: ``relationship``
2. :class:`~alliance.annotators.ruptures.RuptureMarkers`: ``rupture`` (needs
   relationship talk: a "no" to a relationship question is a decline)
3. :class:`~alliance.annotators.episodes.Episodes`: span layer ``episode``
   (needs the markers: a complaint adds feeling, codebook decision 10)
4. :class:`~alliance.annotators.flags.TherapistFlags`: ``flag`` (needs the
   markers: backing down and softer repairs answer a strain)
5. :class:`~alliance.annotators.ruptures.Ruptures`: span layer ``rupture``
   with repair (needs the repair flags)
6. :class:`~alliance.annotators.focus.Focus`: ``focus`` (needs relationship
   talk and self-disclosure), hence the one-way index.
"""

from __future__ import annotations

from alliance.annotators.episodes import Episodes
from alliance.annotators.flags import TherapistFlags
from alliance.annotators.focus import Focus
from alliance.annotators.relationship import RelationshipTalk
from alliance.annotators.ruptures import RuptureMarkers, Ruptures
from alliance.pipeline import Annotator

__all__ = ["relational_annotators"]


def relational_annotators() -> list[Annotator]:
    """The annotators for relationship talk, therapist flags, ruptures and focus, in order."""
    return [RelationshipTalk(), RuptureMarkers(), Episodes(), TherapistFlags(), Ruptures(), Focus()]
