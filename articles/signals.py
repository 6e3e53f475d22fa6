"""Keep articles' exercise links right when an exercise changes.

``[[Name]]`` links are resolved when an article is saved, against what
readers may see; an exercise published, unpublished, renamed or deleted
afterwards (by a save, or by the admin's bulk actions, which announce it with
``core.signals.publication_changed``) would otherwise leave the stored HTML
stale: a dead link, or a draft's name and slug.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from articles.models import FAQ, Article
from catalogue.models import Exercise
from core.models import ContentVersion
from core.signals import publication_changed


@receiver(post_save, sender=Exercise)
@receiver(post_delete, sender=Exercise)
def rerender_linked_articles(sender, instance, raw=False, **kwargs):
    if raw:
        return
    relink_everything()


@receiver(publication_changed, sender=Exercise)
def rerender_after_bulk_publication(sender, **kwargs):
    relink_everything()


def relink_everything():
    """Articles' bodies and FAQ answers that link exercises, rendered again; the
    content version moves on when a stored text changed."""
    changed = Article.objects.relink()
    faqs_changed = False
    for faq in FAQ.objects.filter(answer__contains="[["):
        before = faq.answer_html
        faq.render()
        if faq.answer_html != before:
            FAQ.objects.filter(pk=faq.pk).update(answer_html=faq.answer_html)
            faqs_changed = True
    if faqs_changed and not changed:
        ContentVersion.bump()
