"""Whole-page caching that an editor's save invalidates at once.

A cached page's key holds the *content state*: the content version (moved on
by every save or delete of a content model, see ``core.signals``) and the time
the next scheduled item goes live. Both come from the database in one query,
so every process agrees on them whichever cache backend is configured; a save
makes every old key unreachable, and old entries simply expire.
"""

import functools
import hashlib
import re
from functools import wraps
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import DateTimeField
from django.utils import timezone
from django.utils.cache import (
    add_never_cache_headers,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.text import compress_string

from core.models import ContentVersion, PublicationStatus, Publishable

CONTENT_APPS = ("anatomy", "catalogue", "articles")
CODE_SUFFIXES = {".py", ".html", ".css", ".js", ".svg"}


def code_version():
    """A fingerprint of the code and templates, so a deploy never serves pages
    rendered by the previous release from a shared cache (Redis outlives it)."""
    root = Path(settings.BASE_DIR)
    fingerprint = hashlib.md5(usedforsecurity=False)
    for folder in (
        "config",
        "core",
        "catalogue",
        "anatomy",
        "articles",
        "curation",
        "templates",
        "static",
    ):
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in CODE_SUFFIXES:
                stat = path.stat()
                fingerprint.update(
                    f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}".encode()
                )
    return fingerprint.hexdigest()[:12]


CODE_VERSION = code_version()


def publishable_models():
    return [
        model
        for app_label in CONTENT_APPS
        for model in apps.get_app_config(app_label).get_models()
        if issubclass(model, Publishable)
    ]


@functools.cache
def content_state_sql():
    """One statement: the content version and the next scheduled publication of
    each publishable model. Built once; it runs on every cached page view, so it
    skips the ORM's per-call query building."""
    version = ContentVersion._meta
    upcoming = [
        f"(SELECT MIN({published}) FROM {table} WHERE {status} = %s AND {published} > %s)"
        for table, status, published in (
            (
                connection.ops.quote_name(model._meta.db_table),
                connection.ops.quote_name(model._meta.get_field("status").column),
                connection.ops.quote_name(model._meta.get_field("published_at").column),
            )
            for model in publishable_models()
        )
    ]
    columns = ", ".join([connection.ops.quote_name("value"), *upcoming])
    return (
        f"SELECT {columns} FROM {connection.ops.quote_name(version.db_table)} WHERE id = 1",
        len(upcoming),
    )


def content_state():
    """A short string that changes whenever what readers may see changes."""
    sql, scheduled_models = content_state_sql()
    now = DateTimeField().get_db_prep_value(timezone.now(), connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, [PublicationStatus.PUBLISHED, now] * scheduled_models)
        row = cursor.fetchone()
    if row is None:
        return "0"
    version, *upcoming = row
    pending = sorted(str(moment) for moment in upcoming if moment is not None)
    return f"{version}:{pending[0] if pending else ''}"


def is_editor(request):
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and user.is_staff)


def render_response(response):
    """A TemplateResponse rendered, so that it can be stored."""
    if callable(getattr(response, "render", None)):
        response = response.render()
    return response


def cache_page_for_readers(view):
    """Serve readers a stored copy of the page until the content changes.

    Editors (who may preview drafts) always get a fresh page that no cache
    keeps. Only successful GET and HEAD responses are stored.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or is_editor(request):
            response = view(request, *args, **kwargs)
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
            return response

        if settings.PAGE_CACHE_SECONDS:
            # Gzip-accepting browsers get a copy compressed once, when it was stored.
            gzip = bool(ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")))
            identity = f"{content_state()}|{request.get_full_path()}".encode()
            digest = hashlib.md5(identity, usedforsecurity=False).hexdigest()
            key = f"page:{CODE_VERSION}:{digest}:{'gz' if gzip else 'id'}"
            response = cache.get(key)
            if response is None:
                response = render_response(view(request, *args, **kwargs))
                if response.status_code == 200 and not response.cookies:
                    if gzip:
                        compress(response)
                    set_response_etag(response)  # once, not on every hit
                    cache.set(key, response, settings.PAGE_CACHE_SECONDS)
        else:
            response = view(request, *args, **kwargs)
        # Any cache in front may keep the page, but must ask again before reusing it
        # (ConditionalGetMiddleware then answers 304 while the content is unchanged).
        patch_cache_control(response, no_cache=True, public=True)
        patch_vary_headers(response, ["Cookie", "Accept-Encoding"])
        return response

    return wrapped


ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def compress(response):
    """Gzip a public page in place (no secret in it, so no BREACH padding needed)."""
    if len(response.content) < 200 or response.has_header("Content-Encoding"):
        return
    response.content = compress_string(response.content)
    response.headers["Content-Encoding"] = "gzip"
    response.headers["Content-Length"] = str(len(response.content))
