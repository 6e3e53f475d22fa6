from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from catalogue.browse import Browse
from catalogue.cards import exercise_card
from catalogue.export import export_url
from catalogue.indexing import list_indexing
from catalogue.models import Equipment, Exercise, Role
from core.cache import cache_page_for_readers
from core.navigation import breadcrumbs


@require_safe
@cache_page_for_readers
def exercise_list(request):
    browse = Browse(request.GET, Exercise.objects.visible_to(request.user))
    context = {
        "browse": browse,
        "export_url": export_url(browse),
        **list_indexing(browse),
    }
    return render(request, "catalogue/exercise_list.html", context)


@require_safe
@cache_page_for_readers
def exercise_detail(request, slug):
    exercises = Exercise.objects.visible_to(request.user)
    exercise = get_object_or_404(exercises.for_detail(), slug=slug)
    muscle_links = list(exercise.muscle_links.all())
    primary_ids = [link.muscle_id for link in muscle_links if link.role == Role.PRIMARY]
    previous, following = exercises.neighbours(exercise)
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
        "related": exercises.related_to(exercise, primary_ids),
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
