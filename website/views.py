import sys
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.db import DatabaseError, connection
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve

from anatomy.models import Muscle, with_members
from articles.models import Article
from catalogue.cards import with_cards
from catalogue.facet_index import current_index
from catalogue.models import Exercise
from core.cache import cache_page_for_readers
from core.cache_guard import cache_health
from core.middleware import OUTAGE_ERRORS, service_unavailable
from core.urls import absolute_url
from safeguards.middleware import busy_response, is_busy_error

HOME_PICKS = 6
# Only images are ever stored under MEDIA_ROOT (core.images names each upload
# after the format Pillow detects), so nothing else is served from it.
MEDIA_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}


@require_safe
@cache_page_for_readers
def home(request):
    """The hub: what the site is, the editors' picks, the A–Z, anatomy, the article."""
    # The picks and the count from the facet index: no query that grows with
    # the catalogue, and the picks' cards are the list's, rendered once.
    index = current_index()
    picks = index.editors_picks(request.user, HOME_PICKS)
    groups = list(Muscle.objects.for_index())
    context = {
        "best_exercises": with_cards(
            picks,
            "h3",
            lambda: Exercise.objects.visible_to(request.user),
            compare=False,
            kit_query="",
        ),
        "exercise_count": index.visible_to(request.user).bit_count(),
        "muscle_groups": groups,
        "figure_muscles": with_members(groups),
        "article": Article.objects.visible_to(request.user).first(),
    }
    return render(request, "website/home.html", context)


@never_cache
@require_safe
def livez(request):
    """The process answers: no database, no cache, no template (the benchmark's baseline)."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
@require_safe
def healthz(request):
    """200 when the database answers, 503 when it does not.

    The cache is reported but never decides: without it pages are served
    uncached ("degraded"). Its probe is one short-timeout read, skipped while
    the cache is already known to be down.
    """
    cache, cache_problem = cache_health()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse(
            {"status": "unavailable", "database": "error", "cache": cache}, status=503
        )
    body = {"status": "ok" if cache == "ok" else "degraded", "database": "ok"}
    body["cache"] = cache
    if cache_problem:
        body["cache_error"] = cache_problem
    return JsonResponse(body)


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    sitemap_url = absolute_url(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain")


@require_safe
@cache_control(max_age=604800, public=True)
def favicon(request):
    path = finders.find("favicon.ico")
    if not path:
        raise Http404("No favicon")
    return FileResponse(open(path, "rb"), content_type="image/x-icon")


@require_safe
def media(request, path):
    """Uploaded images. Renditions have content-hashed paths, so they never change."""
    if PurePosixPath(path).suffix.lower() not in MEDIA_SUFFIXES:
        raise Http404("Not an image")
    try:
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
    except (OSError, ValueError, SuspiciousFileOperation) as error:
        # A name the file system cannot hold (over 255 bytes, a NUL byte...)
        # or one outside MEDIA_ROOT names no file we have.
        raise Http404("No such file") from error
    if path.startswith("renditions/"):
        patch_cache_control(response, public=True, max_age=31_536_000, immutable=True)
    else:
        patch_cache_control(response, public=True, max_age=86_400)
    return response


def page_not_found(request, exception=None):
    # Not a page: no canonical link (see 404.html), and not to be indexed.
    context = {"path": request.path, "robots": "noindex"}
    return render(request, "404.html", context, status=404)


def server_error(request):
    # A lock error raised outside a view (e.g. saving the session after it)
    # never reaches DatabaseBusyMiddleware.process_exception: answer it here.
    if is_busy_error(sys.exc_info()[1]):
        return busy_response()
    # No context processors, no database: this must render when things are broken.
    # A database error outside a view (a middleware's) is an outage too: a 503.
    if isinstance(sys.exc_info()[1], OUTAGE_ERRORS):
        return service_unavailable(request)
    template = loader.get_template("500.html")
    return HttpResponse(
        template.render({"STATIC_URL": settings.STATIC_URL}), status=500
    )
