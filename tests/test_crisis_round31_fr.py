"""French round 31: general rules checked against ordinary twins that use the same words.

- someone else leaving ("que mes parents partent en vacances") dates a plan, it is not its
  purpose; an elided article ("corde d'escalade") still names the purpose;
- "la semaine prochaine je serai plus là" is the date of an absence, not a comeback;
- a farewell beside a retirement or a letter to the colleagues is a leave-taking;
- a conditional relief "sans moi" (not a bounded one: "sans moi pendant mes congés") is a burden;
- things given away in either gender ("tous ses bijoux"), not old things cleared out;
- a last message (not the last of the week) with thanks to those who answered;
- "j'ai plus peur" said bare is a resolve; "plus peur des chiens" is not;
- Quebec "tanné", not planning to come back, the weekend as "fin de semaine";
- words written on a thing someone gave are theirs ("un dessin avec écrit je veux mourir");
- a box named by its contents is no means; a charity drop-off is what things are put aside for.

Written for these tests (not copied from the dev files).
"""

import pytest

from support.detection import assess

HIGH = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        # waiting for the others to leave, the means at hand
        "la corde est au garage, j'attends juste que mes parents partent en weekend",
        "jai tout ce qu'il faut dans mon sac. jattends que ma coloc parte en vacances",
        # next week dates the absence
        "j'ai tout rangé chez moi, de toute façon la semaine prochaine je serai plus là",
        # a relief "sans moi"
        "mes enfants seraient plus heureux sans moi, j'en suis sûre",
        "franchement mon mari vivrait plus libre sans moi",
        "mes parents respireraient enfin sans moi dans leurs pattes, j'y pense tout le temps",
        # a last message with thanks
        "dernier message sur ce forum. merci à ceux qui m'ont soutenue, je vous aime",
        # no longer afraid, next to the means
        "j'ai les cachets devant moi et j'ai plus peur",
        "le couteau est sur la table. jai pu peur maintenant",
        # Quebec: fed up, not coming back
        "chu tanné de vivre, je m'en vais au bord du fleuve ce soir pis je compte pas revenir",
        "chu tanné en esti, cette fin de semaine je pars pis je vais pas revenir, "
        "j'ai pris ce qu'il faut",
    ],
)
def test_round31_fr_urgent(text):
    assert assess(text).level in HIGH


@pytest.mark.parametrize(
    "text",
    [
        # the same words, harmless
        "jai racheté une corde pour la balançoire, j'attends que les petits partent en vacances "
        "pour l'installer",
        "j'ai pris la corde d'escalade, j'attends que les autres partent en vacances "
        "pour aller grimper",
        "à la semaine prochaine pour le prochain épisode, merci à tous",
        "j'ai laissé un mot à toute l'équipe pour mon pot de départ. merci pour tout les amis",
        "le service serait plus tranquille sans moi pendant mes congés",
        "la soirée serait nulle sans moi, donc je viens",
        "j'ai donné tous mes vieux jouets à ma nièce, elle était ravie",
        "dernier post de la semaine, merci à ceux qui m'ont lu, on se retrouve lundi",
        "j'ai plus peur des chiens depuis que j'ai adopté le mien",
        "avant j'osais pas conduire, maintenant j'ai plus peur de la route",
        "on part au chalet ce soir, je compte pas revenir avant dimanche lol",
        "ce resto est nul, je compte pas revenir dans ce resto",
        "j'ai gardé toutes les boîtes à chaussures dans ma chambre",
        "j'ai mis de côté des conserves pour la banque alimentaire, ce soir on dépose tout",
        "chu tanné de l'hiver, vivement le printemps",
    ],
)
def test_round31_fr_ordinary_twins(text):
    assert assess(text).level not in HIGH


@pytest.mark.parametrize(
    "text",
    [
        "mon oncle a donné tous ses outils aux voisins et il répète qu'il partira bientôt",
        "ma fille a laissé un post it avec écrit je veux disparaître collé sur son miroir",
        "mon fils a un cahier où c'est écrit je veux mourir sur chaque page, je suis perdue",
    ],
)
def test_round31_fr_someone_else(text):
    assert assess(text).about_other


@pytest.mark.parametrize(
    "text",
    [
        # a whole strip to take; "je compte" intends; under the tram; a countdown
        "demain matin je prends toute la plaquette, j'en peux plus",
        "je compte sauter du 8e ce soir",
        "wesh jsuis a bout, jvais me foutre sous le tram ce soir",
        "plus que quelques heures et tout sera fini",
        # won't bother you, you'll be left in peace: said as the last words
        "vous inquiétez pas, bientôt je vous dérangerai plus",
        "bientôt vous serez tranquilles",
        # an arm cut open again, a last weekend after distress, a must, leaving this world
        "je me suis encore ouvert les bras hier soir",
        "jai plus la force, ce sera mon dernier weekend",
        "faut que jen finisse, jai la corde dans le placard",
        "je ne vois plus d'avenir, je veux partir loin de ce monde",
        "je suis en train de me vider de mon sang",
    ],
)
def test_round31_fr_urgent_families(text):
    assert assess(text).level in HIGH


@pytest.mark.parametrize(
    "text",
    [
        "je prends toute la plaquette de doliprane pour mon mal de tête ou pas ?",
        "je compte les jours avant les vacances",
        "je vais sauter du plongeoir de 10m cet été",
        "je prévois de sauter en parachute cet été",
        "plus que quelques heures et les vacances commencent",
        "bientôt je vous embêterai plus avec mes questions de débutant",
        "bientôt vous serez tranquilles, les travaux finissent vendredi",
        "je vais me coucher sous la couette avec un thé",
        "ce sera mon dernier weekend de libre avant la rentrée",
        "faut que jen finisse avec ce mémoire",
        "jai plus la force de faire le ménage ce soir",
        "j'ai l'impression de me vider de mon sang avec ces règles",
    ],
)
def test_round31_fr_family_twins(text):
    assert assess(text).level not in HIGH


@pytest.mark.parametrize(
    "text",
    [
        "franchement je serais mieux six pieds sous terre",
        "ce soir je pars pour de bon, tout est prêt",
        "je les verrai pas grandir, mes neveux, j'ai fait mon choix",
        "c'est mon tout dernier message, merci pour tout",
    ],
)
def test_round31_fr_file_b_families(text):
    assert assess(text).level in HIGH


@pytest.mark.parametrize(
    "text",
    [
        "mon arrière grand-père est six pieds sous terre depuis 1990",
        "ya dix ans je me suis coupée, maintenant ça va",
        "j'ai tout rangé avant de partir six mois au canada, merci pour tout",
    ],
)
def test_round31_fr_file_b_twins(text):
    assert assess(text).level not in HIGH


def test_round31_fr_burning_is_someone_elses():
    assert assess("mon frère se brûle les mains avec son briquet").about_other


@pytest.mark.parametrize(
    ("text", "high"),
    [
        ("ne cherchez pas pourquoi, j'étais juste trop fatigué. pardon à mes parents", True),
        ("pardon à ma mère pour le retard, le bus était en panne", False),
        ("cherche pas pourquoi le code plante, c'est la version de python", False),
    ],
)
def test_round31_fr_note_wording(text, high):
    assert (assess(text).level in HIGH) is high
