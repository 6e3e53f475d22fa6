"""The shape of the data-quality report (/admin/data-quality/), and the one check
that spans every content app: images without alt text.

Each content app lists its own checks in its ``quality.checks()``; the site
gathers them (``website.quality``).
"""

from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse

from core.content import content_models
from core.images import Illustrated


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


def images_without_alt_text():
    problems = []
    missing = Q(image_alt="") | Q(image_alt__isnull=True)
    for model in content_models():
        if not issubclass(model, Illustrated):
            continue
        for obj in model.objects.exclude(image="").filter(missing):
            problems.append(
                Problem(
                    str(obj),
                    f"{model._meta.verbose_name} image without alt text",
                    change_url(obj),
                )
            )
    return problems


def checks():
    return [
        Check(
            "Images without alt text",
            "People who cannot see the image need it described.",
            images_without_alt_text(),
        )
    ]
