"""The compositional reading (support/detection/cues.py): word cues per language, read clause by
clause and combined over the comment. Every sentence here is written for this file."""

import pytest

from support.detection import ASSESSED_LANGUAGES, assess, load_lexicon
from support.detection.cues import CUE_CLASSES, CueBook, read


def level(text):
    return assess(text).level


# --- plans, means, times, places, goodbyes said plainly -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "been putting my sleeping tablets aside for weeks, theres plenty now",
        "I know which cliff. I drove past it twice this week.",
        "ive figured out how to do it and it wont hurt anyone else",
        "gonna walk into the sea tonight",
        "my meds are lined up on the windowsill",
    ],
)
def test_a_plan_or_means_said_plainly_is_imminent(text):
    assert level(text) == "imminent"


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for every kind word here. I won't be around after this.",
        "please look after my rabbit, she likes carrots. goodbye",
        "gave away my guitar and my books, wont need them where im headed",
        "this is my last comment on here. love you all",
    ],
)
def test_a_goodbye_is_imminent(text):
    assert level(text) == "imminent"


def test_a_goodbye_with_a_see_you_next_post_is_not_a_goodbye():
    assert level("Bye everyone, thanks for reading! See you next post.") != "imminent"


def test_a_decision_and_a_time_in_neighbouring_sentences_are_one_plan():
    assert level("It's all arranged now. Thursday night.") == "imminent"


def test_a_decision_and_a_time_in_one_sentence_are_an_errand():
    assert level("I've decided to repaint the kitchen on Thursday!") == "none"


def test_a_crisis_sentence_buried_mid_comment_is_found():
    text = (
        "Loved the photos of the harbour. The blue boat is my favourite. Honestly I want to "
        "end my life most days lately. Are you going back there in the spring?"
    )
    assert level(text) in ("crisis", "imminent")


def test_a_burden_said_indirectly_is_crisis():
    assert level("my family would be so much lighter without me around") == "crisis"


def test_a_negated_wish_to_live_is_a_wish_to_die():
    assert level("i really dont want to live anymore") in ("crisis", "imminent")


# --- person, tense, negation, voice ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my cousin keeps telling me she wants to disappear for good",
        "Worried sick about my flatmate, he gave me his watch and said goodbye",
        "my dad says we would all be better off without him",
    ],
)
def test_someone_else_at_risk_is_about_other_not_the_writers_crisis(text):
    result = assess(text)
    assert result.about_other and result.level not in ("crisis", "imminent")


def test_people_in_general_are_nobodys_risk():
    result = assess("Helpline volunteers listen to anyone who wants to die, every night.")
    assert result.level == "none" and not result.about_other


@pytest.mark.parametrize(
    "text",
    [
        "I'm not going to hurt myself, I'm just worn out",
        "the doctor asked whether I'd thought about killing myself and I said no",
        "je compte pas me faire du mal, je suis juste fatiguee",
    ],
)
def test_a_denied_or_only_asked_about_risk_is_not_crisis(text):
    assert level(text) not in ("crisis", "imminent")


def test_a_negation_inside_a_longer_cue_denies_nothing():
    assert level("i cant stop thinking about ending it") in ("crisis", "imminent")


def test_a_past_attempt_with_a_present_recovery_is_not_crisis():
    for text in (
        "hace ocho años intente matarme, ahora estoy bien",
        "vor acht jahren hab ich versucht mich umzubringen, heute gehts mir gut",
    ):
        assert level(text) not in ("crisis", "imminent"), text


@pytest.mark.parametrize(
    "text",
    [
        "I'm dying to see the sequel",
        "this homework is going to be the death of me",
        "the old bridge in the park is being repainted this weekend",
        "I saved up my pocket money and bought a new bike on Friday",
        "As a paramedic I ask people directly about pills and plans.",
    ],
)
def test_figures_of_speech_errands_and_professionals_are_not_crisis(text):
    assert level(text) not in ("crisis", "imminent")


# --- typing as people type ------------------------------------------------------------------


def test_a_missing_or_doubled_letter_in_a_long_word_is_tolerated():
    assert level("been stockpilling my tabletts since spring") == "imminent"


def test_a_changed_letter_is_tolerated_away_from_the_ending():
    assert level("ive desided. its tonight") == "imminent"


def test_a_changed_ending_is_another_word_not_a_typo():
    # "mataste" (you killed) is one letter from "matarse" (to kill oneself) at the ending.
    assert level("jajaja me mataste con ese chiste") == "none"


def test_french_elisions_without_apostrophes_are_read():
    assert level("jai plus envie detre en vie") in ("crisis", "imminent")


# --- other languages, written natively ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ya tengo las pastillas juntadas, esta noche lo hago",
        "cuiden a mi perro por favor, gracias por todo, adios",
        "jai mis de cote tous mes cachets, cest pour ce soir",
        "prenez soin de mon chat, merci pour tout, adieu",
        "ich hab genug tabletten gesammelt, heute nacht mach ich es",
        "kümmert euch bitte um meine katze, danke für alles, tschüss",
        "guardei os comprimidos faz semanas, hoje a noite eu faço",
        "cuidem do meu cachorro, obrigada por tudo, adeus",
    ],
)
def test_plans_and_goodbyes_in_the_other_languages_are_imminent(text):
    assert level(text) == "imminent"


@pytest.mark.parametrize(
    "text",
    [
        "mi hermana dice que se quiere morir",
        "mon frere dit quil veut mourir",
        "meine schwester sagt sie will sterben",
        "minha irma diz que quer morrer",
    ],
)
def test_third_person_in_the_other_languages_is_about_other(text):
    assert assess(text).about_other


def test_another_languages_cue_words_are_ordinary_words():
    # German "die" is an article; the English cues never read a German comment.
    assert level("Die Katze schläft auf dem Sofa und die Kinder spielen draußen.") == "none"


# --- the cue book ---------------------------------------------------------------------------


def test_cue_book_finds_words_stems_and_gaps():
    book = CueBook.build({"means": ["pills"], "gather": ["stockpil*", "hid .. away"]})
    tokens = "i hid all the pills away after stockpiling".split()
    found = {(name, " ".join(tokens[start:end])) for start, end, name in book.find(tokens)}
    assert found == {
        ("means", "pills"),
        ("gather", "hid all the pills away"),
        ("gather", "stockpiling"),
    }


def test_cue_book_finds_a_stem_shorter_than_its_three_letter_index():
    book = CueBook.build({"harm": ["tu* mir .. an"], "gather": ["x*"]})
    tokens = "ich tue mir was an und xylophon".split()
    found = {(name, " ".join(tokens[start:end])) for start, end, name in book.find(tokens)}
    assert found == {("harm", "tue mir was an"), ("gather", "xylophon")}


def test_cue_book_rejects_an_unknown_class():
    with pytest.raises(ValueError, match="unknown cue class"):
        CueBook.build({"feelings": ["sad"]})


def test_a_clauses_reading_names_the_cue_words_behind_it():
    reading = read(load_lexicon("en").cues, "i have been saving my pills")
    assert "plan" in reading.kinds and "pills" in reading.words


def test_a_phrase_the_lexicon_found_is_named_once():
    assert assess("I want to die").matches == ("i want to die",)


@pytest.mark.parametrize("code", ASSESSED_LANGUAGES)
def test_every_assessed_language_has_cues_of_known_classes(code):
    data = load_lexicon(code)
    assert data.cues is not None
    assert set(data.cues.self_words)
    assert set(CUE_CLASSES) >= {"self", "die", "means", "final", "neg"}


# --- what the hard negatives taught ---------------------------------------------------------


def test_thanks_and_love_alone_are_not_a_goodbye():
    assert level("Thanks all for the lovely anniversary wishes, love you guys!") == "none"
    assert level("obrigado a todos pelas mensagens, amo voces!") != "imminent"


def test_thanks_with_a_farewell_act_is_a_goodbye():
    assert level("thank you all. I've left everything to my sister.") == "imminent"


def test_a_clause_laughed_off_is_not_crisis_when_only_cues_read_it():
    assert level("one more group project and I'll walk into the sea lol") not in (
        "crisis",
        "imminent",
    )


def test_a_phrase_the_lexicon_knows_still_counts_when_laughed_off():
    assert level("i want to die lol") == "crisis"


def test_a_teacher_on_warning_signs_speaks_as_a_professional():
    text = "The trainer explained the signs: giving things away, saying goodbye, feeling a burden."
    assert level(text) not in ("crisis", "imminent")


def test_medicine_taken_back_or_taken_for_pain_is_not_a_plan():
    assert level("dropped all my expired tablets at the pharmacy for disposal") == "none"
    assert level("hab zwei ibuprofen gegen die zahnschmerzen genommen") == "none"


# --- issue 15, round 11: word families and rules that carried to dev_split_11 --------------


@pytest.mark.parametrize(
    "text",
    [
        "before anyone gets up ill walk to the railway line",  # "anyone" is the time's
        "theres a firearm in my drawer and ive decided",
        "its all sorted. the kids are at my mums. saturday.",
    ],
)
def test_round_11_plans_are_imminent(text):
    assert level(text) == "imminent"


@pytest.mark.parametrize(
    "text",
    [
        "my parents would honestly be better if i was never around",
        "sometimes i pray that i dont wake up",
        "i keep hoping i get hit by a bus on the way to work",
    ],
)
def test_round_11_wishes_and_burdens_are_crisis(text):
    assert level(text) == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "my nephew cuts himself, his mum found out yesterday",
        "my partner wrote letters to each of us and has switched his phone off, what do i do",
    ],
)
def test_round_11_someone_else_at_risk_is_about_other(text):
    result = assess(text)
    assert result.about_other and result.level not in ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "i wanted to say that your post about suicide and grief helped my aunt",
        "i have no intention of hurting myself, im just worn out",
        "my stepfather abused me. that was decades ago and im ok with my life",
        "if i dont wake up in time for the train ill be late",
        "my cat was hit by a car last week and im gutted",
    ],
)
def test_round_11_far_wishes_negated_plans_dated_abuse_and_errands_are_not_crisis(text):
    assert level(text) not in ("crisis", "imminent")


def test_abuse_dated_in_the_next_sentence_stays_current_when_it_is_recent():
    assert level("my stepfather abused me. it was last night") == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "i have a bottle of sleeping pills and a bottle of gin and the flat to myself tonight",
        "im going to walk into the river tonight, its right by my house",
    ],
)
def test_pills_with_time_alone_and_walking_into_water_are_plans(text):
    assert level(text) == "imminent"


@pytest.mark.parametrize(
    "text",
    [
        "wish i could go to sleep and never open my eyes",
        "the world would be better without someone like me",
    ],
)
def test_more_wishes_to_die_and_burdens_are_crisis(text):
    assert level(text) == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "got my paracetamol and the house to myself, gonna sleep off this flu",
        "everyone would be better if i brought cake to the meeting right",
        "im gonna end this post here because its getting long",
        "this heat is unbearable, i want to disappear into a freezer",
        "my goodbye card for my colleague is finally done, she retires friday",
        "we walked into the sea at sunset on holiday, freezing",
    ],
)
def test_everyday_endings_and_goodbyes_are_not_crisis(text):
    assert level(text) not in ("crisis", "imminent")


# --- someone else's words, reported without quotes ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my dad told me im going to end it all soon and then hung up",
        "my coworker said this is my last week, you wont have to deal with me soon",
        "my friend texted me im going to do it tonight, im sorry for everything",
    ],
)
def test_reported_first_person_words_are_the_other_persons(text):
    result = assess(text)
    assert result.about_other and result.level not in ("crisis", "imminent")


def test_the_writer_speaking_again_after_a_report_is_the_writer():
    assert level("my mum said im being dramatic but honestly i want to die") == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "my friend said im too quiet, i want to die",
        "my boss told me im slow; i wish i was dead",
    ],
)
def test_after_a_harmless_report_the_writers_own_clause_is_the_writers(text):
    result = assess(text)
    assert result.level == "crisis" and not result.about_other


def test_a_report_that_turns_to_he_leaves_the_threat_to_the_writer():
    assert level("my husband told me im worthless and he will kill me if i leave") == "crisis"


def test_a_report_told_in_the_third_person_shifts_nothing():
    assert level("He says he'll kill me if I tell anyone, and I believe him.") == "crisis"


def test_an_ordinary_report_is_nothing():
    result = assess("my therapist said i should journal more, and i have been, thanks for the tip")
    assert result.level == "none" and not result.about_other


def test_a_professional_worried_about_one_pupil_is_about_other():
    result = assess("as a teacher i had a pupil tell me today she wants to die, what do i do next")
    assert result.about_other and result.level not in ("crisis", "imminent")


def test_a_professional_on_people_in_general_is_about_nobody():
    result = assess("as a therapist i often hear clients say they want to die, its the work")
    assert result.level == "none" and not result.about_other


# --- a tool just got, and a day: an errand unless the day is told alone ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "finally bought a new kitchen knife. tonight im making my famous curry",
        "new knife set arrived. tonight, curry.",
        "i keep paracetamol in my bag. tonight is my first night shift",
        "picked up some rope at the hardware store. saturday were moving the sofa",
    ],
)
def test_a_tool_or_medicine_with_a_day_of_its_own_is_an_errand(text):
    assert level(text) not in ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "the rope is in the shed. tomorrow.",
        "found my uncles old rifle in the attic, it still works. this weekend.",
    ],
)
def test_a_means_followed_by_a_day_told_alone_is_imminent(text):
    assert level(text) == "imminent"


def test_a_tool_got_with_distress_nearby_is_still_imminent():
    assert level("bought a rope today. i cant do this anymore") == "imminent"


@pytest.mark.parametrize(
    "text",
    [
        "tonight im going to swallow everything in the medicine cabinet",
        "this is the last time ill write here, ive made my choice, thank you for trying",
        "goodbye everyone, i love you all, i'm sorry i couldnt be stronger",
        "ive written my final letters to my kids, theyre in my desk",
    ],
)
def test_more_plans_and_goodbyes_are_imminent(text):
    assert level(text) == "imminent"


@pytest.mark.parametrize(
    "text",
    [
        "bought a full pack of paracetamol for the cupboard, we were out",
        "this will be the last time ill post about my divorce, thank you all for the support",
        "my kids deserve better than me shouting all the time, need to work on my patience",
        "id swallow everything on the menu at that place, so good",
        "This novel's heroine writes a goodbye letter to her sister before the war",
    ],
)
def test_near_misses_of_those_are_not_crisis(text):
    assert level(text) not in ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "i wont be around this weekend, visiting my in laws",
        "i stood on the edge of the cliff for a photo, my mum nearly fainted",
        "i want to disappear under a blanket and watch films all day",
        "i keep a rope in the car for towing",
    ],
)
def test_visits_photos_blankets_and_towing_are_not_crisis(text):
    assert level(text) not in ("crisis", "imminent")


def test_a_goodbye_written_to_parents_is_no_visit_to_them():
    text = (
        "Loved the trail guide. I've sorted out who gets my things and written to my parents. "
        "Thanks for all the posts, they got me through a lot."
    )
    assert level(text) == "imminent"


@pytest.mark.parametrize(
    "text",
    [
        "sometimes i think my family would cope better if i just wasnt in the picture",
        "everyone would move on quickly if i vanished",
        "its getting harder to find reasons to stay",
        "i just want to go to sleep and never have to come back",
        "part of me wants to step off the platform when the train comes",
        "i keep thinking how easy it would be to crash the car on the motorway",
        "my family is better off without me dragging them down",
    ],
)
def test_indirect_wishes_and_burdens_are_found(text):
    assert level(text) in ("crisis", "imminent")  # a platform wished for is a place: imminent


@pytest.mark.parametrize(
    "text",
    [
        "the team coped better without me micromanaging, lesson learned",
        "my kids are happier without me hovering over their homework",
        "what happens to my cat if i died suddenly, who would even know, need to sort a will",
        "i have no reason to stay at this job, applying elsewhere",
        "we crashed into a parked car in the snow, nobody hurt",
        "how nice it would be to have a day off",
    ],
)
def test_better_without_me_doing_something_is_not_a_burden(text):
    assert level(text) not in ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "my friend tried to kill herself last week and shes home now, how do i act around her",
        "my daughter was hospitalised after taking an overdose on saturday",
        "my best friend survived an attempt a few weeks ago and wont talk to me about it",
    ],
)
def test_someone_elses_recent_attempt_is_a_worry_now(text):
    assert assess(text).about_other


def test_a_death_last_year_is_grief_not_a_worry_about_someone():
    assert not assess("my cousin took his own life last year, i still cant believe it").about_other


def test_an_overdose_of_sugar_is_still_a_figure_of_speech():
    assert level("i overdosed on sugar this weekend") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "ty all 4 being here 4 me. this is it 4 me. bye x",
        "sorry to everyone i let down. i wont be bothering anyone after tonight",
        "ive cleared out my flat and cancelled everything. i wont be needing the keys",
        "if anyone from my family finds this, i love you and im sorry",
        "gonna do it this wkend wen my parents r away",
    ],
)
def test_txt_speak_goodbyes_and_plans_are_imminent(text):
    assert level(text) == "imminent"


def test_txt_speak_wish_not_to_be_here_is_crisis():
    assert level("i dont wanna b here n e more") == "crisis"


def test_thanks_to_people_in_general_alone_is_no_goodbye():
    assert level("thanks to everyone who commented, people like you make this place great") == (
        "none"
    )


@pytest.mark.parametrize(
    "text",
    [
        "my partner grabs me by the throat when hes angry and it happened again last night",
        "my dad threatens us with a knife when hes been drinking",
    ],
)
def test_current_violence_against_the_writer_is_crisis(text):
    assert level(text) == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "my toddler pushes me away when im sad lol",
        "the dog drags me round the park every morning",
        "grabbed the bull by the horns and quit",
    ],
)
def test_everyday_pushing_and_dragging_is_no_abuse(text):
    assert level(text) not in ("crisis", "imminent")


@pytest.mark.parametrize(
    "text",
    [
        "my mums old morphine is still in the cupboard and nobody counts it",
        "i'm sorry mum. please tell dad it wasnt his fault. i couldnt do it anymore",
        "im going to make it look like an accident on the motorway so the kids get the insurance",
        "my last wish is that someone adopts my cat. i wont be around to feed her",
    ],
)
def test_hidden_means_last_messages_and_disguised_plans_are_imminent(text):
    assert level(text) == "imminent"


@pytest.mark.parametrize(
    "text",
    [
        "tell mum i said happy birthday if you see her before me",
        "my last wish for this year is a quiet christmas honestly",
        "planned it all for my mums 60th, she has no idea",
        "i have enough flour to do it properly this time, sourdough attempt 3",
        "ive decided on the film. the one at half past seven",
    ],
)
def test_messages_wishes_plans_and_times_of_everyday_life_are_not_crisis(text):
    result = assess(text)
    assert result.level not in ("crisis", "imminent") and not result.about_other


@pytest.mark.parametrize(
    "text",
    [
        "gonna end it with a bang, last race of the season tomorrow",
        "i need to end things with him, hes so controlling",
    ],
)
def test_ending_it_with_a_bang_or_a_person_is_not_dying(text):
    assert level(text) not in ("crisis", "imminent")


def test_ending_it_with_a_rope_is_still_a_plan():
    assert level("im going to end it with a rope tonight") == "imminent"


@pytest.mark.parametrize(
    "text",
    [
        "my mum keeps telling me im a burden and i believe her",
        "my sister told me i should just kill myself, she was joking but it hurt",
    ],
)
def test_words_said_of_the_writer_stay_the_writers(text):
    result = assess(text)
    assert result.level == "crisis" and not result.about_other


def test_a_doctor_raising_the_dose_is_no_plan():
    assert level("my doctor said my depression is severe and wants to up my meds") != "imminent"


# --- French: known words, ligatures, turns, decisions (issue 15, French round) ---------------


@pytest.mark.parametrize(
    "text",
    [
        "chui crevé après le boulot, vivement le week end",  # crevé is tired, not "crever"
        "je cours le matin, courir me vide la tête",  # courir is not mourir
        "j'ai trouvé une cachette pour les cadeaux de noël",  # not "acheté"
        "la toiture fuit encore, le couvreur vient jeudi",  # not "voiture"
    ],
)
def test_ordinary_french_words_are_not_read_as_slips_for_risk_words(text):
    assert level(text) == "none"


def test_the_oe_ligature_reads_as_oe():
    assert assess("ma sœur dit qu'elle veut mourir").about_other


def test_a_french_negation_stops_at_mais():
    text = "j'veux pas mourir mais j'veux plus vivre comme ça, je pense à me tuer tout le temps"
    assert level(text) in ("crisis", "imminent")
    assert level("je ne suis pas suicidaire, mais je suis épuisée") not in ("crisis", "imminent")


def test_a_decision_wants_the_death_it_decides():
    assert level("j'ai décidé de mourir dimanche") == "imminent"


def test_a_french_report_of_someone_elses_wish_is_theirs():
    reading = assess("ma pote dit tt le temps jpp jveux mourir, elle sourit plus du tout")
    assert reading.about_other and reading.level not in ("crisis", "imminent")


# --- German grammar and spelling (issue 15, German round) -----------------------------------


def test_a_gap_in_a_cue_never_skips_a_negation():
    # "weiss .. wie" and "denk* .. ans sterben" must not be found across "nicht"
    assert level("alles zu viel grad. ich weiss nicht wie ich das schaffen soll") not in (
        "crisis",
        "imminent",
    )
    assert level("keine panik, ich denk nicht ans sterben, bin nur fertig") not in (
        "crisis",
        "imminent",
    )


def test_typed_out_umlauts_compounds_and_a_long_middle_field_are_read():
    assert level("ich moechte nur noch sterben, bin so muede") in ("crisis", "imminent")
    assert level("kein bock mehr. morgen frueh geh ich auf die fussgaengerbruecke") == "imminent"
    assert level("es steht fest: ich haeng mich naechsten samstag in der garage auf") == "imminent"


def test_a_comma_before_a_german_infinitive_joins_its_negation():
    assert level("ich habe nicht vor, mir etwas anzutun. ich bin nur leer") not in (
        "crisis",
        "imminent",
    )
    assert level("ich denke seit wochen daran, mich umzubringen") in ("crisis", "imminent")


def test_a_letter_addressed_to_someone_is_the_writers_goodbye():
    assert level("lieber papa wenn du das liest bin ich schon weg, es war nicht deine schuld") == (
        "imminent"
    )


def test_a_reflexive_method_is_someone_elses_never_the_writers():
    assert level("im roman bringt sich der held am ende um, total unnoetig") not in (
        "crisis",
        "imminent",
    )
    assert assess("mein kumpel hat gesagt, er habe vor sich aufzuhaengen").about_other


# --- Portuguese figures and short comments (issue 15, Portuguese round) -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "desculpa por tudo o que eu disse ontem",  # an apology, not a farewell
        "vou me jogar no sofá e ver série",  # jumping needs a place to be a means
        "esse calor tá me matando",
    ],
)
def test_portuguese_everyday_words_are_not_a_crisis(text):
    assert level(text) == "none"


def test_a_short_portuguese_comment_is_read_with_portuguese_cues():
    reading = assess("qro sumir")
    assert reading.language == "pt" and reading.level == "crisis"
    assert level("vou me jogar da ponte hoje") == "imminent"


# --- French round 2: jumping needs a place, stopped self-harm is past --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "je saute dans le train de 7h pour le boulot",
        "faut se jeter à l'eau et postuler",
        "cette série va me tuer",
    ],
)
def test_french_jumps_and_figures_are_not_a_crisis(text):
    assert level(text) == "none"


def test_french_jumping_from_a_place_tonight_is_imminent_and_stopped_cutting_is_not():
    assert level("je saute du pont ce soir") == "imminent"
    assert level("ça fait un an que je me scarifie plus, je suis fière") not in (
        "crisis",
        "imminent",
    )
