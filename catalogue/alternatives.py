"""Alternatives to an exercise: the same primary muscles with the same pattern.

Nearest first: editors' pins, then the most primary muscles shared, the fewest
other primary muscles, the closest level. Each comes with its reasons in
plain words ("no pull-up bar needed", "easier"), worked out from the two
exercises' equipment, level and name. Only published exercises are offered,
never the exercise itself; given the reader's kit (``have=``), only what they
can do with it.
"""

import re
from dataclasses import dataclass

from django.db import models
from django.db.models import Q

from catalogue.choices import Level
from catalogue.selection import BODYWEIGHT
from core.content_state import PerContentState

MAX_ALTERNATIVES = 6
LEVEL_RANK = {value: rank for rank, value in enumerate(Level.values)}
ONE_ARM = re.compile(r"\b(single|one)[- ]arm\b|\bunilateral\b", re.IGNORECASE)
# Items whose names say they are gym machines ("Lat Pulldown Machine",
# "Single Pulley Tower"): "no machine" says more than naming each one.
MACHINE = re.compile(r"\b(machine|tower|towers)\b", re.IGNORECASE)


class AlternativeOverride(models.Model):
    """An editor's choice about one alternative: always offer it, or never."""

    class Kind(models.TextChoices):
        PIN = "pin", "Pin: always offer it, first"
        EXCLUDE = "exclude", "Exclude: never offer it"

    exercise = models.ForeignKey(
        "catalogue.Exercise",
        on_delete=models.CASCADE,
        related_name="alternative_overrides",
    )
    alternative = models.ForeignKey(
        "catalogue.Exercise", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=8, choices=Kind, default=Kind.PIN)

    class Meta:
        verbose_name = "alternative chosen by an editor"
        verbose_name_plural = "alternatives chosen by editors"
        constraints = [
            models.UniqueConstraint(
                fields=["exercise", "alternative"], name="alternative_override_once"
            ),
            models.CheckConstraint(
                condition=~Q(exercise=models.F("alternative")),
                name="alternative_not_itself",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.alternative}"


@dataclass
class Alternative:
    exercise: object
    reasons: list


def is_one_arm(exercise):
    return bool(ONE_ARM.search(" ".join([exercise.name, exercise.aliases])))


def reasons(exercise, own_equipment, other):
    """Why ``other`` could replace ``exercise``, in plain words."""
    own = {item.slug: item.name for item in own_equipment}
    theirs = {item.slug: item.name for item in other.equipment_list}
    said = []
    lacking = [own[slug] for slug in own if slug not in theirs and slug != BODYWEIGHT]
    machines = [name for name in lacking if MACHINE.search(name)]
    if machines and not any(MACHINE.search(name) for name in theirs.values()):
        said.append("no machine")
        lacking = [name for name in lacking if name not in machines]
    said += [f"no {name.lower()} needed" for name in lacking[:2]]
    if set(theirs) <= {BODYWEIGHT} and not set(own) <= {BODYWEIGHT}:
        said.append("body weight only")
    gap = LEVEL_RANK.get(other.level, 0) - LEVEL_RANK.get(exercise.level, 0)
    if gap:
        said.append("easier" if gap < 0 else "harder")
    if is_one_arm(other) and not is_one_arm(exercise):
        said.append("one arm at a time")
    elif is_one_arm(exercise) and not is_one_arm(other):
        said.append("both arms together")
    if not said:
        gained = [theirs[slug] for slug in theirs if slug not in own]
        said.append(
            f"uses {', '.join(name.lower() for name in gained)} instead"
            if gained
            else "the same equipment"
        )
    if getattr(other, "pinned", False):
        said.append("recommended by our editors")
    return said


def read_overrides():
    """Every editor's pin and exclusion, by exercise pk: [(alternative pk,
    kind)]. One query per content state: a few rows per curated exercise."""
    found = {}
    rows = AlternativeOverride.objects.order_by("pk").values_list(
        "exercise_id", "alternative_id", "kind"
    )
    for exercise_id, alternative_id, kind in rows:
        found.setdefault(exercise_id, []).append((alternative_id, kind))
    return found


_overrides = PerContentState(read_overrides)


def alternatives_for(exercise, own_equipment, primary_slugs, have=()):
    """Up to six alternatives with their reasons, nearest first, from the facet
    index and the editors' pins and exclusions: no query once both are built."""
    # Imported here: catalogue.models imports this module for its model.
    from catalogue.facet_index import current_index
    from catalogue.nearby import candidates

    index = current_index()
    overrides = _overrides.get().get(exercise.pk, [])
    pinned = {pk for pk, kind in overrides if kind == AlternativeOverride.Kind.PIN}
    offered = []
    for number in candidates(index, exercise, primary_slugs, overrides, have):
        other = index.exercise(number)
        other.equipment_list = index.equipment_of(number)
        other.pinned = other.pk in pinned
        offered.append(Alternative(other, reasons(exercise, own_equipment, other)))
    return offered


def kit_from(data, max_items=30):
    """The reader's kit from ``have=`` on an exercise page: known (slug, name) pairs.

    One query, and only when ``have`` is given; unknown slugs are dropped.
    """
    from catalogue.models import Equipment

    # A sorted set, as the page cache keys it: order and repeats never matter.
    slugs = sorted(set(data.getlist("have")))[:max_items]
    if not slugs:
        return []
    return list(
        Equipment.objects.filter(slug__in=slugs)
        .order_by("name")
        .values_list("slug", "name")
    )
