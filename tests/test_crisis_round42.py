"""Round 42: plain wording in French and German, the two languages under 0.85 held back.

New here: German as it is typed and spoken (Berlin "ick", "allet", "wat"; Saxon "ni"; Swabian
"oifach nemme aufwach"; Swiss "mich z schnide"; "selbstmort"), thinking about suicide with words
between ("denk ich dauernd an suizid"), praying to be taken, a rope "hergerichtet", pills bought
in several pharmacies so nobody notices, going after a dead father; French fear of oneself,
shutting oneself in the garage with the car, a throat squeezed and a knife as threats, a
brother's suicide and wanting to join him. Twins: a course, a job or a football club that will
"kill" the writer, a TV crime drama's suicide. Sentences written for this test.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "mir geht's so schlecht dass ich an selbstmort denke",
        "ich denk seit wochen an suizid, jeden abend",
        "will ni mehr lebn",
        "ick will nich mehr, allet is sinnlos, ick denk dauernd an suizid",
        "ich hab gegoogelt welcher zug nachts noch fährt, der letzte kommt um eins",
        "hab mir alles zusammengekauft was ich brauch, am dienstag ist es soweit",
        "ich bete jeden abend dass der herrgott mich zu sich holt",
        "ich wünsch mir dass gott mich holt, seit meine frau tot ist",
        "wünsch i mir, dass i oifach nemme aufwach",
        "i hob in da scheun scho an strick hergricht",
        "ich hab das seil im keller hergerichtet, heute nacht",
        "ich war in drei verschiedenen apotheken, damit es keinem auffällt. "
        "die tabletten reichen jetzt",
        "ihr hört nix mehr von mir, passt auf euch auf",
        "hab die versicherungsunterlagen hingelegt, damit meine frau nicht "
        "suchen muss. heute nacht",
        "wo ich hingehe braucht man keine wohnung",
        "hab alles gespendet und die katze der nachbarin gegeben",
        "nach dem begräbnis vom papa geh i ihm nach",
        "ich ha wieder aagfange mich z schnide",
        "je sais ce qu'il faut prendre et je l'ai mis de côté",
        "cette nuit je vais m'enfermer dans le garage avec le char",
        "je vais m'enfermer dans le garage avec la voiture ce soir",
        "g la lame, cette fois jm'arrêterai pas",
        "je ne vais pas passer la nuit, j'ai peur de moi même",
        "les idées sont trop fortes ce soir",
        "je me sens plus capable de me protéger de moi-même",
        "mon mari m'a serré le cou hier soir, j'ai peur",
        "il me menace avec le couteau quand il boit",
        "depuis que mon frère s'est tué, j'ai envie d'aller le rejoindre",
    ],
)
def test_the_writers_own_plain_warning_sign_reads_urgent(text):
    assert assess(text).level in URGENT, (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "meine freundin hat geschrieben dass sie sich heute nacht was antut",
        "mei mudder sagt seit vaters tod, dass sie bald zu ihm will",
    ],
)
def test_someone_elses_warning_sign_is_a_worry_about_them(text):
    result = assess(text)
    assert result.about_other and result.level not in URGENT, (text, result)


@pytest.mark.parametrize(
    "text",
    [
        "ce boulot va me tuer",
        "ce cours de compta-là va me tuer, j'te jure",
        "wenn schalke wieder absteigt, geb ich mir die kugel",
        "der tatort war heftig, mit dem selbstmord gleich am anfang",
        "ich hab gegoogelt welcher zug nach münchen fährt, der letzte ist voll",
        "hab mir im baumarkt alles zusammengekauft was ich brauch für die terrasse",
        "ich hab die gartenbank hergerichtet, jetzt kann der sommer kommen",
        "ich war in drei verschiedenen apotheken, überall ausverkauft, das nasenspray",
    ],
)
def test_the_same_words_in_an_ordinary_comment_stay_below_crisis(text):
    assert assess(text).level not in URGENT, (text, assess(text))
