"""Moderation: pending comments first, with their count; approve, reject or
mark as spam in bulk; reply as the site from a comment's page."""

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.utils.html import format_html

from core.models import ContentVersion
from discussion.models import MAX_BODY, Comment, Status


class CommentAdminForm(forms.ModelForm):
    reply = forms.CharField(
        label="Reply as the site",
        required=False,
        max_length=MAX_BODY,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Published at once under this comment, with your name and the "
        "site's mark. Replying approves the comment too.",
    )

    class Meta:
        model = Comment
        fields = ["name", "email", "body", "status"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    form = CommentAdminForm
    list_display = [
        "excerpt",
        "name",
        "on_page",
        "status",
        "by_site",
        "held_reason",
        "created_at",
    ]
    list_filter = ["status", "by_site"]
    show_facets = admin.ShowFacets.ALWAYS
    search_fields = ["name", "email", "body"]
    list_select_related = ["exercise", "article"]
    readonly_fields = ["on_page", "parent", "by_site", "held_reason", "created_at"]
    fields = [
        "on_page",
        "parent",
        "name",
        "email",
        "body",
        "status",
        "by_site",
        "held_reason",
        "created_at",
        "reply",
    ]
    actions = ["approve", "reject", "mark_spam"]
    list_per_page = 50

    @admin.display(description="Comment")
    def excerpt(self, obj):
        return obj.body if len(obj.body) <= 90 else f"{obj.body[:88]}…"

    @admin.display(description="On")
    def on_page(self, obj):
        target = obj.target
        if target is None:
            return "-"
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), target)

    def has_add_permission(self, request):
        # Comments come from readers; editors reply from a comment's own page.
        return False

    def has_moderate_permission(self, request):
        return request.user.has_perm("discussion.moderate_comment")

    def changelist_view(self, request, extra_context=None):
        pending = Comment.objects.filter(status=Status.PENDING).count()
        title = f"Moderate comments: {pending} waiting for approval"
        return super().changelist_view(
            request, {**(extra_context or {}), "title": title}
        )

    def _moderate(self, request, queryset, status, verb):
        with transaction.atomic():
            count = queryset.update(status=status)
            ContentVersion.bump()  # approved comments show, or go, at once
        self.message_user(
            request,
            f"{verb} {count} comment{'s' if count != 1 else ''}.",
            messages.SUCCESS,
        )

    @admin.action(description="Approve the selected comments", permissions=["moderate"])
    def approve(self, request, queryset):
        self._moderate(request, queryset, Status.APPROVED, "Approved")

    @admin.action(description="Reject the selected comments", permissions=["moderate"])
    def reject(self, request, queryset):
        self._moderate(request, queryset, Status.REJECTED, "Rejected")

    @admin.action(
        description="Mark the selected comments as spam", permissions=["moderate"]
    )
    def mark_spam(self, request, queryset):
        self._moderate(request, queryset, Status.SPAM, "Marked as spam:")

    def save_model(self, request, obj, form, change):
        reply = (form.cleaned_data.get("reply") or "").strip()
        if reply and obj.status == Status.PENDING:
            obj.status = Status.APPROVED
        super().save_model(request, obj, form, change)
        if reply:
            top = obj.parent or obj  # one level of replies
            user = request.user
            Comment.objects.create(
                exercise=top.exercise,
                article=top.article,
                parent=top,
                name=user.get_full_name() or user.get_username(),
                body=reply.replace("\r\n", "\n"),
                status=Status.APPROVED,
                by_site=True,
                author=user,
            )
            self.message_user(request, "Your reply is published.", messages.SUCCESS)
