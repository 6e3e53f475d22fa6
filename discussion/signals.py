"""Approved comments are part of the cached pages: changing them moves the
content version on (see core.cache), so readers see a change at once."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.models import ContentVersion
from discussion.models import Comment


@receiver(post_save, sender=Comment, dispatch_uid="discussion-comment-saved")
@receiver(post_delete, sender=Comment, dispatch_uid="discussion-comment-deleted")
def comment_changed(sender, instance, raw=False, **kwargs):
    # A reader's new comment waits for approval: it changes no page, so a flood
    # of posts cannot empty the page cache.
    if not raw and instance.was_or_is_visible:
        ContentVersion.bump()
    instance._loaded_status = instance.__dict__.get("status")
