"""Every request body over the cap is refused with 413 before it is read, whatever its type."""

import io

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from django.urls import reverse

from comments.models import Comment

CAP = 256 * 1024


class TrackedInput(io.BytesIO):
    """wsgi.input that remembers how much of it anything read."""

    def __init__(self, data):
        super().__init__(data)
        self.consumed = 0

    def read(self, size=-1):
        chunk = super().read(size)
        self.consumed += len(chunk)
        return chunk

    def readline(self, size=-1):
        line = super().readline(size)
        self.consumed += len(line)
        return line


def call(path, body, content_type, *, length=True, chunked=False):
    """The whole Django stack, as gunicorn calls it; (status, body stream)."""
    stream = TrackedInput(body)
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "REMOTE_ADDR": "127.0.0.1",
        "CONTENT_TYPE": content_type,
        "wsgi.input": stream,
        "wsgi.url_scheme": "http",
        "wsgi.errors": io.StringIO(),
    }
    if length:
        environ["CONTENT_LENGTH"] = str(len(body))
    if chunked:
        environ["HTTP_TRANSFER_ENCODING"] = "chunked"
    statuses = []
    # As the test client does: the test's database connection must outlive the request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        b"".join(WSGIHandler()(environ, lambda status, headers: statuses.append(status)))
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return int(statuses[0].split()[0]), stream


def multipart(size):
    boundary = "xXx"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="body"\r\n\r\nhi\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + b"a" * size
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


@pytest.mark.django_db
def test_a_300_kb_multipart_post_is_refused_with_413_without_reading_it(post):
    body, content_type = multipart(300 * 1024)
    status, stream = call(reverse("comments:post", args=[post.pk]), body, content_type)
    assert status == 413
    assert stream.consumed == 0
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_a_300_kb_urlencoded_post_is_refused_with_413_without_reading_it(post):
    body = b"body=" + b"a" * (300 * 1024)
    status, stream = call(
        reverse("comments:post", args=[post.pk]), body, "application/x-www-form-urlencoded"
    )
    assert status == 413 and stream.consumed == 0


@pytest.mark.django_db
def test_a_chunked_body_without_length_over_the_cap_is_refused_having_read_only_the_cap(post):
    body = b"body=" + b"a" * (2 * 1024 * 1024)
    status, stream = call(
        reverse("comments:post", args=[post.pk]),
        body,
        "application/x-www-form-urlencoded",
        length=False,
        chunked=True,
    )
    assert status == 413
    assert stream.consumed == CAP + 1


@pytest.mark.django_db
def test_a_big_body_on_any_path_and_method_is_refused(post):
    body, content_type = multipart(300 * 1024)
    status, stream = call("/search/", body, content_type)
    assert status == 413 and stream.consumed == 0


@pytest.mark.django_db
def test_a_small_chunked_comment_is_still_read(post, settings):
    from .conftest import comment_data

    settings.COMMENTS_MODERATION = "none"
    from urllib.parse import urlencode

    body = urlencode(comment_data(post, body="Sent in chunks, still read.")).encode()
    status, _ = call(
        reverse("comments:post", args=[post.pk]),
        body,
        "application/x-www-form-urlencoded",
        length=False,
        chunked=True,
    )
    assert status in (302, 403)  # 403: no CSRF cookie in a raw WSGI call; never 413
    assert status != 413


@pytest.mark.django_db
def test_staff_in_the_admin_may_send_up_to_admin_upload_max_bytes(moderator, settings):
    settings.ADMIN_UPLOAD_MAX_BYTES = 1024 * 1024
    moderator.is_staff = True
    moderator.save()
    staff, stranger = Client(), Client()
    staff.force_login(moderator)
    path = reverse("admin:index")

    def upload(client, size):
        picture = io.BytesIO(b"a" * size)
        picture.name = "picture.png"
        return client.post(path, {"file": picture}).status_code

    assert upload(staff, 600 * 1024) != 413
    assert upload(stranger, 600 * 1024) == 413
    assert upload(staff, 1100 * 1024) == 413
