"""The crisis detector's cost per comment: ``assess()`` over the dev split and long comments.

``python -m bench.crisis`` prints it alone; ``make bench`` adds it to its table and JSON. Each
comment is assessed five times and its median kept, so one scheduling hiccup on a shared
machine decides nothing; p50/p99 are over comments. Timed twice: the detector alone and with
the optional classifier (``support/detection/classifier.py``, the shipped model), whatever the
settings say. The goals (issue 15): p99 under 2 ms per comment without a classifier, under 30 ms
with one. No test asserts a time.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOALS_P99_MS = {"without": 2.0, "with": 30.0}
REPEATS = 5
_PARAGRAPH = (
    "Thank you for this post. My grandmother kept a garden like yours, with beans along the "
    "fence and a bench where she read the paper every morning. When she moved in with us I took "
    "over the watering, and I still think of her when the tomatoes come in. "
)


def texts() -> list[str]:
    """The dev split's comments, plus long ones: 300-1,500 characters (the bench's comment
    bodies), 5,000 and 10,000, each ending in one distress sentence."""
    from support.detection.report import SPLITS, load

    dev = [item["text"] for item in load(SPLITS["dev"])]
    long = [
        (_PARAGRAPH * (size // len(_PARAGRAPH) + 1))[:size] + " i cant do this anymore."
        for size in (300, 600, 900, 1200, 1500, 5000, 10000)
    ]
    return dev + long


@contextmanager
def _classifier(path: str):
    """The classifier on (the model at ``path``) or off (""), in Django's settings when they are
    configured (``make bench``) and in the environment when not (``python -m bench.crisis``)."""
    from django.conf import settings

    if settings.configured:
        from django.test import override_settings

        with override_settings(CRISIS_CLASSIFIER_PATH=path):
            yield
        return
    before = os.environ.get("CRISIS_CLASSIFIER_PATH")
    os.environ["CRISIS_CLASSIFIER_PATH"] = path
    try:
        yield
    finally:
        if before is None:
            del os.environ["CRISIS_CLASSIFIER_PATH"]
        else:
            os.environ["CRISIS_CLASSIFIER_PATH"] = before


def measure() -> dict:
    """p50/p99 per comment without the classifier and with the shipped model."""
    sys.path.insert(0, str(ROOT))
    from support.detection.classifier import SHIPPED

    comments = texts()
    with _classifier(""):
        without = _timed(comments)
    with _classifier(str(SHIPPED)):
        with_ = _timed(comments)
    return {"without": without, "with": with_}


def _timed(comments: list[str]) -> dict:
    started = time.perf_counter()
    from support.detection import assess

    assess("warm up: the lexicons, the language model and any classifier load once per process")
    load_ms = (time.perf_counter() - started) * 1000
    per_comment = []
    for text in comments:
        runs = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            assess(text)
            runs.append(time.perf_counter() - start)
        per_comment.append(statistics.median(runs) * 1000)
    ordered = sorted(per_comment)
    return {
        "comments": len(ordered),
        "first_call_ms": round(load_ms, 1),
        "p50_ms": round(ordered[len(ordered) // 2], 3),
        "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))], 3),
        "max_ms": round(ordered[-1], 3),
    }


def render(result: dict) -> str:
    lines = []
    for key, name in (("without", "no classifier"), ("with", "with the classifier")):
        timing, goal = result[key], GOALS_P99_MS[key]
        met = "met" if timing["p99_ms"] < goal else "NOT met"
        lines += [
            f"crisis detection, {name}: assess() over {timing['comments']} comments (dev split "
            f"+ long ones), median of {REPEATS} runs each: p50 {timing['p50_ms']:.3f} ms, p99 "
            f"{timing['p99_ms']:.3f} ms, max {timing['max_ms']:.3f} ms; first call (loading) "
            f"{timing['first_call_ms']:.0f} ms",
            f"  [{met}] crisis detection p99 per comment, {name}: {timing['p99_ms']:.3f} ms "
            f"(goal < {goal:.0f} ms)",
        ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(render(measure()))
