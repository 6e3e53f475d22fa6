"""The cache fails open: with Redis refusing or hanging, pages are served uncached,
/healthz says the cache is degraded, and the log gets one warning, not one a request."""

import shutil
import signal
import socket
import subprocess
import time

import pytest
from django.test import TestCase, override_settings

from core import cache_guard
from tests.factories import make_exercise


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_cache_at(port):
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }


PAGES = ("/", "/exercises/", "/exercises/cable-row/", "/anatomy/")


class RedisRefusingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_exercise("Cable Row")

    def test_pages_are_served_and_healthz_says_degraded_when_nothing_listens(self):
        with override_settings(CACHES=redis_cache_at(free_port())):
            with self.assertLogs("core.cache", "WARNING") as logs:
                for _ in range(3):
                    for path in PAGES:
                        assert self.client.get(path).status_code == 200, path
            health = self.client.get("/healthz")
        assert len(logs.records) == 1  # once per interval, not once a request
        assert health.status_code == 200
        assert health.json()["status"] == "degraded"
        assert health.json()["cache"] == "degraded"

    def test_the_cache_is_tried_again_after_the_retry_interval(self):
        with override_settings(CACHES=redis_cache_at(free_port())):
            self.client.get("/exercises/")
            assert not cache_guard.cache_available()
            with override_settings(CACHE_RETRY_SECONDS=0):
                cache_guard._failed(ConnectionError("again"))
                assert cache_guard.cache_available()


@pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server")
class RedisHangingTests(TestCase):
    """A Redis that accepts connections but never answers (paused with SIGSTOP)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.port = free_port()
        cls.redis = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(cls.port),
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", cls.port), 0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        cls.redis.send_signal(signal.SIGSTOP)

    @classmethod
    def tearDownClass(cls):
        cls.redis.send_signal(signal.SIGCONT)
        cls.redis.terminate()
        cls.redis.wait(10)
        super().tearDownClass()

    @classmethod
    def setUpTestData(cls):
        make_exercise("Cable Row")

    def test_pages_are_served_and_only_the_first_request_waits(self):
        with override_settings(CACHES=redis_cache_at(self.port)):
            with self.assertLogs("core.cache", "WARNING"):
                assert self.client.get("/exercises/").status_code == 200
            assert not cache_guard.cache_available()  # the others skip the cache
            for path in PAGES:
                assert self.client.get(path).status_code == 200, path
            assert self.client.get("/healthz").json()["cache"] == "degraded"


def shared_and_local():
    """A shared page cache (standing in for Redis) with each process's copy."""
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "shared",
        },
        cache_guard.LOCAL: {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "this-process",
        },
    }


@override_settings(CACHES=shared_and_local())
class LocalCopyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.row = make_exercise("Cable Row")

    def setUp(self):
        from django.core.cache import caches

        self.shared, self.local = caches["default"], caches[cache_guard.LOCAL]
        self.shared.clear()
        self.local.clear()

    def test_a_page_served_again_comes_from_this_process_not_the_shared_cache(self):
        first = self.client.get("/exercises/cable-row/")
        self.shared.clear()  # as if only another server had it
        again = self.client.get("/exercises/cable-row/")
        assert again.content == first.content
        assert not self.shared._cache  # served from the copy: nothing stored again

    def test_a_page_another_process_stored_is_copied_on_its_first_hit(self):
        self.client.get("/exercises/cable-row/")
        self.local.clear()  # as if another process had rendered it
        self.client.get("/exercises/cable-row/")
        assert self.local._cache  # copied here for the next request

    def test_a_locally_held_page_is_served_while_the_shared_cache_is_down(self):
        first = self.client.get("/exercises/cable-row/")
        cache_guard._failed(ConnectionError("Redis is down"))
        assert not cache_guard.cache_available()
        assert self.client.get("/exercises/cable-row/").content == first.content

    def test_a_save_reaches_the_copies_at_once_through_the_key(self):
        self.client.get("/exercises/cable-row/")
        self.row.summary = "A row on the cable stack."
        self.row.save()
        body = self.client.get("/exercises/cable-row/").content.decode()
        assert "A row on the cable stack." in body
