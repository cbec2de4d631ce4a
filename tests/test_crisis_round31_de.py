"""Round 31, German: rules fitted on fresh German dev items (dev_split_32_de, dev_split_33_de).

Each rule has urgent cases and ordinary twins (the same words in a harmless comment). The
sentences are written for this file, not copied from the dev splits.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


# "schluss mit <something>" after the verb, in either word order ("am freitag mach ich schluss
# mit dem rauchen"): quitting a habit or a partner, not ending one's life.
@pytest.mark.parametrize(
    "text",
    [
        "ab montag mache ich schluss mit dem zucker, mal sehen wie lang ich durchhalte",
        "heut abend mach ich schluss mit meinem freund, das steht fest",
        "am samstag macht sie schluss mit ihm, hat sie mir erzählt",
        "nächste woche machen wir schluss mit dem alten vertrag",
    ],
)
def test_quitting_something_is_not_ending_it_all(text):
    assert assess(text).level not in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "am samstag mach ich schluss. mit allem.",
        "heute nacht mach ich schluss mit dem leben",
        "morgen mach ich schluss, das steht fest",
    ],
)
def test_ending_it_on_a_day_stays_imminent(text):
    assert assess(text).level == "imminent"


# A view is what a roof or a tower is for.
@pytest.mark.parametrize(
    "text",
    [
        "bin grad aufm hochhausdach, der ausblick ist der hammer",
        "wir sitzen oben auf dem dach vom parkhaus, von da sieht man den ganzen hafen",
    ],
)
def test_a_roof_for_the_view_is_an_outing(text):
    assert assess(text).level not in URGENT


def test_a_roof_with_a_jump_stays_imminent():
    assert assess("ich bin gerade auf dem dach und spring gleich").level == "imminent"


# Means made ready ("hergerichtet", Austrian "hergrichtet", "zurechtgemacht") are a plan, unless
# a dose or a trip says what they are for.
@pytest.mark.parametrize(
    "text",
    [
        "ich hab mir die schlaftabletten hergerichtet, es reicht jetzt",
        "hab die pillen schon zurechtgemacht für heute nacht",
        "i hob ma olle tablettn hergrichtet, es langt",
    ],
)
def test_means_made_ready_are_imminent(text):
    assert assess(text).level == "imminent"


@pytest.mark.parametrize(
    "text",
    [
        "hab mir für die reise die tabletten hergerichtet, eine pro tag",
        "die tabletten für oma hab ich in die wochendose hergerichtet",
        "hab die tabletten zurechtgemacht, morgens und abends je eine",
    ],
)
def test_pills_set_out_for_a_dose_or_a_trip_are_ordinary(text):
    assert assess(text).level not in URGENT


# Sitting or standing at the tracks or an edge ("an den gleisen", "am abgrund"), unless a
# purpose is told (photos, a train to somewhere).
@pytest.mark.parametrize(
    "text",
    [
        "sitz seit ner stunde an den gleisen hinterm dorf und trau mich noch nicht",
        "ich steh schon wieder an der klippe und schau runter",
    ],
)
def test_waiting_at_the_tracks_or_an_edge_is_imminent(text):
    assert assess(text).level == "imminent"


@pytest.mark.parametrize(
    "text",
    [
        "ich steh an den gleisen und mach fotos von den alten dampfloks",
        "stehe an den gleisen, der zug nach münchen hat schon wieder verspätung",
    ],
)
def test_at_the_tracks_for_photos_or_a_train_is_ordinary(text):
    assert assess(text).level not in URGENT


# "in drei stunden", "in 20 minuten" are times; "<a day> ist alles vorbei" is the end, dated.
@pytest.mark.parametrize(
    "text",
    [
        "in drei stunden ist es soweit, dann bin ich weg",
        "morgen abend ist alles vorbei, keine angst mehr",
        "übermorgen isch alles verbi, i chas nüm",
        "in einer halben stunde ist alles vorbei",
    ],
)
def test_a_dated_end_is_imminent(text):
    assert assess(text).level == "imminent"


@pytest.mark.parametrize(
    "text",
    [
        "in drei stunden ist es soweit, dann geht unser flieger nach mallorca",
        "in 20 minuten ist es soweit, die prüfung beginnt",
        "morgen ist alles vorbei, dann sind endlich ferien",
        "morgen ist die op vorbei und ich darf heim",
        "das ist alles vorbei, heute geht es mir besser",
        "in zwei stunden ist es soweit: unser erstes konzert!",
    ],
)
def test_a_dated_event_is_ordinary(text):
    assert assess(text).level not in URGENT


# Being touched by someone, told in the present ("fasst mich immer noch an"), is abuse now.
@pytest.mark.parametrize(
    "text",
    [
        "mein onkel fasst mich jedes mal an wenn wir allein sind",
        "der betreuer betatscht mich im heim und keiner glaubt mir",
        "der neue freund von mama fasst mich heimlich an",
    ],
)
def test_being_touched_now_is_a_crisis(text):
    assert assess(text).level in URGENT
    assert not assess(text).about_other


@pytest.mark.parametrize(
    "text",
    [
        "seit der therapie fasst mich keiner mehr an ohne zu fragen",
        "die katze fasst mich nur mit der pfote an",
        "mein opa fasst mich immer an der schulter an wenn er aufsteht",
    ],
)
def test_touch_denied_or_harmless_is_not_abuse(text):
    assert assess(text).level not in URGENT


# "es wär besser/einfacher, wenn ich (einfach) weg/tot/nicht mehr da wär": a burden, told in the
# conditional; the same words in the present or about an ex are not.
@pytest.mark.parametrize(
    "text",
    [
        "ehrlich, es wär leichter wenn ich einfach tot wär",
        "für meine eltern wärs besser wenn ich nicht mehr da wäre",
        "meine freunde wären ohne mich glücklicher, das weiss ich",
    ],
)
def test_a_conditional_burden_is_a_crisis(text):
    assert assess(text).level in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "es wär besser wenn ich weg bin bevor der chef kommt",
        "meine ex ist ohne mich glücklicher, das tut weh",
        "für die kinder wär es besser wenn ich mal ein wochenende weg wär zur kur",
    ],
)
def test_leaving_a_room_or_an_ex_is_not_a_burden(text):
    assert assess(text).level not in URGENT


# Fear of what one might do to oneself.
def test_fear_of_what_one_might_do_is_a_crisis():
    assert assess("hab voll angst davor was ich mir heut nacht antun könnte").level in URGENT
    assert assess("ich hab angst vor mir selbst, ich werd so schnell wütend").level not in URGENT
    assert assess("weiss nicht was ich tun könnte um ihr zu helfen").level not in URGENT


# A rope or noose ordered, all the pills at once, blades in front of one, an engine running in
# the garage; the same things with their ordinary purpose.
@pytest.mark.parametrize(
    "text",
    [
        "hab mir im internet nen strick bestellt, der kommt übermorgen",
        "hab eben alle schlaftabletten auf einmal genommen",
        "die rasierklingen liegen vor mir, ich halts nicht mehr aus",
        "ich sitz in der garage im auto und lass den motor laufen, ich hab genug",
    ],
)
def test_means_at_hand_are_imminent(text):
    assert assess(text).level == "imminent"


@pytest.mark.parametrize(
    "text",
    [
        "hab ein neues seil fürs klettern bestellt",
        "die rasierklinge liegt im badschrank, für die beine",
        "der motor läuft in der garage schon warm, gleich fahren wir in den urlaub",
        "morgen fahren wir in den urlaub, die tabletten für oma hab ich hergerichtet",
    ],
)
def test_the_same_things_for_their_purpose_are_ordinary(text):
    assert assess(text).level not in URGENT


# "ich kann nicht mehr und will auch nicht mehr", "mein leben hat keinen sinn mehr"
@pytest.mark.parametrize(
    "text",
    [
        "ich kann nicht mehr und ich will auch nicht mehr",
        "mein leben hat echt keinen sinn mehr",
    ],
)
def test_not_wanting_to_go_on_is_a_crisis(text):
    assert assess(text).level in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "danke, ich will auch nicht mehr, bin pappsatt",
        "diese diskussion hat keinen sinn mehr",
        "mein leben hat keinen sinn mehr für faule sonntage, seit das baby da ist lol",
    ],
)
def test_enough_of_cake_or_a_thread_is_ordinary(text):
    assert assess(text).level not in URGENT
