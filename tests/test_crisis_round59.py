"""Round 59: crisis said indirectly or in euphemism, often in the middle of a comment about
something else (English and German), and older, quieter English writers who state a plan or a
goodbye calmly. Read after round 58 was fitted and before any change for round 59 (urgent en
0.650 and 0.700, de 0.677), then general rules fitted, each with its twin.

New here: "the marks are back" (not on the kitchen table), "ive started scratching again",
"cope fine without me" (not "for one week"), "he'll kill me if i stay", "just waiting for it to
be over", "disappointed to wake up", "wish it had been me", a terminal diagnosis that would be a
relief, "this is the last thing im posting", "Tonight. Goodbye and thank you." (a day told alone
next to a bare parting), "asked me straight out if" as a question answered no; "die Narben sind
wieder frisch", "dass ich einschlaf und es vorbei ist", "weil es mich dann nicht mehr gibt", "ich
lösch meinen account und dann mich selbst", the knife "neben dem Bett", the rope laid "in die
Garage", "spring ich." at a clause's end, "findet er mich", "trau mich nicht heim".
Ordinary twins: marks on the kitchen table, "tired of being here at the airport", "won't wake
up to another email", the market coping "without me for one week", "ready for a rest" after an
auction, "bin seit einem Jahr raus" from a violent ex. Sentences written for this test.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "the marks are back on my arms and i dont even care",
        "ive started scratching again. nobody knows",
        "honestly they would all cope fine without me",
        "hes going to kill me if i stay, i know it",
        "im not living anymore, just waiting for it to be over",
        "every morning i am disappointed to wake up",
        "Sunday. Goodbye and thank you.",
        "i wish every night that it had been me instead of her",
        "die narben sind wieder frisch und ich schäm mich",
        "ich wünsch mir, dass ich einschlaf und es vorbei ist",
        "ab freitag schreib ich nicht mehr, weil es mich dann nicht mehr gibt",
        "heut lösch ich mein profil und dann mich selbst",
        "das messer liegt schon neben dem bett",
        "er hat gesagt, wenn ich geh, findet er mich. ich trau mich nicht heim",
    ],
)
def test_plain_round_59_wording_reads_urgent(text):
    assert assess(text).level in URGENT, (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "the marks are back on the kitchen table, who keeps using the good mugs",
        "so tired of being here at the station, third cancelled train",
        "i hope i wont wake up to another email from my boss",
        "the shop would cope fine without me for one week, so i'm off to crete",
        "sold the cows at the auction on friday and i'm ready for a rest",
        "mein ex hat mich geschlagen. bin seit einem jahr raus und hab eine eigene wohnung",
    ],
)
def test_round_59_twins_stay_below_crisis(text):
    assert assess(text).level not in URGENT, (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "my nan keeps saying she wishes shed gone with grandad. is that normal grief",
        "my dad says he hopes he doesnt wake up some mornings since mum died",
    ],
)
def test_round_59_worry_about_someone_else_is_theirs(text):
    assert assess(text).about_other, (text, assess(text))
