"""The exercise admin's review inline and merge action (used by catalogue.admin)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse

from catalogue.models import Exercise
from curation.merging import MergeError, merge_exercises
from curation.models import ExerciseReview


class ReviewForm(forms.ModelForm):
    class Meta:
        model = ExerciseReview
        fields = ["reviewer", "reviewer_credentials", "reviewed_on", "scope"]

    def save(self, commit=True):
        # Saving the review records it as a review of the steps as now saved
        # (the steps inline is saved first); editing only the steps leaves the
        # review untouched, and so out of date.
        if self.has_changed():
            self.instance.mark_steps_reviewed()
        return super().save(commit)


class ReviewInline(admin.StackedInline):
    model = ExerciseReview
    form = ReviewForm
    max_num = 1
    extra = 0
    fields = [
        "review_state",
        "reviewer",
        "reviewer_credentials",
        "reviewed_on",
        "scope",
    ]
    readonly_fields = ["review_state"]
    verbose_name = "review"
    verbose_name_plural = "review status"

    @admin.display(description="status")
    def review_state(self, review):
        if not review or not review.pk:
            return "Not reviewed yet."
        if review.is_current_for(review.exercise.steps.order_by("number")):
            return "Up to date: the steps are the ones reviewed."
        return (
            "Out of date: the steps changed after this review. Once someone has "
            "reviewed the new steps, record their review here (it is then current)."
        )


class MergeForm(forms.Form):
    target = forms.SlugField(
        label="Merge into (the exercise's slug)",
        help_text="The exercise that stays, e.g. pull-up.",
    )


@admin.action(
    description="Merge the selected exercises into another…",
    permissions=["delete"],
)
def merge_selected(modeladmin, request, queryset):
    """Ask for the target, then merge each selected exercise into it."""
    form = MergeForm(request.POST if "confirm" in request.POST else None)
    if form.is_valid():
        target_slug = form.cleaned_data["target"]
        for source in queryset.only("slug"):
            try:
                result = merge_exercises(source.slug, target_slug, user=request.user)
            except MergeError as error:
                modeladmin.message_user(request, str(error), messages.ERROR)
                continue
            modeladmin.message_user(request, str(result), messages.SUCCESS)
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": "Merge exercises",
        "opts": modeladmin.model._meta,
        "sources": queryset.only("name", "slug"),
        "form": form,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "targets": Exercise.objects.exclude(pk__in=queryset).only("name", "slug")[
            :2000
        ],
    }
    return TemplateResponse(request, "admin/curation/merge_exercises.html", context)
