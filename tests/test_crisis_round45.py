"""Round 45: false alarms in five languages (professionals, screening questions, quoted films and
books, past attempts, everyday goodbyes), read before any change (ordinary comments at crisis:
en 0.16, fr 0.16, de 0.08, es 0.12, pt 0.24), then general rules fitted, each with its mirror.

New here: a screening question answered no is the asker's words (unless the answer is taken
back); a comment that names its writer's job reads its sentences without the writer's own words
as talk about patients in general; a quotation framed by a film, book or song; "ten years ago
today"; "he never hit me"; ending it with the gym; leaving a group chat or a last day at work;
climbing ropes; "ya tengo 28"; "consegui sair". Urgent mirrors: a professional's own plan, an
answer followed by the wish, abuse told with "encore", "j'ai peur de moi", "vuelvo a tener
ganas de desaparecer". Sentences written for this test.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        # a screening question answered no
        "the gp went through the usual questions, whether i ever think id be better off dead, "
        "and i said not at all. just there for my blood pressure",
        "ma généraliste m'a demandé si j'avais des idées suicidaires. j'ai répondu non, c'était "
        "juste pour mon renouvellement",
        "la doctora me preguntó si había pensado en quitarme la vida y le dije que no, de verdad",
        "o médico perguntou se eu tinha pensado em me matar, eu disse que não e é verdade",
        "meine hausärztin hat mich gefragt ob ich an selbstmord denke. ich hab nein gesagt",
        # a job named, patients in general
        "Pharmacist here. Smaller packs and blister strips save lives - fewer pills kept at home.",
        "Soy psicóloga. Preguntar directamente si alguien piensa en suicidarse no le da la idea.",
        "Sou enfermeira. No plano de segurança a medicação fica com a família e as armas saem.",
        # a quotation framed by a film, book or song
        'Im Film sagt der alte Mann zu seiner Tochter: "Ich komm nicht wieder."',
        'dans le film, le père écrit à son fils : "adieu, je pars pour toujours"',
        'en la película el protagonista le dice a su hermano "mañana ya no estaré"',
        'no livro, a personagem escreve na carta: "adeus, não aguento mais"',
        # past, everyday, figurative
        "Five years ago today I tried to end my life. Today I'm baking with my son.",
        "He never hit me, he just controlled every penny. I left in 2019.",
        "ending it with the gym today, free at last",
        "I wrote 'I can't go on like this' about my commute, not about living.",
        "je quitte le groupe whatsapp des voisins, adieu tout le monde",
        "Dernière journée au boulot après 30 ans, j'ai fait mes adieux à tout le monde",
        "acheté une corde neuve pour la grimpe de dimanche",
        "mi padrastro me pegaba cuando era niña. ya tengo 30 y estoy a salvo",
        "ele me ameaçava com faca. consegui sair em 2020 e hoje estou bem",
        "faz 6 anos da minha tentativa. tomei os remédios todos e acordei no hospital",
    ],
)
def test_an_alarming_word_in_an_ordinary_comment_stays_below_crisis(text):
    assert assess(text).level not in URGENT, (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "the nurse asked if i was ok and i said no, i want to die",
        "mi psicóloga me preguntó si pensaba en matarme y le dije que no. era mentira",
        "I'm a psychiatric nurse. I keep everyone else safe and then I go home and plan my death.",
        "Sou enfermeira e já trouxe do hospital o que preciso. Amanhã eu tomo tudo.",
        "il m'a encore serré le cou ce matin, j'ai peur qu'il me tue",
        "ce soir j'ai peur de moi",
        "desde que murió mi padre vuelvo a tener ganas de desaparecer",
        "último comentario acá. mañana ya no estoy",
        "honestly i'd be fine never waking up",
        "he says if i tell anyone hell hurt me worse",
    ],
)
def test_the_writers_own_risk_in_the_same_settings_reads_urgent(text):
    assert assess(text).level in URGENT, (text, assess(text))
