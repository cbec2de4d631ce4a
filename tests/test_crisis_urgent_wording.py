"""English urgent wording (the en-urgent round): plans, goodbyes and last words told in new ways,
each next to an ordinary twin that must stay below crisis.

Written for these tests (not copied from the dev files).
"""

import pytest

from support.detection import assess

HIGH = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        # word family plan/planning/planned with "it" or "how", then where and when
        "been planning it since summer. the footbridge over the bypass, thursday after dark",
        "i keep planning how id go through with it",
        # last words on the site, an overdose taken now, a bare "done." and a goodbye
        "this is my last ever post, thank you for putting up with me",
        "took them all about ten minutes ago. bye x",
        "done. sorry everyone",
        # farewells that add up: things sorted for someone, "after" closing a sentence
        "the letter is in her coat pocket, shell read it after",
        # a denied everyday purpose does not excuse the rope
        "bought a rope and a tent, not for camping",
        # serious, not a figure
        "i want to die for real this time",
    ],
)
def test_urgent_wording_is_imminent(text):
    assert assess(text).level == "imminent", text


@pytest.mark.parametrize(
    "text",
    [
        "i want to die for real, honestly its that bad, im not safe",
        "nobody will have to worry about me anymore",
        "i dont think ill see 25 and i dont care",
        "honestly im just waiting to die at this point",
    ],
)
def test_urgent_wording_is_at_least_crisis(text):
    assert assess(text).level in HIGH, text


@pytest.mark.parametrize(
    "text",
    [
        "wont be here for easter, were going to my aunts in wales",
        "the cheesecake at that place is to die for",
        "been planning it for ages. the surprise party for my dad on saturday",
        "planning how to tell my boss im leaving. friday probably",
        "this is my last post about the allotment, the shed is finally done",
        "took them all to the zoo today, the kids were shattered",
        "did it! passed my driving test. thanks everyone",
        "done. sorry everyone for the late reply, it was a long week",
        "it was the final night of the tour and the band were amazing",
        "i cant wait to see 40, big party planned",
        "i wrote a goodbye letter when i was 16. im 40 now and doing well",
        "sorry to everyone i let down at the quiz last night",
        "parked up at the beach and watched the waves for an hour",
        "the prison visit was hard but my brother seems ok",
        "i feel so lonely at uni. sorry dad",
        "got a rope and a tent. not for camping, for the festival",
    ],
)
def test_ordinary_twins_are_not_crisis(text):
    assert assess(text).level not in HIGH, text
