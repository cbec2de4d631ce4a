"""English round 31 (en_b): ordinary comments that use crisis words harmlessly, concern that must
not be escalated, and someone else's words; each rule next to its ordinary twins and to the urgent
wording it must not hide.

Written for these tests (not copied from the dev files).
"""

import pytest

from support.detection import assess

HIGH = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        # a thing dying is not the writer dying, but the writer's own wish beside it still counts
        "battery on my phone is nearly dead and honestly i want to die too",
        # a song quoted, then the writer's own wish in their own words
        "that track 'numb' is exactly me rn, i want to die every single day",
        "the chorus goes, 'i just want to disappear' and i relate so hard, i want to disappear too",
        # the idiom with an ordeal stays ordinary; without one it is a goodbye
        "im done. see you all on the other side",
        "cant do this anymore. see you guys on the other side x",
        # a change in how one sees death is an attitude; thinking of dying is not
        "i think about dying every day",
        # negation with "isnt" keeps what is not denied
        "life isnt worth living anymore",
        # the writer's own words after someone else's quote
        "i said, 'i want to die' and she just laughed",
    ],
)
def test_round31_urgent(text):
    assert assess(text).level in HIGH, text


@pytest.mark.parametrize(
    "text",
    [
        # things that die: a device, a plant, a van
        "laptop's on 3% and about to die so brb",
        "my basil is dying again, no idea what im doing wrong",
        "the van is on its last legs, 190k on the clock",
        "headphones are about to die mid podcast, typical",
        # words in a song, a title, a book or a t-shirt
        "the chorus of that new one, 'i just want to disappear', is so catchy",
        "my fave song is literally called 'goodbye forever' lol",
        "she sang, 'i want to die' and everyone clapped, it was a musical",
        "got a hoodie that says 'dead inside' and my mum hates it",
        # an attitude to death changed by work or loss
        "working on the ward shaped how i think about death",
        "losing grandad changed the way i feel about dying, less scared now",
        # the idiom after an ordeal
        "op on thursday, see you all on the other side",
        "see you on the other side of the exams lads",
        "night shifts all week from tonight, see you on the other side",
        "exams start tomorrow, see you on the other side",
        # a wish denied with "isnt"
        "death isnt something i want, i just want to sleep properly again",
        # the last day at a job is a leave-taking
        "last day at the shop today, said goodbye to everyone, off to uni next month",
        "last shift at the depot tomorrow, said bye to everyone, onto the next adventure",
        # a volunteer at a hospice, speaking as one
        "as a hospice volunteer i sit with people who are dying and i find it a privilege",
    ],
)
def test_round31_twins_stay_below_crisis(text):
    assert assess(text).level not in HIGH, text


@pytest.mark.parametrize(
    "text",
    [
        # "a lad", "a lass", "a bloke" are someone else
        "a lass on my course keeps saying she wants to die",
        "a bloke at work told me hes got nothing left to live for",
        # the idiom posted by someone else is a warning sign in them
        "my mate posted 'see you all on the other side' and blocked everyone",
        # a child not in school now is no memory
        "my son hasnt been in school for a week, says he wants to die",
        # Scots forms
        "ma pal says he'd be better aff deid",
        # their own burden in quotes, after a comma or not
        "my brother said 'youd all be better off without me'",
        "my brother said, 'youd all be better off without me'",
        "my friend said, 'i want to die' and hung up",
    ],
)
def test_round31_about_other(text):
    result = assess(text)
    assert result.about_other, text
    assert result.level not in HIGH, text


@pytest.mark.parametrize(
    "text",
    [
        # past told as past: a memory of school is still a memory
        "i tried to kill myself in high school, im 30 now and doing alright",
    ],
)
def test_round31_past_stays_below_crisis(text):
    assert assess(text).level not in HIGH, text
