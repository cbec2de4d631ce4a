"""Round 12: reading the shape of a plan or a goodbye, not only listed words. Each behaviour
here is a rule about how a comment is put together (which sentence dates which, who gives what
to whom); every sentence is written for this file."""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


def level(text):
    return assess(text).level


@pytest.mark.parametrize(
    "text",
    [
        "made my mind up. after the barbecue on saturday im doing it",
        "decided. before the fireworks tonight i'll do it",
    ],
)
def test_an_everyday_word_after_after_or_before_dates_the_plan(text):
    assert level(text) == "imminent"


def test_an_everyday_word_told_as_the_purpose_still_is_one():
    assert level("made my mind up. im doing the barbecue on saturday") not in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "been putting the codeine into a shoebox for weeks. theres plenty now",
        "there's a footbridge over the bypass near my work. i've walked to it every night",
    ],
)
def test_means_in_one_sentence_and_gathered_in_the_next_is_a_plan(text):
    assert level(text) == "imminent"


def test_means_and_a_gathering_far_apart_are_not_joined():
    text = "the codeine is for my back. work was long. i walked to the shop. plenty of bread"
    assert level(text) not in URGENT


def test_two_decisions_in_a_row_are_a_plan():
    assert level("ive worked out how. ive worked out when.") == "imminent"


def test_a_tool_got_beside_a_decision_in_the_next_clause_is_a_plan():
    assert level("the rope is in the shed, waiting until everyone is asleep") == "imminent"


@pytest.mark.parametrize(
    "text",
    [
        "my cousin gave me his xbox and his cat and said look after them for me",
        "my uncle gave me his watch and his dog and said take care of them for me",
    ],
)
def test_a_farewell_given_to_the_writer_is_the_givers(text):
    result = assess(text)
    assert result.about_other and result.level not in URGENT


def test_a_farewell_the_writer_asks_for_stays_the_writers():
    assert level("please look after my hamster for me. goodbye everyone") == "imminent"


@pytest.mark.parametrize(
    "text",
    [
        "i wont be needing my bike by sunday, my brother can have it",
        "my landlord has the keys and my sister has the logins, they'll need them once im gone",
    ],
)
def test_arranging_things_for_after_the_writer_is_gone_is_a_goodbye(text):
    assert level(text) == "imminent"


@pytest.mark.parametrize(
    "text",
    [
        "mein kumpel hat gesagt er hat einen plan und geht nicht mehr ans handy",
        "mi hermana se odia y no contesta mis mensajes",
        "mon frère a fixé une date, il est injoignable",
        "minha irmã se odeia e não atende ninguém",
    ],
)
def test_warning_signs_in_someone_else_are_recognised_in_each_language(text):
    assert assess(text).about_other


@pytest.mark.parametrize(
    "text",
    [
        "heute nacht häng ich mich in der garage auf",
        "nächsten samstag bring ich mich um",
    ],
)
def test_german_separable_verbs_told_apart_are_read(text):
    assert level(text) in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "die hitze bringt mich noch um heute",
        "der abschiedsbrief an meine alte firma ist raus, ab montag neue stelle",
        "hab die alten tabletten gesammelt um sie in der apotheke abzugeben",
    ],
)
def test_german_everyday_uses_of_those_words_are_not_crisis(text):
    assert level(text) not in URGENT


@pytest.mark.parametrize(
    "text",
    [
        'my cousin told me "i want to go to sleep and never wake up"',
        "my flatmate texted me 'im ending it tonight' and shes not home",
    ],
)
def test_someone_elses_quoted_words_after_told_me_are_theirs(text):
    result = assess(text)
    assert result.about_other and result.level not in URGENT


def test_the_writers_own_words_after_a_quote_stay_the_writers():
    assert level('she said "you look tired" and honestly i want to die') in URGENT
