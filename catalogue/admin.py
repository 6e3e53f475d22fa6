from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.forms.models import BaseInlineFormSet

from anatomy.models import Muscle
from catalogue.admin_relations import AlternativeOverrideInline
from catalogue.models import Equipment, Exercise, ExerciseMuscle, Step
from core.admin import (
    IMAGE_FIELDSET,
    ImagePreviewMixin,
    PublishableAdminMixin,
    RelatedCountsMixin,
    count_column,
)
from core.history_admin import HistoryAdmin
from safeguards.admin import StaleFormGuard, StaleFormGuardAdmin

# Renumbered steps wait here while the others move, so that swapping step 2 and
# step 3 never breaks the one-number-per-step rule halfway through a save.
PARKING_NUMBER = 30_000


class StepForm(forms.ModelForm):
    class Meta:
        model = Step
        fields = ["number", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    # One number per step is checked across the whole formset (StepFormSet.clean),
    # not against the rows as they stand before the save: a swap of steps 2 and 3
    # must not clash with itself. The number's range is the field's validators.

    def validate_unique(self):
        pass

    def validate_constraints(self):
        pass


class StepFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        numbers = set()
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            number = data.get("number")
            if data.get("DELETE") or number is None:
                continue
            if number in numbers:
                raise ValidationError(
                    f"Two steps are numbered {number}. Give each step its own number."
                )
            numbers.add(number)
        self.check_numbers_saved_meanwhile(numbers)

    def check_numbers_saved_meanwhile(self, numbers):
        """A number another editor gave a step since this form was opened is a
        form error here, not an IntegrityError at the database."""
        if self.instance.pk is None:
            return
        ours = [form.instance.pk for form in self.initial_forms if form.instance.pk]
        taken = set(
            Step.objects.filter(exercise=self.instance)
            .exclude(pk__in=ours)
            .values_list("number", flat=True)
        )
        clashes = sorted(number for number in numbers if number in taken)
        if clashes:
            listed = ", ".join(str(number) for number in clashes)
            raise ValidationError(
                f"Someone else has saved a step numbered {listed} since you opened "
                "this form. Give your step another number (or reload the page to "
                "see theirs)."
            )

    def save(self, commit=True):
        if commit:
            self.park_moving_steps()
        return super().save(commit)

    def park_moving_steps(self):
        """Move the steps that change number, or go, out of the way first.

        Django saves the forms one by one; without this, giving step 2 the
        number 3 would meet the old step 3 (one number per step) halfway.
        """
        moving = [
            form.instance.pk
            for form in self.initial_forms
            if form.instance.pk
            and (form in self.deleted_forms or "number" in form.changed_data)
        ]
        for offset, pk in enumerate(moving):
            Step.objects.filter(pk=pk).update(number=PARKING_NUMBER + offset)


class StepInline(admin.TabularInline):
    model = Step
    form = StepForm
    formset = StepFormSet
    extra = 1
    fields = ["number", "text"]
    ordering = ["number"]


class ExerciseMuscleInline(admin.TabularInline):
    model = ExerciseMuscle
    extra = 1
    autocomplete_fields = ["muscle"]
    fields = ["muscle", "role"]
    verbose_name = "muscle worked"
    verbose_name_plural = "muscles worked, with their role"


class SpecificMuscleFilter(admin.SimpleListFilter):
    title = "muscle worked"
    parameter_name = "muscle"

    def lookups(self, request, model_admin):
        return list(Muscle.objects.specific().values_list("slug", "name"))

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(muscle_links__muscle__slug=self.value()).distinct()
        return queryset


class ExerciseForm(StaleFormGuard):
    class Meta:
        model = Exercise
        fields = "__all__"  # noqa: DJ007 (the admin's fieldsets choose what shows)


@admin.register(Exercise)
class ExerciseAdmin(
    StaleFormGuardAdmin,
    PublishableAdminMixin,
    ImagePreviewMixin,
    RelatedCountsMixin,
    HistoryAdmin,
):
    form = ExerciseForm
    list_display = [
        "name",
        "level",
        "category",
        "status",
        "is_live",
        "published_at",
        "is_best",
        "step_count",
        "updated_at",
    ]
    list_filter = [
        "status",
        "level",
        "category",
        "pattern",
        "is_best",
        ("equipment", admin.RelatedOnlyFieldListFilter),
        ("muscle_groups", admin.RelatedOnlyFieldListFilter),
        SpecificMuscleFilter,
    ]
    search_fields = ["name", "aliases", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["equipment", "muscle_groups"]
    readonly_fields = ["image_preview", "source_ref", "created_at", "updated_at"]
    # The review comes last: it is saved after the steps it may record as reviewed.
    inlines = [
        StepInline,
        ExerciseMuscleInline,
        AlternativeOverrideInline,
    ]  # curation adds the review
    actions = [*PublishableAdminMixin.actions]  # curation adds merging
    list_per_page = 50
    related_counts = {"step_total": Count("steps")}
    show_full_result_count = False
    date_hierarchy = "published_at"
    fieldsets = [
        (None, {"fields": ["name", "slug", "aliases", "summary"]}),
        (
            "What it is",
            {
                "fields": [
                    "level",
                    "category",
                    "pattern",
                    "force",
                    "mechanic",
                    "equipment",
                    "muscle_groups",
                ]
            },
        ),
        ("Coaching", {"fields": ["tips"]}),
        (
            "Publication",
            {"fields": ["status", "published_at", "is_best", "best_order"]},
        ),
        IMAGE_FIELDSET,
        (
            "Record",
            {
                "classes": ["collapse"],
                "fields": ["source_ref", "created_at", "updated_at"],
            },
        ),
    ]

    class Media:
        js = ["admin/js/step-order.js"]
        css = {"all": ["admin/css/content-admin.css"]}

    step_count = count_column("step_total", "steps")


@admin.register(Equipment)
class EquipmentAdmin(RelatedCountsMixin, HistoryAdmin):
    list_display = ["name", "slug", "exercise_count"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    related_counts = {"exercise_total": Count("exercises")}

    exercise_count = count_column("exercise_total", "exercises")
