"""Text features shared by training (scikit-learn) and inference (numpy only).

One implementation serves both sides, so the shipped models see exactly the
features they were trained on:

- :func:`normalize` lower-cases and strips punctuation. Word and character
  n-grams are computed on the normalized text only, so a speech-recognition
  transcript (lower case, no punctuation) gets the same n-grams as a
  professionally punctuated one; punctuation survives only in a few explicit
  surface features (:func:`surface_features`), which the models learn to use
  when present and to do without (training mixes in stripped copies).
- :class:`NgramVectorizer` maps texts to sublinear TF-IDF vectors over a
  pruned vocabulary of word 1-2grams and character 2-5grams, each block
  L2-normalised on its own. :meth:`NgramVectorizer.transform_many` returns
  the rows of a whole session as one :class:`SparseRows` (compressed sparse
  rows in plain numpy), whose :meth:`SparseRows.dot` scores every row against
  a weight matrix in a few array operations; single rows are
  ``(indices, values)`` pairs, which training stacks into a scipy matrix.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from itertools import repeat
from typing import Iterable, Sequence

import numpy as np

from alliance.annotators._text_trie import CharGramTrie

__all__ = [
    "normalize",
    "content_words",
    "surface_features",
    "SURFACE_NAMES",
    "NgramVectorizer",
    "SparseRows",
]

_APOSTROPHE = re.compile(r"['\u2019`]")
_NON_WORD = re.compile(r"[^\w\s]+|_+")
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Lower-case ``text``, drop apostrophes, turn other punctuation into spaces.

    This is also how the evaluation builds its "speech recognition" copy, so a
    stripped transcript normalizes to the same string as the original.
    """
    t = _APOSTROPHE.sub("", text.lower())
    t = _NON_WORD.sub(" ", t)
    return _SPACES.sub(" ", t).strip()


# Function words: overlap with the previous turn is measured on the rest.
_STOP = frozenset(
    """a an the and or but so if then of to in on at for with from by about as is are was
    were be been being am do does did have has had i you he she it we they me him her us them
    my your his its our their this that these those there here what when where why how who
    which not no yes yeah okay ok um uh mm hmm mmhmm like just really very can could would
    should will shall may might must im youre dont its thats well oh right know think get got
    going go sort kind thing things lot also too more much some any all""".split()
)


def content_words(norm: str) -> set[str]:
    """The words of a normalized text that are not function words."""
    return {w for w in norm.split() if w not in _STOP and len(w) > 1}


_WH = frozenset("what how why when where who which whats hows whos".split())
_AUX = frozenset(
    """do does did is are was were have has had can could would will should shall may might
    am arent isnt dont doesnt didnt havent wont wouldnt couldnt""".split()
)
_REFLECT_START = frozenset("so sounds it youre you seems".split())

#: Names of the columns :func:`surface_features` returns, in order.
SURFACE_NAMES: tuple[str, ...] = (
    "has_qmark", "ends_qmark", "n_qmark", "has_period", "has_exclaim", "has_comma",
    "has_dash", "log_words", "short_1", "short_3", "starts_wh", "starts_aux",
    "has_wh", "starts_reflect", "has_you", "has_i",
)


def surface_features(text: str, norm: str) -> list[float]:
    """Punctuation, length and sentence-start cues of one utterance (see SURFACE_NAMES)."""
    words = norm.split()
    first = words[0] if words else ""
    stripped = text.rstrip()
    n = len(words)
    ws = set(words)
    return [
        float("?" in text),
        float(stripped.endswith("?")),
        min(text.count("?"), 3) / 3.0,
        float("." in text),
        float("!" in text),
        float("," in text),
        float("-" in text),
        math.log1p(n) / 4.0,
        float(n <= 1),
        float(n <= 3),
        float(first in _WH),
        float(first in _AUX),
        float(bool(ws & _WH)),
        float(first in _REFLECT_START),
        float("you" in ws or "youre" in ws or "your" in ws),
        float("i" in ws or "im" in ws or "my" in ws),
    ]


# Word n-grams start with "#", which normalize() removes from text, so they can
# never collide with a character n-gram in the shared vocabulary.
def _word_grams(norm: str, edges: bool = True) -> list[str]:
    words = norm.split()
    grams = ["#" + w for w in words]
    grams += ["#" + a + " " + b for a, b in zip(words, words[1:])]
    # Sentence boundaries carry the move ("so you...", "...right").
    if edges and words:
        grams.append("#^" + words[0])
        grams.append("#$" + words[-1])
        if len(words) > 1:
            grams.append("#^" + words[0] + " " + words[1])
    return grams


def _char_grams(norm: str, sizes: Sequence[int] = (2, 3, 4, 5)) -> list[str]:
    s = " " + norm + " "
    out: list[str] = []
    for n in sizes:
        out.extend(s[i:i + n] for i in range(len(s) - n + 1))
    return out


class NgramVectorizer:
    """Sublinear TF-IDF over word 1-2grams and character 2-5grams of normalized text.

    Parameters
    ----------
    min_df:
        Keep n-grams that occur in at least this many training texts.
    max_features:
        Keep at most this many n-grams per block (the most frequent).

    Learned state: ``vocab_`` (n-gram -> column), ``idf_`` (float32 per column),
    ``block_`` (0 for words, 1 for characters, per column).

    Subclasses choose other n-grams through :attr:`CHAR_SIZES` and
    :attr:`WORD_EDGES`; :meth:`_grams` (training) and the trie lookup of
    :meth:`transform_many` both follow them.
    """

    #: Character n-gram sizes.
    CHAR_SIZES: tuple[int, ...] = (2, 3, 4, 5)
    #: Whether the first word, last word and first bigram get their own n-grams.
    WORD_EDGES: bool = True

    def __init__(self, min_df: int = 2, max_features: int = 60000) -> None:
        self.min_df = min_df
        self.max_features = max_features

    def _grams(self, norm: str) -> tuple[list[str], list[str]]:
        """The word and the character n-grams of one normalized text, as strings."""
        return _word_grams(norm, self.WORD_EDGES), _char_grams(norm, self.CHAR_SIZES)

    def fit(self, norms: Iterable[str]) -> "NgramVectorizer":
        """Learn the vocabulary and idf from normalized texts."""
        dfs = (Counter(), Counter())
        n_docs = 0
        for norm in norms:
            n_docs += 1
            for b, grams in enumerate(self._grams(norm)):
                dfs[b].update(set(grams))
        vocab: dict[str, int] = {}
        idf: list[float] = []
        block: list[int] = []
        for b, df in enumerate(dfs):
            kept = [(g, c) for g, c in df.items() if c >= self.min_df]
            kept.sort(key=lambda gc: (-gc[1], gc[0]))
            for g, c in kept[: self.max_features]:
                vocab[g] = len(vocab)
                idf.append(math.log((1 + n_docs) / (1 + c)) + 1.0)
                block.append(b)
        self.vocab_ = vocab
        self.idf_ = np.asarray(idf, dtype=np.float32)
        self.block_ = np.asarray(block, dtype=np.int8)
        self._trie = None
        return self

    @classmethod
    def from_arrays(cls, grams: Sequence[str], idf: np.ndarray, block: np.ndarray) -> "NgramVectorizer":
        """Rebuild a fitted vectorizer from exported arrays."""
        v = cls()
        v.vocab_ = {g: i for i, g in enumerate(grams)}
        v.idf_ = np.asarray(idf, dtype=np.float32)
        v.block_ = np.asarray(block, dtype=np.int8)
        v._trie = None
        return v

    def transform_one(self, norm: str) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and TF-IDF values of one normalized text."""
        return self.transform_many([norm])[0]

    def transform(self, norms: Iterable[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        """``transform_one`` for every text."""
        rows = self.transform_many(list(norms))
        return [rows[i] for i in range(len(rows))]

    def transform_many(self, norms: Sequence[str | None]) -> "SparseRows":
        """The TF-IDF rows of many normalized texts at once (``None`` gives an empty row).

        Each distinct text is split into n-grams once; the n-grams are looked
        up in one pass and counted, weighted and normalised with whole-array
        numpy operations instead of a dict per text.
        """
        # Sessions repeat themselves ("yeah", "mm hmm"): vectorize each text once.
        distinct: dict[str, int] = {}
        for norm in norms:
            if norm is not None and norm not in distinct:
                distinct[norm] = len(distinct)
        rows = self._rows(list(distinct))
        return rows.take([-1 if n is None else distinct[n] for n in norms])

    def _char_trie(self) -> CharGramTrie:
        """The trie of the vocabulary's character n-grams, built on first use."""
        if getattr(self, "_trie", None) is None:
            blocks = self.block_.tolist()
            self._trie = CharGramTrie([(g, k) for g, k in self.vocab_.items() if blocks[k] == 1], self.CHAR_SIZES)
        return self._trie

    def _lookup(self, norms: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """``(segment, column)`` of every n-gram in the vocabulary; segment is ``2 * text + block``."""
        # Word n-grams (a sixth of them) as strings; character n-grams through the trie.
        grams: list[str] = []
        counts: list[int] = []
        for norm in norms:
            words = _word_grams(norm, self.WORD_EDGES)
            grams.extend(words)
            counts.append(len(words))
        col_w = np.fromiter(map(self.vocab_.get, grams, repeat(-1)), dtype=np.int64, count=len(grams))
        seg_w = 2 * np.repeat(np.arange(len(norms), dtype=np.int64), counts)
        known = col_w >= 0
        doc_c, col_c = self._char_trie().lookup(norms)
        return np.concatenate([seg_w[known], 2 * doc_c + 1]), np.concatenate([col_w[known], col_c])

    def _rows(self, norms: Sequence[str]) -> "SparseRows":
        """:meth:`transform_many` of distinct texts (no ``None``)."""
        n = len(norms)
        segment, col = self._lookup(norms)
        if not len(col):
            return SparseRows.empty(n)
        nf = max(self.n_features, 1)
        # One key per (text, block, column); counting keys counts n-grams per block.
        key = segment * nf + col
        key, tf = np.unique(key, return_counts=True)  # sorted: by text, then block, then column
        group, col = np.divmod(key, nf)
        doc = group // 2
        col = col.astype(np.int32)
        # Sublinear tf times idf, in float32 like the training rows.
        val = (np.float32(1.0) + np.log(tf.astype(np.float32))) * self.idf_[col]
        norm2 = np.bincount(group, weights=val * val, minlength=2 * n)
        val = (val / np.sqrt(norm2.astype(np.float32))[group]).astype(np.float32)
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(doc, minlength=n), out=indptr[1:])
        return SparseRows(indptr, col, val)

    @property
    def n_features(self) -> int:
        """Number of vocabulary columns."""
        return len(self.vocab_)


@dataclass(frozen=True)
class SparseRows:
    """TF-IDF rows of several texts in compressed sparse row form (numpy only).

    Row ``i`` has columns ``indices[indptr[i]:indptr[i + 1]]`` with values
    ``values[...]`` (the same slice); ``rows[i]`` gives that
    ``(indices, values)`` pair, so a ``SparseRows`` can stand wherever a list
    of pairs was expected.
    """

    indptr: np.ndarray
    indices: np.ndarray
    values: np.ndarray

    @classmethod
    def empty(cls, n: int) -> "SparseRows":
        """``n`` rows without any column."""
        return cls(np.zeros(n + 1, np.int64), np.zeros(0, np.int32), np.zeros(0, np.float32))

    @classmethod
    def from_pairs(cls, pairs: Sequence[tuple[np.ndarray, np.ndarray]]) -> "SparseRows":
        """Stack ``(indices, values)`` rows."""
        if isinstance(pairs, SparseRows):
            return pairs
        indptr = np.zeros(len(pairs) + 1, dtype=np.int64)
        np.cumsum([len(idx) for idx, _ in pairs], out=indptr[1:])
        if not indptr[-1]:
            return cls.empty(len(pairs))
        return cls(indptr, np.concatenate([idx for idx, _ in pairs]).astype(np.int32),
                   np.concatenate([val for _, val in pairs]).astype(np.float32))

    def __len__(self) -> int:
        return len(self.indptr) - 1

    def __getitem__(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        a, b = self.indptr[i], self.indptr[i + 1]
        return self.indices[a:b], self.values[a:b]

    def take(self, order: Sequence[int]) -> "SparseRows":
        """Rows ``order[0], order[1], ...`` of these rows; ``-1`` gives an empty row."""
        order = np.asarray(order, dtype=np.int64)
        if not len(self):
            return SparseRows.empty(len(order))
        lengths = np.where(order >= 0, np.diff(self.indptr)[order], 0)
        indptr = np.zeros(len(order) + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        # Position of every output entry in the source arrays.
        pos = np.arange(indptr[-1]) + np.repeat(self.indptr[order] - indptr[:-1], lengths)
        return SparseRows(indptr, self.indices[pos], self.values[pos])

    def dot(self, M: np.ndarray, offset: int = 0) -> np.ndarray:
        """``X @ M[offset:offset + width]`` for the rows ``X``: shape ``(len(self), M.shape[1])``.

        Gathers the weight rows of all stored entries at once and sums them
        per row; empty rows score zero.
        """
        out = np.zeros((len(self), M.shape[1]), dtype=np.result_type(M.dtype, np.float32))
        if not len(self.indices):
            return out
        gathered = M[self.indices + offset] if offset else M[self.indices]
        gathered *= self.values[:, None]
        starts = self.indptr[:-1]
        filled = self.indptr[1:] > starts
        out[filled] = np.add.reduceat(gathered, starts[filled], axis=0)
        return out
