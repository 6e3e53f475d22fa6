"""Pieces every content admin shares: publishing actions, image previews and
related-row counts."""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html

from core.models import ContentVersion, PublicationStatus
from core.signals import publication_changed

IMAGE_FIELDSET = (
    "Image",
    {
        "classes": ["collapse"],
        "fields": [
            "image",
            "image_preview",
            "image_alt",
            "image_credit",
            "image_licence",
        ],
        "description": "Shown with its credit and licence under it.",
    },
)


class ImagePreviewMixin:
    @admin.display(description="Preview")
    def image_preview(self, obj):
        if not obj or not obj.image:
            return "No image."
        return format_html(
            '<img src="{}" alt="{}" width="240" class="admin-image-preview"><br>'
            "{}×{} pixels, {} rendition{}",
            obj.image_src,
            obj.image_alt,
            obj.image_width or "?",
            obj.image_height or "?",
            len(obj.image_renditions),
            "" if len(obj.image_renditions) == 1 else "s",
        )


class RelatedCountsMixin:
    """Counts of related rows for list columns, annotated on the admin's own
    query: a page of rows costs one query, not one more a row.

    ``related_counts`` names each count, e.g. ``{"step_total": Count("steps")}``.
    """

    related_counts = {}

    def get_queryset(self, request):
        # A counting (GROUP BY) query drops the model's default order: the change
        # list sets its own, but autocomplete's results would come in any order.
        return (
            super()
            .get_queryset(request)
            .annotate(**self.related_counts)
            .order_by(*self.model._meta.ordering)
        )


def count_column(total, description):
    """A list column showing one of ``related_counts``, sortable by it."""

    @admin.display(description=description, ordering=total)
    def column(self, obj):
        return getattr(obj, total)

    return column


def touched(queryset):
    """Move updated_at on with a bulk change, so that an editor's form opened
    before it is seen as stale (safeguards.admin) rather than undoing it."""
    fields = {field.name for field in queryset.model._meta.get_fields()}
    return {"updated_at": timezone.now()} if "updated_at" in fields else {}


class PublishableAdminMixin:
    """Publish and unpublish in bulk; the content version moves on, so pages update."""

    actions = ["publish", "unpublish"]

    @admin.display(description="Visible to readers", boolean=True)
    def is_live(self, obj):
        return obj.is_public

    @admin.action(description="Publish the selected items now", permissions=["change"])
    def publish(self, request, queryset):
        count = queryset.update(
            status=PublicationStatus.PUBLISHED,
            published_at=timezone.now(),
            **touched(queryset),
        )
        publication_changed.send(sender=self.model)
        ContentVersion.bump()
        self.message_user(request, f"Published {count} item(s).", messages.SUCCESS)

    @admin.action(
        description="Turn the selected items back into drafts", permissions=["change"]
    )
    def unpublish(self, request, queryset):
        count = queryset.update(status=PublicationStatus.DRAFT, **touched(queryset))
        publication_changed.send(sender=self.model)
        ContentVersion.bump()
        self.message_user(
            request, f"{count} item(s) are drafts again.", messages.SUCCESS
        )
