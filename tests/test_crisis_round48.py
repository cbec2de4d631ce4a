"""Round 48: English plans, means, times, places and goodbye acts told sideways, and French and
German from many regions and ages, read before any change (urgent en 0.583, stated en 0.467,
fr 0.836, de 0.764), then general rules fitted, each with its twin.

New here: not walking back down, sitting down and not getting up, "that's it for me" after a
day, "never have to know it wasn't an accident", letters for children one won't see grow up, a
scheduled email, a spare key with next door, the cat's boarding prepaid, "properly this time",
"you can work out the rest", "nobody has to clear up after me", "that's when.", tablets "put
by", what one needs in the boot, "that's where I'm headed", "coming back in from this one" (not
a comeback and not the past). Ordinary twins: a last therapy session, taking the kids to the
coast, back in 2019. Sentences written for this test.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "going up the old quarry tonight and im not walking back down",
        "when the frost comes im going to lie down in the top field and not get up",
        "after my daughters wedding on the 12th thats it for me",
        "wrote letters for both boys for their 18ths. i wont see them grow up",
        "Scheduled an email to my parents for Sunday and left the spare key with next door.",
        "left the spare key with next door and an envelope for my brother on the table",
        "Prepaid the dog's kennel and the cats boarding for an extended stay. Thursday.",
        "cleaned the flat top to bottom. goodnight everyone, properly this time",
        "dads old rifle is in the loft and theyre away from friday. you can work out the rest",
        "sorted the paperwork so nobody has to clear up after me",
        "The night of the results. That's when.",
        "the tablets ive been putting by are in the drawer and im done after the weekend",
        "what i need is in the boot and im driving to the forestry on sunday",
        "theres a lay-by on the moor road. thats where im headed tonight with the hose",
        "left a note for my sister. once its dark im going out to the headland and i wont be "
        "coming back in from this one",
        "if i didnt wake up tomorrow id honestly feel relief",
    ],
)
def test_a_plan_told_sideways_reads_urgent(text):
    assert assess(text).level in URGENT, (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "had my last session with my counsellor today, ready to fly solo now",
        "after the kids sports day on friday im taking them to the beach for the weekend",
        "back in 2019 i wrote letters to everyone and took an overdose. im ok now",
        "ill be coming back in from the garden once its dark, the tomatoes need picking",
        "thats it for me tonight, goodnight everyone",
        "That's when the bins go out.",
    ],
)
def test_the_same_words_in_an_ordinary_comment_stay_below_crisis(text):
    assert assess(text).level not in URGENT, (text, assess(text))


def test_a_wife_who_moved_her_savings_and_is_permanently_away_is_a_worry_about_her():
    reading = assess("my wife moved all her savings to me, her out of office says permanently away")
    assert reading.about_other, reading


@pytest.mark.parametrize(
    "text",
    [
        # French
        "je me fais des marques sur les bras tous les soirs, encore hier",
        "j'ai plus la force d'exister, c'est tout",
        "chaque soir je prie pour que Dieu me reprenne",
        "des fois je souhaite qu'un camion me rentre dedans sur l'autoroute",
        "j'ai stoker mes pillules et samedi mes parents partent en vacances",
        "g écrit les lettres pour ma sœur, elles sont sous mon oreiller. jvous aime",
        "mon beau-père vient dans ma chambre quand maman travaille la nuit",
        # German
        "heut nacht geh ich zu den gleisen. ende.",
        "die alte brücke, heute um 4. tschüss an alle",
        "ich denk jeden tag es wär besser wenn ich einfach tot wär",
        "hab wieder mit der klinge angefangen nach einem jahr",
        "i wär am liebschte tot",
        "manchmal wünsch ich mir ich würd einfach nich mehr wach werden",
        "wenn jetzt ein lkw reinfährt wär das eine erlösung",
        "samstag nacht bin ich nicht mehr. die schulden bei meinem bruder hab ich bezahlt",
        "ich will nur dass es aufhört, für immer",
    ],
)
def test_french_and_german_in_new_words_read_urgent(text):
    assert assess(text).level in URGENT, (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "mdr quand je repense à l'année où j'ai avalé des cachets, j'étais perdue. ça va mieux",
        "ma mère vient dans ma chambre pour me dire bonne nuit",
        "Ich kündige! Montag geb ich den Brief ab, neuer Job ab Juli",
        "die Serie ist zu Ende. Ende.",
        "samstag bin ich nicht mehr im büro, urlaub!",
    ],
)
def test_french_and_german_ordinary_comments_stay_below_crisis(text):
    assert assess(text).level not in URGENT, (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "mon fils porte des manches longues même en juillet, j'ai vu des coupures sur ses bras",
        "meine schwester schrieb 'passt gut auf mama auf' und geht nicht mehr ans handy",
        "eine patientin hat mir ihren schmuck geschenkt und gesagt wir sehen uns nicht wieder",
    ],
)
def test_someone_elses_warning_sign_in_french_and_german_is_a_worry(text):
    assert assess(text).about_other, (text, assess(text))
