from django.core.exceptions import ValidationError
from django.db import models

from core.images import Illustrated
from core.models import Named, SlugKeyManager, one_level_parent
from core.urls import slug_path


class MuscleQuerySet(models.QuerySet):
    def groups(self):
        return self.filter(group__isnull=True)

    def specific(self):
        return self.filter(group__isnull=False)

    def for_index(self):
        """Groups with their muscles, for the anatomy index."""
        return self.groups().prefetch_related(
            models.Prefetch(
                "members", queryset=Muscle.objects.order_by("position", "name")
            )
        )

    def for_detail(self):
        return self.select_related("group")


def with_members(groups):
    """Groups (from ``for_index()``) followed each by their muscles, in one list."""
    return [muscle for group in groups for muscle in (group, *group.members.all())]


MuscleManager = SlugKeyManager.from_queryset(MuscleQuerySet)


class Muscle(Named, Illustrated):
    """A muscle group (Back, Shoulder, ...) or a specific muscle within one.

    Groups are the article's "Muscle Worked" tags; specific muscles are the
    anatomy (upper trapezius, latissimus dorsi, ...). The hierarchy has two
    levels: a specific muscle belongs to a group, a group to nothing.
    """

    group = one_level_parent(
        "group",
        related_name="members",
        on_delete=models.PROTECT,
        help_text="The group this muscle belongs to. Leave empty for a group itself "
        "(Back, Shoulder, Arm, Abs...).",
    )
    location = models.TextField(
        blank=True, help_text="Where the muscle is, in a sentence or two."
    )
    function = models.TextField(blank=True, help_text="What the muscle does.")
    description = models.TextField(blank=True, help_text="An overview for readers.")
    position = models.PositiveSmallIntegerField(
        default=100, help_text="Order on the anatomy page (lower first)."
    )

    objects = MuscleManager()

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(group=models.F("pk")),
                name="muscle_not_its_own_group",
            ),
        ]

    def get_absolute_url(self):
        return slug_path("anatomy:muscle_detail", self.slug)

    @property
    def is_group(self):
        return self.group_id is None

    def clean(self):
        super().clean()
        if self.group_id is not None:
            if self.pk and self.group_id == self.pk:
                raise ValidationError({"group": "A muscle cannot be its own group."})
            if self.group.group_id is not None:
                raise ValidationError(
                    {
                        "group": f"{self.group} is a muscle, not a group: choose its group."
                    }
                )
            if self.pk and Muscle.objects.filter(group=self).exists():
                raise ValidationError(
                    {
                        "group": "This is a group with muscles of its own, so it cannot "
                        "belong to another group."
                    }
                )
