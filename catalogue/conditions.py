"""The conditions the list's filters are made of: SQL for "uses this
equipment", "works these muscles", "needs more than this kit", used by
``ExerciseQuerySet.matching`` and the routine.

Models are imported inside the functions: ``catalogue.models`` imports this
module (through ``catalogue.querysets``) before it defines them.
"""

from django.db import models
from django.db.models import Case, Exists, Min, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce

from catalogue.choices import WORKING_ROLES


def uses_equipment(slugs):
    """The condition "uses any of this equipment", for a filter on exercises."""
    from catalogue.models import Exercise

    return Exists(
        Exercise.equipment.through.objects.filter(
            exercise=OuterRef("pk"), equipment__slug__in=slugs
        )
    )


def needs_more_than(owned):
    """The condition "needs an item not in ``owned``": "have" is its negation."""
    from catalogue.models import Exercise

    return Exists(
        Exercise.equipment.through.objects.filter(exercise=OuterRef("pk")).exclude(
            equipment__slug__in=owned
        )
    )


def lacking_columns(owned):
    """How many of an exercise's items are not in ``owned`` (0, 1 or 2 for more),
    and which one when it lacks exactly one: annotations for the list's tally and
    the routine, with the alias ``lacking_n`` they read."""
    from catalogue.models import Exercise

    items = (
        Exercise.equipment.through.objects.filter(exercise=OuterRef("pk"))
        .exclude(equipment__slug__in=owned)
        .order_by()
        .values("exercise")
    )
    number = Coalesce(
        Subquery(items.annotate(n=models.Count("*")).values("n")[:1]), Value(0)
    )
    which = Subquery(items.annotate(item=Min("equipment_id")).values("item")[:1])
    return {
        "lacking": Case(
            When(lacking_n=0, then=Value(0)),
            When(lacking_n=1, then=Value(1)),
            default=Value(2),
        ),
        "lacked_item": Case(When(lacking_n=1, then=which), default=None),
    }, number


def works_muscles(slugs):
    """The condition "works any of these muscles", for a filter on exercises.

    A group (Back, Shoulder...) matches the exercise's own "Muscle Worked"
    tags, as the article lists them; a specific muscle matches exercises that
    work it, as primary or secondary muscle.
    """
    from catalogue.models import Exercise, ExerciseMuscle

    return Exists(
        Exercise.muscle_groups.through.objects.filter(
            exercise=OuterRef("pk"), muscle__slug__in=slugs
        )
    ) | Exists(
        ExerciseMuscle.objects.filter(
            exercise=OuterRef("pk"), muscle__slug__in=slugs, role__in=WORKING_ROLES
        )
    )
