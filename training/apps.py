from django.apps import AppConfig


class TrainingConfig(AppConfig):
    """Plans built from the catalogue for a reader: the routine builder.

    It holds no content of its own (no models): it reads the catalogue and the
    article, so it sits above both in the layering (tests/test_layout.py).
    """

    name = "training"
