"""A review or a merged address changes what pages show: move the content version on.

core.signals does this for the content apps it lists; the curation app keeps
its own connection rather than join that list.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.models import ContentVersion
from curation.models import ExerciseRedirect, ExerciseReview


@receiver(post_save, sender=ExerciseReview)
@receiver(post_delete, sender=ExerciseReview)
@receiver(post_save, sender=ExerciseRedirect)
@receiver(post_delete, sender=ExerciseRedirect)
def curation_changed(sender, **kwargs):
    ContentVersion.bump()
