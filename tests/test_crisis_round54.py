"""Round 54: English plans and goodbyes in many sentence shapes (questions, lists, schedules,
apologies, messages to pass on) from twelve lives, and plain German from eleven cities. Read
before any change (urgent en 0.771, de 0.733), then general rules fitted, each with its twin.

New here: wanting to be "in the ground next to him", "the world would be lighter with me not in
it", her morphine put aside, letters written for the kids, "nobody will stop me", "nobody will
think twice", New Year's Eve as a day, "the last person I say thank you to", a knife right next
to me, up at the cliffs, every tablet in the cupboard; "nicht vor, wieder runterzukommen", "für
niemanden mehr ein Problem", "halb elf" as a time, morphine patches and "dann ist es vorbei für
mich", "wenn ich einfach weg wär", the thought of disappearing, sitting in the car with the pills,
a bare "es tut mir leid" (and "désolé", "lo siento", "desculpa") as a leave-taking, boxes
labelled "wer was kriegt", "nicht zur Arbeit, sondern zur Talsperre, und da bleib ich" (a
comeback or errand "zur Arbeit" denied is none), being with him again on his death day, pushed
by a drinking son. Ordinary twins: a season that drops tonight, letters for the teacher, a party
skipped, two weeks by the sea, an apology for a late reply, a train late at half past ten.
Sentences written for this test.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "since dads funeral all i want is to be in the ground next to him",
        "the world would be lighter with me not in it",
        "ive put her morphine aside, she wont miss it. sunday is the day",
        "wrote the kids a letter each. the rifle is in the ute and thursday is the day",
        "ive decided. new years eve, when everyones too drunk to notice",
        "you were the last person i say thank you to. goodnight",
        "i cant do this anymore. the knifes right next to me",
        "nobody will think twice. first light tomorrow, the cliffs",
        "i fahr am samstag auf den berg und hab nicht vor, wieder runterzukommen",
        "bald bin ich für niemanden mehr ein problem",
        "gleise hinterm bahnhof. halb zwölf. ich kann nicht mehr.",
        "nach der schicht nehm ich die morphinpflaster mit, dann ist es vorbei für mich",
        "ich schneid mir wieder die arme auf, jeden abend",
        "ich denk jeden tag, wies wär, wenn ich einfach weg wär",
        "ich hab den gedanken, einfach zu verschwinden, damit es vorbei ist",
        "jetzt sitz ich im auto am see mit den tabletten. es tut mir leid",
        "meine sachen sind beschriftet, wer was kriegt. ich brauch ja bald nix mehr",
        "morgen fahr ich nicht zur arbeit, sondern zur talsperre, und da bleib ich.",
        "er ist tot. an seinem todestag nehm ich seine tabletten, dann bin ich wieder bei ihm.",
        "wenn er trinkt, schubst er mich und nimmt mir das geld weg",
    ],
)
def test_plain_round_54_wording_reads_urgent(text):
    assert assess(text).level in URGENT, (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "tonight's the night the new season drops, see you on the other side lol",
        "the kids wrote letters for the teacher, so sweet",
        "nobody will think twice if i skip the office party",
        "ich fahr ans meer und da bleib ich zwei wochen",
        "wir sind im auto am see, die kinder baden. es tut mir leid, dass ich so spät antworte",
        "halb elf, der zug hat wieder verspätung",
    ],
)
def test_plain_round_54_twins_stay_below_crisis(text):
    assert assess(text).level not in URGENT, (text, assess(text))
