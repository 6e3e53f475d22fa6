"""Progressions: ladders of exercises from easier to harder, defined by editors.

An exercise's page shows each ladder it is on, its place, and the rungs just
easier and just harder. Rungs that are not published are skipped, so a draft
never shows and never breaks a ladder.
"""

from dataclasses import dataclass

from django.db import models

from core.content_state import PerContentState
from core.models import Named, ParentKeyManager


class Progression(Named):
    description = models.TextField(
        blank=True, help_text="What moves you up the ladder, in a sentence or two."
    )


class Rung(models.Model):
    progression = models.ForeignKey(
        Progression, on_delete=models.CASCADE, related_name="rungs"
    )
    exercise = models.ForeignKey(
        "catalogue.Exercise", on_delete=models.CASCADE, related_name="rungs"
    )
    position = models.PositiveSmallIntegerField(
        help_text="1 is the easiest; each next number is harder."
    )

    objects = ParentKeyManager("progression__slug", "position")

    class Meta:
        ordering = ["progression", "position"]
        verbose_name = "rung"
        constraints = [
            models.UniqueConstraint(
                fields=["progression", "position"], name="rung_unique_position"
            ),
            models.UniqueConstraint(
                fields=["progression", "exercise"], name="rung_exercise_once"
            ),
        ]

    def __str__(self):
        return f"{self.position}. {self.exercise_id}"

    def natural_key(self):
        return (*self.progression.natural_key(), self.position)

    natural_key.dependencies = ["catalogue.progression", "catalogue.exercise"]


@dataclass
class Place:
    """Where an exercise stands on one ladder."""

    progression: Progression
    exercises: list
    index: int

    @property
    def number(self):
        return self.index + 1

    @property
    def easier(self):
        return self.exercises[self.index - 1] if self.index > 0 else None

    @property
    def harder(self):
        following = self.index + 1
        return self.exercises[following] if following < len(self.exercises) else None


def read_ladders():
    """Every ladder an exercise is on, by exercise pk: [(progression, the pks
    of its rungs, easiest first)]. One query per content state."""
    rungs = (
        Rung.objects.select_related("progression")
        .only(
            "exercise_id",
            "progression__name",
            "progression__slug",
            "progression__description",
        )
        .order_by("progression__name", "progression_id", "position")
    )
    ladders = {}
    for rung in rungs:
        ladders.setdefault(rung.progression_id, (rung.progression, []))[1].append(
            rung.exercise_id
        )
    on = {}
    for progression, pks in ladders.values():
        for pk in pks:
            on.setdefault(pk, []).append((progression, pks))
    return on


_ladders = PerContentState(read_ladders)


def places_of(exercise, index):
    """Each ladder ``exercise`` is on, with its place, read from the ladders
    and the facet index (``catalogue.facet_index``): no query once both are
    built. Only published rungs are shown: a draft, even to an editor, is
    not on the published ladder."""
    places = []
    for progression, pks in _ladders.get().get(exercise.pk, ()):
        numbers = [index.position.get(pk) for pk in pks]
        shown = [n for n in numbers if n is not None and index.published >> n & 1]
        steps = [index.exercise(number) for number in shown]
        step_pks = [step.pk for step in steps]
        if exercise.pk in step_pks:
            places.append(Place(progression, steps, step_pks.index(exercise.pk)))
    return places
