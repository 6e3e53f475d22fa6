"""The Open Graph and Twitter tags of a page's link preview."""

from django.template.defaultfilters import truncatechars
from markupsafe import Markup, escape

from core.jinja import helper, template_filter
from core.sharing import share_image
from core.urls import absolute_url

DEFAULT_DESCRIPTION = (
    "A clear, trustworthy library of exercises: step-by-step technique, "
    "the muscles each one works, and the equipment you need."
)


@helper(takes_context=True)
def share_tags(context, title="", description="", kind="website", image=None):
    """A page passes its title, description, kind ("article") and image (url,
    alt, width, height); what it leaves out comes from the site: its name,
    its description, its sharing card. Twitter repeats the Open Graph title,
    description and image under its own names."""
    site_name = context.get("SITE_NAME", "")
    title = title or site_name
    description = truncatechars(description or DEFAULT_DESCRIPTION, 200)
    image = image or context.get("share_card")
    path = image.url  # a card's URL is reversed each time it is read
    image_url = absolute_url(str(path)) if path else ""
    open_graph = [
        ("property", "og:site_name", site_name),
        ("property", "og:locale", "en_GB"),
        ("property", "og:type", kind),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", context.get("canonical_url", "")),
        ("property", "og:image", image_url),
        ("property", "og:image:width", image.width),
        ("property", "og:image:height", image.height),
        ("property", "og:image:alt", image.alt),
    ]
    twitter = [
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
        ("name", "twitter:image", image_url),
        ("name", "twitter:image:alt", image.alt),
    ]
    # markupsafe's escape() is C; Markup.format() and format_html() go
    # through string.Formatter, which had cost more than the rest of the page's
    # head.
    return Markup(
        "\n  ".join(
            f'<meta {attribute}="{name}" content="{escape(value)}">'
            for attribute, name, value in open_graph + twitter
        )
    )


@template_filter(name="share_image")
def share_image_filter(owner):
    """An illustrated object's image for link previews (None without one)."""
    return share_image(owner)
