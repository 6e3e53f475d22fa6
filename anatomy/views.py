from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from anatomy.models import Muscle, with_members
from core.cache import cache_page_for_readers

ROLES = (("primary", "Primary mover"), ("secondary", "Secondary muscle"))


@require_safe
@cache_page_for_readers
def muscle_list(request):
    groups = list(Muscle.objects.for_index())
    muscles = with_members(groups)
    return render(
        request, "anatomy/muscle_list.html", {"groups": groups, "muscles": muscles}
    )


@require_safe
@cache_page_for_readers
def muscle_detail(request, slug):
    muscle = get_object_or_404(Muscle.objects.for_detail(), slug=slug)
    if muscle.is_group:
        members = list(muscle.members.all())
        context = {
            "members": members,
            "exercises": muscle.tagged_exercises.visible_to(request.user).for_links(),
            "highlights": dict.fromkeys((m.slug for m in members), "selected"),
            "figure_muscles": members,
        }
    else:
        # The exercises that work this muscle, primary movers first. Reached
        # through the reverse relations: anatomy does not import the catalogue.
        visible = muscle.exercises.visible_to(request.user)
        links = (
            muscle.exercise_links.filter(exercise__in=visible)
            .select_related("exercise")
            .only("role", "exercise__name", "exercise__slug", "exercise__level")
            .order_by("exercise__name")
        )
        by_role = {role: [] for role, _ in ROLES}
        for link in links:
            by_role[link.role].append(link.exercise)
        context = {
            "members": [],
            "exercises_by_role": [(label, by_role[role]) for role, label in ROLES],
            "highlights": {muscle.slug: "selected"},
            "figure_muscles": [muscle],
        }
    return render(request, "anatomy/muscle_detail.html", {"muscle": muscle, **context})
