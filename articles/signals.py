"""Keep articles' exercise links right when an exercise is renamed or removed.

``[[Name]]`` links are resolved when an article is saved; an exercise's new
slug (or its deletion) would otherwise leave a stale link in the stored HTML.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from articles.models import FAQ, Article
from catalogue.models import Exercise


@receiver(post_save, sender=Exercise)
@receiver(post_delete, sender=Exercise)
def rerender_linked_articles(sender, instance, raw=False, **kwargs):
    if raw:
        return
    for article in Article.objects.filter(body__contains="[["):
        article.render()
        Article.objects.filter(pk=article.pk).update(
            body_html=article.body_html, toc=article.toc
        )
    for faq in FAQ.objects.filter(answer__contains="[["):
        faq.render()
        FAQ.objects.filter(pk=faq.pk).update(answer_html=faq.answer_html)
