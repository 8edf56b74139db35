"""Turn context for the move and client-talk models (shared by training and inference).

A reflection answers what the patient just said and a question is answered by
what the patient says next, so every utterance is described together with its
neighbours: the nearest earlier turn by the *other* party, the nearest earlier
turn by the *same* party, and the next turn by the other party. For each
utterance this module returns those neighbour indices (``-1`` when there is
none) and a few dense features: the utterance's own surface cues, the
neighbours' surface cues, and the lexical overlap with the previous turn.

"Parties" are the two sides of the conversation: the therapist side and the
client side (patients and anyone else in the room), which is how AnnoMI
transcripts are coded.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import numpy as np

from alliance.annotators._text import SURFACE_NAMES, content_words, normalize, surface_features

__all__ = ["SLOTS", "DENSE_NAMES", "ContextRows", "context_rows"]

#: Neighbour slots, in the order their n-gram blocks appear in a weight matrix.
SLOTS: tuple[str, ...] = ("cur", "prev_other", "next_other", "prev_same")

_OVERLAP_NAMES = (
    "overlap_cur_in_prev", "overlap_prev_in_cur", "overlap_cur_in_next",
    "has_prev_other", "has_next_other", "same_speaker_before", "rel_position",
    "first_of_party",
)

#: Names of the dense columns, in order.
DENSE_NAMES: tuple[str, ...] = (
    tuple("cur_" + n for n in SURFACE_NAMES)
    + tuple("prev_" + n for n in SURFACE_NAMES)
    + tuple("next_" + n for n in SURFACE_NAMES)
    + _OVERLAP_NAMES
)


@dataclass(frozen=True)
class ContextRows:
    """Neighbours and dense features of the selected utterances of one session.

    ``rows`` are the utterance indices described; ``neighbours[k, s]`` is the
    index of slot ``SLOTS[s]`` for ``rows[k]`` (``-1`` when absent);
    ``dense[k]`` are its ``DENSE_NAMES`` features.
    """

    rows: np.ndarray
    neighbours: np.ndarray
    dense: np.ndarray


def context_rows(
    texts: Sequence[str],
    norms: Sequence[str],
    is_therapist: Sequence[bool],
    select: Sequence[int],
) -> ContextRows:
    """Describe utterances ``select`` of a session by their turn context.

    ``texts`` are the raw utterance texts, ``norms`` their normalized forms,
    ``is_therapist`` tells each utterance's party.
    """
    n = len(texts)
    prev_t = [-1] * n
    prev_c = [-1] * n
    last_t = last_c = -1
    for i in range(n):
        prev_t[i], prev_c[i] = last_t, last_c
        if is_therapist[i]:
            last_t = i
        else:
            last_c = i
    next_t = [-1] * n
    next_c = [-1] * n
    nxt_t = nxt_c = -1
    for i in range(n - 1, -1, -1):
        next_t[i], next_c[i] = nxt_t, nxt_c
        if is_therapist[i]:
            nxt_t = i
        else:
            nxt_c = i

    surf, words = _utterance_features(tuple(texts), tuple(norms))
    select = np.asarray(list(select), dtype=np.int64)
    neigh = np.full((len(select), len(SLOTS)), -1, dtype=np.int64)
    extra = np.zeros((len(select), len(_OVERLAP_NAMES)), dtype=np.float32)
    empty: frozenset[str] = frozenset()
    for k, i in enumerate(select.tolist()):
        ther = is_therapist[i]
        po = prev_c[i] if ther else prev_t[i]
        no = next_c[i] if ther else next_t[i]
        ps = prev_t[i] if ther else prev_c[i]
        neigh[k] = (i, po, no, ps)
        cur_w = words[i]
        prev_w = words[po] if po >= 0 else empty
        next_w = words[no] if no >= 0 else empty
        denom = max(len(cur_w), 1)
        extra[k] = (
            len(cur_w & prev_w) / denom,
            len(cur_w & prev_w) / max(len(prev_w), 1),
            len(cur_w & next_w) / denom,
            float(po >= 0),
            float(no >= 0),
            float(i > 0 and is_therapist[i - 1] == ther),
            i / max(n - 1, 1),
            float(ps < 0),
        )
    # surf has a blank last row, so a missing neighbour (-1) reads zeros.
    dense = np.hstack([surf[neigh[:, 0]], surf[neigh[:, 1]], surf[neigh[:, 2]], extra])
    return ContextRows(select, neigh, dense)


@lru_cache(maxsize=2)
def _utterance_features(texts: tuple[str, ...], norms: tuple[str, ...]) -> tuple[np.ndarray, list[frozenset[str]]]:
    """Surface features (plus a blank last row) and content words of every utterance.

    Cached: the move and the client-talk annotators describe the same session,
    each utterance once as a row and once as the other's neighbour.
    """
    surf = np.zeros((len(texts) + 1, len(SURFACE_NAMES)), dtype=np.float32)
    for i, (t, norm) in enumerate(zip(texts, norms)):
        surf[i] = surface_features(t, norm)
    return surf, [frozenset(content_words(norm)) for norm in norms]


def normalize_all(texts: Sequence[str]) -> list[str]:
    """:func:`normalize` every text."""
    return [normalize(t) for t in texts]
