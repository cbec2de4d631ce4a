"""Round 31, English (en_a): rules fitted on fresh English dev items (dev_split_32_en_a, 33_en_a).

Each rule has urgent cases and ordinary twins (the same words in a harmless comment). The
sentences are written for this file, not copied from the dev splits.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


# Going to a place, in the verbs people use ("going up to", "ill go to", "heading down to").
@pytest.mark.parametrize(
    "text",
    [
        "ill go to the level crossing tonight when my flatmate is asleep",
        "tomorrow at lunch going to the top floor, cant keep doing this",
        "left letters for my wife and son in the bureau. going down to the weir tonight",
        "heading out to the headland after work. im done",
    ],
)
def test_going_to_a_place_in_plain_verbs_is_urgent(text):
    assert assess(text).level in URGENT


# ... and the same going told with its company or its errand is an outing.
@pytest.mark.parametrize(
    "text",
    [
        "going to the car park by the station tonight to meet my sister",
        "going down to the beach tonight with my mates for a bonfire",
        "im going to the bridge tomorrow with my camera club",
        "going up to the top floor for a coffee with my colleagues",
        "going back to the multi storey tonight to collect my car",
    ],
)
def test_an_outing_with_company_or_an_errand_is_not_urgent(text):
    assert assess(text).level not in URGENT


# Medicine taken as prescribed, a wedding date, a letter for a future occasion, a pet "going to
# be" something, anticipation after "tonight is the night".
@pytest.mark.parametrize(
    "text",
    [
        "the tablets are on the bedside table, once a day in the morning the gp said",
        "we set a date! 12th of may and the venue is booked",
        "wrote letters to my nephews for their 18th birthdays and put them in the loft",
        "the dog is going to be spoilt rotten at my mums this weekend",
        "tonight is the night!! finally meeting my online friends irl",
    ],
)
def test_everyday_purposes_are_not_urgent(text):
    assert assess(text).level not in URGENT


# A bare burden beside a denial of wanting to die is distress; with a wish or a day it stands.
def test_a_burden_beside_a_denial_is_distress():
    reading = assess("feel like a burden on the nurses. im not suicidal, i just hate needing help")
    assert reading.level == "distress"


@pytest.mark.parametrize(
    "text",
    [
        "i feel like a burden to everyone and i want to die",
        "im a burden. tonight i end it",
        "im such a burden. im not suicidal but i think theyd be better off without me",
    ],
)
def test_a_burden_with_a_wish_or_a_turn_stays_urgent(text):
    assert assess(text).level in URGENT


# A sentence opening on its phrase with no subject is the writer's: whom it is for is no
# speaker.
def test_letters_written_for_family_are_the_writers_goodbye():
    reading = assess("wrote a letter for my dad and my brother. sunday before anyone is up")
    assert reading.level == "imminent"
    assert not reading.about_other


# A goodbye kept secret is a farewell act; a secret named after it is that secret.
def test_a_secret_goodbye_is_urgent():
    text = "said goodbye to the kids at the school gate without them knowing. it ends this weekend"
    assert assess(text).level in URGENT


def test_a_named_secret_is_not_a_goodbye():
    text = "said bye to my whole class without them knowing i was moving schools, reveal is monday"
    assert assess(text).level not in URGENT


# Scots "tae no" is "to not".
def test_scots_to_not_wake_up_is_a_wish():
    assert assess("most days a just want tae no wake up").level in URGENT


# The same words said of someone else are a worry about them, not the writer's risk.
@pytest.mark.parametrize(
    "text",
    [
        "my brother keeps saying hes going up to the quarry tonight and not coming back",
        "my mum wrote letters for me and my sister and hid them, she wont answer her phone",
        "my flatmate said bye to everyone without them knowing and now shes gone quiet",
    ],
)
def test_the_same_words_about_someone_else_are_about_other(text):
    reading = assess(text)
    assert reading.about_other
    assert reading.level not in URGENT
