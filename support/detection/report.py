"""``make crisis-report``: the detector on the labelled splits, against the issue's targets.

Each split is a JSON-lines file of {"id", "text", "label", "lang", "tags"}; labels are imminent,
crisis, concern, third_person and none. The development split is what the lexicons were tuned
on; the held-back test split (written by someone else, never tuned on) is the honest measure.
Items tagged ``unassessed_language`` are left out of the recall figures: for them the detector's
job is to say "language not assessed", and that share is printed on its own line.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from . import assess as detect
from .lexicon import ASSESSED_LANGUAGES

DATA_DIR = Path(__file__).with_name("data")


def _dev_files() -> tuple[Path, ...]:
    """Every dev_split*.jsonl, in the order written (dev_split, _2, _3, ..., _11, _12...)."""

    def order(path: Path) -> tuple[int, str]:
        number = path.stem.removeprefix("dev_split").lstrip("_").split("_")[0]
        return (int(number) if number.isdigit() else 1, path.name)

    return tuple(sorted(DATA_DIR.glob("dev_split*.jsonl"), key=order))


# A split may span several files: dev_split_2 onwards were written for issue 15 after the first
# tuning, each before the cues were fitted to it (to see how they carry to wording they have not
# seen; docs/crisis.md has each one's first reading). ``--file`` reads one file on its own.
SPLITS = {
    "dev": _dev_files(),
    # Written like a dev round but never fitted: no lexicon rule and no classifier is built from
    # it, so reading it (as often as needed) shows how both carry to wording they have not seen.
    "fresh": tuple(sorted(DATA_DIR.glob("fresh_split*.jsonl"))),
    "test": (DATA_DIR / "test_split.jsonl",),
}
URGENT = ("imminent", "crisis")
HIGH = ("crisis", "imminent")
STATED = {"plan", "means", "time", "place", "goodbye"}
OTHER_LANGUAGES = ("es", "fr", "de", "pt")
UNASSESSED = "unassessed_language"


@dataclass(frozen=True)
class Target:
    key: str
    name: str
    goal: float
    at_least: bool = True  # False: the measured value must be at most the goal

    def met(self, value: float | None) -> bool:
        if value is None:
            return False
        return value >= self.goal if self.at_least else value <= self.goal


TARGETS = (
    Target("urgent_recall", "urgent (imminent + crisis) found at crisis or above", 0.92),
    Target("stated_recall", "imminent with plan/means/time/place/goodbye at crisis or above", 0.90),
    Target("none_at_crisis", "none flagged at crisis or above", 0.03, at_least=False),
    Target("concern_escalated", "concern escalated to crisis or above", 0.15, at_least=False),
    Target("third_person", "third person recognised (about_other)", 0.80),
    *(Target(f"urgent_recall_{code}", f"urgent recall, {code}", 0.85) for code in OTHER_LANGUAGES),
)


def load(paths) -> list[dict]:
    """The items of one file, or of several files in order."""
    if isinstance(paths, str | Path):
        paths = (paths,)
    items = []
    for path in paths:
        with Path(path).open(encoding="utf-8") as lines:
            items += [json.loads(line) for line in lines if line.strip()]
    return items


def unassessed(item: dict) -> bool:
    return UNASSESSED in item.get("tags", ()) or item.get("lang") not in ASSESSED_LANGUAGES


def handled(item: dict, result) -> bool:
    """Whether the detector did what the label asks for."""
    if unassessed(item):
        return not result.assessed or (
            result.level in HIGH if item["label"] in URGENT else result.level not in HIGH
        )
    label = item["label"]
    if label in URGENT:
        return result.level in HIGH
    if label == "third_person":
        return result.about_other
    if label == "concern":
        return result.level not in HIGH
    return result.level not in HIGH  # none


def _share(hits: list[bool]) -> float | None:
    return sum(hits) / len(hits) if hits else None


def evaluate(items: list[dict], assess=None) -> dict:
    """Every figure the report prints, as a dict (the threshold tests read it too)."""
    if assess is None:
        assess = detect
    rows = [(item, assess(item["text"])) for item in items]
    scored = [(i, r) for i, r in rows if not unassessed(i)]

    def labelled(*labels):
        return [(i, r) for i, r in scored if i["label"] in labels]

    urgent = labelled(*URGENT)
    stated = [(i, r) for i, r in labelled("imminent") if STATED & set(i.get("tags", ()))]
    figures = {
        "n": len(items),
        "urgent_n": len(urgent),
        "urgent_recall": _share([r.level in HIGH for _, r in urgent]),
        "stated_n": len(stated),
        "stated_recall": _share([r.level in HIGH for _, r in stated]),
        "stated_at_imminent": _share([r.level == "imminent" for _, r in stated]),
        "none_n": len(labelled("none")),
        "none_at_crisis": _share([r.level in HIGH for _, r in labelled("none")]),
        "none_flagged": _share([r.level != "none" for _, r in labelled("none")]),
        "concern_n": len(labelled("concern")),
        "concern_escalated": _share([r.level in HIGH for _, r in labelled("concern")]),
        "concern_flagged": _share([r.level != "none" for _, r in labelled("concern")]),
        "third_person_n": len(labelled("third_person")),
        "third_person": _share([r.about_other for _, r in labelled("third_person")]),
        "unassessed_n": sum(unassessed(i) for i, _ in rows),
        "unassessed_said": _share([not r.assessed for i, r in rows if unassessed(i)]),
    }
    for code in ("en", *OTHER_LANGUAGES):
        own = [(i, r) for i, r in urgent if i.get("lang") == code]
        figures[f"urgent_n_{code}"] = len(own)
        figures[f"urgent_recall_{code}"] = _share([r.level in HIGH for _, r in own])
    tags: dict[str, list[bool]] = {}
    for item, result in rows:
        for tag in item.get("tags", ()):
            tags.setdefault(tag, []).append(handled(item, result))
        tags.setdefault(f"lang:{item.get('lang')}", []).append(handled(item, result))
    figures["tags"] = {tag: (len(hits), _share(hits)) for tag, hits in sorted(tags.items())}
    figures["misses"] = [
        (item["id"], item["label"], result.level, result.about_other, item["text"])
        for item, result in rows
        if not handled(item, result)
    ]
    return figures


def _fmt(value) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


def render(name: str, figures: dict, *, show_misses: bool = False) -> str:
    lines = [f"== {name} split: {figures['n']} items =="]
    lines.append(f"{'measure':<66} {'n':>4} {'value':>6}  target")
    counts = {
        "urgent_recall": "urgent_n",
        "stated_recall": "stated_n",
        "none_at_crisis": "none_n",
        "concern_escalated": "concern_n",
        "third_person": "third_person_n",
    }
    for target in TARGETS:
        count = figures[counts.get(target.key, target.key.replace("recall", "n"))]
        sign = ">=" if target.at_least else "<="
        verdict = "met" if target.met(figures[target.key]) else "NOT MET"
        lines.append(
            f"{target.name:<66} {count:>4} {_fmt(figures[target.key]):>6}  "
            f"{sign} {target.goal:.2f} {verdict}"
        )
    extra = [
        (
            "imminent with plan/means/time/place/goodbye at imminent",
            "stated_n",
            "stated_at_imminent",
        ),
        ("urgent recall, en", "urgent_n_en", "urgent_recall_en"),
        ("none flagged at any level (distress or above)", "none_n", "none_flagged"),
        ("concern flagged at distress or above", "concern_n", "concern_flagged"),
        ("unassessed language reported as not assessed", "unassessed_n", "unassessed_said"),
    ]
    for label, count, key in extra:
        lines.append(f"{label:<66} {figures[count]:>4} {_fmt(figures[key]):>6}")
    lines.append("")
    lines.append("per tag: n, share handled as labelled (urgent at crisis+, third person")
    lines.append("recognised, concern and none below crisis, unassessed said so or right)")
    for tag, (count, share) in figures["tags"].items():
        lines.append(f"  {tag:<22} {count:>4} {_fmt(share)}")
    if show_misses:
        lines.append("")
        lines.append("not handled as labelled:")
        for item_id, label, level, other, text in figures["misses"]:
            lines.append(
                f"  {item_id} [{label} -> {level}{' other' if other else ''}] {text[:150]}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("--misses", action="store_true", help="list the items not handled")
    parser.add_argument(
        "--file", type=Path, help="one labelled file alone (a new dev file's first reading)"
    )
    args = parser.parse_args(argv)
    if args.file:
        print(render(args.file.name, evaluate(load(args.file)), show_misses=args.misses))
        return 0
    names = list(SPLITS) if args.split == "all" else [args.split]
    for name in names:
        paths = SPLITS[name]
        missing = [path.name for path in paths if not path.exists()]
        if missing:
            print(f"== {name} split: {', '.join(missing)} not here (not merged yet) ==")
            continue
        print(render(name, evaluate(load(paths)), show_misses=args.misses))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
