import functools

from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.jinja import inclusion
from discussion.forms import CommentForm, target_key
from discussion.models import Comment

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


# Stands in for the page's key while the hidden field is rendered once; only
# characters that HTML escaping leaves alone, so it is found again verbatim.
ON_PLACEHOLDER = "on-field-value-placeholder"


@functools.cache
def on_field_around():
    """The hidden ``on`` field's HTML before and after its value, rendered once
    per process by the form itself (building a form and rendering a widget
    for each page had cost as much as the rest of the comments section)."""
    before, after = str(comment_form(ON_PLACEHOLDER)["on"]).split(ON_PLACEHOLDER)
    return before, after


def on_field(key):
    before, after = on_field_around()
    return mark_safe(before + escape(key) + after)


@inclusion("discussion/includes/comments.html", takes_context=True)
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
        "on_field": on_field(target_key(target)),
        "blank_fields": blank_fields(),
        "is_public": target.is_public,
        "SITE_NAME": context.get("SITE_NAME", ""),
    }
