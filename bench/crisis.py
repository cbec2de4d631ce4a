"""The crisis detector's cost per comment: ``assess()`` over the dev split and long comments.

``python -m bench.crisis`` prints it alone; ``make bench`` adds it to its table and JSON. Each
comment is assessed five times and its median kept, so one scheduling hiccup on a shared
machine decides nothing; p50/p99 are over comments. The goal (issue 15): p99 under 2 ms per
comment without a classifier. No test asserts a time.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV_SPLITS = sorted((ROOT / "support" / "detection" / "data").glob("dev_split*.jsonl"))
GOAL_P99_MS = 2.0
REPEATS = 5
_PARAGRAPH = (
    "Thank you for this post. My grandmother kept a garden like yours, with beans along the "
    "fence and a bench where she read the paper every morning. When she moved in with us I took "
    "over the watering, and I still think of her when the tomatoes come in. "
)


def texts() -> list[str]:
    """The dev split's comments, plus long ones: 300-1,500 characters (the bench's comment
    bodies), 5,000 and 10,000, each ending in one distress sentence."""
    dev = []
    for path in DEV_SPLITS:
        with path.open(encoding="utf-8") as lines:
            dev += [json.loads(line)["text"] for line in lines if line.strip()]
    long = [
        (_PARAGRAPH * (size // len(_PARAGRAPH) + 1))[:size] + " i cant do this anymore."
        for size in (300, 600, 900, 1200, 1500, 5000, 10000)
    ]
    return dev + long


def measure() -> dict:
    sys.path.insert(0, str(ROOT))
    started = time.perf_counter()
    from support.detection import assess

    assess("warm up: the lexicons and the language model load once per process")
    load_ms = (time.perf_counter() - started) * 1000
    per_comment = []
    for text in texts():
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
        "goal_p99_ms": GOAL_P99_MS,
    }


def render(result: dict) -> str:
    met = "met" if result["p99_ms"] < result["goal_p99_ms"] else "NOT met"
    return (
        f"crisis detection: assess() over {result['comments']} comments (dev split + long ones), "
        f"median of {REPEATS} runs each: p50 {result['p50_ms']:.3f} ms, p99 "
        f"{result['p99_ms']:.3f} ms, max {result['max_ms']:.3f} ms; first call (loading) "
        f"{result['first_call_ms']:.0f} ms\n"
        f"  [{met}] crisis detection p99 per comment: {result['p99_ms']:.3f} ms "
        f"(goal < {result['goal_p99_ms']:.0f} ms, no classifier)"
    )


if __name__ == "__main__":
    print(render(measure()))
