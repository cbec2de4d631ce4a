"""Round 56: short, messy English (slang, one-line plans and goodbyes), long English comments
with the plan buried in them, and German from many lives and dialects. Read before any change
(urgent en 0.700 and 0.950, de 0.783 and 0.817), then general rules fitted, each with its twin.

New here: a farewell act that is its whole sentence next to a day ("letters on my desk for
mum"), unless the comment tells a move or a trip or the day is one to come back on ("see yall
tomorrow"); a trip told anywhere in a comment makes its other farewells part of the
leave-taking; "ctb", "alt f4 my life", "game over irl", "signing off perm", "wont be on again",
"for it all to end", "the stuff" as a means; "ich springe von Brücke", "mich wegmachen", "den
Abgang machen", "habt ihr eure Ruhe", "nicht mit meinem Freund, mit allem", "für mich ist nach
Silvester Feierabend, endgültig", "hab mir alles überlegt", the lorry steered into "den
nächsten" pillar, the thoughts "wieder wie damals" after an attempt in one sentence.
Ordinary twins: a haircut before the formal, old games given away to make room, a last day at
the office told in a long sentence before the goodbye, "made my peace with my sister", a trip
with the plants given to the neighbour, "mein letzter Kommentar zu dem Thema", a past abusive
relationship "through my twenties". Sentences written for this test.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "saturday morning. the letter on the table for my brother",
        "tell my girls sorry. friday night",
        "the stuff arrived this morning. tonight. love u all",
        "thinking abt ctb again tbh",
        "i just want to alt f4 my life",
        "its game over irl for me",
        "ty for the laughs everyone. signing off perm",
        "thanks for everything. fed the dog one last time. wont be on again",
        "heute nacht springe von brücke, keiner soll weinen",
        "ich will mich nur noch wegmachen",
        "ich denk jeden tag dran, den abgang zu machen",
        "wenn ich weg bin habt ihr alle eure ruhe",
        "ich mach schluss. nicht mit ihm, mit allem.",
        "für mich ist nach ostern schluss, endgültig",
        "ich fahr heut zur talbrücke. hab mir alles überlegt",
        "heut nacht lenk ich den wagen gegen den nächsten pfeiler",
        "hab es letzten winter versucht und jetzt sind die gedanken wieder da wie damals",
    ],
)
def test_plain_round_56_wording_reads_urgent(text):
    assert assess(text).level in URGENT, (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "cutting my hair tonight before the wedding, nervous lol",
        "gave away my old board games to my nephew, finally got room for the piano",
        "i made my peace with my brother last year and we had dinner on friday",
        "last post for a month, off to Portugal with the kids. gave my plants to the neighbour. "
        "thanks all, see you in june",
        "thats me out. see yall tomorrow",
        "closing my facebook at midnight, too much drama. bye everyone",
        "mein letzter kommentar zu dem thema, ich bin raus aus der diskussion",
        "i was in a violent marriage through most of my thirties. i left and i'm safe now",
        "ich muss den fleck vom teppich wegmachen bevor mein mann heimkommt",
        "Today was my last day at the office after nine years, and everyone signed a huge card "
        "for me and I cried buckets. I cleared my desk, gave my plant to the new girl and said "
        "goodbye to everyone on the floor.",
    ],
)
def test_round_56_twins_stay_below_crisis(text):
    assert assess(text).level not in URGENT, (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "my roommate keeps texting stuff like cant wait for it all to end. idk what to do",
        "mein kumpel sagt er will schluss machen mit dem leben. was soll ich tun",
    ],
)
def test_round_56_worry_about_someone_else_is_theirs(text):
    assert assess(text).about_other, (text, assess(text))
