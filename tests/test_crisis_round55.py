"""Round 55: English plans, means, days and goodbyes stated plainly by eleven readers from six
countries, and plain German from thirteen cities. Read before any change (urgent en 0.862, de
0.750), then general rules fitted, each with its twin.

New here: driving the car into the river, the means and its day in two sentences next to each
other with the goodbye in a third, "cya" as a parting word beside a tool just got ("cya
tomorrow" is a comeback, not a day told alone), "disappearing for good", "that's me done" after
a place; "bevor ich spring", "die Wohnung für mich", signing off ("mich abmelden"), "einfach
Schluss zu machen" (not "mit ihm"), "ich mach es" when the flat is empty, a lorry steered into a
pillar, thinking "wie damals" after an attempt told the sentence before, "damit mich nicht meine
Kinder finden", "heim komm ich eh nicht mehr", the car in the garage with the door shut.
Ordinary twins: the Lake District, a break-up, pizza in an empty flat, a novel's farewell
letter, letters to open at eighteen, a letter to one's future self. Sentences written for this
test.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "ive decided. im driving the car into the river on saturday once the kids are at school",
        "took the pills from work. tonight when my husband is asleep i will take them. forgive me",
        "cya. rope's in the boot",
        "i keep thinking about disappearing for good",
        "driving out to the cliffs after payday and thats me done",
        "ich schreib vom dach vom parkhaus. wollt nur dass es irgendwer weiß bevor ich spring",
        "hab das seil gestern gekauft. morgen ist meine frau weg, dann hab ich das haus für mich",
        "wollte mich nur abmelden. wenn der letzte zug um 1 uhr kommt, steh ich am bahnübergang",
        "ich denk nur noch dran, einfach schluss zu machen.",
        "am freitag ist die wohnung leer und dann mach ich es.",
        "nächste woche lenk ich den wagen gegen einen brückenpfeiler, das ist fest beschlossen",
        "hab's letztes jahr schon mal versucht. jetzt denk ich wieder genauso wie damals",
        "wenn er trinkt, schlägt er meine schwester und mich",
        "briefe an sie hab ich geschrieben. ich geh ins hotel, damit mich nicht die kinder finden",
        "ich fahr heut raus an den see, heim komm ich eh nicht mehr",
        "das auto steht in der garage und das tor ist zu. heute nacht ist es so weit",
    ],
)
def test_plain_round_55_wording_reads_urgent(text):
    assert assess(text).level in URGENT, (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "cya tomorrow. rope's in the boot, need it for the boat",
        "driving the car into the lake district this weekend, cant wait",
        "ich überleg, einfach schluss zu machen mit ihm, er lügt dauernd",
        "am freitag ist die wohnung leer, dann mach ich es mir gemütlich mit pizza",
        "der abschiedsbrief am ende des romans hat mich so berührt",
        "the letters to my girls for their 18th are in a box now, to open later",
        "i wrote a letter to my future self as homework. tonight i read it again. sorry",
    ],
)
def test_plain_round_55_twins_stay_below_crisis(text):
    assert assess(text).level not in URGENT, (text, assess(text))
