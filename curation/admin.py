from django.contrib import admin

from curation.models import ExerciseRedirect


@admin.register(ExerciseRedirect)
class ExerciseRedirectAdmin(admin.ModelAdmin):
    """Merged exercises' old addresses: read-only, since they must last."""

    list_display = ["old_slug", "old_name", "target", "created_at"]
    search_fields = ["old_slug", "old_name", "target__name"]
    list_select_related = ["target"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
