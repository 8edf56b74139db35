"""Whole-session character n-gram lookup: the fast path of the TF-IDF vectorizer.

:class:`~alliance.annotators._text.NgramVectorizer` defines its n-grams as
strings (``"#so you"``, ``" you"``), and training counts them that way. At
inference, building and hashing a Python string for each of the ~150
character n-grams of every utterance costs more than everything else the
models do. :class:`CharGramTrie` finds the same vocabulary columns without
making those strings.

Every character of the vocabulary gets a small id (0 for characters no
vocabulary n-gram contains), and the vocabulary's character n-grams become
a trie stored as one transition array per depth, ``(state, next char) ->
state``, where the states of depth k are the vocabulary's k-character
prefixes and 0 means "no such prefix". Walking the trie from every position
of a whole session's text at once takes one array gather per depth; the
state reached at depth n names the column of the n-gram there, if any. An
n-gram holding an unknown character falls into state 0 and is dropped,
exactly as the string lookup drops it. The equivalence with the string
n-grams is checked in ``tests/test_scorer_equivalence.py``.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

__all__ = ["CharGramTrie"]


def _code_points(text: str) -> np.ndarray:
    """The code points of ``text`` (lone surrogates included) as int64."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)


class CharGramTrie:
    """Vocabulary columns of the character n-grams of many texts, found by walking a trie.

    ``char_grams`` are the vocabulary's character n-grams with their columns;
    ``sizes`` the n-gram sizes the vectorizer makes (grams of other lengths
    are never looked up). Texts are padded with one space each side, like
    :func:`~alliance.annotators._text._char_grams` does.
    """

    def __init__(self, char_grams: Sequence[tuple[str, int]], sizes: Sequence[int]) -> None:
        self.sizes = tuple(sizes)
        self._build(char_grams)

    def _build(self, char_grams: Sequence[tuple[str, int]]) -> None:
        """``char_table``: code point -> char id; ``step[k]``: (state of depth k) * n_chars
        + char id -> state of depth k + 1; ``column[n]``: state of depth n -> column or -1."""
        depth = max(self.sizes, default=0)
        text = "".join(g for g, _ in char_grams)
        points = _code_points(text)
        alphabet = np.unique(points)
        self.n_chars = len(alphabet) + 1
        # Code point -> id (0: in no vocabulary n-gram); the last entry stands for all beyond.
        self.char_table = np.zeros(int(alphabet[-1]) + 2 if len(alphabet) else 1, dtype=np.int64)
        self.char_table[alphabet] = np.arange(1, len(alphabet) + 1)
        # The n-grams as rows of char ids, padded with 0.
        length = np.asarray([len(g) for g, _ in char_grams], dtype=np.int64)
        cols = np.asarray([k for _, k in char_grams], dtype=np.int64)
        ids = np.zeros((len(char_grams), depth), dtype=np.int64)
        rows = np.repeat(np.arange(len(char_grams)), length)
        offset = np.arange(len(points)) - np.repeat(np.cumsum(length) - length, length)
        keep = offset < depth
        ids[rows[keep], offset[keep]] = self.char_table[points[keep]]
        # Depth by depth: a prefix's key is (its parent's state, its last char);
        # the distinct keys of depth k are the states of depth k, numbered from 1.
        self.step, self.column = [], {}
        state = np.zeros(len(char_grams), dtype=np.int64)
        for k in range(depth):
            deep = length > k
            key = state * self.n_chars + ids[:, k]
            distinct = np.unique(key[deep])
            table = np.zeros((int(state.max(initial=0)) + 1) * self.n_chars, dtype=np.int64)
            table[distinct] = np.arange(1, len(distinct) + 1)
            self.step.append(table)
            state = np.where(deep, table[key], 0)
            if k + 1 in self.sizes:
                column = np.full(len(distinct) + 1, -1, dtype=np.int64)
                exact = length == k + 1
                column[state[exact]] = cols[exact]
                self.column[k + 1] = column

    def lookup(self, norms: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """``(text, column)`` of every character n-gram of ``norms`` that is in the vocabulary.

        An n-gram occurring k times in a text appears k times.
        """
        padded = "".join(" " + n + " " for n in norms)
        points = _code_points(padded)
        ids = self.char_table[np.minimum(points, len(self.char_table) - 1)]
        length = np.asarray([len(n) + 2 for n in norms], dtype=np.int64)
        doc = np.repeat(np.arange(len(norms), dtype=np.int64), length)
        # Characters left in the text from each position on (an n-gram must fit).
        left = np.repeat(np.cumsum(length), length) - np.arange(len(ids), dtype=np.int64)
        segs: list[np.ndarray] = []
        cols: list[np.ndarray] = []
        state = np.zeros(len(ids), dtype=np.int64)  # the root, at every position
        for k, table in enumerate(self.step):
            n = k + 1
            m = len(ids) - k  # positions with n characters to go
            if m <= 0:
                break
            state = table[state[:m] * self.n_chars + ids[k:k + m]]
            if n in self.column:
                col = self.column[n][state]
                keep = (col >= 0) & (left[:m] >= n)
                segs.append(doc[:m][keep])
                cols.append(col[keep])
        if not segs:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        return np.concatenate(segs), np.concatenate(cols)
