"""What an exercise page shows, around the exercise the view found.

The page's own rows are the exercise with its review and steps, in one query
(``ExerciseQuerySet.for_exercise_page``, compiled once per process), and its
comments where it has any (``discussion``). Everything else it shows is read
from values built once per content state, so it costs no query and the same
at 45 exercises or 10,000: its equipment, muscle groups and muscles, its
neighbours A–Z, related exercises and alternatives (``catalogue.facet_index``,
``catalogue.nearby``), its ladders (``catalogue.progressions``) and the
editors' pins (``catalogue.alternatives``).
"""

from collections import namedtuple

from django.http import Http404

from catalogue.alternatives import alternatives_for
from catalogue.facet_index import current_index
from catalogue.models import Exercise, Role
from catalogue.nearby import neighbours, related
from catalogue.progressions import places_of
from catalogue.querysets import MUSCLE_LINK_ORDER
from catalogue.sharing import exercise_card
from core.navigation import breadcrumbs
from core.prepared import PreparedLookup

StepRow = namedtuple("StepRow", ["number", "text"])

# Compiled to SQL once per process: compiling the page's query cost more than
# running it (core.prepared).
EXERCISE_BY_SLUG = PreparedLookup(
    Exercise, lambda slug: Exercise.objects.for_exercise_page().filter(slug=slug)
)


def exercise_for_page(slug, user):
    """The exercise at ``slug``, if ``user`` may see it; else a 404. Whether
    they may is read from the row: the compiled SQL cannot hold the time."""
    exercise = EXERCISE_BY_SLUG.first(slug)
    if exercise is None or not exercise.is_visible_to(user):
        raise Http404("No exercise at this address.")
    return exercise


def rows_from_index(exercise, index):
    """Sets ``exercise.equipment_list`` and ``muscle_group_list`` (as cards have
    them) and returns its muscle links (muscles with their groups, by role),
    all from the index; from the database only for an exercise saved in
    another process a moment ago, which this process's index has not seen."""
    number = index.position.get(exercise.pk)
    if number is None:
        exercise.equipment_list = list(exercise.equipment.all())
        exercise.muscle_group_list = list(exercise.muscle_groups.all())
        links = exercise.muscle_links.select_related("muscle__group")
        return list(links.order_by(*MUSCLE_LINK_ORDER))
    exercise.equipment_list = index.equipment_of(number)
    exercise.muscle_group_list = index.groups_of(number)
    return index.muscle_links_of(number)


def exercise_page(exercise, user, kit):
    """The exercise page's context. ``kit``: the reader's equipment, (slug,
    name) pairs, which the alternatives keep to."""
    index = current_index()
    muscle_links = rows_from_index(exercise, index)
    by_role = {role: [] for role in Role}
    for link in muscle_links:
        by_role.setdefault(link.role, []).append(link)
    primary_slugs = [link.muscle.slug for link in by_role[Role.PRIMARY]]
    previous, following = neighbours(index, exercise, user)
    return {
        "exercise": exercise,
        # The page reads each step's number and text: rows, read with the
        # exercise, without a model instance per step.
        "steps": [StepRow(*row) for row in sorted(exercise.step_rows)],
        "primary_links": by_role[Role.PRIMARY],
        "muscle_highlights": {link.muscle.slug: link.role for link in muscle_links},
        "figure_muscles": [link.muscle for link in muscle_links],
        "muscle_roles": [
            ("Primary", by_role[Role.PRIMARY]),
            ("Secondary", by_role[Role.SECONDARY]),
        ],
        # Shown apart from the muscles worked: a stretch lengthens them, not works them.
        "stretched_links": by_role[Role.STRETCHED],
        "related": related(index, exercise, primary_slugs, user),
        "kit": kit,
        # Alternatives and ladders offer readers' exercises only, even to an editor.
        "alternatives": alternatives_for(
            exercise,
            exercise.equipment_list,
            primary_slugs,
            have=[slug for slug, _ in kit],
        ),
        "places": places_of(exercise, index),
        "breadcrumbs": breadcrumbs(
            ("Exercises", "catalogue:exercise_list"), (exercise.name, None)
        ),
        "previous": previous,
        "following": following,
        "card": exercise_card(exercise, muscle_links),
    }
