"""Round 53: plain English from eleven very different lives, plain French (half standard, half
from Québec, Acadie, Belgium, Switzerland, Central Africa, Madagascar, Algeria and Haiti) and
plain German (half standard, half from Vienna to Cologne and St. Gallen). Read before any change
(urgent en 0.843, fr 0.933, de 0.733), then general rules fitted, each with its twin.

New here: "last comment ever", "I'm done fighting" beside the means, "by then I will have
jumped", an apology to "ma" and "pa" as a leave-taking, pills kept "for when I'm ready",
wishing the bomb had got me, a student's "ive decided" next to a place with no "i" of its own;
the Québec "12" and "personne va m'entendre", "tannée de vivre", "ce soir ce sera terminé", "je
ne serai plus là pour lire le prochain article"; Styrian, Viennese, Berlin and Kölsch words,
things put "uff n tisch", "besser dran als mit mir", "egal, wenn ich nicht mehr ankomme", asking
the Lord to fetch one, ampoules taken from the ward and "das steht für mich fest"; words
quoted after "told me" whose speaker was named clauses before are theirs. Ordinary
twins: a last comment on a thread, a trip home without internet, a move finished tonight, pills
stopped with the GP, past abuse of "us" long ago, a wedding all planned. Sentences written for
this test.
"""

import pytest

from support.detection import assess

URGENT = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "last comment ever. thanks for everything",
        "tomorrow at dawn im taking the rifle out to the river, im done fighting",
        "after the exams the results come at 6. by then i will have jumped. sorry ma",
        "ive been keeping my mums sleeping pills for when im ready, and im ready",
        "most nights i wish that roadside bomb had got me",
        "ive decided. the car park roof, friday when the office is empty.",
        "j'ai le 12 dans le char, ce soir personne va m'entendre au chalet. merci pour tout",
        "chu tannée de vivre",
        "je ne serai plus là pour lire le prochain article. merci pour tout",
        "ce soir ce sera terminé, j'ai rangé l'appart et écrit à ma mère",
        "hab olle meine sochn herschenkt. danke fürn blog",
        "morgen in da fruah geh i auf die reichsbruckn. sagts meina mama dass i sie lieb hob",
        "hab die tabletten und ne flasche wodka uff n tisch jestellt. morgen mach ichs",
        "isch ben et leid. wenn isch nit mieh do wör, dät et keinem opfalle",
        "meine kinder wären mit der versicherung besser dran als mit mir",
        "es wär mir egal, wenn ich nicht mehr ankomme",
        "i bin 84, jeden obnd bet i, dass mi da herrgott endlich hoit",
        "nach der schicht nehm ich die ampullen aus dem schrank, das steht für mich fest",
        "er is besoffen heimkommen und hat mama und mich geschlagen",
    ],
)
def test_plain_round_53_wording_reads_urgent(text):
    assert assess(text).level in URGENT, (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "this is my last comment ever on this thread, agree to disagree",
        "c'est mon dernier commentaire, je rentre à Dakar deux semaines sans internet. à plus !",
        "ce soir ce sera fini pour le déménagement, enfin",
        "hab meine tabletten heute zusammen mit meiner hausärztin abgesetzt",
        "mein vater hat uns als kinder geschlagen, das ist lange her",
        "meine schwester hat alles für die hochzeit geplant, das steht fest",
    ],
)
def test_plain_round_53_twins_stay_below_crisis(text):
    assert assess(text).level not in URGENT, (text, assess(text))


def test_words_quoted_after_a_subject_told_clauses_earlier_are_theirs():
    # "my neighbour is a vet, lives alone, told me ...": the speaker is named before the commas
    theirs = assess(
        "my neighbour is a vet, lives alone, told me last night "
        "'i wont be around much longer, take care of my dog.'"
    )
    assert theirs.level not in URGENT and theirs.about_other, theirs
    # a harmless report still ends where the writer speaks again
    mine = assess("my sister is a nurse, told me i should rest more, i want to die honestly")
    assert mine.level in URGENT and not mine.about_other, mine
