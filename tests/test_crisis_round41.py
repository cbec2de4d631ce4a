"""Round 41: a fourth round of plain wording, fitted in families of phrasings.

New here: survivor's wishes ("wishing i'd been the one who didn't come home", "if god would let
me"), walking into the sea, abuse at night in one's own room and by a grown son, medicine named
for an ordinary purpose only where the sentence says so ("at the pharmacy", "a las 8": someone's
blood-pressure pills set aside to take are a means), characters in novels and people in a
training as nobody's risk, study abroad as a goodbye to the blog. Sentences written for this
test.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "ich wär so gern tod",
        "ich wär so gerne tot",
        "die autobahnbrücke hab ich mir zweimal angeguckt, freitag ist es soweit",
        "most nights i lie there wishing i'd been the one who didn't come home",
        "i wish i'd died instead of my brother",
        "i'd go tomorrow if god would let me",
        "i keep praying that god would take me in my sleep",
        "i'm walking into the sea on saturday",
        "tonight i'll walk into the river",
        "goodbye lads. you were good to me",
        "i'm going out to the shed when it gets dark and that'll be the end of it",
        "letters are on the kitchen table for mam and the girls",
        "fed the horses for the last time this evening. letters are on the table",
        "i bought rat poison and i will take it tonigt. kwaheri",
        "everyone wld be better off without me",
        "my uncle comes to my room at night and i can't tell anyone",
        "my stepdad came into my room again last nigt",
        "my son shoves me when i ask for my pension card and i'm frightened",
        "mi pareja me pegó de nuevo anoche",
        "dice que si voy a la policía me mata a mí y a mi mamá",
        "mi padre me ha estampado contra la pared y tengo miedo de esta noche",
        "esta es mi despedida, grasias x todo",
        "ya no quiero estar bivo",
        "ya le dejé a mi hermana unas cartas, una para cada uno. no me van a volver a leer",
        "le regalé la guitarra a mi primo y la moto a mi amigo y ninguno sabe por qué",
        "tengo las pastillas de mi abuela, ya las aparté pa mí. esta noche me las tomo toas",
        "si je meurs ça réglerait tout, j'y pense tous les jours",
        "je sais plus me retenir ce soir",
        "l'envie et trop forte, les lames sont sorties",
        "ma mère est morte en mars et depuis je pense juste à aller la rejoindre",
        "eu quero ir embora com meu pai, às vezes acho que o melhor era eu morer também",
        "meu pai me jogou contra a parede e tenho medo de hoje à noite",
    ],
)
def test_the_writers_own_plain_warning_sign_reads_urgent(text):
    assert assess(text).level in URGENT, (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "hoje uma utente disse-me que já tem decidido como e quando o vai fazer",
    ],
)
def test_someone_elses_warning_sign_is_a_worry_about_them(text):
    result = assess(text)
    assert result.about_other and result.level not in URGENT, (text, result)


@pytest.mark.parametrize(
    "text",
    [
        "got rope burn off the gate fixing fences",
        "collecting my allergy pills at the pharmacy, queue so long",
        "picked up my blood pressure meds from the chemist today",
        "tengo que tomar las pastillas de la presión a las 8 y se me olvida",
        "me despido del blog por unos meses, me voy a estudiar una maestría a "
        "salamanca. gracias por todo",
        "vou dar um tempo do blog por uns meses, tô indo fazer mestrado em "
        "coimbra. obrigada por tudo",
        "j'ai lu un roman où l'héroïne se suicide à la fin",
        "en el taller aprendimos a preguntar si la persona está pensando en quitarse la vida",
        "no treinamento aprendi a perguntar se a pessoa tá pensando em se matar",
        "aos 19 tomei um monte de remédio e fui parar no hospital, já faz dez anos e tô bem",
        "je crois pas que je vais passer la soirée chez eux, trop fatiguée",
        "ich hab alles vorbereitet für die party morgen, sorry an alle die nicht kommen können",
    ],
)
def test_the_same_words_in_an_ordinary_comment_stay_below_crisis(text):
    assert assess(text).level not in URGENT, (text, assess(text))
