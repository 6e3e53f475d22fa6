from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from anatomy.cards import muscle_card
from anatomy.models import Muscle, with_members
from core.cache import cache_page_for_readers
from core.navigation import breadcrumbs

ROLES = (("primary", "Primary mover"), ("secondary", "Secondary muscle"))
# The role of a muscle that an exercise only stretches (catalogue.models.Role).
STRETCHED = "stretched"
# A muscle page lists this many exercises per role; the A–Z list has the rest.
LISTED = 24


@require_safe
@cache_page_for_readers
def muscle_list(request):
    groups = list(Muscle.objects.for_index())
    return render(
        request,
        "anatomy/muscle_list.html",
        {"groups": groups, "muscles": with_members(groups)},
    )


@require_safe
@cache_page_for_readers
def muscle_detail(request, slug):
    muscle = get_object_or_404(Muscle.objects.for_detail(), slug=slug)
    # Exercises are reached through the reverse relations: anatomy does not
    # import the catalogue, whose managers answer from its facet index.
    if muscle.is_group:
        members = list(muscle.members.all())
        exercises, total = muscle.tagged_exercises.for_muscle_group_page(
            request.user, LISTED
        )
        context = {
            "members": members,
            "exercises": exercises,
            "exercise_total": total,
            "highlights": dict.fromkeys((m.slug for m in members), "selected"),
            "figure_muscles": members,
        }
    else:
        listed = muscle.exercise_links.for_muscle_page(request.user, LISTED)
        # Stretches that lengthen this muscle, listed apart: they do not work it.
        stretched, stretched_total = listed[STRETCHED]
        context = {
            "members": [],
            "exercises_by_role": [(label, *listed[role]) for role, label in ROLES],
            "stretched_by": stretched,
            "stretched_total": stretched_total,
            "highlights": {muscle.slug: "selected"},
            "figure_muscles": [muscle],
        }
    trail = [("Anatomy", "anatomy:muscle_list")]
    if muscle.group:
        trail.append((muscle.group.name, muscle.group.get_absolute_url()))
    context["breadcrumbs"] = breadcrumbs(*trail, (muscle.name, None))
    context["card"] = muscle_card(muscle, context["members"])
    return render(request, "anatomy/muscle_detail.html", {"muscle": muscle, **context})
