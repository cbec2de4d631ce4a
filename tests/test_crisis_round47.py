"""Round 47: English that talks around it, English as a second language and in dialect, and
Spanish and Portuguese from six countries, read before any change (urgent en 0.688 and 0.783,
es 0.750, pt 0.833; ordinary comments at crisis en 0.182), then general rules fitted, each with
its twin.

New here: the only way out being not to be here; hoping a lorry takes one out or not to wake
up, with the subject inside the wish; "he had the right idea", following someone who died;
"did it to my arm again", a relapse on sh; being held until one couldn't breathe; "tell my
daughter it wasn't her"; "nothing left to be here for"; "better I die"; "thats me."; "won't come
back from there"; Scots negatives; "no bajo más", "apagarme", "me busca y me mata"; "hoje é o
dia", "embora de vez", "bater-me". Ordinary twins: a series' last post on a topic, a move with
its removal van, "before I go out", "it wasn't her fault the sponge collapsed", "finish myself
the rest", peace made with a diagnosis, a novel's ending that "killed" the reader. Sentences
written for this test.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "most days the only way out i can see is not being here",
        "part of me hopes a van on the ring road just takes me out",
        "every night i lie in bed hoping i wont wake up",
        "since my brother did it i keep thinking he had the right idea",
        "i did it to my wrist again last night",
        "relapsed on sh after 90 days, it's bad",
        "last night he pinned me to the floor until i couldnt breathe",
        "tell my son it wasnt him. the car is at the reservoir, tonight",
        "the bills are paid till june and theres nothing left to be here for",
        "better i die than tell my family about the exam",
        "right, thats me. off to the docks tonight once its dark",
        "on friday i go to the river and i will not come back from there",
        "naebody would notice if i wasnae here",
        "esta noche subo al techo y no bajo más",
        "lo único que quiero es apagarme para siempre",
        "mi ex me dijo que si me voy con mis papás me busca y me mata",
        "hj é o dia. obrigada por tudo gente",
        "deixei a senha do banco pra minha mãe, quando eu for embora de vez ela resolve",
        "o meu pai voltou a bater-me hoje e tenho medo de voltar para casa",
    ],
)
def test_the_writers_own_risk_in_new_words_reads_urgent(text):
    assert assess(text).level in URGENT, (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "This is my last post on the topic for now, back in January with a new series.",
        "All my arrangements for the move are done, removal van Saturday, goodbye old flat!",
        "I always check the locks before I go out, old habit",
        "tell my son it wasnt his fault the cake sank, he's been sulking all day",
        "no need to send the rest, i will finish myself the rest tomorrow",
        "I've made my peace with my diagnosis and I'm focusing on the garden",
        "el final de la novela me mató jaja, no me lo esperaba",
        "el post sobre el duelo me tocó mucho, gracias",
        "Con 17 años intenté quitarme la vida. Hoy tengo 40 y estoy bien.",
        "my aunt abused me from 6 to 11. im 45 now and finally in therapy",
    ],
)
def test_the_same_words_in_an_ordinary_comment_stay_below_crisis(text):
    assert assess(text).level not in URGENT, (text, assess(text))


def test_a_sister_who_says_she_is_in_the_way_at_home_is_a_worry_about_her():
    reading = assess("mi hermana dice que sobra en esta casa y ya no sale de su cuarto")
    assert reading.about_other, reading
