"""Round 39: plain wording written by helpers who never read the detector, fitted.

Each rule is written in general words (a family of phrasings, the grief wish in German,
Spanish and Portuguese, French and German moves abroad), and the sentences here are written for
this test, not copied from the round. Round 39 showed that the phrasing variants carry: with
only the variants a test sentence needed, round 38's fresh split (never fitted) read 0.746
urgent; with the whole families, 0.761.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "ich schaff die nacht nicht mehr, der drang ist so stark",
        "der drang ist heute viel zu stark",
        "ich hab mir überlegt wie ich es mache, mit tabletten",
        "seit mein mann gestorben ist will ich nur noch zu ihm",
        "seit die mama tot ist möchte ich nur wieder bei ihr sein",
        "ich schaffe die nacht nicht, ich hab angst",
        "ive decided, doin it on thurs",
        "im no gonnae be aboot much longer",
        "i'm going up to the terrace after everyone sleeps",
        "been reading up on overdoses, i know how much i need",
        "everything i need is in the shed. tonight's as good as any",
        "cancelled my therapy. won't be needing it",
        "mi padrastro se mete en mi cuarto de noche",
        "mi marido dice que si lo denuncio me mata",
        "ya me estoy despidiendo de ellos y no lo saben",
        "ya no kiero seguir aca",
        "este viernes termino con todo",
        "me estoy quemando los brazos otra vez",
        "tengo la cuchilla aqui al lado y las ganas son muy fuertes",
        "desde que murió mi hijo solo pienso en irme con él",
        "je passerai pas la nuit",
        "l'envie est trop forte ce soir, j'ai la lame",
        "j'arrive plus à me retenir, la lame est là",
        "j'ai regardé à quelle heure passe le premier train, ce sera demain",
        "mes lettres sont écrites. bonne nuit à tous",
        "mon copain m'a encore frappée, il a dit que la prochaine fois il me tue",
        "ma mère est partie il y a trois mois et je veux la rejoindre",
        "todo dia eu acordo querendo morrer",
        "já não vou precisar de nada disso. sábado à noite faço-o",
        "o meu namorado fechou-me em casa e tenho medo do que ele faz quando voltar",
        "vou tomar o veneno de rato hoje à noite",
        "desde que o meu marido morreu só queria ir junto com ele",
        "não tem mais sentido eu ficar",
        "ninguém vai desconfiar de nada, já marquei a data",
        "i've read up on overdoses and i know what amount i need",
        "tonight is as good as any, i've got the rope",
        "cancelled therapy, i won't be needing them",
        "i cancelled my appointments, wont be needing them",
        "my dad beat me when i got home and i fear for my life",
        "he beats me every night, i'm afraid for my life",
        "my mum's boyfriend beat me every weekend and i'm fearing for my life",
        "i'm going up on the terrace after everyone sleeps",
        "je tiendrai pas la nuit",
        "je tiendrai pas jusqu'à demain",
        "je passerai pas la semaine, je le sens",
        "je peux plus me retenir, la lame est là",
        "j'ai regardé à quelle heure passe le train de marchandises, ce sera demain",
        "ma lettre est écrite. adieu",
        "les lettres sont écrites, bonne nuit",
        "j'ai mis mes comptes au nom de ma fille, j'ai fait mes adieux",
        "j'ai tout mis au nom de mon fils, il aura pas à gérer après moi, j'ai fait mes adieux",
        "il m'a encore frappé hier, j'ai peur pour ma vie",
        "il va me tuer un jour, il me frappe tous les soirs",
        "il dit qu'il me tuera si je pars",
        "my stepdad locked the door and i'm scared for my life",
        "my ex is outside my flat again and i'm afraid for my life",
        "i fear for my life when he drinks",
        "i know what amount would do it and i have it",
        "everything i need is in the garage. tonight's the night",
        "i know what amount i need",
        "cancelled my therapy, wont be needing them",
        "sold my bike, wont be needing it. sorry everyone",
        "he beat me when i came home late and i'm scared for my life",
        "he beats me when he's been drinking and i fear for my life",
        "my stepdad beat me every night last week, i'm afraid for my life",
        "she beats me every time i cry and i'm scared for my life",
        "ma lettre est écrite, adieu à tous",
        "j'ai tout mis au nom de ma fille, les lettres sont prêtes, adieu",
        "j'ai mis la maison au nom de mon fils, j'ai fait mes adieux",
        "il m'a encore frappée ce soir, j'ai peur pour ma vie",
        "mon mari va me tuer, il l'a dit",
        "ich schaff die nacht nicht",
        "ich überstehe die nacht nicht",
        "ich übersteh die nacht nicht",
        "ich überleb die nacht nicht",
        "ich hab gesucht wie viele tabletten man braucht",
        "ich suche nachts wie viele tabletten man braucht",
        "ich hab gegoogelt wieviel tabletten man braucht",
        "ich weiss jetzt wie ich es mache",
        "ich weiss wie ich es mach, am sonntag",
        "ich weiss wieviel tabletten man braucht und hab sie",
        "hab alles verschenkt und mich bei allen bedankt",
        "ich hab alles verschenkt. danke euch",
        "meine sachen verschenkt, den rest entsorgt. danke für alles",
        "alle wären froher wenn ich weg wäre",
        "für alle wäre es besser dran wenn ich weg bin",
        "mein vater wäre froh wenn ich nicht mehr lebe",
        "esta noche acabo con todo",
        "el sábado termino con mi vida",
        "tengo ganas de quemarme los brazos otra vez",
        "me quemo los brazos con el encendedor cada noche",
        "me corto los brazos todas las noches",
        "tengo las pastillas aqui al lado",
        "tengo la cuchilla al lado mio y ya decidí",
        "estoy despidiéndome de todos sin que lo sepan",
        "paguen mis deudas cuando ya no esté",
        "ya dejé todo para que mi familia no tenga que hacer nada",
        "no voy a estar para cuidarla, por eso le busqué otra casa a mi perra",
        "no voy a estar para cuidarlo, le dejé el gato a mi vecina",
        "mi tío se mete a mi cuarto cuando todos duermen",
        "mi padrastro se mete a mi cama en las noches",
        "mi hermanastro se mete en mi cama y tengo miedo",
        "mi tío entra a mi cuarto de noche y me toca",
        "mi novio dice que me mata si lo dejo",
        "mi esposo me tiró contra la pared anoche",
        "eu acordo querendo morrer todo dia",
        "não tem mais sentido ficar",
        "vou tomar veneno hoje à noite, já comprei o chumbinho",
        "vou beber o veneno quando todos dormirem",
        "já não vou precisar de nada, sexta faço-o",
        "o meu namorado partiu-me o telemóvel e tenho medo",
    ],
)
def test_the_writers_own_plain_warning_sign_reads_urgent(text):
    assert assess(text).level in URGENT, (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "my friend's husband beats her, i dont know how to hlep",
        "a lad in my class posted he wont be in on monday or ever again",
        "my pal's been sayin cheerio tae everybody on his story",
        "un compañero le regaló su bicicleta a un practicante y dijo que pronto se iban "
        "a librar de él",
        "una paciente me escribió que ya tiene todo planeado para el sábado",
        "o meu irmão deixou de comer e disse que já não vai durar muito",
        "um paciente me contou que já escolheu o dia",
        "my mate's been saying cheerio to everyone on his story",
        "my sister's husband hits her and i dont know what to do",
        "her boyfriend beat her up again and she wont leave, im scared for her",
        "his dad beats him and he said he wants to die",
        "my neighbour hits him, the little boy, i'm worried",
        "my cousin's been posting cheerio to everybody and his phone is off",
        "my brother wrote cheerio to everyone on his story and now he won't answer",
        "her husband beat her up again last night, i'm scared for her",
        "his stepdad beats him and he told me he wants to die",
        "un paciente me dijo que ya tiene todo planeado para el domingo",
        "mi paciente me escribió que tiene todo listo y se despidió",
        "me despedí de mi abuela sin que se dé cuenta",
        "mi amigo le regaló su guitarra a su hermano y dice que ya no la va a necesitar",
        "mi hermana dijo que pronto se iban a librar de ella",
        "un amigo ya tiene todo planeado, me lo dijo anoche",
        "mi amiga tiene todo listo para el sábado, me dio miedo",
        "a minha irmã deixou de comer e deu as coisas dela",
        "um amigo meu já escolheu o dia, ele me contou",
        "a minha amiga escolheu a data e me mandou mensagem",
    ],
)
def test_someone_elses_warning_sign_is_a_worry_about_them(text):
    result = assess(text)
    assert result.about_other and result.level not in URGENT, (text, result)


@pytest.mark.parametrize(
    "text",
    [
        "ich zieh nächsten monat nach wien, das ist erstmal mein letzter kommentar, hab "
        "die möbel verschenkt",
        "c'est mon dernier commentaire avant un bon moment, je m'installe à lyon et j'ai "
        "donné mes meubles",
        "este boss del elden ring me va a matar jajaja",
        "el profe me va a matar, olvidé la tarea",
        "j'ai fait mon testament chez le notaire après la naissance de mon fils",
        "mes lettres de motivation sont écrites, bonne nuit",
        "this pub terrace is as good as any on a sunny day",
        "i've been reading up on sourdough, i know how much flour i need",
        "cancelled netflix, won't be needing it with the new baby",
        "me estoy quemando con este sol en la playa",
        "faço isso sexta, prometo, o relatório",
    ],
)
def test_the_same_words_in_an_ordinary_comment_stay_below_crisis(text):
    assert assess(text).level not in URGENT, (text, assess(text))
