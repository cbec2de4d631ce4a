"""English round 28 (en): older readers, non-native writers, grief that turns into a wish to
follow someone, pills kept back, the cupboard emptied; each rule next to its ordinary twin.

Written for these tests (not copied from the dev files).
"""

import pytest

from support.detection import assess

HIGH = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        # grief, then the wish in the next sentence (grief_wish reaches back one sentence)
        "my wife passed in the autumn. i only want to be with her now",
        "we lost our little boy in june. all i want is to go where he is",
        "Bill died at christmas. I wish I could be with him.",
        # plain wording of a non-native writer
        "i think i will finish my life on sunday, i am very tired of everything here",
        # pills kept back with words between, then the night
        "the heart tablets, ive kept three weeks of them back. tonight then",
        # the whole medicine cupboard
        "im taking everything in the bathroom cabinet when theyre out tonight",
        # a wish for not waking, said plainly
        "id be happy not waking up to be honest",
        # a tool thought about, again and again
        "i cant stop thinking about the shotgun in the cupboard",
        # a car in a closed garage with the engine on, a farewell beside it
        "in the car in the closed garage, engine running. sorry everyone",
        # the children told that their father loved them
        "on the motorway bridge. tell my girls their dad loved them",
    ],
)
def test_round28_urgent(text):
    assert assess(text).level in HIGH, text


@pytest.mark.parametrize(
    "text",
    [
        # grief without a wish to follow, or someone away rather than dead
        "my wife passed in the autumn. i want to be with her sister at christmas though",
        "she has gone to university. i wish i could be with her.",
        "grandad died in may. nan wants to join him on the memorial bench plaque",
        # finishing things that are not a life
        "i need to finish my lifes work before i retire",
        # things kept back for an everyday purpose
        "kept a few of the mince pies back for later",
        "kept the old tablets back to take to the pharmacy",
        # happy not doing something ordinary
        "id be happy not going into the office tomorrow",
        # a tool in a film, thought about
        "i keep thinking about the knife scene in that film",
        # a garage shut on an ordinary day
        "garage door shut so i sat in the car till the rain stopped",
        # a message passed on about flowers
        "tell my mum i loved the flowers",
        # a bungee jump, a hyperbole about chores
        "did a bungee jump off the bridge for charity!",
        "if i have to hoover the stairs one more time im gonna die",
        # a video game boss
        "died to the final boss again, im going to throw myself off a cliff tonight lol",
    ],
)
def test_round28_ordinary_twins(text):
    assert assess(text).level not in HIGH, text


def test_round28_third_person_grief_wish():
    a = assess("grandad died in march. last night nan said she wants to be with him.")
    assert a.about_other


def test_round28_third_person_note_and_garage():
    assert assess("found a note in his room saying sorry to everyone, hes 14").about_other
    assert assess("my dad has been sitting in the car in the garage for hours").about_other


@pytest.mark.parametrize(
    "text",
    [
        "my grandads gone and all i want is to go with him",
        "husband passed in the new year. i just want to follow him",
        "not much point sticking around now my wife is gone",
        "tonight i drink all my pills, i am finish here",
        "i wont be needing any of it after friday, its all labelled",
    ],
)
def test_round28_following_and_plain_means(text):
    assert assess(text).level in HIGH, text


@pytest.mark.parametrize(
    "text",
    [
        "my grandads gone to the allotment and i want to go with him",
        "husband has gone to his brothers. i want to follow him up there on sunday",
        "not much point sticking around now the bar has gone quiet",
        "when my dad died i wanted to go with him for a long time, not now though",
        "drink plenty of water with the pills, the pharmacist said",
    ],
)
def test_round28_following_twins(text):
    assert assess(text).level not in HIGH, text


@pytest.mark.parametrize(
    "text",
    [
        "im on the bridge in the drizzle waiting for the bus, fuming",
        "did my will and the funeral plan this week, at 80 you get organised. lovely walk after",
        "dont cry for me argentina came on the radio and i sang the lot",
        "counted out the tablets, thats the month sorted. chemist friday",
        "got my affairs in order before my operation on friday, feeling good about it",
    ],
)
def test_round28_everyday_twins(text):
    assert assess(text).level not in HIGH, text


@pytest.mark.parametrize(
    "text",
    [
        "got my affairs in order. its tonight",
        "im on the bridge now. waiting till its dark",
    ],
)
def test_round28_everyday_words_left_alone(text):
    assert assess(text).level in HIGH, text


def test_round28_the_lot():
    # "the lot" is pills only when taken, got, kept or saved
    assert assess("i sang the lot at karaoke").level not in HIGH
    assert assess("took the lot to the tip on saturday").level not in HIGH
    assert assess("took the lot an hour ago").level in HIGH


@pytest.mark.parametrize(
    "text",
    [
        "sorry. ive taken about 40 of the sleeping tablets",
        "i will hang on a tree in the park this night, nobody miss me",
        "keep thinking about driving it off the harbour wall on the way home",
        "since my brother died i want to be where he is",
        "i stand on the footbridge every morning and think it would be so easy",
        "the dogs with my cousin now. after that it doesnt matter",
        "thank you all, you kept me alive this long. take care of yourselves",
    ],
)
def test_round28_counts_and_plain_words(text):
    assert assess(text).level in HIGH, text


@pytest.mark.parametrize(
    "text",
    [
        "took 2 of my tablets with breakfast",
        "thinking about dying my hair blue for the summer",
        "nobody will miss me at the quiz tonight, im working",
        "the energy drink kept me going longer than i thought",
        "driving it off the ferry was the scariest bit of the holiday",
        "we will hang the lights on the tree tonight",
    ],
)
def test_round28_counts_twins(text):
    assert assess(text).level not in HIGH, text


def test_round28_thought_of_and_warming_up():
    assert assess("thought of you all when i walked over the bridge this morning").level not in HIGH
    assert assess("car in the closed garage, engine running to defrost it").level not in HIGH
    assert assess("thought about driving it off the quay on the way home").level in HIGH


def test_round28_grief_longing_is_not_a_wish_to_die():
    assert assess("nan died in june and i just wish i could see her again").level not in HIGH
    assert assess("nan died in june and i just wish i could be with her").level in HIGH


@pytest.mark.parametrize(
    "text",
    [
        # a tide walked into, a bridge gone to and jumped from, a bus wished on oneself
        "sat in the car by the harbour. high tide at 6 and im going to walk into the tide",
        "on sunday i will walk to the viaduct behind the estate and jump",
        "honestly wouldnt care if a lorry took me out on the bypass",
        # following the dead: lying down beside her, since she went
        "since he went i just want to lie down beside him in the cemetery and not wake up",
        # pets and debts settled, a shotgun taken out
        "squared up with my brother, the dogs gone to my neighbour. "
        "heading out on the moor with the rifle tomorrow",
        # nobody can face work, a hose in the car
        "i cant face work again. got a hose in the boot and going out tonight",
    ],
)
def test_round29_urgent(text):
    assert assess(text).level in HIGH, text


@pytest.mark.parametrize(
    "text",
    [
        "go to the bridge by the mill and jump in the river, everyone does it in summer",
        "climb up to the top floor of the soft play and jump in the ball pit",
        "we walk out to meet it every evening, the sunset over the bay",
        "the dogs gone to my sister while were in spain for a fortnight",
        "cant face work monday after that wedding lol",
        "pour the whole bottle of wine over the lamb and leave it overnight",
        "i wouldnt care if the bus was late, its sunny",
        "ive had enough to eat thanks",
    ],
)
def test_round29_twins(text):
    assert assess(text).level not in HIGH, text


def test_round29_third_person_signs():
    assert assess("my neighbour hasnt opened his curtains in days, im worried").about_other
    assert assess("my nan says there is nothing left for her here since grandad").about_other


def test_round29_tracks_and_waiting():
    # on the line waiting for the train is a means; a bus awaited on a bridge is not
    assert assess("standing on the tracks waiting for the train").level in HIGH
    assert assess("stopped the car on the level crossing. waiting for the 7.15").level in HIGH
    assert assess("stood at the level crossing waiting for the train to pass").level not in HIGH
    assert assess("on the bridge waiting for the bus, drenched").level not in HIGH


@pytest.mark.parametrize(
    "text",
    [
        # everyday purposes are kept narrow: they must not hide pills saved or a place
        "ive saved up my tablets, ill take them before the operation on tuesday",
        "ive got a months supply of sleeping pills saved. this weekend",
        "the rope is in the car, parked at the tip. tonight",
        "i will be at the bus stop by the bridge at midnight and then over the side",
    ],
)
def test_round28_everyday_purposes_stay_narrow(text):
    assert assess(text).level in HIGH, text


@pytest.mark.parametrize(
    "text",
    [
        "cards and pin numbers are in an envelope for my daughter. i wont be needing them",
        "front door unlocked and a sign on it telling the carer not to come in",
        "im 88, my will is done and ive stopped taking my heart tablets on purpose",
    ],
)
def test_round28_plain_goodbyes(text):
    assert assess(text).level in HIGH, text


@pytest.mark.parametrize(
    "text",
    [
        "gift voucher is in an envelope for my nephew, hope he likes it",
        "left the back door unlocked for the window cleaner",
        "stopped taking my antidepressants on purpose, the gp is weaning me off",
    ],
)
def test_round28_plain_goodbye_twins(text):
    assert assess(text).level not in HIGH, text


def test_round28_third_person_stranger_and_joining():
    assert assess("theres a woman on the bridge outside my window climbing the railing").about_other
    assert assess("mum says shed be better off joining dad, he died in may").about_other
    assert assess("a bloke at work told me im useless. i want to die").level in HIGH


@pytest.mark.parametrize(
    "text",
    [
        "i dont care if i die trying, this cake is getting finished",
        "id be happy not waking up before noon on my day off",
        "the cat has gone to the cattery while were away, the dogs going to my mum",
    ],
)
def test_round28_more_twins(text):
    assert assess(text).level not in HIGH, text


@pytest.mark.parametrize(
    "text",
    [
        "honestly the lads would get on fine without me",
        "all i want is to go to sleep and stay asleep",
        "why am i even still alive at this point",
        "wouldnt be the worst thing if i didnt wake up",
    ],
)
def test_round28_passive_wishes(text):
    assert assess(text).level in HIGH, text


@pytest.mark.parametrize(
    "text",
    [
        "the office can cope without me for a week, off to crete",
        "wouldnt be so bad if i didnt wake up till ten tomorrow",
        "cant get to sleep and stay asleep, the baby is teething",
    ],
)
def test_round28_passive_wish_twins(text):
    assert assess(text).level not in HIGH, text


def test_round28_finish_myself():
    assert assess("i am alone here and i want to finish myself").level in HIGH
    assert assess("nobody at work will notice if i leave at 4 on friday").level not in HIGH


def test_round28_waiting_for_the_courage():
    assert assess("loft, rope, chair. its all there. waiting for the courage").level in HIGH
    assert assess("waiting for the courage to ask for a pay rise").level not in HIGH
    assert assess("the tools are all laid out for the shed build").level not in HIGH


def test_round28_hyperbole_about_shows():
    assert assess("going to jump off a bridge if they cancel this series").level not in HIGH
    assert assess("goodbye forever to my favourite show, what a finale").level not in HIGH
    assert assess("im going to kill myself if he leaves me").level in HIGH
    assert assess("goodbye forever to this world").level in HIGH


def test_round28_teen_goodbyes():
    assert assess("if u read this in the morning its too late. love u all").level in HIGH
    assert assess("cya never. pills are in my jacket pocket").level in HIGH
    assert assess("cya tomorrow, my charger is in my jacket pocket").level not in HIGH
    assert assess("if you read this before friday its not too late to sign up").level not in HIGH


@pytest.mark.parametrize(
    "text",
    [
        "just want the noise in my head to stop for good",
        "cheers for the laughs over the years lads. wont be at darts friday. or any friday",
        "lost the farm, lost the wife. just me and the shotgun now",
        "dont think ill make it to christmas this year, and i dont want to",
    ],
)
def test_round28_understating_men(text):
    assert assess(text).level in HIGH, text


@pytest.mark.parametrize(
    "text",
    [
        "i want this cough to stop for good",
        "i wont make it to the party tonight, sorry all",
        "not gonna make it to the game on saturday, working",
        "wont make it to the meeting friday or any thursday this month, rota change",
        "kids are grown and ive done my bit, time for a cruise",
    ],
)
def test_round28_understating_twins(text):
    assert assess(text).level not in HIGH, text


@pytest.mark.parametrize(
    "text",
    [
        "i wont be here tomorrow, its my day off",
        "this laptop wont last another day without a charge",
        "cant see a future for this club under the new owners",
        "i dont see another way to fix the boiler, calling a plumber",
        "i wont see the new year in, early night for me",
    ],
)
def test_round28_everyday_endings(text):
    assert assess(text).level not in HIGH, text


@pytest.mark.parametrize(
    "text",
    [
        "i cant see a future for me",
        "i wont last another week like this",
        "i dont see another way out",
    ],
)
def test_round28_endings_still_read(text):
    assert assess(text).level in HIGH, text


@pytest.mark.parametrize(
    "text",
    [
        "my last meal on earth would be my nans roast dinner",
        "ive decided. tonight is the night i finally watch all of lord of the rings",
        "this will be my final message in this group, switching to whatsapp",
        "when im gone i want my ashes scattered at the ground, told the wife",
    ],
)
def test_round28_ordinary_endings(text):
    assert assess(text).level not in HIGH, text


@pytest.mark.parametrize(
    "text",
    [
        "this is my last day on earth",
        "when im gone please look after my cat",
        "ive decided. tonight is the night",
    ],
)
def test_round28_ordinary_endings_left_alone(text):
    assert assess(text).level in HIGH, text


def test_round28_voices_graves_and_fighting():
    assert assess("the voices tell me every night to step into the traffic").level in HIGH
    assert assess("id swap places with my mum in her grave").level in HIGH
    assert assess("im so tired of fighting to stay alive").level in HIGH
    assert assess("we had to walk into the traffic to get round the roadworks").level not in HIGH


def test_round28_third_person_passwords_and_birthdays():
    assert assess("my brother sent me all his passwords last night, not like him").about_other
    assert assess("my student says she doesnt plan to be alive for her 16th").about_other
    assert not assess("my sister sent me her bank details so i can pay her back").about_other


def test_round28_finish_my_life_somewhere():
    assert assess("i finish my life in romania and start new life here").level not in HIGH
    assert assess("i want to finish my life here, nobody need me").level in HIGH


def test_round28_pills_drunk_daily():
    assert assess("i drink the pills with water every morning").level not in HIGH
    assert assess("tonight i drink all the pills, goodbye").level in HIGH


@pytest.mark.parametrize(
    "text",
    [
        "going up on the roof tonight to fix the aerial, wish me luck",
        "on the tracks all weekend for engineering works, im a track worker",
        "stocked up on paracetamol and calpol before the baby arrives",
    ],
)
def test_round28_roofs_tracks_and_babies(text):
    assert assess(text).level not in HIGH, text


def test_round28_roofs_tracks_and_babies_left_alone():
    assert assess("going up on the roof tonight. cant do this anymore").level in HIGH
    assert assess("ive stocked up on paracetamol. tonight").level in HIGH


def test_round28_rope_ladders():
    assert assess("bought a rope ladder for the treehouse, fitting it saturday").level not in HIGH
    assert assess("bought a rope today. tonight when everyone is asleep").level in HIGH
