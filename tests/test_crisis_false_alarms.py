"""What the third round of false alarms taught (issue 15): ordinary comments that name a thing,
a place or a day for an everyday reason are not plans. Every sentence here is written for this
file; each behaviour is also checked the other way, so a test cannot pass by reading nothing."""

import pytest

from support.detection import assess

HIGH = ("crisis", "imminent")


def level(text):
    return assess(text).level


@pytest.mark.parametrize(
    "text",
    [
        "threw the rope and the sleeping bags in the car for our camping weekend",
        "two tablets for this migraine and I'm back at my desk",
        "heading up to the roof tonight to watch the fireworks with my flatmates",
        "saturday is finally here: the series finale, pizza ordered",
        "esta noche subo a la azotea con mis primas a ver las estrellas",
        "ce soir on regarde le dernier episode de la saison, j'ai hate",
        "heute Abend geht's zum Schießstand mit meinem Verein",
        "amanhã levo a corda pro acampamento da escola",
    ],
)
def test_an_everyday_purpose_in_the_sentence_is_not_a_plan(text):
    assert level(text) not in HIGH


@pytest.mark.parametrize(
    "text",
    [
        "I bought a rope for camping but really it's to hang myself tonight",
        "i have all my pills saved up, i want to die, no headache will matter after tonight",
    ],
)
def test_an_everyday_word_does_not_hide_intent_in_the_same_sentence(text):
    assert level(text) in HIGH


def test_an_everyday_word_in_another_sentence_does_not_hide_a_plan():
    text = "Nice photos of the hike. I've been saving up my pills for weeks."
    assert level(text) == "imminent"


@pytest.mark.parametrize(
    "text",
    [
        "we walked along the bridge by the harbour on tuesday",
        "wir gehen am Samstag auf die Brücke am Hafen",
        "nous sommes montés sur le toit samedi",
    ],
)
def test_we_speak_for_a_group_not_for_the_writer_alone(text):
    assert level(text) not in HIGH


@pytest.mark.parametrize(
    "text",
    [
        "the new belt and cable for the dryer arrived on friday",
        "the gun club is open on sunday afternoons",
        "picking up my prescription tomorrow morning",
    ],
)
def test_a_thing_with_only_a_day_is_an_errand(text):
    assert level(text) not in HIGH


def test_a_thing_with_a_decision_is_still_a_plan():
    assert level("I've decided. The rope is in the garage.") == "imminent"


@pytest.mark.parametrize(
    "text",
    [
        "last post on this topic, then back to my knitting",
        "I won't be here on monday, I'm at a conference, reply to me after",
    ],
)
def test_a_goodbye_with_a_comeback_in_its_sentence_is_ordinary(text):
    assert level(text) not in HIGH


def test_a_refusal_to_come_back_is_no_comeback():
    assert level("obrigada por tudo, estou me despedindo, nao volto mais") == "imminent"


@pytest.mark.parametrize(
    "text",
    [
        "esse calor vai me matar, nem consigo dormir",
        "este examen me va a matar, llevo toda la noche estudiando",
    ],
)
def test_a_thing_that_will_kill_me_is_a_figure_of_speech(text):
    assert level(text) not in HIGH


def test_going_to_kill_myself_stays_intent_in_portuguese():
    assert level("eu vou me matar, nao aguento mais") in HIGH


@pytest.mark.parametrize(
    "text",
    [
        "thanks all for the tips, I'm giving away my old pram to the charity shop",
        "me mudo el mes que viene, regalo mis plantas, gracias a todos",
        "wir ziehen um, ich verschenke meine Bücher, danke euch allen",
    ],
)
def test_things_given_away_for_a_move_are_no_farewell(text):
    assert level(text) not in HIGH


def test_things_given_away_with_thanks_and_no_move_are_still_a_farewell():
    assert level("I've given away my records and my bike. thanks everyone") == "imminent"


@pytest.mark.parametrize("text", ["my final exam is on friday", "it's my final shift at the cafe"])
def test_my_final_something_ordinary_is_no_goodbye(text):
    assert level(text) not in HIGH


def test_my_final_words_are_a_goodbye():
    assert level("these are my final words, look after mum") == "imminent"


def test_disappearing_for_a_while_is_a_break():
    assert level("I want to disappear to the seaside for a few days") not in HIGH
    assert level("I want to disappear") in HIGH


@pytest.mark.parametrize(
    "text",
    [
        "bought ibuprofen and throat sweets, this flu is awful",
        "compré ibuprofeno para la espalda",
        "j'ai acheté des comprimés pour la gorge",
        "Tabletten beim Apotheker bestellt, wie jeden Monat",
        "comprei remédio pra gripe hoje",
    ],
)
def test_medicine_bought_once_is_no_plan(text):
    assert level(text) not in HIGH


@pytest.mark.parametrize(
    "text",
    [
        "I've been stockpiling my tablets, there's enough now",
        "hab die Tabletten gekauft, heute Nacht mach ich es",
    ],
)
def test_medicine_saved_up_or_bought_for_tonight_is_still_a_plan(text):
    assert level(text) == "imminent"


def test_a_goodbye_until_a_named_return_takes_its_day_with_it():
    assert level("me despido hasta el lunes, me voy de excursión con el cole") not in HIGH
    assert level("me despido de todos, esta noche se acaba todo") == "imminent"
