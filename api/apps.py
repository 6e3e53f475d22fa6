from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The read-only open-data API. Above the content apps, beside the website:
    it reads their models and never defines content of its own."""

    name = "api"
    verbose_name = "Open data API"
