"""`make run` shows the real site: its stylesheets, scripts and icons load, and the fonts apply.

The server is started as the Makefile's ``run`` target starts it (``manage.py migrate``,
``load_demo``, then ``manage.py runserver``, with config.settings and no other setting), on a
free port, over its own SQLite file.
"""

import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONTENT_TYPES = {
    "stylesheet": "text/css",
    "script": "text/javascript",
    "icon": "image/",
}


def _get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), b""


class _Assets(HTMLParser):
    """(kind, href) of every stylesheet, script and icon a page links."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = (attrs.get("rel") or "").split()
        if tag == "link" and "stylesheet" in rel:
            self.found.append(("stylesheet", attrs["href"]))
        elif tag == "link" and "icon" in rel:
            self.found.append(("icon", attrs["href"]))
        elif tag == "script" and attrs.get("src"):
            self.found.append(("script", attrs["src"]))


def _free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def make_run_server():
    """``manage.py runserver`` with the environment of ``make run`` (development settings)."""
    folder = Path(tempfile.mkdtemp(prefix="haven_make_run_"))
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", str(folder)),
        "LANG": "C.UTF-8",
        "DJANGO_SETTINGS_MODULE": "config.settings",  # exported by the Makefile
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "VERSION_CACHE_DIR": str(folder / "versions"),
        "PYTHONUNBUFFERED": "1",
    }
    for step in (["migrate", "--noinput", "-v0"], ["load_demo"]):
        subprocess.run(
            [sys.executable, "manage.py", *step], cwd=ROOT, env=env, check=True,
            capture_output=True, timeout=300,
        )  # fmt: skip
    port = _free_port()
    log = open(folder / "runserver.log", "wb")
    proc = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # the autoreloader's child goes with it
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError((folder / "runserver.log").read_text())
            try:
                if _get(base + "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError("runserver did not answer /healthz within 60 s")
            time.sleep(0.2)
        yield base
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
        log.close()


def _assets_of(base, path):
    status, content_type, body = _get(base + path)
    assert status == 200 and content_type.startswith("text/html"), path
    parser = _Assets()
    parser.feed(body.decode())
    return body.decode(), parser.found


def test_make_run_serves_every_stylesheet_script_and_icon_the_home_page_links(make_run_server):
    html, found = _assets_of(make_run_server, "/")
    assert {kind for kind, _ in found} == {"stylesheet", "script", "icon"}, found
    # and those of the demo post (its comment script), linked from the home page
    post_path = re.search(r'<h2><a href="(/\d{4}/\d{2}/[^"]+/)">', html).group(1)
    found += _assets_of(make_run_server, post_path)[1]
    assert any(href.endswith("comments.js") for _, href in found)
    for kind, href in found:
        status, content_type, content = _get(make_run_server + href)
        assert status == 200, href
        assert content_type.startswith(CONTENT_TYPES[kind]), (href, content_type)
        assert content, href
        if kind == "stylesheet":  # fonts and images a stylesheet asks for load too
            for ref in re.findall(r"url\(\s*['\"]?([^'\")]+)", content.decode()):
                if not ref.startswith("data:"):
                    target = urllib.request.urljoin(make_run_server + href, ref)
                    assert _get(target)[0] == 200, (href, ref)


def test_make_run_answers_favicon_ico_at_the_site_root(make_run_server):
    status, content_type, body = _get(make_run_server + "/favicon.ico")
    assert status == 200
    assert content_type == "image/x-icon"
    assert body[:4] == b"\x00\x00\x01\x00"  # an ICO header


def test_make_run_page_uses_the_site_serif_font_not_the_browser_default(make_run_server, page):
    page.goto(make_run_server + "/")
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert font.startswith("Charter"), font
    # site.js ran: it marks the document as having JavaScript
    assert page.evaluate("document.documentElement.classList.contains('js')")
