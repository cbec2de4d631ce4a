"""Round 40: a third round of plain wording, fitted in families of phrasings.

New here: the grief wish said as going to the dead ("nach der beerdigung geh ich zu ihm", "me
voy con ella", "vou atrás dele", "going to join my mum"), regional English (Singapore's "which
block"; "meself", "thru"; Jamaican "mi" is left alone, as it means both "me" and "my"), German
postposed negation for self-harm that stopped ("seit drei jahren ritz ich nicht mehr"), and
medicine named for an ordinary purpose ("allergy pills", "pastillas de la presión"). Sentences
written for this test, not copied from the round.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "am samstag bin ich weg, und zwar endgültig",
        "nach dem wochenende bin ich endgültig weg. danke euch",
        "morgen früh bin i nimma do",
        "übermorgen bin ich nimmer da, macht euch keine sorgen",
        "keiner soll hinter mir aufräumen müssen, ich hab alles erledigt",
        "alles bezahlt, damit niemand hinter mir aufräumen muss. es ist bald soweit",
        "die tabletten hab ich beisammen, am sonntag ist es soweit",
        "alle passwörter für meinen bruder aufgeschrieben, kredit abgelöst",
        "ich sitz oben am steinbruch und will nicht mehr leben",
        "ich fahr heut nicht mehr runter vom parkdeck, ich will sterben",
        "es hebt mi nüt meh da",
        "i denk jedi nacht dra, mir s läbe z näh",
        "hab mich gestern wieder geschnitten, nach einem jahr",
        "gestern hat er mich geschlagen und ich hab angst vor heute abend",
        "seit papa gestorben ist, nach der beerdigung geh ich zu ihm",
        "he said he'd finish me off if i ever left",
        "he said if i leave he'll find me and finish me",
        "cancelled everything, not going to need any of it. tonight is the last",
        "cancelled my gym and my phone, wont be needing either. nothing booked after the 20th",
        "i can't stop it this time, the knife is here",
        "i think about jumping from my balcony every night",
        "i keep thinking about jumping off the car park",
        "since i left the army i think about eating my gun",
        "some days i want to eat a bullet",
        "saturday i settle it for good",
        "tomorrow i'm going to step in front a bus",
        "i cut up myself again last night",
        "already took out the pills i hide, tonight",
        "going to swallow them all tonight",
        "my wife will take care of them better than me",
        "already decided which block, saturday",
        "going up to the top of the block tonight",
        "wont make it thru tonite",
        "can't keep meself safe",
        "i'm a burdan to everyone",
        "knife in my hand rn, cant stop it this tme",
        "after the funeral on saturday i'm going to join my mum",
        "mañana me voy a las vías del tren",
        "esta noche me voy pal puente",
        "llevo semanas con pensamientos suicidas",
        "tengo ideas suicidas todos los días",
        "ya no me queda nadie aquí, quiero morirme",
        "ya dejé todo arreglado para el domingo",
        "así no queda nada pendiente cuando me vaya",
        "mi tío entra en mi cuarto por las noches y tengo miedo",
        "desde que se fue mi vieja solo espero el domingo, ese día me voy con ella",
        "personne n'aura à s'occuper de mes affaires après",
        "vous entendrez plus parlez de moi",
        "j'ai fait mon temps, ma fille trouvera l'enveloppe dimanche",
        "ce soir mi sava pou de bon",
        "j'ai des pensées suicidaires tout le temps",
        "g des pensé suicidaires tt le tps",
        "voltei a me queimar ontem à noite",
        "voltei a me cortar depois de dois anos",
        "hoje jogo o carro contra um caminhão",
        "vou jogar o carro contra o muro, tá decidido",
        "já escrevi as cartas pra todos",
        "já escrevi as cartas, sábado eu vou embora",
        "último post meu, valeu gente",
        "desde que meu pai morreu eu só penso nele, domingo eu vou atrás dele",
        "i can't stop myself this time, the blade is out",
        "i keep thinking about jumping from the bridge",
        "i've thought about jumping every night this week",
        "i want to eat my gun",
        "i'm thinking of eating a bullet tonight",
        "going to the top of my block tonight",
        "i'll go up to the top of the block after dinner, i'm done",
        "i've packed the pills in my bag, tonight",
        "going to swallow all of them tonight",
        "wont need any of it after tonight, thanks everyone, cancelled my phone",
        "tonight is the last, i've given my dog to my sister",
        "my husband will take care of her better than me",
        "my sister will look after them better than me",
        "he said he'll find me and kill me",
        "j'ai des pensées suicidaires depuis des semaines",
        "personne aura à s'occuper de mes affaires, tout est payé",
        "ich fahr heut nicht mehr runter",
        "i mog nimmer, i wü ma s läbe nah",
        "hab mich gestern wieder geschnitten",
        "ich hab die tabletten beisammen",
        "ich bin morgen nimmer da",
        "keiner soll hinter mir aufräumen",
        "tengo pensamientos de suicidio desde hace meses",
        "tengo ideas suicidas otra vez",
        "mañana me voy al puente de la autopista",
        "me voy a la azotea cuando se duerman",
        "dejo todo arreglado para mis hijos, el sábado",
        "ya no me queda nadie, solo quiero desaparecer para siempre",
        "vou jogar o carro contra um caminhão hoje",
        "voltei a me cortar ontem",
        "tá decidido, domingo eu faço",
    ],
)
def test_the_writers_own_plain_warning_sign_reads_urgent(text):
    assert assess(text).level in URGENT, (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "hab den hund zur nachbarin gebracht und mich verabschiedet. pfiat eich",
        "ma fille trouvera la lettre sur la table",
        "j'ai confié mon chat à la voisine. il n'y aura pas de voyage",
        "il n'y aura pas de retour, j'ai dit au revoir à mon chien",
        "il n'y aura pas de retour, j'ai confié mon chat à ma sœur",
        "hab die katze zur nachbarin gebracht, alle passwörter aufgeschrieben",
        "meu marido diz que a gente ia ficar melhor com o seguro de vida dele",
    ],
)
def test_someone_elses_warning_sign_is_a_worry_about_them(text):
    result = assess(text)
    assert result.about_other and result.level not in URGENT, (text, result)


@pytest.mark.parametrize(
    "text",
    [
        "we're moving to spain, the flat is endgültig weg — haha, new start",
        "give it a go tomorrow, you'll love the class",
        "collecting my allergy pills at the clinic, queue so long",
        "picked up my blood pressure meds from the chemist",
        "he's jumping ship to a new company next month",
        "tengo que tomar las pastillas de la presión a las 8",
        "sábado eu vou embora de vez pra portugal, nova vida",
        "vou embora de vez para lisboa em março",
        "the 14th is our anniversary, that's the day we met",
        "i packed the tent in the car boot for the weekend",
        "my mum will take care of the garden better than me",
        "cancelled netflix, not going to need any of it while we travel",
        "nothing booked after friday, so i'm free for coffee",
        "ich hab früher geritzt, aber seit drei jahren ritz ich nicht mehr",
        "hace más de diez años que no lo hago, pasé una época autolesionándome",
        "no es que quiera matarme, solo estoy cansada",
        "não é que eu queira me matar, só tô cansado",
        "minha vó faleceu em 2010 e até hoje faço o pudim dela",
        "não que eu queira me matar, só tô exausta",
    ],
)
def test_the_same_words_in_an_ordinary_comment_stay_below_crisis(text):
    assert assess(text).level not in URGENT, (text, assess(text))
