from django.db import models
from django.db.models import F
from django.utils import timezone


def sees_drafts(user):
    """Editors (staff) preview drafts and scheduled items; readers do not."""
    return bool(user and user.is_authenticated and user.is_staff)


class SlugKeyManager(models.Manager):
    """Fixtures and backups name these rows by their slug (Django's natural keys)."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class ParentKeyManager(models.Manager):
    """Finds a row by a natural key made of its parent's key and its own fields.

    ``lookups`` name the key's parts in the order ``natural_key()`` gives them,
    e.g. ``ParentKeyManager("exercise__slug", "number")`` for a step.
    """

    def __init__(self, *lookups):
        super().__init__()
        self.lookups = lookups

    def get_by_natural_key(self, *key):
        return self.get(**dict(zip(self.lookups, key, strict=True)))


class SlugKeyed:
    """A model whose natural key is its slug (with ``SlugKeyManager``)."""

    def natural_key(self):
        return (self.slug,)


class Named(SlugKeyed, models.Model):
    """A row readers find by its name, and that links and fixtures address by
    its slug: an exercise, an item of equipment, a muscle or a progression."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=140, unique=True)

    objects = SlugKeyManager()

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


def one_level_parent(name, *, related_name, on_delete, help_text):
    """The key, called ``name``, from a row to another of its model in a
    hierarchy of one level (a muscle's group, the comment a reply answers):
    optional, and only a row without a parent may be chosen."""
    return models.ForeignKey(
        "self",
        on_delete=on_delete,
        null=True,
        blank=True,
        related_name=related_name,
        limit_choices_to={f"{name}__isnull": True},
        help_text=help_text,
    )


class ContentVersion(models.Model):
    """A counter that every content change moves on.

    It is part of every page-cache key, so an editor's save is seen at once by
    every process, whatever cache backend sits in front (a per-process LocMem
    cache included): the counter lives in the database they all share.
    """

    value = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pk=1), name="content_version_single_row"
            ),
        ]

    def __str__(self):
        return f"Content version {self.value}"

    @classmethod
    def bump(cls):
        from core.content_state import forget  # it reads this model

        updated = cls.objects.filter(pk=1).update(
            value=F("value") + 1, changed_at=timezone.now()
        )
        if not updated:
            cls.objects.get_or_create(pk=1, defaults={"value": 1})
        forget()  # this process sees the change at once, the others within a second


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


def visible_condition(user, through=""):
    """What ``user`` may see, as a condition on a publishable model, or on one
    reached ``through`` a relation ("exercise__"): editors preview drafts and
    scheduled items; readers see what is published and not dated in the future."""
    if sees_drafts(user):
        return models.Q()
    return models.Q(
        **{
            f"{through}status": PublicationStatus.PUBLISHED,
            f"{through}published_at__lte": timezone.now(),
        }
    )


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """What readers may see."""
        return self.filter(visible_condition(None))

    def visible_to(self, user):
        return self.filter(visible_condition(user))


class Publishable(models.Model):
    status = models.CharField(
        max_length=10,
        choices=PublicationStatus,
        # A first save of something half-written must not make it public.
        default=PublicationStatus.DRAFT,
        help_text="Drafts are only visible to editors, who see a preview. "
        "New items start as drafts.",
    )
    published_at = models.DateTimeField(
        "publish date",
        default=timezone.now,
        help_text="A published item dated in the future stays hidden until then.",
    )

    class Meta:
        abstract = True

    @property
    def is_public(self):
        return (
            self.status == PublicationStatus.PUBLISHED
            and self.published_at <= timezone.now()
        )

    def is_visible_to(self, user):
        """``visible_condition`` on a row already read."""
        return sees_drafts(user) or self.is_public
