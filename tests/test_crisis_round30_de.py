"""Round 30, German: cue rules fitted on fresh German dev items (dev_split_30_de).

Each rule has a positive case and an ordinary twin (the same words in a harmless comment).
Sentences are written for this file, not copied from the dev splits.
"""

import pytest

from support.detection import assess
from support.detection.language import identify

URGENT = ("crisis", "imminent")


# "von <person>" after a goodbye word ("sender" cues): the letter is that person's.
@pytest.mark.parametrize(
    "text",
    [
        "der abschiedsbrief von meinem opa liegt noch in der schublade",
        "hab den abschiedsbrief von ihr nochmal gelesen und geheult",
        "beim umzug den abschiedsbrief von meiner freundin gefunden",
        "der abschiedsbrief vom opa ist schon ganz vergilbt",
    ],
)
def test_a_goodbye_letter_from_someone_else_is_not_the_writers(text):
    reading = assess(text)
    assert reading.level not in URGENT
    assert "goodbye" not in reading.signals


@pytest.mark.parametrize(
    "text",
    [
        "ich hab meinen abschiedsbrief geschrieben",
        "der abschiedsbrief von mir liegt auf dem schreibtisch",
        "mein abschiedsbrief ist fertig, liebe mama es tut mir leid",
        # a goodbye said to someone ("von meiner familie") is no letter from them
        "ich verabschiede mich von meiner familie, macht es gut",
    ],
)
def test_the_writers_own_goodbye_letter_stays_imminent(text):
    assert assess(text).level == "imminent"


def test_a_friends_goodbye_letter_found_is_a_worry_about_her():
    assert assess("hab grad einen abschiedsbrief von meiner besten freundin gefunden").about_other


# a laughing emoji is a laugh ("lol") for the cues
def test_a_threat_laughed_off_with_an_emoji_is_not_urgent():
    assert assess("noch eine matheklausur und ich spring aus dem fenster 😂").level not in URGENT
    assert assess("noch eine matheklausur und ich spring aus dem fenster 🤣").level not in URGENT


def test_the_same_threat_without_a_laugh_stays_urgent():
    assert assess("heute nacht spring ich aus dem fenster").level in URGENT


# everyday purpose: photographing, a traffic jam
def test_a_bridge_to_photograph_is_an_errand():
    assert assess("morgen geh ich zur brücke zum fotografieren").level not in URGENT
    assert assess("bin grad auf der brücke im stau, komm später").level not in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "morgen geh ich zur brücke und dann ist schluss",
        # "bin/steh .. auf der": standing on the place now, words between
        "stehe grad auf der brücke und will dass alles aufhört",
        "bin gerade auf der eisenbahnbrücke. will nur noch dass es aufhört",
    ],
)
def test_at_the_bridge_with_a_wish_is_urgent(text):
    assert assess(text).level == "imminent"


# someone else at an event dates the plan ("wenn alle auf der feier sind"); it is no purpose
def test_others_at_an_event_is_when_not_what_for():
    reading = assess("hab mich entschieden. am freitag wenn alle auf der feier sind mach ichs")
    assert reading.level == "imminent"


def test_going_to_a_wedding_after_a_decision_is_an_errand():
    assert assess("ich hab mich entschieden. am samstag gehen wir auf die hochzeit").level == "none"


# "weitermach(e)" without its ending: a negated wish to go on
def test_not_going_on_typed_short_is_a_wish_to_die():
    assert assess("ich kann und will so nicht mehr weitermache").level in URGENT


def test_not_going_on_with_a_band_is_quitting_a_hobby():
    assert assess("mit der band will ich nicht mehr weitermach, keine zeit").level not in URGENT
    assert assess("mit dem verein mag ich nicht mehr weitermachen").level not in URGENT


def test_not_going_on_with_life_stays_a_wish():
    assert assess("mit meinem leben will ich nicht mehr weitermachen").level in URGENT


# "ich bin bereit" is a decision: next to a farewell act it is imminent
def test_ready_after_rehoming_the_dog_is_imminent():
    assert assess("hab meinen hund zu meiner mutter gebracht. ich bin bereit.").level == "imminent"


def test_ready_for_an_exam_is_ordinary():
    assert assess("ich bin bereit für die prüfung morgen").level == "none"


# giving one's things away, "brauch .. eh nicht mehr"
def test_giving_everything_away_and_no_longer_needing_it_is_imminent():
    text = "ich geb jetzt alle meine sachen weg. ich brauch das zeug eh nicht mehr"
    assert assess(text).level == "imminent"


def test_giving_old_things_away_before_a_move_is_ordinary():
    assert assess("ich geb meine alten sachen weg, ziehe nächsten monat um").level == "none"
    assert assess("die alte jacke braucht eh keiner mehr").level == "none"


def test_someone_giving_things_away_as_no_longer_needed_is_a_worry():
    text = "mein bruder verschenkt seine sachen und sagt er braucht sie eh nimmer"
    assert assess(text).about_other


# "dass es aufhört" wanted: a wish to die; "aufhört zu regnen" is weather
def test_wanting_it_to_stop_is_a_wish():
    assert assess("ich will nur noch dass es aufhört").level in URGENT


def test_wanting_the_rain_to_stop_is_not():
    assert assess("ich will nur dass es aufhört zu regnen").level == "none"


# a day told as the writer's last ("dass dieser tag mein letzter sein wird")
def test_a_day_as_the_last_is_imminent():
    assert assess("hab beschlossen dass dieser tag mein letzter sein wird").level == "imminent"
    assert assess("ich weiss dass diese woche meine letzte ist").level == "imminent"


def test_a_last_tournament_weekend_is_ordinary():
    text = "dieses wochenende mein letztes turnier, dann hör ich auf"
    assert assess(text).level not in URGENT


# "stell .. mich .. auf die gleise": standing on the tracks
def test_standing_on_the_tracks_is_imminent():
    assert assess("heute nacht stell ich mich auf die gleise").level == "imminent"


def test_queueing_at_the_platform_is_ordinary():
    assert assess("der zug kommt gleich, ich stell mich schon mal ans gleis").level == "none"


# "wird .. von .. geschlagen": someone else beaten is a worry, the writer beaten is a crisis
def test_someone_beaten_by_her_partner_is_a_worry():
    reading = assess("meine schwester wird von ihrem freund geschlagen")
    assert reading.about_other
    assert reading.level not in URGENT


def test_the_writer_beaten_now_is_a_crisis():
    assert assess("ich werde von meinem stiefvater geschlagen").level in URGENT


def test_whipped_cream_and_past_beatings_are_not_a_crisis():
    assert assess("die sahne wird von hand steif geschlagen").level == "none"
    text = "ich wurde als kind von meinem vater geschlagen, heute hab ich keinen kontakt"
    assert assess(text).level not in URGENT


# "ich kann einfach nicht mehr" is distress: with a knife at hand and a night, imminent
def test_cant_go_on_next_to_a_knife_and_a_night_is_imminent():
    text = "das messer liegt parat. heute nacht. ich kann einfach nicht mehr"
    assert assess(text).level == "imminent"


def test_cant_eat_any_more_is_not_urgent():
    assert assess("ich kann einfach nicht mehr essen, so satt").level not in URGENT


# a short Bavarian comment guessed, unsure, as Irish or Italian
def test_short_bavarian_guessed_as_irish_or_italian_is_german():
    assert identify("mei lebn is a oanzige qual, i wui nimma")[0] == "de"


@pytest.mark.parametrize(
    "text",
    [
        "Tá mé an-tuirseach inniu, a chara",
        "Dw i wedi blino heddiw",
        "non ce la faccio più, sono stanca",
        "não aguento mais, to cansada",
        "ya no puedo más, estoy cansado",
    ],
)
def test_other_languages_keep_their_guess(text):
    assert identify(text)[0] != "de"


# a past attempt wanted again, told with what it was ("tabletten", "wieder aufgewacht")
def test_an_attempt_to_be_done_better_next_time_is_a_wish():
    text = "hab letzte woche tabletten geschluckt und wurde gefunden, nächstes mal nehm ich mehr"
    assert assess(text).level in URGENT


def test_more_fever_pills_next_time_is_not():
    text = "hab gestern tabletten gegen fieber genommen, nächstes mal nehm ich gleich zwei"
    assert assess(text).level not in URGENT


# "vom balkon springen": the infinitive after the place
def test_jumping_off_the_balcony_is_urgent():
    assert assess("ich werd heut nacht vom balkon springen").level in URGENT


def test_a_cat_that_jumped_off_the_balcony_is_not():
    assert assess("unsere katze ist vom balkon gesprungen, zum glück nix passiert").level == "none"


# "das leben so satt": tired of living
def test_tired_of_life_is_a_wish():
    assert assess("ich hab mein leben so satt").level in URGENT


def test_tired_of_city_life_is_not():
    assert assess("ich hab das leben in der stadt so satt, will aufs land").level not in URGENT


# "für immer nach <ort>": emigrating is a leave-taking
def test_leaving_for_good_to_another_country_is_ordinary():
    text = "hab meinen job gekündigt und geh für immer nach kanada, tschüss an alle"
    assert assess(text).level not in URGENT


def test_leaving_for_good_with_no_place_stays_imminent():
    assert assess("ich geh für immer, tschüss an alle").level == "imminent"


# "bring mich einer um": "somebody kill me" about a Monday
def test_somebody_kill_me_is_a_figure():
    assert assess("schon wieder montag, bringt mich einer um").level not in URGENT


def test_kill_myself_stays_urgent():
    assert assess("schon wieder montag und ich bring mich um").level in URGENT


# "bin .. ballast": the writer as dead weight; a rucksack is not
def test_being_dead_weight_is_a_burden():
    assert assess("bin eh nur ballast für alle").level in URGENT


def test_a_heavy_rucksack_is_not():
    assert assess("der rucksack ist nur ballast auf der wanderung").level == "none"


# "such mir .. brücke": looking for a place
def test_looking_for_a_high_bridge_is_imminent():
    assert assess("ich such mir grad ne hohe brücke").level == "imminent"


def test_looking_for_a_bridge_to_photograph_or_a_flat_is_not():
    assert assess("ich such mir ne brücke zum fotografieren").level == "none"
    assert assess("ich such mir grad ne neue wohnung").level == "none"


# "nicht mehr auf dieser welt sein": a negated wish to live
def test_not_wanting_to_be_in_this_world_is_a_wish():
    assert assess("Ich möchte einfach nicht mehr auf dieser Welt sein.").level in URGENT


def test_the_best_place_in_the_world_is_not():
    assert assess("das ist der schönste ort auf der welt, da will ich wieder hin").level == "none"


# a will and a pet given away: two farewells
def test_a_will_and_the_cat_given_away_is_imminent():
    text = "hab mein testament gemacht und meine katze der nachbarin gegeben"
    assert assess(text).level == "imminent"


def test_the_cat_given_to_a_neighbour_for_a_holiday_is_not():
    text = "ich hab meine katze meiner nachbarin gegeben weil ich in urlaub fahr"
    assert assess(text).level == "none"


# "jemandem mit suizidgedanken": someone described, not the writer
def test_helping_someone_with_suicidal_thoughts_is_not_the_writers():
    text = "wie helfe ich jemandem mit suizidgedanken? frage für mein praktikum"
    assert assess(text).level not in URGENT


def test_being_someone_with_suicidal_thoughts_is():
    assert assess("ich bin jemand mit suizidgedanken und keiner weiss es").level in URGENT


# a "live" word inside a denied death phrase is the act denied, not a wish not to live
def test_never_taking_ones_life_is_no_wish():
    text = "Ich würde mir niemals das Leben nehmen, dafür liebe ich meine Kinder zu sehr."
    assert assess(text).level not in URGENT


def test_not_wanting_to_live_stays_a_wish():
    assert assess("ich will echt nicht mehr leben").level in URGENT
    assert assess("würd mir nie das leben nehmen, aber ich will nicht mehr leben").level in URGENT


# a character in a film or series is people in general
def test_a_film_character_jumping_is_not_the_writer():
    assert assess("der typ im film springt am ende von der brücke").level == "none"


def test_the_writer_jumping_after_a_film_is():
    assert assess("der held stirbt am ende und ich will auch sterben").level in URGENT


# dialect and chat spellings: "lieba" (lieber), "ke" (kein)
@pytest.mark.parametrize("text", ["wär lieba tot, ehrlich", "hab ke bock mehr zu leben"])
def test_dialect_spellings_of_a_wish(text):
    assert assess(text).level in URGENT


@pytest.mark.parametrize("text", ["i hob ke ahnung vom fussball", "lieba a bier als an wein"])
def test_dialect_spellings_in_ordinary_talk(text):
    assert assess(text).level == "none"


# "alle wären froh wenn ich ..": a burden
def test_everyone_glad_if_the_writer_were_gone_is_a_burden():
    assert assess("alle wären doch froh wenn ich weg wär").level in URGENT


def test_parents_glad_when_the_writer_was_out_is_not():
    assert assess("meine eltern waren froh wenn ich mal aus dem haus war").level == "none"


# "über suizid nachdenken": the writer's thoughts; someone else's are a worry
def test_thinking_about_suicide_is_the_writers_wish():
    assert assess("ich denk in letzter zeit oft über suizid nach").level in URGENT


def test_someone_thinking_about_suicide_is_a_worry():
    reading = assess("mein kollege hat erzählt dass er über suizid nachdenkt")
    assert reading.about_other
    assert reading.level not in URGENT
    reading = assess("mein freund hat mir geschrieben dass er sich heute nacht was antut")
    assert reading.about_other


def test_a_class_thinking_about_suicide_as_a_topic_is_not():
    assert assess("wir denken im ethikunterricht über suizid nach").level == "none"
    assert assess("ich denke nicht über suizid nach, nur über meine prüfung").level not in URGENT


# "sucht nicht nach mir": a goodbye
def test_dont_look_for_me_tonight_is_imminent():
    assert assess("wenn ich morgen weg bin, sucht bitte nicht nach mir").level == "imminent"


def test_dont_look_for_me_on_holiday_or_in_a_quote_is_not_the_writers():
    assert assess("bin bis sonntag im urlaub, sucht nicht nach mir").level not in URGENT
    reading = assess('meine schwester hat geschrieben: "sucht nicht nach mir"')
    assert reading.about_other
    assert reading.level not in URGENT


# fitted on dev_split_31_de
# "ich .. verdient .. zu sterben": deserving to die, said of the writer
def test_deserving_to_die_is_the_writers_wish():
    assert assess("ich hab das gefühl dass ich es verdient hab zu sterben").level in URGENT


def test_a_film_murderer_deserving_to_die_is_not():
    assert assess("der mörder im film hat es verdient zu sterben").level == "none"


# "einschlafen und weg sein"
def test_falling_asleep_and_being_gone_is_a_wish():
    assert assess("ich will nur noch einschlafen und weg sein").level in URGENT


def test_falling_asleep_after_a_shift_is_not():
    assert assess("nach der schicht will ich nur noch einschlafen").level == "none"


# "mich ... vom dach werfe": the verb last in a German subordinate clause
def test_throwing_oneself_verb_last_is_imminent():
    assert assess("das zahl ich nicht mehr, weil ich mich morgen vor den zug werfe").level == (
        "imminent"
    )


def test_throwing_oneself_on_the_sofa_is_not():
    assert assess("ich werf mich gleich aufs sofa, bin platt").level == "none"


# "keinerlei" negates
def test_no_suicidal_thoughts_at_all_is_not_urgent():
    assert assess("ich hab keinerlei suizidgedanken, nur liebeskummer").level not in URGENT


# "schreib das .. als letztes" beside a blade in hand
def test_a_blade_in_hand_and_writing_a_last_thing_is_imminent():
    text = "hab die klinge in der hand und schreib das noch als letztes"
    assert assess(text).level == "imminent"


def test_a_shopping_list_written_last_is_not():
    assert assess("als letztes schreib ich noch die einkaufsliste").level == "none"


# cutting "an meinem arm": the writer's own arm
def test_cutting_at_ones_own_arm_is_self_harm():
    assert assess("hab gestern an meinen armen rumgeschnitten").level in URGENT


def test_a_doctor_cutting_at_an_arm_is_not():
    assert assess("der arzt hat am arm rumgeschnitten, ein muttermal entfernt").level == "none"


# Bavarian "aufghängt": a rope hung is a plan; fairy lights are not
def test_a_rope_hung_in_the_barn_is_imminent():
    assert assess("i hob an strick im stadl aufghängt").level == "imminent"


def test_fairy_lights_hung_in_the_barn_are_not():
    assert assess("i hob d lichterkettn im stadl aufghängt").level == "none"


# a character inside the death words ("springt die hauptperson vom dach") is not the writer
def test_a_character_jumping_inside_the_phrase_is_not_the_writer():
    text = "in der serie springt die hauptfigur vom dach, voll unrealistisch"
    assert assess(text).level == "none"


# "vom sterben schreibt": a warning sign in someone else
def test_a_pupil_writing_about_dying_worries_a_teacher():
    text = "als lehrerin mach ich mir sorgen um eine schülerin, die ständig vom sterben schreibt"
    assert assess(text).about_other


def test_an_author_writing_about_dying_is_not():
    assert assess("der autor schreibt in dem buch vom sterben im mittelalter").level == "none"


# German puts "nicht mehr" after the verb: "ich ritz mich .. nicht mehr" is stopping
def test_no_longer_cutting_is_not_urgent():
    assert assess("die narben sind alt, ich ritz mich seit zwei jahren nicht mehr").level not in (
        URGENT
    )
    assert assess("ich ritze mich nicht mehr").level not in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "ich ritz mich und will nicht mehr leben",
        "ich schneid mich wieder halt es nicht mehr aus",
        "ich ritz mich jeden tag weil ich es nicht mehr aushalte",
    ],
)
def test_cutting_beside_not_coping_stays_urgent(text):
    assert assess(text).level in URGENT


# "nicht mehr lange hier sein": the writer's own goodbye; moving is a leave-taking
def test_not_being_here_much_longer_is_a_goodbye():
    assert assess("Ich werde nicht mehr lange hier sein.").level == "imminent"


def test_not_being_here_long_before_a_move_or_awake_is_not():
    text = "ich werde nicht mehr lange hier sein, zieh im sommer nach köln"
    assert assess(text).level not in URGENT
    assert assess("ich werde nicht mehr lange wach sein, gute nacht").level == "none"
    assert assess("mein opa wird nicht mehr lange leben sagen die ärzte").level not in URGENT


# "niemand wird mich vermissen": a burden
def test_nobody_will_miss_me_is_a_burden():
    assert assess("niemand wird mich vermissen, also kann ich auch gehen").level in URGENT


# a gun got and "weiss .. wofür"; a knife for sushi is an errand
def test_a_gun_got_and_knowing_what_for_is_imminent():
    assert assess("hab mir ne pistole besorgt und weiss auch schon wofür").level == "imminent"


def test_a_knife_got_for_sushi_is_not():
    text = "hab mir ein neues messer besorgt und weiss auch schon wofür: sushi abend!"
    assert assess(text).level not in URGENT


# everyday purposes: a birth, pills against hay fever, handing in notice, drying laundry
@pytest.mark.parametrize(
    "text",
    [
        "heute nacht ist es soweit, das baby kommt bald",
        "die tabletten gegen heuschnupfen hab ich gesammelt in einer box",
        "ich hab mich entschieden: ich kündige. am montag sag ich es meinem chef",
        "hab das seil im keller aufgehängt, zum wäsche trocknen",
        "alle wären froh wenn ich endlich mal pünktlich wäre",
    ],
)
def test_german_errands_stay_below_crisis(text):
    assert assess(text).level not in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "heute nacht ist es soweit, ich hab genug tabletten",
        "die schlaftabletten hab ich gesammelt, heute nacht nehm ich alle",
        "hab das seil im keller aufgehängt, heute nacht mach ichs",
    ],
)
def test_the_same_words_with_a_plan_stay_imminent(text):
    assert assess(text).level == "imminent"


# grandparents, aunts and uncles are other people: their letters and wishes are theirs
def test_a_letter_left_by_grandpa_is_not_the_writers_goodbye():
    assert assess("mein opa hat mir einen brief hinterlassen, bevor er starb").level not in URGENT


def test_grandma_not_wanting_to_live_is_a_worry():
    assert assess("meine oma sagt sie will nicht mehr leben").about_other


@pytest.mark.parametrize(
    "text",
    [
        # a job interview on the 20th floor
        "fahr morgen zum hochhaus am bahnhof, vorstellungsgespräch im 12. stock",
        # "sterben vor scham" is a figure
        "ich will sterben vor scham, hab im meeting laut gepupst lol",
        # blister packs for an art project
        "ich sammle tabletten-blister für ein kunstprojekt in der schule",
        # a threat laughed off with its condition
        "ich schwör ich bring mich um wenn der lehrer wieder so ne ex schreibt lol",
        # a goodbye letter to the old job
        "abschiedsbrief an meinen alten job: danke und tschüss!",
        # not wanting to live in this city
        "ich möchte nicht mehr in dieser stadt leben, viel zu teuer",
    ],
)
def test_more_german_twins_stay_below_crisis(text):
    assert assess(text).level not in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "ich bring mich um wenn er mich verlässt",
        "ich will sterben vor scham und hab tabletten gesammelt",
        "hab meinen abschiedsbrief an meine familie geschrieben",
        "ich möchte nicht mehr leben",
    ],
)
def test_the_same_words_meant_stay_urgent(text):
    assert assess(text).level in URGENT


# "wach ich .. nicht mehr auf" (inverted), "sterben wäre eine erlösung"
def test_hoping_not_to_wake_up_inverted_is_a_wish():
    assert assess("hoffentlich wach ich morgen nicht mehr auf").level in URGENT


def test_not_waking_up_so_early_is_not():
    text = "wenn ich am wochenende ausschlafe wach ich nicht mehr so früh auf"
    assert assess(text).level == "none"


def test_death_as_a_release_is_a_wish():
    assert assess("ehrlich, sterben wäre eine erlösung").level in URGENT


def test_holidays_as_a_release_are_not():
    assert assess("die ferien sind eine erlösung nach dem stress").level == "none"


# a reported goodbye with words between "mir" and "geschrieben"; no answer since
def test_a_goodbye_texted_last_night_is_a_worry():
    text = (
        'mein freund hat mir heute nacht geschrieben: "danke für alles". seitdem antwortet er nicht'
    )
    assert assess(text).about_other


def test_a_friend_not_answering_on_holiday_is_not():
    assert not assess("mein kumpel antwortet nicht, ist wohl im urlaub").about_other
    assert assess("mein chef hat mir heute morgen gesagt ich soll pünktlich sein").level == "none"


# the gathering cues stay narrow: a visit told as past, a roof over one's head, a dental
# bridge, a last day at the office, a move to Vienna
@pytest.mark.parametrize(
    "text",
    [
        "bin gestern auf der brücke gewesen, schöner ausblick",
        "ich such mir ein dach über dem kopf, wohnungssuche ist die hölle",
        "ich such mir ne neue brücke für meine zahnprothese",
        "ich hoffe dass dieser tag mein letzter ist im büro",
        "hab meine sachen weggegeben und mich verabschiedet, ab nächsten monat wohne ich in wien",
    ],
)
def test_narrow_gathering_and_goodbye_cues_spare_ordinary_talk(text):
    assert assess(text).level not in URGENT


@pytest.mark.parametrize(
    "text",
    [
        # a count of pills by name, just taken
        "hab heut 20 paracetamol genommen, mir is schlecht",
        # "mach .. heute nacht schluss"
        "ey ich mach heut nacht schluss, kein scherz",
        # "ich beende es"
        "ich hab genug von allem. ich beende es.",
        # "hoffe ich sterbe bald"
        "ich hoffe ich sterbe bald",
        "ich hoffe dass ich bald sterbe",
        # "warum lebe ich überhaupt noch"
        "warum lebe ich überhaupt noch",
        # "keiner hält mich .. auf" and "passiert es" with a night
        "keiner hält mich mehr auf, heute nacht passiert es",
    ],
)
def test_plain_german_wishes_and_plans(text):
    assert assess(text).level in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "hab heute 2 paracetamol genommen gegen kopfweh",
        "ich mach heute früher schluss, bin müde",
        "ich hoffe ich sterbe nicht vor langeweile in der vorlesung",
        "heute nacht passiert es: die mondfinsternis!",
        "ich beende es jetzt mit dem rauchen",
        "wozu lebe ich noch in dieser teuren stadt, ich zieh aufs land",
    ],
)
def test_their_ordinary_twins(text):
    assert assess(text).level not in URGENT


# "nicht mehr lange leben will", buried in a question about a phone contract
def test_not_wanting_to_live_much_longer_buried_is_a_wish():
    text = (
        "Hat jemand Erfahrung mit dem neuen Tarif? Ich zahl gerade 40 Euro. Ist mir eigentlich "
        "egal, weil ich eh nicht mehr lange leben will. Der Vertrag läuft bis März."
    )
    assert assess(text).level in URGENT


def test_grandpa_not_wanting_to_live_much_longer_is_a_worry():
    assert assess("mein opa sagt er will nicht mehr lange leben").about_other


# the genitive "der abschiedsbrief meiner mutter" is the sender's letter too
@pytest.mark.parametrize(
    "text",
    [
        "ich hab heute den abschiedsbrief meiner mutter gelesen, sie ist vor einem jahr gestorben",
        "der abschiedsbrief meines vaters hat mir geholfen zu verstehen, warum er gegangen ist",
    ],
)
def test_a_genitive_goodbye_letter_is_the_senders(text):
    reading = assess(text)
    assert reading.level not in URGENT
    assert "goodbye" not in reading.signals


# a plain letter from grandma is nobody's risk; a letter to one's future self is a school task
def test_a_letter_from_grandma_is_ordinary():
    reading = assess("gestern einen brief von meiner oma bekommen, sie ist 90 und schreibt noch!")
    assert reading.level == "none"
    assert not reading.about_other


def test_a_letter_to_ones_future_self_is_ordinary():
    assert assess("ich schreibe gerade einen brief an mein zukünftiges ich").level == "none"


# denials in German word order
@pytest.mark.parametrize(
    "text",
    [
        "ich hab keine tabletten gesammelt, falls ihr das denkt",
        "ich ritze mich nie wieder",
        "selbstmord ist keine option für mich",
    ],
)
def test_german_denials_are_not_urgent(text):
    assert assess(text).level not in URGENT


@pytest.mark.parametrize(
    "text",
    [
        "ich hab tabletten gesammelt",
        "ich ritz mich wieder",
        "selbstmord ist die einzige option für mich",
    ],
)
def test_the_same_words_undenied_are_urgent(text):
    assert assess(text).level in URGENT


# "ich könnt mich erschießen" is annoyance at oneself
def test_i_could_shoot_myself_over_keys_is_a_figure():
    assert assess("ich könnt mich erschießen, hab den schlüssel vergessen").level == "none"


def test_i_will_shoot_myself_is_not():
    assert assess("ich werd mich erschießen").level in URGENT
