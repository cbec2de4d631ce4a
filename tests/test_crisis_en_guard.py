"""English: whose risk a comment tells (the writer's, someone else's, nobody's), and the words that
only look like risk. Rules from dev_split_24_en_guard and dev_split_25_en_guard, checked here on
sentences written for this file."""

import pytest

from support.detection import assess, load_lexicon

URGENT = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "my nephews been burning himself with a lighter, his mum doesnt know",  # possessive 'has'
        "my flatmates last text said 'sorry for everything, take care of the cat'",
        "i have a neighbour who says she is ready to die and wont open the door",  # relative who
        "my stepdads been on about ending things since the redundancy",
        "my girlfriend told me 'i wont be around by the weekend' and went quiet",  # quoted words
        "im scared my uncle will do something, he gave his tools away",  # fear of what they do
        "a mate from rugby posted that hes tried to hang himself before and might again",
        "my pupil, age 12, has fresh marks on her forearms",  # the sign's speaker named earlier
        "daniel keeps saying he wants to jump in front of a train",  # a name
        "my daughter is 14, talks about not wanting to be alive all the time",  # verb opens
        "my cousin wrote 'forget about me' on her story and deleted her account",
        "my dads been acting strange, giving me his watch and his car keys",
    ],
)
def test_someone_else_at_risk_is_recognised(text):
    assert assess(text).about_other


@pytest.mark.parametrize(
    "text",
    [
        "my dads old shotgun is in the loft and i want to kill myself with it",  # a thing
        "my sister thinks im fine but i want to die",
        "my mums out at bingo so tonights the night, the pills are ready",  # an absence
        "im the one who wants to kill myself, not my brother",
        "the doctor asked if i was suicidal and honestly i am",  # an answered question
        "my friend asked if i was ok and i said yes but i think about killing myself every day",
        "im not suicidal but i bought a hose and im doing it tonight",  # a plan with its day
        "i would never leave my kids but i want to kill myself tonight",
        "my partner is at work, was going to wait but im ending it tonight",
    ],
)
def test_the_writers_own_risk_next_to_someone_else_stays_urgent(text):
    assert assess(text).level in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "the villain throws himself off the tower in the final scene, bit much for a kids film",
        "my grandad passed peacefully in his sleep last week, he was 97",
        "my auntie took her own life in 2009 and we still light a candle on her birthday",
        "i'm gonna hang myself a new mirror in the hallway this weekend",
        "fancy jumping off the deep end and booking that trip",
        "goodbye forever tiktok, deleting it from my phone for lent",
        "in our training today we role played a caller saying they wanted to end it all",
    ],
)
def test_figures_fiction_grief_and_training_are_not_a_crisis(text):
    result = assess(text)
    assert result.level not in URGENT
    assert not result.about_other


@pytest.mark.parametrize(
    "text",
    [
        "I've had dark thoughts on and off but I would never leave my kids",
        "i havent self harmed in 200 days, i still think about it but i dont act on it",
        "two winters ago i took an overdose, im in a much better place now",
        "my ex hit me when we were married. im safe now",
        "i wouldnt ever act on it, but some nights i think they would cope fine without me",
    ],
)
def test_denied_or_past_risk_is_not_a_crisis(text):
    assert assess(text).level not in URGENT


@pytest.mark.parametrize(
    ("typed", "word"), [("fridge", "fridge"), ("crying", "crying"), ("leeds", "leeds")]
)
def test_typo_matching_keeps_the_first_letter(typed, word):
    assert load_lexicon("en").cues.spell(typed) == word


@pytest.mark.parametrize(
    ("typed", "word"), [("cuting", "cutting"), ("stockpilling", "stockpiling")]
)
def test_a_slip_after_the_first_letter_still_matches(typed, word):
    assert load_lexicon("en").cues.spell(typed) == word


@pytest.mark.parametrize(
    "text",
    [
        "things couldnt be better, thanks everyone",
        "i couldnt be better, thanks everyone for asking",
        "our team couldnt be stronger this year, thanks everyone",
    ],
)
def test_couldnt_be_better_is_happy_not_a_goodbye(text):
    assert assess(text).level in ("none", "distress")


@pytest.mark.parametrize(
    "text",
    [
        "im sorry i couldnt be better for you all. goodbye",
        "sorry i couldnt be stronger. thank you all for everything",
        "mum i couldnt be a better son. goodbye",
    ],
)
def test_an_apology_for_not_being_better_beside_a_goodbye_is_imminent(text):
    assert assess(text).level == "imminent"
