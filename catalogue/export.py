"""The A–Z list as open data: the same parameters, the same selection.

``exercise_filter`` is how every open-data view (this CSV, the JSON API) reads
the list's parameters: django-filter validates them into a ``Selection``
(``catalogue.filters``) and ``ExerciseQuerySet.matching`` narrows by it, as on
the list page.
"""

import csv

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from catalogue import licence
from catalogue.drilldown import list_parameters, parse
from catalogue.facet_index import current_index
from catalogue.filters import ExerciseFilter
from catalogue.models import Exercise
from core.cache import cache_page_for_readers
from core.http import allow_cross_origin
from core.urls import absolute_url


def exercise_filter(data, exercises, rows=None):
    """The list's filterset for ``data`` over ``exercises`` (``rows``: the
    filters' vocabulary, read here when the caller has not)."""
    rows = current_index().rows if rows is None else rows
    return ExerciseFilter(
        data,
        queryset=exercises,
        equipment_choices=[(r[2], r[3]) for r in rows if r[0] == "equipment"],
        muscle_choices=[(r[2], r[3]) for r in rows if r[0] == "muscle"],
    )


def export_url(browse):
    """The CSV of the list a reader is looking at (its query as understood)."""
    query = browse.url().partition("?")[2]
    path = reverse("catalogue:exercise_export")
    return f"{path}?{query}" if query else path


COLUMNS = (
    "slug",
    "name",
    "url",
    "level",
    "type",
    "force",
    "mechanic",
    "equipment",
    "muscle_groups",
    "editors_pick",
    "summary",
    "updated_at",
    "source",
    "licence",
)
# A spreadsheet would run a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    value = str(value)
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def csv_row(exercise):
    return [
        cell(value)
        for value in (
            exercise.slug,
            exercise.name,
            absolute_url(exercise.get_absolute_url()),
            exercise.level,
            exercise.category,
            exercise.force,
            exercise.mechanic,
            ";".join(item.slug for item in exercise.equipment_list),
            ";".join(group.slug for group in exercise.muscle_group_list),
            "yes" if exercise.is_best else "no",
            exercise.summary,
            exercise.updated_at.isoformat(timespec="seconds"),
            licence.source_of(exercise) or "",
            licence.licence_of(exercise),
        )
    ]


@require_safe
@allow_cross_origin
@cache_page_for_readers(parameters=list_parameters())
def exercise_export(request):
    """Every published exercise the list would show for these parameters, as
    CSV, the analysis's drill-down included. Lenient like the list: unknown
    values are left out, not refused."""
    drill = parse(request.GET)
    published = drill.apply(Exercise.objects.published().for_export())
    filterset = exercise_filter(request.GET, published)
    exercises = filterset.ordered(filterset.qs)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="exercises.csv"'
    response["Link"] = licence.link_header()
    writer = csv.writer(response)
    writer.writerow(COLUMNS)
    writer.writerows(csv_row(exercise) for exercise in exercises)
    return response
