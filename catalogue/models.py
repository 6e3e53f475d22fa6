from collections import defaultdict

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connections, models
from django.db.models import (
    Case,
    Exists,
    F,
    FloatField,
    OuterRef,
    Prefetch,
    Q,
    Value,
    When,
)
from django.db.models.functions import Greatest
from django.urls import reverse

from anatomy.models import Muscle
from catalogue import search
from core.images import Illustrated
from core.models import ContentVersion, Publishable, PublishableQuerySet

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
OTHER_LETTER = "#"


def letter_for(name):
    """The A–Z index letter of a name; "#" for a digit or anything else."""
    first = name[:1].upper()
    return first if first in LETTERS else OTHER_LETTER


class Level(models.TextChoices):
    BEGINNER = "beginner", "Beginner"
    INTERMEDIATE = "intermediate", "Intermediate"
    ADVANCED = "advanced", "Advanced"


class Force(models.TextChoices):
    PULL = "pull", "Pull"
    PUSH = "push", "Push"
    STATIC = "static", "Static"


class Mechanic(models.TextChoices):
    COMPOUND = "compound", "Compound"
    ISOLATION = "isolation", "Isolation"


class Category(models.TextChoices):
    STRENGTH = "strength", "Strength"
    STRETCHING = "stretching", "Stretch"
    PLYOMETRICS = "plyometrics", "Plyometrics"
    POWERLIFTING = "powerlifting", "Powerlifting"
    OLYMPIC_WEIGHTLIFTING = "olympic-weightlifting", "Olympic weightlifting"
    STRONGMAN = "strongman", "Strongman"
    CARDIO = "cardio", "Cardio"


class Role(models.TextChoices):
    PRIMARY = "primary", "Primary"
    SECONDARY = "secondary", "Secondary"


# The columns an exercise card needs (see ExerciseQuerySet.for_list).
CARD_FIELDS = (
    "name",
    "slug",
    "letter",
    "status",
    "published_at",
    "is_best",
    "best_order",
)


class EquipmentQuerySet(models.QuerySet):
    def for_index(self, exercises):
        """Every item with the number of the given exercises that use it."""
        # order_by explicitly: Django drops Meta.ordering from a GROUP BY query,
        # and PostgreSQL's grouping then returns rows in storage order (which a
        # restore from backup, for one, changes).
        return self.annotate(
            exercise_count=models.Count("exercises", filter=Q(exercises__in=exercises))
        ).order_by("name")


class EquipmentManager(models.Manager.from_queryset(EquipmentQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Equipment(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(
        blank=True, help_text="What it is, in a sentence or two."
    )

    objects = EquipmentManager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "equipment"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('catalogue:exercise_list')}?equipment={self.slug}"

    def natural_key(self):
        return (self.slug,)


class ExerciseQuerySet(PublishableQuerySet):
    def for_list(self):
        """What an exercise card shows: equipment, muscle groups, the first two steps.

        Lists of a few dozen cards are the hot path: only the card's columns are
        read, and the prefetched rows go to plain attributes (``to_attr``), which
        skips building a related manager per card.
        """
        return self.only(*CARD_FIELDS).prefetch_related(
            Prefetch(
                "equipment",
                queryset=Equipment.objects.only("name", "slug"),
                to_attr="equipment_list",
            ),
            Prefetch(
                "muscle_groups",
                queryset=Muscle.objects.only("name", "slug", "position"),
                to_attr="muscle_group_list",
            ),
            Prefetch(
                "steps",
                queryset=Step.objects.filter(number__lte=2).only(
                    "exercise", "number", "text"
                ),
                to_attr="first_steps",
            ),
        )

    def for_detail(self):
        return self.prefetch_related(
            "equipment",
            "muscle_groups",
            "steps",
            Prefetch(
                "muscle_links",
                queryset=ExerciseMuscle.objects.select_related(
                    "muscle__group"
                ).order_by("role", "muscle__position", "muscle__name"),
            ),
        )

    def for_links(self):
        """Just enough to link to an exercise."""
        return self.only("name", "slug", "level")

    def using_equipment(self, slugs):
        """Exercises that use any of the given equipment."""
        return self.filter(uses_equipment(slugs))

    def working_muscles(self, slugs):
        """Exercises tagged with any of the given groups or working any given muscle."""
        return self.filter(works_muscles(slugs))

    def search(self, query):
        """Exercises whose name, aliases or steps match the reader's words.

        Names and aliases match however they are hyphenated or pluralised
        ("pullups" finds Pull-Up); otherwise every word must appear in the
        name, aliases or steps. Whole-name matches rank first. On PostgreSQL,
        full-text search (English stemming) widens the match, and when nothing
        matches at all, trigram similarity finds names despite typos.
        """
        terms = search.words(query)[: search.MAX_QUERY_WORDS]
        if not terms:
            return self.annotate(search_rank=Value(0.0))
        key = "".join(terms)
        name_match = Q(search_names__contains=key)
        word_match = Q()
        for term in terms:
            word_match &= Q(search_text__contains=f" {term}")
        matches = name_match | word_match
        ranks = [
            When(search_names__contains=f" {key} ", then=Value(0.0)),
            When(search_names__contains=f" {key}", then=Value(1.0)),
            When(name_match, then=Value(2.0)),
        ]
        queryset, fallback_rank = self, Value(3.0)
        if connections[self.db].vendor == "postgresql":
            queryset, matches, fallback_rank = self._postgres_search(
                " ".join(terms), matches
            )
        return queryset.filter(matches).annotate(
            search_rank=Case(*ranks, default=fallback_rank, output_field=FloatField())
        )

    def _postgres_search(self, text, matches):
        from django.contrib.postgres.search import SearchQuery, TrigramWordSimilarity

        document = search.StoredSearchVector()
        words = SearchQuery(text, config=search.POSTGRES_CONFIG, search_type="plain")
        exact = matches | Q(search_document=words)
        # Typos only when nothing matches at all (the NOT EXISTS is evaluated once).
        # Every branch is indexable (trigram and full-text GIN indexes), so the
        # planner combines index scans instead of reading every row; the %>
        # operator's threshold is pg_trgm.word_similarity_threshold, set for each
        # connection in settings (search.TYPO_SIMILARITY).
        # "Nothing matched" is decided among the exercises being searched (what
        # this reader may see): a draft's exact match must not hide the typo
        # suggestions, nor reveal itself by their absence.
        nothing_exact = ~Exists(self.alias(search_document=document).filter(exact))
        typo = nothing_exact & (
            Q(name__trigram_word_similar=text)
            | Q(search_names__trigram_word_similar=text)
        )
        similarity = Greatest(
            TrigramWordSimilarity(text, "name"),
            TrigramWordSimilarity(text, "search_names"),
        )
        queryset = self.alias(search_document=document, search_similarity=similarity)
        return queryset, exact | typo, 4.0 - F("search_similarity")

    def related_to(self, exercise, primary_muscle_ids, limit=6):
        """Other exercises with one of the same primary muscles."""
        if not primary_muscle_ids:
            return self.none()
        return (
            self.filter(
                Exists(
                    ExerciseMuscle.objects.filter(
                        exercise=OuterRef("pk"),
                        role=Role.PRIMARY,
                        muscle_id__in=primary_muscle_ids,
                    )
                )
            )
            .exclude(pk=exercise.pk)
            .for_links()[:limit]
        )

    def reindex(self):
        """Recompute the index letter and search index of these exercises."""
        steps = defaultdict(list)
        for exercise_id, text in Step.objects.filter(exercise__in=self).values_list(
            "exercise_id", "text"
        ):
            steps[exercise_id].append(text)
        exercises = list(self.only("name", "aliases", "summary"))
        for exercise in exercises:
            exercise.refresh_derived_fields(steps[exercise.pk])
        Exercise.objects.bulk_update(
            exercises, ["letter", "search_names", "search_text"], batch_size=500
        )
        # bulk_update sends no signal, and the index decides what search shows:
        # move the content version after it, not only before (core.signals).
        if exercises:
            ContentVersion.bump()

    def neighbours(self, exercise):
        """The exercises before and after this one, A–Z."""
        before = (
            self.filter(name__lt=exercise.name).order_by("-name").for_links().first()
        )
        after = self.filter(name__gt=exercise.name).order_by("name").for_links().first()
        return before, after


class ExerciseManager(models.Manager.from_queryset(ExerciseQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Exercise(Publishable, Illustrated):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=140, unique=True)
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

    class Meta:
        ordering = ["name"]
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

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.normalise_name()
        self.refresh_derived_fields(steps=self.step_texts() if self.pk else [])
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("catalogue:exercise_detail", args=[self.slug])

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        super().clean()
        # Before the uniqueness checks, so "pull-Up" clashes with "Pull-Up" as a
        # form error rather than at the database.
        self.normalise_name()

    def normalise_name(self):
        """Trimmed, with a capital first letter (the A–Z index reads it)."""
        name = self.name.strip()
        self.name = name[:1].upper() + name[1:]

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


class StepManager(models.Manager):
    def get_by_natural_key(self, exercise_slug, number):
        return self.get(exercise__slug=exercise_slug, number=number)


class Step(models.Model):
    exercise = models.ForeignKey(
        Exercise, on_delete=models.CASCADE, related_name="steps"
    )
    number = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(MAX_STEPS)],
        help_text="Steps are shown in this order, from 1. Renumber to reorder.",
    )
    text = models.TextField()

    objects = StepManager()

    class Meta:
        ordering = ["exercise", "number"]
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


class ExerciseMuscleManager(models.Manager):
    def get_by_natural_key(self, exercise_slug, muscle_slug):
        return self.get(exercise__slug=exercise_slug, muscle__slug=muscle_slug)


class ExerciseMuscle(models.Model):
    """A muscle an exercise works, as a primary mover or a secondary muscle."""

    exercise = models.ForeignKey(
        Exercise, on_delete=models.CASCADE, related_name="muscle_links"
    )
    muscle = models.ForeignKey(
        Muscle, on_delete=models.PROTECT, related_name="exercise_links"
    )
    role = models.CharField(max_length=10, choices=Role, default=Role.PRIMARY)

    objects = ExerciseMuscleManager()

    class Meta:
        ordering = ["role", "muscle"]
        verbose_name = "muscle worked"
        verbose_name_plural = "muscles worked"
        constraints = [
            models.UniqueConstraint(
                fields=["exercise", "muscle"], name="exercise_muscle_once"
            ),
        ]

    def __str__(self):
        return f"{self.get_role_display()}: {self.muscle_id}"

    def natural_key(self):
        return (*self.exercise.natural_key(), *self.muscle.natural_key())

    natural_key.dependencies = ["catalogue.exercise", "anatomy.muscle"]


def uses_equipment(slugs):
    """The condition "uses any of this equipment", for a filter on exercises."""
    return Exists(
        Exercise.equipment.through.objects.filter(
            exercise=OuterRef("pk"), equipment__slug__in=slugs
        )
    )


def works_muscles(slugs):
    """The condition "works any of these muscles", for a filter on exercises.

    A group (Back, Shoulder...) matches the exercise's own "Muscle Worked"
    tags, as the article lists them; a specific muscle matches exercises that
    work it, as primary or secondary muscle.
    """
    return Exists(
        Exercise.muscle_groups.through.objects.filter(
            exercise=OuterRef("pk"), muscle__slug__in=slugs
        )
    ) | Exists(
        ExerciseMuscle.objects.filter(exercise=OuterRef("pk"), muscle__slug__in=slugs)
    )
