"""``python -m bench.render``: how long the comment tree's markup takes, in-process, no server.

The post view's cold path (tree cache off) loads a page of threads, then ``_prepare`` and
``render_tree`` turn its nodes into HTML. This times those two, and the whole cold block
(``rendered_comments``: queries, markup, count line), on page 1 of a 43-comment and of a
10,000-comment post shaped as ``make bench`` seeds them, in an in-memory SQLite database.

``--against REV`` also times comments/tree.py as it was at a git revision (read with ``git show``
into a throw-away module, never into the source tree), interleaved with this checkout's renderer
sample by sample, so drift on a shared machine moves both alike.
"""

import argparse
import gc
import importlib.util
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = (43, 10_000)
DEFAULT_AGAINST = ("e409117^",)  # the last hand-concatenated renderer, before format_html


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="python -m bench.render", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--reps", type=int, default=2000, help="renders per page and renderer")
    parser.add_argument(
        "--against",
        nargs="*",
        default=list(DEFAULT_AGAINST),
        metavar="REV",
        help="git revisions whose comments/tree.py to time too (default: e409117^)",
    )
    return parser.parse_args(argv)


def setup_django():
    """Django on a fresh in-memory SQLite database and local-memory cache, DEBUG off."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DATABASE_URL"] = "sqlite://:memory:"
    os.environ["DEBUG"] = "0"
    os.environ.pop("REDIS_URL", None)
    os.environ.pop("CACHE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def seed_posts():
    """{comment count: post}, each with the bench's thread shapes and bodies."""
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from blog.models import Post

    from .seed import add_comments

    rng = random.Random(43)
    now = timezone.now()
    author = get_user_model().objects.create_user("bench-author", "author@example.org")
    posts = {}
    with transaction.atomic():
        for days_ago, size in zip((62, 60), PAGES, strict=True):
            post = Post.objects.create(
                title=f"Living with loss: {size} replies",
                slug=f"bench-{size}",
                body="<p>Bench.</p>",
                author=author,
                status=Post.Status.PUBLISHED,
                published_at=now - timedelta(days=days_ago),
            )
            add_comments(post, size, rng, post.published_at + timedelta(hours=1))
            post.refresh_from_db()
            posts[size] = post
    return posts


def tree_at(rev):
    """comments/tree.py as it was at ``rev``, imported as a throw-away module of ``comments``."""
    source = subprocess.run(
        ["git", "show", f"{rev}:comments/tree.py"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tree.py"
        path.write_text(source)
        name = f"comments._bench_tree_{abs(hash(rev))}"
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return module


class Renderer:
    """One version of the markup code: ``markup`` times _prepare + render_tree, ``block`` the
    view's whole cold block with that version's two functions in place."""

    def __init__(self, label, module):
        self.label, self.module = label, module

    def markup(self, items, post):
        self.module._prepare(items, post)
        return self.module.render_tree(items)

    def block(self, post):
        from comments import tree
        from comments.views import rendered_comments

        kept = tree._prepare, tree.render_tree
        tree._prepare, tree.render_tree = self.module._prepare, self.module.render_tree
        try:
            return rendered_comments(None, post.pk, post.comments_open, 1)
        finally:
            tree._prepare, tree.render_tree = kept


def timed(function, *args):
    start = time.perf_counter_ns()
    result = function(*args)
    return (time.perf_counter_ns() - start) / 1e6, result


def summary(samples):
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


def measure(renderers, posts, reps):
    """{(size, what): {label: (median ms, p95 ms)}}, and which outputs match the first's."""
    from comments.tree import load_tree_page

    results, same = {}, {}
    for size, post in posts.items():
        # Each renderer gets its own nodes: _prepare writes onto them.
        items = {r.label: load_tree_page(post).items for r in renderers}
        html = {r.label: r.markup(items[r.label], post) for r in renderers}
        first = renderers[0].label
        same[size] = {label: text == html[first] for label, text in html.items()}
        for what, run in (
            ("markup", lambda r, post=post, items=items: r.markup(items[r.label], post)),
            ("block", lambda r, post=post: r.block(post)),
        ):
            count = reps if what == "markup" else max(reps // 4, 50)
            samples = {r.label: [] for r in renderers}
            for r in renderers:  # warm up
                for _ in range(20):
                    run(r)
            gc.collect()
            gc.disable()
            try:
                for _ in range(count):
                    for r in renderers:  # interleaved, so drift moves each alike
                        samples[r.label].append(timed(run, r)[0])
            finally:
                gc.enable()
            results[(size, what)] = {label: summary(s) for label, s in samples.items()}
        results[(size, "comments")] = len(items[first])
    return results, same


def report(results, same, renderers, reps):
    base = renderers[-1].label if len(renderers) > 1 else renderers[0].label
    lines = [
        f"Tree render micro-benchmark: {reps} markup renders per page and renderer, in-memory "
        f"SQLite, page 1 (20 threads); ratio = median over {base}'s; within 5% = ratio <= 1.05.",
        "",
        f"| {'page':<26} | {'part':<6} | {'renderer':<28} "
        "| median ms | p95 ms | ratio | same HTML |",
        f"|{'-' * 28}|{'-' * 8}|{'-' * 30}|----------:|-------:|------:|:---------:|",
    ]
    for size in PAGES:
        page = f"{size:,} comments ({results[(size, 'comments')]} shown)"
        for what in ("markup", "block"):
            row = results[(size, what)]
            for r in renderers:
                median, p95 = row[r.label]
                ratio = median / row[base][0]
                identical = "yes" if same[size][r.label] else "no"
                lines.append(
                    f"| {page:<26} | {what:<6} | {r.label:<28} | {median:9.3f} | {p95:6.3f} "
                    f"| {ratio:5.2f} | {identical:^9} |"
                )
    lines += [
        "",
        "markup = _prepare + render_tree on a loaded page; block = rendered_comments with the",
        "tree cache off (its 2 queries, the markup and the count line), what the post view calls.",
        f"same HTML = byte-identical to {renderers[0].label}'s markup of the same page.",
    ]
    return "\n".join(lines)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    setup_django()
    from django.test.utils import override_settings

    from comments import tree

    renderers = [Renderer("this checkout", tree)]
    renderers += [Renderer(f"{rev} (git show)", tree_at(rev)) for rev in args.against]
    posts = seed_posts()
    with override_settings(COMMENTS_TREE_CACHE=False):
        results, same = measure(renderers, posts, args.reps)
    print(report(results, same, renderers, args.reps))
    return 0


if __name__ == "__main__":
    sys.exit(main())
