"""Move the content version on whenever content changes (see core.cache)."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal

from core.content import content_models
from core.models import ContentVersion

# Sent by bulk changes of publication (QuerySet.update skips post_save), with
# the model as sender, so that what depends on it can follow.
publication_changed = Signal()


def content_changed(sender, **kwargs):
    ContentVersion.bump()


def connect_content_signals():
    for model in content_models():
        post_save.connect(
            content_changed, sender=model, dispatch_uid=f"content-save-{model}"
        )
        post_delete.connect(
            content_changed, sender=model, dispatch_uid=f"content-del-{model}"
        )
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                content_changed,
                sender=field.remote_field.through,
                dispatch_uid=f"content-m2m-{model}-{field.name}",
            )
