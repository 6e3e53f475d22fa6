from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "catalogue"
    holds_content = True  # see core.content

    def ready(self):
        from catalogue import signals  # noqa: F401
