"""Stale-form detection for the admin: a save based on an old copy is refused.

The change form carries the ``updated_at`` of the row it was opened from, in a
hidden field. On save the row is read again, locked until the save commits
(``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite's immediate transactions
already admit one writer at a time). If someone saved in between, the form is
refused: it says who changed what (from the admin history), shows the saved
value beside each field they changed, keeps this editor's own input, and
carries the new version, so that saving again after merging goes through.
"""

import json
from datetime import datetime

from django import forms
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import router, transaction
from django.utils import timezone
from django.utils.formats import date_format

VERSION_FIELD = "edit_version"
SHOWN_VALUE_LENGTH = 300


def version_of(instance):
    value = getattr(instance, "updated_at", None)
    return value.isoformat() if value else ""


def shown(value):
    """A saved value as the conflict note shows it."""
    if isinstance(value, datetime):
        return date_format(timezone.localtime(value), "j F Y, H:i")
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value in (None, ""):
        return "(empty)"
    if hasattr(value, "all"):
        return ", ".join(str(item) for item in value.all()) or "(none)"
    text = str(value)
    return text if len(text) <= SHOWN_VALUE_LENGTH else text[:SHOWN_VALUE_LENGTH] + "…"


def field_labels(entry):
    """The labels of the object's own fields that a history entry changed."""
    try:
        parts = json.loads(entry.change_message or "[]")
    except ValueError:
        return []
    return [
        label
        for part in parts
        if isinstance(part, dict) and isinstance(part.get("changed"), dict)
        if "name" not in part["changed"]  # an inline's change, not the object's
        for label in part["changed"].get("fields", [])
    ]


class StaleFormGuard(forms.ModelForm):
    """Mix into a content model's admin form (the model needs ``updated_at``)."""

    edit_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields[VERSION_FIELD].initial = version_of(self.instance)

    def clean(self):
        cleaned = super().clean()
        # A POST without the field (a script, not this form) is not checked.
        if self.instance.pk is None or self.add_prefix(VERSION_FIELD) not in self.data:
            return cleaned
        model = type(self.instance)
        rows = model._default_manager.filter(pk=self.instance.pk)
        if transaction.get_connection(router.db_for_write(model)).in_atomic_block:
            rows = rows.select_for_update()
        current = rows.first()
        if current is None:
            raise ValidationError(
                f"Someone else deleted this {model._meta.verbose_name} while you "
                "were editing it, so it cannot be saved. Copy what you need from "
                "this page, then add it again.",
                code="deleted",
            )
        loaded = cleaned.get(VERSION_FIELD) or ""
        now = version_of(current)
        if loaded == now:
            return cleaned
        self.report_conflict(current, loaded, now)
        return cleaned

    def report_conflict(self, current, loaded, now):
        entries = self.changes_since(current, loaded)
        if entries:
            what = " ".join(
                f"{entry.user} at "
                f"{date_format(timezone.localtime(entry.action_time), 'H:i:s')}: "
                f"{entry.get_change_message() or 'saved it'}"
                for entry in entries
            )
        else:
            what = "it was changed outside this form (an import or a bulk action)."
        changed_labels = {label for entry in entries for label in field_labels(entry)}
        for name, field in self.fields.items():
            if name == VERSION_FIELD or (entries and field.label not in changed_labels):
                continue
            if name in self.errors or not hasattr(current, name):
                continue
            saved = getattr(current, name)
            if self.value_differs(name, saved):
                self.add_error(name, f"Saved meanwhile as: {shown(saved)}")
        # The next save compares against what is saved now: the editor merges
        # the two versions in this form, then saves again.
        self.data = self.data.copy()
        self.data[self.add_prefix(VERSION_FIELD)] = now
        raise ValidationError(
            f"Someone else saved this {current._meta.verbose_name} after you "
            f"opened it, so your changes were not saved yet. {what} Your own "
            "changes are still in the form below; where the other save changed a "
            "field, the value it saved is shown under it. Merge the two, then "
            "save again.",
            code="stale",
        )

    def changes_since(self, current, loaded):
        try:
            since = datetime.fromisoformat(loaded) if loaded else None
        except ValueError:
            since = None
        entries = LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(current),
            object_id=str(current.pk),
        ).select_related("user")
        if since is not None:
            entries = entries.filter(action_time__gt=since)
        return list(entries.order_by("action_time")[:10])

    def value_differs(self, name, saved):
        submitted = self.cleaned_data.get(name)
        if hasattr(saved, "all"):
            return {item.pk for item in saved.all()} != {
                item.pk for item in submitted or []
            }
        return saved != submitted


class StaleFormGuardAdmin:
    """ModelAdmin mixin: renders the hidden version field in the first fieldset."""

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        (name, options), *rest = fieldsets
        first = {**options, "fields": [*options["fields"], VERSION_FIELD]}
        return [(name, first), *rest]
