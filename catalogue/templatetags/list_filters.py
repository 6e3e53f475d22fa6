"""The list's filter checkboxes.

Rendered here rather than by a template partial: the list's sidebar shows
about sixty options on every uncached list page, and resolving each option's
five template variables cost more than the rest of the page together
(bench/profile_pages.py). ``html.escape`` is what Django's ``escape`` calls,
without the lazy-string check around it that cost as much again. The markup
is the same as the template's was.
"""

from html import escape

from django.utils.safestring import mark_safe

from core.jinja import helper


def checkbox(name, option, hidden_prefix):
    return (
        f'<li><label class="option"><input type="checkbox" name="{escape(name)}" '
        f'value="{escape(str(option.value))}"{" checked" if option.selected else ""}> '
        f"{hidden_prefix}{escape(str(option.label))} "
        f'<span class="option__n">({int(option.count)})</span></label></li>'
    )


@helper
def facet_options(options, name, hidden_prefix="", own_count=False):
    """One ``<li>`` checkbox per option a reader can use: those that would give
    something, or are ticked. ``own_count``: judge a group by its own count,
    not its muscles' (the group tags, shown apart from their muscles).
    ``hidden_prefix``: words for screen readers before the label ("I own")."""
    if own_count:
        shown = [option for option in options if option.count or option.selected]
    else:
        shown = [option for option in options if option.visible]
    prefix = (
        f'<span class="visually-hidden">{escape(hidden_prefix)}</span>'
        if hidden_prefix
        else ""
    )
    return mark_safe("".join(checkbox(name, option, prefix) for option in shown))
