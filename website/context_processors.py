from anatomy.cards import site_card
from core.urls import absolute_url

SECTIONS = {"catalogue": "exercises", "anatomy": "anatomy", "articles": "articles"}


def site(request):
    """The site's name, the current section, and the page's defaults for search
    engines and link previews: its canonical URL (the path on the configured
    origin, any query dropped; a view that reads its query passes its own),
    no robots directive, and the site's sharing card."""
    match = getattr(request, "resolver_match", None)
    namespace = match.namespace if match else ""
    return {
        "SITE_NAME": "Backbone",
        "section": SECTIONS.get(namespace, namespace),
        "canonical_url": absolute_url(request.path),
        "robots": "",
        "share_card": site_card(),
    }
