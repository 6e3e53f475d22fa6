from django.apps import AppConfig


class DiscussionConfig(AppConfig):
    name = "discussion"
    # Editors moderate comments (setup_editors); a comment changes what readers
    # see only once approved, which its own signal handles (discussion.signals).
    edited_by_editors = True

    def ready(self):
        from discussion import signals  # noqa: F401
