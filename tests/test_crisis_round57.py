"""Round 57: plans whose day is told through someone else's routine, goodbyes hidden in
practical arrangements, in English and German, and a file of ordinary comments in the same
words. Read before any change (urgent en 0.688, de 0.734; the twins 0.117 of ordinary comments
at crisis), then general rules fitted, each with its twin.

New here: "wenn mama beim elternabend is, mach ichs" (someone else's outing is the day, and the
writer still the one who acts), "die wohnung nachts für mich", "lang genug überlegt", "bin ich
weg", "will nur noch Ruhe", "Feierabend mit allem", the rope already in the boot, the thoughts
back after an attempt told the sentence before, "Entschuldigt." as a bare apology; pills saved
and "taking all of them", "won't be here to", "wish it had worked", "no reason to continue",
the dog that "goes to the neighbours tomorrow", a note left, "last post x".
Ordinary twins: a box of tissues, "früh genug", "so weit bin ich nicht", "will ich nicht" as
the answer to a mother's question, "zwei Wochen in Kroatien ohne Internet", "for a bit" and
"for the next two weeks", "nimmer da beim Stammtisch", rope and an anchor for the boat, "seit
drei Jahren bin ich weg" from a violent husband. Sentences written for this test.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "wenn papa heut abend beim training is mach ichs",
        "ab freitag hab ich die wohnung nachts für mich. ich hab mir das lang genug überlegt",
        "wenn meine oma beim arzt is bin ich weg. tschüss an alle",
        "am sonntag wenn alle in der kirche sind. ich will nur noch ruhe.",
        "am dienstag mach ich feierabend mit allem",
        "morgen nach der arbeit. hab den strick schon im keller",
        "hab es letztes jahr versucht. jetzt sind die gedanken wieder da, jeden abend",
        "i've been saving my sleeping tablets and i'm taking all of them on sunday",
        "sorted the bills. wont be here to see the new year",
        "tried once and survived. i wish it had worked",
        "lost the flat and no reason to continue",
        "the cat goes to my sister tomorrow. passwords are in the red folder",
        "gave my bike to my cousin this morning. last post x",
    ],
)
def test_plain_round_57_wording_reads_urgent(text):
    assert assess(text).level in URGENT, (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "made the seating cards for the wedding and went through a whole box of tissues lol",
        "wenn ich die tablette früh genug nehm, ist der kopfschmerz nach einer stunde weg",
        "damals hab ich tabletten geschluckt. so weit bin ich heute nicht, wirklich nicht.",
        "meine mutter fragt, ob ich mir was antun will. will ich nicht. ich bin nur müde.",
        "tschüss an alle, bin drei wochen in norwegen ohne internet!",
        "my last comment for a bit, exams start monday. thanks all",
        "i won't be around for the next two weeks, camping with no signal",
        "bin morgen nimmer da beim stammtisch, muss zur hochzeit",
        "bought a new rope and an anchor for the boat today",
        "er hat mich jahrelang geschlagen. seit zwei jahren bin ich weg und sicher",
    ],
)
def test_round_57_twins_stay_below_crisis(text):
    assert assess(text).level not in URGENT, (text, assess(text))
