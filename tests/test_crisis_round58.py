"""Round 58: English plans and goodbyes in varied sentence shapes, German in the plainest
spoken words from eleven lives, and French, Spanish and Portuguese from many regions. Read
after rounds 56-57 were fitted and before any change for round 58 (urgent en 0.677, de 0.662;
es 0.762, fr 0.857, pt 0.714), then general rules fitted, each with its twin.

New here: "saturday i finish this" after a gun just got, "dont bother looking for me", "the
last thing im writing", a door left unlocked "so nobody has to break it", "not planning on
coming down", "ima" as the writer's own "im gonna", a video recorded for friends, "wont be
there to see", a note "where mum will see it", in-laws who hit; "wenn ick morgen nich mehr
poste", "der letzte Termin", "ich mache Ende", "kimm nimmer oba", "ma's Lebn nimm", a lighter
used on the wrist, "mich gegen die Wand gedrückt"; "desconectar para siempre", "no me
busquen", "me agarró del cuello"; "vous serez tranquilles", "j'ai trouvé le spot"; "nao to mais
aqui", "a vontade voltou", "apagar-me de vez".
Ordinary twins: letters for sons to open on their eighteenth, a rope to moor the boat, a
grandmother thought of on a bridge, books given away before a move to Vienna, "finish this
essay". Sentences written for this test.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "got the pistol off my cousin yesterday. sunday i end this",
        "going up the hill tonight. dont bother looking for me",
        "i have the pills in my pocket. this is the last thing im writing",
        "leaving the back door unlocked so nobody has to break it. bye",
        "got some xans and ima take the lot tonight when everyone is out",
        "sold the car and wont be there to see the baby born",
        "left it on the table where mum will find it. tonight",
        "wenn ich morgen nich mehr poste wisst ihr bescheid",
        "diese nacht ich mache ende. danke alle",
        "morgen geh i aufn berg und kimm nimmer oba",
        "hab mich gestern mit dem feuerzeug verbrannt, am arm",
        "er hat mich gestern gegen die wand gedrückt, ich hab angst",
        "el sábado me voy a desconectar para siempre. no me busquen",
        "après dimanche vous serez tranquilles avec moi",
        "amanha eu nao vou ver o ano novo. obrigada por tudo",
        "vou apagar-me de vez no domingo",
    ],
)
def test_plain_round_58_wording_reads_urgent(text):
    assert assess(text).level in URGENT, (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "i wrote letters for my daughters to open on their wedding days",
        "compré una cuerda para amarrar la lancha, salimos a pescar el domingo",
        "je pense à elle chaque fois que je passe sur le pont",
        "hab alle bücher verschenkt, weil ich nach hamburg zieh, der umzugswagen kommt montag",
        "saturday i finish this essay and then i'm free",
    ],
)
def test_round_58_twins_stay_below_crisis(text):
    assert assess(text).level not in URGENT, (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "mein opa hat gesagt, wenn er ins heim muss, dann hängt er sich auf",
        "mi hermana me dijo que ya no quiere estar aca. que hago",
    ],
)
def test_round_58_worry_about_someone_else_is_theirs(text):
    assert assess(text).about_other, (text, assess(text))
