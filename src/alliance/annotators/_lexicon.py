"""Shared text handling for the relational annotators: normalisation and dialogue context.

Transcripts come from people and from speech recognisers: upper or lower
case, with or without punctuation, with contractions written ``don't``,
``do n't`` (tokenised) or ``dont`` (ASR). :func:`normalize` maps all of these
to one canonical form (lower case, contractions expanded, punctuation gone,
single spaces, a space at each end) so that every pattern in the relational
lexicons is written once, against that form, with plain ``\\b`` boundaries.

:class:`Dialogue` is the per-session view the annotators share: normalised
texts, roles, and the small questions about context the codebook keeps
asking ("what did the therapist's previous turn do?").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from alliance.model import Role, Session

__all__ = [
    "normalize", "compile_any", "Dialogue", "is_question", "is_ack", "word_count",
    "FEELING", "NEG_FEELING", "KIN", "OTHERS",
]

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_TOKENISED = re.compile(r"\s+(n't|'s|'re|'ve|'m|'ll|'d)\b")
_CONTRACTIONS = (
    (re.compile(r"\bcan't\b"), "can not"),
    (re.compile(r"\bwon't\b"), "will not"),
    # "I ain't gonna cry about it", "y'all ain't": the person it goes with, not always "is".
    (re.compile(r"\bi ain't\b"), "i am not"),
    (re.compile(r"\b(you|we|they|y'all) ain't\b"), r"\1 are not"),
    (re.compile(r"\bain't\b"), "is not"),
    # Scots "ah'm", "ah've", "ah'll": the first person ("ah" alone is as often "ah, well").
    (re.compile(r"\bah(?='m\b|'ve\b|'ll\b|'d\b)"), "i"),
    (re.compile(r"n't\b"), " not"),
    (re.compile(r"'re\b"), " are"),
    (re.compile(r"'ve\b"), " have"),
    (re.compile(r"'m\b"), " am"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"'d\b"), " would"),
    (re.compile(r"\blet's\b"), "let us"),
    (re.compile(r"\b(it|that|what|there|he|she|who|where|how|here|this|everything|nothing)'s\b"), r"\1 is"),
)
#: Apostrophe-less spellings common in ASR output.
_BARE = {
    "dont": "do not", "cant": "can not", "wont": "will not", "didnt": "did not",
    "doesnt": "does not", "isnt": "is not", "arent": "are not", "wasnt": "was not",
    "werent": "were not", "havent": "have not", "hasnt": "has not", "hadnt": "had not",
    "wouldnt": "would not", "couldnt": "could not", "shouldnt": "should not",
    "im": "i am", "ive": "i have", "youre": "you are", "youve": "you have",
    "youll": "you will", "youd": "you would", "thats": "that is", "whats": "what is",
    "theyre": "they are", "its": "it is", "hes": "he is", "shes": "she is",
    "hows": "how is", "whos": "who is", "wheres": "where is", "theres": "there is", "itll": "it will",
    "thatll": "that will", "theyve": "they have", "theyll": "they will", "weve": "we have",
    "wouldve": "would have", "couldve": "could have", "shouldve": "should have",
    "gonna": "going to", "wanna": "want to", "kinda": "kind of", "gotta": "got to",
    "ok": "okay", "cannot": "can not", "mhm": "mm hmm", "mmhmm": "mm hmm",
    "uhhuh": "uh huh", "yep": "yeah", "yup": "yeah", "ya": "yeah", "yea": "yeah",
    # Scots spellings the transcripts keep ("ah didnae want tae bother ye wi it"): the cues
    # are written in standard English. Not "ah" or "ma", which are as often "ah, well" and a
    # mother.
    "ye": "you", "yer": "your", "yersel": "yourself", "wis": "was", "tae": "to", "wi": "with",
    "fae": "from", "aboot": "about", "oot": "out", "awright": "alright", "dae": "do", "nae": "no",
    "gonnae": "going to", "hame": "home", "whit": "what", "hoose": "house", "naebody": "nobody",
    "doon": "down", "withoot": "without", "daein": "doing", "gaun": "going",
    "cannae": "can not", "didnae": "did not", "dinnae": "do not", "couldnae": "could not",
    "wouldnae": "would not", "wasnae": "was not", "isnae": "is not", "doesnae": "does not",
    "shouldnae": "should not", "havenae": "have not", "willnae": "will not",
}
_NON_WORD = re.compile(r"[^a-z0-9\s]+")
#: Scots "I'm no bothered", "ah'm no gonnae": "not", unless it is "I'm no good", "no expert" or a
#: comparison ("I'm no further on", "no wiser").
_SCOTS_NO = re.compile(r" i am no (?!(?:good|expert|one|use|fool|saint|angel|stranger|different|more|\w+er)\b)")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=16384)
def normalize(text: str) -> str:
    """Canonical form of ``text``: lower case, contractions expanded, no punctuation.

    The result starts and ends with a space, so ``" you "`` finds the word.

    >>> normalize("I DON'T know... it's fine")
    ' i do not know it is fine '
    >>> normalize("i do n't know its fine")
    ' i do not know it is fine '
    """
    t = text.lower().translate(_QUOTES)
    t = _TOKENISED.sub(r"\1", t)
    for pattern, repl in _CONTRACTIONS:
        t = pattern.sub(repl, t)
    t = t.replace("'s", "s").replace("-", " ")
    t = _NON_WORD.sub(" ", t)
    words = [_BARE.get(w, w) for w in t.split()]
    out = " " + " ".join(words) + " " if words else " "
    return _SCOTS_NO.sub(" i am not ", out) if " i am no " in out else out


class RememberingPattern:
    """A compiled pattern whose ``search`` remembers its answers for recent texts.

    The annotators ask the same large alternations about the same utterance
    more than once (relationship talk, ruptures and flags each read the turns
    around the one they label), and on a one-hour session about a fifth of the
    time spent searching went to repeated questions. Everything else
    (``match``, ``finditer``, ``sub``, ``pattern`` ...) is the compiled
    pattern's own. Match objects are immutable, so sharing them is safe.
    """

    __slots__ = ("compiled", "search")

    def __init__(self, compiled: re.Pattern[str], remember: int = 1024) -> None:
        self.compiled = compiled
        self.search = lru_cache(maxsize=remember)(compiled.search)

    def __getattr__(self, name: str):
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"RememberingPattern({self.compiled!r})"


def compile_any(patterns: Iterable[str]) -> re.Pattern[str]:
    """One compiled alternation of ``patterns``, each matched between word boundaries.

    The boundaries are look-arounds rather than ``\\b`` so that a pattern may
    also anchor on the padding space of a normalised text (``"^ no"``). The
    result remembers its recent ``search`` answers (:class:`RememberingPattern`).
    """
    compiled = re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?!\w)")
    return RememberingPattern(compiled)  # type: ignore[return-value]  # same interface


def word_count(norm: str) -> int:
    """Words in a normalised text."""
    return len(norm.split())


# -- small shared vocabularies (regex fragments) ------------------------------

#: Feeling words, broad: used where any feeling turns talk into meaning.
FEELING = (
    r"feel|feels|feeling|feelings|felt|abandon\w*|alone|lonely|left|miss|missed|missing|"
    r"stir\w*|upset\w*|angry|anger|mad|annoyed|irritat\w*|frustrat\w*|relie\w*|disappoint\w*|"
    r"hurt|sad|sadness|anxious|anxiety|worr\w*|scared|afraid|fear\w*|resent\w*|jealous|"
    r"rejected|dropped|forgotten|bother\w*|react\w*|mean|means|meant|meaning|like for you|"
    r"think about it|thoughts about|dismissed|ashamed|embarrass\w*|guilty|grateful|glad|"
    r"happy|hate|love|trust|safe|judged|burden\w*|pushed away|shut out|close|protective|"
    r"moved|touched|bored|tired of|sick of|fed up|hopeless|stuck"
)
#: Negative feelings a complaint or strain may carry.
NEG_FEELING = (
    r"angry|mad|annoyed|irritated|frustrated|upset|hurt|disappointed|pissed|fed up|sick of|"
    r"tired of|offended|insulted|judged|dismissed|ignored"
)
#: Kin and other relationships outside the room.
KIN = (
    r"mother|mom|mum|mommy|father|dad|daddy|parents?|husband|wife|partner|boyfriend|"
    r"girlfriend|ex|brother|sister|siblings?|son|daughter|kids?|children|boss|family|"
    r"grandmother|grandfather|grandma|grandpa|uncle|aunt|friend|friends|teacher|stepfather|stepmother"
)
#: People outside the room a turn may be about (wider than kin).
OTHERS = (
    KIN + r"|neighbou?rs?|colleagues?|manager|landlord|flatmates?|roommates?|doctor|nephew|niece|cousins?|"
    r"he|she|they|him|her|them|his|their"
)

_ACK = re.compile(
    r"^ (?:(?:yeah|yes|yes yes|no|okay|right|sure|mm|mm hmm|hmm|uh huh|uh|um|oh|ah|i see|"
    r"got it|true|exactly|totally|absolutely|alright|all right|fine|cool|wow|huh|"
    r"okay okay|yeah yeah|mm mm|that is right|i know|sure sure|of course|thanks|thank you)\s*)+$"
)
# "I" may precede only "wonder": before an auxiliary it makes a statement
# ("I do not think so", "I have a plan"), not an inversion.
_Q_START = re.compile(
    r"^ (?:(?:so|and|but|well|okay|now|then|um|uh|just|also)\s+)*"
    r"(?:what|how|why|when|where|who|whom|which|whose|"
    r"do|does|did|is|are|was|were|have|has|had|can|could|would|will|should|may|might|am|"
    r"wonder|i (?:just |also |really |was |kind of )?wonder|any|anything)\b"
)
_Q_TAIL = re.compile(r"(?<!that is )\b(?:right|is it|do you|did you|was it|are you|or not|would you) $")
_Q_INNER = re.compile(r"\b(?:i wonder (?:if|whether|what|how|about)|i am wondering|i am curious)\b")


def is_ack(norm: str) -> bool:
    """A bare acknowledgement ("yeah", "ok", "mm-hmm") with nothing else in it."""
    return bool(_ACK.match(norm)) or norm.strip() == ""


def is_question(text: str, norm: str) -> bool:
    """Whether an utterance asks something; robust to missing question marks.

    Uses '?' when the transcript has it, otherwise wh-words, auxiliary inversion
    ("do you", "did my") and tags ("..., right").
    """
    return ("?" in text or bool(_Q_START.match(norm)) or bool(_Q_INNER.search(norm))
            or bool(_Q_TAIL.search(norm)))


def _client_names(session: Session) -> re.Pattern[str] | None:
    """First names of the clients when there are several (couples and family work)."""
    clients = {s.id for s in session.speakers if s.role is not Role.THERAPIST}
    spoken = {u.speaker for u in session.utterances} & clients
    if len(spoken) < 2:
        return None
    names = {s.name.lower().split()[0] for s in session.speakers
             if s.id in spoken and s.name and s.name.strip()}
    names = {n for n in names if n.isalpha() and len(n) > 1}
    if not names:
        return re.compile(r"(?!x)x")  # several clients, but no names to look for
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, names))) + r")\b")


#: A client hearing something new from the other ("I didn't know you were dreading it").
_NEWS_TO_ME = re.compile(r"^ (?:(?:oh|well|really|but|honestly|and) )*(?:i|we) (?:did not|never) (?:know|knew|realise|realize|realised|realized) (?:that )?you\b")

_CACHE: dict[str, "Dialogue"] = {}


class Dialogue:
    """The normalised view of a session that the relational annotators share.

    Holds the normalised text, role and word count of every utterance, and
    answers questions about the turn structure: who spoke before, which
    therapist turn a patient is answering.
    """

    #: How far back (in utterances) a reply looks for the turn it answers.
    REACH = 4

    @classmethod
    def of(cls, session: Session) -> "Dialogue":
        """The dialogue view of ``session``, shared by the annotators of one pipeline run.

        Annotated sessions share their utterance tuple and speakers with the
        session they came from, so the view is built once per session rather
        than once per annotator (a one-slot cache, holding its key alive).
        """
        cached = _CACHE.get("last")
        if cached is not None and cached.utterances is session.utterances \
                and cached.speakers == session.speakers:
            return cached
        d = cls(session)
        _CACHE["last"] = d
        return d

    def __init__(self, session: Session) -> None:
        # Only text, speakers and roles: never annotations, which differ
        # between the sessions that share this view.
        self.utterances = session.utterances
        self.speakers = session.speakers
        self.texts = tuple(u.text for u in session.utterances)
        self.norms = tuple(normalize(t) for t in self.texts)
        self.roles = session.roles
        self.words = tuple(word_count(n) for n in self.norms)
        self.n = len(self.texts)
        self.questions = tuple(is_question(t, n) for t, n in zip(self.texts, self.norms))
        self.acks = tuple(is_ack(n) for n in self.norms)
        self.client_names = _client_names(session)

    def you_is_therapist(self, i: int) -> bool:
        """Whether a client's "you" in utterance ``i`` can mean the therapist.

        In couples and family sessions clients talk to each other (codebook:
        partners talking to each other is not relationship talk): after another
        client's turn, or after the therapist has just directed them to another
        client by name ("what do you need from Robin?"), "you" is the partner.
        """
        if self.client_names is None:
            return True
        opening = " ".join(self.norms[i].split()[:2])
        if any(m.group() != self._own_name(i) for m in self.client_names.finditer(opening)):
            # Opening on the other client ("Alex never listens. You never listen", "Alex,
            # you ..."): the turn is about, then to, that client. A name further in ("I
            # don't think Emma feels she can be honest with you") leaves "you" open.
            return False
        if _NEWS_TO_ME.match(self.norms[i]):
            return False  # "I didn't know you felt that": news from the other client, said back to them
        if i == 0:
            return True
        prev = i - 1
        if self.roles[prev] is Role.THERAPIST:
            return not any(m.start() > 1 for m in self.client_names.finditer(self.norms[prev]))
        return self.acks[prev]

    def _own_name(self, i: int) -> str | None:
        """The lower-cased first name of the speaker of utterance ``i``, if known."""
        speaker = self.utterances[i].speaker
        name = next((s.name for s in self.speakers if s.id == speaker and s.name), None)
        return name.lower().split()[0] if name and name.strip() else None

    def is_therapist(self, i: int) -> bool:
        """Whether utterance ``i`` is the therapist's."""
        return self.roles[i] is Role.THERAPIST

    def is_patient(self, i: int) -> bool:
        """Whether utterance ``i`` is a patient's."""
        return self.roles[i] is Role.PATIENT

    def previous(self, i: int, role: Role, reach: int | None = None) -> int | None:
        """The nearest utterance before ``i`` by ``role``, within ``reach`` utterances."""
        stop = max(-1, i - 1 - (reach or self.REACH))
        for j in range(i - 1, stop, -1):
            if self.roles[j] is role:
                return j
        return None

    def answered_turn(self, i: int) -> int | None:
        """The therapist turn a patient utterance ``i`` answers: the last one, if the
        patient has not already taken the floor for long since."""
        return self.previous(i, Role.THERAPIST)

    def following(self, i: int, role: Role, count: int) -> list[int]:
        """The next ``count`` utterances after ``i`` by ``role``."""
        out: list[int] = []
        for j in range(i + 1, self.n):
            if self.roles[j] is role:
                out.append(j)
                if len(out) == count:
                    break
        return out
