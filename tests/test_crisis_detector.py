"""The crisis detector: what it must catch, what it must leave alone, how fast, and its command.

The sentences are written for Haven (grief, abuse and depression posts) with the mistakes people
make when typing in distress: lower case, missing apostrophes, misspellings, run-on paragraphs.
"""

import io
import json
import re
import time
from pathlib import Path
from re import _parser as sre_parse

import pytest
from django.core.management import call_command

from support.crisis import (
    LEVELS,
    WORRIED_REPORT_LEVEL,
    Assessment,
    assess,
    expand_macros,
    load_lexicon,
    max_level,
    normalise,
)

LEXICON_FILE = Path(__file__).resolve().parents[1] / "support" / "crisis_lexicon.json"
NAUGHTY_STRINGS = Path(__file__).resolve().parents[2] / "shared/testdata/naughty/blns.txt"

# (sentence, the lowest level it must reach)
MUST_CATCH = [
    # imminent: plan, means at hand, time, place, method, goodbye
    ("I've got the pills counted out on my desk and I'm not scared anymore.", "imminent"),
    ("the rope is already tied in the garage", "imminent"),
    ("Tonight is the night, I'm sorry mum.", "imminent"),
    ("ive decided im going to end my life on sunday", "imminent"),
    ("I'm on the roof right now and I'm going to jump.", "imminent"),
    ("i have been stockpiling my sleeping pills since march", "imminent"),
    ("When you read this I'll already be gone.", "imminent"),
    ("i wrote a suicide note for my sister last night", "imminent"),
    ("This is my final goodbye to everyone here.", "imminent"),
    ("I keep looking up how many tablets it takes to not wake up", "imminent"),
    ("I took every pill in the cabinet about twenty minutes ago", "imminent"),
    ("im going to drive my car into a wall tonight", "imminent"),
    ("I gave away all my belongings this week, I won't need them.", "imminent"),
    ("please take care of my cat when im gone", "imminent"),
    ("i have a gun in my lap and it is loaded", "imminent"),
    ("i have my pills saved up", "imminent"),
    ("This was my last try. Goodbye.", "imminent"),
    ("I already wrote my goodbyes.", "imminent"),
    ("i might overdose tonight", "imminent"),
    # crisis: active ideation
    ("I want to kill myself.", "crisis"),
    ("i wanna end it all", "crisis"),
    ("Some nights I think about ending my life.", "crisis"),
    ("ive been having thoughts of suicide again", "crisis"),
    ("im feeling really suicidal tonight", "crisis"),
    ("I tried to take my own life two years ago and the same feeling is back.", "crisis"),
    ("honestly i might just kill my self", "crisis"),
    ("i keep thinking of how to unalive myself", "crisis"),
    ("I'm so close to ending it.", "crisis"),
    ("suicide feels like the only way out now", "crisis"),
    ("im thinkin about killin myself", "crisis"),
    ("i wnat to kil myself", "crisis"),
    # crisis: passive ideation
    ("i dont want to exist anymore", "crisis"),
    ("I wish I could go to sleep and never wake up.", "crisis"),
    ("Everyone would be happier if I wasn't around.", "crisis"),
    ("what is even the point of living", "crisis"),
    ("sometimes i wish i was never born", "crisis"),
    ("I'd be better off dead.", "crisis"),
    ("Nobody would even notice if I disappeared.", "crisis"),
    ("i cant keep living like this", "crisis"),
    ("I'm so tired of being alive.", "crisis"),
    ("I hope I don't wake up tomorrow.", "crisis"),
    ("i just want everything to stop", "crisis"),
    ("i wanna dissapear forever", "crisis"),
    ("I DONT WANT TO BE HERE ANYMORE", "crisis"),
    # crisis: self-harm
    ("I cut myself again last night.", "crisis"),
    ("i've been burning my arms with a lighter", "crisis"),
    ("the urge to self harm is back", "crisis"),
    ("I have fresh cuts on my thighs that nobody knows about.", "crisis"),
    ("i hit myself until it hurts", "crisis"),
    ("Been scratching my skin until it bleeds", "crisis"),
    ("i've started self-harming again", "crisis"),
    # crisis: sexual abuse
    ("My stepdad raped me when I was fourteen.", "crisis"),
    ("i was sexually assaulted at a party last year", "crisis"),
    ("A family friend groped me and I never told my parents.", "crisis"),
    ("i was molested as a kid and it still messes with me", "crisis"),
    ("He forced me to have sex with him.", "crisis"),
    ("I didn't consent and he didn't stop.", "crisis"),
    ("my mom's boyfriend touched me when i was 9", "crisis"),
    # crisis: abuse
    ("my husband beats me when hes drunk", "crisis"),
    ("My dad used to lock me in the basement.", "crisis"),
    ("im terrified of what he will do to me if i leave", "crisis"),
    ("She threatened to kill me if I told anyone.", "crisis"),
    ("my ex choked me during an argument", "crisis"),
    ("I grew up in a violent home.", "crisis"),
    # distress: hopelessness
    ("Nothing will ever get better for me.", "distress"),
    ("i have lost all hope", "distress"),
    ("There's no way out of this.", "distress"),
    ("I'm such a burden to my family.", "distress"),
    ("what's the point of even trying", "distress"),
    # distress: emotional pain
    ("everything hurts so much right now", "distress"),
    ("I cry myself to sleep most nights.", "distress"),
    ("i feel so empty inside", "distress"),
    ("I'm in a really dark place at the moment.", "distress"),
    ("i hate myself so much", "distress"),
    ("The grief is unbearable.", "distress"),
    # distress: isolation
    ("i have nobody to talk to", "distress"),
    ("I feel completely alone in this world.", "distress"),
    ("No one really cares about me.", "distress"),
    ("all my friends have abandoned me", "distress"),
    # distress: exhaustion
    ("I can't do this anymore.", "distress"),
    ("im so exhausted all the time", "distress"),
    ("I haven't left my bed in days.", "distress"),
    ("i'm barely holding on", "distress"),
    ("Every day is a struggle.", "distress"),
    # inside longer comments
    (
        "Thank you for writing about your brother. I read it twice on the train home. I'm doing "
        "my best at work but honestly some days i dont see the point in going on, and I haven't "
        "told anyone that.",
        "crisis",
    ),
    (
        "Your posts got me through last winter. I wanted you to know that before tonight. I have "
        "everything ready and this is my goodbye.",
        "imminent",
    ),
    (
        "We moved three times when I was small. My mother drank and my father hit me whenever "
        "she wasn't looking. Reading this made me cry.",
        "crisis",
    ),
    (
        "I've been off work for a month. i feel so lost and numb, and i can't stop crying at "
        "night. The dog is the only reason I get up.",
        "distress",
    ),
    (
        "I'm so sorry for your loss. Lately though I've been wishing I could just disappear "
        "and not wake up.",
        "crisis",
    ),
]

MUST_NOT_CATCH = [
    # figures of speech
    "I'm dying to read the next chapter.",
    "That joke killed me, I had to put my coffee down.",
    "Her lemon cake is honestly to die for.",
    "My sister is killing it at her new job.",
    "I was so tired after the hike, but it was worth it.",
    "This was my last try at baking bread before I switch to crackers.",
    "lol i'm dead, this thread is gold",
    "I could just die of embarrassment when I think about that speech.",
    "I was dead tired by Friday.",
    "The lecture bored me to death.",
    "We killed time at the cafe before the train.",
    "I could kill for a cup of tea right now.",
    "That deadline is going to be the death of me.",
    "You guys are killing me with these puns.",
    "I'd die for my kids without a second thought.",
    "I'm dead serious about starting the book club.",
    "He shot himself in the foot with that email.",
    "Honestly the ending of that film destroyed me.",
    # song lyrics and fiction
    "Tonight's the night we finally see the band live!",
    "The chorus goes on about living fast and wanting to die young, very nineties.",
    "In the play, the heroine cries 'I want to die' and the curtain falls.",
    "The film follows a detective who finds a suicide note in the first scene.",
    # professionals, students, research
    "As a therapist I ask every new client about suicidal thoughts.",
    "Our school runs suicide prevention training for all staff each September.",
    "I'm a nursing student writing an essay on self-harm in adolescents.",
    "Our hospice trains volunteers to recognise suicidal ideation in patients.",
    "The documentary covered suicide rates among farmers.",
    "Volunteers on the helpline talk to people who want to die, and they do incredible work.",
    # other people's deaths and grief
    "My mother died in March and the house feels very quiet.",
    "After my dad killed himself, I spent years trying to understand it.",
    "My grandfather took his own life when I was a teenager.",
    "I lost my mum to cancer last year and I still talk to her.",
    "Our cat was put to sleep last week and we said goodbye to her at the vet.",
    "My friend said she felt hopeless after the election.",
    # ordinary life
    "We waited at the terminal at the airport for three hours.",
    "The battery in my phone died halfway through the call.",
    "My houseplants are dying because I forgot to water them.",
    "I cut my hair short for the summer.",
    "I burned myself on the oven tray, nothing serious.",
    "I hurt myself playing football last weekend.",
    "This is my last day at the office before the holidays.",
    "Goodbye for now, see you at the next meetup!",
    "I'm not suicidal, I just miss her.",
    "My brother beat me at chess again.",
    "My coach pushed me to run faster.",
    "I'm exhausted after the marathon but so proud.",
    "Everyone left the party early because of the rain.",
    "Nothing beats a quiet morning with a good book.",
    "I can't wait to see what you write next!",
    "My last attempt at knitting a scarf was a disaster.",
    "Killing weeds is my least favourite garden job.",
    "A therapist told me grief comes in waves, which helped.",
]

CRISIS_OR_ABOVE = ("crisis", "imminent")


def _rank(level):
    return LEVELS.index(level)


@pytest.mark.parametrize(("sentence", "minimum"), MUST_CATCH)
def test_must_catch_sentences_reach_at_least_their_level(sentence, minimum):
    result = assess(sentence)
    assert result.rank >= _rank(minimum), (sentence, result)
    if minimum in CRISIS_OR_ABOVE:
        assert result.level in CRISIS_OR_ABOVE
    assert result.matches, "a flag always names the phrases behind it"


@pytest.mark.parametrize("sentence", MUST_NOT_CATCH)
def test_figures_of_speech_professionals_and_others_deaths_are_not_flagged(sentence):
    result = assess(sentence)
    assert result.level == "none", (sentence, result)


def test_recall_and_false_positive_rate_meet_the_targets():
    crisis_sentences = [s for s, level in MUST_CATCH if level in CRISIS_OR_ABOVE]
    crisis_recall = sum(assess(s).level in CRISIS_OR_ABOVE for s in crisis_sentences) / len(
        crisis_sentences
    )
    overall_recall = sum(assess(s).rank >= _rank(level) for s, level in MUST_CATCH) / len(
        MUST_CATCH
    )
    false_positive_rate = sum(assess(s).is_flagged for s in MUST_NOT_CATCH) / len(MUST_NOT_CATCH)
    print(
        f"\ncrisis detector: {len(MUST_CATCH)} must-catch ({len(crisis_sentences)} crisis or "
        f"imminent), {len(MUST_NOT_CATCH)} must-not-catch; recall crisis+ {crisis_recall:.3f}, "
        f"recall overall {overall_recall:.3f}, false-positive rate {false_positive_rate:.3f}"
    )
    assert len(MUST_CATCH) >= 60 and len(MUST_NOT_CATCH) >= 40
    assert crisis_recall == 1.0
    assert false_positive_rate <= 0.1


def test_distress_sentences_never_come_out_imminent():
    for sentence, minimum in MUST_CATCH:
        if minimum == "distress":
            assert assess(sentence).level != "imminent", sentence


def test_every_category_appears_in_the_must_catch_sentences():
    found = {category for sentence, _ in MUST_CATCH for category in assess(sentence).categories}
    assert found == set(load_lexicon().levels)


def test_imminent_needs_a_plan_a_means_or_a_goodbye_not_just_a_wish_to_die():
    assert assess("I want to die.").level == "crisis"
    assert assess("I want to die tonight.").level == "imminent"


def test_normalisation_folds_case_curly_apostrophes_and_fullwidth_letters():
    assert normalise("I DON’T") == "i dont"
    assert normalise("don't  \t dont\u200b   don’t\n\n\nok") == "dont dont dont\nok"
    assert normalise("ｉ ｗａｎｔ") == "i want"
    assert normalise("soooo tired") == "so tired"
    assert assess("I DON’T WANT TO BE HERE ANYMORE").level == "crisis"
    assert assess("i dont want to be here anymore").level == "crisis"
    assert assess("ｉ ｗａｎｔ ｔｏ ｄｉｅ").level == "crisis"


def test_quoted_words_of_someone_else_are_not_the_writers():
    assert assess('The character keeps saying "I want to die" in act two.').level == "crisis"
    assert assess('The character says "I want to die" in act two.').level == "none"
    assert assess('I told my therapist "I want to die" and she listened.').level == "crisis"


def test_a_negated_statement_is_not_flagged_but_the_real_one_is():
    assert assess("I would never hurt myself, don't worry.").level == "none"
    assert assess("I want to hurt myself.").level == "crisis"


def test_assessment_reports_categories_and_matches_in_order_of_appearance():
    result = assess("i feel so alone. i want to die. i have the pills ready.")
    assert result.level == "imminent"
    assert result.categories == ("plan_or_means", "passive_ideation", "isolation")
    assert result.matches[0] == "i feel so alone"
    assert result.to_dict() == {
        "level": "imminent",
        "categories": list(result.categories),
        "matches": list(result.matches),
    }
    assert result.is_flagged and result.rank == 3


def test_matches_are_capped_at_ten():
    text = " ".join(f"Day {n}: i want to die and i feel so alone." for n in range(30))
    assert len(assess(text).matches) <= 10


def test_levels_helpers():
    assert LEVELS == ("none", "distress", "crisis", "imminent")
    assert WORRIED_REPORT_LEVEL == "crisis"
    assert max_level() == "none"
    assert max_level("distress", None, "imminent", "crisis") == "imminent"
    assert Assessment("none").to_dict() == {"level": "none", "categories": [], "matches": []}
    with pytest.raises(ValueError):
        max_level("severe")


def test_empty_odd_and_hostile_strings_never_raise():
    assert assess("").level == "none"
    assert assess("   \n\t ").level == "none"
    assert assess("\x00\ud800\U0010ffff" * 50).level == "none"
    if NAUGHTY_STRINGS.exists():
        for line in NAUGHTY_STRINGS.read_text(encoding="utf-8").splitlines():
            assert isinstance(assess(line), Assessment)
    assert assess("a" * 200_000).level == "none"


def test_a_ten_thousand_character_comment_is_assessed_in_well_under_five_milliseconds():
    paragraph = (
        "Thank you for this post. My grandmother kept a garden like yours, with beans along the "
        "fence and a bench where she read the paper every morning. When she moved in with us I "
        "took over the watering, and I still think of her when the tomatoes come in. Your "
        "writing about the first winter without her brought all of that back, in a good way. "
    )
    text = (paragraph * 40)[:10_000] + " i cant do this anymore."
    assert len(text) >= 10_000
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        result = assess(text)
        timings.append(time.perf_counter() - start)
    print(f"\n10,000 characters: best {min(timings) * 1000:.2f} ms")
    assert result.level == "distress"
    assert min(timings) < 0.005


def test_a_long_run_on_comment_without_punctuation_is_still_examined_around_its_anchor():
    text = "and then we walked " * 500 + "i want to die " + "and so on " * 400
    assert assess(text).level == "crisis"
    assert assess(text.replace("die", "dance")).level == "none"


def test_lexicon_file_loads_and_every_pattern_compiles_on_its_own():
    data = json.loads(LEXICON_FILE.read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["reviewed"]
    expected = {
        "plan_or_means": "imminent",
        "goodbye": "imminent",
        "active_ideation": "crisis",
        "passive_ideation": "crisis",
        "self_harm": "crisis",
        "sexual_abuse": "crisis",
        "abuse": "crisis",
        "hopelessness": "distress",
        "emotional_pain": "distress",
        "isolation": "distress",
        "exhaustion": "distress",
    }
    assert {name: spec["level"] for name, spec in data["categories"].items()} == expected
    macros = data["macros"]
    for pattern in data["exceptions"]:
        re.compile(expand_macros(pattern, macros))
    for spec in data["categories"].values():
        for pattern in spec["patterns"]:
            assert re.compile(expand_macros(pattern, macros)).groups == 0, pattern
    assert load_lexicon().levels.keys() == expected.keys()


# Every pattern must contain one of its category's anchors, or the sentence holding it would never
# be examined. Checked on the parsed regex: walking it left to right, every way of matching must
# spell out an anchor.
_REPEATS = (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, sre_parse.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (sre_parse.AT, sre_parse.ASSERT, sre_parse.ASSERT_NOT)


def _strings(items, cap=400):
    """The strings a parsed regex piece matches, when that is a short finite list, else None."""
    strings = {""}
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is sre_parse.LITERAL:
            options = {chr(av)}
        elif op is sre_parse.IN and all(kind is sre_parse.LITERAL for kind, _ in av):
            options = {chr(code) for _, code in av}
        elif op is sre_parse.BRANCH:
            parts = [_strings(alternative) for alternative in av[1]]
            options = None if None in parts else set().union(*parts)
        elif op is sre_parse.SUBPATTERN:
            options = _strings(av[3])
        elif op in _REPEATS and av[1] <= 2:
            body, options = _strings(av[2]), set()
            for count in range(av[0], av[1] + 1):
                grown = {""}
                for _ in range(count):
                    grown = {a + b for a in grown for b in body or ()}
                options |= grown
            options = options if body is not None else None
        else:
            options = None
        if options is None:
            return None
        strings = {a + b for a in strings for b in options}
        if len(strings) > cap:
            return None
    return strings


def _always_holds_an_anchor(items, anchors):
    keep = max(map(len, anchors)) - 1
    pending = {""}
    for op, av in items:
        piece = _strings([(op, av)])
        if piece is None:
            if op is sre_parse.SUBPATTERN and _always_holds_an_anchor(av[3], anchors):
                return True
            alternatives = av[1] if op is sre_parse.BRANCH else ()
            if alternatives and all(_always_holds_an_anchor(a, anchors) for a in alternatives):
                return True
            if op in _REPEATS and av[0] >= 1 and _always_holds_an_anchor(av[2], anchors):
                return True
            pending = {""}
            continue
        grown = {run + part for run in pending for part in piece}
        pending = {run[-keep:] for run in grown if not any(a in run for a in anchors)}
        if not pending:
            return True
    return False


def test_every_pattern_contains_one_of_its_category_anchors():
    data = json.loads(LEXICON_FILE.read_text(encoding="utf-8"))
    missing = [
        (name, pattern)
        for name, spec in data["categories"].items()
        for pattern in spec["patterns"]
        if not _always_holds_an_anchor(
            sre_parse.parse(expand_macros(pattern, data["macros"])), spec["anchors"]
        )
    ]
    assert not missing


def test_assess_crisis_command_writes_one_json_line_per_input_line():
    lines = [
        "I want to die",
        "",
        "dying to read more",
        "everything just hurts",
        "ｔｏｎｉｇｈｔ is the night",
    ]
    out = io.StringIO()
    call_command("assess_crisis", stdin=io.StringIO("\n".join(lines) + "\n"), stdout=out)
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(results) == len(lines)
    assert [r["level"] for r in results] == ["crisis", "none", "none", "distress", "imminent"]
    assert all(set(r) == {"level", "categories", "matches"} for r in results)
    assert results[0]["matches"] == ["i want to die"]
