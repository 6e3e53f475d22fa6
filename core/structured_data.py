"""JSON-LD blocks (schema.org) for search engines.

A ``<script type="application/ld+json">`` is a data block, not a script: the
browser never runs it, so the strict Content-Security-Policy (script-src 'self',
no nonce, because pages are cached whole) does not apply to it.
"""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core.urls import absolute_url

SCHEMA = "https://schema.org"
# Never let the data close the script element or open a comment.
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def without_empty(data):
    """Drop None, "" and [] values (schema.org wants absent, not empty)."""
    if isinstance(data, dict):
        return {
            key: without_empty(value)
            for key, value in data.items()
            if value not in (None, "", [])
        }
    if isinstance(data, list):
        return [without_empty(item) for item in data]
    return data


def json_ld(*blocks):
    """Each block as one JSON-LD data block, with its @context."""
    return mark_safe(
        "".join(
            format_html(
                '<script type="application/ld+json">{}</script>',
                mark_safe(
                    json.dumps(
                        {"@context": SCHEMA, **without_empty(block)},
                        ensure_ascii=False,
                    ).translate(JSON_ESCAPES)
                ),
            )
            for block in blocks
            if block
        )
    )


def breadcrumb_list(crumbs, current_url):
    """A BreadcrumbList: Home, then (label, path) pairs; the last is this page."""
    trail = [("Home", "/"), *crumbs]
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": label,
                "item": absolute_url(path) if path else current_url,
            }
            for position, (label, path) in enumerate(trail, start=1)
        ],
    }


def organization():
    """The publisher: the site itself."""
    return {"@type": "Organization", "name": "Backbone", "url": absolute_url("/")}


def image_object(image):
    """An ImageObject from a sharing image (anatomy.cards.Card or core.sharing)."""
    return {
        "@type": "ImageObject",
        "url": absolute_url(image.url),
        "width": image.width,
        "height": image.height,
        "caption": image.alt,
    }
