"""History and one-step restore in the admin, on top of django-reversion.

Each content admin inherits ``HistoryAdmin``: the History page lists every
version (who, when, the editor's change message) with a readable list of what
changed, and a button that restores that version, with its steps, muscles,
FAQ or references, in one step. Reversion's own preview of a version (the
change form as it was) stays one click away.
"""

import reversion
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from reversion.admin import VersionAdmin
from reversion.models import Version

from core.history import describe


class HistoryAdmin(VersionAdmin):
    object_history_template = "admin/curation/object_history.html"
    history_latest_first = True

    def get_urls(self):
        opts = self.model._meta
        restore = self.admin_site.admin_view(require_POST(self.restore_view))
        return [
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                restore,
                name=f"{opts.app_label}_{opts.model_name}_restore",
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        opts = self.model._meta
        versions = list(
            Version.objects.get_for_object_reference(self.model, unquote(object_id))
            .select_related("revision", "revision__user")
            .order_by("revision__date_created", "pk")
        )
        entries = []
        for index, version in enumerate(versions):
            previous = versions[index - 1] if index else None
            entries.append(
                {
                    "version": version,
                    "revision": version.revision,
                    "changes": describe(version, previous),
                    "latest": index == len(versions) - 1,
                    "preview_url": reverse(
                        f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                        args=(quote(version.object_id), version.pk),
                    ),
                    "restore_url": reverse(
                        f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_restore",
                        args=(quote(version.object_id), version.pk),
                    ),
                }
            )
        entries.reverse()
        context = {"history_entries": entries, **(extra_context or {})}
        return super().history_view(request, object_id, context)

    def restore_view(self, request, object_id, version_id):
        """Bring back this version of the object and everything it carries along."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_change_permission(request, obj):
            raise PermissionDenied
        version = get_object_or_404(
            Version.objects.get_for_object(obj).select_related("revision"),
            pk=version_id,
        )
        when = timezone.localtime(version.revision.date_created)
        with transaction.atomic(), reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(
                f"Restored the version of {when:%-d %B %Y, %H:%M:%S}."
            )
            version.revision.revert(delete=True)
        restored = self.model._default_manager.get(pk=obj.pk)
        # The revert saves rows as fixtures do, skipping Model.save() and the
        # signals that skip raw saves (articles re-rendering a renamed exercise's
        # links): one ordinary save, outside the revision, runs them.
        restored.save()
        self.message_user(
            request,
            f"Restored “{restored}” as it was on {when:%-d %B %Y, %H:%M:%S}.",
            messages.SUCCESS,
        )
        opts = self.model._meta
        return redirect(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
            quote(obj.pk),
        )
