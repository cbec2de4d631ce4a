"""The classic warning signs said in plain words, in each assessed language.

Round 38 (a fresh split of plain wording, never fitted) read 0.72 urgent on its first reading:
plain statements like "i can't keep myself safe tonight", "you won't hear from me again",
"i've been looking up how much it takes to overdose" or "ya nada me retiene aquí" read none.
These sentences were written for this test from a list of warning signs (safety, research,
affairs in order, goodbyes, no reason to stay), not from any split; each read below crisis
before these cues. Their twins share the words and stay below crisis.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "you won't hear from me again after tonight",
        "i've paid off everything i owe so nobody has to deal with it",
        "i've been looking up how much it takes to overdose",
        "i can't keep myself safe tonight",
        "my family will be better off with the insurance money",
        "i want to be with my husband again, there's nothing keeping me here",
        "i can't keep myself safe tonight",
        "i don't know if i can stay safe till morning",
        "the urges are really strong right now and i'm alone",
        "you won't hear from me again",
        "you'll never hear from me again",
        "i've put all my affairs in order",
        "i've paid off my debts so no one has to deal with them",
        "i made sure my family won't have to sort anything out",
        "i spent hours googling how to do it painlessly",
        "i've been reading about how many pills it would take",
        "i searched how long it takes to bleed out",
        "there's nothing keeping me here anymore",
        "there's no reason for me to stay",
        "i've said goodbye to the people who matter",
        "i've booked a hotel room so my family won't be the ones to find me",
        "je n'arrive plus à me mettre en sécurité ce soir",
        "j'ai peur de ce que je pourrais me faire cette nuit",
        "j'ai mis de l'ordre dans mes affaires, tout est réglé",
        "j'ai payé toutes mes dettes pour que personne n'ait à s'en occuper",
        "j'ai écrit une lettre à chacun de mes enfants",
        "je passe mes nuits à chercher comment faire sans souffrir",
        "j'ai réservé une chambre d'hôtel pour que ma famille ne me trouve pas",
        "ihr werdet nichts mehr von mir hören",
        "ich hab alle schulden bezahlt damit sich keiner drum kümmern muss",
        "ich hab gegoogelt wie viele tabletten man braucht",
        "ich suche nachts im internet wie es schmerzlos geht",
        "mich hält hier nichts mehr",
        "ich hab keinen grund mehr zu bleiben",
        "ich hab meinen eltern einen brief auf den küchentisch gelegt",
        "ich hab mich von den menschen verabschiedet die mir wichtig sind",
        "ich hab ein hotelzimmer gebucht damit meine familie mich nicht findet",
        "sagt meiner mama dass ich sie lieb hab und dass es mir leid tut",
        "no puedo mantenerme a salvo esta noche",
        "me da miedo lo que me pueda hacer esta noche",
        "es la última vez que saben de mí",
        "dejé todos mis asuntos en orden",
        "pagué todas mis deudas para que nadie tenga que hacerse cargo",
        "les escribí una carta a cada uno de mis hijos",
        "estuve buscando en internet cuántas pastillas harían falta",
        "me paso las noches buscando cómo hacerlo sin dolor",
        "ya nada me retiene aquí",
        "no creo que llegue a mañana",
        "tengo todo lo que necesito para hacerlo",
        "me despedí de la gente que me importa",
        "reservé un cuarto de hotel para que mi familia no me encuentre",
        "ya sé de qué puente me voy a tirar",
        "não consigo me manter em segurança hoje à noite",
        "tenho medo do que eu posso fazer comigo essa noite",
        "vocês não vão ter mais notícias minhas",
        "é a última vez que vocês vão saber de mim",
        "deixei todas as minhas coisas em ordem",
        "paguei todas as minhas dívidas pra ninguém ter que resolver nada",
        "escrevi uma carta pra cada um dos meus filhos",
        "passo as noites pesquisando como fazer sem dor",
        "nada mais me prende aqui",
        "não tenho nenhum motivo pra ficar",
        "deixei uma carta pros meus pais na mesa da cozinha",
        "me despedi das pessoas que importam",
        "reservei um quarto de hotel pra minha família não me encontrar",
        "digam pra minha mãe que eu amo ela e que sinto muito",
    ],
)
def test_a_warning_sign_said_plainly_reads_urgent(text):
    result = assess(text)
    assert result.level in URGENT, (text, result)
    assert not result.about_other


@pytest.mark.parametrize(
    "text",
    [
        "you won't hear from me for a week, i'm off camping",
        "you won't hear from me until after my exams",
        "im moving to canada so you wont hear from me for a while",
        "i put my affairs in order before my hip surgery, just in case",
        "i tidied the spare room so nobody has to deal with the mess at christmas",
        "i dont think i can make it to the meetup on sunday",
        "stay safe everyone and see you next week",
        "we can't stay safe on these roads in winter",
        "whats the quickest way to the beach from here",
        "i've been researching methods for my dissertation on teen wellbeing",
        "there's nothing keeping me here in leeds so i'm moving to bristol",
        "there is nothing keeping me here, so i'm moving to bristol in may",
        "theres no reason to stay in a job that doesnt pay",
        "we were better off with the insurance than without it after the flood",
        "i can't face another morning shift this week",
        "i've been practising with the knife, my julienne is getting better",
        "i'm practicing with the rope for my climbing course",
        "je cherche comment faire une tarte sans gluten",
        "j'ai cherché combien coûte un billet pour montréal ce soir",
        "je ne passerai pas la nuit chez ma mère, je rentre",
        "j'ai mis mes affaires en ordre avant le déménagement",
        "j'ai cherché comment accoucher sans souffrir",
        "ich hab gegoogelt wie man sauerteig macht",
        "ich bleib bis morgen bei meiner schwester",
        "lebt wohl, wir ziehen nach hamburg",
        "die op war schmerzlos, ich bin so erleichtert",
        "ich hab mich von allen verabschiedet, morgen gehts nach australien",
        "sagt meiner mama dass ich später komme",
        "im sommer gehen wir ins wasser gehen am see",
        "ich kann mich nicht vor der erkältung schützen",
        "estoy buscando en internet vuelos baratos a lima",
        "busqué cómo hacer pan sin gluten",
        "la operación fue sin dolor, gracias a todos",
        "adiós a todos, nos mudamos a valencia la semana que viene",
        "me voy a tirar al río a nadar con los chicos este verano",
        "ya sé de qué color pintar la cocina",
        "ya sé de qué hablas, estoy agotada",
        "me despedí de todos en la oficina, mañana empiezo en otra empresa",
        "no tengo razón para quedarme en este trabajo",
        "pesquisei o preço da passagem pra salvador",
        "deixei tudo em ordem pra viagem de amanhã",
        "a cirurgia foi sem dor, obrigado a todos",
        "acho que não chego amanhã na reunião",
        "nada me prende a esse emprego, vou pedir demissão",
        "vocês vão ter mais notícias minhas semana que vem",
        "não tenho motivo pra ficar nessa empresa",
    ],
)
def test_the_same_words_in_an_ordinary_comment_stay_below_crisis(text):
    result = assess(text)
    assert result.level not in URGENT, (text, result)


@pytest.mark.parametrize(
    "text",
    [
        "il faut que j'en finisse ce soir",
        "il suffirait de sauter du pont",
        "je sais combien il en faudrait, je les ai gardés",
        "j'ai cherché sur internet combien de comprimés il faudrait",
    ],
)
def test_an_impersonal_il_is_nobody_else_so_the_risk_stays_the_writers(text):
    """French "il faut", "il suffirait", "il en faudrait" name no one: read as "he", they
    gave the writer's own plan to someone else."""
    result = assess(text)
    assert result.level in URGENT, (text, result)
    assert not result.about_other


@pytest.mark.parametrize(
    "text",
    [
        "il a dit qu'il voulait mourir",
        "mon frère dit qu'il faut qu'il en finisse",
    ],
)
def test_a_real_il_is_still_someone_else(text):
    result = assess(text)
    assert result.about_other and result.level not in URGENT, (text, result)
