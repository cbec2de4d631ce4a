"""Round 37: general wordings round 37's files showed missing or misread, each with twins.

Goodbyes told sideways: a pet left with a cover story, "they think it's only for the week", a
single ticket, letters finished, the key with the neighbour and a note on the table, "when
someone reads this I'll be gone", "this time I'll do it right", not coming back from a place.

Hiding with a child from someone violent and being hit again; the wish to be taken in one's
sleep or not to wake; the step off a platform and the car not steered away; cutting deeper than
before and cutting again; a last message with thanks. And what is ordinary: pills packed for a
trip or a migraine, a goodbye to the blog for a while before a move, a film's or a novel's
goodbye letters, asking when it is time to quit a job. Sentences written for this test, not
copied from the dev files.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")

_URGENT = [
    # hiding with a child, hit again
    "we're locked in the bathroom with the kids, he's smashing the door",
    "me escondí en el cuarto con mis hijos porque él llegó borracho otra vez",
    "je me suis enfermée dans la salle de bain avec les enfants, il hurle dans le couloir",
    "hab mich mit den kindern im bad eingeschlossen, er tobt im wohnzimmer",
    "ich sitz mit der kleinen im bad eingeschlossen, er schreit draußen",
    "estou trancada no quarto com os meus filhos, ele está a partir tudo",
    "il m'a encore frappée ce matin devant les petits",
    "last night he slammed my head against the door again",
    # taken in one's sleep, not waking
    "i pray every night for god to take me in my sleep",
    "ojalá mañana no me despierte, ya no quiero seguir",
    "le pido a dios que me lleve pronto, ya no aguanto",
    "je prie chaque soir pour que le bon dieu vienne me chercher",
    "ich bete, dass gott mich bald zu sich holt",
    "peço a deus todas as noites que me leve logo",
    # the platform and the car
    "at the station i keep thinking about taking one step forward off the platform",
    "en el andén pienso en dar un paso adelante cuando viene el tren",
    "sur le quai du métro je pense à faire un pas en avant",
    "am bahnsteig denk ich jedes mal an einen schritt nach vorn",
    "na estação fico pensando em dar um passo pra frente quando o trem chega",
    "on the motorway i wouldn't even bother swerving if a lorry came at me",
    "en la ruta pienso en soltar el volante y que pase lo que pase",
    "sur l'autoroute j'ai envie de lâcher le volant",
    "auf der autobahn denk ich dran, gegen einen pfeiler zu lenken",
    "na estrada penso em jogar o carro contra um poste",
    "i keep thinking about steering into oncoming traffic on the way home",
    "des fois je voudrais lâcher le volant et que tout s'arrête",
    "auf der brücke will ich manchmal einfach das lenkrad rumreißen",
    "pourvu que je ne me réveille pas demain",
    "tomara que eu não acorde amanhã",
    # deeper than before, again
    "tonight i'm going to cut deeper than last time",
    "esta noche voy a cortarme más profundo que nunca",
    "ce soir je vais couper plus profond que d'habitude",
    "heute nacht schneid ich tiefer als beim letzten mal",
    "hoje vou mais fundo que da última vez",
    "hab gestern wieder geritzt, obwohl ich so lange clean war",
    "je me suis recoupée hier soir, ça faisait des mois",
    "each night i ask the good lord to take me home, i'm ready to go",
    "standing at the kerb i think about taking one step out when the bus comes",
    "im auto denk ich oft dran, einfach gegen einen baum zu lenken",
    "vor einem jahr hab ichs versucht. diesmal mach ich es richtig.",
    "Die Klinge liegt im Bad. Heut geh ich tiefer als sonst, bis es aufhört.",
    "Hab heute nochmal geschnitten, nach acht Monaten. Jetzt sitz ich hier und heul.",
    # a last message with thanks
    "letzte nachricht hier. danke für alles",
    "meine letzte nachricht an euch. danke für alles. macht's gut",
]

_ORDINARY = [
    # hiding from weather, cutting vegetables and hair
    "we hid in the bathroom with the kids during the tornado warning",
    "nos metimos en el baño con los niños por la tormenta",
    "on s'est enfermés dans la salle de bain avec les enfants pendant l'orage",
    "hab gestern wieder gemüse geschnitten, das rezept ist super",
    "je me suis recoupé les cheveux tout seul, catastrophe",
    # deeper into a subject, a step forward in a career
    "this year i'm going to go deeper into the topic than ever",
    "getting the promotion felt like one step forward",
    # pills for a trip or a migraine
    "packed my malaria tablets in my suitcase for the trip",
    "llevo las pastillas para la migraña en la maleta, salimos el lunes",
    "j'ai mis mes cachets dans la valise pour le voyage",
    "die tabletten sind schon im koffer, in drei tagen geht der urlaub los",
    "os comprimidos para a viagem já estão na mala",
    "Mon médecin m'a donné des cachets pour mes migraines, j'en garde une boîte dans mon sac.",
    "Siempre llevo una caja de paracetamol en la mochila por las migrañas.",
    "Hab mir genug Tabletten für vier Wochen Australien geben lassen, die sind schon im Koffer.",
    "Já tenho os comprimidos pra viagem ao Japão, estão na mala.",
    # leaving for a while, a move
    "Dos semanas sin internet, me despido del blog: nos vamos a vivir a Quito el jueves. ¡Gracias!",
    "Meu último post aqui, vamos emigrar para Portugal na sexta. Obrigado por tudo, gente!",
    "Ich hab mich entschieden: wir wandern nach Kanada aus. Letzter Post hier, danke für alles!",
    "me despido por un tiempo, nos mudamos a Lima y no tendré internet",
    "das ist meine letzte nachricht hier für eine weile, wir wandern nach australien aus",
    "último comentário por uns tempos, vamos emigrar para o canadá. obrigada por tudo",
    "dernier message pour quelque temps, on déménage à lyon. merci pour tout",
    # a film's or a novel's letters
    "vi una película en la que la madre deja cartas de despedida a sus hijos, lloré mucho",
    "dans le film que j'ai vu hier, il écrit une lettre d'adieu à sa femme",
    "no filme que eu vi ontem o herói escreve uma carta de despedida",
    # quitting a job
    "this job is killing me. how do you know when it's time to quit?",
]


_GOODBYES = [
    "the exam results come out on friday and i will not be here to see them",
    "paid off the car so no one gets stuck with my debts. gave the budgie to my nan.",
    "acheté du poison pour les souris au marché, je le bois ce soir",
    "je ne rentrerai pas de la forêt cette fois",
    "j'ai écrit une lettre pour mon chum pis je l'ai cachée dans le garde-robe. ce soir je pars",
    "parked up by the dam with the rifle on the passenger seat next to me",
    "getting the ferry tonight and i only bought a single",
    "my son's wedding is in june. i won't be here to see it",
    "sold the van and paid the loan off so nobody inherits my debts. gave my cat to my neighbour.",
    "le dejé el gato a mi hermana y le dije que me iba de viaje unos días",
    "ya no doy más. le mandé un mensaje a mi hermana diciéndole que la quiero",
    "Perro con mi mamá. Cuentas pagadas. Carta en la mesa.",
    "j'ai acheté de la mort aux rats, je la garde sous mon matelas",
    "je suis assise sur la rambarde du balcon depuis une heure",
    "je pars marcher demain et je ne reviendrai pas de la montagne",
    "ce soir je vais jusqu'au lac et je ne reviens pas.",
    "les papiers sont chez le notaire, le chat chez ma soeur. il ne reste plus que moi à régler.",
    "j'ai laissé le chat chez ma voisine en disant que je partais travailler à Lyon",
    "pourquoi je continuerais ? j'ai fini toutes mes lettres.",
    "j'en peux plus. j'ai écrit une lettre pour ma soeur et je l'ai cachée dans le tiroir.",
    "wenn das hier jemand liest, bin ich schon weg",
    "hab heute oma besucht. es war das letzte mal.",
    "hab meine bücher verschenkt, ich brauch die eh bald nicht mehr.",
    "am samstig gang i an see und chume nüm zrugg",
    "deixei a chave com a vizinha e um bilhete na mesa",
    "dei o meu gato pra minha tia e disse que ia viajar",
]

_EVERYDAY_LEAVINGS = [
    "we gave the dog to my neighbour for the weekend, back on monday",
    "deixei a chave com a vizinha pra ela regar as plantas",
    "le mandé un audio a mi mamá diciéndole que la quiero, hoy es su cumple",
    "dejé el perro con mi mamá porque me voy de viaje a Cancún",
    "es war das letzte mal, dass ich bei dem friseur war",
]


@pytest.mark.parametrize("text", _GOODBYES)
def test_round37_goodbyes_told_sideways_are_imminent(text):
    assert assess(text).level == "imminent", text


@pytest.mark.parametrize("text", _EVERYDAY_LEAVINGS)
def test_round37_everyday_leavings_stay_below_crisis(text):
    assert assess(text).level not in URGENT, text


@pytest.mark.parametrize("text", _URGENT)
def test_round37_urgent_wordings_are_found(text):
    assert assess(text).level in URGENT, text


@pytest.mark.parametrize("text", _ORDINARY)
def test_round37_ordinary_twins_stay_below_crisis(text):
    assert assess(text).level not in URGENT, text
