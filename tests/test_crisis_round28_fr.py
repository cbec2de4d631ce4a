"""French round 28: a past attempt wanted again, joining someone who died, participles typed
for infinitives, a client's confided thoughts, "won't come back down" as the last words; each
rule next to ordinary twins.

Written for these tests (not copied from the dev files).
"""

import pytest

from support.detection import assess

HIGH = ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        # a past attempt, and now the wish to do it again
        "jai deja tenté une fois au lycée et franchement jy repense tous les jours",
        "j'ai fait une tentative l'an passé et là je pense à recommencer",
        # wanting to join someone who died
        "depuis les obsèques de ma mamie je voudrais juste la rejoindre",
        "maman est décédée en juin et moi je veux la retrouver, plus rien d'autre",
        # the infinitive typed as a participle
        "g trop envie de me tué ce soir",
        "jvais me suicidé jsp plus quoi faire",
        # up high, ending on not coming back down
        "je suis monté sur le toit du parking et je redescendrai pas",
        # probing: "vivement que je crève", a count of pills taken, "ce soir j'en finis"
        "vivement que je crève, sérieux",
        "je viens de prendre une trentaine de comprimés de lexomil",
        "bon. ce soir j'en finis",
        # Quebec "me garrocher en bas", no other way out, wanting it all to stop
        "chu pu capable, m'en vais me garrocher en bas du viaduc",
        "franchement je vois aucune autre issue que la mort",
        "jveux juste que tout ça se termine pour de bon",
        # glad not to wake, the last Christmas, the last time you hear of me, farewells
        "si je me réveille pas demain matin, tant mieux",
        "ce sera surement mon dernier noël",
        "c'est la dernière fois que vous entendez parler de moi, merci",
        "je te lègue ma guitare, là où je vais j'en aurai pas l'usage",
        "voilà, je vous fais mes adieux",
        # not bothering them much longer, a rope made ready, not to be looked for
        "t'inquiète, je vais plus vous embêter longtemps",
        "la corde est préparée, elle est au garage",
        "surtout n'essayez pas de me retrouver",
        # a blade one fears turning on oneself; whether it's worth it; never born
        "jai le cutter dans ma trousse et j'ai peur de le retourner contre moi",
        "honnêtement je sais pas si la vie vaut encore la peine d'être vécue",
        "jaurais préféré jamais être né",
        # must disappear, waiting for the end, nothing left on earth, sorry for what comes
        "je suis un raté, il faut que je disparaisse.",
        "j'attends plus que la mort",
        "plus rien pour moi dans ce monde",
        "pardon pour ce que je vais faire, vraiment",
        "je suis fatiguée d'exister",
        # a pet given away beside being ready; a message to whoever reads it after
        "pour ceux qui me liront après, c'est pas votre faute",
        # letters for the family, one each; a failed attempt and "not this time"
        "j'ai fini les lettres pour mes proches, une pour chacun",
        "la dernière fois je me suis loupée, pas cette fois",
        # letting oneself starve, walking into the water, joining a grandmother who died
        "je vais juste me laisser mourir de faim dans ma chambre",
        "jai arreté de manger jusqua ce que je meure",
        "ce soir je vais dans la rivière jusqu'à ce que j'aie plus pied",
        "mon papi est mort au printemps et cette nuit je vais le rejoindre",
        "ma soeur, si tu lis ça, prends soin de maman",
        # where it will happen found; pills beside the writer
        "je dors plus, et j'ai trouvé où je vais le faire",
        "chu dans le char depuis une heure, les pilules à côté de moi",
        # "wknd", a participle for "crever", letting go of life
        "plus la force. ce wknd c fini",
        "jvoudrais crevé franchement",
        "je vais laisser tomber la vie, j'ai plus rien",
        "demain c'est fini la souffrance",
        "jamais je me suis sentie aussi vide, je veux mourir",
        # a time of night, a whole blister pack
        "jai plus la force. quand tout le monde dormira je le ferai",
        "ce soir je vais avaler toute la plaquette",
        # file 29 families: never born, glad to be run over, stones in the pockets by water,
        # "me foutre en bas", worn out with living, everything given away
        "ma famille serait mieux si j'étais jamais né",
        "si je me faisais renverser par un bus, ce serait un soulagement",
        "je marche vers la rivière avec des pierres dans mes poches",
        "de plus en plus envie de me foutre en bas du pont",
        "jsuis épuisée de vivre",
        "j'ai tout donné à mes cousins, plus besoin de rien",
        # euphemisms: the other side, a last bow, going out, pain stopped for good
        "bientôt j'irai voir ce qu'il y a de l'autre côté",
        "je crois que je vais tirer ma révérence pour de bon",
        "je vais m'éteindre tout doucement dans mon coin",
        "je veux que la souffrance s'arrête pour de bon",
        "franchement je me vois pas passer noël",
        "je cherche la hauteur qu'il faut pour pas se rater",
        "j'ai googlé combien de comprimés il faut",
        "je vais partir sans bruit, personne remarquera mon absence",
        # the flat left in order, the body found, writing from the roof, "c'est que c'est fait"
        "maison en ordre, clés sous le paillasson, je vous aime",
        "on retrouvera mon corps au bord du canal, pardon",
        "je vous écris depuis le toit de la résidence",
        "si vous avez plus de nouvelles ce soir, c'est que c'est fait",
        "tout le monde s'en portera mieux",
        "bientôt je vais plus être un poids pour personne",
        "j'ai juste envie de disparaître pour toujours",
        # older voices: papers put in order beside a wish, ending one's days, praying to be taken
        "je vois plus l'intérêt de continuer. j'ai mis mes papiers en ordre.",
        "j'ai décidé de mettre un terme à mes jours",
        "chaque nuit je prie le seigneur de me rappeler à lui",
        # Quebec "me câlisser en bas", a religious holiday as the day, done with life
        "m'en vais me câlisser en bas du viaduc",
        "je compte me tuer après le ramadan",
        "je veux pus rien savoir de la vie",
        # nothing holding me, a heart that stops, letting oneself fall, nobody at my funeral
        "y a plus rien qui me retient ici",
        "j'aimerais que mon coeur s'arrête cette nuit",
        "je vais me laisser tomber du toit de la fac",
        "de toute façon personne viendra à mon enterrement",
        # simpler if I died, no longer part of this world
        "des fois je me dis que ce serait mieux si je mourais",
        "si je crevais, ce serait plus simple pour tout le monde",
        "je veux plus faire partie de ce monde",
        "voilà, je vous dis à jamais",
        "je vais me pendre dans la cage d'escalier de l'immeuble",
        "je me suis encore ouverte les poignets",
        # a formal register: thinking seriously of it, putting an end to one's existence
        "je songe sérieusement au suicide depuis l'été",
        "ma vie n'a plus de sens, je vais y mettre fin",
    ],
)
def test_round28_fr_urgent(text):
    assert assess(text).level in HIGH, text


@pytest.mark.parametrize(
    "text",
    [
        # trying something again is not an attempt
        "j'ai déjà essayé la salsa il y a deux ans et jy repense sérieusement",
        "jai arreté la clope en 2022 et parfois j'ai envie de recommencer",
        # joining someone alive, or a pet that died beside a partner far away
        "mon hamster est mort hier, mon mari est à Lille et je veux le rejoindre",
        "mon copain a déménagé à Brest, je veux le rejoindre cet été",
        # a parent who "will kill me", a participle that is a figure
        "ma mère va me tué ce soir quand elle verra mon bulletin",
        # not coming back down from a hike or the kitchen
        "on est au refuge, je redescendrai pas avant dimanche",
        "je redescendrai pas à la cave ce soir, trop la flemme",
        # a washing line, flopping onto the sofa
        "jai acheté une corde à linge pour le balcon, enfin",
        "ce soir je vais me jeter sur mon lit et dormir 12h",
        # a teacher asking how to talk about it with pupils
        "comment aborder le sujet des idées noires avec des élèves de 4e ?",
        # a past ideation
        "je pensais au suicide tous les soirs au lycée, c'est fini",
        # the same words in ordinary errands and figures
        "vivement que je crève pas de chaud dans ce bureau",
        "vivement la mort de cette imprimante",
        "j'ai pris 2 comprimés de doliprane pour la migraine",
        "ce soir j'en finis avec mes cartons de déménagement",
        "je vais pitcher la balle au petit",
        "je veux juste que tout finisse bien pour vous deux",
        "y a pas d'autre solution que la mort du vieux frigo, on en rachète un",
        "si je me réveille pas à 6h, tant pis, je prendrai le bus",
        "ce sera mon dernier noël à Lyon, on part à Montréal en janvier",
        "je peux plus tenir le rythme au boulot, je demande un mi-temps",
        "c'est la dernière fois que vous entendez parler de moi sur ce forum, je passe sur discord",
        "je fais mes adieux à la scène après 30 ans de concerts",
        "j'ai préparé la corde pour l'escalade de samedi",
        "ça vaut la peine de continuer, accrochez-vous",
        "ça vaut pas la peine de continuer ce projet, on arrête",
        "j'aurais préféré ne jamais naître dans cette époque de fous mdr",
        "faut que je disparaisse du groupe de la classe, trop de messages",
        "il faut que je disparaisse quelques jours à la campagne",
        "j'attends juste la fin du match pour manger",
        "j'ai donné mon chat à garder pendant les vacances",
        "le héros se tue à la fin du tome 3, j'ai pleuré",
        "merci à toutes pour votre soutien, ma dernière chimio c'est demain",
        "j'ai écrit les cartes de voeux pour ma famille, une pour chacun",
        "je me suis raté au permis la dernière fois, pas cette fois",
        "je meurs de faim, vivement midi",
        "j'ai arrêté de manger du pain jusqu'à ce que je perde trois kilos",
        "mamie est décédée en mai, je veux rejoindre papi chez lui cet été",
        "j'ai donné mon chien à une famille d'accueil, il aura un jardin",
        "mon dernier message sur ce fil, je vous laisse débattre entre vous",
        "j'ai trouvé où faire mon stage de fin d'études",
        "mes cachets sont sur la table de nuit pour pas les oublier",
        "ce wknd c fini les partiels, enfin libre",
        "samedi c'est fini les vacances, retour au taf",
        "je suis crevé ce soir, je vais au lit",
        # a denial of acting put first ("jamais je ferai ça") covers the thoughts beside it
        "jamais je ferai ça à mes enfants, mais j'ai des pensées de mort parfois",
        "je me lève à 5h du mat pour le boulot, dur",
        "le chien a failli avaler la plaquette de chocolat",
        "ils seraient plus heureux si je venais plus souvent",
        "mon fils rentre de la plage avec des cailloux dans les poches",
        "je suis épuisée de vivre à 100 à l'heure, vivement les vacances",
        "on attend la noirceur pour les feux d'artifice",
        "j'ai tout donné pendant le match, plus rien dans les jambes",
        "je suis psy et je prépare un atelier pour parler du suicide avec des lycéens",
        "je me sens de plus en plus à l'aise au boulot",
        "on est allés voir ce qu'il y a de l'autre côté de la colline",
        "je tire ma révérence au club de foot après 20 saisons",
        "je veux que la douleur s'arrête, j'ai un mal de dos terrible",
        "je me vois pas passer l'hiver sans chauffage dans cet appart",
        "j'ai googlé combien de temps il faut pour cuire un rôti",
        "je change de coupe, personne le remarquera de toute façon",
        "je révise tous les soirs pour pas me rater au bac",
        "je vous écris depuis le toit de l'hôtel, la vue est magnifique",
        "appart en ordre, clés sous le paillasson pour l'état des lieux demain",
        "je vous écris depuis la gare, le train a du retard",
        # disappearing for a while or from a network is a break
        "j'ai envie de disparaître quelques jours, loin de tout",
        "je veux disparaître des réseaux sociaux pendant les fêtes",
        "j'ai mis mes papiers en ordre pour la déclaration d'impôts",
        "j'ai tout donné à mes élèves cette année, je suis vidée",
        "je prie dieu de me donner la force de continuer",
        "on part au bled après le ramadan, trop hâte",
        "je veux plus rien savoir de la vie de mon ex",
        "plus rien qui me retient à Paris, je déménage à Lyon",
        "j'ai cru que mon coeur s'arrêtait quand il a marqué",
        "je vais me laisser tomber sur le canapé",
        "je vais me foutre en bas du canapé tellement c'est drôle",
        "si je me faisais écraser par le boulot, ce serait pas plus mal de prendre un arrêt",
        "ce serait plus simple si je prenais le train",
        "si je disparaissais du groupe ce serait mieux pour l'ambiance",
        "ma dernière volonté c'est une pizza mdr",
        "demain je serai en paix, les exams seront finis",
        "je me suis loupée au contrôle la dernière fois, pas cette fois",
        "j'ai googlé combien de cachets de vitamine D on peut prendre",
        "je vais rejoindre les anges du choeur de la paroisse dimanche",
        "je me suis ouvert le bras en tombant de vélo, trois points de suture",
        "je suis dans la cage d'escalier, l'ascenseur est encore en panne",
        "ma vie pro est nulle, je vais y mettre un terme et changer de boulot",
        "je ne vois plus d'issue à ce problème de plomberie",
    ],
)
def test_round28_fr_ordinary_twins(text):
    assert assess(text).level not in HIGH, text


@pytest.mark.parametrize(
    "text",
    [
        "une patiente m'a confié qu'elle pensait au suicide, je suis kiné, je fais quoi",
        "mon client ma confié quil pensait au suicide depuis son divorce",
        # someone's words reported with a manner between the verb and the words
        "ma pote m'a dit hier soir jveux mourir",
        # the same families said of someone else
        "depuis que papy est mort, mamie dit qu'elle veut le rejoindre",
        "ma cousine a déjà tenté et elle dit qu'elle y repense tout le temps",
        "mon père dit que ce serait plus simple s'il mourait",
        "ma tante répète qu'elle veut plus faire partie de ce monde",
        "il songe souvent au suicide depuis son licenciement",
    ],
)
def test_round28_fr_confided_is_someone_else(text):
    a = assess(text)
    assert a.about_other, text
    assert a.level not in HIGH, text
