"""Issue 15's targets, asserted on the labelled splits (``make crisis-report`` prints the same).

The held-back test split (support/detection/data/test_split.jsonl) is written on another branch
by someone who never saw the lexicons, and nobody tunes on it: it is the honest measure. Until it
is merged this file skips its test-split checks with that reason, except under CI, where a
missing split fails. The development split (what the lexicons were tuned on) is checked too.
"""

import collections
import json
import os

import pytest

from support.detection.report import OTHER_LANGUAGES, SPLITS, TARGETS, evaluate, load

DEV_TAGS = set(
    "plan means time place goodbye buried indirect past_attempt negation reported_speech "
    "abuse_disclosure euphemism txt typo figurative professional grief long short "
    "unassessed_language".split()
)
LABELS = {"imminent", "crisis", "concern", "third_person", "none"}


def _figures(name):
    paths = SPLITS[name]
    missing = [path for path in paths if not path.exists()]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"{missing} missing under CI: the held-back test split must be merged")
        pytest.skip("held-back test split not merged yet")
    return evaluate(load(paths))


@pytest.fixture(scope="module")
def test_figures():
    return _figures("test")


@pytest.fixture(scope="module")
def dev_figures():
    return _figures("dev")


# Measured on the held-back split after all tuning (docs/crisis.md): these targets are not met,
# and issue 15 stays open. Strict: the day one is met, this test fails until its key is taken off
# the list, so the figure can only be claimed when it is true. 2026-12-04 first, then 2026-12-05
# after the compositional cues (issue 15): urgent recall es met; none at crisis regressed from
# 0.020 to 0.066 (the cues catch more and also misread more ordinary comments). 2026-12-05 again
# after the false-alarm round (everyday purposes, medicine bought once, comebacks): none at crisis
# 0.066 -> 0.053, every recall figure unchanged. 2026-12-05 once more after round 11 (English
# word families, reported speech, dev_split_11): urgent 0.782, stated 0.721, none at crisis
# 0.046, third person 0.760, fr 0.722. Then with the languages round (dev files 12-19) and the
# harmless-report rule merged: urgent 0.810, stated 0.767, none at crisis 0.039, fr 0.778,
# de 0.684, pt 0.833; still not met. Round 12 (dev files 20, reading shapes: dated purposes,
# means then gathered, farewells given to the writer, quoted reports): none at crisis 0.033,
# third person 0.780, every recall figure unchanged; still not met.
# 2026-12-06, after rounds 24-27 (1,518 fresh comments in en/de/fr/pt, each file's first reading
# taken before fitting it): urgent 0.833, stated 0.802, none at crisis 0.033, third person 0.840
# (met), de 0.789, pt 0.889 (met), fr 0.778; the rest still not met.
# 2026-12-06 after round 28: urgent 0.839, stated 0.814, de 0.842. 2026-12-06 after round 31
# (German round 30 and five round-31 helpers): every figure the same but third person 0.860.
# 2026-12-06 after round 34 (460 fresh comments read before fitting, then general wordings):
# every figure the same. The classifier retrained on 5,409 (off): on, urgent 0.891 but none
# at crisis 0.039. 2026-12-06, round 35 (classifier with word n-grams, off): on, urgent 0.897,
# fr 0.944, none at crisis 0.039. After round 36 (400 fresh comments, then general wordings):
# urgent 0.845 (es 1.000), the rest the same; the classifier retrained on 5,808 (off): on,
# urgent 0.897, none at crisis 0.039. 2026-12-07 after round 37: every figure the same.
# 2026-12-07 after rounds 39-41 (plain wording) and the plain-signs cues: urgent 0.851, fr 0.833,
# the rest the same; the classifier retrained on 7,370 (off): on, urgent 0.902, none 0.039.
# After round 42 (French and German): every figure the same.
# 2026-12-07 after round 43 (English plans and goodbyes, French, German): every figure the same.
# 2026-12-07 (tenth session) after round 46: urgent 0.856, stated 0.826. After round 47: urgent
# 0.862, pt 0.944, none at crisis 0.026 (4 of 152: met, its xfail removed). After round 48:
# every figure the same. After round 49 (plain wording): urgent 0.868, stated 0.837. After round
# 50 (plain French and German): every figure the same.
# 2026-12-07 (eleventh session) after rounds 51-52 (plain wording, read before fitting): urgent
# 0.879, stated 0.849, fr 0.889 (met, its xfail removed); none at crisis still 0.026.
# 2026-12-08 (twelfth session) after rounds 56-57 (slang, buried plans, days told through
# someone else's routine; read before fitting): urgent 0.885, stated 0.860, de 0.895 (met, its
# xfail removed); none at crisis still 0.026, concern 0.072.
NOT_YET_MET = {
    "urgent_recall": (
        "0.885 of urgent found at crisis or above (goal >= 0.92; 0.534, 0.770, 0.782, 0.810, "
        "0.810, 0.833, 0.839, 0.845, 0.845, 0.851, 0.856, 0.862, 0.868, 0.879 before)"
    ),
    "stated_recall": (
        "0.860 of plan/means/time/place/goodbye (goal >= 0.90; 0.384, 0.698, 0.721, 0.767, "
        "0.767, 0.802, 0.814, 0.814, 0.826, 0.837, 0.849 before)"
    ),
}


def _held_back(target):
    reason = NOT_YET_MET.get(target.key)
    marks = [pytest.mark.xfail(strict=True, reason=f"not met yet: {reason}")] if reason else []
    return pytest.param(target, id=target.key, marks=marks)


@pytest.mark.parametrize("target", [_held_back(target) for target in TARGETS])
def test_held_back_test_split_meets_the_target(test_figures, target):
    value = test_figures[target.key]
    assert target.met(value), f"{target.name}: {value} (goal {target.goal})"


@pytest.mark.parametrize("target", TARGETS, ids=lambda target: target.key)
def test_dev_split_meets_the_target(dev_figures, target):
    value = dev_figures[target.key]
    assert target.met(value), f"{target.name}: {value} (goal {target.goal})"


def test_dev_split_is_big_enough_and_well_formed():
    items = load(SPLITS["dev"])
    assert len(items) >= 420 + 300  # issue 15 added at least 300 new comments
    assert len({item["id"] for item in items}) == len(items)
    assert len({item["text"] for item in items}) == len(items)  # a repeat would count twice
    for item in items:
        assert set(item) == {"id", "text", "label", "lang", "tags"}, item["id"]
        assert item["label"] in LABELS and set(item["tags"]) <= DEV_TAGS, item["id"]
        assert item["text"].strip(), item["id"]
    counts = collections.Counter(item["lang"] for item in items)
    urgent = collections.Counter(
        item["lang"] for item in items if item["label"] in ("imminent", "crisis")
    )
    for code in OTHER_LANGUAGES:
        assert counts[code] >= 30 and urgent[code] >= 16, code


def test_dev_split_lines_are_json_objects():
    for path in SPLITS["dev"]:
        for line in path.read_text(encoding="utf-8").splitlines():
            assert isinstance(json.loads(line), dict)


def test_dev_split_reads_every_dev_file_and_one_file_alone(capsys):
    from support.detection.report import DATA_DIR, main

    assert set(SPLITS["dev"]) == set(DATA_DIR.glob("dev_split*.jsonl"))
    assert SPLITS["dev"][0].name == "dev_split.jsonl"
    path = DATA_DIR / "dev_split_11.jsonl"
    assert main(["--file", str(path)]) == 0
    assert f"== dev_split_11.jsonl split: {len(load(path))} items ==" in capsys.readouterr().out


def test_the_fresh_split_is_well_formed_and_shares_no_comment_with_dev_or_test():
    fresh = load(SPLITS["fresh"])
    assert len(fresh) >= 400 and not set(SPLITS["fresh"]) & set(SPLITS["dev"])
    assert len({item["id"] for item in fresh}) == len(fresh)
    for item in fresh:
        assert set(item) == {"id", "text", "label", "lang", "tags"}, item["id"]
        assert item["label"] in LABELS and set(item["tags"]) <= DEV_TAGS, item["id"]
    texts = {item["text"] for item in fresh}
    assert len(texts) == len(fresh)
    assert not texts & {item["text"] for item in load(SPLITS["dev"])}
    if SPLITS["test"][0].exists():
        assert not texts & {item["text"] for item in load(SPLITS["test"])}


def test_the_report_prints_the_fresh_split_beside_dev(capsys):
    from support.detection.report import main

    assert main(["--split", "fresh"]) == 0
    assert f"== fresh split: {len(load(SPLITS['fresh']))} items ==" in capsys.readouterr().out
