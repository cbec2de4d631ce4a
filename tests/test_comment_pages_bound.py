"""?cpage= cannot grow the cache: pages past the last redirect, garbage is 404."""

import pytest
from django.test import Client

from .cache_keys import all_keys
from .factories import CommentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_pages(post, settings):
    settings.COMMENTS_THREADS_PER_PAGE = 2
    for n in range(5):
        CommentFactory(post=post, body=f"Thread {n}")
    post.refresh_from_db()
    return post


def test_a_page_past_the_last_redirects_to_the_last(client, three_pages):
    url = three_pages.get_absolute_url()
    response = client.get(url + "?cpage=4")
    assert response.status_code == 302 and response["Location"] == url + "?cpage=3"
    huge = client.get(url + "?cpage=" + "1" + "0" * 30)
    assert huge.status_code == 302 and huge["Location"] == url + "?cpage=3"


def test_a_post_with_one_page_redirects_to_its_address_without_cpage(client, post):
    response = client.get(post.get_absolute_url() + "?cpage=2")
    assert response.status_code == 302 and response["Location"] == post.get_absolute_url()


def test_existing_pages_still_answer(client, three_pages):
    url = three_pages.get_absolute_url()
    for page in ("1", "2", "3"):
        assert client.get(f"{url}?cpage={page}").status_code == 200


@pytest.mark.parametrize("garbage", ["0", "-1", "abc", "1.5", "", " 2", "²", "\x00", "9" * 2000])
def test_a_cpage_that_is_not_a_page_number_is_404(client, three_pages, garbage):
    response = client.get(three_pages.get_absolute_url(), {"cpage": garbage})
    assert response.status_code == 404


def test_a_logged_in_moderator_is_redirected_too(moderator_client, three_pages):
    response = moderator_client.get(three_pages.get_absolute_url() + "?cpage=99")
    assert response.status_code == 302


def test_50_distinct_cpage_values_store_nothing_new(three_pages):
    url = three_pages.get_absolute_url()
    reader = Client()
    for page in (1, 2, 3):
        reader.get(f"{url}?cpage={page}")  # the real pages are stored once
    before = all_keys()
    statuses = set()
    for n in range(50):
        value = [str(4 + n), str(10**30 + n), f"x{n}", str(-n)][n % 4]
        statuses.add(Client().get(url, {"cpage": value}).status_code)
    assert statuses <= {302, 404}
    assert all_keys() == before


def test_a_redirect_to_the_last_page_costs_one_query(
    client, three_pages, django_assert_max_num_queries
):
    with django_assert_max_num_queries(1):
        client.get(three_pages.get_absolute_url() + "?cpage=50")
