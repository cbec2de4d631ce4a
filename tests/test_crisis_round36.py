"""Round 36: general wordings round 36's fresh files showed missing or misread, each with twins.

Clean time from self-harm ("two years without cutting today") is recovery, while a day that
cannot pass without it is self-harm now; "see you on the other side" is a goodbye in every
language and "see you on the new forum" is not; someone else's goodbye letter is theirs; a
phone plan and a safety plan are not plans; current abuse told in the perfect tense or with a
European clitic; wishing a bus would hit one, or being sorry to wake; "my last night",
"not here any more" with a day, going somewhere and not coming back, not wanting one's children
to find one, and the train that will not stop. Sentences written for this test, not copied from
the dev files.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")

_URGENT = [
    # a day that cannot pass without self-harm
    "i cant go a day without cutting",
    "não consigo ficar um dia sem me cortar",
    "ich schaff keinen tag mehr ohne mich zu ritzen",
    # "see you on the other side" next to thanks
    "wir sehen uns auf der anderen seite. danke für alles",
    "on se retrouve de l'autre côté, merci pour tout",
    "nos vemos del otro lado, gracias por todo",
    "a gente se vê do outro lado, obrigado por tudo",
    "nos vemos lá em cima, obrigado por tudo",
    "a gente se vê na outra vida. obrigado por tudo",
    # current abuse
    "mi esposo me volvió a golpear anoche y tengo miedo de regresar",
    "o meu marido bate-me quando chega bêbado do trabalho",
    "meu padrasto me empurrou da escada ontem",
    "mein mann hat mich gestern wieder gegen die wand gestoßen",
    "mon frère a dit que si je revois ma copine il me tue",
    # wishing to be run over, sorry to wake
    "si un carro me lleva por delante mañana yo creo que hasta me alegro",
    "si un camion me rentre dedans demain jserais soulagé",
    "atravesso a rua sem olhar torcendo pra um ônibus resolver por mim",
    "wenn mich morgen ein lkw erwischt wär ich erleichtert",
    "jeden morgen enttäuscht dass ich aufgewacht bin",
    "every morning im disappointed i woke up",
    "chaque matin déçue de m'être réveillée",
    "todo dia acordo decepcionada por ter acordado",
    # my last night; not here any more on a named day; checking out
    "esta es mi última noche",
    "c'est ma dernière nuit",
    "heute ist mein letzter abend",
    "hüt isch min letschte abig",
    "hoje é a última noite",
    "jeudi jsuis pu là",
    "amanhã cedo não estou mais aqui",
    "hoy a la noche se termina",
    "I'm checking out tonight",
    # somewhere at a time, and no way back
    "mañana temprano me voy pa la playa y no vuelvo.",
    "heading up to the cliffs tonight n no comin back",
    "vou entrar no mar hoje sem voltar",
    "nach der prüfung geh i aufn berg und nimma ham",
    "dernier train ce soir, sans retour. adieu.",
    # not wanting to be found by one's children; not being around; not bothering anyone
    "je voulais pas que les enfants me trouvent à la maison",
    "i dont want the kids to find me",
    "no quiero que mis hijos me encuentren",
    "I don't plan on being around to explain it",
    "no molestaré más a nadie",
    "esta noite já não vou precisar de mais nada",
    "je resterai à la maison pour finir avec cette vie",
    "última mensagem que escrevo. obrigado",
    # absent from the next post; everything thought out for a named day; last post
    "chau a todos, en el proximo post ya no voy a estar",
    "tchau pessoal, no proximo post eu n vou estar mais aqui",
    "tschüss an alle, beim nächsten beitrag bin ich nicht mehr dabei",
    "ya lo tengo todo pensado, será mañana antes de que se despierte mi hermana",
    "último post. gracias a todos",
    "hoy me desaparezco, le dejé el perro a mi tía",
    "ce soir je disparais, j'ai laissé le chat chez la voisine",
    "heut nacht schlaf ich ein und wach nich mehr auf, hab dafür gesorgt",
    "I'll no be back for her. sorry",
    "dogs are at my sisters now. i wont be needin em back",
    # plans stated at the place
    "he metido el coche en el garaje y he cerrado la puerta. perdonadme",
    "grad auf der brücke. ich spring jetzt",
    "tô na estação, quando o trem passar eu pulo",
    "im on the platform now. next one isnt stopping",
    "tô aqui no alto da pedra esperando escurecer",
]

_TWINS = [
    # clean time is recovery
    "two years without cutting today",
    "6 months clean from self harm today!",
    "heute ein jahr ohne mich zu ritzen",
    "hoy cumplo dos años sin cortarme",
    "un an sans me couper aujourd'hui",
    "hoje faz um ano sem me cortar",
    # leaving a forum, not the world
    "meine letzte nachricht hier, wir sehn uns aufm neuen forum!",
    "so, letzter kommentar für dieses jahr. tschüss!",
    "mon dernier message ici, on se retrouve sur le nouveau forum !",
    "meu último comentário do ano, até janeiro pessoal",
    "chau, nos leemos en el proximo post",
    "nos vemos el lunes, gracias por todo",
    # someone else's goodbye letter; a letter to a job
    "la fin du film avec la lettre d'adieu de la mère m'a fait pleurer",
    "el final con la carta de despedida del abuelo me hizo llorar",
    "o final com a carta de despedida da avó me fez chorar",
    "wrote a goodbye letter to my old job today",
    # contracts and safety plans
    "cancelei o plano do celular e devolvi o violão pro léo",
    "i have a plan this year and it's a safety plan, not the other kind",
    "hice un plan de seguridad con mi psicóloga",
    # weekly pill boxes
    "separei os comprimidos da semana no porta-comprimidos",
    "hab heut abend die tabletten für die woche in die dosierbox abgezählt",
    # figures and ordinary lasts
    "disappointed i woke up so late, missed the bus",
    "déçue de m'être réveillée trop tard pour le marché",
    "si un camion me rentre dedans demain je serais en retard au boulot",
    "esta es mi última noche en Madrid, mañana vuelvo a casa",
    "c'est ma dernière nuit à l'hôtel",
    "heute ist mein letzter abend in berlin",
    "hoje é a última noite do festival",
    "hoy a la noche se termina el festival",
    "i'm checking out of the hotel tonight",
    "jeudi jsuis pu là, je pars en vacances",
    "amanhã não estou mais aqui, vou pra praia com a família",
    "mañana me voy a la playa y no vuelvo hasta el domingo",
    "im going to the beach tomorrow and not coming back till sunday",
    "billet pour montréal ce soir, aller sans retour, nouvelle vie !",
    "je voulais pas que les enfants me trouvent en pyjama",
    "dont plan on being around for the meeting, sorry",
    "i wont bother anyone anymore with my questions lol",
    "obrigado, não vou precisar de mais nada hoje",
    "último post de la serie, gracias por leer",
    "hoy me desaparezco un rato, tengo examen",
    "ce soir je disparais sous la couette avec un bon livre",
    "i'll not be back for dinner",
    "ich spring jetzt ins wasser, ist so heiß",
    "the next train isnt stopping here, ugh, 20 more minutes",
    "he metido el coche en el garaje y he cerrado la puerta porque va a granizar",
    "fomos pro alto da pedra esperando escurecer pra ver as estrelas",
]


@pytest.mark.parametrize("text", _URGENT)
def test_urgent_reaches_crisis(text):
    assert assess(text).level in URGENT, assess(text)


@pytest.mark.parametrize("text", _TWINS)
def test_twins_stay_below_crisis(text):
    assert assess(text).level not in URGENT, assess(text)


@pytest.mark.xfail(
    strict=True,
    reason="known false alarm from before round 36: a roof and 'ab morgen' read as a place and "
    "a time; giving up smoking is not read as a future",
)
def test_a_last_cigarette_before_quitting_is_not_a_plan():
    assert assess("letzte zigarette aufm dach. ab morgen nichtraucher").level not in URGENT


def test_what_the_own_language_blanks_no_other_lexicon_reads():
    """Portuguese knows "me cortar" but not Spanish clean time; Spanish blanks it for both."""
    spanish = "hoy hace dos años sin cortarme, gracias por el blog"
    assert assess(spanish).language == "es"
    assert assess(spanish).level not in URGENT
    portuguese = "hoje faz um ano sem me cortar"
    assert assess(portuguese).language == "pt" and assess(portuguese).level == "none"


@pytest.mark.parametrize(
    "text",
    [
        'mi viejo me dijo "ya no voy a estar aquí mucho tiempo"',
        "mi viejo me dijo 'ya no vas a tener que preocuparte por mí'",
        "mi hermana me escribió que quiere morirse y no sé qué hacer",
        "Mon gars m'a texté « t'auras pu à t'inquiéter pour moi bientôt »",
        "o meu filho disse 'em breve não vão ter de se preocupar comigo'",
    ],
)
def test_someone_elses_reported_goodbye_is_theirs(text):
    reading = assess(text)
    assert reading.about_other and reading.level not in URGENT, reading


@pytest.mark.parametrize(
    "text",
    [
        "ya no vas a tener que preocuparte por mí",
        "mi novio me dijo que soy una carga y tiene razón, quiero morirme",
    ],
)
def test_the_writers_own_burden_in_spanish_stays_theirs(text):
    assert assess(text).level in URGENT, assess(text)


def test_a_dish_that_is_to_die_for_is_not_a_wish():
    assert assess("mi mamá dice que la comida está para morirse").level == "none"
    assert assess("estoy para morirme, no aguanto más").level in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "my suicidal thoughts went away after i started lithium",
        "las ideas de morirme se fueron con el tratamiento nuevo",
        "aber keine angst, ich spring nirgendwo runter",
    ],
)
def test_thoughts_that_are_gone_and_a_jump_denied_are_not_crisis(text):
    assert assess(text).level not in URGENT, assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "my suicidal thoughts went away but now theyre back and i have the pills ready",
        "the thoughts went away for a day but tonight i want to die again",
        "las ideas de morirme se fueron pero volvieron y tengo las pastillas listas",
    ],
)
def test_thoughts_that_came_back_are_still_urgent(text):
    assert assess(text).level in URGENT, assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "noch ein meeting heute und ich spring aus dem fenster",
        "si je dois encore corriger 120 copies ce week-end je vais me jeter par la fenêtre 😂",
        "otra reunión más hoy y me tiro por la ventana",
    ],
)
def test_a_chore_that_would_make_one_jump_is_a_figure(text):
    assert assess(text).level not in URGENT, assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "noch ein tag wie heute und ich spring aus dem fenster",
        "noch ein streit mit ihm und ich spring vom dach",
        "si je dois encore vivre ça je vais me jeter par la fenêtre ce soir",
        "otra noche así y me tiro por la ventana",
    ],
)
def test_a_day_a_night_a_fight_or_living_is_no_chore(text):
    assert assess(text).level in URGENT, assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "no me voy a matar, tranquilos, solo estoy agotada",
        "não vou me matar, fiquem tranquilos, só estou exausta",
    ],
)
def test_a_plain_spanish_or_portuguese_denial_is_not_crisis(text):
    assert assess(text).level not in URGENT, assess(text)


def test_not_today_is_no_denial():
    text = "no me voy a matar hoy, lo voy a hacer mañana cuando no haya nadie"
    assert assess(text).level in URGENT, assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "não quero que os meus filhos me encontrem, por isso vou pro mato",
        "ich will nicht dass die kinder mich finden, deshalb fahr ich weg",
        "esta noche ya no voy a necesitar nada, gracias por todo",
        "ce soir je n'aurai plus besoin de rien, merci pour tout",
        "i wont bother anyone anymore",
    ],
)
def test_more_of_round_36s_wordings_reach_crisis(text):
    assert assess(text).level in URGENT, assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "não quero que os meus filhos me encontrem assim, vou lavar o rosto",
        "ich will nicht dass die kinder mich so finden, ich geh mich waschen",
    ],
)
def test_not_wanting_to_be_found_in_a_state_is_no_plan(text):
    assert assess(text).level not in URGENT, assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "no aguanto ni un día sin cortarme",
        "je ne tiens pas une journée sans me couper",
        "ich halte keinen tag ohne ritzen aus",
    ],
)
def test_a_day_that_cannot_pass_without_self_harm_is_read(text):
    """Read, but held at distress: the cue reading takes the "no"/"ne ... pas"/"keinen" for a
    denial of the harm (noted on issue 15). Before round 36 these read nothing."""
    assert assess(text).level != "none", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "im done for good, thanks for everything",
        "me tomo el tren a la costa y no pienso volver. gracias por todo",
        "cada mañana me decepciona despertarme",
        "heut is da letzte abend, i hab ma des lang überlegt",
        "já tenho tudo pensado, vai ser amanhã de manhã antes da minha mãe acordar",
        "estou no carro à beira do rio. já não volto para casa.",
        "se um ônibus me pegar amanhã seria um alívio",
        "não vou incomodar mais ninguém",
    ],
)
def test_each_round_36_goodbye_and_wish_is_read(text):
    assert assess(text).level in URGENT, assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "último mensaje por aquí, adiós y hasta enero",
        "mi último mensaje aquí, adiós, nos pasamos al nuevo foro",
        "última mensagem aqui, tchau, a gente se vê no grupo novo",
        "minha última mensagem aqui, tchau, vamos pro novo forum",
        "a veces quiero morirme, pero nunca me mataría",
        "quiero desaparecer pero ni loca me mato",
        "às vezes quero morrer, mas nunca me mataria",
        "a vontade de morrer passou desde o remédio novo",
        "os pensamentos suicidas sumiram depois que comecei o lítio",
        "my meds are lined up for the week na, adulting",
    ],
)
def test_each_round_36_leave_taking_denial_and_past_is_below_crisis(text):
    assert assess(text).level not in URGENT, assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "left the keys for ma brother. heading up the braes the night n no comin back doon",
        "ich spring jetzt. sorry an alle",
        "beim nächsten beitrag bin ich nicht mehr dabei.",
    ],
)
def test_a_one_way_trip_a_jump_now_and_no_next_post_reach_crisis(text):
    assert assess(text).level in URGENT, assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "quiero morirme a veces pero jamás lo haría",
        "mon dernier message ici, je file sur le nouveau forum",
        "meine letzte nachricht hier, wir sehn uns",
        "meine letzte nachricht hier, ab jetzt im neuen forum",
    ],
)
def test_a_denial_or_a_new_forum_keeps_a_last_message_below_crisis(text):
    assert assess(text).level not in URGENT, assess(text)
