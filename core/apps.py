from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"

    def ready(self):
        from core.signals import connect_content_signals

        connect_content_signals()
