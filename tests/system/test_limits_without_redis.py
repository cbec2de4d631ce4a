"""Rate limits without Redis: one count in the database, shared by every gunicorn worker."""

import sqlite3
from collections import Counter

import pytest

from .conftest import simultaneous_posts

pytestmark = pytest.mark.system


def _bodies(site, database):
    query = "SELECT body, count(*) FROM comments_comment GROUP BY body"
    if database == "sqlite":
        with sqlite3.connect(site.database_url.removeprefix("sqlite:///")) as conn:
            return dict(conn.execute(query).fetchall())
    return site.bodies()


@pytest.mark.parametrize("database", ["postgresql", "sqlite"])
def test_without_redis_30_simultaneous_posts_through_3_workers_accept_exactly_5(
    make_site, figures, tmp_path, database
):
    database_url = f"sqlite:///{tmp_path / 'haven.sqlite3'}" if database == "sqlite" else None
    site = make_site(
        database_url=database_url,
        redis_url="",
        VERSION_CACHE_DIR=tmp_path / "versions",
        COMMENTS_RATE="5/10m",
    )
    with site.gunicorn(workers=3, threads=4) as app:
        results = [(body, r.status) for body, r in simultaneous_posts(app, site)]
        pids = app.worker_pids()

    statuses = Counter(status for _, status in results)
    stored = _bodies(site, database)
    figures(
        database=database,
        workers=len(pids),
        requests=30,
        statuses=dict(statuses),
        rows_stored=sum(stored.values()),
    )
    assert len(pids) == 3
    assert statuses == {302: 5, 429: 25}
    accepted = {body for body, status in results if status == 302}
    assert set(stored) == accepted and set(stored.values()) == {1}
