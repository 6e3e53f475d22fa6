"""Settings for the test suite: plain HTTP, plain static files, loud templates."""

import logging
import os

os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.pop("DJANGO_STATIC_MANIFEST", None)
os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-" + "x" * 50)

from config.settings import *  # noqa: E402, F403
from config.settings import LOGGING, MIDDLEWARE  # noqa: E402

DEBUG = False
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
# Reread the content state on every request, as the query-count tests expect;
# tests/core/test_content_state.py checks the once-a-second reuse itself.
CONTENT_STATE_MAX_AGE = 0
MIDDLEWARE = [
    m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"
]
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT", "/tmp/catalogue-test-media"))  # noqa: F405


class MissingTemplateVariable(Exception):
    pass


class RaiseOnMissingVariable(logging.Filter):
    """Turn a missing variable in one of our own templates into an error.

    Adam Johnson's pattern, scoped to the project's templates so that Django's
    and django-filter's own templates may keep relying on silent defaults.
    """

    OUR_TEMPLATES = (
        "base.html",
        "404.html",
        "500.html",
        "error_base.html",
        "includes/",
        "website/",
        "catalogue/",
        "anatomy/",
        "articles/",
        "discussion/",
    )

    def filter(self, record):
        if record.msg.startswith("Exception while resolving variable "):
            variable, template = record.args
            if template.startswith(self.OUR_TEMPLATES):
                raise MissingTemplateVariable(f"{variable!r} is missing in {template}")
        return False


LOGGING = {
    **LOGGING,
    "filters": {"missing_variable": {"()": RaiseOnMissingVariable}},
    "loggers": {
        "django.template": {
            "level": "DEBUG",
            "filters": ["missing_variable"],
            "propagate": False,
        },
    },
}
