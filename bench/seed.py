"""A throw-away database for the benchmark, and the posts and comments it measures.

SQLite by default (a fresh file under bench/results/); a separate PostgreSQL database
``haven_bench`` on the same server when DATABASE_URL points at PostgreSQL, created and dropped
here. Comments go in with bulk_create for speed, so what Comment.save would do (render body_html,
make a top-level comment the root of its thread, recount the post) is done here by hand.
"""

import json
import os
import random
import subprocess
import sys
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PG_NAME = "haven_bench"
PG_SCHEMES = ("postgres", "postgresql", "pgsql")

# 17 threads holding 43 comments, up to 3 deep: one 43-comment post, repeated for bigger ones.
THREAD_SIZES = (1, 2, 3, 4, 1, 3, 2, 5, 1, 2, 3, 1, 4, 2, 3, 1, 5)
POST_SIZES = (43, 1_000, 10_000)
FILLER_POSTS = 8
BODY_MIN, BODY_MAX = 300, 1_500

WORDS = """
a about after again all also always and another any around as at away back be because been
before being best better between both but by came can care could day days did different do does
done down each even every feel felt few find first for found friend from get give go going good
got grief had hard has have he help her here him his home how i if in into is it its just know
last later life like little long look made make many may me mother more most much my never new
next night no not now of off old on once one only or other our out over own people place read
really right said same say see she should since slowly so some something still such take talk
than that the their them then there these they thing things think this those though thought
through time to told too took two under up us used very want was way we well went were what
when where which while who why will with without words work would write year years yet you your
""".split()
NAMES = "Ana Ben Cleo Dev Edie Finn Gus Hana Ira Jo Kit Lou Mae Nico Oona Pip Quin Rosa Sol".split()


@dataclass
class BenchDatabase:
    """Where the benchmark's data lives; ``drop()`` removes it."""

    url: str
    engine: str  # "sqlite" or "postgresql"
    admin_url: str = ""
    path: Path | None = None

    def drop(self):
        if self.engine == "sqlite":
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            return
        _pg_execute(self.admin_url, f"DROP DATABASE IF EXISTS {PG_NAME} WITH (FORCE)")


def create_database(source_url=None):
    """A fresh, empty database: PostgreSQL when ``source_url`` is one, else a SQLite file."""
    source_url = source_url if source_url is not None else os.environ.get("DATABASE_URL", "")
    if urlsplit(source_url).scheme in PG_SCHEMES:
        return _create_postgres(source_url)
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / "bench.sqlite3"
    database = BenchDatabase(url=f"sqlite:///{path}", engine="sqlite", path=path)
    database.drop()
    return database


def _pg_execute(conninfo, sql):
    import psycopg

    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute(sql)


def _create_postgres(source_url):
    """``haven_bench`` on the server DATABASE_URL names; never touches the database it names."""
    parts = urlsplit(source_url)
    if parts.scheme != "postgresql":
        parts = parts._replace(scheme="postgresql")
    own_name = parts.path.lstrip("/")
    if own_name == PG_NAME:
        raise SystemExit(
            f"DATABASE_URL names {PG_NAME}, the database the bench drops: use another."
        )
    admin_url = ""
    for candidate in ("postgres", own_name):
        url = urlunsplit(parts._replace(path=f"/{candidate}"))
        try:
            _pg_execute(url, f"DROP DATABASE IF EXISTS {PG_NAME} WITH (FORCE)")
        except Exception as exc:  # no "postgres" database or no right to it: try the next
            error = exc
            continue
        admin_url = url
        break
    if not admin_url:
        raise SystemExit(f"Cannot create the {PG_NAME} database on that server: {error}")
    _pg_execute(admin_url, f"CREATE DATABASE {PG_NAME}")
    bench_url = urlunsplit(parts._replace(path=f"/{PG_NAME}"))
    return BenchDatabase(url=bench_url, engine="postgresql", admin_url=admin_url)


def migrate(database, env):
    """``manage.py migrate`` in a subprocess pointed at the benchmark's database."""
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env={**env, "DATABASE_URL": database.url},
        check=True,
    )


def _django(env, code):
    """Run ``code`` inside Django on ``env``'s database; its last line of output, as JSON."""
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


SUBMIT_POST = """
import json
from datetime import timedelta
from django.contrib.auth import get_user_model
from django.utils import timezone
from blog.models import Post
author = get_user_model().objects.create_user("bench-author", "author@example.org")
post = Post.objects.create(
    title="Where readers write", slug="bench-submit", body="<p>Write here.</p>", author=author,
    status=Post.Status.PUBLISHED, published_at=timezone.now() - timedelta(days=65),
)
print(json.dumps({"post_id": post.pk, "url": post.get_absolute_url(), "comments": 0}))
"""

STORED = """
import json
from comments.models import Comment
stored = Comment.objects.filter(post_id={post_id})
print(json.dumps({{"stored": stored.exclude(status="spam").count(),
                  "stored_as_spam": stored.filter(status="spam").count()}}))
"""


def submit_post(env):
    """A post to write to in another (migrated, empty) database; {"post_id", "url", ...}."""
    return _django(env, SUBMIT_POST)


def stored_comments(env, post_id):
    """{"stored", "stored_as_spam"}: the rows the submissions left, read back."""
    return _django(env, STORED.format(post_id=int(post_id)))


# Data ------------------------------------------------------------------------------------------


def thread_sizes(total):
    """Sizes of the threads of a ``total``-comment post: the 43-comment shape, repeated."""
    sizes, left = [], total
    while left > 0:
        for size in THREAD_SIZES:
            if left <= 0:
                break
            sizes.append(min(size, left))
            left -= sizes[-1]
    return sizes


def body_text(rng):
    """A comment of 300-1,500 characters in short paragraphs, sometimes with a link."""
    target = rng.randint(BODY_MIN + 10, BODY_MAX - 10)
    paragraphs, length = [], 0
    while length < target + 40:
        sentences = [
            " ".join(rng.choices(WORDS, k=rng.randint(6, 18))).capitalize() + rng.choice(".?.!")
            for _ in range(rng.randint(2, 5))
        ]
        paragraphs.append(" ".join(sentences))
        length += len(paragraphs[-1]) + 2
    if rng.random() < 0.1:
        link = f"https://example.org/reading/{rng.randint(1, 99)}"
        paragraphs[0] = f"I read {link} last week. {paragraphs[0]}"
    text = "\n\n".join(paragraphs)[:target]
    return text[: text.rfind(" ")].rstrip(".?!,") + "."


def post_body(rng):
    paragraphs = ["<p>" + body_text(rng).replace("\n\n", " ") + "</p>" for _ in range(5)]
    return paragraphs[0] + "<h2>What helped</h2>" + "".join(paragraphs[1:])


def add_comments(post, total, rng, start):
    """``total`` approved comments on ``post`` in threads up to 3 deep, level by level."""
    from django.db.models import F

    from comments.models import Comment
    from comments.rendering import render_comment_body
    from comments.tree import tree_changed

    specs = []  # (depth, parent index, root index)
    times = []
    for thread, size in enumerate(thread_sizes(total)):
        root = len(specs)
        specs.append((1, None, root))
        times.append(start + timedelta(minutes=10 * thread))
        reply = None
        for j in range(1, size):
            if j % 2:
                specs.append((2, root, root))
                reply = len(specs) - 1
            else:
                specs.append((3, reply, root))
            times.append(times[root] + timedelta(minutes=j))
    comments = []
    for index, (depth, _parent, _root) in enumerate(specs):
        body = body_text(rng)
        name = rng.choice(NAMES)
        comments.append(
            Comment(
                post=post,
                depth=depth,
                author_name=f"{name} {index % 97}",
                author_email=f"{name.lower()}{index}@example.org" if index % 2 else "",
                author_url=f"https://example.org/{name.lower()}" if index % 8 == 3 else "",
                body=body,
                body_html=render_comment_body(body),
                status=Comment.Status.APPROVED,
                created_at=times[index],
                ip_hash=f"{rng.getrandbits(256):064x}",
            )
        )
    for level in (1, 2, 3):
        batch = []
        for comment, (depth, parent, root) in zip(comments, specs, strict=True):
            if depth == level:
                if level > 1:
                    comment.parent_id = comments[parent].pk
                    comment.root_id = comments[root].pk
                batch.append(comment)
        Comment.objects.bulk_create(batch, batch_size=500)
        if level == 1:
            Comment.objects.filter(post=post, depth=1).update(root=F("pk"))
            for comment in batch:
                comment.root_id = comment.pk
    tree_changed(post.pk)
    return len(comments)


def seed():
    """Posts to measure (43, 1,000 and 10,000 comments), filler posts, and one to post to.

    Returns {name: {"post_id", "url", "comments"}}; needs Django set up on the bench database.
    """
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from blog.models import Category, Post

    rng = random.Random(43)
    now = timezone.now()
    posts = {}
    with transaction.atomic():
        author = get_user_model().objects.create_user(
            "bench-author", "author@example.org", first_name="Ruth", last_name="Bennett"
        )
        category = Category.objects.create(name="Grief", slug="grief")

        def new_post(slug, title, days_ago, **fields):
            post = Post.objects.create(
                title=title,
                slug=slug,
                body=post_body(rng),
                author=author,
                status=Post.Status.PUBLISHED,
                published_at=now - timedelta(days=days_ago),
                **fields,
            )
            post.categories.add(category)
            return post

        for number in range(FILLER_POSTS):
            post = new_post(
                f"notes-{number + 1}", f"Notes from the practice, {number + 1}", 70 + number
            )
            add_comments(post, 6, rng, post.published_at + timedelta(hours=1))
        for days_ago, size in zip((62, 61, 60), POST_SIZES, strict=True):
            post = new_post(
                f"bench-{size}",
                f"Living with loss: {size} replies",
                days_ago,
                sensitive_topics=True,
            )
            count = add_comments(post, size, rng, post.published_at + timedelta(hours=1))
            posts[f"post-{size}"] = {
                "post_id": post.pk,
                "url": post.get_absolute_url(),
                "comments": count,
            }
        post = new_post("bench-submit", "Where readers write", 65)
        posts["submit"] = {"post_id": post.pk, "url": post.get_absolute_url(), "comments": 0}
    settle()
    return posts


def settle():
    """PostgreSQL: what autovacuum does soon after a big insert (planner statistics, and the
    visibility map that index-only scans need), so the bench measures a settled database."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
