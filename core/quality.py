"""What an editor should fix: the data-quality report behind /admin/data-quality/."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse

from anatomy.models import Muscle
from articles.markdown import render_markdown
from articles.models import Article
from catalogue.models import Exercise, ExerciseMuscle, Role
from catalogue.search import words

MIN_STEPS = 4


@dataclass
class Problem:
    label: str
    detail: str
    fix_url: str


@dataclass
class Check:
    title: str
    explanation: str
    problems: list


def change_url(obj):
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def exercises_with_few_steps():
    rows = (
        Exercise.objects.annotate(step_total=Count("steps"))
        .filter(step_total__lt=MIN_STEPS)
        .only("name")
    )
    return [Problem(e.name, f"{e.step_total} step(s)", change_url(e)) for e in rows]


def exercises_without_equipment():
    rows = Exercise.objects.filter(equipment__isnull=True).only("name")
    return [
        Problem(e.name, "no equipment (use “Bodyweight” for none)", change_url(e))
        for e in rows
    ]


def exercises_without_primary_muscle():
    primary = ExerciseMuscle.objects.filter(exercise=OuterRef("pk"), role=Role.PRIMARY)
    rows = Exercise.objects.filter(~Exists(primary)).only("name")
    return [Problem(e.name, "no primary muscle", change_url(e)) for e in rows]


def images_without_alt_text():
    problems = []
    for model in (Exercise, Muscle, Article):
        missing = Q(image_alt="") | Q(image_alt__isnull=True)
        for obj in model.objects.exclude(image="").filter(missing):
            problems.append(
                Problem(
                    str(obj),
                    f"{model._meta.verbose_name} image without alt text",
                    change_url(obj),
                )
            )
    return problems


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


def articles_with_missing_links():
    """Articles with an [[Exercise]] link readers get as plain text: the
    exercise is missing, or a draft or scheduled (not linked until it is live)."""
    rows = Article.objects.filter(body_html__contains="exercise-link--missing").only(
        "title", "body"
    )
    problems = []
    for article in rows:
        rendered = render_markdown(article.body)
        details = [
            *(f"“{name}”: no such exercise" for name in rendered.missing_links),
            *(f"“{name}”: draft or scheduled" for name in rendered.hidden_links),
        ]
        problems.append(
            Problem(
                article.title,
                "; ".join(details) or "an exercise link readers cannot follow",
                change_url(article),
            )
        )
    return problems


def likely_duplicates():
    """Exercises whose names or aliases come down to the same words."""
    owners = defaultdict(dict)
    for pk, name, aliases in Exercise.objects.values_list("pk", "name", "aliases"):
        for text in [name, *aliases.splitlines()]:
            key = " ".join(sorted(set(words(text))))
            if key:
                owners[key].setdefault(pk, (name, text))
    problems, seen = [], set()
    for _key, exercises in sorted(owners.items()):
        if len(exercises) < 2:
            continue
        group = tuple(sorted(exercises))
        if group in seen:
            continue
        seen.add(group)
        names = " / ".join(f"{name} (as “{text}”)" for name, text in exercises.values())
        for pk, (name, _) in exercises.items():
            problems.append(
                Problem(
                    name,
                    f"same words as: {names}",
                    reverse("admin:catalogue_exercise_change", args=[pk]),
                )
            )
    return problems


def report():
    return [
        Check(
            f"Exercises with fewer than {MIN_STEPS} steps",
            "Readers need the whole technique, from set-up to finishing the set.",
            exercises_with_few_steps(),
        ),
        Check(
            "Exercises without equipment",
            "Every exercise lists what it needs.",
            exercises_without_equipment(),
        ),
        Check(
            "Exercises without a primary muscle",
            "The anatomy pages and related exercises rely on it.",
            exercises_without_primary_muscle(),
        ),
        Check(
            "Images without alt text",
            "People who cannot see the image need it described.",
            images_without_alt_text(),
        ),
        Check(
            "Muscles with no exercise",
            "A muscle page with nothing to train it is a dead end.",
            muscles_without_exercises(),
        ),
        Check(
            "Articles linking a missing or unpublished exercise",
            "An [[Exercise]] link whose exercise was renamed away, deleted, or is "
            "not visible to readers yet: they see the words without a link.",
            articles_with_missing_links(),
        ),
        Check(
            "Likely duplicates",
            "Names or aliases that normalise to the same words: merge them, or tell them apart.",
            likely_duplicates(),
        ),
    ]
