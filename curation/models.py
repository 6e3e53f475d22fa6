import hashlib

from django.db import models

from catalogue.models import Exercise, Step
from core.models import ParentKeyManager


def steps_fingerprint(exercise_id):
    """A fingerprint of an exercise's steps as they stand (numbers and texts)."""
    steps = Step.objects.filter(exercise_id=exercise_id).order_by("number")
    return fingerprint_of((step.number, step.text) for step in steps)


def fingerprint_of(numbered_texts):
    digest = hashlib.sha256()
    for number, text in numbered_texts:
        digest.update(f"{number}\t{text.strip()}\n".encode())
    return digest.hexdigest()


class ExerciseReview(models.Model):
    """Who reviewed what of an exercise, and when; out of date once the steps change.

    The review remembers a fingerprint of the steps it saw. Any later change to
    the steps (an edit, a new step, a reorder) no longer matches it, and the
    page says the review is out of date until an editor records a new one.
    """

    exercise = models.OneToOneField(
        Exercise, on_delete=models.CASCADE, related_name="review"
    )
    reviewer = models.CharField(max_length=120, help_text="e.g. April Edwards.")
    reviewer_credentials = models.CharField(
        "credentials", max_length=60, blank=True, help_text="e.g. MScPT."
    )
    reviewed_on = models.DateField(
        "date",
        null=True,
        blank=True,
        help_text="When the review was done. Leave empty when it is not known: "
        "the page then says so rather than showing an invented date.",
    )
    scope = models.TextField(
        help_text="What was reviewed and what was not, e.g. “Steps 1–2 from the "
        "reviewed article; steps 3–7 by the site's editors, not yet reviewed.”"
    )
    steps_fingerprint = models.CharField(max_length=64, editable=False, blank=True)

    objects = ParentKeyManager("exercise__slug")

    class Meta:
        verbose_name = "review"

    def __str__(self):
        return f"Review by {self.reviewer}"

    def save(self, *args, **kwargs):
        # A review recorded without a fingerprint is of the steps as they stand.
        if not self.steps_fingerprint and self.exercise_id:
            self.steps_fingerprint = steps_fingerprint(self.exercise_id)
        super().save(*args, **kwargs)

    def natural_key(self):
        return self.exercise.natural_key()

    natural_key.dependencies = ["catalogue.exercise", "catalogue.step"]

    def mark_steps_reviewed(self):
        self.steps_fingerprint = steps_fingerprint(self.exercise_id)

    def is_current_for(self, steps):
        """Whether these steps (already fetched) are the ones reviewed."""
        return self.steps_fingerprint == fingerprint_of(
            (step.number, step.text) for step in steps
        )

    @property
    def reviewed_by(self):
        if self.reviewer_credentials:
            return f"{self.reviewer}, {self.reviewer_credentials}"
        return self.reviewer


class ExerciseRedirect(models.Model):
    """The address of an exercise merged into another: it answers a 301 to the target.

    Kept for good: a merged exercise's URL may be linked from anywhere.
    """

    old_slug = models.SlugField(max_length=140, unique=True)
    old_name = models.CharField(max_length=120, blank=True)
    target = models.ForeignKey(
        Exercise, on_delete=models.CASCADE, related_name="merged_redirects"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_slug"]
        verbose_name = "merged exercise address"

    def __str__(self):
        return f"/exercises/{self.old_slug}/ → {self.target_id}"


# Registered here, while the models load, so that the admin (which registers
# what is not yet registered) finds every model already followed as wanted.
from curation import history  # noqa: E402

history.register()
