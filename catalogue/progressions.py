"""Progressions: ladders of exercises from easier to harder, defined by editors.

An exercise's page shows each ladder it is on, its place, and the rungs just
easier and just harder. Rungs that are not published are skipped, so a draft
never shows and never breaks a ladder.
"""

from dataclasses import dataclass

from django.db import models

from core.models import SlugKeyed, SlugKeyManager


class Progression(SlugKeyed, models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=140, unique=True)
    description = models.TextField(
        blank=True, help_text="What moves you up the ladder, in a sentence or two."
    )

    objects = SlugKeyManager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class RungManager(models.Manager):
    def get_by_natural_key(self, progression_slug, position):
        return self.get(progression__slug=progression_slug, position=position)


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

    objects = RungManager()

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


def places_of(exercise, exercises):
    """Each ladder ``exercise`` is on, with its place: one query.

    ``exercises`` are the exercises a reader may see (``published()``).
    """
    rungs = (
        Rung.objects.filter(
            progression__rungs__exercise=exercise,
            exercise__in=exercises.values("pk"),
        )
        .select_related("progression", "exercise")
        .only(
            "position",
            "progression__name",
            "progression__slug",
            "progression__description",
            "exercise__name",
            "exercise__slug",
            "exercise__level",
        )
        .order_by("progression__name", "progression_id", "position")
    )
    ladders = {}
    for rung in rungs:
        ladders.setdefault(rung.progression_id, []).append(rung)
    places = []
    for ladder in ladders.values():
        steps = [rung.exercise for rung in ladder]
        pks = [step.pk for step in steps]
        # A draft (seen by an editor) is not on the published ladder.
        if exercise.pk in pks:
            places.append(Place(ladder[0].progression, steps, pks.index(exercise.pk)))
    return places
