"""English voices the lexicon had not met (the en2 round): older adults, carers, teenagers,
rural writers, a day told alone after distress; each family next to ordinary twins.

Written for these tests (not copied from the dev files).
"""

import pytest

from support.detection import assess

HIGH = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        # a day told alone right after the writer's distress, or a sentence that is only a time
        "i cant keep going like this. saturday.",
        "got the rope down from the loft. once everyones asleep",
        "ive had the rope in the loft for a week. tonight when the house is asleep",
        # a warning away from where one will be found, next to a bare apology
        "dont open the garage tomorrow dad. sorry for everything",
        # an accident wished on oneself, a prayer to be taken, still being here a disappointment
        "i keep hoping a van will hit me on the crossing",
        "every night i pray the good lord takes me in my sleep",
        "gutted im still alive to be honest",
        # joining the dead, why bother living, working out how
        "since she went i just want to join my wife",
        "why do i even bother staying alive",
        "ive been working out how id do it",
        # a weapon turned on oneself, enough kept back for it
        "keep looking at dads rifle and thinking about turning it on myself",
        "ive got enough stashed away to make it all stop",
        # signing off for good, a household's time, wanting not to be here in the morning
        "ta for everything all of you. signing off for good",
        "i want to go to bed and not be here in the morning",
    ],
)
def test_new_voices_are_urgent(text):
    assert assess(text).level in HIGH, text


@pytest.mark.parametrize(
    "text",
    [
        "long shift. saturday: football with the lads",
        "bought a new kitchen knife. tonight when the kids are in bed im making curry",
        "i keep hoping a parcel will arrive before the weekend",
        "we pray the lord takes care of the harvest this year",
        "gutted the match is still on at nine",
        "i would like to join my husband in portugal next spring",
        "why do i even bother with this printer",
        "not sure how id do it differently next year, the garden was a mess",
        "ive got enough flour to do it properly this time",
        "logging off for the night, see you all tomorrow",
        "not coming home from the woods till dark, the dogs love it",
        "saturday is the day we move house",
        "dont go in the kitchen, its a surprise. im sorry its messy",
        "dont go in the bathroom, the floor is wet. sorry",
        "dont go in the kitchen till i say. sorry!",
        # probes that misread the first versions of these patterns
        "gutted im still here at the office at 9pm",
        "why do i even bother waking up early on saturdays",
        "thinking about how id do it if i ran the council",
        "got enough saved up to do it, the kitchen extension is go",
        "wishing a lorry would hit the speed camera lol",
        "i wish a nice guy would take me out for dinner",
        "i keep hoping a train will take me out of this town one day",
        "the footpath by the weir has no barrier, i go there every evening with the dog",
        "just wanted someone to know i passed my driving test!!",
        "checking out tonight, the festival was amazing, thanks everyone",
        "emptied the bathroom cabinet into a bag for the charity shop",
    ],
)
def test_their_ordinary_twins_are_not_crisis(text):
    assert assess(text).level not in HIGH, text
