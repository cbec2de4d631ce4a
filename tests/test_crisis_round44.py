"""Round 44: English from many regions and ages, French and German, read before any change
(fresh: urgent 0.709 en, 0.727 fr, 0.673 de), then general wordings fitted.

New here: "msg" spelled out, "sat/fri/sun night" as a day, a prayer to be taken in one's sleep,
"done pretending" beside a gun, paying for "a future im not having"; French "m'unalive",
"dernier com", going "jusqu'aux voies"; German "hör ich auf zu atmen", indifference to being
alive tomorrow, "wär leichter zu verschwinden", a dam wall as a place, a knife laid ready, "wenn
die kinder schlafen", "war schön hier" beside a goodbye, "für immer offline", "runter komm ich
nicht mehr". Twins: "es mir gemütlich machen", a therapist who says the writer is ready to
finish, "dernier com de la soirée", offline on a named app, a cycle path, not getting off the
sofa. Sentences written for this test.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "last msg from me. please dont come looking",
        "fri night im doing it, its all sorted",
        "every night i ask god to just take me in my sleep",
        "j'ai trop envie de m'unalive ce soir",
        "mon dernier com ici, prenez soin de vous",
        "heut nacht hör ich auf zu atmen",
        "mir ist egal ob ich morgen noch lebe",
        "wär so viel einfacher einfach zu verschwinden",
        "ich steh oben an der staumauer und geh gleich",
        "das messer liegt schon bereit. wenn die kinder schlafen mach ich es",
        "macht's gut alle zusammen, war schön hier",
        "ab heute nacht bin ich für immer offline",
        "the rifle is loaded and on the bed and im done pretending",
        "demain matin je vais jusqu'aux voies, c'est décidé",
        "cancelled the gym, no sense paying for a future im not having",
        "samstag fahr ich rauf zum stausee. runter komm ich nicht mehr",
    ],
)
def test_the_writers_own_plain_warning_sign_reads_urgent(text):
    assert assess(text).level in URGENT, (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "heute abend mach ich es mir gemütlich mit tee und buch",
        "wenn die kinder schlafen machen wir es uns auf dem sofa bequem",
        "my therapist says im ready to finish, last session was today",
        "meine therapeutin findet, ich bin jetzt bereit, heute war die letzte stunde",
        "dernier com de la soirée, bonne nuit tout le monde",
        "war schön hier im urlaub, bis nächstes jahr!",
        "bin aufm weg zur staumauer, wandern mit den kids",
        "the band played till sat night and im doing it again next year",
        "bin ab jetzt für immer offline auf tiktok, die app nervt",
        "im done pretending i like jazz, put the radio on something else",
        "demain je vais jusqu'aux voies vertes à vélo avec les enfants",
        "heute komm ich nicht mehr runter vom sofa",
    ],
)
def test_the_same_words_in_an_ordinary_comment_stay_below_crisis(text):
    assert assess(text).level not in URGENT, (text, assess(text))
