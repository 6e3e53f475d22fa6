from django import template

from core.sharing import share_image
from core.urls import absolute_url

register = template.Library()


@register.filter(name="absolute")
def absolute(path):
    """A path on the configured public origin (see core.urls)."""
    return absolute_url(str(path)) if path else ""


@register.filter(name="share_image")
def share_image_filter(owner):
    """An illustrated object's image for link previews (None without one)."""
    return share_image(owner)
