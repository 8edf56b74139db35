"""Relationship focus, the one-way balance, ruptures and the therapist's flags.

Computed from the layers the relational annotators produce (``focus``,
``flag``, ``relationship``) and the span layers ``episode`` and ``rupture``.
Definitions follow the codebook, sections 2 to 5.
"""

from __future__ import annotations

from collections import Counter

from alliance.metrics.base import Figure, share
from alliance.model import Role, Session

__all__ = ["relational_metrics", "ONE_WAY_FOCI", "BACKS_DOWN_WINDOW"]

#: Foci that keep the talk one way (codebook section 4).
ONE_WAY_FOCI = frozenset({"patient_life", "relationship"})

#: A confrontation counts as backed down when a ``backs_down`` flag follows
#: within this many *later* therapist turns (backing down answers the patient's
#: reaction, so it cannot sit on the confronting utterance itself).
BACKS_DOWN_WINDOW = 3


def _flagged(session: Session, flag: str) -> list[int]:
    return [i for i in range(len(session.utterances)) if flag in session.all_labels("flag", i)]


def _backed_down(session: Session, confrontations: list[int]) -> list[int]:
    therapist_turns = [i for i, r in enumerate(session.roles) if r is Role.THERAPIST]
    backs = set(_flagged(session, "backs_down"))
    out = []
    for c in confrontations:
        later = [i for i in therapist_turns if i > c][:BACKS_DOWN_WINDOW]
        if any(i in backs for i in later):
            out.append(c)
    return out


def relational_metrics(session: Session) -> list[Figure]:
    """One-way index, self-disclosures, relationship share, episodes, returns, ruptures, confrontations."""
    utts = session.utterances
    total_words = sum(u.words for u in utts)
    foci = session.labels("focus")
    if any(f is not None for f in foci):
        one_way = [i for i, f in enumerate(foci) if f in ONE_WAY_FOCI]
        one_way_index = share(sum(utts[i].words for i in one_way), total_words)
    else:
        one_way, one_way_index = [], None
    other_way = [i for i, f in enumerate(foci) if f is not None and f not in ONE_WAY_FOCI]

    episodes = session.spans_of("episode")
    in_episodes = sorted({i for e in episodes for i in range(e.first, e.last + 1)})
    by_initiator: Counter[str] = Counter(str(e.attrs.get("initiator")) for e in episodes)
    returns = [e for e in episodes if e.attrs.get("after_decline")]

    ruptures = session.spans_of("rupture")
    repaired = [r for r in ruptures if r.attrs.get("repaired")]
    disclosures = _flagged(session, "self_disclosure")
    confrontations = _flagged(session, "confrontation")
    backed = _backed_down(session, confrontations)

    return [
        Figure("one_way_index", one_way_index, tuple(other_way),
               "Share of words about the patient's life or the relationship; "
               "evidence lists the utterances that are not."),
        Figure("self_disclosures", len(disclosures), tuple(disclosures),
               "Therapist utterances revealing the therapist's own life."),
        Figure("relationship_share", share(sum(utts[i].words for i in in_episodes), total_words) or 0.0,
               tuple(in_episodes), "Share of words spoken inside relationship episodes."),
        Figure("episodes_by_initiator", dict(sorted(by_initiator.items())),
               tuple(e.first for e in episodes), "Relationship episodes, by who started them."),
        Figure("therapist_returns_after_decline", len(returns), tuple(e.first for e in returns),
               "Therapist-initiated relationship episodes after the patient declined an earlier one."),
        Figure("ruptures", len(ruptures), tuple(r.first for r in ruptures),
               "Utterances with a rupture marker (strain in the collaboration)."),
        Figure("ruptures_repaired", len(repaired), tuple(r.first for r in repaired),
               "Ruptures followed by a therapist repair and the patient re-engaging."),
        Figure("confrontations", len(confrontations), tuple(confrontations),
               "Therapist challenges, disagreements or unsolicited contrary interpretations."),
        Figure("confrontations_backed_down", len(backed), tuple(backed),
               f"Confrontations the therapist retracted or softened within {BACKS_DOWN_WINDOW} turns."),
    ]
