from django.apps import AppConfig


class CurationConfig(AppConfig):
    """Trust in the content: review status, history and revert, merging duplicates."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "curation"
    verbose_name = "Review, history and merges"
    # The Editors group records reviews and merges (setup_editors).
    edited_by_editors = True

    def ready(self):
        from curation import signals  # noqa: F401 (connects the receivers)
