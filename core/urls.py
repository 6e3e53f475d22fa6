"""Absolute URLs, all from one configured origin (settings.SITE_URL).

Never from the request: a Host header is whatever the client sent, and a
cached page built from one would hand that host to every later reader.
"""

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(path):
    """``path`` (e.g. "/exercises/?level=beginner") on the site's public origin."""
    if urlsplit(path).scheme:
        return path
    return f"{settings.SITE_URL}/{path.lstrip('/')}"


def site_scheme():
    return urlsplit(settings.SITE_URL).scheme or "https"


def site_domain():
    return urlsplit(settings.SITE_URL).netloc
