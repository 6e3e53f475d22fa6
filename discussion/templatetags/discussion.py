import functools

from django import template
from django.template.loader import render_to_string

from discussion.forms import CommentForm, target_key
from discussion.models import Comment

register = template.Library()

FORM_FIELDS_TEMPLATE = "discussion/includes/form_fields.html"


def comment_form(key=""):
    return CommentForm(initial={"on": key}, auto_id="comment-%s")


@functools.cache
def blank_fields():
    """The blank form's visible fields and its honeypot: the same under every
    exercise and the article, so rendered once per process (the form's widgets
    were most of an exercise page's template time). Only the hidden ``on``
    field says which page the form is on."""
    form = comment_form()
    return render_to_string(
        FORM_FIELDS_TEMPLATE, {"form": form, "fields": form.visible_fields()[:3]}
    )


@register.inclusion_tag("discussion/includes/comments.html", takes_context=True)
def discussion_for(context, target):
    """The comments under an exercise or the article, and the form to add one.

    One query. The page is cached and shared, so the form carries nothing
    about the reader (see discussion.views).
    """
    comments = Comment.objects.for_page(target)
    count = sum(1 + len(comment.reply_list) for comment in comments)
    return {
        "comments": comments,
        "count": count,
        "on_field": comment_form(target_key(target))["on"],
        "blank_fields": blank_fields(),
        "is_public": target.is_public,
        "SITE_NAME": context.get("SITE_NAME", ""),
    }
