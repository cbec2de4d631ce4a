"""support.detection: how a whole comment is read (tense, person, negation, goodbyes spread over
sentences), in each assessed language, and what it says about languages it cannot assess.

The sentences here are written for these tests; the labelled development split is checked in
tests/test_crisis_thresholds.py.
"""

import dataclasses
import json

import pytest

from support.detection import (
    ASSESSED_LANGUAGES,
    LEVELS,
    WORRIED_REPORT_LEVEL,
    Assessment,
    assess,
    load_lexicon,
    max_level,
    normalise,
)
from support.detection.lexicon import KINDS, LEXICON_DIR, compile_patterns, missing_anchors
from support.detection.report import evaluate

HIGH = ("crisis", "imminent")


def level(text):
    return assess(text).level


# Tense, negation, person -------------------------------------------------------------------


def test_a_past_attempt_told_as_past_is_distress_not_crisis():
    result = assess("I tried to kill myself when I was nineteen. I'm thirty now and doing well.")
    assert result.level == "distress"
    assert "past" in result.signals


def test_a_past_attempt_with_the_thoughts_back_now_is_crisis():
    text = "I tried to kill myself two years ago and I'm having the same thoughts again now."
    assert level(text) == "crisis"


def test_past_abuse_is_distress_and_current_abuse_is_crisis():
    assert level("My father hit me when I was a kid and I still flinch at raised voices.") == (
        "distress"
    )
    assert level("My husband hit me again tonight and I'm scared to go home.") == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "I'm not suicidal, just exhausted.",
        "I would never kill myself, but I'm so tired of everything.",
        "I'd never act on it, but sometimes I get these dark thoughts.",
        "Don't worry, I'm not going to hurt myself. I just needed to vent.",
    ],
)
def test_a_negated_statement_is_not_crisis(text):
    assert level(text) not in HIGH


def test_worry_about_someone_else_is_about_other_not_the_writers_crisis():
    result = assess("I'm worried about my friend. She keeps saying she wants to die.")
    assert result.about_other
    assert result.level == "distress"
    assert "third_person" in result.signals


def test_a_writer_at_risk_who_also_mentions_someone_else_keeps_their_own_level():
    result = assess("My husband hit me again tonight and I'm scared to go home.")
    assert result.level == "crisis" and not result.about_other


@pytest.mark.parametrize(
    "text",
    [
        "My son told me he has been cutting himself. What do I do?",
        "My flatmate has been giving away all his stuff and says he won't need it.",
        "Mi hermano dice que tiene un plan para matarse.",
        "Ma sœur parle de se suicider depuis sa rupture.",
        "Meine Schwester redet davon, sich umzubringen.",
        "A minha irmã fala em se matar desde o término.",
    ],
)
def test_someone_else_at_risk_is_recognised_in_every_language(text):
    assert assess(text).about_other


def test_a_death_in_the_past_is_grief_not_worry_about_someone():
    result = assess("After my dad killed himself, I spent years trying to understand it.")
    assert result.level == "none" and not result.about_other


# The whole comment ---------------------------------------------------------------------------


def test_a_crisis_sentence_buried_in_a_long_comment_is_found():
    text = (
        "Lovely photos from your trip, the mountains look unreal. I've been stuck indoors for "
        "months now. Honestly I think about dying most days and it scares me how normal that "
        "feels. Anyway, where was the second photo taken? " + "The light is beautiful. " * 30
    )
    assert level(text) == "crisis"


def test_a_bare_decision_after_distress_in_other_sentences_is_imminent():
    text = "I can't keep doing this. Work is the same. I've decided."
    assert level(text) == "imminent"
    assert level("I've made my decision: we're adopting the older dog.") == "none"


def test_intent_next_to_a_time_is_imminent_and_intent_alone_is_crisis():
    assert level("I want to die.") == "crisis"
    assert level("I want to die. Tonight.") == "imminent"


@pytest.mark.parametrize(
    "text",
    [
        "This is my last message on this blog. Goodbye everyone.",
        "I've given my guitar to my cousin and my books to the library. I won't need any of it.",
        "Soon I won't be a problem for anyone. Thanks for the nice posts over the years.",
        "I keep planning how I would do it, where and when, and the when is Friday.",
    ],
)
def test_goodbyes_and_plans_stated_plainly_are_imminent(text):
    assert level(text) == "imminent"


@pytest.mark.parametrize(
    "text",
    [
        "Bye everyone, heading off on holiday, back in two weeks.",
        "Thanks everyone for the lovely comments on my post!",
        "Goodbye for now, see you at the next meetup!",
        "I bought a rope for the tyre swing in the garden.",
        "I have a plan for the garden this spring: beans, tomatoes and herbs.",
    ],
)
def test_ordinary_goodbyes_and_plans_are_not_flagged(text):
    assert level(text) == "none"


# How readers write ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "minimum"),
    [
        ("i wanna kms so bad rn", "crisis"),
        ("thinking about unaliving myself again lately", "crisis"),
        ("the sewerslide thoughts are really loud today", "crisis"),
        ("im thinkin about killing myslef", "crisis"),
        ("i wnat to end my lfe", "crisis"),
        ("I'M SOOOO DONE, I WANT TO DIE", "crisis"),
        ("got the pillz n the vodka, gonna end it rn", "imminent"),
        ("ｉ ｗａｎｔ ｔｏ ｄｉｅ", "crisis"),
    ],
)
def test_txt_speak_euphemisms_typos_and_styled_letters_are_read(text, minimum):
    assert LEVELS.index(level(text)) >= LEVELS.index(minimum)


@pytest.mark.parametrize(
    "text",
    [
        "I'm dying to read the next part!",
        "That joke killed me.",
        "lol i'm dead, this is the funniest thing I've read all week",
        "I'd rather die than wear that jumper again, haha.",
        "My knees are killing me after the hike.",
        "Me muero de risa con este post jajaja.",
        "Mort de rire, merci pour ce billet.",
        "Ich lach mich tot über diesen Beitrag!",
        "Morri de rir com esse post kkkkk",
    ],
)
def test_figures_of_speech_are_not_flagged(text):
    assert level(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "As a therapist I ask every client about suicidal thoughts at intake.",
        "Our school runs suicide prevention training for all staff.",
        'In the film, the main character says "I want to die" and then the scene cuts.',
        "My uncle took his own life in 1998. Our family never really talked about it.",
    ],
)
def test_professionals_quotes_and_past_deaths_are_not_flagged(text):
    result = assess(text)
    assert result.level == "none" and not result.about_other


# Languages -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Quiero morirme, no puedo más.", "es", "crisis"),
        ("Ya lo tengo decidido, esta noche me quito la vida.", "es", "imminent"),
        ("Me muero de ganas de leer la segunda parte.", "es", "none"),
        ("Je ne veux plus vivre, je pense au suicide tous les jours.", "fr", "crisis"),
        ("Merci à tous pour votre gentillesse. C'est mon dernier message ici.", "fr", "imminent"),
        ("Je suis mort de fatigue après ce voyage.", "fr", "none"),
        ("Ich will nicht mehr leben.", "de", "crisis"),
        ("Ich habe meinen Abschiedsbrief geschrieben.", "de", "imminent"),
        ("Ich bin todmüde nach der Reise.", "de", "none"),
        ("Não quero mais viver.", "pt", "crisis"),
        (
            "Faz semanas que estou juntando remédios e agora já tenho o suficiente.",
            "pt",
            "imminent",
        ),
        ("Estou morta de cansaço depois da viagem.", "pt", "none"),
    ],
)
def test_each_assessed_language_has_its_own_lexicon(text, language, expected):
    result = assess(text)
    assert (result.language, result.level, result.assessed) == (language, expected, True)


def test_a_language_we_cannot_assess_says_so():
    result = assess("Grazie mille per la ricetta, l'ho provata domenica ed era buonissima!")
    assert result.language == "it"
    assert not result.assessed and result.level == "none"


def test_strong_words_in_an_assessed_language_count_whatever_the_guess():
    result = assess("me quiero matar")  # short: the language guess is unsure
    assert result.level == "crisis" and result.assessed


# The Assessment and its helpers --------------------------------------------------------------


def test_assessment_is_frozen_and_keeps_the_old_fields_callers_use():
    result = assess("i feel so alone. i want to die. i have the pills ready.")
    assert result.level == "imminent" and result.rank == 3 and result.is_flagged
    assert "plan_or_means" in result.categories or "means_now" in result.categories
    assert result.matches and len(result.matches) <= 10
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.level = "none"
    assert set(result.to_dict()) == {
        "level",
        "categories",
        "matches",
        "signals",
        "about_other",
        "language",
        "assessed",
    }
    assert json.dumps(result.to_dict())


def test_levels_helpers():
    assert LEVELS == ("none", "distress", "crisis", "imminent")
    assert WORRIED_REPORT_LEVEL == "crisis"
    assert max_level() == "none"
    assert max_level("distress", None, "imminent", "crisis") == "imminent"
    assert Assessment("none").to_dict()["categories"] == []
    with pytest.raises(ValueError):
        max_level("severe")


def test_normalisation_folds_case_accents_apostrophes_and_stretched_letters():
    assert normalise("I DON’T") == "i dont"
    assert normalise("Ya no aguanto MÁS") == "ya no aguanto mas"
    assert normalise("soooo tired") == "so tired"
    assert normalise("Größe") == "grosse"


def test_empty_odd_and_hostile_strings_never_raise():
    assert assess("").level == "none"
    assert assess("   \n\t ").level == "none"
    assert assess("\x00\ud800\U0010ffff" * 50).level == "none"
    assert assess(None).level == "none"
    assert assess("a" * 200_000).level == "none"


def test_a_long_run_on_comment_is_still_examined_around_its_anchor():
    text = "and then we walked " * 500 + "i want to die " + "and so on " * 400
    assert level(text) == "crisis"
    assert level(text.replace("die", "dance")) == "none"


# The lexicon files ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", ASSESSED_LANGUAGES)
def test_lexicon_file_is_well_formed_and_every_pattern_compiles(language):
    data = json.loads((LEXICON_DIR / f"{language}.json").read_text(encoding="utf-8"))
    assert data["language"] == language and data["reviewed"]
    macros = data.get("macros", {})
    compile_patterns(data.get("exceptions", []), macros)
    kinds = set()
    for name, spec in data["categories"].items():
        assert spec["kind"] in KINDS, name
        kinds.add(spec["kind"])
        for pattern in spec["patterns"]:
            assert compile_patterns([pattern], macros).groups == 0, pattern
    assert {"plan", "goodbye", "intent", "burden", "abuse", "distress", "other"} <= kinds
    assert load_lexicon(language).language == language


@pytest.mark.parametrize("language", ASSESSED_LANGUAGES)
def test_every_pattern_holds_one_of_its_category_anchors(language):
    # Only sentences holding an anchor are examined: a pattern without one would never match.
    data = json.loads((LEXICON_DIR / f"{language}.json").read_text(encoding="utf-8"))
    missing = {
        name: missing_anchors(spec, data.get("macros", {}))
        for name, spec in data["categories"].items()
    }
    assert not {name: extra for name, extra in missing.items() if extra}


def test_report_figures_count_each_outcome():
    items = [
        {"id": "a", "text": "I want to die.", "label": "crisis", "lang": "en", "tags": []},
        {"id": "b", "text": "That joke killed me.", "label": "none", "lang": "en", "tags": []},
        {"id": "c", "text": "Quiero morirme.", "label": "crisis", "lang": "es", "tags": []},
        {
            "id": "d",
            "text": "My friend keeps saying she wants to die.",
            "label": "third_person",
            "lang": "en",
            "tags": [],
        },
        {"id": "e", "text": "I feel so alone.", "label": "concern", "lang": "en", "tags": []},
    ]
    figures = evaluate(items)
    assert figures["urgent_recall"] == 1.0 and figures["urgent_recall_es"] == 1.0
    assert figures["none_at_crisis"] == 0.0 and figures["concern_escalated"] == 0.0
    assert figures["third_person"] == 1.0 and figures["urgent_recall_fr"] is None
    assert figures["misses"] == []
