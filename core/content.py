"""Which installed apps hold the site's content, found without naming them.

A content app's AppConfig sets ``holds_content = True``. Everything that must cover "all content"
(the content version, the Editors group, rendition repair, the sitemap and the
data-quality report) asks here, so adding an app never means editing a list.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps


def content_app_configs():
    return [
        config
        for config in apps.get_app_configs()
        if getattr(config, "holds_content", False)
    ]


def editorial_app_configs():
    """The apps the Editors group works in: the content, and those whose
    AppConfig sets ``edited_by_editors`` (comments, which editors moderate but
    which are not content until approved)."""
    return [
        config
        for config in apps.get_app_configs()
        if getattr(config, "holds_content", False)
        or getattr(config, "edited_by_editors", False)
    ]


def content_models():
    return [model for config in content_app_configs() for model in config.get_models()]


def content_submodules(name):
    """Each content app's module ``name`` (e.g. "sitemaps"), where it has one."""
    modules = []
    for config in content_app_configs():
        dotted = f"{config.name}.{name}"
        if find_spec(dotted) is not None:
            modules.append(import_module(dotted))
    return modules
