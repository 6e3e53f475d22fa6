"""Response headers and database-lock handling for every request."""

from django.conf import settings
from django.db import OperationalError
from django.http import HttpResponse
from django.template import loader

# SQLite's "database is locked" / "database table is locked"; PostgreSQL's
# serialization failure, deadlock and lock-not-available SQLSTATEs.
POSTGRES_BUSY_STATES = {"40001", "40P01", "55P03"}
RETRY_AFTER_SECONDS = 5


def is_busy_error(error):
    """True for a database error that means "another writer holds the lock"."""
    if not isinstance(error, OperationalError):
        return False
    if "locked" in str(error).lower():
        return True
    cause = error.__cause__
    return getattr(cause, "sqlstate", None) in POSTGRES_BUSY_STATES


def busy_response():
    # No context processors and no database: the database is what is busy.
    template = loader.get_template("safeguards/busy.html")
    response = HttpResponse(
        template.render({"STATIC_URL": settings.STATIC_URL}), status=503
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseBusyMiddleware:
    """A lock held past the busy timeout (e.g. a long import on SQLite) gives the
    editor a "busy, try again" page, not a 500: the transaction was rolled back,
    so nothing was half-saved, and re-submitting the form works."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_busy_error(exception):
            return busy_response()
        return None


class PermissionsPolicyMiddleware:
    """Send Permissions-Policy (settings.PERMISSIONS_POLICY): the site uses no
    camera, microphone, location or other powerful feature, so none is allowed,
    even to a script injected some day."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allow)})"
            for feature, allow in getattr(settings, "PERMISSIONS_POLICY", {}).items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response
