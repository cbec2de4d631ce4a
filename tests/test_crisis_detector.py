"""The must-catch and must-not-catch sentences of the first crisis detector, kept under
support.detection where they still hold under issue 15's label rules (past abuse told as past is
distress now, not crisis), and the assess_crisis command.

The sentences are written for Haven (grief, abuse and depression posts) with the mistakes people
make when typing in distress: lower case, missing apostrophes, misspellings, run-on paragraphs.
"""

import io
import json

import pytest
from django.core.management import call_command

from support.detection import LEVELS, assess

from .conftest import shared_testdata

# (sentence, the lowest level it must reach)
MUST_CATCH = [
    # imminent: plan, means at hand, time, place, method, goodbye
    ("I've got the pills counted out on my desk and I'm not scared anymore.", "imminent"),
    ("the rope is already tied in the garage", "imminent"),
    ("Tonight is the night, I'm sorry mum.", "imminent"),
    ("ive decided im going to end my life on sunday", "imminent"),
    ("I'm on the roof right now and I'm going to jump.", "imminent"),
    ("i have been stockpiling my sleeping pills since march", "imminent"),
    ("When you read this I'll already be gone.", "imminent"),
    ("i wrote a suicide note for my sister last night", "imminent"),
    ("This is my final goodbye to everyone here.", "imminent"),
    ("I keep looking up how many tablets it takes to not wake up", "imminent"),
    ("I took every pill in the cabinet about twenty minutes ago", "imminent"),
    ("im going to drive my car into a wall tonight", "imminent"),
    ("I gave away all my belongings this week, I won't need them.", "imminent"),
    ("please take care of my cat when im gone", "imminent"),
    ("i have a gun in my lap and it is loaded", "imminent"),
    ("i have my pills saved up", "imminent"),
    ("This was my last try. Goodbye.", "imminent"),
    ("I already wrote my goodbyes.", "imminent"),
    ("i might overdose tonight", "imminent"),
    # crisis: active ideation
    ("I want to kill myself.", "crisis"),
    ("i wanna end it all", "crisis"),
    ("Some nights I think about ending my life.", "crisis"),
    ("ive been having thoughts of suicide again", "crisis"),
    ("im feeling really suicidal tonight", "crisis"),
    ("I tried to take my own life two years ago and the same feeling is back.", "crisis"),
    ("honestly i might just kill my self", "crisis"),
    ("i keep thinking of how to unalive myself", "crisis"),
    ("I'm so close to ending it.", "crisis"),
    ("suicide feels like the only way out now", "crisis"),
    ("im thinkin about killin myself", "crisis"),
    ("i wnat to kil myself", "crisis"),
    # crisis: passive ideation
    ("i dont want to exist anymore", "crisis"),
    ("I wish I could go to sleep and never wake up.", "crisis"),
    ("Everyone would be happier if I wasn't around.", "crisis"),
    ("what is even the point of living", "crisis"),
    ("sometimes i wish i was never born", "crisis"),
    ("I'd be better off dead.", "crisis"),
    ("Nobody would even notice if I disappeared.", "crisis"),
    ("i cant keep living like this", "crisis"),
    ("I'm so tired of being alive.", "crisis"),
    ("I hope I don't wake up tomorrow.", "crisis"),
    ("i just want everything to stop", "crisis"),
    ("i wanna dissapear forever", "crisis"),
    ("I DONT WANT TO BE HERE ANYMORE", "crisis"),
    # crisis: self-harm
    ("I cut myself again last night.", "crisis"),
    ("i've been burning my arms with a lighter", "crisis"),
    ("the urge to self harm is back", "crisis"),
    ("I have fresh cuts on my thighs that nobody knows about.", "crisis"),
    ("i hit myself until it hurts", "crisis"),
    ("Been scratching my skin until it bleeds", "crisis"),
    ("i've started self-harming again", "crisis"),
    # crisis: sexual abuse now; told as past (issue 15's label rules) it is distress
    ("My stepdad raped me when I was fourteen.", "distress"),
    ("i was sexually assaulted at a party last year", "distress"),
    ("A family friend groped me and I never told my parents.", "crisis"),
    ("i was molested as a kid and it still messes with me", "distress"),
    ("He forced me to have sex with him.", "crisis"),
    ("I didn't consent and he didn't stop.", "crisis"),
    ("my mom's boyfriend touched me when i was 9", "distress"),
    # crisis: abuse now; past abuse is distress
    ("my husband beats me when hes drunk", "crisis"),
    ("My dad used to lock me in the basement.", "distress"),
    ("im terrified of what he will do to me if i leave", "crisis"),
    ("She threatened to kill me if I told anyone.", "crisis"),
    ("my ex choked me during an argument", "crisis"),
    ("I grew up in a violent home.", "distress"),
    # distress: hopelessness
    ("Nothing will ever get better for me.", "distress"),
    ("i have lost all hope", "distress"),
    ("There's no way out of this.", "distress"),
    ("I'm such a burden to my family.", "distress"),
    ("what's the point of even trying", "distress"),
    # distress: emotional pain
    ("everything hurts so much right now", "distress"),
    ("I cry myself to sleep most nights.", "distress"),
    ("i feel so empty inside", "distress"),
    ("I'm in a really dark place at the moment.", "distress"),
    ("i hate myself so much", "distress"),
    ("The grief is unbearable.", "distress"),
    # distress: isolation
    ("i have nobody to talk to", "distress"),
    ("I feel completely alone in this world.", "distress"),
    ("No one really cares about me.", "distress"),
    ("all my friends have abandoned me", "distress"),
    # distress: exhaustion
    ("I can't do this anymore.", "distress"),
    ("im so exhausted all the time", "distress"),
    ("I haven't left my bed in days.", "distress"),
    ("i'm barely holding on", "distress"),
    ("Every day is a struggle.", "distress"),
    # inside longer comments
    (
        "Thank you for writing about your brother. I read it twice on the train home. I'm doing "
        "my best at work but honestly some days i dont see the point in going on, and I haven't "
        "told anyone that.",
        "crisis",
    ),
    (
        "Your posts got me through last winter. I wanted you to know that before tonight. I have "
        "everything ready and this is my goodbye.",
        "imminent",
    ),
    (
        "We moved three times when I was small. My mother drank and my father hit me whenever "
        "she wasn't looking. Reading this made me cry.",
        "crisis",
    ),
    (
        "I've been off work for a month. i feel so lost and numb, and i can't stop crying at "
        "night. The dog is the only reason I get up.",
        "distress",
    ),
    (
        "I'm so sorry for your loss. Lately though I've been wishing I could just disappear "
        "and not wake up.",
        "crisis",
    ),
]

MUST_NOT_CATCH = [
    # figures of speech
    "I'm dying to read the next chapter.",
    "That joke killed me, I had to put my coffee down.",
    "Her lemon cake is honestly to die for.",
    "My sister is killing it at her new job.",
    "I was so tired after the hike, but it was worth it.",
    "This was my last try at baking bread before I switch to crackers.",
    "lol i'm dead, this thread is gold",
    "I could just die of embarrassment when I think about that speech.",
    "I was dead tired by Friday.",
    "The lecture bored me to death.",
    "We killed time at the cafe before the train.",
    "I could kill for a cup of tea right now.",
    "That deadline is going to be the death of me.",
    "You guys are killing me with these puns.",
    "I'd die for my kids without a second thought.",
    "I'm dead serious about starting the book club.",
    "He shot himself in the foot with that email.",
    "Honestly the ending of that film destroyed me.",
    # song lyrics and fiction
    "Tonight's the night we finally see the band live!",
    "The chorus goes on about living fast and wanting to die young, very nineties.",
    "In the play, the heroine cries 'I want to die' and the curtain falls.",
    "The film follows a detective who finds a suicide note in the first scene.",
    # professionals, students, research
    "As a therapist I ask every new client about suicidal thoughts.",
    "Our school runs suicide prevention training for all staff each September.",
    "I'm a nursing student writing an essay on self-harm in adolescents.",
    "Our hospice trains volunteers to recognise suicidal ideation in patients.",
    "The documentary covered suicide rates among farmers.",
    "Volunteers on the helpline talk to people who want to die, and they do incredible work.",
    # other people's deaths and grief
    "My mother died in March and the house feels very quiet.",
    "After my dad killed himself, I spent years trying to understand it.",
    "My grandfather took his own life when I was a teenager.",
    "I lost my mum to cancer last year and I still talk to her.",
    "Our cat was put to sleep last week and we said goodbye to her at the vet.",
    "My friend said she felt hopeless after the election.",
    # ordinary life
    "We waited at the terminal at the airport for three hours.",
    "The battery in my phone died halfway through the call.",
    "My houseplants are dying because I forgot to water them.",
    "I cut my hair short for the summer.",
    "I burned myself on the oven tray, nothing serious.",
    "I hurt myself playing football last weekend.",
    "This is my last day at the office before the holidays.",
    "Goodbye for now, see you at the next meetup!",
    "I'm not suicidal, I just miss her.",
    "My brother beat me at chess again.",
    "My coach pushed me to run faster.",
    "I'm exhausted after the marathon but so proud.",
    "Everyone left the party early because of the rain.",
    "Nothing beats a quiet morning with a good book.",
    "I can't wait to see what you write next!",
    "My last attempt at knitting a scarf was a disaster.",
    "Killing weeds is my least favourite garden job.",
    "A therapist told me grief comes in waves, which helped.",
]

CRISIS_OR_ABOVE = ("crisis", "imminent")


def _rank(level):
    return LEVELS.index(level)


@pytest.mark.parametrize(("sentence", "minimum"), MUST_CATCH)
def test_must_catch_sentences_reach_at_least_their_level(sentence, minimum):
    result = assess(sentence)
    assert result.rank >= _rank(minimum), (sentence, result)
    if minimum in CRISIS_OR_ABOVE:
        assert result.level in CRISIS_OR_ABOVE
    assert result.matches, "a flag always names the phrases behind it"


@pytest.mark.parametrize("sentence", MUST_NOT_CATCH)
def test_figures_of_speech_professionals_and_others_deaths_are_not_flagged(sentence):
    result = assess(sentence)
    assert result.level == "none" and not result.about_other, (sentence, result)


def test_distress_sentences_never_come_out_imminent():
    for sentence, minimum in MUST_CATCH:
        if minimum == "distress":
            assert assess(sentence).level != "imminent", sentence


def test_quoted_words_of_someone_else_are_not_the_writers():
    assert assess('The character keeps saying "I want to die" in act two.').level == "crisis"
    assert assess('The character says "I want to die" in act two.').level == "none"
    assert assess('I told my therapist "I want to die" and she listened.').level == "crisis"


def test_every_line_of_the_naughty_strings_list_is_assessed_without_error():
    text = shared_testdata("naughty", "blns.txt").read_text(encoding="utf-8", errors="replace")
    for line in text.splitlines():
        assert assess(line).level in LEVELS


def test_assess_crisis_command_writes_one_json_line_per_input_line():
    lines = [
        "I want to die",
        "",
        "dying to read more",
        "everything just hurts",
        "ｔｏｎｉｇｈｔ is the night, i want to die",
        "Quiero morirme.",
    ]
    out = io.StringIO()
    call_command("assess_crisis", stdin=io.StringIO("\n".join(lines) + "\n"), stdout=out)
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(results) == len(lines)
    assert [r["level"] for r in results] == [
        "crisis",
        "none",
        "none",
        "distress",
        "imminent",
        "crisis",
    ]
    assert results[0]["matches"] == ["i want to die"]
    assert results[5]["language"] == "es" and results[5]["assessed"] is True
