"""
Settings for the exercise catalogue, read from the environment.

    DJANGO_DEBUG            "1" for development (default off)
    DJANGO_SECRET_KEY       required when DEBUG is off; an insecure fallback in DEBUG
    DJANGO_ALLOWED_HOSTS    comma-separated (default "localhost,127.0.0.1")
    DATABASE_URL            sqlite:///path or postgres://user@host:port/name
                            (default: SQLite in db.sqlite3 beside manage.py)
    REDIS_URL               redis://host:port/db switches the cache to Redis
    DJANGO_SECURE_SSL_REDIRECT  "0" to serve plain HTTP with DEBUG off
    DJANGO_STATIC_MANIFEST  "1" for hashed, compressed static files (make serve)
    SITE_URL                the public origin, e.g. https://backbone.example: every
                            absolute URL (canonical links, sharing cards, JSON-LD,
                            sitemap, robots.txt, feeds, the API) is built from it,
                            never from the request's Host header
    RELEASE                 the deployed release (default: the git commit); part
                            of every page-cache key, so hosts sharing one Redis
                            share pages of the same release and never another's
    DJANGO_HSTS_SECONDS     HSTS max-age with DEBUG off (default one year)
    DJANGO_HSTS_INCLUDE_SUBDOMAINS, DJANGO_HSTS_PRELOAD  "1" to opt in (default off)
"""

import os
import subprocess
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


def database_from_url(url):
    """A DATABASES entry from a DATABASE_URL (parsed by dj-database-url)."""
    database = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    if database["ENGINE"].endswith("postgresql"):
        # Django's backend with a health check that costs no round trip while
        # the connection is idle and sound (see core/postgresql/base.py).
        database["ENGINE"] = "core.postgresql"
        # pg_trgm's %> threshold: how close a misspelt name must be for search to
        # offer it. JIT off: for short page queries its compile time (~20 ms here)
        # costs more than it saves. random_page_cost 1.1 (the default, 4, is for
        # spinning disks): the catalogue sits in memory or on SSD, and with 4 the
        # planner reads every row for a search instead of combining the search
        # indexes (16.7 ms against 6 ms for "pull ups" at 10,000 exercises).
        database.setdefault("OPTIONS", {}).setdefault(
            "options",
            "-c pg_trgm.word_similarity_threshold=0.3 -c jit=off "
            "-c random_page_cost=1.1",
        )
    return database


def git_commit():
    """The checked-out commit, the release identifier when RELEASE is unset."""
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"],
            cwd=BASE_DIR,
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        # A known key lets anyone forge sessions and password-reset links, so a
        # production process must not start on the development fallback.
        raise ImproperlyConfigured(
            "Set DJANGO_SECRET_KEY to a long random value (or DJANGO_DEBUG=1 for "
            "development). `make serve` generates one into .secret-key."
        )
    SECRET_KEY = "django-insecure-only-for-development-set-DJANGO_SECRET_KEY"

# The public origin. Development and tests fall back to the local server; a
# production deployment without it gets a system-check warning (core.checks) and
# links to that local address, which is wrong but never the request's Host.
SITE_URL_FALLBACK = "http://127.0.0.1:8000"
SITE_URL = (os.environ.get("SITE_URL") or SITE_URL_FALLBACK).rstrip("/")
SITE_URL_CONFIGURED = bool(os.environ.get("SITE_URL"))

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

DATABASES = {
    "default": database_from_url(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
USING_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
if not USING_POSTGRES:
    # Keep the connection (and its PRAGMAs) for the life of a worker.
    DATABASES["default"]["CONN_MAX_AGE"] = None
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        # Wait this long (seconds) for another writer's lock before giving up;
        # core.busy turns a lock that outlasts it into a "busy, try again" page.
        "timeout": float(os.environ.get("SQLITE_BUSY_TIMEOUT", 20)),
    }

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "catalogue"),
            "TIMEOUT": 600,  # every key expires; never None
            # Short timeouts: a hung Redis costs milliseconds, then the page is
            # served uncached (core.cache_guard) until it answers again.
            "OPTIONS": {
                "socket_connect_timeout": float(os.environ.get("REDIS_TIMEOUT", 0.25)),
                "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", 0.25)),
            },
        },
        # Each process also keeps the pages it served last, so that a page
        # asked for again costs no Redis round trip (core.cache_guard); a
        # bounded number, each a few dozen KB.
        "local": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "TIMEOUT": 600,
            "OPTIONS": {
                "MAX_ENTRIES": int(os.environ.get("PAGE_CACHE_LOCAL_ENTRIES", 300))
            },
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "catalogue",
            "TIMEOUT": 600,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    # Version history and one-step restore for editors (see curation/history.py).
    "reversion",
    "axes",
    "safeguards",
    "core",
    "anatomy",
    "catalogue",
    "articles",
    "curation",
    "discussion",
    "training",
    "api",
    "website",
]
if USING_POSTGRES:
    INSTALLED_APPS.append("django.contrib.postgres")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Compresses what the page cache has not already (admin, editors' previews);
    # Django adds random padding against BREACH.
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A merged exercise's old address: 404 from the catalogue, 301 from here.
    "curation.redirects.MergedExerciseRedirectMiddleware",
    # A database that does not answer: a designed 503 (core.middleware).
    "core.middleware.DatabaseOutageMiddleware",
    "safeguards.middleware.PermissionsPolicyMiddleware",
    # After the outage middleware, so that its process_exception runs first: a
    # lock is "busy, try again", not an outage.
    "safeguards.middleware.DatabaseBusyMiddleware",
    # Last, as django-axes requires: refuses a locked-out sign-in before the
    # password is hashed (that hashing is the cost an attacker would exploit).
    "axes.middleware.AxesMiddleware",
]

if env_bool("DJANGO_QUERY_COUNT_HEADER"):
    MIDDLEWARE.insert(0, "core.middleware.QueryCountMiddleware")

ROOT_URLCONF = "config.urls"

CONTEXT_PROCESSORS = [
    "django.template.context_processors.request",
    "django.contrib.auth.context_processors.auth",
    "django.contrib.messages.context_processors.messages",
    "django.template.context_processors.csp",
    "website.context_processors.site",
]

TEMPLATES = [
    # The site's pages (core/jinja.py says why Jinja2); first, so that it
    # answers for every template name but the admin's.
    {
        "BACKEND": "core.jinja.SiteJinja2",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "core.jinja.environment",
            "context_processors": CONTEXT_PROCESSORS,
        },
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": CONTEXT_PROCESSORS},
    },
]

WSGI_APPLICATION = "config.wsgi.application"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# Editors enter and read dates in British time; the database stores UTC.
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Serve uploaded images from Django itself. A deployment with its own file server
# or object storage in front turns this off.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", True)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("DJANGO_STATIC_MANIFEST")
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 31536000 if env_bool("DJANGO_STATIC_MANIFEST") else 60

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Uploads: the image checks in core.images refuse anything larger.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

# Security. Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = (
    0 if DEBUG else int(os.environ.get("DJANGO_HSTS_SECONDS", 31536000))
)
# Subdomains and preloading bind every host under the domain to HTTPS for a long
# time (preload lists are slow to leave), so only on a deployer's explicit word.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD")
# check --deploy warns about both being off; off is the deliberate default here.
SILENCED_SYSTEM_CHECKS = [
    *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
    *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

# A strict policy: scripts and styles only from our own origin, no inline code.
# No nonce either: public pages are cached whole, so they carry no per-response
# secret; every script is a file under /static/.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

LOGIN_URL = "admin:login"

# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT failures for one
# username, or from one address, that username or address is refused for the
# cooling-off period; everyone else signs in as usual. A success resets the
# count. Behind a proxy, REMOTE_ADDR is the proxy's: see README.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(
    minutes=int(os.environ.get("DJANGO_LOGIN_COOLOFF_MINUTES", 15))
)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "safeguards.views.locked_out"

# No page uses any of these browser features; deny them to every origin.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# How long a rendered public page may be reused. Every editor's save changes the
# content version, which is part of the key, so this bounds memory, not staleness.
# 0 turns the page cache off (the benchmark's "cold" runs).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 600))

# How long each process reuses the content state it read (core.content_state):
# the bound on how soon an editor's save reaches the other processes. And how
# long the last state read may stand in for a database that does not answer,
# so that cached pages are still served through an outage.
CONTENT_STATE_MAX_AGE = float(os.environ.get("CONTENT_STATE_MAX_AGE", 1))
CONTENT_STATE_STALE_SECONDS = float(os.environ.get("CONTENT_STATE_STALE_SECONDS", 300))
# After a cache error, how long pages skip the cache before it is tried again.
CACHE_RETRY_SECONDS = float(os.environ.get("CACHE_RETRY_SECONDS", 5))

# What is deployed. Every host of one release computes the same value, so they
# share cached pages; a new release never serves the previous one's pages.
RELEASE = os.environ.get("RELEASE") or git_commit() or "unreleased"
