from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"

    def ready(self):
        from core import checks  # noqa: F401 (registers the checks)
        from core.signals import connect_content_signals

        connect_content_signals()
