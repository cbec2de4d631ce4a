"""``python -m bench``: seed, serve with gunicorn, load with wrk, print one table.

Steps: a throw-away database (bench/seed.py); collectstatic; queries per page counted in-process
with the test client; gunicorn started twice (tree cache on, then off) and every page loaded
with wrk; a third start for comment submissions through the real form; the table and targets
printed and written as JSON under bench/results/. Servers and the database are cleaned up on
success, error, Ctrl-C or SIGTERM.
"""

import argparse
import os
import secrets
import signal
import sys
import time

from . import crisis, load, report, seed
from .server import Gunicorn, collectstatic, get, production_env

RESULTS = seed.RESULTS
SUBMIT_ENV = {"COMMENTS_MIN_SECONDS": "0", "COMMENTS_RATE": "1000000/1m"}
SUBMIT_SECONDS = 5


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=3, help="seconds per wrk run (3)")
    parser.add_argument("--rounds", type=int, default=3, help="ceiling+page runs per page (3)")
    parser.add_argument("--warmup", type=int, default=1, help="seconds of wrk before each run (1)")
    parser.add_argument("--writers", type=int, default=8, help="concurrent comment writers (8)")
    parser.add_argument("--no-submit", action="store_true", help="skip comment submissions")
    parser.add_argument("--keep-db", action="store_true", help="keep the bench database")
    return parser.parse_args(argv)


def _interrupt(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if not load.wrk_path():
        print(
            "make bench needs wrk: on Debian or Ubuntu, `sudo apt-get install -y wrk`.",
            file=sys.stderr,
        )
        return 2
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)
    started = time.monotonic()
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "gunicorn.log").write_text("")
    database = seed.create_database()
    servers = []
    try:
        result = measure(database, args, servers)
    except KeyboardInterrupt:
        print("\nbench interrupted; servers stopped, database dropped.", file=sys.stderr)
        return 130
    finally:
        for server in servers:
            server.stop()
        _forget(database, keep=args.keep_db)
    _step("timing the crisis detector")
    result["crisis_detection"] = crisis.measure()
    result["elapsed_s"] = round(time.monotonic() - started, 1)
    path = report.write_json(result)
    print(report.render(result))
    print(crisis.render(result["crisis_detection"]))
    print(f"\n{result['elapsed_s']} s in all; JSON: {path.relative_to(seed.ROOT)}")
    return 0


def _forget(database, keep):
    """Close Django's connections, clear this run's cache keys, drop the database."""
    if "django" in sys.modules:
        from django.db import connections

        try:
            from django.core.cache import caches

            for alias in ("default", "versions"):  # the counters have a prefix of their own
                getattr(caches[alias], "delete_pattern", lambda pattern: None)("*")
        except Exception:  # the cache is only a convenience here
            pass
        connections.close_all()
    if not keep:
        database.drop()
    else:
        print(f"kept the bench database: DATABASE_URL={database.url}", file=sys.stderr)


def _step(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)


def measure(database, args, servers):
    """Everything but the clean-up; returns the result dict written as JSON."""
    load_before = os.getloadavg()[0]
    env = production_env(database.url, CACHE_PREFIX=f"haven-bench-{secrets.token_hex(4)}")
    _step(f"migrating a fresh {database.engine} database")
    seed.migrate(database, env)
    collectstatic(env)
    os.environ.update({**env, "ALLOWED_HOSTS": "127.0.0.1,testserver"})
    import django

    django.setup()
    _step("seeding posts with 43, 1,000 and 10,000 comments")
    posts = seed.seed()
    pages = [
        {"name": "healthz", "path": "/healthz", "comments": None},
        {"name": "home", "path": "/", "comments": None},
        *(
            {"name": name, "path": posts[name]["url"], "comments": posts[name]["comments"]}
            for name in ("post-43", "post-1000", "post-10000")
        ),
        {"name": "feed", "path": "/comments/feed/", "comments": None},
    ]
    count_queries(pages)
    from django.db import connections

    connections.close_all()
    for run, tree_cache in (("warm", "1"), ("cold", "0")):
        server = Gunicorn({**env, "COMMENTS_TREE_CACHE": tree_cache}, RESULTS / "gunicorn.log")
        servers.append(server)
        _step(f"gunicorn with the tree cache {'on' if tree_cache == '1' else 'off'}")
        server.start()
        for page in pages:
            page[run] = load_page(server, page, args)
            page.setdefault("html_bytes", page[run].pop("html_bytes"))
        server.stop()
    report.add_ratios(pages)
    submissions = None
    if not args.no_submit:
        submissions = submit(env, posts["submit"], args, servers, database)
    return {
        "machine": report.machine(),
        "load": f"wrk -t{load.WRK_THREADS} -c{load.WRK_CONNECTIONS} -d{args.duration}s "
        f"on 127.0.0.1 after {args.warmup}s of warm-up; {args.rounds} rounds of /healthz then "
        "the page, the round with the median ratio kept",
        "load_before": load_before,
        "pages": pages,
        "submissions": submissions,
        "targets": report.targets(pages, submissions),
    }


def count_queries(pages):
    """Queries per page, warm (second request) and cold (tree cache off), in this process."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    client = Client()
    for page in pages:
        first = client.get(page["path"])
        if first.status_code != 200:
            raise RuntimeError(f"{page['path']} answered {first.status_code} in-process")
        if page["comments"] and f"{page['comments']} comments on".encode() not in first.content:
            raise RuntimeError(f"{page['path']} does not show its {page['comments']} comments")
        with CaptureQueriesContext(connection) as warm:
            client.get(page["path"])
        with (
            override_settings(COMMENTS_TREE_CACHE=False),
            CaptureQueriesContext(connection) as cold,
        ):
            client.get(page["path"])
        page["queries"] = {"warm": len(warm), "cold": len(cold)}


def load_page(server, page, args):
    """One page under wrk on a running server: rps, latency, size, then the workers' RSS."""
    status, _headers, body = get(server.port, page["path"])
    if status != 200:
        raise RuntimeError(f"{page['path']} answered {status} from gunicorn")
    url = server.base_url + page["path"]
    _step(f"  wrk {page['path']}")
    if args.warmup:
        load.wrk(url, args.warmup)
    # The ceiling is measured again right before each run of the page: on a shared machine the
    # load of other work drifts, and a ratio of two runs seconds apart is what stays
    # comparable. Several rounds, and the round with the median ratio is kept, so one noisy
    # second does not decide a target.
    rounds = []
    for _ in range(args.rounds):
        ceiling = None
        if page["name"] != "healthz":
            ceiling = load.wrk(server.base_url + "/healthz", args.duration)["rps"]
        result = load.wrk(url, args.duration)
        result["ceiling_rps"] = ceiling or result["rps"]
        rounds.append(result)
    result = report.median_round(rounds)
    result["rss_mb"] = server.worker_rss_mb()
    result["html_bytes"] = len(body)
    return result


def submit(env, post, args, servers, database):
    """Comments per second through the real form (CSRF cookie and token, signed form field).

    On PostgreSQL, as a real deployment takes comments: in the bench database when the run is
    on PostgreSQL, else in a throw-away one on BENCH_POSTGRES_URL's server (the local one by
    default); on SQLite only when no PostgreSQL answers, and the table says so.
    """
    target, post, own = _submit_database(database, env, post)
    try:
        server = Gunicorn(
            {**env, **SUBMIT_ENV, "DATABASE_URL": target.url}, RESULTS / "gunicorn.log"
        )
        servers.append(server)
        _step(f"comment submissions on {target.engine}, {args.writers} writers")
        server.start()
        result = load.submit_comments(
            server.port, post["url"], post["post_id"], SUBMIT_SECONDS, writers=args.writers
        )
        result["rss_mb"] = server.worker_rss_mb()
        server.stop()
        result.update(seed.stored_comments({**env, "DATABASE_URL": target.url}, post["post_id"]))
    finally:
        if own:
            target.drop()
    result["database"] = "PostgreSQL" if target.engine == "postgresql" else "SQLite"
    if result["client_errors"] or result["stored"] != result["accepted"]:
        _step(f"  submissions not all stored: {result}")
    return result


def _submit_database(database, env, post):
    """(database, post to write to, whether it was made here and must be dropped)."""
    if database.engine == "postgresql":
        return database, post, False
    url = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    try:
        target = seed.create_database(url)
    except (SystemExit, Exception) as exc:  # no PostgreSQL here: say so, measure on SQLite
        _step(f"  no PostgreSQL for submissions ({exc}); measuring them on SQLite")
        return database, post, False
    try:
        seed.migrate(target, env)
        return target, seed.submit_post({**env, "DATABASE_URL": target.url}), True
    except BaseException:
        target.drop()
        raise
