"""Round 31 (pt_es): general rules for Portuguese and Spanish, each with ordinary twins.

Sentences written for this test, not copied from the dev files.
"""

import pytest

from support.detection import assess
from support.detection.language import identify

URGENT = ("crisis", "imminent")

_URGENT = [
    "ya me canse de estar viva, de verdad",  # weary of living: a wish to die
    "to farta de existir",
    "me quiero quitar la vida y nadie lo sabe",  # Spanish clitic climbing
    "me pienso suicidar esta semana",
    "me quiero tirar de un puente",
]
_TWINS = [
    "estoy harta de vivir con mi suegra, busco depto",  # weary of circumstances
    "to cansado de viver nessa cidade tao cara",
    "mi vieja regaló sus plantas porque se muda a un depto chico",
    "mi viejo se jubila y ya no va a estar en la oficina",
]
_OTHER = [
    "mi primo se quiere quitar la vida, no sé qué hacer",
    "en el cuaderno de mi alumna dice que se va a suicidar, estoy preocupada",
    "mi viejo ya no va a estar para su cumple dice, me preocupa",
]


@pytest.mark.parametrize("text", _URGENT)
def test_urgent_reaches_crisis(text):
    assert assess(text).level in URGENT


@pytest.mark.parametrize("text", _TWINS)
def test_twins_stay_below_crisis(text):
    assert assess(text).level not in URGENT


@pytest.mark.parametrize("text", _OTHER)
def test_third_person_is_about_other(text):
    assert assess(text).about_other


@pytest.mark.parametrize(
    ("text", "lang"),
    [("ya me canse de vivir", "es"), ("pensamentos suicidas de novo", "pt")],
)
def test_short_comments_guessed_galician_are_read(text, lang):
    assert identify(text)[0] == lang


def test_real_galician_stays_galician():
    assert identify("xa non podo máis, quero morrer")[0] == "gl"
