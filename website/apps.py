from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    """The site as a whole: the pages above the content apps, and the editors' tools
    that span them (the sitemap, data quality, loading content, the Editors group)."""

    name = "website"
