"""Therapist flags: self-disclosure, confrontation, backing down, repair."""

from __future__ import annotations

import pytest

from test_relationship import run


def flags(session, i):
    return set(session.all_labels("flag", i))


@pytest.mark.parametrize("text", [
    "My own father was like that.",
    "I went through a divorce myself, years ago.",
    "When I was your age I was terrified of exams.",
    "i used to be afraid of flying myself until my twenties",
])
def test_the_therapists_own_life_is_self_disclosure(text):
    s = run([("p", "My dad drinks every night."), ("t", text)])
    assert "self_disclosure" in flags(s, 1)
    assert s.labels("focus")[1] == "therapist_life"


@pytest.mark.parametrize("text", [
    "Sorry I'm a few minutes late, my previous call ran over.",
    "I'm out of the office Friday, so let's meet Thursday.",
    "I believe everyone deserves a second chance.",
    "What was your father like?",
])
def test_professional_logistics_and_general_beliefs_are_not_self_disclosure(text):
    s = run([("p", "Hi."), ("t", text)])
    assert "self_disclosure" not in flags(s, 1)


def test_pointing_out_a_discrepancy_is_a_confrontation():
    s = run([("p", "It's fine, I've got it under control."),
             ("t", "You say it's fine, but you've missed three weeks of work.")])
    assert "confrontation" in flags(s, 1)


def test_disagreeing_with_a_self_criticism_is_support_not_confrontation():
    s = run([("p", "I'm so stupid, I always mess it up."), ("t", "I don't see you as stupid.")])
    assert "confrontation" not in flags(s, 1)


def test_an_unsolicited_contrary_interpretation_is_a_confrontation():
    s = run([("p", "It's fine, really."),
             ("t", "I wonder if the irritation is really about my going away.")])
    assert "confrontation" in flags(s, 1)


def test_retracting_after_the_patient_pushes_back_is_backing_down():
    s = run([
        ("t", "You keep saying you don't care what your father thinks, but you've mentioned him six times today."),
        ("p", "You always do this. You make everything about my father."),
        ("t", "Okay, let's leave your father out of it."),
    ])
    assert "confrontation" in flags(s, 0)
    assert "backs_down" in flags(s, 2)


def test_dropping_a_topic_without_an_earlier_challenge_is_not_backing_down():
    s = run([("p", "I'd rather not talk about my sister today."), ("t", "Okay, let's leave that there.")])
    assert "backs_down" not in flags(s, 1)


def test_owning_a_part_and_inviting_the_patients_view_is_repair():
    s = run([("p", "Hm."), ("t", "I think I pushed too hard just now. How was that for you?")])
    assert "repair" in flags(s, 1)


def test_a_move_that_retracts_and_repairs_gets_both_flags():
    s = run([
        ("t", "You say nobody noticed anything good, but two people asked for your slides."),
        ("p", "No, that's not it at all. You're twisting what I said."),
        ("t", "Maybe I've got that wrong, and I came in with it quite hard. How did that feel, me pushing back like that?"),
    ])
    assert {"backs_down", "repair"} <= flags(s, 2)


def test_validating_a_complaint_is_repair():
    s = run([("p", "These sessions aren't going anywhere."),
             ("t", "That's important to hear. What would make this time more useful for you?")])
    assert "repair" in flags(s, 1)


def test_flags_survive_speech_recognition_text():
    s = run([("p", "its fine ive got it under control"),
             ("t", "you say its fine but youve missed three weeks of work")])
    assert "confrontation" in flags(s, 1)


def test_doubting_the_patients_fine_is_a_confrontation():
    s = run([("p", "She's moving out next month. It's fine, honestly."),
             ("t", "I'm not sure it is fine. I think you're hurt, and saying it's fine is easier.")])
    assert "confrontation" in flags(s, 1)


def test_holding_to_an_interpretation_after_it_was_rejected_is_a_confrontation():
    s = run([("t", "I wonder if the row with your brother is partly about your father."),
             ("p", "No. That's not it at all."),
             ("t", "Okay. I still think there's something there worth looking at.")])
    assert "confrontation" in flags(s, 2)


def test_still_thinking_without_pushback_is_not_a_confrontation():
    s = run([("p", "I told my sister I'd help with the move."),
             ("t", "I still think about what you said last week, about helping everyone.")])
    assert "confrontation" not in flags(s, 1)


def test_a_link_offered_after_the_patient_declined_the_topic_is_a_confrontation():
    s = run([("t", "I'll be away for four weeks from Monday. How is that for you?"),
             ("p", "It's fine, honestly. You need the rest."),
             ("t", "Okay. How was the weekend?"),
             ("p", "Quiet. My friend cancelled on me again."),
             ("t", "Mm."),
             ("p", "She always does that. If people want to go, let them go."),
             ("t", "You said if people want to go, let them go. I'm thinking that's a bit what I did, going away for a month.")])
    assert "confrontation" in flags(s, 6)


def test_a_return_that_likens_the_frame_to_someone_after_a_refusal_is_a_confrontation():
    # Decision 12: after "it's fine", "I wonder if me moving online is a bit like your sister
    # moving away" asserts a meaning the patient has turned down.
    turns = [("t", "From next month our sessions will be online only. How is that for you?"),
             ("p", "Honestly, it's fine. It's only a laptop."),
             ("t", "Okay. How did the visit go?"),
             ("p", "Long. My sister flew back on Sunday."),
             ("t", "Mm."),
             ("p", "She always leaves just when it gets good."),
             ("t", "I wonder if me moving online is a bit like your sister moving away, someone close going further off.")]
    assert "confrontation" in flags(run(turns), 6)
    # The same in speech-recognition text, where "i wonder if" with no punctuation reads as asking.
    turns[-1] = ("t", "i wonder if me moving online is a bit like your sister flying back someone close going further off")
    assert "confrontation" in flags(run(turns), 6)
    # Asked again without a meaning of its own, it asserts nothing.
    turns[-1] = ("t", "I wonder if the move online has been on your mind at all this week.")
    assert "confrontation" not in flags(run(turns), 6)


@pytest.mark.parametrize("text", [
    "My granddad ran cattle outside Lubbock, so I know what a norther does to a man's mood.",
    "i have two teenagers myself so i know exactly what that school run chaos is like",
    "I also grew up near the coast, so I know that road well.",
    "i had me own bother with the bookies years back",
    "When my first was born I did not sleep properly for a year.",
    "I used to throw up before every presentation at college.",
])
def test_the_therapists_family_and_past_in_everyday_words_are_self_disclosure(text):
    assert "self_disclosure" in flags(run([("p", "The weekend was long."), ("t", text)]), 1)


@pytest.mark.parametrize("text", [
    "I'd ask yourself what you want from the weekend, not what you should do.",
    "Your nephew sounds like he looks up to you.",
])
def test_asking_about_the_patients_family_is_not_self_disclosure(text):
    assert "self_disclosure" not in flags(run([("p", "The weekend was long."), ("t", text)]), 1)


# -- sixth round: self-disclosure and repair on other authors' writing -----------------

@pytest.mark.parametrize("text", [
    "I'm getting married in the spring, so there will be a gap in June.",
    "We've had our own share of rows about homework in our house.",
])
def test_the_therapists_own_life_events_are_self_disclosure(text):
    s = run([("p", "So what's new?"), ("t", text)])
    assert "self_disclosure" in flags(s, 1)


@pytest.mark.parametrize("question,answer", [
    ("Have you got any kids of your own?", "I do, two boys, and they argued about screens all last winter."),
    ("did you get away to the coast in the end", "i did yes a long weekend of walking and it poured the whole time"),
])
def test_answering_the_patients_question_about_ones_life_is_self_disclosure(question, answer):
    s = run([("p", question), ("t", answer)])
    assert "self_disclosure" in flags(s, 1)


@pytest.mark.parametrize("question,answer", [
    ("Did you have a nice weekend?", "I did, thanks."),
    ("Are you married yourself?", "I'd rather keep my own family out of it, but it's a fair question."),
])
def test_a_bare_answer_or_a_polite_refusal_is_not_self_disclosure(question, answer):
    s = run([("p", question), ("t", answer)])
    assert "self_disclosure" not in flags(s, 1)


@pytest.mark.parametrize("text", [
    "No, I worded that badly, and I'm sorry. Tell me what felt wrong about it.",
    "You're right, I kept bringing it up after you'd answered. I'm sorry about that.",
])
def test_owning_the_wording_or_the_pressure_after_a_complaint_is_repair(text):
    s = run([("t", "You haven't really practised this week."),
             ("p", "Great. So now it's my fault."),
             ("t", text)])
    assert "repair" in flags(s, 2)


def test_welcoming_annoyance_with_the_therapist_is_repair():
    s = run([("t", "What was it like when I was late today?"),
             ("p", "Honestly, I was annoyed with you. A little."),
             ("t", "I'm glad you can say that to me. I'd rather know than have you hide it.")])
    assert "repair" in flags(s, 2)


def test_welcoming_a_warm_remark_is_not_repair():
    s = run([("t", "How has it been, talking about this with me?"),
             ("p", "Easier than I thought. I feel quite safe with you."),
             ("t", "I'm glad you told me.")])
    assert "repair" not in flags(s, 2)


def test_giving_room_after_a_denied_feeling_is_repair():
    s = run([("t", "Your eyes are filling up."),
             ("p", "No, no, I'm not upset. It's just the heating."),
             ("t", "All right. We don't have to go into it. Take your time.")])
    assert "repair" in flags(s, 2)


def test_good_to_hear_news_is_not_repair():
    s = run([("p", "I've been sleeping better this week."), ("t", "That's good to hear. And work?")])
    assert "repair" not in flags(s, 1)


@pytest.mark.parametrize("reply", [
    "No. You're twisting it. I was tired, that's all.",
    "No. You've got it wrong. I just forgot.",
    "You always do this, you make everything about me being angry.",
])
def test_a_reading_of_the_patient_that_the_patient_rejects_is_a_confrontation(reply):
    # The structure, not the wording: the therapist's reading goes beyond what the
    # patient said, and the patient's next turn rejects it.
    s = run([("p", "I skipped the gym again."),
             ("t", "Perhaps skipping it keeps you from finding out whether you'd be any good."),
             ("p", reply)])
    assert "confrontation" in flags(s, 1)


def test_denying_the_therapists_own_verb_contests_the_reading():
    s = run([("t", "I wonder if you're looking after me, the way you look after your sister."),
             ("p", "I'm not looking after you. You're my therapist.")])
    assert "confrontation" in flags(s, 0)


@pytest.mark.parametrize("turns", [
    # A suggestion rejected is a rejected plan, not a confronted patient.
    [("p", "I want to get out more."), ("t", "So one thing we could try this week is a short walk after lunch."),
     ("p", "No. That's pointless. You don't get it.")],
    # A reading of a couple's exchange, with no patient in it, is not about the patient.
    [("p", "They argued all the way here."), ("t", "It sounds like the drive turned into a contest."),
     ("p", "You're always taking her side.")],
])
def test_a_rejected_suggestion_or_a_reading_without_the_patient_is_not_a_confrontation(turns):
    assert "confrontation" not in flags(run(turns), 1)


def test_a_rejected_reading_answered_by_owning_it_is_backing_down_not_confrontation():
    s = run([("t", "Perhaps you avoid the form because it makes the debt real."),
             ("p", "No. You've got it wrong. I just forgot."),
             ("t", "I got that wrong. Let's take the form off the table.")])
    assert "confrontation" in flags(s, 0)
    assert flags(s, 2) >= {"backs_down"} and "confrontation" not in flags(s, 2)


# -- eighth round: classes written from the codebook's definitions ---------------------------

@pytest.mark.parametrize("patient,therapist", [
    ("It's all fine, honestly.", "I don't think you're fine, Sam. You've hardly slept all month."),
    ("The move hasn't really touched me.", "I think leaving the flat is hitting you harder than you're letting yourself feel."),
    ("Anyway, the boiler again.", "I notice that when I ask about your sister, you tell me it's nothing and move to the boiler."),
    ("You never ask him anything.", "I don't think that's accurate. We spent last week on his drinking."),
    ("Can we talk about something else?", "I don't want to let this go: the exam is in two weeks."),
])
def test_contradicting_the_patients_own_account_is_a_confrontation(patient, therapist):
    s = run([("p", patient), ("t", therapist)])
    assert "confrontation" in flags(s, 1)


@pytest.mark.parametrize("therapist", [
    "I don't think that's fair on you, the way they treated you.",
    "I don't think you're a failure.",
])
def test_siding_with_the_patient_is_not_a_confrontation(therapist):
    s = run([("p", "They blamed me for the whole thing."), ("t", therapist)])
    assert "confrontation" not in flags(s, 1)


def test_a_reply_that_takes_up_the_reading_does_not_contest_it():
    s = run([("t", "It sounds like you felt shut out by both of them."),
             ("p", "Shut out is right. And you always take his side in here too.")])
    assert "confrontation" not in flags(s, 0)


@pytest.mark.parametrize("pushback,retraction", [
    ("I'm perfectly all right. I don't need picking apart.", "I came in too strongly there. You know yourself better than I do."),
    ("Honestly, stop. I've said it's fine twice now.", "All right. We'll leave it there."),
])
def test_owning_or_dropping_a_challenge_the_patient_pushed_back_on_is_backing_down(pushback, retraction):
    # The challenge itself is not one the flag rules know: the pushback words carry the evidence.
    s = run([("t", "Your mother's visit seems to sit with you all week."), ("p", pushback), ("t", retraction)])
    assert "backs_down" in flags(s, 2)


def test_following_the_patient_away_from_a_challenge_is_backing_down():
    s = run([("t", "You say you want to go back to work, but every plan we make, you find a reason to drop it."),
             ("p", "Can I just show you the list I wrote?"),
             ("t", "Sure, let's go to the list.")])
    assert "confrontation" in flags(s, 0)
    assert s.labels("rupture")[1] == "topic_shift"
    assert "backs_down" in flags(s, 2)


def test_taking_up_a_complaint_the_therapist_asked_for_is_repair_not_backing_down():
    s = run([("t", "I'd really like to hear it from you. Does it feel like I'm just another adult with questions?"),
             ("p", "Kind of. It's the same questions every week. It's boring."),
             ("t", "That's fair, and useful to know.")])
    assert "repair" in flags(s, 0)
    assert "backs_down" not in flags(s, 2)


@pytest.mark.parametrize("complaint,text", [
    ("See, there it is. I say something and you explain why I'm wrong.",
     "You're right, I just did it again. I got defensive instead of hearing you."),
    ("Fine.", "That was a big question to throw at you. Let me ask a smaller one: what did you keep?"),
    ("Pretty much.", "Want to try something different, then?"),
])
def test_owning_ones_part_or_changing_the_approach_is_repair(complaint, text):
    s = run([("t", "How was it?"), ("p", complaint), ("t", text)])
    assert "repair" in flags(s, 2)


@pytest.mark.parametrize("text", [
    "The lift's been broken all week, I'm sorry. I'll ring the caretaker.",
    "It's okay to cry in here.",
])
def test_apologising_for_the_building_or_allowing_tears_is_not_repair(text):
    s = run([("p", "It's cold in here."), ("t", text)])
    assert "repair" not in flags(s, 1)


@pytest.mark.parametrize("question,answer", [
    ("oh nice going anywhere fun", "nowhere fun were shifting house so ill be buried in boxes"),
    ("You any good at drawing?", "Hopeless. I failed art in year eight."),
])
def test_the_therapists_own_move_or_school_days_are_self_disclosure(question, answer):
    s = run([("p", question), ("t", answer)])
    assert "self_disclosure" in flags(s, 1)


@pytest.mark.parametrize("reading", [
    "I think part of what you feel about your brother is about me as well.",
    "I'm wondering whether some of the evenings are about your dad moving away.",
])
def test_a_reading_the_patient_turns_down_is_a_confrontation(reading):
    s = run([("p", "He's always been like that, nothing new."), ("t", reading),
             ("p", "No, I don't think so. It's got nothing to do with that.")])
    assert "confrontation" in flags(s, 1)


@pytest.mark.parametrize("reading", [
    "I think the jokes might be a way of not feeling how much you miss her.",
    "I wonder if being cross with the neighbours is easier than being frightened about the scan.",
])
def test_reading_a_defence_into_the_patients_words_is_a_confrontation(reading):
    s = run([("p", "Anyway, the neighbours were at it again with the bins."), ("t", reading)])
    assert "confrontation" in flags(s, 1)


def test_pointing_out_what_the_patient_says_whenever_a_subject_comes_up_is_a_confrontation():
    s = run([("p", "Work is mad at the moment, so I won't have time to think."),
             ("t", "Every time the holiday comes up, you tell me how much work you have on.")])
    assert "confrontation" in flags(s, 1)


def test_hearing_a_complaint_only_to_argue_on_is_a_confrontation():
    s = run([("p", "I'm sick of these worksheets. Six weeks of them and nothing has changed."),
             ("t", "I hear that, but the worksheets do work. If you filled them in every night you'd see it.")])
    assert "confrontation" in flags(s, 1)


def test_a_reframe_that_restates_the_patients_own_reason_is_not_a_confrontation():
    s = run([("p", "I didn't tell her because she'd only panic."),
             ("t", "So not telling her was partly about sparing her the panic.")])
    assert "confrontation" not in flags(s, 1)


# -- Structure over phrasing (issue 4) ------------------------------------------------------

@pytest.mark.parametrize("turns,flag", [
    # Self-disclosure: the therapist's own family, past self, health.
    ([("t", "Honestly, I was a terrible sleeper for years after my second child was born.")], "self_disclosure"),
    ([("t", "i had a really rough time at your age too")], "self_disclosure"),
    # Confrontation: the patient's account set against their own record, or the denied thing asserted back.
    ([("p", "I hardly drink now."), ("t", "I notice that's different from what you told me about Saturday.")], "confrontation"),
    ([("p", "My drinking isn't a problem."), ("t", "From what you've told me, it sounds like a real problem.")], "confrontation"),
    ([("p", "I'm fine with the divorce."), ("t", "Are you really? You cried when you talked about the house.")], "confrontation"),
    # Backing down: retracting one's words after push-back.
    ([("t", "Come on, that doesn't add up."), ("p", "Why do you always assume I'm lying?"),
      ("t", "I'm sorry. That was unfair of me. Let's start again.")], "backs_down"),
    # Repair once strain is voiced: handing the judgement back, a smaller question.
    ([("p", "Whatever you think."), ("t", "I'd really like to know what you think, though. It's your therapy.")], "repair"),
    ([("p", "Dunno."), ("t", "That was a lot to ask. Shall we start with something easier?")], "repair"),
])
def test_flags_are_read_by_structure(turns, flag):
    s = run(turns)
    assert flag in flags(s, len(turns) - 1)


@pytest.mark.parametrize("turns,flag", [
    # Courtesy about a message, immediacy, professional experience: not the therapist's life.
    ([("p", "Did you get my message?"), ("t", "I did, thank you. Let's find another time.")], "self_disclosure"),
    ([("p", "Did you have a good weekend?"), ("t", "I did, thanks. How about you?")], "self_disclosure"),
    ([("t", "I feel moved hearing you say that.")], "self_disclosure"),
    ([("t", "In my experience, people often find the second month hardest.")], "self_disclosure"),
    # A discrepancy pointed out to credit the patient; a sign named without a contrary claim (gold train2-21).
    ([("p", "I told her how I felt."), ("t", "You say you were terrified, but you did it anyway. That took courage.")],
     "confrontation"),
    ([("p", "He doesn't scare me."), ("t", "You flinched just now when you said his name.")], "confrontation"),
    # The patient's words cited to go back to them, not against them.
    ([("p", "Honestly, it's fine."), ("t", "Okay. Tell me more about the care home you mentioned last time.")], "confrontation"),
    # Changing the task with no strain voiced.
    ([("t", "Let's try something different this week: a walk after dinner.")], "repair"),
])
def test_near_misses_of_the_structural_flag_cues(turns, flag):
    s = run(turns)
    assert flag not in flags(s, len(turns) - 1)


@pytest.mark.parametrize("reply,text,confronts", [
    ("It's the bus, honestly. It's always late.", "Maybe it's easier to make it about the bus than about us.", True),
    ("I'm just irritated with him, that's all.", "Perhaps the irritation is easier than missing him.", True),
    # Finding something easier, said of the patient's own plan, reads nothing into them.
    ("I'll take the train on Thursday.", "Maybe the train is easier than driving in that weather.", False),
])
def test_naming_the_harder_feeling_behind_the_easier_one_confronts(reply, text, confronts):
    s = run([("p", reply), ("t", text)])
    assert ("confrontation" in flags(s, 1)) is confronts


@pytest.mark.parametrize("reply,text", [
    ("Ha, you'll be on a beach somewhere.", "You've made a joke every time I've mentioned my leave, and you usually don't joke in here."),
    ("It's just the deal, isn't it. Twelve sessions.", "You really don't like endings that are built in, and this one you call just the "
                                                       "deal. I'm not sure those two sit together."),
])
def test_a_pattern_or_a_mismatch_in_the_patients_own_words_confronts(reply, text):
    assert "confrontation" in flags(run([("p", reply), ("t", text)]), 1)


@pytest.mark.parametrize("question,answer,discloses", [
    ("Is it your first?", "It is, yes. I'm due in about five weeks.", True),
    ("You have children, Doctor?", "A daughter, she's nineteen. She's at college in Leeds now.", True),
    ("Serious? How long have you been off it, then?", "Twelve years in March. It still takes work some days.", True),
    # A bare answer that turns back at once tells nothing of the therapist's life.
    ("Did it get easier?", "It did, over time. But let's stay with you.", False),
])
def test_answering_the_patients_question_about_the_therapists_life_discloses(question, answer, discloses):
    s = run([("p", question), ("t", answer)])
    assert ("self_disclosure" in flags(s, 1)) is discloses


@pytest.mark.parametrize("text", [
    "Before we start, I've got some news I wanted to tell you early. I'm pregnant. The baby's due in April.",
    "Yes, I got married in the summer. I'm sorry you found out from a brass plate rather than from me.",
    "I did a PhD too, years ago, and I remember the year my cohort started finishing.",
    "I lost a colleague in an accident when I was a ward nurse, years ago.",
])
def test_life_events_and_the_therapists_own_past_are_self_disclosure(text):
    s = run([("p", "Can I ask you something?"), ("t", text)])
    assert "self_disclosure" in flags(s, 1)


def test_a_pregnancy_announcement_is_still_talk_about_the_frame():
    s = run([("t", "I'm pregnant, and I'll be going on maternity leave at the end of March. How is that to hear?"),
             ("p", "Oh, congratulations. It's fine, honestly. You deserve it.")])
    assert s.labels("relationship")[0] == "frame_feelings"
