"""The one table, the targets of issue 7, the machine it ran on, and the JSON file."""

import json
import os
import platform
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def machine():
    """What the numbers were measured on."""
    import django
    from django.conf import settings
    from django.db import connection

    def first(path, prefix):
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(prefix):
                    return line.split(":", 1)[1].strip()
        except OSError:
            pass
        return ""

    if connection.vendor == "postgresql":
        number = connection.pg_version
        database = f"PostgreSQL {number // 10000}.{number % 10000}"
    else:
        import sqlite3

        database = f"SQLite {sqlite3.sqlite_version}"
    memory_kb = first("/proc/meminfo", "MemTotal").split()[:1]
    return {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "cpu": first("/proc/cpuinfo", "model name") or platform.processor(),
        "cores": os.cpu_count(),
        "memory_gb": round(int(memory_kb[0]) / 1024 / 1024, 1) if memory_kb else None,
        "os": platform.platform(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "database": database,
        "cache": "Redis" if "redis" in settings.CACHES["default"]["BACKEND"] else "local memory",
        "load_average": os.getloadavg()[0],
    }


def _ratio(rps, ceiling):
    return round(rps / ceiling, 4) if rps and ceiling else None


def median_round(rounds):
    """Of several (ceiling, page) runs, the one whose page/ceiling ratio is the median."""
    ordered = sorted(rounds, key=lambda r: r["rps"] / r["ceiling_rps"])
    chosen = dict(ordered[len(ordered) // 2])
    chosen["round_shares"] = [round(r["rps"] / r["ceiling_rps"], 3) for r in ordered]
    return chosen


def add_ratios(pages):
    """Each page's rps as a share of /healthz's, measured on the same server just before."""
    for page in pages:
        for run in ("warm", "cold"):
            page[run]["ratio"] = _ratio(page[run]["rps"], page[run]["ceiling_rps"])


def targets(pages, submissions):
    """Issue 7's targets, measured: (what, measured, goal, met)."""
    by = {page["name"]: page for page in pages}
    small, large, home = by["post-43"], by["post-10000"], by["home"]
    rss = max(filter(None, (large["warm"]["rss_mb"], large["cold"]["rss_mb"])), default=None)
    sizes = [by[name]["queries"] for name in ("post-43", "post-1000", "post-10000")]
    rows = [
        ("post, 43 comments, warm: share of /healthz rps", small["warm"]["ratio"], 0.25),
        ("post, 43 comments, cold: share of /healthz rps", small["cold"]["ratio"], 0.06),
        (
            "post, 10,000 comments, page 1, warm: share of the 43-comment post's rps",
            _ratio(large["warm"]["ratio"], small["warm"]["ratio"]),
            0.80,
        ),
        (
            "post, 10,000 comments, page 1, cold: share of the 43-comment post's rps",
            _ratio(large["cold"]["ratio"], small["cold"]["ratio"]),
            0.80,
        ),
        ("home, warm: share of /healthz rps", home["warm"]["ratio"], 0.30),
    ]
    result = [
        {
            "target": what,
            "measured": value,
            "shown": _pct(value),
            "goal": f">= {goal:.0%}",
            "met": value is not None and value >= goal,
        }
        for what, value, goal in rows
    ]
    result.append(
        {
            "target": "worker RSS after the 10,000-comment post",
            "measured": rss,
            "shown": f"{_num(rss)} MB",
            "goal": "< 150 MB",
            "met": rss is not None and rss < 150,
        }
    )
    shown = " / ".join(f"{q['warm']} warm, {q['cold']} cold" for q in sizes)
    result.append(
        {
            "target": "queries per post page (43 / 1,000 / 10,000 comments)",
            "measured": sizes,
            "shown": shown,
            "goal": "the same whatever the count",
            "met": all(q == sizes[0] for q in sizes),
        }
    )
    if submissions:
        result.append(
            {
                "target": f"comment submissions per second ({submissions['database']})",
                "measured": submissions["rps"],
                "shown": _num(submissions["rps"], 1),
                "goal": "measured, every accepted one stored",
                "met": submissions["stored"] == submissions["accepted"] > 0,
            }
        )
    return result


def _num(value, digits=0):
    if value is None:
        return "-"
    return f"{value:,.{digits}f}"


def _pct(value):
    return "-" if value is None else f"{value:.1%}"


HEADER = (
    "page",
    "comments",
    "queries w/c",
    "HTML KB",
    "rps warm",
    "rps cold",
    "p50 ms w/c",
    "p99 ms w/c",
    "% of /healthz w/c",
    "worker RSS MB",
)


def table_rows(pages, submissions):
    rows = []
    for page in pages:
        warm, cold = page["warm"], page["cold"]
        rss = max(filter(None, (warm["rss_mb"], cold["rss_mb"])), default=None)
        rows.append(
            (
                page["path"] if page["name"] == "healthz" else f"{page['name']} {page['path']}",
                _num(page["comments"]) if page["comments"] is not None else "-",
                f"{page['queries']['warm']}/{page['queries']['cold']}",
                _num(page["html_bytes"] / 1024, 1),
                _num(warm["rps"]),
                _num(cold["rps"]),
                f"{_num(warm['p50_ms'], 1)}/{_num(cold['p50_ms'], 1)}",
                f"{_num(warm['p99_ms'], 1)}/{_num(cold['p99_ms'], 1)}",
                f"{_pct(warm['ratio'])}/{_pct(cold['ratio'])}",
                _num(rss, 0),
            )
        )
    if submissions:
        rows.append(
            (
                f"POST comment form ({submissions['database']}, {submissions['writers']} writers)",
                "-",
                "-",
                "-",
                _num(submissions["rps"], 1),
                "-",
                f"{_num(submissions['p50_ms'], 1)}/-",
                f"{_num(submissions['p99_ms'], 1)}/-",
                "-",
                _num(submissions.get("rss_mb"), 0),
            )
        )
    return rows


def markdown_table(pages, submissions):
    rows = [HEADER, *table_rows(pages, submissions)]
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(HEADER))]

    def line(row):
        cells = [
            str(cell).ljust(w) if i == 0 else str(cell).rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        return "| " + " | ".join(cells) + " |"

    rule = "|" + "|".join("-" * (w + 1) + (":" if i else "-") for i, w in enumerate(widths)) + "|"
    return "\n".join([line(HEADER), rule, *(line(row) for row in rows[1:])])


def render(result):
    """The text printed at the end: machine line, the table, the targets."""
    info = result["machine"]
    lines = [
        f"Haven bench, {info['date']}: {info['cpu']}, {info['cores']} cores, "
        f"{info['memory_gb']} GB; Python {info['python']}, Django {info['django']}, "
        f"{info['database']}, cache {info['cache']}; gunicorn 2 sync workers, DEBUG off; "
        f"{result['load']}; load average {result['load_before']:.2f} before, "
        f"{info['load_average']:.2f} after.",
        "",
        markdown_table(result["pages"], result["submissions"]),
        "",
        "w = tree cache on (warm), c = tree cache off (COMMENTS_TREE_CACHE=0). Each % is the "
        "page's rps over /healthz's measured on the same server just before it; the 10,000 vs "
        "43 shares below compare those %.",
    ]
    for target in result["targets"]:
        mark = "met" if target["met"] else "MISSED"
        lines.append(f"  [{mark}] {target['target']}: {target['shown']} (goal {target['goal']})")
    return "\n".join(lines)


def write_json(result):
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    text = json.dumps(result, indent=2, default=str)
    path = RESULTS / f"bench-{stamp}.json"
    path.write_text(text)
    (RESULTS / "latest.json").write_text(text)
    return path
