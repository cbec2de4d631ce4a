"""Round 34: general wordings the fresh files of round 34 showed missing, each with twins.

Asking God to take one (in French, Spanish, Portuguese and German, as English already read it),
"still want" as a present wish after a dated past, txt-speak ("abt", "sewer slide") and the
English loan "unalive" in Portuguese, Spanish and French. Sentences written for this test, not
copied from the dev files.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")

_URGENT = [
    "tous les soirs je prie pour que le bon dieu vienne me chercher",
    "cada noche rezo para que dios me lleve, ya no aguanto",
    "me voy a quitar de en medio, nadie me va a extrañar",
    "peço a deus toda noite pra me levar logo",
    "ich bete jeden abend, dass der herrgott mich zu sich holt",
    "been on meds for five years and i still want to die most days",
    "i think abt killing myself every night",
    "sewer slide thoughts all week, cant shake them",
    "quero me unalive hoje",
    "ya me quiero unalive, no puedo mas",
    # a car in a closed garage with its engine running, said by the writer in the car
    "im in the car in the garage, engine running, sorry mum",
    "estoy en el auto, motor encendido, el garaje cerrado. perdon",
    "assis dans la voiture au garage, moteur qui tourne, pardon a tous",
    "sitze im auto in der garage, motor läuft. tut mir leid",
    "to no carro dentro da garagem com o motor ligado, desculpa",
    "tonight im going to sleep and make sure i dont wake up",
    "took the pistol out of the safe and loaded it. kids are at their mums",
    "the van is in the garage and ive run the hose in. bye",
    # a demonstrative subject is not the writer, so the writer's own "me tuer" still counts
    "ce soir je vais me tuer",
    "essa semana eu vou me matar",
    # deaths counted are a game's, but not a few told of a hospital, nor what follows a turn
    "died 3 times in hospital last year they said, and i still want to die",
    "died 12 times on that level today, and honestly i want to die for real",
    # a story's frame ends where the writer speaks of themselves
    "dans mon histoire personne ne sait que je veux mourir, mais je veux vraiment mourir",
    "no meu livro a personagem se mata, e eu também quero me matar",
    # affairs put in order for after one is gone: a farewell, imminent beside another
    "paid off the card and wrote to my boys. the life insurance will cover the rest",
    "jai rangé mes papiers pour que personne ait à sen occuper après moi. merci pour tout",
    "ich hab alle schulden bezahlt, will niemandem was schulden wenn ich gehe. danke für alles",
    "paguei as dívidas pra ninguém ficar com nada quando eu não estiver mais aqui. obrigada",
    "le dejé una carta a mi hermana. con el seguro le va a alcanzar para el depto",
]
_TWINS = [
    "je prie pour que dieu me donne la force de pardonner",
    "rezo para que dios me de paciencia con mi suegra",
    "quita esa silla de en medio que no paso",
    "peço a deus que me dê saúde pra ver meus netos crescer",
    "ich bete, dass gott mir kraft gibt für die prüfung",
    "i still remember wanting to die at nineteen, im forty now and doing well",
    "abt to head out for the school run",
    "the water park has a new sewer slide ride, kids loved it",
    "left the engine running in the garage to warm it up, its minus ten",
    "hab das auto in die garage gefahren und das tor zugemacht, hagel kommt",
    "make sure i dont wake up the baby when i get in",
    "cleaned the rifle and loaded it, deer season opens at dawn",
    "washing the car in the garage with the hose since its raining",
    # a thing that "will kill me" is a figure, however many words name it
    "ce devoir de maths va me tuer",
    "essa prova de cálculo amanhã vai me matar",
    "el parcial de cálculo me mató",
    # deaths counted in a game: what the sentence says after them is a figure
    "died 30 times to the final boss, im gonna kill myself lol",
    "morri 40 vezes pro mesmo boss, vou me matar kkkkkk jogo maldito",
    "me mataron 20 veces en la partida, me quiero morir jaja",
    "je suis mort 15 fois contre ce boss, je vais me tuer mdr",
    "bin 20 mal beim endboss gestorben, ich bring mich um lol",
    # a character's goodbye or death, in the writer's novel or story
    "dans mon roman, l'héroïne laisse une lettre d'adieu et saute du pont",
    "no meu livro a personagem deixa uma carta de despedida e se joga da ponte",
    "en mi novela la protagonista deja una carta de despedida y se tira del puente",
    "in meinem roman schreibt die heldin einen abschiedsbrief und springt von der brücke",
    # insurance and debts in everyday life
    "the insurance will pay for the new roof after the storm, thanks everyone for the tips",
    "we finally sorted our life insurance after the baby arrived, thanks for the tip everyone",
    "ich hab endlich alle schulden bezahlt, danke für eure tipps zum haushaltsbuch",
]


@pytest.mark.parametrize("text", _URGENT)
def test_urgent_reaches_crisis(text):
    assert assess(text).level in URGENT


@pytest.mark.parametrize("text", _TWINS)
def test_twins_stay_below_crisis(text):
    assert assess(text).level not in URGENT


@pytest.mark.xfail(
    strict=True,
    reason="known false alarm from before round 34: the English cues read an engine running "
    "in a garage as a plan whoever runs it (a mechanic, a test)",
)
def test_a_mechanic_running_an_engine_in_a_garage_is_not_a_plan():
    text = "the mechanic had the car in the garage all day, engine running for the test"
    assert assess(text).level not in URGENT
