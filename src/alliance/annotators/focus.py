"""Whose life is the topic (codebook section 4): the ``focus`` of every utterance.

In order of precedence: ``relationship`` (any relationship talk),
``therapist_life`` (a self-disclosure, a patient's question about the
therapist's life, and the therapist's answer to it), ``logistics`` (the frame
without feeling: times, moves, bills, the therapist's absence announced),
``social`` (greetings, "how are you?", thanks, weather, apologising for being
late), otherwise ``patient_life``. A bare acknowledgement, or a short reply
that adds no topic of its own, takes the focus of the turn it answers, so
"Okay." after "Could you do Thursday instead?" is logistics and "Mm-hmm."
inside an episode is relationship.
"""

from __future__ import annotations

from alliance.annotators._flagpatterns import ASKS_THERAPIST_LIFE
from alliance.annotators._lexicon import Dialogue, compile_any
from alliance.model import Annotation, Role, Session
from alliance.pipeline import AnnotatorOutput

__all__ = ["Focus", "FOCI", "focus_labels"]

FOCI = ("patient_life", "therapist_life", "relationship", "logistics", "social")

_DAY = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow"
_HOUR = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|\d{1,2}"
LOGISTICS = compile_any([
    rf"(?:on |this |next |until |by |before |after )?(?:{_DAY})\b(?:\s+\w+){{0,3}}\s+(?:at|instead|works|is fine|session|appointment)",
    rf"(?:at|or|until|by|from) (?:{_HOUR})(?: thirty| fifteen| o clock| am| pm)?\b(?!\s+(?:years|months|weeks|days|times|people|kids))",
    rf"(?:either|or) (?:{_HOUR}) or (?:{_HOUR})",
    r"reschedul\w*|appointment|invoice|receipt|insurance|billing|copay|co pay|bank transfer|by transfer|the clinic|the office|front desk",
    r"(?:move|switch|change|moving|switching) (?:our|the|your|my|this) (?:session|appointment|time)",
    r"same time|next (?:session|appointment)|(?:see|seeing) you (?:next|on|then)",
    r"out of the office|i will be (?:away|out|off|gone)|i am (?:away|out) (?:on|next|this|from)|away for (?:\w+ )?(?:weeks?|days?)|(?:in|during) (?:august|july|december)",
    r"(?:calendar|diary|schedule)\b",
    r"(?:nearly|almost|running) (?:at|out of) time|(?:our|the) time is (?:up|nearly up)|we (?:need|have) to stop|let us stop (?:here|there)|for today",
    r"practical things|housekeeping|your new address|the form|this form|the account|same account",
    r"had to cancel|got your message|your message|the email|voicemail|the link|zoom|can you hear me|your camera|the audio",
    r"pay (?:the|for the|by|you|your)|paid (?:the|you)|the fee|my fee|the bill|fee for",
    r"works for me|that works|(?:three|two|four|ten|eleven) works",
])
SOCIAL = compile_any([
    r"^ (?:(?:oh|well|so) )?(?:hi|hello|hey|good morning|good afternoon|good evening|morning|welcome|come in|come on in)\b",
    r"how are you(?: doing| today| this morning)? $|how are you doing today|how is it going $",
    r"(?:fine|good|well|great|okay|not bad) (?:thanks|thank you)|and you $|and yourself|how about you $",
    r"(?:nice|good|lovely) to see you|you too $",
    r"(?:have|take) a seat|sit (?:down )?wherever|make yourself comfortable",
    r"(?:freezing|cold|hot|raining|rain|snow\w*|warm|sunny|windy|humid) (?:out|outside|today|out there)|the weather|the traffic|parking",
    r"sorry (?:i am|i was|for being|to be) late|sorry i am late",
    r"^ (?:(?:okay|well|so|alright) )*(?:thanks|thank you)(?: so much| very much)? $",
    r"bye|goodbye|take care|have a (?:good|nice|great) (?:weekend|week|day|evening|holiday)|see you $",
    r"it really is $|very well thank you",
    r"i am (?:a bit |a little |so )?(?:tired|slow|sleepy) (?:today|this morning)|bear with me|let me (?:just )?(?:get|grab) (?:my|a) (?:tea|coffee|water|notes)",
])
#: The patient's own life: makes a short reply carry its own topic.
_OWN_TOPIC = compile_any([
    r"(?:my|our) (?:\w+ )?(?:mother|mom|father|dad|husband|wife|partner|boss|sister|brother|son|daughter|kids|job|work|friend)",
    r"i (?:felt|feel|was|am|have|had|did|went|got|think|thought)\b(?:\s+\w+){2,}",
])
#: Short utterances may borrow their focus from the turn they answer.
SHORT = 12


def focus_labels(session: Session) -> list[str]:
    """The focus of every utterance."""
    d = Dialogue.of(session)
    rel = session.labels("relationship")
    out: list[str] = []
    for i in range(d.n):
        t = d.norms[i]
        own: str | None = None
        if rel[i] is not None:
            own = "relationship"
        elif d.is_therapist(i) and "self_disclosure" in session.all_labels("flag", i):
            own = "therapist_life"
        elif not d.is_therapist(i) and ASKS_THERAPIST_LIFE.search(t):
            own = "therapist_life"
        elif d.acks[i]:
            own = None
        elif LOGISTICS.search(t):
            own = "logistics"
        elif SOCIAL.search(t) and d.words[i] <= 15:
            own = "social"
        elif d.is_therapist(i) and out and out[-1] == "therapist_life" and i > 0 \
                and not d.is_therapist(i - 1):
            own = "therapist_life"  # the therapist answering a question about their life
        elif (out and out[-1] in ("logistics", "social") and d.words[i] <= SHORT
              and not d.questions[i] and not _OWN_TOPIC.search(t)):
            own = out[-1]
        if own is None:
            own = out[-1] if out and d.acks[i] else "patient_life"
        out.append(own)
    return out


class Focus:
    """Labels the focus of every utterance (layer ``focus``)."""

    name = "focus"
    version = "1"
    requires = ("relationship", "flag")
    produces = ("focus",)

    def annotate(self, session: Session) -> AnnotatorOutput:
        """One ``focus`` annotation per utterance."""
        return AnnotatorOutput(annotations=tuple(
            Annotation(i, "focus", f, self.name, self.version)
            for i, f in enumerate(focus_labels(session))
        ))
