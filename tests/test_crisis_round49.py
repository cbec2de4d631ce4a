"""Round 49: the plain words most people in crisis use, in English, French and German, with plain
twins, read before any change (urgent en 0.923, fr 0.906, de 0.969; but ordinary comments at
crisis en 0.400, 6 of 15), then general rules fitted, each with its twin.

New here: hyperbole after "if I have to sit through one more meeting" (not "one more day"), a note
to the neighbours, wanting to die of embarrassment or over a haircut, safety barriers going up on
a bridge, a quoted line "is the funniest line in" a film; "last post." as a whole sentence beside
a goodbye, "cut tonight." as a sentence, a note on the bed; "where we used to go" is a place, not
the past; "je me refais du mal", "je me jette de la corniche", "am samstag mach ich schluss" (not
"schluss mit ihm"). Sentences written for this test.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "if i have to sit through one more assembly im going to throw myself out the window lol",
        "left a note for the landlord about the boiler, fingers crossed",
        "i want to die, that speech was so cringe 😂",
        "dyed my hair last night and i want to die its so orange",
        "they're finally putting safety barriers up on the bridge, about time",
        "'I'm going to jump off the roof!' is the best line in that sitcom",
        "am samstag mach ich schluss mit ihm, er lügt nur",
        "last post of the year! see you in january",
    ],
)
def test_plain_words_used_ordinarily_stay_below_crisis(text):
    assert assess(text).level not in URGENT, (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "if i have to live through one more day like this im going to kill myself",
        "last post. bye everyone",
        "relapsed. cut tonight.",
        "going off the pier tonight. the note is on the bed for my mam",
        "on sunday i'm going to be with her. i've saved my pills and i'm taking them all at the "
        "beach where we used to walk",
        "je me refais du mal tous les soirs",
        "samedi je me jette de la corniche",
        "ich kann nicht mehr. am samstag mach ich schluss",
    ],
)
def test_plain_words_of_the_writers_own_risk_read_urgent(text):
    assert assess(text).level in URGENT, (text, assess(text))
