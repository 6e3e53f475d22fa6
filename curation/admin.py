from django.contrib import admin

from catalogue.admin import ExerciseAdmin
from curation.admin_exercise import ReviewInline, merge_selected
from curation.models import ExerciseRedirect

# The exercise admin belongs to the catalogue, which knows nothing of reviews
# or merges: this app adds its inline and its action from above.
ExerciseAdmin.inlines = [*ExerciseAdmin.inlines, ReviewInline]
ExerciseAdmin.actions = [*ExerciseAdmin.actions, merge_selected]


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
