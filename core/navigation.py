from django.urls import reverse


def breadcrumbs(*trail):
    """(label, url name or URL) pairs below Home; the last is the current page.

    Home itself is the first crumb of ``includes/breadcrumbs.html``: the home page
    belongs to the site, above the apps that call this.
    """
    return [
        (label, reverse(target) if target and ":" in target else target)
        for label, target in trail
    ]
