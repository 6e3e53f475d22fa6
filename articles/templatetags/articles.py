import json
import re

from django import template
from django.urls import Resolver404, resolve
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from articles.markdown import plain_text

register = template.Library()

SITE_PATH = re.compile(r"(?<![\w/])(/[a-z0-9][a-z0-9/-]*/)")


@register.filter
def link_site_paths(text):
    """Plain text with the site's own paths (e.g. /routine/) made into links.

    FAQ answers are plain text; a path that names one of our pages becomes a
    link, anything else stays text. Escaped here, so safe for ``linebreaks``.
    """

    def link(match):
        path = match.group(1)
        try:
            resolve(path)
        except Resolver404:
            return path
        return f'<a href="{path}">{path}</a>'

    return mark_safe(SITE_PATH.sub(link, escape(text)))


JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data):
    """A JSON-LD data block (not executable, so the strict CSP does not apply)."""
    encoded = json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES)
    return format_html(
        '<script type="application/ld+json">{}</script>', mark_safe(encoded)
    )


@register.simple_tag(takes_context=True)
def article_structured_data(context, article):
    """Article and FAQPage structured data for search engines."""
    request = context["request"]
    blocks = [
        {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": article.title,
            "description": article.standfirst,
            # No date the source does not give (show_published_date off).
            "datePublished": article.published_at.isoformat()
            if article.show_published_date
            else None,
            "dateModified": article.revised_at.isoformat()
            if article.revised_at
            else None,
            "isBasedOn": article.source_url or None,
            "author": {"@type": "Organization", "name": article.author}
            if article.author
            else None,
            "reviewedBy": {"@type": "Person", "name": article.reviewer}
            if article.reviewer
            else None,
            "mainEntityOfPage": request.build_absolute_uri(article.get_absolute_url()),
            "citation": [ref.link for ref in article.references.all()],
        }
    ]
    faqs = list(article.faqs.all())
    if faqs:
        blocks.append(
            {
                "@context": "https://schema.org",
                "@type": "FAQPage",
                "mainEntity": [
                    {
                        "@type": "Question",
                        "name": faq.question,
                        "acceptedAnswer": {
                            "@type": "Answer",
                            "text": plain_text(faq.answer),
                        },
                    }
                    for faq in faqs
                ],
            }
        )
    cleaned = [{k: v for k, v in block.items() if v is not None} for block in blocks]
    return mark_safe("".join(json_ld(block) for block in cleaned))
