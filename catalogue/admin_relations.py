"""Admin for how exercises relate: editors' alternatives and progression ladders."""

from django.contrib import admin
from django.db.models import Count

from catalogue.alternatives import AlternativeOverride
from catalogue.progressions import Progression, Rung
from core.admin import RelatedCountsMixin, count_column


class AlternativeOverrideInline(admin.TabularInline):
    """Pin an alternative (always offered, first) or exclude one (never offered)."""

    model = AlternativeOverride
    fk_name = "exercise"
    extra = 0
    autocomplete_fields = ["alternative"]
    fields = ["alternative", "kind"]
    verbose_name = "alternative chosen by an editor"
    verbose_name_plural = (
        "alternatives: pin or exclude (the others are found from the same "
        "primary muscles and movement pattern)"
    )


class RungInline(admin.TabularInline):
    model = Rung
    extra = 1
    autocomplete_fields = ["exercise"]
    fields = ["position", "exercise"]
    ordering = ["position"]


@admin.register(Progression)
class ProgressionAdmin(RelatedCountsMixin, admin.ModelAdmin):
    list_display = ["name", "rung_count"]
    search_fields = ["name", "description", "rungs__exercise__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RungInline]
    related_counts = {"rung_total": Count("rungs")}

    rung_count = count_column("rung_total", "rungs")
