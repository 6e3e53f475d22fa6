from django.contrib import admin
from django.db.models import Count

from anatomy.models import Muscle
from core.admin import IMAGE_FIELDSET, ImagePreviewMixin, RelatedCountsMixin
from core.history_admin import HistoryAdmin


class GroupFilter(admin.SimpleListFilter):
    title = "group"
    parameter_name = "group"

    def lookups(self, request, model_admin):
        return [
            ("none", "Groups themselves"),
            *Muscle.objects.groups().values_list("slug", "name"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "none":
            return queryset.filter(group__isnull=True)
        if self.value():
            return queryset.filter(group__slug=self.value())
        return queryset


@admin.register(Muscle)
class MuscleAdmin(ImagePreviewMixin, RelatedCountsMixin, HistoryAdmin):
    list_display = ["name", "group", "position", "exercise_count"]
    list_editable = ["position"]
    list_filter = [GroupFilter]
    list_select_related = ["group"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["group"]
    readonly_fields = ["image_preview"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "group", "position"]}),
        ("For readers", {"fields": ["location", "function", "description"]}),
        IMAGE_FIELDSET,
    ]
    related_counts = {
        "link_total": Count("exercise_links", distinct=True),
        "tag_total": Count("tagged_exercises", distinct=True),
    }

    @admin.display(description="exercises", ordering="link_total")
    def exercise_count(self, obj):
        return obj.tag_total if obj.is_group else obj.link_total
