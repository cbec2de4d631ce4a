"""The benchmark's own parts: wrk parsing, the data's shape, the form scraping, the targets.

Run with ``.venv/bin/pytest bench`` (the suite's testpaths is ``tests``).
"""

import random
import subprocess

import pytest

from bench import load, report, seed

WRK_OUTPUT = """Running 5s test @ http://127.0.0.1:8000/healthz
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     3.62ms    1.03ms  14.11ms   83.21%
    Req/Sec     2.22k   109.23     2.44k    72.00%
  Latency Distribution
     50%  850.00us
     75%    3.80ms
     90%    4.48ms
     99%    1.20s
  22114 requests in 5.00s, 5.23MB read
  Socket errors: connect 0, read 3, write 1, timeout 2
  Non-2xx or 3xx responses: 12
Requests/sec:   4421.90
Transfer/sec:      1.05MB
"""


def test_wrk_output_gives_rate_percentiles_in_ms_and_error_counts():
    result = load.parse_wrk(WRK_OUTPUT)
    assert result == {
        "rps": 4421.9,
        "p50_ms": 0.85,
        "p99_ms": 1200.0,
        "requests": 22114,
        "non_2xx": 12,
        "socket_errors": 6,
    }


def test_wrk_output_that_cannot_be_read_is_an_error_not_a_zero():
    with pytest.raises(RuntimeError, match="Could not read"):
        load.parse_wrk("wrk: command failed\n")


def test_a_run_with_error_answers_fails_instead_of_counting_fast_errors(monkeypatch):
    done = subprocess.CompletedProcess([], 0, stdout=WRK_OUTPUT, stderr="")
    monkeypatch.setattr(load.subprocess, "run", lambda *a, **k: done)
    monkeypatch.setattr(load, "wrk_path", lambda: "/usr/bin/wrk")
    with pytest.raises(RuntimeError, match="12 requests with an error status"):
        load.wrk("http://127.0.0.1:1/", 1)


def test_the_43_comment_post_has_17_threads_up_to_3_deep_and_bigger_ones_repeat_it():
    assert sum(seed.thread_sizes(43)) == 43 and len(seed.thread_sizes(43)) == 17
    for total in (1_000, 10_000):
        sizes = seed.thread_sizes(total)
        assert sum(sizes) == total and max(sizes) <= 5
    assert seed.thread_sizes(0) == []


def test_comment_bodies_are_300_to_1500_characters():
    rng = random.Random(1)
    lengths = [len(seed.body_text(rng)) for _ in range(500)]
    assert min(lengths) >= 300 and max(lengths) <= 1500


def test_a_database_url_naming_the_bench_database_is_refused():
    with pytest.raises(SystemExit, match="haven_bench"):
        seed.create_database("postgres://postgres@127.0.0.1:5432/haven_bench")


@pytest.mark.parametrize(
    "html",
    [
        '<input type="hidden" name="security" value="abc:1" id="id_security">',
        '<input type="hidden" value="abc:1" name="security">',
    ],
)
def test_hidden_fields_are_read_whatever_the_attribute_order(html):
    assert load._hidden_value(html, "security") == "abc:1"


def test_a_page_without_the_form_field_is_an_error():
    with pytest.raises(RuntimeError, match="no csrfmiddlewaretoken"):
        load._hidden_value("<form></form>", "csrfmiddlewaretoken")


def _page(name, rps, ceiling, queries=(2, 4), rss=70.0):
    run = {"rps": rps, "ceiling_rps": ceiling, "p50_ms": 1.0, "p99_ms": 2.0, "rss_mb": rss}
    return {
        "name": name,
        "path": "/",
        "comments": None,
        "html_bytes": 1024,
        "queries": {"warm": queries[0], "cold": queries[1]},
        "warm": dict(run),
        "cold": dict(run),
    }


def test_targets_use_the_ceiling_measured_next_to_each_page():
    pages = [
        _page("healthz", 4000, 4000),
        _page("home", 1300, 4000),
        _page("post-43", 1000, 4000),
        _page("post-1000", 900, 4000),
        _page("post-10000", 400, 2000),  # half the ceiling then: still 80% of post-43's share
        _page("feed", 100, 4000),
    ]
    report.add_ratios(pages)
    met = {t["target"]: t["met"] for t in report.targets(pages, None)}
    assert all(met.values()), met
    pages[4]["queries"] = {"warm": 2, "cold": 5}
    pages[2]["warm"]["rss_mb"] = 151
    pages[4]["warm"]["rss_mb"] = 151
    missed = [t["target"] for t in report.targets(pages, None) if not t["met"]]
    assert any("queries" in t for t in missed) and any("RSS" in t for t in missed)


def test_the_table_has_a_row_per_page_and_one_for_submissions():
    pages = [_page("healthz", 4000, 4000), _page("home", 1300, 4000)]
    report.add_ratios(pages)
    submissions = {
        "database": "SQLite",
        "writers": 8,
        "rps": 50.0,
        "p50_ms": 3.0,
        "p99_ms": 9.0,
        "rss_mb": 60.0,
    }
    lines = report.markdown_table(pages, submissions).splitlines()
    assert len(lines) == 2 + 3
    assert "32.5%/32.5%" in lines[3] and "POST comment form" in lines[4]


def test_the_round_with_the_median_share_of_the_ceiling_is_kept():
    rounds = [
        {"rps": 900, "ceiling_rps": 3000, "p50_ms": 9},  # 30%
        {"rps": 500, "ceiling_rps": 2500, "p50_ms": 20},  # 20%: a noisy second
        {"rps": 1000, "ceiling_rps": 2000, "p50_ms": 8},  # 50%
    ]
    chosen = report.median_round(rounds)
    assert (chosen["rps"], chosen["ceiling_rps"], chosen["p50_ms"]) == (900, 3000, 9)
    assert chosen["round_shares"] == [0.2, 0.3, 0.5]
