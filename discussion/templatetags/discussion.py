from django import template

from discussion.forms import CommentForm, target_key
from discussion.models import Comment

register = template.Library()


@register.inclusion_tag("discussion/includes/comments.html", takes_context=True)
def discussion_for(context, target):
    """The comments under an exercise or the article, and the form to add one.

    One query. The page is cached and shared, so the form carries nothing
    about the reader (see discussion.views).
    """
    comments = Comment.objects.for_page(target)
    count = sum(1 + len(comment.reply_list) for comment in comments)
    key = target_key(target)
    return {
        "comments": comments,
        "count": count,
        "form": CommentForm(initial={"on": key}, auto_id="comment-%s"),
        "is_public": target.is_public,
        "SITE_NAME": context.get("SITE_NAME", ""),
    }
