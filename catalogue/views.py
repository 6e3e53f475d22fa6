from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from catalogue.alternatives import alternatives_for, kit_from
from catalogue.compare import compare
from catalogue.drilldown import list_browse, list_parameters
from catalogue.export import export_url
from catalogue.facet_index import current_index
from catalogue.indexing import list_indexing
from catalogue.models import Equipment, Exercise, Role
from catalogue.nearby import neighbours, related
from catalogue.progressions import places_of
from catalogue.sharing import exercise_card
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
    exercises = Exercise.objects.visible_to(request.user)
    # The review (the curation app's, reached by its relation) comes in the same
    # query: its status is on the page. A merged exercise's old address is a 404
    # here, which curation.middleware turns into its permanent redirect.
    found = exercises.for_detail().select_related("review").filter(slug=slug)
    exercise = found.first()
    if exercise is None:
        raise Http404("No exercise here.")
    muscle_links = list(exercise.muscle_links.all())
    primary_slugs = [
        link.muscle.slug for link in muscle_links if link.role == Role.PRIMARY
    ]
    index = current_index()
    previous, following = neighbours(index, exercise, request.user)
    kit = kit_from(request.GET)
    context = {
        "exercise": exercise,
        "steps": exercise.steps.all(),
        "primary_links": [link for link in muscle_links if link.role == Role.PRIMARY],
        "muscle_highlights": {link.muscle.slug: link.role for link in muscle_links},
        "figure_muscles": [link.muscle for link in muscle_links],
        "muscle_roles": [
            ("Primary", [link for link in muscle_links if link.role == Role.PRIMARY]),
            (
                "Secondary",
                [link for link in muscle_links if link.role == Role.SECONDARY],
            ),
        ],
        # Shown apart from the muscles worked: a stretch lengthens them, not works them.
        "stretched_links": [
            link for link in muscle_links if link.role == Role.STRETCHED
        ],
        "related": related(index, exercise, primary_slugs, request.user),
        "kit": kit,
        # Alternatives and ladders offer readers' exercises only, even to an editor.
        "alternatives": alternatives_for(
            exercise,
            exercise.equipment.all(),
            primary_slugs,
            have=[slug for slug, _ in kit],
        ),
        "places": places_of(exercise, Exercise.objects.published()),
        "breadcrumbs": breadcrumbs(
            ("Exercises", "catalogue:exercise_list"), (exercise.name, None)
        ),
        "previous": previous,
        "following": following,
        "card": exercise_card(exercise, muscle_links),
    }
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
