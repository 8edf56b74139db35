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
  L2-normalised on its own. Rows come back as ``(indices, values)`` pairs of
  numpy arrays; training stacks them into a scipy matrix, inference gathers
  weight rows directly.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterable, Sequence

import numpy as np

__all__ = [
    "normalize",
    "content_words",
    "surface_features",
    "SURFACE_NAMES",
    "NgramVectorizer",
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
def _word_grams(norm: str) -> list[str]:
    words = norm.split()
    grams = ["#" + w for w in words]
    grams += ["#" + a + " " + b for a, b in zip(words, words[1:])]
    # Sentence boundaries carry the move ("so you...", "...right").
    if words:
        grams.append("#^" + words[0])
        grams.append("#$" + words[-1])
        if len(words) > 1:
            grams.append("#^" + words[0] + " " + words[1])
    return grams


def _char_grams(norm: str, lo: int = 2, hi: int = 5) -> list[str]:
    s = " " + norm + " "
    out: list[str] = []
    for n in range(lo, hi + 1):
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
    """

    def __init__(self, min_df: int = 2, max_features: int = 60000) -> None:
        self.min_df = min_df
        self.max_features = max_features

    @staticmethod
    def _grams(norm: str) -> tuple[list[str], list[str]]:
        return _word_grams(norm), _char_grams(norm)

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
        return self

    @classmethod
    def from_arrays(cls, grams: Sequence[str], idf: np.ndarray, block: np.ndarray) -> "NgramVectorizer":
        """Rebuild a fitted vectorizer from exported arrays."""
        v = cls()
        v.vocab_ = {g: i for i, g in enumerate(grams)}
        v.idf_ = np.asarray(idf, dtype=np.float32)
        v.block_ = np.asarray(block, dtype=np.int8)
        return v

    def transform_one(self, norm: str) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and TF-IDF values of one normalized text."""
        vocab = self.vocab_
        all_idx: list[np.ndarray] = []
        all_val: list[np.ndarray] = []
        for grams in self._grams(norm):
            counts = Counter(g for g in grams if g in vocab)
            if not counts:
                continue
            idx = np.fromiter((vocab[g] for g in counts), dtype=np.int32, count=len(counts))
            tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
            val = (1.0 + np.log(tf)) * self.idf_[idx]
            val /= np.sqrt(np.dot(val, val))
            all_idx.append(idx)
            all_val.append(val)
        if not all_idx:
            return np.zeros(0, np.int32), np.zeros(0, np.float32)
        return np.concatenate(all_idx), np.concatenate(all_val).astype(np.float32)

    def transform(self, norms: Iterable[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        """``transform_one`` for every text."""
        return [self.transform_one(n) for n in norms]

    @property
    def n_features(self) -> int:
        """Number of vocabulary columns."""
        return len(self.vocab_)
