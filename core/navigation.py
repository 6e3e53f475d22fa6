from django.urls import reverse


def breadcrumbs(*trail):
    """Home, then (label, url name or URL) pairs; the last is the current page."""
    crumbs = [("Home", reverse("core:home"))]
    for label, target in trail:
        crumbs.append((label, reverse(target) if target and ":" in target else target))
    return crumbs
