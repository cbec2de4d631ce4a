"""`make screenshots`: README's pictures of the running site, in light, dark and phone variants.

Starts Haven on a free port with a throw-away SQLite database and the demo content, drives
Debian's Chromium with Playwright through what a reader, a writer in crisis and a moderator see,
and writes PNGs to docs/screenshots/ (device scale 1, the top 1,600 px of each scene, at most
about 300 KB each). Nothing outside the temporary folder is touched but docs/screenshots/.

    .venv/bin/python -m tools.screenshots [--out DIR] [--only SCENE ...]
"""

import argparse
import io
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from tools.chromium import CHROMIUM, CHROMIUM_ARGS

BASE_DIR = Path(__file__).resolve().parent.parent
OUT = BASE_DIR / "docs" / "screenshots"
MAX_HEIGHT = 1600
MAX_BYTES = 300 * 1024
VARIANTS = {
    "light": {"viewport": {"width": 1280, "height": 900}, "color_scheme": "light"},
    "dark": {"viewport": {"width": 1280, "height": 900}, "color_scheme": "dark"},
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "color_scheme": "light",
        "is_mobile": True,
        "has_touch": True,
    },
}
SCENES = ["post", "comment-form", "crisis-panel", "moderation-queue"]
MODERATOR, PASSWORD = "dana", "screenshots-only-password-8e1f"
# One text a variant: the same comment twice would be refused as a duplicate.
CRISIS_TEXTS = {
    "light": "I don't want to be alive anymore. Some nights I think about ending my life.",
    "dark": "Reading this tonight. I don't want to be alive anymore and I keep thinking about it.",
    "phone": "I have been thinking about ending my life. I don't want to be alive anymore.",
}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--only", nargs="*", choices=SCENES, default=SCENES)
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        sys.exit(f"Chromium is needed at {CHROMIUM} (apt-get install -y chromium)")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="haven-screenshots-") as tmp:
        env = site_environment(Path(tmp))
        post_url = prepare_site(env)
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_up(f"{base}/healthz")
            written = shoot(base, post_url, args.out, args.only)
        finally:
            server.terminate()
            server.wait(timeout=10)
    for path in written:
        print(
            f"{path.relative_to(BASE_DIR) if path.is_relative_to(BASE_DIR) else path}"
            f"  {path.stat().st_size // 1024} KB"
        )


def site_environment(tmp):
    """The site's settings: everything in ``tmp``, nothing shared with `make run` or tests."""
    env = {key: value for key, value in os.environ.items() if key not in ("REDIS_URL",)}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_ENV": "development",
            "DEBUG": "true",
            "DATABASE_URL": f"sqlite:///{tmp / 'screenshots.sqlite3'}",
            "CACHE_URL": "locmemcache://screenshots",
            "VERSION_CACHE_DIR": str(tmp / "versions"),
            "MEDIA_ROOT": str(tmp / "media"),
            "WHITENOISE_USE_FINDERS": "true",  # static files straight from static/
            "COMMENTS_MIN_SECONDS": "0",  # the script types faster than a person
            "EMAIL_URL": "consolemail://",
        }
    )
    return env


def manage(env, *arguments):
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


SETUP = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from blog.models import Post
user, _ = get_user_model().objects.get_or_create(username={MODERATOR!r})
user.first_name, user.is_staff = "Dana", True
user.set_password({PASSWORD!r})
user.save()
user.groups.add(Group.objects.get(name="Moderators"))
post = Post.objects.published().order_by("-comment_count").first()
print(post.get_absolute_url())
"""


def prepare_site(env):
    """Migrate, load the demo, add a moderator; the URL of the demo post with most comments."""
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo")
    return manage(env, "shell", "-c", SETUP).strip().splitlines()[-1]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url, seconds=30):
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.3)


def shoot(base, post_url, out, scenes):
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for variant, options in VARIANTS.items():
                context = browser.new_context(
                    **options, device_scale_factor=1, reduced_motion="reduce"
                )
                page = context.new_page()
                scene = Scenes(page, base, post_url, variant)
                for name in scenes:
                    top = getattr(scene, name.replace("-", "_"))()
                    written.append(save(page, top, out / f"{name}-{variant}.png"))
                context.close()
        finally:
            browser.close()
    return written


class Scenes:
    """Each scene opens its page and returns the y offset its picture starts at."""

    def __init__(self, page, base, post_url, variant):
        self.page, self.base, self.post_url, self.variant = page, base, post_url, variant

    def post(self):
        self.page.goto(self.base + self.post_url)
        return 0

    def comment_form(self):
        self.page.goto(self.base + self.post_url)
        return max(0, self.page.locator("#respond").bounding_box()["y"] - 16)

    def crisis_panel(self):
        page = self.page
        page.goto(self.base + self.post_url + "#respond")
        page.fill("textarea[name=body]", CRISIS_TEXTS[self.variant])
        page.fill("input[name=name]", "Robin")
        page.click("form.comment-form button[type=submit]")
        page.wait_for_selector(".crisis-panel")
        return 0

    def moderation_queue(self):
        page = self.page
        page.goto(f"{self.base}/accounts/login/?next=/moderation/")
        if "/accounts/login/" in page.url:
            page.fill("input[name=username]", MODERATOR)
            page.fill("input[name=password]", PASSWORD)
            page.click("main button[type=submit]")
        page.wait_for_url("**/moderation/")
        return 0


def save(page, top, path):
    """The page from ``top`` down, at most MAX_HEIGHT tall, as a PNG under MAX_BYTES."""
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready")
    width = page.viewport_size["width"]
    height = page.evaluate("document.documentElement.scrollHeight")
    clip = {"x": 0, "y": top, "width": width, "height": min(MAX_HEIGHT, height - top)}
    data = page.screenshot(full_page=True, clip=clip, animations="disabled", caret="hide")
    if len(data) > MAX_BYTES:
        data = _fewer_colours(data)
    path.write_bytes(data)
    return path


def _fewer_colours(data):
    """A 256-colour PNG of the same picture: text stays sharp, the file a third of the size."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as picture:
        out = io.BytesIO()
        picture.convert("RGB").quantize(colors=256).save(out, format="PNG", optimize=True)
    return out.getvalue()


if __name__ == "__main__":
    main()
