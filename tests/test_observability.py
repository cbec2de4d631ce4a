"""Operators get request ids, JSON logs and error reports; readers' words never go with them."""

import json
import logging
import logging.config

import pytest
import sentry_sdk
from django.conf import settings as django_settings
from django.core import mail
from django.http import HttpResponse
from django.test import Client
from django.urls import path

from config import urls as site_urls
from config.observability import JsonFormatter, RequestIdFilter, init_sentry, logging_config

BODY = "I have not told anyone this before and it still hurts every single day"
EMAIL = "quiet.reader@example.org"
IP = "203.0.113.77"


def failing_view(request):
    raise RuntimeError("the page broke\nDETAIL: Key (body)=(" + request.POST.get("body", "") + ")")


def logging_view(request):
    logging.getLogger("haven.test").warning("something to look at")
    return HttpResponse("ok")


urlpatterns = [path("boom", failing_view), path("log", logging_view), *site_urls.urlpatterns]


def _post_a_comment_that_breaks():
    client = Client(raise_request_exception=False, REMOTE_ADDR=IP)
    client.cookies["sessionid"] = "secret-session-value"
    response = client.post(
        "/boom?email=" + EMAIL,
        {"body": BODY, "author_email": EMAIL, "author_name": "Sam"},
        HTTP_X_FORWARDED_FOR=IP,
    )
    assert response.status_code == 500
    return response


def test_every_response_carries_a_request_id_and_keeps_a_well_formed_one_from_the_proxy(client):
    generated = client.get("/healthz")["X-Request-ID"]
    assert len(generated) == 32
    assert client.get("/healthz", HTTP_X_REQUEST_ID="abc123def456")["X-Request-ID"] == (
        "abc123def456"
    )
    forged = client.get("/healthz", HTTP_X_REQUEST_ID="x\r\nSet-Cookie: a=b")["X-Request-ID"]
    assert "\n" not in forged and len(forged) == 32


@pytest.mark.urls(__name__)
def test_json_log_lines_name_the_request_they_were_written_in(client, caplog):
    handler = logging.StreamHandler()
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    records = []
    handler.emit = lambda record: records.append(handler.format(record))
    logger = logging.getLogger("haven.test")
    logger.addHandler(handler)
    try:
        response = client.get("/log", HTTP_X_REQUEST_ID="req-0000001")
    finally:
        logger.removeHandler(handler)
    line = json.loads(records[0])
    assert line["request_id"] == response["X-Request-ID"] == "req-0000001"
    assert line["message"] == "something to look at" and line["level"] == "WARNING"


@pytest.mark.urls(__name__)
def test_error_mail_to_admins_holds_no_comment_text_email_or_address(settings):
    settings.ADMINS = [("Ops", "ops@haven.example")]
    logging.config.dictConfig(logging_config(log_format="plain", level="WARNING", admins=True))
    try:
        _post_a_comment_that_breaks()
    finally:
        logging.config.dictConfig(django_settings.LOGGING)
    assert len(mail.outbox) == 1
    report = mail.outbox[0].subject + mail.outbox[0].body
    assert "RuntimeError" in report
    for private in (BODY, EMAIL, IP, "secret-session-value"):
        assert private not in report


@pytest.mark.urls(__name__)
def test_sentry_events_hold_no_comment_text_email_or_address():
    events = []
    init_sentry(
        "https://public@sentry.invalid/1",
        environment="test",
        release="test",
        transport=events.append,
    )
    try:
        _post_a_comment_that_breaks()
        sentry_sdk.flush()
    finally:
        sentry_sdk.get_client().close()
        sentry_sdk.init()  # back to a client that sends nothing
    assert events, "the error reached Sentry"
    payload = json.dumps(events, default=str)
    assert "RuntimeError" in payload and "the page broke" in payload
    for private in (BODY, EMAIL, IP, "secret-session-value"):
        assert private not in payload
