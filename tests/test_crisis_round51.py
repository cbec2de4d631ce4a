"""Round 51: every hard category of the issue in plain everyday words (English from eight
countries, English goodbyes with twins that share their words, French from France to Abidjan,
German from Hamburg to Zürich), read before any change (urgent en 0.933 and 0.867, fr 0.745,
de 0.818), then general rules fitted, each with its twin.

New here: "pour que quelqu'un sache" as a leave-taking, "je finis tout avec les cachets", not
coming back from the river or the walk (a comeback "je reviens" no longer matches "je reviens
pas"), asking God each night, joining the dead after the funeral, "plus rien à régler"; "ich
hab ja gesagt" to a screening question, a car into a tree made to look like an accident, all
one's things given away, "merci für alles"; "and that'll be the end of me" with the means, not
going back down from a roof, a lie told before the "no" it takes back, "sh'd again", a family
that would "throw a party if I died", "before anyone's up" with a place, passwords left and
"I won't be able to tell her myself", wishing to have died with him. Ordinary twins: "seule à
crever" (lonely as hell), a last message in a thread that goes on by mail, a pill overdose
years back and waking up again, a move denied, baby clothes given away. Sentences written for
this test.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "ce soir je vais au viaduc avec la voiture. je l'écris pour que quelqu'un sache",
        "cette nuit je finis tout avec mes somnifères",
        "samedi je pars à la rivière et je reviens pas.",
        "je compte pas revenir de la rando dimanche, tout est dans mon sac",
        "je demande tous les soirs à Dieu de me prendre",
        "si je disparaissais demain ça changerait rien pour personne",
        "après les obsèques de papa je le rejoins.",
        "j'ai tout donné à mon frère, la télé, le vélo, les bouquins. y aura plus rien à régler",
        "der arzt hat gefragt ob ich an suizid denke. ich hab ja gesagt",
        "am sonntag fahr ich mit dem auto gegen einen baum, dann sieht es aus wie ein unfall",
        "ich hab alle meine sachen an die nachbarn verschenkt",
        "hab mini sache verschänkt. merci für alles, machets guet",
        "monday when the house is empty, with dads shotgun, and thatll be the end of me",
        "on the roof of the car park now. dont think im going back down",
        "the nurse asked if i had thoughts of suicide and i lied and said no",
        "shd again last night after a year clean",
        "my lot would throw a party if i died",
        "tomorrow before anyones up, the bridge on the bypass",
        "my sister gets my passwords. i wont be able to tell her myself. thanks for all your posts",
        "since she passed i wish i had died with her",
    ],
)
def test_plain_round_51_wording_reads_urgent(text):
    assert assess(text).level in URGENT, (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "ce soir je me sens seul à crever, vivement que ma coloc rentre",
        "ce soir je finis tout avec les enfants : devoirs, bain, dodo",
        "je voulais juste que quelqu'un sache que votre article m'a aidée",
        "samedi je pars à la mer et je reviens dimanche soir",
        "je reviens pas sur ce que j'ai dit, ton article est top",
        "vor 5 jahren hab ich tabletten genommen und bin im krankenhaus wieder aufgewacht",
        "letzte nachricht von mir hier im thread, alles weitere per mail",
        "this deadline will be the end of me lol",
        "the school run will be the end of me honestly",
        "i dont think im going back down to the party, too loud",
        "giving away all the baby clothes, my youngest is 4 now and its time",
        "not moving overseas after all, staying put. thanks all, see you next week",
        "tomorrow at 6 before anyones up, the beach for a swim",
        "my kids would throw a party if i let them stay up late",
        "the password for my wifi is on the fridge for the babysitter",
        "i wont be able to tell her myself, could you pass on the message? thanks",
        "si je gagnais au loto demain ça changerait rien pour moi",
        "am samstag fahr ich mit dem auto zum baumarkt",
    ],
)
def test_plain_round_51_twins_stay_below_crisis(text):
    assert assess(text).level not in URGENT, (text, assess(text))
