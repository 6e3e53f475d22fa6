from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    holds_content = True  # see core.content

    def ready(self):
        from articles import signals  # noqa: F401
