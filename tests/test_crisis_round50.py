"""Round 50: the plain French and German most people in crisis use, from seven countries, with
plain twins, read before any change (urgent fr 0.904, de 0.904; ordinary at crisis fr 1 of 12,
de 2 of 12), then general rules fitted, each with its twin.

New here: "si je mourais ce seraient enfin des vacances", joining a partner who died ("aller la
rejoindre"), asking God to take one back, "et ne pas revenir", envelopes handed out and the
notary told; "wenn ich nicht mehr wär", a lorry that takes one along, pills already taken,
locked in the bedroom. Ordinary twins: the end of one's therapy "ce soir", a song's quoted line,
"if I hear 'please hold' once more I'll kill myself", and "jeden Morgen" (every morning) is
not a day. Sentences written for this test.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "des fois je me dis que si je mourais ce serait enfin le repos",
        "mon mari est mort en juin, j'ai juste envie d'aller le rejoindre",
        "chaque soir je demande à Dieu de me reprendre",
        "ce soir je vais au lac et ne pas revenir, j'ai dit au revoir à ma sœur",
        "meine eltern hätten es leichter wenn ich nicht mehr wär",
        "an der ampel wünsch ich mir dass mich ein lkw mitnimmt",
        "hab die tabletten schon genommen. sagt den andern tschüss von mir",
        "er hat mich wieder im schlafzimmer eingesperrt und ich hab angst",
    ],
)
def test_plain_french_and_german_read_urgent(text):
    assert assess(text).level in URGENT, (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "ce soir c'est la fin de ma thérapie, je suis fière du chemin",
        "wenn ich noch einmal 'bitte warten' höre bring ich mich um 🙄 seit 30 min in der schleife",
        "'ich will nicht mehr leben ohne dich' aus dem lied geht mir nicht aus dem kopf",
        "ich steh jeden morgen um 5 auf und mach es trotzdem, die arbeit ruft",
        "vendredi je vais marcher dans la mer jusqu'aux genoux, il fait si beau",
    ],
)
def test_plain_french_and_german_twins_stay_below_crisis(text):
    assert assess(text).level not in URGENT, (text, assess(text))
