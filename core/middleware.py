import logging
import time

from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger("core.outage")

RETRY_AFTER_SECONDS = 30
OUTAGE_ERRORS = (OperationalError, InterfaceError)
LOG_INTERVAL_SECONDS = 30


class QueryCountMiddleware:
    """Report how many SQL queries a response took, in an X-Query-Count header.

    Only installed when DJANGO_QUERY_COUNT_HEADER=1 (the benchmark turns it on),
    so that query counts can be read from outside the process.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        counter = {"queries": 0}

        def count(execute, sql, params, many, context):
            counter["queries"] += 1
            return execute(sql, params, many, context)

        with connections["default"].execute_wrapper(count):
            response = self.get_response(request)
        response["X-Query-Count"] = str(counter["queries"])
        return response


def service_unavailable(request=None):
    """The designed 503 page: no database, no context processors, no session."""
    from django.conf import settings

    body = loader.get_template("503.html").render(
        {"STATIC_URL": settings.STATIC_URL, "retry_after": RETRY_AFTER_SECONDS}
    )
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # DatabaseOutageMiddleware logs the outage once per interval; Django's
    # request logger would otherwise add an error line for every request.
    response._has_been_logged = True
    add_never_cache_headers(response)
    return response


class DatabaseOutageMiddleware:
    """A database that does not answer is a designed 503, never a 500.

    Pages already in the page cache keep being served (``core.content_state``
    reuses the last state it read); anything that needs the database gets the
    503 page with ``Retry-After``. The outage is logged once per interval, not
    with a traceback per request.
    """

    last_logged = float("-inf")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        # Only a database that cannot be reached or used: a query the database
        # refused (bad data, a constraint) is a bug or bad input, not an outage.
        if not isinstance(exception, OUTAGE_ERRORS):
            return None
        now = time.monotonic()
        if now - DatabaseOutageMiddleware.last_logged >= LOG_INTERVAL_SECONDS:
            DatabaseOutageMiddleware.last_logged = now
            logger.error(
                "The database is not answering (%s: %s); serving 503 pages.",
                type(exception).__name__,
                exception,
            )
        return service_unavailable(request)
