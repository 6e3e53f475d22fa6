"""Keep each exercise's derived fields (index letter, search index) current.

Step edits arrive through admin inlines, fixtures (``raw`` saves, which skip
``Model.save()``) and the importer; all of them pass through these receivers.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from catalogue.models import Exercise, Step


@receiver(post_save, sender=Exercise)
def index_loaded_exercise(sender, instance, raw, **kwargs):
    if raw:
        Exercise.objects.filter(pk=instance.pk).reindex()


@receiver(post_save, sender=Step)
@receiver(post_delete, sender=Step)
def reindex_exercise_of_step(sender, instance, **kwargs):
    Exercise.objects.filter(pk=instance.exercise_id).reindex()
