"""A browser-like HTTP client for the system tests, and helpers that read Haven's pages."""

import http.client
import json
import re
import urllib.parse
from html import unescape
from http.cookies import SimpleCookie


class Response:
    def __init__(self, status, headers, text):
        self.status = status
        self.headers = headers
        self.text = text

    @property
    def location(self):
        return self.headers.get("Location", "")

    def __repr__(self):
        return f"<Response {self.status}>"


class Client:
    """A browser-like client over http.client: cookies kept (Secure ignored: plain http on
    127.0.0.1), Origin and Referer sent with posts. One jar can be shared across servers."""

    def __init__(self, base_url, *, jar=None, timeout=30, source=None):
        self.base_url = base_url.rstrip("/")
        self.source = source  # another loopback address (127.0.0.x) to appear as another reader
        parts = urllib.parse.urlsplit(self.base_url)
        self.host, self.port = parts.hostname, parts.port
        assert self.host == "127.0.0.1", "system tests talk to 127.0.0.1 only"
        self.jar = jar if jar is not None else {}
        self.timeout = timeout

    def at(self, base_url):
        """The same browser (same cookies) talking to another server."""
        return Client(base_url, jar=self.jar, timeout=self.timeout, source=self.source)

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection(
            self.host,
            self.port,
            timeout=self.timeout,
            source_address=(self.source, 0) if self.source else None,
        )
        sent = {"User-Agent": "haven-system-test", **(headers or {})}
        if self.jar:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.jar.items())
        try:
            conn.request(method, path, body=body, headers=sent)
            raw = conn.getresponse()
            text = raw.read().decode("utf-8", errors="replace")
            self._keep_cookies(raw.headers.get_all("Set-Cookie") or [])
            return Response(raw.status, raw.headers, text)
        finally:
            conn.close()

    def _keep_cookies(self, values):
        for value in values:
            cookie = SimpleCookie()
            cookie.load(value)
            for name, morsel in cookie.items():
                if morsel["max-age"] == "0" or morsel.value == "":
                    self.jar.pop(name, None)
                else:
                    self.jar[name] = morsel.value

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, data):
        body = urllib.parse.urlencode(data, doseq=True)
        return self.request(
            "POST",
            path,
            body=body.encode(),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": self.base_url,
                "Referer": self.base_url + path,
            },
        )

    def comment_form(self, post_url, **fields):
        """GET the post and fill in its comment form (CSRF token and signed timestamp).

        A page served to every reader carries no CSRF token: like comments.js, ask for one.
        """
        page = self.get(post_url)
        assert page.status == 200, f"post page answered {page.status}"
        token = input_value(page.text, "csrfmiddlewaretoken")
        if not token:
            answer = self.get("/comments/csrf/")
            assert answer.status == 200, f"/comments/csrf/ answered {answer.status}"
            token = json.loads(answer.text)["token"]
        return {
            "csrfmiddlewaretoken": token,
            "security": input_value(page.text, "security"),
            "name": "Reader",
            "email": "",
            "url": "",
            "parent": "",
            "honeypot": "",
            **fields,
        }

    def login(self, username, password="correct horse battery staple"):
        page = self.get("/accounts/login/")
        response = self.post(
            "/accounts/login/",
            {
                "csrfmiddlewaretoken": input_value(page.text, "csrfmiddlewaretoken"),
                "username": username,
                "password": password,
            },
        )
        assert response.status == 302, f"log-in answered {response.status}"
        return response


def input_value(html, name):
    """The value of the first ``<input name=...>`` in ``html``."""
    tag = re.search(rf'<input[^>]*\bname="{re.escape(name)}"[^>]*>', html)
    if tag is None:
        raise AssertionError(f"no input named {name!r} in the page")
    value = re.search(r'\bvalue="([^"]*)"', tag.group(0))
    return unescape(value.group(1)) if value else ""


def form_fields(html, action):
    """The hidden inputs and textareas of the form posting to ``action``, as a browser sends."""
    form = re.search(rf'<form[^>]*action="{re.escape(action)}".*?</form>', html, re.S).group(0)
    fields = {
        name: unescape(value)
        for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form)
    }
    for name, text in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S):
        fields[name] = unescape(text)
    return fields


def textarea_text(html, name="body"):
    match = re.search(
        rf'<textarea[^>]*\bname="{re.escape(name)}"[^>]*>(.*?)</textarea>', html, re.S
    )
    return unescape(match.group(1)).strip() if match else None


def count_line(html):
    """The number in the post page's "N comments on ..." heading (0 for "No comments yet")."""
    match = re.search(r'class="count-line">\s*(?:(\d+) comments?|No comments)', html)
    assert match, "no count line on the page"
    return int(match.group(1) or 0)


def page_text(html):
    """The words of a page, tags and runs of space removed: for an assertion's message."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", unescape(html))).strip()
