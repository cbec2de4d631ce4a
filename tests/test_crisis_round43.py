"""Round 43: plans and goodbyes in everyday words (English), French and German, read before any
change (fresh: urgent 0.717 en, 0.673 fr, 0.727 de), then general wordings fitted.

New here: logging off for good, a last thank-you, not coming down from the mountain, "will not
be here again", nobody left to walk or feed the pet, "I will finish everything"; French "adieu
les amis", "mon dernier com", "tout arrêter pour de bon", being alive grown unbearable, "tte"
spelled out; German relapse "mit dem schneiden", burning oneself "damit ich was fühl",
"hiermit verabschiede ich mich", all the pills taken. Twins: a cut while cooking, "bis nach den
prüfungen", a holiday with nobody to feed the cat, "adieu les vacances", "me pendre au cou de
ma mère", "rdv jeudi". Sentences written for this test.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "im logging off permanently after tonight, thanks for the laughs",
        "logging off for good tonight, cheers for everything",
        "heading up the hill at dawn and i wont be coming down",
        "after friday i will not be here again to bother anyone",
        "this is my last thank you to the people on here",
        "from monday there wont be anybody home to feed the cat",
        "after the wedding i will finish everything.",
        "honestly everyone would be better off with me not around",
        "adieu mes amis, merci pour tout",
        "voila mon dernier com sur ce blog",
        "j'ai envie de tout arrêter pour de bon",
        "rester vivant m'est devenu impossible",
        "j'ai avalé tte la boite de somnifères",
        "hab letzte woche wieder angefangen mit dem ritzen",
        "hab mir die haut aufgekratzt damit ich wenigstens was spür",
        "hiermit verabschiede ich mich von euch allen",
        "je suis tellement fatiguée de respirer",
        "si le bon dieu voulait venir me chercher, j'irais",
        "un coup de volant et c'est fini, j'y pense à chaque virage",
        "demain matin je vais sur les voies",
        "j'ai vérifié les doses, c'est assez",
        "die tabletten liegen griffbereit, heute nacht",
    ],
)
def test_the_writers_own_plain_warning_sign_reads_urgent(text):
    assert assess(text).level in URGENT, (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "hab mich beim zwiebel schneiden geschnitten, blutet wie sau",
        "hab mir beim grillen die hand verbrannt",
        "ihr hört nix mehr von mir bis nach den prüfungen",
        "bin offline bis zum semesterende, dann schreib ich wieder",
        "hiermit verabschiede ich mich in den urlaub!",
        "we're away for a fortnight so there won't be anyone here to feed the fish",
        "i will finish everything by the weekend, promise",
        "logging off twitter for good, it's a cesspit",
        "logging off for good from instagram, too much drama",
        "logging off for the night, see you all tomorrow",
        "adieu les vacances, demain c'est la reprise",
        "je vais me pendre au cou de mon frère quand il arrive",
        "pas de live ce soir, rdv jeudi !",
        "we wrote letters to our future selves and buried a time capsule",
        "off to the cottage for a month, no wifi there, bye for now and see you in may",
        "dans ce roman, le narrateur laisse une lettre d'adieu à sa femme",
        "das messer liegt bereit, der braten ist fertig",
        "er hat gesagt, er springt am samstag für mich ein",
    ],
)
def test_the_same_words_in_an_ordinary_comment_stay_below_crisis(text):
    assert assess(text).level not in URGENT, (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "my flatmate keeps talking about jumping off the multi storey",
        "my son has been talking about not being around much longer",
        "meine freundin hat geschrieben, dass sie springt, wenn er sie verlässt",
        "min brüeder wott nüm lebe sit d mamme gstorbe isch",
        "beim umziehen hab ich die schnitte an ihren armen gesehen",
    ],
)
def test_someone_elses_warning_sign_is_a_worry_about_them(text):
    result = assess(text)
    assert result.about_other and result.level not in URGENT, (text, result)


def test_self_harm_told_as_school_years_is_a_past_not_a_crisis():
    result = assess("je me suis scarifiée pendant tout le collège, c'est fini depuis longtemps")
    assert result.level not in URGENT and "past" in result.signals, result
