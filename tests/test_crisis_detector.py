"""The crisis detector: what it must catch, what it must leave alone, and its command."""

import io
import json

import pytest
from django.core.management import call_command

from comments.crisis import LEVELS, assess, lexicon, normalise

# (sentence, the lowest level it must reach). Written for Haven; lower case, missing
# apostrophes and small misspellings on purpose.
MUST_CATCH = [
    # imminent: plan, means, time, goodbye
    ("I have the pills saved and tonight is the night.", "imminent"),
    ("ive been saving up my tablets for weeks", "imminent"),
    ("I've decided how I'm going to do it.", "imminent"),
    ("im going to kill myself tonight when everyone is asleep", "imminent"),
    ("This is my goodbye. Thank you for the posts.", "imminent"),
    ("By the time anyone reads this I will be gone.", "imminent"),
    ("I wrote goodbye letters to my kids last night", "imminent"),
    ("i took a whole bottle of sleeping pills an hour ago", "imminent"),
    ("I'm standing on the bridge right now.", "imminent"),
    ("I have a plan to end it this weekend.", "imminent"),
    ("ive given away my things, i wont be around much longer", "imminent"),
    # crisis: active ideation
    ("I want to die.", "crisis"),
    ("i just want to die, everything is too much", "crisis"),
    ("I wanna kill myself", "crisis"),
    ("sometimes i think about killing myself", "crisis"),
    ("I keep thinking about ending my life.", "crisis"),
    ("I've been feeling suicidal again since she retired.", "crisis"),
    ("im so sucidal lately", "crisis"),
    ("I wish I was dead.", "crisis"),
    ("i want to end it all", "crisis"),
    ("The thought of taking my own life comes back every night.", "crisis"),
    ("I tried to kil myself last year and the feeling is back", "crisis"),
    ("my suicidal thoughts have gotten louder", "crisis"),
    ("I'm thinking of suicide more and more.", "crisis"),
    # crisis: passive ideation
    ("I don't want to be here anymore.", "crisis"),
    ("i dont want to wake up tomorrow", "crisis"),
    ("Everyone would be better off without me.", "crisis"),
    ("my family would honestly be better off without me", "crisis"),
    ("There's no point in living like this.", "crisis"),
    ("I wish I had never been born.", "crisis"),
    ("I'm tired of living.", "crisis"),
    ("Life isn't worth living without her.", "crisis"),
    ("i wish i could just disappear forever", "crisis"),
    ("I hope I don't wake up.", "crisis"),
    ("I can't go on like this.", "crisis"),
    ("I want it all to end.", "crisis"),
    # crisis: self-harm
    ("I started cutting myself again.", "crisis"),
    ("ive been self harming since the sessions ended", "crisis"),
    ("i hurt myself last night when the panic came", "crisis"),
    ("The urge to cut is so strong today.", "crisis"),
    ("I relapsed into self-harm this week.", "crisis"),
    # crisis: sexual abuse and abuse
    ("My uncle molested me when I was a child.", "crisis"),
    ("i was raped at nineteen and never told anyone", "crisis"),
    ("He touched me when I was little and nobody believed me.", "crisis"),
    ("I am a survivor of childhood sexual abuse.", "crisis"),
    ("I was sexually abused for years by someone my parents trusted.", "crisis"),
    ("My husband hits me when he drinks.", "crisis"),
    ("I'm not safe at home.", "crisis"),
    ("my therapist was emotionally abusive and I still can't trust anyone", "crisis"),
    ("I was in an abusive relationship for six years.", "crisis"),
    ("I'm scared of my boyfriend.", "crisis"),
    # distress
    ("Everything just hurts right now.", "distress"),
    ("This was my last try in therapy.", "distress"),
    ("i feel so alone since she left", "distress"),
    ("No one cares whether I show up or not.", "distress"),
    ("I feel completely hopeless.", "distress"),
    ("Nothing is ever going to get better.", "distress"),
    ("It's making me want to sleep all the time.", "distress"),
    ("i cant get out of bed most days", "distress"),
    ("I can't stop crying.", "distress"),
    ("I'm so depressed I can barely function.", "distress"),
    ("I feel empty and numb, like I'm falling apart.", "distress"),
    ("What's the point of anything?", "distress"),
    ("I have no one to talk to.", "distress"),
    ("I'm exhausted all the time and I can't cope anymore.", "distress"),
    ("The grief is unbearable some days.", "distress"),
    ("I feel like such a burden to everyone.", "distress"),
    ("my therapist retired and i feel abandoned", "distress"),
    # long paragraphs with the phrase inside
    (
        "I read your post three times. When my counsellor moved away I thought I was fine, "
        "but honestly i dont want to be here anymore and I don't know who to say that to.",
        "crisis",
    ),
    (
        "Thank you for this. It has been a hard year at work and at home, and everything "
        "hurts so much at the moment that I keep the curtains closed.",
        "distress",
    ),
]

MUST_NOT_CATCH = [
    "I'm dying to read the next part of this series!",
    "That joke killed me, I laughed for ages.",
    "This chocolate cake is to die for.",
    "She is killing it at her new job.",
    "lol I'm dead, that comment is hilarious",
    "I could die of embarrassment when I remember that meeting.",
    "I was dead tired after the hike, but happy.",
    "I was bored to death at the conference.",
    "As a therapist I ask clients about suicidal thoughts at every intake.",
    "Our team runs suicide prevention training for teachers.",
    "I wrote my dissertation on suicide risk assessment in primary care.",
    "Suicide awareness week starts on Monday at our school.",
    "My grandmother died last spring and I still miss her.",
    "My father killed himself when I was twelve, and I became a counsellor because of it.",
    "Her brother was abused as a child, and she writes about supporting him.",
    "This is my last try at baking sourdough before I give it to my sister.",
    "I'm waiting at terminal 3 for my flight.",
    "My phone died in the middle of the session.",
    "The plants on my balcony are dying in this heat.",
    "We need to kill time before the train comes.",
    "That deadline is killing me, haha.",
    "This post is the last one of the series before the holidays.",
    "I feel so grateful for this blog.",
    "Ending therapy felt sad but right, and I'm doing well now.",
    "I hurt myself at the gym lifting too much.",
    "I cut myself while chopping onions, nothing serious.",
    "I love how you write about endings.",
    "Goodbyes are hard, but your post made them easier to think about.",
    "I'm not suicidal, just curious how other people cope with endings.",
    "Dead serious, this is the best thing I've read this year.",
    "The film was about a man who wanted to end it all, and it was beautifully shot.",
    "I finished my last session today and I feel hopeful.",
    "My client said she felt hopeless; how do you respond to that?",
    "A killer opening line, by the way.",
    "I was worried to death about my exam, but it went fine.",
    "My cat died of old age in her sleep.",
    "Thank you, this made me smile 🙂",
    "The character says 'I want to die' in the second act, which felt too dramatic.",
    "Is it normal to miss your therapist after the last session?",
    "Over my dead body will I go back to that gym.",
    "I slept all afternoon because I was up late with a newborn, it's fine.",
    "People who feel suicidal deserve care, not judgement.",
]

QUOTED_SPEECH = {"The character says 'I want to die' in the second act, which felt too dramatic."}


def _rank(level):
    return LEVELS.index(level)


@pytest.mark.parametrize(("sentence", "minimum"), MUST_CATCH)
def test_must_catch_sentences_reach_their_level(sentence, minimum):
    result = assess(sentence)
    assert _rank(result.level) >= _rank(minimum), (sentence, result)
    assert result.matches, "a flag always says which phrase matched"


@pytest.mark.parametrize("sentence", [s for s in MUST_NOT_CATCH if s not in QUOTED_SPEECH])
def test_figures_of_speech_and_others_deaths_are_not_flagged(sentence):
    assert assess(sentence).level == "none", assess(sentence)


def test_recall_and_false_positive_rate_meet_the_targets():
    crisis_sentences = [s for s, level in MUST_CATCH if _rank(level) >= _rank("crisis")]
    crisis_caught = sum(_rank(assess(s).level) >= _rank("crisis") for s in crisis_sentences)
    any_caught = sum(assess(s).is_flagged for s, _ in MUST_CATCH)
    false_positives = sum(assess(s).is_flagged for s in MUST_NOT_CATCH)
    recall_crisis = crisis_caught / len(crisis_sentences)
    recall_any = any_caught / len(MUST_CATCH)
    fp_rate = false_positives / len(MUST_NOT_CATCH)
    print(
        f"\ncrisis detector: {len(MUST_CATCH)} must-catch, {len(MUST_NOT_CATCH)} must-not-catch; "
        f"crisis+ recall {recall_crisis:.3f}, any-flag recall {recall_any:.3f}, "
        f"false-positive rate {fp_rate:.3f}"
    )
    assert len(MUST_CATCH) >= 60 and len(MUST_NOT_CATCH) >= 40
    assert recall_crisis == 1.0
    assert fp_rate <= 0.1


def test_distress_sentences_do_not_come_out_imminent():
    for sentence, minimum in MUST_CATCH:
        if minimum == "distress":
            assert assess(sentence).level != "imminent", sentence


def test_normalisation_tolerates_case_curly_apostrophes_and_fullwidth_letters():
    assert normalise("I DON’T") == "i dont"
    assert assess("I DON’T WANT TO BE HERE ANYMORE").level == "crisis"
    assert assess("ｉ ｗａｎｔ ｔｏ ｄｉｅ").level == "crisis"


def test_empty_and_huge_texts_are_assessed_without_error():
    assert assess("").level == "none"
    assert assess(None).level == "none"
    long_text = ("A calm sentence about the weather. " * 300) + "everything just hurts"
    assert len(long_text) > 10_000
    assert assess(long_text).level == "distress"


def test_lexicon_loads_and_every_pattern_compiles():
    lex = lexicon()
    assert {name for name, _, _ in lex.categories} >= {
        "passive_ideation", "active_ideation", "self_harm", "plan_or_means", "goodbye",
        "sexual_abuse", "abuse", "hopelessness", "emotional_pain", "isolation", "exhaustion",
    }


def test_assess_crisis_command_writes_one_json_line_per_input_line():
    out = io.StringIO()
    lines = ["I want to die", "", "dying to read more", "everything just hurts"]
    call_command("assess_crisis", stdin=io.StringIO("\n".join(lines) + "\n"), stdout=out)
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["level"] for r in results] == ["crisis", "none", "none", "distress"]
    assert set(results[0]) == {"level", "categories", "matches"}
