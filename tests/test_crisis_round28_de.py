"""Round 28, German: word cues and a language guess fitted on fresh German dev items.

Each rule has a positive case and an ordinary twin (the same words in a harmless comment).
Sentences are written for this file, not copied from the dev splits.
"""

import pytest

from support.detection import assess
from support.detection.language import identify

URGENT = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        # "mich .. umbring*": the reflexive with a word or two between
        "nachts lieg ich wach und grübel wie ich mich endlich umbring",
        # "wär mir recht" as a wish for the death word it wants
        "ehrlich, wärs mir ganz recht wenn mich heut ein laster überrollt",
        # "neben mir": means laid out beside the writer
        "die schachtel schlaftabletten liegt neben mir, heut nacht nehm ich alle",
        # self-harm deeper than "only on the surface"
        "hab mich heute nicht nur oberflächlich geschnitten, es hört nicht auf",
        # a short Bavarian comment the language guess reads as Dutch
        "i mog nimma lebn, ehrlich ned",
        # "nicht geboren wär" with the umlaut folded ("war")
        "manchmal denk ich es wär für alle besser wenn ich nie geboren wär",
        # a count of pills just taken, told by the writer
        "hab vorhin 25 tabletten geschluckt und mir is schon schlecht",
        "ich hab grad ne ganze packung schlaftabletten genommen",
        "heut trink ich mich zu tode, is eh alles egal",
        "ich will nur noch ruhe für immer",
    ],
)
def test_german_urgent_wordings(text):
    assert assess(text).level in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "meine oma bringt mich um wenn ich wieder zu spät zum essen komm lol",
        "morgen um neun wär mir recht für den termin beim friseur",
        "die tabletten liegen neben mir auf dem nachttisch falls ich nachts kopfweh krieg",
        "mein kater liegt neben mir und schnurrt",
        "das messer liegt neben mir, ich schneid grad gemüse",
        "die wunde war zum glück nur oberflächlich, der arzt hat sie gut versorgt",
        "ich hab mit 17 tabletten genommen, das ist ewig her und heute gehts mir gut",
        "ich nehm jeden morgen 20 mg tabletten, wie vom arzt verschrieben",
        "mein opa hat 11 verschiedene tabletten genommen am tag",
        "ich lach mich zu tode über das katzenvideo",
        "für immer ruhe im treppenhaus wär schön, die nachbarn nerven",
    ],
)
def test_german_ordinary_twins_stay_below_crisis(text):
    assert assess(text).level not in URGENT


def test_someone_else_planning_to_hurt_herself_with_a_day_between():
    reading = assess("mein kumpel hat geschrieben er will sich am freitag was antun")
    assert reading.about_other


def test_someone_treating_themselves_is_not_a_worry():
    reading = assess("meine schwester hat gesagt sie will sich am freitag was gönnen")
    assert not reading.about_other
    assert reading.level == "none"


@pytest.mark.parametrize("text", ["i mog nimma", "mir is ois zvui"])
def test_short_bavarian_is_read_as_german(text):
    assert identify(text)[0] == "de"


@pytest.mark.parametrize(
    "text", ["ik wil niet meer leven", "jag orkar inte mer", "nie wieder", "ik ben zo moe"]
)
def test_neighbouring_languages_keep_their_guess(text):
    assert identify(text)[0] != "de"


def test_a_farewell_with_thanks_to_all_is_a_goodbye():
    reading = assess("wollte mich nur noch verabschieden, ihr wart immer so lieb zu mir")
    assert reading.level == "imminent"


@pytest.mark.parametrize(
    "text",
    [
        "ich wollte mich verabschieden, ich zieh nach hamburg, ihr wart immer lieb zu mir",
        "ich verabschiede mich in die elternzeit, danke für alles ihr lieben",
    ],
)
def test_a_farewell_for_a_move_or_parental_leave_comes_back(text):
    assert assess(text).level not in URGENT


def test_the_last_time_you_hear_from_me():
    assert assess("heut wird das letzte mal sein dass ihr von mir hört").level == "imminent"


@pytest.mark.parametrize(
    "text",
    [
        "hab heut abend ne abschiedsnachricht an alle aufgenommen, die geht morgen früh raus",
        "ich hab wieder so ne todessehnsucht, jeden abend",
        "hab die ganze nacht an den tod gedacht, ich krieg das nicht aus dem kopf",
        "i cha nümm, ich wott eifach nüm da si",
    ],
)
def test_german_goodbye_and_wish_words(text):
    assert assess(text).level in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "meine abschiedsnachricht an die kollegen ist raus, freitag ist mein letzter arbeitstag",
        "todessehnsucht heißt das neue album von denen, richtig gut",
        "ich denk oft an den tod von meinem opa, er fehlt mir",
    ],
)
def test_german_goodbye_and_wish_twins(text):
    assert assess(text).level not in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "ich hab mir fest vorgenommen am sonntag von der talsperre zu springen",
        "keiner weiss dass ich die schlaftabletten seit wochen sammel, bald is es soweit",
        "danke für alles hier, ich werd euch vermissen. mein entschluss steht fest",
        "viele leute haben suizidgedanken, ich auch, jede nacht",
    ],
)
def test_german_resolve_saving_and_farewell(text):
    assert assess(text).level in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "ich hab mir vorgenommen am samstag endlich joggen zu gehen",
        "ich sammel grad pfandflaschen für die klassenfahrt",
        "ich werd euch vermissen, ich zieh nach graz. mein entschluss steht fest",
        "meine ärztin meint, dass viele menschen suizidgedanken haben und reden hilft",
    ],
)
def test_german_resolve_saving_and_farewell_twins(text):
    assert assess(text).level not in URGENT


@pytest.mark.parametrize(
    "text",
    [
        # "tu*" was a two-letter stem the cue index never found: spelled out as "tu", "tue"
        "ich tu mir was an, ich halt das nicht mehr aus",
        "heut nacht tu ich mir was an",
        "mich wird eh keiner vermissen",
    ],
)
def test_german_hurting_myself_and_not_missed(text):
    assert assess(text).level in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "keine sorge, ich tu mir nix an",
        "morgen tu ich mir was gutes an, sauna und massage",
        "das tu ich mir nicht mehr an mit dem job",
        "mich wird im büro keiner vermissen wenn ich in urlaub bin haha",
    ],
)
def test_german_hurting_myself_twins(text):
    assert assess(text).level not in URGENT


@pytest.mark.parametrize(
    "text",
    [
        'mein kumpel schreibt dauernd so sachen wie "bald habt ihr ruhe vor mir"',
        'meine cousine hat heute gepostet: "bald bin ich weg". was mach ich?',
        "meine freundin hat mir geschrieben ich will nicht mehr leben",
    ],
)
def test_german_reported_words_are_theirs(text):
    reading = assess(text)
    assert reading.about_other
    assert reading.level not in URGENT


@pytest.mark.parametrize(
    "text",
    [
        # said of the writer, to the writer: theirs to carry
        "mein bruder hat gesagt ich soll mich umbringen",
        # the writer speaks again after "aber"
        "meine mama sagt ich soll mehr essen, aber ich will einfach nur sterben",
        # a burden in the writer's own words, "habt ihr" is people in general
        "bald habt ihr ruhe vor mir",
    ],
)
def test_german_words_that_stay_the_writers(text):
    reading = assess(text)
    assert reading.level in URGENT
    assert not reading.about_other


@pytest.mark.parametrize(
    "text",
    [
        # "von meiner mutter": where the pills came from, not who speaks
        "hab die schlaftabletten von meiner oma in der jackentasche und geh jetzt zum fluss",
        "jede nacht steh ich am fenster und spiel mit dem gedanken zu springen",
        "ich werd mich morgen von der autobahnbrücke stürzen",
        "heut nacht fahr ich mit dem auto gegen nen brückenpfeiler",
        "ich leg mich jetzt schlafen und wach nicht mehr auf. ihr seid die besten",
        "hab mir ein messer besorgt, ich seh keinen anderen ausweg mehr",
    ],
)
def test_german_sources_considering_falls_and_no_way_out(text):
    assert assess(text).level in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "hab die kekse von meiner oma im rucksack und fahr jetzt zum see, picknick",
        "ich überlege mir ein kostüm als tod für halloween",
        "ich überlege ob ich heute früher weg geh von der party",
        "ich stürze mich heute voll in die arbeit",
        "ich geh jetzt schlafen, gute nacht ihr lieben",
        "ihr seid die besten, danke für die tipps",
        "ich seh keinen anderen weg mehr als zu kündigen",
        "wer kümmert sich um meine katze wenn ich im krankenhaus bin nächste woche",
    ],
)
def test_german_sources_considering_falls_and_no_way_out_twins(text):
    assert assess(text).level not in URGENT


def test_a_brother_taking_mums_pills_stays_a_worry():
    reading = assess("mein bruder hat die tabletten von meiner mutter genommen, ich hab angst")
    assert reading.about_other


@pytest.mark.parametrize(
    "text",
    [
        "vor sechs jahren hab ich 40 tabletten genommen, heute arbeite ich als pflegerin",
        "das ist mein letzter post hier, ich wechsel zu einem anderen forum",
        "ich will nicht mehr leben in dieser wohnung, der vermieter macht nix",
    ],
)
def test_german_past_pills_forum_moves_and_places_to_live(text):
    assert assess(text).level not in URGENT


def test_not_wanting_to_live_in_this_world_is_still_a_wish():
    assert assess("ich will nicht mehr leben in dieser welt").level in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "wenn er wieder getrunken hat schlägt er mich mit dem kabel",
        "ich wünsch mir manchmal, dass mich einfach ein laster erwischt",
        "sitz grad mit den rasierklingen im bad, heut is es vorbei",
        "ich weiss nicht wie ich weitermachen soll, ich will sterben",
    ],
)
def test_german_round29_urgent(text):
    assert assess(text).level in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "mein bruder schlägt mich immer beim schach",
        "ich wünsch mir dass mich die grippe dieses jahr nicht erwischt",
        "ich sitz im bad und mach mir ne gesichtsmaske, heut is wellness",
        "heute ist es vorbei mit dem urlaub, morgen wieder arbeiten",
        "mein opa ist gestorben und ich weiss nicht wie ich weitermachen soll ohne ihn",
        "ich steh grad am gleis und der zug kommt gleich",
    ],
)
def test_german_round29_twins(text):
    assert assess(text).level not in URGENT


def test_a_partner_leaving_his_wedding_ring_is_a_worry():
    reading = assess("mein mann hat seinen ehering hingelegt und ich erreiche ihn nicht")
    assert reading.about_other


def test_no_more_thoughts_about_me_is_a_goodbye():
    assert assess("bald müsst ihr euch keine gedanken mehr um mich machen").level == "imminent"


@pytest.mark.parametrize(
    "text",
    [
        "ihr müsst euch keine gedanken mehr um mich machen, die op ist gut verlaufen",
        "ihr braucht euch um mich keine sorgen mehr machen, hab die prüfung bestanden",
        "ich bin euch allen dankbar für die tipps",
    ],
)
def test_reassurance_is_not_a_goodbye(text):
    assert assess(text).level not in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "mein selbstmordplan steht, ich hab alles",
        "für mich ist suizid die einzige lösung",
        "ich han kei luscht meh uf s'läbe",
        "hab echt keine lust mehr auf dieses leben",
    ],
)
def test_german_plans_solutions_and_no_wish_to_live(text):
    assert assess(text).level in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "suizid ist keine lösung, das hat mir die therapie gezeigt",
        "wir haben im seminar über suizidpläne bei jugendlichen gesprochen",
    ],
)
def test_german_plans_and_solutions_twins(text):
    assert assess(text).level not in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "bin manchmal so müde vom leben, aber ich würd nie was tun",
        "heute in der therapie über meine suizidgedanken von damals geredet, tat gut",
    ],
)
def test_german_denied_acts_and_thoughts_from_back_then(text):
    assert assess(text).level not in URGENT


def test_thoughts_back_again_today_stay_urgent():
    assert assess("ich hab heute wieder suizidgedanken, wie damals").level in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "ich will einfach nur noch mein leben beenden",
        "heute setz ich meinem leben ein ende",
        "morgen früh bin ich tot, dann is ruhe",
    ],
)
def test_german_ending_my_life(text):
    assert assess(text).level in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "ich werd mein leben als student bald beenden, juhu abschluss",
        "wenn mama das sieht bin ich tot",
    ],
)
def test_german_ending_my_life_twins(text):
    assert assess(text).level not in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "meine freundin hat alles geregelt und will sich heut nacht von allen verabschieden",
        "meine nachbarin hat mir erzählt, dass ihr freund sie schlägt",
        "mein sohn hat sich im bad eingeschlossen und antwortet nicht mehr",
    ],
)
def test_german_signs_in_someone_else(text):
    assert assess(text).about_other


@pytest.mark.parametrize(
    "text",
    [
        "er schlägt sie immer beim tennis",
        "meine chefin hat erzählt, dass ihr mann sie für den preis vorschlägt",
    ],
)
def test_german_signs_in_someone_else_twins(text):
    reading = assess(text)
    assert not reading.about_other
    assert reading.level == "none"


@pytest.mark.parametrize(
    "text",
    [
        "ich überlege ernsthaft mein leben zu beenden",
        "ich will einfach nur noch ruhe, für immer",
    ],
)
def test_german_wished_endings(text):
    assert assess(text).level in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "endlich ruhe für immer vor dem nervigen nachbarn, der ist ausgezogen",
        'das buch heisst "mein leben beenden" und ist ein ratgeber über sterbehilfe',
        "grad 20 tabletten geschluckt, die vitamintabletten für die ganze woche lol",
        "mein freund antwortet nicht mehr auf whatsapp, ist wohl sauer",
    ],
)
def test_german_wished_endings_twins(text):
    assert assess(text).level not in URGENT


def test_a_typo_for_will():
    assert assess("ich wil einfach nur sterben").level in URGENT


@pytest.mark.parametrize("text", ["tschüss welt", "ich sag tschüss, für immer"])
def test_goodbye_to_the_world(text):
    assert assess(text).level == "imminent"


def test_goodbye_to_the_world_before_a_holiday():
    assert assess("tschüss welt, hallo urlaub! zwei wochen offline").level not in URGENT


@pytest.mark.parametrize(
    "text", ["ich mag nüm, ich wott nüm lebe", "ich gang hüt znacht uf d'brugg und spring abe"]
)
def test_swiss_german(text):
    assert assess(text).level in URGENT


@pytest.mark.parametrize(
    "text", ["im ersten gang anfahren ist schwer", "ich lebe nicht mehr in berlin, jetzt in wien"]
)
def test_swiss_german_twins(text):
    assert assess(text).level not in URGENT
