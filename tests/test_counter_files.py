"""The version counters' file store (pagecache.counters): what one worker writes, another reads."""

import time

import pytest

from pagecache.counters import CounterFiles


def _store(folder):
    return CounterFiles(str(folder), {"KEY_PREFIX": "haven"})


def test_a_counter_written_by_one_worker_is_read_by_another(tmp_path):
    one, other = _store(tmp_path), _store(tmp_path)
    one.set("blog:content-version", 1_733_000_000_123_456_789, 60)
    assert other.get("blog:content-version") == 1_733_000_000_123_456_789
    assert other.get_many(["blog:content-version", "missing"]) == {
        "blog:content-version": 1_733_000_000_123_456_789
    }


def test_add_keeps_the_first_value_and_a_counter_without_timeout_stays(tmp_path):
    store = _store(tmp_path)
    assert store.add("v", 5, None) is True
    assert store.add("v", 6, None) is False
    assert store.get("v") == 5 and store.has_key("v")


def test_an_expired_counter_is_gone(tmp_path):
    store = _store(tmp_path)
    store.set("v", 7, 0.01)
    time.sleep(0.05)
    assert store.get("v", default="gone") == "gone" and not store.has_key("v")


def test_only_integers_are_kept(tmp_path):
    with pytest.raises(TypeError):
        _store(tmp_path).set("v", "text", 60)


def test_a_file_of_another_format_reads_as_missing(tmp_path):
    store = _store(tmp_path)
    store.set("v", 8, 60)
    with open(store._key_to_file("v"), "wb") as f:
        f.write(b"\x80\x04garbage")
    assert store.get("v") is None
