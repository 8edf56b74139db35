"""compile_any's patterns remember recent search answers; the answers must not change."""

from __future__ import annotations

import re

from hypothesis import given, strategies as st

from alliance.annotators._lexicon import RememberingPattern, compile_any, normalize

_WORDS = st.sampled_from(["no", "not", "really", "you", "i", "fine", "it", "is", "leave", "the", "break", "x"])


@given(st.lists(_WORDS, max_size=12), st.integers(min_value=0, max_value=40))
def test_a_remembering_pattern_answers_as_the_compiled_one_does(words, pos):
    text = normalize(" ".join(words))
    remembering = compile_any([r"not really", r"no", r"leave (?:it|the break)"])
    plain = re.compile(remembering.pattern)
    for _ in range(2):  # the second answer comes from memory
        got, want = remembering.search(text), plain.search(text)
        assert (got and got.span()) == (want and want.span())
        got, want = remembering.search(text, pos), plain.search(text, pos)
        assert (got and got.span()) == (want and want.span())


def test_everything_but_search_is_the_compiled_pattern():
    p = compile_any(["no"])
    assert isinstance(p, RememberingPattern)
    assert p.pattern == p.compiled.pattern
    assert p.sub("-", " no no ") == " - - "
    assert [m.start() for m in p.finditer(" no no ")] == [1, 4]
