from django.shortcuts import render
from django.views.decorators.http import require_safe

from catalogue.alternatives import kit_from
from catalogue.compare import compare
from catalogue.detail import exercise_for_page, exercise_page
from catalogue.drilldown import list_browse, list_parameters
from catalogue.export import export_url
from catalogue.indexing import list_indexing
from catalogue.models import Equipment, Exercise
from core.cache import IN_ORDER, MANY, cache_page_for_readers, keep_out_of_cache
from core.navigation import breadcrumbs


@require_safe
@cache_page_for_readers(parameters=list_parameters())
def exercise_list(request):
    browse = list_browse(request)
    context = {
        "browse": browse,
        "export_url": export_url(browse),
        **list_indexing(browse),
    }
    response = render(request, "catalogue/exercise_list.html", context)
    return response if browse.is_a_real_page else keep_out_of_cache(response)


@require_safe
@cache_page_for_readers(parameters={"have": MANY})  # alternatives follow the kit
def exercise_detail(request, slug):
    # A merged exercise's old address is a 404 here, which curation.middleware
    # turns into its permanent redirect.
    exercise = exercise_for_page(slug, request.user)
    context = exercise_page(exercise, request.user, kit_from(request.GET))
    return render(request, "catalogue/exercise_detail.html", context)


@require_safe
@cache_page_for_readers
def equipment_list(request):
    equipment = Equipment.objects.for_index(Exercise.objects.visible_to(request.user))
    return render(
        request, "catalogue/equipment_list.html", {"equipment_list": equipment}
    )


@require_safe
@cache_page_for_readers(parameters={"e": IN_ORDER})  # the columns, in order
def exercise_compare(request):
    comparison = compare(request.GET, Exercise.objects.visible_to(request.user))
    context = {
        "comparison": comparison,
        "breadcrumbs": breadcrumbs(
            ("Exercises", "catalogue:exercise_list"), ("Compare", None)
        ),
    }
    response = render(request, "catalogue/exercise_compare.html", context)
    # A comparison with a notice (unknown, repeated, too many or too few) is
    # answered, not kept.
    return keep_out_of_cache(response) if comparison.notices else response
