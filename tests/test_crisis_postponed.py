"""A denial that only moves the day is no denial: "not tonight, it'll be tomorrow" is an intent
and its time. A denial of every day ("not today, not tomorrow, not ever"), a day given to
something else ("tomorrow I'm calling my therapist") and someone else's words stay as they were.
Sentences written for this test, not copied from any split.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "i'm not going to kill myself tonight, it'll be tomorrow",
        "i won't do it tonight. tomorrow.",
        "im not gonna kill myself today. more like sunday",
        "no me voy a matar hoy, va a ser mañana",
        "no me voy a matar hoy. mejor el domingo.",
        "je ne vais pas me tuer ce soir, ce sera demain",
        "je vais pas le faire ce soir. plutôt samedi.",
        "ich bring mich heute nicht um, erst morgen",
        "ich werde mich heute nicht umbringen, sondern erst am wochenende",
        "não vou me matar hoje, vai ser amanhã",
        "não vou fazer isso hoje. fica pra sexta.",
    ],
)
def test_a_denial_that_only_moves_the_day_is_imminent(text):
    result = assess(text)
    assert result.level == "imminent", (text, result)
    assert "postponed" in result.signals


@pytest.mark.parametrize(
    "text",
    [
        "i'm not going to kill myself tonight. tomorrow i'm calling my therapist",
        "i won't kill myself today, or tomorrow, or ever",
        "im not going to the gym today, itll be tomorrow",
        "je ne vais pas me tuer ce soir ni demain, promis",
        "ich bring mich heute nicht um und morgen auch nicht",
        "não vou me matar hoje nem amanhã, fiquem tranquilos",
        "i'm not going to do it today, tomorrow we have the exam",
    ],
)
def test_a_denial_of_every_day_or_a_day_for_something_else_is_not_postponed(text):
    result = assess(text)
    assert result.level not in URGENT, (text, result)
    assert "postponed" not in result.signals


def test_someone_elses_postponement_is_not_the_writers():
    result = assess("he said he won't kill himself tonight, it'll be tomorrow")
    assert result.level not in URGENT
    assert result.about_other
