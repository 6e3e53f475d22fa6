from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from anatomy.models import Muscle
from catalogue import search
from catalogue.choices import (  # noqa: F401 (the app's public names)
    LETTERS,
    OTHER_LETTER,
    WORKING_ROLES,
    Category,
    Force,
    Level,
    Mechanic,
    Pattern,
    Role,
    letter_for,
    normalised_name,
)
from catalogue.querysets import (  # noqa: F401
    CARD_FIELDS,
    EquipmentQuerySet,
    ExerciseQuerySet,
)
from core.images import Illustrated
from core.models import Named, ParentKeyManager, Publishable, SlugKeyManager
from core.urls import slug_path, view_path

EquipmentManager = SlugKeyManager.from_queryset(EquipmentQuerySet)


class Equipment(Named):
    description = models.TextField(
        blank=True, help_text="What it is, in a sentence or two."
    )

    objects = EquipmentManager()

    class Meta(Named.Meta):
        verbose_name_plural = "equipment"

    def get_absolute_url(self):
        return f"{view_path('catalogue:exercise_list')}?equipment={self.slug}"


class ExerciseManager(SlugKeyManager.from_queryset(ExerciseQuerySet)):
    def for_muscle_group_page(self, user, listed):
        """Through a group's ``tagged_exercises``: its first ``listed``
        exercises ``user`` may see, A–Z, and how many (``muscle_pages``).
        Only there: the group is the related manager's ``instance``."""
        from catalogue.muscle_pages import tagged  # it imports this module

        return tagged(self.instance, user, listed)


class Exercise(Named, Publishable, Illustrated):
    aliases = models.TextField(
        blank=True,
        help_text="Other names readers know it by, one per line (e.g. Pullup). "
        "Search finds them; the importer matches them.",
    )
    summary = models.TextField(
        blank=True, help_text="One or two sentences for cards and search results."
    )
    level = models.CharField(max_length=12, choices=Level, default=Level.BEGINNER)
    force = models.CharField(max_length=8, choices=Force, blank=True)
    mechanic = models.CharField(max_length=10, choices=Mechanic, blank=True)
    category = models.CharField(
        "type", max_length=24, choices=Category, default=Category.STRENGTH
    )
    pattern = models.CharField(
        "movement pattern",
        max_length=20,
        choices=Pattern,
        blank=True,
        db_index=True,
        help_text="How it moves: alternatives, the list's filter and routines use it.",
    )
    equipment = models.ManyToManyField(Equipment, related_name="exercises", blank=True)
    muscle_groups = models.ManyToManyField(
        Muscle,
        related_name="tagged_exercises",
        blank=True,
        limit_choices_to={"group__isnull": True},
        verbose_name="muscles worked (groups)",
        help_text="The groups shown on the card, as the article lists them: Back, Shoulder...",
    )
    muscles = models.ManyToManyField(
        Muscle, through="ExerciseMuscle", related_name="exercises", blank=True
    )
    is_best = models.BooleanField(
        "editors' pick",
        default=False,
        help_text="Shown among the best exercises on the home page.",
    )
    best_order = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Order among the editors' picks (1 first)."
    )
    tips = models.TextField(blank=True, help_text="Coaching tips, one per line.")
    source_ref = models.CharField(
        "import reference",
        max_length=160,
        blank=True,
        editable=False,
        help_text="Where an imported exercise came from, e.g. free-exercise-db:Pullups.",
    )
    source_hash = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="Fingerprint of the imported record; empty for an exercise we wrote "
        "ourselves and only linked to the source.",
    )
    letter = models.CharField(max_length=1, editable=False, db_index=True, default="")
    search_names = models.TextField(editable=False, blank=True)
    search_text = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ExerciseManager()

    class Meta(Named.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["source_ref"],
                condition=~Q(source_ref=""),
                name="exercise_unique_source_ref",
            ),
        ]
        indexes = [
            models.Index(
                fields=["status", "published_at"], name="exercise_published_idx"
            ),
        ]

    def save(self, *args, **kwargs):
        self.normalise_name()
        self.refresh_derived_fields(steps=self.step_texts() if self.pk else [])
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_path("catalogue:exercise_detail", self.slug)

    def clean(self):
        super().clean()
        # Before the uniqueness checks, so "pull-Up" clashes with "Pull-Up" as a
        # form error rather than at the database.
        self.normalise_name()

    def normalise_name(self):
        self.name = normalised_name(self.name)

    @property
    def alias_list(self):
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]

    @property
    def tip_list(self):
        return [line.strip() for line in self.tips.splitlines() if line.strip()]

    def step_texts(self):
        return list(
            Step.objects.filter(exercise_id=self.pk).values_list("text", flat=True)
        )

    def refresh_derived_fields(self, steps):
        """Recompute the index letter and the search index from the content."""
        names = [self.name, *self.alias_list]
        self.letter = letter_for(self.name)
        self.search_names = search.names_index(names)
        self.search_text = search.text_index([*names, self.summary, *steps])


MAX_STEPS = 99


class Step(models.Model):
    exercise = models.ForeignKey(
        Exercise, on_delete=models.CASCADE, related_name="steps"
    )
    number = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(MAX_STEPS)],
        help_text="Steps are shown in this order, from 1. Renumber to reorder.",
    )
    text = models.TextField()

    objects = ParentKeyManager("exercise__slug", "number")

    class Meta:
        # By the exercise's id, not "exercise" (which follows Exercise's own
        # ordering, by name): an exercise's steps are read without joining it.
        ordering = ["exercise_id", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["exercise", "number"], name="step_unique_number"
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="step_number_from_one"
            ),
        ]

    def __str__(self):
        return f"Step {self.number}"

    def get_absolute_url(self):
        return f"{self.exercise.get_absolute_url()}#step-{self.number}"

    def natural_key(self):
        return (*self.exercise.natural_key(), self.number)

    natural_key.dependencies = ["catalogue.exercise"]


class ExerciseMuscleManager(ParentKeyManager):
    def for_muscle_page(self, user, listed):
        """Through a muscle's ``exercise_links``: role -> (its first ``listed``
        exercises ``user`` may see, A–Z, how many) (``muscle_pages``). Only
        there: the muscle is the related manager's ``instance``."""
        from catalogue.muscle_pages import by_role  # it imports this module

        return by_role(self.instance, user, listed)


class ExerciseMuscle(models.Model):
    """A muscle an exercise works (as a primary mover or a secondary muscle) or stretches."""

    exercise = models.ForeignKey(
        Exercise, on_delete=models.CASCADE, related_name="muscle_links"
    )
    muscle = models.ForeignKey(
        Muscle, on_delete=models.PROTECT, related_name="exercise_links"
    )
    role = models.CharField(max_length=10, choices=Role, default=Role.PRIMARY)

    objects = ExerciseMuscleManager("exercise__slug", "muscle__slug")

    class Meta:
        # A muscle is primary or secondary for an exercise, never both.
        constraints = [
            models.UniqueConstraint(
                fields=["exercise", "muscle"], name="exercise_muscle_once"
            ),
        ]
        ordering = ["role", "muscle"]
        verbose_name = "muscle worked"
        verbose_name_plural = "muscles worked"

    def __str__(self):
        return f"{self.get_role_display()}: {self.muscle_id}"

    def natural_key(self):
        return (*self.exercise.natural_key(), *self.muscle.natural_key())

    natural_key.dependencies = ["catalogue.exercise", "anatomy.muscle"]


# Relations between exercises live in their own modules; imported here so that
# Django registers them with the catalogue app.
from catalogue.alternatives import AlternativeOverride  # noqa: E402, F401
from catalogue.progressions import Progression, Rung  # noqa: E402, F401
