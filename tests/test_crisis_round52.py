"""Round 52: plans, means, times, places and goodbyes stated plainly in English by readers from
ten countries; plain French from fifteen cities in Europe, Africa, Québec and the Caribbean;
plain German from thirteen regions and dialects. Read before any change (urgent en 0.843, fr
0.850, de 0.767; ordinary at crisis en 3 of 15, de 1 of 15), then general rules fitted, each
with its twin.

New here: "that's me finished" with the means, "I'll not be around", "who'd miss me", means put
by and all taken, a bare apology as a leave-taking beside a dated means, "on the bridge now",
giving things away "all week" is no comeback; the Québec gun "m'en servir sur moi", "j'en ressors
pas", a tree made to look like an accident, "idées suicidaires" misspelt, "ce soir les médocs"
told tersely beside distress, the jetty, crossing without looking; Bavarian, Tyrolean, Kölsch
and Viennese words, "ich hab ja gesagt" to "lebensmüde", the tracks instead of home, a death
and "will ich auch nicht mehr", "baba" as a parting word. Ordinary twins: a dog walk to the
bridge, letters to the kids at camp, a will with the solicitor, "running late", a flu
remedy tonight, "que tout s'arrête un peu", no longer trusting anyone, a schnitzel "zum
sterben gut". Sentences written for this test.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "the shotgun is in the barn and after the harvest thats me finished",
        "i'm not going to be around by easter. gave my tools to the lad next door",
        "ill not be here by the weekend, sorted the dog with my brother",
        "been putting by my nans tablets and tonight im going to take them all",
        "sunday im taking my dads sleeping pills. every one. sorry",
        "on the bridge now. sorry mum",
        "who'd miss me anyway, the tablets are in the drawer and tonight's the night",
        "i've been giving my things away all week, on friday i go to the cliffs and dont come back",
        "demain soir je prends le gun de mon oncle et je vais m'en servir sur moi",
        "la voiture est dans le garage, ce soir j'y entre pis j'en ressors pas",
        "samedi je mets la voiture contre un platane, tout le monde croira à un accident",
        "j'ai des idé suicidère depuis septembre",
        "cette nuit les cachets. j'en peux plus",
        "je suis sur la jetée, il fait noir. pardon à ceux que j'aime",
        "si je traversais sans regarder ce serait mieux pour tout le monde",
        "mein stiefvater schlogt mi wieder und i hob angst hoam zu gehn",
        "mein arzt hat gefragt ob ich lebensmüde bin und ich hab ja gesagt",
        "heute nach der arbeit fahr ich nicht heim, sondern zu den gleisen",
        "seit papa tot ist will ich auch nicht mehr",
        "bald bin i für neamd mehr a last",
        "ich sitz grad am dach und schau runter. baba an alle",
    ],
)
def test_plain_round_52_wording_reads_urgent(text):
    assert assess(text).level in URGENT, (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "walked the dog to the bridge this morning, gorgeous light on the river",
        "wrote letters to the kids at scout camp tonight, they get post on friday",
        "put our affairs in order with the solicitor, the will's done. off to the garden centre",
        "the audit is killing me, thats me finished for the week!",
        "at the bridge now, sorry everyone im running late",
        "ce soir les médocs pour la grippe, et au lit",
        "c'est pas que je veux mourir, je voudrais juste que tout s'arrête un peu",
        "nach der scheidung vor drei jahren: vertrauen kann ich seitdem niemandem mehr",
        "des schnitzl is zum sterbn guad",
        "demain je sors de la réunion et j'en ressors pas avant 18h",
        "meine therapeutin hat gefragt ob ich gedanken hab mir was anzutun. hab nein gesagt",
        "im away all week at a conference, see you monday",
        "mein kollege hat einen plan und ein datum für die hochzeit",
    ],
)
def test_plain_round_52_twins_stay_below_crisis(text):
    assert assess(text).level not in URGENT, (text, assess(text))
