"""System checks for settings this project adds."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def site_url_is_configured(app_configs, **kwargs):
    """Production must say where it lives: every absolute URL is built from it."""
    if getattr(settings, "SITE_URL_CONFIGURED", True):
        parts = urlsplit(settings.SITE_URL)
        if parts.scheme in ("http", "https") and parts.netloc and not parts.path:
            return []
        return [
            Warning(
                f"SITE_URL {settings.SITE_URL!r} is not an origin like "
                "https://example.org (scheme and host, no path).",
                id="core.W002",
            )
        ]
    return [
        Warning(
            "SITE_URL is not set: canonical links, sharing cards, the sitemap, "
            f"robots.txt and feeds point at {settings.SITE_URL}.",
            hint="Set the SITE_URL environment variable to the public origin, "
            "e.g. https://backbone.example.",
            id="core.W001",
        )
    ]
