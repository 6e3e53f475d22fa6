"""``[[Name]]`` links in the plain-text fields (tips, summaries, descriptions).

Articles and FAQ answers are Markdown, rendered when saved. Short plain-text
fields are linked when the page renders instead: the names on a page resolve in
one query (none when no field has a link), so a renamed or merged exercise is
followed at once, and the text stays plain for the search index and the cards.
A name that matches no exercise shows as its words, unlinked.
"""

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from articles.markdown import (
    EXERCISE_LINK,
    exercise_names_in,
    plain_text,
    resolve_exercises,
)


def link_texts(texts):
    """Each text as safe HTML with its exercise names linked: one query in all."""
    texts = [text or "" for text in texts]
    names = [name for text in texts if "[[" in text for name in exercise_names_in(text)]
    # Only exercises readers may see are linked (drafts stay plain words).
    unique = list(dict.fromkeys(names))
    urls = resolve_exercises(unique, rendering=True).urls if names else {}
    return [_linked(text, urls) for text in texts]


def _linked(text, urls):
    parts, last = [], 0
    for match in EXERCISE_LINK.finditer(text):
        parts.append(escape(text[last : match.start()]))
        name = match.group(1).strip()
        words = (match.group(2) or name).strip()
        url = urls.get(name)
        parts.append(
            format_html('<a class="exercise-link" href="{}">{}</a>', url, words)
            if url
            else escape(words)
        )
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


__all__ = ["link_texts", "plain_text"]
