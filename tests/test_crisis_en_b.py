"""English: everyday plans, leave-takings, jokes and dated memories that are nobody's crisis, and
the urgent wordings that share their words (answered questions, a wish after a death, an attempt
wanted again, current abuse). Rules from dev_split_26_en_b and dev_split_27_en_b, checked here on
sentences written for this file."""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "doing it tomorrow!! my first ever triathlon, send snacks",  # purpose opens the next one
        "its happening monday, getting a buzz cut after ten years of long hair",
        "handing in my notice on friday, 12 years in that warehouse is plenty",
        "weve sold the flat, fly out to auckland on the 2nd. saying goodbye to everyone is awful",
        "closing my facebook tonight. this is my last post, see you around the village",
        "goodbye old phone, three cracked screens and you still worked",
        "drove it straight off the forecourt, my first van",
        "the vet says its time, we take her in on thursday and im heartbroken",
        "failed the driving theory again, gonna kill myself lol",
        "ugh kms the kettle broke 😂",
        "i think about my attempt from six years ago sometimes and how far ive come",
        "demolished the whole tub of salted caramel in one sitting",
        "my last attempt at knitting a jumper went horribly wrong, try again tomorrow",
        "i jumped off the top board at the pool today, terrified",
    ],
)
def test_everyday_wording_is_not_a_crisis(text):
    assert assess(text).level not in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "the doctor asked if i was thinking of suicide. i said no. i was lying",
        "mum asked 'youre not suicidal are you?' and i changed the subject. but i am",
        "since my brother died i keep wishing i could just go and be with him",
        "my husband passed in june and all i want is to go where he is",
        "i overdosed in 2020 and lately im thinking about doing it again",
        "my stepdad comes into my room at night when mum is at work",
        "people say i joke about killing myself. im not joking",
        "im doing it sunday. the pills are saved up in my drawer",  # no purpose in the next one
        "the anniversary of my overdose is friday and i want it to work this time",
        "closing my snapchat tonight. this is goodbye, i wont be around after today",  # absence
        "my penfriend is the only one who would notice me gone. this is my last letter to her",
        "its on sunday. the multistorey by the race course, nobody is there that early",
        "gonna kms lol. not even kidding this time",  # the laugh taken back
        "so long old life, goodbye everyone, im done",  # 'old life' is no thing
        "this is my last letter. to my pen pal and to all of you, im so sorry",
    ],
)
def test_urgent_wording_sharing_those_words_is_found(text):
    assert assess(text).level in URGENT


def test_a_question_answered_no_stays_a_no():
    assert (
        assess("the nurse asked if i wanted to hurt myself and i said no and im ok").level
        not in URGENT
    )


def test_a_wish_to_be_with_someone_alive_or_their_family_is_no_wish_to_die():
    assert assess("my aunt died and i want to be with her family at the wake").level not in URGENT
    assert (
        assess("i just want to be with him, we've been long distance for a year").level
        not in URGENT
    )
