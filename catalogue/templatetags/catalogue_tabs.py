from django.urls import reverse

from core.jinja import inclusion

TABS = (
    ("list", "A–Z", "catalogue:exercise_list"),
    ("analysis", "Analysis", "catalogue:analysis"),
    ("discussion", "Discussion", "discussion:discussion_list"),
)


@inclusion("catalogue/includes/tabs.html")
def tab_bar(current, list_url):
    """The A–Z · Analysis · Discussion tabs; each keeps the list's query
    (``list_url``, the list's own URL for the current selection, no page)."""
    _, _, query = str(list_url).partition("?")
    suffix = f"?{query}" if query else ""
    return {
        "current": current,
        "tabs": [(key, label, reverse(name) + suffix) for key, label, name in TABS],
    }
