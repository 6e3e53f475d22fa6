from django.apps import AppConfig


class AnatomyConfig(AppConfig):
    name = "anatomy"
    holds_content = True  # see core.content
