from django.apps import AppConfig


class SafeguardsConfig(AppConfig):
    """Hardening that no content app owns: response headers, a busy database,
    stale admin forms, login lockouts' page, backup and restore."""

    name = "safeguards"
