"""Rupture markers in patient utterances, and the codebook's repaired rule."""

from __future__ import annotations

import pytest

from test_relationship import run


def marker(session, i):
    return session.labels("rupture")[i]


def rupture_spans(session):
    return [(r.first, r.attrs["family"], r.attrs["marker"], r.attrs["repaired"], r.attrs["repair_index"])
            for r in session.spans_of("rupture")]


@pytest.mark.parametrize("prompt,reply,expected", [
    ("You seem upset today.", "I'm not upset. It's fine.", "denial"),
    ("What comes to mind when you think about her?", "Maybe.", "minimal_response"),
    ("What was it like to hear that from your mother?", "Anyway, work was busy.", "topic_shift"),
    ("Shall we try the breathing exercise this week?", "Whatever you think is best.", "deferential"),
    ("Go on.", "You're not listening to me.", "complaint_about_therapist"),
    ("How has the week been?", "Honestly, these sessions aren't going anywhere.", "complaint_about_therapy"),
    ("I wonder if you're angry with her because she reminds you of yourself.",
     "No, that's not it at all. That's ridiculous.", "rejects_intervention"),
])
def test_each_marker_is_recognised_in_its_dialogue_context(prompt, reply, expected):
    s = run([("t", prompt), ("p", reply)])
    assert marker(s, 1) == expected


@pytest.mark.parametrize("prompt,reply,expected", [
    ("So the anger came up again.", "There you go again. I say something simple and you turn it into something deep.",
     "complaint_about_therapist"),
    ("Let's look at the numbers from this week.", "See, that's it. You only care about the number.", "complaint_about_therapist"),
    ("How have things been since Tuesday?", "You were so short with me on the phone. Like you wanted me off the line.",
     "complaint_about_therapist"),
    ("Where shall we start?", "Six sessions in and we're still fighting about the dishwasher.", "complaint_about_therapy"),
    ("Let's fill in the form together.", "No offence, but this is a box-ticking exercise as well.", "complaint_about_therapy"),
    ("How's work been?", "My boss is just ticking boxes. He doesn't care about any of us.", None),
])
def test_grievances_about_the_therapist_or_the_work_in_everyday_words(prompt, reply, expected):
    assert marker(run([("t", prompt), ("p", reply)]), 1) == expected


def test_a_short_answer_to_a_closed_question_is_not_a_minimal_response():
    s = run([("t", "Did anything get in the way of the homework?"), ("p", "No.")])
    assert marker(s, 1) is None


def test_correcting_a_detail_and_carrying_on_is_collaboration_not_rejection():
    s = run([("t", "So it sounds like the fight was on Monday."),
             ("p", "No, it was Tuesday actually, after dinner, and then she called her mother and it went on for hours.")])
    assert marker(s, 1) is None


def test_a_plain_decline_of_a_relationship_question_is_not_a_rupture():
    s = run([("t", "Do you feel abandoned when I go on vacation?"),
             ("p", "No, it's fine. I understand you have a life.")])
    assert marker(s, 1) is None


def test_a_decline_with_strain_after_the_therapist_persists_is_denial():
    s = run([
        ("t", "Do you feel abandoned when I go on vacation?"), ("p", "No, it's fine."),
        ("t", "Okay."), ("p", "Work was busy."), ("t", "Busy how?"), ("p", "Deadlines."),
        ("t", "I notice that every time I mention August, you bring us quickly back to work."),
        ("p", "Look, I've told you twice now. It's fine. I'm not upset about August."),
    ])
    assert marker(s, 7) == "denial"


def test_a_rupture_is_repaired_when_a_repair_is_followed_by_re_engagement():
    s = run([
        ("p", "Last week you looked at the clock twice. It felt like you wanted me gone."),
        ("t", "You're right, I did look at the clock. Thank you for telling me. What was it like to see that?"),
        ("p", "Embarrassing. Like I'd been talking too much and had been caught at it."),
    ])
    assert rupture_spans(s) == [(0, "confrontation", "complaint_about_therapist", True, 1)]


def test_a_rupture_without_repair_stays_unrepaired():
    s = run([
        ("t", "You keep saying you don't care what your father thinks, but you've mentioned him six times."),
        ("p", "You always do this. You make everything about my father."),
        ("t", "Okay, let's leave your father out of it."),
        ("p", "Fine."),
    ])
    assert rupture_spans(s) == [(1, "confrontation", "complaint_about_therapist", False, None)]


def test_markers_survive_speech_recognition_text():
    s = run([("t", "go on"), ("p", "youre not listening to me")])
    assert marker(s, 1) == "complaint_about_therapist"


def test_a_partner_complaining_to_a_partner_is_not_a_rupture():
    s = run([("t", "Robin, tell Alex what happened."), ("p", "You just went to your phone."),
             ("q", "You don't listen to me either.")])
    assert marker(s, 1) is None and marker(s, 2) is None


def test_a_practical_aside_is_not_a_topic_shift():
    s = run([("t", "How did the viewing go?"), ("p", "Fine, we signed."),
             ("t", "That's a big step."), ("p", "Oh, before I forget, can the invoices go to the new flat now?")])
    assert s.labels("rupture")[3] is None


def test_telling_the_therapist_the_session_is_not_about_them_is_a_complaint():
    s = run([("p", "My dad's chair is still by the window."),
             ("t", "When my own father died I couldn't move his things for a year."),
             ("p", "No offence, but this isn't about you. I came here to talk about my dad.")])
    assert s.labels("rupture")[2] == "complaint_about_therapist"


def test_a_patients_own_link_when_asked_about_the_therapist_is_not_a_complaint():
    s = run([("p", "Sometimes I watch you write and think you're keeping score."),
             ("t", "What's it like, imagining me keeping score?"),
             ("p", "Like being a kid again. I think you're judging me the same way he did.")])
    assert s.labels("relationship")[2] == "transference_link"
    assert s.labels("rupture")[2] is None


# -- sixth round: markers in other authors' words ---------------------------------------

@pytest.mark.parametrize("prompt,reply,expected", [
    ("What did you notice this week?",
     "Twelve sessions in and I still can't go to the shops. I can't see this working.", "complaint_about_therapy"),
    ("How did the talk with your sister go?",
     "Badly. Your suggestion made things worse, to be honest.", "complaint_about_therapist"),
    ("I think you skipped the practice most days.", "Lovely. So now it's my fault.", "complaint_about_therapist"),
])
def test_complaints_in_new_words(prompt, reply, expected):
    s = run([("t", prompt), ("p", reply)])
    assert marker(s, 1) == expected


def test_whatever_and_a_new_subject_after_a_challenge_is_a_topic_shift():
    s = run([("t", "I'm going to push back: last week you said the nights were wrecking your mornings."),
             ("p", "Whatever. Can we just talk about the match on Saturday?")])
    assert marker(s, 1) == "topic_shift"


def test_complaining_that_a_partner_decides_is_not_deferential():
    s = run([("t", "Who decided on the visit?"), ("p", "We agreed she'd visit at Easter."),
             ("q", "It's only agreed when you decide and then tell me.")])
    assert marker(s, 2) is None


# -- eighth round -------------------------------------------------------------------------

@pytest.mark.parametrize("reading,reply", [
    ("I don't think you're fine, Sam.", "I'm perfectly all right. I'm not someone who falls apart."),
    ("I think the move is hitting you harder than you're letting yourself feel.",
     "Can you stop? I've said it's fine three times. I'm not hurt about the flat."),
])
def test_insisting_on_being_fine_against_a_stated_reading_is_denial(reading, reply):
    s = run([("p", "It's fine."), ("t", reading), ("p", reply)])
    assert marker(s, 2) == "denial"


def test_insisting_on_being_fine_to_a_plain_question_is_not_a_rupture():
    s = run([("t", "How are you today?"), ("p", "I'm perfectly all right, thanks.")])
    assert marker(s, 1) is None


@pytest.mark.parametrize("prompt,reply,expected", [
    ("One thing that helps some families is a weekly meeting where everyone gets five minutes.",
     "No offence, but that sounds like something off a poster. We did the meeting thing before and it lasted a week.",
     "rejects_intervention"),
    ("I'd like to come back to the sessions you missed.",
     "Honestly, I don't know why I bother telling you things.", "complaint_about_therapist"),
    ("How are the sessions for you?", "It's the same every session. It's boring.", "complaint_about_therapy"),
    ("You say you want to go back, but every plan we make, you drop.", "Can I just finish my drawing?", "topic_shift"),
])
def test_eighth_round_markers_in_their_dialogue_context(prompt, reply, expected):
    s = run([("t", prompt), ("p", reply)])
    assert marker(s, 1) == expected


def test_a_warm_likeness_of_the_therapist_is_not_a_complaint():
    s = run([("t", "How are you feeling about finishing?"),
             ("p", "Scared. You're like the stabilisers on a bike and I'll wobble.")])
    assert marker(s, 1) is None


def test_a_named_client_answering_the_therapist_means_the_therapist():
    turns = [("t", "I don't think that's accurate, Robin. Last week we spent the hour on Alex."),
             ("p", "See, right there. I say something and you explain why I'm wrong.")]
    s = run(turns)
    assert marker(s, 1) == "complaint_about_therapist"


# -- Structure over phrasing (issue 4): the cue is who is blamed, for what, in answer to what --

@pytest.mark.parametrize("prompt,reply,expected", [
    # Second-person subject with a verb or state of disregard, whatever the words.
    ("Okay.", "You interrupted me again.", "complaint_about_therapist"),
    ("How was that?", "Honestly, you seemed bored last time.", "complaint_about_therapist"),
    # A therapy referent with a verdict of no use; a bare "it" once the therapist named a task.
    ("Did you try the exercise?", "these exercises are a joke honestly", "complaint_about_therapy"),
    ("How are you finding the breathing?", "It's not doing anything for me.", "complaint_about_therapy"),
    # A feeling or bodily sign the therapist has just pointed to, contradicted.
    ("Your hands are trembling.", "It's the coffee. I'm not nervous.", "denial"),
    # A reply made only of hedges, after an open invitation.
    ("What would it mean to you if she came back?", "i dont know really", "minimal_response"),
    # A discourse marker that leaves the painful question.
    ("What comes up when you picture her face?", "so um did i mention were going to spain in june", "topic_shift"),
    # The judgement handed to the therapist.
    ("What do you think of trying the letter exercise?", "If you think it'll help, I'll do it.", "deferential"),
    # A categorical rejection of a suggestion carries its own strain.
    ("What if you tried going to bed at the same time every night?", "Been there, done that. It made no difference.",
     "rejects_intervention"),
])
def test_markers_are_read_by_structure(prompt, reply, expected):
    assert marker(run([("t", prompt), ("p", reply)]), 1) == expected


@pytest.mark.parametrize("prompt,reply", [
    # The same words about someone else, or about something that is not the therapy.
    ("What did your boss do?", "He kept looking at his phone the whole time I was talking."),
    ("How's the physio going?", "It's not helping. My knee is still swollen."),
    ("I think I'm checking whether you think I'm making a fuss.", "I think I'm checking whether you're judging me."),
    # A feeling asked about, not observed: "no" declines it.
    ("Did that upset you?", "No, not really. I'd seen it coming for months."),
    # A backchannel, or a hesitating "I don't know", is not a withheld answer.
    ("So, how are you going to quit without your friends noticing?", "Yeah."),
    ("What steps could you take this month?", "Uh, I don't know."),
    # The therapist invited a new topic.
    ("What would you like to talk about today?", "Oh, by the way, I passed my driving test! Can we start there?"),
    # A generic "whatever you say", and a rejection that takes the suggestion up.
    ("What's it like when she gets like that?", "You just can't win with her. Whatever you say is wrong."),
    ("Maybe you could try the breathing before bed.", "I could. I'll try it tonight."),
])
def test_near_misses_of_the_structural_cues_carry_no_marker(prompt, reply):
    assert marker(run([("t", prompt), ("p", reply)]), 1) is None


def test_a_turn_cut_off_in_a_split_transcript_is_not_a_minimal_response():
    s = run([("p", "I don't know why I haven't said that yet but I mean-"), ("t", "Uh, tell me-"), ("p", "-it's there.")])
    assert marker(s, 2) is None


def test_turning_to_a_relative_with_an_unrelated_question_after_an_invitation_is_a_topic_shift():
    s = run([("t", "Robin, I wonder what the worry about the scan is like for you this week."),
             ("p", "Mum, did you lock the car? The meter runs out at four."),
             ("o", "Yes, love, it's locked.")])
    assert marker(s, 1) == "topic_shift"


def test_answering_the_invitation_while_naming_a_relative_is_no_topic_shift():
    s = run([("t", "Robin, I wonder what the worry about the scan is like for you this week."),
             ("p", "Mum, you know what the worry is like, don't you? The scan keeps me up at night.")])
    assert marker(s, 1) is None


@pytest.mark.parametrize("after_repair", [
    "Can we just stop there for today?",
    "It's almost time anyway. I'll ring the office on Monday about next week.",
    "Okay. I'll let you know.",
    "Fine. I'll give it a go, I suppose.",
])
def test_leaving_the_work_after_a_repair_is_not_re_engagement(after_repair):
    # Re-engaging is elaborating, agreeing with conviction or bringing new material
    # (decision 15): ending the hour, leaving the next one open, or a hedged yes is none.
    s = run([
        ("t", "I think part of you doesn't want to get better."),
        ("p", "You always do this. You turn everything into a theory about me."),
        ("t", "You're right, I jumped ahead. I'm sorry. How was that for you?"),
        ("p", after_repair),
    ])
    assert rupture_spans(s) == [(1, "confrontation", "complaint_about_therapist", False, None)]


@pytest.mark.parametrize("after_repair", [
    "Honestly, it made me feel like a case study. My dad used to do that too.",
    "I'll call my sister tonight and tell her what I worked out here.",
])
def test_elaborating_or_new_material_after_a_repair_is_re_engagement(after_repair):
    s = run([
        ("t", "I think part of you doesn't want to get better."),
        ("p", "You always do this. You turn everything into a theory about me."),
        ("t", "You're right, I jumped ahead. I'm sorry. How was that for you?"),
        ("p", after_repair),
    ])
    assert rupture_spans(s) == [(1, "confrontation", "complaint_about_therapist", True, 2)]


@pytest.mark.parametrize("turns,expected", [
    # The therapist favouring the other client in the room is a complaint about the therapist.
    ([("q", "He never helps with the kids."), ("p", "That's not fair."),
      ("t", "Okay, let's slow down. Robin, what happened on Sunday?"),
      ("p", "Why do I always have to go first? You always let her tell it her way.")], "complaint_about_therapist"),
    ([("t", "Alex, what did you hear Robin say?"), ("q", "That I'm a nag."),
      ("p", "See, every week you take her side. It's two against one in here.")], "complaint_about_therapist"),
    # A refusal of the reading, in a couple as anywhere.
    ([("p", "She's always on at me."), ("t", "Robin, I wonder if underneath the anger there's some hurt."),
      ("p", "Don't do that. I'm not hurt, I'm fed up.")], "rejects_intervention"),
    # Partners talking to each other, sent to each other by the therapist: no marker.
    ([("p", "I just feel alone."), ("t", "Alex, can you tell Robin what you need?"),
      ("q", "You never listen to me. You're always on your phone.")], None),
    ([("q", "You always take your mum's side."), ("p", "I do not.")], None),
])
def test_markers_in_couples_work_read_who_the_you_is(turns, expected):
    assert marker(run(turns), len(turns) - 1) == expected


@pytest.mark.parametrize("challenge,reply,retreat,expected", [
    # The therapist owns the challenge and retreats: the reply in between pushed back.
    ("You've told me twice it's a couple of pints, and the bloods say otherwise.",
     "Everyone's numbers are up after the holidays. I know what I drink.",
     "Fair enough, you know your drinking better than a lab sheet. Let's park it.", "rejects_intervention"),
    ("The chemist has your last box down as collected a month late.",
     "So you're calling me a liar now?",
     "No, no. I'm sorry, that came out wrong. Lots of people miss doses.", "complaint_about_therapist"),
    # The reply grants the point: no pushback, whatever the therapist says next.
    ("You said you were done with him, but you drove round there on Friday.",
     "Yeah. I did. I know. It's pathetic.",
     "Sorry, that came out harsher than I meant.", None),
    # The turn before was the therapist's own apology, not a challenge.
    ("I hope you're right about that. Sorry, I'm going on about my own family.",
     "It's okay. I feel a bit like I'm the therapist today.",
     "Sorry, that wasn't fair on you. This is your hour.", None),
    # A plain "fair enough" after a calm reply is no owned retreat.
    ("I wonder if the tiredness is partly about the move.",
     "I don't think that's it, honestly. It's the night feeds.",
     "Fair enough. How are the night feeds going?", None),
])
def test_a_reply_the_therapist_retreats_from_pushed_back(challenge, reply, retreat, expected):
    s = run([("t", "What happened this week?"), ("p", "Not much."), ("t", challenge), ("p", reply), ("t", retreat)])
    assert marker(s, 3) == expected


# -- Eighteenth round: the forms of complaint the opened splits test17..test46 missed ------

@pytest.mark.parametrize("prompt,reply,expected", [
    # The therapist likened, flat, to someone the patient has had enough of.
    ("Is it possible he's the one you're really angry with?", "Here we go. You sound just like my dad now.",
     "complaint_about_therapist"),
    ("What do you make of the sentence plan?", "You're just like the rest of them. Write it down, tick a box.",
     "complaint_about_therapist"),
    # A habit named as the therapist's, here and now.
    ("I wonder if this connects to your brother.", "No. See, this is what you do. I say something real and you turn it "
     "into my brother.", "complaint_about_therapist"),
    # The verdict given before the patient spoke.
    ("Tell me what happened on Friday.", "Why bother? You have already decided I am the villain.",
     "complaint_about_therapist"),
    # Outnumbered in couple work, the therapist named in the same turn.
    ("Dana, what did you hear Sam say?", "So it's two against one now, is it? You're meant to be neutral.",
     "complaint_about_therapist"),
    ("Let's hear from Lee first.", "Every week we come here and you end up on Lee's side.", "complaint_about_therapist"),
])
def test_complaints_that_liken_name_a_habit_or_count_sides(prompt, reply, expected):
    assert marker(run([("t", prompt), ("p", reply)]), 1) == expected


@pytest.mark.parametrize("prompt,reply", [
    # A likeness that is warm, a habit agreed with, a side feared rather than asserted.
    ("How are you feeling about finishing?", "Sad. You're like a lighthouse for me, honestly."),
    ("It sounds like you stood up to her.", "Yeah, that is what you do when it's your kids."),
    ("How was it when I asked Lee first?", "I felt like you were on his side, a bit, and then I saw you ask me too."),
    ("How's the family?", "Awful. My mum and my sister gang up on my dad, it's two against one every Sunday."),
])
def test_near_misses_of_likening_habit_and_sides_carry_no_complaint(prompt, reply):
    assert marker(run([("t", prompt), ("p", reply)]), 1) not in ("complaint_about_therapist", "complaint_about_therapy")


def test_rejecting_a_discrepancy_just_pointed_out_rejects_the_intervention():
    # "You've said X, but Y" sets the patient's words against their record: an intervention.
    s = run([("t", "You've said before that your dad never mattered that much to you, but he's come up in every "
                   "session we've had."),
             ("p", "No, that's not it at all. He comes up because of the will, that's all.")])
    assert marker(s, 1) == "rejects_intervention"


def test_a_client_answering_the_other_client_rejects_no_intervention():
    # The therapist's suggestion is three turns back; "You can't" answers the partner.
    s = run([("t", "Could you try saying you need ten minutes, and then come back to it?"),
             ("p", "Maybe. Moira had us write it on a card once."),
             ("q", "And then there's my mum. You can't win with her mother."),
             ("p", "You can't. Whatever you do, it's wrong.")])
    assert marker(s, 3) is None


def test_a_complaint_said_to_the_partner_is_about_the_therapy_only_when_it_names_it():
    s = run([("t", "What happened on Sunday?"),
             ("q", "Here we go."),
             ("p", "See, this is what I mean. You never listen to me, you just roll your eyes.")])
    assert marker(s, 2) is None
    s = run([("t", "What happened on Sunday?"),
             ("q", "Here we go."),
             ("p", "This is pointless, no offence. It's probation with comfier chairs.")])
    assert marker(s, 2) == "complaint_about_therapy"
