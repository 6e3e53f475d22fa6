from django.db.models import Count, Q

from anatomy.models import Muscle
from core.quality import Check, Problem, change_url


def muscles_without_exercises():
    rows = Muscle.objects.annotate(
        links=Count("exercise_links", distinct=True),
        tags=Count("tagged_exercises", distinct=True),
    ).filter(Q(group__isnull=False, links=0) | Q(group__isnull=True, tags=0))
    return [
        Problem(
            m.name,
            "group with no exercise tagged" if m.is_group else "no exercise works it",
            change_url(m),
        )
        for m in rows
    ]


def checks():
    return [
        Check(
            "Muscles with no exercise",
            "A muscle page with nothing to train it is a dead end.",
            muscles_without_exercises(),
        )
    ]
