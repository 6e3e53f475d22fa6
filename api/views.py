"""The read-only JSON API: the catalogue as open data.

Plain Django views and a hand-written OpenAPI document (api/openapi.py): four
read-only endpoints need no serializer framework, and plain views let them go
through the very code the pages use (``catalogue.export.exercise_filter`` →
``ExerciseQuerySet.matching`` → ``catalogue.facets.count_facets``) and the
same page cache (``core.cache.cache_page_for_readers``), which answers
conditional requests with the stored ETag.

Unlike the list page, which leaves out what it cannot use and says so, the
API refuses bad parameters with a 400 and a JSON error: a program should learn
of its mistake rather than receive a different list.
"""

from django.core.paginator import Paginator
from django.http import JsonResponse, QueryDict
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from anatomy.models import Muscle
from api import serializers
from api.openapi import document
from api.responses import api_error, api_response
from catalogue.browse import PER_PAGE
from catalogue.export import exercise_filter
from catalogue.facet_index import current_index
from catalogue.facets import PageRows, count_facets
from catalogue.filters import MAX_VALUES_PER_FACET, ExerciseFilter
from catalogue.models import Equipment, Exercise
from core.cache import cache_page_for_readers
from core.http import allow_cross_origin
from core.urls import absolute_url

FACETS = ("equipment", "muscle", "level", "category", "have", "pattern")
SINGLE = ("q", "best", "sort", "page")
# The list page also takes on/true/yes; the API documents one spelling.
FLAGS = {"0", "1"}


def api_view(view=None, *, parameters=None):
    """GET and HEAD only, readable from any origin, cached like the pages;
    parameters an endpoint does not take get its 400, never a redirect."""
    if view is None:
        return lambda view: api_view(view, parameters=parameters)
    cached = cache_page_for_readers(view, parameters=parameters, redirect_unknown=False)
    return require_safe(allow_cross_origin(cached))


def parameter_errors(data, filterset):
    """What is wrong with the list's parameters, by name (empty when nothing)."""
    errors = {}
    for name in data:
        if name not in (*FACETS, *SINGLE):
            errors[name] = ["Unknown parameter."]
        elif name in SINGLE and len(data.getlist(name)) > 1:
            errors[name] = ["Give this parameter once."]
    for name in FACETS:
        values = data.getlist(name)
        field = filterset.form.fields[name]
        unknown = [value for value in values if not field.valid_value(value)]
        if "" in values:
            errors[name] = ["Empty value: leave the parameter out instead."]
        elif unknown:
            errors[name] = [f"Unknown value “{value[:60]}”." for value in unknown[:5]]
        elif len(values) > MAX_VALUES_PER_FACET:
            errors[name] = [f"At most {MAX_VALUES_PER_FACET} values."]
    if "best" in data and data["best"] not in FLAGS:
        errors["best"] = ["Use 1 or 0."]
    if data.get("sort") == "":
        errors["sort"] = ["Empty value: leave the parameter out instead."]
    for name, messages in filterset.errors.items():
        errors.setdefault(name, []).extend(messages)
    return errors


def understood(filterset):
    """The selection as the API applied it, as query parameters."""
    value = filterset.value
    query = {name: value(name) for name in FACETS}
    query["q"] = [value("q")] if value("q") else []
    query["best"] = ["1"] if value("best") else []
    query["sort"] = [value("sort")] if value("sort") else []
    return {name: values for name, values in query.items() if values}


def list_url(query, page):
    params = QueryDict(mutable=True)
    for name, values in query.items():
        params.setlist(name, values)
    if page > 1:
        params["page"] = str(page)
    encoded = params.urlencode()
    path = reverse("api:exercise_list")
    return absolute_url(f"{path}?{encoded}" if encoded else path)


@api_view(parameters=ExerciseFilter.query_parameters())
def exercise_list(request):
    exercises = Exercise.objects.published()
    rows = current_index().rows
    filterset = exercise_filter(request.GET, exercises.for_export(), rows)
    errors = parameter_errors(request.GET, filterset)
    requested = request.GET.get("page", "1")
    if not requested.isdigit() or int(requested) < 1:
        errors.setdefault("page", []).append("A page number from 1.")
    if errors:
        return api_error(400, "Bad parameters.", errors)
    selection = filterset.selection
    found = count_facets(selection)
    # The tally counted and orders the selection; each page reads its own rows
    # through matching() (filterset.qs), as the list does.
    rows = PageRows(found.tally, filterset.sort_order, filterset.qs)
    paginator = Paginator(rows, PER_PAGE)
    number = int(requested)
    if number > paginator.num_pages:
        return api_error(
            400, "Bad parameters.", {"page": [f"There are {paginator.num_pages}."]}
        )
    page = paginator.page(number)
    query = understood(filterset)
    return api_response(
        {
            "count": paginator.count,
            "page": number,
            "pages": paginator.num_pages,
            "per_page": PER_PAGE,
            "next": list_url(query, number + 1) if page.has_next() else None,
            "previous": list_url(query, number - 1) if page.has_previous() else None,
            "query": query,
            "facets": serializers.facets(found, found.tally, selection.best),
            "results": [serializers.exercise_summary(e) for e in page.object_list],
        }
    )


@api_view
def exercise_detail(request, slug):
    exercise = (
        Exercise.objects.published()
        .for_detail()
        .select_related("review")  # the curation app's, by its relation
        .filter(slug=slug)
        .first()
    )
    if exercise is None:
        return api_error(404, f"No published exercise “{slug}”.")
    return api_response({"exercise": serializers.exercise_detail(exercise)})


@api_view
def equipment_list(request):
    items = Equipment.objects.for_index(Exercise.objects.published())
    pages, api = reverse("catalogue:exercise_list"), reverse("api:exercise_list")
    return api_response(
        {"results": [serializers.equipment(item, pages, api) for item in items]}
    )


@api_view
def muscle_list(request):
    muscles = Muscle.objects.select_related("group")
    return api_response({"results": [serializers.muscle(m) for m in muscles]})


@allow_cross_origin
def not_found(request):
    return api_error(404, "No such API endpoint: see /api/openapi.json.")


@require_safe
@allow_cross_origin
@cache_control(public=True, max_age=3600)
def openapi(request):
    """The API's description; its licence is in ``info.license``."""
    return JsonResponse(document(), json_dumps_params={"ensure_ascii": False})
