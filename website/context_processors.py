SECTIONS = {"catalogue": "exercises", "anatomy": "anatomy", "articles": "articles"}


def site(request):
    """The site's name and the section of the current page, for the header."""
    match = getattr(request, "resolver_match", None)
    namespace = match.namespace if match else ""
    return {"SITE_NAME": "Backbone", "section": SECTIONS.get(namespace, namespace)}
