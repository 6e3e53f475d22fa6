from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.urls import path
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from articles.markdown import render_markdown
from articles.models import FAQ, Article, Reference
from core.admin import IMAGE_FIELDSET, ImagePreviewMixin, PublishableAdminMixin
from core.history_admin import HistoryAdmin
from safeguards.admin import StaleFormGuard, StaleFormGuardAdmin


class ArticleForm(StaleFormGuard):
    class Meta:
        model = Article
        fields = "__all__"  # noqa: DJ007 (the admin's fieldsets choose what shows)

    def clean_body(self):
        return check_exercise_links(self.cleaned_data["body"])


def check_exercise_links(text):
    missing = render_markdown(text).missing_links
    if missing:
        names = ", ".join(f"“{name}”" for name in missing)
        raise ValidationError(
            f"No exercise is called {names}. Check the spelling against the exercise "
            "list, use [[Exact Name|your words]], or add the exercise first."
        )
    return text


class FAQForm(forms.ModelForm):
    class Meta:
        model = FAQ
        fields = ["position", "question", "answer"]

    def clean_answer(self):
        return check_exercise_links(self.cleaned_data["answer"])


class FAQInline(admin.StackedInline):
    model = FAQ
    form = FAQForm
    extra = 0
    fields = ["position", "question", "answer"]
    ordering = ["position", "pk"]


class ReferenceInline(admin.StackedInline):
    model = Reference
    extra = 0
    fields = [
        "position",
        "authors",
        "year",
        "title",
        "journal",
        "details",
        "doi",
        "url",
    ]
    ordering = ["position", "pk"]


@admin.register(Article)
class ArticleAdmin(
    StaleFormGuardAdmin, PublishableAdminMixin, ImagePreviewMixin, HistoryAdmin
):
    form = ArticleForm
    list_display = [
        "title",
        "status",
        "is_live",
        "published_at",
        "revised_at",
        "updated_at",
    ]
    list_filter = ["status", "is_fact_checked"]
    search_fields = ["title", "standfirst", "body"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["body_preview", "image_preview", "created_at", "updated_at"]
    inlines = [FAQInline, ReferenceInline]
    date_hierarchy = "published_at"
    fieldsets = [
        (None, {"fields": ["title", "slug", "standfirst"]}),
        (
            "Byline and review",
            {
                "fields": [
                    "author",
                    "reviewer",
                    "reviewer_credentials",
                    "is_fact_checked",
                    "author_note",
                ]
            },
        ),
        (
            "Source and credits",
            {
                "fields": [
                    "source_title",
                    "source_publisher",
                    "source_url",
                    "site_note",
                    "show_published_date",
                ]
            },
        ),
        ("Body", {"fields": ["body", "body_preview"]}),
        ("Publication", {"fields": ["status", "published_at", "revised_at"]}),
        (
            IMAGE_FIELDSET[0],
            {
                **IMAGE_FIELDSET[1],
                "fields": [*IMAGE_FIELDSET[1]["fields"], "image_caption"],
            },
        ),
        ("Record", {"classes": ["collapse"], "fields": ["created_at", "updated_at"]}),
    ]

    class Media:
        js = ["admin/js/markdown-preview.js"]
        css = {"all": ["admin/css/content-admin.css"]}

    def get_urls(self):
        preview = self.admin_site.admin_view(require_POST(self.preview_view))
        return [
            path("preview/", preview, name="articles_article_preview"),
            *super().get_urls(),
        ]

    def preview_view(self, request):
        """The body as readers will see it: rendered, sanitised, links resolved."""
        if not self.has_change_permission(request) and not self.has_add_permission(
            request
        ):
            return JsonResponse({"error": "Not allowed"}, status=403)
        rendered = render_markdown(request.POST.get("body", "")[:200_000])
        return JsonResponse(
            {
                "html": rendered.html,
                "missing": rendered.missing_links,
                "hidden": rendered.hidden_links,
            }
        )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        hidden = render_markdown(obj.body).hidden_links
        if hidden:
            names = ", ".join(f"“{name}”" for name in hidden)
            self.message_user(
                request,
                f"Not linked yet: {names} (a draft or scheduled exercise). Readers "
                "see the words without a link until it is published; the link then "
                "appears by itself.",
                messages.WARNING,
            )

    @admin.display(description="Preview (as readers will see it)")
    def body_preview(self, obj):
        html = obj.body_html if obj and obj.pk else ""
        return format_html(
            '<div class="markdown-preview" data-markdown-preview>{}</div>',
            mark_safe(html),
        )


@admin.register(FAQ)
class FAQAdmin(HistoryAdmin):
    form = FAQForm
    list_display = ["question", "article", "position"]
    list_editable = ["position"]
    list_filter = ["article"]
    list_select_related = ["article"]
    search_fields = ["question", "answer"]
    autocomplete_fields = ["article"]


@admin.register(Reference)
class ReferenceAdmin(HistoryAdmin):
    list_display = ["title", "authors", "year", "article", "position"]
    list_editable = ["position"]
    list_filter = ["article", "year"]
    list_select_related = ["article"]
    search_fields = ["title", "authors", "journal", "doi"]
    autocomplete_fields = ["article"]
