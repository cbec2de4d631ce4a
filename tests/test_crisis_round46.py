"""Round 46: English blog comments with the crisis sentence buried in ordinary talk, online
slang from many regions, and French and German from four countries each, read before any change
(urgent en 0.681 and 0.745, fr 0.875, de 0.875), then general rules fitted, each with its twin.

New here: a means or a place with its day, near the writer's goodbye ("bye all. tonight at the
bridge."); "itd be no bad thing if i didnt come back down"; wishing a bus would take one out;
"over being alive"; thinking about not being here; hands round the neck and "next time he won't
stop"; not feeling safe at home; "tomorrow morning is when"; the last time one will read the
posts; life insurance checked; "das hier ist mein Abschied"; "letzte nachricht."; nobody having to
worry any more; "je recule pas". Ordinary twins: a phone about to die, unaliving someone for a
recipe, sleeping forever after a trip, an outing with a goodbye, someone else's goodbye. Sentences
written for this test.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        # a means or a place with its day, beside the writer's goodbye
        "bye everyone. saturday night at the viaduct.",
        "sorted my life insurance, checked it pays out. heading up to the cliffs on sunday.",
        "goodbye all x the rope is in the boot, tonight after work",
        # the same wishes in other words
        "honestly itd be no great loss if i just didnt wake up tomorrow",
        "some days I wish a lorry would just run me over on the school run",
        "im so over being alive, every single morning",
        "I keep thinking about not being around anymore, most nights now",
        "wish i could go to sleep and no wake up, that's all",
        "i wish i had come home in a box like the others",
        # current abuse
        "last night he put his hands around my throat again and the kids were upstairs",
        "i dont feel safe in my own home since he started drinking",
        "he told me next time he will kill me and i believe him",
        # a day told as the day of it, a last reading, a birthday not seen
        "the letters for my girls are written and sealed. thursday morning is when.",
        "this is the last time ill be posting here. decided on tuesday, the railway line",
        "my birthday is on friday and i wont see it",
        # French and German
        "jeudi je monte aux falaises. j'ai rendu les clés de l'appart et je recule pas",
        "Hallo zusammen, das hier ist mein Abschied. Heute Nacht fahr ich zur Brücke.",
        "letzte nachricht. danke für alles",
        "ab morgen muss sich keiner mehr um mich sorgen machen",
    ],
)
def test_the_writers_own_risk_in_new_words_reads_urgent(text):
    assert assess(text).level in URGENT, (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "bye all, off to the bridge club tonight for the quiz",
        "thanks all! climbing tonight, packed the rope and the harness",
        "my laptop is on 3% and about to die, will finish the essay tomorrow",
        "i would unalive someone for this lasagne recipe",
        "I could sleep for a week after that hen do",
        "it would be easier if i didnt come back to this job after the summer",
        "im over living in this flat, moving in spring",
        "Thursday is when the bins go out.",
        "this is the last time ill be posting for a while, exams start monday",
        "die letzte nachricht von meiner oma war ein foto vom garten",
        "mein letzter Post war zu lang, sorry",
        "Mon grand-père a donné ses outils aux voisins. Dimanche il est parti à la pêche au lac.",
    ],
)
def test_the_same_words_in_an_ordinary_comment_stay_below_crisis(text):
    assert assess(text).level not in URGENT, (text, assess(text))


def test_someone_elses_goodbye_and_day_are_a_worry_not_the_writers_plan():
    reading = assess(
        "My dad gave his tools away last month. On Sunday he said he has lived enough. "
        "He keeps the old rifle in the shed."
    )
    assert reading.about_other
    assert reading.level not in URGENT, reading


@pytest.mark.parametrize(
    "text",
    [
        "one of the lads from football has gone quiet and gave away his boots and his ticket",
        "my brother keeps knocking his girlfriend about, she had a black eye at the party",
        "my cousin says she thinks about driving off the road on her way to work",
        "someone from my class posted a pic of pills lined up last night",
        "our neighbour keeps talking about not seeing the spring since his wife died",
    ],
)
def test_someone_elses_warning_sign_reads_as_a_worry_about_them(text):
    reading = assess(text)
    assert reading.about_other, (text, reading)
    assert reading.level not in URGENT, (text, reading)


def test_a_device_called_a_tablet_is_not_a_means():
    reading = assess("I'm typing this on my daughter's old tablet, he took my phone.")
    assert not reading.about_other, reading


@pytest.mark.parametrize(
    "text, level",
    [
        ("i used to think about ending it every night at college, therapy helped", "distress"),
        ("had a rough patch at 30 where i thought about ending it. fine now", "distress"),
        ("i think about ending it every night now", "crisis"),
        ("ive had a rough patch and i think about ending it every night", "crisis"),
    ],
)
def test_a_habit_told_as_past_is_concern_and_the_same_habit_now_is_crisis(text, level):
    assert assess(text).level == level, (text, assess(text))


def test_a_payout_after_two_years_is_not_a_goodbye_dated_far_back():
    text = (
        "checked my life insurance pays out after two years, it does. "
        "going up to the weir on friday."
    )
    assert assess(text).level == "imminent", assess(text)
    memory = "two years ago i sorted my life insurance. tonight we go bowling"
    assert assess(memory).level not in URGENT, assess(memory)


def test_a_denial_in_patois_is_a_denial():
    assert assess("mi nuh want fi dead, mi just tired").level not in URGENT
