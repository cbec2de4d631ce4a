"""An optional character n-gram classifier that can raise the detector's level, never lower it.

Features: the detector's normalised text, character 2-5-grams inside words (each word padded with
a space either side, so "die" gives " di", "die", "ie " but no n-gram spans two words), and whole
words and word pairs ("the garage", "garage tonight"), which carry the order that the character
n-grams lose. Each kind is hashed into ``2**BITS`` buckets with a fixed hash (the same on every
machine and process), counted, log-scaled and L2-normalised, and the two are added and normalised
again; a logistic regression on top says "urgent or not".
``tools/crisis_classifier.py`` trains it on the dev split and writes the ``.npz`` file.
Pure numpy (already loaded by the language identifier); the site runs without the file.
"""

from __future__ import annotations

import logging
import math
import os
import threading
import zlib
from dataclasses import replace
from pathlib import Path

import numpy as np
from django.conf import settings

logger = logging.getLogger(__name__)

BITS = 18
NGRAMS = (2, 3, 4, 5)
WORDS = (1, 2)  # word n-grams; a model file written before they existed has none
MAX_CHARS = 4000  # a longer comment is read at its start and its end (2,000 characters each)
_PRIME = 1_000_003
_MIX = 0x9E3779B97F4A7C15
_SPACE = 32


def features(normalised: str, bits: int = BITS, ngrams=NGRAMS, words_n=WORDS):
    """The hashed buckets of one normalised comment and their weights (L2 norm 1)."""
    if len(normalised) > MAX_CHARS:
        half = MAX_CHARS // 2
        normalised = normalised[:half] + " " + normalised[-half:]
    words = "".join(ch if ch.isalnum() else " " for ch in normalised).split()
    if not words:
        return np.zeros(0, np.int64), np.zeros(0, np.float32)
    index, weights = _char_ngrams(words, bits, ngrams)
    if not words_n:
        return index, weights
    word_index, word_weights = _word_ngrams(words, bits, words_n)
    index, position = np.unique(np.concatenate((index, word_index)), return_inverse=True)
    summed = np.zeros(len(index), np.float32)
    np.add.at(summed, position, np.concatenate((weights, word_weights)))
    return index, _unit(summed)


def _unit(weights):
    weights /= np.sqrt(float(weights @ weights)) or 1.0
    return weights


def _counted(buckets):
    """Distinct buckets and their log counts, L2-normalised."""
    index, counts = np.unique(np.asarray(buckets, dtype=np.int64), return_counts=True)
    return index, _unit(np.log1p(counts).astype(np.float32))


def _word_ngrams(words, bits, orders):
    """Words and runs of words, each hashed with CRC-32 (stable everywhere) under its order."""
    mask = (1 << bits) - 1
    buckets = [
        zlib.crc32(f"{n}|{' '.join(words[i : i + n])}".encode()) & mask
        for n in orders
        for i in range(len(words) - n + 1)
    ]
    return _counted(buckets)


def _char_ngrams(words, bits, ngrams):
    """Character n-grams inside each space-padded word, hashed with a fixed integer hash."""
    padded = " " + " ".join(words) + " "
    codes = np.frombuffer(padded.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    space = codes == _SPACE
    # inner[i] counts spaces in codes[:i]; an n-gram starting at i is inside one word when
    # codes[i+1 .. i+n-2] hold no space.
    inner = np.concatenate(([0], np.cumsum(space)))
    buckets = []
    mask = np.uint64((1 << bits) - 1)
    for n in ngrams:
        count = len(codes) - n + 1
        if count <= 0:
            continue
        value = np.full(count, np.uint64(n), dtype=np.uint64)
        for k in range(n):
            value = value * np.uint64(_PRIME) + codes[k : k + count]
        starts = np.arange(count)
        within = inner[starts + n - 1] - inner[starts + 1] == 0
        keep = within & ~(space[:count] & space[n - 1 : n - 1 + count])
        value = value[keep] * np.uint64(_MIX)
        buckets.append((value >> np.uint64(64 - bits - 8)) & mask)
    if not buckets:
        return np.zeros(0, np.int64), np.zeros(0, np.float32)
    return _counted(np.concatenate(buckets))


class Model:
    """A logistic regression's weights and bias, and the threshold cross-validation chose."""

    def __init__(self, weights, bias: float, threshold: float, bits: int, words=WORDS):
        self.weights = weights.astype("float32")
        self.bias = float(bias)
        self.threshold = float(threshold)
        self.bits = bits
        self.words = tuple(int(n) for n in words)

    @classmethod
    def load(cls, path: Path) -> Model:
        with np.load(path) as data:
            words = data["words"] if "words" in data else ()
            return cls(data["weights"], data["bias"], data["threshold"], int(data["bits"]), words)

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            weights=self.weights.astype(np.float16),
            bias=np.float32(self.bias),
            threshold=np.float32(self.threshold),
            bits=np.int32(self.bits),
            words=np.array(self.words, dtype=np.int32),
        )

    def probability(self, normalised: str) -> float:
        index, values = features(normalised, self.bits, words_n=self.words)
        score = float(self.weights[index] @ values) + self.bias
        return 1.0 / (1.0 + math.exp(-max(min(score, 50.0), -50.0)))


SIGNAL = "classifier"
SHIPPED = Path(__file__).with_name("data") / "crisis_classifier.npz"
_lock = threading.Lock()
_loaded: dict[str, Model | None] = {}


def configured_path() -> str:
    """``CRISIS_CLASSIFIER_PATH`` from Django's settings (or the environment outside Django);
    empty, the default, means off (the shipped model is ``SHIPPED``)."""
    if settings.configured:
        return str(getattr(settings, "CRISIS_CLASSIFIER_PATH", "") or "")
    return os.environ.get("CRISIS_CLASSIFIER_PATH", "")  # tools and bench run without settings


def model() -> Model | None:
    """The configured model, loaded once per path; None when off, missing or unreadable."""
    path = configured_path()
    if not path:
        return None
    if path not in _loaded:
        with _lock:
            if path not in _loaded:
                try:
                    _loaded[path] = Model.load(Path(path))
                except (OSError, KeyError, ValueError):
                    logger.warning("crisis classifier %s not loaded; running without it", path)
                    _loaded[path] = None
    return _loaded[path]


def raise_level(assessment, normalised: str):
    """The detector's assessment, raised to crisis when the model says urgent with p >= its
    threshold; never lowered, and left alone when off, when the language is not assessed, or
    when the comment is about someone else: the model cannot tell whose risk it reads, and
    raising would give the writer crisis help meant for a friend ("my cousin told me ...")."""
    if assessment.level in ("crisis", "imminent") or not assessment.assessed:
        return assessment
    if assessment.about_other:
        return assessment
    current = model()
    if current is None or current.probability(normalised) < current.threshold:
        return assessment
    return replace(
        assessment,
        level="crisis",
        # the category is what the moderation queue shows next to the level
        categories=(*assessment.categories, SIGNAL),
        signals=(*assessment.signals, SIGNAL),
    )
