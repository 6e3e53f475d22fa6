from django.apps import AppConfig


class DiscussionConfig(AppConfig):
    name = "discussion"

    def ready(self):
        from discussion import signals  # noqa: F401
