"""The optional crisis classifier (support/detection/classifier.py, tools/crisis_classifier.py):
it can only raise a level, the site runs without it, and its model is built reproducibly.
Every sentence here is written for this file."""

import subprocess
import sys

import numpy as np
import pytest

from support.detection import LEVELS, assess, normalise
from support.detection.classifier import (
    BITS,
    SHIPPED,
    SIGNAL,
    WORDS,
    Model,
    configured_path,
    features,
    model,
)
from support.detection.report import SPLITS, URGENT, load
from tools import crisis_classifier as tool

TEXTS = [
    "i want to die tonight, ive got the pills counted out",
    "i keep thinking everyone would be better off without me",
    "so tired lately, work is a lot and i miss my mum",
    "this chocolate cake is to die for",
    "thank you for the post about gardening with kids",
    "my friend said she wants to end it and i dont know what to do",
    "je ne veux plus vivre, je suis fatiguée de tout",
    "ich habe heute nur gekocht und gelesen",
    "ik wil niet meer leven",
    "",
]


def _model(path, threshold, bias=0.0):
    """A model whose probability is sigmoid(bias) for every comment (all weights zero)."""
    Model(np.zeros(1 << BITS, dtype=np.float32), bias, threshold, BITS).save(path)
    return str(path)


@pytest.fixture
def off(settings):
    settings.CRISIS_CLASSIFIER_PATH = ""
    assert configured_path() == ""
    return {text: assess(text) for text in TEXTS}


def test_the_classifier_is_off_by_default_and_the_shipped_model_loads_when_named(settings):
    assert settings.CRISIS_CLASSIFIER_PATH == ""
    assert model() is None
    assert not any(SIGNAL in assess(text).signals for text in TEXTS)
    settings.CRISIS_CLASSIFIER_PATH = str(SHIPPED)
    assert isinstance(model(), Model)


def test_a_missing_model_file_leaves_every_level_as_it_was(settings, tmp_path, off):
    settings.CRISIS_CLASSIFIER_PATH = str(tmp_path / "not-there.npz")
    assert {text: assess(text) for text in TEXTS} == off


def test_a_model_that_always_fires_raises_to_crisis_and_never_lowers(settings, tmp_path, off):
    settings.CRISIS_CLASSIFIER_PATH = _model(tmp_path / "always.npz", threshold=0.0)
    for text, before in off.items():
        after = assess(text)
        assert LEVELS.index(after.level) >= LEVELS.index(before.level)
        if before.level in ("crisis", "imminent") or not before.assessed or not text:
            assert after == before
        elif before.about_other:
            assert after == before  # whose risk the model reads it cannot tell
        else:
            assert after.level == "crisis"
            assert after.signals == (*before.signals, SIGNAL)
            assert after.categories == (*before.categories, SIGNAL)
            assert after.about_other == before.about_other


def test_a_comment_about_someone_else_is_never_raised_for_its_writer(settings, tmp_path):
    settings.CRISIS_CLASSIFIER_PATH = _model(tmp_path / "always.npz", threshold=0.0)
    text = 'my cousin told me "i want to go to sleep and never wake up"'
    reading = assess(text)
    assert reading.about_other and reading.level not in ("crisis", "imminent")
    assert SIGNAL not in reading.signals


def test_a_model_below_its_threshold_changes_nothing(settings, tmp_path, off):
    settings.CRISIS_CLASSIFIER_PATH = _model(tmp_path / "never.npz", threshold=0.9, bias=-3.0)
    assert {text: assess(text) for text in TEXTS} == off


def test_the_shipped_model_only_raises_levels_on_the_dev_split(settings):
    items = load(SPLITS["dev"])[::7]
    settings.CRISIS_CLASSIFIER_PATH = ""
    before = [assess(item["text"]) for item in items]
    settings.CRISIS_CLASSIFIER_PATH = str(tool.MODEL_PATH)
    after = [assess(item["text"]) for item in items]
    raised = 0
    for old, new in zip(before, after, strict=True):
        assert new.rank >= old.rank
        if new != old:
            raised += 1
            assert (new.level, new.signals[-1]) == ("crisis", SIGNAL)
    assert raised < len(items) // 10


def test_no_character_ngram_spans_two_words():
    both, _ = features(normalise("Rope, tonight!"), words_n=())
    first, _ = features(normalise("rope"), words_n=())
    second, _ = features(normalise("tonight"), words_n=())
    assert set(both) == set(first) | set(second)


def test_word_pairs_keep_the_order_the_character_ngrams_lose():
    assert WORDS == (1, 2)
    forward, _ = features(normalise("car garage"))
    backward, _ = features(normalise("garage car"))
    chars, _ = features(normalise("car garage"), words_n=())
    assert set(forward) != set(backward)
    assert set(chars) == set(features(normalise("garage car"), words_n=())[0])
    assert set(chars) < set(forward)


def test_a_model_file_written_before_word_ngrams_reads_characters_only(tmp_path):
    path = tmp_path / "old.npz"
    weights = np.zeros(1 << BITS, dtype=np.float16)
    np.savez_compressed(path, weights=weights, bias=0.0, threshold=0.8, bits=BITS)
    assert Model.load(path).words == ()
    Model(weights, 0.0, 0.8, BITS).save(path)
    assert Model.load(path).words == WORDS


def test_the_hash_is_the_same_in_another_process():
    text = normalise("nobody would miss me, ich will nicht mehr, je veux mourir")
    code = (
        f"from support.detection.classifier import features; print(features({text!r})[0].tolist())"
    )
    ran = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": ".", "PYTHONHASHSEED": "12345"},
    )
    assert ran.stdout.strip() == str(features(text)[0].tolist())


def test_training_is_reproducible_and_learns_something():
    items = load(SPLITS["dev"])[:300]
    y = np.array([item["label"] in URGENT for item in items], dtype=float)
    matrix = tool.matrix(items)
    first = tool.fit(matrix, y, tool.L2, epochs=30)
    second = tool.fit(matrix, y, tool.L2, epochs=30)
    assert np.array_equal(first[0], second[0]) and first[1] == second[1]
    scores = tool._scores(matrix, *first)
    assert scores[y == 1].mean() > scores[y == 0].mean()
    assert np.array_equal(tool.folds(items), tool.folds(items))


def test_folds_are_stratified_by_label_and_language():
    items = load(SPLITS["dev"])
    fold_of = tool.folds(items)
    for label in ("imminent", "none"):
        for lang in ("en", "de"):
            rows = [r for r, i in enumerate(items) if (i["label"], i["lang"]) == (label, lang)]
            counts = np.bincount(fold_of[rows], minlength=tool.FOLDS)
            assert counts.max() - counts.min() <= 1


def test_the_shipped_model_file_is_small_and_readable():
    model = Model.load(tool.MODEL_PATH)
    assert tool.MODEL_PATH.stat().st_size < 2_000_000
    assert 0.5 <= model.threshold < 1.0
    assert model.weights.shape == (1 << model.bits,)
    assert model.words == WORDS
